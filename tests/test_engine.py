"""The engine and evaluate(): hand-computed cases with the working shown, and properties."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import sociokalkyl as sk
import sociokalkyl.finance
from sociokalkyl.analysis.breakeven import break_even_of_plan
from sociokalkyl.analysis.metrics import compute_metrics
from sociokalkyl.engine import compile_plan, project
from sociokalkyl.errors import InputError, PriceYearError
from test_perspectives import resources_only_model


def build(
    *,
    unit_cost: str = "1 000 kr/mån",
    price_year: int = 2023,
    use: str = "6 mån/år",
    exit_rate: float = 0.0,
    effects: list[dict[str, Any]] | None = None,
    costs: list[dict[str, Any]] | None = None,
    intake: list[float] | None = None,
    payer: Any = "kommun",
    real_growth: float = 0.0,
) -> sk.Intervention:
    """A small intervention: 10 participants, one cost item, one baseline use."""
    return sk.Intervention(
        name="Test",
        target_group={"name": "Deltagare", "intake": intake or [10]},
        cost_items=[
            {
                "key": "item",
                "name": "Kostnadspost",
                "unit_cost": unit_cost,
                "price_year": price_year,
                "payer": payer,
                "real_growth": real_growth,
            }
        ],
        baseline=[{"cost_item": "item", "use": use, "exit_rate": exit_rate}],
        effects=effects or [{"cost_item": "item", "change": -0.5, "duration_years": 2}],
        costs=costs or [{"name": "Insats", "kind": "one_off", "amount": "50 000 kr"}],
    )


def run(
    intervention: sk.Intervention, rate: Any = 0.0, horizon: int = 4, optimism_bias: float = 0.0
) -> sk.Result:
    return sk.evaluate(
        intervention,
        sk.Settings(
            base_year=2024,
            price_year=2023,
            horizon=horizon,
            discount_rate=rate,
            optimism_bias=optimism_bias,
        ),
    )


def test_relative_effect_by_hand() -> None:
    # 10 participants x 6 months/year x 1 000 kr/month x 50 % = 30 000 kr a year, years 0-1
    # net = [-50 000 + 30 000, 30 000, 0, 0] = [-20 000, 30 000, 0, 0]
    result = run(build())
    net = [row["net"] for row in result.table()]
    assert net == pytest.approx([-20_000, 30_000, 0, 0])
    assert result.npv == pytest.approx(10_000)
    # payback: -20 000 at time 0, +30 000 over year 1 -> 20 000 / 30 000 of year 1
    assert result.payback == pytest.approx(2 / 3)
    assert result.benefit_cost_ratio == pytest.approx(60_000 / 50_000)
    # at 10 %: -20 000 + 30 000 / 1.1 = 7 272.73
    assert run(build(), rate=0.10).npv == pytest.approx(-20_000 + 30_000 / 1.1)


def test_absolute_effect_with_lag_ramp_drop_off_and_deadweight_by_hand() -> None:
    # profile(k) = min(1, (k+1)/2) * 0.9**k for k = 0, 1, 2 -> 0.5, 0.9, 0.81 (duration 3)
    # change = -2 months/year x 0.8 (deadweight 20 %) x profile -> 0.8, 1.44, 1.296 months
    # at ages 1, 2, 3 (lag 1); 10 participants x 1 000 kr/month
    effect = {
        "cost_item": "item",
        "kind": "absolute",
        "change": "-2 mån/år",
        "start_lag": 1,
        "ramp_up_years": 2,
        "drop_off": 0.1,
        "duration_years": 3,
        "deadweight": 0.2,
    }
    result = run(build(effects=[effect]), horizon=5)
    avoided = [row["avoided"] for row in result.table()]
    assert avoided == pytest.approx([0, 8_000, 14_400, 12_960, 0])


def test_cohorts_follow_their_own_profile() -> None:
    # intake 10 in year 0 and 5 in year 1; each cohort avoids 3 000 kr per participant in
    # its first two years: year 0: 10 x 3 000; year 1: 15 x 3 000; year 2: 5 x 3 000
    result = run(build(intake=[10, 5]))
    assert [row["avoided"] for row in result.table()] == pytest.approx([30_000, 45_000, 15_000, 0])


def test_per_participant_rate_is_spread_over_its_duration() -> None:
    # 25 000 kr/month for 18 months: 300 000 in the intake year, 150 000 the next, each x 10
    cost = {
        "name": "Lön",
        "kind": "per_participant",
        "amount": "25 000 kr/mån",
        "duration": "18 mån",
    }
    result = run(build(costs=[cost]))
    assert [row["costs"] for row in result.table()] == pytest.approx([3_000_000, 1_500_000, 0, 0])


def test_per_year_cost_and_optimism_bias() -> None:
    # 120 000 kr/year from year 1 for 2 years, uplifted 10 %: 132 000 in years 1 and 2
    cost = {"name": "Drift", "kind": "per_year", "amount": "10 000 kr/mån", "year": 1, "years": 2}
    result = run(build(costs=[cost]), optimism_bias=0.1)
    assert [row["costs"] for row in result.table()] == pytest.approx([0, 132_000, 132_000, 0])


def test_baseline_exit_rate_and_real_growth() -> None:
    # baseline 6 months x (1 - 0.25)^a; growth 2 %/year from year 0; effect -100 % for 3 years
    effect = {"cost_item": "item", "change": -1.0, "duration_years": 3}
    result = run(build(effects=[effect], exit_rate=0.25, real_growth=0.02))
    expected = [10 * 6 * 1000 * 0.75**t * 1.02**t if t < 3 else 0 for t in range(4)]
    assert [row["avoided"] for row in result.table()] == pytest.approx(expected)


def test_reduction_is_capped_at_the_baseline() -> None:
    # -10 months/year cannot avoid more than the 6 months a participant would have used
    effect = {"cost_item": "item", "kind": "absolute", "change": "-10 mån/år", "duration_years": 1}
    result = run(build(effects=[effect]))
    assert result.table()[0]["avoided"] == pytest.approx(10 * 6 * 1000)


def test_price_year_rebase_uses_kpi() -> None:
    # 1 000 kr/month in 2012 prices is 1 000 x 403.70 / 314.20 in 2023 prices
    base = run(build())
    old = run(build(price_year=2012))
    factor = 403.70 / 314.20
    assert old.pv_avoided == pytest.approx(base.pv_avoided * factor)


def test_payers_get_their_share_of_avoided_costs() -> None:
    result = run(build(payer={"kommun": 0.25, "region": 0.75}))
    by_payer = {row["payer"]: row for row in result.by_payer()}
    assert by_payer["region"]["pv_avoided"] == pytest.approx(0.75 * 60_000)
    assert by_payer["kommun"]["pv_avoided"] == pytest.approx(0.25 * 60_000)
    assert by_payer["kommun"]["pv_costs"] == pytest.approx(50_000)
    assert by_payer["region"]["npv"] == pytest.approx(45_000)
    # the wrong pocket: the kommun pays 50 000 and saves 15 000
    assert result.npv_by_payer["kommun"] == pytest.approx(-35_000)


def test_schedule_discounting_matches_numpy_financial_per_year() -> None:
    result = run(build(), rate="green_book", horizon=40)
    net = [row["net"] for row in result.table()]
    assert result.npv == pytest.approx(npf.npv(0.035, net))  # 3.5 % for years 1-30


def test_irr_and_discounted_payback_agree_with_numpy_financial() -> None:
    result = run(build(), rate=0.05)
    net = [row["net"] for row in result.table()]
    assert result.irr == pytest.approx(npf.irr(net))  # -20 000 + 30 000/(1+r) = 0 -> 50 %
    assert result.irr == pytest.approx(0.5)
    # discounted: -20 000 then 30 000/1.05 over year 1
    assert result.payback_discounted == pytest.approx(20_000 / (30_000 / 1.05))


def test_break_even_effect_gives_npv_zero() -> None:
    result = run(build(), rate=0.035)
    multiple = result.break_even_effect
    # NPV is linear in the effect here: 50 000 = m x (30 000 + 30 000/1.035)
    assert multiple == pytest.approx(50_000 / (30_000 + 30_000 / 1.035))
    check = run(
        build(effects=[{"cost_item": "item", "change": -0.5 * multiple, "duration_years": 2}]),
        rate=0.035,
    )
    assert check.npv == pytest.approx(0.0, abs=1e-6)


def test_break_even_effect_is_nan_when_even_full_avoidance_does_not_pay() -> None:
    # the most the 10 participants can avoid is 6 000 x 10 x 2 years = 120 000 < 500 000
    result = run(build(costs=[{"name": "Dyr", "kind": "one_off", "amount": "500 000 kr"}]))
    assert math.isnan(result.break_even_effect)
    assert math.isnan(result.payback)


def test_max_cost_break_even_is_where_npv_is_zero() -> None:
    # scale the one-off cost to the claimed largest cost: the NPV must then be 0
    result = run(build(), rate=0.035)
    at_most = result.max_cost_break_even
    assert at_most == pytest.approx(30_000 + 30_000 / 1.035)  # PV of the avoided costs
    scaled = run(build(costs=[{"name": "Insats", "kind": "one_off", "amount": f"{at_most!r} SEK"}]),
                 rate=0.035)  # fmt: skip
    assert scaled.npv == pytest.approx(0.0, abs=1e-6)


def test_break_even_finds_the_nearest_root_when_npv_rises_and_falls() -> None:
    # Fewer HVB days (3 000 kr) capped at the 10 a child would have had, more family-home
    # days (1 000 kr) without a cap: per unit of the multiplier m, 6 2/3 days of each.
    # NPV(m) = -16 000 + 13 333.3 m while m <= 1.5 (HVB cap reached at m = 1.5),
    # then 30 000 - 16 000 - 6 666.7 m: zero at m = 1.2 and again at m = 2.1.
    days = 20 / 3
    intervention = sk.Intervention(
        name="Omplacering",
        target_group={"name": "Barn", "intake": [1]},
        cost_items=[
            {"key": "hvb", "name": "HVB", "unit_cost": "3 000 kr/dygn", "price_year": 2023},
            {"key": "fh", "name": "Familjehem", "unit_cost": "1 000 kr/dygn", "price_year": 2023},
        ],
        baseline=[{"cost_item": "hvb", "use": "10 dygn/år"},
                  {"cost_item": "fh", "use": "300 dygn/år"}],
        effects=[{"cost_item": "hvb", "kind": "absolute", "change": f"{-days!r} dygn/år"},
                 {"cost_item": "fh", "kind": "absolute", "change": f"{days!r} dygn/år"}],
        costs=[{"name": "Team", "kind": "one_off", "amount": "16 000 kr"}],
    )  # fmt: skip
    result = run(intervention, horizon=1)
    assert result.npv == pytest.approx(-16_000 + 13_333.333)
    assert result.break_even_effect == pytest.approx(1.2)
    scan = break_even_of_plan(result.plan, "effect_multiplier", low=0.0)
    assert scan.roots == pytest.approx((1.2, 2.1))


def test_servicetrainee_golden() -> None:
    # Golden figures (2023 prices, 3.5 %): recomputed by hand from the example's inputs.
    # Servicetrainee with resource flows only, as bundled up to 0.2 (tests/cases): the
    # three-perspective example is worked by hand in tests/test_perspectives.py.
    intervention, settings_ = resources_only_model()
    result = sk.evaluate(intervention, settings_)
    kpi = 403.70 / 314.20
    month = 7149 * kpi  # kr per household-month in 2023 prices
    # year 0: 30 households x 10 months x 1.0 (employed instead of on assistance)
    # years 1-5: 30 x 4.9 months x 0.8^(t-1) (effect drop-off), baseline exit keeps it
    # below the capped level (10 x 0.8^t > 4.9 x 0.8^(t-1) for t <= 5)
    avoided = [30 * 10 * month] + [30 * 4.9 * 0.8 ** (t - 1) * month for t in range(1, 6)]
    avoided += [0.0] * 4
    costs = [(30 * 26_000 * 12 + 500_000) * kpi] + [0.0] * 9
    assert [row["avoided"] for row in result.table()] == pytest.approx(avoided)
    assert [row["costs"] for row in result.table()] == pytest.approx(costs)
    net = np.array(avoided) - np.array(costs)
    assert result.npv == pytest.approx(npf.npv(0.035, net))
    assert result.npv == pytest.approx(-5_752_490, abs=1)
    assert math.isnan(result.payback)
    assert result.npv_by_payer == pytest.approx({"kommun": result.npv})


# --- properties ------------------------------------------------------------------------

amounts = st.floats(min_value=1.0, max_value=1e6, allow_nan=False)


@settings(deadline=None)
@given(monthly=amounts, rate=st.floats(min_value=0.0, max_value=0.1))
def test_unit_invariance(monthly: float, rate: float) -> None:
    # the same cost per month, per year and per dygn gives the same NPV
    per_month = run(build(unit_cost=f"{monthly!r} SEK/month"), rate=rate)
    per_year = run(build(unit_cost=f"{monthly * 12!r} SEK/year"), rate=rate)
    per_day = run(build(unit_cost=f"{monthly * 12 / 365!r} SEK/day"), rate=rate)
    assert per_year.npv == pytest.approx(per_month.npv, rel=1e-9, abs=1e-6)
    assert per_day.npv == pytest.approx(per_month.npv, rel=1e-9, abs=1e-6)


@settings(max_examples=30, deadline=None)
@given(scale=st.floats(min_value=0.01, max_value=100.0))
def test_npv_is_linear_in_every_amount(scale: float) -> None:
    # scaling every unit cost and every intervention cost scales the NPV
    base = run(build(), rate=0.035)
    scaled = run(
        build(
            unit_cost=f"{1000 * scale!r} SEK/month",
            costs=[{"name": "Insats", "kind": "one_off", "amount": f"{50_000 * scale!r} SEK"}],
        ),
        rate=0.035,
    )
    assert scaled.npv == pytest.approx(scale * base.npv, rel=1e-9)


@settings(max_examples=30, deadline=None)
@given(
    change=st.floats(min_value=-1.0, max_value=-0.01),
    cost=st.floats(min_value=1_000, max_value=200_000),
)
def test_break_even_property(change: float, cost: float) -> None:
    intervention = build(
        effects=[{"cost_item": "item", "change": change, "duration_years": 3}],
        costs=[{"name": "Insats", "kind": "one_off", "amount": f"{cost!r} SEK"}],
    )
    result = run(intervention, rate=0.035)
    multiple = result.break_even_effect
    values = result.plan.values({"effect_multiplier": multiple})
    if math.isnan(multiple):
        # no break-even: even the largest possible effect does not pay
        capped = result.plan.values({"effect_multiplier": 1e9})
        npv = compute_metrics(project(result.plan, capped)).npv[0]
        assert npv < 0
    else:
        npv = compute_metrics(project(result.plan, values)).npv[0]
        assert npv == pytest.approx(0.0, abs=1e-6 * cost)


def test_projection_is_vectorised_over_draws() -> None:
    result = run(build(), rate=0.035)
    draws = np.array([0.5, 1.0, 2.0])
    projection = project(result.plan, result.plan.values({"effect_multiplier": draws}))
    assert projection.avoided.shape == (1, 4, 3)  # (items, years, draws)
    npv = compute_metrics(projection).npv
    one = result.plan.values({"effect_multiplier": 2.0})
    assert npv[2] == pytest.approx(compute_metrics(project(result.plan, one)).npv[0])


@pytest.mark.parametrize("discounted", [False, True])
def test_the_yearly_table_and_the_payback_tell_the_same_story(discounted: bool) -> None:
    """The payback falls in the year after the table's last negative cumulative net."""
    effects = [{"cost_item": "item", "change": -0.45, "duration_years": 6, "drop_off": 0.1}]
    costs = [{"name": "Insats", "kind": "one_off", "amount": "61 234,5 kr"}]
    result = run(build(effects=effects, costs=costs, intake=[7, 3]), rate=0.035, horizon=8)
    key = "cumulative_discounted_net" if discounted else "cumulative_net"
    payback = result.payback_discounted if discounted else result.payback
    cumulative = [row[key] for row in result.table()]
    j = max(t for t, c in enumerate(cumulative) if c < 0)
    assert cumulative[-1] >= 0  # the case pays back...
    assert j >= 1  # ...after year 1
    assert j < payback <= j + 1


