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
import difflib
import importlib
import json
import math
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, Field, ValidationError, model_validator

from sociokalkyl.errors import InputError, SociokalkylError, UnitError
from sociokalkyl.model import CostItem, Intervention, Settings
from sociokalkyl.model.common import FrozenModel
from sociokalkyl.units import parse_number, parse_quantity, parse_share

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
    "write_atomic",
]

Format = Literal["toml", "yaml", "json", "xlsx"]
FORMATS: dict[str, Format] = {
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".xlsx": "xlsx",
}
"""File suffixes and the formats they are read as."""

MAX_FILE_BYTES = 5_000_000
"""Scenario files larger than this are refused (a scenario is a few kilobytes)."""


def _number_before(value: object) -> object:
    if isinstance(value, str):
        try:
            return parse_number(value, field="scenario value")
        except UnitError:
            # a quantity ("-4,4 mån/år", "30 %"): converted to the parameter's own unit
            # once the plan is known (see _resolve_values)
            return value
    return value


Number = Annotated[float | str, BeforeValidator(_number_before)]

_TARGET_UNITS = {
    "hushåll": "household",
    "hushall": "household",
    "person": "person",
    "personer": "person",
    "individ": "person",
    "individer": "person",
}
"""Swedish words for the target group's unit (as in the Excel template)."""


class Scenario(FrozenModel):
    """A scenario file: an intervention, its settings and optional extras.

    Parameters
    ----------
    intervention
        What is done, for whom, what it costs and which costs it changes.
    settings
        Base year, price year, horizon and discounting.
    uncertainty
        Parameter name (``"effects[1].change"``, ``"cost_items.KEY.unit_cost"``) to a
        distribution table (``{kind = "triangular", low = ..., mode = ..., high = ...}``);
        passed as it is to :mod:`sociokalkyl.uncertainty`.
    scenarios
        Named what-if cases: scenario name to ``{parameter name = value}``, the value in
        the parameter's own unit (as written in the file).
    catalogue
        Cost items that replace (or add to) the shipped catalogue, by key.
    """

    intervention: Intervention
    settings: Settings
    uncertainty: dict[str, Any] | None = None
    scenarios: dict[str, dict[str, Number]] = Field(default_factory=dict)
    """Values are numbers, or quantities as text until the plan converts them."""
    catalogue: dict[str, CostItem] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _swedish_target_unit(cls, data: Any) -> Any:
        intervention = data.get("intervention") if isinstance(data, dict) else None
        group = intervention.get("target_group") if isinstance(intervention, dict) else None
        unit = group.get("unit") if isinstance(group, dict) else None
        if (
            isinstance(data, dict)
            and isinstance(intervention, dict)
            and isinstance(group, dict)
            and isinstance(unit, str)
            and unit.strip().lower() in _TARGET_UNITS
        ):
            group = {**group, "unit": _TARGET_UNITS[unit.strip().lower()]}
            data = {**data, "intervention": {**intervention, "target_group": group}}
        return data

    @model_validator(mode="after")
    def _finite_scenario_values(self) -> Scenario:
        for name, values in self.scenarios.items():
            for parameter, value in values.items():
                if isinstance(value, float) and not math.isfinite(value):
                    raise ValueError(
                        f"scenarios.{name}: {parameter!r} is not finite; expected a number"
                    )
        return self

    @model_validator(mode="before")
    @classmethod
    def _catalogue_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("catalogue"), dict):
            catalogue = {
                key: (
                    {"key": key, **item} if isinstance(item, dict) and "key" not in item else item
                )
                for key, item in data["catalogue"].items()
            }
            data = {**data, "catalogue": catalogue}
        return data

    @model_validator(mode="after")
    def _catalogue_key_matches(self) -> Scenario:
        for key, item in self.catalogue.items():
            if item.key != key:
                raise ValueError(
                    f"catalogue.{key}.key: is {item.key!r}; expected the table's own key {key!r}"
                )
        return self


