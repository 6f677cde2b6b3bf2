"""The beta family (:class:`Beta`, :class:`Pert`) and the normal family (:class:`Normal`,
:class:`LogNormal`): the distributions whose CDF and quantiles need special functions.

Import them from :mod:`sociokalkyl.uncertainty.distributions`.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
import numpy.typing as npt
from pydantic import ConfigDict, Field, model_validator

from sociokalkyl.uncertainty._base import Array, _Base, _ordered
from sociokalkyl.uncertainty._special import (
    beta_table,
    betainc,
    bisect_ppf,
    normal_cdf,
    normal_ppf,
)

__all__ = ["Beta", "LogNormal", "Normal", "Pert"]


class _BetaLike(_Base):
    """Shared code of the beta and PERT distributions (a beta scaled to an interval)."""

    def _shapes(self) -> tuple[float, float]:
        raise NotImplementedError

    def _interval(self) -> tuple[float, float]:
        raise NotImplementedError

    def support(self) -> tuple[float, float]:
        return self._interval()

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        a, b = self._shapes()
        low, high = self._interval()
        return low + (high - low) * rng.beta(a, b, size)

    def mean(self) -> float:
        a, b = self._shapes()
        low, high = self._interval()
        return low + (high - low) * a / (a + b)

    def variance(self) -> float:
        a, b = self._shapes()
        low, high = self._interval()
        return (high - low) ** 2 * a * b / ((a + b) ** 2 * (a + b + 1))

    def cdf(self, x: npt.ArrayLike) -> Array:
        a, b = self._shapes()
        low, high = self._interval()
        z = (np.asarray(x, dtype=float) - low) / (high - low)
        return np.asarray(np.frompyfunc(lambda v: betainc(a, b, v), 1, 1)(z), dtype=float)

    def _ppf(self, q: Array) -> Array:
        a, b = self._shapes()
        low, high = self._interval()
        z = bisect_ppf(lambda v: betainc(a, b, v), q, 0.0, 1.0)
        return low + (high - low) * z

    def quantiles_fast(self, u: Array) -> Array:
        low, high = self._interval()
        grid, cdf = beta_table(*self._shapes())
        return low + (high - low) * np.interp(u, cdf, grid)


class Beta(_BetaLike):
    """The beta distribution with shapes ``alpha``, ``beta``, scaled to ``[low, high]``.

    Parameters
    ----------
    alpha, beta
        The shapes, > 0.
    low, high
        The interval [the parameter's unit]; 0 and 1 unless given.

    Notes
    -----
    With :math:`a = \\alpha`, :math:`b = \\beta`: mean
    :math:`low + (high - low)\\, a/(a + b)`, variance
    :math:`(high - low)^2\\, ab / ((a + b)^2 (a + b + 1))`.

    Examples
    --------
    >>> d = Beta(alpha=2, beta=2, low=0, high=10)
    >>> d.mean(), round(d.variance(), 6), round(float(d.ppf(0.5)), 6)
    (5.0, 5.0, 5.0)
    """

    kind: Literal["beta"] = "beta"
    alpha: float = Field(gt=0)
    beta: float = Field(gt=0)
    low: float = 0.0
    high: float = 1.0

    @model_validator(mode="after")
    def _check(self) -> Beta:
        _ordered(self.low, None, self.high, '{kind = "beta", alpha = 2, beta = 5}')
        return self

    def _shapes(self) -> tuple[float, float]:
        return self.alpha, self.beta

    def _interval(self) -> tuple[float, float]:
        return self.low, self.high


class Pert(_BetaLike):
    """The (modified) PERT distribution: a beta on ``[low, high]`` with its mode at ``mode``.

    Shapes :math:`\\alpha = 1 + \\lambda (m - a)/(b - a)`,
    :math:`\\beta = 1 + \\lambda (b - m)/(b - a)`, mean :math:`(a + \\lambda m + b)/(\\lambda + 2)`;
    ``lamb = 4`` is the classic PERT.

    Parameters
    ----------
    low, mode, high
        The least, the most likely and the largest value [the parameter's unit],
        ``low <= mode <= high``, ``low < high``.
    lamb
        The weight :math:`\\lambda` of the mode, > 0; 4 unless given.

    Examples
    --------
    >>> d = Pert(low=2636, mode=3500, high=4500)
    >>> round(d.mean(), 2), d.support()
    (3522.67, (2636.0, 4500.0))
    """

    kind: Literal["pert"] = "pert"
    low: float
    mode: float
    high: float
    lamb: float = Field(default=4.0, gt=0)

    @model_validator(mode="after")
    def _check(self) -> Pert:
        _ordered(self.low, self.mode, self.high, '{kind = "pert", low = 0, mode = 1, high = 3}')
        return self

    def _shapes(self) -> tuple[float, float]:
        width = self.high - self.low
        return (
            1 + self.lamb * (self.mode - self.low) / width,
            1 + self.lamb * (self.high - self.mode) / width,
        )

    def _interval(self) -> tuple[float, float]:
        return self.low, self.high


class Normal(_Base):
    """The normal distribution, optionally truncated to ``[low, high]``.

    Parameters
    ----------
    mean
        The mean of the untruncated normal [the parameter's unit] (stored as ``mean_``,
        since ``mean()`` is the method that returns the truncated mean).
    sd
        Its standard deviation, > 0 [the parameter's unit].
    low, high
        Optional truncation bounds; draws never fall outside them.

    Notes
    -----
    With :math:`\\alpha = (low - \\mu)/\\sigma`, :math:`\\beta = (high - \\mu)/\\sigma` and
    :math:`Z = \\Phi(\\beta) - \\Phi(\\alpha)`, the truncated mean is
    :math:`\\mu + \\sigma (\\varphi(\\alpha) - \\varphi(\\beta)) / Z`.

    Examples
    --------
    >>> Normal(mean=3000, sd=500).mean(), round(float(Normal(mean=0, sd=1).ppf(0.975)), 6)
    (3000.0, 1.959964)
    >>> round(Normal(mean=0, sd=1, low=0).mean(), 6)  # sqrt(2/pi)
    0.797885
    """

    kind: Literal["normal"] = "normal"
    mean_: float = Field(alias="mean")
    sd: float = Field(gt=0)
    low: float | None = None
    high: float | None = None

    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False, populate_by_name=True
    )

    @model_validator(mode="after")
    def _check(self) -> Normal:
        if self.low is not None and self.high is not None and not self.low < self.high:
            raise ValueError(
                f"truncation bounds must be ordered, got low={self.low}, high={self.high}; "
                'e.g. {kind = "normal", mean = 3000, sd = 500, low = 0}'
            )
        p_low, p_high = self._mass()
        if p_high - p_low < 1e-12:
            raise ValueError(
                f"the truncation [{self.low}, {self.high}] holds no probability of "
                f"N({self.mean_}, {self.sd}^2); widen it"
            )
        return self

    def _mass(self) -> tuple[float, float]:
        lo = 0.0 if self.low is None else float(normal_cdf((self.low - self.mean_) / self.sd))
        hi = 1.0 if self.high is None else float(normal_cdf((self.high - self.mean_) / self.sd))
        return lo, hi

    def _alpha_beta(self) -> tuple[float, float]:
        a = -math.inf if self.low is None else (self.low - self.mean_) / self.sd
        b = math.inf if self.high is None else (self.high - self.mean_) / self.sd
        return a, b

    def support(self) -> tuple[float, float]:
        return (
            -math.inf if self.low is None else self.low,
            math.inf if self.high is None else self.high,
        )

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        if self.low is None and self.high is None:
            return rng.normal(self.mean_, self.sd, size)
        lo, hi = self._mass()
        u = lo + (hi - lo) * rng.random(size)
        u = np.clip(u, 1e-300, 1 - 1e-16)
        out = self.mean_ + self.sd * normal_ppf(u, refine=False)
        return np.clip(out, *self.support())

    def mean(self) -> float:
        a, b = self._alpha_beta()
        lo, hi = self._mass()
        pdf_a = 0.0 if math.isinf(a) else math.exp(-a * a / 2) / math.sqrt(2 * math.pi)
        pdf_b = 0.0 if math.isinf(b) else math.exp(-b * b / 2) / math.sqrt(2 * math.pi)
        return self.mean_ + self.sd * (pdf_a - pdf_b) / (hi - lo)

    def variance(self) -> float:
        a, b = self._alpha_beta()
        lo, hi = self._mass()
        z = hi - lo
        pdf_a = 0.0 if math.isinf(a) else math.exp(-a * a / 2) / math.sqrt(2 * math.pi)
        pdf_b = 0.0 if math.isinf(b) else math.exp(-b * b / 2) / math.sqrt(2 * math.pi)
        apdf = 0.0 if math.isinf(a) else a * pdf_a
        bpdf = 0.0 if math.isinf(b) else b * pdf_b
        return self.sd**2 * (1 + (apdf - bpdf) / z - ((pdf_a - pdf_b) / z) ** 2)

    def cdf(self, x: npt.ArrayLike) -> Array:
        lo, hi = self._mass()
        raw = normal_cdf((np.asarray(x, dtype=float) - self.mean_) / self.sd)
        return np.clip((raw - lo) / (hi - lo), 0.0, 1.0)

    def _ppf(self, q: Array) -> Array:
        lo, hi = self._mass()
        out = self.mean_ + self.sd * normal_ppf(lo + q * (hi - lo))
        return np.clip(out, *self.support())


class LogNormal(_Base):
    """The lognormal: ``exp(N(mu, sigma^2))``; ``mu``, ``sigma`` of the logarithm.

    ``exp(mu)`` is the median: for a unit cost around 3 000 kr with a spread of a factor
    1.5 either way (68 %), ``mu = ln(3000)``, ``sigma = ln(1.5)``.

    Parameters
    ----------
    mu
        The mean of the logarithm [log of the parameter's unit].
    sigma
        The standard deviation of the logarithm, > 0.

    Notes
    -----
    Mean :math:`e^{\\mu + \\sigma^2/2}`, variance
    :math:`(e^{\\sigma^2} - 1)\\, e^{2\\mu + \\sigma^2}`.

    Examples
    --------
    >>> import math
    >>> d = LogNormal(mu=math.log(3000), sigma=math.log(1.5))
    >>> round(float(d.ppf(0.5)), 6), round(d.mean(), 1)
    (3000.0, 3257.0)
    """

    kind: Literal["lognormal"] = "lognormal"
    mu: float
    sigma: float = Field(gt=0)

    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        return rng.lognormal(self.mu, self.sigma, size)

    def mean(self) -> float:
        return math.exp(self.mu + self.sigma**2 / 2)

    def variance(self) -> float:
        return (math.exp(self.sigma**2) - 1) * math.exp(2 * self.mu + self.sigma**2)

    def cdf(self, x: npt.ArrayLike) -> Array:
        arr = np.asarray(x, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (np.log(np.where(arr > 0, arr, 1.0)) - self.mu) / self.sigma
        return np.where(arr > 0, normal_cdf(z), 0.0)

    def _ppf(self, q: Array) -> Array:
        return np.exp(self.mu + self.sigma * normal_ppf(q))
