"""Internal rate of return, vectorised over rows: the root closest to zero."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from sociokalkyl.errors import CalculationError
from sociokalkyl.finance._checks import (
    _VALUES_EXPECTED,
    FloatArray,
    _as_values,
    _require_finite,
    _show,
)

_IRR_EXP_LIMIT = 700.0  # keep every z**t, z = exp(-g), above 1e-304 (no underflow)
_IRR_CHUNK = 4096  # rows per grid search block (bounds the temporary to a few MB)
_IRR_MAX_ITER = 100
_IRR_RTOL = 1e-14  # relative tolerance on z = 1/(1+r) or 1+r


@lru_cache(maxsize=64)
def _irr_grid(n: int) -> tuple[FloatArray, FloatArray]:
    """Search grid for n years of flows.

    Returns ``zg`` (K,), the grid points z = exp(-g) for g = |ln(1 + r)|
    ascending from 0, and ``zz`` (n, 2K), whose first K columns hold
    ``zg**t`` and last K columns ``zg**(n-1-t)``, so that one product
    ``values @ zz`` evaluates both sides of r = 0 (see :func:`_irr_rows`).
    """
    g_max = _IRR_EXP_LIMIT / max(n - 1, 1)
    fine = np.arange(0, 101) * 0.005  # |ln(1+r)| <= 0.5: r in [-39 %, +65 %]
    mid = 0.5 + np.arange(1, 61) * 0.025  # <= 2.0: r in [-86 %, +639 %]
    n_tail = max(0, math.ceil(math.log(max(g_max, 2.0) / 2.0) / math.log(1.1)))
    tail = 2.0 * 1.1 ** np.arange(1, n_tail + 1)
    g = np.concatenate([fine, mid, tail])
    g = np.append(g[g < g_max], g_max)
    powers = np.exp(-np.outer(np.arange(n, dtype=np.float64), g))
    zz = np.ascontiguousarray(np.concatenate([powers, powers[::-1]], axis=1))
    zg = np.exp(-g)
    zg.setflags(write=False)
    zz.setflags(write=False)
    return zg, zz


def _horner(coef_t: FloatArray, z: FloatArray) -> tuple[FloatArray, FloatArray]:
    """p(z) and p'(z) for p(z) = sum_t coef_t[t] z**t, one polynomial per column."""
    p = coef_t[-1].copy()
    dp = np.zeros_like(p)
    for t in range(coef_t.shape[0] - 2, -1, -1):
        dp *= z
        dp += p
        p *= z
        p += coef_t[t]
    return p, dp


def _polish(coef_t: FloatArray, lo: FloatArray, hi: FloatArray, sign_lo: FloatArray) -> FloatArray:
    """Safeguarded Newton on each column's polynomial inside its bracket [lo, hi] in (0, 1].

    A Newton step that leaves the bracket is replaced by bisection; a column is
    done when the Newton correction is below ``_IRR_RTOL`` relative to z (or
    the bracket has collapsed). Finished columns are dropped in batches.
    """
    out = np.empty(lo.size)
    active = np.arange(lo.size)
    live = np.ones(lo.size, dtype=bool)
    z = 0.5 * (lo + hi)
    with np.errstate(all="ignore"):
        for _ in range(_IRR_MAX_ITER):
            p, dp = _horner(coef_t, z)
            delta = p / dp
            small = np.abs(delta) <= _IRR_RTOL * z
            same = np.sign(p) == sign_lo
            lo = np.where(same, z, lo)
            hi = np.where(same, hi, z)
            step = z - delta
            inside = (step > lo) & (step < hi)
            exact = p == 0
            z = np.where(exact, z, np.where(inside | small, step, 0.5 * (lo + hi)))
            done = live & (small | exact | (hi - lo <= _IRR_RTOL * hi))
            out[active[done]] = z[done]
            live &= ~done
            n_live = int(live.sum())
            if n_live == 0:
                return out
            if n_live < live.size // 2:  # drop finished columns in batches
                active, coef_t = active[live], coef_t[:, live]
                z, lo, hi, sign_lo = z[live], lo[live], hi[live], sign_lo[live]
                live = np.ones(n_live, dtype=bool)
    out[active[live]] = z[live]
    return out


