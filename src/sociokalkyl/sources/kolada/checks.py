"""Validation of what a caller passes to Kolada: base URL, KPI id, municipality, years, gender."""

from __future__ import annotations

import datetime as _dt
import re
import urllib.parse
from collections.abc import Iterable
from typing import Final

from sociokalkyl.errors import InputError
from sociokalkyl.sources.kolada.constants import DEFAULT_BASE_URL, GENDERS, MIN_YEAR

_KPI_RE: Final = re.compile(r"[A-Za-z][0-9]{5}")
_MUNICIPALITY_RE: Final = re.compile(r"[0-9]{4}")


def _origin(url: str) -> tuple[str, str, int] | None:
    """The origin of an http(s) URL: (scheme, host, port), or None if it has none.

    Two URLs with the same origin are the same site; a missing port is the scheme's default.

    >>> _origin("https://API.kolada.se/v2/kpi") == _origin("https://api.kolada.se:443/x")
    True
    """
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return None
    host = parts.hostname
    if scheme not in ("http", "https") or not host:
        return None
    return scheme, host, port if port is not None else (443 if scheme == "https" else 80)


def _check_base_url(base_url: str) -> str:
    if not isinstance(base_url, str) or _origin(base_url) is None:
        raise InputError(
            "base_url must be an http or https URL",
            field="base_url",
            value=base_url,
            expected=f"e.g. {DEFAULT_BASE_URL!r}",
        )
    return base_url.rstrip("/")


def _check_kpi(kpi: str) -> str:
    if not isinstance(kpi, str) or not _KPI_RE.fullmatch(kpi):
        raise InputError(
            "not a Kolada KPI id",
            field="kpi",
            value=kpi,
            expected="a letter and five digits, e.g. 'N33100'",
        )
    return kpi.upper()


def _check_municipality(municipality: str) -> str:
    if isinstance(municipality, int) and not isinstance(municipality, bool):
        raise InputError(
            "a municipality id must be a string (leading zeros matter)",
            field="municipality",
            value=municipality,
            expected=f"four digits as a string, e.g. '{municipality:04d}' or '1880'"
            if 0 <= municipality <= 9999
            else "four digits as a string, e.g. '1880' (Örebro) or '0180' (Stockholm)",
        )
    if not isinstance(municipality, str) or not _MUNICIPALITY_RE.fullmatch(municipality):
        raise InputError(
            "not a Kolada municipality id",
            field="municipality",
            value=municipality,
            expected="four digits as a string, e.g. '1880' (Örebro) or '0180' (Stockholm)",
        )
    return municipality


def _max_year() -> int:
    return _dt.date.today().year + 1


def _check_years(years: int | Iterable[int]) -> list[int]:
    example = "a year or a list of years, e.g. 2023 or [2022, 2023]"
    if isinstance(years, str | bytes):
        raise InputError(
            "years must be integers, not text", field="years", value=years, expected=example
        )
    items: list[object]
    if isinstance(years, int):
        items = [years]
    else:
        try:
            items = list(years)
        except TypeError:
            raise InputError(
                "years must be an int or an iterable of ints",
                field="years",
                value=years,
                expected=example,
            ) from None
    if not items:
        raise InputError(
            "at least one year is required", field="years", value=years, expected=example
        )
    hi = _max_year()
    result: set[int] = set()
    for index, year in enumerate(items):
        if isinstance(year, bool) or not isinstance(year, int):
            raise InputError(
                "a year must be an integer",
                field=f"years[{index}]",
                value=year,
                expected=f"an integer between {MIN_YEAR} and {hi}, e.g. 2023",
            )
        if not MIN_YEAR <= year <= hi:
            raise InputError(
                "year out of range for Kolada",
                field=f"years[{index}]",
                value=year,
                expected=f"an integer between {MIN_YEAR} and {hi}, e.g. 2023",
            )
        result.add(int(year))
    return sorted(result)


def _check_gender(gender: str) -> str:
    if gender not in GENDERS:
        raise InputError(
            "unknown Kolada gender row",
            field="gender",
            value=gender,
            expected="'T' (total), 'K' (women) or 'M' (men)",
        )
    return gender
