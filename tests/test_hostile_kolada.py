"""Issue 15, the Kolada client against a hostile or broken server (all on 127.0.0.1).

Two local ``http.server`` instances stand in for Kolada and for "another site" (the
same host, another port, so another origin). They serve the hand-written fixtures in
``tests/kolada_fixtures/`` and a few generated answers: a redirect and a ``next_page``
to the other site, an answer trickled one byte at a time, a value of ``1e400`` and JSON
nested 10 000 levels deep. The HTTP client is never mocked.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sociokalkyl.errors import DataSourceError
from sociokalkyl.limits import MAX_JSON_DEPTH
from sociokalkyl.sources.kolada import KoladaClient, KoladaValue

FIXTURES = Path(__file__).parent / "kolada_fixtures"
ONE_YEAR = "/v2/data/kpi/N33100/municipality/1880/year/2023"
PAGED = "/v2/data/kpi/N33100/municipality/0180/year/2021,2022,2023"
PAGE2 = PAGED + "?page=2&per_page=2"

Handler = Callable[["_Handler"], None]


class Site(ThreadingHTTPServer):
    """One local web site on 127.0.0.1 (its own port, so its own origin)."""

    def __init__(self, routes: dict[str, Handler]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.requests: list[str] = []
        self.other = ""  # the other site's root, for __OTHER__ in fixtures
        self.stopping = threading.Event()
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def root(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def base(self, prefix: str = "") -> str:
        return f"{self.root}{prefix}/v2"

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self._thread.join()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        route = self.server.routes.get(self.path)
        try:
            if route is None:
                self.send(404, b'{"error": "illustrative: no such route"}')
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (deadline tests)

    def fixture(self, name: str) -> bytes:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        return (
            text.replace("__BASE__", self.server.root)
            .replace("__OTHER__", self.server.other)
            .encode()
        )

    def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def trickle(self, data: bytes, every: float = 0.1) -> None:
        """Send ``data`` one byte at a time, ``every`` seconds apart (never idle for long)."""
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            if self.server.stopping.wait(every):
                return


def _fixture(name: str) -> Handler:
    return lambda h: h.send(200, h.fixture(name))


def _body(body: bytes) -> Handler:
    return lambda h: h.send(200, body)


def _redirect(to_other_site: bool) -> Handler:
    def handler(h: _Handler) -> None:
        root = h.server.other if to_other_site else h.server.root
        h.send(302, b"", {"Location": root + ONE_YEAR})

    return handler


def _trickle_body(h: _Handler) -> None:
    body = h.fixture("data_plain.json")
    h.send_response(200)
    h.send_header("Content-Type", "application/json; charset=utf-8")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.flush()
    h.trickle(body)


def _trickle_headers(h: _Handler) -> None:
    h.trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + b"X-Slow: a\r\n" * 50)


def _plain_with(value: str) -> bytes:
    page = (FIXTURES / "data_plain.json").read_text(encoding="utf-8")
    return page.replace("3450.0", value).encode()


DEEP = b"[" * 10_000 + b"]" * 10_000
DEEP_IN_PAGE = b'{"values": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
BRACKETS_IN_A_STRING = (
    (FIXTURES / "data_plain.json")
    .read_text(encoding="utf-8")
    .replace('"status": ""', '"status": "' + "[{" * 10_000 + '\\"' + '"')
    .encode()
)


KOLADA_ROUTES: dict[str, Handler] = {
    ONE_YEAR: _fixture("data_plain.json"),
    "/redirect" + ONE_YEAR: _redirect(to_other_site=True),
    "/sameredirect" + ONE_YEAR: _redirect(to_other_site=False),
    "/otherpage" + PAGED: _fixture("data_next_page_other_origin.json"),
    "/trickle" + ONE_YEAR: _trickle_body,
    "/trickleheaders" + ONE_YEAR: _trickle_headers,
    "/inf" + ONE_YEAR: _fixture("data_infinite_value.json"),
    "/bigint" + ONE_YEAR: _body(_plain_with("1" + "0" * 400)),
    "/deep" + ONE_YEAR: _body(DEEP),
    "/deeppage" + ONE_YEAR: _body(DEEP_IN_PAGE),
    "/stringbrackets" + ONE_YEAR: _body(BRACKETS_IN_A_STRING),
    "/surrogate" + ONE_YEAR: _body(
        (FIXTURES / "data_plain.json").read_bytes().replace(b'"status": ""', b'"status": "\\ud800"')
    ),
}

# The other site answers everything a naive client would ask it, with valid data.
OTHER_ROUTES: dict[str, Handler] = {
    ONE_YEAR: _fixture("data_plain.json"),
    PAGE2: _fixture("data_paginated_page2.json"),
}


@pytest.fixture
def sites() -> Iterator[tuple[Site, Site]]:
    kolada, other = Site(KOLADA_ROUTES), Site(OTHER_ROUTES)
    kolada.other, other.other = other.root, kolada.root
    for site in (kolada, other):
        site._thread.start()
    try:
        yield kolada, other
    finally:
        kolada.stop()
        other.stop()


def cache_files(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*") if p.is_file()) if cache_dir.exists() else []


def fetch_error(site: Site, cache: Path, prefix: str, **kwargs: Any) -> DataSourceError:
    client = KoladaClient(site.base(prefix), cache_dir=cache, **kwargs)
    with pytest.raises(DataSourceError) as info:
        client.fetch("N33100", "1880", 2023)
    assert cache_files(cache) == []  # nothing from a refused answer is cached
    return info.value


# -- 1. same-origin redirects and pages only ------------------------------------------------


def test_redirect_to_another_site_is_refused_and_not_followed(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    kolada, other = sites
    error = fetch_error(kolada, tmp_path, "/redirect", use_cache_on_error=True)
    assert error.field == "redirect"
    assert error.value == other.root + ONE_YEAR
    assert "redirects to another site" in str(error)
    assert "same scheme, host and port" in str(error)
    assert other.requests == []  # never asked


def test_redirect_on_the_same_site_is_followed(sites: tuple[Site, Site], tmp_path: Path) -> None:
    kolada, _ = sites
    client = KoladaClient(kolada.base("/sameredirect"), cache_dir=tmp_path)
    [value] = client.fetch("N33100", "1880", 2023)
    assert value == KoladaValue("N33100", "1880", 2023, 3450.0, "T", "", 1)
    assert kolada.requests == ["/sameredirect" + ONE_YEAR, ONE_YEAR]


def test_next_page_on_another_site_is_refused_and_not_followed(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    kolada, other = sites
    client = KoladaClient(kolada.base("/otherpage"), cache_dir=tmp_path)
    with pytest.raises(DataSourceError) as info:
        client.fetch("N33100", "0180", [2021, 2022, 2023])
    assert info.value.field == "next_page"
    assert str(info.value).startswith("next_page: ")
    assert f"points to another site ('{other.root}{PAGE2}')" in str(info.value)
    assert other.requests == []
    assert cache_files(tmp_path) == []


def test_cached_next_page_to_another_site_is_refused_offline(tmp_path: Path) -> None:
    """A cache entry written before the check (or by hand) cannot lead elsewhere either."""
    base = "http://127.0.0.1:9/v2"
    client = KoladaClient(base, cache_dir=tmp_path, offline=True)
    url = client.data_url("N33100", "0180", [2021, 2022, 2023])
    page = json.loads((FIXTURES / "data_next_page_other_origin.json").read_text("utf-8"))
    page["next_page"] = page["next_page"].replace("__OTHER__", "http://127.0.0.1:10")
    entry = {"url": url, "response": page}
    client.cache_path(url).write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(DataSourceError, match=r"points to another site") as info:
        client.fetch("N33100", "0180", [2021, 2022, 2023])
    assert info.value.field == "next_page"


@pytest.mark.parametrize(
    "base_url", ["http://:80/v2", "http://127.0.0.1:99999/v2", "http://127.0.0.1:x/v2"]
)
def test_base_url_without_a_site_is_refused(base_url: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"base_url: base_url must be an http or https URL"):
        KoladaClient(base_url, cache_dir=tmp_path)


# -- 2. a total deadline per request --------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/trickle", "/trickleheaders"])
def test_trickling_server_is_cut_off_at_the_deadline(
    sites: tuple[Site, Site], tmp_path: Path, prefix: str
) -> None:
    kolada, _ = sites
    started = time.monotonic()
    error = fetch_error(kolada, tmp_path, prefix, timeout=0.5)
    elapsed = time.monotonic() - started
    assert 0.4 < elapsed < 2.0  # a byte every 0.1 s would take 40 s to finish
    assert "within 0.5 s (timeout)" in str(error)
    assert "still sending" in str(error)
    assert "pass a larger timeout" in str(error)


def test_a_name_lookup_that_hangs_is_cut_off_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No socket timeout covers getaddrinfo; the deadline does (the lookup is a thread)."""
    release, returned = threading.Event(), threading.Event()

    def hanging_lookup(*args: Any, **kwargs: Any) -> Any:
        release.wait(20)  # a resolver that does not answer
        returned.set()
        raise socket.gaierror("no answer from the resolver")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_lookup)
    client = KoladaClient("http://kolada.invalid/v2", cache_dir=tmp_path, timeout=0.3)
    try:
        with pytest.raises(DataSourceError, match=r"within 0\.3 s \(timeout\)") as info:
            client.fetch("N33100", "1880", 2023)
        assert not returned.is_set()  # the error came while the lookup still hung
        assert "still sending" not in str(info.value)  # nothing was sent: no address yet
    finally:
        release.set()
    assert cache_files(tmp_path) == []


