"""Files the JSON Schema accepts are not refused by the loader for their form (issue 15).

``sociokalkyl schema`` (:func:`sociokalkyl.scenario.model.json_schema`) is what editors
check scenario files against. Generating whole scenarios from it is slow (regex keys,
nested unions), so each property draws one part of a scenario from its sub-schema (the
settings table, the target group, a cost item, a baseline use, an effect, an intervention
cost, a catalogue entry, the what-if scenarios) and splices it into a valid example file,
which then goes through the loader as JSON.

When the loader refuses, no refusal may be a *form* problem: pydantic's type, shape,
enum and bound errors (``missing``, ``extra_forbidden``, ``*_type``, ``literal_error``,
``greater_than`` ...) on data the schema accepted mean the schema and the models disagree.

Refusals that count as *semantic* (the schema cannot express them, or they depend on the
rest of the file):

- ``value_error`` / ``assertion_error`` from the models' own validators: text that is not
  a quantity of the field's dimension (``"abc"`` or ``"5 kg"`` as a unit cost; the schema
  types these as free strings with examples), non-finite numbers, payer shares that do not
  sum to 1, a price year after the base year, a horizon the intake exceeds, a
  ``{value, unit}`` table whose unit does not fit;
- every problem of the plan check (``validate=True``): an effect or baseline naming a
  cost item the file does not define, a price index that does not exist, a what-if
  parameter that names nothing, a cost kind without the duration it needs.
"""

from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources
from types import SimpleNamespace
from typing import Any

import hypothesis_jsonschema._from_schema as jsonschema_strategies
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import utils as conjecture_utils
from hypothesis_jsonschema import from_schema
from pydantic import ValidationError

from sociokalkyl.scenario.model import Scenario, json_schema
from sociokalkyl.scenario.problems import _GENERIC, _is_tag
from sociokalkyl.scenario.read import ScenarioError, scenario_from_data


class _LegacyMany:
    """``many().more()`` as hypothesis-jsonschema 0.23 calls it, on newer Hypothesis.

    Hypothesis 6.170 replaced ``while elements.more():`` by ``with many(...) as elements:
    for _ in elements:``; hypothesis-jsonschema (0.23.1, the newest) still draws objects
    the old way and fails with ``AttributeError: 'many' object has no attribute 'more'``.
    This adapter drives the new iterator from ``more()``; only hypothesis-jsonschema's
    module sees it (its one use of ``cu``), and only when Hypothesis lacks ``more``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._many = conjecture_utils.many(*args, **kwargs)
        self._elements: Any = None

    def more(self) -> bool:
        if self._elements is None:
            self._many.__enter__()
            self._elements = iter(self._many)
        try:
            next(self._elements)
        except StopIteration:
            self._many.__exit__(None, None, None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(conjecture_utils.many, "more"):
    jsonschema_strategies.cu = SimpleNamespace(many=_LegacyMany)  # type: ignore[attr-defined]

SCHEMA = json_schema()
SEMANTIC_KINDS = {"value_error", "assertion_error"}
"""Pydantic error kinds raised by the models' own validators: semantic refusals."""
TEXT_KINDS = {"sociokalkyl_quantity", "sociokalkyl_share"}
"""Refusals of a quantity or share's text (or ``{value, unit}`` table): semantic for text
and tables (the schema cannot express the unit grammar), form for a bare number."""


BOUND_KINDS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
"""Bounds (a share in 0..1): the schema bounds a bare number, not the number that text
(``"150 %"``) or a ``{value, unit}`` table converts to."""


def _bound_of_text(data: Any, loc: tuple[Any, ...], error: Any) -> bool:
    if error["type"] not in BOUND_KINDS:
        return False
    raw = data
    for part in loc:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(raw, str | dict)


def _semantic(error: Any) -> bool:
    if error["type"] in SEMANTIC_KINDS:
        return True
    return error["type"] in TEXT_KINDS and isinstance(error["input"], str | dict)


