"""Portfolio: one intervention is itself; shared inputs are one draw across members."""

from __future__ import annotations

import numpy as np
import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.engine import compile_plan
from sociokalkyl.errors import InputError
from sociokalkyl.examples.uncertain import uncertainty as load_uncertainty
from sociokalkyl.portfolio import Portfolio, evaluate_portfolio, simulate_portfolio
from sociokalkyl.uncertainty import simulate

NAMES = ("servicetrainee", "skolfam", "seniorer_ostersund")


@pytest.mark.parametrize("name", NAMES)
def test_a_portfolio_of_one_is_the_intervention(name):
    intervention, settings = examples.load(name)
    uncertainty = load_uncertainty(name)
    result = evaluate(intervention, settings)
    plan = compile_plan(intervention, settings)
    portfolio = evaluate_portfolio({name: plan})
    assert portfolio.npv == result.npv
    assert portfolio.npv_by_payer["kommun"] == result.npv_by_payer["kommun"]
    mc = simulate(intervention, settings, uncertainty, draws=9000, seed=7)
    pmc = simulate_portfolio({name: plan}, [uncertainty], draws=9000, seed=7)
    assert np.array_equal(pmc.npv, mc.npv)
    assert np.array_equal(pmc.npv_by_member[0], mc.npv)
    assert np.array_equal(pmc.npv_by_payer["kommun"], mc.npv_by_payer["kommun"])


def test_the_first_member_draws_what_simulate_draws_in_a_larger_portfolio():
    plans = {n: compile_plan(*examples.load(n)) for n in NAMES}
    specs = [load_uncertainty(n) for n in NAMES]
    pmc = simulate_portfolio(plans, specs, draws=3000, seed=2)
    alone = simulate(*examples.load(NAMES[0]), specs[0], draws=3000, seed=2)
    assert np.array_equal(pmc.npv_by_member[0], alone.npv)
    # the others draw their own effects: not the draws of their own simulate(seed=2)
    other = simulate(*examples.load(NAMES[2]), specs[2], draws=3000, seed=2)
    assert not np.array_equal(pmc.npv_by_member[2], other.npv)


def test_totals_are_the_discounted_sum_of_the_members():
    # Servicetrainee starts in 2012, Skolfam in 2015 and the seniors in 2018, all at 3.5 %:
    # in the portfolio base year 2012 Skolfam counts 1.035**-3 and the seniors 1.035**-6.
    plans = {n: compile_plan(*examples.load(n)) for n in NAMES}
    r = evaluate_portfolio(plans)
    npv = {n: evaluate(*examples.load(n)).npv for n in NAMES}
    by_hand = npv[NAMES[0]] + npv[NAMES[1]] / 1.035**3 + npv[NAMES[2]] / 1.035**6
    assert r.npv == pytest.approx(by_hand, rel=1e-12)
    assert r.npv_by_member == pytest.approx(npv)
    # every actor's NPV sums to society's; the headline is the kommun's for Servicetrainee
    society = [evaluate(*examples.load(n)).npv_by_perspective["samhället"] for n in NAMES]
    by_hand = society[0] + society[1] / 1.035**3 + society[2] / 1.035**6
    assert sum(r.npv_by_payer.values()) == pytest.approx(by_hand, rel=1e-12)
    assert r.portfolio.years == tuple(range(2012, 2026))
    kommun = r.yearly_net_by_payer()["kommun"]
    first, second = (result.projection.net_by_payer[0, :, 0] for result in r.results[:2])
    assert kommun[3] == pytest.approx(first[3] + second[0])  # 2015: year 3 and year 0


