"""Tests of the Kolada connector against a real local HTTP server.

The server (``http.server.ThreadingHTTPServer`` on 127.0.0.1, port 0) serves the
hand-written responses in ``tests/kolada_fixtures/`` (illustrative values, see the
README there). Nothing here touches the internet, and the HTTP client itself is
never mocked.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sociokalkyl.errors import DataSourceError, InputError
from sociokalkyl.sources import kolada
from sociokalkyl.sources.kolada import KoladaClient, KoladaValue, Municipality, to_cost_item

FIXTURES = Path(__file__).parent / "kolada_fixtures"

PLAIN = "/v2/data/kpi/N33100/municipality/1880/year/2022,2023"
PAGED = "/v2/data/kpi/N33100/municipality/0180/year/2021,2022,2023"
GENDER = "/v2/data/kpi/N33100/municipality/0581/year/2023"
NULLS = "/v2/data/kpi/N33100/municipality/2380/year/2022,2023"
ONE_YEAR = "/v2/data/kpi/N33100/municipality/1880/year/2023"


@dataclass(frozen=True)
class Route:
    """What the local server answers for one path (with its query string)."""

    status: int = 200
    fixture: str | None = None
    body: bytes = b""
    delay_before_headers: float = 0.0
    delay_before_body: float = 0.0
    prefix: str = ""  # scenario prefix that replaces __BASE__ together with the server URL


ROUTES: dict[str, Route] = {
    PLAIN: Route(fixture="data_plain.json"),
    PAGED: Route(fixture="data_paginated_page1.json"),
    PAGED + "?page=2&per_page=2": Route(fixture="data_paginated_page2.json"),
    GENDER: Route(fixture="data_gender.json"),
    NULLS: Route(fixture="data_null_value.json"),
    "/v2/municipality/1880": Route(fixture="municipality_1880.json"),
    "/v2/municipality/9999": Route(fixture="empty.json"),
    "/v2/municipality?title=%C3%96rebro": Route(fixture="municipality_title_orebro.json"),
    "/v2/kpi/N33100": Route(fixture="kpi_N33100.json"),
    "/v2/kpi/N99999": Route(fixture="empty.json"),
    # HTTP errors, each under its own scenario prefix
    "/http400" + ONE_YEAR: Route(status=400, body=b'{"error": "illustrative bad request"}'),
    "/http500" + ONE_YEAR: Route(status=500, body=b"Internal Server Error"),
    # timeouts: no answer at all, or headers and then nothing
    "/slow" + ONE_YEAR: Route(fixture="data_plain.json", delay_before_headers=1.0),
    "/slowbody" + ONE_YEAR: Route(fixture="data_plain.json", delay_before_body=1.0),
    # malformed responses
    "/nojson" + ONE_YEAR: Route(fixture="malformed_not_json.html"),
    "/novalues" + ONE_YEAR: Route(fixture="malformed_missing_values.json"),
    "/badvalue" + ONE_YEAR: Route(fixture="malformed_value_type.json"),
    "/othermun" + ONE_YEAR: Route(fixture="data_wrong_municipality.json"),
    "/loop" + ONE_YEAR: Route(fixture="data_next_page_loop.json", prefix="/loop"),
    "/filepage" + ONE_YEAR: Route(fixture="data_next_page_file.json"),
    # page 1 fine, page 2 a server fault
    "/brokenpage2" + PAGED: Route(fixture="data_paginated_page1.json", prefix="/brokenpage2"),
    "/brokenpage2" + PAGED + "?page=2&per_page=2": Route(status=500, body=b"fault"),
}


class KoladaTestServer(ThreadingHTTPServer):
    """Local stand-in for api.kolada.se serving ``ROUTES``."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []
        self.stopping = threading.Event()
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._stopped = False

    @property
    def root(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def base(self, prefix: str = "") -> str:
        """The base_url for a scenario, e.g. ``http://127.0.0.1:PORT/http500/v2``."""
        return f"{self.root}{prefix}/v2"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.stopping.set()  # wakes handlers that are sleeping to provoke a timeout
        self.shutdown()
        self._thread.join()
        self.server_close()  # also joins the handler threads


class _Handler(BaseHTTPRequestHandler):
    server: KoladaTestServer

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        route = ROUTES.get(self.path)
        if route is None:
            self._send(404, b'{"error": "illustrative: no such route"}')
            return
        if route.delay_before_headers and self.server.stopping.wait(route.delay_before_headers):
            return
        body = route.body
        if route.fixture is not None:
            text = (FIXTURES / route.fixture).read_text(encoding="utf-8")
            body = text.replace("__BASE__", self.server.root + route.prefix).encode("utf-8")
        self._send(route.status, body, delay_before_body=route.delay_before_body)

    def _send(self, status: int, body: bytes, *, delay_before_body: float = 0.0) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            if delay_before_body and self.server.stopping.wait(delay_before_body):
                return
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)