# --- problems ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem in a scenario file, with where it is and what was expected."""

    file: str
    field: str
    message: str
    line: int | None = None
    column: int | None = None
    value: str | None = None
    expected: str | None = None

    def location(self) -> str:
        """``file:line:column`` as far as known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.value is not None and self.value not in self.message:
            text += f" (got {self.value})"
        if self.expected and self.expected not in self.message:
            text += f"; expected {self.expected}"
        return text

    def as_dict(self) -> dict[str, Any]:
        """The problem as a plain dict (for JSON output)."""
        return dataclasses.asdict(self)


class ScenarioError(InputError):
    """A scenario file cannot be read or is invalid; ``problems`` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0] if problems else Problem("?", "", "unknown problem")
        super().__init__(
            "\n".join(str(p) for p in problems) or "invalid scenario",
            field=first.field or None,
        )

    def _render(self) -> str:
        return self.message


# --- reading -----------------------------------------------------------------------------


def detect_format(path: Path) -> Format:
    """The format of a file by its suffix; an :class:`InputError` for an unknown one."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise InputError(
            "has an unknown file format",
            field=str(path),
            value=path.suffix or "(no suffix)",
            expected="a file ending in .toml, .yaml, .yml, .json or .xlsx",
        ) from None


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


_DECIMAL_COMMA = re.compile(r"\d,\d")


def _decimal_comma_hint(text: str, line: int | None, lang: str) -> str | None:
    """A hint when ``line`` of ``text`` has a digit-comma-digit outside quotes (``0,20``)."""
    if line is None:
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    bare = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', lines[line - 1]).split("#")[0]
    match = re.search(r"(\d+(?:,\d+)+)", bare)
    if match is None or not _DECIMAL_COMMA.search(bare):
        return None
    number = match.group(1)
    point = number.replace(",", ".", 1) if number.count(",") == 1 else number
    if lang == "sv":
        return f'decimalkomma? skriv {point} eller "{number} %"'.replace(
            f'"{number} %"', _percent_example(point)
        )
    return f'decimal comma? write {point} or "{number} %"'.replace(
        f'"{number} %"', _percent_example(point)
    )


def _percent_example(point: str) -> str:
    try:
        value = float(point)
    except ValueError:
        return '"20 %"'
    if 0 <= value <= 1:
        return f'"{100 * value:g} %"'.replace(".", ",")
    return '"' + point.replace(".", ",") + ' kr"'


def _syntax_problem(file: str, fmt: str, exc: Exception) -> Problem:
    line: int | None = None
    column: int | None = None
    message = str(exc)
    if isinstance(exc, json.JSONDecodeError):
        line, column, message = exc.lineno, exc.colno, exc.msg
    elif isinstance(exc, tomllib.TOMLDecodeError):
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()].strip()
        elif "end of document" in message:
            line = None
    elif isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        message = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
    return Problem(
        file,
        "",
        f"invalid {fmt.upper()}: {message}",
        line,
        column,
        expected=f"valid {fmt.upper()} (see docs/cli.md for an example)",
    )


def _parse_text(text: str, fmt: Format, file: str, lang: str = "en") -> Any:
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
    except (ValueError, RecursionError) as exc:
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
    """Validate parsed data (a mapping) as a :class:`Scenario`; every problem at once."""
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
    except (SociokalkylError, ValueError, TypeError, ArithmeticError, RecursionError) as exc:
        raise ScenarioError([Problem(file, "", str(exc))]) from None
    if validate:
        scenario, problems = _check_and_resolve(scenario, file=file, lines=lines)
        if problems:
            raise ScenarioError(problems)
    return scenario


def load_scenario(path: str | Path, *, validate: bool = True, lang: str = "en") -> Scenario:
    """Read a scenario file (``.toml``, ``.yaml``, ``.yml``, ``.json`` or ``.xlsx``).

    Raises
    ------
    ScenarioError
        With every problem of the file, each with its location.
    InputError
        For a missing file, a directory or an unknown suffix.
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
        excel: Any = importlib.import_module("sociokalkyl.io.excel")
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


# --- turning pydantic errors into problems -----------------------------------------------

_GENERIC = {
    "string_type",
    "float_type",
    "float_parsing",
    "int_type",
    "int_parsing",
    "bool_type",
    "dict_type",
    "list_type",
    "model_type",
    "model_attributes_type",
    "literal_error",
    "is_instance_of",
    "union_tag_invalid",
}


