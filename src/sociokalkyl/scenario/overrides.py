"""Parameter values: checks against the compiled plan, values with units, what-if overrides.

The values in ``[scenarios]`` and ``[uncertainty]`` name parameters of the compiled
plan; they are checked against it and converted from text with a unit (``"-4,4 mån/år"``,
``"30 %"``) to the parameter's own unit.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sociokalkyl.errors import InputError, SociokalkylError, UnitError, did_you_mean
from sociokalkyl.model import CostItem
from sociokalkyl.scenario.locations import _LineIndex, _split_path, path_text
from sociokalkyl.scenario.model import Scenario
from sociokalkyl.scenario.problems import Problem, _short
from sociokalkyl.units import has_time_unit, parse_quantity, parse_share

if TYPE_CHECKING:
    from sociokalkyl.engine import Plan

__all__ = ["apply_overrides", "catalogue_for", "check_scenario", "parameter_value"]


def check_scenario(
    scenario: Scenario, *, file: str = "<data>", lines: _LineIndex | None = None
) -> list[Problem]:
    """Problems that need the compiled plan: catalogue keys, price years, parameter names.

    Parameters
    ----------
    scenario
        A scenario that passed the model's validation.
    file
        The file name used in problem locations.
    lines
        Where each field path is in the file (for line numbers).

    Returns
    -------
    list of Problem
        Empty when the scenario compiles and every name is a parameter.

    Examples
    --------
    >>> from sociokalkyl.scenario.read import parse_scenario
    >>> from importlib import resources
    >>> def example_text(name):
    ...     return (resources.files("sociokalkyl") / "examples" / f"{name}.toml").read_text()
    >>> check_scenario(parse_scenario(example_text("servicetrainee")))
    []
    """
    return _check_and_resolve(scenario, file=file, lines=lines)[1]


_DISTRIBUTION_VALUES = ("value", "low", "mode", "high", "mean", "sd", "values")
"""Keys of a distribution table that hold values in the parameter's unit."""


def parameter_value(parameter: Any, value: Any, *, field: str = "value") -> float:
    """A scenario or uncertainty value in the parameter's own unit.

    ``value`` is a number (already in the parameter's unit) or text with a unit
    (``"-4,4 mån/år"``, ``"30 %"``) that is converted to ``parameter.unit`` (a unit key
    such as ``"month/year"``, or ``"share"``).

    Parameters
    ----------
    parameter
        A :class:`~sociokalkyl.engine.Parameter` of the compiled plan.
    value
        A number or text with a unit.
    field
        The field path for error messages.

    Returns
    -------
    float
        The value in the parameter's unit.

    Raises
    ------
    UnitError
        When the text cannot be read or has the wrong dimension (naming the unit
        expected).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> parameter_value(plan.parameters["costs[0].amount"], "312 000 kr/år")
    26000.0
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    unit = str(parameter.unit)
    rate = unit in ("share", "1/year", "1 / year")
    if rate and isinstance(value, str) and "%" in value and "/" not in value:
        return parse_share(value, field=field)
    if unit == "share":
        return parse_share(value, field=field)
    quantity = parse_quantity(value, field=field)
    import pint

    if unit in _PLAIN_UNITS:  # no pint unit: a multiple or a count of participants
        return _plain_number(quantity, parameter, value, field=field)

    from sociokalkyl.language.numbers import format_unit_text
    from sociokalkyl.units import unit_key

    try:
        return float(quantity.to(unit).magnitude)
    except (pint.UndefinedUnitError, AssertionError, ValueError):  # a unit pint lacks
        return _plain_number(quantity, parameter, value, field=field)
    except pint.DimensionalityError:
        raise UnitError(
            f"has the unit {format_unit_text(unit_key(quantity))}, which cannot be converted "
            f"to the parameter's unit {format_unit_text(unit)}",
            field=field,
            value=value,
            expected=f"a value in {format_unit_text(unit)}, e.g. {_example_value(parameter)}",
        ) from None


_PLAIN_UNITS = ("×", "participants", "deltagare")  # plain numbers, no pint units


def _plain_number(quantity: Any, parameter: Any, value: Any, *, field: str) -> float:
    """A number, a count ("30 personer"), or for a multiple (×) a percent ("50 %")."""
    percent_ok = str(parameter.unit) == "×" or "percent" not in str(quantity)
    if quantity.dimensionless and not has_time_unit(quantity) and percent_ok:
        return float(quantity.to("dimensionless").magnitude)
    raise UnitError(
        f"has the unit {quantity.units}; this parameter is a plain number ({parameter.unit})",
        field=field,
        value=value,
        expected=f"a number, e.g. {float(parameter.value):g}",
    )


def _example_value(parameter: Any, value: float | None = None) -> str:
    """The parameter's value written as in a scenario file: ``"-4,9 mån/år"``, ``"20 %"``."""
    from sociokalkyl.language.numbers import format_number, format_percent, format_unit_text

    value = float(parameter.value) if value is None else value
    unit = str(parameter.unit)
    if unit == "share" or (unit in ("1/year", "1 / year") and 0 <= abs(value) <= 1):
        return '"' + format_percent(value, "sv", 1).replace(",0 %", " %") + '"'
    decimals = 0 if float(value).is_integer() else 2
    number = format_number(value, decimals, "sv")
    if decimals:
        number = number.rstrip("0").rstrip(",")
    unit_text = format_unit_text(unit) if unit not in ("×", "deltagare") else ""
    return f'"{number} {unit_text}"' if unit_text else number.replace(",", ".")


