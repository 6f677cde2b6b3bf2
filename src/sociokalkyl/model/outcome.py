"""Outcomes and their consequences, and an intervention's effect on an outcome.

An :class:`Outcome` is a named change in a person's state (``gymnasieexamen``,
``hoftfraktur_undviken``); its :class:`Consequence` rows say what changes, per person
with the outcome against one without, in each year ``k = 0..K`` after it occurs. An
:class:`OutcomeEffect` says how much an intervention changes the outcome's probability
(or its rate of events) and when. See ``docs/outcomes.md`` for every convention.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from sociokalkyl.model.common import Confidence, FrozenModel, PayerName, Years
from sociokalkyl.model.flows import Flow, check_flow
from sociokalkyl.units import Share, UnitCost, UsePerYear

__all__ = ["Consequence", "Outcome", "OutcomeEffect"]

Key = Annotated[str, Field(pattern=r"^[A-Za-z_][\w\-]*$", max_length=60)]


class Consequence(FrozenModel):
    """One consequence of an outcome: a change in use of a cost item, or an amount.

    For a person with the outcome, in year ``k`` after it occurs, the change is
    :math:`q(k)\\,x` with ``x`` either ``change`` (a use of ``cost_item``, in its use
    unit) or ``amount`` (money per year, or per event, with its own flow and actors),
    and ``q`` the profile: ``profile`` (one value per year ``k``), ``years`` (1 for
    ``k < years``), or ``ages`` (1 while the person's age is in ``[from, to)``).

    Parameters
    ----------
    key
        The row's name within its outcome (``"hvb"``, ``"lon"``).
    name
        What the row is, in words.
    cost_item
        A cost item key whose use changes (with ``change``); its payer and flow count.
    change
        The change of use per person with the outcome (``"-365 dygn/år"``, ``"-1 /år"``).
    amount
        Or a signed amount per person: ``"-129 800 kr"`` per event, ``"+250 000 kr/år"``
        per year; negative is less of the flow (a cost saved), positive more.
    flow, payer, recipient, owner
        As on a cost item (``docs/perspectives.md``), for an ``amount`` row.
    price_year, price_index
        The price year of ``amount`` (required with it); the index that rebases it.
    profile, years, ages
        The profile over years after the outcome: exactly one of them.
    range
        Where the source gives a range or an order of magnitude: ``[low, high]`` of the
        size (``|amount|`` or ``|change|``, in its unit); it is offered to Monte Carlo
        as a triangular distribution with its mode at the value given
        (:func:`~sociokalkyl.engine.outcome_log.outcome_ranges`).
    source, confidence, horizon
        Where the number comes from, how sure (S, S2, D, A), and the period it was
        measured over (``"ages 24-65"``, ``"first year"``).
    note
        Anything else a reader must know (an assumed price year, say).

    Examples
    --------
    >>> row = Consequence(key="hvb", cost_item="hvb", change="-365 dygn/år", years=2,
    ...                   source="antagande", confidence="A", horizon="2 år")
    >>> row.profile_length(), row.is_amount
    (2, False)
    """

    key: Key
    name: str | None = None
    cost_item: str | None = None
    change: UsePerYear | None = None
    amount: UnitCost | None = None
    flow: Flow = "resource"
    payer: PayerName | dict[PayerName, float] = "kommun"
    recipient: PayerName | None = None
    owner: PayerName | None = None
    price_year: int | None = Field(default=None, ge=1900, le=2200)
    price_index: str = "KPI"
    profile: list[Annotated[float, Field(ge=0.0, le=1e6, allow_inf_nan=False)]] | None = Field(
        default=None, min_length=1, max_length=200
    )
    years: Annotated[int, Field(ge=1, le=200)] | None = None
    ages: tuple[Years, Years] | None = None
    range: tuple[float, float] | None = None
    source: str | None = None
    confidence: Confidence | None = None
    horizon: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Consequence:
        if (self.cost_item is None) == (self.amount is None):
            raise ValueError(
                f"row {self.key!r} needs either cost_item with change, or amount; "
                'e.g. cost_item = "hvb", change = "-365 dygn/år", or amount = "-129 800 kr"'
            )
        if self.cost_item is not None and self.change is None:
            raise ValueError(f"row {self.key!r}: cost_item needs change, e.g. '-365 dygn/år'")
        if self.amount is not None and self.price_year is None:
            raise ValueError(f"row {self.key!r}: an amount needs its price_year, e.g. 2023")
        given = [n for n in ("profile", "years", "ages") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(
                f"row {self.key!r} needs exactly one profile of profile, years or ages, got "
                f"{given or 'none'}; e.g. years = 5, profile = [1, 0.5], or ages = [20, 65]"
            )
        size = self.amount if self.amount is not None else self.change
        if self.range is not None and size is not None:
            low, high = self.range
            if not 0 <= low <= abs(size.magnitude) <= high:
                raise ValueError(
                    f"row {self.key!r}: range must hold the size given, 0 <= low <= "
                    f"{abs(size.magnitude):g} <= high, got {list(self.range)}"
                )
        if self.ages is not None and self.ages[0] >= self.ages[1]:
            raise ValueError(f"row {self.key!r}: ages must rise, got {list(self.ages)}")
        if self.amount is not None:
            if self.flow == "work" and self.amount.dimensionality == {"[currency]": 1}:
                raise ValueError(f"row {self.key!r}: work takes a wage per time, e.g. kr/år")
            check_flow(
                self.flow,
                self.payer_shares,
                self.recipient,
                self.owner,
                payer_given="payer" in self.model_fields_set,
            )
        return self

    @property
    def is_amount(self) -> bool:
        """True for an amount row, False for a change of use of a cost item."""
        return self.amount is not None

    @property
    def payer_shares(self) -> dict[str, float]:
        """The payer as shares by actor."""
        return dict(self.payer) if isinstance(self.payer, dict) else {self.payer: 1.0}

    def profile_length(self) -> int | None:
        """Years after the outcome the row lasts; ``None`` for an age window."""
        if self.profile is not None:
            return len(self.profile)
        return self.years


class Outcome(FrozenModel):
    """A named change in a person's state, with its consequences.

    Parameters
    ----------
    key
        The outcome's key (``"gymnasieexamen"``); a user's outcome overrides a shipped
        one of the same key.
    name
        The outcome in words.
    consequences
        Its rows (:class:`Consequence`), with unique keys.
    source
        Where the chain as a whole comes from.

    Examples
    --------
    >>> o = Outcome(key="x", name="X", consequences=[
    ...     {"key": "a", "amount": "-100 kr", "price_year": 2023, "years": 1}])
    >>> [row.key for row in o.consequences]
    ['a']
    """

    key: Key
    name: str = Field(min_length=1)
    consequences: list[Consequence] = Field(min_length=1, max_length=100)
    source: str | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _unique(self) -> Outcome:
        keys = [row.key for row in self.consequences]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"consequence key {twice[0]!r} is given twice in {self.key!r}")
        return self


class OutcomeEffect(FrozenModel):
    """An intervention's effect on an outcome: a change of probability, or of a rate.

    For a cohort entering in year ``c`` the outcome occurs in year ``c + τ`` with
    ``τ = years_after_intake``. ``kind = "probability"``: ``change`` is the change in the
    share of participants with the outcome (``0.05`` = 5 percentage points), in
    [-1, 1]. ``kind = "rate"``: ``change`` is the change in events per participant
    and year, from year ``τ`` for ``duration_years`` (to the horizon when ``None``),
    each event followed by the outcome's consequence profile. The SROI adjustments and
    the drop-off work as on an :class:`~sociokalkyl.model.Effect`.

    Parameters
    ----------
    outcome
        The outcome's key: one of the intervention's ``outcomes`` or the shipped
        consequence catalogue.
    kind
        ``"probability"`` or ``"rate"``.
    change
        Δp [share] or events per participant and year [1/year].
    years_after_intake
        τ [year].
    duration_years
        For a rate: years the changed rate lasts [year].
    age_at_intake
        The participants' age at intake [year], for consequences between two ages.
    drop_off, deadweight, attribution, displacement
        As on an effect [share].
    combine
        ``"max"`` (default): where this effect and another change the same cost item,
        the larger saving wins; ``"add"``: this one is added (``docs/outcomes.md``).
    source, confidence, note
        Provenance of ``change``.

    Examples
    --------
    >>> e = OutcomeEffect(outcome="gymnasieexamen", change=0.1, years_after_intake=9)
    >>> e.adjustment
    1.0
    """

    outcome: Key
    kind: Literal["probability", "rate"] = "probability"
    change: float = Field(allow_inf_nan=False)
    years_after_intake: Years = 0
    duration_years: Annotated[int, Field(ge=1, le=200)] | None = None
    age_at_intake: float | None = Field(default=None, ge=0.0, le=130.0)
    drop_off: Share = Field(default=0.0, ge=0.0, le=1.0)
    deadweight: Share = Field(default=0.0, ge=0.0, le=1.0)
    attribution: Share = Field(default=0.0, ge=0.0, le=1.0)
    displacement: Share = Field(default=0.0, ge=0.0, le=1.0)
    combine: Literal["max", "add"] = "max"
    source: str | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _read_change(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("change"), str):
            from sociokalkyl.units import parse_share

            return {**data, "change": parse_share(data["change"], field="change")}
        return data

    @model_validator(mode="after")
    def _check(self) -> OutcomeEffect:
        if self.kind == "probability" and not -1.0 <= self.change <= 1.0:
            raise ValueError(
                f"a change of probability lies in [-1, 1], got {self.change:g}; "
                'e.g. change = 0.05 or "5 %" for 5 percentage points'
            )
        if self.kind == "probability" and self.duration_years is not None:
            raise ValueError("duration_years is for kind = 'rate' (events per year)")
        return self

    @property
    def adjustment(self) -> float:
        """The SROI factor (1 - deadweight)(1 - attribution)(1 - displacement)."""
        return (1 - self.deadweight) * (1 - self.attribution) * (1 - self.displacement)