def _is_tag(part: Any) -> bool:
    if not isinstance(part, str):
        return False
    return (
        part in {"str", "float", "int", "bool", "list", "dict", "none"}
        or "[" in part
        or part.startswith(_TAG_PREFIXES)
        or (part[:1].isupper() and part.isidentifier() and part in _MODEL_NAMES)
    )


_TAG_PREFIXES = (
    "constrained-",
    "function-",
    "lax-or-strict",
    "json-or-python",
    "nullable",
    "tagged-union",
    "is-instance",
)

_MODEL_NAMES = {
    "Scenario",
    "Intervention",
    "Settings",
    "TargetGroup",
    "CostItem",
    "BaselineUse",
    "Effect",
    "InterventionCost",
}


def path_text(parts: tuple[Any, ...] | list[Any]) -> str:
    """``("intervention", "effects", 1, "change")`` -> ``"intervention.effects[1].change"``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = str(part)
            if not re.fullmatch(r"[\w\-]+", key):
                key = json.dumps(key, ensure_ascii=False)
            text += ("." if text else "") + key
    return text


def _model_at(parts: list[Any]) -> type[BaseModel] | None:
    """The model class that the data at ``parts`` is validated as, if any."""
    model: type[BaseModel] | None = Scenario
    annotation: Any = None
    for part in parts:
        if annotation is None:
            if model is None or not isinstance(part, str) or part not in model.model_fields:
                return None
            annotation = model.model_fields[part].annotation
            model = None
        else:
            # descend into a list or dict element
            annotation = _element(annotation)
            if annotation is None:
                return None
        found = _find_model(annotation)
        if found is not None and not _container(annotation):
            model, annotation = found, None
    return (
        model
        if annotation is None
        else _find_model(annotation)
        if not _container(annotation)
        else None
    )


def _container(annotation: Any) -> bool:
    return any(typing.get_origin(arg) in (list, dict) for arg in _flatten(annotation))


def _flatten(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out += _flatten(arg)
        return out
    if origin is Annotated:
        return _flatten(typing.get_args(annotation)[0])
    return [annotation]


def _element(annotation: Any) -> Any:
    for arg in _flatten(annotation):
        origin = typing.get_origin(arg)
        if origin is list:
            return typing.get_args(arg)[0]
        if origin is dict:
            return typing.get_args(arg)[1]
    return None


def _find_model(annotation: Any) -> type[BaseModel] | None:
    for arg in _flatten(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


_PATH_PREFIX = re.compile(r"^([A-Za-z_][\w]*(?:\[\d+\]|\.[\w\-]+)*):\s+")


def _problems_from_validation(exc: ValidationError, file: str, lines: _LineIndex) -> list[Problem]:
    errors: list[dict[str, Any]] = [dict(e) for e in exc.errors(include_url=False)]
    entries: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for error in errors:
        loc = tuple(p for p in error["loc"] if not _is_tag(p))
        entries.append((loc, error))
    # drop a branch's generic type error where another branch says more
    kept: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for loc, error in entries:
        if error["type"] in _GENERIC:
            deeper = any(
                other_loc[: len(loc)] == loc
                and (len(other_loc) > len(loc) or other["type"] not in _GENERIC)
                for other_loc, other in entries
                if other is not error
            )
            if deeper:
                continue
        kept.append((loc, error))
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for loc, error in kept:
        grouped.setdefault(loc, []).append(error)
    problems: list[Problem] = []
    for loc, group in grouped.items():
        problems.append(_problem(loc, group, file, lines))
    return problems


def _problem(
    loc: tuple[Any, ...], group: list[dict[str, Any]], file: str, lines: _LineIndex
) -> Problem:
    first = group[0]
    parts = list(loc)
    kind = first["type"]
    value: str | None = None
    expected: str | None = None
    if kind == "extra_forbidden":
        name = str(parts[-1])
        model = _model_at(parts[:-1])
        valid = list(model.model_fields) if model is not None else []
        close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
        message = f"unknown field {name!r}"
        if close:
            message += f"; did you mean {close[0]!r}?"
        expected = f"one of {', '.join(valid)}" if valid else None
    elif kind == "missing":
        message = "is missing"
        model = _model_at(parts[:-1])
        expected = "a value for this required field"
        if model is not None and parts and parts[-1] in model.model_fields:
            description = model.model_fields[str(parts[-1])].description
            if description:
                expected = description
    else:
        messages = []
        for error in group:
            msg = str(error["msg"])
            for prefix in ("Value error, ", "Assertion failed, "):
                if msg.startswith(prefix):
                    msg = msg[len(prefix) :]
            match = _PATH_PREFIX.match(msg)
            if match and len(group) == 1:
                sub = _split_path(match.group(1))
                if sub and parts and sub[0] != parts[-1]:
                    parts = parts + sub
                elif sub:
                    parts = parts[:-1] + sub
                msg = msg[match.end() :]
            if msg not in messages:
                messages.append(msg)
        message = "; or ".join(messages)
        if "input" in first and not isinstance(first["input"], dict | list):
            value = _short(first["input"])
    field = path_text(parts)
    line = lines.find(parts)
    return Problem(file, field, message, line, None, value, expected)


def _split_path(text: str) -> list[Any]:
    parts: list[Any] = []
    for name, index in re.findall(r"([\w\-]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else name)
    return parts


# --- semantic checks beyond the models ---------------------------------------------------


def check_scenario(
    scenario: Scenario, *, file: str = "<data>", lines: _LineIndex | None = None
) -> list[Problem]:
    """Problems that need the compiled plan: catalogue keys, price years, parameter names."""
    return _check_and_resolve(scenario, file=file, lines=lines)[1]


_DISTRIBUTION_VALUES = ("value", "low", "mode", "high", "mean", "sd", "values")
"""Keys of a distribution table that hold values in the parameter's unit."""


