"""Non-finite numbers are an error naming the input, never a filtered statistic.

The engine computes with ``np.errstate`` set to ignore overflow (numpy prints nothing
to stderr); instead :func:`check_finite` looks at the results of every projection (or
every batch of Monte Carlo draws) and, when a flow, a present value or an NPV is not a
finite number, raises a :class:`~sociokalkyl.errors.CalculationError` that names the
draw, the flow that overflowed and the inputs feeding it, largest first: the field to
look at in the scenario file. The check costs a few comparisons on arrays of one value
a draw; the search for the culprit runs only when something is wrong.

Examples
--------
>>> from sociokalkyl import examples
>>> from sociokalkyl.engine import compile_plan, project
>>> plan = compile_plan(*examples.servicetrainee())
>>> values = plan.values({"cost_items.ekonomiskt_bistand.unit_cost": 1e306})
>>> check_finite(plan, values, project(plan, values))
Traceback (most recent call last):
...
sociokalkyl.errors.CalculationError: cost_items.ekonomiskt_bistand.unit_cost: the avoided ...
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.metrics import Metrics
from sociokalkyl.engine import Plan, Projection
from sociokalkyl.engine.parameters import canonical_value
from sociokalkyl.errors import CalculationError

__all__ = ["check_finite"]

Array = NDArray[np.float64]
_SHOWN = 3
"""Inputs named in the message, largest first."""


def check_finite(
    plan: Plan,
    values: Mapping[str, Array],
    projection: Projection,
    metrics: Metrics | None = None,
    *,
    first_draw: int | None = None,
) -> None:
    """Raise a CalculationError naming the input when a result is not a finite number.

    Parameters
    ----------
    plan
        The compiled plan.
    values
        The parameter values projected, scalars or arrays of shape ``(D,)``.
    projection
        The projection of ``values``.
    metrics
        Its metrics: when given, only the metrics (one value a draw) are scanned, and
        the flows only when one is not finite (the fast check of Monte Carlo); without
        them every flow and discount factor is scanned.
    first_draw
        The number of the projection's first draw in a simulation; None for a single
        calculation (the message then names no draw).

    Raises
    ------
    CalculationError
        Whose ``field`` is the input most likely to have overflowed, with the draw, the
        flow (cost item or cost line, year) and the inputs that feed it in its message.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan, project
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> values = plan.values()
    >>> check_finite(plan, values, project(plan, values))   # nothing to say
    """
    if metrics is not None:
        arrays = (metrics.npv, metrics.pv_costs, metrics.pv_avoided, metrics.npv_by_payer,
                  metrics.pv_avoided_by_item)  # fmt: skip
        if all(np.isfinite(a).all() for a in arrays):
            return
        bad = [~np.isfinite(a).reshape(a.shape[0], -1).all(axis=1) for a in arrays]
        draw = int(np.flatnonzero(np.logical_or.reduce(bad))[0])
    else:
        finite = (
            np.isfinite(projection.flows).all(axis=(0, 1))
            & np.isfinite(projection.factors).all(axis=0)
            & np.isfinite(projection.baseline).all(axis=(0, 1))
        )
        if finite.all():
            return
        draw = int(np.flatnonzero(~finite)[0])
    raise _error(plan, values, projection, draw, first_draw)


def _value_of(values: Mapping[str, Array], name: str, draw: int) -> float:
    """The value of one parameter in one draw (a fixed value is the same in every draw)."""
    flat = np.reshape(values[name], -1)
    return float(flat[draw] if flat.size > 1 else flat[0])


def _where(plan: Plan, projection: Projection, draw: int) -> tuple[str, list[str]]:
    """The flow that is not finite in ``draw``, in words, and the parameters feeding it."""
    column = min(draw, projection.factors.shape[1] - 1)
    if not np.isfinite(projection.factors[:, column]).all():
        return "the discount factors", ["settings.discount_rate"]
    intake = [p.name for p in plan.intake]
    flows = projection.flows[:, :, min(draw, projection.flows.shape[2] - 1)]
    baseline = projection.baseline[:, :, min(draw, projection.baseline.shape[2] - 1)]
    bad, what = np.argwhere(~np.isfinite(flows)), "avoided costs"
    if not bad.size:
        bad, what = np.argwhere(~np.isfinite(baseline)), "baseline costs"
    if not bad.size:
        return "a sum of the flows over the years and cost items", list(plan.parameters)
    line, year = (int(i) for i in bad[0])
    n_items = len(plan.cost_items)
    if line < n_items:
        key = plan.item_keys[line]
        feeding = [f"cost_items.{key}.unit_cost", f"cost_items.{key}.real_growth", *intake,
                   "effect_multiplier"]  # fmt: skip
        feeding += [f"{b.name}.{f}" for b in plan.baselines if b.item == line
                    for f in ("use", "exit_rate")]  # fmt: skip
        feeding += [f"{e.name}.change" for e in plan.effects if e.item == line]
        return f"the {what} of cost item {key} in year {year}", feeding
    cost = plan.costs[line - n_items]
    feeding = [f"costs[{line - n_items}].amount", "settings.optimism_bias"]
    feeding += intake if cost.kind == "per_participant" else []
    return f"the intervention cost {cost.name!r} in year {year}", feeding


def _error(
    plan: Plan,
    values: Mapping[str, Array],
    projection: Projection,
    draw: int,
    first_draw: int | None,
) -> CalculationError:
    """The error for the first draw that is not finite: the flow and its largest inputs."""
    what, feeding = _where(plan, projection, draw)
    numbers = {name: _value_of(values, name, draw) for name in feeding if name in values}

    def size(name: str) -> float:
        canonical = abs(float(canonical_value(plan.parameters[name], numbers[name])))
        return np.inf if not np.isfinite(canonical) else canonical

    ranked = sorted(numbers, key=lambda name: (-size(name), name))
    shown = ", ".join(
        f"{name} = {numbers[name]:g} {plan.parameters[name].unit}".rstrip()
        for name in ranked[:_SHOWN]
    )
    where = "" if first_draw is None else f" in draw {first_draw + draw}"
    top = ranked[0] if ranked else None
    return CalculationError(
        f"{what}{where}: not a finite number (the calculation overflows); "
        f"its inputs, largest first: {shown}",
        field=top,
        value=numbers[top] if top is not None else None,
        expected="inputs of a realistic size (check the unit and the number of zeros); "
        "with a distribution, one that cannot draw such a value",
    )
