"""Break-even: the value of one parameter at which the NPV (or a payer's NPV) is zero.

One public entry point, :func:`break_even` (models in, a :class:`BreakEven` out), over
one kernel, :func:`break_even_of_plan` (a compiled plan in); the break-even properties
of :class:`~sociokalkyl.analysis.result.Result` use the same kernel. The engine is
vectorised over draws, so the NPV is evaluated on a whole grid of parameter values at
once and every sign change is refined.

Examples
--------
>>> from sociokalkyl import examples
>>> print(break_even(*examples.servicetrainee(), "costs[0].amount"))  # the wage it could bear
NPV is 0 at costs[0].amount = 12,273 SEK/month (as given: 19,784 SEK/month)
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine import Plan, batch_size, compile_plan, project
from sociokalkyl.errors import InputError
from sociokalkyl.finance.discounting import discounted_sum

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = ["BreakEven", "break_even", "break_even_of_plan"]

Array = NDArray[np.float64]
_REACH = 1e9
"""The default search range is the parameter's bounds, cut to +-1e9."""


@dataclass(frozen=True, eq=False)
class BreakEven:
    """The value of one parameter at which the NPV (or one payer's NPV) is zero.

    Attributes
    ----------
    parameter : str
        The parameter's name, e.g. ``"effect_multiplier"`` or ``"costs[0].amount"``.
    value : float
        The root closest to the parameter's value as given [the parameter's unit];
        NaN with ``found=False`` when the NPV does not cross zero in ``[low, high]``.
    unit : str
        The parameter's unit key (``"SEK/month"``, ``"share"``, ``"×"``).
    base_value : float
        The parameter's value as given [unit].
    payer : str or None
        The payer whose NPV was solved for; None for the total.
    low, high : float
        The range searched [unit].
    found : bool
        Whether a root was found.
    message : str
        The answer in words (also ``str(b)``).
    roots : tuple of float
        Every root found, sorted [unit].
    grid, npv : ndarray
        The points scanned [unit] and the NPV at each [SEK].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> b = break_even(*examples.servicetrainee(), "costs[0].amount")
    >>> b.found, b.unit, round(b.value)
    (True, 'SEK/month', 12273)
    """

    parameter: str
    value: float
    unit: str
    base_value: float
    payer: str | None
    low: float
    high: float
    found: bool
    message: str
    roots: tuple[float, ...] = ()
    grid: Array = field(default_factory=lambda: np.empty(0), repr=False)
    npv: Array = field(default_factory=lambda: np.empty(0), repr=False)

    def __str__(self) -> str:
        return self.message


def _npv_for(plan: Plan, values: Mapping[str, Array], weights: Array | None) -> Array:
    """NPV (or the NPV of line ``weights``) of every draw of ``values`` [SEK], ``(D,)``."""
    projection = project(plan, values, with_baseline=False)
    net = projection.net if weights is None else projection.net_for(weights)
    return discounted_sum(net, projection.factors, axis=-2)


def _weights_of(plan: Plan, payer: str | None, perspective: str | None) -> Array | None:
    """The line weights of an actor (its own column) or of a perspective; None: headline."""
    if payer is not None and perspective is not None:
        raise InputError(
            "are both given", field="payer, perspective", value=(payer, perspective),
            expected="one of them: an actor's own NPV, or a perspective's",
        )  # fmt: skip
    if payer is not None:
        return plan.weights[:, plan.payer_index(payer)]
    return None if perspective is None else plan.perspective(perspective).weights


