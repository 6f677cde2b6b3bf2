"""Problems in a scenario file: :class:`Problem`, :class:`ScenarioError` and their making.

Syntax errors of TOML, YAML and JSON and pydantic's validation errors become problems
with the file, line (where it can be found), field path, value and what was expected.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sociokalkyl.errors import InputError, SociokalkylError, Words, did_you_mean
from sociokalkyl.model.common import model_at
from sociokalkyl.scenario.locations import _LineIndex, _split_path, path_text
from sociokalkyl.scenario.model import Scenario

__all__ = ["Problem", "ScenarioError"]


@dataclass(frozen=True)
class Problem:
    """One problem in a scenario file, with where it is and what was expected.

    Attributes
    ----------
    file, field : str
        The file and the field path (``"intervention.effects[0].change"``).
    message : str or Words
        What is wrong; :class:`~sociokalkyl.errors.Words` when worded in both languages.
    line, column : int or None
        Where in the file, as far as known.
    value : str or None
        The value given (shortened).
    expected : str, Words or None
        What was expected.

    Examples
    --------
    >>> print(Problem("a.toml", "settings.horizon", "is missing", 3, expected="e.g. 10"))
    a.toml:3: settings.horizon: is missing; expected e.g. 10
    """

    file: str
    field: str
    message: str | Words
    line: int | None = None
    column: int | None = None
    value: str | None = None
    expected: str | Words | None = None

    def location(self) -> str:
        """``file:line:column`` as far as known.

        Returns
        -------
        str
        """
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
        message = str(self.message)
        text += message
        if self.value is not None and self.value not in message:
            text += f" (got {self.value})"
        if self.expected and str(self.expected) not in message:
            text += f"; expected {self.expected}"
        return text

    def as_dict(self) -> dict[str, Any]:
        """The problem as a plain dict (for JSON output).

        Returns
        -------
        dict
            The fields by name (words in both languages as their English).
        """
        fields = dataclasses.asdict(self)
        return {k: str(v) if isinstance(v, Words) else v for k, v in fields.items()}


class ScenarioError(InputError):
    """A scenario file cannot be read or is invalid; ``problems`` lists every problem.

    Parameters
    ----------
    problems
        Every problem found, in file order.

    Examples
    --------
    >>> err = ScenarioError([Problem("a.toml", "settings", "is missing")])
    >>> isinstance(err, ValueError), len(err.problems)
    (True, 1)
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0] if problems else Problem("?", "", "unknown problem")
        super().__init__(
            "\n".join(str(p) for p in problems) or "invalid scenario",
            field=first.field or None,
        )

    def _render(self) -> str:
        return self.message


# --- syntax errors -----------------------------------------------------------------------


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
        or bool(re.fullmatch(r"[\w\-]+\[.*\]", part))
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


def _model_at(parts: list[Any]) -> type[BaseModel] | None:
    """The model class that the data at ``parts`` is validated as, if any."""
    return model_at(Scenario, parts)


_PATH_PREFIX = re.compile(r"^([A-Za-z_][\w]*(?:\[\d+\]|\.[\w\-]+)*):\s+")


def _problems_from_validation(exc: ValidationError, file: str, lines: _LineIndex) -> list[Problem]:
    errors: list[dict[str, Any]] = [dict(e) for e in exc.errors(include_url=False)]
    entries: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for error in errors:
        raw = tuple(error["loc"])
        # the last part of an unknown field is the user's key, never a pydantic tag
        last = raw[-1:] if error["type"] == "extra_forbidden" else ()
        loc = tuple(p for p in raw[: len(raw) - len(last)] if not _is_tag(p)) + last
        entries.append((loc, error))
    # drop a branch's generic type error where another branch says more (linear: sets of
    # the locations that have a deeper error, or a specific one)
    deeper_below = {loc[:end] for loc, _ in entries for end in range(len(loc))}
    specific = {loc for loc, error in entries if error["type"] not in _GENERIC}
    kept = [
        (loc, error)
        for loc, error in entries
        if error["type"] not in _GENERIC or (loc not in deeper_below and loc not in specific)
    ]
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
    expected: str | Words | None = None
    message: str | Words
    if kind == "extra_forbidden" and parts:
        name = str(parts[-1])
        model = _model_at(parts[:-1])
        valid = list(model.model_fields) if model is not None else []
        message = f"unknown field {name!r}" + did_you_mean(name, valid)
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
        raised = first.get("ctx", {}).get("error") if len(group) == 1 else None
        if isinstance(raised, SociokalkylError) and isinstance(raised.message, Words):
            # worded in both languages where it was raised: kept so, not flattened
            message, expected = raised.message, raised.expected
            value = None if raised.value is None else _short(raised.value)
    field = path_text(parts)
    line = lines.find(parts)
    return Problem(file, field, message, line, None, value, expected)
