"""Outcomes and their consequences (issue 11): chains by hand, equivalence, overlaps, errors.

Every expected number is worked by hand in the test; the conventions are in
``docs/outcomes.md``.
"""

from __future__ import annotations

import math
import tomllib
from importlib import resources
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.catalogue.outcomes import default_outcomes, outcomes_from_data
from sociokalkyl.engine import compile_plan
from sociokalkyl.engine.outcomes import OverlapWarning
from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem, Intervention, Settings
from sociokalkyl.model.outcome import Consequence, OutcomeEffect
from sociokalkyl.units.registry import Quantity

ITEM = {
    "key": "vard",
    "name": "Vårddygn",
    "unit_cost": "1 000 kr/dygn",
    "price_year": 2023,
    "payer": {"kommun": 0.6, "region": 0.4},
    "source": "test",
}
COST = {"name": "Insats", "kind": "one_off", "amount": "100 000 kr", "price_year": 2023}


def _settings(horizon: int = 10, rate: float = 0.0) -> Settings:
    return Settings(base_year=2023, price_year=2023, horizon=horizon, discount_rate=rate)


def _intervention(**fields: Any) -> Intervention:
    data: dict[str, Any] = {
        "name": "Test",
        "target_group": {"name": "Barn", "intake": [10]},
        "cost_items": [ITEM],
        "costs": [COST],
    }
    data.update(fields)
    return Intervention.model_validate(data)


def _outcome(rows: list[dict[str, Any]], key: str = "utfall") -> dict[str, Any]:
    return {"key": key, "name": "Ett utfall", "consequences": rows}


def test_styrka_hela_livet_by_hand() -> None:
    """100 participants, 0,0046 fewer fractures a year for 2 years, halved the second.

    One avoided fracture saves 129 800 kr (2006 prices) the first year: kommun 57,73 %,
    region 42,27 %. KPI 2006 -> 2023 is f. Year 0: 100 * 0.0046 * 129 800 * f;
    year 1: half of it (drop-off 0.5). Discounted at 3,5 %: PV = y0 (1 + 0.5 / 1.035).
    """
    intervention, settings = examples.load("styrka_hela_livet")
    result = sk.evaluate(intervention, settings)
    f = result.plan.item_price_factors[0]
    assert f == pytest.approx(settings.price_index("KPI").factor(2006, 2023))
    y0 = 100 * 0.0046 * 129_800 * f
    saved = y0 * (1 + 0.5 / 1.035)
    assert result.projection.avoided[0, :2, 0] == pytest.approx([y0, y0 / 2], rel=1e-12)
    assert result.npv_by_payer["region"] == pytest.approx(0.4227 * saved, rel=1e-12)
    cost = 100 * 4_000
    assert result.npv_by_payer["kommun"] == pytest.approx(0.5773 * saved - cost, rel=1e-12)
    assert result.npv == pytest.approx(saved - cost, rel=1e-12)
    assert len(result.unpriced_effects) == 3


def test_work_chain_by_age_by_hand() -> None:
    """Gymnasieexamen (shipped): a gross wage of 66 700 kr/år (2016 prices) from age 24.

    Intake at age 10, outcome 9 years later at 19: ages 24..29 fall in years 14..19 of a
    20-year horizon, six years. 10 participants, Δp = 0.1, no discounting:
    W = 10 * 0.1 * 6 * 66 700 * f. The individ gets W (1 - t), the state a W, the kommun
    t k W, the region t (1 - k) W; society (1 + a) W; the employer (övriga) nets 0.
    """
    effect = {"outcome": "gymnasieexamen", "change": 0.1, "years_after_intake": 9}
    effect["age_at_intake"] = 10
    intervention = _intervention(outcome_effects=[effect], cost_items=[], costs=[COST])
    settings = _settings(horizon=20)
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("KPI").factor(2016, 2023)
    wage = 10 * 0.1 * 6 * 66_700 * f
    a, t, k = (
        settings.employer_contribution_rate,
        settings.municipal_tax_rate,
        settings.kommun_tax_share,
    )
    by = result.npv_by_payer
    assert by["individ"] == pytest.approx(wage * (1 - t), rel=1e-12)
    assert by["stat"] == pytest.approx(a * wage, rel=1e-12)
    assert by["region"] == pytest.approx(t * (1 - k) * wage, rel=1e-12)
    assert by["kommun"] == pytest.approx(t * k * wage - 100_000, rel=1e-12)
    assert by.get("övriga", 0.0) == pytest.approx(0.0, abs=1e-6)
    assert result.npv_by_perspective["samhället"] == pytest.approx(
        (1 + a) * wage - 100_000, rel=1e-12
    )
    years = np.flatnonzero(result.projection.avoided[0, :, 0])
    assert years.tolist() == [14, 15, 16, 17, 18, 19]


