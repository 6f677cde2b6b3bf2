"""Tests of the numpy kernels in sociokalkyl.finance.

numpy_financial 1.0.0 is the oracle for npv and irr, called only with scalar
rates and 1-D rows (it is wrong or refuses on 2-D input). Hand-computed cases
show their working in comments.
"""

from __future__ import annotations

import ast
import math
from pathlib import Path
from typing import Any

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sociokalkyl.errors import CalculationError, InputError
from sociokalkyl.finance import (
    DiscountSchedule,
    benefit_cost_ratio,
    cumulative,
    discount_factors,
    irr,
    npv,
    npv_excel,
    payback_along_axis,
    payback_period,
    present_values,
)

# The number of examples comes from the hypothesis profile (tests/conftest.py): >= 200 in CI.
FAST = settings(deadline=None)

# --------------------------------------------------------------------------- strategies

amounts = st.floats(-1000.0, 1000.0, allow_nan=False, allow_infinity=False)
rates = st.floats(-0.5, 1.0, allow_nan=False, allow_infinity=False)
flow_lists = st.lists(amounts, min_size=1, max_size=30)
int_flows = st.lists(st.integers(-100, 100), min_size=1, max_size=25)


def sek(low: float, high: float) -> st.SearchStrategy[float]:
    """Amounts in kronor and öre (two decimals), as budgets are written."""
    return st.floats(low, high).map(lambda x: round(x, 2))


@st.composite
def one_sign_change(draw: st.DrawFn) -> list[float]:
    """Flows with exactly one sign change: a cost up front, then benefits (or the reverse)."""
    head = draw(st.lists(sek(1.0, 1000.0), min_size=1, max_size=3))
    tail = draw(st.lists(sek(0.0, 1000.0), min_size=1, max_size=25))
    if max(tail) < 1.0:
        tail[-1] = 1.0
    flows = [-x for x in head] + tail
    return [-x for x in flows] if draw(st.booleans()) else flows


@st.composite
def flow_matrices(draw: st.DrawFn) -> np.ndarray[Any, np.dtype[np.float64]]:
    shape = draw(hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=8))
    return draw(hnp.arrays(np.float64, shape, elements=amounts))


def scale(*arrays: Any) -> float:
    """An absolute tolerance scale: the sum of the magnitudes involved."""
    return 1.0 + sum(float(np.abs(np.asarray(a, dtype=float)).sum()) for a in arrays)


def pv_scale(rate: float, flows: Any) -> float:
    """:func:`scale` of the flows, each weighted by its discount factor where that exceeds 1.

    A negative rate gives factors up to 2**29 over 30 years; an NPV of 2.3e7 from flows
    summing to 2 then differs from numpy-financial's in its last bit (it divides by
    (1 + r)**t where we multiply by (1 + r)**-t), which the plain scale did not allow for
    (hypothesis found rate=-0.4921875, flows=[0]*24 + [2.0], on main as well).
    """
    values = np.asarray(flows, dtype=float)
    growth = np.maximum(1.0, (1.0 + rate) ** -np.arange(values.shape[-1], dtype=float))
    return scale(values * growth)


# --------------------------------------------------------------------------- npv


def test_npv_hand_computed() -> None:
    # -100 + 60/1.1 + 60/1.1**2 = -100 + 54.545454... + 49.586776... = 4.132231...
    assert float(npv(0.10, [-100, 60, 60])) == pytest.approx(4.1322314049586, rel=1e-12)
    # the first value is not discounted: a single flow is its own NPV
    assert float(npv(0.10, [-100])) == -100.0
    # at rate 0 the NPV is the plain sum
    assert float(npv(0.0, [-100, 30, 30, 30, 30])) == pytest.approx(20.0)


def test_npv_excel_identity_hand_computed() -> None:
    # Excel: =NPV(10%, 60, 60) = 60/1.1 + 60/1.21 = 104.132231...
    assert float(npv_excel(0.10, [60, 60])) == pytest.approx(104.13223140496, rel=1e-12)
    # Excel idiom =NPV(r, v1..vn) + v0 equals npv(r, [v0..vn])
    assert float(npv_excel(0.10, [60, 60])) - 100 == pytest.approx(float(npv(0.10, [-100, 60, 60])))
    # NPV() discounts the first value: =NPV(10%, 110) = 100
    assert float(npv_excel(0.10, [110])) == pytest.approx(100.0)


@FAST
@given(rate=rates, flows=flow_lists)
def test_npv_matches_numpy_financial(rate: float, flows: list[float]) -> None:
    expected = npf.npv(rate, flows)
    assert float(npv(rate, flows)) == pytest.approx(expected, abs=1e-9 * pv_scale(rate, flows))


