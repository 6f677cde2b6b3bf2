"""Present values, NPV (and Excel's NPV), benefit-cost ratio: one discounted-sum kernel.

Discount schedules and factor tables are in :mod:`sociokalkyl.finance.schedules`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from sociokalkyl.errors import InputError
from sociokalkyl.finance._checks import (
    _VALUES_EXPECTED,
    FloatArray,
    _as_n_years,
    _as_values,
    _broadcast,
    _require_finite,
)
from sociokalkyl.finance.schedules import RateLike, factor_table

__all__ = [
    "benefit_cost_ratio",
    "cumulative",
    "discount_factors",
    "discounted_sum",
    "npv",
    "npv_excel",
    "present_values",
]


def _year_index(t: int, axis: int) -> Any:
    """The index of year ``t`` along a negative ``axis``: ``(..., t, :, :)``."""
    return (Ellipsis, t, *([slice(None)] * (-axis - 1)))


def discounted_sum(flows: FloatArray, factors: FloatArray, axis: int = -1) -> FloatArray:
    """The one present-value kernel: ``sum_t flows[t] * factors[t]`` along the year axis.

    The years are added one by one in order, each step a whole slice of the other axes,
    so a row's (or a draw's) result does not depend on the rows it is computed with: a
    BLAS product or a numpy sum over a short contiguous axis would change the order of
    the additions, and with it the last bits. :func:`npv`, :func:`npv_excel`,
    :func:`benefit_cost_ratio` and the analysis metrics all use this kernel.

    Parameters
    ----------
    flows : ndarray, shape (..., T, ...)
        Yearly flows [SEK]; the year axis is ``axis``.
    factors : ndarray
        Discount factors [-] with the year axis at the same position counted from the
        end (``(T,)`` for ``axis=-1``; ``(T, D)`` or ``(T, 1)`` for the engine's
        ``(..., T, D)`` layout with ``axis=-2``); the other axes broadcast.
    axis : int
        The year axis, counted from the end (-1, -2, ...); a non-negative axis of
        ``flows`` is converted.

    Returns
    -------
    ndarray
        The present value [SEK in the base year], the year axis removed.

    Raises
    ------
    InputError
        When ``flows`` and ``factors`` do not share the year axis.

    Notes
    -----
    .. math:: PV = \\sum_{t=0}^{T-1} v_t \\, f(t)

    Examples
    --------
    >>> flows = np.array([[-100.0], [60.0], [60.0]])          # (T, D) = (3, 1)
    >>> discounted_sum(flows, 1.1 ** -np.arange(3.0).reshape(3, 1), axis=-2).round(2)
    array([4.13])
    >>> discounted_sum(np.array([-100.0, 60.0, 60.0]), 1.1 ** -np.arange(3.0)).round(2)
    np.float64(4.13)
    """
    ndim = flows.ndim
    axis = axis - ndim if axis >= 0 else axis
    if not -ndim <= axis < 0 or factors.ndim < -axis or factors.shape[axis] != flows.shape[axis]:
        raise InputError(
            f"do not share the year axis with factors of shape {factors.shape}",
            field="flows",
            value=flows.shape,
            expected="flows of shape (..., T) with factors (T,), or (..., T, D) with "
            "factors (T, D) or (T, 1) and axis=-2",
        )
    if axis == -1 and factors.ndim == 1 and flows.size > _ROW_BLOCK * flows.shape[-1]:
        return _discounted_rows(flows, factors)
    total: FloatArray = flows[_year_index(0, axis)] * factors[_year_index(0, axis)]
    for t in range(1, flows.shape[axis]):
        total += flows[_year_index(t, axis)] * factors[_year_index(t, axis)]
    return total


_ROW_BLOCK = 1024
"""Rows of ``(N, T)`` flows transposed at a time by :func:`_discounted_rows` (fits in cache)."""


def _discounted_rows(flows: FloatArray, factors: FloatArray) -> FloatArray:
    """:func:`discounted_sum` along the last axis of many rows, a block of rows at a time.

    Each block is transposed to ``(T, rows)`` so that every step adds one contiguous
    row; the operations, and so the bits, are those of the plain loop.
    """
    rows = flows.reshape(-1, flows.shape[-1])
    out = np.empty(rows.shape[0])
    for start in range(0, rows.shape[0], _ROW_BLOCK):
        block = np.ascontiguousarray(rows[start : start + _ROW_BLOCK].T)
        total = out[start : start + _ROW_BLOCK]
        np.multiply(block[0], factors[0], out=total)
        for t in range(1, block.shape[0]):
            total += block[t] * factors[t]
    return out.reshape(flows.shape[:-1])


def _npv(
    rate: RateLike, values: FloatArray, name: str, *, excel: bool = False, axis: int = -1
) -> FloatArray:
    v = np.moveaxis(values, axis, -1) if axis not in (-1, values.ndim - 1) else values
    n = v.shape[-1]
    f = factor_table(rate, n + 1)[..., 1:] if excel else factor_table(rate, n)
    _broadcast(f.shape[:-1], v.shape[:-1], "rate", "values.shape[:-1]")
    out = np.asarray(discounted_sum(v, f), dtype=np.float64)
    if not np.isfinite(out).all():
        _require_finite(values, name, _VALUES_EXPECTED)
    return out


# --------------------------------------------------------------------------- kernels


def discount_factors(rate_or_schedule: RateLike, n_years: int) -> FloatArray:
    """Discount factors for years t = 0..n_years-1.

    Parameters
    ----------
    rate_or_schedule : float, array_like or DiscountSchedule
        Real rate(s) as fractions [1/year], each > -1, or a stepped schedule.
    n_years : int
        Number of years including year 0, >= 1.

    Returns
    -------
    ndarray, shape ``rate.shape + (n_years,)``
        Factors [-]; ``factors[..., 0] == 1``. A schedule gives shape ``(n_years,)``.

    Notes
    -----
    For a constant rate and for a schedule with the rate :math:`r_k` in year k:

    .. math:: f(t) = (1 + r)^{-t}, \\qquad f(t) = \\prod_{k=1}^{t} \\frac{1}{1 + r_k}

    References
    ----------
    .. [1] HM Treasury, "The Green Book", 2022, Table 6.1 (stepped rates).

    Examples
    --------
    >>> discount_factors(0.10, 3).round(4)
    array([1.    , 0.9091, 0.8264])
    >>> discount_factors([0.0, 0.10], 3).round(4)
    array([[1.    , 1.    , 1.    ],
           [1.    , 0.9091, 0.8264]])
    >>> from sociokalkyl.finance import DiscountSchedule
    >>> discount_factors(DiscountSchedule.green_book(), 40).shape
    (40,)
    """
    return factor_table(rate_or_schedule, _as_n_years(n_years), "rate_or_schedule")


def present_values(values: npt.ArrayLike, rate: RateLike) -> FloatArray:
    """Each year's flow multiplied by its discount factor.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly flows [SEK]; ``values[..., 0]`` is year 0 (not discounted).
    rate : float, array_like or DiscountSchedule
        Real rate [1/year] broadcasting against ``values.shape[:-1]``, or a schedule.

    Returns
    -------
    ndarray, shape (..., T)
        Discounted flows [SEK, present value in the base year].

    Notes
    -----
    .. math:: PV_t = v_t \\, f(t)

    so that ``present_values(v, r).sum(-1) == npv(r, v)``.

    References
    ----------
    .. [1] numpy-financial, ``npv``: https://numpy.org/numpy-financial/latest/npv.html

    Examples
    --------
    >>> present_values([-100, 60, 60], 0.10).round(2)
    array([-100.  ,   54.55,   49.59])
    """
    v = _as_values(values)
    f = factor_table(rate, v.shape[-1])
    _broadcast(f.shape, v.shape, "rate", "values")
    out = np.asarray(v * f, dtype=np.float64)
    if not np.isfinite(out).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    return out


def cumulative(values: npt.ArrayLike, rate: RateLike | None = None) -> FloatArray:
    """Cumulative net flow at the end of each year, optionally discounted.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly flows [SEK].
    rate : float, array_like, DiscountSchedule or None
        If given, the flows are discounted first (see :func:`present_values`).

    Returns
    -------
    ndarray, shape (..., T)
        :math:`C_t` [SEK], the cumulative (present) value after year t.

    Notes
    -----
    .. math:: C_t = \\sum_{j=0}^{t} v_j \\, f(j), \\qquad f \\equiv 1 \\text{ without a rate}

    References
    ----------
    .. [1] R. A. Brealey, S. C. Myers, F. Allen, "Principles of Corporate
       Finance", McGraw-Hill (payback).

    Examples
    --------
    >>> cumulative([-100, 30, 30, 30, 30])
    array([-100.,  -70.,  -40.,  -10.,   20.])
    """
    v = _as_values(values)
    d = v if rate is None else present_values(v, rate)
    c = np.cumsum(d, axis=-1)
    if not np.isfinite(c[..., -1]).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    return c


def npv(rate: RateLike, values: npt.ArrayLike, axis: int = -1) -> FloatArray:
    """Net present value, with year 0 undiscounted (numpy-financial convention).

    Parameters
    ----------
    rate : float, array_like or DiscountSchedule
        Real rate as a fraction [1/year], > -1, broadcasting against
        ``values.shape[:-1]``; or a stepped :class:`DiscountSchedule`.
    values : array_like, shape (..., T)
        Yearly net flows [SEK]; ``values[..., 0]`` happens now (year 0).
    axis : int
        The year axis of ``values`` (default the last); ``rate`` broadcasts against
        the other axes.

    Returns
    -------
    ndarray, shape ``broadcast(rate.shape, values.shape[:-1])``
        Net present value [SEK in the base year]; 0-d for one row of flows.

    Notes
    -----
    .. math:: NPV = \\sum_{t=0}^{T-1} \\frac{v_t}{(1 + r)^t}

    computed by :func:`discounted_sum`, year by year in order. This equals
    ``numpy_financial.npv`` row by row, and the Excel idiom
    ``=NPV(r, v1..vn) + v0``; Excel's ``NPV()`` alone is :func:`npv_excel`.
    With a schedule, :math:`(1+r)^{-t}` becomes :math:`\\prod_{k\\le t} 1/(1+r_k)`.

    References
    ----------
    .. [1] numpy-financial, ``npv``: https://numpy.org/numpy-financial/latest/npv.html
    .. [2] HM Treasury, "The Green Book", 2022, Table 6.1 (discounting).

    Examples
    --------
    >>> round(float(npv(0.10, [-100, 60, 60])), 4)   # -100 + 60/1.1 + 60/1.21
    4.1322
    >>> npv([0.0, 0.10], [-100, 60, 60]).round(4)
    array([20.    ,  4.1322])
    >>> npv(0.035, [[-100, 60, 60], [-50, 20, 40]]).round(2)
    array([13.98,  6.66])
    >>> npv(0.035, [[-100, -50], [60, 20], [60, 40]], axis=0).round(2)
    array([13.98,  6.66])
    """
    return _npv(rate, _as_values(values), "values", axis=axis)


def npv_excel(rate: RateLike, values: npt.ArrayLike) -> FloatArray:
    """Excel's ``NPV()``: the first value is discounted one full period.

    Excel ``=NPV(r, v1..vn) + v0`` equals ``npv(r, [v0, v1, ..., vn])``, and
    ``npv_excel(r, [v1..vn])`` equals ``=NPV(r, v1..vn)``. Use this function
    only to reproduce a spreadsheet; the library's convention is :func:`npv`.

    Parameters
    ----------
    rate : float, array_like or DiscountSchedule
        Real rate [1/year], > -1, broadcasting against ``values.shape[:-1]``.
    values : array_like, shape (..., T)
        Flows [SEK]; ``values[..., 0]`` is at the end of the first period.

    Returns
    -------
    ndarray, shape ``broadcast(rate.shape, values.shape[:-1])``
        Excel-style net present value [SEK].

    Notes
    -----
    .. math:: NPV_{Excel} = \\sum_{t=0}^{T-1} \\frac{v_t}{(1 + r)^{t + 1}}

    References
    ----------
    .. [1] Microsoft Support, "NPV function" (Excel).
    .. [2] numpy-financial, ``npv`` (the non-Excel convention).

    Examples
    --------
    >>> round(float(npv_excel(0.10, [60, 60])), 4)          # 60/1.1 + 60/1.21
    104.1322
    >>> round(float(npv_excel(0.10, [60, 60]) - 100), 4)    # Excel: =NPV(10%, 60, 60) - 100
    4.1322
    >>> round(float(npv(0.10, [-100, 60, 60])), 4)
    4.1322
    """
    return _npv(rate, _as_values(values), "values", excel=True)


def benefit_cost_ratio(benefits: npt.ArrayLike, costs: npt.ArrayLike, rate: RateLike) -> FloatArray:
    """Ratio of the present value of benefits to that of costs.

    Parameters
    ----------
    benefits : array_like, shape (..., T)
        Yearly benefits (avoided costs) [SEK], as positive numbers.
    costs : array_like, shape (..., T)
        Yearly costs [SEK], as positive numbers; same T as ``benefits``.
    rate : float, array_like or DiscountSchedule
        Real rate [1/year] or schedule, as in :func:`npv`.

    Returns
    -------
    ndarray, shape (...)
        Benefit-cost ratio [-]. NaN where the present value of the costs is
        exactly 0 (the ratio is undefined; report it as "no cost").

    Notes
    -----
    .. math:: BCR = \\frac{\\sum_t b_t f(t)}{\\sum_t c_t f(t)}

    References
    ----------
    .. [1] HM Treasury, "The Green Book", 2022 (benefit-cost ratio).

    Examples
    --------
    >>> round(float(benefit_cost_ratio([0, 60, 60], [100, 0, 0], 0.10)), 4)
    1.0413
    >>> benefit_cost_ratio([[0, 60], [0, 60]], [[100, 0], [0, 0]], 0.0)
    array([0.6, nan])
    """
    b = _as_values(benefits, "benefits")
    c = _as_values(costs, "costs")
    if b.shape[-1] != c.shape[-1]:
        raise InputError(
            f"benefits cover {b.shape[-1]} years but costs cover {c.shape[-1]}",
            field="costs",
            value=c.shape,
            expected=f"the same number of years as benefits ({b.shape[-1]})",
        )
    _broadcast(c.shape, b.shape, "costs", "benefits")
    pv_b = _npv(rate, b, "benefits")
    pv_c = _npv(rate, c, "costs")
    pv_b, pv_c = np.broadcast_arrays(pv_b, pv_c)
    out = np.full(pv_b.shape, np.nan)
    np.divide(pv_b, pv_c, out=out, where=pv_c != 0)
    return out


# --------------------------------------------------------------------------- irr
