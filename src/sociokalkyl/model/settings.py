"""Analysis settings: base year, price year, horizon, discounting, optimism bias."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

import sociokalkyl.money as money
from sociokalkyl.errors import InputError, did_you_mean
from sociokalkyl.finance import DiscountSchedule
from sociokalkyl.limits import MAX_HORIZON_YEARS
from sociokalkyl.model.actors import (
    PERSPECTIVE_PRESETS,
    SOCIETY,
    perspective_name,
)
from sociokalkyl.model.common import Confidence, FrozenModel, PayerName
from sociokalkyl.model.work import TAX_RATES
from sociokalkyl.units import Share

__all__ = ["DISCOUNT_PRESETS", "PriceSeries", "Settings"]


class PriceSeries(FrozenModel):
    """A user's price-index series: levels by year, or yearly changes in percent.

    Give exactly one of ``levels`` (``{2020: 100, 2021: 103.2}``) or ``changes_percent``
    (``{2022: 5.1, 2023: 4.6}``: the change from the year before). A gap in the years
    breaks the chain; amounts cannot be rebased across it.

    Under the name of a shipped index (``KPI``, ``OPI``) the years *extend* the shipped
    series: a year the shipped series has keeps its shipped value (a different value of
    yours is an error), unless ``mode = "override"`` (your years win) or ``mode =
    "replace"`` (your series alone, the shipped one and SCB's cached years unused).
    Levels that extend KPI must be on its base (1980 = 100); give changes otherwise.

    Parameters
    ----------
    source
        Where the series comes from (required: every number carries a source).
    levels
        Index levels by year [index points]; only ratios matter.
    changes_percent
        Yearly changes by year [percent], the change from the year before.
    mode
        ``"extend"`` (default: shipped years win), ``"override"`` (your years win where
        both give one) or ``"replace"`` (your series alone).

    Examples
    --------
    >>> series = PriceSeries(source="Kommunens egen serie", levels={2020: 100, 2021: 103})
    >>> series.to_index("egen").factor(2020, 2021)
    1.03
    """

    source: str = Field(min_length=1)
    levels: dict[int, float] | None = None
    changes_percent: dict[int, float] | None = None
    mode: Literal["extend", "override", "replace"] = "extend"

    @model_validator(mode="after")
    def _exactly_one(self) -> PriceSeries:
        if (self.levels is None) == (self.changes_percent is None):
            raise ValueError(
                "give exactly one of levels or changes_percent, e.g. levels = "
                "{2020 = 100, 2021 = 103.2} or changes_percent = {2022 = 5.1, 2023 = 4.6}"
            )
        return self

    def to_part(self) -> money.SeriesPart:
        """The years as a :class:`~sociokalkyl.money.SeriesPart` of origin ``"user"``.

        Examples
        --------
        >>> PriceSeries(source="SCB", changes_percent={2024: 2.8}).to_part().origin.kind
        'user'
        """
        origin = money.YearOrigin("user", self.source)
        if self.levels is not None:
            return money.SeriesPart(origin, levels=self.levels)
        return money.SeriesPart(origin, changes_percent=self.changes_percent or {})

    def to_index(self, name: str) -> money.PriceIndex:
        """The series as a :class:`~sociokalkyl.money.PriceIndex` called ``name``."""
        if self.levels is not None:
            return money.PriceIndex.from_levels(name, self.levels, self.source)
        assert self.changes_percent is not None
        return money.PriceIndex.from_changes(name, self.changes_percent, self.source)


DISCOUNT_PRESETS: dict[str, str] = {
    "asek": "Sweden, Trafikverket ASEK: 3.5 % real, constant",
    "green_book": "UK HM Treasury Green Book Table 6.1: 3.5 % to year 30, then stepped down",
    "denmark_2018": "Denmark, Finansministeriet 2018: 4 % to year 35, 3 % to 70, then 2 %",
}
"""Named discount schedules with a cited source (see :class:`~sociokalkyl.DiscountSchedule`)."""


_Cut = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
"""A share of an effect taken away by the evidence-grade haircut."""


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
        A constant real rate (``0.035`` or ``"3,5 %"``, between -10 % and 25 %) or a
        named schedule: ``"asek"``, ``"green_book"``, ``"denmark_2018"``.
    optimism_bias
        An uplift on the intervention's costs (Green Book style), e.g. ``0.1`` [share],
        at most 2 (200 %, the Green Book's highest band).
    price_indices
        Price-index series of the user's own, by name. Under a shipped name the years
        extend the shipped index (``"OPI"`` with SKR's 2022 change, ``"KPI"`` with
        2024 and 2025, say; shipped years win unless the series' ``mode`` says otherwise);
        another name adds an index that cost items can name in their ``price_index``.
    perspective
        Whose answer the headline numbers (``npv``, ``payback``, ...) are: ``"samhället"``
        (every actor, the default), ``"offentlig_sektor"`` (``"offentlig sektor"``:
        kommun, region and stat), ``"kommun"`` (the budget view) or one of
        ``perspectives``. See ``docs/perspectives.md``.
    perspectives
        The user's own perspectives: a name to the actors in it, e.g.
        ``{"kommun_och_region": ["kommun", "region"]}``; nested actors count with their
        parent.
    municipal_tax_rate
        The total municipal income tax rate, kommun and region [share of the gross wage];
        32,37 % (2024 average) by default.
    kommun_tax_share
        The kommun's share of ``municipal_tax_rate`` [share]; the region has the rest.
        64,57 % (2018: 20,74 / 32,12) by default.
    employer_contribution_rate
        Arbetsgivaravgifter on a gross wage [share]; 31,42 % (2024) by default.
    evidence_haircut
        Off (``None``, default); ``"default"`` shrinks every effect by its confidence
        mark with the default factors; or give the factors, e.g. ``{S = 0, S2 = 0.1,
        D = 0.25, A = 0.4}`` [share]; see ``docs/outcomes.md``.

    Examples
    --------
    >>> Settings(base_year=2024, price_year=2023, horizon=10, discount_rate="3,5 %").discount_rate
    0.035
    """

    base_year: int = Field(ge=1900, le=2200)
    price_year: int = Field(ge=1900, le=2200)
    horizon: int = Field(ge=1, le=MAX_HORIZON_YEARS)
    discount_rate: Share | Literal["asek", "green_book", "denmark_2018"] = 0.035
    optimism_bias: Share = Field(default=0.0, ge=0.0)
    price_indices: dict[str, PriceSeries] = Field(default_factory=dict)
    perspective: str = SOCIETY
    perspectives: dict[str, list[PayerName]] = Field(default_factory=dict, max_length=20)
    municipal_tax_rate: Share = TAX_RATES["municipal_tax_rate"].value
    kommun_tax_share: Share = TAX_RATES["kommun_tax_share"].value
    employer_contribution_rate: Share = TAX_RATES["employer_contribution_rate"].value
    evidence_haircut: Literal["default"] | dict[Confidence, _Cut] | None = None

    @field_validator("municipal_tax_rate", "kommun_tax_share", "employer_contribution_rate")
    @classmethod
    def _rate_within_one(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            hint = f'; did you write {value:g} for {value:g} %? Write "{value:g} %"' * (value > 1)
            raise ValueError(
                f'a rate of {value:.2%} is outside 0 % to 100 %{hint}; e.g. "32,37 %" or 0.3237'
            )
        return value

    @field_validator("perspective")
    @classmethod
    def _canonical_perspective(cls, value: str) -> str:
        return perspective_name(value)

    @model_validator(mode="after")
    def _known_perspective(self) -> Settings:
        known = [*PERSPECTIVE_PRESETS, *self.perspectives]
        if self.perspective not in known:
            raise ValueError(
                f"perspective: unknown perspective {self.perspective!r}"
                f"{did_you_mean(self.perspective, known)} Expected one of "
                f"{', '.join(known)} (or define it in perspectives)"
            )
        for name, actors in self.perspectives.items():
            if name in PERSPECTIVE_PRESETS or perspective_name(name) != name:
                raise ValueError(
                    f"perspectives.{name}: {name!r} is a preset perspective's name; "
                    'expected another name, e.g. "kommun_och_region"'
                )
            if not actors:
                raise ValueError(
                    f"perspectives.{name}: a perspective needs at least one actor, e.g. "
                    '["kommun", "region"]'
                )
        return self

    @field_validator("discount_rate")
    @classmethod
    def _plausible_rate(cls, value: Any) -> Any:
        if isinstance(value, float) and not -0.1 <= value <= 0.25:
            hint = (
                f'; did you write {value:g} for {value:g} %? Write "{value:g} %" or {value / 100:g}'
                if value > 1
                else ""
            )
            raise ValueError(
                f"a real discount rate of {value:.1%} is outside -10 % to 25 %{hint}; "
                'e.g. 0.035 or "3,5 %"'
            )
        return value

    @field_validator("price_indices")
    @classmethod
    def _series_fit(cls, value: dict[str, PriceSeries]) -> dict[str, PriceSeries]:
        """Each series joins its shipped one (same base, no silently dropped year)."""
        for name, series in value.items():
            try:
                money.resolve_index(name, series.to_part(), mode=series.mode, use_cache=False)
            except InputError as exc:  # a ValueError: pydantic keeps it, with its Words
                field = (exc.field or "").removeprefix("settings.price_indices.") or None
                raise InputError(
                    exc.message, field=field, value=exc.value, expected=exc.expected
                ) from None
        return value

    @field_validator("optimism_bias")
    @classmethod
    def _plausible_uplift(cls, value: float) -> float:
        if value > 2.0:
            raise ValueError(
                f"an optimism-bias uplift of {value:.0%} is above the Green Book's highest "
                f'band (200 %); did you write {value:g} for {value:g} %? e.g. 0.1 or "10 %"'
            )
        return value

    def price_index(self, name: str) -> money.PriceIndex:
        """The index called ``name``: a shipped one extended by the user's years and SCB's.

        The user's years under a shipped name extend it (shipped years win unless the
        series says ``mode = "override"`` or ``"replace"``); SCB's KPI years fetched into the cache
        (``sociokalkyl priser uppdatera``) extend KPI after them. Each year keeps its
        origin (:meth:`~sociokalkyl.money.PriceIndex.origin`).

        Examples
        --------
        >>> kpi = {"KPI": PriceSeries(source="SCB", changes_percent={2024: 2.8})}
        >>> settings = Settings(base_year=2025, price_year=2024, horizon=5, price_indices=kpi)
        >>> settings.price_index("KPI").origin(2024).kind
        'user'
        """
        series = self.price_indices.get(name)
        if series is None:
            return money.price_index(name)
        return money.resolve_index(name, series.to_part(), mode=series.mode)

    def discount_schedule(self) -> DiscountSchedule:
        """The discount schedule these settings name."""
        if isinstance(self.discount_rate, str):
            preset: DiscountSchedule = getattr(DiscountSchedule, self.discount_rate)()
            return preset
        return DiscountSchedule.constant(self.discount_rate)