def test_present_value_rejects_flows_in_the_old_layout() -> None:
    """(D, T) flows with (T, D) factors would silently sum over draws: an error instead."""
    factors = np.ones((40, 5))
    with pytest.raises(InputError, match="year axis"):
        sk.finance.discounted_sum(np.ones((5, 40)), factors, axis=-2)
    assert sk.finance.discounted_sum(np.ones((40, 5)), factors, axis=-2).tolist() == [40.0] * 5


def test_a_cost_item_without_baseline_use_has_no_avoided_costs() -> None:
    base = build()
    extra = {
        "key": "unused",
        "name": "Utan baslinje",
        "unit_cost": "500 kr/mån",
        "price_year": 2023,
        "payer": "region",
    }
    data = base.model_dump(mode="json")
    data["cost_items"].append(extra)
    with_extra = sk.Intervention.model_validate(data)
    result, plain = run(with_extra, rate=0.035), run(base, rate=0.035)
    assert np.array_equal(result.projection.avoided[1], np.zeros((4, 1)))
    assert result.npv == plain.npv


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "location"),
    [
        ({"intake": [-3]}, "intake"),
        ({"exit_rate": 1.5}, "exit_rate"),
        ({"unit_cost": "1 000 kr/tim/foo"}, "unit_cost"),
        ({"unit_cost": "6 mån/år"}, "unit_cost"),
        ({"use": "1 000 kr"}, "use"),
        ({"payer": "landsting"}, "payer"),
        ({"effects": [{"cost_item": "hvb", "change": -0.5}]}, "hvb"),
        ({"effects": [{"cost_item": "item", "change": -1.5}]}, "-100 %"),
        ({"effects": [{"cost_item": "item", "change": float("nan")}]}, "change"),
        ({"costs": [{"name": "x", "kind": "one_off", "amount": "5 kr/mån"}]}, "one-off"),
        ({"costs": [{"name": "x", "kind": "one_off", "amount": "-5 kr"}]}, "cannot be negative"),
        ({"unit_cost": "-1 000 kr/mån"}, "cannot be negative"),
        ({"use": "-6 mån/år"}, "cannot be negative"),
        ({"use": "0.5"}, "needs a time unit"),
        ({"effects": [{"cost_item": "item", "kind": "absolute", "change": "-20 %"}]}, "time unit"),
        ({"effects": [{"cost_item": "item", "change": 49}]}, "did you write 49 for 49 %"),
        ({"effects": [{"cost_item": "item", "change": -0.5, "duration_years": 0}]}, "duration"),
        (
            {"costs": [{"name": "x", "kind": "per_participant", "amount": "5 kr", "years": 3}]},
            "per_year",
        ),
        ({"costs": [{"name": "x", "kind": "one_off", "amount": "5 kr", "years": 3}]}, "no years"),
    ],
)
def test_bad_model_input_names_the_field(change: dict[str, Any], location: str) -> None:
    with pytest.raises(ValidationError) as info:
        build(**change)
    assert location in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "location"),
    [
        ({"horizon": 0}, "horizon"),
        ({"discount_rate": -1.0}, "discount_rate"),
        ({"discount_rate": "3,5 procent per år"}, "discount_rate"),
        ({"discount_rate": float("inf")}, "discount_rate"),
        ({"discount_rate": 3.5}, 'did you write 3.5 for 3.5 %? Write "3.5 %" or 0.035'),
        ({"discount_rate": "3,5"}, "did you write 3.5 for 3.5 %"),
        ({"optimism_bias": 5}, "Green Book"),
    ],
)
def test_bad_settings_name_the_field(kwargs: dict[str, Any], location: str) -> None:
    arguments: dict[str, Any] = {"base_year": 2024, "price_year": 2023, "horizon": 10, **kwargs}
    with pytest.raises(ValidationError) as info:
        sk.Settings(**arguments)
    assert location in str(info.value)