def parameter_value(parameter: Any, value: Any, *, field: str = "value") -> float:
    """A scenario or uncertainty value in the parameter's own unit.

    ``value`` is a number (already in the parameter's unit) or text with a unit
    (``"-4,4 mån/år"``, ``"30 %"``) that is converted to ``parameter.unit`` (a pint unit
    such as ``"month / year"``, or ``"share"``).

    Raises
    ------
    UnitError
        When the text cannot be read or has the wrong dimension (naming the unit
        expected).
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

    from sociokalkyl.io.formats import format_unit_text

    try:
        return float(quantity.to(unit).magnitude)
    except pint.UndefinedUnitError:
        if quantity.dimensionless:  # a count such as "deltagare" or a multiple "×"
            return float(quantity.to("dimensionless").magnitude)
        raise UnitError(
            f"has the unit {format_unit_text(quantity.units)}; this parameter is a "
            f"plain number ({unit})",
            field=field,
            value=value,
            expected=f"a number, e.g. {parameter.value:g}",
        ) from None
    except pint.DimensionalityError:
        raise UnitError(
            f"has the unit {format_unit_text(quantity.units)}, which cannot be converted "
            f"to the parameter's unit {format_unit_text(unit)}",
            field=field,
            value=value,
            expected=f"a value in {format_unit_text(unit)}, e.g. {_example_value(parameter)}",
        ) from None


def _example_value(parameter: Any, value: float | None = None) -> str:
    """The parameter's value written as in a scenario file: ``"-4,9 mån/år"``, ``"20 %"``."""
    from sociokalkyl.io.formats import format_number, format_percent, format_unit_text

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
            problems.append(
                Problem(
                    file,
                    path_text(parts),
                    exc.message,
                    lines.find(parts),
                    value=_short(value),
                    expected=exc.expected,
                )
            )
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
        parts = ["intervention", *_split_path(field.split(" (")[0])]
        return scenario, [
            Problem(
                file,
                f"intervention.{field}" if field else "",
                exc.message,
                lines.find(parts),
                value=_short(exc.value) if exc.value is not None else None,
                expected=exc.expected,
            )
        ]
    scenario, problems = _resolve_values(scenario, plan, file, lines)
    if problems:
        return scenario, problems
    names = list(plan.parameters)
    tables: list[tuple[str, Mapping[str, Any]]] = [
        (f"scenarios.{name}", values) for name, values in scenario.scenarios.items()
    ]
    if scenario.uncertainty:
        tables.append(("uncertainty", scenario.uncertainty))
    if scenario.uncertainty:
        from sociokalkyl.uncertainty import Uncertainty

        for name, value in scenario.uncertainty.items():
            if name not in plan.parameters:
                continue  # reported below, with the nearest name
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
                    Problem(
                        file,
                        path_text(parts),
                        exc.message,
                        lines.find(parts),
                        value=_short(exc.value) if exc.value is not None else None,
                        expected=expected,
                    )
                )
    for where, table in tables:
        for parameter in table:
            if parameter not in plan.parameters:
                close = difflib.get_close_matches(parameter, names, n=1, cutoff=0.6)
                message = f"{parameter!r} is not a parameter of this intervention"
                if close:
                    message += f"; did you mean {close[0]!r}?"
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
    return scenario, problems


