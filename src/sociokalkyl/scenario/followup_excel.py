"""The follow-up Excel sheet a controller fills in: reading it (sheet and cell in errors) and
writing a blank one for a forecast.

Sheet ``Uppföljning``: row 1 holds the headers, one row a calendar year below:

=====================  ===========================================================
header                 what the column holds
=====================  ===========================================================
``År``                 the calendar year
``Nya deltagare``      new participants that year (an intake year of the forecast)
``Användning: KEY``    the participants' total use of cost item KEY (its unit)
``Kostnad: NAMN``      what cost line NAMN actually cost [kr, analysis price year]
``Övrig kostnad: P``   costs outside the cost lines, paid by payer or nämnd P [kr]
``Källa``              where the row's numbers come from
=====================  ===========================================================

Sheet ``Inställningar`` (optional): ``Kalkyl`` (the scenario file), ``Exempel`` and
``Trovärdighet`` in column A, their values in column B.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl

from sociokalkyl._atomic import write_atomic
from sociokalkyl.engine import Plan
from sociokalkyl.errors import InputError
from sociokalkyl.followup.compare import follow_up
from sociokalkyl.followup.inputs import Observations, ObservedYear, validated
from sociokalkyl.scenario.excel_cells import SheetCells
from sociokalkyl.scenario.excel_file import read_cells

__all__ = ["SHEET", "read_observation_sheet", "write_observation_sheet"]

SHEET = "Uppföljning"
SETTINGS = "Inställningar"
_PREFIXES = {"Användning: ": "use", "Kostnad: ": "costs", "Övrig kostnad: ": "other_costs"}
_SETTINGS = {"kalkyl": "scenario", "exempel": "example", "trovärdighet": "credibility"}
_LAST_COLUMN = 60


def _columns(sheet: SheetCells) -> dict[int, tuple[str, str | None]]:
    """Column -> (field, key) from the header row; an error for an unknown header."""
    columns: dict[int, tuple[str, str | None]] = {}
    for col in range(1, _LAST_COLUMN + 1):
        header = sheet.value(1, col)
        if header is None:
            continue
        text = str(header).strip()
        fixed = {"år": "year", "nya deltagare": "participants", "källa": "source"}
        if text.lower() in fixed:
            columns[col] = (fixed[text.lower()], None)
            continue
        prefix = next((p for p in _PREFIXES if text.startswith(p)), None)
        if prefix is None:
            raise InputError(
                "is not a column of the follow-up sheet", field=sheet.ref(1, col), value=text,
                expected="År, Nya deltagare, Användning: KEY, Kostnad: NAMN, "
                "Övrig kostnad: BETALARE or Källa, e.g. 'Användning: ekonomiskt_bistand'",
            )  # fmt: skip
        columns[col] = (_PREFIXES[prefix], text[len(prefix) :].strip())
    if ("year", None) not in columns.values():
        raise InputError(
            "has no column År", field=sheet.ref(1, 1), expected="the header 'År' in row 1"
        )
    return columns


def read_observation_sheet(path: Path, cells: dict[str, str] | None = None) -> Observations:
    """The observations of a follow-up workbook; errors name the sheet and cell.

    Parameters
    ----------
    path
        The ``.xlsx`` file, with a sheet ``Uppföljning``.
    cells
        If given, filled with each field path (``years[1].use.hvb``, and ``years[1]``
        for the row) -> its cell, so that a later check can name the cell.

    Returns
    -------
    Observations
        The rows as observed years, with the settings of ``Inställningar``.

    Raises
    ------
    InputError
        Whose field is the cell (``Uppföljning!B3``): a negative count, text where a
        number belongs, an unknown header. A later check (a year outside the horizon, an
        unknown cost item) finds the cell in ``cells``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "u.xlsx"
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> write_observation_sheet(p, plan, example="servicetrainee")
    >>> read_observation_sheet(p).example
    'servicetrainee'
    """
    sheets = read_cells(path, {SHEET: _LAST_COLUMN, SETTINGS: 2})
    if SHEET not in sheets:
        raise InputError(
            "has no sheet Uppföljning", field=str(path), expected="a workbook from "
            "'sociokalkyl uppfoljning --mall', or a sheet named Uppföljning",
        )  # fmt: skip
    sheet = sheets[SHEET]
    columns = _columns(sheet)
    years: list[Any] = []
    for row in range(2, sheet.max_row + 1):
        entry, refs = _row(sheet, row, columns)
        if entry:
            if cells is not None:
                prefix = f"years[{len(years)}]"
                cells[prefix] = sheet.ref(row, 1)
                cells.update({f"{prefix}.{name}": ref for name, ref in refs.items()})
            years.append(entry)
    data: dict[str, Any] = {"years": years}
    if SETTINGS in sheets:
        data.update(_settings(sheets[SETTINGS]))
    return validated(Observations, data)


def _row(
    sheet: SheetCells, row: int, columns: dict[int, tuple[str, str | None]]
) -> tuple[Any, dict[str, str]]:
    """One row as an observed year (checked cell by cell; None for a row without values),
    and each of its fields' cell."""
    data: dict[str, Any] = {}
    refs: dict[str, str] = {}
    for col, (name, key) in columns.items():
        value = sheet.value(row, col)
        if value is None:
            continue
        if key is None:
            data[name] = value
            refs[name] = sheet.ref(row, col)
        else:
            data.setdefault(name, {})[key] = value
            refs[f"{name}.{key}"] = sheet.ref(row, col)
    if not set(data) - {"year", "source"}:
        return None, refs  # a year with nothing observed (the template lists every year)
    try:
        return validated(ObservedYear, data).model_dump(exclude_none=True), refs
    except InputError as exc:
        exc.field = refs.get(str(exc.field), sheet.ref(row, 1))
        exc.args = (exc._render(),)
        raise


