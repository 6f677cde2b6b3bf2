"""Plots per perspective and actor, who pays whom, and the gaps the notebooks found.

Issue 14 part 3 and the plots of issue 10: every plot runs headless (Agg) on the
perspective example, its bar heights are the Result's numbers, its labels are in the
asked language, and a plot of an intervention that never pays back says so in words.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import sociokalkyl as sk
from sociokalkyl import examples, simulate
from sociokalkyl.analysis.plot import RESULT_PLOTS, set_title

PERSPECTIVE_EXAMPLE = "servicetrainee"  # the bundled three-perspective model
SPREAD = {"effect_multiplier": {"kind": "uniform", "low": 0.6, "high": 1.4}}


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def result() -> sk.Result:
    return sk.evaluate(*examples.load(PERSPECTIVE_EXAMPLE))


@pytest.fixture(scope="module")
def mc() -> sk.SimulationResult:
    return simulate(*examples.load(PERSPECTIVE_EXAMPLE), SPREAD, draws=400, seed=3)


def _heights(ax: Any) -> list[float]:
    return [float(p.get_height()) for p in ax.patches]


def _legend(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


# --- the gaps -----------------------------------------------------------------------------
def test_a_never_paying_intervention_says_so_in_both_plots() -> None:
    never = sk.evaluate(*examples.servicetrainee())
    assert math.isnan(never.payback) or math.isinf(never.payback)
    ax = never.plot(kind="cumulative")
    assert [t.get_text() for t in ax.texts] == ["betalar inte tillbaka inom horisonten"]
    en = never.plot(lang="en")
    assert [t.get_text() for t in en.texts] == ["does not pay back within the horizon"]


def test_paying_back_undiscounted_only_says_the_discounted_never_does() -> None:
    """The perspective example pays back at once for society, both ways: no never-text."""
    intervention, settings = examples.load(PERSPECTIVE_EXAMPLE)
    result = sk.evaluate(intervention, settings.model_copy(update={"perspective": "samhället"}))
    assert result.payback == 0.0
    assert result.payback_discounted == 0.0
    assert not [t for t in result.plot(kind="cumulative").texts if "inte" in t.get_text()]


def test_a_long_title_stays_inside_the_figure() -> None:
    seniors = sk.evaluate(*examples.seniorer_ostersund())
    mc = simulate(*examples.seniorer_ostersund(), SPREAD, draws=200, seed=1)
    for ax in (mc.plot("payback_curve"), seniors.plot(kind="cost_items"), mc.plot()):
        ax.figure.canvas.draw()
        title = ax.title.get_window_extent()
        figure = ax.figure.bbox
        assert figure.x0 <= title.x0, ax.title.get_text()
        assert title.x1 <= figure.x1, ax.title.get_text()
    _, small = plt.subplots(figsize=(3, 2))
    assert "\n" in set_title(small, "Hälsofrämjande insatser för seniorer, Östersund").get_text()


def test_a_cost_item_that_grows_is_labelled_as_added_not_avoided() -> None:
    """Skolfam: fewer HVB days (avoided, up), more familjehem days (added cost, down)."""
    skolfam = sk.evaluate(*examples.skolfam())
    ax = skolfam.plot(kind="cost_items")
    words = _legend(ax)
    assert not any(w.startswith("undviket, Konsulentstött") for w in words)
    assert "ökad kostnad, Konsulentstött familjehem, kostnad per dygn" in words
    # each series' bars point one way, the way its label says
    for container, word in zip(ax.containers, words, strict=True):
        heights = [b.get_height() for b in container]
        up = word.startswith("undviket")
        assert all(h >= 0 for h in heights) if up else all(h <= 0 for h in heights), word
    assert "added cost, Konsulentstött" in " ".join(_legend(skolfam.plot(kind="cost_items",
                                                                         lang="en")))  # fmt: skip


# --- perspectives, actors, who pays whom ---------------------------------------------------
def test_the_result_plots_list_the_perspective_kinds() -> None:
    assert {"perspectives", "actors", "transfers"} <= set(RESULT_PLOTS)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_perspective_bars_are_the_results_numbers(result: sk.Result, lang: str) -> None:
    ax = result.plot(kind="perspectives", lang=lang)
    rows = result.perspectives()
    n = len(rows)
    heights = _heights(ax)
    assert len(ax.figure.axes) == 1
    assert len(heights) == 3 * n
    assert heights[:n] == pytest.approx([-r["pv_costs"] / 1e6 for r in rows])
    assert heights[n : 2 * n] == pytest.approx([r["pv_avoided"] / 1e6 for r in rows])
    assert heights[2 * n :] == pytest.approx([r["npv"] / 1e6 for r in rows])
    # the hand check: NPV = gains - costs, per perspective
    for i in range(n):
        assert heights[2 * n + i] == pytest.approx(heights[n + i] + heights[i])
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    if lang == "sv":
        assert ticks == ["Kommunen", "Offentlig sektor", "Samhället"]
        assert _legend(ax) == ["kostnader (nuvärde)", "vinster (nuvärde)", "nettonuvärde"]
        assert "kr" in ax.get_ylabel()
        assert ax.get_xlabel() == "Perspektiv"
    else:
        assert ticks == ["The kommun", "The public sector", "Society"]
        assert "MSEK" in ax.get_ylabel()
        assert "by perspective" in ax.get_title()
    assert {p.get_hatch() for p in ax.patches} == {"//", "..", "xx"}  # greyscale


def test_actor_bars_show_the_namnder_and_the_rollup(result: sk.Result) -> None:
    ax = result.plot(kind="actors")
    rows = result.by_actor()
    n = len(rows)
    assert _heights(ax)[2 * n :] == pytest.approx([r["npv"] / 1e6 for r in rows])
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "Kommun, med nämnder"
    assert ticks[1] == "Kommun, egna flöden"
    assert "kommun/socialnämnd" in ticks
    # the roll-up is the kommun's own flows plus its nämnders'
    own = {str(r["actor"]): float(r["npv"]) for r in rows if not r["rollup"]}
    rollup = own["kommun"] + own["kommun/socialnämnd"] + own["kommun/arbetsmarknadsnämnd"]
    assert _heights(ax)[2 * n] == pytest.approx(rollup / 1e6)
    en = result.plot(kind="actors", lang="en")
    assert "Kommun (municipality), with its nämnder" in [t.get_text() for t in en.get_xticklabels()]


def test_who_pays_whom_writes_every_amount(result: sk.Result) -> None:
    ax = result.plot(kind="transfers")
    matrix = result.transfer_matrix()
    written = sorted(t.get_text() for t in ax.texts)
    # amounts under a thousand mnkr: one decimal, decimal comma, no grouping
    expected = sorted(
        f"{v / 1e6:.1f}".replace(".", ",") for r in matrix.values() for v in r.values()
    )
    assert written == expected
    assert "-6,9" in written  # socialnämnden's avoided bistånd: to the individ, negative
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[-1] == "produktion"
    assert ax.get_ylabel() == "Från"
    assert len(rows) == len(matrix)
    en = result.plot(kind="transfers", lang="en")
    assert en.get_ylabel() == "From"
    assert "production" in [t.get_text() for t in en.get_yticklabels()]


def test_plots_draw_on_a_given_axes(result: sk.Result) -> None:
    _, axes = plt.subplots(1, 3)
    for ax, kind in zip(axes, ("perspectives", "actors", "transfers"), strict=True):
        assert result.plot(ax, kind=kind) is ax
    assert len(axes[0].figure.axes) == 3


# --- Monte Carlo per perspective -------------------------------------------------------------
def test_npv_distribution_per_perspective(mc: sk.SimulationResult) -> None:
    ax = mc.plot("npv", perspective="kommun", lang="en")
    p = mc.prob_npv_positive_by_perspective["kommun"]
    assert f"P(NPV > 0) = {100 * p:.1f}%" in _legend(ax)
    assert "(The kommun)" in ax.get_title()
    assert "(The kommun)" in ax.get_xlabel()
    counted = sum(_heights(ax)[: len(ax.patches) // 2])  # the first histogram: every draw
    assert counted == mc.kept
    sv = mc.plot(perspective="offentlig sektor")
    assert "(Offentlig sektor)" in sv.get_title()


def test_payback_curve_per_perspective(mc: sk.SimulationResult) -> None:
    ax = mc.plot("payback_curve", perspective="offentlig_sektor", lang="en")
    solid, dashed = ax.get_lines()
    assert list(solid.get_ydata()) == mc.payback_curve(perspective="offentlig_sektor")
    assert list(dashed.get_ydata()) == mc.payback_curve(
        discounted=True, perspective="offentlig_sektor"
    )
    assert "(The public sector)" in ax.get_title()


def test_payback_per_perspective_counts_every_draw(mc: sk.SimulationResult) -> None:
    ax = mc.plot("payback", perspective="kommun")
    heights = _heights(ax)
    assert sum(heights) == pytest.approx(1.0)
    never = 1 - mc.prob_payback_within(mc.plan.horizon, perspective="kommun")
    assert heights[-1] == pytest.approx(never)
