"""Payback period, undiscounted and discounted, in fractional years."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from sociokalkyl.finance._checks import (
    _VALUES_EXPECTED,
    FloatArray,
    _as_values,
    _require_finite,
)
from sociokalkyl.finance.discounting import present_values
from sociokalkyl.finance.schedules import RateLike


def payback_period(values: npt.ArrayLike, rate: RateLike | None = None) -> FloatArray:
    """Payback period in fractional years; NaN when not within the horizon.

    ``values[..., 0]`` happens at time 0; ``values[..., t]`` (t >= 1) accrues
    evenly over year t, i.e. between times t-1 and t. The payback is the time
    after which the cumulative net stays non-negative to the end of the
    horizon, so a cumulative that crosses zero more than once pays back at
    its *last* upward crossing.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly net flows [SEK] (negative = net cost).
    rate : float, array_like, DiscountSchedule or None
        None for the undiscounted payback; otherwise the discounted payback,
        each flow multiplied by its factor first.

    Returns
    -------
    ndarray, shape (...)
        Payback [years]. 0 when the cumulative is >= 0 from time 0 on; NaN
        when it is negative at the end of the horizon.

    Notes
    -----
    With :math:`C_t` the cumulative (discounted) flow after year t and
    :math:`j` the last year with :math:`C_j < 0` (:math:`j < T - 1`):

    .. math:: \\text{payback} = j + \\frac{-C_j}{v_{j+1} f(j + 1)}
              = j + \\frac{-C_j}{C_{j+1} - C_j}

    (computed in the second form, which stays within year j + 1 whatever the
    rounding).

    References
    ----------
    .. [1] R. A. Brealey, S. C. Myers, F. Allen, "Principles of Corporate
       Finance", McGraw-Hill (payback and discounted payback).

    Examples
    --------
    >>> round(float(payback_period([-100, 30, 30, 30, 30])), 4)   # 3 + 10/30
    3.3333
    >>> round(float(payback_period([-100, 60, 60], rate=0.10)), 4)
    1.9167
    >>> payback_period([[-100, 10, 10], [5, 1, 1]])                # never; at once
    array([nan,  0.])
    """
    v = _as_values(values)
    d = v.copy() if rate is None else present_values(v, rate)
    out = payback_along_axis(d, axis=-1, overwrite=True)
    if np.isnan(out).any() and not np.isfinite(v).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    return out


def payback_along_axis(flows: FloatArray, axis: int, *, overwrite: bool = False) -> FloatArray:
    """:func:`payback_period` of finite flows whose years run along ``axis``, unchecked.

    The engine's kernel. When the year axis is not the innermost, e.g. the engine's
    ``(·, T, D)`` flows with the draws last, the cumulative sum is ``T - 1`` additions
    of whole contiguous slices (one year of every series at a time), about ten times
    faster than :func:`numpy.cumsum` along that axis; when it is the innermost,
    :func:`numpy.cumsum` itself is faster. Both add in the same order, so the
    cumulative is bit for bit that of :func:`numpy.cumsum`.

    Parameters
    ----------
    flows : ndarray
        Yearly (already discounted, for a discounted payback) net flows [SEK], finite.
    axis : int
        The year axis, year 0 first.
    overwrite : bool
        If True, ``flows`` is replaced by its cumulative sum (no copy is made).

    Returns
    -------
    ndarray
        Payback [years], the shape of ``flows`` without ``axis``; NaN when not within
        the horizon (or a flow is not finite).

    Notes
    -----
    The flow of the year of the crossing is taken as :math:`C_{j+1} - C_j`, so the
    fraction of that year is :math:`-C_j / (C_{j+1} - C_j)`, which lies in (0, 1]
    whatever the rounding (as :math:`C_{j+1} \\ge 0 > C_j`).

    Examples
    --------
    >>> payback_along_axis(np.array([[-100.0, 5.0], [60.0, 1.0], [60.0, 1.0]]), axis=0)
    array([1.66666667, 0.        ])
    """
    axis = axis % flows.ndim
    if axis == flows.ndim - 1:  # years innermost: numpy's cumsum is fastest, same order
        c = np.moveaxis(np.cumsum(flows, axis=-1, out=flows if overwrite else None), -1, 0)
    else:
        c = np.moveaxis(flows if overwrite else flows.copy(), axis, 0)  # a view of the copy
        for t in range(1, c.shape[0]):  # one year of every series at a time
            np.add(c[t - 1 : t], c[t : t + 1], out=c[t : t + 1])  # slices: 1-D works too
    n = c.shape[0]
    # j = the last year with C_j < 0, or -1: the largest (t + 1) [C_t < 0], less 1
    weights = np.arange(1, n + 1, dtype=np.int16 if n < 2**15 else np.int64)
    weights = weights.reshape((n,) + (1,) * (c.ndim - 1))
    j = (np.max((c < 0) * weights, axis=0) - 1).astype(np.intp)
    c_j = np.take_along_axis(c, np.maximum(j, 0)[None], axis=0)[0]
    c_next = np.take_along_axis(c, np.minimum(j + 1, n - 1)[None], axis=0)[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = j + (-c_j) / (c_next - c_j)
    last = c[-1]
    out = np.where(j >= 0, crossing, 0.0)
    return np.asarray(np.where(np.isfinite(last) & (last >= 0), out, np.nan), dtype=np.float64)
