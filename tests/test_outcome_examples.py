"""The four seed interventions added as outcome examples (issue 11, part 7), by hand.

Angered, El Sistema, Läs på recept and Förenade i rörelse: each loads, validates, runs
through ``sociokalkyl run`` and gives, per actor, the chain worked by hand below
(probability × profile, discounted from the year the outcome occurs), independent of
the engine. The conventions are in ``docs/outcomes.md``: work of gross wage ``W`` gives
the individ ``(1 - t) W``, the state ``a W``, the kommun ``t k W``, the region
``t (1 - k) W`` and society the production ``(1 + a) W``. Also the two catalogue rows
these examples brought (``varaktigt_utanforskap_undviket``, ``i_arbete``).
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import pytest

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.analysis.result import Result
from sociokalkyl.catalogue.outcomes import default_outcomes
from sociokalkyl.cli.main import main
from sociokalkyl.engine.outcome_log import outcome_ranges
from sociokalkyl.model import Intervention, Settings
from sociokalkyl.scenario import load_scenario

NEW = ("angered", "el_sistema", "las_pa_recept", "forenade_i_rorelse")
R = 1.035  # 1 + the real discount rate of every example


def _path(name: str) -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / f"{name}.toml"))


def _rates(settings: Settings) -> tuple[float, float, float]:
    """(a, t, k): employer contributions, municipal tax, the kommun's share of it."""
    return (
        settings.employer_contribution_rate,
        settings.municipal_tax_rate,
        settings.kommun_tax_share,
    )


def _pv(values: dict[int, float]) -> float:
    """Σ v_t / 1,035^t over the years given."""
    return sum(v / R**t for t, v in values.items())


def _check_work(result: Result, settings: Settings, pv: float, costs: dict[str, float]) -> None:
    """Per actor: the wage's split of the docs, less each actor's own costs (PV)."""
    a, t, k = _rates(settings)
    by = result.npv_by_payer
    assert by["individ"] == pytest.approx((1 - t) * pv, rel=1e-9)
    assert by["stat"] == pytest.approx(a * pv, rel=1e-9)
    assert by["kommun"] == pytest.approx(t * k * pv - costs.get("kommun", 0.0), rel=1e-9)
    assert by["region"] == pytest.approx(t * (1 - k) * pv - costs.get("region", 0.0), rel=1e-9)
    assert by.get("övriga", 0.0) == pytest.approx(0.0, abs=1e-6)
    society = (1 + a) * pv - sum(costs.values())
    assert result.npv_by_perspective["samhället"] == pytest.approx(society, rel=1e-9)
    assert result.npv == pytest.approx(society, rel=1e-9)


@pytest.mark.parametrize("name", NEW)
def test_the_example_loads_validates_and_runs_on_the_command_line(name: str) -> None:
    assert name in examples.NAMES
    assert examples.DESCRIPTIONS[name]
    scenario = load_scenario(_path(name))
    assert scenario.intervention == examples.load(name)[0]
    for command in (["validate", _path(name)], ["run", _path(name)]):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main([str(a) for a in command])
        assert code == 0, err.getvalue()
        assert not err.getvalue()
    assert scenario.intervention.name in out.getvalue()
    assert "Nettonuvärde" in out.getvalue()


@pytest.mark.parametrize("name", NEW)
def test_every_number_says_where_it_comes_from(name: str) -> None:
    """Every cost and outcome effect is an assumption ("A") that says so; unpriced listed."""
    intervention = examples.load(name)[0]
    text = examples.text(name)
    assert "INGA siffror" in text  # the file says the seed text gave no numbers
    assert "antagande" in (intervention.target_group.source or "").lower()
    for part in (*intervention.costs, *intervention.outcome_effects):
        assert part.confidence == "A", (name, part)
        assert "antagande" in (part.source or "").lower(), (name, part)
    assert len(intervention.unpriced_effects) >= 3
    outcomes = default_outcomes()
    for effect in intervention.outcome_effects:
        for row in outcomes[effect.outcome].consequences:
            for field in (row.source, row.confidence, row.horizon):
                assert field, (effect.outcome, row.key)


