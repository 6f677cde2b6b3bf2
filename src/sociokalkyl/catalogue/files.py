"""Reading catalogue files: CSV (the shipped format) and TOML, into cost items.

A CSV catalogue has one cost item a row. Lines that start with ``#`` are comments.
Cells are separated by commas, or by semicolons as Swedish Excel saves them (the
header line decides).

========== ======== =============================================================
column     required example
========== ======== =============================================================
key        yes      ``hemtjanst_timme_2023``
name       yes      ``Hemtjänst, kostnad per beviljad timme``
value      yes      ``472`` or ``4 500,50`` (Swedish or English notation)
unit       yes      ``kr/tim``, ``SEK/day``, ``kr/mån``, ``kr/år``; ``kr`` per event
price_year yes      ``2016``
source     yes      ``SKL Kostnad per brukare 2016``
name_en    no       ``Home care, cost per granted hour`` (English search words)
payer      no       ``kommun`` (default) or shares ``kommun:0.56;region:0.44``
price_index no      ``KPI`` (default) or ``OPI`` (care costs)
geography  no       ``Riket``, ``Örebro``
confidence no       ``S``, ``S2``, ``D`` or ``A``
note       no       free text
real_growth no      ``0.01`` (real cost growth a year)
========== ======== =============================================================

A TOML catalogue has one table per key with the fields of
:class:`~sociokalkyl.model.CostItem` (``unit_cost = "472 kr/tim"``) plus ``name_en``::

    [hemtjanst_timme]
    name = "Hemtjänst, kostnad per beviljad timme, Örebro"
    unit_cost = "520 kr/tim"
    price_year = 2023
    source = "Örebro kommun, årsredovisning 2023"
    confidence = "S"
    price_index = "OPI"
"""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path
from typing import Any

from sociokalkyl.catalogue.entry import Entry, _check_unit, _where, entry_from_mapping
from sociokalkyl.errors import InputError
from sociokalkyl.units import parse_number

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "parse_catalogue_text",
    "read_catalogue_file",
]

REQUIRED_COLUMNS = ("key", "name", "value", "unit", "price_year", "source")
"""Columns every CSV catalogue must have."""

COLUMNS = (
    *REQUIRED_COLUMNS,
    "name_en",
    "payer",
    "price_index",
    "geography",
    "confidence",
    "note",
    "real_growth",
)
"""Every column a CSV catalogue may have."""

_EXAMPLES = {
    "key": "hvb_dygn",
    "name": '"HVB-dygn"',
    "value": "4500",
    "unit": '"kr/dygn"',
    "price_year": "2018",
    "source": '"corren.se (press)"',
}


def _parse_payer(text: str, where: str) -> str | dict[str, float]:
    text = text.strip()
    if not text:
        return "kommun"
    if ":" not in text:
        return text
    shares: dict[str, float] = {}
    for part in text.split(";"):
        name, sep, share = part.partition(":")
        if not sep or not name.strip():
            raise InputError(
                "cannot be read as payer shares",
                field=where,
                value=text,
                expected='a payer ("kommun") or shares "kommun:0.56;region:0.44" that sum to 1',
            )
        shares[name.strip()] = parse_number(share, field=where)
    return shares