@FAST
@given(rate=rates, matrix=flow_matrices())
def test_npv_vectorised_matches_numpy_financial_row_by_row(
    rate: float, matrix: np.ndarray[Any, np.dtype[np.float64]]
) -> None:
    ours = npv(rate, matrix)
    assert ours.shape == matrix.shape[:-1]
    for i, row in enumerate(matrix):
        assert ours[i] == pytest.approx(npf.npv(rate, row), abs=1e-9 * pv_scale(rate, row))


@FAST
@given(
    rate=rates,
    a=st.floats(-10, 10),
    b=st.floats(-10, 10),
    xy=st.integers(1, 20).flatmap(
        lambda n: st.tuples(
            st.lists(amounts, min_size=n, max_size=n), st.lists(amounts, min_size=n, max_size=n)
        )
    ),
)
def test_npv_is_linear_in_the_flows(
    rate: float, a: float, b: float, xy: tuple[list[float], list[float]]
) -> None:
    x, y = np.array(xy[0]), np.array(xy[1])
    lhs = float(npv(rate, a * x + b * y))
    rhs = a * float(npv(rate, x)) + b * float(npv(rate, y))
    assert lhs == pytest.approx(rhs, abs=1e-9 * scale(a * x, b * y))


@FAST
@given(rate=rates, flows=flow_lists)
def test_npv_excel_matches_numpy_financial_shifted(rate: float, flows: list[float]) -> None:
    # Excel's NPV(r, v) is numpy-financial's npv of [0, v...]
    expected = npf.npv(rate, [0.0, *flows])
    tolerance = 1e-9 * pv_scale(rate, [0.0, *flows])
    assert float(npv_excel(rate, flows)) == pytest.approx(expected, abs=tolerance)
    # and =NPV(r, v1..vn) + v0 is npv(r, [v0..vn])
    if len(flows) > 1:
        lhs = float(npv_excel(rate, flows[1:])) + flows[0]
        assert lhs == pytest.approx(float(npv(rate, flows)), abs=tolerance)


def test_npv_broadcasts_rate_against_leading_axes() -> None:
    values = np.array([[-100.0, 60, 60], [-50, 20, 40]])
    rate = np.array([[0.0], [0.05], [0.10]])  # (3, 1) against leading shape (2,)
    out = npv(rate, values)
    assert out.shape == (3, 2)
    for i, r in enumerate(rate[:, 0]):
        for j, row in enumerate(values):
            assert out[i, j] == pytest.approx(npf.npv(float(r), row))
    # one rate per row
    per_row = npv([0.0, 0.10], values)
    assert per_row == pytest.approx([20.0, npf.npv(0.10, values[1])])


def test_npv_three_dimensional() -> None:
    rng = np.random.default_rng(7)
    values = rng.normal(size=(4, 3, 6))
    out = npv(0.035, values)
    assert out.shape == (4, 3)
    for idx in np.ndindex(4, 3):
        assert out[idx] == pytest.approx(npf.npv(0.035, values[idx]))


def test_npv_rate_shape_mismatch_is_input_error() -> None:
    with pytest.raises(InputError, match="does not broadcast") as info:
        npv([0.01, 0.02, 0.03], np.zeros((2, 5)))
    assert info.value.field == "rate"


def test_npv_with_schedule_is_values_times_factors() -> None:
    gb = DiscountSchedule.green_book()
    values = np.arange(1.0, 81.0)
    assert float(npv(gb, values)) == pytest.approx(float(values @ gb.factors(80)))
    # a constant schedule equals the float rate
    flows = [-100, 30, 30, 30, 30]
    assert float(npv(DiscountSchedule.constant(0.035), flows)) == pytest.approx(
        npf.npv(0.035, flows), rel=1e-12
    )


@FAST
@given(rate=rates, flows=flow_lists)
def test_present_values_and_cumulative_add_up_to_npv(rate: float, flows: list[float]) -> None:
    pv = present_values(flows, rate)
    assert pv.shape == (len(flows),)
    assert pv[0] == flows[0]  # year 0 undiscounted
    assert float(pv.sum()) == pytest.approx(float(npv(rate, flows)), abs=1e-9 * scale(flows))
    assert float(cumulative(flows, rate)[-1]) == pytest.approx(
        float(npv(rate, flows)), abs=1e-9 * scale(flows)
    )


def test_cumulative_hand_computed() -> None:
    # -100, -100+30, -70+30, -40+30, -10+30
    assert cumulative([-100, 30, 30, 30, 30]).tolist() == [-100, -70, -40, -10, 20]


