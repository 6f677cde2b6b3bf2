"""Analysis settings: base year, price year, horizon, discounting, optimism bias."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from sociokalkyl.finance import DiscountSchedule
from sociokalkyl.model.common import FrozenModel
from sociokalkyl.units import Share

__all__ = ["DISCOUNT_PRESETS", "Settings"]

DISCOUNT_PRESETS: dict[str, str] = {
    "asek": "Sweden, Trafikverket ASEK: 3.5 % real, constant",
    "green_book": "UK HM Treasury Green Book Table 6.1: 3.5 % to year 30, then stepped down",
    "denmark_2018": "Denmark, Finansministeriet 2018: 4 % to year 35, 3 % to 70, then 2 %",
}
"""Named discount schedules with a cited source (see :class:`~sociokalkyl.DiscountSchedule`)."""


class Settings(FrozenModel):
    """How to calculate: when, in which prices, over how long, at which discount rate.

    Parameters
    ----------
    base_year
        The calendar year of year 0 of the analysis ("now", undiscounted).
    price_year
        The analysis price year: every amount is restated in its prices.
    horizon
        The number of years analysed: year 0 to ``horizon - 1`` [year].
    discount_rate
        A constant real rate (``0.035`` or ``"3,5 %"``) or a named schedule:
        ``"asek"``, ``"green_book"``, ``"denmark_2018"``.
    optimism_bias
        An uplift on the intervention's costs (Green Book style), e.g. ``0.1`` [share].
    price_index
        The default index for rebasing amounts that name none (``"KPI"``).

    Examples
    --------
    >>> Settings(base_year=2024, price_year=2023, horizon=10, discount_rate="3,5 %").discount_rate
    0.035
    """

    base_year: int = Field(ge=1900, le=2200)
    price_year: int = Field(ge=1900, le=2200)
    horizon: int = Field(ge=1, le=400)
    discount_rate: Share | Literal["asek", "green_book", "denmark_2018"] = 0.035
    optimism_bias: Share = Field(default=0.0, ge=0.0, le=10.0)
    price_index: str = "KPI"

    @field_validator("discount_rate")
    @classmethod
    def _rate_above_minus_one(cls, value: Any) -> Any:
        if isinstance(value, float) and value <= -1.0:
            raise ValueError(f"a discount rate must be above -100 %, got {value}; e.g. 0.035")
        return value

    def discount_schedule(self) -> DiscountSchedule:
        """The discount schedule these settings name."""
        if isinstance(self.discount_rate, str):
            preset: DiscountSchedule = getattr(DiscountSchedule, self.discount_rate)()
            return preset
        return DiscountSchedule.constant(self.discount_rate)