@pytest.fixture
def server() -> Iterator[KoladaTestServer]:
    srv = KoladaTestServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A base_url on 127.0.0.1 where nothing listens (bound, not listening: refused)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        yield f"http://127.0.0.1:{port}/v2"
    finally:
        sock.close()


def cache_files(cache_dir: Path) -> list[Path]:
    """Every file in the cache dir, temporary ones included."""
    return sorted(p for p in cache_dir.rglob("*") if p.is_file()) if cache_dir.exists() else []


def client_for(
    server: KoladaTestServer, cache_dir: Path, prefix: str = "", **kwargs: Any
) -> KoladaClient:
    return KoladaClient(server.base(prefix), cache_dir=cache_dir, **kwargs)


# -- successful responses ---------------------------------------------------------------


def test_fetch_plain(server: KoladaTestServer, tmp_path: Path) -> None:
    values = client_for(server, tmp_path).fetch("N33100", "1880", [2022, 2023])
    assert values == [
        KoladaValue("N33100", "1880", 2022, 3312.0, "T", "", 1),
        KoladaValue("N33100", "1880", 2023, 3450.0, "T", "", 1),
    ]
    assert server.requests == [PLAIN]
    assert not any(v.missing for v in values)


def test_years_are_sorted_and_deduplicated_in_the_url(
    server: KoladaTestServer, tmp_path: Path
) -> None:
    client = client_for(server, tmp_path)
    values = client.fetch("n33100", "1880", (2023, 2022, 2023))
    assert [v.year for v in values] == [2022, 2023]
    assert [v.year for v in client.fetch("N33100", "1880", range(2022, 2024))] == [2022, 2023]
    assert [v.year for v in client.fetch("N33100", "1880", iter([2023, 2022]))] == [2022, 2023]
    assert server.requests == [PLAIN, PLAIN, PLAIN]


def test_fetch_follows_next_page(server: KoladaTestServer, tmp_path: Path) -> None:
    values = client_for(server, tmp_path).fetch("N33100", "0180", [2021, 2022, 2023])
    assert [(v.year, v.value) for v in values] == [(2021, 4010.5), (2022, 4125.0), (2023, 4290.0)]
    assert server.requests == [PAGED, PAGED + "?page=2&per_page=2"]
    assert len(cache_files(tmp_path)) == 2  # one cache entry per page


def test_gender_rows_total_is_chosen(server: KoladaTestServer, tmp_path: Path) -> None:
    client = client_for(server, tmp_path)
    [total] = client.fetch("N33100", "0581", 2023)
    assert (total.gender, total.value) == ("T", 3580.0)
    [women] = client.fetch("N33100", "0581", 2023, gender="K")
    assert (women.gender, women.value) == ("K", 3700.0)


