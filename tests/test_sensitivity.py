"""Tornado, break-even of any parameter, and scenarios."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.errors import InputError
from sociokalkyl.examples import skolfam
from sociokalkyl.examples.uncertain import skolfam_uncertainty
from sociokalkyl.model import (
    BaselineUse,
    CostItem,
    Effect,
    Intervention,
    InterventionCost,
    Settings,
    TargetGroup,
)
from sociokalkyl.uncertainty import (
    Normal,
    Uniform,
    break_even,
    compare_scenarios,
    tornado,
)


def linear_case() -> tuple[Intervention, Settings]:
    """NPV linear in every parameter: an absolute effect, no cap, no rebasing.

    Per year 1..5: avoided = 10 participants x (-change) months x unit cost; costs: a
    one-off of 1 000 000 kr in year 0 and 100 000 kr a year (region) for years 0-5.
    """
    item = CostItem(key="x", name="X", unit_cost="10 000 kr/mån", price_year=2023, payer="kommun")
    intervention = Intervention(
        name="Linjärt fall",
        target_group=TargetGroup(name="Deltagare", intake=[10]),
        cost_items=[item],
        baseline=[BaselineUse(cost_item="x", use="12 mån/år")],
        effects=[
            Effect(
                cost_item="x", kind="absolute", change="-3 mån/år", start_lag=1, duration_years=5
            )
        ],
        costs=[
            InterventionCost(name="Insats", kind="one_off", amount="1 000 000 kr"),
            InterventionCost(name="Drift", kind="per_year", amount="100 000 kr/år", payer="region"),
        ],
    )
    return intervention, Settings(base_year=2023, price_year=2023, horizon=6, discount_rate=0.03)


def annuity(rate: float, first: int, last: int) -> float:
    return sum((1 + rate) ** -t for t in range(first, last + 1))


def test_tornado_order_and_values_on_a_hand_made_case() -> None:
    inv, settings = linear_case()
    a5 = annuity(0.03, 1, 5)
    spec = {
        # NPV slope: -10 * 10 000 * a5 per month of change -> swing 0.8 * 100 000 * a5
        "effects[0].change": Uniform(low=-4.0, high=-2.0),
        # one-off at year 0: swing = 0.8 * 500 000 = 400 000
        "costs[0].amount": Uniform(low=750_000, high=1_250_000),
        # unit cost: slope 10 * 3 * a5 per kr/mån -> swing 0.8 * 2 000 * 30 * a5
        "cost_items.x.unit_cost": Uniform(low=9_000, high=11_000),
    }
    t = tornado(inv, settings, spec)
    expected = {
        "effects[0].change": 0.8 * 2.0 * 100_000 * a5,
        "costs[0].amount": 0.8 * 500_000,
        "cost_items.x.unit_cost": 0.8 * 2_000 * 30 * a5,
    }
    assert [r.parameter for r in t.rows] == sorted(expected, key=lambda k: -expected[k])
    for row in t.rows:
        assert row.swing == pytest.approx(expected[row.parameter], rel=1e-9)
    assert t.base_npv == pytest.approx(evaluate(inv, settings).npv)
    first = t.records()[0]
    assert first["parameter"] == "effects[0].change"
    assert first["low_value"] == pytest.approx(-3.8)
    assert first["high_value"] == pytest.approx(-2.2)
    assert first["npv_low"] > first["npv_high"]  # a larger cut saves more
    # for the region, only its own costs count and no parameter above moves them
    region = tornado(inv, settings, spec, payer="region")
    assert all(r.swing == pytest.approx(0.0, abs=1e-6) for r in region.rows)


def test_tornado_checks_input_and_plots() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    inv, settings = skolfam()
    with pytest.raises(InputError, match="low, high"):
        tornado(inv, settings, skolfam_uncertainty(), low=0.9, high=0.1)
    with pytest.raises(InputError, match="strictly between"):
        tornado(inv, settings, skolfam_uncertainty(), low=0.0)
    with pytest.raises(InputError, match="payer"):
        tornado(inv, settings, skolfam_uncertainty(), payer="landsting")
    t = tornado(inv, settings, skolfam_uncertainty())
    assert len(t.rows) == len(skolfam_uncertainty())
    swings = [r.swing for r in t.rows]
    assert swings == sorted(swings, reverse=True)
    ax = t.plot()
    assert len(ax.get_yticklabels()) == len(t.rows)
    plt.close("all")


def test_break_even_against_closed_form() -> None:
    inv, settings = linear_case()
    npv = evaluate(inv, settings).npv
    # NPV is linear in the one-off cost at year 0 with slope -1
    b = break_even(inv, settings, "costs[0].amount")
    assert b.found
    assert b.value == pytest.approx(1_000_000 + npv, rel=1e-9)
    assert b.unit == "SEK"
    assert b.base_value == 1_000_000
    assert "costs[0].amount" in b.message
    # in the effect: NPV(c) = -10 * 10 000 * c * a5 - PV(costs)
    a5 = annuity(0.03, 1, 5)
    pv_costs = 1_000_000 + 100_000 * annuity(0.03, 0, 5)
    e = break_even(inv, settings, "effects[0].change")
    assert e.value == pytest.approx(-pv_costs / (100_000 * a5), rel=1e-9)
    assert e.unit == "month/year"  # a unit key since 0.2


def test_break_even_without_root_and_bad_names() -> None:
    inv, settings = linear_case()
    none = break_even(inv, settings, "effects[0].change", within=(-0.5, 0.0))
    assert not none.found
    assert math.isnan(none.value)
    assert "no break-even" in none.message
    assert "negative" in none.message
    assert str(none) == none.message
    with pytest.raises(InputError, match=r"effects\[3\].size") as info:
        break_even(inv, settings, "effects[3].size")
    assert "effect_multiplier" in str(info.value)
    with pytest.raises(InputError, match="payer"):
        break_even(inv, settings, "effect_multiplier", payer="landsting")
    with pytest.raises(InputError, match="within"):
        break_even(inv, settings, "effect_multiplier", within=(2.0, 1.0))


def test_break_even_per_payer() -> None:
    inv, settings = linear_case()
    # the region pays only: no parameter of the effect makes its NPV zero
    b = break_even(inv, settings, "effect_multiplier", payer="region")
    assert not b.found
    k = break_even(inv, settings, "effect_multiplier", payer="kommun")
    assert k.found
    assert k.value < 1


def test_compare_scenarios_overrides_and_pairs() -> None:
    inv, settings = linear_case()
    base = evaluate(inv, settings)
    table = compare_scenarios(
        {"utan regionens drift": {"costs[1].amount": 0}, "dubbel effekt": {"effect_multiplier": 2}},
        inv,
        settings,
    )
    rows = table.records()
    assert [r["scenario"] for r in rows] == ["bas", "utan regionens drift", "dubbel effekt"]
    assert rows[0]["npv"] == pytest.approx(base.npv)
    assert rows[1]["npv"] - rows[0]["npv"] == pytest.approx(100_000 * annuity(0.03, 0, 5))
    assert rows[1]["npv:region"] == pytest.approx(0.0, abs=1e-6)
    assert {"npv:kommun", "npv:region", "payback:kommun", "benefit_cost_ratio"} <= set(rows[0])
    assert "utan regionens drift" in str(table)
    assert list(table.to_frame()["scenario"]) == [r["scenario"] for r in rows]

    pessimistic = Settings(base_year=2023, price_year=2023, horizon=6, discount_rate=0.05)
    pairs = compare_scenarios({"3 %": (inv, settings), "5 %": (inv, pessimistic)})
    assert [r["scenario"] for r in pairs.records()] == ["3 %", "5 %"]
    assert pairs.records()[1]["npv"] < pairs.records()[0]["npv"]
    with pytest.raises(InputError, match=r"costs\[9\].amount"):
        compare_scenarios({"x": {"costs[9].amount": 0}}, inv, settings)
    with pytest.raises(InputError, match="settings"):
        compare_scenarios({"x": {}}, inv)


def test_examples_are_consistent() -> None:
    inv, settings = skolfam()
    result = evaluate(inv, settings)
    assert settings.price_year <= 2023
    assert all(e.confidence == "A" and e.source for e in inv.effects)
    assert all(c.confidence == "A" and c.source for c in inv.costs)
    assert all(item.source for item in inv.cost_items if isinstance(item, CostItem))
    # the two effects are equal and opposite in days: the family home absorbs the HVB days
    changes = [e.change.magnitude for e in inv.effects]  # type: ignore[union-attr]
    assert changes[0] == -changes[1]
    assert result.break_even_effect > 1  # avoided HVB days alone do not pay for Skolfam
    b = break_even(inv, settings, "effect_multiplier")
    assert b.value == pytest.approx(result.break_even_effect)
    # a normal unit cost must be truncated at zero
    with pytest.raises(InputError, match="truncated"):
        tornado(inv, settings, {"cost_items.hvb_barn_unga.unit_cost": Normal(mean=4500, sd=900)})
    ok = tornado(
        inv, settings, {"cost_items.hvb_barn_unga.unit_cost": Normal(mean=4500, sd=900, low=0)}
    )
    assert np.isfinite(ok.rows[0].swing)
    assert examples.servicetrainee()[1].price_year <= 2023