def _irr_search(
    v: FloatArray, zg: FloatArray, zz: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """First NPV sign change on each side of r = 0, in z coordinates.

    Returns four arrays of shape (2, rows), side 0 for r >= 0 and side 1 for
    r <= 0: ``exact``, the grid z of an exact zero (NaN if none); ``lo`` and
    ``hi``, the grid bracket of the first sign change (NaN if none); and
    ``sign_lo``, the sign of the side's polynomial at ``lo``.
    """
    n_rows = v.shape[0]
    n_grid = zg.size
    exact = np.full((2, n_rows), np.nan)
    lo = np.full((2, n_rows), np.nan)
    hi = np.full((2, n_rows), np.nan)
    sign_lo = np.zeros((2, n_rows))
    for start in range(0, n_rows, _IRR_CHUNK):
        block = slice(start, start + _IRR_CHUNK)
        f = (v[block] @ zz).reshape(-1, 2, n_grid)
        ref = np.sign(f[:, :, :1])
        f *= ref
        hit = f <= 0  # an exact zero, or the sign has changed since g = 0
        hit[:, :, 0] = ref[:, :, 0] == 0
        k = np.argmax(hit, axis=2)[..., None]
        found = np.take_along_axis(hit, k, axis=2)[..., 0]
        is_exact = found & (np.take_along_axis(f, k, axis=2)[..., 0] == 0)
        is_bracket = found & ~is_exact
        k = k[..., 0]
        exact[:, block] = np.where(is_exact, zg[k], np.nan).T
        lo[:, block] = np.where(is_bracket, zg[k], np.nan).T
        hi[:, block] = np.where(is_bracket, zg[np.maximum(k - 1, 0)], np.nan).T
        sign_lo[:, block] = -ref[:, :, 0].T
    return exact, lo, hi, sign_lo


def _irr_rows(v: FloatArray) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """IRR of each row of a 2-D array; also which rows have a sign change.

    Side 0 (r >= 0) solves p(x) = sum v_t x**t = 0 for x = 1/(1+r) in (0, 1];
    side 1 (r <= 0) solves q(y) = sum v_{T-1-t} y**t = 0 for y = 1+r in (0, 1],
    the same equation multiplied by (1+r)**(T-1), so nothing overflows.
    """
    n_rows, n = v.shape
    out = np.full(n_rows, np.nan)
    changes: npt.NDArray[np.bool_] = np.asarray((v > 0).any(axis=1) & (v < 0).any(axis=1))
    rows = np.flatnonzero(changes)
    if rows.size == 0:
        return out, changes
    zg, zz = _irr_grid(n)
    sub = v if rows.size == n_rows else v[rows]
    exact, lo, hi, sign_lo = _irr_search(sub, zg, zz)
    z = exact.copy()
    br_pos = np.flatnonzero(~np.isnan(lo[0]))
    br_neg = np.flatnonzero(~np.isnan(lo[1]))
    if br_pos.size + br_neg.size:
        coef_t = np.concatenate([sub[br_pos].T, sub[br_neg, ::-1].T], axis=1)
        polished = _polish(
            np.ascontiguousarray(coef_t),
            np.concatenate([lo[0, br_pos], lo[1, br_neg]]),
            np.concatenate([hi[0, br_pos], hi[1, br_neg]]),
            np.concatenate([sign_lo[0, br_pos], sign_lo[1, br_neg]]),
        )
        z[0, br_pos] = polished[: br_pos.size]
        z[1, br_neg] = polished[br_pos.size :]
    with np.errstate(divide="ignore"):
        r_pos = 1.0 / z[0] - 1.0
    r_neg = z[1] - 1.0
    a = np.where(np.isnan(r_pos), np.inf, np.abs(r_pos))
    b = np.where(np.isnan(r_neg), np.inf, np.abs(r_neg))
    out[rows] = np.where(b < a, r_neg, r_pos)  # closest to zero; a tie goes to r > 0
    return out, changes


def irr(values: npt.ArrayLike, *, raise_on_failure: bool = False) -> FloatArray:
    """Internal rate of return of each row of flows; NaN where there is none.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly net flows [SEK]; ``values[..., 0]`` is year 0.
    raise_on_failure : bool, default False
        If True, raise :class:`~sociokalkyl.errors.CalculationError` naming the
        first row that has no IRR, instead of returning NaN for it.

    Returns
    -------
    ndarray, shape (...)
        The real rate r [1/year] with NPV(r) = 0; NaN where the flows never
        change sign or no root was found.

    Raises
    ------
    CalculationError
        With ``raise_on_failure=True``, for the first row without an IRR.

    Notes
    -----
    The IRR solves

    .. math:: \\sum_{t=0}^{T-1} \\frac{v_t}{(1 + r)^t} = 0, \\qquad r > -1.

    **Which root.** When there are several, the one **closest to zero** is
    returned (smallest :math:`|r|`; on an exact tie the positive one), the
    same rule as ``numpy_financial.irr``. With exactly one sign change in the
    flows the root is unique (Descartes' rule of signs) and this function
    matches ``numpy_financial.irr``.

    **How.** All rows at once: the NPV is evaluated (one matrix product per
    side of r = 0) on a grid of :math:`g = |\\ln(1 + r)|`, searching outward
    from r = 0 for the first sign change on each side; each bracket is then
    polished by safeguarded Newton iterations (falling back to bisection)
    on all rows together, to machine precision. Limits of the search: the
    grid step in :math:`g` is 0.005 for IRRs in about [-39 %, +65 %], 0.025
    out to [-86 %, +639 %] and about 10 % of g beyond, up to
    :math:`|\\ln(1+r)| \\le 700/(T-1)`. Two roots closer together than one
    grid step, and roots where the NPV touches zero without changing sign,
    may be missed (then a farther root or NaN is returned), as may IRRs
    beyond the searched range.

    References
    ----------
    .. [1] numpy-financial, ``irr``: https://numpy.org/numpy-financial/latest/irr.html
    .. [2] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed.,
       Addison-Wesley, 2003, p. 348.

    Examples
    --------
    >>> round(float(irr([-100, 39, 59, 55, 20])), 5)
    0.28095
    >>> round(float(irr([-100, 230, -132])), 5)    # roots 10 % and 20 %: closest to zero
    0.1
    >>> irr([[-100, 110], [100, 50]])              # second row never changes sign
    array([0.1, nan])
    """
    v = _as_values(values)
    lead = v.shape[:-1]
    flat = v.reshape(-1, v.shape[-1])
    if not np.isfinite(flat.sum(axis=1)).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    rates, changes = _irr_rows(flat)
    if raise_on_failure:
        missing = np.flatnonzero(np.isnan(rates))
        if missing.size:
            first = int(missing[0])
            idx = tuple(int(i) for i in np.unravel_index(first, lead)) if lead else ()
            where = f"values[{', '.join(map(str, idx))}]" if idx else "values"
            reason = (
                "the flows never change sign"
                if not changes[first]
                else "the NPV changes sign nowhere in the searched range of rates"
            )
            raise CalculationError(
                f"no internal rate of return for {where}: {reason}",
                field="values",
                value=_show(flat[first].tolist()),
                expected="flows with at least one sign change, e.g. [-100, 30, 40, 50]",
            )
    return rates.reshape(lead)