def test_price_year_outside_the_index_is_an_error_naming_field_and_range() -> None:
    with pytest.raises(PriceYearError) as info:
        run(build(price_year=1999))
    message = str(info.value)
    assert "cost_items.item.price_year" in message
    assert "1999" in message
    assert "2006-2023" in message


def test_unknown_override_lists_the_parameters() -> None:
    result = run(build())
    with pytest.raises(InputError, match=r"effects\[0\]\.change"):
        result.plan.values({"effects[9].change": 1.0})


def test_user_price_series_replaces_a_shipped_index() -> None:
    # OPI lacks 2022; a kommun that has SKR's 2022 change can give its own series.
    # With changes 2022: 5 % and 2023: 4.6 %, 2021 -> 2023 is 1.05 x 1.046.
    intervention = build(price_year=2021)
    item = intervention.cost_items[0]
    assert isinstance(item, sk.CostItem)
    on_opi = intervention.model_copy(
        update={"cost_items": [item.model_copy(update={"price_index": "OPI"})]}
    )
    plain = sk.Settings(base_year=2024, price_year=2023, horizon=4, discount_rate=0.0)
    with pytest.raises(PriceYearError, match="gap"):
        sk.evaluate(on_opi, plain)
    own = plain.model_copy(
        update={
            "price_indices": {
                "OPI": sk.model.PriceSeries(
                    source="SKR cirkulär (kommunens uppgift)",
                    changes_percent={2022: 5.0, 2023: 4.6},
                )
            }
        }
    )
    assert sk.evaluate(on_opi, own).pv_avoided == pytest.approx(60_000 * 1.05 * 1.046)