def _csv_entries(text: str, origin: str) -> list[Entry]:
    # Comment lines become blank lines, so csv's line numbers stay those of the file.
    body = "\n".join("" if line.lstrip().startswith("#") else line for line in text.splitlines())
    # Swedish Excel saves "CSV" with semicolons: the header line decides the delimiter.
    first = next((line for line in body.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    header: list[str] | None = None
    entries: list[Entry] = []
    for row in reader:
        if not row or not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = _csv_header(row, origin)
        else:
            entries.append(_csv_entry(header, row, f"{origin}, line {reader.line_num}"))
    if header is None:
        raise InputError(
            "is empty",
            field=origin,
            expected=f"a CSV with the header {','.join(REQUIRED_COLUMNS)} and one row per item",
        )
    return entries


def _csv_header(row: list[str], origin: str) -> list[str]:
    """The column names of a header row, every required one present and none unknown."""
    header = [cell.strip() for cell in row]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing:
        raise InputError(
            f"lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            field=f"{origin}, header",
            value=",".join(header),
            expected=f"a header with {','.join(REQUIRED_COLUMNS)}, e.g. a row "
            'hvb_dygn,HVB-dygn,4500,kr/dygn,2018,"corren.se"',
        )
    if unknown:
        raise InputError(
            f"has unknown columns {', '.join(unknown)}",
            field=f"{origin}, header",
            value=",".join(header),
            expected=f"columns among {', '.join(COLUMNS)}",
        )
    return header


def _csv_entry(header: list[str], row: list[str], where_line: str) -> Entry:
    """One data row as an entry; ``where_line`` is "file, line n" for messages."""
    if len(row) != len(header):
        raise InputError(
            f"has {len(row)} cells but the header has {len(header)}",
            field=where_line,
            value=",".join(row),
            expected="one cell per column; quote cells that contain commas",
        )
    cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
    key = cells["key"]
    where = f"{where_line}, key {key!r}" if key else where_line
    if not key:
        raise InputError("has no key", field=where_line, expected="a key, e.g. hvb_dygn")
    for name in REQUIRED_COLUMNS:
        if not cells[name]:
            raise InputError(
                f"is empty in column {name}",
                field=where,
                expected=f"a value in {name}, e.g. {_EXAMPLES[name]}",
            )
    value = parse_number(cells["value"], field=f"{where}, value")
    unit_cost = {"value": value, "unit": cells["unit"]}
    _check_unit(unit_cost, f"{where}, unit")
    try:
        price_year = int(cells["price_year"])
    except ValueError:
        raise InputError(
            "is not a year",
            field=f"{where}, price_year",
            value=cells["price_year"],
            expected="a four-digit year, e.g. 2018",
        ) from None
    fields: dict[str, Any] = {
        "name": cells["name"],
        "unit_cost": unit_cost,
        "price_year": price_year,
        "source": cells["source"],
        "payer": _parse_payer(cells.get("payer", ""), f"{where}, payer"),
    }
    for name in ("price_index", "geography", "confidence", "note", "name_en"):
        if cells.get(name):
            fields[name] = cells[name]
    if cells.get("real_growth"):
        fields["real_growth"] = parse_number(cells["real_growth"], field=f"{where}, real_growth")
    return entry_from_mapping(key, fields, where_line)


def _toml_entries(text: str, origin: str) -> list[Entry]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            f"is not valid TOML ({exc})",
            field=origin,
            expected='one table per key, e.g. [hvb_dygn] with unit_cost = "4 500 kr/dygn"',
        ) from None
    entries = []
    for key, table in document.items():
        if not isinstance(table, dict):
            raise InputError(
                "is not a table of cost-item fields",
                field=_where(origin, key, "table"),
                value=table,
                expected=f'[{key}] followed by name = "...", unit_cost = "4 500 kr/dygn", ...',
            )
        entries.append(entry_from_mapping(key, table, origin))
    return entries


def parse_catalogue_text(text: str, origin: str, kind: str = "csv") -> list[Entry]:
    """Parse catalogue text into entries, checking every row.

    Parameters
    ----------
    text
        The text of a catalogue file.
    origin
        The file's name, for the entries and for messages (``"file, line 3"``).
    kind
        ``"csv"`` (default) or ``"toml"``.

    Returns
    -------
    list of Entry
        One entry per row (CSV) or table (TOML), in file order.

    Raises
    ------
    InputError, UnitError, PriceYearError
        As :func:`read_catalogue_file`; a key given twice is an ``InputError``.

    Examples
    --------
    >>> text = "key;name;value;unit;price_year;source\\nhvb;HVB-dygn;4 500;kr/dygn;2018;corren.se"
    >>> [(e.item.key, e.item.unit_cost_text(), e.origin) for e in parse_catalogue_text(text, "f")]
    [('hvb', '4500 SEK / day', 'f, line 2')]
    """
    entries = _toml_entries(text, origin) if kind == "toml" else _csv_entries(text, origin)
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.item.key in seen:
            raise InputError(
                f"is a duplicate key (first in {seen[entry.item.key]})",
                field=f"{entry.origin}, key",
                value=entry.item.key,
                expected="each key once in a catalogue file, e.g. hvb_dygn_2018 and hvb_dygn_2019",
            )
        seen[entry.item.key] = entry.origin
    return entries


def read_catalogue_file(path: str | Path) -> list[Entry]:
    """Read a catalogue file (``.csv`` or ``.toml``) into entries, checking every row.

    Parameters
    ----------
    path
        The file; UTF-8 (a byte-order mark, as Excel writes, is fine).

    Returns
    -------
    list of Entry
        One entry per row or table, with ``origin`` naming the file and line.

    Raises
    ------
    InputError
        For a missing column, an empty required cell, a duplicate key, a bad payer.
    UnitError
        For an amount that is not money per time or per event.
    PriceYearError
        For a price year the item's price index lacks.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "egna.toml"
    ...     _ = path.write_text('[hvb]\\nname = "HVB"\\nunit_cost = "4 500 kr/dygn"\\n'
    ...                         'price_year = 2018\\nsource = "corren.se"\\n', encoding="utf-8")
    ...     [entry.item.price_year for entry in read_catalogue_file(path)]
    [2018]
    """
    path = Path(path)
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".toml"):
        raise InputError(
            "has an unknown file type",
            field=origin,
            value=path.suffix,
            expected="a .csv or .toml catalogue file, e.g. mina-kostnader.csv",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot be read ({exc})",
            field=origin,
            expected="the path of a UTF-8 catalogue file (.csv or .toml)",
        ) from None
    return parse_catalogue_text(text, origin, suffix.lstrip("."))
