"""The ranges a parameter may take, and the sizes a plan may have, checked when compiling.

A parameter's ``bounds`` (:class:`~sociokalkyl.engine.Parameter`) are the values the
models accept for it as a fixed number, so that a distribution over it (checked by
:meth:`Uncertainty.check <sociokalkyl.uncertainty.Uncertainty.check>` when a simulation
starts) and a what-if value (:meth:`Plan.values <sociokalkyl.engine.Plan.values>`) obey the
same range as the value written in the file: a fixed discount rate of -99 % is refused,
so is a distribution that can draw it.

The sizes (:func:`check_sizes`) are the documented limits of
:mod:`sociokalkyl.limits`, checked before any array is made.

Examples
--------
>>> DISCOUNT_RATE, OPTIMISM_BIAS
((-0.1, 0.25), (0.0, 2.0))
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sociokalkyl.errors import InputError
from sociokalkyl.limits import (
    MAX_COST_ITEMS,
    MAX_ENGINE_BYTES,
    MAX_HORIZON_YEARS,
    MAX_LIST_ITEMS,
)

if TYPE_CHECKING:
    from sociokalkyl.engine.plan import Plan
    from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = [
    "DISCOUNT_RATE",
    "NON_NEGATIVE",
    "OPTIMISM_BIAS",
    "REAL_GROWTH",
    "RELATIVE_CHANGE",
    "SHARE",
    "batch_size",
    "check_sizes",
]

NON_NEGATIVE = (0.0, math.inf)
"""Counts, unit costs, uses, amounts, the effect multiplier."""
SHARE = (0.0, 1.0)
"""Drop-off, deadweight, attribution, displacement, exit rate."""
RELATIVE_CHANGE = (-1.0, math.inf)
"""A relative effect: at least -100 % (the model also refuses above +1 000 % as a slip)."""
REAL_GROWTH = (-1.0, 1.0)
"""A cost item's real growth [1/year], as ``CostItem.real_growth`` accepts."""
OPTIMISM_BIAS = (0.0, 2.0)
"""The optimism-bias uplift, as ``Settings.optimism_bias`` accepts (Green Book's top band)."""
DISCOUNT_RATE = (-0.1, 0.25)
"""A constant real discount rate [1/year], as ``Settings.discount_rate`` accepts."""


def check_sizes(
    intervention: Intervention, items: tuple[CostItem, ...], settings: Settings
) -> None:
    """Refuse a plan larger than the documented limits, before any array is made.

    Parameters
    ----------
    intervention
        The intervention: its effects, baseline uses, costs, intake and payers are counted.
    items
        Its resolved cost items.
    settings
        The settings: the horizon is checked.

    Raises
    ------
    InputError
        Naming the field, its size and the limit (:mod:`sociokalkyl.limits`).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import resolve_cost_items
    >>> inv, settings = examples.servicetrainee()
    >>> check_sizes(inv, resolve_cost_items(inv), settings)
    """
    if settings.horizon > MAX_HORIZON_YEARS:
        raise InputError(
            f"is longer than the longest horizon, {MAX_HORIZON_YEARS} years",
            field="settings.horizon",
            value=settings.horizon,
            expected=f"at most {MAX_HORIZON_YEARS} years, e.g. horizon = 20",
        )
    counts = {
        "cost_items": len(items),
        "baseline": len(intervention.baseline),
        "effects": len(intervention.effects),
        "costs": len(intervention.costs),
        "other_payers": len(intervention.other_payers),
        "actors": len(intervention.actors),
    }
    for field, count in counts.items():
        if count > MAX_COST_ITEMS:
            raise InputError(
                f"has {count} entries, more than the limit of {MAX_COST_ITEMS}",
                field=field,
                value=count,
                expected=f"at most {MAX_COST_ITEMS} (split the intervention in parts)",
            )
    lists: dict[str, list[float]] = {"target_group.intake": intervention.target_group.intake}
    for b, use in enumerate(intervention.baseline):
        lists[f"baseline[{b}].profile"] = use.profile or []
    for field, values in lists.items():
        if len(values) > MAX_LIST_ITEMS:
            raise InputError(
                f"has {len(values)} entries, more than the limit of {MAX_LIST_ITEMS}",
                field=field,
                value=len(values),
                expected=f"at most {MAX_LIST_ITEMS} entries, one a year, e.g. [30, 30, 30]",
            )


def batch_size(plan: Plan, most: int) -> int:
    """How many draws to project at once so that the flows stay within the memory budget.

    Parameters
    ----------
    plan
        The compiled plan: its cost items, cost lines, payers and horizon.
    most
        The most draws wanted at once, a power of two (the Monte Carlo engine batch).

    Returns
    -------
    int
        ``most``, or the largest power of two below it whose flows and temporaries
        (about ``8 (L + 2 (1 + P + Q) + 2) T`` bytes a draw for ``L`` lines,
        ``P`` actors with a flow and ``Q`` perspectives) fit in
        :data:`~sociokalkyl.limits.MAX_ENGINE_BYTES`; at least 1. A draw's numbers do not
        depend on the draws projected with it, so the batch changes no result.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> batch_size(compile_plan(*examples.servicetrainee()), 2048)
    2048
    """
    # the lines, and the net flows whose payback is sought (headline, actors, perspectives)
    nets = 1 + len(plan.active_payers) + len(plan.perspectives)
    lines = plan.weights.shape[0] + 2 * nets + 2
    per_draw = 8 * lines * plan.horizon
    batch = most
    while batch > 1 and batch * per_draw > MAX_ENGINE_BYTES:
        batch //= 2
    return batch
