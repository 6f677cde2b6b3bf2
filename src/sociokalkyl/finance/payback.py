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
from sociokalkyl.finance.discounting import RateLike, present_values


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
    d = v if rate is None else present_values(v, rate)
    c = np.cumsum(d, axis=-1)
    last = c[..., -1]
    if not np.isfinite(last).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    n = c.shape[-1]
    negative = c < 0
    any_negative = negative.any(axis=-1)
    j = (n - 1) - np.argmax(negative[..., ::-1], axis=-1)  # last year with C_j < 0
    j_next = np.minimum(j + 1, n - 1)
    c_j = np.take_along_axis(c, j[..., None], axis=-1)[..., 0]
    d_next = np.take_along_axis(d, j_next[..., None], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = j + (-c_j) / d_next
    out = np.where(any_negative, crossing, 0.0)
    return np.asarray(np.where(last < 0, np.nan, out), dtype=np.float64)