def test_null_value_and_absent_year_are_missing_not_zero(
    server: KoladaTestServer, tmp_path: Path
) -> None:
    null_year, absent_year = client_for(server, tmp_path).fetch("N33100", "2380", [2022, 2023])
    assert null_year.value is None
    assert null_year.missing
    assert null_year.status == ""  # Kolada returned a row, with a null value
    assert absent_year == KoladaValue("N33100", "2380", 2023, None, "T", None, None)
    assert absent_year.missing
    assert str(absent_year) == "N33100, 2380, 2023 (T): missing"


def test_municipality_lookup(server: KoladaTestServer, tmp_path: Path) -> None:
    client = client_for(server, tmp_path)
    assert client.municipality("1880") == Municipality("1880", "Örebro", "K")
    assert client.municipality("1880").kind == "kommun"
    with pytest.raises(DataSourceError, match=r"no municipality with id '9999'"):
        client.municipality("9999")


def test_find_municipalities_encodes_the_title(server: KoladaTestServer, tmp_path: Path) -> None:
    found = client_for(server, tmp_path).find_municipalities("Örebro")
    assert [(m.id, m.kind) for m in found] == [("1880", "kommun"), ("0018", "region")]
    assert server.requests == ["/v2/municipality?title=%C3%96rebro"]


def test_kpi_title(server: KoladaTestServer, tmp_path: Path) -> None:
    client = client_for(server, tmp_path)
    assert client.kpi_title("N33100").startswith("Kostnad institutionsvård")
    with pytest.raises(DataSourceError, match=r"no KPI with id 'N99999'"):
        client.kpi_title("N99999")


# -- failures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "kpi", "status", "hint"),
    [
        ("/http400", "N33100", 400, "check the KPI id"),
        ("", "N99998", 404, "check base_url"),
        ("/http500", "N33100", 500, "offline=True"),
    ],
)
def test_http_errors(
    server: KoladaTestServer, tmp_path: Path, prefix: str, kpi: str, status: int, hint: str
) -> None:
    client = client_for(server, tmp_path, prefix)
    url = client.data_url(kpi, "1880", 2023)
    with pytest.raises(DataSourceError) as info:
        client.fetch(kpi, "1880", 2023)
    message = str(info.value)
    assert f"HTTP {status}" in message
    assert url in message
    assert hint in message
    assert info.value.value == status
    assert isinstance(info.value, OSError)
    assert cache_files(tmp_path) == []