@given(
    dp=st.floats(0.01, 1.0),
    use=st.integers(1, 300),
    lag=st.integers(0, 4),
    years=st.integers(1, 5),
    deadweight=st.floats(0.0, 0.9),
    intake=st.lists(st.integers(0, 50), min_size=1, max_size=3),
)
def test_an_outcome_equals_the_direct_effect(
    dp: float, use: int, lag: int, years: int, deadweight: float, intake: list[int]
) -> None:
    """An outcome whose profile equals a direct absolute effect gives the same numbers.

    Direct: change -use·Δp dygn/år from `lag` for `years`, baseline 365 dygn/år (never
    capped). Outcome: Δp, τ = lag, consequence -use dygn/år for `years` years.
    """
    intake = [max(intake[0], 1), *intake[1:]]
    group = {"name": "Barn", "intake": intake}
    baseline = [{"cost_item": "vard", "use": "365 dygn/år"}]
    direct = _intervention(
        target_group=group,
        baseline=baseline,
        effects=[
            {
                "cost_item": "vard",
                "kind": "absolute",
                "change": Quantity(-use * dp, "day/year"),
                "start_lag": lag,
                "duration_years": years,
                "deadweight": deadweight,
            }
        ],
    )
    row = {"key": "v", "cost_item": "vard", "change": f"{-use} dygn/år", "years": years}
    effect = {"outcome": "utfall", "change": dp, "years_after_intake": lag}
    via = _intervention(
        target_group=group,
        baseline=baseline,
        outcomes=[_outcome([row])],
        outcome_effects=[{**effect, "deadweight": deadweight}],
    )
    settings = _settings(horizon=12, rate=0.035)
    a, b = sk.evaluate(direct, settings), sk.evaluate(via, settings)
    np.testing.assert_allclose(b.projection.flows, a.projection.flows, rtol=1e-12, atol=1e-6)
    for payer, value in a.npv_by_payer.items():
        assert b.npv_by_payer[payer] == pytest.approx(value, rel=1e-12, abs=1e-6)


def _overlap(combine: str) -> sk.Result:
    baseline = [{"cost_item": "vard", "use": "365 dygn/år"}]
    effects = [{"cost_item": "vard", "kind": "absolute", "change": "-100 dygn/år"}]
    row = {"key": "v", "cost_item": "vard", "change": "-300 dygn/år", "years": 2}
    outcome = {"outcome": "utfall", "change": 0.5, "combine": combine}
    intervention = _intervention(
        baseline=baseline,
        effects=effects,
        outcomes=[_outcome([row])],
        outcome_effects=[outcome],
    )
    return sk.evaluate(intervention, _settings(horizon=4))


def test_overlap_warns_and_the_larger_saving_wins() -> None:
    """Direct: 100 dygn/år every year; outcome: 0.5 * 300 = 150 dygn/år in years 0-1.

    Per year the larger wins: 150, 150, 100, 100 dygn, times 10 participants and
    1 000 kr: 1.5, 1.5, 1.0, 1.0 mnkr (not 2.5 mnkr in years 0-1).
    """
    result = _overlap("max")
    assert result.projection.avoided[0, :, 0] == pytest.approx([1.5e6, 1.5e6, 1e6, 1e6])
    (warning,) = [w for w in result.plan.warnings if isinstance(w, OverlapWarning)]
    assert warning.field == "vard"
    assert warning.rule == "max"
    assert "outcome_effects[0]" in warning.text("en")
    assert "Varning" in warning.text()


