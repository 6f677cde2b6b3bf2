"""Kolada over HTTP: request limits, network failures and what an HTTP error status means.

One GET (:func:`_read_url`) has a wall-clock limit for everything it does (name lookup,
connect, TLS, headers, body, redirects): a watchdog shuts its sockets when the time is up,
so a server that trickles a byte now and then cannot keep it waiting, and the name lookup
(which no socket timeout covers) runs in a thread that is waited for only until then.
Redirects are followed only within base_url's site (scheme, host and port).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Any, Final, NoReturn

from sociokalkyl.errors import DataSourceError
from sociokalkyl.sources.kolada.checks import _origin
from sociokalkyl.sources.kolada.constants import DEFAULT_BASE_URL

_MAX_BODY_BYTES: Final = 64 * 1024 * 1024
_USER_AGENT: Final = "sociokalkyl-kolada/1 (+https://api.kolada.se/v2; Python urllib)"
_OFFLINE_HINT: Final = (
    "rerun with use_cache_on_error=True or offline=True to use responses cached by an "
    "earlier online run"
)


class _NetworkFailure(Exception):
    """Internal: the service could not be reached or had a server fault (cache may help)."""

    def __init__(self, what: str, advice: str, status: int | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.advice = advice
        self.status = status

    def error(self, extra: str | None = None) -> DataSourceError:
        """The error to raise: what failed, then ``extra`` or the advice."""
        message = f"{self.what}, and {extra}" if extra else f"{self.what}; {self.advice}"
        field = "status" if self.status is not None else None
        return DataSourceError(message, field=field, value=self.status)


def _timeout_failure(url: str, timeout: float, *, still_sending: bool = False) -> _NetworkFailure:
    what = f"Kolada did not answer {url} within {timeout:g} s (timeout)"
    if still_sending:
        what += "; it was still sending when the time was up, and the limit is for the whole answer"
    return _NetworkFailure(what, f"try again later, pass a larger timeout, or {_OFFLINE_HINT}")


def _is_timeout(exc: BaseException) -> bool:
    """A timeout, or urllib's wrapping of one (connect or name lookup)."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, TimeoutError)


def _network_failure(url: str, exc: BaseException, timeout: float) -> _NetworkFailure:
    """What a failed connection or read means for the user."""
    if _is_timeout(exc):
        return _timeout_failure(url, timeout)
    if isinstance(exc, urllib.error.URLError):
        return _NetworkFailure(
            f"could not connect to Kolada at {url} ({exc.reason})",
            f"check the network connection and base_url, or {_OFFLINE_HINT}",
        )
    return _NetworkFailure(
        f"the connection to Kolada broke while reading {url} ({type(exc).__name__}: {exc})",
        f"try again, or {_OFFLINE_HINT}",
    )


# -- one GET within a deadline and within one site ------------------------------------------