BASE: dict[str, Any] = tomllib.loads(
    (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text("utf-8")
)


def _ecma(node: Any) -> Any:
    """``node`` with ``\\w`` in patterns as JSON Schema reads it (ECMA-262: ASCII only).

    hypothesis-jsonschema reads patterns with Python's ``re``, whose ``\\w`` also matches
    characters such as ``"²"`` that neither ECMA-262 nor pydantic's regex engine count as
    word characters (the schema spells out ``åäöÅÄÖ`` for that reason).
    """
    if isinstance(node, dict):
        return {_ecma(key): _ecma(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_ecma(value) for value in node]
    if isinstance(node, str):
        return node.replace("\\w", "A-Za-z0-9_")
    return node


GENERATED = _ecma(SCHEMA)


def _sub(name: str) -> dict[str, Any]:
    """The schema of ``$defs[name]``, with the definitions its references need."""
    return {"$defs": GENERATED["$defs"], **GENERATED["$defs"][name]}


def _splice(part: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    intervention = data["intervention"]
    if part == "settings":
        data["settings"] = value
    elif part == "target_group":
        intervention["target_group"] = value
    elif part == "cost_item":
        item = intervention["cost_items"][0]
        if isinstance(item, dict):  # keep the key the baseline and effects name
            value = {**value, "key": item["key"]}
        intervention["cost_items"][0] = value
    elif part == "baseline":
        intervention["baseline"][0] = {
            **value,
            "cost_item": intervention["baseline"][0]["cost_item"],
        }
    elif part == "effect":
        intervention["effects"][0] = {**value, "cost_item": intervention["effects"][0]["cost_item"]}
    elif part == "cost":
        intervention["costs"][0] = value
    elif part == "catalogue":
        data["catalogue"] = value
    elif part == "scenarios":
        data["scenarios"] = value
    return data


PARTS: dict[str, st.SearchStrategy[Any]] = {
    "settings": from_schema(_sub("Settings")),
    "target_group": from_schema(_sub("TargetGroup")),
    "cost_item": from_schema(_sub("CostItem")),
    "baseline": from_schema(_sub("BaselineUse")),
    "effect": from_schema(_sub("Effect")),
    "cost": from_schema(_sub("InterventionCost")),
    "catalogue": from_schema(
        {"$defs": GENERATED["$defs"], **GENERATED["properties"]["catalogue"], "maxProperties": 3}
    ),
    "scenarios": from_schema(
        {"$defs": GENERATED["$defs"], **GENERATED["properties"]["scenarios"], "maxProperties": 3}
    ),
}


def form_errors(data: dict[str, Any]) -> list[str]:
    """The models' refusals of ``data`` that are about its form (see the module)."""
    try:
        Scenario.model_validate(data)
    except ValidationError as exc:
        errors = [
            (tuple(p for p in e["loc"] if not _is_tag(p)), e) for e in exc.errors(include_url=False)
        ]
    else:
        return []
    # A union reports every branch's error. As the loader does, a branch that failed only
    # on its type ("Input should be a valid string" for a cost item written as a table) is
    # not the reason where another branch failed deeper down; nor is a branch's refusal
    # (a schedule name for a discount rate) where another branch at the same place refused
    # for a semantic reason (a share with a unit that cannot be read).
    deeper = {loc[:end] for loc, _ in errors for end in range(len(loc))}
    semantic = {loc for loc, e in errors if _semantic(e) or _bound_of_text(data, loc, e)}
    return [
        f"{'.'.join(map(str, loc))}: {e['type']}: {e['msg']} (input {e['input']!r:.80})"
        for loc, e in errors
        if not _semantic(e)
        and loc not in semantic
        and not (e["type"] in _GENERIC and loc in deeper)
    ]


def test_base_file_is_valid() -> None:
    scenario_from_data(json.loads(json.dumps(BASE)), file="gen.json", fmt="json")


@settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ]
)
@given(st.data())
def test_schema_valid_parts_are_not_refused_for_their_form(data: st.DataObject) -> None:
    part = data.draw(st.sampled_from(sorted(PARTS)), label="part")
    value = data.draw(PARTS[part], label=part)
    scenario = json.loads(json.dumps(_splice(part, value)))  # what a JSON file holds
    try:
        scenario_from_data(scenario, file="gen.json", fmt="json")
    except ScenarioError as exc:
        problems = [str(p) for p in exc.problems]
        forms = form_errors(scenario)
        assert not forms, f"{part}: the schema accepts what the loader refuses: {forms}"
        # the loader's own form wording, for refusals outside pydantic's error kinds
        form_words = ("unknown field", "is missing", "does not hold a table")
        assert not [p for p in problems if any(w in p for w in form_words)], problems


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.mark.parametrize(
    ("part", "value"),
    [
        # a bare number is dimensionless: money needs its unit
        ("cost_item", {"key": "x", "name": "X", "unit_cost": 4500, "price_year": 2023}),
        ("cost", {"name": "Insats", "kind": "one_off", "amount": 50000}),
        # a catalogue table's name is its item's key
        ("catalogue", {"": {"name": "X", "unit_cost": "1 kr", "price_year": 2023}}),
        # a price series is by year
        (
            "settings",
            {
                "base_year": 2024,
                "price_year": 2023,
                "horizon": 5,
                "price_indices": {"egen": {"source": "s", "levels": {"år": 100}}},
            },
        ),
        # payer shares by payer name only
        (
            "cost_item",
            {"key": "x", "name": "X", "unit_cost": "1 kr", "price_year": 2023, "payer": {":": 1}},
        ),
        # the models strip spaces: a name of spaces is empty
        ("target_group", {"name": " ", "intake": [10]}),
    ],
)
def test_schema_refuses_what_the_loader_refuses_for_its_form(part: str, value: Any) -> None:
    """The mismatches the property found, each fixed in the schema: both now refuse."""
    data = json.loads(json.dumps(_splice(part, value)))
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(ScenarioError):
        scenario_from_data(data, file="gen.json", fmt="json")
