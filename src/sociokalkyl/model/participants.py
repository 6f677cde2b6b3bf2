"""Who takes part, when they enter, and what they would have used without the intervention."""

from __future__ import annotations

from typing import Any, Literal

import pint
from pydantic import Field, field_validator

from sociokalkyl.limits import MAX_HORIZON_YEARS, MAX_LIST_ITEMS
from sociokalkyl.model.common import (
    Confidence,
    FrozenModel,
    Years,
    non_negative,
    within_the_time,
)
from sociokalkyl.units import Share, UsePerYear, has_time_unit, to_float

__all__ = ["BaselineUse", "TargetGroup"]


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
    intake: list[float] = Field(min_length=1, max_length=MAX_HORIZON_YEARS)
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
    profile: list[float] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
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
        within_the_time(value, "a baseline use")
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