# --------------------------------------------------------------------------- discount factors


def test_discount_factors_constant_rate() -> None:
    # 1, 1/1.1, 1/1.21
    assert discount_factors(0.10, 3) == pytest.approx([1.0, 1 / 1.1, 1 / 1.21])
    assert discount_factors(0.035, 1).tolist() == [1.0]
    out = discount_factors([0.0, 0.10], 4)
    assert out.shape == (2, 4)
    assert out[0].tolist() == [1.0, 1.0, 1.0, 1.0]


def test_green_book_factors_hand_checked() -> None:
    f = DiscountSchedule.green_book().factors(80)
    # years 1..30 at 3.5 %: f(30) = 1.035**-30 = 0.356278...
    assert f[30] == pytest.approx(0.35627841060230236, rel=1e-12)
    # year 31 is the first at 3.0 %: f(31) = f(30) / 1.03 = 0.345901...
    assert f[31] == pytest.approx(0.3459013695167984, rel=1e-12)
    # years 31..75 at 3.0 % (45 years): f(75) = 1.035**-30 * 1.03**-45 = 0.094213...
    assert f[75] == pytest.approx(0.09421377257669152, rel=1e-12)
    # year 76 is the first at 2.5 %: f(76) = f(75) / 1.025 = 0.091915...
    assert f[76] == pytest.approx(0.0919158756845771, rel=1e-12)
    assert discount_factors(DiscountSchedule.green_book(), 80) == pytest.approx(f)


def test_green_book_rates_bands() -> None:
    r = DiscountSchedule.green_book().rates(400)  # r[k - 1] is the rate of year k
    assert r[[0, 29, 30, 74, 75, 124, 125, 199, 200, 299, 300, 399]].tolist() == [
        0.035,  # year 1
        0.035,  # year 30
        0.030,  # year 31
        0.030,  # year 75
        0.025,  # year 76
        0.025,  # year 125
        0.020,  # year 126
        0.020,  # year 200
        0.015,  # year 201
        0.015,  # year 300
        0.010,  # year 301
        0.010,  # year 400
    ]


def test_denmark_2018_and_asek() -> None:
    f = DiscountSchedule.denmark_2018().factors(72)
    # f(35) = 1.04**-35; f(36) = f(35)/1.03; f(70) = f(35) * 1.03**-35; f(71) = f(70)/1.02
    assert f[35] == pytest.approx(1.04**-35, rel=1e-12)
    assert f[36] == pytest.approx(1.04**-35 / 1.03, rel=1e-12)
    assert f[70] == pytest.approx(1.04**-35 * 1.03**-35, rel=1e-12)
    assert f[71] == pytest.approx(1.04**-35 * 1.03**-35 / 1.02, rel=1e-12)
    asek = DiscountSchedule.asek()
    assert asek.factors(20) == pytest.approx(discount_factors(0.035, 20), rel=1e-12)
    for preset in (asek, DiscountSchedule.green_book(), DiscountSchedule.denmark_2018()):
        assert preset.source
    assert "Trafikverket" in asek.source
    assert "S2" in asek.source
    assert "Table 6.1" in DiscountSchedule.green_book().source


def test_schedule_start_zero_and_one_are_the_same() -> None:
    a = DiscountSchedule((0, 3), (0.04, 0.02))
    b = DiscountSchedule((1, 3), (0.04, 0.02))
    assert a.factors(6) == pytest.approx(b.factors(6))
    # year 1 and 2 at 4 %, year 3 on at 2 %
    assert a.rates(4).tolist() == [0.04, 0.04, 0.02, 0.02]


def test_schedule_is_frozen_and_hashable() -> None:
    s = DiscountSchedule.green_book()
    with pytest.raises(AttributeError):
        s.band_rates = (0.01,)  # type: ignore[misc]
    assert hash(s) == hash(DiscountSchedule.green_book())
    assert DiscountSchedule([0, 5], [0.03, 0.02]).band_starts == (0, 5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("starts", "band_rates", "field"),
    [
        ((0, 31), (0.035,), "band_rates"),  # lengths differ
        ((), (), "band_rates"),  # empty
        ((2, 31), (0.035, 0.03), "band_starts"),  # first start not 0 or 1
        ((0, 31, 31), (0.035, 0.03, 0.02), "band_starts"),  # not strictly increasing
        ((0, 1), (0.035, 0.03), "band_starts"),  # 0 means 1: two bands start at year 1
        ((0, 30.5), (0.035, 0.03), "band_starts"),  # not a whole year
        ((0,), (-1.0,), "band_rates"),  # rate <= -1
        ((0,), (float("nan"),), "band_rates"),
        ((0,), ("a",), "band_rates"),
    ],
)
def test_schedule_validation(starts: Any, band_rates: Any, field: str) -> None:
    with pytest.raises(InputError) as info:
        DiscountSchedule(starts, band_rates)
    assert info.value.field == field
    assert info.value.expected
    assert "e.g." in info.value.expected


