"""Results: metrics over draws, break-even, and the result of :func:`evaluate`.

:func:`compute_metrics` turns a :class:`~sociokalkyl.engine.Projection` of ``D`` draws
into arrays of NPV, benefit-cost ratio, IRR and payback, in total and per payer. The
:class:`Result` of a deterministic analysis is the same with one draw, wrapped with
tables, a per-payer breakdown and the assumption log.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl import finance
from sociokalkyl._optional import require
from sociokalkyl.engine import Plan, Projection, compile_plan, cost_item_summary, project
from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = [
    "BreakEvenScan",
    "Metrics",
    "Result",
    "compute_metrics",
    "evaluate",
    "scan_break_even",
    "solve_break_even",
]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Metrics:
    """Metrics for ``D`` draws; ``P`` payers, ``I`` cost items [SEK, present values].

    Attributes
    ----------
    npv : (D,)
        Net present value: PV(avoided costs) - PV(intervention costs).
    pv_costs, pv_avoided : (D,)
        Present values of the intervention costs and of the avoided costs.
    npv_by_payer, pv_costs_by_payer, pv_avoided_by_payer : (D, P)
        The same per payer.
    pv_avoided_by_item : (D, I)
        Present value of the avoided costs per cost item.
    benefit_cost_ratio : (D,)
        PV(avoided) / PV(costs); NaN where PV(costs) is 0.
    irr : (D,)
        Internal rate of return of the net flows; NaN where there is none.
    payback, payback_discounted : (D,)
        Payback period [years], NaN when not within the horizon.
    payback_by_payer, payback_discounted_by_payer : (D, P)
        The same per payer.
    """

    npv: Array
    pv_costs: Array
    pv_avoided: Array
    npv_by_payer: Array
    pv_costs_by_payer: Array
    pv_avoided_by_payer: Array
    pv_avoided_by_item: Array
    benefit_cost_ratio: Array
    irr: Array
    payback: Array
    payback_discounted: Array
    payback_by_payer: Array
    payback_discounted_by_payer: Array


def _present(flows: Array, factors: Array) -> Array:
    """Sum of ``flows[d, ..., t] * factors[d, t]`` over t; one row of factors is shared."""
    if factors.shape[0] == 1:
        shared: Array = np.einsum("...t,t->...", flows, factors[0])
        return shared
    by_draw: Array = np.einsum("d...t,dt->d...", flows, factors)
    return by_draw


def _payback_by_payer(
    net_by_payer: Array, factors: Array | None, active: NDArray[np.intp]
) -> Array:
    """Payback per payer ``(D, P)``, computed only for the ``active`` payers.

    A payer with no flow has a cumulative net of 0 from year 0: payback 0.
    """
    paybacks = np.zeros(net_by_payer.shape[:2])
    if active.size:
        flows = net_by_payer[:, active]
        if factors is not None:
            flows = flows * factors[:, None, :]
        paybacks[:, active] = finance.payback_period(flows)
    return paybacks


def compute_metrics(projection: Projection, *, with_irr: bool = True) -> Metrics:
    """Metrics of a projection, vectorised over draws (no loop over draws)."""
    factors = projection.factors
    costs = projection.costs.sum(axis=1)
    avoided = projection.avoided.sum(axis=1)
    net = avoided - costs
    net_by_payer = projection.net_by_payer
    pv_costs = _present(costs, factors)
    pv_avoided = _present(avoided, factors)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(pv_costs != 0, pv_avoided / np.where(pv_costs != 0, pv_costs, 1), np.nan)
    irr = np.asarray(finance.irr(net), dtype=float) if with_irr else np.full(net.shape[0], np.nan)
    return Metrics(
        npv=pv_avoided - pv_costs,
        pv_costs=pv_costs,
        pv_avoided=pv_avoided,
        npv_by_payer=_present(net_by_payer, factors),
        pv_costs_by_payer=_present(projection.costs_by_payer, factors),
        pv_avoided_by_payer=_present(projection.avoided_by_payer, factors),
        pv_avoided_by_item=_present(projection.avoided, factors),
        benefit_cost_ratio=np.asarray(ratio, dtype=float),
        irr=irr,
        payback=np.asarray(finance.payback_period(net), dtype=float),
        payback_discounted=np.asarray(finance.payback_period(net * factors), dtype=float),
        payback_by_payer=_payback_by_payer(net_by_payer, None, projection.active_payers),
        payback_discounted_by_payer=_payback_by_payer(
            net_by_payer, factors, projection.active_payers
        ),
    )


def _npv_for(plan: Plan, values: Mapping[str, Array], payer: str | None) -> Array:
    projection = project(plan, values)
    factors = projection.factors
    if payer is None:
        return _present(projection.net, factors)
    return _present(projection.net_by_payer[:, plan.payers.index(payer)], factors)


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
    if parameter not in plan.parameters:
        raise InputError(
            "is not a parameter of this intervention",
            field="parameter",
            value=parameter,
            expected=f"one of {', '.join(plan.parameters)}",
        )
    if payer is not None and payer not in plan.payers:
        raise InputError(
            "is not a payer of this analysis",
            field="payer",
            value=payer,
            expected=f"one of {', '.join(plan.payers)}",
        )
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


class Result:
    """The result of a deterministic analysis (:func:`evaluate`).

    All amounts are in SEK in the analysis price year. Present values are discounted
    to year 0 (the base year). "No answer" (no payback within the horizon, no IRR, no
    break-even) is NaN, never a number.

    Attributes
    ----------
    npv, pv_costs, pv_avoided : float
        Net present value and its two parts [SEK].
    benefit_cost_ratio, irr : float
        PV(avoided) / PV(costs); internal rate of return [1/year].
    payback, payback_discounted : float
        Payback period [years].
    npv_by_payer : dict[str, float]
        NPV of each payer with a flow [SEK]: who pays and who saves.
    break_even_effect, max_cost_break_even : float
        The multiple of the effects that gives NPV 0; the largest PV of costs that
        still breaks even [SEK].
    plan, projection, metrics
        The compiled inputs, the yearly flows ``(1, ·, T)`` and the metric arrays.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> result = sk.evaluate(*sk.examples.servicetrainee())
    >>> round(result.npv), round(result.benefit_cost_ratio, 2), result.payback
    (-5752490, 0.55, nan)
    >>> [row["payer"] for row in result.by_payer()]
    ['kommun']
    """

    def __init__(self, plan: Plan, projection: Projection, metrics: Metrics) -> None:
        self.plan = plan
        self.projection = projection
        self.metrics = metrics

    # --- headline numbers -----------------------------------------------------------
    @property
    def npv(self) -> float:
        """Net present value [SEK]."""
        return float(self.metrics.npv[0])

    @property
    def pv_costs(self) -> float:
        """Present value of the intervention costs [SEK]."""
        return float(self.metrics.pv_costs[0])

    @property
    def pv_avoided(self) -> float:
        """Present value of the avoided costs [SEK]."""
        return float(self.metrics.pv_avoided[0])

    @property
    def benefit_cost_ratio(self) -> float:
        """PV(avoided costs) / PV(intervention costs); NaN without costs."""
        return float(self.metrics.benefit_cost_ratio[0])

    @property
    def irr(self) -> float:
        """Internal rate of return of the net flows; NaN where none exists."""
        return float(self.metrics.irr[0])

    @property
    def payback(self) -> float:
        """Undiscounted payback [years]; NaN when not within the horizon."""
        return float(self.metrics.payback[0])

    @property
    def payback_discounted(self) -> float:
        """Discounted payback [years]; NaN when not within the horizon."""
        return float(self.metrics.payback_discounted[0])

    @property
    def npv_by_payer(self) -> dict[str, float]:
        """NPV per payer [SEK], for the payers with any flow."""
        return {p: float(self.metrics.npv_by_payer[0, j]) for j, p in self._active_payers()}

    @cached_property
    def break_even_effect(self) -> float:
        """The multiple of every effect at which NPV is 0 (1.0 = the effects as given).

        Below 1 the intervention pays with room to spare: 0.6 means 60 % of the
        assumed effect is enough. NaN when no multiple in [0, 1e9] gives NPV 0.
        """
        return solve_break_even(self.plan, "effect_multiplier", low=0.0)

    @cached_property
    def break_even_effect_by_payer(self) -> dict[str, float]:
        """The break-even effect multiple for each payer's own NPV (NaN: none)."""
        return {
            p: solve_break_even(self.plan, "effect_multiplier", payer=p, low=0.0)
            for _, p in self._active_payers()
        }

    @property
    def max_cost_break_even(self) -> float:
        """The largest present value of intervention costs that still breaks even [SEK].

        Equal to PV(avoided costs): any intervention costing less (in present value)
        has NPV >= 0, given the effects.
        """
        return self.pv_avoided

    @property
    def max_cost_break_even_by_payer(self) -> dict[str, float]:
        """For each payer: the present value of costs it could bear and still break even."""
        return {p: float(self.metrics.pv_avoided_by_payer[0, j]) for j, p in self._active_payers()}

    def _active_payers(self) -> list[tuple[int, str]]:
        return [(int(j), self.plan.payers[j]) for j in self.projection.active_payers]

    # --- tables -----------------------------------------------------------------------
    def table(self) -> list[dict[str, float | int]]:
        """The yearly flows as records: one dict a year [SEK, analysis price year].

        Keys: ``year`` (0, 1, ...), ``calendar_year``, ``costs``, ``avoided``, ``net``,
        ``discount_factor``, ``discounted_net``, ``cumulative_net``,
        ``cumulative_discounted_net``.
        """
        projection = self.projection
        costs = projection.costs[0].sum(axis=0)
        avoided = projection.avoided[0].sum(axis=0)
        net = avoided - costs
        factors = projection.factors[0]
        discounted = net * factors
        cumulative, cumulative_discounted = np.cumsum(net), np.cumsum(discounted)
        return [
            {
                "year": t,
                "calendar_year": self.plan.base_year + t,
                "costs": float(costs[t]),
                "avoided": float(avoided[t]),
                "net": float(net[t]),
                "discount_factor": float(factors[t]),
                "discounted_net": float(discounted[t]),
                "cumulative_net": float(cumulative[t]),
                "cumulative_discounted_net": float(cumulative_discounted[t]),
            }
            for t in range(self.plan.horizon)
        ]

    def by_payer(self) -> list[dict[str, float | str]]:
        """Per payer: PV of costs, PV of avoided costs, NPV, payback, break-even effect."""
        rows: list[dict[str, float | str]] = []
        for j, payer in self._active_payers():
            rows.append(
                {
                    "payer": payer,
                    "pv_costs": float(self.metrics.pv_costs_by_payer[0, j]),
                    "pv_avoided": float(self.metrics.pv_avoided_by_payer[0, j]),
                    "npv": float(self.metrics.npv_by_payer[0, j]),
                    "payback": float(self.metrics.payback_by_payer[0, j]),
                    "payback_discounted": float(self.metrics.payback_discounted_by_payer[0, j]),
                    "break_even_effect": self.break_even_effect_by_payer[payer],
                }
            )
        return rows

    def by_cost_item(self) -> list[dict[str, float | str]]:
        """Per cost item: PV of baseline costs and of avoided costs, and the payer."""
        pv_baseline = _present(self.projection.baseline, self.projection.factors)[0]
        return [
            {
                "cost_item": key,
                "name": self.plan.item_names[i],
                "payer": ", ".join(self.plan.cost_items[i].payer_shares),
                "pv_baseline": float(pv_baseline[i]),
                "pv_avoided": float(self.metrics.pv_avoided_by_item[0, i]),
            }
            for i, key in enumerate(self.plan.item_keys)
        ]

    def yearly_by_payer(self) -> list[dict[str, float | int | str]]:
        """Yearly costs, avoided costs and net for each payer with any flow."""
        rows: list[dict[str, float | int | str]] = []
        for j, payer in self._active_payers():
            for t in range(self.plan.horizon):
                costs = float(self.projection.costs_by_payer[0, j, t])
                avoided = float(self.projection.avoided_by_payer[0, j, t])
                rows.append(
                    {
                        "payer": payer,
                        "year": t,
                        "costs": costs,
                        "avoided": avoided,
                        "net": avoided - costs,
                    }
                )
        return rows

    def assumptions(self) -> list[dict[str, object]]:
        """The assumption log: every cost item with value, price year, rebased value, source."""
        return [
            cost_item_summary(item, self.plan.price_year, factor)
            for item, factor in zip(self.plan.cost_items, self.plan.item_price_factors, strict=True)
        ]

    def summary(self) -> dict[str, Any]:
        """The headline numbers as a plain dict (JSON-ready; NaN becomes None)."""

        def clean(value: float) -> float | None:
            return None if math.isnan(value) else value

        return {
            "intervention": self.plan.intervention_name,
            "price_year": self.plan.price_year,
            "base_year": self.plan.base_year,
            "horizon": self.plan.horizon,
            "discounting": self.plan.discount_description,
            "npv": self.npv,
            "pv_costs": self.pv_costs,
            "pv_avoided": self.pv_avoided,
            "benefit_cost_ratio": clean(self.benefit_cost_ratio),
            "irr": clean(self.irr),
            "payback": clean(self.payback),
            "payback_discounted": clean(self.payback_discounted),
            "break_even_effect": clean(self.break_even_effect),
            "max_cost_break_even": self.max_cost_break_even,
            "by_payer": [
                {k: (clean(v) if isinstance(v, float) else v) for k, v in row.items()}
                for row in self.by_payer()
            ],
        }

    def to_frame(self) -> Any:
        """The yearly table as a pandas DataFrame indexed by year (needs pandas)."""
        pd = require("pandas", "Result.to_frame()")
        return pd.DataFrame.from_records(self.table()).set_index("year")

    def plot(self, ax: Any = None, *, lang: str = "sv") -> Any:
        """Bars of yearly costs and avoided costs, lines of the cumulative net.

        matplotlib is imported here, not when sociokalkyl is imported. Returns the Axes.

        Parameters
        ----------
        ax
            A matplotlib Axes to draw on; a new figure when None.
        lang
            ``"sv"`` (Swedish labels, the default) or ``"en"``.
        """
        plt = require("matplotlib.pyplot", "Result.plot()")
        labels = {
            "sv": ("Insatsens kostnader", "Undvikna kostnader", "Ackumulerat netto",
                   "Ackumulerat netto, diskonterat", "mnkr", "År"),
            "en": ("Intervention costs", "Avoided costs", "Cumulative net",
                   "Cumulative net, discounted", "MSEK", "Year"),
        }[lang]  # fmt: skip
        rows = self.table()
        years = [int(row["calendar_year"]) for row in rows]
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4.5))
        width = 0.4
        ax.bar([y - width / 2 for y in years], [-row["costs"] / 1e6 for row in rows], width,
               label=labels[0], color="#c0504d")  # fmt: skip
        ax.bar([y + width / 2 for y in years], [row["avoided"] / 1e6 for row in rows], width,
               label=labels[1], color="#4f81bd")  # fmt: skip
        ax.plot(years, [row["cumulative_net"] / 1e6 for row in rows], "k-o", label=labels[2])
        ax.plot(years, [row["cumulative_discounted_net"] / 1e6 for row in rows], "k--",
                label=labels[3])  # fmt: skip
        ax.axhline(0.0, color="grey", linewidth=0.8)
        ax.set_xlabel(labels[5])
        ax.set_ylabel(f"{labels[4]} ({self.plan.price_year})")
        ax.set_title(self.plan.intervention_name)
        ax.legend(fontsize="small")
        return ax

    def __str__(self) -> str:
        def years(value: float) -> str:
            return "not within the horizon" if math.isnan(value) else f"{value:.2f} years"

        lines = [
            f"{self.plan.intervention_name}: {self.plan.horizon} years from "
            f"{self.plan.base_year}, {self.plan.price_year} prices, "
            f"{self.plan.discount_description}",
            f"  NPV                 {self.npv:>16,.0f} SEK",
            f"  PV costs            {self.pv_costs:>16,.0f} SEK",
            f"  PV avoided costs    {self.pv_avoided:>16,.0f} SEK",
            "  Benefit-cost ratio  "
            + (
                f"{'none: no intervention cost':>16}"
                if math.isnan(self.benefit_cost_ratio)
                else f"{self.benefit_cost_ratio:>16.2f}"
            ),
            f"  Payback             {years(self.payback):>16}",
            f"  Payback, discounted {years(self.payback_discounted):>16}",
            "  Break-even effect   "
            + (
                "none: no multiple of the effects makes NPV 0"
                if math.isnan(self.break_even_effect)
                else f"{self.break_even_effect:>16.2f} x the assumed effect"
            ),
        ]
        for row in self.by_payer():
            lines.append(f"  NPV {row['payer']:<15} {float(row['npv']):>16,.0f} SEK")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"Result({self.plan.intervention_name!r}, npv={self.npv:,.0f}, "
            f"payback={self.payback:.2f})"
        )

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{line.strip()}</td></tr>" for line in str(self).splitlines())
        return f"<table>{rows}</table>"