def _settings(sheet: SheetCells) -> dict[str, Any]:
    """The settings sheet's values by field."""
    out: dict[str, Any] = {}
    for row in range(1, sheet.max_row + 1):
        label = sheet.value(row, 1)
        if label is None:
            continue
        name = _SETTINGS.get(str(label).strip().lower())
        if name is None:
            raise InputError(
                "is not a setting of the follow-up", field=sheet.ref(row, 1), value=label,
                expected="Kalkyl, Exempel or Trovärdighet",
            )  # fmt: skip
        out[name] = sheet.value(row, 2)
    return out


def write_observation_sheet(
    path: Path,
    plan: Plan,
    *,
    scenario: str | None = None,
    example: str | None = None,
    overwrite: bool = True,
) -> None:
    """Write a blank follow-up workbook for a forecast: one row a year, forecast beside.

    Parameters
    ----------
    path
        The ``.xlsx`` file to write (replaced if it exists: the caller checks).
    plan
        The forecast's compiled plan (its years, cost items, cost lines).
    scenario, example
        What the ``Inställningar`` sheet names as the forecast.
    overwrite
        Whether an existing file may be replaced (written atomically either way).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "u.xlsx"
    >>> write_observation_sheet(p, compile_plan(*examples.skolfam()), example="skolfam")
    >>> p.exists()
    True
    """
    forecast = follow_up(plan, [])
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = SHEET
    headers = ["År", "Nya deltagare"]
    headers += [f"Användning: {key}" for key in plan.item_keys]
    headers += [f"Kostnad: {name}" for name in plan.cost_names] + ["Källa"]
    ws.append(headers)
    note = book.create_sheet("Prognos")
    note.append(["År", *[f"Prognos användning: {k}" for k in plan.item_keys],
                 *[f"Prognos kostnad: {n}" for n in plan.cost_names]])  # fmt: skip
    for t, year in enumerate(forecast.years):
        ws.append([year])
        uses = [round(float(u), 2) for u in forecast.forecast_use[:, t]]
        costs = [round(float(c), 0) for c in forecast.forecast.costs[:, t, 0]]
        note.append([year, *uses, *costs])
    settings = book.create_sheet(SETTINGS)
    if scenario is not None:
        settings.append(["Kalkyl", scenario])
    if example is not None:
        settings.append(["Exempel", example])
    settings.append(["Trovärdighet", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue(), overwrite=overwrite)