# --------------------------------------------------------------------------- payback


def test_payback_design_example() -> None:
    # cumulative -100, -70, -40, -10, +20: crosses zero in year 4, 10/30 into it
    assert float(payback_period([-100, 30, 30, 30, 30])) == pytest.approx(3 + 10 / 30)


def test_payback_multiple_crossings_takes_the_last() -> None:
    # cumulative: -100, +50, -50, -20, +20, +70. Positive after year 1 but
    # negative again; stays >= 0 only after year 4: 3 + 20/40 = 3.5
    assert float(payback_period([-100, 150, -100, 30, 40, 50])) == pytest.approx(3.5)


def test_payback_edge_cases() -> None:
    # never pays back within the horizon: cumulative -100, -90, -80
    assert math.isnan(float(payback_period([-100, 10, 10])))
    # cumulative >= 0 from time 0: 0
    assert float(payback_period([0, 10])) == 0.0
    assert float(payback_period([10, -5, 20])) == 0.0  # cumulative 10, 5, 25
    assert float(payback_period([0.0, 0.0, 0.0])) == 0.0
    # starts positive, dips: cumulative 10, -10, +20 -> 1 + 10/30
    assert float(payback_period([10, -20, 30])) == pytest.approx(1 + 10 / 30)
    # exactly zero at the end of a year: cumulative -100, -50, 0 -> 2
    assert float(payback_period([-100, 50, 50])) == 2.0
    # ends negative after having been positive: NaN
    assert math.isnan(float(payback_period([-100, 150, -60])))
    # a single negative value never pays back
    assert math.isnan(float(payback_period([-1])))


def test_discounted_payback_hand_computed() -> None:
    # discounted flows at 10 %: -100, 54.5454, 49.5868; cumulative -100, -45.4545, +4.1322
    # payback = 1 + 45.4545 / 49.5868 = 1.916666...
    assert float(payback_period([-100, 60, 60], rate=0.10)) == pytest.approx(
        1 + (100 - 60 / 1.1) / (60 / 1.21)
    )
    # undiscounted it is 1 + 40/60
    assert float(payback_period([-100, 60, 60])) == pytest.approx(1 + 40 / 60)
    # discounting can push the payback beyond the horizon: -100 + 50/1.1 + 50/1.21 < 0
    assert math.isnan(float(payback_period([-100, 50, 50], rate=0.10)))
    # a schedule as the rate
    gb = DiscountSchedule.green_book()
    flows = [-100.0] + [10.0] * 40
    expected = float(payback_period(np.array(flows) * gb.factors(41)))
    assert float(payback_period(flows, rate=gb)) == pytest.approx(expected)


def _check_payback_against_cumsum(p: float, flows: np.ndarray[Any, Any]) -> None:
    c = np.cumsum(flows)
    if math.isnan(p):
        assert c[-1] < 0
        return
    assert 0.0 <= p <= len(flows) - 1
    k = math.ceil(p)
    assert (c[k:] >= 0).all()  # at ceil(payback) and every later year
    if p == 0:
        assert (c >= 0).all()
    else:
        assert c[k - 1] < 0  # just before the payback it is negative
        j = k - 1  # linear within year k: C_j + (p - j) * v_{j+1} == 0
        assert c[j] + (p - j) * flows[j + 1] == pytest.approx(0.0, abs=1e-9 * scale(flows))


@FAST
@given(flows=int_flows)
def test_payback_consistent_with_cumulative_sums(flows: list[int]) -> None:
    _check_payback_against_cumsum(float(payback_period(flows)), np.array(flows, dtype=float))


@FAST
@given(flows=int_flows, rate=st.floats(0.0, 0.2))
def test_discounted_payback_consistent_with_discounted_cumsum(
    flows: list[int], rate: float
) -> None:
    discounted = np.array(flows, dtype=float) * discount_factors(rate, len(flows))
    _check_payback_against_cumsum(float(payback_period(flows, rate=rate)), discounted)


