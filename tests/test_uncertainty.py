"""Distributions, the Uncertainty mapping and Monte Carlo simulation."""

from __future__ import annotations

import json
import math
import tomllib

import numpy as np
import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.errors import InputError
from sociokalkyl.examples import skolfam
from sociokalkyl.examples.uncertain import servicetrainee_uncertainty, skolfam_uncertainty
from sociokalkyl.model import (
    BaselineUse,
    CostItem,
    Effect,
    Intervention,
    InterventionCost,
    Settings,
    TargetGroup,
)
from sociokalkyl.uncertainty import (
    Beta,
    Empirical,
    Fixed,
    LogNormal,
    Normal,
    Pert,
    Triangular,
    Uncertainty,
    Uniform,
    as_distribution,
    normal_cdf,
    normal_ppf,
    sample_parameters,
    simulate,
)
from sociokalkyl.uncertainty.sensitivity import Tornado, tornado

DISTRIBUTIONS = [
    Uniform(low=-5.4, high=-4.4),
    Triangular(low=0.0, mode=1.0, high=4.0),
    Triangular(low=2763.0, mode=4500.0, high=4500.0),
    Pert(low=15_000, mode=25_000, high=40_000),
    Beta(alpha=2.0, beta=5.0),
    Beta(alpha=0.5, beta=0.5, low=-1.0, high=3.0),
    Normal(mean=3000.0, sd=500.0),
    Normal(mean=100.0, sd=50.0, low=0.0),
    Normal(mean=0.0, sd=1.0, low=-1.0, high=2.0),
    LogNormal(mu=math.log(3000.0), sigma=0.3),
    Empirical(values=[1.0, 2.0, 2.0, 7.5]),
]


def linear_case() -> tuple[Intervention, Settings]:
    """One absolute effect, no cap, no price rebasing: NPV is linear in every parameter."""
    item = CostItem(key="x", name="X", unit_cost="10 000 kr/mån", price_year=2023, payer="kommun")
    intervention = Intervention(
        name="Linjärt fall",
        target_group=TargetGroup(name="Deltagare", intake=[10]),
        cost_items=[item],
        baseline=[BaselineUse(cost_item="x", use="12 mån/år")],
        effects=[Effect(cost_item="x", kind="absolute", change="-3 mån/år", duration_years=5)],
        costs=[InterventionCost(name="Insats", kind="one_off", amount="1 000 000 kr")],
    )
    return intervention, Settings(base_year=2023, price_year=2023, horizon=6, discount_rate=0.03)


# --- distributions ----------------------------------------------------------------------------
@pytest.mark.parametrize("dist", DISTRIBUTIONS, ids=lambda d: d.kind)
def test_sample_moments_match_analytic(dist: object) -> None:
    assert hasattr(dist, "sample")
    n = 200_000
    x = dist.sample(np.random.default_rng(42), n)  # type: ignore[attr-defined]
    assert x.shape == (n,)
    low, high = dist.support()  # type: ignore[attr-defined]
    assert x.min() >= low
    assert x.max() <= high
    mean, var = dist.mean(), dist.variance()  # type: ignore[attr-defined]
    se_mean = math.sqrt(var / n)
    assert abs(x.mean() - mean) <= 5 * se_mean
    se_var = float(np.std((x - x.mean()) ** 2)) / math.sqrt(n)
    assert abs(x.var() - var) <= 5 * se_var


@pytest.mark.parametrize("dist", DISTRIBUTIONS, ids=lambda d: d.kind)
def test_ppf_inverts_cdf(dist: object) -> None:
    q = np.array([0.01, 0.1, 0.5, 0.9, 0.99])
    x = dist.ppf(q)  # type: ignore[attr-defined]
    assert np.all(np.diff(x) >= 0)
    if not isinstance(dist, Empirical):
        np.testing.assert_allclose(dist.cdf(x), q, atol=1e-9)  # type: ignore[attr-defined]
    sample = dist.sample(np.random.default_rng(3), 100_000)  # type: ignore[attr-defined]
    share_below = np.mean(sample[:, None] <= x, axis=0)
    if isinstance(dist, Empirical):  # discrete: P(X <= ppf(q)) >= q
        assert np.all(share_below >= q - 0.01)
    else:
        np.testing.assert_allclose(share_below, q, atol=0.01)


