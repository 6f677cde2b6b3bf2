"""The intervention: who takes part, what it costs, and which future costs it changes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pint
from pydantic import Field, field_validator, model_validator

from sociokalkyl.model.common import (
    STANDARD_PAYERS,
    Confidence,
    FrozenModel,
    PayerName,
    Years,
    non_negative,
)
from sociokalkyl.model.cost_item import CostItem
from sociokalkyl.units import (
    Duration,
    Money,
    MoneyPerTime,
    Share,
    UsePerYear,
    has_time_unit,
    to_float,
)

__all__ = [
    "BaselineUse",
    "Effect",
    "Intervention",
    "InterventionCost",
    "TargetGroup",
]


class TargetGroup(FrozenModel):
    """The participants and when they enter.

    Parameters
    ----------
    name
        Who they are, e.g. ``"Långvarigt biståndsberoende hushåll"``.
    unit
        What one participant is: a person or a household.
    intake
        Participants entering in year 0, 1, 2, ... of the analysis: ``[30]`` is 30 in
        year 0, ``[20, 20, 20]`` is 20 a year for three years [participants].

    Examples
    --------
    >>> TargetGroup(name="Deltagare", intake=[20, 20, 20]).total
    60.0
    """

    name: str = Field(min_length=1)
    unit: Literal["person", "household"] = "person"
    intake: list[float] = Field(min_length=1)
    source: str | None = None

    @field_validator("intake", mode="before")
    @classmethod
    def _scalar_intake(cls, value: Any) -> Any:
        return [value] if isinstance(value, int | float) and not isinstance(value, bool) else value

    @field_validator("intake")
    @classmethod
    def _non_negative(cls, value: list[float]) -> list[float]:
        for year, count in enumerate(value):
            if count < 0:
                raise ValueError(
                    f"intake in year {year} is {count}; expected a count >= 0, e.g. [30] or "
                    "[20, 20, 20]"
                )
        if sum(value) <= 0:
            raise ValueError("no participants: expected at least one, e.g. intake = [30]")
        return value

    @property
    def total(self) -> float:
        """All participants over all intake years."""
        return float(sum(self.intake))


class BaselineUse(FrozenModel):
    """What one participant would have used of a cost item without the intervention.

    The use in year ``a`` after a participant's intake is

    .. math:: u(a) = u_0 \\, (1 - x)^a \\, p(a)

    with ``u_0 = use``, ``x = exit_rate`` (people leave försörjningsstöd anyway) and
    ``p(a)`` an optional explicit profile (1 where not given). After ``years`` the use is 0.

    Parameters
    ----------
    cost_item
        The key of the cost item.
    use
        Use per participant and year: time per time (``"7 mån/år"``, ``"2,5 tim/vecka"``,
        ``"60 dygn/år"``) for a unit cost per time, events per time (``"0,05 /år"``) for a
        unit cost per event.
    exit_rate
        The share of the remaining use that ends each year without the intervention [1/year].
    profile
        Optional multipliers by year since intake, e.g. ``[1, 0.8, 0.6]``; after its end
        the last value holds.
    years
        The number of years the use lasts, from intake; ``None`` is to the horizon.
        Absolute effects on this cost item end with it too.

    Examples
    --------
    >>> BaselineUse(cost_item="hvb", use="60 dygn/år").use_per_year("dimensionless")
    0.1643835616438356
    """

    cost_item: str
    use: UsePerYear
    exit_rate: Share = Field(default=0.0, ge=0.0, le=1.0)
    profile: list[float] | None = None
    years: Years | None = None
    source: str | None = None
    confidence: Confidence | None = None

    @field_validator("use")
    @classmethod
    def _non_negative_use(cls, value: pint.Quantity[Any]) -> pint.Quantity[Any]:
        if not has_time_unit(value):
            raise ValueError(
                f'a baseline use needs a time unit, got {value}; e.g. "7 mån/år", '
                '"2,5 tim/vecka" or "0,05 /år" (events a year)'
            )
        return non_negative(
            value, "a baseline use", '"7 mån/år" (a change of use belongs in an effect)'
        )

    @field_validator("profile")
    @classmethod
    def _profile_non_negative(cls, value: list[float] | None) -> list[float] | None:
        if value is not None and (not value or any(v < 0 for v in value)):
            raise ValueError(f"profile must be non-empty and >= 0, got {value}; e.g. [1, 0.8]")
        return value

    def use_per_year(self, unit: str) -> float:
        """The use in the canonical unit of its cost item (``"dimensionless"`` or ``"1/year"``)."""
        return to_float(self.use, unit, field=f"baseline[{self.cost_item}].use")


class Effect(FrozenModel):
    """A change in a participant's expected use of one cost item.

    For a cohort entering in year ``c``, with ``k = t - c - start_lag`` the years since
    the effect began in analysis year ``t``:

    .. math::

        \\mathrm{profile}(k) = \\begin{cases}
            \\min\\left(1, \\frac{k+1}{R}\\right) (1 - d)^k & 0 \\le k < L \\\\
            0 & \\text{otherwise}
        \\end{cases}

    with ``R = ramp_up_years`` (no ramp when 0 or 1), ``d = drop_off`` and
    ``L = duration_years``. The net change of use in year ``t`` is

    .. math:: \\Delta u = s \\cdot \\mathrm{profile}(k) (1 - dw)(1 - at)(1 - dp)

    times the baseline use for a relative effect (``s = -0.49`` is 49 % less use), or a
    use per participant for an absolute effect (``s = "-5,88 mån/år"``). The use never
    falls below zero: a reduction is capped at the baseline. An absolute effect applies
    only while the baseline use lasts (within its ``years``, where its profile is above
    0): extra family-home days end when the placement would have ended.

    An effect measured against a control group already excludes deadweight (what would
    have happened anyway): leave ``deadweight`` at 0 then.

    Parameters
    ----------
    cost_item
        The key of the cost item whose use changes.
    kind
        ``"relative"`` (a share of the baseline use) or ``"absolute"`` (a use per
        participant and year).
    change
        Negative for less use. Relative: a share (``-0.49`` or ``"-49 %"``). Absolute: a
        use per year in the units of the baseline use (``"-2 tim/vecka"``).
    start_lag
        Years from intake until the effect starts [year].
    ramp_up_years
        Years until the full effect [year]; 0 or 1 means full from the start.
    duration_years
        Years the effect lasts once started [year]; ``None`` is to the horizon.
    drop_off
        The share of the effect lost each year [1/year].
    deadweight, attribution, displacement
        SROI adjustments: what would have happened anyway, what others caused, what
        was only moved elsewhere [share].
    """

    cost_item: str
    kind: Literal["relative", "absolute"] = "relative"
    change: float | UsePerYear
    start_lag: Years = 0
    ramp_up_years: Years = 0
    duration_years: Annotated[int, Field(ge=1, le=200)] | None = None
    drop_off: Share = Field(default=0.0, ge=0.0, le=1.0)
    deadweight: Share = Field(default=0.0, ge=0.0, le=1.0)
    attribution: Share = Field(default=0.0, ge=0.0, le=1.0)
    displacement: Share = Field(default=0.0, ge=0.0, le=1.0)
    source: str | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _read_change(cls, data: Any) -> Any:
        change = data.get("change") if isinstance(data, dict) else None
        relative = isinstance(data, dict) and data.get("kind", "relative") == "relative"
        if relative and isinstance(change, int) and not isinstance(change, bool):
            # an int would otherwise match the quantity branch of the union
            data = {**data, "change": float(change)}
        if isinstance(data, dict) and isinstance(data.get("change"), str | dict):
            kind = data.get("kind", "relative")
            change = data["change"]
            if kind == "relative":
                from sociokalkyl.units import parse_share

                data = {**data, "change": parse_share(change, field="change")}
        return data

    @model_validator(mode="after")
    def _check_change(self) -> Effect:
        if self.kind == "relative":
            if isinstance(self.change, pint.Quantity):
                raise ValueError(
                    f"a relative effect takes a share as change, got {self.change}; "
                    'e.g. change = "-49 %" (or kind = "absolute" for a use per year)'
                )
            if self.change < -1.0:
                raise ValueError(
                    f"a relative change below -100 % is impossible, got {self.change}; "
                    'e.g. change = "-49 %"'
                )
            if self.change > 10.0:
                raise ValueError(
                    f"a relative change of {self.change:+.0%} is implausible: did you write "
                    f'{self.change:g} for {self.change:g} %? Write change = "{self.change:g} %" '
                    f"or {self.change / 100:g}"
                )
        elif not isinstance(self.change, pint.Quantity) or not has_time_unit(self.change):
            raise ValueError(
                f"an absolute effect takes a use per year with a time unit as change, got "
                f'{self.change}; e.g. change = "-2 tim/vecka" or "-4,9 mån/år" (for a '
                'share of the baseline use, write kind = "relative" and change = "-20 %")'
            )
        return self

    @property
    def adjustment(self) -> float:
        """The SROI factor (1 - deadweight)(1 - attribution)(1 - displacement)."""
        return (1 - self.deadweight) * (1 - self.attribution) * (1 - self.displacement)


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

    @field_validator("amount")
    @classmethod
    def _non_negative_amount(cls, value: pint.Quantity[Any]) -> pint.Quantity[Any]:
        return non_negative(
            value,
            "an intervention cost",
            '"250 000 kr"; co-financing is a cost paid by another payer (payer = "region")',
        )

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
        Payers besides kommun, region, stat and individ that the costs name.
    """

    name: str = Field(min_length=1)
    description: str | None = None
    target_group: TargetGroup
    cost_items: list[CostItem | str] = Field(min_length=1)
    baseline: list[BaselineUse] = Field(min_length=1)
    effects: list[Effect] = Field(min_length=1)
    costs: list[InterventionCost] = Field(min_length=1)
    other_payers: list[PayerName] = Field(default_factory=list)
    source: str | None = None

    @model_validator(mode="after")
    def _check_references(self) -> Intervention:
        keys = [item if isinstance(item, str) else item.key for item in self.cost_items]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(
                f"cost_items: the key {duplicates[0]!r} is given twice; "
                "expected each cost item once"
            )
        baseline_keys = [b.cost_item for b in self.baseline]
        for index, use in enumerate(self.baseline):
            if use.cost_item not in keys:
                raise ValueError(
                    f"baseline[{index}].cost_item: {use.cost_item!r} is not among the "
                    f"intervention's cost_items; expected one of {keys}"
                )
            if baseline_keys.count(use.cost_item) > 1:
                raise ValueError(
                    f"baseline[{index}].cost_item: {use.cost_item!r} has two "
                    "baseline uses; expected one per cost item"
                )
        for index, effect in enumerate(self.effects):
            if effect.cost_item not in baseline_keys:
                raise ValueError(
                    f"effects[{index}].cost_item: {effect.cost_item!r} is not a cost item "
                    f"with a baseline use; expected one of {baseline_keys}"
                )
        known = set(STANDARD_PAYERS) | set(self.other_payers)
        payers = [(f"costs[{i}].payer", c.payer) for i, c in enumerate(self.costs)]
        for item in self.cost_items:
            if isinstance(item, CostItem):
                payers += [(f"cost_items.{item.key}.payer", p) for p in item.payer_shares]
        for location, payer in payers:
            if payer not in known:
                raise ValueError(
                    f"{location}: unknown payer {payer!r}; expected one of {sorted(known)} "
                    "(declare others in other_payers)"
                )
        return self

    @property
    def cost_item_keys(self) -> list[str]:
        """The keys of the cost items, in order."""
        return [item if isinstance(item, str) else item.key for item in self.cost_items]
