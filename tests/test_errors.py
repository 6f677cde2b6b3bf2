"""The one error hierarchy: field paths, "did you mean", unknown fields from Python."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import sociokalkyl as sk
from sociokalkyl.engine import compile_plan
from sociokalkyl.errors import InputError, UnitError, did_you_mean, unknown_name


def test_at_prefixes_the_field_and_keeps_the_class() -> None:
    err = UnitError("has the wrong unit", field="effects[0].change", value="3 kr")
    moved = err.at("intervention")
    assert type(moved) is UnitError
    assert moved.field == "intervention.effects[0].change"
    assert str(moved).startswith("intervention.effects[0].change: has the wrong unit")
    assert err.field == "effects[0].change"  # the original is unchanged
    assert InputError("x", field="[2]").at("costs").field == "costs[2]"


def test_unknown_name_suggests_the_closest() -> None:
    err = unknown_name("efect_multiplier", ["effect_multiplier", "costs[0].amount"], "a parameter")
    assert "did you mean 'effect_multiplier'?" in str(err)
    assert err.expected == "one of effect_multiplier, costs[0].amount"
    assert did_you_mean("zzz", ["effect_multiplier"]) == ""


def test_effect_unknown_field_suggests_the_name_from_python() -> None:
    with pytest.raises(ValidationError, match="did you mean 'duration_years'"):
        sk.Effect(cost_item="x", change=-0.5, duration_year=5)


def test_nested_unknown_field_suggests_the_name() -> None:
    intervention, _ = sk.examples.servicetrainee()
    data = intervention.model_dump()
    data["effects"][0]["start_lagg"] = 1
    with pytest.raises(ValidationError, match="did you mean 'start_lag'") as info:
        sk.Intervention.model_validate(data)
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_plan_lookups_suggest_close_names() -> None:
    plan = compile_plan(*sk.examples.servicetrainee())
    with pytest.raises(InputError, match="did you mean 'effect_multiplier'"):
        plan.parameter("efect_multiplier")
    with pytest.raises(InputError, match="did you mean 'kommun'"):
        plan.payer_index("komun")