@FAST
@given(
    matrix=hnp.arrays(
        np.int64, st.tuples(st.integers(1, 6), st.integers(1, 12)), elements=st.integers(-100, 100)
    )
)
def test_payback_vectorised_equals_row_by_row(matrix: np.ndarray[Any, Any]) -> None:
    out = payback_period(matrix)
    assert out.shape == matrix.shape[:-1]
    for i, row in enumerate(matrix):
        np.testing.assert_equal(out[i], payback_period(row))


@FAST
@given(
    flows=hnp.arrays(
        np.float64,
        st.tuples(st.integers(1, 4), st.integers(1, 3), st.integers(1, 12)),
        elements=st.floats(-1e6, 1e6),
    ),
    axis=st.integers(0, 2),
)
def test_payback_along_any_axis_equals_payback_period(
    flows: np.ndarray[Any, Any], axis: int
) -> None:
    """The engine's kernel, with the years on any axis, gives payback_period's bits."""
    moved = np.ascontiguousarray(np.moveaxis(flows, -1, axis))  # years on `axis`
    before = moved.copy()
    out = payback_along_axis(moved, axis)
    np.testing.assert_array_equal(out, payback_period(flows))
    np.testing.assert_array_equal(moved, before)  # not overwritten unless asked
    payback_along_axis(moved, axis, overwrite=True)
    np.testing.assert_array_equal(moved, np.cumsum(before, axis=axis))  # np.cumsum's bits


def _reference_payback(flows: list[float]) -> float:
    """The textbook payback, row by row in plain Python: an independent reference."""
    cumulative, total = [], 0.0
    for flow in flows:
        total += flow
        cumulative.append(total)
    if cumulative[-1] < 0:
        return math.nan
    negative = [t for t, c in enumerate(cumulative) if c < 0]
    if not negative:
        return 0.0
    j = negative[-1]
    return j + -cumulative[j] / flows[j + 1]


@FAST
@given(
    rows=st.lists(
        st.lists(st.integers(-1000, 1000).map(float), min_size=12, max_size=12),
        min_size=1,
        max_size=5,
    ),
    axis=st.integers(0, 1),
)
def test_payback_kernel_against_a_plain_python_reference(
    rows: list[list[float]], axis: int
) -> None:
    flows = np.array(rows)
    expected = [_reference_payback(row) for row in rows]
    along = flows if axis == 1 else np.ascontiguousarray(flows.T)
    for out in (payback_period(flows), payback_along_axis(along, axis)):
        assert out.tolist() == pytest.approx(expected, rel=1e-12, abs=1e-12, nan_ok=True)


@FAST
@given(flows=st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=15))
def test_payback_stays_within_the_year_of_the_crossing(flows: list[float]) -> None:
    """With j the last year of C_j < 0, the payback lies in [j, j + 1] whatever the rounding."""
    p = float(payback_period(flows))
    c = np.cumsum(flows)
    negative = np.flatnonzero(c < 0)
    if c[-1] < 0:
        assert math.isnan(p)
    elif negative.size == 0:
        assert p == 0.0
    else:
        j = int(negative[-1])
        assert j <= p <= j + 1  # j + a fraction in (0, 1], which may round to j


def test_payback_broadcasts_rate() -> None:
    out = payback_period([-100, 60, 60], rate=[0.0, 0.10, 0.30])
    assert out.shape == (3,)
    assert out[0] == pytest.approx(1 + 40 / 60)
    assert out[1] == pytest.approx(1 + (100 - 60 / 1.1) / (60 / 1.21))
    assert math.isnan(out[2])  # -100 + 60/1.3 + 60/1.69 < 0


# --------------------------------------------------------------------------- irr


def test_irr_hand_and_reference_cases() -> None:
    # -100 + 110/(1+r) = 0 -> r = 10 %
    assert float(irr([-100, 110])) == pytest.approx(0.10, abs=1e-12)
    # -100 + 121/(1+r)**2 = 0 -> r = 10 %, leading and middle zeros allowed
    assert float(irr([0, 0, -100, 0, 121])) == pytest.approx(0.10, abs=1e-12)
    # sum is zero -> r = 0 exactly
    assert float(irr([-100, 50, 50])) == 0.0
    # numpy-financial documentation examples
    for flows in (
        [-100, 39, 59, 55, 20],
        [-100, 0, 0, 74],
        [-100, 100, 0, -7],
        [-100, 100, 0, 7],
        [-5, 10.5, 1, -8, 1],
    ):
        assert float(irr(flows)) == pytest.approx(npf.irr(flows), abs=1e-10)


