"""The template's sheet *Scenarier*: named what-if cases, one row a changed parameter.

A row holds the scenario's name, a parameter and its value in the scenario: a number in
the parameter's own unit, text with a unit (``-4,4 mån/år``, ``30 %``), or a number with
its unit in *Enhet*. Rows with the same name make one scenario, as a
``[scenarios.NAME]`` table does in a scenario file. A number between -1 and 1 with the
unit ``%`` reads two ways (-0,3 % or -30 %) and is refused, as on *Effekter*.
:func:`check_names` checks every parameter named on *Osäkerhet* and *Scenarier* against
the calculation, naming the cell of an unknown one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sociokalkyl.errors import InputError, did_you_mean
from sociokalkyl.language.template_sheets import sheet_label as _label
from sociokalkyl.scenario.excel_cells import SheetCells
from sociokalkyl.scenario.excel_columns import Column, make_column
from sociokalkyl.units.percent import PERCENT_UNITS

__all__ = ["SCENARIO_COLUMNS", "check_names", "read_scenarios", "scenario_rows"]

SCENARIO_COLUMNS: tuple[Column, ...] = (
    make_column(_label("scenario"), "scenario", "text", _label("hint.scenario"), width=20),
    make_column(_label("parameter"), "parameter", "text", _label("hint.parameter"), width=34),
    make_column(_label("scenario_value"), "value", "text", _label("hint.scenario_value"), width=18),
    make_column(_label("scenario_unit"), "unit", "text", _label("hint.scenario_unit"), width=12),
)
"""The columns of *Scenarier*."""


def _sv(number: float) -> str:
    return f"{number:.10g}".replace(".", ",")


def scenario_rows(scenarios: Mapping[str, Mapping[str, Any]] | None) -> list[list[Any]]:
    """The rows of *Scenarier* for a scenario file's ``scenarios`` tables.

    Parameters
    ----------
    scenarios
        Name -> parameter -> value (a number in the parameter's unit, or text).

    Returns
    -------
    list of list

    Examples
    --------
    >>> scenario_rows({"pessimistisk": {"effects[1].change": -4.4}})
    [['pessimistisk', 'effects[1].change', -4.4, None]]
    """
    return [
        [name, parameter, value, None]
        for name, values in (scenarios or {}).items()
        for parameter, value in values.items()
    ]


def read_scenarios(
    ws: SheetCells, first_row: int
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], str]]:
    """The scenarios of *Scenarier*, and the cell each (scenario, parameter) came from.

    Parameters
    ----------
    ws
        The sheet's cells.
    first_row
        The first data row.

    Returns
    -------
    tuple
        ``(scenarios, origins)``.

    Raises
    ------
    InputError
        For a missing name, parameter or value, a parameter named twice in a scenario,
        or a number between -1 and 1 with the unit ``%``; naming the sheet and cell.

    Examples
    --------
    >>> from sociokalkyl.scenario.excel_cells import Cell
    >>> ws = SheetCells("Scenarier", {(3, 1): Cell("a", "s", ""), (3, 2): Cell("x", "s", ""),
    ...     (3, 3): Cell(-30, "n", ""), (3, 4): Cell("%", "s", "")}, 3)
    >>> read_scenarios(ws, 3)[0]
    {'a': {'x': '-30 %'}}
    """
    scenarios: dict[str, dict[str, Any]] = {}
    origins: dict[tuple[str, str], str] = {}
    for row in range(first_row, ws.max_row + 1):
        cells = [ws.value(row, col) for col in range(1, 5)]
        cells = [c.strip() or None if isinstance(c, str) else c for c in cells]
        if all(c is None for c in cells):
            continue
        name, parameter, value, unit = cells
        for col, (cell, what) in enumerate(
            (
                (name, "a scenario name such as pessimistisk"),
                (parameter, "a parameter such as effects[1].change"),
                (value, "a number or text such as -4,4 mån/år"),
            ),
            start=1,
        ):
            if cell is None:
                raise _fail(
                    ws, row, col, f"{SCENARIO_COLUMNS[col - 1].header} is missing", None, what
                )
        values = scenarios.setdefault(str(name), {})
        if str(parameter) in values:
            raise _fail(
                ws,
                row,
                2,
                "the parameter is named twice in this scenario",
                parameter,
                "one row a parameter and scenario",
            )
        values[str(parameter)] = _value(ws, row, value, unit)
        origins[(str(name), str(parameter))] = ws.ref(row, 3)
    return scenarios, origins


def _value(ws: SheetCells, row: int, value: Any, unit: Any) -> Any:
    """A scenario value: the number or text as given, or a number and its unit as text."""
    if unit is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(
            ws,
            row,
            3,
            "with a unit in Enhet, Värde is a plain number",
            value,
            'a number such as -4,4 with the unit in Enhet, or text "-4,4 mån/år"',
        )
    unit_text = str(unit)
    if unit_text.lower() in PERCENT_UNITS and 0 < abs(value) <= 1:
        small, large = _sv(value), _sv(value * 100)
        raise _fail(
            ws,
            row,
            3,
            f"Värde {small} with the unit % can be read as {small} % or as {large} %",
            value,
            f"for {large} %: {large} with the unit % (or {small} with the unit andel); "
            f'for {small} %: the text "{small} %" or {_sv(value / 100)} with the unit andel',
        )
    if unit_text.lower() == "andel":
        return float(value)
    return f"{_sv(value)} {unit_text}"


def check_names(
    plan_parameters: Mapping[str, Any],
    uncertainty_origins: Mapping[str, str],
    scenario_origins: Mapping[tuple[str, str], str],
) -> None:
    """Every parameter named on *Osäkerhet* and *Scenarier* is one of the calculation's.

    Parameters
    ----------
    plan_parameters
        The compiled plan's parameters by name.
    uncertainty_origins
        The cell of each parameter of the uncertainty table (correlations too).
    scenario_origins
        (scenario, parameter) -> the cell of its value.

    Raises
    ------
    InputError
        For the first unknown name, with the closest name and its cell.

    Examples
    --------
    >>> try:
    ...     check_names({"x": 1}, {"x": "Osäkerhet!A3"}, {("a", "y"): "Scenarier!C3"})
    ... except InputError as exc:
    ...     print(exc.field, exc.message)
    Scenarier!B3 y is not a parameter of this calculation
    """
    known = list(plan_parameters)
    named = list(uncertainty_origins.items())
    named += [(p, cell.replace("!C", "!B")) for (_, p), cell in scenario_origins.items()]
    for name, cell in named:
        if name not in plan_parameters:
            raise InputError(
                f"{name} is not a parameter of this calculation" + did_you_mean(name, known),
                field=cell,
                value=name,
                expected="a name that `sociokalkyl brytpunkt FILE --lista` lists, e.g. "
                "effect_multiplier or effects[0].change",
            )


def _fail(
    ws: SheetCells, row: int, col: int, message: str, value: Any, expected: str
) -> InputError:
    return InputError(message, field=ws.ref(row, col), value=value, expected=expected)
