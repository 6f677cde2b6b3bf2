"""The fund's ledger: identities as properties, the three rules by hand, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociokalkyl import examples
from sociokalkyl.engine import compile_plan
from sociokalkyl.errors import InputError
from sociokalkyl.followup.inputs import validated
from sociokalkyl.portfolio import evaluate_portfolio, simulate_portfolio
from sociokalkyl.portfolio.books import fund_ledger, yearly_pairs
from sociokalkyl.portfolio.fund import Fund, Investment, Repayment, ledger
from sociokalkyl.portfolio.inputs import FundInput, PortfolioInput
from test_perspectives import resources_only_model

amounts = st.floats(0, 1e8, allow_nan=False, allow_infinity=False)
years = st.integers(2010, 2019)


@st.composite
def funds(draw):
    """A fund of 1-3 investments with any rule, and avoided costs for 1-3 draws."""
    draws = draw(st.integers(1, 3))
    investments, avoided = [], {}
    for n in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["share", "schedule", "budget_frame"]))
        rule = Repayment(
            kind,
            share=draw(st.floats(0, 1)),
            payers=() if kind == "schedule" else ("kommun",),
            schedule=draw(st.dictionaries(years, amounts, max_size=3)),
            cap=draw(st.booleans()),
        )
        name = f"m{n}"
        investments.append(
            Investment(name, draw(st.dictionaries(years, amounts, max_size=3)), rule)
        )
        flows = draw(st.lists(st.floats(-1e7, 1e7), min_size=10 * draws, max_size=10 * draws))
        avoided[name] = {"kommun": (draw(years), np.array(flows).reshape(10, draws))}
    capital = draw(st.dictionaries(years, amounts, max_size=3))
    return Fund("F", capital, tuple(investments)), avoided


@given(funds())
def test_granted_less_repaid_is_outstanding(case):
    fund, avoided = case
    book = ledger(fund, avoided, 2010, 2030)
    granted = np.cumsum(book.granted, axis=1)[:, :, None]
    repaid = np.cumsum(book.repaid, axis=1)
    assert np.allclose(granted - repaid, book.outstanding, rtol=1e-12, atol=1e-4)


@given(funds())
def test_balance_is_capital_plus_repaid_less_granted(case):
    fund, avoided = case
    book = ledger(fund, avoided, 2010, 2030)
    capital = sum(fund.capital.values())
    granted = sum(sum(i.granted.values()) for i in fund.investments)
    repaid = book.repaid.sum(axis=(0, 1))
    assert np.allclose(book.balance[-1], capital + repaid - granted, rtol=1e-12, atol=1e-3)
    assert (book.repaid >= -1e-6).all()  # a fund never pays an investment back


@given(funds())
def test_with_a_cap_nothing_is_repaid_beyond_the_grant(case):
    fund, avoided = case
    book = ledger(fund, avoided, 2010, 2030)
    for n, investment in enumerate(fund.investments):
        if investment.repayment.cap:
            assert (book.outstanding[n] >= -1e-6 * (1 + book.granted[n].sum())).all()


def test_a_share_rule_by_hand():
    # kommun saves 4, -2, 6, 6 in 2020-2023; 25 % comes back, negative years give nothing:
    # 1, 0, 1.5, 1.5, capped at the 3 granted: 1, 0, 1.5, 0.5.
    rule = Repayment("share", share=0.25, payers=("kommun",))
    fund = Fund("F", {2020: 10.0}, (Investment("a", {2020: 3.0}, rule),))
    saved = np.array([[4.0], [-2.0], [6.0], [6.0]])
    book = ledger(fund, {"a": {"kommun": (2020, saved)}}, 2020, 2023)
    assert book.repaid[0, :, 0].tolist() == [1.0, 0.0, 1.5, 0.5]
    assert book.balance[:, 0].tolist() == [8.0, 8.0, 9.5, 10.0]
    assert book.outstanding[0, -1, 0] == 0.0


def test_the_budget_frame_rule_takes_the_whole_saving_after_the_grant():
    # granted 5 in 2020; the frame is cut from 2021 by the whole saving (3, 3, 3): 3, 2.
    rule = Repayment("budget_frame", payers=("kommun",))
    fund = Fund("F", {2020: 5.0}, (Investment("a", {2020: 5.0}, rule),))
    saved = np.array([[3.0], [3.0], [3.0], [3.0]])
    book = ledger(fund, {"a": {"kommun": (2020, saved)}}, 2020, 2023)
    assert book.repaid[0, :, 0].tolist() == [0.0, 3.0, 2.0, 0.0]
    assert book.prob_empty_before(2021) == 1.0  # 0 kr left in 2020
    assert book.prob_empty_before(2020) == 0.0


def test_the_fund_over_draws_gives_a_probability_of_running_empty():
    # Servicetrainee as a budget model (resource flows only: the kommun's year-0 saving
    # is the avoided bistånd alone; in the bundled model the tax on the wages comes back
    # too and the fund never runs empty here)
    plans = {
        "servicetrainee": compile_plan(*resources_only_model()),
        "skolfam": compile_plan(*examples.load("skolfam")),
    }
    rule = Repayment("share", share=1.0, payers=("kommun",))
    # 11 mnkr in and 12 mnkr granted in 2012: 1 mnkr short, so the fund is empty in 2012
    # unless the year-0 savings, repaid in full, bring back more than 1 mnkr
    fund = Fund("F", {2012: 11e6}, (Investment("servicetrainee", {2012: 12e6}, rule),))
    u = {"cost_items.ekonomiskt_bistand.unit_cost": {"kind": "uniform", "low": 0, "high": 9000}}
    draws = 400
    mc = simulate_portfolio(plans, [u, None], draws=draws, seed=3, yearly=yearly_pairs(fund))
    book = fund_ledger(fund, mc)
    assert book.balance.shape == (len(range(2012, 2025)), draws)
    p = book.prob_empty_before(2013)
    # by hand: year-0 savings are 30 households x 10 months x unit cost u x 1,28485 (KPI
    # 2012 -> 2023; the year-0 effect is -100 %); at most 1 mnkr when
    # u <= 1e6 / (300 x 1,28485) = 2 594 kr, so P(empty) = 2 594 / 9 000 = 0,288 for u
    # uniform on [0, 9 000]; 400 draws: standard error sqrt(0,288 x 0,712 / 400) = 0,023
    expected = 1e6 / (300 * 1.28485) / 9000
    assert p == pytest.approx(expected, abs=3 * np.sqrt(expected * (1 - expected) / draws))
    assert p > 0.2  # not the 0 of a fund that can never run empty
    q = book.balance_quantiles((0.05, 0.95))
    assert (q[0] <= q[1]).all()
    deterministic = fund_ledger(fund, evaluate_portfolio(plans))
    assert deterministic.balance.shape[1] == 1


def _fund(**repayment):
    return {
        "capital": {2012: 1e6},
        "investments": [
            {"member": "st", "granted": {2012: 1e6}, "repayment": {"kind": "share", **repayment}}
        ],
    }


def test_a_repayment_share_above_100_percent_is_an_error():
    with pytest.raises(InputError) as caught:
        validated(FundInput, _fund(share=1.2, payers=["kommun"]), "fund")
    assert caught.value.field == "fund.investments[0].repayment.share"
    assert caught.value.value == 1.2
    assert "100 %" in str(caught.value) or "at most 1" in str(caught.value)


@pytest.mark.parametrize(
    ("payers", "field", "words"),
    [
        (["kommun/socialnämnd"], "fund.investments[0].repayment.payers[0]", "not a payer"),
        (["kommnu"], "fund.investments[0].repayment.payers[0]", "did you mean 'kommun'"),
        ([], "fund.investments[0].repayment.payers", "is needed"),
    ],
)
def test_a_rule_naming_a_payer_that_does_not_exist_is_an_error(payers, field, words):
    plans = {"st": compile_plan(*examples.skolfam())}  # no nämnder: resources of the kommun
    with pytest.raises(InputError) as caught:
        FundInput.model_validate(_fund(share=0.5, payers=payers)).to_fund(plans)
    assert caught.value.field == field
    assert words in str(caught.value)


def test_an_investment_in_an_unknown_member_is_an_error():
    plans = {"servicetrainee": compile_plan(*examples.servicetrainee())}
    with pytest.raises(InputError, match="not a member of the portfolio"):
        FundInput.model_validate(_fund(share=0.5, payers=["kommun"])).to_fund(plans)


def test_a_portfolio_needs_a_member():
    with pytest.raises(InputError) as caught:
        validated(PortfolioInput, {"members": []})
    assert caught.value.field == "members"


NAMNDER = "src/sociokalkyl/examples/servicetrainee.toml"


def _namnd_plans():
    from sociokalkyl.scenario.read import load_scenario

    scenario = load_scenario(NAMNDER)
    return {"st": compile_plan(scenario.intervention, scenario.settings)}


def test_a_rule_reads_a_named_namnd_and_the_kommun_rolls_its_namnder_up():
    plans = _namnd_plans()
    plan = plans["st"]
    assert "kommun/socialnämnd" in plan.payers
    result = evaluate_portfolio(plans)
    avoided = result.results[0].projection.avoided_by_payer[:, :, 0]  # (A, T), transfers in
    # by hand: the nämnd's own column; the kommun's is its own plus every kommun/* column
    namnd = avoided[plan.payers.index("kommun/socialnämnd")]
    kommun = sum(avoided[j] for j, a in enumerate(plan.payers) if a.split("/")[0] == "kommun")
    assert namnd.sum() > 0  # the socialnämnd saves the bistånd it no longer pays out
    for payers, expected in ((("kommun/socialnämnd",), namnd), (("kommun",), kommun)):
        rule = Repayment("share", share=1.0, payers=payers, cap=False)
        fund = Fund("F", {2012: 1e9}, (Investment("st", {2012: 1.0}, rule),))
        book = fund_ledger(fund, result)
        repaid = book.repaid[0, : plan.horizon, 0]
        assert repaid == pytest.approx(np.maximum(expected, 0.0), rel=1e-12, abs=1e-6)
        # the same over draws (no uncertainty: every draw is the forecast)
        mc = simulate_portfolio(plans, [None], draws=3, seed=1, yearly=yearly_pairs(fund))
        over_draws = fund_ledger(fund, mc).repaid[0, : plan.horizon]
        # the simulated NPV counts transfers, work and taxes as evaluate does (samhället)
        assert mc.npv_by_member[0] == pytest.approx(result.results[0].npv, rel=1e-12)
        assert mc.npv_by_payer["kommun/socialnämnd"] == pytest.approx(
            result.results[0].npv_by_payer["kommun/socialnämnd"], rel=1e-12
        )
        assert over_draws == pytest.approx(np.repeat(repaid[:, None], 3, axis=1), rel=1e-9)


def test_a_rule_naming_a_namnd_that_does_not_exist_says_did_you_mean():
    plans = _namnd_plans()
    fund = _fund(share=0.5, payers=["kommun/socialnamnd"])
    with pytest.raises(InputError) as caught:
        FundInput.model_validate(fund).to_fund(plans)
    assert caught.value.field == "fund.investments[0].repayment.payers[0]"
    assert "did you mean 'kommun/socialnämnd'" in str(caught.value)
