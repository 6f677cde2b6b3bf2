"""The SCB connector against a real local HTTP server serving answers in SCB's format.

The server (``http.server.ThreadingHTTPServer`` on 127.0.0.1, port 0) serves the
PxWeb API v1 answers in ``tests/scb_fixtures/`` (metadata on GET, JSON-stat 2.0 data on
POST; 2024-2025 illustrative, see its README) and variations of them, chosen by the
first part of the path: ``http://127.0.0.1:PORT/<case>/PR/PR0101/PR0101A/KPIFastAmed``.
"""

from __future__ import annotations

import copy
import json
import math
import re
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sociokalkyl as sk
from sociokalkyl.cli.main import main
from sociokalkyl.errors import DataSourceError
from sociokalkyl.money import kpi_cache_path, price_index, read_cached_kpi
from sociokalkyl.money.cache import parse_cached_series
from sociokalkyl.report.assumptions import format_assumption_log
from sociokalkyl.sources.scb import KPI_TABLE, ScbNetworkError, fetch_kpi, update_kpi
from sociokalkyl.sources.scb.jsonstat import parse_data

FIXTURES = Path(__file__).parent / "scb_fixtures"
METADATA = json.loads((FIXTURES / "metadata.json").read_text(encoding="utf-8"))
DATA = json.loads((FIXTURES / "data.json").read_text(encoding="utf-8"))
TABLE = "/" + KPI_TABLE
REQUESTS: list[tuple[str, str, Any]] = []


def _with(change: Callable[[dict[str, Any]], None], document: dict[str, Any] = DATA) -> bytes:
    changed = copy.deepcopy(document)
    change(changed)
    return json.dumps(changed).encode()


def _set_value(position: int, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["value"][position] = value

    return change


def _monthly(document: dict[str, Any]) -> None:
    document["dimension"]["Tid"]["category"]["index"] = {"2024M01": 0}
    document["size"] = [1, 1]
    document["value"] = [412.74]


def _two_series(document: dict[str, Any]) -> None:
    document["variables"][0]["values"] = ["000004VU", "000004VV"]


def _other_base(document: dict[str, Any]) -> None:  # KPI2020 = 100, roughly
    document["value"] = [None if v is None else round(v / 3.3592, 2) for v in document["value"]]


ANSWERS: dict[str, bytes] = {
    "nonfinite": json.dumps(DATA).replace("415.1", "1e999").encode(),
    "nan": json.dumps(DATA).replace("415.1", "NaN").encode(),
    "negative": _with(_set_value(18, -415.1)),
    "text": _with(_set_value(18, "415,1")),
    "monthly": _with(_monthly),
    "otherbase": _with(_other_base),
    "notjson": b"<html><body>Underh\xc3\xa5ll</body></html>",
    "noshape": _with(lambda d: d.pop("dimension")),
    "short": _with(lambda d: d["value"].pop()),
    "deep": b"[" * 200 + b"]" * 200,
    "large": b" " * 2_100_000 + json.dumps(DATA).encode(),
    "allnull": _with(lambda d: d.update(value=[None] * len(d["value"]))),
    "badindex": _with(lambda d: d["dimension"]["Tid"]["category"].update(index={"2024": 5})),
    # JSON-stat 2.0 also allows the category index as a list of codes in order
    "listindex": _with(
        lambda d: d["dimension"]["Tid"]["category"].update(
            index=list(d["dimension"]["Tid"]["category"]["index"])
        )
    ),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, method: str) -> None:
        _, case, rest = self.path.split("/", 2)
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        REQUESTS.append((method, self.path, body))
        if "/" + rest != TABLE:
            return self._send(404, b'{"error": "no such table"}')
        if case.startswith("e") and case[1:].isdigit():
            return self._send(int(case[1:]), b"fel")
        if case == "slow":
            time.sleep(3)
        if case == "trickle":
            return self._trickle()
        if case == "redirect":
            port = self.server.server_address[1]
            target = f"http://localhost:{port}/ok{TABLE}"
            return self._send(302, b"", {"Location": target})
        if method == "GET":
            meta = _with(_two_series, METADATA) if case == "twoseries" else None
            return self._send(200, meta or json.dumps(METADATA).encode())
        return self._send(200, ANSWERS.get(case, json.dumps(DATA).encode()))

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.1)

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")


class Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (the deadline tests) breaks the pipe; expected


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOCIOKALKYL_CACHE", str(tmp_path))
    return kpi_cache_path()


