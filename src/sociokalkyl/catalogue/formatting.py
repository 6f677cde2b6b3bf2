"""A catalogue item's amount and unit, and rebasing problems, in Swedish or English.

Numbers are written by :mod:`sociokalkyl.language.numbers` (the one number formatter:
``1 234 567`` in Swedish, ``1,234,567`` in English, ``-`` as the minus sign) and words
come from :mod:`sociokalkyl.language.labels`.

Examples
--------
>>> unit_label(CostItem(key="x", name="x", unit_cost="4,5 tkr/dygn", price_year=2020), "en")
(4500.0, 'SEK/day')
"""

from __future__ import annotations

from sociokalkyl.errors import InputError
from sociokalkyl.language.catalogue import catalogue_label
from sociokalkyl.language.labels import as_lang
from sociokalkyl.language.numbers import format_unit
from sociokalkyl.model import CostItem
from sociokalkyl.money import price_index
from sociokalkyl.units import ureg

__all__ = ["LANGS", "check_lang", "rebase_problem", "unit_label"]

LANGS = ("sv", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is ``"sv"`` or ``"en"``; otherwise an :class:`InputError`.

    Parameters
    ----------
    lang
        The language asked for.

    Returns
    -------
    str
        ``lang``.

    Raises
    ------
    InputError
        For any other language.

    Examples
    --------
    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise InputError(
            "is not a supported language", field="lang", value=lang, expected='"sv" or "en"'
        )
    return lang


_TIME_UNITS = ("year", "month", "week", "day", "hour")


def unit_label(item: CostItem, lang: str = "sv") -> tuple[float, str]:
    """The unit cost as a number in SEK and a short unit label (``"kr/dygn"``).

    Parameters
    ----------
    item
        A cost item; its amount in kronor per its own time unit (or per event).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    tuple[float, str]
        The amount [SEK per unit] and the unit in words (``"kr/dygn"``, ``"SEK/day"``).

    Examples
    --------
    >>> unit_label(CostItem(key="x", name="x", unit_cost="4,5 tkr/dygn", price_year=2020))
    (4500.0, 'kr/dygn')
    """
    check_lang(lang)
    quantity = item.unit_cost
    if item.per_event:
        return float(quantity.to("SEK").magnitude), format_unit("SEK", as_lang(lang))
    for unit in _TIME_UNITS:
        if quantity.units == ureg.parse_units(f"SEK/{unit}") or str(quantity.units).endswith(unit):
            return float(quantity.to(f"SEK/{unit}").magnitude), format_unit(
                f"SEK/{unit}", as_lang(lang)
            )
    return float(quantity.to("SEK/year").magnitude), format_unit("SEK/year", as_lang(lang))


def rebase_problem(item: CostItem, price_year: int, lang: str = "sv") -> str | None:
    """Why ``item`` cannot be restated in ``price_year`` (in words), or None if it can.

    Parameters
    ----------
    item
        A cost item with its price year and price index.
    price_year
        The price year to restate it in.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str | None
        The index lacks a year, or has a gap between the years (with the years it
        covers); None when the item can be restated.

    Examples
    --------
    >>> item = CostItem(key="x", name="x", unit_cost="1 kr", price_year=2020)
    >>> rebase_problem(item, 2021) is None
    True
    """
    check_lang(lang)
    index = price_index(item.price_index)
    chains: dict[int, list[int]] = {}
    for year in index.years:
        chains.setdefault(index.chains.get(year, 0), []).append(year)
    covers = f" {catalogue_label('and', lang)} ".join(f"{ys[0]}-{ys[-1]}" for ys in chains.values())
    for year in (item.price_year, price_year):
        if year not in index.levels:
            return catalogue_label("rebase_lacks", lang, index=index.name, year=year, covers=covers)
    if index.chains.get(item.price_year, 0) != index.chains.get(price_year, 0):
        return catalogue_label(
            "rebase_gap", lang, index=index.name, start=item.price_year, end=price_year,
            covers=covers,
        )  # fmt: skip
    return None
