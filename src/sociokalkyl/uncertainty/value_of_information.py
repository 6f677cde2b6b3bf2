"""What to measure next: the expected value of (partial) perfect information.

The decision is "invest or not" for one perspective (the total, or one payer): invest
when the expected NPV is positive. Uncertainty makes that decision wrong in some draws;
perfect information would avoid the loss.

- EVPI, the expected value of perfect information [SEK]:
  :math:`E[\\max(NPV, 0)] - \\max(E[NPV], 0)`, what knowing every uncertain number
  would be worth before deciding.
- EVPPI of a parameter :math:`\\theta` [SEK]:
  :math:`E_\\theta[\\max(E[NPV \\mid \\theta], 0)] - \\max(E[NPV], 0)`, what knowing only
  :math:`\\theta` would be worth. :math:`E[NPV \\mid \\theta]` comes from a regression over
  the stored draws (Strong, Oakley and Brennan 2014; see
  :mod:`~sociokalkyl.uncertainty._regression`), so no second, nested simulation is needed.

Ranked by EVPPI, the parameters say which number the follow-up should measure first.
Also: the probability of paying back within the mandate period (``mandatperiod``, 4
years by default), from the payback curve.

Examples
--------
>>> import numpy as np
>>> rng = np.random.default_rng(1)
>>> effect, noise = rng.normal(0, 1, 100_000), rng.normal(0, 1, 100_000)
>>> npv = 0.5 + effect + 0.1 * noise
>>> rows = rank_evppi(npv, {"effekt": effect, "brus": noise})
>>> [row.parameter for row in rows]
['effekt', 'brus']
>>> bool(rows[0].evppi <= evpi(npv))
True

See ``docs/value-of-information.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray

from sociokalkyl.errors import InputError
from sociokalkyl.uncertainty._regression import conditional_mean, fitted_sorted

__all__ = ["MANDATE_PERIOD", "EvppiRow", "evpi", "evppi", "rank_evppi"]

Array = NDArray[np.float64]
MANDATE_PERIOD = 4
"""Years of a mandate period (mandatperiod) in Swedish municipal politics: 4."""


def _npv_array(npv: npt.ArrayLike, field: str = "npv") -> Array:
    """``npv`` as a finite 1-d float array with at least two draws; an InputError otherwise."""
    try:
        array = np.asarray(npv, dtype=float)
    except (TypeError, ValueError):
        array = np.asarray([math.nan])
    if array.ndim != 1 or array.size < 2 or not np.all(np.isfinite(array)):
        raise InputError(
            "is not an array of finite NPVs over at least two draws",
            field=field,
            value=f"shape {array.shape}" if array.ndim != 1 or array.size < 2 else "non-finite",
            expected="the NPV of each draw of a simulation [SEK], e.g. mc.npv",
        )
    return array


def evpi(npv: npt.ArrayLike) -> float:
    """The expected value of perfect information for the decision invest / not invest.

    Parameters
    ----------
    npv
        The NPV of each draw, shape ``(draws,)`` [SEK], in one perspective (``mc.npv``,
        ``mc.npv_by_payer["kommun"]``, or any other perspective's NPV over the draws).

    Returns
    -------
    float
        :math:`E[\\max(NPV, 0)] - \\max(E[NPV], 0)` [SEK], >= 0.

    Notes
    -----
    For a normal NPV with mean :math:`\\mu` and sd :math:`\\sigma` the closed form is
    :math:`\\sigma\\varphi(\\mu/\\sigma) - |\\mu|\\Phi(-|\\mu|/\\sigma)`.

    Examples
    --------
    >>> evpi([-100.0, 300.0])  # decide "invest" (mean 100); perfect information avoids -100
    50.0
    """
    values = _npv_array(npv)
    return float(max(np.maximum(values, 0.0).mean() - max(values.mean(), 0.0), 0.0))


def _parameter_matrix(parameter: npt.ArrayLike, n: int, field: str) -> Array:
    """The parameters' draws as an ``(n, p)`` float array; an InputError otherwise."""
    x = np.asarray(parameter, dtype=float)
    x = x[:, None] if x.ndim == 1 else x
    if x.ndim != 2 or x.shape[0] != n or x.shape[1] < 1 or not np.all(np.isfinite(x)):
        raise InputError(
            f"is not the draws of the parameter(s), one row per draw ({n})",
            field=field,
            value=f"shape {x.shape}",
            expected="an array of shape (draws,) or (draws, parameters) of finite values",
        )
    return x


def evppi(npv: npt.ArrayLike, parameter: npt.ArrayLike) -> float:
    """The expected value of partial perfect information about one parameter (or several).

    Parameters
    ----------
    npv
        The NPV of each draw, shape ``(draws,)`` [SEK], in one perspective.
    parameter
        The parameter's value in the same draws, shape ``(draws,)``, or several
        parameters together, shape ``(draws, p)`` [their units].

    Returns
    -------
    float
        :math:`\\overline{\\max(g, 0)} - \\max(\\overline{NPV}, 0)` [SEK], where
        :math:`g` is the regression estimate of E[NPV | parameter] at each draw; clipped
        to [0, EVPI], the bounds the true value keeps.

    Notes
    -----
    The regression (a natural cubic spline with 8 knots in the parameter's rank; see
    :mod:`~sociokalkyl.uncertainty._regression`) has two biases. Its fitted values carry
    noise of variance about :math:`\\sigma^2_{res} K / n` (K basis functions, n draws),
    and :math:`\\max(\\cdot, 0)` is convex, so noise biases EVPPI *up*, by at most about
    :math:`\\sigma_{res}\\sqrt{K/n}` (0.9 % of the NPV's sd for 100 000 draws); a
    parameter that does not matter gets a small positive value, not exactly 0. A
    conditional mean too wiggly for 8 knots is smoothed, which biases EVPPI *down*.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> x = rng.uniform(-1, 1, 50_000)
    >>> round(evppi(x, x), 3), round(evpi(x), 3)  # NPV = x: knowing x is knowing all
    (0.25, 0.25)
    """
    values = _npv_array(npv)
    x = _parameter_matrix(parameter, values.size, "parameter")
    return _evppi(values, x, evpi(values))[0]


def _evppi(values: Array, x: Array, total: float) -> tuple[float, float]:
    """EVPPI clipped to [0, ``total``] and the share of the NPV's variance the fit explains."""
    fitted = fitted_sorted(values, x[:, 0]) if x.shape[1] == 1 else conditional_mean(values, x)
    raw = np.maximum(fitted, 0.0).mean() - max(values.mean(), 0.0)
    spread = values.var()
    share = float(min(fitted.var() / spread, 1.0)) if spread > 0 else 0.0
    return float(min(max(raw, 0.0), total)), share


@dataclass(frozen=True)
class EvppiRow:
    """One parameter's EVPPI, in a ranking.

    Parameters
    ----------
    parameter
        The parameter's name (``"effects[1].change"``).
    evppi
        Its EVPPI [SEK].
    share_of_evpi
        EVPPI / EVPI [-], NaN when EVPI is 0.
    variance_share
        The share of the NPV's variance that the parameter explains [-] (the regression's
        R²): what drives the spread, even when no single parameter can change the decision
        (every EVPPI 0).

    Examples
    --------
    >>> EvppiRow("effect_multiplier", 1.2e6, 0.8, 0.6).share_of_evpi
    0.8
    """

    parameter: str
    evppi: float
    share_of_evpi: float
    variance_share: float


def rank_evppi(npv: npt.ArrayLike, parameters: Mapping[str, npt.ArrayLike]) -> list[EvppiRow]:
    """The EVPPI of each parameter, largest first: which number to measure first.

    Parameters
    ----------
    npv
        The NPV of each draw, shape ``(draws,)`` [SEK], in one perspective.
    parameters
        Parameter name -> its draws, each of shape ``(draws,)`` (as
        :func:`~sociokalkyl.uncertainty.sample_parameters` gives them).

    Returns
    -------
    list of EvppiRow
        Sorted by EVPPI, largest first; equal EVPPI (such as 0, when no single
        parameter can change the decision) by the variance share explained.

    Examples
    --------
    >>> x = np.linspace(-1, 1, 1001)
    >>> [(r.parameter, round(r.evppi, 3)) for r in rank_evppi(x, {"a": np.ones(1001), "b": x})]
    [('b', 0.25), ('a', 0.0)]
    """
    values = _npv_array(npv)
    total = evpi(values)
    rows = []
    for name, draws in parameters.items():
        x = _parameter_matrix(draws, values.size, f"parameters[{name!r}]")
        value, share = _evppi(values, x, total)
        rows.append(EvppiRow(str(name), value, value / total if total > 0 else math.nan, share))
    return sorted(rows, key=lambda row: (-row.evppi, -row.variance_share))