def test_fetch_asks_metadata_then_data_and_reads_json_stat(server: str) -> None:
    REQUESTS.clear()
    series = fetch_kpi(base_url=f"{server}/ok", timeout=5)
    assert [method for method, _, _ in REQUESTS] == ["GET", "POST"]
    query = REQUESTS[1][2]
    assert query["response"] == {"format": "json-stat2"}
    assert query["query"][0]["selection"] == {"filter": "item", "values": ["000004VU"]}
    assert query["query"][1] == {"code": "Tid", "selection": {"filter": "all", "values": ["*"]}}
    # 2006-2025 (2026 is null: not yet published)
    assert (min(series.levels), max(series.levels)) == (2006, 2025)
    assert series.levels[2023] == 403.70
    assert series.levels[2024] == 415.10
    assert "KPIFastAmed" in series.source


def test_the_category_index_may_be_a_list(server: str) -> None:
    series = fetch_kpi(base_url=f"{server}/listindex", timeout=5)
    assert series.levels[2025] == 418.50


def test_update_writes_the_cache_and_a_2025_calculation_uses_it(server: str, cache: Path) -> None:
    done = update_kpi(base_url=f"{server}/ok", timeout=5)
    assert done.path == cache
    assert done.new_years == list(range(2006, 2026))
    assert read_cached_kpi() == done.series
    index = price_index("KPI")
    # shipped years are kept to the bit; 2023 -> 2025 = 418.50 / 403.70 (fixture figures)
    assert index.levels[2012] == 314.20
    assert index.factor(2023, 2025) == pytest.approx(418.50 / 403.70)
    assert index.origin(2025).kind == "scb_cache"
    assert index.origin(2023).kind == "shipped"
    settings = sk.Settings(base_year=2025, price_year=2025, horizon=2, discount_rate=0.0)
    assert settings.price_index("KPI").factor(2012, 2025) == pytest.approx(418.50 / 314.20)
    # the assumption log says the years 2024-2025 came from SCB, and when
    intervention, _ = sk.examples.servicetrainee()
    result = sk.evaluate(intervention, settings)
    log = format_assumption_log(result)
    assert f"KPI 2024-2025: SCB, hämtad {done.series.date} till cachen" in log


def test_offline_rerun_reads_the_cache_without_network(server: str, cache: Path) -> None:
    update_kpi(base_url=f"{server}/ok", timeout=5)
    REQUESTS.clear()
    done = update_kpi(base_url="http://127.0.0.1:9", offline=True)
    assert not done.fetched
    assert max(done.series.levels) == 2025
    assert REQUESTS == []


def test_offline_without_a_cache_says_how_to_fill_it(cache: Path) -> None:
    with pytest.raises(DataSourceError, match="priser uppdatera"):
        update_kpi(offline=True)


@pytest.mark.parametrize(
    ("case", "kind", "words"),
    [
        ("e500", ScbNetworkError, "HTTP 500"),
        ("e503", ScbNetworkError, "fel hos SCB"),
        ("e429", ScbNetworkError, "10 anrop per 10 sekunder"),
        ("e404", DataSourceError, "tabellen finns inte"),
        ("e400", DataSourceError, "frågan avvisades"),
        ("e418", DataSourceError, "oväntat svar"),
    ],
)
def test_http_errors_are_clear_swedish_errors(
    server: str, case: str, kind: type[Exception], words: str
) -> None:
    """Worded in both languages: English from the Python API, Swedish in ``.sv``."""
    with pytest.raises(kind) as info:
        fetch_kpi(base_url=f"{server}/{case}", timeout=5)
    assert isinstance(info.value, DataSourceError)
    assert words in info.value.message.sv, info.value.message.sv
    assert f"SCB answered HTTP {case[1:]}" in str(info.value)


def test_a_failed_update_keeps_the_earlier_cache_and_says_so(server: str, cache: Path) -> None:
    update_kpi(base_url=f"{server}/ok", timeout=5)
    before = cache.read_bytes()
    with pytest.raises(
        ScbNetworkError, match=r"KPI cache of \d{4}-\d\d-\d\d \(2006-2025\)"
    ) as info:
        update_kpi(base_url=f"{server}/e500", timeout=5)
    assert cache.read_bytes() == before
    assert re.search(r"fel hos SCB.*KPI-cachen från \d{4}-\d\d-\d\d", info.value.message.sv)


