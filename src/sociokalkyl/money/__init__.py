"""Money and price years: price-index series and rebasing between price years.

An amount belongs to a price year. To compare amounts from different years, every
amount is restated in the analysis price year with a named price index:

.. math:: A_{to} = A_{from} \\cdot \\frac{I_{to}}{I_{from}}

KPI (SCB's consumer price index, annual averages, 1980 = 100) is the default; OPI
(SKR's omsorgsprisindex, for municipal care costs) is shipped as yearly changes and
chained. A user's own years and SCB's years fetched into the cache *extend* a shipped
series; the shipped years win unless the user says otherwise
(:func:`~sociokalkyl.money.lookup.resolve_index`). A year the index lacks is an error
that names the year and the range available, never a guess.

Modules: :mod:`~sociokalkyl.money.index` (the series), :mod:`~sociokalkyl.money.shipped`
(KPI and OPI as shipped), :mod:`~sociokalkyl.money.extend` (several origins made one),
:mod:`~sociokalkyl.money.cache` (SCB's years in the cache),
:mod:`~sociokalkyl.money.lookup` (by name, and rebasing).

Examples
--------
>>> round(rebase(1000.0, 2012, 2023), 2)  # 1000 kr in 2012 prices, in 2023 prices
1284.85
>>> kpi().factor(2012, 2023) == 403.70 / 314.20
True
"""

from __future__ import annotations

from sociokalkyl.money.cache import CachedSeries, kpi_cache_path, read_cached_kpi
from sociokalkyl.money.extend import SeriesPart, combine
from sociokalkyl.money.index import OriginKind, PriceIndex, YearOrigin
from sociokalkyl.money.lookup import Mode, price_index, rebase, resolve_index
from sociokalkyl.money.shipped import kpi, opi, read_index_csv, shipped_index

__all__ = [
    "CachedSeries",
    "Mode",
    "OriginKind",
    "PriceIndex",
    "SeriesPart",
    "YearOrigin",
    "combine",
    "kpi",
    "kpi_cache_path",
    "opi",
    "price_index",
    "read_cached_kpi",
    "read_index_csv",
    "rebase",
    "resolve_index",
    "shipped_index",
]