def test_normal_quantile_known_values() -> None:
    z = 1.959963984540054
    np.testing.assert_allclose(normal_ppf([0.5, 0.975, 0.025]), [0, z, -z], atol=1e-14)
    np.testing.assert_allclose(normal_ppf(1e-10), -6.361340902404056, rtol=1e-12)
    np.testing.assert_allclose(normal_cdf(normal_ppf([1e-6, 0.3, 0.999])), [1e-6, 0.3, 0.999])


def test_pert_mean_formula() -> None:
    d = Pert(low=0.0, mode=1.0, high=4.0)
    assert d.mean() == pytest.approx((0 + 4 * 1 + 4) / 6)


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ({"kind": "uniform", "low": 1, "high": 0}, "low < high"),
        ({"kind": "triangular", "low": 0, "mode": 5, "high": 4}, "low <= mode <= high"),
        ({"kind": "pert", "low": 0, "mode": -1, "high": 4}, "low <= mode <= high"),
        ({"kind": "normal", "mean": 0, "sd": -1}, "greater than 0"),
        ({"kind": "normal", "mean": 0, "sd": 1, "low": 2, "high": 1}, "ordered"),
        ({"kind": "lognormal", "mu": 0, "sigma": 0}, "greater than 0"),
        ({"kind": "beta", "alpha": 0, "beta": 1}, "greater than 0"),
        ({"kind": "empirical", "values": []}, "at least 1"),
        ({"kind": "uniform", "low": 0, "high": math.inf}, "finite"),
        ({"kind": "uniform", "low": 0, "high": 1, "mode": 0.5}, "Extra inputs"),
        ({"kind": "gamma", "shape": 1}, "kind"),
    ],
)
def test_invalid_distribution_is_input_error(table: dict[str, object], fragment: str) -> None:
    with pytest.raises(InputError, match=r"effects\[1\].change") as info:
        as_distribution(table, field="effects[1].change")
    assert fragment in str(info.value)
    assert "e.g." in str(info.value)


def test_quantile_outside_unit_interval() -> None:
    for q in (0.0, 1.0, -0.1, 1.5, math.nan):
        with pytest.raises(InputError, match="strictly between 0 and 1"):
            Uniform(low=0, high=1).ppf(q)


def test_read_from_toml() -> None:
    text = """
    "effects[1].change" = {kind = "uniform", low = -5.4, high = -4.4}
    "cost_items.ekonomiskt_bistand.unit_cost" = {kind = "normal", mean = 7149, sd = 500, low = 0}
    "effects[1].drop_off" = 0.25
    """
    spec = Uncertainty(tomllib.loads(text))
    assert isinstance(spec["effects[1].change"], Uniform)
    assert isinstance(spec["cost_items.ekonomiskt_bistand.unit_cost"], Normal)
    assert spec["effects[1].drop_off"] == Fixed(value=0.25)
    spec.check(examples.servicetrainee()[0] and _plan())


def _plan():  # type: ignore[no-untyped-def]
    from sociokalkyl.engine import compile_plan

    return compile_plan(*examples.servicetrainee())


def test_unknown_parameter_lists_valid_names() -> None:
    with pytest.raises(InputError, match=r"effects\[7\].change") as info:
        Uncertainty({"effects[7].change": Uniform(low=0, high=1)}).check(_plan())
    assert "effect_multiplier" in str(info.value)