def test_combine_add_adds() -> None:
    """With combine = "add": 100 + 150 = 250 dygn/år in years 0-1: 2.5 mnkr."""
    result = _overlap("add")
    assert result.projection.avoided[0, :, 0] == pytest.approx([2.5e6, 2.5e6, 1e6, 1e6])
    assert [w.rule for w in result.plan.warnings if isinstance(w, OverlapWarning)] == ["add"]


def test_two_outcomes_on_one_item_take_the_larger() -> None:
    """Two outcomes save 0.2 * 365 = 73 and 0.1 * 365 = 36.5 dygn: 73 counts."""
    row = {"key": "v", "cost_item": "vard", "change": "-365 dygn/år", "years": 1}
    outcomes = [_outcome([row], "a"), _outcome([row], "b")]
    effects = [{"outcome": "a", "change": 0.2}, {"outcome": "b", "change": 0.1}]
    intervention = _intervention(outcomes=outcomes, outcome_effects=effects)
    result = sk.evaluate(intervention, _settings(horizon=3))
    assert result.projection.avoided[0, 0, 0] == pytest.approx(10 * 73 * 1_000)
    assert any(isinstance(w, OverlapWarning) for w in result.plan.warnings)


def test_rate_with_a_profile_convolves() -> None:
    """0.1 events a year for 2 years, each followed by [1, 0.5] of -1 000 kr/år.

    Per participant: year 0: 0.1; year 1: 0.1 * 0.5 + 0.1 = 0.15; year 2: 0.05.
    10 participants: 1 000, 1 500, 500 kr saved.
    """
    row = {"key": "x", "amount": "-1 000 kr/år", "price_year": 2023, "profile": [1, 0.5]}
    effect = {"outcome": "utfall", "kind": "rate", "change": 0.1, "duration_years": 2}
    intervention = _intervention(outcomes=[_outcome([row])], outcome_effects=[effect])
    result = sk.evaluate(intervention, _settings(horizon=4))
    line = result.plan.item_keys.index("utfall-x")
    assert result.projection.avoided[line, :, 0] == pytest.approx([1000, 1500, 500, 0])
    assert result.npv_by_payer["kommun"] == pytest.approx(3000 - 100_000)


def test_transfer_row_cancels_for_society() -> None:
    """A transfer kommun -> individ of 12 000 kr/år less: kommun +, individ -, society 0."""
    row = {"key": "eb", "amount": "-12 000 kr/år", "price_year": 2023, "years": 1}
    row |= {"flow": "transfer", "payer": "kommun", "recipient": "individ"}
    effect = {"outcome": "utfall", "change": 0.5}
    intervention = _intervention(outcomes=[_outcome([row])], outcome_effects=[effect])
    result = sk.evaluate(intervention, _settings(horizon=2))
    assert result.npv_by_payer["kommun"] == pytest.approx(10 * 0.5 * 12_000 - 100_000)
    assert result.npv_by_payer["individ"] == pytest.approx(-60_000)
    assert result.npv_by_perspective["samhället"] == pytest.approx(-100_000)


def test_monte_carlo_over_the_change_of_probability() -> None:
    """NPV is linear in Δp: its mean over a uniform Δp in [0, 0.2] is that at 0.1."""
    row = {"key": "v", "cost_item": "vard", "change": "-365 dygn/år", "years": 1}
    intervention = _intervention(
        outcomes=[_outcome([row])], outcome_effects=[{"outcome": "utfall", "change": 0.1}]
    )
    settings = _settings(horizon=2)
    at_mean = sk.evaluate(intervention, settings).npv  # 10 * 0.1 * 365 000 - 100 000
    assert at_mean == pytest.approx(265_000)
    uncertain = {"outcome_effects[0].change": {"kind": "uniform", "low": 0.0, "high": 0.2}}
    simulated = sk.simulate(intervention, settings, uncertain, draws=4000, seed=1)
    npv = simulated.npv_draws if hasattr(simulated, "npv_draws") else None
    mean = simulated.mean("npv") if npv is None else float(np.mean(npv))
    assert mean == pytest.approx(at_mean, rel=0.05)
    assert 0.7 < simulated.prob_npv_positive < 0.9  # P(Δp > 100 000 / 3 650 000)