def test_irr_two_roots_closest_to_zero() -> None:
    # -100 + 230/(1+r) - 132/(1+r)**2 = 0; with y = 1+r: -100 y**2 + 230 y - 132 = 0
    # y = 1.1 or 1.2: roots 10 % and 20 %, the one closest to zero is 10 %
    flows = [-100, 230, -132]
    assert float(npv(0.10, flows)) == pytest.approx(0.0, abs=1e-12)
    assert float(npv(0.20, flows)) == pytest.approx(0.0, abs=1e-12)
    assert float(irr(flows)) == pytest.approx(0.10, abs=1e-12)
    assert float(irr(flows)) == pytest.approx(npf.irr(flows), abs=1e-10)
    # 100 y**2 - 215 y + 114 = 0: y = 0.95 or 1.2, roots -5 % and +20 %: -5 % is closer
    flows = [100, -215, 114]
    assert float(npv(-0.05, flows)) == pytest.approx(0.0, abs=1e-12)
    assert float(npv(0.20, flows)) == pytest.approx(0.0, abs=1e-12)
    assert float(irr(flows)) == pytest.approx(-0.05, abs=1e-12)
    assert float(irr(flows)) == pytest.approx(npf.irr(flows), abs=1e-10)


def test_irr_no_sign_change_is_nan_or_raises() -> None:
    for flows in ([100, 50], [-100, -50], [0, 0, 0], [-100, 0], [5.0]):
        assert math.isnan(float(irr(flows)))
        assert math.isnan(npf.irr(flows))
    out = irr([[-100, 110, 0], [100, 50, 0], [-100, 121, 0]])
    assert out[0] == pytest.approx(0.10)
    assert math.isnan(out[1])
    with pytest.raises(CalculationError, match=r"values\[1\].*never change sign") as info:
        irr([[-100, 110], [100, 50]], raise_on_failure=True)
    assert isinstance(info.value, ArithmeticError)
    with pytest.raises(CalculationError, match=r"values\[0, 1\]"):
        irr([[[-100, 110], [-1, -1]]], raise_on_failure=True)
    with pytest.raises(CalculationError, match="no internal rate of return for values:"):
        irr([1, 2, 3], raise_on_failure=True)
    # a row with a root does not raise
    assert float(irr([-100, 110], raise_on_failure=True)) == pytest.approx(0.10)


def test_irr_sign_change_without_root_is_nan() -> None:
    # -100 + 50/(1+r) - 100/(1+r)**2 < 0 for every r > -1 (discriminant < 0)
    assert math.isnan(float(irr([-100, 50, -100])))
    assert math.isnan(npf.irr([-100, 50, -100]))
    with pytest.raises(CalculationError, match="searched range"):
        irr([-100, 50, -100], raise_on_failure=True)


@FAST
@given(flows=one_sign_change())
def test_irr_unique_root_matches_numpy_financial(flows: list[float]) -> None:
    expected = npf.irr(flows)
    got = float(irr(flows))
    assert got == pytest.approx(expected, abs=1e-6 * max(1.0, abs(expected)))
    assert float(npv(got, flows)) == pytest.approx(0.0, abs=1e-6 * scale(flows))


def is_root(rate: float, flows: Any) -> bool:
    """NPV(rate) is zero up to rounding of the discounted flows."""
    pv = present_values(flows, rate)
    return abs(float(pv.sum())) <= 1e-7 * scale(pv)


@settings(deadline=None)  # examples: the profile's (tests/conftest.py)
@given(
    matrix=hnp.arrays(
        np.float64, st.tuples(st.integers(1, 12), st.integers(1, 10)), elements=sek(-100, 100)
    )
)
def test_irr_vectorised_matches_numpy_financial_row_by_row(matrix: np.ndarray[Any, Any]) -> None:
    # any flows, possibly several roots: both pick the root closest to zero
    out = irr(matrix)
    assert out.shape == matrix.shape[:-1]
    for i, row in enumerate(matrix):
        if not math.isnan(out[i]):
            assert is_root(out[i], row)
        expected = npf.irr(row)
        if math.isnan(expected) or not is_root(expected, row):
            # numpy-financial's np.roots can drop a real root (tiny imaginary part)
            # or report a spurious one; it is an oracle only where its answer is a root
            continue
        assert out[i] == pytest.approx(expected, abs=1e-6 * max(1.0, abs(expected)))


def test_irr_seeded_batch_matches_numpy_financial() -> None:
    rng = np.random.default_rng(2024)
    flows = rng.normal(8.0, 6.0, size=(300, 20))
    flows[:, 0] = -rng.uniform(50, 150, size=300)
    out = irr(flows)
    expected = np.array([npf.irr(row) for row in flows])
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-9)


# --------------------------------------------------------------------------- benefit-cost ratio


