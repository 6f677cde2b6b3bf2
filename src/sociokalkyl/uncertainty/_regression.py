"""The regression behind EVPPI: E[NPV | parameters] from the stored draws.

Strong, Oakley and Brennan (2014) estimate the expected value of partial perfect
information by regressing the net benefit of each draw on the parameters of interest
(their GAM) and reading the fitted values as the conditional expectation. Here, for one
parameter, the fit is a natural cubic regression spline in the parameter's *rank* (its
empirical CDF, in (0, 1)) with :data:`KNOTS` knots at equally spaced ranks from 0 to 1, by least
squares; for a parameter with few distinct values, the mean of each value's draws. The
rank makes the knots fall where the draws are, whatever the distribution's shape, and
E[NPV | x] = E[NPV | rank(x)] because the rank is a monotone function of x.

For several parameters together: the sum of their splines plus the products of their
centred ranks (the two-way linear interactions), which is enough for NPVs that are sums
of products of a few parameters.

Examples
--------
>>> import numpy as np
>>> x = np.random.default_rng(1).uniform(0, 1, 10_000)
>>> y = 3.0 * x**2
>>> bool(np.max(np.abs(conditional_mean(y, x[:, None]) - y)) < 0.01 * np.ptp(y))
True
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["KNOTS", "conditional_mean", "fitted_sorted", "ranks"]

Array = NDArray[np.float64]
KNOTS = 8
"""Knots of the natural cubic spline (8 knots = 8 basis functions with the intercept)."""
DISCRETE = 50
"""A parameter with at most this many distinct values is fitted by its group means."""


def ranks(x: Array) -> tuple[Array, int]:
    """Mid-ranks of ``x`` scaled to (0, 1), and its number of distinct values.

    Examples
    --------
    >>> ranks(np.array([3.0, 1.0, 3.0, 2.0]))
    (array([0.75 , 0.125, 0.75 , 0.375]), 3)
    """
    values, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    mid = (ends - 0.5 * counts) / x.size
    return np.asarray(mid[inverse], dtype=float), int(values.size)


def _spline_basis(u: Array, knots: int) -> Array:
    """The natural cubic spline basis in ``u`` without the intercept: ``(n, knots - 1)``.

    Hastie, Tibshirani and Friedman (2009), eq. 5.4-5.5: ``N_2 = u``,
    ``N_{k+2} = d_k - d_{K-1}``, ``d_k = ((u - xi_k)_+^3 - (u - xi_K)_+^3) / (xi_K - xi_k)``.
    """
    xi = np.linspace(0.0, 1.0, knots)
    cubes = np.maximum(u[:, None] - xi[None, :], 0.0) ** 3
    d = (cubes[:, :-1] - cubes[:, -1:]) / (xi[-1] - xi[:-1])
    columns = [u[:, None], d[:, :-1] - d[:, -1:]]
    return np.concatenate(columns, axis=1)


def _group_means(y: Array, x: Array) -> Array:
    """The mean of ``y`` among the draws with each value of ``x`` (a discrete parameter)."""
    _, inverse = np.unique(x, return_inverse=True)
    sums = np.bincount(inverse, weights=y)
    counts = np.bincount(inverse)
    return np.asarray((sums / counts)[inverse], dtype=float)


def conditional_mean(y: Array, x: Array, knots: int = KNOTS) -> Array:
    """Fitted E[y | x] at each draw, by least squares on a spline basis of the ranks.

    Parameters
    ----------
    y
        The net benefit of each draw, shape ``(n,)`` [SEK].
    x
        The parameters' draws, shape ``(n, p)`` [their units].
    knots
        Knots per parameter (fewer when there are few draws: at most ``n // 100``, at
        least 3).

    Returns
    -------
    ndarray, shape (n,)
        The fitted conditional mean [SEK]; its mean equals ``y.mean()`` (the fit has an
        intercept).

    Examples
    --------
    >>> x = np.array([[0.0], [0.0], [1.0], [1.0]])
    >>> conditional_mean(np.array([1.0, 3.0, 5.0, 7.0]), x)
    array([2., 2., 6., 6.])
    """
    n, p = x.shape
    knots = max(3, min(knots, n // 100))
    columns: list[Array] = []
    centred: list[Array] = []
    for j in range(p):
        u, distinct = ranks(x[:, j])
        if distinct == 1:
            continue
        if p == 1 and distinct <= DISCRETE:
            return _group_means(y, x[:, 0])
        centred.append(u - u.mean())
        columns.append(_spline_basis(u, knots) if distinct > knots + 1 else u[:, None])
    if not columns:
        return np.full(n, y.mean())
    columns += [
        (centred[i] * centred[k])[:, None]
        for i in range(len(centred))
        for k in range(i + 1, len(centred))
    ]
    basis = np.concatenate(columns, axis=1)
    basis -= basis.mean(axis=0)
    scale = np.abs(basis).max(axis=0)
    basis /= np.where(scale > 0, scale, 1.0)
    centre = y.mean()
    # normal equations: 5x faster than a QR of the tall basis; the columns are centred
    # and scaled, and lstsq on the small Gram matrix drops directions it cannot resolve
    # einsum, not BLAS: OpenBLAS's threaded products with a tall basis thrash on a busy
    # shared machine (2.6 s instead of 0.02 s for the Gram matrix of 100 000 x 45)
    gram = np.einsum("ij,ik->jk", basis, basis)
    coef = np.linalg.lstsq(gram, np.einsum("ij,i->j", basis, y - centre), rcond=1e-12)[0]
    return np.asarray(centre + np.einsum("ij,j->i", basis, coef), dtype=float)


class _Grid:
    """The spline basis on the ranks ``(i + 0.5) / n`` and its Gram pseudo-inverse, once."""

    def __init__(self, n: int, knots: int) -> None:
        u = (np.arange(n) + 0.5) / n
        basis = _spline_basis(u, knots)
        basis -= basis.mean(axis=0)
        basis /= np.abs(basis).max(axis=0)
        self.basis = basis
        self.inverse = np.linalg.pinv(np.einsum("ij,ik->jk", basis, basis), rcond=1e-12)


_GRIDS: dict[tuple[int, int], _Grid] = {}


def fitted_sorted(y: Array, x: Array, knots: int = KNOTS) -> Array:
    """Fitted E[y | x] for one parameter, in the order of sorted ``x`` (not of the draws).

    Without ties the ranks of ``x`` are a permutation of ``(i + 0.5) / n``, so the basis
    and its Gram matrix are the same for every parameter with ``n`` draws and are built
    once; a parameter then costs one sort and two products with the basis. With ties
    (a discrete or fixed parameter), :func:`conditional_mean`.

    Parameters
    ----------
    y
        The net benefit of each draw, shape ``(n,)`` [SEK].
    x
        One parameter's draws, shape ``(n,)``.
    knots
        As for :func:`conditional_mean`.

    Returns
    -------
    ndarray, shape (n,)
        The fitted conditional mean [SEK], ordered by ``x`` (enough for any mean over
        the draws, such as EVPPI's).

    Examples
    --------
    >>> x = np.array([3.0, 1.0, 2.0, 4.0])
    >>> fitted_sorted(np.array([3.0, 1.0, 2.0, 4.0]), x)
    array([1., 2., 3., 4.])
    """
    order = np.argsort(x)
    ordered = x[order]
    n = x.size
    knots = max(3, min(knots, n // 100))
    if n < 2 * knots or np.any(ordered[1:] == ordered[:-1]):
        return np.asarray(conditional_mean(y, x[:, None], knots)[order], dtype=float)
    grid = _GRIDS.get((n, knots))
    if grid is None:
        grid = _GRIDS[(n, knots)] = _Grid(n, knots)
        while len(_GRIDS) > 4:  # keep the few sizes in use
            del _GRIDS[next(iter(_GRIDS))]
    ys = y[order]
    centre = ys.mean()
    # einsum, not BLAS: OpenBLAS's threaded matrix-vector product is 10-100x slower on a
    # busy shared machine (27 ms instead of 2 ms for 100 000 x 7)
    coef = grid.inverse @ np.einsum("ij,i->j", grid.basis, ys - centre)
    return np.asarray(centre + np.einsum("ij,j->i", grid.basis, coef), dtype=float)
