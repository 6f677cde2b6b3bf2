"""Writing scenarios: as TOML, YAML or JSON text, and to files atomically."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pint
import yaml
from pydantic import BaseModel

from sociokalkyl._atomic import write_atomic
from sociokalkyl.errors import InputError
from sociokalkyl.language.numbers import format_unit
from sociokalkyl.scenario.model import Format, Scenario, detect_format
from sociokalkyl.units import unit_key

__all__ = [
    "dump_scenario",
    "dumps_scenario",
    "dumps_toml",
    "scenario_data",
    "swedish_amount",
    "write_atomic",
]


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data (what a file holds), leaving out defaults and empty extras.

    Parameters
    ----------
    scenario
        A validated scenario.

    Returns
    -------
    dict
        ``settings``, ``intervention`` and, when present, ``scenarios``, ``catalogue``,
        ``uncertainty``; JSON-ready values.

    Examples
    --------
    >>> from importlib import resources
    >>> from sociokalkyl.scenario.read import parse_scenario
    >>> text = (resources.files("sociokalkyl") / "examples" / "skolfam.toml").read_text()
    >>> list(scenario_data(parse_scenario(text)))[:2]
    ['settings', 'intervention']
    """
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


def dumps_scenario(scenario: Scenario, fmt: Format = "toml", *, swedish: bool = False) -> str:
    """The scenario as text in ``fmt``.

    Parameters
    ----------
    scenario
        A validated scenario.
    fmt
        ``"toml"``, ``"yaml"`` or ``"json"``.
    swedish
        Write amounts as a Swedish controller does, ``"7 149 kr/mån"`` instead of
        ``"7149 SEK / month"`` (the same value when read back).

    Returns
    -------
    str
        Text that :func:`~sociokalkyl.scenario.read.parse_scenario` reads back.

    Raises
    ------
    InputError
        For another format (``"xlsx"`` is written with the Excel template).

    Examples
    --------
    >>> from sociokalkyl.scenario.read import parse_scenario
    >>> from importlib import resources
    >>> text = (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text()
    >>> scenario = parse_scenario(text)
    >>> parse_scenario(dumps_scenario(scenario, "json"), "json") == scenario
    True
    >>> 'unit_cost = "7 149 kr/mån"' in dumps_scenario(scenario, swedish=True)
    True
    """
    data = scenario_data(scenario)
    if swedish:
        for part in ("intervention", "settings"):
            if part in data:
                _swedish_amounts(getattr(scenario, part), data[part])
    if fmt == "toml":
        return dumps_toml(data)
    if fmt == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise InputError(
        "cannot be written as text", field="format", value=fmt, expected="toml, yaml or json"
    )


def _swedish_amounts(model: Any, data: Any) -> None:
    """Replace each quantity of ``model`` in its plain ``data`` by Swedish text, in place."""
    if not isinstance(model, BaseModel):
        return
    for name in type(model).model_fields:
        if not isinstance(data, dict) or name not in data:
            continue
        value = getattr(model, name)
        if isinstance(value, pint.Quantity):
            data[name] = swedish_amount(value)
        elif isinstance(value, list | tuple) and isinstance(data[name], list):
            for i, item in enumerate(value[: len(data[name])]):
                if isinstance(item, pint.Quantity):
                    data[name][i] = swedish_amount(item)
                else:
                    _swedish_amounts(item, data[name][i])
        else:
            _swedish_amounts(value, data[name])


def swedish_amount(quantity: pint.Quantity[Any]) -> str:
    """A quantity as a Swedish controller writes it, read back to the same value.

    Parameters
    ----------
    quantity
        A quantity of the models.

    Returns
    -------
    str
        ``"7 149 kr/mån"``; all 15 significant digits kept, and a number that would read
        as ``"1,125"`` (ambiguous) written ``"1,1250"``.

    Examples
    --------
    >>> from sociokalkyl.units import parse_quantity
    >>> swedish_amount(parse_quantity("9185.395607 SEK/month"))
    '9 185,395607 kr/mån'
    >>> swedish_amount(parse_quantity({"value": 1.125, "unit": "kr"}))
    '1,1250 kr'
    """
    text = f"{float(quantity.magnitude):.15g}"
    if "e" in text:
        number = text
    else:
        sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
        whole, _, fraction = body.partition(".")
        grouped = f"{int(whole):,}".replace(",", " ")
        if len(fraction) == 3 and len(whole) <= 3 and whole != "0":
            fraction += "0"  # "1,125" would be ambiguous (see units.parse_number)
        number = sign + grouped + ("," + fraction if fraction else "")
    unit = format_unit(unit_key(quantity), "sv")
    return f"{number} {unit}".strip()


def dump_scenario(scenario: Scenario, path: str | Path) -> None:
    """Write a scenario to ``path`` in the format of its suffix, atomically.

    Parameters
    ----------
    scenario
        A validated scenario.
    path
        A ``.toml``, ``.yaml``, ``.yml`` or ``.json`` file (see
        :func:`~sociokalkyl._atomic.write_atomic`).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.read import load_scenario, parse_scenario
    >>> from importlib import resources
    >>> text = (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text()
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "insats.yaml"
    >>> dump_scenario(parse_scenario(text), path)
    >>> load_scenario(path).intervention.name
    'Servicetrainee'
    """
    path = Path(path)
    write_atomic(path, dumps_scenario(scenario, detect_format(path)).encode("utf-8"))


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
    """Write a mapping of plain data as TOML (tables, arrays of tables, inline values).

    Parameters
    ----------
    data
        Plain data: mappings, lists, strings, numbers, booleans.

    Returns
    -------
    str
        TOML text.

    Examples
    --------
    >>> print(dumps_toml({"settings": {"horizon": 10, "discount_rate": 0.035}}), end="")
    [settings]
    horizon = 10
    discount_rate = 0.035
    """
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
