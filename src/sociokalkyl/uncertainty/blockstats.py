"""Running statistics of the Monte Carlo draws, per block of draws, combined exactly."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["Stats", "block_stats", "quantiles_with_inf"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Stats:
    """Per-block statistics of one metric (finite values only), combined exactly.

    Attributes
    ----------
    count, mean, m2, positive : ndarray, shape (B,)
        Per block: finite values, their mean, the sum of squared deviations from it
        (Chan et al.'s parallel form), and values > 0.

    Examples
    --------
    >>> stats = Stats(*block_stats(np.array([1.0, 3.0, 5.0, -1.0]), np.array([0, 2])))
    >>> stats.total()   # (count, mean, std, positive) over all draws
    (4.0, 2.0, 2.581988897471611, 3.0)
    """

    count: Array  # (B,) finite values per block
    mean: Array  # (B,)
    m2: Array  # (B,) sum of squared deviations from the block mean
    positive: Array  # (B,) values > 0

    def total(self) -> tuple[float, float, float, float]:
        """The statistics over every block.

        Returns
        -------
        tuple of float
            (finite count, mean, sample standard deviation, count of values > 0).

        Notes
        -----
        .. math:: M_2 = \\sum_b M_{2,b} + \\sum_b n_b (\\bar x_b - \\bar x)^2
        """
        n = float(self.count.sum())
        if n == 0:
            return 0.0, math.nan, math.nan, 0.0
        mean = float((self.count * self.mean).sum() / n)
        m2 = float(self.m2.sum() + (self.count * (self.mean - mean) ** 2).sum())
        std = math.sqrt(m2 / (n - 1)) if n > 1 else 0.0
        return n, mean, std, float(self.positive.sum())


def quantiles_with_inf(data: Array, levels: Array) -> Array:
    """Linear-interpolation quantiles (numpy's default) of data that may hold +inf.

    Parameters
    ----------
    data
        Values; +inf sorts last (payback "not within the horizon").
    levels
        Quantile levels in (0, 1).

    Returns
    -------
    ndarray
        One quantile a level; +inf where it falls among the infinite values.

    Examples
    --------
    >>> quantiles_with_inf(np.array([1.0, 2.0, np.inf, np.inf]), np.array([0.25, 0.9]))
    array([1.75,  inf])
    """
    ordered = np.sort(data)
    position = levels * (ordered.size - 1)
    below = np.floor(position).astype(np.int64)
    above = np.ceil(position).astype(np.int64)
    a, b = ordered[below], ordered[above]
    with np.errstate(invalid="ignore"):
        between = a + (b - a) * (position - below)
    result = np.where(a == b, a, np.where(np.isinf(b), np.inf, between))
    return np.asarray(np.where(position == below, a, result), dtype=float)


def block_stats(values: Array, starts: NDArray[np.int64]) -> tuple[Array, Array, Array, Array]:
    """Count, mean, sum of squared deviations and count > 0 of the finite values of each block.

    Parameters
    ----------
    values
        One metric of a chunk of draws.
    starts
        The index of the first draw of each block.

    Returns
    -------
    tuple of ndarray
        ``(count, mean, m2, positive)``, one entry a block (the fields of :class:`Stats`).

    Examples
    --------
    >>> block_stats(np.array([1.0, 3.0, np.nan, -2.0]), np.array([0, 2]))[1]
    array([ 2., -2.])
    """
    finite = np.isfinite(values)
    clean = np.where(finite, values, 0.0)
    count = np.add.reduceat(finite.astype(float), starts)
    total = np.add.reduceat(clean, starts)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, total / np.where(count > 0, count, 1), 0.0)
    lengths = np.diff(np.append(starts, values.size))
    deviation = np.where(finite, clean - np.repeat(mean, lengths), 0.0)
    m2 = np.add.reduceat(deviation * deviation, starts)
    positive = np.add.reduceat((clean > 0) & finite, starts).astype(float)
    return count, mean, m2, positive
