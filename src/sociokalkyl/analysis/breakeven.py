"""Break-even: the value of one parameter at which the NPV (or a payer's NPV) is zero.

The engine is vectorised over draws, so the NPV is evaluated on a whole grid of
parameter values at once and every sign change is refined. See
:func:`scan_break_even` for the method.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.metrics import present_value
from sociokalkyl.engine import Plan, project
from sociokalkyl.errors import InputError

__all__ = ["BreakEvenScan", "scan_break_even", "solve_break_even"]

Array = NDArray[np.float64]


def _npv_for(plan: Plan, values: Mapping[str, Array], payer: str | None) -> Array:
    projection = project(plan, values, with_baseline=False)
    factors = projection.factors
    if payer is None:
        return present_value(projection.net, factors)
    j = plan.payers.index(payer)
    net = projection.net_of(projection.item_payer_shares[:, j], projection.cost_payers[:, j])
    return present_value(net, factors)


@dataclass(frozen=True)
class BreakEvenScan:
    """What :func:`scan_break_even` found: the roots and the grid it scanned.

    Attributes
    ----------
    root
        The root closest to the parameter's current value; NaN when there is none.
    roots
        Every root found, sorted.
    grid, npv
        The points scanned and the NPV (or the payer's NPV) at each [SEK].
    """

    root: float
    roots: tuple[float, ...]
    grid: Array
    npv: Array


def _scan_grid(current: float, low: float, high: float, points: int) -> Array:
    """Points dense near ``current`` (steps about 2 % of the distance to it), out to the ends."""
    span = max(abs(current), 1.0)
    reach = max(abs(high - current), abs(current - low), span)
    offsets = np.geomspace(1e-4 * span, reach, points // 2)
    grid = np.concatenate([[low, current, high], current - offsets, current + offsets])
    grid = grid[np.isfinite(grid) & (grid >= low) & (grid <= high)]
    return np.unique(grid)


def scan_break_even(
    plan: Plan,
    parameter: str,
    *,
    payer: str | None = None,
    low: float | None = None,
    high: float | None = None,
    values: Mapping[str, Array] | None = None,
    points: int = 3000,
) -> BreakEvenScan:
    """Every value of one parameter at which the NPV (or one payer's NPV) is 0.

    The NPV is evaluated on a grid at once (the engine is vectorised over draws): dense
    near the parameter's current value, with steps about 2 % of the distance from it,
    out to ``low`` and ``high``. Each sign change is refined by the Illinois method
    (regula falsi) to a relative tolerance of 1e-12. NPV need not be monotone: with an
    effect capped at the baseline use on one item and a cost increase on another, NPV
    can rise and fall again, and both crossings are found. Two roots closer together
    than the local grid step can be missed.

    Parameters
    ----------
    plan
        A compiled plan.
    parameter
        A parameter name, e.g. ``"effect_multiplier"`` or ``"effects[0].change"``.
    payer
        Solve for this payer's NPV instead of the total.
    low, high
        The range searched; default the parameter's bounds, cut to +-1e9.
    values
        Values of the other parameters (default: the plan's).
    points
        About how many points the grid has.

    Raises
    ------
    InputError
        For a parameter or payer that does not exist, or ``low >= high``.
    """
    plan.parameter(parameter)
    if payer is not None:
        plan.payer_index(payer)
    base = dict(values if values is not None else plan.values())
    bounds = plan.parameters[parameter].bounds
    low = max(bounds[0], -1e9) if low is None else low
    high = min(bounds[1], 1e9) if high is None else high
    if not low < high:
        raise InputError("is not a range with low < high", field="low, high",
                         value=(low, high), expected="e.g. low=0.0, high=10.0")  # fmt: skip

    def npv_at(points_: Array) -> Array:
        return _npv_for(plan, {**base, parameter: points_}, payer)

    current = float(np.clip(np.reshape(base[parameter], -1)[0], low, high))
    grid = _scan_grid(current, low, high, points)
    npv = npv_at(grid)
    exact = grid[npv == 0]
    brackets = np.flatnonzero(np.sign(npv[:-1]) * np.sign(npv[1:]) < 0)
    roots = list(exact)
    if brackets.size:
        a, b = grid[brackets].copy(), grid[brackets + 1].copy()
        fa, fb = npv[brackets].copy(), npv[brackets + 1].copy()
        side = np.zeros(a.size)
        for _ in range(100):
            x = (a * fb - b * fa) / (fb - fa)
            fx = npv_at(x)
            left = np.sign(fx) == np.sign(fa)
            # Illinois: halve the stale end's value when the same end is kept twice
            fb = np.where(left & (side == 1), fb / 2, fb)
            fa = np.where(~left & (side == -1), fa / 2, fa)
            a, fa = np.where(left, x, a), np.where(left, fx, fa)
            b, fb = np.where(left, b, x), np.where(left, fb, fx)
            side = np.where(left, 1, -1)
            if np.all((fx == 0) | (np.abs(b - a) <= 1e-12 * np.maximum(1.0, np.abs(x)))):
                break
        roots += list(np.where(fx == 0, x, (a * fb - b * fa) / (fb - fa)))
    found = tuple(sorted(float(r) for r in roots))
    root = min(found, key=lambda r: abs(r - current)) if found else math.nan
    return BreakEvenScan(root, found, grid, npv)


def solve_break_even(
    plan: Plan,
    parameter: str,
    *,
    payer: str | None = None,
    low: float | None = None,
    high: float | None = None,
    values: Mapping[str, Array] | None = None,
) -> float:
    """The value of one parameter at which the NPV (or one payer's NPV) is 0.

    When there are several, the one closest to the parameter's current value (for
    ``"effect_multiplier"``, the one closest to the effects as given). See
    :func:`scan_break_even` for the method and the arguments.

    Returns
    -------
    float
        The value in the parameter's own unit; NaN when NPV does not cross 0 in the range.
    """
    return scan_break_even(plan, parameter, payer=payer, low=low, high=high, values=values).root
