"""Compile an intervention's effects on outcomes into lines of the plan.

Each consequence row of an outcome the intervention changes becomes an
:class:`OutcomeLine`: it adds to the avoided-cost line of a cost item. A row on a cost
item adds to that item's line (its payers and flow count); an amount row gets a cost
item of its own (key ``"<outcome>-<row>"``, unit cost ``|amount|``) so that its flow,
actors, price year and work-derived lines are those of any cost item. The projection
side is :mod:`sociokalkyl.engine.outcome_lines`; the conventions are in
``docs/outcomes.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine.bounds import SHARE
from sociokalkyl.engine.overlap import OverlapWarning
from sociokalkyl.engine.parameters import Parameter, ParameterKey
from sociokalkyl.errors import InputError, UnitError, unknown_name
from sociokalkyl.language.model_words import range_note
from sociokalkyl.model import CostItem, Intervention
from sociokalkyl.model.outcome import Consequence, Outcome, OutcomeEffect
from sociokalkyl.units import format_quantity, to_float, unit_key

__all__ = [
    "OutcomeLine",
    "OverlapWarning",
    "compile_outcomes",
    "outcome_items",
    "outcome_table",
]

Array = NDArray[np.float64]
_BOUNDS = {"probability": (-1.0, 1.0), "rate": (-1e6, 1e6)}


@dataclass(frozen=True)
class OutcomeLine:
    """One consequence row of one effect on an outcome, as plain numbers.

    Attributes
    ----------
    item
        Index of the cost item whose avoided-cost line it adds to.
    effect
        Index of the effect in ``Intervention.outcome_effects``; its parameters are
        ``"outcome_effects[j].change"`` and the four adjustments.
    change
        The name of the parameter of the change of use per person (a cost-item row), or
        ``None`` for an amount row, whose change of use is ``sign``.
    sign
        +1 (more of the flow) or -1 (less) for an amount row; 1 for a cost-item row.
    profile
        :math:`q(k)` [1] by years since the outcome, shape ``(T,)``.
    rate, lag, duration
        True for events per year; ``τ`` [year]; years the rate lasts (``None``: all).
    combine
        ``"max"`` or ``"add"`` (see :class:`~sociokalkyl.model.outcome.OutcomeEffect`).
    outcome
        The key of the outcome the effect changes (``"gymnasieexamen"``), for the
        breakdown by outcome (``Result.by_outcome``).

    Examples
    --------
    >>> OutcomeLine(0, 0, None, -1.0, np.ones(2), False, 9, None, "max").lag
    9
    """

    item: int
    effect: int
    change: str | None
    sign: float
    profile: Array
    rate: bool
    lag: int
    duration: int | None
    combine: str
    outcome: str = ""


def outcome_table(
    intervention: Intervention, shipped: Mapping[str, Outcome] | None = None
) -> dict[str, Outcome]:
    """The outcomes an intervention may name: the shipped ones, then its own by key.

    Parameters
    ----------
    intervention
        Its ``outcomes`` override shipped ones of the same key.
    shipped
        The shipped consequence catalogue; loaded when ``None``.

    Returns
    -------
    dict of str to Outcome
        By key.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> "gymnasieexamen" in outcome_table(examples.servicetrainee()[0])
    True
    """
    if shipped is None:
        from sociokalkyl.catalogue.outcomes import default_outcomes

        shipped = default_outcomes()
    return {**shipped, **{o.key: o for o in intervention.outcomes}}


def outcome_items(
    intervention: Intervention,
    items: tuple[CostItem, ...],
    catalogue: Mapping[str, CostItem] | None = None,
    shipped: Mapping[str, Outcome] | None = None,
) -> tuple[CostItem, ...]:
    """The cost items outcome effects add: catalogue items rows name, one per amount row.

    Parameters
    ----------
    intervention
        Its ``outcome_effects`` and ``outcomes``.
    items
        The intervention's resolved cost items (not repeated).
    catalogue
        Where a row's cost item key is looked up; the shipped catalogue when ``None``.
    shipped
        The shipped outcomes; loaded when ``None``.

    Returns
    -------
    tuple of CostItem
        The new items, in order of first use.

    Raises
    ------
    InputError
        For an unknown outcome, or a row naming an unknown cost item (with its path).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> outcome_items(*examples.servicetrainee()[:1], ())
    ()
    """
    table = outcome_table(intervention, shipped)
    found: dict[str, CostItem] = {item.key: item for item in items}
    added: list[CostItem] = []
    for j, effect in enumerate(intervention.outcome_effects):
        outcome = _outcome(table, effect, j)
        for r, row in enumerate(outcome.consequences):
            key = f"{outcome.key}-{row.key}" if row.is_amount else str(row.cost_item)
            if key in found:
                continue
            where = f"outcomes.{outcome.key}.consequences[{r}]"
            new = (
                _amount_item(outcome, row, intervention.actor_names, where)
                if row.is_amount
                else None
            )
            if new is None:
                new = _catalogue_item(key, catalogue, where)
            found[key] = new
            added.append(new)
    return tuple(added)


def _outcome(table: Mapping[str, Outcome], effect: OutcomeEffect, j: int) -> Outcome:
    if effect.outcome not in table:
        raise unknown_name(
            effect.outcome,
            table,
            "a known outcome",
            field=f"outcome_effects[{j}].outcome",
            expected="a key of the shipped consequence catalogue or of the intervention's "
            "outcomes (list them with sociokalkyl.catalogue.outcomes.default_outcomes())",
        )
    return table[effect.outcome]


def _catalogue_item(key: str, catalogue: Mapping[str, CostItem] | None, where: str) -> CostItem:
    if catalogue is None:
        from sociokalkyl.catalogue import default

        catalogue = default()
    try:
        return catalogue[key]
    except KeyError:
        raise unknown_name(
            key,
            list(catalogue),
            "a cost item of the intervention or the catalogue",
            field=f"{where}.cost_item",
        ) from None


def _amount_item(outcome: Outcome, row: Consequence, known: list[str], where: str) -> CostItem:
    """A cost item for an amount row: unit cost ``|amount|``, the row's flow and actors."""
    named = [("payer", a) for a in row.payer_shares] if row.flow != "production" else []
    named += [(f, getattr(row, f)) for f in ("recipient", "owner") if getattr(row, f)]
    for field, actor in named:
        if actor not in known:
            raise unknown_name(actor, known, "an actor of this analysis", field=f"{where}.{field}")
    assert row.amount is not None
    assert row.price_year is not None
    actors: dict[str, object] = {"recipient": row.recipient, "owner": row.owner}
    if row.flow != "production":
        actors["payer"] = row.payer
    key = f"{outcome.key}-{row.key}"
    return CostItem(
        key=key,
        name=row.name or f"{outcome.name}: {row.key}",
        unit_cost=abs(row.amount),
        price_year=row.price_year,
        price_index=row.price_index,
        flow=row.flow,
        source=row.source,
        confidence=row.confidence,
        note=range_note(
            row.note, f"cost_items.{key}.unit_cost", float(row.amount.magnitude), row.range
        ),
        **actors,
    )