def test_angered_by_hand() -> None:
    """Three cohorts of 60 at 20, 2 pp fewer in lasting utanförskap two years later.

    The catalogue's row: a gross wage W = 211 366 kr/år (2010 prices; 12,5 mnkr / 45 /
    1,3142) between ages 20 and 65. Cohort c's outcome is in year c + 2 at age 22, and
    the wage runs to age 64 (year c + 44) or the horizon's last year 44: years c + 2 to
    44. Per year 60 · 0,02 · W · f (f = KPI 2010 -> 2023) = 1,2 W f. Costs: region
    1,6 mnkr and kommun 0,8 mnkr a year in years 0-2.
    """
    intervention, settings = examples.load("angered")
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("KPI").factor(2010, 2023)
    wage = 60 * 0.02 * 211_366 * f
    per_year: dict[int, float] = {}
    for c in range(3):
        for year in range(c + 2, 45):
            per_year[year] = per_year.get(year, 0.0) + wage
    assert per_year[2] == pytest.approx(wage)
    assert per_year[4] == pytest.approx(3 * wage)
    cost = {
        "region": _pv(dict.fromkeys(range(3), 1_600_000.0)),
        "kommun": _pv(dict.fromkeys(range(3), 800_000.0)),
    }
    _check_work(result, settings, _pv(per_year), cost)
    # the line itself: the (negative) avoided cost of more work, year 2 = one cohort
    assert -result.projection.avoided[0, 2, 0] == pytest.approx(wage, rel=1e-12)


def test_el_sistema_by_hand() -> None:
    """Three cohorts of 50 at 6, 1 pp fewer in lasting utanförskap at 20 (14 years on).

    Cohort c earns from year c + 14 (age 20) to the horizon's last year 49 (age 55 - c
    < 65): 50 · 0,01 · 211 366 kr · f a year (f = KPI 2010 -> 2023). The kommun pays
    13 000 kr per pupil and year for three years: 50 · 13 000 = 650 000 kr for cohort c
    in years c, c + 1, c + 2, so 650 000, 1 300 000, 1 950 000, 1 300 000, 650 000 kr in
    years 0-4.
    """
    intervention, settings = examples.load("el_sistema")
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("KPI").factor(2010, 2023)
    wage = 50 * 0.01 * 211_366 * f
    per_year = {y: wage * sum(1 for c in range(3) if y >= c + 14) for y in range(14, 50)}
    costs = {y: 650_000.0 * n for y, n in enumerate([1, 2, 3, 2, 1])}
    _check_work(result, settings, _pv(per_year), {"kommun": _pv(costs)})
    assert "Stolthet hos både barn och föräldrar (källan)" in result.unpriced_effects


def test_las_pa_recept_by_hand() -> None:
    """Two cohorts of 60 at 4, 1 pp more gymnasieexamen at 19 (15 years on).

    The catalogue's gymnasieexamen: a gross wage of 66 700 kr/år (2016 prices) from age
    24, i.e. 5 years after the outcome: cohort c earns in years c + 20 to 49 (age 53 -
    c): 60 · 0,01 · 66 700 · f a year (f = KPI 2016 -> 2023). The region pays 1 200 +
    800 = 2 000 kr per child in the intake year: 120 000 kr in years 0 and 1.
    """
    intervention, settings = examples.load("las_pa_recept")
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("KPI").factor(2016, 2023)
    wage = 60 * 0.01 * 66_700 * f
    per_year = {y: wage * sum(1 for c in range(2) if y >= c + 20) for y in range(20, 50)}
    cost = _pv({0: 120_000.0, 1: 120_000.0})
    _check_work(result, settings, _pv(per_year), {"region": cost})
    assert result.npv_by_payer["region"] < 0 < result.npv_by_payer["stat"]