def test_benefit_cost_ratio_hand_computed() -> None:
    # PV(benefits) = 60/1.1 + 60/1.21 = 104.1322; PV(costs) = 100 -> 1.041322
    assert float(benefit_cost_ratio([0, 60, 60], [100, 0, 0], 0.10)) == pytest.approx(
        1.0413223140496
    )
    # zero-cost rows are NaN, without a warning (pytest turns warnings into errors)
    out = benefit_cost_ratio([[0, 60], [0, 60], [0, 0]], [[100, 0], [0, 0], [0, 0]], 0.0)
    assert out[0] == pytest.approx(0.6)
    assert math.isnan(out[1])
    assert math.isnan(out[2])
    # a schedule and a rate array
    gb = DiscountSchedule.green_book()
    b, c = np.full(50, 10.0), np.r_[200.0, np.zeros(49)]
    assert float(benefit_cost_ratio(b, c, gb)) == pytest.approx(float(b @ gb.factors(50)) / 200)
    assert benefit_cost_ratio(b, c, [0.0, 0.035]).shape == (2,)


def test_benefit_cost_ratio_year_mismatch() -> None:
    with pytest.raises(InputError, match="same number of years") as info:
        benefit_cost_ratio([1, 2, 3], [1, 2], 0.035)
    assert info.value.field == "costs"


@FAST
@given(rate=st.floats(0.0, 0.2), n=st.integers(1, 20), data=st.data())
def test_benefit_cost_ratio_matches_numpy_financial(
    rate: float, n: int, data: st.DataObject
) -> None:
    b = data.draw(st.lists(st.floats(0, 1000), min_size=n, max_size=n))
    c = data.draw(st.lists(st.floats(1, 1000), min_size=n, max_size=n))
    assert float(benefit_cost_ratio(b, c, rate)) == pytest.approx(
        npf.npv(rate, b) / npf.npv(rate, c)
    )


# --------------------------------------------------------------------------- input forms


LIST = [-100.0, 30.0, 30.0, 30.0, 30.0]


@pytest.mark.parametrize(
    "convert", [list, tuple, np.asarray, lambda x: np.asarray(x, dtype=np.float32)]
)
def test_every_kernel_accepts_lists_and_arrays(convert: Any) -> None:
    v = convert(LIST)
    assert float(npv(0.035, v)) == pytest.approx(npf.npv(0.035, LIST), rel=1e-6)
    assert float(npv_excel(0.035, v)) == pytest.approx(npf.npv(0.035, LIST) / 1.035, rel=1e-6)
    assert float(payback_period(v)) == pytest.approx(3 + 10 / 30, rel=1e-6)
    assert float(irr(v)) == pytest.approx(npf.irr(LIST), rel=1e-6)
    assert present_values(v, 0.035).shape == (5,)
    assert cumulative(v).shape == (5,)
    assert float(
        benefit_cost_ratio(convert([0, 60, 60]), convert([100, 0, 0]), 0.10)
    ) == pytest.approx(1.0413223, rel=1e-6)


@pytest.mark.parametrize(
    "rate", [0.035, np.float64(0.035), np.array(0.035), [0.035], np.array([0.035])]
)
def test_rate_as_scalar_list_or_array(rate: Any) -> None:
    out = npv(rate, LIST)
    assert out.shape == np.shape(rate)
    assert float(np.ravel(out)[0]) == pytest.approx(npf.npv(0.035, LIST))
    assert discount_factors(rate, 3).shape == (*np.shape(rate), 3)


def test_scalar_values_are_one_flow_at_year_zero() -> None:
    assert float(npv(0.1, 5.0)) == 5.0
    assert float(npv_excel(0.1, 11.0)) == pytest.approx(10.0)
    assert float(payback_period(5.0)) == 0.0
    assert math.isnan(float(payback_period(-5)))
    assert math.isnan(float(irr(5.0)))
    assert float(benefit_cost_ratio(5.0, 2.0, 0.1)) == 2.5
    assert present_values(3.0, 0.1).tolist() == [3.0]
    assert cumulative(3).tolist() == [3.0]


