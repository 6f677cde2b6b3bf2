"""How the Kolada client gets pages: its settings, the network and the on-disk cache.

:class:`_Session` is the client's base class. It reads every page of a URL from the
network (or, offline or as a fallback, from the on-disk cache), has each page parsed
and checked, and writes the cache only after a whole request has passed validation.
"""

from __future__ import annotations

import datetime as _dt
import http.client
import json
import math
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sociokalkyl._atomic import write_atomic
from sociokalkyl.errors import DataSourceError, InputError
from sociokalkyl.sources.kolada.checks import _check_base_url
from sociokalkyl.sources.kolada.constants import ATTRIBUTION, CACHE_ENV_VAR, DEFAULT_BASE_URL
from sociokalkyl.sources.kolada.parse import (
    _check_page,
    _check_page_count,
    _next_page,
    _Pages,
    _parse_items,
    _parse_json,
    _snippet,
)
from sociokalkyl.sources.kolada.transport import (
    _MAX_BODY_BYTES,
    _OFFLINE_HINT,
    _USER_AGENT,
    _NetworkFailure,
    _raise_http_error,
    _timeout_failure,
)

_T = TypeVar("_T")
_R = TypeVar("_R")


def default_cache_dir() -> Path:
    """Return the default directory for cached Kolada responses.

    ``$SOCIOKALKYL_CACHE/kolada`` when the environment variable is set, otherwise
    ``$XDG_CACHE_HOME/sociokalkyl/kolada``, otherwise ``~/.cache/sociokalkyl/kolada``.
    Nothing is created until a response is cached.

    Returns
    -------
    pathlib.Path
        The directory (it may not exist yet).

    Examples
    --------
    >>> default_cache_dir().name
    'kolada'
    """
    root = os.environ.get(CACHE_ENV_VAR)
    if root:
        return Path(root).expanduser() / "kolada"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "sociokalkyl" / "kolada"


