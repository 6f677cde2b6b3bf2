"""Finding an index by name: the shipped series, extended by the user's years and SCB's.

:func:`resolve_index` is the one place that decides which years win:

* ``"extend"`` (default): the shipped years, then the user's years, then SCB's years in
  the cache (``sociokalkyl priser uppdatera``; KPI only). A year given twice is taken
  from the first of these, so the shipped years win and results stay the same.
* ``"override"``: the user's years first, then the shipped years, then the cache.
* ``"replace"``: the user's series alone (neither shipped years nor the cache).

Examples
--------
>>> mine = SeriesPart(YearOrigin("user", "egen"), changes_percent={2024: 2.8, 2025: 0.8})
>>> index = resolve_index("KPI", mine, use_cache=False)
>>> round(index.factor(2023, 2025), 6)  # 1.028 * 1.008
1.036224
"""

from __future__ import annotations

from typing import Literal

from sociokalkyl.errors import InputError
from sociokalkyl.language.prices import price_text
from sociokalkyl.money.cache import read_cached_kpi
from sociokalkyl.money.extend import SeriesPart, combine
from sociokalkyl.money.index import PriceIndex, YearOrigin
from sociokalkyl.money.shipped import SHIPPED, shipped_index, shipped_part

__all__ = ["Mode", "cache_part", "price_index", "rebase", "resolve_index"]

Mode = Literal["extend", "override", "replace"]
"""How a user's years meet a shipped series (see :func:`resolve_index`)."""


def cache_part() -> SeriesPart | None:
    """SCB's KPI years in the user's cache as a part, or None when nothing was fetched.

    Returns
    -------
    SeriesPart or None
        The cached levels [index points, 1980 = 100] with origin ``"scb_cache"``.

    Examples
    --------
    >>> part = cache_part()
    >>> part is None or part.origin.kind == "scb_cache"
    True
    """
    cached = read_cached_kpi()
    if cached is None:
        return None
    origin = YearOrigin("scb_cache", cached.source, cached.retrieved)
    return SeriesPart(origin, levels=cached.levels)


def _as_changes(part: SeriesPart) -> SeriesPart:
    """Levels turned into changes between neighbouring years (for a series of changes)."""
    if not part.levels:
        return part
    years = sorted(part.levels)
    changes = {
        y: (part.levels[y] / part.levels[y - 1] - 1) * 100 for y in years if y - 1 in part.levels
    }
    return SeriesPart(part.origin, changes_percent={**changes, **part.changes_percent})


def _shipped_change(base: SeriesPart, year: int) -> float | None:
    if year in base.changes_percent:
        return base.changes_percent[year]
    if year in base.levels and year - 1 in base.levels:
        return (base.levels[year] / base.levels[year - 1] - 1) * 100
    return None


def _check_agrees(name: str, base: SeriesPart, user: SeriesPart) -> None:
    """Refuse a user's year that the shipped series has with another value.

    The shipped value would win, so the user's number would be silently dropped; a
    level within 0.005 points or a change within 0.05 percentage points (the published
    roundings) agrees.
    """
    for year, level in user.levels.items():
        shipped = base.levels.get(year)
        if shipped is not None and abs(level - shipped) > 0.005:
            _disagree(name, f"levels[{year}]", level, shipped, base)
    for year, change in user.changes_percent.items():
        shipped = _shipped_change(base, year)
        if shipped is not None and abs(change - shipped) > 0.05:
            _disagree(name, f"changes_percent[{year}]", change, shipped, base)


def _disagree(name: str, field: str, value: float, shipped: float, base: SeriesPart) -> None:
    raise InputError(
        price_text("shipped_differs", "en", shipped=round(shipped, 4), source=base.origin.source),
        field=f"settings.price_indices.{name}.{field}",
        value=value,
        expected=price_text("shipped_differs_fix", "en"),
    )


def resolve_index(
    name: str, user: SeriesPart | None = None, *, mode: Mode = "extend", use_cache: bool = True
) -> PriceIndex:
    """The index called ``name``: shipped, extended by the user's and SCB's cached years.

    Parameters
    ----------
    name
        ``"KPI"``, ``"OPI"`` (any case) or the name of the user's own series.
    user
        The user's years, or None.
    mode
        ``"extend"`` (shipped years win), ``"override"`` (the user's years win) or
        ``"replace"`` (the user's series alone).
    use_cache
        Whether SCB's KPI years in the cache extend KPI (default True).

    Returns
    -------
    PriceIndex
        The series, with each year's origin; the shipped object itself when nothing
        is added.

    Raises
    ------
    InputError
        For a name that is neither shipped nor given, or years that do not fit.

    Examples
    --------
    >>> resolve_index("opi", use_cache=False) is resolve_index("OPI")
    True
    """
    key = name.upper()
    if key not in SHIPPED or mode == "replace":
        if user is None:
            return shipped_index(name)
        return combine(name, [user], user.origin.source)
    base = shipped_part(key)
    parts = [base]
    if user is not None:
        mine = _as_changes(user) if base.changes_percent else user
        if mode == "extend":
            _check_agrees(key, base, mine)
        parts.insert(0 if mode == "override" else 1, mine)
    cached = cache_part() if use_cache and key == "KPI" else None
    if cached is not None and (user is not None or set(cached.levels) - set(base.levels)):
        parts.append(cached)
    if len(parts) == 1:
        return SHIPPED[key]()
    return combine(key, parts, SHIPPED[key]().source)


def price_index(name_or_index: str | PriceIndex) -> PriceIndex:
    """A shipped index by name, extended by SCB's years in the cache; an index passes through.

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
    >>> price_index("opi").name, price_index(price_index("KPI")).name
    ('OPI', 'KPI')
    """
    if isinstance(name_or_index, PriceIndex):
        return name_or_index
    return resolve_index(name_or_index)


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