def test_forenade_i_rorelse_by_hand() -> None:
    """45 pupils at 9, half a percentage point more gymnasieexamen at 19 (10 years on).

    Earnings from age 24 (year 15) to year 49 (age 58): 45 · 0,005 · 66 700 · f a year
    (f = KPI 2016 -> 2023). Costs in year 0: 300 000 kr for the two kommuner and
    100 000 kr for Gävleborgs Idrottsförbund (a declared actor).
    """
    intervention, settings = examples.load("forenade_i_rorelse")
    result = sk.evaluate(intervention, settings)
    f = settings.price_index("KPI").factor(2016, 2023)
    wage = 45 * 0.005 * 66_700 * f
    pv = _pv(dict.fromkeys(range(15, 50), wage))
    costs = {"kommun": 300_000.0, "Gävleborgs Idrottsförbund": 100_000.0}
    _check_work(result, settings, pv, costs)
    assert result.npv_by_payer["Gävleborgs Idrottsförbund"] == pytest.approx(-100_000.0)
    # with these assumptions the effect must be 1,29 times the assumed to break even
    a = settings.employer_contribution_rate
    assert result.break_even_effect == pytest.approx(400_000 / ((1 + a) * pv), rel=1e-6)


def test_lasting_utanforskap_ships_its_range() -> None:
    """10-15 mnkr a person: W = 10e6 / 45 / 1,3142 = 169 093 to 15e6 / 45 / 1,3142 = 253 640.

    The point is the middle, 12,5 mnkr: 12 500 000 / 45 / 1,3142 = 211 366 kr/år; the
    range goes to Monte Carlo as a triangle with its mode at the point.
    """
    row = default_outcomes()["varaktigt_utanforskap_undviket"].consequences[0]
    assert row.amount is not None
    assert row.amount.magnitude == round(12_500_000 / 45 / 1.3142)
    assert row.range == (round(10e6 / 45 / 1.3142), round(15e6 / 45 / 1.3142))
    assert row.ages == (20, 65)
    assert row.flow == "work"
    ranges = outcome_ranges(examples.load("angered")[0])
    assert ranges == {
        "cost_items.varaktigt_utanforskap_undviket-arbete.unit_cost": {
            "kind": "triangular",
            "low": 169_093.0,
            "mode": 211_366.0,
            "high": 253_640.0,
        }
    }


def test_i_arbete_by_hand() -> None:
    """10 participants, Δp = 0,5: five more in work in year 0, none after, no discounting.

    Bistånd saved: 5 · 67 020 kr · f₁ (KPI 2022 -> 2023), a transfer: the kommun gains
    it, the individ loses it, society nets 0. Work: W = 5 · 237 408 kr · f₂ (KPI 2012 ->
    2023): the individ gets (1 - t) W, the kommun t k W, the region t (1 - k) W, the
    state a W; society the production (1 + a) W.
    """
    data = {
        "name": "I arbete",
        "target_group": {"name": "Hushåll med bistånd", "intake": [10]},
        "costs": [{"name": "Coach", "kind": "one_off", "amount": "100 000 kr"}],
        "outcome_effects": [{"outcome": "i_arbete", "change": 0.5}],
    }
    settings = Settings(base_year=2023, price_year=2023, horizon=3, discount_rate=0.0)
    result = sk.evaluate(Intervention.model_validate(data), settings)
    kpi = settings.price_index("KPI")
    b = 5 * 67_020 * kpi.factor(2022, 2023)
    w = 5 * 237_408 * kpi.factor(2012, 2023)
    a, t, k = _rates(settings)
    by = result.npv_by_payer
    assert by["kommun"] == pytest.approx(b + t * k * w - 100_000, rel=1e-12)
    assert by["individ"] == pytest.approx((1 - t) * w - b, rel=1e-12)
    assert by["region"] == pytest.approx(t * (1 - k) * w, rel=1e-12)
    assert by["stat"] == pytest.approx(a * w, rel=1e-12)
    assert result.npv_by_perspective["samhället"] == pytest.approx((1 + a) * w - 100_000, rel=1e-12)
