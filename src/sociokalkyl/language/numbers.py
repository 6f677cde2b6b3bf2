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

    The one number formatter of sociokalkyl: every amount, share and unit goes through it,
    so every report has the same minus sign (``-``) and grouping.

    Parameters
    ----------
    value
        The number; NaN and None read ``"–"``, infinities ``"∞"`` and ``"-∞"``.
    decimals
        Digits after the decimal sign. A value that rounds to zero shows no minus sign.
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.

    Returns
    -------
    str
        The number for people.

    Examples
    --------
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
    """An amount in whole kronor: ``"1 234 567 kr"`` (sv) or ``"1,234,567 SEK"`` (en).

    Parameters
    ----------
    value
        The amount [SEK].
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.

    Returns
    -------
    str
        The amount and its unit; ``"–"`` for NaN.

    Examples
    --------
    >>> format_sek(-1234567.4), format_sek(1234567.4, "en")
    ('-1 234 567 kr', '1,234,567 SEK')
    """
    if value is None or not math.isfinite(value):
        return format_number(value)
    return format_number(value, 0, lang) + (" kr" if lang == "sv" else " SEK")


def format_years(value: float | None, lang: Lang = "sv") -> str:
    """A payback period: ``"3,3 år"``; NaN or None is ``"inte inom horisonten"``.

    Parameters
    ----------
    value
        The period [years]; NaN or None when there is none within the horizon.
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.

    Returns
    -------
    str
        The period with one decimal and its unit, or the words for "none".

    Examples
    --------
    >>> format_years(3.333), format_years(float("nan")), format_years(3.333, "en")
    ('3,3 år', 'inte inom horisonten', '3.3 years')
    """
    if value is None or not math.isfinite(value):
        return label("not_within", lang)
    return f"{format_number(value, 1, lang)} {label('year_unit', lang)}"


def format_ratio(value: float | None, lang: Lang = "sv") -> str:
    """A ratio with two decimals (``"0,45"``); NaN is ``"finns inte"``.

    Parameters
    ----------
    value
        The ratio [1] (benefit-cost ratio, break-even multiple).
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.

    Returns
    -------
    str
        The ratio, or the word for "none".

    Examples
    --------
    >>> format_ratio(0.4512), format_ratio(float("nan"), "en")
    ('0,45', 'none')
    """
    if value is None or not math.isfinite(value):
        return label("none", lang)
    return format_number(value, 2, lang)


def format_percent(value: float | None, lang: Lang = "sv", decimals: int = 1) -> str:
    """A share as a percentage: ``"3,5 %"`` (sv) or ``"3.5%"`` (en).

    Parameters
    ----------
    value
        The share [1]: 0.035 is 3,5 %.
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.
    decimals
        Digits after the decimal sign of the percentage.

    Returns
    -------
    str
        ``100 * value`` and the percent sign; the word for "none" for NaN.

    Examples
    --------
    >>> format_percent(0.035), format_percent(0.035, "en", 2)
    ('3,5 %', '3.50%')
    """
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

    Whole numbers show no decimals; others at most two, without trailing zeros, except
    that a magnitude below 0,01 shows two significant digits (a rate of ``0,0046 1/år``
    is not ``0``). Callers
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
    >>> format_quantity(0.0046, "1/year")
    '0,0046 1/år'
    """
    magnitude = float(value)
    decimals = 0 if magnitude.is_integer() else 2
    if 0 < abs(magnitude) < 0.01 and math.isfinite(magnitude):
        decimals = 1 - math.floor(math.log10(abs(magnitude)))  # two significant digits
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
    """One cell of a report table as text for people, by its kind.

    Parameters
    ----------
    value
        The raw value (a number in SEK, years, a share or a ratio; or text).
    kind
        How to write it: ``"sek"``, ``"years"``, ``"ratio"``, ``"share"``, ``"int"``,
        ``"factor"``, ``"number"``, ``"text"``, or ``"auto"`` (by the cell's ``name``).
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.
    name
        The cell's field name, for ``"auto"`` (``"prob_npv_positive"`` is a share).

    Returns
    -------
    str
        The cell's text.

    Examples
    --------
    >>> format_cell(-5752490.3, "sek"), format_cell(0.25, "auto", "en", "prob_npv_positive")
    ('-5 752 490 kr', '25.0%')
    """
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

    Parameters
    ----------
    rate
        The constant real rate [1/year]; None for a schedule.
    preset, source
        The schedule's name and its citation (when ``rate`` is None).
    lang
        ``"sv"`` (space between thousands, decimal comma) or ``"en"``.

    Returns
    -------
    str
        ``"3,5 % real ränta, konstant"``, or ``"<preset>: <source>"``.

    Examples
    --------
    >>> format_discounting(0.035), format_discounting(0.035, lang="en")
    ('3,5 % real ränta, konstant', '3.50% real, constant')
    >>> format_discounting(None, "green_book", "HM Treasury")
    'green_book: HM Treasury'
    """
    if rate is None:
        return f"{preset}: {source}"
    decimals = 1 if lang == "sv" else 2
    return f"{format_percent(rate, lang, decimals)} {label('real_constant', lang)}"
