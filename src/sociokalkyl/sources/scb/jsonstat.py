"""Reading SCB's answers: a table's metadata and its data as JSON-stat 2.0.

Metadata (a GET on the table)::

    {"title": "...", "variables": [{"code": "ContentsCode", "values": ["000004VU"],
      "valueTexts": ["KPI"]}, {"code": "Tid", "values": ["1980", ...], "time": true}]}

Data (a POST with ``"response": {"format": "json-stat2"}``)::

    {"class": "dataset", "id": ["ContentsCode", "Tid"], "size": [1, 45],
     "dimension": {"Tid": {"category": {"index": {"1980": 0, ...}}}, ...},
     "role": {"time": ["Tid"]}, "value": [100.0, ...], "updated": "..."}

Everything is checked before anything is cached: the shape, one series only, years of
four digits, values finite and positive (``null`` is a year SCB has not published).
"""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

from sociokalkyl.errors import DataSourceError, Words
from sociokalkyl.language.bilingual import price_words
from sociokalkyl.language.bilingual import scb_answer_words as _answer
from sociokalkyl.limits import MAX_JSON_DEPTH
from sociokalkyl.sources.kolada.parse import _json_depth, _snippet
from sociokalkyl.sources.scb.constants import MAX_VALUES

__all__ = ["TableInfo", "parse_data", "parse_metadata", "read_json"]


def _malformed(url: str, what: str, problem: Words) -> NoReturn:
    raise DataSourceError(
        price_words("scb_malformed", url=url, what=what, problem=problem), field=what
    )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a finite number")


def read_json(raw: bytes, url: str) -> Any:
    """Parse an answer: strict JSON (no NaN or Infinity), nesting at most the usual depth.

    Parameters
    ----------
    raw
        The answer's bytes.
    url
        Where it came from, named in errors.

    Returns
    -------
    Any
        The parsed JSON.

    Raises
    ------
    DataSourceError
        For bytes that are not strict UTF-8 JSON, or nest too deep.

    Examples
    --------
    >>> read_json(b'{"a": [1]}', "u")
    {'a': [1]}
    """
    if _json_depth(raw) > MAX_JSON_DEPTH:
        _malformed(url, "json", _answer("too_deep", depth=MAX_JSON_DEPTH))
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        _malformed(url, "json", _answer("not_json", detail=exc, snippet=repr(_snippet(raw[:120]))))


class TableInfo:
    """What a table's metadata says: the time variable and the other variables' values.

    Parameters
    ----------
    title
        The table's title.
    time_code
        The code of the time variable (``"Tid"``).
    selection
        The one value chosen for each other variable, by code.

    Examples
    --------
    >>> info = TableInfo("KPI", "Tid", {"ContentsCode": "000004VU"})
    >>> info.query()["query"][1]
    {'code': 'Tid', 'selection': {'filter': 'all', 'values': ['*']}}
    """

    def __init__(self, title: str, time_code: str, selection: dict[str, str]) -> None:
        self.title = title
        self.time_code = time_code
        self.selection = selection

    def query(self) -> dict[str, Any]:
        """The POST body: the chosen value of each variable, every year, JSON-stat 2."""
        items = [
            {"code": code, "selection": {"filter": "item", "values": [value]}}
            for code, value in self.selection.items()
        ]
        items.append({"code": self.time_code, "selection": {"filter": "all", "values": ["*"]}})
        return {"query": items, "response": {"format": "json-stat2"}}


def _variable(item: Any, url: str, position: int) -> tuple[str, list[str], bool]:
    what = f"variables[{position}]"
    if not isinstance(item, dict):
        _malformed(url, what, _answer("not_object"))
    code, values = item.get("code"), item.get("values")
    if not isinstance(code, str) or not code:
        _malformed(url, f"{what}.code", _answer("missing"))
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        _malformed(url, f"{what}.values", _answer("not_codes"))
    is_time = item.get("time") is True or code == "Tid"
    return code, values, is_time


