"""The shipped price indices (KPI, OPI), and rebasing with them.

KPI (SCB's consumer price index, annual averages, 1980 = 100) is the default; OPI
(SKR's omsorgsprisindex, for municipal care costs) is shipped as yearly changes and
chained. :func:`price_index` extends a shipped KPI with years fetched from SCB into the
user's cache (``sociokalkyl priser uppdatera``); shipped years always win there.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

from sociokalkyl.errors import InputError
from sociokalkyl.money.extend import SeriesPart
from sociokalkyl.money.index import PriceIndex, YearOrigin

__all__ = ["SHIPPED", "kpi", "opi", "read_index_csv", "shipped_index", "shipped_part"]


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
    levels = {int(r["year"]): float(r["kpi"]) for r in rows}
    origins = dict.fromkeys(levels, YearOrigin("shipped", source))
    return PriceIndex("KPI", levels, source, origins=origins)


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
    index = PriceIndex.from_changes("OPI", changes, source)
    origins = dict.fromkeys(index.levels, YearOrigin("shipped", source))
    return PriceIndex("OPI", index.levels, source, index.chains, origins)


def shipped_index(name_or_index: str | PriceIndex) -> PriceIndex:
    """A shipped index by name, as shipped (without cached years); an index passes through.

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
    >>> shipped_index("opi").name, shipped_index(kpi()) is kpi()
    ('OPI', True)
    """
    if isinstance(name_or_index, PriceIndex):
        return name_or_index
    try:
        return SHIPPED[name_or_index.upper()]()
    except KeyError:
        raise InputError(
            "is not a shipped price index",
            field="price_index",
            value=name_or_index,
            expected='"KPI" or "OPI", or a PriceIndex object',
        ) from None


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


SHIPPED: dict[str, Callable[[], PriceIndex]] = {"KPI": kpi, "OPI": opi}
"""The shipped indices by name (upper case), each a function that reads it once."""


@cache
def shipped_part(name: str) -> SeriesPart:
    """The years of a shipped index as shipped: KPI's levels, OPI's yearly changes.

    Parameters
    ----------
    name
        ``"KPI"`` or ``"OPI"`` (upper case).

    Returns
    -------
    SeriesPart
        The shipped years with their origin (``"shipped"`` and the file's source).

    Examples
    --------
    >>> shipped_part("OPI").changes_percent[2023], shipped_part("KPI").levels[2006]
    (4.6, 284.22)
    """
    if name == "OPI":
        source, rows = _read_data("omsorgsprisindex-change.csv")
        changes = {int(r["year"]): float(r["opi_change_percent"]) for r in rows}
        return SeriesPart(YearOrigin("shipped", source), changes_percent=changes)
    index = SHIPPED[name]()
    return SeriesPart(YearOrigin("shipped", index.source), levels=dict(index.levels))
