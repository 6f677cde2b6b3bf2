"""Frames and escaped HTML of perspectives, actors, transfers, follow-up, portfolio and fund."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.analysis.frames import RESULT_FRAMES
from sociokalkyl.engine import compile_plan
from sociokalkyl.followup import YearData, follow_up
from sociokalkyl.followup.display import FOLLOWUP_FRAME
from sociokalkyl.portfolio import evaluate_portfolio, simulate_portfolio
from sociokalkyl.portfolio.display import LEDGER_FRAME, PORTFOLIO_FRAME, SIMULATION_FRAME
from sociokalkyl.portfolio.fund import Fund, Investment, Repayment, ledger

pytest.importorskip("pandas")

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def three():
    """The servicetrainee with transfers and production (three perspectives differ)."""
    return evaluate(*examples.load("servicetrainee"))


@pytest.mark.parametrize("kind", ["perspectives", "actors", "transfers"])
def test_the_new_result_frames_have_their_documented_columns(three, kind):
    frame = three.to_frame(kind)
    assert frame.columns.tolist() == list(RESULT_FRAMES[kind])
    assert len(frame) > 0


def test_the_perspective_frame_holds_the_results_own_numbers(three):
    frame = three.to_frame("perspectives")
    assert frame["perspective"].tolist() == ["kommun", "offentlig_sektor", "samhället"]
    for row, (name, npv) in zip(frame.itertuples(), three.npv_by_perspective.items(), strict=True):
        assert row.perspective == name
        assert row.npv_sek == npv
    # the kommun's NPV is the headline NPV of this example
    assert frame["npv_sek"].iloc[0] == pytest.approx(three.npv, abs=1e-6)


def test_the_actor_and_transfer_frames_hold_the_results_own_numbers(three):
    actors = three.to_frame("actors")
    own = actors[~actors["rollup"]]
    assert dict(zip(own["actor"], own["npv_sek"], strict=True)) == {
        k: v for k, v in three.npv_by_payer.items() if k in set(own["actor"])
    }
    transfers = three.to_frame("transfers")
    # the long form sums to the matrix: matrix[from][to] = sum of pv over the lines
    matrix = three.transfer_matrix()
    sums = transfers.groupby(["from", "to"])["pv_sek"].sum()
    assert {(a, b): v for a, row in matrix.items() for b, v in row.items()} == pytest.approx(
        sums.to_dict()
    )


def test_the_result_html_adds_perspectives_only_beyond_resource_flows(three):
    assert "<caption>Perspektiv</caption>" in three._repr_html_()
    assert "Offentlig sektor" in three._repr_html_()
    resources_only = evaluate(*examples.skolfam())
    assert "Perspektiv" not in resources_only._repr_html_()


def test_a_follow_up_frame_and_html():
    plan = compile_plan(*examples.servicetrainee())
    f = follow_up(plan, [YearData(1, use={"ekonomiskt_bistand": 120.0})])
    frame = f.to_frame()
    assert frame.columns.tolist() == list(FOLLOWUP_FRAME)
    assert frame["observed"].tolist() == [False, True] + [False] * 8
    assert frame["outcome_net_sek"].tolist() == f.net_by_payer("outcome").sum(axis=0).tolist()
    assert frame["forecast_net_sek"].tolist() == f.net_by_payer("forecast").sum(axis=0).tolist()
    page = f._repr_html_()
    assert "Nettonuvärde enligt prognosen" in page
    assert "-3 839 870 kr" in page  # the forecast NPV, as evaluate gives it


def test_a_follow_up_escapes_the_name():
    inv, settings = examples.servicetrainee()
    plan = compile_plan(inv.model_copy(update={"name": SCRIPT}), settings)
    page = follow_up(plan, [])._repr_html_()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page


def test_a_portfolio_frame_sums_to_its_npv_and_escapes_names():
    plans = {n: compile_plan(*examples.load(n)) for n in ("servicetrainee", "skolfam")}
    plans[SCRIPT] = plans.pop("skolfam")
    r = evaluate_portfolio(plans)
    frame = r.to_frame()
    assert frame.columns.tolist() == list(PORTFOLIO_FRAME)
    assert frame["member"].tolist() == ["servicetrainee", SCRIPT]
    assert frame["npv_sek"].tolist() == list(r.npv_by_member.values())
    assert frame["npv_portfolio_sek"].sum() == pytest.approx(r.npv, rel=1e-12)
    page = r._repr_html_()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page


def test_a_ledger_frame_by_hand_and_escaped():
    # 10 in 2020, 4 granted in 2020, 3 repaid in 2021: balance 6, 9, 9
    rule = Repayment("schedule", schedule={2021: 3.0})
    fund = Fund("F", {2020: 10.0}, (Investment(SCRIPT, {2020: 4.0}, rule),))
    book = ledger(fund, {SCRIPT: {}}, 2020, 2022)
    frame = book.to_frame()
    assert frame.columns.tolist() == list(LEDGER_FRAME)
    assert frame.values.tolist() == [
        [2020, 10.0, 4.0, 0.0, 6.0],
        [2021, 0.0, 0.0, 3.0, 9.0],
        [2022, 0.0, 0.0, 0.0, 9.0],
    ]
    page = book._repr_html_()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page
    assert "9 kr" in page


def test_a_ledger_over_draws_shows_the_mean():
    # share rule, two draws saving 4 and 8 in 2021: half back, 2 and 4, mean 3
    rule = Repayment("share", share=0.5, payers=("kommun",))
    fund = Fund("F", {2020: 10.0}, (Investment("a", {2020: 6.0}, rule),))
    saved = np.array([[0.0, 0.0], [4.0, 8.0]])
    book = ledger(fund, {"a": {"kommun": (2020, saved)}}, 2020, 2021)
    frame = book.to_frame()
    assert frame["repaid_mean_sek"].tolist() == [0.0, 3.0]
    assert frame["balance_mean_sek"].tolist() == [4.0, 7.0]
    assert not math.isnan(frame["balance_mean_sek"].iloc[-1])


def test_a_portfolio_simulation_frame_holds_its_quantiles_and_escapes_names():
    plan = compile_plan(*examples.skolfam())
    u = {"effect_multiplier": {"kind": "uniform", "low": 0.5, "high": 1.5}}
    mc = simulate_portfolio({SCRIPT: plan}, [u], draws=200, seed=3)
    frame = mc.to_frame()
    assert frame.columns.tolist() == list(SIMULATION_FRAME)
    assert frame["series"].tolist()[:2] == ["portfolio", SCRIPT]
    quantiles = mc.quantiles((0.05, 0.5, 0.95))
    assert frame.iloc[0, 1:4].tolist() == quantiles["portfolio"]
    assert frame["prob_npv_positive"].iloc[0] == mc.prob_npv_positive
    page = mc._repr_html_()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page
    assert "200 dragningar" in page
