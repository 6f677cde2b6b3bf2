"""Effects from comparison groups: difference in differences, by hand (issue 12, part 1)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociokalkyl import examples
from sociokalkyl.errors import InputError
from sociokalkyl.uncertainty import as_distribution, simulate
from sociokalkyl.uncertainty.comparison import Group, compare

# Servicetrainee (exempel-sociala-investeringar.txt): households on ekonomiskt bistånd
# fell by 74 % in the project group, 20 % in the wait-list control, 30 % in the
# stratified control. Everyone was on bistånd before (share 1.0). The source gives 30
# participants; the control groups' sizes are not given, 30 is assumed here.
TREATED = Group("Servicetrainee", before=1.0, after=0.26, size=30)
WAIT_LIST = Group("Väntelista", before=1.0, after=0.80, size=30)
STRATIFIED = Group("Stratifierad", before=1.0, after=0.70, size=30)


def servicetrainee():
    return compare(TREATED, [WAIT_LIST, STRATIFIED])


def test_servicetrainee_by_hand():
    c = servicetrainee()
    # (0.26 - 1.0) - (0.80 - 1.0) = -0.74 + 0.20 = -0.54; -0.74 + 0.30 = -0.44
    assert [e.comparison for e in c.estimates] == ["Väntelista", "Stratifierad"]
    assert c.estimates[0].effect == pytest.approx(-0.54, abs=1e-12)
    assert c.estimates[1].effect == pytest.approx(-0.44, abs=1e-12)
    assert (c.low, c.high) == (pytest.approx(-0.54), pytest.approx(-0.44))
    assert c.mean == pytest.approx(-0.49)
    # binomial variances, before = 1 has none: treated 0.26*0.74/30 = 0.0064133,
    # wait-list 0.8*0.2/30 = 0.0053333, stratified 0.7*0.3/30 = 0.007
    assert c.estimates[0].se == pytest.approx(math.sqrt(0.0064133 + 0.0053333), rel=1e-4)
    assert c.estimates[1].se == pytest.approx(math.sqrt(0.0064133 + 0.007), rel=1e-4)
    # sd^2 = mean se^2 + spread: (0.011747 + 0.013413)/2 + ((0.05^2 + 0.05^2)/2) = 0.01508
    assert c.sd == pytest.approx(math.sqrt(0.01258 + 0.0025), rel=1e-3)


def test_before_and_after_both_vary():
    # shares 0.5 -> 0.3 (n 100) against 0.5 -> 0.45 (n 50): -0.2 - (-0.05) = -0.15
    c = compare(Group("T", 0.5, 0.3, 100), [Group("C", 0.5, 0.45, 50)])
    var_t = (0.25 + 0.21) / 100
    var_c = (0.25 + 0.2475) / 50
    assert c.estimates[0].effect == pytest.approx(-0.15)
    assert c.estimates[0].se == pytest.approx(math.sqrt(var_t + var_c))


def test_means():
    # hemtjänst hours a week: 10 -> 7 (sd 4, n 40) against 10 -> 9.5 (sd 4, n 40)
    c = compare(Group("T", 10, 7, 40, sd=4), [Group("C", 10, 9.5, 40, sd=4)], scale="mean")
    assert c.estimates[0].effect == pytest.approx(-2.5)
    assert c.estimates[0].se == pytest.approx(math.sqrt(2 * 16 / 40 * 2))
    d = c.distribution()
    assert d.kind == "normal"
    assert d.support() == (-math.inf, math.inf)


def test_distribution_is_what_the_uncertainty_table_makes():
    d = servicetrainee().effect(10)  # 10 months a year of bistånd without the intervention
    table = d.model_dump(by_alias=True)
    assert as_distribution(table) == d
    assert table["mean"] == pytest.approx(-4.9)
    assert table["sd"] == pytest.approx(10 * math.sqrt(0.01508), rel=1e-3)
    assert (table["low"], table["high"]) == (-10.0, 10.0)


def test_beta_has_the_same_mean_and_sd():
    c = servicetrainee()
    for scale in (1.0, 10.0, -2.0):
        b = c.distribution("beta", scale=scale)
        assert b.kind == "beta"
        assert b.mean() == pytest.approx(c.mean * scale, rel=1e-9)
        assert math.sqrt(b.variance()) == pytest.approx(c.sd * abs(scale), rel=1e-9)
        assert b.support() == (-abs(scale), abs(scale))


def test_the_effect_runs_in_monte_carlo():
    mc = simulate(
        *examples.servicetrainee(),
        {"effects[1].change": servicetrainee().effect(10)},
        draws=2000,
        seed=1,
    )
    assert np.all(np.isfinite(mc.npv))
    assert mc.std() > 0


def test_several_comparison_groups_give_a_range_one_gives_a_point():
    one = compare(TREATED, [WAIT_LIST])
    assert one.low == one.high == one.mean
    assert one.sd == pytest.approx(one.estimates[0].se)


@pytest.mark.parametrize(
    ("group", "field"),
    [
        (Group("T", 1.2, 0.26, 30), "treated.before"),
        (Group("T", 1.0, -0.1, 30), "treated.after"),
        (Group("T", 1.0, math.nan, 30), "treated.after"),
        (Group("T", 1.0, 0.26, 0), "treated.size"),
        (Group("T", 1.0, 0.26, -5), "treated.size"),
        (Group("T", 1.0, 0.26, True), "treated.size"),  # type: ignore[arg-type]
        (Group("T", 1.0, 0.26, 30, sd=2.0), "treated.sd"),  # no sd for shares
    ],
)
def test_bad_groups_are_named(group, field):
    with pytest.raises(InputError) as info:
        compare(group, [WAIT_LIST])
    assert info.value.field == field


def test_bad_comparisons_and_options():
    with pytest.raises(InputError, match="comparison group"):
        compare(TREATED, [])
    with pytest.raises(InputError) as info:
        compare(TREATED, [WAIT_LIST, Group("S", 1.0, 1.7, 30)])
    assert info.value.field == "comparisons[1].after"
    with pytest.raises(InputError, match="scale"):
        compare(TREATED, [WAIT_LIST], scale="ratio")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no standard error"):
        compare(Group("T", 1.0, 0.26), [WAIT_LIST]).distribution()
    with pytest.raises(InputError, match="use per participant"):
        servicetrainee().effect(0)
    means = compare(Group("T", 1, 2, 10, sd=1), [Group("C", 1, 1, 10, sd=1)], scale="mean")
    with pytest.raises(InputError, match="'normal', or 'beta' for shares"):
        means.distribution("beta")


shares = st.floats(0, 1)
sizes = st.integers(1, 10_000)


@given(tb=shares, ta=shares, cb=shares, ca=shares, nt=sizes, nc=sizes)
def test_did_properties(tb, ta, cb, ca, nt, nc):
    treated, control = Group("T", tb, ta, nt), Group("C", cb, ca, nc)
    forward = compare(treated, [control]).estimates[0]
    backward = compare(control, [treated]).estimates[0]
    # the definition, and swapping the groups flips the sign but not the standard error
    assert forward.effect == (ta - tb) - (ca - cb)
    assert backward.effect == pytest.approx(-forward.effect, abs=1e-12)
    assert forward.se == pytest.approx(backward.se)
    # a share's change has at most variance (1/4 + 1/4)/n
    assert 0.0 <= forward.se <= math.sqrt(0.5 / nt + 0.5 / nc) + 1e-12
    assert -2.0 <= forward.effect <= 2.0
