"""Numbers for people: Swedish (and English) numbers, amounts, years, shares and units.

Swedish is the default: spaces between groups of three digits, a decimal comma, ``kr``
after amounts. ``lang="en"`` gives English numbers (``1,234,567 SEK``).
"""

from __future__ import annotations

import math
from typing import Any, Literal

from sociokalkyl.language.labels import Lang, label

__all__ = [
    "Kind",
    "format_cell",
    "format_number",
    "format_percent",
    "format_quantity_text",
    "format_ratio",
    "format_sek",
    "format_unit_text",
    "format_years",
]

Kind = Literal["text", "sek", "years", "ratio", "share", "number", "int", "factor", "auto"]


def format_number(value: float, decimals: int = 0, lang: Lang = "sv") -> str:
    """A number with grouped thousands: ``"1 234 567,5"`` (sv) or ``"1,234,567.5"`` (en).

    >>> format_number(1234567.456, 2)
    '1 234 567,46'
    >>> format_number(-0.4)
    '0'
    """
    if value is None or not math.isfinite(value):
        return "–" if value is None or math.isnan(value) else ("∞" if value > 0 else "-∞")
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",")
    return text


def format_sek(value: float, lang: Lang = "sv") -> str:
    """An amount in whole kronor: ``"1 234 567 kr"`` (sv) or ``"1,234,567 SEK"`` (en)."""
    if value is None or not math.isfinite(value):
        return format_number(value)
    return format_number(value, 0, lang) + (" kr" if lang == "sv" else " SEK")


def format_years(value: float | None, lang: Lang = "sv") -> str:
    """A payback period: ``"3,3 år"``; NaN or None is ``"inte inom horisonten"``."""
    if value is None or not math.isfinite(value):
        return label("not_within", lang)
    return f"{format_number(value, 1, lang)} {label('year_unit', lang)}"


def format_ratio(value: float | None, lang: Lang = "sv") -> str:
    """A ratio with two decimals (``"0,45"``); NaN is ``"finns inte"``."""
    if value is None or not math.isfinite(value):
        return label("none", lang)
    return format_number(value, 2, lang)


def format_percent(value: float | None, lang: Lang = "sv", decimals: int = 1) -> str:
    """A share as a percentage: ``"3,5 %"`` (sv) or ``"3.5%"`` (en)."""
    if value is None or not math.isfinite(value):
        return label("none", lang)
    number = format_number(100 * value, decimals, lang)
    return f"{number} %" if lang == "sv" else f"{number}%"


_UNITS_SV = {
    "SEK": "kr",
    "month": "mån",
    "year": "år",
    "day": "dygn",
    "hour": "tim",
    "week": "vecka",
    "percent": "%",
}


def format_unit_text(units: Any, lang: Lang = "sv") -> str:
    """A pint unit for people: ``"SEK / month"`` -> ``"kr/mån"`` (sv), ``"SEK/month"`` (en).

    >>> format_unit_text("SEK / month"), format_unit_text("month / year", "en")
    ('kr/mån', 'month/year')
    >>> format_unit_text("share"), format_unit_text("dimensionless", "en")
    ('andel', '')
    """
    text = str(units)
    if text == "dimensionless":
        return ""
    if text == "share":
        return "andel" if lang == "sv" else "share"
    parts = [part.strip() for part in text.split("/")]
    if lang == "sv":
        parts = [" ".join(_UNITS_SV.get(w, w) for w in part.split()) for part in parts]
    return "/".join(parts)


def format_quantity_text(quantity: Any, lang: Lang = "sv") -> str:
    """A quantity for people: ``"7 149 kr/mån"`` (sv) or ``"7,149 SEK/month"`` (en).

    >>> from sociokalkyl.units import parse_quantity
    >>> format_quantity_text(parse_quantity("9185,42 kr/mån"))
    '9 185,42 kr/mån'
    >>> format_quantity_text("-4.9 month / year", lang="en")
    '-4.9 month/year'
    """
    from sociokalkyl.units import parse_quantity

    if isinstance(quantity, str):
        quantity = parse_quantity(quantity)
    magnitude = float(quantity.magnitude)
    decimals = 0 if magnitude.is_integer() else 2
    number = format_number(magnitude, decimals, lang)
    if decimals and ("," in number or "." in number):
        number = number.rstrip("0").rstrip(",.")
    unit_text = format_unit_text(quantity.units, lang)
    return f"{number} {unit_text}" if unit_text else number


def _auto(name: str, value: Any, lang: Lang) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    lowered = name.lower()
    if "prob" in lowered or "share" in lowered:
        return format_percent(value, lang)
    if "payback" in lowered:
        return format_years(value, lang)
    if "ratio" in lowered or "bcr" in lowered:
        return format_ratio(value, lang)
    if isinstance(value, int):
        return str(value)
    if abs(value) >= 1000:
        return (
            format_sek(value, lang)
            if "npv" in lowered or "pv" in lowered
            else format_number(value, 0, lang)
        )
    return format_number(value, 3, lang)


def format_cell(value: Any, kind: Kind, lang: Lang = "sv", name: str = "") -> str:
    """One cell as text for people."""
    if kind == "text":
        return "" if value is None else str(value)
    if kind == "sek":
        return format_sek(value, lang)
    if kind == "years":
        return format_years(value, lang)
    if kind == "ratio":
        return format_ratio(value, lang)
    if kind == "share":
        return format_percent(value, lang)
    if kind == "int":
        return str(int(value))
    if kind == "factor":
        return format_number(value, 4, lang)
    if kind == "number":
        return format_number(value, 2, lang)
    return _auto(name, value, lang)


def format_discounting(
    rate: float | None, preset: str | None = None, source: str | None = None, lang: Lang = "sv"
) -> str:
    """How a calculation discounts, in words: a constant real ``rate`` or a named schedule.

    >>> format_discounting(0.035), format_discounting(0.035, lang="en")
    ('3,5 % real ränta, konstant', '3.50% real, constant')
    >>> format_discounting(None, "green_book", "HM Treasury")
    'green_book: HM Treasury'
    """
    if rate is None:
        return f"{preset}: {source}"
    if lang == "sv":
        return f"{format_percent(rate, lang)} real ränta, konstant"
    return f"{rate:.2%} real, constant"