def _distribution_example(parameter: Any) -> str:
    """A uniform distribution around the parameter's own value, in its own unit."""
    value = float(parameter.value)
    low, high = sorted((value * 0.9, value * 1.1)) if value else (0.0, 0.1)
    bottom, top = parameter.bounds
    low, high = max(low, bottom), min(high, top)
    return (
        f'{{kind = "uniform", low = {_example_value(parameter, low)}, '
        f"high = {_example_value(parameter, high)}}}"
    )


def _problem(
    exc: SociokalkylError,
    file: str,
    where: str,
    line: int | None,
    *,
    value: Any = None,
    expected: str | None = None,
) -> Problem:
    """A problem at ``where`` from an error: its message, value and what was expected."""
    shown = value if value is not None else exc.value
    return Problem(
        file,
        where,
        exc.message,
        line,
        value=_short(shown) if shown is not None else None,
        expected=expected if expected is not None else exc.expected,
    )


def _resolve_values(
    scenario: Scenario, plan: Any, file: str, lines: _LineIndex
) -> tuple[Scenario, list[Problem]]:
    """Convert quantities in ``[scenarios]`` and ``[uncertainty]`` to the parameters' units."""
    problems: list[Problem] = []

    def convert(value: Any, name: str, parts: list[Any]) -> Any:
        if name not in plan.parameters or not isinstance(value, str):
            return value
        try:
            return parameter_value(plan.parameters[name], value, field=path_text(parts))
        except SociokalkylError as exc:
            problems.append(_problem(exc, file, path_text(parts), lines.find(parts), value=value))
            return value

    scenarios = {
        case: {
            name: convert(value, name, ["scenarios", case, name]) for name, value in values.items()
        }
        for case, values in scenario.scenarios.items()
    }
    uncertainty: dict[str, Any] | None = None
    if scenario.uncertainty is not None:
        uncertainty = {}
        for name, table in scenario.uncertainty.items():
            if isinstance(table, dict):
                table = dict(table)
                for key in _DISTRIBUTION_VALUES:
                    if key == "values" and isinstance(table.get(key), list):
                        table[key] = [
                            convert(v, name, ["uncertainty", name, key]) for v in table[key]
                        ]
                    elif key in table:
                        table[key] = convert(table[key], name, ["uncertainty", name, key])
            else:
                table = convert(table, name, ["uncertainty", name])
            uncertainty[name] = table
    resolved = scenario.model_copy(update={"scenarios": scenarios, "uncertainty": uncertainty})
    return resolved, problems


def _check_and_resolve(
    scenario: Scenario, *, file: str = "<data>", lines: _LineIndex | None = None
) -> tuple[Scenario, list[Problem]]:
    """:func:`check_scenario`, and the scenario with its values in the parameters' units."""
    from sociokalkyl.engine import compile_plan

    lines = lines or _LineIndex(None, "toml")
    problems: list[Problem] = []
    try:
        plan = compile_plan(scenario.intervention, scenario.settings, catalogue_for(scenario))
    except SociokalkylError as exc:
        field = exc.field or ""
        located = exc if not field or field.startswith("settings.") else exc.at("intervention")
        where = located.field or ""
        parts = _split_path(where.split(" (")[0])
        return scenario, [_problem(located, file, where, lines.find(parts))]
    scenario, problems = _resolve_values(scenario, plan, file, lines)
    if problems:
        return scenario, problems
    tables: list[tuple[str, Mapping[str, Any]]] = [
        (f"scenarios.{name}", values) for name, values in scenario.scenarios.items()
    ]
    if scenario.uncertainty:
        tables.append(("uncertainty", scenario.uncertainty))
        problems += _uncertainty_problems(scenario.uncertainty, plan, file, lines)
    return scenario, problems + _name_problems(tables, plan, file, lines)