def test_a_shared_unit_cost_is_the_same_draw_in_every_member():
    # Two copies of Servicetrainee under different names: the unit cost (shared) is one
    # draw, the effect (own) two independent draws.
    plan = compile_plan(*examples.servicetrainee())
    u = {
        "cost_items.ekonomiskt_bistand.unit_cost": {"kind": "uniform", "low": 6000, "high": 8000},
    }
    same = simulate_portfolio({"a": plan, "b": plan}, [u, None], draws=500, seed=1)
    assert np.array_equal(same.npv_by_member[0], same.npv_by_member[1])
    own = {"effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4}}
    apart = simulate_portfolio({"a": plan, "b": plan}, [own, own], draws=500, seed=1)
    assert not np.array_equal(apart.npv_by_member[0], apart.npv_by_member[1])
    rho = np.corrcoef(apart.npv_by_member)[0, 1]
    assert abs(rho) < 0.2


def test_a_shared_input_with_two_distributions_is_an_error():
    plan = compile_plan(*examples.servicetrainee())
    a = {"settings.discount_rate": {"kind": "uniform", "low": 0.01, "high": 0.05}}
    b = {"settings.discount_rate": {"kind": "uniform", "low": 0.02, "high": 0.05}}
    with pytest.raises(InputError) as caught:
        simulate_portfolio({"a": plan, "b": plan}, [a, b], draws=10, seed=1)
    assert caught.value.field == "b.uncertainty.settings.discount_rate"


def test_a_shared_discount_rate_moves_every_member_and_the_shift():
    plans = {n: compile_plan(*examples.load(n)) for n in NAMES[:2]}
    u = {"settings.discount_rate": {"kind": "uniform", "low": 0.0, "high": 0.06}}
    mc = simulate_portfolio(plans, [u, None], draws=200, seed=4)
    # by hand for draw 0: the member NPVs and the shift 1/(1+r)^3 for Skolfam
    rate = simulate(*examples.servicetrainee(), u, draws=200, seed=4)
    assert np.array_equal(mc.npv_by_member[0], rate.npv)
    total = mc.npv_by_member[0] + mc.npv_by_member[1] * _rates(200, 4) ** -3
    assert mc.npv == pytest.approx(total, rel=1e-12)


def _rates(draws, seed):
    from sociokalkyl.uncertainty.spec import sample_parameters

    u = {"settings.discount_rate": {"kind": "uniform", "low": 0.0, "high": 0.06}}
    return 1.0 + sample_parameters(u, draws, seed)["settings.discount_rate"]


def test_a_portfolio_needs_unique_names():
    plan = compile_plan(*examples.servicetrainee())
    with pytest.raises(InputError, match="given twice"):
        Portfolio(("a", "a"), (plan, plan))


def test_one_uncertainty_a_member():
    plan = compile_plan(*examples.servicetrainee())
    with pytest.raises(InputError, match="one entry a member"):
        simulate_portfolio({"a": plan, "b": plan}, [None], draws=10, seed=1)


def test_a_portfolio_keeps_every_draw_so_it_has_a_limit():
    plan = compile_plan(*examples.servicetrainee())
    with pytest.raises(InputError) as caught:
        simulate_portfolio({"a": plan}, [None], draws=2_000_001, seed=1)
    assert caught.value.field == "draws"


def test_the_portfolio_npv_per_perspective_is_the_members_discounted_to_the_base_year():
    from sociokalkyl.scenario.read import load_scenario

    scenario = load_scenario("src/sociokalkyl/examples/servicetrainee.toml")
    plans = {
        "st": compile_plan(scenario.intervention, scenario.settings),
        "skolfam": compile_plan(*examples.skolfam()),
    }
    result = evaluate_portfolio(plans)
    st, skolfam = (r.npv_by_perspective for r in result.results)
    # by hand: Skolfam starts in 2015, three years after 2012: 1.035^-3 (its own 3.5 %)
    shift = plans["skolfam"].base_year - plans["st"].base_year
    factor = 1.035**-shift
    for name in ("kommun", "offentlig_sektor", "samhället"):
        expected = st[name] + factor * skolfam[name]
        assert result.npv_by_perspective[name] == pytest.approx(expected, rel=1e-12)
    assert st["samhället"] != st["kommun"]  # the perspectives differ: taxes and bistånd
    # per actor: the kommun rolls its nämnder up; a nämnd is its own
    own = result.npv_by_payer
    nested = [a for a in plans["st"].payers if a.startswith("kommun/")]
    assert nested
    by_hand = own["kommun"] + sum(own[a] for a in nested)
    assert result.npv_by_actor["kommun"] == pytest.approx(by_hand, rel=1e-9)
    for actor in nested:
        assert result.npv_by_actor[actor] == pytest.approx(own[actor], rel=1e-12)


def test_the_tax_rates_are_shared_across_members():
    # one kommunalskatt and one employer contribution rate for every intervention of a kommun
    from sociokalkyl.portfolio import is_shared

    for name in (
        "settings.municipal_tax_rate",
        "settings.kommun_tax_share",
        "settings.employer_contribution_rate",
    ):
        assert is_shared(name)
