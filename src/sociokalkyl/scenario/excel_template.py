"""The Excel input template: write one (optionally pre-filled), read one back as a scenario.

The template has one sheet per part of a scenario, with Swedish headings a controller
knows: ``Läs mig``, ``Insats``, ``Kostnadsposter``, ``Baslinje``, ``Effekter``,
``Kostnader``, the outcome sheets ``Utfall``, ``Utfallskedjor`` and ``Ej värderade
effekter`` (:mod:`~sociokalkyl.scenario.excel_outcomes`), ``Inställningar``, then
``Osäkerhet``, ``Scenarier`` and ``Prisindex``. Amounts are a number cell plus a unit cell
(``7149`` and ``"kr/mån"``) so that Excel users type plain numbers. Cells carry data
validation: lists for kinds, payers and confidence marks, whole numbers for years,
decimals for shares.

:func:`read_template` returns a plain mapping shaped like a scenario file,
``{"intervention": {...}, "settings": {...}}``, and checks it against the models; any
problem is an :class:`~sociokalkyl.errors.InputError` whose ``field`` names the sheet
and the cell, e.g. ``"Effekter!C4"``. The reading lives in
:mod:`sociokalkyl.scenario.excel_read`, the sheets and columns in
:mod:`sociokalkyl.scenario.excel_columns`, the pre-filled rows in
:mod:`sociokalkyl.scenario.excel_template_rows`; this module writes the workbook.

Examples
--------
>>> import tempfile, pathlib
>>> import sociokalkyl as sk
>>> from sociokalkyl.scenario.excel import read_template
>>> from sociokalkyl.model import Intervention
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
>>> write_template(path, *sk.examples.servicetrainee())
>>> scenario = read_template(path)
>>> Intervention.model_validate(scenario["intervention"]).name
'Servicetrainee'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from sociokalkyl._atomic import atomic_save
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import label
from sociokalkyl.language.template import template_label
from sociokalkyl.language.template_outcomes import outcome_sheet_text
from sociokalkyl.language.workbook import confidence_legend
from sociokalkyl.model import STANDARD_PAYERS, Intervention, Settings
from sociokalkyl.model.work import TAX_RATES
from sociokalkyl.scenario.excel_actors import perspectives_text
from sociokalkyl.scenario.excel_cells import check_text
from sociokalkyl.scenario.excel_columns import INTERVENTION_FIELDS as INTERVENTION_FIELDS
from sociokalkyl.scenario.excel_columns import SETTINGS_FIELDS as SETTINGS_FIELDS
from sociokalkyl.scenario.excel_columns import TABLES as TABLES
from sociokalkyl.scenario.excel_columns import TEMPLATE_SHEETS as TEMPLATE_SHEETS
from sociokalkyl.scenario.excel_columns import Column as Column
from sociokalkyl.scenario.excel_columns import make_column as make_column
from sociokalkyl.scenario.excel_extra import OPTIONAL_SHEETS, extra_sheet_rows
from sociokalkyl.scenario.excel_outcomes import OUTCOME_SHEET_COLUMNS, outcome_rows
from sociokalkyl.scenario.excel_prices import PRICE_SHEET, write_price_sheet
from sociokalkyl.scenario.excel_template_rows import KINDS_COST as KINDS_COST
from sociokalkyl.scenario.excel_template_rows import KINDS_EFFECT as KINDS_EFFECT
from sociokalkyl.scenario.excel_template_rows import SHEET, template_rows
from sociokalkyl.scenario.excel_template_rows import UNITS_GROUP as UNITS_GROUP
from sociokalkyl.scenario.excel_template_rows import plain_number as plain_number
from sociokalkyl.scenario.excel_template_rows import unit_text as unit_text

__all__ = [
    "FIRST_ROW",
    "INTAKE_ROW",
    "INTERVENTION_FIELDS",
    "SETTINGS_FIELDS",
    "TABLES",
    "TEMPLATE_SHEETS",
    "Column",
    "make_column",
    "plain_number",
    "unit_text",
    "write_template",
]

FIRST_ROW = 3
"""Tables: headings in row 1, hints in row 2, data from row 3."""
MAX_ROWS = 200
"""Rows of each table that carry data validation."""
INTAKE_ROW = 13
"""First row of the intake table on the Insats sheet (its headings are one row above)."""

_HEAD = Font(bold=True)
_HINT = Font(italic=True, color="666666")
_INPUT = PatternFill("solid", fgColor="FFF2CC")

README = (
    template_label("readme").format(legend=confidence_legend("sv"))
    + "\n\n"
    + outcome_sheet_text("readme")
)
"""The sheet Läs mig: how to fill in the template (Swedish)."""


# --------------------------------------------------------------------------- writing


def _list_validation(options: str, *, strict: bool = True) -> DataValidation:
    dv = DataValidation(type="list", formula1=options, allow_blank=True)
    dv.errorStyle = "stop" if strict else "warning"
    dv.error = template_label("invalid.choice")
    return dv


def _validation(column: Column) -> DataValidation | None:
    if column.kind == "choice" and column.choices:
        return _list_validation('"' + ",".join(column.choices) + '"')
    if column.kind == "payer":
        return _list_validation('"' + ",".join(STANDARD_PAYERS) + '"', strict=False)
    if column.kind == "int":
        dv = DataValidation(
            type="whole", operator="between", formula1="0", formula2="2200", allow_blank=True
        )
        dv.error = template_label("invalid.int")
        return dv
    if column.kind == "share":
        dv = DataValidation(
            type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True
        )
        dv.error = template_label("invalid.share")
        return dv
    if column.kind in ("float", "amount", "change"):
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1E+15",
            formula2="1E+15",
            allow_blank=True,
        )
        dv.error = template_label("invalid.number")
        return dv
    return None


def _add_validation(ws: Any, column: Column, ref: str) -> None:
    dv = _validation(column)
    if dv is not None:
        dv.showErrorMessage = True
        dv.errorTitle = column.header
        dv.prompt = column.hint
        dv.showInputMessage = bool(column.hint)
        ws.add_data_validation(dv)
        dv.add(ref)


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write a value from the scenario; text stays text (``=...`` is never a live formula)."""
    cell = ws.cell(row, col)
    if isinstance(value, str):
        ref = f"{ws.title}!{openpyxl.utils.get_column_letter(col)}{row}"
        try:
            check_text(value, ref)  # what the reader refuses is never written
        except InputError as exc:
            raise InputError(
                f"cannot be written to the template: {exc.message}",
                field=ref,
                value=exc.value,
                expected="text without control characters (tab and line breaks are allowed)",
            ) from None
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _write_table(ws: Any, columns: tuple[Column, ...], rows: list[list[Any]]) -> None:
    for j, column in enumerate(columns, start=1):
        letter = openpyxl.utils.get_column_letter(j)
        ws.cell(1, j, column.header).font = _HEAD
        ws.cell(2, j, column.hint).font = _HINT
        ws.column_dimensions[letter].width = column.width
        _add_validation(ws, column, f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + MAX_ROWS - 1}")
        for i in range(MAX_ROWS):
            ws.cell(FIRST_ROW + i, j).fill = _INPUT
    for i, row in enumerate(rows):
        for j, value in enumerate(row, start=1):
            _put(ws, FIRST_ROW + i, j, value)
        for j, column in enumerate(columns, start=1):
            if column.kind == "share":
                ws.cell(FIRST_ROW + i, j).number_format = "0.0 %"
    ws.freeze_panes = f"A{FIRST_ROW}"


