"""KPI years fetched from SCB into the user's cache: where the file lives and reading it.

``sociokalkyl priser uppdatera`` (:mod:`sociokalkyl.sources.scb`) writes the file, only
after the whole answer has been checked, and atomically; every calculation reads it (no
network) to extend the shipped KPI with the years after it. The file is JSON::

    {"format": "sociokalkyl-scb-kpi/1", "index": "KPI", "source": "...",
     "url": "...", "retrieved": "2026-11-27T09:55:00+00:00", "levels": {"2024": 415.1}}

A cache that cannot be read is an error that names the file and says how to mend it,
never a silent fall-back to fewer years.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from sociokalkyl.errors import DataSourceError, Words
from sociokalkyl.language.bilingual import price_words

__all__ = [
    "CACHE_ENV_VAR",
    "CACHE_FORMAT",
    "MAX_CACHE_BYTES",
    "CachedSeries",
    "kpi_cache_path",
    "parse_cached_series",
    "read_cached_kpi",
]

CACHE_ENV_VAR: Final = "SOCIOKALKYL_CACHE"
"""Environment variable naming sociokalkyl's cache root (SCB's KPI in ``<root>/scb``)."""

CACHE_FORMAT: Final = "sociokalkyl-scb-kpi/1"
"""The ``format`` tag of the cache file; another tag is refused."""

MAX_CACHE_BYTES: Final = 1_000_000
"""The largest cache file read [bytes]; a KPI series of 100 years is about 3 kB."""

_MIN_YEAR: Final = 1830
_MAX_YEAR: Final = 2200


@dataclass(frozen=True)
class CachedSeries:
    """A price-index series read from the cache.

    Parameters
    ----------
    levels
        Index levels by year [index points, 1980 = 100 for KPI].
    source
        The source text (SCB's table).
    retrieved
        When the series was fetched (ISO 8601 time, UTC).
    url
        The address it was fetched from.

    Examples
    --------
    >>> CachedSeries({2024: 415.0}, "SCB", "2026-11-27T09:00:00+00:00", "u").date
    '2026-11-27'
    """

    levels: dict[int, float]
    source: str
    retrieved: str
    url: str

    @property
    def date(self) -> str:
        """The fetch date, ``YYYY-MM-DD``."""
        return self.retrieved[:10]


def kpi_cache_path() -> Path:
    """The cache file of SCB's KPI series.

    ``$SOCIOKALKYL_CACHE/scb/kpi-1980-100.json`` when the variable is set, else under
    ``$XDG_CACHE_HOME/sociokalkyl`` or ``~/.cache/sociokalkyl``. Nothing is created here.

    Returns
    -------
    pathlib.Path
        The file's path (it may not exist).

    Examples
    --------
    >>> kpi_cache_path().name
    'kpi-1980-100.json'
    """
    env = os.environ
    return _cache_path(env.get(CACHE_ENV_VAR), env.get("XDG_CACHE_HOME"), env.get("HOME"))


@lru_cache(maxsize=8)
def _cache_path(root: str | None, xdg: str | None, _home: str | None) -> Path:
    """The path for these environment values (every calculation asks; worked out once)."""
    if root:
        return Path(root).expanduser() / "scb" / "kpi-1980-100.json"
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "sociokalkyl" / "scb" / "kpi-1980-100.json"


def _bad(path: Path | str, problem: str | Words) -> DataSourceError:
    return DataSourceError(price_words("cache_bad", path=path, problem=problem), field="cache")


def _level(year_text: Any, level: Any, path: Path | str) -> tuple[int, float]:
    if not (isinstance(year_text, str) and year_text.isdigit() and len(year_text) == 4):
        raise _bad(path, price_words("cache_bad_year", value=repr(year_text)))
    year = int(year_text)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _bad(path, price_words("cache_bad_year", value=year_text))
    ok = isinstance(level, int | float) and not isinstance(level, bool)
    if not ok or not math.isfinite(level) or level <= 0:
        raise _bad(path, price_words("cache_bad_level", year=year, value=repr(level)))
    return year, float(level)


def parse_cached_series(raw: bytes, path: Path | str) -> CachedSeries:
    """Read and check the bytes of a cache file.

    Parameters
    ----------
    raw
        The file's bytes.
    path
        The file, named in errors.

    Returns
    -------
    CachedSeries
        The series.

    Raises
    ------
    DataSourceError
        When the bytes are not a cache file of this format with finite positive levels.

    Examples
    --------
    >>> raw = (b'{"format": "sociokalkyl-scb-kpi/1", "index": "KPI", "source": "SCB",'
    ...        b' "url": "u", "retrieved": "2026-11-27T09:00:00+00:00",'
    ...        b' "levels": {"2024": 415.5}}')
    >>> parse_cached_series(raw, "kpi.json").levels
    {2024: 415.5}
    """
    if len(raw) > MAX_CACHE_BYTES:
        raise _bad(path, price_words("cache_too_large", limit=MAX_CACHE_BYTES))
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad(path, price_words("cache_not_json", detail=exc)) from None
    if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
        raise _bad(path, price_words("cache_wrong_format", expected=CACHE_FORMAT))
    texts = {key: document.get(key) for key in ("source", "retrieved", "url")}
    if not all(isinstance(text, str) and text for text in texts.values()):
        raise _bad(path, price_words("cache_missing_text"))
    levels = document.get("levels")
    if not isinstance(levels, dict) or not levels:
        raise _bad(path, price_words("cache_no_levels"))
    checked = dict(_level(year, level, path) for year, level in levels.items())
    return CachedSeries(checked, str(texts["source"]), str(texts["retrieved"]), str(texts["url"]))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a finite number")


@lru_cache(maxsize=4)
def _read(path: str, _mtime_ns: int, _size: int) -> CachedSeries:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise _bad(path, str(exc)) from exc
    return parse_cached_series(raw, path)


def read_cached_kpi(path: Path | None = None) -> CachedSeries | None:
    """SCB's KPI years in the cache, or None when nothing has been fetched.

    The file is read again only when it changes (its time stamp or size).

    Parameters
    ----------
    path
        The cache file; default :func:`kpi_cache_path`.

    Returns
    -------
    CachedSeries or None
        The cached series [index points, 1980 = 100], or None without a cache file.

    Raises
    ------
    DataSourceError
        When the file exists but cannot be read as a cache file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> read_cached_kpi(pathlib.Path(tempfile.mkdtemp()) / "kpi.json") is None
    True
    """
    target = path if path is not None else kpi_cache_path()
    try:
        stat = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _bad(target, str(exc)) from exc
    return _read(str(target), stat.st_mtime_ns, stat.st_size)
