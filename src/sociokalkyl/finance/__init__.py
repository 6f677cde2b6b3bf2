"""Discounting and investment metrics as pure numpy kernels.

Every kernel works on yearly flows ``values[..., t]`` along the last axis and
is vectorised over any leading axes (draws, items, payers);
:func:`payback_along_axis` takes the year axis as an argument instead, for the
engine's ``(·, T, D)`` layout, in which a cumulative sum over the years of many
draws is fastest.
Inputs may be scalars, lists or ndarrays; a ``rate`` may be a float, an array that broadcasts
against the leading axes ``values.shape[:-1]``, or a :class:`DiscountSchedule`.

Conventions (see ``docs/conventions.md``):

* **Time.** Index ``t = 0`` is "now", the base year, and is not discounted;
  index ``t`` is the t-th year after it and is multiplied by its discount
  factor. This is the convention of ``numpy_financial.npv``.
* **Excel.** Excel's ``NPV(r, v1..vn)`` discounts its *first* value one period.
  The Excel idiom ``=NPV(r, v1..vn) + v0`` equals ``npv(r, [v0, v1, ..., vn])``;
  :func:`npv_excel` reproduces ``NPV()`` itself.
* **Discounting.** A constant real rate gives ``factor(t) = (1 + r)**-t``; a
  stepped schedule gives ``factor(t) = prod_{k=1..t} 1/(1 + r_k)``.
* **Results.** Every result is an ndarray of shape ``values.shape[:-1]``
  (broadcast with the rate's shape); one row of flows gives a 0-d array, which
  ``float()`` turns into a Python float. "No answer" (no IRR, no payback within
  the horizon) is NaN, never a number.

Modules: :mod:`~sociokalkyl.finance.schedules` (rates and stepped schedules),
:mod:`~sociokalkyl.finance.discounting` (the one discounted-sum kernel, NPV,
present values, benefit-cost ratio), :mod:`~sociokalkyl.finance.irr`,
:mod:`~sociokalkyl.finance.payback`.

Nothing here imports pint or pydantic: amounts are plain floats [SEK] in the
constant prices of one analysis price year, rates are real rates as fractions.
"""

from __future__ import annotations

from sociokalkyl.finance.discounting import (
    benefit_cost_ratio,
    cumulative,
    discount_factors,
    discounted_sum,
    npv,
    npv_excel,
    present_values,
)
from sociokalkyl.finance.irr import irr
from sociokalkyl.finance.payback import payback_along_axis, payback_period
from sociokalkyl.finance.schedules import DiscountSchedule, RateLike, factor_table

__all__ = [
    "DiscountSchedule",
    "RateLike",
    "benefit_cost_ratio",
    "cumulative",
    "discount_factors",
    "discounted_sum",
    "factor_table",
    "irr",
    "npv",
    "npv_excel",
    "payback_along_axis",
    "payback_period",
    "present_values",
]
