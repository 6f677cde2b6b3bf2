"""The structure of a compiled plan: baseline uses, effects and cost lines as plain records.

Their sizes are :class:`~sociokalkyl.engine.Parameter` values; these records hold what
does not vary by draw (which cost item, the timing, the pattern over the years). Pure
numpy: no pint, no pydantic, no models.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["BaselineProfile", "CostLine", "EffectTiming"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class BaselineProfile:
    """The structure of one baseline use: which cost item, and its profile over the years.

    Attributes
    ----------
    item
        Index of the cost item in :attr:`Plan.cost_items`.
    name
        The prefix of its parameters' names (``"baseline[0]"``: ``.use``, ``.exit_rate``).
    profile
        Multiplier of the use by years since intake [1], shape ``(T,)``; 0 from the
        baseline's ``years`` on.

    Examples
    --------
    >>> BaselineProfile(0, "baseline[0]", np.ones(3)).profile
    array([1., 1., 1.])
    """

    item: int
    name: str
    profile: Array


@dataclass(frozen=True)
class EffectTiming:
    """The structure of one effect: its cost item, kind and timing (its sizes are parameters).

    Attributes
    ----------
    item
        Index of the cost item in :attr:`Plan.cost_items`.
    name
        The prefix of its parameters' names (``"effects[0]"``: ``.change``,
        ``.drop_off``, ``.deadweight``, ``.attribution``, ``.displacement``).
    relative
        True for a share of the baseline use, False for a use per participant.
    lag
        Years from intake until the effect begins [year].
    ramp
        Years until the full effect [year]; no ramp-up when 0 or 1.
    duration
        Years the effect lasts [year]; ``None`` for the whole horizon.

    Examples
    --------
    >>> EffectTiming(0, "effects[0]", True, lag=1, ramp=2, duration=None).lag
    1
    """

    item: int
    name: str
    relative: bool
    lag: int
    ramp: int
    duration: int | None


@dataclass(frozen=True)
class CostLine:
    """The structure of one intervention cost line (its amount is a parameter).

    Attributes
    ----------
    name
        The cost line's name as the user wrote it.
    kind
        ``"one_off"``, ``"per_year"`` or ``"per_participant"``.
    payer
        Index of the payer in :attr:`Plan.payers`.
    pattern
        Share of the amount paid [1], shape ``(T,)``: by analysis year (``one_off``,
        ``per_year``) or by years since intake (``per_participant``).

    Examples
    --------
    >>> CostLine("Insats", "one_off", 0, np.array([1.0, 0.0])).kind
    'one_off'
    """

    name: str
    kind: str
    payer: int
    pattern: Array
