"""The numeric inputs of a plan: :class:`Parameter`, keyed by :class:`ParameterKey`, and
how the plan discounts (:class:`Discounting`). Plain data: no pint, no pydantic, no prose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Discounting", "Parameter", "ParameterKey"]


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
        [SEK/year, SEK, share, uses per year; analysis price year].
    unit
        A unit key: the unit as written by :func:`sociokalkyl.units.unit_key`
        (``"SEK/day"``, ``"month/year"``), or ``"share"``, ``"1/year"``,
        ``"participants"``, ``"×"``; reports translate it (``"kr/dygn"``).
    bounds
        The smallest and largest value that makes sense [``unit``].

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