@pytest.mark.parametrize(
    ("fields", "field", "needle"),
    [
        ({"change": 1.5}, "change", "[-1, 1]"),
        ({"change": -2.0}, "change", "[-1, 1]"),
        ({"years_after_intake": -1}, "years_after_intake", ""),
        ({"kind": "probability", "duration_years": 2}, "", "duration_years"),
    ],
)
def test_outcome_effect_errors(fields: dict[str, Any], field: str, needle: str) -> None:
    with pytest.raises(ValidationError) as info:
        OutcomeEffect.model_validate({"outcome": "x", "change": 0.1, **fields})
    assert field in str(info.value)
    assert needle in str(info.value)


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ({"cost_item": "vard", "change": "-1 dygn/år"}, "exactly one profile"),
        ({"amount": "-1 kr", "years": 1}, "price_year"),
        ({"years": 1}, "either cost_item"),
        ({"cost_item": "vard", "years": 1}, "needs change"),
        ({"amount": "1 kr", "price_year": 2023, "flow": "work", "years": 1}, "wage per time"),
        ({"cost_item": "vard", "change": "-1 dygn/år", "ages": [30, 20]}, "ages must rise"),
    ],
)
def test_consequence_errors(row: dict[str, Any], needle: str) -> None:
    with pytest.raises(ValidationError, match=needle.replace("[", "\\[")):
        Consequence.model_validate({"key": "r", **row})


def _compile_error(row: dict[str, Any], effect: dict[str, Any], horizon: int = 5) -> InputError:
    intervention = _intervention(outcomes=[_outcome([row])], outcome_effects=[effect])
    with pytest.raises(InputError) as info:
        compile_plan(intervention, _settings(horizon=horizon))
    return info.value


def test_a_profile_longer_than_the_horizon_left() -> None:
    row = {"key": "v", "cost_item": "vard", "change": "-1 dygn/år", "profile": [1] * 4}
    error = _compile_error(row, {"outcome": "utfall", "change": 0.1, "years_after_intake": 2})
    assert error.field == "outcomes.utfall.consequences[0].profile"
    assert error.value == 4
    assert "at most 3 years" in str(error.expected)


def test_an_outcome_beyond_the_horizon() -> None:
    row = {"key": "v", "cost_item": "vard", "change": "-1 dygn/år", "years": 1}
    error = _compile_error(row, {"outcome": "utfall", "change": 0.1, "years_after_intake": 5})
    assert error.field == "outcome_effects[0].years_after_intake"
    assert error.value == 5


def test_unknown_cost_item_outcome_and_actor() -> None:
    row = {"key": "v", "cost_item": "vrad", "change": "-1 dygn/år", "years": 1}
    error = _compile_error(row, {"outcome": "utfall", "change": 0.1})
    assert error.field == "outcomes.utfall.consequences[0].cost_item"
    assert error.value == "vrad"
    row = {"key": "v", "cost_item": "vard", "change": "-1 dygn/år", "years": 1}
    error = _compile_error(row, {"outcome": "utfal", "change": 0.1})
    assert error.field == "outcome_effects[0].outcome"
    assert "utfall" in str(error)
    row = {"key": "v", "amount": "-1 kr", "price_year": 2023, "years": 1, "payer": "landsting"}
    error = _compile_error(row, {"outcome": "utfall", "change": 0.1})
    assert error.field == "outcomes.utfall.consequences[0].payer"
    assert error.value == "landsting"