def test_price_series_needs_exactly_one_form() -> None:
    with pytest.raises(ValidationError, match="exactly one of levels or changes_percent"):
        sk.model.PriceSeries(source="x")


def test_unknown_catalogue_key_suggests_close_keys() -> None:
    intervention = build().model_copy(update={"cost_items": ["hemtjanst_tim"]})
    with pytest.raises(InputError, match="hemtjanst_timme"):
        compile_plan(intervention, sk.Settings(base_year=2024, price_year=2021, horizon=4))


def test_assumption_log_shows_the_factor_the_engine_used() -> None:
    # a user's own KPI (100 in 2016, 150 in 2023, replacing the shipped one) must show
    # 1 500 kr/dygn, as the engine uses, not the shipped KPI's 1 275.8
    intervention = build(unit_cost="1 000 kr/dygn", price_year=2016)
    own_kpi = {"source": "egen serie", "levels": {2016: 100, 2023: 150}, "mode": "replace"}
    own = sk.Settings(base_year=2024, price_year=2023, horizon=4, discount_rate=0.0, price_indices={
        "KPI": own_kpi})  # fmt: skip
    result = sk.evaluate(intervention, own)
    row = result.assumptions()[0]
    assert (row.rebased_value, row.unit) == (pytest.approx(1500.0), "SEK/day")
    assert result.pv_avoided == pytest.approx(
        1.5 * run(build(unit_cost="1 000 kr/dygn")).pv_avoided
    )