def compile_outcomes(
    intervention: Intervention, items: tuple[CostItem, ...], horizon: int
) -> tuple[list[Parameter], tuple[OutcomeLine, ...], tuple[OverlapWarning, ...]]:
    """The parameters, lines and overlap warnings of the effects on outcomes.

    Parameters
    ----------
    intervention
        Its ``outcome_effects`` (and ``outcomes``, ``effects`` for overlaps).
    items
        Every resolved cost item, :func:`outcome_items` included.
    horizon
        The analysis horizon ``T`` [year].

    Returns
    -------
    tuple
        The parameters (``outcome_effects[j].change`` [share or 1/year], the
        adjustments [share], ``outcomes[<key>.<row>].change`` [the item's use unit]),
        the lines, and a warning per cost item changed by two sources or more.

    Raises
    ------
    InputError
        An outcome beyond the horizon, a profile longer than the years left after
        it, an age window without ``age_at_intake``, a change in the wrong unit.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import resolve_cost_items
    >>> intervention = examples.servicetrainee()[0]
    >>> compile_outcomes(intervention, resolve_cost_items(intervention), 10)
    ([], (), ())
    """
    table = outcome_table(intervention)
    keys = [item.key for item in items]
    parameters: dict[str, Parameter] = {}
    lines: list[OutcomeLine] = []
    for j, effect in enumerate(intervention.outcome_effects):
        where = f"outcome_effects[{j}]"
        if effect.years_after_intake >= horizon:
            raise InputError(
                f"occurs {effect.years_after_intake} years after intake, beyond the horizon "
                f"(years 0 to {horizon - 1})",
                field=f"{where}.years_after_intake",
                value=effect.years_after_intake,
                expected=f"a year below {horizon}, or a longer horizon",
            )
        for p in _effect_parameters(j, effect):
            parameters[p.name] = p
        outcome = _outcome(table, effect, j)
        for r, row in enumerate(outcome.consequences):
            path = f"outcomes.{outcome.key}.consequences[{r}]"
            profile = _profile(row, effect, horizon, path, where)
            key = f"{outcome.key}-{row.key}" if row.is_amount else str(row.cost_item)
            item = items[keys.index(key)]
            change, sign = None, 1.0
            if row.is_amount:
                assert row.amount is not None
                sign = float(np.sign(row.amount.magnitude))
            else:
                change = _row_change(outcome, row, item, path)
                parameters.setdefault(change.name, change)
            name = None if change is None else change.name
            timing = (effect.kind == "rate", effect.years_after_intake, effect.duration_years)
            lines.append(OutcomeLine(keys.index(key), j, name, sign, profile, *timing,
                                     effect.combine, outcome.key))  # fmt: skip
    return list(parameters.values()), tuple(lines), _overlaps(intervention, lines, keys)


