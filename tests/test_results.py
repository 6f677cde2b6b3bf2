"""Result: tables, summary, DataFrame, plot and text agree with the metrics."""

from __future__ import annotations

import json
import math

import matplotlib
import pytest

import sociokalkyl as sk
from sociokalkyl._optional import require

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def result() -> sk.Result:
    """Servicetrainee with resource flows only, as bundled up to 0.2 (tests/cases)."""
    from test_perspectives import resources_only_model

    return sk.evaluate(*resources_only_model())


def test_tables_add_up(result: sk.Result) -> None:
    table = result.table()
    assert len(table) == result.plan.horizon
    assert sum(row["discounted_net"] for row in table) == pytest.approx(result.npv)
    assert table[-1]["cumulative_discounted_net"] == pytest.approx(result.npv)
    assert table[0]["calendar_year"] == 2012
    by_item = result.by_cost_item()
    assert sum(row["pv_avoided"] for row in by_item) == pytest.approx(result.pv_avoided)
    yearly = result.yearly_by_payer()
    assert sum(row["net"] for row in yearly) == pytest.approx(table[-1]["cumulative_net"])


def test_summary_is_json_ready_and_says_none_for_no_answer(result: sk.Result) -> None:
    summary = result.summary()
    json.dumps(summary)  # NaN would be invalid JSON for most readers; it must be None
    assert summary["payback"] is None
    assert summary["break_even_effect"] is None
    assert summary["npv"] == pytest.approx(result.npv)


def test_to_frame_and_plot(result: sk.Result) -> None:
    frame = result.to_frame()
    assert list(frame.index) == list(range(result.plan.horizon))
    assert frame["net_sek"].sum() == pytest.approx(result.table()[-1]["cumulative_net"])
    ax = result.plot()
    assert ax.get_title() == "Servicetrainee"
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == [
        "Ackumulerat netto",
        "Ackumulerat netto, diskonterat",
        "Insatsens kostnader",
        "Undvikna kostnader",
    ]
    import matplotlib.pyplot as plt

    plt.close("all")


def test_text_says_not_within_the_horizon_instead_of_a_number(result: sk.Result) -> None:
    text = str(result)
    assert "not within the horizon" in text
    assert "nan" not in text.lower()
    assert "Servicetrainee" in result._repr_html_()
    assert math.isnan(result.payback)


def test_missing_optional_package_names_the_method_and_the_install() -> None:
    with pytest.raises(ImportError, match=r"X\.plot\(\) needs no_such_pkg_sk: pip install"):
        require("no_such_pkg_sk.sub", "X.plot()")


def test_the_example_script_prints_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    from sociokalkyl.examples.__main__ import main

    main()
    out = capsys.readouterr().out
    assert "-3,839,870 SEK" in out
    assert "Assumption log:" in out


def test_assumptions_are_typed_rows_with_the_factor_the_engine_used(result: sk.Result) -> None:
    import dataclasses

    item = result.assumptions()[0]
    # 7 149 kr/mån (2012) * 403.70 / 314.20 (KPI) = 9 185.40 kr/mån (2023)
    assert (item.kind, item.name, item.value, item.unit) == (
        "cost_item", "ekonomiskt_bistand", 7149.0, "SEK/month")  # fmt: skip
    assert item.factor == result.plan.item_price_factors[0]
    assert item.rebased_value == pytest.approx(7149 * 403.70 / 314.20)
    assert (item.price_year, item.analysis_price_year, item.price_index) == (2012, 2023, "KPI")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.value = 1.0  # type: ignore[misc]
    # the whole log, whether or not the caller still has the intervention
    rows = result.assumptions()
    assert [row.kind for row in rows] == [
        "cost_item", "target_group", "baseline", "effect", "effect", "cost", "cost"]  # fmt: skip
    # weak provenance stays visible: D and A are weak, the target group has no mark
    assert all(row.weak for row in rows)
    assert rows[1].confidence is None
    effect = rows[4]
    assert (effect.variant, effect.value, effect.unit) == ("absolute", -4.9, "month/year")
    assert [(d.field, d.value) for d in effect.details] == [
        ("start_lag", 1.0), ("duration_years", 5.0), ("drop_off", 0.2)]  # fmt: skip
    cost = rows[5]
    assert (cost.variant, cost.value, cost.unit, cost.payer) == (
        "per_participant", 26000.0, "SEK/month", "kommun")  # fmt: skip
    assert [(d.field, d.value, d.unit) for d in cost.details] == [("duration", 12.0, "month")]


# --- one public API: Result and SimulationResult share names ---------------------------
SHARED = ("npv", "pv_costs", "pv_avoided", "benefit_cost_ratio", "payback", "payback_discounted")
SHARED_BY_PAYER = ("npv_by_payer", "payback_by_payer", "payback_discounted_by_payer")


def test_result_and_simulation_share_names() -> None:
    import numpy as np

    from sociokalkyl.examples.uncertain import servicetrainee_uncertainty

    inv, settings = sk.examples.servicetrainee()
    result = sk.evaluate(inv, settings)
    mc = sk.simulate(inv, settings, servicetrainee_uncertainty(), draws=64, seed=2, with_irr=8)
    for name in SHARED:
        assert isinstance(getattr(result, name), float)
        assert getattr(mc, name).shape == (64,)
    actors = set(result.plan.payers)  # the kommun, its two nämnder, region, stat, ...
    assert {"kommun", "kommun/arbetsmarknadsnämnd", "stat"} <= actors
    for name in SHARED_BY_PAYER:
        assert set(getattr(result, name)) == set(getattr(mc, name)) == actors
        assert getattr(mc, name)["kommun"].shape == (64,)
    assert mc.irr.shape == (8,)
    assert np.array_equal(mc.npv_by_payer["kommun"], mc.values("npv:kommun"))
    # the kommun's costs (the headline) are all the arbetsmarknadsnämnd's
    costs = result.pv_costs_by_payer["kommun/arbetsmarknadsnämnd"]
    assert costs == pytest.approx(result.pv_costs)


def test_simulation_arrays_need_every_draw_kept() -> None:
    from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    from sociokalkyl.uncertainty.simulate import SAMPLE_SIZE

    inv, settings = sk.examples.servicetrainee()
    draws = SAMPLE_SIZE + 1
    mc = sk.simulate(inv, settings, servicetrainee_uncertainty(), draws=draws, seed=1,
                     keep_draws=False)  # fmt: skip
    with pytest.raises(sk.InputError, match="keep_draws"):
        _ = mc.npv
    assert mc.values("npv").shape == (SAMPLE_SIZE,)
    with pytest.raises(sk.InputError, match="with_irr"):
        _ = mc.irr


def test_top_level_is_the_public_api() -> None:
    public = ("simulate", "tornado", "break_even", "compare_scenarios", "Uncertainty",
              "SimulationResult", "Tornado", "BreakEven", "Result", "evaluate", "npv")  # fmt: skip
    for name in public:
        assert name in sk.__all__
        assert getattr(sk, name) is not None
    for internal in ("Plan", "Projection", "compile_plan", "project", "solve_break_even"):
        assert internal not in sk.__all__
        assert not hasattr(sk, internal)
    assert sk.__version__ == "0.3.0"


def test_break_even_defaults_to_the_effect_multiplier() -> None:
    inv, settings = sk.examples.skolfam()
    b = sk.break_even(inv, settings)
    assert b.parameter == "effect_multiplier"
    assert b.value == pytest.approx(sk.evaluate(inv, settings).break_even_effect)
    assert b.roots[0] == b.value
    assert b.grid.size == b.npv.size > 100