def test_intake_and_costs_beyond_the_horizon_are_errors_not_silently_dropped() -> None:
    with pytest.raises(InputError, match=r"target_group.intake\[6\].*beyond the horizon"):
        run(build(intake=[0, 0, 0, 0, 0, 0, 10]), horizon=5)
    late = {"name": "Sen", "kind": "one_off", "amount": "5 kr", "year": 7}
    with pytest.raises(InputError, match=r"costs\[0\].year.*beyond the horizon"):
        run(build(costs=[late]), horizon=5)


def test_per_event_cost_with_time_use_explains_what_to_write() -> None:
    with pytest.raises(sk.UnitError) as info:
        run(build(unit_cost="300 000 kr"))
    message = str(info.value)
    assert "baseline[0].use" in message
    assert "6 month / year" in message  # the value the user gave, not a unit of it
    assert "events per year" in message
    assert '"0,8 /år"' in message


def test_absolute_increase_ends_with_the_baseline_use() -> None:
    # 100 dygn/år of care for 2 years; +10 dygn/år from the intervention must also end
    # after year 1, not go on for a child who has left care (10 participants x 10 dygn)
    effect = {"cost_item": "item", "kind": "absolute", "change": "10 dygn/år"}
    intervention = build(unit_cost="100 kr/dygn", use="100 dygn/år", effects=[effect])
    intervention = intervention.model_copy(update={"baseline": [
        sk.BaselineUse(cost_item="item", use="100 dygn/år", years=2)]})  # fmt: skip
    avoided = [row["avoided"] for row in run(intervention, horizon=5).table()]
    assert avoided == pytest.approx([-10_000, -10_000, 0, 0, 0])
