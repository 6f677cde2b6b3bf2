"""Answers per perspective and per actor, and the who-pays-whom matrix.

A perspective's numbers are those of the lines weighted by
:math:`W_{lp} = \\sum_{a \\in p} w_{la}` (see :mod:`sociokalkyl.engine.lines`); an actor
nested under another (``kommun/socialnämnd``) counts for itself and, rolled up, for its
parent. The who-pays-whom matrix is the present value of every transfer from actor to
actor, and of production by owner. See ``docs/perspectives.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.metrics import Metrics
from sociokalkyl.engine import Plan, Projection, sides
from sociokalkyl.finance.discounting import discounted_sum
from sociokalkyl.finance.irr import irr as irr_of

__all__ = [
    "PRODUCTION",
    "PerspectiveResult",
    "perspective_result",
    "rollups",
    "transfer_rows",
    "yearly_sides",
]

Array = NDArray[np.float64]

PRODUCTION = "produktion"
"""The "from" of production in the who-pays-whom rows: value created, from no actor."""


@dataclass(frozen=True)
class PerspectiveResult:
    """The answer from one perspective [SEK, analysis price year; years].

    Attributes
    ----------
    name
        The perspective (``"kommun"``, ``"offentlig_sektor"``, ``"samhället"``, ...).
    actors
        Its actors, nested ones included.
    npv, pv_costs, pv_avoided
        NPV and its two sides: costs, and gains (avoided costs, transfers received,
        production) [SEK].
    benefit_cost_ratio, irr
        ``pv_avoided / pv_costs`` (NaN without costs); internal rate of return [1/year].
    payback, payback_discounted
        Payback of the perspective's own net flows [years]; NaN: not within the horizon.
    break_even_effect
        The multiple of every effect at which the perspective's NPV is 0 (NaN: none).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> kommun = sk.evaluate(*sk.examples.servicetrainee()).by_perspective("kommun")
    >>> kommun.name, round(kommun.npv)
    ('kommun', -3839870)
    """

    name: str
    actors: tuple[str, ...]
    npv: float
    pv_costs: float
    pv_avoided: float
    benefit_cost_ratio: float
    irr: float
    payback: float
    payback_discounted: float
    break_even_effect: float

    def as_row(self) -> dict[str, float | str]:
        """The numbers as one record (``actors`` joined by ``", "``).

        Returns
        -------
        dict
            ``perspective``, ``actors``, ``npv``, ``pv_costs``, ``pv_avoided`` [SEK],
            ``benefit_cost_ratio``, ``irr``, ``payback``, ``payback_discounted``,
            ``break_even_effect``.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> row = sk.evaluate(*sk.examples.servicetrainee()).by_perspective("kommun").as_row()
        >>> row["perspective"], row["actors"]
        ('kommun', 'kommun, kommun/socialnämnd, kommun/arbetsmarknadsnämnd')
        """
        return {
            "perspective": self.name,
            "actors": ", ".join(self.actors),
            "npv": self.npv,
            "pv_costs": self.pv_costs,
            "pv_avoided": self.pv_avoided,
            "benefit_cost_ratio": self.benefit_cost_ratio,
            "irr": self.irr,
            "payback": self.payback,
            "payback_discounted": self.payback_discounted,
            "break_even_effect": self.break_even_effect,
        }


def perspective_result(
    plan: Plan, projection: Projection, metrics: Metrics, index: int, break_even: float
) -> PerspectiveResult:
    """The :class:`PerspectiveResult` of perspective ``index`` of a one-draw analysis.

    Parameters
    ----------
    plan, projection, metrics
        A deterministic analysis (one draw).
    index
        The perspective's position in ``plan.perspectives``.
    break_even
        Its break-even effect multiple [×], computed by the caller.

    Returns
    -------
    PerspectiveResult
        The perspective's numbers; the IRR of its net flows.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> r = sk.evaluate(*sk.examples.servicetrainee())
    >>> perspective_result(r.plan, r.projection, r.metrics, 0, float("nan")).name
    'kommun'
    """
    view = plan.perspectives[index]
    pv_costs = float(metrics.pv_costs_by_perspective[0, index])
    pv_avoided = float(metrics.pv_avoided_by_perspective[0, index])
    net = projection.net_for(view.weights)[:, 0]
    return PerspectiveResult(
        name=view.name,
        actors=view.actors,
        npv=float(metrics.npv_by_perspective[0, index]),
        pv_costs=pv_costs,
        pv_avoided=pv_avoided,
        benefit_cost_ratio=pv_avoided / pv_costs if pv_costs != 0 else math.nan,
        irr=float(irr_of(net)),
        payback=float(metrics.payback_by_perspective[0, index]),
        payback_discounted=float(metrics.payback_discounted_by_perspective[0, index]),
        break_even_effect=break_even,
    )


def rollups(actors: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each actor with actors nested under it, and the actors it covers (itself first).

    Parameters
    ----------
    actors
        Every actor of the analysis.

    Returns
    -------
    dict of str to tuple of str
        ``{"kommun": ("kommun", "kommun/socialnämnd", ...)}``; only actors with children.

    Examples
    --------
    >>> rollups(("kommun", "region", "kommun/socialnämnd"))
    {'kommun': ('kommun', 'kommun/socialnämnd')}
    """
    found: dict[str, tuple[str, ...]] = {}
    for actor in actors:
        children = tuple(a for a in actors if a.startswith(actor + "/"))
        if children:
            found[actor] = (actor, *children)
    return found


