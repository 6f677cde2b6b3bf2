"""Probability distributions over a parameter's value, as typed, frozen pydantic models.

Each distribution is a model with a ``kind`` discriminator, so a scenario file can say::

    [uncertainty]
    "effects[1].change" = {kind = "uniform", low = -5.4, high = -4.4}
    "cost_items.hvb.unit_cost" = {kind = "pert", low = 2636, mode = 3500, high = 4500}

Every distribution has ``sample(rng, size)``, ``mean()``, ``variance()``, ``ppf(q)`` (the
quantile function), ``cdf(x)`` and ``support()``. Nothing here needs scipy: closed forms
where they exist (uniform, triangular, lognormal via the normal quantile), the normal
quantile by Acklam's rational approximation refined by one Halley step, and the
regularised incomplete beta function by its continued fraction (beta, PERT) inverted by
bisection. Those special functions are in :mod:`sociokalkyl.uncertainty._special`;
the beta and normal families in ``_beta_normal``, the shared base in ``_base``.

Examples
--------
>>> import numpy as np
>>> d = Uniform(low=-5.4, high=-4.4)
>>> round(d.mean(), 2), round(float(d.ppf(0.1)), 2)
(-4.9, -5.3)
>>> d.sample(np.random.default_rng(1), 3).shape
(3,)
>>> round(float(Normal(mean=0, sd=1).ppf(0.975)), 6)
1.959964
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, TypeAdapter, ValidationError, model_validator

from sociokalkyl.errors import InputError
from sociokalkyl.uncertainty._base import Array, _Base, _ordered, check_quantile
from sociokalkyl.uncertainty._beta_normal import Beta, LogNormal, Normal, Pert
from sociokalkyl.uncertainty._special import normal_cdf, normal_ppf

__all__ = [
    "Beta",
    "Distribution",
    "Empirical",
    "Fixed",
    "LogNormal",
    "Normal",
    "Pert",
    "Triangular",
    "Uniform",
    "as_distribution",
    "check_quantile",
    "normal_cdf",
    "normal_ppf",
]


class Fixed(_Base):
    """No uncertainty: every draw is ``value``.

    Parameters
    ----------
    value
        The value [the parameter's unit].

    Examples
    --------
    >>> Fixed(value=0.25).sample(np.random.default_rng(1), 3)
    array([0.25, 0.25, 0.25])
    """

    kind: Literal["fixed"] = "fixed"
    value: float

    def support(self) -> tuple[float, float]:
        return (self.value, self.value)

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        return np.full(size, self.value)

    def mean(self) -> float:
        return self.value

    def variance(self) -> float:
        return 0.0

    def cdf(self, x: npt.ArrayLike) -> Array:
        return np.where(np.asarray(x, dtype=float) >= self.value, 1.0, 0.0)

    def _ppf(self, q: Array) -> Array:
        return np.full_like(q, self.value)


class Uniform(_Base):
    """Every value in ``[low, high]`` equally likely.

    Parameters
    ----------
    low, high
        The interval [the parameter's unit], ``low < high``.

    Notes
    -----
    Mean :math:`(low + high)/2`, variance :math:`(high - low)^2/12`, quantile
    :math:`low + q\\,(high - low)`.

    Examples
    --------
    >>> d = Uniform(low=-5.4, high=-4.4)
    >>> round(d.mean(), 2), round(float(d.ppf(0.1)), 2), d.support()
    (-4.9, -5.3, (-5.4, -4.4))
    """

    kind: Literal["uniform"] = "uniform"
    low: float
    high: float

    @model_validator(mode="after")
    def _check(self) -> Uniform:
        _ordered(self.low, None, self.high, '{kind = "uniform", low = -5.4, high = -4.4}')
        return self

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        return rng.uniform(self.low, self.high, size)

    def mean(self) -> float:
        return 0.5 * (self.low + self.high)

    def variance(self) -> float:
        return (self.high - self.low) ** 2 / 12.0

    def cdf(self, x: npt.ArrayLike) -> Array:
        return np.clip((np.asarray(x, dtype=float) - self.low) / (self.high - self.low), 0, 1)

    def _ppf(self, q: Array) -> Array:
        return self.low + q * (self.high - self.low)


class Triangular(_Base):
    """The triangular distribution on ``[low, high]`` with its peak at ``mode``.

    Parameters
    ----------
    low, mode, high
        The least, the most likely and the largest value [the parameter's unit],
        ``low <= mode <= high``, ``low < high``.

    Notes
    -----
    Mean :math:`(a + c + b)/3`, variance :math:`(a^2 + b^2 + c^2 - ab - ac - bc)/18`
    with :math:`a` = low, :math:`c` = mode, :math:`b` = high.

    Examples
    --------
    >>> d = Triangular(low=0, mode=1, high=4)
    >>> round(d.mean(), 6), round(d.variance(), 6), round(float(d.cdf(1.0)), 6)
    (1.666667, 0.722222, 0.25)
    """

    kind: Literal["triangular"] = "triangular"
    low: float
    mode: float
    high: float

    @model_validator(mode="after")
    def _check(self) -> Triangular:
        _ordered(
            self.low, self.mode, self.high, '{kind = "triangular", low = 0, mode = 1, high = 3}'
        )
        return self

    def support(self) -> tuple[float, float]:
        return (self.low, self.high)

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        return self._ppf(rng.random(size))

    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3.0

    def variance(self) -> float:
        a, c, b = self.low, self.mode, self.high
        return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0

    def cdf(self, x: npt.ArrayLike) -> Array:
        a, c, b = self.low, self.mode, self.high
        arr = np.clip(np.asarray(x, dtype=float), a, b)
        with np.errstate(divide="ignore", invalid="ignore"):
            left = (arr - a) ** 2 / ((b - a) * (c - a))
            right = 1 - (b - arr) ** 2 / ((b - a) * (b - c))
        return np.asarray(np.where(arr <= c, np.where(c > a, left, 0.0), right), dtype=float)

    def _ppf(self, q: Array) -> Array:
        a, c, b = self.low, self.mode, self.high
        split = (c - a) / (b - a)
        left = a + np.sqrt(q * (b - a) * (c - a))
        right = b - np.sqrt((1 - q) * (b - a) * (b - c))
        return np.asarray(np.where(q < split, left, right), dtype=float)


class Empirical(_Base):
    """Resample a list of observed values, each equally likely (a bootstrap).

    Parameters
    ----------
    values
        The observed values, at least one [the parameter's unit].

    Examples
    --------
    >>> d = Empirical(values=[1.0, 2.0, 2.0, 7.5])
    >>> d.mean(), d.support(), float(d.ppf(0.5))
    (3.125, (1.0, 7.5), 2.0)
    """

    kind: Literal["empirical"] = "empirical"
    values: list[float] = Field(min_length=1)

    def support(self) -> tuple[float, float]:
        return (min(self.values), max(self.values))

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        return np.asarray(self.values, dtype=float)[rng.integers(0, len(self.values), size)]

    def mean(self) -> float:
        return float(np.mean(self.values))

    def variance(self) -> float:
        return float(np.var(self.values))

    def cdf(self, x: npt.ArrayLike) -> Array:
        ordered = np.sort(np.asarray(self.values, dtype=float))
        arr = np.asarray(x, dtype=float)
        return np.searchsorted(ordered, arr, side="right") / ordered.size

    def _ppf(self, q: Array) -> Array:
        return np.asarray(np.quantile(self.values, q, method="inverted_cdf"), dtype=float)


Distribution = Annotated[
    Fixed | Uniform | Triangular | Pert | Beta | Normal | LogNormal | Empirical,
    Field(discriminator="kind"),
]
"""Any distribution, told apart by its ``kind``."""

_ADAPTER: TypeAdapter[Any] = TypeAdapter(Distribution)
_KINDS = "fixed, uniform, triangular, pert, beta, normal, lognormal, empirical"


def as_distribution(value: Any, field: str = "distribution") -> _Base:
    """A distribution from a model, a mapping such as ``{"kind": "uniform", ...}``, or a number.

    Parameters
    ----------
    value
        A distribution, a table with ``kind`` (as read from TOML), or a number (a
        :class:`Fixed`).
    field
        The field path named in an error message (the parameter's name).

    Returns
    -------
    Distribution
        The distribution.

    Raises
    ------
    InputError
        For an invalid table, naming the field and the value, with an example.

    Examples
    --------
    >>> as_distribution({"kind": "uniform", "low": 0, "high": 2}).mean()
    1.0
    >>> as_distribution(0.5)
    Fixed(kind='fixed', value=0.5)
    """
    if isinstance(value, _Base):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = {"kind": "fixed", "value": value}
    try:
        result: _Base = _ADAPTER.validate_python(value)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'kind'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise InputError(
            f"is not a valid distribution ({problems})",
            field=field,
            value=value,
            expected=f'a table with kind = one of {_KINDS}, e.g. {{kind = "uniform", '
            "low = -0.54, high = -0.44}",
        ) from None
    return result
