"""The template sheet *Prisindex*: a controller's own price-index years, one a row.

Columns: Index (``KPI``, ``OPI`` or an own name), År, Förändring (from the year
before, a percent: ``2,8 %`` or ``0,028``), Nivå (or a level; KPI's base is 1980 = 100),
Källa, Läge (``förläng``, the default: the years extend the shipped series and the
shipped years win; ``skriv över``: your years win; ``ersätt``: your series alone).
The rows of one index become ``settings.price_indices.<Index>`` with the same meaning
as in a scenario file. The sheet is optional: a template without it reads as before.

A change cell holds a share shown as a percent; a plain ``2,8`` would be 280 % and is
refused with both readings shown (the percent trap), as is any change above 50 %.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from sociokalkyl.errors import InputError, UnitError, Words
from sociokalkyl.language.bilingual import price_words
from sociokalkyl.language.prices import MODE_WORDS, price_text
from sociokalkyl.model import Settings
from sociokalkyl.money import SeriesPart, YearOrigin, resolve_index
from sociokalkyl.scenario.excel_cells import SheetCells, check_text
from sociokalkyl.units import parse_number

__all__ = ["PRICE_COLUMNS", "PRICE_SHEET", "read_price_sheet", "write_price_sheet"]

PRICE_SHEET = price_text("sheet")
"""The sheet's name, ``"Prisindex"``."""
PRICE_COLUMNS = ("index", "year", "change", "level", "source", "mode")
"""The sheet's columns, A to F."""
_FIRST_ROW = 4  # title in row 1, headings in row 2, hints in row 3
_ROWS = 60
_WIDTHS = (10, 8, 12, 12, 44, 14)
_MAX_CHANGE = 0.5
_YEAR_IN_FIELD = re.compile(r"(?P<form>changes_percent|levels)\[(?P<year>\d{4})\]")
_MODE_OF = {"extend": "förläng", "override": "skriv över", "replace": "ersätt"}
_HEADINGS = {key: price_text(f"col_{key}") for key in PRICE_COLUMNS}  # as on the sheet


def write_price_sheet(ws: Any, settings: Settings | None = None) -> None:
    """Fill the sheet *Prisindex*: headings, hints, input cells, the user's years if any.

    Parameters
    ----------
    ws
        The openpyxl worksheet (named :data:`PRICE_SHEET`).
    settings
        Settings whose ``price_indices`` pre-fill the rows; None leaves them empty.

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> write_price_sheet(ws)
    >>> ws["A2"].value, ws["C2"].value
    ('Index', 'Förändring')
    """
    ws.cell(1, 1, price_text("sheet_title")).font = Font(bold=True, size=14)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for j, (key, width) in enumerate(zip(PRICE_COLUMNS, _WIDTHS, strict=True), start=1):
        letter = openpyxl.utils.get_column_letter(j)
        ws.column_dimensions[letter].width = width
        ws.cell(2, j, price_text(f"col_{key}")).font = Font(bold=True)
        ws.cell(3, j, price_text(f"hint_{key}")).font = Font(italic=True, color="666666")
        for row in range(_FIRST_ROW, _FIRST_ROW + _ROWS):
            ws.cell(row, j).fill = fill
            if key == "change":
                ws.cell(row, j).number_format = "0.0 %"
    row = _FIRST_ROW
    for name, series in (settings.price_indices if settings else {}).items():
        given = series.changes_percent if series.levels is None else series.levels
        for year, number in sorted((given or {}).items()):
            change = number / 100 if series.levels is None else None
            level = number if series.levels is not None else None
            values = (name, year, change, level, series.source, _MODE_OF[series.mode])
            for j, value in enumerate(values, start=1):
                if isinstance(value, str):
                    check_text(value, f"{ws.title}!{openpyxl.utils.get_column_letter(j)}{row}")
                ws.cell(row, j, value).data_type = "s" if isinstance(value, str) else "n"
            row += 1
    last = _FIRST_ROW + _ROWS - 1
    modes = DataValidation(type="list", formula1='"förläng,skriv över,ersätt"', allow_blank=True)
    names = DataValidation(type="list", formula1='"KPI,OPI"', allow_blank=True)
    names.errorStyle = "warning"  # an own index name may be typed
    ws.add_data_validation(modes)
    ws.add_data_validation(names)
    modes.add(f"F{_FIRST_ROW}:F{last}")
    names.add(f"A{_FIRST_ROW}:A{last}")
    ws.freeze_panes = f"A{_FIRST_ROW}"


def _fail(
    ws: SheetCells, row: int, col: int, problem: Words, value: Any, expected: str | Words
) -> InputError:
    """An error at the cell, in both languages; the column is named as the sheet heads it."""
    header = _HEADINGS[PRICE_COLUMNS[col - 1]]
    return InputError(
        price_words("bad_cell", header=header, problem=problem),
        field=ws.ref(row, col),
        value=value,
        expected=expected,
    )


def _text(ws: SheetCells, row: int, col: int) -> str | None:
    value = ws.value(row, col)
    if value is None:
        return None
    text = (f"{value:g}" if isinstance(value, float) else str(value)).strip()
    return text or None


