"""engine.compile_plan and engine.Plan: keys, units and names at the compile boundary."""

from __future__ import annotations

import dataclasses
import math

import pytest

import sociokalkyl as sk
from sociokalkyl.engine import Discounting, Parameter, ParameterKey, Plan, compile_plan, project
from sociokalkyl.errors import InputError

EXAMPLES = ["servicetrainee", "skolfam"]


def _intervention(intake: list[float], other_payers: list[str] | None = None) -> sk.Intervention:
    return sk.Intervention(
        name="Test",
        target_group={"name": "D", "intake": intake},
        other_payers=other_payers or [],
        cost_items=[
            {"key": "a", "name": "Post A", "unit_cost": "4 500 kr/dygn", "price_year": 2023},
            {
                "key": "b",
                "name": "Post B",
                "unit_cost": "300 kr/tim",
                "price_year": 2022,
                "payer": {"kommun": 0.4, "region": 0.6},
            },
        ],
        baseline=[
            {"cost_item": "a", "use": "10 dygn/år"},
            {"cost_item": "b", "use": "2 tim/vecka"},
        ],
        effects=[
            {"cost_item": "a", "change": -0.3},
            {"cost_item": "b", "kind": "absolute", "change": "-1 tim/vecka"},
        ],
        costs=[{"name": "Team", "kind": "per_year", "amount": "100 000 kr/år", "payer": "region"}],
    )


SETTINGS = sk.Settings(base_year=2024, price_year=2023, horizon=6, discount_rate=0.035)


def test_plan_derives_keys_names_and_intake_years() -> None:
    plan = compile_plan(_intervention([10, 0, 5, 0]), SETTINGS)
    assert plan.item_keys == ("a", "b")
    assert plan.item_names == ("Post A", "Post B")
    assert plan.cost_names == ("Team",)
    assert plan.intake_years == (0, 2)
    fields = {f.name for f in dataclasses.fields(Plan)}
    assert not fields & {"item_keys", "item_names", "intake_years", "cost_names"}


def test_intake_years_come_from_the_keys_not_the_names() -> None:
    plan = compile_plan(_intervention([10, 0, 5]), SETTINGS)
    renamed = {
        ("n" + p.name if p.key.section == "target_group" else p.name): p
        for p in plan.parameters.values()
    }
    assert dataclasses.replace(plan, parameters=renamed).intake_years == (0, 2)


def test_year_zero_is_an_intake_year_even_when_nobody_enters() -> None:
    plan = compile_plan(_intervention([0, 7]), SETTINGS)
    assert plan.intake_years == (0, 1)
    assert plan.parameters["target_group.intake[0]"].value == 0.0


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_parameter_is_named_by_its_key(example: str) -> None:
    plan = compile_plan(*getattr(sk.examples, example)())
    for name, p in plan.parameters.items():
        assert p.name == name
        k = p.key
        expected = {
            "target_group": f"target_group.{k.field}[{k.index}]",
            "cost_items": f"cost_items.{k.index}.{k.field}",
            "settings": k.field if k.field == "effect_multiplier" else f"settings.{k.field}",
        }.get(k.section, f"{k.section}[{k.index}].{k.field}")
        assert name == expected
        assert " " not in p.unit  # a unit key, never prose
        assert p.bounds[0] <= p.value <= p.bounds[1]


def test_amounts_convert_and_rebase_at_the_boundary() -> None:
    plan = compile_plan(_intervention([10]), SETTINGS)
    unit_cost = plan.parameters["cost_items.a.unit_cost"]
    assert (unit_cost.value, unit_cost.unit) == (4500.0, "SEK/day")
    assert unit_cost.scale == pytest.approx(365.0)  # SEK/year, same price year
    b = plan.parameters["cost_items.b.unit_cost"]
    assert b.scale == pytest.approx(365 * 24 * plan.item_price_factors[1])
    assert plan.item_price_factors[1] > 1.0  # 2022 prices rebased to 2023
    use = plan.parameters["baseline[1].use"]
    assert (use.value, use.unit) == (2.0, "hour/week")
    assert use.value * use.scale == pytest.approx(2 * 52.142857 / (365 * 24), rel=1e-6)
    change = plan.parameters["effects[1].change"]
    assert (change.value, change.bounds) == (-1.0, (-math.inf, math.inf))
    assert plan.parameters["effects[0].change"].bounds == (-1.0, math.inf)


def test_payer_shares_and_cost_payers() -> None:
    plan = compile_plan(_intervention([10]), SETTINGS)
    kommun, region = plan.payer_index("kommun"), plan.payer_index("region")
    assert plan.item_payer_shares[1, kommun] == 0.4
    assert plan.item_payer_shares[1, region] == 0.6
    assert plan.costs[0].payer == region
    assert plan.active_payers == ("kommun", "region")


def test_an_undeclared_payer_is_an_error_that_says_how_to_declare_it() -> None:
    intervention = _intervention([10])
    item = intervention.cost_items[1]
    assert isinstance(item, sk.CostItem)
    odd = item.model_copy(update={"payer": "forsakringskassan"})
    intervention = intervention.model_copy(update={"cost_items": [intervention.cost_items[0], odd]})
    with pytest.raises(InputError, match="declare it in other_payers") as info:
        compile_plan(intervention, SETTINGS)
    assert info.value.field == "cost_items.b.payer"
    declared = intervention.model_copy(update={"other_payers": ["forsakringskassan"]})
    assert "forsakringskassan" in compile_plan(declared, SETTINGS).active_payers


def test_a_schedule_is_fixed_factors_and_a_rate_is_a_parameter() -> None:
    on_rate = compile_plan(_intervention([10]), SETTINGS)
    assert on_rate.fixed_discount_factors is None
    assert on_rate.discounting == Discounting(0.035)
    assert isinstance(on_rate.parameters["settings.discount_rate"], Parameter)
    schedule = SETTINGS.model_copy(update={"discount_rate": "green_book"})
    on_schedule = compile_plan(_intervention([10]), schedule)
    assert "settings.discount_rate" not in on_schedule.parameters
    assert on_schedule.fixed_discount_factors is not None
    assert on_schedule.fixed_discount_factors.shape == (6,)
    assert on_schedule.discounting.preset == "green_book"


def test_parameter_labels_come_from_the_key_and_the_plan_names() -> None:
    plan = compile_plan(_intervention([10]), SETTINGS)
    assert plan.parameters["costs[0].amount"].key == ParameterKey("costs", 0, "amount")
    assert "Team" in plan.parameter_label("costs[0].amount", "en")
    assert "Post B" in plan.parameter_label("cost_items.b.unit_cost", "sv")
    assert "b" in plan.parameter_label("effects[1].change", "en")


def test_a_plan_with_replaced_parameters_projects_the_new_values() -> None:
    """scenario overrides replace parameters with dataclasses.replace: it must keep working."""
    plan = compile_plan(_intervention([10]), SETTINGS)
    parameters = dict(plan.parameters)
    parameters["costs[0].amount"] = dataclasses.replace(parameters["costs[0].amount"], value=0.0)
    changed = dataclasses.replace(plan, parameters=parameters)
    assert not project(changed, changed.values()).costs.any()
    assert project(plan, plan.values()).costs.any()
