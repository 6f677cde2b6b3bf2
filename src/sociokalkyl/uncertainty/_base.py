"""The base of every distribution: the common interface and its input checks.

Pydantic models (the schema of a distribution table in a scenario file); the numerics they
call are in the pint- and pydantic-free :mod:`sociokalkyl.uncertainty._special`.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict

from sociokalkyl.errors import InputError

__all__ = ["check_quantile"]

Array = NDArray[np.float64]


def check_quantile(q: npt.ArrayLike, field: str = "q") -> Array:
    """``q`` as a float array, every value strictly inside (0, 1).

    Parameters
    ----------
    q
        Probabilities, any shape [1].
    field
        The field path named in an error message.

    Returns
    -------
    numpy.ndarray
        ``q`` as floats.

    Raises
    ------
    InputError
        When a value is not strictly between 0 and 1 (or is NaN).

    Examples
    --------
    >>> check_quantile([0.05, 0.5, 0.95])
    array([0.05, 0.5 , 0.95])
    >>> check_quantile(1.0)
    Traceback (most recent call last):
        ...
    sociokalkyl.errors.InputError: q: is not a probability strictly between 0 and 1...
    """
    arr = np.asarray(q, dtype=float)
    if not np.all((arr > 0) & (arr < 1)):
        raise InputError(
            "is not a probability strictly between 0 and 1",
            field=field,
            value=q.tolist() if isinstance(q, np.ndarray) else q,
            expected="e.g. 0.1 or (0.05, 0.5, 0.95)",
        )
    return arr


class _Base(BaseModel):
    """What every distribution offers; the subclasses fill it in.

    Examples
    --------
    >>> import numpy as np
    >>> from sociokalkyl.uncertainty.distributions import Uniform
    >>> d = Uniform(low=0, high=2)
    >>> d.support(), d.mean(), round(d.std(), 6), float(d.cdf(0.5)), d.ppf([0.25, 0.75])
    ((0.0, 2.0), 1.0, 0.57735, 0.25, array([0.5, 1.5]))
    >>> d.sample(np.random.default_rng(1), 4).shape
    (4,)
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    def support(self) -> tuple[float, float]:
        """The smallest interval that holds every draw.

        Returns
        -------
        tuple of float
            ``(low, high)`` [the parameter's unit]; infinite for an unbounded side.
        """
        raise NotImplementedError

    def sample(self, rng: np.random.Generator, size: int) -> Array:
        """``size`` independent draws.

        Parameters
        ----------
        rng
            The random generator; the same generator state gives the same draws.
        size
            The number of draws.

        Returns
        -------
        numpy.ndarray
            Shape ``(size,)`` [the parameter's unit].
        """
        raise NotImplementedError

    def mean(self) -> float:
        """The expected value :math:`E[X]` [the parameter's unit]."""
        raise NotImplementedError

    def variance(self) -> float:
        """The variance :math:`E[(X - E[X])^2]` [the parameter's unit, squared]."""
        raise NotImplementedError

    def std(self) -> float:
        """The standard deviation, :math:`\\sqrt{\\operatorname{Var}(X)}` [the parameter's unit]."""
        return math.sqrt(self.variance())

    def cdf(self, x: npt.ArrayLike) -> Array:
        """The cumulative distribution function :math:`P(X \\le x)`.

        Parameters
        ----------
        x
            Points, any shape [the parameter's unit].

        Returns
        -------
        numpy.ndarray
            The probabilities, the shape of ``x`` [1].
        """
        raise NotImplementedError

    def ppf(self, q: npt.ArrayLike) -> Array:
        """The quantile function: the value below which a share ``q`` of draws falls.

        Parameters
        ----------
        q
            Probabilities strictly between 0 and 1, any shape [1].

        Returns
        -------
        numpy.ndarray
            The quantiles, the shape of ``q`` [the parameter's unit].

        Raises
        ------
        InputError
            For a ``q`` outside (0, 1).
        """
        return self._ppf(check_quantile(q))

    def _ppf(self, q: Array) -> Array:
        raise NotImplementedError

    def quantiles_fast(self, u: Array) -> Array:
        """The quantile function on many points at once, for sampling (no checks).

        Exact where :meth:`ppf` is closed-form; the beta and PERT use an interpolated
        table of the CDF (error about 1e-6 of the range). Used for correlated draws.
        """
        return self._ppf(u)


def _ordered(low: float, mode: float | None, high: float, example: str) -> None:
    if mode is None:
        if not low < high:
            raise ValueError(f"needs low < high, got low={low}, high={high}; e.g. {example}")
    elif not (low <= mode <= high and low < high):
        raise ValueError(
            f"needs low <= mode <= high and low < high, got low={low}, mode={mode}, "
            f"high={high}; e.g. {example}"
        )