def _uncertainty_problems(
    uncertainty: Mapping[str, Any], plan: Plan, file: str, lines: _LineIndex
) -> list[Problem]:
    """Problems of the ``[uncertainty]`` table: correlations, distributions out of bounds."""
    from sociokalkyl.uncertainty import Uncertainty

    problems: list[Problem] = []
    if "correlation" in uncertainty:
        try:
            Uncertainty(dict(uncertainty)).check(plan)
        except SociokalkylError as exc:
            parts = ["uncertainty", "correlation"]
            where = path_text(parts) + (f" ({exc.field})" if exc.field else "")
            problems.append(_problem(exc, file, where, lines.find(parts)))
    for name, value in uncertainty.items():
        if name not in plan.parameters:
            continue  # reported by _name_problems, with the nearest name (correlation: above)
        try:
            Uncertainty({name: value}).check(plan)
        except SociokalkylError as exc:
            parts = ["uncertainty", name]
            expected = exc.expected
            if expected and "e.g. {kind" in expected:
                # the generic example is in the wrong unit; show one in this one's
                expected = (
                    expected.split("e.g. {kind")[0]
                    + "e.g. "
                    + _distribution_example(plan.parameters[name])
                )
            problems.append(
                _problem(exc, file, path_text(parts), lines.find(parts), expected=expected)
            )
    return problems


def _name_problems(
    tables: list[tuple[str, Mapping[str, Any]]], plan: Plan, file: str, lines: _LineIndex
) -> list[Problem]:
    """A problem for each name in ``tables`` that is no parameter, with the closest name."""
    names = list(plan.parameters)
    problems: list[Problem] = []
    for where, table in tables:
        for parameter in table:
            if where == "uncertainty" and parameter == "correlation":
                continue  # not a parameter: correlations between the others
            if parameter not in plan.parameters:
                message = f"{parameter!r} is not a parameter of this intervention"
                if len(problems) < 50:  # a suggestion costs time: not for thousands of names
                    message += did_you_mean(parameter, names)
                parts = [*_split_path(where), parameter]
                problems.append(
                    Problem(
                        file,
                        path_text(parts),
                        message,
                        lines.find(parts),
                        expected="one of " + ", ".join(names),
                    )
                )
    return problems


def catalogue_for(scenario: Scenario) -> Mapping[str, CostItem] | None:
    """The catalogue the scenario's cost-item keys are looked up in.

    Parameters
    ----------
    scenario
        A scenario, perhaps with a ``[catalogue]`` table of local overrides.

    Returns
    -------
    Mapping or None
        The shipped catalogue with the overrides, or None for the shipped one as is.

    Examples
    --------
    >>> from sociokalkyl.scenario.read import parse_scenario
    >>> from importlib import resources
    >>> def example_text(name):
    ...     return (resources.files("sociokalkyl") / "examples" / f"{name}.toml").read_text()
    >>> catalogue_for(parse_scenario(example_text("servicetrainee"))) is None
    True
    """
    if not scenario.catalogue:
        return None
    from sociokalkyl.catalogue import default

    return default().with_overrides(dict(scenario.catalogue))


def apply_overrides(plan: Plan, overrides: Mapping[str, float | str]) -> Plan:
    """A copy of a compiled plan with some parameter values replaced (a what-if case).

    The values are converted to the parameters' own units (:func:`parameter_value`) and
    checked by :meth:`Plan.values <sociokalkyl.engine.Plan.values>`, the one place that
    applies overrides; the copy's parameters then hold them as their values.

    Parameters
    ----------
    plan
        A compiled plan.
    overrides
        Parameter name -> a number in the parameter's unit, or text with a unit
        (``"-4,4 mån/år"``, ``"30 %"``).

    Returns
    -------
    Plan
        The same plan with the named parameters' values replaced.

    Raises
    ------
    InputError
        For a name that is no parameter (suggesting the closest) or a value that is not
        finite; a :class:`UnitError` for a value in the wrong unit.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> apply_overrides(plan, {"costs[1].amount": 0}).parameters["costs[1].amount"].value
    0.0
    """
    numbers: dict[str, float] = {}
    for name, value in overrides.items():
        number = parameter_value(plan.parameter(name, field=name), value, field=name)
        if not math.isfinite(number):
            raise InputError("is not finite", field=name, value=value, expected="a number")
        numbers[name] = number
    values = plan.values(numbers)
    parameters = {
        name: dataclasses.replace(p, value=float(values[name])) if name in numbers else p
        for name, p in plan.parameters.items()
    }
    return dataclasses.replace(plan, parameters=parameters)