def _write_fields(ws: Any, title: str, fields: tuple[Column, ...], values: list[Any]) -> None:
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 60
    for i, (column, value) in enumerate(zip(fields, values, strict=True)):
        row = FIRST_ROW + i
        ws.cell(row, 1, column.header).font = _HEAD
        _put(ws, row, 2, value).fill = _INPUT
        ws.cell(row, 3, column.hint).font = _HINT
        _add_validation(ws, column, f"B{row}")


def write_template(
    path: str | Path,
    intervention: Intervention | None = None,
    settings: Settings | None = None,
    *,
    uncertainty: Mapping[str, Any] | None = None,
    scenarios: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Write the Excel input template, pre-filled with an intervention or empty.

    Parameters
    ----------
    path
        Where to write the ``.xlsx`` file (atomically: a temporary file, then a rename).
    intervention
        The intervention to pre-fill (e.g. ``sociokalkyl.examples.servicetrainee()[0]``);
        None leaves the tables empty.
    settings
        The settings to pre-fill; None leaves base year, price year and horizon empty
        (the discount rate shows 3,5 %).
    uncertainty
        A scenario file's ``[uncertainty]`` table for the sheet *Osäkerhet* (empty when
        None).
    scenarios
        A scenario file's ``[scenarios.NAME]`` tables for the sheet *Scenarier*.

    Raises
    ------
    InputError
        For text the template cannot hold, or an uncertainty field it has no column for.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tom.xlsx"
    >>> write_template(path)
    >>> names = openpyxl.load_workbook(path).sheetnames
    >>> from sociokalkyl.language.template_outcomes import OUTCOME_SHEETS
    >>> names == [*TEMPLATE_SHEETS[:-1], *OUTCOME_SHEETS, TEMPLATE_SHEETS[-1], "Osäkerhet",
    ...           "Scenarier", PRICE_SHEET]
    True
    """
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = SHEET["readme"]
    readme.column_dimensions["A"].width = 100
    for i, line in enumerate(README.splitlines(), start=1):
        readme.cell(i, 1, line).font = Font(bold=True, size=14) if i == 1 else Font()
    _intervention_sheet(wb.create_sheet(SHEET["intervention"]), intervention)
    rows = template_rows(intervention) if intervention else {}
    for sheet, (_, columns) in TABLES.items():
        _write_table(wb.create_sheet(sheet), columns, rows.get(sheet, []))
    outcomes = outcome_rows(intervention)  # Utfall, Utfallskedjor, Ej värderade effekter
    for sheet, columns in OUTCOME_SHEET_COLUMNS.items():
        _write_table(wb.create_sheet(sheet), columns, outcomes[sheet])
    _settings_sheet(wb.create_sheet(SHEET["settings"]), settings)
    extra = extra_sheet_rows(uncertainty, scenarios)
    for sheet, columns in OPTIONAL_SHEETS.items():
        _write_table(wb.create_sheet(sheet), columns, extra[sheet])
    write_price_sheet(wb.create_sheet(PRICE_SHEET), settings)
    atomic_save(wb, Path(path))


def _intervention_sheet(ws: Any, intervention: Intervention | None) -> None:
    tg = intervention.target_group if intervention else None
    _write_fields(
        ws,
        SHEET["intervention"],
        INTERVENTION_FIELDS,
        [
            intervention.name if intervention else None,
            intervention.description if intervention else None,
            intervention.source if intervention else None,
            tg.name if tg else None,
            _swedish_unit(tg.unit) if tg else "person",
            tg.source if tg else None,
            "; ".join(intervention.other_payers)
            if intervention and intervention.other_payers
            else None,
            "; ".join(intervention.actors) if intervention and intervention.actors else None,
        ],
    )
    ws.cell(INTAKE_ROW - 1, 1, template_label("intake_year")).font = _HEAD
    ws.cell(INTAKE_ROW - 1, 2, template_label("intake_count")).font = _HEAD
    ws.cell(INTAKE_ROW - 1, 3, template_label("intake_hint")).font = _HINT
    intake = tg.intake if tg else []
    for i in range(max(len(intake), 10)):
        ws.cell(INTAKE_ROW + i, 1, i)
        ws.cell(
            INTAKE_ROW + i, 2, plain_number(intake[i]) if i < len(intake) else None
        ).fill = _INPUT
    _add_validation(
        ws,
        make_column(label("year"), None, "int", template_label("intake_year_hint")),
        f"A{INTAKE_ROW}:A{INTAKE_ROW + MAX_ROWS}",
    )
    _add_validation(
        ws,
        make_column(
            template_label("intake_count"), None, "float", template_label("intake_count_hint")
        ),
        f"B{INTAKE_ROW}:B{INTAKE_ROW + MAX_ROWS}",
    )


def _settings_sheet(ws: Any, settings: Settings | None) -> None:
    rate = settings.discount_rate if settings else 0.035
    _write_fields(
        ws,
        SHEET["settings"],
        SETTINGS_FIELDS,
        [
            settings.base_year if settings else None,
            settings.price_year if settings else None,
            settings.horizon if settings else None,
            rate if isinstance(rate, float) else None,
            rate if isinstance(rate, str) else None,
            settings.optimism_bias if settings else 0.0,
            _perspective_word(settings.perspective) if settings else None,
            *[getattr(settings, k) if settings else TAX_RATES[k].value for k in TAX_RATES],
            perspectives_text(settings.perspectives) if settings else None,
        ],
    )
    for row in (FIRST_ROW + 3, *range(FIRST_ROW + 7, FIRST_ROW + 10)):
        ws.cell(row, 2).number_format = "0.00 %"


def _perspective_word(name: str) -> str:
    """The headline perspective as a controller writes it (``offentlig sektor``)."""
    return "offentlig sektor" if name == "offentlig_sektor" else name


def _swedish_unit(unit: str) -> str:
    return {v: k for k, v in UNITS_GROUP.items()}[unit]
