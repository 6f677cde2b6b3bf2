"""DataFrames, rich display and plots (issue 14, parts 1-3).

Every ``to_frame()`` has the columns ``docs/display.md`` lists and the numbers of the list
methods; the HTML shows the NPV in Swedish format and escapes what a user wrote; every plot
runs headless (Agg) on the bundled examples with labels in the asked language, the payback
marker at the computed payback, and the draws that never pay back shown, not dropped.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import sociokalkyl as sk
from sociokalkyl import examples, simulate
from sociokalkyl.analysis.compare import compare_scenarios
from sociokalkyl.analysis.frames import RESULT_FRAMES
from sociokalkyl.errors import InputError
from sociokalkyl.examples.uncertain import skolfam_uncertainty
from sociokalkyl.uncertainty import SimulationResult
from sociokalkyl.uncertainty.sensitivity import Tornado, tornado

SCRIPT = "<script>alert(1)</script>"
# the seniors in Östersund pay back (3.0 years); Servicetrainee and Skolfam do not
SENIORS_SPREAD = {"effect_multiplier": {"kind": "uniform", "low": 0.6, "high": 1.4}}


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seniors() -> sk.Result:
    return sk.evaluate(*examples.seniorer_ostersund())


@pytest.fixture(scope="module")
def mc() -> SimulationResult:
    """Some draws pay back, some do not: both kinds must show."""
    return simulate(*examples.seniorer_ostersund(), SENIORS_SPREAD, draws=2000, seed=2)


@pytest.fixture(scope="module")
def skolfam_tornado() -> Tornado:
    return tornado(*examples.skolfam(), skolfam_uncertainty())


# --- DataFrames -------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(RESULT_FRAMES))
def test_result_frames_have_the_documented_columns(seniors: sk.Result, kind: str) -> None:
    frame = seniors.to_frame(kind)
    assert tuple(frame.columns) == RESULT_FRAMES[kind]
    assert list(frame.index) == list(range(len(frame)))  # tidy: a plain RangeIndex
    listed = {
        "years": seniors.table(),
        "payers": seniors.by_payer(),
        "cost_items": seniors.by_cost_item(),
        "years_by_payer": seniors.yearly_by_payer(),
        "assumptions": seniors.assumptions(),
        "perspectives": seniors.perspectives(),
        "actors": seniors.by_actor(),
        "transfers": seniors.transfers(),
        "outcomes": seniors.by_outcome(),
        "unpriced": seniors.unpriced_effects,
    }[kind]
    assert len(frame) == len(listed)


def test_result_frames_hold_the_numbers_of_the_list_methods(seniors: sk.Result) -> None:
    years = seniors.to_frame("years")
    table = seniors.table()
    np.testing.assert_array_equal(years["net_sek"], [r["net"] for r in table])
    np.testing.assert_array_equal(years["calendar_year"], [r["calendar_year"] for r in table])
    # the last cumulative discounted net is the NPV: sum_t v_t f_t
    assert years["cumulative_discounted_net_sek"].iloc[-1] == pytest.approx(seniors.npv)
    payers = seniors.to_frame("payers")
    row = seniors.by_payer()[0]
    assert payers.loc[0, "npv_sek"] == row["npv"]
    assert payers.loc[0, "payback_years"] == row["payback"] == seniors.payback
    items = seniors.to_frame("cost_items")
    assert list(items["pv_avoided_sek"]) == [r["pv_avoided"] for r in seniors.by_cost_item()]
    by_year = seniors.to_frame("years_by_payer")
    assert by_year["net_sek"].sum() == pytest.approx(years["net_sek"].sum())
    log = seniors.to_frame("assumptions")
    assert list(log["value"]) == [a.value for a in seniors.assumptions()]
    assert list(log["weak"]) == [a.weak for a in seniors.assumptions()]


def test_an_unknown_frame_kind_is_a_clear_error(seniors: sk.Result) -> None:
    with pytest.raises(InputError, match="kind"):
        seniors.to_frame("payer")  # suggests "payers"


def test_simulation_frames(mc: SimulationResult) -> None:
    summary = mc.to_frame()
    assert list(summary.columns[:7]) == [
        "metric", "payer", "cost_item", "unit", "mean", "mean_over", "std"]  # fmt: skip
    assert len(summary) == len(mc.records())
    payback = summary[(summary["metric"] == "payback") & summary["payer"].isna()].iloc[0]
    assert (payback["unit"], payback["mean_over"]) == ("years", "paying_draws")
    assert summary.loc[summary["metric"] == "npv", "mean_over"].tolist()[0] == "all_draws"
    draws = mc.to_frame("draws")
    assert len(draws) == mc.kept
    np.testing.assert_array_equal(draws["npv_sek"], mc.npv)
    np.testing.assert_array_equal(draws["payback_years:kommun"], mc.payback_by_payer["kommun"])
    assert draws["pays_back_within_horizon"].mean() == pytest.approx(
        mc.prob_payback_within(mc.plan.horizon)
    )
    curve = mc.to_frame("payback_curve")
    total = curve[curve["payer"].isna() & ~curve["discounted"]]
    assert list(total["prob_payback_within"]) == mc.payback_curve()
    assert list(total["k_years"]) == list(range(mc.plan.horizon + 1))
    stats = mc.to_frame("payback")
    assert list(stats.columns) == [
        "metric", "payer", "draws", "share_paying_back", "share_never", "median_years",
        "low_years", "high_years", "low_level", "high_level", "mean_years_paying_only",
    ]  # fmt: skip
    assert len(stats) == 2 * (1 + len(mc.payers))


def test_tornado_and_scenario_frames(skolfam_tornado: Tornado) -> None:
    frame = skolfam_tornado.to_frame("en")
    assert list(frame.columns) == [
        "parameter", "label", "unit", "base_value", "low_value", "high_value",
        "npv_low_sek", "npv_high_sek", "swing_sek",
    ]  # fmt: skip
    assert list(frame["swing_sek"]) == [r.swing for r in skolfam_tornado.rows]
    assert "." not in frame["label"].iloc[0]  # words, never cost_items.x.unit_cost
    assert "Multiple of every effect (1 = as given)" in str(skolfam_tornado)
    table = compare_scenarios({"dubbel": {"effect_multiplier": 2.0}}, *examples.skolfam())
    scenarios = table.to_frame()
    assert list(scenarios.columns[:3]) == ["scenario", "npv_sek", "pv_costs_sek"]
    assert "payback_years:kommun" in scenarios.columns
    assert list(scenarios["npv_sek"]) == [r["npv"] for r in table.records()]


# --- payback over the draws -------------------------------------------------------------------
def test_payback_statistics_count_the_never_paying_draws(mc: SimulationResult) -> None:
    stats = mc.payback_stats()
    data = mc.payback  # NaN: not within the horizon
    never = np.isnan(data)
    assert 0 < never.mean() < 0.5  # both kinds present, so the test can fail either way
    assert stats.share_never == pytest.approx(never.mean())
    assert stats.share_never + stats.share_paying_back == pytest.approx(1.0)
    # the median over ALL draws, never = +inf: with fewer than half never, a finite
    # number, larger than the median of the paying draws alone
    assert stats.median_years == pytest.approx(np.quantile(np.where(never, np.inf, data), 0.5))
    assert stats.median_years > np.median(data[~never])
    assert stats.high_years == math.inf  # the 95th percentile falls among the never-paying
    assert stats.mean_years_paying_only == pytest.approx(data[~never].mean())
    text = str(mc)
    assert "does not pay back within the horizon" in text
    assert "mean among the draws that pay back" in text
    assert "inf" not in text.replace("infinitely", "")
    assert "nan" not in text.lower()


def test_a_median_among_the_never_paying_reads_in_words() -> None:
    none_pays = simulate(*examples.skolfam(), skolfam_uncertainty(), draws=300, seed=1)
    stats = none_pays.payback_stats()
    assert stats.median_years == math.inf
    assert stats.median_text() == "betalar inte tillbaka inom horisonten"
    assert "betalar inte tillbaka inom horisonten" in none_pays._repr_html_()


# --- HTML and text ----------------------------------------------------------------------------
def test_html_shows_the_npv_and_escapes_a_name() -> None:
    inv, settings = examples.seniorer_ostersund()
    result = sk.evaluate(inv.model_copy(update={"name": SCRIPT}), settings)
    page = result._repr_html_()
    assert "333 766 kr" in page  # the NPV, Swedish format
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page
    table = compare_scenarios({SCRIPT: {"effect_multiplier": 2.0}}, *examples.skolfam())
    assert SCRIPT not in table._repr_html_()
    assert "&lt;script&gt;" in table._repr_html_()
    t = tornado(inv.model_copy(update={"name": SCRIPT}), settings, SENIORS_SPREAD)
    assert SCRIPT not in t._repr_html_()
    assert "&lt;script&gt;" in t._repr_html_()
    mc = simulate(inv.model_copy(update={"name": SCRIPT}), settings, SENIORS_SPREAD, draws=50)
    assert SCRIPT not in mc._repr_html_()
    assert "&lt;script&gt;" in mc._repr_html_()


def test_text_in_english_by_default_and_in_swedish(seniors: sk.Result) -> None:
    assert "Net present value" in str(seniors)
    assert "333,766 SEK" in str(seniors)
    swedish = seniors.text("sv")
    assert "Nettonuvärde" in swedish
    assert "333 766 kr" in swedish
    assert "3,0 år" in swedish
    assert repr(seniors) == (
        "Result('Hälsofrämjande insatser för seniorer, Östersund', npv=333,766 SEK, "
        "payback=3.0 years)"
    )


# --- plots ------------------------------------------------------------------------------------
def _texts(ax: Any) -> str:
    legend = ax.get_legend()
    words = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    words += [t.get_text() for t in legend.get_texts()] if legend else []
    return " ".join(words)


@pytest.mark.parametrize("kind", ["overview", "cumulative", "payers", "cost_items"])
@pytest.mark.parametrize("name", ["servicetrainee", "skolfam", "seniorer_ostersund"])
def test_every_result_plot_runs_on_the_examples(name: str, kind: str) -> None:
    result = sk.evaluate(*getattr(examples, name)())
    sv = result.plot(kind=kind)
    assert len(sv.figure.axes) == 1
    assert "kr" in sv.get_ylabel()  # mnkr in both languages' Swedish form
    en = result.plot(kind=kind, lang="en")
    assert "MSEK" in en.get_ylabel()
    assert "År" in sv.get_xlabel()
    assert "ear" in en.get_xlabel()


def test_the_payback_marker_sits_at_the_computed_payback(seniors: sk.Result) -> None:
    ax = seniors.plot(kind="cumulative")
    markers = {line.get_marker(): line for line in ax.get_lines() if len(line.get_xdata()) == 1}
    assert float(markers["v"].get_xdata()[0]) == seniors.payback  # 2.979... years
    assert float(markers["D"].get_xdata()[0]) == seniors.payback_discounted
    assert markers["v"].get_label() == "återbetald efter 3,0 år"
    # the cumulative line crosses 0 exactly there: linear between the years (the convention)
    cumulative = [r["cumulative_net"] for r in seniors.table()]
    t = next(i for i, c in enumerate(cumulative) if c >= 0)
    crossing = (t - 1) + -cumulative[t - 1] / (cumulative[t] - cumulative[t - 1])
    assert crossing == pytest.approx(seniors.payback)
    overview = seniors.plot()
    x = [float(line.get_xdata()[0]) for line in overview.get_lines() if line.get_marker() == "v"]
    assert x == [seniors.plan.base_year + seniors.payback]


def test_no_marker_when_there_is_no_payback() -> None:
    ax = sk.evaluate(*examples.servicetrainee()).plot(kind="cumulative", lang="en")
    assert not [line for line in ax.get_lines() if line.get_marker() in ("v", "D")]


def test_npv_distribution_marks_the_probability(mc: SimulationResult) -> None:
    ax = mc.plot(lang="en")
    assert f"P(NPV > 0) = {100 * mc.prob_npv_positive:.1f}%" in _texts(ax)
    assert "P(nettonuvärde > 0)" in _texts(mc.plot())


def test_payback_plot_shows_the_never_paying_share(mc: SimulationResult) -> None:
    stats = mc.payback_stats()
    ax = mc.plot("payback")
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == pytest.approx(1.0)  # nothing dropped: paying + never = all draws
    assert heights[-1] == pytest.approx(stats.share_never)
    assert ax.get_xlabel() == "Återbetalningstid [år]"
    assert "inte inom horisonten" in _texts(ax)
    en = mc.plot("payback_discounted", lang="en")
    assert en.get_xlabel() == "Payback period, discounted [years]"


def test_payback_curve_is_the_data_of_payback_curve(mc: SimulationResult) -> None:
    ax = mc.plot("payback_curve", lang="en")
    solid, dashed = ax.get_lines()
    assert list(solid.get_ydata()) == mc.payback_curve()
    assert list(dashed.get_ydata()) == mc.payback_curve(discounted=True)
    assert ax.get_ylabel() == "P(paid back within k years)"
    assert len(ax.figure.axes) == 1


def test_tornado_in_words_and_its_legend_covers_no_bar(skolfam_tornado: Tornado) -> None:
    ax = skolfam_tornado.plot(lang="en")
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "Multiple of every effect (1 = as given)" in ticks
    assert not any("." in t and "_" in t for t in ticks)  # no code names
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    bars = [p.get_window_extent() for p in ax.patches]
    assert bars
    assert not any(legend.overlaps(bar) for bar in bars)
    assert {p.get_hatch() for p in ax.patches} == {"//", ".."}  # greyscale: hatches


def test_scenarios_side_by_side() -> None:
    table = compare_scenarios({"dubbel": {"effect_multiplier": 2.0}}, *examples.skolfam())
    ax = table.plot(lang="en")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["bas", "dubbel"]
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([r["npv"] / 1e6 for r in table.records()])


def test_report_table_says_never_in_words_and_names_the_mean() -> None:
    """The CLI's Monte Carlo table: summary() turns +inf into None, once a blank cell."""
    from sociokalkyl.report.render import render_text
    from sociokalkyl.report.tables import Report, simulation_metrics_table

    none_pays = simulate(*examples.skolfam(), skolfam_uncertainty(), draws=300, seed=1)
    table = simulation_metrics_table(none_pays.summary()["metrics"], "MC", "sv")
    text = render_text(Report("x", [], [table]), "sv")
    payback = next(row for row in table.rows if str(row[0]).startswith("Återbetalningstid ("))
    assert "medelvärde över dem som betalar tillbaka" in payback[0]
    median = table.headers.index("median")
    assert payback[median] is None  # +inf, cleaned for JSON ...
    assert table.kinds[table.rows.index(payback)][median] == "years"  # ... read as words
    assert "inte inom horisonten" in text
    assert "∞" not in text


def test_without_pandas_the_frame_names_the_method_and_the_install(
    seniors: sk.Result, mc: SimulationResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match=r"Result\.to_frame\('payers'\) needs pandas: pip"):
        seniors.to_frame("payers")
    with pytest.raises(ImportError, match=r"SimulationResult\.to_frame\('draws'\) needs pandas"):
        mc.to_frame("draws")