def test_results_are_arrays_of_the_leading_shape() -> None:
    one = npv(0.035, LIST)
    assert isinstance(one, np.ndarray)
    assert one.shape == ()
    assert irr(np.tile(LIST, (2, 3, 1))).shape == (2, 3)
    assert payback_period(np.tile(LIST, (4, 1))).shape == (4,)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "call",
    [
        lambda v: npv(0.035, v),
        lambda v: npv_excel(0.035, v),
        lambda v: present_values(v, 0.035),
        lambda v: cumulative(v),
        lambda v: payback_period(v),
        lambda v: payback_period(v, rate=0.035),
        lambda v: irr(v),
        lambda v: benefit_cost_ratio(v, [1, 1, 1], 0.035),
    ],
)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_values_are_input_errors(call: Any, bad: float) -> None:
    with pytest.raises(InputError, match=r"\[1\] is not a finite number") as info:
        call([-100.0, bad, 30.0])
    assert info.value.field in {"values", "benefits"}
    assert info.value.expected
    assert "e.g." in info.value.expected
    # deep inside a batch, the index is named
    batch = np.zeros((3, 3))
    batch[2, 1] = bad
    with pytest.raises(InputError, match=r"\[2, 1\]"):
        call(batch)


@pytest.mark.parametrize(
    "call",
    [
        lambda r: npv(r, LIST),
        lambda r: npv_excel(r, LIST),
        lambda r: present_values(LIST, r),
        lambda r: cumulative(LIST, r),
        lambda r: payback_period(LIST, rate=r),
        lambda r: benefit_cost_ratio(LIST, LIST, r),
        lambda r: discount_factors(r, 5),
    ],
)
@pytest.mark.parametrize("bad", [-1.0, -2.5, float("nan"), float("inf"), [0.03, -1.0], "3.5 %"])
def test_bad_rates_are_input_errors(call: Any, bad: Any) -> None:
    with pytest.raises(InputError) as info:
        call(bad)
    assert info.value.field in {"rate", "rate_or_schedule"}
    assert info.value.expected
    assert "0.035" in info.value.expected


@pytest.mark.parametrize("empty", [[], np.zeros((3, 0))])
def test_empty_time_axis_is_input_error(empty: Any) -> None:
    for call in (lambda v: npv(0.035, v), payback_period, irr, cumulative):
        with pytest.raises(InputError, match="empty time axis") as info:
            call(empty)
        assert info.value.field == "values"


@pytest.mark.parametrize("n_years", [0, -3, 2.5, True, "10", None])
def test_bad_n_years_is_input_error(n_years: Any) -> None:
    with pytest.raises(InputError) as info:
        discount_factors(0.035, n_years)
    assert info.value.field == "n_years"
    with pytest.raises(InputError):
        DiscountSchedule.green_book().factors(n_years)
    with pytest.raises(InputError):
        DiscountSchedule.green_book().rates(n_years)


@pytest.mark.parametrize(
    "bad", [["a", "b"], [[1, 2], [3]], [1 + 2j, 3], [None, 1.0], [True, False]]
)
def test_non_numeric_values_are_input_errors(bad: Any) -> None:
    with pytest.raises(InputError) as info:
        npv(0.035, bad)
    assert info.value.field == "values"
    assert isinstance(info.value, ValueError)


def test_error_message_names_value_and_example() -> None:
    with pytest.raises(InputError) as info:
        npv(-1.5, LIST)
    text = str(info.value)
    assert text.startswith("rate: rate must be greater than -1")
    assert "-1.5" in text
    assert "e.g. 0.035" in text


# --------------------------------------------------------------------------- module hygiene


def test_finance_imports_neither_pint_nor_pydantic() -> None:
    import sociokalkyl.finance as finance

    files = sorted(Path(finance.__file__).parent.glob("*.py"))
    assert len(files) >= 4  # the package: __init__, _checks, discounting, payback, irr
    imported: set[str] = set()
    nodes = [n for f in files for n in ast.walk(ast.parse(f.read_text(encoding="utf-8")))]
    for node in nodes:
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= {
        "__future__",
        "itertools",
        "math",
        "operator",
        "reprlib",
        "dataclasses",
        "functools",
        "typing",
        "numpy",
        "sociokalkyl",
    }
    assert set(finance.__all__) <= set(dir(finance))


def test_npv_along_any_axis_and_the_one_kernel() -> None:
    from sociokalkyl.finance import discounted_sum

    flows = np.array([[-100.0, -50.0], [60.0, 20.0], [60.0, 40.0]])  # (T, 2)
    assert np.array_equal(npv(0.035, flows, axis=0), npv(0.035, flows.T))
    factors = 1.035 ** -np.arange(3.0)
    # the kernel adds the years in order: one row alone gives the same bits as among many
    alone = discounted_sum(flows[:, :1], factors[:, None], axis=-2)
    many = discounted_sum(flows, factors[:, None], axis=-2)
    assert alone[0] == many[0]
    assert float(npv(0.035, flows[:, 0])) == many[0]
    with pytest.raises(InputError, match="year axis"):
        discounted_sum(flows.T, factors[:, None], axis=-2)