def catalogue_for(scenario: Scenario) -> Mapping[str, CostItem] | None:
    """The catalogue the scenario's cost-item keys are looked up in (``None``: shipped)."""
    if not scenario.catalogue:
        return None
    from sociokalkyl.catalogue import default

    return default().with_overrides(dict(scenario.catalogue))


def apply_overrides(plan: Any, overrides: Mapping[str, float | str]) -> Any:
    """A copy of a compiled plan with some parameter values replaced (a what-if case)."""
    parameters = dict(plan.parameters)
    for name, value in overrides.items():
        if name not in parameters:
            close = difflib.get_close_matches(name, list(parameters), n=1, cutoff=0.6)
            raise InputError(
                "is not a parameter of this intervention"
                + (f"; did you mean {close[0]!r}?" if close else ""),
                field=name,
                expected="one of " + ", ".join(parameters),
            )
        number = parameter_value(parameters[name], value, field=name)
        if not math.isfinite(number):
            raise InputError("is not finite", field=name, value=value, expected="a number")
        parameters[name] = dataclasses.replace(parameters[name], value=number)
    return dataclasses.replace(plan, parameters=parameters)


# --- where a field is in the text --------------------------------------------------------


_TOML_KEY = re.compile(r'^((?:[\w\-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[\w\-]+|"[^"]*"))*)\s*=')