def test_wrong_unit_and_missing_age() -> None:
    row = {"key": "v", "cost_item": "vard", "change": "-1 /år", "years": 1}
    error = _compile_error(row, {"outcome": "utfall", "change": 0.1})
    assert error.field == "outcomes.utfall.consequences[0].change"
    row = {"key": "v", "cost_item": "vard", "change": "-1 dygn/år", "ages": [20, 65]}
    error = _compile_error(row, {"outcome": "utfall", "change": 0.1})
    assert error.field == "outcome_effects[0].age_at_intake"


def test_a_catalogue_row_without_source_is_refused() -> None:
    row = {"key": "a", "amount": "-1 kr", "price_year": 2023, "years": 1, "confidence": "A"}
    row["horizon"] = "1 år"
    with pytest.raises(InputError) as info:
        outcomes_from_data({"outcome": [_outcome([row])]}, "mine.toml")
    assert info.value.field == "mine.toml: outcome[0].consequences[0].source"


def test_every_shipped_row_has_its_provenance() -> None:
    """Every row of data/consequences.toml: source, confidence, horizon; an amount its
    price year; and a price year the shipped KPI covers (it compiles)."""
    text = resources.files("sociokalkyl.data").joinpath("consequences.toml").read_text("utf-8")
    data = tomllib.loads(text)
    assert data["outcome"]
    for outcome in data["outcome"]:
        for row in outcome["consequences"]:
            assert row["source"]
            assert row["confidence"] in {"S", "S2", "D", "A"}
            assert row["horizon"]
            assert "amount" not in row or isinstance(row["price_year"], int)
    assert set(default_outcomes()) == {o["key"] for o in data["outcome"]}


def test_a_user_outcome_overrides_a_shipped_one() -> None:
    """A user's `placering_hvb_undviken` of 200 dygn replaces the shipped 365."""
    row = {"key": "hvb", "cost_item": "vard", "change": "-200 dygn/år", "years": 1}
    effect = {"outcome": "placering_hvb_undviken", "change": 0.5}
    intervention = _intervention(
        outcomes=[_outcome([row], "placering_hvb_undviken")], outcome_effects=[effect]
    )
    result = sk.evaluate(intervention, _settings(horizon=2))
    assert result.projection.avoided[0, 0, 0] == pytest.approx(10 * 0.5 * 200 * 1_000)


def test_an_intervention_needs_some_effect() -> None:
    with pytest.raises(ValidationError, match="outcome_effects"):
        _intervention()


def test_the_parameters_read_in_words() -> None:
    row = {"key": "v", "cost_item": "vard", "change": "-1 dygn/år", "years": 1}
    intervention = _intervention(
        outcomes=[_outcome([row])], outcome_effects=[{"outcome": "utfall", "change": 0.1}]
    )
    plan = compile_plan(intervention, _settings())
    assert plan.parameter_label("outcome_effects[0].change").startswith("Förändrad sannolikhet")
    assert "utfall.v" in plan.parameter_label("outcomes[utfall.v].change", "en")
    assert math.isclose(plan.parameters["outcome_effects[0].change"].value, 0.1)


def test_item_unchanged_by_catalogue_use() -> None:
    """A shipped chain naming a catalogue item adds it to the plan once."""
    effect = {"outcome": "placering_hvb_undviken", "change": 0.1}
    settings = Settings(base_year=2021, price_year=2021, horizon=5)  # OPI: no gap from 2018
    plan = compile_plan(_intervention(outcome_effects=[effect]), settings)
    assert plan.item_keys.count("hvb_extern_dygn_motala_2018") == 1
    assert isinstance(plan.cost_items[1], CostItem)


