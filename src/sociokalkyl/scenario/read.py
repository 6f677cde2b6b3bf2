"""Scenario files: an intervention and its settings in TOML, YAML, JSON (or Excel).

A scenario file maps one to one onto the models::

    [settings]                  # -> Settings
    [intervention]              # -> Intervention
    [intervention.target_group] # -> TargetGroup
    [[intervention.cost_items]] # -> CostItem (one table per item)
    [[intervention.baseline]]   # -> BaselineUse
    [[intervention.effects]]    # -> Effect
    [[intervention.costs]]      # -> InterventionCost
    [uncertainty]               # optional: parameter name -> distribution table
    [scenarios.NAME]            # optional: parameter name -> value (what-if overrides)
    [catalogue.KEY]             # optional: cost items that replace catalogue entries

Amounts may be written in Swedish (``"7 149 kr/mån"``). Files are read with safe
loaders only (``tomllib``, ``yaml.safe_load``, ``json``). :func:`load_scenario` collects
every problem of a file at once, each with its file, line (where it can be found), field
path, value and what was expected, and raises :class:`ScenarioError`.

The pieces live in their own modules, all re-exported here:
:mod:`~sociokalkyl.scenario.model` (the model, file formats, JSON Schema),
:mod:`~sociokalkyl.scenario.problems` (problems), :mod:`~sociokalkyl.scenario.locations` (field
paths and their lines),
:mod:`~sociokalkyl.scenario.overrides` (checks against the plan, values with units, what-if
cases) and :mod:`~sociokalkyl.scenario.write` (TOML, YAML and JSON out).

Examples
--------
>>> text = '''
... [settings]
... base_year = 2024
... price_year = 2023
... horizon = 5
... [intervention]
... name = "Test"
... target_group = { name = "Deltagare", intake = [10] }
... cost_items = [{ key = "x", name = "X", unit_cost = "1 000 kr/mån", price_year = 2023 }]
... baseline = [{ cost_item = "x", use = "12 mån/år" }]
... effects = [{ cost_item = "x", change = "-50 %" }]
... costs = [{ name = "Insats", kind = "one_off", amount = "50 000 kr" }]
... '''
>>> scenario = parse_scenario(text, "toml")
>>> scenario.intervention.effects[0].change
-0.5
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import tomllib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sociokalkyl.errors import InputError, SociokalkylError
from sociokalkyl.limits import MAX_JSON_DEPTH
from sociokalkyl.scenario.bounds import bound_problems, depth_problem, yaml_flow_depth
from sociokalkyl.scenario.locations import _LineIndex, path_text
from sociokalkyl.scenario.model import (
    FORMATS,
    MAX_FILE_BYTES,
    Format,
    Scenario,
    detect_format,
    json_schema,
)
from sociokalkyl.scenario.model import Number as Number
from sociokalkyl.scenario.overrides import (
    _check_and_resolve,
    apply_overrides,
    catalogue_for,
    check_scenario,
    parameter_value,
)
from sociokalkyl.scenario.problems import (
    Problem,
    ScenarioError,
    _decimal_comma_hint,
    _problems_from_validation,
    _short,
    _syntax_problem,
)
from sociokalkyl.scenario.write import (
    dump_scenario,
    dumps_scenario,
    dumps_toml,
    scenario_data,
)

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "Format",
    "Problem",
    "Scenario",
    "ScenarioError",
    "apply_overrides",
    "catalogue_for",
    "check_scenario",
    "detect_format",
    "dump_scenario",
    "dumps_scenario",
    "dumps_toml",
    "json_schema",
    "load_scenario",
    "parameter_value",
    "parse_scenario",
    "path_text",
    "scenario_data",
    "scenario_from_data",
]


_YAML_FLOW_DEPTH = 4 * MAX_JSON_DEPTH
"""Flow nesting refused before PyYAML parses (slow when deep); the data's own depth is
checked against ``MAX_JSON_DEPTH`` after parsing, and text can only overstate it."""


def _parse_text(text: str, fmt: Format, file: str, lang: str = "en") -> Any:
    if fmt == "yaml" and yaml_flow_depth(text, stop=_YAML_FLOW_DEPTH) > _YAML_FLOW_DEPTH:
        raise ScenarioError([depth_problem(file)])
    try:
        if fmt == "toml":
            return tomllib.loads(text)
        if fmt == "yaml":
            return yaml.safe_load(text)
        return json.loads(text, parse_constant=_reject_constant)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, json.JSONDecodeError) as exc:
        problem = _syntax_problem(file, fmt, exc)
        if fmt == "toml":
            hint = _decimal_comma_hint(text, problem.line, lang)
            if hint is not None:
                problem = dataclasses.replace(problem, message=f"{problem.message} ({hint})")
        raise ScenarioError([problem]) from None
    except RecursionError:
        raise ScenarioError([depth_problem(file)]) from None
    except ValueError as exc:
        raise ScenarioError(
            [Problem(file, "", f"invalid {fmt.upper()}: {exc}", expected="valid " + fmt.upper())]
        ) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a scenario may contain")


def parse_scenario(
    text: str,
    fmt: Format = "toml",
    *,
    file: str = "<text>",
    validate: bool = True,
    lang: str = "en",
) -> Scenario:
    """Read a scenario from text in ``fmt``; every problem at once in a :class:`ScenarioError`.

    Parameters
    ----------
    text
        The file's text.
    fmt
        ``"toml"``, ``"yaml"`` or ``"json"``.
    file
        The file name used in problem locations.
    validate
        Also compile the plan (catalogue keys, price years), check the parameter
        names in ``scenarios`` and ``uncertainty`` and convert their values written
        with a unit (``"-4,4 mån/år"``, ``"30 %"``) to the parameter's own unit.
    lang
        The language of hints added to syntax errors (``"sv"`` or ``"en"``).

    Returns
    -------
    Scenario
        The validated scenario.

    Raises
    ------
    ScenarioError
        With every problem, each with its file, line and field path.

    Examples
    --------
    >>> from importlib import resources
    >>> text = (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text()
    >>> parse_scenario(text).settings.horizon
    10
    >>> try:
    ...     parse_scenario("[settings]\\nhorizn = 5", validate=False)
    ... except ScenarioError as exc:
    ...     print(exc.problems[-1].message)
    unknown field 'horizn'; did you mean 'horizon'?
    """
    data = _parse_text(text, fmt, file, lang)
    return scenario_from_data(data, file=file, text=text, fmt=fmt, validate=validate)


def scenario_from_data(
    data: Any,
    *,
    file: str = "<data>",
    text: str | None = None,
    fmt: Format = "toml",
    validate: bool = True,
) -> Scenario:
    """Validate parsed data (a mapping) as a :class:`Scenario`; every problem at once.

    Parameters
    ----------
    data
        The parsed file: a mapping with ``settings`` and ``intervention`` tables.
    file
        The file name used in problem locations.
    text, fmt
        The file's text and format, to find the line of each problem.
    validate
        Also compile the plan and check the parameter names (see :func:`parse_scenario`).

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        With every problem found.

    Examples
    --------
    >>> import tomllib
    >>> from importlib import resources
    >>> text = (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text()
    >>> scenario_from_data(tomllib.loads(text)).intervention.name
    'Servicetrainee'
    """
    bounds = bound_problems(data, file)
    if bounds:
        raise ScenarioError(bounds)
    lines = _LineIndex(text, fmt)
    if not isinstance(data, dict):
        raise ScenarioError(
            [
                Problem(
                    file,
                    "",
                    "the file does not hold a table of settings and intervention",
                    value=_short(type(data).__name__),
                    expected="[settings] and [intervention] tables (see docs/cli.md)",
                )
            ]
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(_problems_from_validation(exc, file, lines)) from None
    except RecursionError:
        raise ScenarioError([depth_problem(file)]) from None
    except (SociokalkylError, ValueError, TypeError, ArithmeticError) as exc:
        raise ScenarioError([Problem(file, "", str(exc))]) from None
    if validate:
        scenario, problems = _check_and_resolve(scenario, file=file, lines=lines)
        if problems:
            raise ScenarioError(problems)
    return scenario


def load_scenario(path: str | Path, *, validate: bool = True, lang: str = "en") -> Scenario:
    """Read a scenario file (``.toml``, ``.yaml``, ``.yml``, ``.json`` or ``.xlsx``).

    Parameters
    ----------
    path
        The file.
    validate
        Also compile the plan and check the parameter names (see :func:`parse_scenario`).
    lang
        The language of hints added to syntax errors (``"sv"`` or ``"en"``).

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        With every problem of the file, each with its location.
    InputError
        For a missing file, a directory or an unknown suffix.

    Examples
    --------
    >>> from importlib import resources
    >>> with resources.as_file(resources.files("sociokalkyl") / "examples" / "skolfam.toml") as p:
    ...     scenario = load_scenario(p)
    >>> scenario.settings.price_year
    2023
    """
    path = Path(path)
    fmt = detect_format(path)
    if not path.exists():
        raise InputError("no such file", field=str(path), expected="an existing scenario file")
    if path.is_dir():
        raise InputError("is a directory", field=str(path), expected="a scenario file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(
            "is too large for a scenario file",
            field=str(path),
            value=f"{path.stat().st_size} bytes",
            expected=f"at most {MAX_FILE_BYTES} bytes",
        )
    if fmt == "xlsx":
        excel: Any = importlib.import_module("sociokalkyl.scenario.excel")
        data = excel.read_template(path)
        return scenario_from_data(data, file=str(path), fmt="xlsx", validate=validate)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(
            [
                Problem(
                    str(path),
                    "",
                    "is not UTF-8 text",
                    line,
                    expected="a text file saved as UTF-8",
                )
            ]
        ) from None
    return parse_scenario(text, fmt, file=str(path), validate=validate, lang=lang)
