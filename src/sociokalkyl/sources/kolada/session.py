"""How the Kolada client gets pages: its settings, the network and the on-disk cache.

:class:`_Session` is the client's base class. It reads every page of a URL from the
network (or, offline or as a fallback, from the on-disk cache), has each page parsed
and checked, and writes the cache only after a whole request has passed validation.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sociokalkyl._atomic import write_atomic
from sociokalkyl.errors import DataSourceError, InputError
from sociokalkyl.limits import MAX_JSON_DEPTH
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
    _NetworkFailure,
    _raise_http_error,
    _read_url,
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
        """Seconds one HTTP request may take in all (connect, headers, body, redirects)."""
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
            next_url = _next_page(page, next_url, self._base_url)
        result = build(pages)
        # Only now, with every page received and valid, is anything written; and only
        # what reads back as the same valid pages.
        payloads = [
            (page_url, self._cache_payload(page_url, page, parse)) for page_url, page in to_cache
        ]
        for page_url, payload in payloads:
            self._write_cache(page_url, payload)
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
            next_url = _next_page(page, next_url, self._base_url)
        return pages

    def _download(self, url: str) -> bytes:
        status, body = _read_url(url, self._base_url, self._timeout)
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
        # The cache wraps a response in one more object, hence one more level.
        wrapper = _parse_json(raw, url, f"the cache file {path}", MAX_JSON_DEPTH + 1)
        if not isinstance(wrapper, dict) or wrapper.get("url") != url or "response" not in wrapper:
            raise DataSourceError(
                f"the cache file {path} does not hold a cached response for {url}; "
                "delete it and rerun online to fetch the data again",
                field="cache",
            )
        return _check_page(wrapper["response"], url)

    def _cache_payload(
        self, url: str, page: dict[str, Any], parse: Callable[[Any, str], _T]
    ) -> bytes:
        """The cache file's bytes for a page, checked to read back as the same valid page.

        Strict JSON only (no ``Infinity`` or ``NaN``, which could not be read back).
        """
        wrapper = {
            "url": url,
            "retrieved": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "attribution": ATTRIBUTION,
            "response": page,
        }
        try:
            payload = json.dumps(wrapper, ensure_ascii=False, indent=1, allow_nan=False)
            raw = payload.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (\ud800) in a text: keep it escaped
            raw = json.dumps(wrapper, indent=1, allow_nan=False).encode("ascii")
        except ValueError as exc:  # a non-finite float
            raise DataSourceError(
                f"Kolada's response from {url} holds a number that is not finite, so it was "
                "not cached; report it to RKA",
                field="response",
                expected="finite numbers only, e.g. 3450.0",
            ) from exc
        again = _parse_json(raw, url, "the cache entry to write", MAX_JSON_DEPTH + 1)
        _parse_items(_check_page(again["response"], url), url, parse)
        if again != wrapper:  # pragma: no cover - json round-trips what it wrote
            raise DataSourceError(f"Kolada's response from {url} does not read back as written")
        return raw

    def _write_cache(self, url: str, payload: bytes) -> None:
        path = self.cache_path(url)
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
