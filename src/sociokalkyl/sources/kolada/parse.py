"""Kolada's response format: JSON pages, pagination, items, and checks that they answer a request.

Everything here is pure: bytes or parsed JSON in, records or a
:class:`~sociokalkyl.errors.DataSourceError` out; nothing touches the network or the disk.
"""

from __future__ import annotations

import itertools
import json
import math
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, NoReturn, TypeAlias, TypeVar

from sociokalkyl.errors import DataSourceError
from sociokalkyl.limits import MAX_JSON_DEPTH
from sociokalkyl.sources.kolada.checks import _origin
from sociokalkyl.sources.kolada.constants import DEFAULT_BASE_URL
from sociokalkyl.sources.kolada.records import KoladaValue, Municipality

_MAX_PAGES: Final = 1000
_KOLADA_DEPTH: Final = 5
"""How deep Kolada's own answers nest (page, values, item, values, row)."""

_DEPTH_CHUNK: Final = 1 << 20
"""Bytes scanned at a time for the nesting depth (bounds the scan's memory)."""
_NOT_BRACKETS: Final = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP: Final = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}

_T = TypeVar("_T")
_Pages: TypeAlias = list[tuple[str, list[_T]]]
"""Parsed pages: (page URL, items) in page order."""


def _snippet(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace").strip()
    text = " ".join(text.split())
    return text[:200]


def _check_page_count(url: str, next_url: str, seen: set[str]) -> None:
    if next_url in seen:
        raise DataSourceError(
            f"Kolada's pagination for {url} loops back to {next_url}; report it to RKA",
            field="next_page",
            value=next_url,
        )
    if len(seen) >= _MAX_PAGES:
        raise DataSourceError(
            f"Kolada's response for {url} has more than {_MAX_PAGES} pages; ask for fewer "
            "years at a time",
            field="next_page",
        )


def _next_page(page: dict[str, Any], url: str, base_url: str) -> str | None:
    """The next page's URL, which must be on the same site (origin) as ``base_url``."""
    next_url = page.get("next_page")
    if next_url is None or next_url == "":
        return None
    if not isinstance(next_url, str):  # already checked by _check_page; kept for mypy
        _malformed(url, "next_page", "is not a string")
    scheme = urllib.parse.urlsplit(next_url).scheme
    if scheme not in ("http", "https"):
        _malformed(url, "next_page", f"is not an http(s) URL: {next_url!r}")
    origin = _origin(next_url)
    if origin is None or origin != _origin(base_url):
        _malformed(
            url,
            "next_page",
            f"points to another site ({next_url!r}); only pages on the same scheme, host "
            f"and port as base_url {base_url!r} are followed, so it was neither read nor "
            "cached",
        )
    return next_url


# -- validation of responses ---------------------------------------------------------------


def _malformed(url: str, field: str, problem: str, value: Any = None) -> NoReturn:
    raise DataSourceError(
        f"Kolada's response from {url} is not in the documented API v2 format: {field} "
        f"{problem}; check base_url (default {DEFAULT_BASE_URL!r}) or report it to RKA",
        field=field,
        value=value,
    )


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


def _json_depth(raw: bytes) -> int:
    """How deep the arrays and objects in ``raw`` nest, brackets inside strings not counted.

    >>> _json_depth(b'{"values": [{"title": "[[[["}]}')
    3
    """
    # Escaped backslashes, then escaped quotes, go first; every quote left opens or
    # closes a string, so the parts between quotes alternate outside and inside.
    plain = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    inside, depth, deepest = False, 0, 0
    for start in range(0, len(plain), _DEPTH_CHUNK):
        parts = plain[start : start + _DEPTH_CHUNK].split(b'"')
        outside = b"".join(parts[1 if inside else 0 :: 2])
        inside ^= len(parts) % 2 == 0  # an odd number of quotes in this chunk
        brackets = outside.translate(None, delete=_NOT_BRACKETS)
        levels = list(itertools.accumulate(map(_DEPTH_STEP.__getitem__, brackets), initial=depth))
        deepest, depth = max(deepest, max(levels)), levels[-1]
    return deepest


def _too_deep(url: str, what: str, max_depth: int) -> DataSourceError:
    return DataSourceError(
        f"{what} for {url} nests deeper than {max_depth} levels (Kolada's answers nest "
        f"{_KOLADA_DEPTH}), so it was not read; the service may be down or base_url may point "
        "elsewhere; if it is a cache file, delete it and rerun online",
        field="response",
        expected=f"at most {max_depth} levels of arrays and objects",
    )


def _parse_json(raw: bytes, url: str, what: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON bytes; refuses nesting deeper than ``max_depth`` before parsing."""
    if _json_depth(raw) > max_depth:
        raise _too_deep(url, what, max_depth)
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except RecursionError:  # not reached after the depth check; kept as a guard
        raise _too_deep(url, what, max_depth) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataSourceError(
            f"{what} for {url} is not valid JSON ({exc}); got {_snippet(raw[:120])!r}. The "
            "service may be down or base_url may point elsewhere; if it is a cache file, "
            "delete it and rerun online",
            field="response",
        ) from exc


def _check_page(document: Any, url: str) -> dict[str, Any]:
    if not isinstance(document, dict):
        _malformed(url, "response", f"is a JSON {type(document).__name__}, not an object")
    if "values" not in document:
        _malformed(url, "values", "is missing")
    if not isinstance(document["values"], list):
        _malformed(url, "values", "is not a list", type(document["values"]).__name__)
    count = document.get("count")
    if "count" in document and (isinstance(count, bool) or not isinstance(count, int)):
        _malformed(url, "count", "is not an integer", count)
    next_page = document.get("next_page")
    if next_page is not None and not isinstance(next_page, str):
        _malformed(url, "next_page", "is not a string", next_page)
    return document


def _parse_items(page: dict[str, Any], url: str, parse: Callable[[Any, str], _T]) -> list[_T]:
    items: list[_T] = []
    for index, obj in enumerate(page["values"]):
        field = f"values[{index}]"
        if not isinstance(obj, dict):
            _malformed(url, field, "is not an object")
        try:
            items.append(parse(obj, field))
        except _BadField as bad:
            _malformed(url, bad.field, bad.problem, bad.value)
    return items


class _BadField(Exception):
    def __init__(self, field: str, problem: str, value: Any = None) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem
        self.value = value


def _get_str(obj: dict[str, Any], name: str, field: str) -> str:
    if name not in obj:
        raise _BadField(f"{field}.{name}", "is missing")
    value = obj[name]
    if not isinstance(value, str):
        raise _BadField(f"{field}.{name}", "is not a string", value)
    return value


@dataclass(frozen=True, slots=True)
class _DataItem:
    kpi: str
    municipality: str
    year: int
    rows: dict[str, tuple[float | None, str | None, int | None]]


def _parse_data_item(obj: dict[str, Any], field: str) -> _DataItem:
    kpi = _get_str(obj, "kpi", field)
    municipality = _get_str(obj, "municipality", field)
    if "period" not in obj:
        raise _BadField(f"{field}.period", "is missing")
    period = obj["period"]
    if isinstance(period, str) and period.isdigit():
        period = int(period)
    if isinstance(period, bool) or not isinstance(period, int):
        raise _BadField(f"{field}.period", "is not a year", period)
    if "values" not in obj:
        raise _BadField(f"{field}.values", "is missing")
    rows_in = obj["values"]
    if not isinstance(rows_in, list):
        raise _BadField(f"{field}.values", "is not a list", type(rows_in).__name__)
    rows: dict[str, tuple[float | None, str | None, int | None]] = {}
    for index, row in enumerate(rows_in):
        where = f"{field}.values[{index}]"
        if not isinstance(row, dict):
            raise _BadField(where, "is not an object")
        gender = _get_str(row, "gender", where)
        if "value" not in row:
            raise _BadField(f"{where}.value", "is missing")
        raw_value = row["value"]
        value: float | None
        if raw_value is None:
            value = None
        elif isinstance(raw_value, bool) or not isinstance(raw_value, int | float):
            raise _BadField(f"{where}.value", "is not a number or null", raw_value)
        else:
            value = _finite(
                raw_value, f"{where}.value", f"{kpi}, kommun {municipality}, år {period}"
            )
        status = row.get("status")
        if status is not None and not isinstance(status, str):
            raise _BadField(f"{where}.status", "is not a string", status)
        count = row.get("count")
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise _BadField(f"{where}.count", "is not an integer", count)
        if gender in rows:
            raise _BadField(f"{where}.gender", f"repeats gender {gender!r}", gender)
        rows[gender] = (value, status, count)
    return _DataItem(kpi, municipality, period, rows)


def _finite(raw: float, field: str, what: str) -> float:
    """``raw`` as a float; a value beyond float range (``1e400``) is refused, never infinity."""
    try:
        value = float(raw)
    except OverflowError:  # an integer with hundreds of digits
        value = math.inf
    if not math.isfinite(value):
        shown = raw if isinstance(raw, float) else f"an integer of {len(str(raw))} digits"
        raise _BadField(
            field,
            f"is not a finite number (nyckeltal {what}); a key figure is a number such as "
            "3450.0 or null when missing",
            shown,
        )
    return value


def _parse_municipality(obj: dict[str, Any], field: str) -> Municipality:
    return Municipality(
        _get_str(obj, "id", field), _get_str(obj, "title", field), _get_str(obj, "type", field)
    )


def _parse_kpi(obj: dict[str, Any], field: str) -> tuple[str, str]:
    return _get_str(obj, "id", field), _get_str(obj, "title", field)


def _flatten(pages: _Pages[_T]) -> list[_T]:
    return [item for _url, items in pages for item in items]


def _collect_values(
    pages: _Pages[_DataItem], kpi: str, municipality: str, wanted: list[int], gender: str
) -> list[KoladaValue]:
    """One value per wanted year from parsed data pages; checks they answer the request."""
    found: dict[int, KoladaValue] = {}
    for page_url, items in pages:
        for index, item in enumerate(items):
            field = f"values[{index}]"
            if item.kpi.upper() != kpi:
                _malformed(page_url, f"{field}.kpi", f"is not the requested {kpi!r}", item.kpi)
            if item.municipality != municipality:
                _malformed(
                    page_url,
                    f"{field}.municipality",
                    f"is not the requested {municipality!r}",
                    item.municipality,
                )
            if item.year not in wanted:
                continue
            if item.year in found:
                _malformed(page_url, f"{field}.period", "repeats a year", item.year)
            row = item.rows.get(gender)
            value, status, count = row if row is not None else (None, None, None)
            found[item.year] = KoladaValue(
                kpi, municipality, item.year, value, gender, status, count
            )
    return [found.get(year, KoladaValue(kpi, municipality, year, None, gender)) for year in wanted]
