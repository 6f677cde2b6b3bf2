"""A price index: levels by year, chains across gaps, and where each year came from.

.. math:: A_{to} = A_{from} \\cdot \\frac{I_{to}}{I_{from}}

A year the index lacks is an error that names the year and the range available, never a
guess. Each year may carry its origin (:class:`YearOrigin`: shipped, the user's own
years, or SCB's figures fetched into the cache) so a report can say who gave which year.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from sociokalkyl.errors import InputError, PriceYearError
from sociokalkyl.language.prices import price_text

__all__ = ["OriginKind", "PriceIndex", "YearOrigin"]

OriginKind = Literal["shipped", "user", "scb_cache"]
"""Who gave an index year: shipped with sociokalkyl, the user, or SCB via the cache."""


@dataclass(frozen=True)
class YearOrigin:
    """Where one year of a price index came from.

    Parameters
    ----------
    kind
        ``"shipped"`` (the series shipped with sociokalkyl), ``"user"`` (the user's own
        years, in a scenario file or template) or ``"scb_cache"`` (fetched from SCB by
        ``sociokalkyl priser uppdatera``).
    source
        The source text of those years.
    retrieved
        When the years were fetched (ISO date), for ``"scb_cache"``; else None.

    Examples
    --------
    >>> YearOrigin("scb_cache", "SCB, KPI 1980=100", "2026-11-27").kind
    'scb_cache'
    """

    kind: OriginKind
    source: str
    retrieved: str | None = None


@dataclass(frozen=True)
class PriceIndex:
    """A named series of price-index levels by year.

    Parameters
    ----------
    name
        Short name used in scenario files and reports, e.g. ``"KPI"``.
    levels
        Index level by year [index points]. Only ratios matter.
    source
        Where the series comes from.
    chains
        Optional chain number by year. Two years in different chains cannot be
        compared (the series has a gap between them). Default: one chain.
    origins
        Optional origin by year (:class:`YearOrigin`); a year without one has the
        origin of the whole series (``source``).

    Raises
    ------
    InputError
        When there are no years, or a level is not a positive finite number.

    Examples
    --------
    >>> index = PriceIndex("egen", {2020: 100.0, 2021: 102.0, 2022: 110.16}, "kommunens")
    >>> index.years, round(index.factor(2020, 2022), 4)
    ([2020, 2021, 2022], 1.1016)
    """

    name: str
    levels: Mapping[int, float]
    source: str
    chains: Mapping[int, int] = field(default_factory=dict)
    origins: Mapping[int, YearOrigin] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.levels:
            raise InputError(
                "has no years",
                field=f"price index {self.name}",
                expected="at least one year with a level, e.g. {2023: 403.7}",
            )
        for year, level in self.levels.items():
            if not isinstance(level, int | float) or not math.isfinite(level) or level <= 0:
                raise InputError(
                    "has a level that is not a positive number",
                    field=f"price index {self.name}[{year}]",
                    value=level,
                    expected="a positive index level, e.g. 403.7",
                )

    @property
    def years(self) -> list[int]:
        """The years the series covers, sorted."""
        return sorted(self.levels)

    def origin(self, year: int) -> YearOrigin:
        """Where ``year`` came from; the series' own source when no origin is recorded.

        Examples
        --------
        >>> PriceIndex("egen", {2020: 100.0}, "kommunens").origin(2020)
        YearOrigin(kind='user', source='kommunens', retrieved=None)
        """
        return self.origins.get(year, YearOrigin("user", self.source))

    def _check_year(self, year: int, role: str) -> None:
        if year not in self.levels:
            years = self.years
            gaps = [y for y in range(years[0], years[-1] + 1) if y not in self.levels]
            gap_text = f", missing {', '.join(map(str, gaps))}" if gaps else ""
            raise PriceYearError(
                f"is not in the price index {self.name} ({self.source})",
                field=role,
                value=year,
                expected=f"a year in {years[0]}-{years[-1]}{gap_text}, "
                f"or {self._add_year_hint(year)}",
            )

    def _add_year_hint(self, year: int) -> str:
        source = "SCB, KPI årsmedeltal" if self.name.upper() == "KPI" else "SKR, cirkulär"
        hint = price_text("add_year_hint", "en", index=self.name, year=year, source=source)
        if self.name.upper() == "KPI":
            hint += " " + price_text("kpi_update_hint", "en")
        return hint

    def factor(self, from_year: int, to_year: int) -> float:
        """The factor that restates an amount of ``from_year`` in prices of ``to_year``.

        .. math:: f = I_{to} / I_{from}

        Examples
        --------
        >>> round(PriceIndex("KPI", {2022: 371.91, 2023: 403.70}, "SCB").factor(2022, 2023), 6)
        1.085478
        """
        self._check_year(from_year, "from price year")
        self._check_year(to_year, "to price year")
        if self.chains.get(from_year, 0) != self.chains.get(to_year, 0):
            raise PriceYearError(
                f"cannot be compared with {to_year}: the price index {self.name} has a gap "
                "between them",
                field="from price year",
                value=from_year,
                expected=f"two years on the same side of the gap ({self.name} covers "
                f"{self._chain_text()}), another index, or the missing years: "
                f"{self._add_year_hint(self._first_gap(from_year, to_year))}",
            )
        return self.levels[to_year] / self.levels[from_year]

    def _first_gap(self, from_year: int, to_year: int) -> int:
        low, high = sorted((from_year, to_year))
        return next((y for y in range(low + 1, high + 1) if y not in self.levels), high)

    def _chain_text(self) -> str:
        runs: dict[int, list[int]] = {}
        for year in self.years:
            runs.setdefault(self.chains.get(year, 0), []).append(year)
        return " and ".join(f"{ys[0]}-{ys[-1]}" for ys in runs.values())

    def rebase(self, amount: float, from_year: int, to_year: int) -> float:
        """Restate ``amount`` [SEK, prices of from_year] in prices of ``to_year`` [SEK].

        .. math:: A_{to} = A_{from} \\cdot I_{to} / I_{from}

        Examples
        --------
        >>> index = PriceIndex("KPI", {2022: 371.91, 2023: 403.70}, "SCB")
        >>> round(index.rebase(1000.0, 2022, 2023), 2)
        1085.48
        """
        return amount * self.factor(from_year, to_year)

    @classmethod
    def from_levels(cls, name: str, levels: Mapping[int, float], source: str) -> PriceIndex:
        """A series from index levels by year (a municipality's own series, for example).

        Examples
        --------
        >>> PriceIndex.from_levels("egen", {2020: 100, 2021: 103}, "kommunens").factor(2020, 2021)
        1.03
        """
        return cls(name=name, levels={int(y): float(v) for y, v in levels.items()}, source=source)

    @classmethod
    def from_changes(
        cls, name: str, changes_percent: Mapping[int, float], source: str
    ) -> PriceIndex:
        """A series chained from yearly percentage changes.

        The change of year ``y`` is the change from ``y - 1`` to ``y``:
        :math:`I_y = I_{y-1} (1 + c_y / 100)`. A missing year breaks the chain: the
        years before the gap and after it are separate chains that cannot be compared.

        Examples
        --------
        >>> index = PriceIndex.from_changes("OPI", {2020: 3.0, 2021: 1.5, 2023: 4.6}, "SKR")
        >>> round(index.factor(2019, 2021), 6)  # 1.030 * 1.015
        1.04545
        >>> index.factor(2021, 2023)
        Traceback (most recent call last):
            ...
        sociokalkyl.errors.PriceYearError: from price year: cannot be compared with 2023...
        """
        levels: dict[int, float] = {}
        chains: dict[int, int] = {}
        chain = -1
        for year in sorted(changes_percent):
            change = float(changes_percent[year])
            if not math.isfinite(change) or change <= -100:
                raise InputError(
                    "is not a valid yearly change",
                    field=f"{name}[{year}]",
                    value=change,
                    expected="a percentage above -100, e.g. 2.6",
                )
            if year - 1 not in levels:
                chain += 1
                levels[year - 1] = 100.0
                chains[year - 1] = chain
            levels[year] = levels[year - 1] * (1 + change / 100)
            chains[year] = chain
        return cls(name=name, levels=levels, source=source, chains=chains)
