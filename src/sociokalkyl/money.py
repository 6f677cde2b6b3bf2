"""Money and price years: price-index series and rebasing between price years.

An amount belongs to a price year. To compare amounts from different years, every
amount is restated in the analysis price year with a named price index:

.. math:: A_{to} = A_{from} \\cdot \\frac{I_{to}}{I_{from}}

KPI (SCB's consumer price index, annual averages, 1980 = 100) is the default; OPI
(SKR's omsorgsprisindex, for municipal care costs) is shipped as yearly changes and
chained. A year the index lacks is an error that names the year and the range
available, never a guess.

Examples
--------
>>> round(rebase(1000.0, 2012, 2023), 2)  # 1000 kr in 2012 prices, in 2023 prices
1284.85
>>> kpi().factor(2012, 2023) == 403.70 / 314.20
True
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from sociokalkyl.errors import InputError, PriceYearError

__all__ = ["PriceIndex", "kpi", "opi", "price_index", "read_index_csv", "rebase"]


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
                "or a price index that covers it (PriceIndex.from_levels)",
            )

    def factor(self, from_year: int, to_year: int) -> float:
        """The factor that restates an amount of ``from_year`` in prices of ``to_year``.

        .. math:: f = I_{to} / I_{from}

        Examples
        --------
        >>> round(kpi().factor(2022, 2023), 6)
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
                f"{self._chain_text()}), another index, or your own series that fills the "
                f"gap (Settings.price_indices, in a scenario file [settings.price_indices."
                f"{self.name}] with source and changes_percent or levels)",
            )
        return self.levels[to_year] / self.levels[from_year]

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
        >>> round(kpi().rebase(1000.0, 2022, 2023), 2)
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


def _read_data(filename: str) -> tuple[str, list[dict[str, str]]]:
    text = (resources.files("sociokalkyl") / "data" / filename).read_text(encoding="utf-8")
    comment, _, body = text.partition("\n")
    return comment.lstrip("# ").strip(), list(csv.DictReader(io.StringIO(body)))


@cache
def kpi() -> PriceIndex:
    """SCB's KPI, annual averages, 1980 = 100 (the default index for rebasing).

    Returns
    -------
    PriceIndex
        The shipped series ``"KPI"`` [index points, 1980 = 100], read once and cached.

    Examples
    --------
    >>> kpi().years[0], kpi().years[-1], kpi().levels[2023]
    (2006, 2023, 403.7)
    """
    source, rows = _read_data("kpi-1980-100.csv")
    return PriceIndex.from_levels("KPI", {int(r["year"]): float(r["kpi"]) for r in rows}, source)


@cache
def opi() -> PriceIndex:
    """SKR's omsorgsprisindex (OPI), chained from yearly changes; 2022 is missing.

    Returns
    -------
    PriceIndex
        The shipped series ``"OPI"``, in two chains (to 2021 and from 2022); years in
        different chains cannot be compared. Read once and cached.

    Examples
    --------
    >>> round(opi().factor(2015, 2021), 4)  # 1.026*1.027*1.026*1.027*1.030*1.015
    1.1608
    """
    source, rows = _read_data("omsorgsprisindex-change.csv")
    changes = {int(r["year"]): float(r["opi_change_percent"]) for r in rows}
    return PriceIndex.from_changes("OPI", changes, source)


def price_index(name_or_index: str | PriceIndex) -> PriceIndex:
    """Look up a shipped index by name; an index passes through.

    Parameters
    ----------
    name_or_index
        ``"KPI"`` or ``"OPI"`` (any case), or a :class:`PriceIndex`.

    Returns
    -------
    PriceIndex
        The index.

    Raises
    ------
    InputError
        For a name that is not shipped.

    Examples
    --------
    >>> price_index("opi").name, price_index(kpi()) is kpi()
    ('OPI', True)
    """
    if isinstance(name_or_index, PriceIndex):
        return name_or_index
    shipped = {"KPI": kpi, "OPI": opi}
    try:
        return shipped[name_or_index.upper()]()
    except KeyError:
        raise InputError(
            "is not a shipped price index",
            field="price_index",
            value=name_or_index,
            expected='"KPI" or "OPI", or a PriceIndex object',
        ) from None


def rebase(amount: float, from_year: int, to_year: int, index: str | PriceIndex = "KPI") -> float:
    """Restate ``amount`` [SEK, prices of from_year] in prices of ``to_year`` [SEK].

    Parameters
    ----------
    amount
        The amount [SEK, prices of ``from_year``].
    from_year, to_year
        The price years; both must be in the index (and in one chain of it).
    index
        The index: ``"KPI"`` (default), ``"OPI"`` or a :class:`PriceIndex`.

    Returns
    -------
    float
        The amount in prices of ``to_year`` [SEK].

    Raises
    ------
    PriceYearError
        For a year the index lacks, or two years on either side of a gap.

    Notes
    -----
    .. math:: A_{to} = A_{from} \\cdot I_{to} / I_{from}

    Examples
    --------
    >>> rebase(7149.0, 2012, 2012)
    7149.0
    >>> round(rebase(1000.0, 2015, 2021, "OPI"), 1)
    1160.8
    """
    return price_index(index).rebase(amount, from_year, to_year)


def read_index_csv(path: str | Path, name: str, source: str) -> PriceIndex:
    """Read a user series from a CSV with columns ``year`` and ``level``.

    Lines starting with ``#`` are comments.

    Parameters
    ----------
    path
        The CSV file.
    name
        The index's name, e.g. ``"Örebro OPI"``.
    source
        Where the series comes from.

    Returns
    -------
    PriceIndex
        The series [index points].

    Raises
    ------
    InputError
        When the file lacks the columns or a cell is not a number.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "index.csv"
    ...     _ = path.write_text("# egen serie\\nyear,level\\n2022,100\\n2023,104.5\\n")
    ...     read_index_csv(path, "egen", "kommunens").factor(2022, 2023)
    1.045
    """
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    try:
        return PriceIndex.from_levels(
            name, {int(r["year"]): float(r["level"]) for r in rows}, source
        )
    except (KeyError, ValueError) as exc:
        raise InputError(
            f"cannot be read as a price index ({exc})",
            field=str(path),
            expected="a CSV with columns year,level, e.g. 2023,403.7",
        ) from None
