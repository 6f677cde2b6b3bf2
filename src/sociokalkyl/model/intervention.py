"""The intervention: what it costs, and the whole of it (participants, effects, costs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

import pint
from pydantic import Field, field_validator, model_validator

from sociokalkyl.errors import did_you_mean
from sociokalkyl.limits import MAX_COST_ITEMS
from sociokalkyl.model.actors import STANDARD_ACTORS, check_actor, parent_of
from sociokalkyl.model.common import (
    Confidence,
    FrozenModel,
    PayerName,
    Years,
    non_negative,
)
from sociokalkyl.model.cost_item import CostItem
from sociokalkyl.model.effect import Effect
from sociokalkyl.model.flows import CostFlow, check_flow
from sociokalkyl.model.outcome import Outcome, OutcomeEffect
from sociokalkyl.model.participants import BaselineUse, TargetGroup
from sociokalkyl.model.plausibility import PlausibilityWarning, plausibility_warnings
from sociokalkyl.units import Duration, Money, MoneyPerTime, to_float

__all__ = ["Intervention", "InterventionCost"]


def _hint(name: str, valid: Iterable[str]) -> str:
    """``"; did you mean 'x'? Expected"`` or ``"; expected"``, before a list of names."""
    suggestion = did_you_mean(name, valid)
    return f"{suggestion} Expected" if suggestion else "; expected"


class InterventionCost(FrozenModel):
    """What the intervention costs, and who pays.

    Parameters
    ----------
    name
        What the money buys, e.g. ``"Lön under anställningen"``.
    kind
        ``"one_off"`` paid once in ``year``; ``"per_participant"`` paid for each
        participant from their intake (``amount`` per participant [SEK], or a rate
        [SEK/time] over ``duration``); ``"per_year"`` paid each year from ``year`` for
        ``years`` years (``None`` to the horizon) [SEK/time].
    amount
        ``"250 000 kr"`` or ``"25 000 kr/mån"``.
    duration
        For a per-participant rate: how long it is paid, e.g. ``"12 mån"``. The money
        falls in the years it is paid (18 months: 12 in the intake year, 6 the next).
    year
        For ``one_off`` the year it is paid, for ``per_year`` the first year paid
        (default 0, the base year). A per-participant cost follows each cohort's intake
        and takes no ``year``.
    years
        For ``per_year`` only: how many years it is paid; ``None`` is to the horizon.
    price_year
        The price year of ``amount``; ``None`` (the default) is the analysis price year.
    price_index
        The index that rebases ``amount`` from ``price_year`` (``"KPI"`` by default).
    payer
        Who pays; ``"kommun"`` when not given.
    source, confidence
        Where the amount comes from, and how sure that is (S, S2, D, A).
    flow
        ``"resource"`` (default), ``"transfer"`` (to ``recipient``) or ``"work"``
        (``amount`` is the gross wage, ``payer`` the employer; see
        ``docs/perspectives.md``).
    recipient
        Who receives a transfer (required) or a wage (``"individ"`` by default).
    owner
        Who is credited with the production of work (``"övriga"`` by default).

    Examples
    --------
    >>> cost = InterventionCost(name="Lön", kind="per_participant",
    ...                         amount="26 000 kr/mån", duration="12 mån")
    >>> cost.payer, cost.price_year
    ('kommun', None)
    """

    name: str = Field(min_length=1)
    kind: Literal["one_off", "per_participant", "per_year"]
    amount: Money | MoneyPerTime
    duration: Duration | None = None
    year: Years = 0
    years: Years | None = None
    price_year: int | None = Field(default=None, ge=1900, le=2200)
    price_index: str = "KPI"
    payer: PayerName = "kommun"
    source: str | None = None
    confidence: Confidence | None = None
    flow: CostFlow = "resource"
    recipient: PayerName | None = None
    owner: PayerName | None = None

    @field_validator("amount")
    @classmethod
    def _non_negative_amount(cls, value: pint.Quantity[Any]) -> pint.Quantity[Any]:
        return non_negative(
            value,
            "an intervention cost",
            '"250 000 kr"; co-financing is a cost paid by another payer (payer = "region")',
        )

    @model_validator(mode="after")
    def _check_flow(self) -> InterventionCost:
        check_flow(self.flow, {self.payer: 1.0}, self.recipient, self.owner)
        return self

    @model_validator(mode="after")
    def _check_kind(self) -> InterventionCost:
        per_time = self.amount.dimensionality != {"[currency]": 1}
        example = {
            "one_off": 'amount = "250 000 kr"',
            "per_participant": 'amount = "40 000 kr" or amount = "25 000 kr/mån" with '
            'duration = "12 mån"',
            "per_year": 'amount = "1,2 mnkr/år"',
        }[self.kind]
        if self.kind == "one_off" and per_time:
            raise ValueError(
                f"a one-off cost takes an amount of money, got {self.amount}; e.g. {example}"
            )
        if self.kind == "per_year" and not per_time:
            raise ValueError(
                f"a yearly cost takes money per time, got {self.amount}; e.g. {example}"
            )
        if self.kind == "per_participant" and per_time and self.duration is None:
            raise ValueError(f"a per-participant rate needs a duration; e.g. {example}")
        if self.duration is not None and (self.kind != "per_participant" or not per_time):
            raise ValueError(f"duration goes only with a per-participant rate; e.g. {example}")
        if self.duration is not None and to_float(self.duration, "year") <= 0:
            raise ValueError(f"duration must be positive, got {self.duration}")
        if self.kind == "per_participant" and (self.year != 0 or self.years is not None):
            raise ValueError(
                "a per-participant cost is paid from each cohort's intake and takes neither "
                f"year nor years (got year={self.year}, years={self.years}); e.g. {example}; "
                'for a cost paid every year, use kind = "per_year"'
            )
        if self.kind == "one_off" and self.years is not None:
            raise ValueError(
                f"a one-off cost is paid once, in year, and takes no years (got years="
                f'{self.years}); e.g. {example}, year = 2; or use kind = "per_year"'
            )
        return self


class Intervention(FrozenModel):
    """A social investment: participants, costs, the cost items it changes, and its effects.

    Parameters
    ----------
    name
        The intervention's name.
    target_group
        The participants and their intake by year.
    cost_items
        The unit costs involved: :class:`CostItem` objects, or keys of the shipped
        catalogue resolved when the intervention is evaluated.
    baseline
        Each participant's use of the cost items without the intervention.
    effects
        How the intervention changes that use.
    costs
        What the intervention costs.
    other_payers
        Payers besides kommun, region, stat, individ and övriga that the costs name
        (the same as ``actors``, kept for files written before actors existed).
    actors
        Actors besides the standard ones, e.g. ``["kommun/socialnämnd",
        "Försäkringskassan"]``: ``/`` nests an actor under a known one, and its flows
        roll up to it (see ``docs/perspectives.md``).
    accept_implausible
        Field paths of implausible numbers the analyst has checked and accepts
        (``["target_group.intake", "costs[0].amount"]``): their warnings leave the
        report (see :attr:`warnings` and ``docs/limits.md``).
    outcomes, outcome_effects, unpriced_effects
        The user's own outcome chains (overriding shipped ones by key), the effects on
        outcomes (then ``baseline`` and ``effects`` may be empty), and effects no one
        can price, listed in every report (``docs/outcomes.md``).

    Examples
    --------
    >>> from sociokalkyl.model import BaselineUse, CostItem, Effect, TargetGroup
    >>> intervention = Intervention(
    ...     name="Arbetsträning",
    ...     target_group=TargetGroup(name="Deltagare", intake=[10]),
    ...     cost_items=[CostItem(key="eb", name="Ekonomiskt bistånd",
    ...                          unit_cost="9 135 kr/mån", price_year=2023, source="egen")],
    ...     baseline=[BaselineUse(cost_item="eb", use="12 mån/år")],
    ...     effects=[Effect(cost_item="eb", kind="absolute", change="-3 mån/år")],
    ...     costs=[InterventionCost(name="Insats", kind="one_off", amount="1 000 000 kr")],
    ... )
    >>> intervention.cost_item_keys, intervention.target_group.total
    (['eb'], 10.0)
    """

    name: str = Field(min_length=1)
    description: str | None = None
    target_group: TargetGroup
    cost_items: list[CostItem | str] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    baseline: list[BaselineUse] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    effects: list[Effect] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    costs: list[InterventionCost] = Field(min_length=1, max_length=MAX_COST_ITEMS)
    other_payers: list[PayerName] = Field(default_factory=list)
    actors: list[PayerName] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    accept_implausible: list[str] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    source: str | None = None
    outcomes: list[Outcome] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    outcome_effects: list[OutcomeEffect] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    unpriced_effects: list[str] = Field(default_factory=list, max_length=MAX_COST_ITEMS)

    @model_validator(mode="after")
    def _check_references(self) -> Intervention:
        if not self.effects and not self.outcome_effects:
            raise ValueError(
                "effects: expected at least one effect on a cost item (with its baseline "
                "use) or one outcome_effects entry"
            )
        keys = [item if isinstance(item, str) else item.key for item in self.cost_items]
        counts = Counter(keys)  # linear, also for a long list
        duplicates = sorted(k for k, n in counts.items() if n > 1)
        if duplicates:
            raise ValueError(
                f"cost_items: the key {duplicates[0]!r} is given twice; "
                "expected each cost item once"
            )
        baseline_keys = [b.cost_item for b in self.baseline]
        baseline_counts = Counter(baseline_keys)
        for index, use in enumerate(self.baseline):
            if use.cost_item not in counts:
                raise ValueError(
                    f"baseline[{index}].cost_item: {use.cost_item!r} is not among the "
                    f"intervention's cost_items{_hint(use.cost_item, keys)} one of "
                    f"{', '.join(keys)}"
                )
            if baseline_counts[use.cost_item] > 1:
                raise ValueError(
                    f"baseline[{index}].cost_item: {use.cost_item!r} has two "
                    "baseline uses; expected one per cost item"
                )
        for index, effect in enumerate(self.effects):
            if effect.cost_item not in baseline_counts:
                raise ValueError(
                    f"effects[{index}].cost_item: {effect.cost_item!r} is not a cost item "
                    f"with a baseline use{_hint(effect.cost_item, baseline_keys)} one of "
                    f"{', '.join(baseline_keys)}"
                )
        self._check_actors()
        return self

    def _check_actors(self) -> None:
        """Every actor named is known; a nested actor's parent is known."""
        known = self.actor_names
        for i, actor in enumerate([*self.other_payers, *self.actors]):
            parent = parent_of(actor)
            if parent is not None:
                check_actor(parent, known, f"actors[{i}] ({actor!r}: its parent)")
        named = [(f"costs[{i}]", c.payer, c.recipient, c.owner) for i, c in enumerate(self.costs)]
        for i, item in enumerate(self.cost_items):
            if isinstance(item, CostItem):
                for payer in item.payer_shares:
                    named.append((f"cost_items[{i}]", payer, item.recipient, item.owner))
        for where, payer, recipient, owner in named:
            check_actor(payer, known, f"{where}.payer")
            if recipient is not None:
                check_actor(recipient, known, f"{where}.recipient")
            if owner is not None:
                check_actor(owner, known, f"{where}.owner")

    @property
    def actor_names(self) -> list[str]:
        """Every actor of the intervention: the standard ones, then the declared ones."""
        return list(dict.fromkeys([*STANDARD_ACTORS, *self.other_payers, *self.actors]))

    @property
    def warnings(self) -> list[PlausibilityWarning]:
        """Implausible magnitudes not in ``accept_implausible``: every report shows them."""
        return plausibility_warnings(
            self.target_group, self.cost_items, self.costs, self.accept_implausible
        )

    @property
    def cost_item_keys(self) -> list[str]:
        """The keys of the cost items, in order."""
        return [item if isinstance(item, str) else item.key for item in self.cost_items]