class _Deadline:
    """A wall-clock limit on one request: when it passes, every socket it watches is shut.

    Shutting a socket (through a duplicate of its descriptor, so TLS wrapping does not
    matter) wakes a read blocked on it in another thread, which then sees the end of the
    stream; ``expired`` tells the reader why.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._ends = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._watched: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            watched, self._watched = self._watched, []
        for duplicate in watched:
            duplicate.close()

    def remaining(self) -> float:
        """Seconds left before the deadline (0 when it has passed)."""
        return max(0.0, self._ends - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        duplicate = sock.dup()
        with self._lock:
            self._watched.append(duplicate)
            if self.expired:
                _shut(duplicate)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for duplicate in self._watched:
                _shut(duplicate)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        sock.shutdown(socket.SHUT_RDWR)


def _resolve(host: str, port: int, deadline: _Deadline) -> list[tuple[Any, ...]]:
    """``socket.getaddrinfo`` within the deadline: the lookup runs in a daemon thread.

    A name lookup blocks in the C library and no socket timeout covers it; a lookup still
    running at the deadline is left to finish on its own (its thread is a daemon).
    """
    found: list[Any] = []

    def lookup() -> None:
        try:
            found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            found.append(exc)

    worker = threading.Thread(target=lookup, name="sociokalkyl-dns", daemon=True)
    worker.start()
    worker.join(deadline.remaining())
    if not found:
        raise TimeoutError(f"looking up {host!r} took longer than the deadline")
    if isinstance(found[0], OSError):
        raise found[0]
    addresses: list[tuple[Any, ...]] = found[0]
    return addresses


def _create_and_watch(
    deadline: _Deadline,
    address: tuple[str, int],
    timeout: float | None,
    source_address: tuple[str, int] | None = None,
) -> socket.socket:
    """Connect to the first address of ``address`` that answers, its lookup timed too."""
    host, port = address
    failure: OSError = OSError(f"no address found for {host!r}")
    for family, kind, protocol, _, where in _resolve(host, port, deadline):
        sock = socket.socket(family, kind, protocol)
        try:
            deadline.watch(sock)
            left = max(1e-3, deadline.remaining())
            sock.settimeout(left if timeout is None else min(timeout, left))
            if source_address:
                sock.bind(source_address)
            sock.connect(where)
            return sock
        except OSError as exc:
            sock.close()
            failure = exc
    raise failure


class _WatchedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_create_and_watch, deadline)


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_create_and_watch, deadline)


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_WatchedHTTPConnection, deadline=self._deadline)
        return self.do_open(connection, req)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_WatchedHTTPSConnection, deadline=self._deadline)
        return self.do_open(connection, req)


class _RedirectRefused(Exception):
    """Internal: a redirect to another site (it is not followed)."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _SameSiteRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, base_url: str) -> None:
        super().__init__()
        self._origin = _origin(base_url)

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = _origin(newurl)
        if target is None or target != self._origin:
            fp.close()
            raise _RedirectRefused(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _redirect_error(url: str, target: str, base_url: str) -> DataSourceError:
    return DataSourceError(
        f"Kolada's answer for {url} redirects to another site ({target}); only redirects "
        f"on the same scheme, host and port as base_url {base_url!r} are followed, so "
        f"nothing was read from there or cached. Check base_url (default {DEFAULT_BASE_URL!r})",
        field="redirect",
        value=target,
        expected=f"a URL on the same site as {base_url!r}",
    )


def _open_and_read(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, timeout: float
) -> tuple[int, bytes]:
    """Status and body (at most ``_MAX_BODY_BYTES + 1``; 300 bytes of an error's body)."""
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read(_MAX_BODY_BYTES + 1)
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, exc.read(300)
        except (OSError, http.client.HTTPException):
            return exc.code, b""
        finally:
            exc.close()


def _read_url(url: str, base_url: str, timeout: float) -> tuple[int, bytes]:
    """GET ``url``: its status and body, all of it within ``timeout`` seconds.

    Raises :class:`_NetworkFailure` when the network fails or the time is up, and
    :class:`~sociokalkyl.errors.DataSourceError` for a redirect to another site.
    """
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": _USER_AGENT}
    )
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(
        _WatchedHTTPHandler(deadline), _WatchedHTTPSHandler(deadline), _SameSiteRedirects(base_url)
    )
    try:
        with deadline:
            status, body = _open_and_read(opener, request, timeout)
    except _RedirectRefused as refused:
        raise _redirect_error(url, refused.target, base_url) from None
    except (OSError, http.client.HTTPException) as exc:
        if deadline.expired and not _is_timeout(exc):
            raise _timeout_failure(url, timeout, still_sending=True) from exc
        raise _network_failure(url, exc, timeout) from exc
    if deadline.expired:  # the body may have been cut short
        raise _timeout_failure(url, timeout, still_sending=True)
    return status, body


def _raise_http_error(url: str, status: int, detail: str, cause: BaseException | None) -> NoReturn:
    said = f" (Kolada said: {detail!r})" if detail else ""
    if status == 400:
        error = DataSourceError(
            f"Kolada rejected the request as invalid (HTTP 400) for {url}{said}; check the KPI "
            "id (e.g. 'N33100'), the municipality id (e.g. '1880') and the years; a very long "
            "URL also gives HTTP 400, so ask for fewer years at a time",
            field="status",
            value=status,
        )
    elif status == 404:
        error = DataSourceError(
            f"Kolada has no such resource (HTTP 404) at {url}{said}; check base_url "
            f"(default {DEFAULT_BASE_URL!r}) and the ids",
            field="status",
            value=status,
        )
    elif status >= 500 or status == 429:
        kind = "is busy (HTTP 429)" if status == 429 else f"had a server fault (HTTP {status})"
        raise _NetworkFailure(
            f"Kolada {kind} for {url}{said}", f"try again later, or {_OFFLINE_HINT}", status
        ) from cause
    else:
        error = DataSourceError(
            f"unexpected HTTP {status} from Kolada for {url}{said}; check base_url "
            f"(default {DEFAULT_BASE_URL!r})",
            field="status",
            value=status,
        )
    raise error from cause
