"""Follow-up (socioekonomiskt bokslut): forecast against outcome, by hand and by identity."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.engine import compile_plan
from sociokalkyl.errors import InputError
from sociokalkyl.followup import YearData, follow_up
from sociokalkyl.followup.inputs import Observations, validated

NAMES = ("servicetrainee", "skolfam", "seniorer_ostersund")


def _as_forecast(plan, years):
    """Observations that say exactly what the forecast says, for the first ``years`` years."""
    f0 = follow_up(plan, [])
    intake = {int(p.key.index or 0): float(p.value) for p in plan.intake}
    return [
        YearData(
            t,
            participants=intake.get(t),
            use={k: float(f0.forecast_use[i, t]) for i, k in enumerate(plan.item_keys)},
            costs={c: float(f0.forecast.costs[k, t, 0]) for k, c in enumerate(plan.cost_names)},
        )
        for t in range(years)
    ]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("years", [1, 3, 99])
def test_observations_equal_to_the_forecast_reproduce_its_npv_exactly(name, years):
    intervention, settings = examples.load(name)
    plan = compile_plan(intervention, settings)
    f = follow_up(plan, _as_forecast(plan, min(years, plan.horizon)))
    result = evaluate(intervention, settings)
    assert f.npv_reprojected == result.npv  # the same bits, not approximately
    assert f.npv_forecast == result.npv
    assert f.npv("outcome", "kommun") == result.npv_by_payer["kommun"]
    assert f.npv_realised == f.npv("forecast_to_date")
    assert np.all(f.ratio == 1.0)


def test_servicetrainee_more_use_than_forecast_by_hand():
    # Year 1 (2013): forecast use with the intervention is the baseline 30 x 10 mån x 0.8
    # = 240 months less the absolute effect 30 x 4.9 = 147 months: 93 months. Observed:
    # 120 months, 27 more. Price per month in 2023 prices: 7 149 x 1.28485 = 9 185.4 kr.
    # The realised avoided cost falls by 27 x 9 185.4 = 248 006 kr.
    plan = compile_plan(*examples.servicetrainee())
    f0 = follow_up(plan, [])
    assert f0.forecast_use[0, 1] == pytest.approx(93.0)
    f = follow_up(plan, [YearData(1, use={"ekonomiskt_bistand": 120.0})])
    price = 7149 * plan.item_price_factors[0]
    lost = 27 * price
    assert f.outcome.avoided[0, 1, 0] == pytest.approx(f.forecast.avoided[0, 1, 0] - lost)
    assert f.npv_realised == pytest.approx(f.npv("forecast_to_date") - lost / 1.035)
    # ratio over the observed years (only 2013) = realised / forecast avoided then:
    # forecast 147 months avoided, realised 120 months
    observed = f.forecast.avoided[0, 1, 0]
    assert (observed - lost) / observed == pytest.approx(120 / 147)
    assert f.ratio[0] == pytest.approx((observed - lost) / observed)
    # re-projection: later years scaled by the ratio (credibility 1)
    assert f.outcome.avoided[0, 4, 0] == pytest.approx(f.forecast.avoided[0, 4, 0] * f.ratio[0])


def test_credibility_zero_keeps_the_forecast_after_the_last_observation():
    plan = compile_plan(*examples.servicetrainee())
    f = follow_up(plan, [YearData(1, use={"ekonomiskt_bistand": 200.0})], credibility=0.0)
    assert np.array_equal(f.outcome.avoided[0, 2:, 0], f.forecast.avoided[0, 2:, 0])
    half = follow_up(plan, [YearData(1, use={"ekonomiskt_bistand": 200.0})], credibility=0.5)
    assert half.outcome.avoided[0, 3, 0] == pytest.approx(
        f.forecast.avoided[0, 3, 0] * (1 + 0.5 * (f.ratio[0] - 1))
    )


def test_observed_intake_scales_the_counterfactual_and_costs():
    # 20 participants instead of 30: the per-participant wage (19 784 kr/mån x 12) falls
    # by a third in year 0, and so do the avoided costs (none used: forecast at 20).
    plan = compile_plan(*examples.servicetrainee())
    f = follow_up(plan, [YearData(0, participants=20.0)])
    assert f.outcome.costs[0, 0, 0] == pytest.approx(f.forecast.costs[0, 0, 0] * 2 / 3)
    assert f.outcome.avoided[0, 0, 0] == pytest.approx(f.forecast.avoided[0, 0, 0] * 2 / 3)


def test_other_costs_are_charged_to_their_payer():
    plan = compile_plan(*examples.servicetrainee())
    f = follow_up(plan, [YearData(0, other_costs={"region": 100_000.0})])
    # the region has its own flows here (its part of the kommunalskatt on the wages)
    forecast = f.npv("forecast", "region")
    assert forecast > 0
    assert f.npv("outcome", "region") == pytest.approx(forecast - 100_000.0)
    # the headline is the kommun's budget: the region's cost is outside it, society bears it
    assert f.npv_realised == pytest.approx(f.npv("forecast_to_date"))
    assert f.npv("outcome_to_date", perspective="samhället") == pytest.approx(
        f.npv("forecast_to_date", perspective="samhället") - 100_000.0
    )
    region = plan.payer_index("region")
    assert f.net_by_payer("outcome")[region, 0] == pytest.approx(
        f.net_by_payer("forecast")[region, 0] - 100_000.0
    )


def _observations(**year):
    return Observations.model_validate({"years": [{"year": 2013, **year}]})


@pytest.mark.parametrize(
    ("year", "field", "words"),
    [
        ({"year": 2011}, "years[0].year", "before the start"),
        ({"year": 2022}, "years[0].year", "after the horizon"),
        ({"use": {"hvb": 1.0}}, "years[0].use.hvb", "not a cost item"),
        ({"costs": {"Lön": 1.0}}, "years[0].costs.Lön", "not a cost line"),
        ({"other_costs": {"landsting": 1.0}}, "years[0].other_costs.landsting", "not a payer"),
        ({"participants": 5}, "years[0].participants", "no intake that year"),
    ],
)
def test_observations_outside_the_forecast_are_errors(year, field, words):
    plan = compile_plan(*examples.servicetrainee())
    with pytest.raises(InputError) as caught:
        _observations(**year).year_data(plan)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert caught.value.expected


def test_a_year_given_twice_is_an_error():
    plan = compile_plan(*examples.servicetrainee())
    obs = Observations.model_validate({"years": [{"year": 2013}, {"year": 2013}]})
    with pytest.raises(InputError, match="given twice"):
        obs.year_data(plan)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"years": [{"year": 2013, "participants": -3}]}, "years[0].participants"),
        (
            {"years": [{"year": 2013, "use": {"ekonomiskt_bistand": -1}}]},
            "years[0].use.ekonomiskt_bistand",
        ),
        ({"credibility": 1.5}, "credibility"),
        ({"years": [{"year": 2013, "participant": 3}]}, "years[0].participant"),
    ],
)
def test_negative_counts_and_bad_fields_name_their_path(data, field):
    with pytest.raises(InputError) as caught:
        validated(Observations, data, "uppfoljning")
    assert caught.value.field == f"uppfoljning.{field}"
    assert caught.value.value is not None


def test_no_observation_means_nothing_realised():
    plan = compile_plan(*examples.skolfam())
    f = follow_up(plan, [])
    assert f.last_observed == -1
    assert f.npv_realised == 0.0
    assert math.isclose(f.npv_reprojected, f.npv_forecast)
    assert f.years[0] == 2015


def test_an_observed_amount_that_overflows_is_an_error_not_infinity():
    from sociokalkyl.errors import CalculationError

    plan = compile_plan(*examples.servicetrainee())
    with pytest.raises(CalculationError, match="not a finite number"):
        follow_up(plan, [YearData(1, use={"ekonomiskt_bistand": 1e306})])


def test_the_follow_up_per_perspective_with_namnder():
    from sociokalkyl.scenario.read import load_scenario

    scenario = load_scenario("src/sociokalkyl/examples/servicetrainee.toml")
    plan = compile_plan(scenario.intervention, scenario.settings)
    forecast = evaluate(scenario.intervention, scenario.settings)
    key = plan.item_keys[0]
    # observed: the bistånd item used 20 % more than forecast in year 1
    f = follow_up(plan, [])
    use = float(f.forecast_use[plan.item_keys.index(key), 1]) * 1.2
    g = follow_up(plan, [YearData(1, use={key: use})])
    for name, value in forecast.npv_by_perspective.items():
        # nothing observed: every perspective's forecast is evaluate's
        assert f.npv("forecast", perspective=name) == pytest.approx(value, rel=1e-12)
        assert f.npv("outcome", perspective=name) == pytest.approx(value, rel=1e-12)
    # the kommun's perspective is its actors added up, the nämnder included (by hand)
    kommun = [a for a in plan.payers if a.split("/")[0] == "kommun"]
    for which in ("forecast", "outcome", "outcome_to_date"):
        by_hand = sum(g.npv(which, a) for a in kommun)
        assert g.npv(which, perspective="kommun") == pytest.approx(by_hand, rel=1e-9, abs=1e-3)
    assert g.npv("outcome", perspective="samhället") != g.npv("outcome", perspective="kommun")
    with pytest.raises(InputError, match="did you mean"):
        g.npv(perspective="kommunn")
    with pytest.raises(InputError, match="both a payer and a perspective"):
        g.npv("outcome", "kommun", perspective="kommun")