def parse_metadata(document: Any, url: str) -> TableInfo:
    """The time variable and the single value of every other variable of a table.

    Parameters
    ----------
    document
        The parsed answer to a GET on the table.
    url
        The table's address, named in errors.

    Returns
    -------
    TableInfo
        The time variable's code and the selection of the others.

    Raises
    ------
    DataSourceError
        When there is no time variable, or another variable has several values (the
        table holds more than one series).

    Examples
    --------
    >>> meta = {"title": "KPI", "variables": [
    ...     {"code": "ContentsCode", "values": ["000004VU"], "valueTexts": ["KPI"]},
    ...     {"code": "Tid", "values": ["2023", "2024"], "time": True}]}
    >>> parse_metadata(meta, "u").selection
    {'ContentsCode': '000004VU'}
    """
    if not isinstance(document, dict) or not isinstance(document.get("variables"), list):
        _malformed(url, "variables", _answer("not_metadata"))
    time_code: str | None = None
    selection: dict[str, str] = {}
    for position, item in enumerate(document["variables"]):
        code, values, is_time = _variable(item, url, position)
        if is_time:
            time_code = code
        elif len(values) == 1:
            selection[code] = values[0]
        else:
            _malformed(url, code, _answer("several_values", n=len(values)))
    if time_code is None:
        _malformed(url, "variables", _answer("no_time"))
    title = document.get("title")
    return TableInfo(title if isinstance(title, str) else "", time_code, selection)


def _time_codes(document: dict[str, Any], time_code: str, url: str) -> list[str]:
    dimension = document["dimension"].get(time_code)
    category = dimension.get("category") if isinstance(dimension, dict) else None
    index = category.get("index") if isinstance(category, dict) else None
    if isinstance(index, list) and all(isinstance(code, str) for code in index):
        return list(index)
    if isinstance(index, dict) and all(isinstance(p, int) for p in index.values()):
        ordered = sorted(index.items(), key=lambda pair: pair[1])
        if [p for _, p in ordered] != list(range(len(ordered))):
            _malformed(url, f"dimension.{time_code}", _answer("bad_positions"))
        return [code for code, _ in ordered]
    _malformed(url, f"dimension.{time_code}.category.index", _answer("missing"))


def _check_shape(document: Any, url: str) -> tuple[list[str], list[int]]:
    if not isinstance(document, dict) or document.get("class") != "dataset":
        _malformed(url, "class", _answer("not_dataset"))
    ids, sizes = document.get("id"), document.get("size")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        _malformed(url, "id", _answer("not_dimension_codes"))
    if not isinstance(sizes, list) or len(sizes) != len(ids):
        _malformed(url, "size", _answer("sizes_per_dimension"))
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in sizes):
        _malformed(url, "size", _answer("not_counts"))
    if not isinstance(document.get("dimension"), dict):
        _malformed(url, "dimension", _answer("missing"))
    return ids, sizes


def _year(code: str, url: str) -> int:
    if not (len(code) == 4 and code.isdigit()):
        _malformed(url, "Tid", _answer("not_a_year", code=repr(code)))
    return int(code)


def _level(value: Any, year: int, url: str) -> float | None:
    if value is None:
        return None  # not published (yet)
    if isinstance(value, bool) or not isinstance(value, int | float):
        _malformed(url, f"value[{year}]", _answer("not_number", value=repr(value)))
    if not math.isfinite(value) or value <= 0:
        _malformed(url, f"value[{year}]", _answer("not_positive", value=repr(value)))
    return float(value)


def parse_data(document: Any, url: str, time_code: str) -> dict[int, float]:
    """The levels by year in a JSON-stat 2.0 dataset of one series.

    Years whose value is ``null`` (not yet published) are left out.

    Parameters
    ----------
    document
        The parsed answer to the data query.
    url
        The table's address, named in errors.
    time_code
        The code of the time dimension (from the metadata).

    Returns
    -------
    dict of int to float
        The levels by year [index points].

    Raises
    ------
    DataSourceError
        For another shape, several series, a year that is not four digits, or a value
        that is not a positive finite number.

    Examples
    --------
    >>> data = {"class": "dataset", "id": ["ContentsCode", "Tid"], "size": [1, 2],
    ...         "dimension": {"Tid": {"category": {"index": {"2023": 0, "2024": 1}}}},
    ...         "value": [403.7, None]}
    >>> parse_data(data, "u", "Tid")
    {2023: 403.7}
    """
    ids, sizes = _check_shape(document, url)
    if time_code not in ids:
        _malformed(url, "id", _answer("no_time_dimension", code=time_code))
    if any(n != 1 for code, n in zip(ids, sizes, strict=True) if code != time_code):
        _malformed(url, "size", _answer("several_series"))
    codes = _time_codes(document, time_code, url)
    values = document.get("value")
    if not isinstance(values, list):
        _malformed(url, "value", _answer("not_list"))
    count = math.prod(sizes)
    if len(values) != count or len(codes) != count or count > MAX_VALUES:
        _malformed(url, "value", _answer("count_mismatch", n=len(values), years=len(codes)))
    levels: dict[int, float] = {}
    for code, value in zip(codes, values, strict=True):
        year = _year(code, url)
        level = _level(value, year, url)
        if level is not None:
            levels[year] = level
    if not levels:
        _malformed(url, "value", _answer("no_published_year"))
    return levels
