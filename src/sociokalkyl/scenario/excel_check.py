"""Checking a scenario read from the Excel template, naming the cell of each problem."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from sociokalkyl.errors import InputError
from sociokalkyl.model import Intervention, Settings
from sociokalkyl.scenario.excel_template import INTAKE_ROW
from sociokalkyl.scenario.excel_template_rows import SHEET

__all__ = ["check_template_values"]


def _plain_amount(value: Mapping[str, Any]) -> str:
    """``{"value": 26000.0, "unit": "kr/km"}`` -> ``"26000 kr/km"``."""
    number = value.get("value")
    text = f"{number:g}" if isinstance(number, int | float) else str(number)
    return f"{text} {value.get('unit')}".strip()


_MESSAGE_PATH = re.compile(r"(?P<table>\w+)\[(?P<index>\d+)\]\.(?P<field>\w+)")


def check_template_values(scenario: dict[str, Any], origins: Mapping[tuple[Any, ...], str]) -> None:
    """Validate a scenario read from the template; an error names the cell of the first problem.

    Parameters
    ----------
    scenario
        ``{"intervention": {...}, "settings": {...}}`` as read from the sheets.
    origins
        Field path -> cell (``("intervention", "effects", 0, "change")`` -> ``"Effekter!C4"``).

    Raises
    ------
    InputError
        With ``field`` the sheet and cell, e.g. ``"Effekter!C4"``.

    Examples
    --------
    >>> try:
    ...     check_template_values({"intervention": {}, "settings": {}}, {})
    ... except InputError as exc:
    ...     print(exc.field, exc.message)
    Insats!B3 Field required
    """
    for part, model in (("intervention", Intervention), ("settings", Settings)):
        try:
            model.model_validate(scenario[part])
        except ValidationError as exc:
            error = exc.errors()[0]
            location: tuple[Any, ...] = (part, *error["loc"])
            named = _MESSAGE_PATH.search(error["msg"])
            if not error["loc"] and named:  # a model-wide check names the field in its text
                location = (part, named["table"], int(named["index"]), named["field"])
            while location not in origins and len(location) > 1:
                location = location[:-1]
            location = _flow_cell(location, str(error["msg"]), origins)
            sheet = SHEET["settings"] if part == "settings" else SHEET["intervention"]
            where = origins.get(location, f"{sheet}!B3")
            value = error.get("input")
            message = str(error["msg"]).removeprefix("Value error, ")
            expected: str | None = (
                None
                if "expected" in message
                else "a value as the hint in row 2 (or column C) of the sheet shows"
            )
            if isinstance(value, Mapping) and "unit" in value:
                # an amount read from a number cell and the unit cell after it
                message = message.replace(repr(dict(value)), repr(_plain_amount(value)))
                if "unit" in message and (*location, "unit") in origins:
                    where = origins[(*location, "unit")]
                    head, sep, tail = message.partition("; expected")
                    message = (
                        f"{head} (the unit is in {where}, the number in {origins[location]})"
                        + sep
                        + tail
                    )
                value = None
            if location[:3] == ("intervention", "target_group", "intake"):
                message, expected = (
                    _intake_problem(message),
                    (
                        "a number of participants of 0 or more in column B, from row "
                        f"{INTAKE_ROW}, with at least one row filled in"
                    ),
                )
            raise InputError(
                message,
                field=where,
                value=None if isinstance(value, dict | list) else value,
                expected=expected,
            ) from None


def _flow_cell(
    location: tuple[Any, ...], message: str, origins: Mapping[tuple[Any, ...], str]
) -> tuple[Any, ...]:
    """A row's flow problem (a recipient on a resource, a transfer to its own payer) at
    the cell of the Mottagare or Ägare it names, when that cell holds a value."""
    for name in ("recipient", "owner"):
        if name in message and (*location, name) in origins:
            return (*location, name)
    return location


def _intake_problem(message: str) -> str:
    """The model's intake complaint without TOML syntax (``e.g. [30]``, ``intake = [30]``)."""
    if "at least 1 item" in message or "no participants" in message:
        return "no participants: fill in Antal deltagare for at least one Intag: år"
    return re.split(r";\s*expected", message)[0]
