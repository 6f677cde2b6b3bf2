"""Implausible magnitudes: warnings, not errors, that every report shows until accepted.

A number far beyond any kommun's intervention (a million participants, a unit cost or an
intervention cost above a billion kronor) is most often a typing error: a few zeros too
many, or kronor written where tkr was meant. It may still be right, so it is a warning:
the report shows it, and the analyst who has checked it names its field in the
intervention's ``accept_implausible`` list to accept it. The limits are
:data:`~sociokalkyl.limits.PLAUSIBLE_PARTICIPANTS` and
:data:`~sociokalkyl.limits.PLAUSIBLE_AMOUNT_SEK` (``docs/limits.md``).

Examples
--------
>>> w = PlausibilityWarning("target_group.intake", "participants", 1e12, 1e6)
>>> print(w.text("en"))  # doctest: +ELLIPSIS
Warning: target_group.intake: 1e+12 participants is implausibly many (more than 1e+06); ...
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sociokalkyl.language.labels import as_lang, label
from sociokalkyl.language.numbers import format_number
from sociokalkyl.limits import PLAUSIBLE_AMOUNT_SEK, PLAUSIBLE_PARTICIPANTS
from sociokalkyl.units import to_float

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.model.cost_item import CostItem
    from sociokalkyl.model.intervention import InterventionCost
    from sociokalkyl.model.participants import TargetGroup

__all__ = ["PlausibilityWarning", "plausibility_warnings"]


@dataclass(frozen=True)
class PlausibilityWarning:
    """A number beyond what is plausible: its field, what it is, its value and the limit.

    Parameters
    ----------
    field
        The field path in the intervention (``"costs[0].amount"``), also the name that
        ``accept_implausible`` takes.
    kind
        ``"participants"`` or ``"amount"`` [SEK, or SEK/year for a rate].
    value, limit
        The value and the limit it passes.

    Examples
    --------
    >>> PlausibilityWarning("costs[0].amount", "amount", 2e9, 1e9).text("sv").split(":")[0]
    'Varning'
    """

    field: str
    kind: Literal["participants", "amount"]
    value: float
    limit: float

    def text(self, lang: str = "sv") -> str:
        """The warning as a line of a report, in ``lang``.

        Parameters
        ----------
        lang
            ``"sv"`` or ``"en"``.

        Returns
        -------
        str
            ``"Varning: FIELD: ..."``.

        Examples
        --------
        >>> PlausibilityWarning("x", "amount", 2e9, 1e9).text("en").startswith("Warning: x:")
        True
        """
        chosen = as_lang(lang)
        # Swedish numbers in Swedish (2 000 000 000 kr); the English text as before
        value, limit = (
            format_number(x) if chosen == "sv" else f"{x:g}" for x in (self.value, self.limit)
        )
        body = label(f"implausible_{self.kind}", chosen).format(
            value=value, limit=limit, field=self.field
        )
        return f"{label('warning', chosen)}: {self.field}: {body}"


def plausibility_warnings(
    target_group: TargetGroup,
    cost_items: Sequence[CostItem | str],
    costs: Sequence[InterventionCost],
    accepted: Sequence[str] = (),
) -> list[PlausibilityWarning]:
    """The warnings of an intervention's parts, without those named in ``accepted``.

    Parameters
    ----------
    target_group, cost_items, costs
        The intervention's participants, cost items (keys of the catalogue are not
        checked here) and intervention costs.
    accepted
        Field paths the analyst has checked and accepts.

    Returns
    -------
    list of PlausibilityWarning
        In the order of the fields; empty for every plausible intervention.

    Examples
    --------
    >>> from sociokalkyl.model import TargetGroup
    >>> [w.field for w in plausibility_warnings(TargetGroup(name="x", intake=[1e7]), [], [])]
    ['target_group.intake']
    """
    found: list[PlausibilityWarning] = []
    if target_group.total > PLAUSIBLE_PARTICIPANTS:
        found.append(
            PlausibilityWarning(
                "target_group.intake", "participants", target_group.total, PLAUSIBLE_PARTICIPANTS
            )
        )
    for item in cost_items:
        if not isinstance(item, str) and item.canonical_unit_cost() > PLAUSIBLE_AMOUNT_SEK:
            field = f"cost_items.{item.key}.unit_cost"
            found.append(
                PlausibilityWarning(
                    field, "amount", item.canonical_unit_cost(), PLAUSIBLE_AMOUNT_SEK
                )
            )
    for index, cost in enumerate(costs):
        per_time = cost.amount.dimensionality != {"[currency]": 1}
        amount = to_float(cost.amount, "SEK/year" if per_time else "SEK")
        if amount > PLAUSIBLE_AMOUNT_SEK:
            found.append(
                PlausibilityWarning(
                    f"costs[{index}].amount", "amount", amount, PLAUSIBLE_AMOUNT_SEK
                )
            )
    return [warning for warning in found if warning.field not in set(accepted)]
