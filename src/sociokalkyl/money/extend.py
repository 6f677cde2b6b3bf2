"""One price index from several origins: shipped years, the user's years, SCB's cache.

Each origin gives some years, as levels or as yearly changes (:class:`SeriesPart`). The
parts are listed in order of precedence: for each year the first part that gives it
wins. The series is then built year by year:

.. math:: I_y = L_y \\ \\text{(a level)}, \\qquad I_y = I_{y-1} (1 + c_y / 100)
    \\ \\text{(a change)}

A change whose year before has no level starts a new chain at 100 (years in different
chains cannot be compared); levels share the base of the shipped series. A level that
joins a year of another origin must fit it: a ratio outside 0.7-1.4 between neighbouring
years is taken for a series on another base and refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sociokalkyl.errors import InputError
from sociokalkyl.language.bilingual import origin_words, price_words
from sociokalkyl.money.index import PriceIndex, YearOrigin

__all__ = ["SeriesPart", "combine"]

_JOIN_RATIO = (0.7, 1.4)
"""The ratio two neighbouring years of different origins may have [1]."""


@dataclass(frozen=True)
class SeriesPart:
    """The years one origin gives: levels [index points] or yearly changes [percent].

    Parameters
    ----------
    origin
        Who gives these years (:class:`~sociokalkyl.money.index.YearOrigin`).
    levels
        Index levels by year [index points], on the base of the series.
    changes_percent
        Yearly changes by year [percent], the change from the year before.

    Examples
    --------
    >>> part = SeriesPart(YearOrigin("user", "SCB"), changes_percent={2024: 2.8})
    >>> part.years
    [2024]
    """

    origin: YearOrigin
    levels: Mapping[int, float] = field(default_factory=dict)
    changes_percent: Mapping[int, float] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """The years this part gives, sorted."""
        return sorted({*self.levels, *self.changes_percent})


def _choose(parts: Sequence[SeriesPart]) -> dict[int, tuple[bool, float, YearOrigin]]:
    """For each year: (is a level, the number, its origin), the first part winning."""
    chosen: dict[int, tuple[bool, float, YearOrigin]] = {}
    for part in parts:
        for year, level in part.levels.items():
            chosen.setdefault(int(year), (True, float(level), part.origin))
        for year, change in part.changes_percent.items():
            chosen.setdefault(int(year), (False, float(change), part.origin))
    return chosen


def _check_change(name: str, year: int, change: float) -> None:
    if not change > -100 or change == float("inf"):
        raise InputError(
            "is not a valid yearly change",
            field=f"{name}[{year}]",
            value=change,
            expected="a percentage above -100, e.g. 2.6",
        )


def combine(name: str, parts: Sequence[SeriesPart], source: str) -> PriceIndex:
    """Build one index from parts in order of precedence (the first giving a year wins).

    Parameters
    ----------
    name
        The index's name, e.g. ``"KPI"``.
    parts
        The origins' years, the one that wins first.
    source
        The source text of the whole series.

    Returns
    -------
    PriceIndex
        The series, with the origin of every year (``origins``).

    Raises
    ------
    InputError
        For a change of -100 % or less, or a level that does not fit its neighbour of
        another origin (another base).

    Examples
    --------
    >>> shipped = SeriesPart(YearOrigin("shipped", "SCB"), levels={2022: 371.91, 2023: 403.7})
    >>> mine = SeriesPart(YearOrigin("user", "egen"), changes_percent={2023: 9.9, 2024: 2.0})
    >>> index = combine("KPI", [shipped, mine], "SCB")
    >>> index.levels[2023], round(index.levels[2024], 3)  # 403.7 * 1.02
    (403.7, 411.774)
    >>> index.origin(2024).kind
    'user'
    """
    levels: dict[int, float] = {}
    chains: dict[int, int] = {}
    origins: dict[int, YearOrigin] = {}
    next_chain = 1  # chain 0 is the base that levels share
    chosen = _choose(parts)
    for year, (is_level, number, origin) in sorted(chosen.items()):
        if is_level:
            levels[year], chains[year] = number, 0
        else:
            _check_change(name, year, number)
            if year - 1 not in levels:
                levels[year - 1], chains[year - 1] = 100.0, next_chain
                origins[year - 1] = origin
                next_chain += 1
            levels[year] = levels[year - 1] * (1 + number / 100)
            chains[year] = chains[year - 1]
        origins[year] = origin
    index = PriceIndex(name, levels, source, chains, origins)
    _check_joins(index, {year for year, (is_level, _, _) in chosen.items() if is_level})
    return index


def _check_joins(index: PriceIndex, level_years: set[int]) -> None:
    """Refuse a level next to a year of another origin with a ratio outside 0.7-1.4."""
    for after in sorted(level_years):
        before = after - 1
        if before not in index.levels or index.chains.get(before) != index.chains.get(after):
            continue
        first, second = index.origin(before), index.origin(after)
        if first == second:
            continue
        ratio = index.levels[after] / index.levels[before]
        if _JOIN_RATIO[0] <= ratio <= _JOIN_RATIO[1]:
            continue
        raise InputError(
            price_words(
                "join_jump",
                index=index.name,
                year=after,
                level=index.levels[after],
                origin=origin_words(second.kind, second.source, second.retrieved),
                other=before,
                other_level=index.levels[before],
                other_origin=origin_words(first.kind, first.source, first.retrieved),
                ratio=ratio,
            ),
            field=f"settings.price_indices.{index.name}",
            value=index.levels[after],
            expected=price_words("join_fix"),
        )
