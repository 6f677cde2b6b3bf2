"""Monte Carlo answers per perspective and per actor (see ``docs/perspectives.md``).

The numbers behind :attr:`SimulationResult.npv_by_actor` and
:meth:`SimulationResult.perspective_records`: roll-ups of nested actors over draws, and a
summary row per perspective.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine import Plan

if TYPE_CHECKING:
    from sociokalkyl.uncertainty.simulation_result import SimulationResult

__all__ = ["npv_by_actor", "perspective_records"]

Array = NDArray[np.float64]


def npv_by_actor(plan: Plan, own: Mapping[str, Array]) -> dict[str, Array]:
    """Each actor's own NPV over draws, a parent's rolled up over its nested actors.

    Parameters
    ----------
    plan
        The compiled plan (its actors).
    own
        Each actor's own NPV [SEK], arrays over draws.

    Returns
    -------
    dict of str to ndarray
        ``own``, with each parent of nested actors replaced by itself plus them.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> npv_by_actor(plan, {"kommun": np.array([1.0, 2.0])})
    {'kommun': array([1., 2.])}
    """
    found = dict(own)
    for actor in plan.payers:
        nested = [a for a in own if a.startswith(actor + "/")]
        if nested:
            parts = [own[a] for a in ([actor] if actor in own else []) + nested]
            found[actor] = np.sum(parts, axis=0)
    return found


def perspective_records(result: SimulationResult) -> list[dict[str, Any]]:
    """Per perspective: mean NPV, its quantiles, P(NPV > 0), P(payback within horizon).

    Parameters
    ----------
    result
        A Monte Carlo result.

    Returns
    -------
    list of dict
        ``perspective``, ``mean``, ``std``, ``q5``, ``q50``, ``q95`` (the levels asked
        for) [SEK], ``prob_npv_positive``, ``prob_payback_within_horizon``.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = sk.simulate(*sk.examples.servicetrainee(), servicetrainee_uncertainty(),
    ...                  draws=50, seed=1)
    >>> [row["perspective"] for row in perspective_records(mc)]
    ['kommun', 'offentlig_sektor', 'samhället']
    """
    rows: list[dict[str, Any]] = []
    levels = result.quantile_levels
    for view in result.plan.perspectives:
        key = f"npv@{view.name}"
        _, mean, std, positive = result._stats[key].total()
        row: dict[str, Any] = {"perspective": view.name, "mean": mean, "std": std}
        for level, value in zip(levels, result.quantile(levels, key), strict=True):
            row[f"q{level * 100:g}"] = float(value)
        row["prob_npv_positive"] = positive / result.draws
        row["prob_payback_within_horizon"] = result.prob_payback_within(
            result.plan.horizon, perspective=view.name
        )
        rows.append(row)
    return rows
