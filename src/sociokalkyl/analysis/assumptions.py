"""The assumption log: every number a result rests on, with its unit, source and confidence.

The rows are made once, when the plan is compiled (:mod:`sociokalkyl.engine.compile_log`),
and kept on the plan, so :func:`assumption_rows` (and ``Result.assumptions()``) always
give the whole log: cost items, target group, baseline uses, effects and intervention
costs. The reports (text, Markdown, CSV, JSON, xlsx) only *format* these rows.

Units are unit keys (``"SEK/month"``, ``"month/year"``, ``"share"``, ``"1/year"``; see
:func:`sociokalkyl.units.unit_key`), never pint objects. Weak provenance (a mark S2, D or
A, no mark, or no source) stays visible: :attr:`Assumption.weak` says so.

Examples
--------
>>> import sociokalkyl as sk
>>> rows = assumption_rows(sk.evaluate(*sk.examples.servicetrainee()).plan)
>>> [row.kind for row in rows]
['cost_item', 'target_group', 'baseline', 'effect', 'effect', 'cost', 'cost']
>>> rows[0].value, rows[0].unit, round(rows[0].rebased_value, 2), rows[0].confidence
(7149.0, 'SEK/month', 9185.4, 'D')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sociokalkyl.engine.log import WEAK_CONFIDENCE, Assumption, AssumptionKind, Detail

if TYPE_CHECKING:
    from sociokalkyl.engine import Plan

__all__ = ["WEAK_CONFIDENCE", "Assumption", "AssumptionKind", "Detail", "assumption_rows"]


def assumption_rows(plan: Plan) -> list[Assumption]:
    """The assumption log of a compiled plan.

    Parameters
    ----------
    plan
        The compiled plan (``Result.plan``).

    Returns
    -------
    list[Assumption]
        Cost items first (in plan order), then target group, baseline, effects, costs.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> plan = sk.evaluate(*sk.examples.skolfam()).plan
    >>> len(assumption_rows(plan)), assumption_rows(plan)[0].kind
    (9, 'cost_item')
    """
    return list(plan.assumptions)
