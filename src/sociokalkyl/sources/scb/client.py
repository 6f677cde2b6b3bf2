"""Fetching SCB's KPI into the user's cache, and reading it back offline.

:func:`fetch_kpi` asks SCB's PxWeb API (v1) for the table's metadata (GET) and then for
every year of its one series as JSON-stat 2.0 (POST), and checks the answer: years of
four digits, finite positive levels, and the years the shipped KPI also has must agree
with it (within 0.005 points, SCB's rounding), so a table on another base is refused.
:func:`update_kpi` writes the checked series to the cache file atomically; nothing is
written when any check fails, and a failed update leaves the earlier cache as it was.
Every calculation then reads the cache, without network
(:func:`sociokalkyl.money.read_cached_kpi`).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path

from sociokalkyl._atomic import write_atomic
from sociokalkyl.errors import DataSourceError, InputError
from sociokalkyl.language.bilingual import price_words, words_of
from sociokalkyl.money import CachedSeries, kpi, kpi_cache_path, read_cached_kpi
from sociokalkyl.money.cache import CACHE_FORMAT, parse_cached_series
from sociokalkyl.sources.kolada.checks import _origin
from sociokalkyl.sources.scb.constants import DEFAULT_BASE_URL, KPI_SOURCE, KPI_TABLE
from sociokalkyl.sources.scb.jsonstat import parse_data, parse_metadata, read_json
from sociokalkyl.sources.scb.transport import ScbNetworkError, request

__all__ = ["DEFAULT_TIMEOUT", "Update", "fetch_kpi", "update_kpi"]

DEFAULT_TIMEOUT = 30.0
"""The default limit for each whole request to SCB [s]."""


@dataclass(frozen=True)
class Update:
    """What :func:`update_kpi` did.

    Parameters
    ----------
    series
        The series now in the cache.
    path
        The cache file.
    new_years
        The years the cache has that it did not have before, sorted.
    fetched
        True when fetched now; False when read from the cache (offline).

    Examples
    --------
    >>> s = CachedSeries({2024: 415.0}, "SCB", "2026-11-27T09:00:00+00:00", "u")
    >>> Update(s, Path("kpi.json"), [2024], True).new_years
    [2024]
    """

    series: CachedSeries
    path: Path
    new_years: list[int]
    fetched: bool


def _check_base_url(base_url: str) -> str:
    if not isinstance(base_url, str) or _origin(base_url) is None:
        raise InputError(
            price_words("scb_bad_base_url", example=DEFAULT_BASE_URL),
            field="base_url",
            value=base_url,
        )
    return base_url.rstrip("/")


def _agrees_with_shipped(levels: dict[int, float], url: str) -> None:
    shipped = kpi().levels
    for year, level in sorted(levels.items()):
        if year in shipped and abs(level - shipped[year]) > 0.005:
            message = price_words("scb_disagrees", year=year, value=level, shipped=shipped[year])
            at_url = words_of(("{url}: {message}",) * 2, url=url, message=message)
            raise DataSourceError(at_url, field=f"value[{year}]", value=level)


def fetch_kpi(
    *, base_url: str = DEFAULT_BASE_URL, table: str = KPI_TABLE, timeout: float = DEFAULT_TIMEOUT
) -> CachedSeries:
    """Fetch SCB's KPI annual averages (1980 = 100) and check them; nothing is cached.

    Parameters
    ----------
    base_url
        The API root (default SCB's PxWeb API v1, Swedish).
    table
        The table's path under the root (default KPI fixed values, annual averages).
    timeout
        The limit for each whole request [s].

    Returns
    -------
    CachedSeries
        The levels by year [index points, 1980 = 100], the source, the time and URL.

    Raises
    ------
    ScbNetworkError
        When SCB cannot be reached, times out or has a fault.
    DataSourceError
        When the answer is not one annual series of finite positive levels that
        agrees with the shipped KPI.

    Examples
    --------
    >>> fetch_kpi(base_url="http://127.0.0.1:9", timeout=1.0)
    Traceback (most recent call last):
        ...
    sociokalkyl.sources.scb.transport.ScbNetworkError: could not connect to SCB...
    """
    root = _check_base_url(base_url)
    url = f"{root}/{table.strip('/')}"
    info = parse_metadata(read_json(request(url, root, timeout), url), url)
    document = read_json(request(url, root, timeout, info.query()), url)
    levels = parse_data(document, url, info.time_code)
    _agrees_with_shipped(levels, url)
    retrieved = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    source = KPI_SOURCE if table == KPI_TABLE else f"SCB, {info.title or table}"
    return CachedSeries(levels, source, retrieved, url)


def _payload(series: CachedSeries, path: Path) -> bytes:
    """The cache file's bytes, checked to read back as the same series."""
    document = {
        "format": CACHE_FORMAT,
        "index": "KPI",
        "source": series.source,
        "url": series.url,
        "retrieved": series.retrieved,
        "levels": {str(year): level for year, level in sorted(series.levels.items())},
    }
    raw = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    if parse_cached_series(raw, path) != series:  # pragma: no cover - json round-trips
        raise DataSourceError(price_words("cache_bad", path=path, problem="round trip"))
    return raw


def _write(series: CachedSeries, path: Path) -> None:
    raw = _payload(series, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, raw, fsync=True)
    except OSError as exc:
        raise DataSourceError(price_words("scb_cache_write", path=path, reason=exc)) from exc


def update_kpi(
    *,
    base_url: str = DEFAULT_BASE_URL,
    table: str = KPI_TABLE,
    timeout: float = DEFAULT_TIMEOUT,
    cache_path: Path | None = None,
    offline: bool = False,
) -> Update:
    """Fetch SCB's KPI into the cache (or, offline, read what the cache holds).

    Parameters
    ----------
    base_url, table, timeout
        As for :func:`fetch_kpi`.
    cache_path
        The cache file; default :func:`sociokalkyl.money.kpi_cache_path`.
    offline
        Read the cache only, without network.

    Returns
    -------
    Update
        The series in the cache and the years it added.

    Raises
    ------
    ScbNetworkError
        When SCB cannot be reached; the message says whether an earlier cache is kept.
    DataSourceError
        For an answer that fails a check (nothing is written), or no cache offline.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kpi.json"
    >>> update_kpi(base_url="http://127.0.0.1:9", timeout=1.0, cache_path=path)
    Traceback (most recent call last):
        ...
    sociokalkyl.sources.scb.transport.ScbNetworkError: could not connect to SCB...
    """
    path = cache_path if cache_path is not None else kpi_cache_path()
    before = read_cached_kpi(path)
    if offline:
        if before is None:
            raise DataSourceError(price_words("scb_no_cache", path=path), field="cache")
        return Update(before, path, [], fetched=False)
    try:
        series = fetch_kpi(base_url=base_url, table=table, timeout=timeout)
    except ScbNetworkError as exc:
        if before is None:
            raise
        kept = price_words(
            "scb_cache_kept", date=before.date, first=min(before.levels), last=max(before.levels)
        )
        both = words_of(("{failure}. {kept}",) * 2, failure=exc.message, kept=kept)
        raise ScbNetworkError(both, field=exc.field, value=exc.value) from exc
    _write(series, path)
    known = set(before.levels) if before is not None else set()
    return Update(series, path, sorted(set(series.levels) - known), fetched=True)