class _Session:
    """Settings, transport and cache of :class:`KoladaClient` (its base class)."""

    if TYPE_CHECKING:

        def cache_path(self, url: str) -> Path: ...  # defined by KoladaClient

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        timeout: float = 10.0,
        offline: bool = False,
        use_cache_on_error: bool = False,
    ) -> None:
        self._base_url = _check_base_url(base_url)
        self._cache_dir = Path(cache_dir).expanduser() if cache_dir is not None else None
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise InputError(
                "timeout must be a number of seconds",
                field="timeout",
                value=timeout,
                expected="a positive number, e.g. 10.0",
            )
        if not (math.isfinite(timeout) and timeout > 0):
            raise InputError(
                "timeout must be positive and finite",
                field="timeout",
                value=timeout,
                expected="a positive number, e.g. 10.0",
            )
        self._timeout = float(timeout)
        self._offline = bool(offline)
        self._use_cache_on_error = bool(use_cache_on_error)

    @property
    def base_url(self) -> str:
        """The API root, without a trailing slash."""
        return self._base_url

    @property
    def cache_dir(self) -> Path:
        """The directory holding cached responses (created on the first write)."""
        return self._cache_dir if self._cache_dir is not None else default_cache_dir()

    @property
    def timeout(self) -> float:
        """Seconds to wait for each HTTP request."""
        return self._timeout

    @property
    def offline(self) -> bool:
        """``True`` when only the cache is read."""
        return self._offline

    @property
    def use_cache_on_error(self) -> bool:
        """``True`` when a network failure falls back to the cache."""
        return self._use_cache_on_error

    def __repr__(self) -> str:
        return (
            f"KoladaClient(base_url={self._base_url!r}, cache_dir={str(self.cache_dir)!r}, "
            f"timeout={self._timeout!r}, offline={self._offline!r}, "
            f"use_cache_on_error={self._use_cache_on_error!r})"
        )

    # -- transport and cache ----------------------------------------------------------

    def _get(
        self, url: str, parse: Callable[[Any, str], _T], build: Callable[[_Pages[_T]], _R]
    ) -> _R:
        """Read every page of ``url`` (network or cache), parse its items and build a result.

        ``parse`` checks one item, ``build`` checks the items together and makes the
        result; both run before anything is cached, so an invalid response is never
        cached.
        """
        if self._offline:
            return build(self._pages_from_cache(url, parse))
        try:
            return self._from_network(url, parse, build)
        except _NetworkFailure as failure:
            if not self._use_cache_on_error:
                raise failure.error() from failure.__cause__
            try:
                return build(self._pages_from_cache(url, parse))
            except DataSourceError as cache_error:
                extra = f"the cache could not stand in: {cache_error.message}"
                raise failure.error(extra) from failure.__cause__

    def _from_network(
        self, url: str, parse: Callable[[Any, str], _T], build: Callable[[_Pages[_T]], _R]
    ) -> _R:
        pages: _Pages[_T] = []
        to_cache: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        next_url: str | None = url
        while next_url is not None:
            _check_page_count(url, next_url, seen)
            seen.add(next_url)
            document = _parse_json(self._download(next_url), next_url, "Kolada's response")
            page = _check_page(document, next_url)
            pages.append((next_url, _parse_items(page, next_url, parse)))
            to_cache.append((next_url, page))
            next_url = _next_page(page, next_url)
        result = build(pages)
        # Only now, with every page received and valid, is anything written.
        for page_url, page in to_cache:
            self._write_cache(page_url, page)
        return result

    def _pages_from_cache(self, url: str, parse: Callable[[Any, str], _T]) -> _Pages[_T]:
        pages: _Pages[_T] = []
        seen: set[str] = set()
        next_url: str | None = url
        while next_url is not None:
            _check_page_count(url, next_url, seen)
            seen.add(next_url)
            page = self._read_cache(next_url)
            pages.append((next_url, _parse_items(page, next_url, parse)))
            next_url = _next_page(page, next_url)
        return pages

    def _download(self, url: str) -> bytes:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": _USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                status = response.status
                body: bytes = response.read(_MAX_BODY_BYTES + 1)
        except urllib.error.HTTPError as exc:
            try:
                detail = _snippet(exc.read(300))
            except (OSError, http.client.HTTPException):
                detail = ""
            finally:
                exc.close()
            _raise_http_error(url, exc.code, detail, exc)
        except TimeoutError as exc:
            raise _timeout_failure(url, self._timeout) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _timeout_failure(url, self._timeout) from exc
            raise _NetworkFailure(
                f"could not connect to Kolada at {url} ({exc.reason})",
                f"check the network connection and base_url, or {_OFFLINE_HINT}",
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise _NetworkFailure(
                f"the connection to Kolada broke while reading {url} ({type(exc).__name__}: {exc})",
                f"try again, or {_OFFLINE_HINT}",
            ) from exc
        if status != 200:
            _raise_http_error(url, status, _snippet(body[:300]), None)
        if len(body) > _MAX_BODY_BYTES:
            raise DataSourceError(
                f"Kolada's response from {url} is larger than {_MAX_BODY_BYTES} bytes; "
                "ask for fewer years at a time"
            )
        return body

    def _read_cache(self, url: str) -> dict[str, Any]:
        path = self.cache_path(url)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DataSourceError(
                f"no cached Kolada response for {url} in {self.cache_dir} (expected file "
                f"{path.name}); run once with network access (offline=False) to fill the "
                "cache, or check that cache_dir / SOCIOKALKYL_CACHE and base_url are the ones "
                "used then"
            ) from None
        except OSError as exc:
            raise DataSourceError(
                f"could not read the Kolada cache file {path} ({exc}); check its permissions"
            ) from exc
        wrapper = _parse_json(raw, url, f"the cache file {path}")
        if not isinstance(wrapper, dict) or wrapper.get("url") != url or "response" not in wrapper:
            raise DataSourceError(
                f"the cache file {path} does not hold a cached response for {url}; "
                "delete it and rerun online to fetch the data again",
                field="cache",
            )
        return _check_page(wrapper["response"], url)

    def _write_cache(self, url: str, page: dict[str, Any]) -> None:
        path = self.cache_path(url)
        wrapper = {
            "url": url,
            "retrieved": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "attribution": ATTRIBUTION,
            "response": page,
        }
        payload = json.dumps(wrapper, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataSourceError(
                f"could not write the Kolada cache in {path.parent} ({exc}); pass a writable "
                f"cache_dir or set {CACHE_ENV_VAR}"
            ) from exc
        try:
            write_atomic(path, payload, fsync=True)
        except OSError as exc:
            raise DataSourceError(
                f"could not write the Kolada cache file {path} ({exc}); pass a writable "
                f"cache_dir or set {CACHE_ENV_VAR}"
            ) from exc