@pytest.mark.parametrize("prefix", ["/slow", "/slowbody"])
def test_timeout(server: KoladaTestServer, tmp_path: Path, prefix: str) -> None:
    client = client_for(server, tmp_path, prefix, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(DataSourceError, match=r"within 0\.2 s \(timeout\)"):
        client.fetch("N33100", "1880", 2023)
    assert time.monotonic() - started < 0.9
    assert cache_files(tmp_path) == []


def test_no_network(refused_url: str, tmp_path: Path) -> None:
    client = KoladaClient(refused_url, cache_dir=tmp_path, timeout=2)
    with pytest.raises(DataSourceError, match=r"could not connect to Kolada") as info:
        client.fetch("N33100", "1880", 2023)
    assert "offline=True" in str(info.value)
    assert cache_files(tmp_path) == []


@pytest.mark.parametrize(
    ("prefix", "field"),
    [
        ("/nojson", "response"),
        ("/novalues", "values"),
        ("/badvalue", "values[0].values[0].value"),
        ("/othermun", "values[0].municipality"),
        ("/loop", "next_page"),
        ("/filepage", "next_page"),
    ],
)
def test_malformed_responses_name_the_field(
    server: KoladaTestServer, tmp_path: Path, prefix: str, field: str
) -> None:
    with pytest.raises(DataSourceError) as info:
        client_for(server, tmp_path, prefix).fetch("N33100", "1880", 2023)
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    assert cache_files(tmp_path) == []


def test_failed_second_page_leaves_no_cache_at_all(
    server: KoladaTestServer, tmp_path: Path
) -> None:
    client = client_for(server, tmp_path, "/brokenpage2")
    with pytest.raises(DataSourceError, match=r"HTTP 500"):
        client.fetch("N33100", "0180", [2021, 2022, 2023])
    assert len(server.requests) == 2  # page 1 arrived, page 2 failed
    assert cache_files(tmp_path) == []


# -- cache and offline -----------------------------------------------------------------------


def test_offline_rerun_after_server_stopped(server: KoladaTestServer, tmp_path: Path) -> None:
    online = client_for(server, tmp_path)
    plain = online.fetch("N33100", "1880", [2022, 2023])
    paged = online.fetch("N33100", "0180", [2021, 2022, 2023])
    base = server.base()
    server.stop()

    offline = KoladaClient(base, cache_dir=tmp_path, offline=True)
    assert offline.fetch("N33100", "1880", [2022, 2023]) == plain
    assert offline.fetch("N33100", "0180", [2021, 2022, 2023]) == paged

    fallback = KoladaClient(base, cache_dir=tmp_path, timeout=2, use_cache_on_error=True)
    assert fallback.fetch("N33100", "1880", [2022, 2023]) == plain

    no_fallback = KoladaClient(base, cache_dir=tmp_path, timeout=2)
    with pytest.raises(DataSourceError, match=r"could not connect"):
        no_fallback.fetch("N33100", "1880", [2022, 2023])


def test_offline_without_cache_entry_says_what_to_do(
    server: KoladaTestServer, tmp_path: Path
) -> None:
    client = client_for(server, tmp_path, offline=True)
    with pytest.raises(DataSourceError, match=r"no cached Kolada response") as info:
        client.fetch("N33100", "1880", [2022, 2023])
    assert "offline=False" in str(info.value)
    assert server.requests == []  # offline never touches the network


def test_cache_fallback_without_entry_reports_both_failures(
    refused_url: str, tmp_path: Path
) -> None:
    client = KoladaClient(refused_url, cache_dir=tmp_path, timeout=2, use_cache_on_error=True)
    with pytest.raises(DataSourceError) as info:
        client.fetch("N33100", "1880", 2023)
    assert "could not connect" in str(info.value)
    assert "no cached Kolada response" in str(info.value)


def test_client_errors_do_not_fall_back_to_the_cache(
    server: KoladaTestServer, tmp_path: Path
) -> None:
    client = client_for(server, tmp_path, "/http400", use_cache_on_error=True)
    with pytest.raises(DataSourceError, match=r"HTTP 400") as info:
        client.fetch("N33100", "1880", 2023)
    assert "cache" not in str(info.value)


def test_cache_entry_is_keyed_by_url_and_written_atomically(
    server: KoladaTestServer, tmp_path: Path
) -> None:
    client = client_for(server, tmp_path / "deeper" / "cache")
    client.fetch("N33100", "1880", [2022, 2023])
    url = server.base() + PLAIN.removeprefix("/v2")
    path = client.cache_path(url)
    assert cache_files(tmp_path) == [path]  # no temporary file left behind
    entry = json.loads(path.read_text(encoding="utf-8"))
    assert entry["url"] == url
    assert entry["attribution"].startswith("Källa: Kolada (RKA)")
    assert [item["period"] for item in entry["response"]["values"]] == [2022, 2023]


def test_corrupt_cache_file_is_reported(server: KoladaTestServer, tmp_path: Path) -> None:
    client = client_for(server, tmp_path)
    client.fetch("N33100", "1880", [2022, 2023])
    [path] = cache_files(tmp_path)
    path.write_text("{not json", encoding="utf-8")
    offline = client_for(server, tmp_path, offline=True)
    with pytest.raises(DataSourceError, match=r"not valid JSON.*delete it"):
        offline.fetch("N33100", "1880", [2022, 2023])


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOCIOKALKYL_CACHE", str(tmp_path / "root"))
    assert KoladaClient().cache_dir == tmp_path / "root" / "kolada"
    assert kolada.default_cache_dir() == tmp_path / "root" / "kolada"
    assert KoladaClient(cache_dir=tmp_path / "mine").cache_dir == tmp_path / "mine"
    monkeypatch.delenv("SOCIOKALKYL_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kolada.default_cache_dir() == tmp_path / "xdg" / "sociokalkyl" / "kolada"


# -- input validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "example"),
    [
        ({"kpi": "33100"}, "kpi", "'N33100'"),
        ({"kpi": "N3310"}, "kpi", "'N33100'"),
        ({"kpi": "N33100,N33101"}, "kpi", "'N33100'"),
        ({"municipality": "188"}, "municipality", "'1880'"),
        ({"municipality": "Örebro"}, "municipality", "'1880'"),
        ({"municipality": 180}, "municipality", "'0180'"),
        ({"years": "2023"}, "years", "2023"),
        ({"years": []}, "years", "2023"),
        ({"years": [2023, 1800]}, "years[1]", "2023"),
        ({"years": [3023]}, "years[0]", "2023"),
        ({"years": [2023.0]}, "years[0]", "2023"),
        ({"years": [True]}, "years[0]", "2023"),
        ({"gender": "F"}, "gender", "'T'"),
    ],
)
def test_invalid_inputs(
    server: KoladaTestServer, tmp_path: Path, kwargs: dict[str, Any], field: str, example: str
) -> None:
    args: dict[str, Any] = {"kpi": "N33100", "municipality": "1880", "years": [2023]}
    args.update(kwargs)
    with pytest.raises(InputError) as info:
        client_for(server, tmp_path).fetch(**args)
    assert isinstance(info.value, ValueError)
    assert info.value.field == field
    assert info.value.expected is not None
    assert example in info.value.expected
    assert server.requests == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"base_url": "ftp://api.kolada.se/v2"}, "base_url"),
        ({"base_url": "api.kolada.se/v2"}, "base_url"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": "10"}, "timeout"),
    ],
)
def test_invalid_client_settings(kwargs: dict[str, Any], field: str, tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        KoladaClient(cache_dir=tmp_path, **kwargs)
    assert info.value.field == field


def test_invalid_search_title(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"'Örebro'"):
        KoladaClient(cache_dir=tmp_path).find_municipalities("  ")


# -- conversion to a cost item -------------------------------------------------------------------


def test_to_cost_item_fields(server: KoladaTestServer, tmp_path: Path) -> None:
    _, value = client_for(server, tmp_path).fetch("N33100", "1880", [2022, 2023])
    item = to_cost_item(value, key="hvb_dygn", unit="kr/dygn", name="HVB per vårddygn 0-20 år")
    assert item.key == "hvb_dygn"
    assert item.name == "HVB per vårddygn 0-20 år"
    assert item.unit_cost.to("SEK/day").magnitude == pytest.approx(3450.0)
    assert item.price_year == 2023
    assert item.payer == "kommun"
    assert item.confidence == "S"
    assert item.geography == "1880"
    assert item.source == "Källa: Kolada (RKA), CC BY 4.0; nyckeltal N33100, kommun 1880, år 2023"


def test_to_cost_item_options() -> None:
    value = KoladaValue("N33100", "0581", 2023, 3700.5, "K", "", 1)
    item = to_cost_item(
        value, key="hvb", unit="SEK/day", name="HVB", payer="region", geography="Norrköping"
    )
    assert (item.payer, item.geography) == ("region", "Norrköping")
    assert item.unit_cost.to("SEK/day").magnitude == pytest.approx(3700.5)
    assert item.source is not None
    assert item.source.endswith("nyckeltal N33100, kommun 0581, år 2023, kön K")


def test_to_cost_item_refuses_a_missing_value() -> None:
    value = KoladaValue("N33100", "2380", 2022, None)
    with pytest.raises(DataSourceError, match=r"N33100, kommun 2380, år 2022"):
        to_cost_item(value, key="hvb", unit="kr/dygn", name="HVB")