def transfer_rows(plan: Plan, projection: Projection) -> list[dict[str, float | str]]:
    """The present value of every transfer from actor to actor, and of production by owner.

    Parameters
    ----------
    plan, projection
        A deterministic analysis (one draw).

    Returns
    -------
    list of dict
        One record per (line, payer, recipient): ``line`` (its name), ``flow``
        (``"transfer"`` or ``"production"``), ``from`` (the payer; :data:`PRODUCTION` for
        production), ``to``, ``pv`` [SEK]: the change the intervention makes in what
        ``from`` pays ``to``, in present value (negative: it pays less, as when
        ekonomiskt bistånd is avoided).

    Notes
    -----
    A line ``l`` of orientation ``σ`` (+1 avoided cost, -1 cost) and value ``v`` moves
    :math:`-σ s_a v` from each payer ``a`` (share ``s_a``, weight :math:`w_{la} = σ s_a`)
    to its recipient (weight :math:`-σ`), so the recipient's net gains exactly what the
    payers' nets lose. Production moves :math:`-σ v` to its owner from no one.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> r = sk.evaluate(*sk.examples.skolfam())
    >>> transfer_rows(r.plan, r.projection)     # resources only: no transfer
    []
    """
    pv = discounted_sum(projection.flows, projection.factors, axis=-2)[:, 0]
    rows: list[dict[str, float | str]] = []
    for line, flow in enumerate(plan.line_flows):
        if flow == "resource":
            continue
        sigma = float(plan.orientation[line])
        weights = plan.weights[line]
        takers = [j for j in np.flatnonzero(weights * sigma < 0)]
        givers = [j for j in np.flatnonzero(weights * sigma > 0)]
        for j in takers:
            sources = [(plan.payers[g], -float(weights[g])) for g in givers] or [
                (PRODUCTION, float(weights[j]))
            ]
            for giver, factor in sources:
                rows.append(
                    {
                        "line": plan.line_names[line],
                        "flow": flow,
                        "from": giver,
                        "to": plan.payers[j],
                        "pv": factor * float(pv[line]),
                    }
                )
    return rows


def yearly_sides(projection: Projection, weights: Array) -> tuple[Array, Array]:
    """The yearly gains and costs of a set of line weights, undiscounted.

    Parameters
    ----------
    projection
        The projected lines ``(L, T, D)``.
    weights
        An actor's column of ``Projection.weights``, a perspective's weights, or the
        headline's [1], shape ``(L,)``.

    Returns
    -------
    gains, costs : ndarray
        :math:`\\sum_{W_l > 0} W_l v_{l,t}` and :math:`\\sum_{W_l < 0} -W_l v_{l,t}`
        over the resource lines, and each transfer, production or work line on the side
        of its contribution's sign (:func:`~sociokalkyl.engine.projection.sides`)
        [SEK], each ``(T, D)``; their difference is the net.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> r = sk.evaluate(*sk.examples.servicetrainee())
    >>> gains, costs = yearly_sides(r.projection, r.projection.headline)
    >>> bool(np.allclose(gains - costs, r.projection.net))
    True
    """
    return sides(weights, projection.flows, projection.by_value)