def test_deadline_does_not_cut_a_prompt_answer(sites: tuple[Site, Site], tmp_path: Path) -> None:
    kolada, _ = sites
    client = KoladaClient(kolada.base(), cache_dir=tmp_path, timeout=1.0)
    for _ in range(5):
        assert client.fetch("N33100", "1880", 2023)[0].value == 3450.0
    time.sleep(1.1)  # a watchdog left running would fire now; none is
    assert client.fetch("N33100", "1880", 2023)[0].value == 3450.0


# -- 3. finite numbers only ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "item", "shown"), [("/inf", 0, "(got inf)"), ("/bigint", 1, "401 digits")]
)
def test_a_value_beyond_float_range_is_refused_naming_kpi_municipality_year(
    sites: tuple[Site, Site], tmp_path: Path, prefix: str, item: int, shown: str
) -> None:
    kolada, _ = sites
    error = fetch_error(kolada, tmp_path, prefix)
    assert error.field == f"values[{item}].values[0].value"
    message = str(error)
    assert "is not a finite number" in message
    assert "nyckeltal N33100, kommun 1880, år 2023" in message
    assert shown in message


def test_the_cache_is_strict_json_and_checked_before_it_is_written(tmp_path: Path) -> None:
    client = KoladaClient("http://127.0.0.1:9/v2", cache_dir=tmp_path)
    url = client.data_url("N33100", "1880", 2023)
    page: dict[str, Any] = {"values": [], "extra": float("inf")}
    with pytest.raises(DataSourceError, match=r"not finite, so it was not cached"):
        client._cache_payload(url, page, lambda obj, field: obj)
    payload = client._cache_payload(url, {"values": [], "count": 0}, lambda obj, field: obj)
    assert json.loads(payload)["response"] == {"values": [], "count": 0}
    assert cache_files(tmp_path) == []