class _LineIndex:
    """Finds the line of a field path in a file's text (best effort)."""

    def __init__(self, text: str | None, fmt: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        if not text:
            return
        try:
            if fmt == "toml":
                self._scan_toml(text)
            elif fmt in ("yaml", "json"):
                node = yaml.compose(text, Loader=yaml.SafeLoader)
                if node is not None:
                    self._walk_node(node, ())
        except (yaml.YAMLError, RecursionError, ValueError):
            self.lines = {}

    def find(self, parts: list[Any] | tuple[Any, ...]) -> int | None:
        """The line of the longest prefix of ``parts`` that is found."""
        parts = tuple(parts)
        for end in range(len(parts), 0, -1):
            line = self.lines.get(parts[:end])
            if line is not None:
                return line
        return None

    def _walk_node(self, node: yaml.Node, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is None:
                    continue
                sub = (*path, name)
                self.lines.setdefault(sub, key.start_mark.line + 1)
                self._walk_node(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                sub = (*path, index)
                self.lines.setdefault(sub, item.start_mark.line + 1)
                self._walk_node(item, sub)

    def _scan_toml(self, text: str) -> None:
        arrays: dict[tuple[str, ...], int] = {}
        table: tuple[Any, ...] = ()
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = re.match(r"^\[\[\s*(.+?)\s*\]\]", line) or re.match(r"^\[\s*(.+?)\s*\]", line)
            if header:
                names = _toml_key(header.group(1))
                is_array = line.startswith("[[")
                if is_array:
                    arrays[tuple(names)] = arrays.get(tuple(names), 0) + 1
                table = self._resolve(names, arrays)
                self.lines.setdefault(table, number)
                if is_array:
                    self.lines.setdefault(table[:-1], number)
                continue
            match = _TOML_KEY.match(line)
            if match:
                path = (*table, *_toml_key(match.group(1)))
                self.lines.setdefault(path, number)
                self._inline(path, line[match.end() :], number)

    def _inline(self, path: tuple[Any, ...], rest: str, number: int) -> None:
        # keys inside an inline table on the same line: name = { key = ... }
        for key in re.findall(r"[{,]\s*([\w\-]+)\s*=", rest):
            self.lines.setdefault((*path, key), number)

    @staticmethod
    def _resolve(names: list[str], arrays: dict[tuple[str, ...], int]) -> tuple[Any, ...]:
        out: list[Any] = []
        for i, name in enumerate(names):
            out.append(name)
            count = arrays.get(tuple(names[: i + 1]))
            if count:
                out.append(count - 1)
        return tuple(out)


def _toml_key(text: str) -> list[str]:
    return [
        part.strip().strip('"').strip("'")
        for part in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', text)
        if part.strip()
    ]


# --- writing -----------------------------------------------------------------------------


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data (what a file holds), leaving out defaults and empty extras."""
    data: dict[str, Any] = scenario.model_dump(
        mode="json", exclude_none=True, exclude_defaults=True
    )
    for key in ("scenarios", "catalogue"):
        if not data.get(key):
            data.pop(key, None)
    for item in data.get("catalogue", {}).values():
        item.pop("key", None)
    return {
        k: data[k]
        for k in ("settings", "intervention", "scenarios", "catalogue", "uncertainty")
        if k in data
    }


def dumps_scenario(scenario: Scenario, fmt: Format = "toml") -> str:
    """The scenario as text in ``fmt`` (``"toml"``, ``"yaml"`` or ``"json"``)."""
    data = scenario_data(scenario)
    if fmt == "toml":
        return dumps_toml(data)
    if fmt == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise InputError(
        "cannot be written as text", field="format", value=fmt, expected="toml, yaml or json"
    )


def dump_scenario(scenario: Scenario, path: str | Path) -> None:
    """Write a scenario to ``path`` in the format of its suffix (atomically)."""
    path = Path(path)
    write_atomic(path, dumps_scenario(scenario, detect_format(path)).encode("utf-8"))


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to a temporary file next to ``path``, then rename it over ``path``."""
    import os
    import tempfile

    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        from sociokalkyl.io.excel_common import shared_mode

        shared_mode(temporary, path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError("cannot be written to TOML", value=value, expected="a finite number")
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_toml_name(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise InputError(
        "cannot be written to TOML",
        value=type(value).__name__,
        expected="text, numbers, lists and tables",
    )


def _toml_name(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_\-]+", key) else json.dumps(key, ensure_ascii=False)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _small(value: Any) -> bool:
    return isinstance(value, dict) and all(not isinstance(v, dict | list) for v in value.values())


def dumps_toml(data: Mapping[str, Any]) -> str:
    """Write a mapping of plain data as TOML (tables, arrays of tables, inline values)."""
    out: list[str] = []
    _emit(out, (), data)
    return "\n".join(out).strip() + "\n"


def _emit(out: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    simple = [
        (k, v)
        for k, v in table.items()
        if not (isinstance(v, dict) and not _small(v))
        and not _is_table_array(v)
        and not (isinstance(v, dict) and path == ())
    ]
    for key, value in simple:
        out.append(f"{_toml_name(key)} = {_toml_value(value)}")
    for key, value in table.items():
        sub = (*path, key)
        name = ".".join(_toml_name(p) for p in sub)
        if isinstance(value, dict) and (not _small(value) or path == ()):
            out.append("")
            out.append(f"[{name}]")
            _emit(out, sub, value)
        elif _is_table_array(value):
            for element in value:
                out.append("")
                out.append(f"[[{name}]]")
                _emit(out, sub, element)


# --- schema ------------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (``sociokalkyl schema``).

    Examples
    --------
    >>> schema = json_schema()
    >>> sorted(schema["required"])
    ['intervention', 'settings']
    """
    schema = Scenario.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sociokalkyl.example/schema/scenario.json",
        **schema,
        "title": "sociokalkyl scenario",
        "description": "An intervention and its settings for a socio-economic cost-benefit "
        'calculation (sociokalkyl). Amounts may be written in Swedish, e.g. "7 149 kr/mån".',
    }