@pytest.mark.parametrize("case", ["slow", "trickle"])
def test_a_slow_server_hits_the_whole_request_deadline(server: str, case: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ScbNetworkError, match=r"within 0\.5 s") as info:
        fetch_kpi(base_url=f"{server}/{case}", timeout=0.5)
    assert "inom 0.5 s" in info.value.message.sv
    assert time.perf_counter() - start < 2.5  # the server would take 3 s


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("nonfinite", "positive finite"),
        ("nan", "not a finite number"),
        ("negative", "positive finite"),
        ("text", "not a number"),
        ("monthly", "not a year"),
        ("twoseries", "one series"),
        ("otherbase", "differs from the shipped"),
        ("notjson", "json"),
        ("noshape", "dimension"),
        ("short", "values for"),
        ("deep", "nests deeper"),
        ("large", "larger than"),
        ("allnull", "no published year"),
        ("badindex", "positions"),
    ],
)
def test_malformed_answers_are_refused_and_nothing_is_cached(
    server: str, cache: Path, case: str, words: str
) -> None:
    with pytest.raises(DataSourceError, match=words):
        update_kpi(base_url=f"{server}/{case}", timeout=5)
    assert not cache.exists()


def test_a_malformed_answer_reads_in_swedish_on_the_command_line(
    server: str, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The problem inside the message is worded in both languages too (no English left)."""
    assert main(["priser", "uppdatera", "--url", f"{server}/negative", "--timeout", "5"]) == 1
    swedish = capsys.readouterr().err
    assert "har inte det väntade formatet" in swedish
    assert "är inget positivt ändligt tal" in swedish
    args = ["priser", "uppdatera", "--url", f"{server}/negative", "--timeout", "5", "--lang", "en"]
    assert main(args) == 1
    assert "is not a positive finite number" in capsys.readouterr().err


def test_a_redirect_to_another_site_is_not_followed(server: str, cache: Path) -> None:
    with pytest.raises(DataSourceError, match="another site") as info:
        update_kpi(base_url=f"{server}/redirect", timeout=5)
    assert "annan webbplats" in info.value.message.sv
    assert not cache.exists()


def test_a_damaged_cache_is_an_error_naming_the_file(cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text('{"format": "sociokalkyl-scb-kpi/1", "levels": {"2024": "x"}}')
    with pytest.raises(DataSourceError, match=r"KPI cache .*kpi-1980-100\.json") as info:
        price_index("KPI")
    assert re.search(r"KPI-cachen .*kpi-1980-100\.json", info.value.message.sv)
    cache.write_text("{")
    with pytest.raises(DataSourceError, match="not valid JSON") as info:
        price_index("KPI")
    assert "inte giltig JSON" in info.value.message.sv


def test_cli_priser_uppdatera_and_visa(
    server: str, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["priser", "uppdatera", "--url", f"{server}/ok", "--timeout", "5"]) == 0
    out = capsys.readouterr().out
    assert "KPI hämtad från SCB" in out
    assert "2024-2025 från SCB utöver de levererade åren (2006-2023)" in out
    assert main(["priser", "visa"]) == 0
    shown = capsys.readouterr().out
    assert "2025  418,50  SCB " in shown
    assert "2023  403,70  levererad" in shown
    assert main(["prices", "update", "--offline", "--lang", "en"]) == 0
    assert "KPI in the cache" in capsys.readouterr().out


def test_cli_network_failure_is_exit_1_with_a_swedish_message(
    server: str, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["priser", "uppdatera", "--url", f"{server}/e503"]) == 1
    err = capsys.readouterr().err
    assert "SCB svarade HTTP 503" in err
    assert "Traceback" not in err


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(document=_JSON, mutate=st.sampled_from(["value", "dimension", "id", "size", "Tid"]))
def test_any_answer_is_read_or_refused_with_a_data_source_error(document: Any, mutate: str) -> None:
    # arbitrary JSON, and the fixture with one part replaced by arbitrary JSON
    for candidate in (document, {**DATA, mutate: document}):
        try:
            levels = parse_data(candidate, "u", "Tid")
        except DataSourceError:
            continue
        assert all(math.isfinite(v) and v > 0 for v in levels.values())


@given(raw=st.binary(max_size=200) | _JSON.map(lambda d: json.dumps(d).encode()))
def test_any_cache_file_is_read_or_refused_with_a_data_source_error(raw: bytes) -> None:
    try:
        series = parse_cached_series(raw, "kpi.json")
    except DataSourceError:
        return
    assert all(math.isfinite(v) and v > 0 for v in series.levels.values())
