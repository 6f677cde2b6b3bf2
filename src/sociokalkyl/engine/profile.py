"""The effect profile: how much of an effect is at work each year after it begins.

Pure numpy; no pint, no pydantic, no models.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["effect_profile"]

Array = NDArray[np.float64]


def effect_profile(
    k: ArrayLike,
    *,
    ramp_years: int = 0,
    duration: float | None = None,
    drop_off: ArrayLike = 0.0,
) -> Array:
    r"""The share of an effect's full size at work ``k`` years after the effect began.

    Parameters
    ----------
    k
        Years since the effect began [year]: for a cohort entering in year ``c``, an
        effect with start lag ``ℓ`` and analysis year ``t``, ``k = t - c - ℓ``. Any shape.
    ramp_years
        Years until the full effect, ``R`` [year]; 0 or 1 means no ramp-up.
    duration
        Years the effect lasts, ``L`` [year]; ``None`` for no end.
    drop_off
        Yearly drop-off of the effect, ``d`` [share per year]: a scalar, or an array
        over draws of shape ``(D,)``.

    Returns
    -------
    ndarray
        The profile [share], of shape ``k.shape`` for a scalar ``drop_off``, else
        ``k.shape + (D,)`` (the draw last, as everywhere in the engine).

    Notes
    -----
    .. math::

        \pi(k) = \begin{cases}
            0 & k < 0 \text{ or } k \ge L \\
            \rho(k)\,(1 - d)^k & \text{otherwise}
        \end{cases}
        \qquad \rho(k) = \min\left(1, \frac{k + 1}{R}\right) \text{ (1 when } R \le 1)

    The definition of ``docs/conventions.md`` and DESIGN.md, as
    :func:`~sociokalkyl.engine.project` computes it: ``(ρ(k)·[0 ≤ k < L]) ·
    (1 − d)^max(k, 0)``, with the baseline use multiplied in between the two factors
    there (the historical order, kept so that no bit of any result changes).

    Examples
    --------
    Two years of ramp-up, a 10 % yearly drop-off, four years in all; then three draws:

    >>> effect_profile(np.arange(-1, 6), ramp_years=2, duration=4, drop_off=0.1)
    array([0.   , 0.5  , 0.9  , 0.81 , 0.729, 0.   , 0.   ])
    >>> effect_profile([0, 1], drop_off=np.array([0.0, 0.5, 1.0]))
    array([[1. , 1. , 1. ],
           [1. , 0.5, 0. ]])
    """
    years = np.asarray(k, dtype=float)
    drop = np.asarray(drop_off, dtype=float)
    if drop.ndim > 0:
        years = years[..., np.newaxis]
    window = _ramp_window(years, ramp_years, duration)
    result: Array = window * _decay(years, drop)
    return result


def _ramp_window(k: Array, ramp_years: int, duration: float | None) -> Array:
    """``ρ(k)`` where ``0 <= k < L``, else 0 (see :func:`effect_profile`) [share].

    Examples
    --------
    >>> _ramp_window(np.arange(-1.0, 4.0), 3, 3)
    array([0.        , 0.33333333, 0.66666667, 1.        , 0.        ])
    """
    ramp: Array | float = np.minimum(1.0, (k + 1) / ramp_years) if ramp_years > 1 else 1.0
    active = (k >= 0) & (k < (duration if duration is not None else math.inf))
    window: Array = np.multiply(ramp, active, dtype=float)
    return window


def _decay(k: Array, drop_off: Array) -> Array:
    """``(1 - d) ** max(k, 0)`` [share]: the drop-off after ``k`` years.

    Examples
    --------
    >>> _decay(np.arange(-1.0, 3.0), np.asarray(0.5))
    array([1.  , 1.  , 0.5 , 0.25])
    """
    result: Array = (1.0 - drop_off) ** np.maximum(k, 0)
    return result