def evaluate(
    intervention: Intervention,
    settings: Settings,
    *,
    catalogue: Mapping[str, CostItem] | None = None,
) -> Result:
    """Evaluate an intervention: yearly flows, NPV, payback, benefit-cost ratio, per payer.

    Parameters
    ----------
    intervention
        What is done, for whom, what it costs and what it changes.
    settings
        Base year, analysis price year, horizon and discounting.
    catalogue
        Where cost-item keys are looked up (default: the shipped catalogue).

    Returns
    -------
    Result
        Numbers in SEK, analysis price year; present values at year 0.

    Raises
    ------
    InputError
        For inputs the models accept but the calculation cannot use: a catalogue key
        that does not exist, a price year the index lacks, a unit that does not fit its
        cost item, intake or costs beyond the horizon. The message names the field.

    Examples
    --------
    >>> from sociokalkyl import Settings, evaluate, examples
    >>> intervention, _ = examples.servicetrainee()
    >>> result = evaluate(intervention, Settings(base_year=2012, price_year=2023, horizon=10))
    >>> f"{result.npv / 1e6:.2f} mnkr"
    '-5.75 mnkr'
    """
    plan = compile_plan(intervention, settings, catalogue)
    projection = project(plan, plan.values())
    return Result(plan, projection, compute_metrics(projection))
