"""What to measure next: EVPI, EVPPI and payback within the mandate (issue 12, part 5)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociokalkyl import examples
from sociokalkyl.errors import InputError
from sociokalkyl.examples.uncertain import servicetrainee_uncertainty, skolfam_uncertainty
from sociokalkyl.uncertainty import sample_parameters, simulate
from sociokalkyl.uncertainty.measure_next import (
    check_mandate_period,
    for_npv,
    value_of_information,
)
from sociokalkyl.uncertainty.value_of_information import evpi, evppi, rank_evppi


def phi(z: float) -> float:
    return math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)


def Phi(z: float) -> float:
    return 0.5 * math.erfc(-z / math.sqrt(2))


def normal_evpi(mu: float, sigma: float) -> float:
    """EVPI of a normal NPV: sigma phi(mu/sigma) - |mu| Phi(-|mu|/sigma)."""
    return sigma * phi(mu / sigma) - abs(mu) * Phi(-abs(mu) / sigma)


def test_evpi_by_hand():
    # mean 100 > 0: invest; perfect information avoids the -100 draw: E[max] = 150
    assert evpi([-100.0, 300.0]) == 50.0
    assert evpi([1.0, 2.0, 3.0]) == 0.0  # never negative: nothing to learn
    assert evpi([-3.0, -1.0]) == 0.0


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (0.5, 1.0), (-1.5e6, 2e6)])
def test_evpi_against_the_normal_closed_form(mu, sigma):
    n = 400_000
    npv = mu + sigma * np.random.default_rng(3).standard_normal(n)
    # Monte Carlo error of E[max(X, 0)]: sd(max(X, 0)) / sqrt(n) <= sigma / sqrt(n)
    assert evpi(npv) == pytest.approx(normal_evpi(mu, sigma), abs=4 * sigma / math.sqrt(n))


def test_evppi_of_a_linear_npv_against_the_closed_form():
    # NPV = mu + s1 X1 + s2 X2: E[NPV | X1] = mu + s1 X1 is normal, so
    # EVPPI(X1) = s1 phi(mu/s1) - |mu| Phi(-|mu|/s1), and EVPPI(X1, X2) = EVPI
    n = 200_000
    rng = np.random.default_rng(4)
    x1, x2 = rng.standard_normal(n), rng.standard_normal(n)
    mu, s1, s2 = 0.3, 1.0, 0.6
    npv = mu + s1 * x1 + s2 * x2
    # Monte Carlo error of a mean of max(g, 0): below sd(g) / sqrt(n)
    assert evppi(npv, x1) == pytest.approx(normal_evpi(mu, s1), abs=3 * s1 / math.sqrt(n))
    assert evppi(npv, x2) == pytest.approx(normal_evpi(mu, s2), abs=3 * s2 / math.sqrt(n))
    # all parameters together: the same draws' EVPI, up to the regression's own noise
    sigma = math.hypot(s1, s2)
    together = evppi(npv, np.column_stack([x1, x2]))
    assert together == pytest.approx(evpi(npv), abs=0.5 * sigma / math.sqrt(n))


def test_a_parameter_without_effect_has_evppi_near_zero():
    n = 100_000
    rng = np.random.default_rng(5)
    effect, unrelated = rng.uniform(-1, 1, n), rng.lognormal(0, 1, n)
    npv = 0.1 + effect
    # the noise bias is at most about sd(NPV) sqrt(K / n) with K = 8 basis functions
    bound = npv.std() * math.sqrt(8 / n)
    assert 0.0 <= evppi(npv, unrelated) <= bound
    assert evppi(npv, effect) == pytest.approx(evpi(npv), rel=0.01)


def test_a_discrete_parameter_is_fitted_by_its_group_means():
    # NPV = x - 1.5 with x in {1, 2}, equally often: knowing x is knowing the NPV
    x = np.tile([1.0, 2.0], 500)
    npv = x - 1.5 + np.tile([0.1, -0.1, -0.1, 0.1], 250)  # noise that averages out per x
    assert evppi(npv, x) == pytest.approx(0.25)  # E[max(x - 1.5, 0)] - max(0, 0)
    assert evpi(npv) == pytest.approx(0.25)


@pytest.fixture(scope="module")
def skolfam_near_break_even():
    """Skolfam's simulated NPV moved to break even, so that information is worth something.

    The NPV (kommun's budget view) is -5.3 mnkr on average; the shift keeps every draw's
    dependence on the parameters and makes the decision a close call.
    """
    u = skolfam_uncertainty()
    mc = simulate(*examples.skolfam(), u, draws=40_000, seed=11)
    return mc.npv - mc.mean(), sample_parameters(u, mc.draws, seed=mc.seed)


def test_evpi_bounds_every_evppi_and_all_together_equal_evpi(skolfam_near_break_even):
    npv, parameters = skolfam_near_break_even
    total = evpi(npv)
    rows = rank_evppi(npv, parameters)
    assert total > 0
    assert [row.evppi for row in rows] == sorted((row.evppi for row in rows), reverse=True)
    for row in rows:
        assert 0.0 <= row.evppi <= total
        assert row.share_of_evpi == pytest.approx(row.evppi / total)
        assert 0.0 <= row.variance_share <= 1.0
    assert rows[0].evppi > 0.2 * total  # the leading parameter matters
    together = evppi(npv, np.column_stack(list(parameters.values())))
    # Monte Carlo error of EVPI: sd(max(NPV, 0)) / sqrt(n), below sd(NPV) / sqrt(n)
    assert together == pytest.approx(total, abs=npv.std() / math.sqrt(npv.size))


def test_value_of_information_of_a_simulation():
    u = skolfam_uncertainty()
    mc = simulate(*examples.skolfam(), u, draws=8192, seed=2)
    voi = value_of_information(mc, u, mandate_period=4)
    assert voi.perspective == "total"
    assert voi.draws == 8192
    assert voi.expected_npv == pytest.approx(mc.mean())
    assert voi.evpi == pytest.approx(evpi(mc.npv))
    # P(payback <= 4) from the payback curve, where a draw that never pays back is not within
    assert voi.prob_payback_within_mandate == pytest.approx(mc.payback_curve()[4])
    assert sorted(row.parameter for row in voi.rows) == sorted(u)
    assert voi.decision == "do not invest"
    by_payer = value_of_information(mc, u, payer="kommun", joint=False)
    assert by_payer.perspective == "kommun"
    assert math.isnan(by_payer.evppi_all)
    assert [r["rank"] for r in voi.records()] == list(range(1, len(u) + 1))


def test_the_draws_recreated_are_the_simulated_ones():
    # NPV is monotone in the effect's size, so sorting by the recreated draws must sort the NPV
    u = servicetrainee_uncertainty()
    only = {"effects[1].change": u["effects[1].change"]}
    mc = simulate(*examples.servicetrainee(), only, draws=3000, seed=5)
    change = sample_parameters(only, 3000, seed=mc.seed)["effects[1].change"]
    assert np.all(np.diff(mc.npv[np.argsort(change)]) <= 1e-6)


def test_mandate_period_and_payback():
    payback = [np.nan, 2.5, 4.5]  # never, within 3 years, after 3 years
    voi = for_npv(
        [-1.0, 3.0, 1.0], {"x": [0.0, 1.0, 2.0]}, "kommun", payback=payback, mandate_period=3
    )
    assert voi.prob_payback_within_mandate == pytest.approx(1 / 3)
    assert voi.mandate_period == 3
    assert check_mandate_period(4) == 4
    for bad in (0, -1, True, 2.5, 101):
        with pytest.raises(InputError) as info:
            check_mandate_period(bad)
        assert info.value.field == "mandate_period"


def test_bad_input_is_named():
    with pytest.raises(InputError) as info:
        evpi([1.0, math.nan])
    assert info.value.field == "npv"
    with pytest.raises(InputError, match="at least two draws"):
        evpi([1.0])
    with pytest.raises(InputError) as info:
        evppi([1.0, 2.0, 3.0], [1.0, 2.0])
    assert info.value.field == "parameter"
    with pytest.raises(InputError) as info:
        rank_evppi([1.0, 2.0], {"a": [1.0, math.inf]})
    assert info.value.field == "parameters['a']"
    with pytest.raises(InputError, match="one payback per draw"):
        for_npv([1.0, 2.0], {"a": [1.0, 2.0]}, "total", payback=[1.0])


def test_bad_simulation_input():
    u = skolfam_uncertainty()
    mc = simulate(*examples.skolfam(), u, draws=100, seed=1)
    with pytest.raises(InputError, match="payer"):
        value_of_information(mc, u, payer="landsting")
    with pytest.raises(InputError, match="does not have"):
        value_of_information(mc, {"baseline[7].use": 1.0})


@given(
    mu=st.floats(-3, 3),
    slope=st.floats(0.1, 3),
    noise=st.floats(0, 2),
    seed=st.integers(0, 2**32 - 1),
)
def test_evppi_between_zero_and_evpi(mu, slope, noise, seed):
    rng = np.random.default_rng(seed)
    x, e = rng.uniform(-1, 1, 2000), rng.standard_normal(2000)
    npv = mu + slope * x**3 + noise * e
    total = evpi(npv)
    for parameter in (x, e, np.column_stack([x, e])):
        assert 0.0 <= evppi(npv, parameter) <= total


def test_cli_effekt_servicetrainee(capsys):
    from sociokalkyl.cli.main import main

    code = main(["effekt", "--insatsgrupp", "100 %", "26 %", "30",
                 "--jamforelse", "Väntelista", "100 %", "80 %", "30",
                 "--jamforelse", "Stratifierad", "100 %", "70 %", "30",
                 "--anvandning", "10", "--parameter", "effects[1].change"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "-54,0 .. -44,0 procentenheter" in out
    assert '"effects[1].change" = {kind = "normal", mean = -4.9' in out
    assert "dödvikten" in out


def test_cli_effekt_bad_share_and_size(capsys):
    from sociokalkyl.cli.main import main

    assert main(["effekt", "--insatsgrupp", "100 %", "126 %", "--jamforelse", "V", "1", "0,8"]) == 1
    assert "treated.after" in capsys.readouterr().err
    assert main(["effekt", "--insatsgrupp", "1", "0,3", "0", "--jamforelse", "V", "1", "0,8"]) == 1
    assert "--insatsgrupp.size" in capsys.readouterr().err
    assert main(["effekt", "--insatsgrupp", "1", "--jamforelse", "V", "1", "0,8"]) == 2
    assert "FÖRE EFTER" in capsys.readouterr().err
    args = ["effekt", "--insatsgrupp", "1", "--jamforelse", "V", "1", "0,8", "--lang", "en"]
    assert main(args) == 2
    assert "BEFORE AFTER" in capsys.readouterr().err


def test_cli_vardet_av_information(capsys, tmp_path):
    from importlib import resources

    from sociokalkyl.cli.main import main

    path = str(resources.files("sociokalkyl") / "examples" / "skolfam.toml")
    assert main(["vardet-av-information", path, "--draws", "3000", "--mandatperiod", "3"]) == 0
    out = capsys.readouterr().out
    assert "Sannolikhet att återbetalas inom mandatperioden (3 år)" in out
    assert "(effect_multiplier)" in out
    target = tmp_path / "voi.json"
    assert main(["voi", path, "--draws", "3000", "--format", "json", "--out", str(target)]) == 0
    assert '"perspective": "total"' in target.read_text(encoding="utf-8")
    assert main(["voi", path, "--draws", "3000", "--out", str(target)]) == 2  # no --force


def test_plot_evppi_bars():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    voi = for_npv([-1.0, 3.0, 0.5, -0.2], {"a": [0.0, 1.0, 2.0, 3.0], "b": [1.0, 0.0, 1.0, 0.0]},
                  "kommun")  # fmt: skip
    ax = voi.plot(lang="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.parameter for r in voi.rows][::-1]
    assert ax.get_xlabel() == "Value of knowing (EVPPI) [kr]"
    plt.close("all")


def test_value_of_information_per_perspective():
    # each perspective's answer is the same EVPI formula over that perspective's NPV draws:
    # EVPI = mean(max(NPV, 0)) - max(mean(NPV), 0), and P(payback <= 4) is its curve at 4
    u = servicetrainee_uncertainty()
    mc = simulate(*examples.servicetrainee(), u, draws=2000, seed=3)
    names = [view.name for view in mc.plan.perspectives]
    assert {"kommun", "samhället"} <= set(names)
    for name in names:
        voi = value_of_information(mc, u, perspective=name, joint=False)
        npv = mc.npv_by_perspective[name]
        by_hand = np.mean(np.maximum(npv, 0.0)) - max(np.mean(npv), 0.0)
        assert voi.perspective == name
        assert voi.evpi == pytest.approx(by_hand, abs=1e-6)
        assert voi.expected_npv == pytest.approx(np.mean(npv))
        assert voi.prob_payback_within_mandate == pytest.approx(
            mc.prob_payback_within(4, perspective=name)
        )
    # an alias is accepted and answers under the canonical name
    assert value_of_information(mc, u, perspective="offentlig sektor").perspective == (
        "offentlig_sektor"
    )


def test_value_of_information_bad_perspective():
    u = skolfam_uncertainty()
    mc = simulate(*examples.skolfam(), u, draws=100, seed=1)
    with pytest.raises(InputError, match="did you mean") as info:
        value_of_information(mc, u, perspective="kommunn")
    assert "kommunn" in str(info.value)
    with pytest.raises(InputError, match="both a payer and a perspective") as info:
        value_of_information(mc, u, payer="kommun", perspective="kommun")
    assert info.value.field == "perspective"