def test_skolfam_with_its_school_outcome_by_hand() -> None:
    """skolfam_utfall = skolfam + 5 pp more gymnasieexamen, 9 years after intake at 10,5.

    Age 10,5 + 9 + k reaches 24 at k = 5 (year t = 14) and stays below 65 to the horizon
    (year 49): 36 years of a gross wage 35 · 0,05 · 66 700 · f (f = KPI 2016 -> 2023).
    Society gains (1 + a) W for each, discounted at 3,5 %; the HVB part is skolfam's
    (all kommun resources, so its society NPV is its kommun NPV).
    """
    result = sk.evaluate(*examples.load("skolfam_utfall"))
    settings = examples.load("skolfam_utfall")[1]
    base = sk.evaluate(*examples.load("skolfam")).npv
    f = settings.price_index("KPI").factor(2016, 2023)
    a, t, k = (
        settings.employer_contribution_rate,
        settings.municipal_tax_rate,
        settings.kommun_tax_share,
    )
    wage = 35 * 0.05 * 66_700 * f
    pv = sum(wage / 1.035**year for year in range(14, 50))
    assert result.npv_by_perspective["samhället"] == pytest.approx(base + (1 + a) * pv, rel=1e-9)
    assert result.npv_by_payer["kommun"] == pytest.approx(base + t * k * pv, rel=1e-9)
    assert result.npv_by_payer["region"] == pytest.approx(t * (1 - k) * pv, rel=1e-9)
    assert result.npv_by_payer["stat"] == pytest.approx(a * pv, rel=1e-9)
    assert result.npv_by_payer["individ"] == pytest.approx((1 - t) * pv, rel=1e-9)
    assert len(result.unpriced_effects) == 4


def test_direct_effects_alone_never_warn() -> None:
    """Two direct effects on one item add as always: no overlap warning (Servicetrainee)."""
    plan = compile_plan(*examples.servicetrainee())
    assert not [w for w in plan.warnings if isinstance(w, OverlapWarning)]


def test_utokade_hembesok_by_hand() -> None:
    """Three cohorts of 50, 0,5 pp fewer placements 3 years after intake, two years each.

    One cohort-year: 50 · 0,005 · 365 dygn · 1 900 kr · f (OPI 2015 -> 2021) = 201 245 kr,
    in years 3-4 (cohort 0), 4-5, 5-6: 1, 2, 2, 1 cohort-years in years 3, 4, 5, 6.
    Costs 50 · 4 000 kr · KPI(2023 -> 2021) in years 0-2.
    """
    intervention, settings = examples.load("utokade_hembesok")
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("OPI").factor(2015, 2021)
    one = 50 * 0.005 * 365 * 1_900 * f
    expected = [0, 0, 0, one, 2 * one, 2 * one, one, 0]
    assert result.projection.avoided[0, :, 0] == pytest.approx(expected, rel=1e-12)
    cost = 50 * 4_000 * settings.price_index("KPI").factor(2023, 2021)
    pv = sum(v / 1.035**t for t, v in enumerate(expected))
    pv -= sum(cost / 1.035**t for t in range(3))
    assert result.npv_by_payer["kommun"] == pytest.approx(pv, rel=1e-12)
    assert "Ökad tillit mellan familjer och socialtjänst" in result.unpriced_effects


def test_the_evidence_haircut_shrinks_each_effect_by_its_mark() -> None:
    """Off by default; on, an "A" effect keeps 60 %, a "D" one 75 % (docs/outcomes.md).

    The rate change 0,0046 of Styrka hela livet is marked "A": its avoided costs fall to
    60 %; with own factors {A = 0.5} to 50 %. The log shows the haircut.
    """
    intervention, settings = examples.load("styrka_hela_livet")
    plain = sk.evaluate(intervention, settings)
    on = sk.evaluate(intervention, settings.model_copy(update={"evidence_haircut": "default"}))
    assert on.pv_avoided == pytest.approx(0.6 * plain.pv_avoided, rel=1e-12)
    assert on.pv_costs == plain.pv_costs
    rows = [r for r in on.assumptions() if r.variant == "evidence_haircut"]
    assert [(r.name, r.value) for r in rows] == [("outcome_effects[0].change", 0.4)]
    assert not [r for r in plain.assumptions() if r.variant == "evidence_haircut"]
    own = Settings.model_validate({**settings.model_dump(), "evidence_haircut": {"A": 0.5}})
    assert sk.evaluate(intervention, own).pv_avoided == pytest.approx(0.5 * plain.pv_avoided)
    with pytest.raises(ValidationError):
        Settings.model_validate({**settings.model_dump(), "evidence_haircut": {"A": 1.5}})


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_outcomes_load_from_every_scenario_format(fmt: str) -> None:
    """The same scenario in JSON and YAML gives the TOML's numbers and unpriced effects."""
    import json

    import yaml

    from sociokalkyl.scenario.read import parse_scenario

    data = tomllib.loads(examples.text("utokade_hembesok"))
    text = json.dumps(data) if fmt == "json" else yaml.safe_dump(data, allow_unicode=True)
    scenario = parse_scenario(text, fmt, file=f"hembesok.{fmt}")
    result = sk.evaluate(scenario.intervention, scenario.settings)
    toml = sk.evaluate(*examples.load("utokade_hembesok"))
    assert result.npv == toml.npv
    assert result.unpriced_effects == toml.unpriced_effects


