"""engine.project: the projection over draws, the fixed-order sum, the cohort shift."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import sociokalkyl as sk
from sociokalkyl.analysis.metrics import compute_metrics
from sociokalkyl.engine import compile_plan, project, weighted_sum


@pytest.mark.parametrize("rate", [0.035, "green_book"])
@pytest.mark.parametrize("example", ["servicetrainee", "skolfam"])
def test_a_draw_gives_the_same_bits_alone_and_among_many(example: str, rate: Any) -> None:
    """Sums run in a fixed order, so batching draws cannot change any of their numbers.

    Every number that feeds a sum varies: effects, drop-off, exit rates, unit costs,
    real growth, intake, costs, and the discount rate when it is a parameter. The IRR
    is the exception (see docs/conventions.md): its grid search is a BLAS product.
    """
    intervention, settings = getattr(sk.examples, example)()
    settings = settings.model_copy(update={"discount_rate": rate})
    plan = compile_plan(intervention, settings)
    rng = np.random.default_rng(7)
    varied: dict[str, Any] = {"effect_multiplier": rng.uniform(0.0, 3.0, 37)}
    for name, parameter in plan.parameters.items():
        if name.endswith(("drop_off", "exit_rate")):
            varied[name] = rng.uniform(0.0, 0.3, 37)
        elif name.endswith("real_growth"):
            varied[name] = rng.uniform(-0.02, 0.03, 37)
        elif name.endswith(("unit_cost", "amount", "use")) or name.startswith("target_group"):
            varied[name] = parameter.value * rng.uniform(0.5, 1.5, 37)
        elif name == "settings.discount_rate":
            varied[name] = rng.uniform(0.0, 0.08, 37)
    assert len(varied) >= 6
    many = compute_metrics(project(plan, plan.values(varied)))
    for d in (0, 1, 17, 36):
        one_values = plan.values({name: value[d] for name, value in varied.items()})
        one = compute_metrics(project(plan, one_values))
        for field in (
            "npv",
            "pv_costs",
            "pv_avoided",
            "payback",
            "payback_discounted",
            "npv_by_payer",
            "payback_by_payer",
            "payback_discounted_by_payer",
            "pv_avoided_by_item",
        ):
            assert np.array_equal(getattr(many, field)[d], getattr(one, field)[0], equal_nan=True)
        assert many.irr[d] == pytest.approx(one.irr[0], rel=1e-12, nan_ok=True)


@pytest.mark.parametrize("example", ["servicetrainee", "skolfam"])
def test_projection_and_plan_agree_on_the_payers_with_flows(example: str) -> None:
    plan = compile_plan(*getattr(sk.examples, example)())
    projection = project(plan, plan.values())
    assert [plan.payers[j] for j in projection.active_payers] == list(plan.active_payers)


def test_weighted_sum_by_hand() -> None:
    lines = np.array([[1.0, 2.0], [10.0, 20.0], [100.0, 200.0]])
    assert weighted_sum(np.array([1.0, -1.0, 0.5]), lines).tolist() == [41.0, 82.0]
    assert weighted_sum(np.array([0.0, 0.0, 0.0]), lines).tolist() == [0.0, 0.0]
    assert weighted_sum(np.array([0.0, 2.0, 0.0]), lines).tolist() == [20.0, 40.0]
    out = np.full(2, np.nan)
    assert weighted_sum(np.array([0.0, 0.0, -1.0]), lines, out=out) is out
    assert out.tolist() == [-100.0, -200.0]


@settings(deadline=None)  # examples: the profile's (tests/conftest.py)
@given(
    weights=hnp.arrays(np.float64, 4, elements=st.sampled_from([0.0, 1.0, -1.0, 0.25, -3.5])),
    lines=hnp.arrays(np.float64, (4, 3, 5), elements=st.floats(-1e6, 1e6)),
)
def test_weighted_sum_is_the_sum_in_order_whatever_the_draws(
    weights: np.ndarray[Any, Any], lines: np.ndarray[Any, Any]
) -> None:
    """The same bits for all draws at once as for each draw alone (a fixed order)."""
    whole = weighted_sum(weights, lines)
    expected = np.zeros((3, 5))
    for weight, line in zip(weights, lines, strict=True):
        expected = expected + weight * line
    assert whole == pytest.approx(expected, rel=1e-12, abs=1e-6)
    for d in range(5):
        alone = weighted_sum(weights, np.ascontiguousarray(lines[:, :, d : d + 1]))
        assert np.array_equal(alone[:, 0], whole[:, d])


def test_without_baseline_the_baseline_is_one_column_of_zeros() -> None:
    plan = compile_plan(*sk.examples.skolfam())
    values = plan.values({"effect_multiplier": [0.5, 1.0, 2.0]})
    full, lean = project(plan, values), project(plan, values, with_baseline=False)
    assert lean.baseline.shape == (len(plan.cost_items), plan.horizon, 1)
    assert not lean.baseline.any()
    assert full.baseline.shape == (len(plan.cost_items), plan.horizon, 3)
    assert np.array_equal(full.flows, lean.flows)


def test_later_cohorts_shift_whole_rows() -> None:
    """A cost per participant follows each cohort from its own intake year."""
    intervention = sk.Intervention(
        name="Kohorter",
        target_group={"name": "D", "intake": [2, 0, 3]},
        cost_items=[{"key": "x", "name": "X", "unit_cost": "1 kr/mån", "price_year": 2023}],
        baseline=[{"cost_item": "x", "use": "6 mån/år"}],
        effects=[{"cost_item": "x", "change": -0.5}],
        costs=[{"name": "Stöd", "kind": "per_participant", "amount": "100 kr/år",
                "duration": "2 år"}],
    )  # fmt: skip
    settings_ = sk.Settings(base_year=2024, price_year=2023, horizon=5, discount_rate=0.0)
    plan = compile_plan(intervention, settings_)
    assert plan.intake_years == (0, 2)
    projection = project(plan, plan.values())
    # 2 participants in years 0-1, 3 more in years 2-3, 100 kr a year each
    assert projection.costs[0, :, 0].tolist() == [200.0, 200.0, 300.0, 300.0, 0.0]
    # half of 6 months x 1 kr avoided per participant and year, from intake on
    assert projection.avoided[0, :, 0] == pytest.approx([6.0, 6.0, 15.0, 15.0, 15.0])
