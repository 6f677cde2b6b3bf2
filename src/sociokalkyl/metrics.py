"""Metrics over draws: NPV, present values, benefit-cost ratio, IRR and payback.

:func:`compute_metrics` turns a :class:`~sociokalkyl.engine.Projection` of ``D`` draws
into arrays, in total and per payer; no loop over draws. A deterministic analysis is
the same with one draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl import finance
from sociokalkyl.engine import Projection

__all__ = ["Metrics", "compute_metrics", "present_value"]

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


def present_value(flows: Array, factors: Array) -> Array:
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
    pv_costs = present_value(costs, factors)
    pv_avoided = present_value(avoided, factors)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(pv_costs != 0, pv_avoided / np.where(pv_costs != 0, pv_costs, 1), np.nan)
    irr = np.asarray(finance.irr(net), dtype=float) if with_irr else np.full(net.shape[0], np.nan)
    return Metrics(
        npv=pv_avoided - pv_costs,
        pv_costs=pv_costs,
        pv_avoided=pv_avoided,
        npv_by_payer=present_value(net_by_payer, factors),
        pv_costs_by_payer=present_value(projection.costs_by_payer, factors),
        pv_avoided_by_payer=present_value(projection.avoided_by_payer, factors),
        pv_avoided_by_item=present_value(projection.avoided, factors),
        benefit_cost_ratio=np.asarray(ratio, dtype=float),
        irr=irr,
        payback=np.asarray(finance.payback_period(net), dtype=float),
        payback_discounted=np.asarray(finance.payback_period(net * factors), dtype=float),
        payback_by_payer=_payback_by_payer(net_by_payer, None, projection.active_payers),
        payback_discounted_by_payer=_payback_by_payer(
            net_by_payer, factors, projection.active_payers
        ),
    )