def _effect_parameters(j: int, effect: OutcomeEffect) -> list[Parameter]:
    unit = "share" if effect.kind == "probability" else "1/year"
    key = ParameterKey("outcome_effects", j, "change")
    bounds = _BOUNDS[effect.kind]
    found = [Parameter(f"outcome_effects[{j}].change", key, effect.change, 1.0, unit, bounds)]
    for field in ("drop_off", "deadweight", "attribution", "displacement"):
        key = ParameterKey("outcome_effects", j, field)
        value = float(getattr(effect, field))
        found.append(Parameter(f"outcome_effects[{j}].{field}", key, value, 1.0, "share", SHARE))
    return found


def _row_change(outcome: Outcome, row: Consequence, item: CostItem, path: str) -> Parameter:
    """The change of use per person [the item's use unit], as a parameter."""
    assert row.change is not None
    unit = item.use_unit()
    try:
        scale = to_float(1.0 * row.change.units, unit, field=f"{path}.change")
    except UnitError:
        raise UnitError(
            f"is not a use of {item.key} ({item.unit_cost_text()})",
            field=f"{path}.change",
            value=format_quantity(row.change),
            expected='time per time ("-365 dygn/år") for a unit cost per time, events per '
            'year ("-1 /år") for a unit cost per event',
        ) from None
    key = ParameterKey("outcomes", f"{outcome.key}.{row.key}", "change")
    name = f"outcomes[{outcome.key}.{row.key}].change"
    value = float(row.change.magnitude)
    return Parameter(name, key, value, scale, unit_key(row.change))


def _profile(row: Consequence, effect: OutcomeEffect, horizon: int, path: str, where: str) -> Array:
    """:math:`q(k)` for ``k = 0..T-1``; an error when it cannot fit after the outcome."""
    room = horizon - effect.years_after_intake
    q = np.zeros(horizon)
    length = row.profile_length()
    if length is not None and length > room:
        raise InputError(
            f"lasts {length} years after an outcome {effect.years_after_intake} years after "
            f"intake, longer than the {room} years left of the horizon ({horizon})",
            field=f"{path}.{'profile' if row.profile is not None else 'years'}",
            value=length,
            expected=f"at most {room} years, or a horizon of at least "
            f"{effect.years_after_intake + length} years ({where})",
        )
    if row.profile is not None:
        q[: len(row.profile)] = row.profile
    elif row.years is not None:
        q[: row.years] = 1.0
    else:
        assert row.ages is not None
        if effect.age_at_intake is None:
            raise InputError(
                "is needed for a consequence between two ages",
                field=f"{where}.age_at_intake",
                value=None,
                expected=f"the participants' age at intake, e.g. 10 ({path}.ages)",
            )
        age = effect.age_at_intake + effect.years_after_intake + np.arange(horizon)
        q = ((age >= row.ages[0]) & (age < row.ages[1])).astype(float)
    return q


def _overlaps(
    intervention: Intervention, lines: list[OutcomeLine], keys: list[str]
) -> tuple[OverlapWarning, ...]:
    """A warning per cost item changed by an outcome effect and another source.

    The direct effects on an item are one source (they add, as always); each effect on
    an outcome is one more.
    """
    direct: dict[int, list[str]] = {}
    for e, effect in enumerate(intervention.effects):
        direct.setdefault(keys.index(effect.cost_item), []).append(f"effects[{e}]")
    outcome: dict[int, list[str]] = {}
    for line in lines:
        named = outcome.setdefault(line.item, [])
        if f"outcome_effects[{line.effect}]" not in named:
            named.append(f"outcome_effects[{line.effect}]")
    warnings = []
    for item, named in outcome.items():
        if len(named) + (item in direct) > 1:
            add = any(line.combine == "add" for line in lines if line.item == item)
            sources = (*direct.get(item, []), *named)
            warnings.append(OverlapWarning(keys[item], sources, "add" if add else "max"))
    return tuple(warnings)
