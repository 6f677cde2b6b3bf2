"""Reading a filled-in Excel template back as a scenario mapping.

Every value is read with its address, so a problem is an
:class:`~sociokalkyl.errors.InputError` whose ``field`` names the sheet and the cell
(``"Effekter!C4"``). After reading, the mapping is checked against the models and a
model's complaint is traced back to the cell it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sociokalkyl.errors import InputError
from sociokalkyl.limits import MAX_COST_ITEMS, MAX_HORIZON_YEARS
from sociokalkyl.scenario.excel_check import check_template_values
from sociokalkyl.scenario.excel_extra import read_extra_sheets
from sociokalkyl.scenario.excel_file import read_template_cells
from sociokalkyl.scenario.excel_outcome_read import check_chain_items, read_outcome_sheets
from sociokalkyl.scenario.excel_prices import PRICE_SHEET, read_price_sheet
from sociokalkyl.scenario.excel_reader import CellReader
from sociokalkyl.scenario.excel_template import (
    FIRST_ROW,
    INTAKE_ROW,
    INTERVENTION_FIELDS,
    SETTINGS_FIELDS,
    TABLES,
    Column,
    make_column,
)
from sociokalkyl.scenario.excel_template_rows import SHEET

__all__ = ["read_template"]


def _set(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    if value is not None:
        target[last] = value


def _table_rows(reader: CellReader, columns: tuple[Column, ...]) -> Iterator[tuple[int, list[Any]]]:
    for row in range(FIRST_ROW, reader.ws.max_row + 1):
        values = [reader.raw(row, j) for j in range(1, len(columns) + 1)]
        if any(v is not None for v in values):
            yield row, values


def read_template(path: str | Path) -> dict[str, Any]:
    """Read a filled-in template as a scenario mapping.

    Parameters
    ----------
    path
        The ``.xlsx`` file.

    Returns
    -------
    dict
        ``{"intervention": {...}, "settings": {...}}`` and, from the sheets
        *Osäkerhet* and *Scenarier* when they hold rows, ``uncertainty`` and
        ``scenarios``; plain values that
        ``Intervention.model_validate`` and ``Settings.model_validate`` accept (amounts as
        ``{"value": 7149.0, "unit": "kr/mån"}``).

    Raises
    ------
    InputError
        For a file that is too large or unpacks too far, a missing sheet, a formula
        without a saved value, a cell that cannot be read, a percent in an amount, an
        unknown payer or a value the models reject; ``field`` names the sheet and cell,
        e.g. ``"Effekter!C4"``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.excel import write_template
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
    >>> from sociokalkyl.examples import servicetrainee
    >>> write_template(path, *servicetrainee())
    >>> read_template(path)["intervention"]["name"]
    'Servicetrainee'
    """
    path = Path(path)
    sheets = read_template_cells(path)
    origins: dict[tuple[Any, ...], str] = {}
    reader = CellReader(SHEET["intervention"], sheets[SHEET["intervention"]], origins=origins)
    intervention = _read_fields(reader, INTERVENTION_FIELDS, "intervention")
    reader.known_payers |= {*intervention.get("other_payers", ()), *intervention.get("actors", ())}
    intervention.setdefault("target_group", {})["intake"] = _read_intake(reader)
    intervention |= read_outcome_sheets(sheets, reader.known_payers, origins)
    for sheet, (key, columns) in TABLES.items():
        table_reader = CellReader(sheet, sheets[sheet], reader.known_payers, origins)
        # with effects on outcomes, a calculation may have no cost items, baseline, effects
        optional = key != "costs" and "outcome_effects" in intervention
        intervention[key] = _read_table(table_reader, key, columns, optional=optional)
    check_chain_items(intervention, origins)
    reader = CellReader(SHEET["settings"], sheets[SHEET["settings"]], origins=origins)
    settings = _read_fields(reader, SETTINGS_FIELDS, "settings")
    schedule = settings.pop("discount_schedule", None)
    if schedule is not None:
        settings["discount_rate"] = schedule
        origins[("settings", "discount_rate")] = origins[("settings", "discount_schedule")]
    if prices := read_price_sheet(sheets.get(PRICE_SHEET), origins):
        settings["price_indices"] = prices
    scenario: dict[str, Any] = {"intervention": intervention, "settings": settings}
    check_template_values(scenario, origins)
    read_extra_sheets(path, scenario, FIRST_ROW)  # Osäkerhet and Scenarier, when present
    return scenario


def _read_fields(reader: CellReader, fields: tuple[Column, ...], part: str) -> dict[str, Any]:
    """The single values in column B of a sheet, one field a row from :data:`FIRST_ROW`."""
    values: dict[str, Any] = {}
    for i, column in enumerate(fields):
        if part == "settings":
            location: tuple[Any, ...] = ("settings", column.key)
        else:
            location = (part, *column.key.split(".")) if column.key else ()
        value = reader.read(FIRST_ROW + i, 2, column, location)
        if column.required and value is None:
            raise reader.fail(FIRST_ROW + i, 2, f"{column.header} is missing", None, column.hint)
        _set(values, column.key or "", value)
    return values


def _read_intake(reader: CellReader) -> list[float]:
    """Participants per intake year, from the rows under :data:`INTAKE_ROW`."""
    origins = reader.origins
    intake: dict[int, float] = {}
    for row in range(INTAKE_ROW, reader.ws.max_row + 1):
        count = reader.number(row, 2, "Antal deltagare", "a number of participants such as 30")
        if count is None:
            continue
        year = reader.read(
            row, 1, make_column("Intag: år", None, "int", ""), ("intervention", "intake")
        )
        if year is None:
            raise reader.fail(row, 1, "Intag: år is missing", None, "a year 0, 1, 2, ...")
        if not 0 <= year <= MAX_HORIZON_YEARS:
            raise reader.fail(
                row,
                1,
                "Intag: år is not a year of the analysis",
                year,
                f"a year 0, 1, 2, ... up to {MAX_HORIZON_YEARS}, counted from the base year "
                "(year 0)",
            )
        intake[year] = intake.get(year, 0.0) + count
        origins[("intervention", "target_group", "intake", year)] = reader.ref(row, 2)
    origins[("intervention", "target_group", "intake")] = reader.ref(INTAKE_ROW, 2)
    return [intake.get(y, 0.0) for y in range(max(intake) + 1)] if intake else []


def _read_table(
    reader: CellReader, key: str, columns: tuple[Column, ...], *, optional: bool = False
) -> list[Any]:
    """The records of one table sheet (cost items, baseline, effects, costs); an empty
    sheet is an error unless ``optional``."""
    records: list[Any] = []
    for index, (row, _) in enumerate(_table_rows(reader, columns)):
        if index >= MAX_COST_ITEMS:
            raise reader.fail(
                row,
                1,
                f"the sheet has more than {MAX_COST_ITEMS} rows",
                None,
                f"at most {MAX_COST_ITEMS} rows on {reader.sheet}",
            )
        record: dict[str, Any] = {}
        reader.origins[("intervention", key, index)] = reader.ref(row, 1)
        for j, column in enumerate(columns, start=1):
            if column.key is None:
                continue
            value = reader.read(row, j, column, ("intervention", key, index, column.key))
            if column.required and value is None:
                raise reader.fail(
                    row, j, f"{column.header} is missing", None, column.hint or "a value"
                )
            _set(record, column.key, value)
        if key == "cost_items" and set(record) == {"key"}:
            records.append(record["key"])  # a catalogue key
        else:
            records.append(record)
    if not records and not optional:
        raise InputError(
            f"the sheet {reader.sheet} has no rows",
            field=f"{reader.sheet}!A{FIRST_ROW}",
            expected=f"at least one row from row {FIRST_ROW}",
        )
    return records