def _scan_grid(current: float, low: float, high: float, points: int) -> Array:
    """Points dense near ``current`` (steps about 2 % of the distance to it), out to the ends."""
    span = max(abs(current), 1.0)
    reach = max(abs(high - current), abs(current - low), span)
    offsets = np.geomspace(1e-4 * span, reach, points // 2)
    grid = np.concatenate([[low, current, high], current - offsets, current + offsets])
    grid = grid[np.isfinite(grid) & (grid >= low) & (grid <= high)]
    return np.unique(grid)


def _refine(npv_at: _NpvAt, grid: Array, npv: Array) -> list[float]:
    """Every root on the grid: exact zeros, and each sign change by the Illinois method."""
    roots = [float(x) for x in grid[npv == 0]]
    brackets = np.flatnonzero(np.sign(npv[:-1]) * np.sign(npv[1:]) < 0)
    if not brackets.size:
        return roots
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
    return roots + [float(r) for r in np.where(fx == 0, x, (a * fb - b * fa) / (fb - fa))]


class _NpvAt:
    """The NPV as a function of one parameter, the others fixed (a vectorised callable)."""

    def __init__(self, plan: Plan, base: dict[str, Array], parameter: str, weights: Array | None):
        self.plan, self.base, self.parameter, self.weights = plan, base, parameter, weights

    def __call__(self, points: Array) -> Array:
        # a few points at a time for a large plan: the flows of 3 000 points of 1 000 cost
        # items over 400 years would take 10 GB; each point's NPV is the same either way
        step = batch_size(self.plan, 4096)
        parts = [
            _npv_for(self.plan, {**self.base, self.parameter: points[i : i + step]}, self.weights)
            for i in range(0, max(points.size, 1), step)
        ]
        return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _fmt(value: float) -> str:
    """A number for messages: ``13,560`` or ``-4.9`` or ``0.0735``."""
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def _message(b: BreakEven) -> str:
    """The answer of a break-even search in words."""
    who = f"{b.payer}'s NPV" if b.payer else "NPV"
    if b.found:
        given = f"{_fmt(b.base_value)} {b.unit}".strip()
        text = f"{who} is 0 at {b.parameter} = {_fmt(b.value)} {b.unit} (as given: {given})"
        others = [r for r in b.roots if r != b.value]
        return text + ("; also at " + ", ".join(_fmt(r) for r in others) if others else "")
    sign = "positive" if b.npv.min() > 0 else "negative"
    return (
        f"no break-even: {who} stays {sign} for {b.parameter} in "
        f"[{_fmt(b.low)}, {_fmt(b.high)}] {b.unit} ({b.grid.size} points scanned; NPV from "
        f"{b.npv.min():,.0f} to {b.npv.max():,.0f} SEK)"
    )


def break_even_of_plan(
    plan: Plan,
    parameter: str = "effect_multiplier",
    *,
    payer: str | None = None,
    perspective: str | None = None,
    low: float | None = None,
    high: float | None = None,
    values: Mapping[str, Array] | None = None,
    points: int = 3000,
) -> BreakEven:
    """The break-even kernel: every value of one parameter of a plan at which NPV is 0.

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
        A compiled plan (:func:`sociokalkyl.engine.compile_plan`).
    parameter
        A parameter name, e.g. ``"effect_multiplier"`` [×] or ``"effects[0].change"``.
    payer
        Solve for this actor's own NPV instead of the headline's.
    perspective
        Solve for this perspective's NPV (``"kommun"``: the kommun and its nämnder).
    low, high
        The range searched [the parameter's unit]; default its bounds, cut to +-1e9.
    values
        Values of the other parameters (default: the plan's).
    points
        About how many points the grid has.

    Returns
    -------
    BreakEven
        ``value`` is the root closest to the parameter's current value; NaN when none.

    Raises
    ------
    InputError
        For a parameter or payer that does not exist (suggesting the closest name), or
        ``low >= high``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> break_even_of_plan(plan, "effect_multiplier", low=0.0).found
    False
    """
    info = plan.parameter(parameter)
    weights = _weights_of(plan, payer, perspective)
    base = dict(values if values is not None else plan.values())
    low = max(info.bounds[0], -_REACH) if low is None else float(low)
    high = min(info.bounds[1], _REACH) if high is None else float(high)
    if not low < high:
        raise InputError("is not a range with low < high", field="low, high",
                         value=(low, high), expected="e.g. low=0.0, high=10.0")  # fmt: skip
    npv_at = _NpvAt(plan, base, parameter, weights)
    current = float(np.clip(np.reshape(base[parameter], -1)[0], low, high))
    grid = _scan_grid(current, low, high, points)
    npv = npv_at(grid)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # no stderr noise
        roots = tuple(sorted(_refine(npv_at, grid, npv)))
    value = min(roots, key=lambda r: abs(r - current)) if roots else math.nan
    who = payer or perspective
    found = BreakEven(parameter, value, info.unit, info.value, who, low, high, bool(roots),
                      "", roots, grid, npv)  # fmt: skip
    return dataclasses.replace(found, message=_message(found))


def break_even(
    intervention: Intervention,
    settings: Settings,
    parameter: str = "effect_multiplier",
    *,
    payer: str | None = None,
    perspective: str | None = None,
    within: tuple[float, float] | None = None,
    catalogue: Mapping[str, CostItem] | None = None,
) -> BreakEven:
    """The value of any named parameter at which the NPV is 0, all else as given.

    Parameters
    ----------
    intervention, settings
        As for :func:`~sociokalkyl.evaluate`.
    parameter
        A name of ``compile_plan(intervention, settings).parameters``, e.g.
        ``"effect_multiplier"`` (the default: the multiple of every effect [×]),
        ``"effects[1].change"`` or ``"costs[0].amount"``.
    payer
        Solve for this actor's own NPV instead of the headline's.
    perspective
        Solve for this perspective's NPV (``"kommun"``, ``"offentlig_sektor"``, ...).
    within
        ``(low, high)`` range searched [the parameter's unit]; default the parameter's
        bounds (cut to +-1e9).
    catalogue
        Where cost-item keys are looked up (default: the shipped catalogue).

    Returns
    -------
    BreakEven
        The root closest to the value as given, in the parameter's unit, with a message.

    Raises
    ------
    InputError
        For an unknown parameter (suggesting the closest, listing the valid names) or
        payer, or an empty range.

    Notes
    -----
    Solves :math:`NPV(x) = 0` for the parameter :math:`x`; see
    :func:`break_even_of_plan` for the method.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> b = break_even(*examples.servicetrainee(), "costs[0].amount")
    >>> b.found and b.value < 26000   # the monthly wage the intervention could bear
    True
    >>> break_even(*examples.servicetrainee()).found   # no multiple of the effect pays
    False
    """
    plan = compile_plan(intervention, settings, catalogue)
    plan.parameter(parameter)
    _weights_of(plan, payer, perspective)
    low, high = (None, None) if within is None else (float(within[0]), float(within[1]))
    if low is not None and high is not None and not low < high:
        raise InputError(
            "is not a range with low < high",
            field="within",
            value=within,
            expected="e.g. within=(-10, 0)",
        )
    return break_even_of_plan(
        plan, parameter, payer=payer, perspective=perspective, low=low, high=high
    )
