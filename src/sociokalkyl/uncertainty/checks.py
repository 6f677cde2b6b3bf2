"""Checks at the edge of the Monte Carlo: the number of draws, and draws that overflow.

Examples
--------
>>> check_draws(1000)
1000
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.errors import InputError
from sociokalkyl.limits import MAX_DRAWS
from sociokalkyl.uncertainty._base import _Base

__all__ = ["check_draws", "check_sampled"]

Array = NDArray[np.float64]


def check_draws(draws: object) -> int:
    """A number of draws as an int, from 1 to :data:`~sociokalkyl.limits.MAX_DRAWS`.

    Parameters
    ----------
    draws
        The number asked for.

    Returns
    -------
    int
        ``draws``.

    Raises
    ------
    InputError
        For a number that is not a whole number >= 1, or above the limit: refused
        before anything is sampled or allocated.

    Examples
    --------
    >>> check_draws(10_000)
    10000
    """
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 1:
        raise InputError(
            "is not a positive whole number of draws",
            field="draws",
            value=draws,
            expected="an integer >= 1, e.g. draws=10_000",
        )
    if draws > MAX_DRAWS:
        raise InputError(
            f"is more than the limit of {MAX_DRAWS:,} draws (10⁸ draws take minutes; the "
            "statistics settle long before)",
            field="draws",
            value=draws,
            expected=f"at most {MAX_DRAWS:,} draws, e.g. draws=10_000 (100 000 for the tails)",
        )
    return int(draws)


def check_sampled(uncertainty: Mapping[str, _Base], sampled: Mapping[str, Array]) -> None:
    """An InputError naming the parameter when a distribution drew a number that is not finite.

    Parameters
    ----------
    uncertainty
        The distributions by parameter name.
    sampled
        Their draws (or quantiles) by parameter name.

    Raises
    ------
    InputError
        Naming the parameter and its distribution (e.g. a lognormal with ``mu = 800``,
        whose draws overflow before the engine sees them).

    Examples
    --------
    >>> from sociokalkyl.uncertainty import Uniform
    >>> u = {"effect_multiplier": Uniform(low=0, high=2)}
    >>> check_sampled(u, {"effect_multiplier": np.array([0.5, 1.5])})
    """
    for name, x in sampled.items():
        if not np.isfinite(x).all():
            bad = float(np.asarray(x)[~np.isfinite(x)].reshape(-1)[0])
            raise InputError(
                f"the distribution drew {bad} (not a finite number): its parameters are "
                "too large for a number to hold",
                field=name,
                value=uncertainty[name].model_dump(by_alias=True),
                expected="a distribution of a realistic size in the parameter's unit, e.g. a "
                "lognormal with mu = log of the typical value",
            )
