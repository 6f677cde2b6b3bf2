"""The assumption log: every number a result rests on, with its unit, source and confidence.

:func:`assumption_rows` is the one place that decides *what* the log holds; the reports
(text, Markdown, CSV, JSON, xlsx) only *format* its rows. The numbers are the ones the
engine used: a cost item's value is its compiled parameter (the number as the user or the
catalogue gave it) and ``factor`` the price-index factor the plan applied, so
``rebased_value = value * factor`` is what the calculation rests on.

Units are unit keys (``"SEK/month"``, ``"month/year"``, ``"share"``, ``"1/year"``; see
:func:`sociokalkyl.units.unit_key`), never pint objects: this module imports neither pint
nor pydantic. Weak provenance (a mark S2, D or A, no mark, or no source) stays visible:
:attr:`Assumption.weak` says so and the reports show the mark in words.

Examples
--------
>>> import sociokalkyl as sk
>>> intervention, settings = sk.examples.servicetrainee()
>>> rows = assumption_rows(sk.evaluate(intervention, settings).plan, intervention)
>>> [row.kind for row in rows]
['cost_item', 'target_group', 'baseline', 'effect', 'effect', 'cost', 'cost']
>>> rows[0].value, rows[0].unit, round(rows[0].rebased_value, 2), rows[0].confidence
(7149.0, 'SEK/month', 9185.4, 'D')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sociokalkyl.language.labels import WEAK_CONFIDENCE

if TYPE_CHECKING:  # pragma: no cover - typing only: the models sit below, pydantic is not used
    from sociokalkyl.engine import Plan
    from sociokalkyl.model import Intervention

__all__ = ["WEAK_CONFIDENCE", "Assumption", "AssumptionKind", "Detail", "assumption_rows"]

AssumptionKind = Literal["cost_item", "target_group", "baseline", "effect", "cost"]


@dataclass(frozen=True)
class Detail:
    """One further number of an assumption: a field, its value and the value's unit key.

    ``field`` is the model's field name (``"exit_rate"``, ``"start_lag"``, ``"drop_off"``,
    ``"duration"``, ``"intake"``); for ``"intake"`` the ``year`` is the intake year.

    >>> Detail("exit_rate", 0.2, "1/year")
    Detail(field='exit_rate', value=0.2, unit='1/year', year=None)
    """

    field: str
    value: float
    unit: str
    year: int | None = None


@dataclass(frozen=True)
class Assumption:
    """One row of the assumption log.

    Attributes
    ----------
    kind
        ``"cost_item"``, ``"target_group"``, ``"baseline"``, ``"effect"`` or ``"cost"``.
    index
        The position in the intervention's list (baseline, effects, costs), else None.
    name
        What the row is about: the cost item's key, the target group's or the cost's name.
    value, unit
        The number as given [``unit``, a unit key]; the total intake for a target group.
    variant
        The model's kind: ``"relative"``/``"absolute"`` (effect), ``"one_off"``,
        ``"per_participant"``, ``"per_year"`` (cost), ``"person"``/``"household"``
        (target group); None otherwise.
    price_year, analysis_price_year, price_index
        The price year of ``value``, the analysis price year and the index between them.
    factor, rebased_value
        The price-index factor the engine used [1] and ``value * factor`` [``unit``, in
        the analysis price year] (cost items only).
    payer
        Who pays: a name, or payer shares [share] for a cost item split between payers.
    source, confidence
        Where the number comes from and its mark (S, S2, D, A or None).
    description, geography, note
        The cost item's description, where its number applies, and a note.
    details
        Further numbers (exit rate, lag, duration, adjustments, intake per year).

    Examples
    --------
    >>> row = Assumption("baseline", 0, "hvb", 36.5, "day/year", source="SCB", confidence="A")
    >>> row.value, row.unit, row.weak
    (36.5, 'day/year', True)
    """

    kind: AssumptionKind
    index: int | None
    name: str
    value: float
    unit: str
    variant: str | None = None
    price_year: int | None = None
    analysis_price_year: int | None = None
    price_index: str | None = None
    factor: float | None = None
    rebased_value: float | None = None
    payer: str | Mapping[str, float] | None = None
    source: str | None = None
    confidence: str | None = None
    description: str | None = None
    geography: str | None = None
    note: str | None = None
    details: tuple[Detail, ...] = ()

    @property
    def weak(self) -> bool:
        """True when the mark is S2, D or A, or there is no mark or no source.

        >>> Assumption("cost_item", None, "x", 1.0, "SEK", source="s", confidence="S").weak
        False
        """
        return self.confidence in WEAK_CONFIDENCE or self.confidence is None or not self.source


def assumption_rows(plan: Plan, intervention: Intervention | None = None) -> list[Assumption]:
    """The assumption log of a compiled plan, and of its intervention when given.

    Parameters
    ----------
    plan
        The compiled plan (``Result.plan``): its cost items, their parameters and the
        price-index factors the engine used.
    intervention
        The intervention the plan was compiled from; adds its target group, baseline,
        effects and costs (each with its source and confidence). None: cost items only.

    Returns
    -------
    list[Assumption]
        Cost items first (in plan order), then target group, baseline, effects, costs.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> intervention, settings = sk.examples.skolfam()
    >>> plan = sk.evaluate(intervention, settings).plan
    >>> len(assumption_rows(plan)), len(assumption_rows(plan, intervention))
    (2, 9)
    >>> [(d.field, d.value, d.unit) for d in assumption_rows(plan, intervention)[5].details]
    [('start_lag', 1.0, 'year'), ('duration_years', 5.0, 'year')]
    """
    rows = [_cost_item_row(plan, i) for i in range(len(plan.cost_items))]
    if intervention is not None:
        rows.append(_target_group_row(intervention))
        rows += [_baseline_row(plan, b, use) for b, use in enumerate(intervention.baseline)]
        rows += [_effect_row(plan, e, effect) for e, effect in enumerate(intervention.effects)]
        rows += [_cost_row(plan, k, cost) for k, cost in enumerate(intervention.costs)]
    return rows


def _cost_item_row(plan: Plan, i: int) -> Assumption:
    item = plan.cost_items[i]
    parameter = plan.parameters[f"cost_items.{item.key}.unit_cost"]
    factor = plan.item_price_factors[i]
    return Assumption(
        "cost_item",
        None,
        item.key,
        parameter.value,
        parameter.unit,
        price_year=item.price_year,
        analysis_price_year=plan.price_year,
        price_index=item.price_index,
        factor=factor,
        rebased_value=parameter.value * factor,
        payer=item.payer if isinstance(item.payer, str) else dict(item.payer),
        source=item.source,
        confidence=item.confidence,
        description=item.name,
        geography=item.geography,
        note=item.note,
    )


def _target_group_row(intervention: Intervention) -> Assumption:
    group = intervention.target_group
    intake = [float(count) for count in group.intake]
    return Assumption(
        "target_group",
        None,
        group.name,
        sum(intake),
        "participants",
        variant=group.unit,
        source=group.source,
        details=tuple(Detail("intake", n, "participants", t) for t, n in enumerate(intake)),
    )


def _baseline_row(plan: Plan, b: int, use: Any) -> Assumption:
    parameter = plan.parameters[f"baseline[{b}].use"]
    exit_rate = plan.parameters[f"baseline[{b}].exit_rate"]
    details = [Detail("exit_rate", exit_rate.value, exit_rate.unit)]
    if use.years is not None:
        details.append(Detail("years", float(use.years), "year"))
    return Assumption(
        "baseline",
        b,
        use.cost_item,
        parameter.value,
        parameter.unit,
        source=use.source,
        confidence=use.confidence,
        details=tuple(details),
    )


def _effect_row(plan: Plan, e: int, effect: Any) -> Assumption:
    change = plan.parameters[f"effects[{e}].change"]
    details = []
    for field in ("start_lag", "ramp_up_years", "duration_years"):
        years = getattr(effect, field)
        if years is not None and (years or field == "duration_years"):
            details.append(Detail(field, float(years), "year"))
    for field in ("drop_off", "deadweight", "attribution", "displacement"):
        share = plan.parameters[f"effects[{e}].{field}"]
        if share.value:
            details.append(Detail(field, share.value, share.unit))
    return Assumption(
        "effect",
        e,
        effect.cost_item,
        change.value,
        change.unit,
        variant=effect.kind,
        source=effect.source,
        confidence=effect.confidence,
        note=effect.note,
        details=tuple(details),
    )


def _cost_row(plan: Plan, k: int, cost: Any) -> Assumption:
    amount = plan.parameters[f"costs[{k}].amount"]
    details = []
    if cost.duration is not None:
        details.append(Detail("duration", float(cost.duration.magnitude), _unit_key(cost.duration)))
    return Assumption(
        "cost",
        k,
        cost.name,
        amount.value,
        amount.unit,
        variant=cost.kind,
        price_year=cost.price_year,
        analysis_price_year=plan.price_year,
        price_index=cost.price_index,
        payer=cost.payer,
        source=cost.source,
        confidence=cost.confidence,
        details=tuple(details),
    )


def _unit_key(quantity: Any) -> str:
    """The unit key of a quantity the model holds, as :func:`sociokalkyl.units.unit_key`.

    The compact form of the quantity's own units (``"month"``), read without importing
    pint: analysis sits below the units layer's pint boundary.
    """
    return format(quantity.units, "C")
