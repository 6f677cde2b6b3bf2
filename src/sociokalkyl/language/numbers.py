"""Numbers for people: Swedish (and English) numbers, amounts, years, shares and units.

Swedish is the default: spaces between groups of three digits, a decimal comma, ``kr``
after amounts. ``lang="en"`` gives English numbers (``1,234,567 SEK``).
"""

from __future__ import annotations

import math
from typing import Any, Literal

from sociokalkyl.language.labels import Lang, label, unit_word

__all__ = [
    "Kind",
    "format_amount",
    "format_cell",
    "format_discounting",
    "format_number",
    "format_percent",
    "format_quantity",
    "format_ratio",
    "format_sek",
    "format_unit",
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


def format_amount(value: float, lang: Lang = "sv") -> str:
    """An amount for lists: whole numbers from 100 up, two decimals below.

    Parameters
    ----------
    value
        The amount [SEK, or SEK per unit].
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The number alone (the caller adds its unit); the minus sign is ``-``, as
        everywhere in sociokalkyl's reports.

    Examples
    --------
    >>> format_amount(11_600_000_000), format_amount(1_234_567.5, "en"), format_amount(-12.5)
    ('11 600 000 000', '1,234,568', '-12,50')
    """
    return format_number(value, 0 if abs(value) >= 100 else 2, lang)


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


def format_unit(unit: str, lang: Lang = "sv") -> str:
    """A unit key for people: ``"SEK/month"`` -> ``"kr/mån"`` (sv), ``"SEK/month"`` (en).

    A unit key is the compact unit text of :func:`sociokalkyl.units.unit_key`
    (``"SEK/day"``, ``"month/year"``, ``"1/year"``) or one of the engine's own keys
    (``"share"``, ``"participants"``, ``"×"``); the words come from
    :data:`~sociokalkyl.language.labels.UNIT_WORDS`. Spaces around ``/`` are ignored.

    Parameters
    ----------
    unit
        The unit key.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The unit in words; ``""`` for a plain number (``"dimensionless"``, ``""``).

    Examples
    --------
    >>> format_unit("SEK/month"), format_unit("month/year", "en"), format_unit("hour/week")
    ('kr/mån', 'month/year', 'tim/vecka')
    >>> format_unit("share"), format_unit("dimensionless", "en"), format_unit("1/year")
    ('andel', '', '1/år')
    """
    text = str(unit).strip()
    if text in ("", "dimensionless"):
        return ""
    parts = [part.strip() for part in text.split("/")]
    return "/".join(
        " ".join(unit_word(word, lang) for word in part.split("*" if "*" in part else " "))
        for part in parts
    )


format_unit_text = format_unit
"""The former name of :func:`format_unit` (it takes a unit key, never a pint unit)."""


def format_quantity(value: float, unit: str, lang: Lang = "sv") -> str:
    """A number and its unit key for people: ``"4 500 kr/dygn"`` (sv), ``"4,500 SEK/day"`` (en).

    Whole numbers show no decimals; others at most two, without trailing zeros. Callers
    that hold a pint quantity pass ``float(q.magnitude)`` and
    :func:`sociokalkyl.units.unit_key` ``(q)``: this module knows no pint.

    Parameters
    ----------
    value
        The magnitude [in ``unit``].
    unit
        The unit key (``"SEK/day"``, ``"month/year"``, ``"share"``, ...).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The quantity in words; the bare number when ``unit`` is dimensionless.

    Examples
    --------
    >>> format_quantity(4500, "SEK/day"), format_quantity(4500, "SEK/day", "en")
    ('4 500 kr/dygn', '4,500 SEK/day')
    >>> format_quantity(9185.395607, "SEK/month"), format_quantity(-4.9, "month/year", "en")
    ('9 185,4 kr/mån', '-4.9 month/year')
    """
    magnitude = float(value)
    decimals = 0 if magnitude.is_integer() else 2
    number = format_number(magnitude, decimals, lang)
    if decimals and ("," in number or "." in number):
        number = number.rstrip("0").rstrip(",.")
    unit_text = format_unit(unit, lang)
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
