"""A cost item: a unit cost that an intervention may change, with its price year and payer."""

from __future__ import annotations

import math
from typing import Any

import pint
from pydantic import Field, field_validator, model_validator

from sociokalkyl.model.common import Confidence, FrozenModel, PayerName, non_negative
from sociokalkyl.model.flows import Flow, check_flow
from sociokalkyl.units import UnitCost, format_quantity, to_float

__all__ = ["CostItem"]


class CostItem(FrozenModel):
    """A unit cost, such as 9 135 kr per household-month of försörjningsstöd.

    Parameters
    ----------
    key
        A short identifier used by effects and baseline uses, e.g. ``"ekonomiskt_bistand"``.
    name
        A description people read, in Swedish where that is what people say.
    unit_cost
        Money per unit of time used (``"4 500 kr/dygn"``, ``"9 135 kr/mån"``) or per
        event (``"300 000 kr"`` per hip fracture) [SEK/time or SEK].
    price_year
        The price year of ``unit_cost``.
    payer
        Who pays the cost, and so who saves when it is avoided: a payer's name, or
        shares by payer that sum to 1 (``{"kommun": 0.56, "region": 0.44}``).
    source
        Where the number comes from.
    confidence
        ``"S"`` seen in the source, ``"S2"`` secondary source, ``"D"`` derived,
        ``"A"`` the analyst's assumption.
    geography
        Where the number applies (``"Riket"``, ``"Norrköping"``).
    real_growth
        Real cost growth per year above the price index [1/year], e.g. 0.01.
    price_index
        The index that rebases the unit cost between price years (``"KPI"`` or ``"OPI"``).
    flow
        ``"resource"`` (default), ``"transfer"`` (to ``recipient``), ``"production"``
        (value created, to ``owner``) or ``"work"`` (``unit_cost`` is the gross wage,
        the use is time worked, ``payer`` the employer; see ``docs/perspectives.md``).
    recipient
        Who receives a transfer (required) or a wage (``"individ"`` by default).
    owner
        Who is credited with production (``"övriga"`` by default).

    Examples
    --------
    >>> item = CostItem(key="hvb", name="HVB-dygn", unit_cost="4 500 kr/dygn",
    ...                 price_year=2018, payer="kommun", source="corren.se", confidence="S2")
    >>> item.annual_unit_cost()  # [SEK/year] for a full year of use
    1642500.0
    """

    key: str = Field(pattern=r"^[A-Za-z_][\w\-]*$", max_length=80)
    name: str = Field(min_length=1)
    unit_cost: UnitCost
    price_year: int = Field(ge=1900, le=2200)
    payer: PayerName | dict[PayerName, float] = "kommun"
    source: str | None = None
    confidence: Confidence | None = None
    geography: str | None = None
    real_growth: float = Field(default=0.0, gt=-1.0, le=1.0)
    price_index: str = "KPI"
    note: str | None = None
    flow: Flow = "resource"
    recipient: PayerName | None = None
    owner: PayerName | None = None

    @field_validator("unit_cost")
    @classmethod
    def _non_negative_cost(cls, value: pint.Quantity[Any]) -> pint.Quantity[Any]:
        return non_negative(value, "a unit cost", '"4 500 kr/dygn"')

    @field_validator("payer")
    @classmethod
    def _shares_sum_to_one(cls, value: str | dict[str, float]) -> str | dict[str, float]:
        if isinstance(value, dict):
            if not value:
                raise ValueError('needs at least one payer, e.g. {"kommun": 1.0}')
            if any(not 0.0 <= share <= 1.0 for share in value.values()):
                raise ValueError(f"shares must lie in [0, 1], got {value}")
            if not math.isclose(sum(value.values()), 1.0, abs_tol=1e-9):
                raise ValueError(
                    f"payer shares must sum to 1, got {sum(value.values())} "
                    '(e.g. {"kommun": 0.56, "region": 0.44})'
                )
        return value

    @model_validator(mode="after")
    def _check_flow(self) -> CostItem:
        check_flow(
            self.flow,
            self.payer_shares,
            self.recipient,
            self.owner,
            payer_given="payer" in self.model_fields_set,
        )
        if self.flow == "production" and "payer" in self.model_fields_set:
            raise ValueError(
                f"production has no payer (got payer = {self.payer!r}): it is value "
                'created, credited to its owner, e.g. flow = "production", owner = "övriga"'
            )
        if self.flow == "work" and self.per_event:
            raise ValueError(
                f"work takes a gross wage per time, got {self.unit_cost_text()}; "
                'e.g. unit_cost = "22 000 kr/mån"'
            )
        return self

    @property
    def per_event(self) -> bool:
        """True when the unit cost is per event [SEK], False when per time [SEK/time]."""
        return bool(self.unit_cost.dimensionality == {"[currency]": 1})

    @property
    def payer_shares(self) -> dict[str, float]:
        """The payer as shares by payer name."""
        return dict(self.payer) if isinstance(self.payer, dict) else {self.payer: 1.0}

    def canonical_unit_cost(self) -> float:
        """The unit cost as SEK per year of use, or SEK per event, in its own price year."""
        unit = "SEK" if self.per_event else "SEK/year"
        return to_float(self.unit_cost, unit, field=f"cost_items.{self.key}.unit_cost")

    def annual_unit_cost(self) -> float:
        """The cost of a full year of use [SEK/year]; an error for a per-event cost."""
        return to_float(self.unit_cost, "SEK/year", field=f"cost_items.{self.key}.unit_cost")

    def unit_cost_text(self) -> str:
        """The unit cost as it reads back, e.g. ``"9135 SEK / month"``."""
        return format_quantity(self.unit_cost)

    def use_unit(self) -> str:
        """The canonical unit of a use per participant of this item: ``""`` or ``"1/year"``."""
        return "1/year" if self.per_event else "dimensionless"

    def __repr_args__(self) -> Any:
        for name, value in super().__repr_args__():
            yield name, (format_quantity(value) if isinstance(value, pint.Quantity) else value)