def test_familjehuset_klippan_by_hand() -> None:
    """Three cohorts of 40 at 13, 3 pp more gymnasieexamen (attribution 25 %) at 19.

    A cohort entering in year c earns from age 24 (year c + 11) to the horizon (year 49):
    W = 40 · 0,03 · 0,75 · 66 700 · f a year (f = KPI 2016 -> 2023). Society gains
    (1 + a) W; the kommun pays 1,6 mnkr a year in years 0-2 and gets t k W in tax.
    """
    intervention, settings = examples.load("familjehuset_klippan")
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("KPI").factor(2016, 2023)
    a, t, k = (
        settings.employer_contribution_rate,
        settings.municipal_tax_rate,
        settings.kommun_tax_share,
    )
    wage = 40 * 0.03 * 0.75 * 66_700 * f
    pv = sum(wage / 1.035**year for c in range(3) for year in range(11 + c, 50))
    cost = sum(1_600_000 / 1.035**year for year in range(3))
    assert result.npv_by_perspective["samhället"] == pytest.approx((1 + a) * pv - cost)
    assert result.npv_by_payer["kommun"] == pytest.approx(t * k * pv - cost, rel=1e-9)
    assert result.npv_by_payer["individ"] == pytest.approx((1 - t) * pv, rel=1e-9)


def test_a_shipped_range_goes_to_monte_carlo() -> None:
    """Gymnasieexamen's order of magnitude: a triangle 33 350 - 66 700 - 133 400 kr/år.

    The society NPV is linear in the wage, so its mean over the draws is the NPV at the
    triangle's mean (33 350 + 66 700 + 133 400) / 3 = 77 816,7 kr/år.
    """
    from sociokalkyl.engine.outcome_log import outcome_ranges

    intervention, settings = examples.load("skolfam_utfall")
    ranges = outcome_ranges(intervention)
    name = "cost_items.gymnasieexamen-arbete.unit_cost"
    assert ranges == {
        name: {"kind": "triangular", "low": 33_350.0, "mode": 66_700.0, "high": 133_400.0}
    }
    base = sk.evaluate(*examples.load("skolfam")).npv
    point = sk.evaluate(intervention, settings).npv
    expected = base + (point - base) * (233_450 / 3) / 66_700
    simulated = sk.simulate(intervention, settings, ranges, draws=4000, seed=2)
    assert simulated.mean("npv") == pytest.approx(expected, rel=0.03)


def test_a_range_on_a_cost_item_row_keeps_its_sign() -> None:
    from sociokalkyl.engine.outcome_log import outcome_ranges

    row = {"key": "v", "cost_item": "vard", "change": "-365 dygn/år", "years": 1}
    row["range"] = [200, 365]
    intervention = _intervention(
        outcomes=[_outcome([row])], outcome_effects=[{"outcome": "utfall", "change": 0.1}]
    )
    assert outcome_ranges(intervention) == {
        "outcomes[utfall.v].change": {
            "kind": "triangular",
            "low": -365.0,
            "mode": -365.0,
            "high": -200.0,
        }
    }
    result = sk.simulate(intervention, _settings(), outcome_ranges(intervention), draws=64)
    assert result.mean("npv") < sk.evaluate(intervention, _settings()).npv
    with pytest.raises(ValidationError, match="range must hold"):
        Consequence.model_validate({**row, "range": [400, 500]})
