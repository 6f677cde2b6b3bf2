"""The breakdown by outcome: the present value of each outcome's consequences per actor.

For each effect on an outcome ``j`` the engine projects its own flows alone
(:func:`~sociokalkyl.engine.outcome_lines.outcome_flows`: its avoided costs on each
cost item and the taxes and production derived from them); actor ``a``'s part is

.. math:: PV_{ja} = \\sum_l w_{la} \\sum_t f_t\\, v^{(j)}_{lt}

with the line weights ``w`` and the discount factors ``f``. The values are those
**before** the rule for overlaps (``docs/outcomes.md``): where an outcome and another
source change the same cost item, the NPV counts the larger saving in each year, not
the sum, and the rows here can add up to more than the result's avoided costs. Pure
numpy: no pint, no pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sociokalkyl.engine.outcome_lines import outcome_flows
from sociokalkyl.engine.overlap import OverlapWarning
from sociokalkyl.engine.projection import weighted_sum
from sociokalkyl.finance.discounting import discounted_sum

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["outcome_records"]


def outcome_records(result: Result) -> list[dict[str, float | int | str | bool]]:
    """The present value of each effect on an outcome's consequences, per actor.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.

    Returns
    -------
    list of dict
        One row per effect on an outcome and actor with a flow from it, in the order
        of ``outcome_effects`` and of the plan's actors: ``outcome_effect`` (its index
        ``j``), ``outcome`` (its key), ``actor``, ``pv`` [SEK, present value at the
        base year, analysis price year; positive: a gain for the actor], and
        ``overlap`` (True when another source changes one of its cost items, so that
        the rule for overlaps may count less than ``pv``). Empty without outcomes.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> result = sk.evaluate(*sk.examples.load("utokade_hembesok"))
    >>> [(r["outcome"], r["actor"], round(r["pv"])) for r in outcome_records(result)]
    [('placering_familjehem_undviken', 'kommun', 1034858)]
    """
    plan, projection = result.plan, result.projection
    if not plan.outcome_lines:
        return []
    flows = outcome_flows(plan, plan.values())
    overlapping = {w.field for w in plan.warnings if isinstance(w, OverlapWarning)}
    records: list[dict[str, float | int | str | bool]] = []
    for j, lines in sorted(flows.items()):
        # as the metrics do: each actor's net by year (in line order), then discounted
        by_actor = [
            float(discounted_sum(weighted_sum(w, lines), projection.factors, axis=-2)[0])
            for w in projection.weights.T
        ]
        touched = np.flatnonzero((lines != 0).any(axis=(1, 2)))
        active = (projection.weights[touched] != 0).any(axis=0)
        mine = [line for line in plan.outcome_lines if line.effect == j]
        overlap = any(plan.item_keys[line.item] in overlapping for line in mine)
        for a, actor in enumerate(plan.payers):
            if active[a]:
                records.append(
                    {
                        "outcome_effect": j,
                        "outcome": mine[0].outcome,
                        "actor": actor,
                        "pv": by_actor[a],
                        "overlap": overlap,
                    }
                )
    return records
