"""Which price-index years a log row relied on that were not shipped, and whose they are.

A cost item in 2012 prices restated in 2025 prices uses every index year from 2013 to
2025 (a chained change) or the two end years (levels); the log row lists the years in
that span that came from the user or from SCB's cache, grouped by origin, so the report
can say "KPI 2024-2025: SCB, hämtad 2026-11-27". Rows whose years were all shipped are
left as they were.
"""

from __future__ import annotations

import dataclasses

from sociokalkyl.engine.log import Assumption
from sociokalkyl.model.settings import Settings
from sociokalkyl.money.index import PriceIndex, YearOrigin

__all__ = ["index_origins", "with_index_origins"]


def _span(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def index_origins(
    index: PriceIndex, from_year: int, to_year: int
) -> tuple[tuple[str, YearOrigin], ...]:
    """The years in ``from_year..to_year`` of ``index`` that were not shipped, by origin.

    Parameters
    ----------
    index
        The index used.
    from_year, to_year
        The item's price year and the analysis price year.

    Returns
    -------
    tuple of (str, YearOrigin)
        ``("2024-2025", origin)`` pairs in year order; empty when all were shipped.

    Examples
    --------
    >>> user = YearOrigin("user", "egen")
    >>> index = PriceIndex("KPI", {2023: 403.7, 2024: 415.0, 2025: 418.0}, "SCB",
    ...     origins={2023: YearOrigin("shipped", "SCB"), 2024: user, 2025: user})
    >>> index_origins(index, 2012, 2025)
    (('2024-2025', YearOrigin(kind='user', source='egen', retrieved=None)),)
    """
    low, high = sorted((from_year, to_year))
    groups: dict[YearOrigin, list[int]] = {}
    for year in range(low, high + 1):
        origin = index.origins.get(year)
        if year in index.levels and origin is not None and origin.kind != "shipped":
            groups.setdefault(origin, []).append(year)
    return tuple((_span(years), origin) for origin, years in groups.items())


def with_index_origins(rows: tuple[Assumption, ...], settings: Settings) -> tuple[Assumption, ...]:
    """The log rows, each with the not-shipped index years it relied on.

    Parameters
    ----------
    rows
        The assumption log.
    settings
        The settings whose indices the engine used.

    Returns
    -------
    tuple of Assumption
        The same rows; a row that relied on a not-shipped year has ``index_origins``.

    Examples
    --------
    >>> settings = Settings(base_year=2024, price_year=2023, horizon=2)
    >>> row = Assumption("cost_item", None, "x", 1.0, "SEK", price_year=2012,
    ...     analysis_price_year=2023, price_index="KPI")
    >>> with_index_origins((row,), settings)[0].index_origins
    ()
    """
    out, indices = [], {}
    for row in rows:
        if row.price_index and row.price_year is not None and row.analysis_price_year is not None:
            if row.price_index not in indices:
                indices[row.price_index] = settings.price_index(row.price_index)
            index = indices[row.price_index]
            found = index_origins(index, row.price_year, row.analysis_price_year)
            row = dataclasses.replace(row, index_origins=found) if found else row
        out.append(row)
    return tuple(out)