def _number(ws: SheetCells, row: int, col: int, expected: Words) -> float | None:
    value = ws.value(row, col)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _fail(ws, row, col, price_words("not_number"), value, expected)
    if not isinstance(value, str):
        return float(value)
    text, divisor = value.strip(), 1.0
    if text.endswith("%") and PRICE_COLUMNS[col - 1] == "change":
        text, divisor = text.removesuffix("%").strip(), 100.0
    try:
        return parse_number(text, field=ws.ref(row, col)) / divisor
    except UnitError:
        raise _fail(ws, row, col, price_words("not_number"), value, expected) from None


def _change_percent(ws: SheetCells, row: int) -> float | None:
    """The change cell as a percent; a share above 50 % is the percent trap."""
    share = _number(ws, row, 3, price_words("expected_change"))
    if share is not None and abs(share) > _MAX_CHANGE:
        trap = price_words("share_trap", value=share, percent=share * 100, share=share / 100)
        raise _fail(ws, row, 3, trap, ws.value(row, 3), price_words("expected_change"))
    return None if share is None else share * 100


def _row(ws: SheetCells, row: int) -> tuple[str, int, str, float, str | None, str | None]:
    """(index, year, "changes_percent" or "levels", number, source, mode word) of a row."""
    name = _text(ws, row, 1) or "KPI"
    year = _number(ws, row, 2, price_words("hint_year"))
    if year is None or not year.is_integer() or not 1800 <= year <= 2200:
        raise _fail(ws, row, 2, price_words("not_year"), ws.value(row, 2), price_words("hint_year"))
    change, level = _change_percent(ws, row), _number(ws, row, 4, price_words("hint_level"))
    if (change is None) == (level is None):
        raise _fail(ws, row, 3, price_words("both_or_neither"), None, price_words("hint_change"))
    mode = _text(ws, row, 6)
    if mode is not None and mode.lower() not in MODE_WORDS:
        raise _fail(ws, row, 6, price_words("bad_mode"), mode, price_words("hint_mode"))
    form, number = ("changes_percent", change) if level is None else ("levels", level)
    assert number is not None
    return name, int(year), form, number, _text(ws, row, 5), mode


def read_price_sheet(
    ws: SheetCells | None, origins: dict[tuple[Any, ...], str] | None = None
) -> dict[str, dict[str, Any]]:
    """The sheet's rows as ``settings.price_indices``; empty for no sheet or no rows.

    Parameters
    ----------
    ws
        The sheet's cells, or None when the template has no sheet *Prisindex*.
    origins
        Field path -> cell, filled in for the checks that name a cell.

    Returns
    -------
    dict
        ``{"KPI": {"source": ..., "changes_percent": {2024: 2.8}, "mode": "extend"}}``.

    Raises
    ------
    InputError
        For a cell that is not a year or a number, a row with neither or both of
        change and level, an index with mixed forms, no source, a year twice, a change
        above 50 % (the percent trap), or years that do not fit the shipped series;
        ``field`` names the sheet and cell, e.g. ``"Prisindex!C4"``.

    Examples
    --------
    >>> from sociokalkyl.scenario.excel_cells import Cell
    >>> cells = {(4, 1): Cell("KPI", "s", "General"), (4, 2): Cell(2024, "n", "General"),
    ...          (4, 3): Cell(0.028, "n", "0.0 %"), (4, 5): Cell("SCB", "s", "General")}
    >>> read_price_sheet(SheetCells("Prisindex", cells, 4))["KPI"]["changes_percent"]
    {2024: 2.8}
    """
    found: dict[str, dict[str, Any]] = {}
    first: dict[str, int] = {}
    if ws is None:
        return found
    where = origins if origins is not None else {}
    for row in range(_FIRST_ROW, ws.max_row + 1):
        if all(ws.value(row, j) is None for j in range(1, len(PRICE_COLUMNS) + 1)):
            continue
        name, year, form, number, source, mode = _row(ws, row)
        series = found.setdefault(name, {form: {}})
        first.setdefault(name, row)
        if form not in series:
            raise _fail(ws, row, 3, price_words("mixed_forms", index=name), None, form)
        if year in series[form]:
            raise _fail(ws, row, 2, price_words("twice", index=name, year=year), year, "")
        series[form][year] = round(number, 10)
        where[("settings", "price_indices", name, form, year)] = ws.ref(
            row, 3 if form[0] == "c" else 4
        )
        if source and "source" not in series:
            series["source"] = source
        if mode and "mode" not in series:
            series["mode"] = MODE_WORDS[mode.lower()]
    for name, series in found.items():
        _check_series(ws, first[name], name, series, where)
    return found


def _check_series(
    ws: SheetCells,
    row: int,
    name: str,
    series: Mapping[str, Any],
    where: Mapping[tuple[Any, ...], str],
) -> None:
    """A source is given, and the years fit the shipped series (named by its first row)."""
    if "source" not in series:
        raise _fail(
            ws, row, 5, price_words("no_source", index=name), None, price_words("hint_source")
        )
    origin = YearOrigin("user", series["source"])
    part = SeriesPart(
        origin,
        levels=series.get("levels", {}),
        changes_percent=series.get("changes_percent", {}),
    )
    try:
        resolve_index(name, part, mode=series.get("mode", "extend"), use_cache=False)
    except InputError as exc:
        cell = ws.ref(row, 1)
        named = _YEAR_IN_FIELD.search(exc.field or "")
        if named:
            path = ("settings", "price_indices", name, named["form"], int(named["year"]))
            cell = where.get(path, cell)
        raise InputError(exc.message, field=cell, value=exc.value, expected=exc.expected) from None
