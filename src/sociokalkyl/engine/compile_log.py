"""The assumption log made at the compile boundary, from the models and the plan's parameters.

:func:`assumption_log` is the one place that decides *what* the log holds; it runs once in
:func:`~sociokalkyl.engine.compile_plan`, which keeps the rows on the plan, so a result
always carries its whole log and the reports (text, Markdown, CSV, JSON, xlsx) only
*format* it. The numbers are the ones the engine uses: a cost item's value is its compiled
parameter and ``factor`` the price-index factor the plan applies, so
``rebased_value = value * factor`` is what the calculation rests on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sociokalkyl.engine.log import Assumption, Detail
from sociokalkyl.engine.outcome_log import outcome_assumptions
from sociokalkyl.engine.plan import Parameter
from sociokalkyl.model import BaselineUse, CostItem, Effect, Intervention, InterventionCost
from sociokalkyl.units import unit_key

__all__ = ["assumption_log"]

Parameters = Mapping[str, Parameter]


def assumption_log(
    intervention: Intervention,
    items: Sequence[CostItem],
    parameters: Parameters,
    price_factors: Sequence[float],
    price_year: int,
) -> tuple[Assumption, ...]:
    """Every number of an intervention's calculation, with unit, source and confidence.

    Parameters
    ----------
    intervention
        The intervention being compiled.
    items
        Its cost items, resolved (catalogue keys looked up), in plan order.
    parameters
        The plan's parameters by name (values as given, unit keys).
    price_factors
        The price-index factor of each item from its price year to ``price_year`` [1].
    price_year
        The analysis price year.

    Returns
    -------
    tuple[Assumption, ...]
        Cost items first (in plan order), then the target group, baseline uses, effects
        and intervention costs.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.skolfam())
    >>> [row.kind for row in plan.assumptions][:3], len(plan.assumptions)
    (['cost_item', 'cost_item', 'target_group'], 9)
    >>> [(d.field, d.value, d.unit) for d in plan.assumptions[5].details]
    [('start_lag', 1.0, 'year'), ('duration_years', 5.0, 'year')]
    """
    rows = [
        _cost_item_row(parameters, item, factor, price_year)
        for item, factor in zip(items, price_factors, strict=True)
    ]
    rows.append(_target_group_row(intervention))
    rows += [_baseline_row(parameters, b, use) for b, use in enumerate(intervention.baseline)]
    rows += [_effect_row(parameters, e, effect) for e, effect in enumerate(intervention.effects)]
    rows += outcome_assumptions(intervention, parameters)  # docs/outcomes.md
    rows += [
        _cost_row(parameters, k, cost, price_year) for k, cost in enumerate(intervention.costs)
    ]
    return tuple(rows)


def _cost_item_row(
    parameters: Parameters, item: CostItem, factor: float, price_year: int
) -> Assumption:
    """A cost item's row: its unit cost as given and rebased with ``factor``."""
    parameter = parameters[f"cost_items.{item.key}.unit_cost"]
    return Assumption(
        "cost_item",
        None,
        item.key,
        parameter.value,
        parameter.unit,
        price_year=item.price_year,
        analysis_price_year=price_year,
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
    """The target group's row: the total intake, and the intake of each year."""
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


def _baseline_row(parameters: Parameters, b: int, use: BaselineUse) -> Assumption:
    """A baseline use's row, with its exit rate and duration."""
    parameter = parameters[f"baseline[{b}].use"]
    exit_rate = parameters[f"baseline[{b}].exit_rate"]
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


def _effect_row(parameters: Parameters, e: int, effect: Effect) -> Assumption:
    change = parameters[f"effects[{e}].change"]
    details = []
    for field in ("start_lag", "ramp_up_years", "duration_years"):
        years = getattr(effect, field)
        if years is not None and (years or field == "duration_years"):
            details.append(Detail(field, float(years), "year"))
    for field in ("drop_off", "deadweight", "attribution", "displacement"):
        share = parameters[f"effects[{e}].{field}"]
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


def _cost_row(
    parameters: Parameters, k: int, cost: InterventionCost, price_year: int
) -> Assumption:
    amount = parameters[f"costs[{k}].amount"]
    details = []
    if cost.duration is not None:
        details.append(Detail("duration", float(cost.duration.magnitude), unit_key(cost.duration)))
    return Assumption(
        "cost",
        k,
        cost.name,
        amount.value,
        amount.unit,
        variant=cost.kind,
        price_year=cost.price_year,
        analysis_price_year=price_year,
        price_index=cost.price_index,
        payer=cost.payer,
        source=cost.source,
        confidence=cost.confidence,
        details=tuple(details),
    )
