"""The perspective and actor side of :class:`~sociokalkyl.analysis.result.Result`.

A mixin, so that :mod:`sociokalkyl.analysis.result` stays one concept: the headline
numbers and tables there, the answers per perspective and per actor and the
who-pays-whom matrix here (see ``docs/perspectives.md``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sociokalkyl.analysis.breakeven import break_even_of_plan
from sociokalkyl.analysis.perspectives import (
    PerspectiveResult,
    perspective_result,
    rollups,
    transfer_rows,
)
from sociokalkyl.model.actors import PERSPECTIVE_PRESETS

if TYPE_CHECKING:
    from sociokalkyl.analysis.metrics import Metrics
    from sociokalkyl.engine import Plan, Projection

__all__ = ["PerspectiveMixin"]


class PerspectiveMixin:
    """Answers per perspective and per actor, for a one-draw analysis.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> result = sk.evaluate(*sk.examples.servicetrainee())
    >>> result.perspective, [row["perspective"] for row in result.perspectives()]
    ('kommun', ['kommun', 'offentlig_sektor', 'samhället'])
    """

    plan: Plan
    projection: Projection
    metrics: Metrics

    @property
    def perspective(self) -> str:
        """The perspective of the headline numbers (``Settings.perspective``)."""
        return self.plan.headline

    def by_perspective(self, name: str) -> PerspectiveResult:
        """The answer from one perspective.

        Parameters
        ----------
        name
            ``"kommun"``, ``"offentlig_sektor"`` (or ``"offentlig sektor"``),
            ``"samhället"`` or one of ``Settings.perspectives``.

        Returns
        -------
        PerspectiveResult
            NPV, present values, benefit-cost ratio, IRR, paybacks, break-even effect.

        Raises
        ------
        InputError
            For an unknown perspective (with "did you mean").

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> r = sk.evaluate(*sk.examples.servicetrainee())
        >>> round(r.by_perspective("kommun").npv) == round(r.npv)
        True
        """
        view = self.plan.perspective(name)
        index = self.plan.perspectives.index(view)
        effect = break_even_of_plan(
            self.plan, "effect_multiplier", perspective=view.name, low=0.0
        ).value
        return perspective_result(self.plan, self.projection, self.metrics, index, effect)

    def perspectives(self) -> list[dict[str, float | str]]:
        """Every perspective's answer side by side, presets first.

        Returns
        -------
        list of dict
            One :meth:`PerspectiveResult.as_row` a perspective.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> rows = sk.evaluate(*sk.examples.servicetrainee()).perspectives()
        >>> [round(row["npv"]) for row in rows]
        [-3839870, 84880, 11383836]
        """
        return [self.by_perspective(view.name).as_row() for view in self.plan.perspectives]

    @property
    def npv_by_perspective(self) -> dict[str, float]:
        """NPV of every perspective [SEK].

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> sorted(sk.evaluate(*sk.examples.servicetrainee()).npv_by_perspective)
        ['kommun', 'offentlig_sektor', 'samhället']
        """
        npv = self.metrics.npv_by_perspective[0]
        return {view.name: float(npv[q]) for q, view in enumerate(self.plan.perspectives)}

    @property
    def npv_by_actor(self) -> dict[str, float]:
        """NPV of every actor with a flow, and of each parent of nested actors [SEK].

        A parent's number (``"kommun"``) is its own flows plus its nämnders' when it has
        nested actors; its own flows alone are in :attr:`npv_by_payer`.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> sk.evaluate(*sk.examples.skolfam()).npv_by_actor
        {'kommun': -3830807.0106896115}
        """
        rows = self.by_actor()
        own = {str(row["actor"]): float(row["npv"]) for row in rows if not row["rollup"]}
        return own | {str(row["actor"]): float(row["npv"]) for row in rows if row["rollup"]}

    def by_actor(self) -> list[dict[str, float | str | bool]]:
        """Per actor with a flow: PV of costs and gains, NPV, paybacks; with roll-ups.

        Returns
        -------
        list of dict
            ``actor``, ``rollup`` (True for a parent's total over itself and its nested
            actors, listed before the parent's own row),
            ``pv_costs``, ``pv_avoided``, ``npv`` [SEK], ``payback``,
            ``payback_discounted`` [years] (NaN for a roll-up's paybacks: see
            :meth:`by_perspective` for a set of actors' payback).

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> [row["actor"] for row in sk.evaluate(*sk.examples.servicetrainee()).by_actor()][:4]
        ['kommun', 'kommun', 'region', 'stat']
        """
        m, actors = self.metrics, self.plan.payers
        active = set(self.projection.active_payers.tolist())
        rows: list[dict[str, float | str | bool]] = []
        groups = rollups(actors)
        for j, actor in enumerate(actors):
            if actor in groups:
                cols = [actors.index(a) for a in groups[actor]]
                rows.append(
                    {
                        "actor": actor,
                        "rollup": True,
                        "pv_costs": float(m.pv_costs_by_payer[0, cols].sum()),
                        "pv_avoided": float(m.pv_avoided_by_payer[0, cols].sum()),
                        "npv": float(m.npv_by_payer[0, cols].sum()),
                        "payback": math.nan,
                        "payback_discounted": math.nan,
                    }
                )
            if j in active:
                rows.append(
                    {
                        "actor": actor,
                        "rollup": False,
                        "pv_costs": float(m.pv_costs_by_payer[0, j]),
                        "pv_avoided": float(m.pv_avoided_by_payer[0, j]),
                        "npv": float(m.npv_by_payer[0, j]),
                        "payback": float(m.payback_by_payer[0, j]),
                        "payback_discounted": float(m.payback_discounted_by_payer[0, j]),
                    }
                )
        return rows

    def transfers(self) -> list[dict[str, float | str]]:
        """Every transfer from actor to actor, and production by owner, in present value.

        Returns
        -------
        list of dict
            ``line``, ``flow``, ``from``, ``to``, ``pv`` [SEK]; see
            :func:`~sociokalkyl.analysis.perspectives.transfer_rows`.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> [row["to"] for row in sk.evaluate(*sk.examples.servicetrainee()).transfers()]
        ['individ', 'individ', 'stat', 'kommun', 'region', 'övriga']
        """
        return transfer_rows(self.plan, self.projection)

    def transfer_matrix(self) -> dict[str, dict[str, float]]:
        """Who pays whom: the present value from each actor to each actor [SEK].

        Returns
        -------
        dict of dict
            ``matrix[payer][recipient]``, summed over the lines; production is the row
            ``"produktion"`` (value created, from no actor, to its owner).

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> sk.evaluate(*sk.examples.skolfam()).transfer_matrix()   # resources only
        {}
        >>> m = sk.evaluate(*sk.examples.servicetrainee()).transfer_matrix()
        >>> round(m["kommun/socialnämnd"]["individ"]), round(m["produktion"]["övriga"])
        (-6916135, 12026261)
        """
        matrix: dict[str, dict[str, float]] = {}
        for row in self.transfers():
            to = matrix.setdefault(str(row["from"]), {})
            to[str(row["to"])] = to.get(str(row["to"]), 0.0) + float(row["pv"])
        return matrix

    @property
    def shows_perspectives(self) -> bool:
        """Whether the reports show the perspectives (the section *Perspektiv*).

        True when the answer depends on whose money is counted: the model has a
        transfer, production or work line, a nämnd, or a perspective of the user's own,
        or the preset perspectives' NPVs differ (costs or savings of more than one
        actor, e.g. a saving shared by kommun and region). A model whose every flow is
        the kommun's answers the same from every perspective, and its reports stay the
        budget view alone.

        Returns
        -------
        bool
            True when a report shows the perspectives side by side.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> sk.evaluate(*sk.examples.skolfam()).shows_perspectives  # the kommun's only
        False
        >>> sk.evaluate(*sk.examples.load("styrka_hela_livet")).shows_perspectives
        True
        """
        plan = self.plan
        if any(flow != "resource" for flow in plan.line_flows) or rollups(plan.payers):
            return True
        if len(plan.perspectives) > len(PERSPECTIVE_PRESETS):
            return True
        npv = list(self.npv_by_perspective.values())
        return not math.isclose(max(npv), min(npv), rel_tol=1e-9, abs_tol=0.5)

    def check_society(self) -> float:
        """The society NPV less the sum of every actor's NPV [SEK]: 0 up to rounding.

        Returns
        -------
        float
            :math:`NPV_{samhället} - \\sum_a NPV_a`.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> abs(sk.evaluate(*sk.examples.servicetrainee()).check_society()) < 1e-6
        True
        """
        society = self.plan.perspective("samhället")
        q = self.plan.perspectives.index(society)
        return float(self.metrics.npv_by_perspective[0, q] - np.sum(self.metrics.npv_by_payer[0]))