@pytest.mark.parametrize(
    ("name", "dist"),
    [
        ("cost_items.ekonomiskt_bistand.unit_cost", Uniform(low=-10, high=7000)),
        ("cost_items.ekonomiskt_bistand.unit_cost", Normal(mean=7149, sd=500)),
        ("baseline[0].exit_rate", Uniform(low=0.5, high=1.2)),
        ("effects[1].drop_off", Empirical(values=[0.1, -0.1])),
    ],
)
def test_support_outside_bounds(name: str, dist: object) -> None:
    with pytest.raises(InputError, match="outside the parameter's range"):
        Uncertainty({name: dist}).check(_plan())  # type: ignore[dict-item]


# --- simulate -----------------------------------------------------------------------------------
def test_bad_draws_and_seed() -> None:
    inv, settings = examples.servicetrainee()
    for draws in (0, -5, 2.5, True):
        with pytest.raises(InputError, match="draws"):
            simulate(inv, settings, {}, draws=draws)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="seed"):
        simulate(inv, settings, {}, draws=10, seed=-1)
    with pytest.raises(InputError, match="quantiles"):
        simulate(inv, settings, {}, draws=10, quantiles=(0.5, 1.0))


def test_reproducible_for_a_seed_and_different_between_seeds() -> None:
    inv, settings = examples.servicetrainee()
    spec = servicetrainee_uncertainty()
    a = simulate(inv, settings, spec, draws=3000, seed=11)
    b = simulate(inv, settings, spec, draws=3000, seed=11)
    c = simulate(inv, settings, spec, draws=3000, seed=12)
    assert np.array_equal(a.npv, b.npv)
    assert a.summary() == b.summary()
    assert not np.array_equal(a.npv, c.npv)
    g1 = simulate(inv, settings, spec, draws=500, seed=np.random.default_rng(5))
    g2 = simulate(inv, settings, spec, draws=500, seed=np.random.default_rng(5))
    assert np.array_equal(g1.npv, g2.npv)
    fresh = simulate(inv, settings, spec, draws=500)
    again = simulate(inv, settings, spec, draws=500, seed=fresh.seed)
    assert np.array_equal(fresh.npv, again.npv)


def test_chunked_equals_unchunked() -> None:
    inv, settings = skolfam()
    spec = skolfam_uncertainty()
    whole = simulate(inv, settings, spec, draws=20_000, seed=3, chunk_size=10**6)
    parts = simulate(inv, settings, spec, draws=20_000, seed=3, chunk_size=1)
    for key in whole.metrics:
        assert np.array_equal(whole.values(key), parts.values(key), equal_nan=True), key
    assert whole.summary() == parts.summary()
    assert whole.records() == parts.records() or json.dumps(whole.summary()) == json.dumps(
        parts.summary()
    )


def test_draws_do_not_depend_on_other_parameters_or_chunks() -> None:
    a = Uniform(low=-5.4, high=-4.4)
    one = sample_parameters({"effects[1].change": a}, 10_000, seed=1)
    two = sample_parameters(
        {"effects[1].drop_off": Pert(low=0, mode=0.2, high=0.4), "effects[1].change": a},
        10_000,
        seed=1,
    )
    assert np.array_equal(one["effects[1].change"], two["effects[1].change"])
    # the first draws of a longer run are the draws of a shorter one
    short = sample_parameters({"effects[1].change": a}, 100, seed=1)
    assert np.array_equal(short["effects[1].change"], one["effects[1].change"][:100])


def test_fixed_distribution_gives_evaluate() -> None:
    inv, settings = examples.servicetrainee()
    result = evaluate(inv, settings)
    # 2 100 draws: more than one engine batch (2 048), so a batch boundary is crossed
    mc = simulate(inv, settings, {"effects[1].change": Fixed(value=-4.9)}, draws=2100, seed=0)
    assert np.all(mc.npv == result.npv)
    assert np.all(mc.npv_by_payer["kommun"] == result.npv_by_payer["kommun"])
    assert mc.mean() == pytest.approx(result.npv, rel=1e-15)
    assert mc.std() == pytest.approx(0.0, abs=1e-6)
    empty = simulate(inv, settings, {}, draws=20, seed=0)
    assert np.all(empty.npv == result.npv)
    assert np.all(np.isnan(empty.payback))
    assert math.isnan(result.payback)


