"""Metrics over draws: NPV, present values, benefit-cost ratio, IRR and payback.

:func:`compute_metrics` turns a :class:`~sociokalkyl.engine.Projection` of ``D`` draws
into arrays, in total and per payer; no loop over draws. A deterministic analysis is
the same with one draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine import Projection, sides
from sociokalkyl.finance.discounting import discounted_sum
from sociokalkyl.finance.irr import irr as irr_of
from sociokalkyl.finance.payback import payback_along_axis

__all__ = ["Metrics", "compute_metrics"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Metrics:
    """Metrics for ``D`` draws; ``P`` payers, ``I`` cost items [SEK, present values].

    Attributes
    ----------
    npv : (D,)
        Net present value of the headline perspective: PV(gains) - PV(costs).
    pv_costs, pv_avoided : (D,)
        Present values of its costs and of its gains (avoided costs, transfers received,
        production): each line on the side of the sign of its weight.
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
    npv_by_perspective, pv_costs_by_perspective, pv_avoided_by_perspective : (D, Q)
        NPV and its two sides per perspective, in the order of ``Plan.perspectives``.
    payback_by_perspective, payback_discounted_by_perspective : (D, Q)
        Payback per perspective [years].

    Examples
    --------
    >>> from sociokalkyl import evaluate, examples
    >>> evaluate(*examples.servicetrainee()).metrics.npv_by_payer.shape   # (D, P)
    (1, 7)
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
    npv_by_perspective: Array
    pv_costs_by_perspective: Array
    pv_avoided_by_perspective: Array
    payback_by_perspective: Array
    payback_discounted_by_perspective: Array


def _paybacks(projection: Projection, rows: list[Array]) -> Array:
    """Undiscounted and discounted payback of the net of each weight vector in ``rows``.

    Returns shape ``(2, R, D)``: ``[0]`` undiscounted, ``[1]`` discounted. A weight vector
    met before is not projected again (the kommun is often the whole of society). The net
    flows are built in one array ``(T, 2, U, D)`` for the ``U`` distinct rows, the year
    outermost, so that each step of the cumulative sum adds one contiguous block.
    """
    unique: list[Array] = []
    where: list[int] = []
    for weights in rows:
        found = next((u for u, seen in enumerate(unique) if np.array_equal(seen, weights)), None)
        if found is None:
            unique.append(weights)
            found = len(unique) - 1
        where.append(found)
    _, horizon, draws = projection.flows.shape
    flows = np.empty((horizon, 2, len(unique), draws))  # year first: whole rows per year
    for row, weights in enumerate(unique):
        projection.net_for(weights, out=flows[:, 0, row])
    np.multiply(flows[:, 0], projection.factors[:, None, :], out=flows[:, 1])
    paybacks = payback_along_axis(flows, axis=0, overwrite=True)
    return paybacks[:, where]


def _sides(weights: Array, pv_flows: Array, by_value: NDArray[np.bool_]) -> tuple[Array, Array]:
    """PV of the gains and of the costs, ``(D,)``: :func:`~sociokalkyl.engine.projection.sides`.

    A resource line is a gain or a cost by the sign of its weight (a cost increase, a
    negative avoided cost, stays on the gains' side); a transfer, production or work line
    by the sign of its contribution :math:`W_l PV_l` (production gained is a gain).
    """
    return sides(weights, pv_flows, by_value)


def compute_metrics(projection: Projection, *, with_irr: bool = True) -> Metrics:
    """Metrics of a projection, vectorised over draws (no loop over draws).

    Present values are taken per line (cost item, cost line, derived line), then added
    up with the constant weights, :math:`PV_a = \\sum_l w_{la} PV_l` for an actor and
    :math:`PV_p = \\sum_l W_{lp} PV_l` for a perspective: the same sums as discounting
    each actor's flows, with less work. The headline numbers are those of the plan's
    headline perspective (``Settings.perspective``, ``samhället`` by default). Every sum runs in a
    fixed order (:func:`~sociokalkyl.finance.discounted_sum`), so one draw gives the same
    bits alone and among many.

    Parameters
    ----------
    projection
        The yearly flows of ``D`` draws (:func:`sociokalkyl.engine.project`).
    with_irr
        Compute the IRR (the costly metric); NaN for every draw when False.

    Returns
    -------
    Metrics
        Arrays over the draws [SEK, years, 1/year].

    Notes
    -----
    .. math:: NPV = PV(A) - PV(C), \\qquad BCR = PV(A) / PV(C)

    with :math:`A` the avoided costs and :math:`C` the intervention costs.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan, project
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> m = compute_metrics(project(plan, plan.values({"effect_multiplier": [1.0, 2.0]})))
    >>> m.npv.shape, bool(m.npv[1] > m.npv[0])
    ((2,), True)
    """
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _metrics(projection, with_irr, tuple(projection.perspectives))


def _metrics(projection: Projection, with_irr: bool, perspectives: tuple[Array, ...]) -> Metrics:
    """:func:`compute_metrics` with numpy's floating-point warnings set by the caller."""
    pv_flows = discounted_sum(projection.flows, projection.factors, axis=-2)  # (L, D)
    by_value = projection.by_value
    pv_avoided, pv_costs = _sides(projection.headline, pv_flows, by_value)
    by_actor = [_sides(w, pv_flows, by_value) for w in projection.weights.T]
    by_view = [_sides(w, pv_flows, by_value) for w in perspectives]
    ratio = np.where(pv_costs != 0, pv_avoided / np.where(pv_costs != 0, pv_costs, 1), np.nan)
    rates = (
        np.asarray(irr_of(projection.net.T), dtype=float)
        if with_irr
        else np.full(pv_costs.shape[0], np.nan)
    )
    active = projection.active_payers
    rows = [projection.headline, *(projection.weights[:, j] for j in active), *perspectives]
    paybacks = _paybacks(projection, rows)
    by_payer = np.zeros((2, pv_costs.shape[0], projection.weights.shape[1]))  # no flow: 0
    by_payer[:, :, active] = paybacks[:, 1 : 1 + active.size].transpose(0, 2, 1)
    views = paybacks[:, 1 + active.size :].transpose(0, 2, 1)
    return Metrics(
        npv=pv_avoided - pv_costs,
        pv_costs=pv_costs,
        pv_avoided=pv_avoided,
        npv_by_payer=_stack([g - c for g, c in by_actor], pv_costs),
        pv_costs_by_payer=_stack([c for _, c in by_actor], pv_costs),
        pv_avoided_by_payer=_stack([g for g, _ in by_actor], pv_costs),
        pv_avoided_by_item=pv_flows[: projection.items].T,
        benefit_cost_ratio=np.asarray(ratio, dtype=float),
        irr=rates,
        payback=paybacks[0, 0],
        payback_discounted=paybacks[1, 0],
        payback_by_payer=by_payer[0],
        payback_discounted_by_payer=by_payer[1],
        npv_by_perspective=_stack([g - c for g, c in by_view], pv_costs),
        pv_costs_by_perspective=_stack([c for _, c in by_view], pv_costs),
        pv_avoided_by_perspective=_stack([g for g, _ in by_view], pv_costs),
        payback_by_perspective=views[0],
        payback_discounted_by_perspective=views[1],
    )


def _stack(columns: list[Array], like: Array) -> Array:
    """Columns ``(D,)`` side by side, ``(D, N)``; ``(D, 0)`` for none."""
    return np.stack(columns, axis=-1) if columns else np.zeros((like.shape[0], 0))
