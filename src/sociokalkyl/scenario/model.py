"""The scenario model: what a scenario file holds, its file formats and its JSON Schema.

:class:`Scenario` maps one to one onto a scenario file (see :mod:`sociokalkyl.scenario.read`
for the layout and for reading one).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from sociokalkyl.errors import InputError, UnitError
from sociokalkyl.language.template import TARGET_UNIT_WORDS
from sociokalkyl.limits import MAX_FILE_BYTES
from sociokalkyl.model import (
    CostItem,
    Intervention,
    PlausibilityWarning,
    Settings,
    plausibility_warnings,
)
from sociokalkyl.model.common import FrozenModel
from sociokalkyl.units import parse_number

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "Format",
    "Number",
    "Scenario",
    "detect_format",
    "json_schema",
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

_TARGET_UNITS = TARGET_UNIT_WORDS
"""Swedish words for the target group's unit (the one table, in language/labels)."""


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

    Examples
    --------
    >>> from importlib import resources
    >>> from sociokalkyl.scenario.read import parse_scenario
    >>> text = (resources.files("sociokalkyl") / "examples" / "skolfam.toml").read_text()
    >>> isinstance(parse_scenario(text), Scenario)
    True
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

    @property
    def warnings(self) -> list[PlausibilityWarning]:
        """Implausible magnitudes of the intervention and of its ``[catalogue]`` entries.

        Every report shows the intervention's; ``accept_implausible`` in
        ``[intervention]`` accepts one by its field (``"catalogue.KEY.unit_cost"`` here).
        """
        group = self.intervention.target_group
        catalogue = [
            dataclasses.replace(
                warning, field="catalogue" + warning.field.removeprefix("cost_items")
            )
            for warning in plausibility_warnings(group, list(self.catalogue.values()), [])
            if warning.kind == "amount"
        ]
        accepted = set(self.intervention.accept_implausible)
        return self.intervention.warnings + [w for w in catalogue if w.field not in accepted]

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


def detect_format(path: Path) -> Format:
    """The format of a file by its suffix.

    Parameters
    ----------
    path
        The file's path.

    Returns
    -------
    str
        ``"toml"``, ``"yaml"``, ``"json"`` or ``"xlsx"``.

    Raises
    ------
    InputError
        For an unknown suffix.

    Examples
    --------
    >>> from pathlib import Path
    >>> detect_format(Path("insats.YML"))
    'yaml'
    """
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise InputError(
            "has an unknown file format",
            field=str(path),
            value=path.suffix or "(no suffix)",
            expected="a file ending in .toml, .yaml, .yml, .json or .xlsx",
        ) from None


# --- schema ------------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (``sociokalkyl schema``).

    Returns
    -------
    dict
        A JSON Schema (draft 2020-12) of the :class:`Scenario` model.

    Examples
    --------
    >>> schema = json_schema()
    >>> sorted(schema["required"])
    ['intervention', 'settings']
    """
    schema = _loader_forms(Scenario.model_json_schema())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sociokalkyl.example/schema/scenario.json",
        **schema,
        "title": "sociokalkyl scenario",
        "description": "An intervention and its settings for a socio-economic cost-benefit "
        'calculation (sociokalkyl). Amounts may be written in Swedish, e.g. "7 149 kr/mån".',
    }


def _loader_forms(schema: dict[str, Any]) -> dict[str, Any]:
    """Widen the generated schema to what the loader reads before the models see it.

    The loader reads a single number as an intake (``intake = 30``), Swedish words for the
    target group's unit (``"hushåll"``) and catalogue tables without their own ``key``
    (the table's name is the key, so it is held to a key's form); a price series' keys
    are its years, so integers; tables of payer shares take payer names only; the models
    strip the spaces around text, so a required text holds more than spaces. An editor
    using the schema must not flag what the loader reads, nor pass what it refuses for
    its form (``tests/test_schema_loader.py``).
    """
    defs = schema["$defs"]
    group = defs["TargetGroup"]["properties"]
    group["intake"] = {
        "anyOf": [{"type": "number", "minimum": 0}, group["intake"]],
        "description": "participants entering in year 0, 1, 2, ...: [30] or [20, 20, 20]",
    }
    words = sorted({*_TARGET_UNITS, *(word.capitalize() for word in _TARGET_UNITS)})
    enum = list(dict.fromkeys([*group["unit"]["enum"], *words]))
    group["unit"] = {**group["unit"], "enum": enum}
    item = dict(defs["CostItem"])
    item["required"] = [name for name in item["required"] if name != "key"]
    defs["CatalogueItem"] = {**item, "title": "CatalogueItem"}
    _closed_patterns(schema)
    _not_blank(schema)
    # the years of a price series are integers, written as a table's keys
    series = defs["PriceSeries"]["properties"]
    for name in ("levels", "changes_percent"):
        table = next(branch for branch in series[name]["anyOf"] if branch["type"] == "object")
        table["propertyNames"] = {"pattern": "^-?[0-9]+$"}
    catalogue = schema["properties"]["catalogue"]
    catalogue["additionalProperties"] = {"$ref": "#/$defs/CatalogueItem"}
    # a table's name is its item's key, so it must be one
    key = defs["CostItem"]["properties"]["key"]
    catalogue["propertyNames"] = {name: key[name] for name in ("pattern", "maxLength")}
    return schema


def _closed_patterns(node: Any) -> None:
    """Close every table whose keys pydantic constrains (``patternProperties``).

    Pydantic writes ``dict[PayerName, float]`` as ``patternProperties`` alone, which lets
    any key that does not match the pattern through; the loader refuses such a key.
    """
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _closed_patterns(value)
    elif isinstance(node, list):
        for value in node:
            _closed_patterns(value)


def _not_blank(node: Any) -> None:
    """A required text (``minLength`` 1) must hold more than spaces.

    The models strip the spaces around every text before checking its length, so
    ``name = " "`` is empty to the loader.
    """
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength", 0) >= 1:
            node.setdefault("pattern", "\\S")
        for value in node.values():
            _not_blank(value)
    elif isinstance(node, list):
        for value in node:
            _not_blank(value)
