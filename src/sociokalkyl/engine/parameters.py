"""The numeric inputs of a plan: :class:`Parameter`, keyed by :class:`ParameterKey`, and
how the plan discounts (:class:`Discounting`). Plain data: no pint, no pydantic, no prose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["Discounting", "Parameter", "ParameterKey", "canonical_value"]

KRONOR_DECIMALS = 6
"""Decimals of a krona kept when an amount in tkr, mnkr or mdkr becomes kronor."""


@dataclass(frozen=True)
class ParameterKey:
    """Where a parameter comes from: a section of the model, an index in it and a field.

    ``section`` is ``"target_group"``, ``"cost_items"``, ``"baseline"``, ``"effects"``,
    ``"costs"`` or ``"settings"``; ``index`` is the cost item's key (``cost_items``), the
    position in the list (``baseline``, ``effects``, ``costs``), the intake year
    (``target_group``) or ``None`` (``settings``); ``field`` is the model's field name
    (``"unit_cost"``, ``"change"``, ``"intake"``, ``"effect_multiplier"``). Reports turn
    a key into words in the reader's language; the engine writes no prose.

    Examples
    --------
    >>> ParameterKey("effects", 0, "drop_off")
    ParameterKey(section='effects', index=0, field='drop_off')
    """

    section: str
    index: int | str | None
    field: str


@dataclass(frozen=True)
class Parameter:
    """One numeric input of the plan.

    Attributes
    ----------
    name
        The parameter's name in overrides and distributions (``"effects[0].change"``).
    key
        Where it comes from in the model (:class:`ParameterKey`).
    value
        The number as the user gave it [``unit``, in its own price year]. A distribution
        over a parameter is a distribution of ``value``.
    scale
        The factor to the engine's canonical unit: the engine uses ``value * scale``
        [SEK/year, SEK, share, uses per year; analysis price year], or for an amount in
        tkr, mnkr or mdkr ``kronor * scale`` (see :func:`canonical_value`).
    unit
        A unit key: the unit as written by :func:`sociokalkyl.units.unit_key`
        (``"SEK/day"``, ``"month/year"``), or ``"share"``, ``"1/year"``,
        ``"participants"``, ``"×"``; reports translate it (``"kr/dygn"``).
    bounds
        The smallest and largest value that makes sense [``unit``].
    multiple
        For an amount in tkr, mnkr or mdkr: kronor per unit (1 000, 10^6, 10^9) [SEK];
        1 otherwise.

    Examples
    --------
    >>> p = Parameter("effects[0].deadweight", ParameterKey("effects", 0, "deadweight"),
    ...               0.1, 1.0, "share", (0.0, 1.0))
    >>> p.value * p.scale
    0.1
    """

    name: str
    key: ParameterKey
    value: float
    scale: float = 1.0
    unit: str = ""
    bounds: tuple[float, float] = (-math.inf, math.inf)
    multiple: float = 1.0


def canonical_value(parameter: Parameter, value: Any) -> NDArray[np.float64]:
    r"""The value in the engine's canonical unit: ``value * scale``, via kronor for tkr.

    Parameters
    ----------
    parameter
        The parameter (its ``scale`` and ``multiple``).
    value
        Its value or values [``parameter.unit``], a scalar or an array over draws.

    Returns
    -------
    ndarray
        :math:`v \cdot s`, or :math:`\mathrm{round}(v \cdot m, 6) \cdot s` for an amount
        in tkr, mnkr or mdkr (``m`` kronor per unit) [SEK/year, SEK, share, ...].

    Notes
    -----
    Rounding the kronor to a millionth of a krona makes "75,25 tkr" and "75 250 kr" the
    same float before the scale applies, so every notation of an amount gives the same
    result to the last bit (75.25 x 1000 is exact, 2.01 x 1000 is not). The rounding is
    far below an öre; it stays exact for amounts below about 9 x 10^9 kr.

    Examples
    --------
    >>> p = Parameter("costs[0].amount", ParameterKey("costs", 0, "amount"), 2.01, 1.0,
    ...               "kSEK", (0.0, math.inf), multiple=1000.0)
    >>> float(canonical_value(p, 2.01)), 2.01 * 1000
    (2010.0, 2009.9999999999998)
    """
    values = np.asarray(value, dtype=float)
    # an overflow becomes inf without a printed warning: callers check (analysis.finite)
    with np.errstate(over="ignore", invalid="ignore"):
        if parameter.multiple != 1.0:
            values = np.round(values * parameter.multiple, KRONOR_DECIMALS)
        result: NDArray[np.float64] = values * parameter.scale
    return result


@dataclass(frozen=True)
class Discounting:
    """How the plan discounts: a constant real ``rate`` or a named schedule ``preset``.

    Attributes
    ----------
    rate
        The real rate [1/year] as given (a parameter), ``None`` for a schedule.
    preset
        The schedule's name (``"green_book"``), ``None`` for a rate.
    source
        The schedule's citation, ``None`` for a rate.

    Examples
    --------
    >>> Discounting(0.035)
    Discounting(rate=0.035, preset=None, source=None)
    """

    rate: float | None
    preset: str | None = None
    source: str | None = None