def test_an_infinite_value_in_an_old_cache_file_is_reported(tmp_path: Path) -> None:
    client = KoladaClient("http://127.0.0.1:9/v2", cache_dir=tmp_path, offline=True)
    url = client.data_url("N33100", "1880", 2023)
    page = (FIXTURES / "data_infinite_value.json").read_text("utf-8").replace("1e400", "1e999")
    text = '{"url": ' + json.dumps(url) + ', "response": ' + page + "}"
    client.cache_path(url).write_text(text, encoding="utf-8")
    with pytest.raises(DataSourceError, match=r"is not a finite number \(nyckeltal N33100"):
        client.fetch("N33100", "1880", 2023)


# -- 4. bounded JSON depth -------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/deep", "/deeppage"])
def test_deep_nesting_is_refused_before_parsing(
    sites: tuple[Site, Site], tmp_path: Path, prefix: str
) -> None:
    kolada, _ = sites
    error = fetch_error(kolada, tmp_path, prefix)
    assert not isinstance(error.__cause__, RecursionError)
    assert error.field == "response"
    assert f"nests deeper than {MAX_JSON_DEPTH} levels" in str(error)


def test_brackets_inside_strings_do_not_count(sites: tuple[Site, Site], tmp_path: Path) -> None:
    kolada, _ = sites
    client = KoladaClient(kolada.base("/stringbrackets"), cache_dir=tmp_path)
    [value] = client.fetch("N33100", "1880", 2023)
    assert value.value == 3450.0
    assert value.status is not None
    assert value.status.startswith("[{[{")
    offline = KoladaClient(kolada.base("/stringbrackets"), cache_dir=tmp_path, offline=True)
    assert offline.fetch("N33100", "1880", 2023) == [value]


def test_a_deep_cache_file_is_refused(tmp_path: Path) -> None:
    client = KoladaClient("http://127.0.0.1:9/v2", cache_dir=tmp_path, offline=True)
    url = client.data_url("N33100", "1880", 2023)
    client.cache_path(url).write_bytes(DEEP)
    with pytest.raises(DataSourceError, match=r"the cache file .* nests deeper than"):
        client.fetch("N33100", "1880", 2023)


def test_a_lone_surrogate_in_a_text_is_cached_escaped_and_reads_back(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    kolada, _ = sites
    client = KoladaClient(kolada.base("/surrogate"), cache_dir=tmp_path)
    [value] = client.fetch("N33100", "1880", 2023)
    assert value.status == "\ud800"
    offline = KoladaClient(kolada.base("/surrogate"), cache_dir=tmp_path, offline=True)
    assert offline.fetch("N33100", "1880", 2023) == [value]