def test_probability_npv_positive_linear_in_uniform_effect() -> None:
    inv, settings = linear_case()
    plan_value = -3.0
    npv0 = evaluate(inv, settings).npv
    spec = {"effects[0].change": Uniform(low=-5.0, high=0.0)}
    # NPV = a + b * change, b < 0: find the break-even from two evaluations
    mc2 = simulate(inv, settings, {"effects[0].change": Fixed(value=-4.0)}, draws=1, seed=0)
    slope = (mc2.npv[0] - npv0) / (-4.0 - plan_value)
    root = plan_value - npv0 / slope
    expected = (root - -5.0) / 5.0  # P(change < root)
    assert 0.2 < expected < 0.8
    n = 40_000
    mc = simulate(inv, settings, spec, draws=n, seed=9)
    assert abs(mc.prob_npv_positive - expected) <= 5 * math.sqrt(expected * (1 - expected) / n)
    assert mc.prob_npv_positive == pytest.approx(float(np.mean(mc.npv > 0)))
    assert mc.prob_npv_positive_by_payer["kommun"] == mc.prob_npv_positive


def test_summaries_and_payback_probabilities() -> None:
    inv, settings = skolfam()
    spec = skolfam_uncertainty()
    mc = simulate(inv, settings, spec, draws=10_000, seed=4, with_irr=500)
    for k in (0, 3, 10, 2.5):
        expected = float(np.mean(np.nan_to_num(mc.payback, nan=np.inf) <= k))
        assert mc.prob_payback_within(k) == pytest.approx(expected)
    disc = float(np.mean(np.nan_to_num(mc.payback_discounted, nan=np.inf) <= 10))
    assert mc.prob_payback_within(10, discounted=True, payer="kommun") == pytest.approx(disc)
    assert len(mc.payback_curve()) == settings.horizon + 1
    assert mc.mean() == pytest.approx(float(np.mean(mc.npv)), rel=1e-12)
    assert mc.std() == pytest.approx(float(np.std(mc.npv, ddof=1)), rel=1e-9)
    np.testing.assert_allclose(mc.quantile([0.05, 0.95]), np.quantile(mc.npv, [0.05, 0.95]))
    assert mc.irr.shape == (500,)
    summary = mc.summary()
    json.dumps(summary)  # JSON-ready
    assert summary["draws"] == 10_000
    assert summary["irr_draws"] == 500
    assert {"hvb_barn_unga", "familjehem_konsulentstott"} <= set(mc.pv_avoided_by_item)
    frame = mc.to_frame()
    assert "q5" in frame.columns
    assert len(frame) == len(mc.records())
    with pytest.raises(InputError, match="metric"):
        mc.mean("nope")


def test_keep_draws_false_keeps_statistics() -> None:
    inv, settings = examples.servicetrainee()
    spec = servicetrainee_uncertainty()
    kept = simulate(inv, settings, spec, draws=20_000, seed=8, keep_draws=True)
    lean = simulate(inv, settings, spec, draws=20_000, seed=8, keep_draws=False)
    assert lean.mean() == kept.mean()
    assert lean.std() == kept.std()
    assert lean.prob_npv_positive == kept.prob_npv_positive
    assert lean.prob_payback_within(5) == kept.prob_payback_within(5)
    assert kept.kept == 20_000
    assert lean.kept == 20_000


def tornado_of_servicetrainee() -> Tornado:
    return tornado(*examples.servicetrainee(), servicetrainee_uncertainty())


