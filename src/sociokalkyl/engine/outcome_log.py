"""The assumption-log rows of an intervention's effects on outcomes (``docs/outcomes.md``)."""

from __future__ import annotations

from collections.abc import Mapping

from sociokalkyl.engine.log import Assumption, Detail
from sociokalkyl.engine.outcomes import outcome_table
from sociokalkyl.engine.parameters import Parameter
from sociokalkyl.language.model_words import range_note
from sociokalkyl.model import Intervention

__all__ = ["outcome_assumptions", "outcome_ranges"]


def outcome_assumptions(
    intervention: Intervention, parameters: Mapping[str, Parameter]
) -> list[Assumption]:
    """The assumption-log rows of the effects on outcomes and their cost-item rows.

    An effect on an outcome is a row of kind ``"effect"`` (variant ``"probability"`` or
    ``"rate"``) named ``"outcome_effects[j]: <outcome>"``; a consequence row on a cost
    item is one of variant ``"consequence"`` with its own source and mark. Amount rows
    are cost items of their own and are logged as such.

    Parameters
    ----------
    intervention
        Its ``outcome_effects``.
    parameters
        The plan's parameters by name.

    Returns
    -------
    list of Assumption
        In the order of the effects, each followed by its outcome's cost-item rows.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> outcome_assumptions(examples.servicetrainee()[0], {})
    []
    """
    table = outcome_table(intervention)
    rows = []
    for j, effect in enumerate(intervention.outcome_effects):
        change = parameters[f"outcome_effects[{j}].change"]
        details = [Detail("years_after_intake", float(effect.years_after_intake), "year")]
        if effect.duration_years is not None:
            details.append(Detail("duration_years", float(effect.duration_years), "year"))
        for field in ("drop_off", "deadweight", "attribution", "displacement"):
            if getattr(effect, field):
                details.append(Detail(field, float(getattr(effect, field)), "share"))
        name = f"outcome_effects[{j}]: {effect.outcome}"
        rows.append(
            Assumption("effect", None, name, change.value, change.unit, variant=effect.kind,
                       source=effect.source, confidence=effect.confidence, note=effect.note,
                       details=tuple(details))
        )  # fmt: skip
        for row in table[effect.outcome].consequences:
            use = parameters.get(f"outcomes[{effect.outcome}.{row.key}].change")
            if use is None:
                continue
            sign = -1.0 if use.value < 0 else 1.0
            name = f"outcomes[{effect.outcome}.{row.key}].change"
            note = range_note(row.note, name, use.value, row.range, sign)
            rows.append(
                Assumption("effect", None, f"{effect.outcome}.{row.key}: {row.cost_item}",
                           use.value, use.unit, variant="consequence", source=row.source,
                           confidence=row.confidence, note=note)
            )  # fmt: skip
    return rows


def outcome_ranges(intervention: Intervention) -> dict[str, dict[str, float | str]]:
    """Distributions for the consequence rows that give a ``range``, by parameter name.

    A row's ``range = [low, high]`` becomes a triangular distribution with its mode at
    the size given: on ``cost_items.<outcome>-<row>.unit_cost`` for an amount row, on
    ``outcomes[<outcome>.<row>].change`` for a cost-item row (with the change's sign).
    :func:`~sociokalkyl.simulate` draws them by default, your own uncertainty for the
    same parameter winning
    (:func:`~sociokalkyl.uncertainty.catalogue_ranges.with_catalogue_ranges`).

    Parameters
    ----------
    intervention
        Its ``outcome_effects`` name the outcomes used.

    Returns
    -------
    dict
        Parameter name -> ``{"kind": "triangular", "low", "mode", "high"}`` [the
        parameter's unit].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> outcome_ranges(examples.load("skolfam_utfall")[0])
    {'cost_items.gymnasieexamen-arbete.unit_cost': {'kind': 'triangular', \
'low': 33350.0, 'mode': 66700.0, 'high': 133400.0}}
    """
    table = outcome_table(intervention)
    found: dict[str, dict[str, float | str]] = {}
    for effect in intervention.outcome_effects:
        outcome = table[effect.outcome]
        for row in outcome.consequences:
            size = row.amount if row.amount is not None else row.change
            if row.range is None or size is None:
                continue
            value = float(size.magnitude)
            low, high = row.range
            if row.amount is not None:
                name = f"cost_items.{outcome.key}-{row.key}.unit_cost"
                spread = {"low": low, "mode": abs(value), "high": high}
            else:
                name = f"outcomes[{outcome.key}.{row.key}].change"
                sign = -1.0 if value < 0 else 1.0
                ends = sorted((sign * low, sign * high))
                spread = {"low": ends[0], "mode": value, "high": ends[1]}
            found[name] = {"kind": "triangular", **spread}
    return found
