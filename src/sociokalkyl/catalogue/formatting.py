"""Numbers, units and rebasing problems in words, in Swedish or English.

Swedish numbers group thousands with a plain space and use a decimal comma
(``1 234 567``, ``472,99``); English ones a comma and a decimal point (``1,234,567``).
Amounts of 100 or more are shown in whole kronor; smaller ones with two decimals.

Examples
--------
>>> format_number(1234567.4), format_number(1234567.4, "en"), format_number(12.345)
('1 234 567', '1,234,567', '12,35')
"""

from __future__ import annotations

from sociokalkyl import money
from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem
from sociokalkyl.units import ureg

__all__ = ["LANGS", "check_lang", "format_number", "rebase_problem", "unit_label"]

LANGS = ("sv", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is ``"sv"`` or ``"en"``; otherwise an :class:`InputError`."""
    if lang not in LANGS:
        raise InputError(
            "is not a supported language", field="lang", value=lang, expected='"sv" or "en"'
        )
    return lang


def format_number(value: float, lang: str = "sv") -> str:
    """A number for people: thousands grouped, whole kronor from 100 up."""
    check_lang(lang)
    decimals = 0 if abs(value) >= 100 else 2
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",").replace("-", "−")
    return text


_TIME_UNITS = (
    ("year", "kr/år", "SEK/year"),
    ("month", "kr/mån", "SEK/month"),
    ("week", "kr/vecka", "SEK/week"),
    ("day", "kr/dygn", "SEK/day"),
    ("hour", "kr/tim", "SEK/hour"),
)


def unit_label(item: CostItem, lang: str = "sv") -> tuple[float, str]:
    """The unit cost as a number in SEK and a short unit label (``"kr/dygn"``).

    Examples
    --------
    >>> unit_label(CostItem(key="x", name="x", unit_cost="4,5 tkr/dygn", price_year=2020))
    (4500.0, 'kr/dygn')
    """
    check_lang(lang)
    quantity = item.unit_cost
    if item.per_event:
        return float(quantity.to("SEK").magnitude), "kr" if lang == "sv" else "SEK"
    for unit, sv, en in _TIME_UNITS:
        if quantity.units == ureg.parse_units(f"SEK/{unit}") or str(quantity.units).endswith(unit):
            return float(quantity.to(f"SEK/{unit}").magnitude), sv if lang == "sv" else en
    return float(quantity.to("SEK/year").magnitude), "kr/år" if lang == "sv" else "SEK/year"


def rebase_problem(item: CostItem, price_year: int, lang: str = "sv") -> str | None:
    """Why ``item`` cannot be restated in ``price_year`` (in words), or None if it can."""
    check_lang(lang)
    index = money.price_index(item.price_index)
    chains: dict[int, list[int]] = {}
    for year in index.years:
        chains.setdefault(index.chains.get(year, 0), []).append(year)
    covers = " och ".join(f"{ys[0]}-{ys[-1]}" for ys in chains.values())
    covers_en = " and ".join(f"{ys[0]}-{ys[-1]}" for ys in chains.values())
    for year in (item.price_year, price_year):
        if year not in index.levels:
            if lang == "sv":
                return f"kan inte räknas om: {index.name} saknar år {year} (täcker {covers})"
            return f"cannot be restated: {index.name} lacks the year {year} (covers {covers_en})"
    if index.chains.get(item.price_year, 0) != index.chains.get(price_year, 0):
        if lang == "sv":
            return (
                f"kan inte räknas om från {item.price_year} till {price_year}: {index.name} "
                f"har ett glapp mellan dem (täcker {covers})"
            )
        return (
            f"cannot be restated from {item.price_year} to {price_year}: {index.name} "
            f"has a gap between them (covers {covers_en})"
        )
    return None
