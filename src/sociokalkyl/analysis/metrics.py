"""Metrics over draws: NPV, present values, benefit-cost ratio, IRR and payback.

:func:`compute_metrics` turns a :class:`~sociokalkyl.engine.Projection` of ``D`` draws
into arrays, in total and per payer; no loop over draws. A deterministic analysis is
the same with one draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine import Projection, weighted_sum
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

    Examples
    --------
    >>> from sociokalkyl import evaluate, examples
    >>> evaluate(*examples.servicetrainee()).metrics.npv_by_payer.shape   # (D, P)
    (1, 4)
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


def _paybacks(projection: Projection) -> Array:
    """Undiscounted and discounted payback of the total and of each active payer.

    Returns shape ``(2, 1 + A, D)`` for ``A`` active payers: ``[0]`` undiscounted,
    ``[1]`` discounted; row 0 the total, row ``1 + a`` the ``a``-th active payer. The
    net flows are built in one array ``(T, 2, 1 + A, D)``, the year outermost, so that
    each step of the cumulative sum adds one contiguous block.
    """
    active = projection.active_payers
    items, horizon, draws = projection.avoided.shape
    flows = np.empty((horizon, 2, 1 + active.size, draws))  # year first: whole rows per year
    projection.net_of(np.ones(items), np.ones(projection.costs.shape[0]), out=flows[:, 0, 0])
    for row, j in enumerate(active, start=1):
        shares, paid = projection.item_payer_shares[:, j], projection.cost_payers[:, j]
        projection.net_of(shares, paid, out=flows[:, 0, row])
    np.multiply(flows[:, 0], projection.factors[:, None, :], out=flows[:, 1])
    return payback_along_axis(flows, axis=0, overwrite=True)


def compute_metrics(projection: Projection, *, with_irr: bool = True) -> Metrics:
    """Metrics of a projection, vectorised over draws (no loop over draws).

    Present values are taken per cost item and per cost line, then added up with the
    payer shares, :math:`PV_p = \\sum_i s_{ip} PV_i - \\sum_{k \\text{ paid by } p} PV_k`:
    the same sums as discounting each payer's flows, with less work. Every sum runs in a
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
        return _metrics(projection, with_irr)


def _metrics(projection: Projection, with_irr: bool) -> Metrics:
    """:func:`compute_metrics` with numpy's floating-point warnings set by the caller."""
    factors = projection.factors
    pv_flows = discounted_sum(projection.flows, factors, axis=-2)  # (I + K, D)
    items = projection.item_payer_shares.shape[0]
    pv_items, pv_lines = pv_flows[:items], pv_flows[items:]
    shares, cost_payers = projection.item_payer_shares, projection.cost_payers
    pv_avoided_by_payer = np.stack([weighted_sum(w, pv_items) for w in shares.T], axis=-1)
    pv_costs_by_payer = np.stack([weighted_sum(w, pv_lines) for w in cost_payers.T], axis=-1)
    pv_avoided = weighted_sum(np.ones(pv_items.shape[0]), pv_items)
    pv_costs = weighted_sum(np.ones(pv_lines.shape[0]), pv_lines)
    ratio = np.where(pv_costs != 0, pv_avoided / np.where(pv_costs != 0, pv_costs, 1), np.nan)
    rates = (
        np.asarray(irr_of(projection.net.T), dtype=float)
        if with_irr
        else np.full(pv_costs.shape[0], np.nan)
    )
    paybacks = _paybacks(projection)
    by_payer = np.zeros((2, *pv_costs_by_payer.shape))  # a payer with no flow: 0
    by_payer[:, :, projection.active_payers] = paybacks[:, 1:].transpose(0, 2, 1)
    return Metrics(
        npv=pv_avoided - pv_costs,
        pv_costs=pv_costs,
        pv_avoided=pv_avoided,
        npv_by_payer=pv_avoided_by_payer - pv_costs_by_payer,
        pv_costs_by_payer=pv_costs_by_payer,
        pv_avoided_by_payer=pv_avoided_by_payer,
        pv_avoided_by_item=pv_items.T,
        benefit_cost_ratio=np.asarray(ratio, dtype=float),
        irr=rates,
        payback=paybacks[0, 0],
        payback_discounted=paybacks[1, 0],
        payback_by_payer=by_payer[0],
        payback_discounted_by_payer=by_payer[1],
    )