def test_plot_is_agg_safe() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=500, seed=1)
    ax = mc.plot()
    # words from the label source, in Swedish by default, never the code name "npv"
    assert ax.get_xlabel() == "Nettonuvärde [mnkr]"
    assert ax.get_ylabel() == "dragningar"
    ax = mc.plot("npv", "kommun", lang="en")
    assert ax.get_xlabel() == "Net present value, kommun [MSEK]"
    assert ax.get_title() == "Servicetrainee: 500 draws"
    ticks = [t.get_text() for t in tornado_of_servicetrainee().plot().get_yticklabels()]
    assert "Avtagande per år för effekt 1" in ticks  # effects[1].drop_off, in words
    english = tornado_of_servicetrainee().plot(lang="en")
    assert "Drop-off of effect 1" in [t.get_text() for t in english.get_yticklabels()]
    assert english.get_title() == "Servicetrainee: one-way sensitivity"
    plt.close("all")


# --- correlation (Gaussian copula) ------------------------------------------------------------
def test_correlated_draws_keep_marginals_and_rank_correlation() -> None:
    a, b = Uniform(low=-0.6, high=-0.2), Pert(low=0.0, mode=1.0, high=3.0)
    spec = Uncertainty({"x": a, "y": b}, correlation={("x", "y"): 0.8})
    n = 50_000
    draws = sample_parameters(spec, n, seed=2)
    x, y = draws["x"], draws["y"]
    for dist, values in ((a, x), (b, y)):
        assert abs(values.mean() - dist.mean()) <= 5 * dist.std() / math.sqrt(n)
        assert values.min() >= dist.support()[0]
        assert values.max() <= dist.support()[1]
    rank_x, rank_y = np.argsort(np.argsort(x)), np.argsort(np.argsort(y))
    spearman = float(np.corrcoef(rank_x, rank_y)[0, 1])
    assert spearman == pytest.approx(6 / math.pi * math.asin(0.4), abs=0.01)
    # the fast quantiles used for copula draws agree with ppf
    q = np.linspace(0.001, 0.999, 41)
    np.testing.assert_allclose(b.quantiles_fast(q), b.ppf(q), atol=1e-5)
    # chunk invariance holds with correlation too
    assert np.array_equal(sample_parameters(spec, 100, seed=2)["y"], y[:100])


def test_correlation_from_toml_and_bad_correlations() -> None:
    text = """
    "effects[1].change" = {kind = "uniform", low = -5.4, high = -4.4}
    "effects[1].drop_off" = {kind = "pert", low = 0, mode = 0.2, high = 0.4}
    correlation = [{parameters = ["effects[1].change", "effects[1].drop_off"], rho = -0.5}]
    """
    spec = Uncertainty(tomllib.loads(text))
    assert spec.correlation == {("effects[1].change", "effects[1].drop_off"): -0.5}
    mc = simulate(*examples.servicetrainee(), spec, draws=1000, seed=1)
    assert mc.draws == 1000
    u = {"a": Uniform(low=0, high=1), "b": Uniform(low=0, high=1), "c": Uniform(low=0, high=1)}
    with pytest.raises(InputError, match="in \\[-1, 1\\]"):
        Uncertainty(u, correlation={("a", "b"): 1.5})
    with pytest.raises(InputError, match="without a"):
        Uncertainty(u, correlation={("a", "z"): 0.5})
    with pytest.raises(InputError, match="without a"):
        Uncertainty({**u, "f": Fixed(value=1)}, correlation={("a", "f"): 0.5})
    with pytest.raises(InputError, match="positive definite"):
        Uncertainty(u, correlation={("a", "b"): 0.9, ("b", "c"): 0.9, ("a", "c"): -0.9})
    with pytest.raises(InputError, match="two different"):
        Uncertainty(u, correlation={("a", "a"): 0.5})


def test_progress_is_reported_per_chunk() -> None:
    calls: list[tuple[int, int]] = []
    simulate(
        *examples.servicetrainee(),
        servicetrainee_uncertainty(),
        draws=20_000,
        seed=1,
        chunk_size=8192,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(8192, 20_000), (16384, 20_000), (20_000, 20_000)]
