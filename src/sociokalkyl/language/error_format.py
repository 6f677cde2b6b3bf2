"""The helpers of the Swedish error wordings: numbers in Swedish, templates to patterns.

A table of :mod:`sociokalkyl.language.error_words` and its kin is a tuple of
(pattern, replacement). A replacement is Swedish text with ``\\1`` groups, or a
function of the match (:func:`numbers` writes the groups as Swedish numbers). Most
tables are written as (English, Swedish) pairs of format strings and turned into
patterns by :func:`templates`: the English text as the library writes it, each
``{name}`` a value filled in (kept as it is; a number in Swedish format unless its name
starts with ``y``, a year).

Examples
--------
>>> [(pattern, replace)] = templates((("has {p0} rows", "har {p0} rader"),))
>>> re.sub(pattern, replace, "has 12000 rows")
'har 12 000 rader'
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable

from sociokalkyl.language.numbers import format_number

__all__ = [
    "D",
    "N",
    "Replacement",
    "from_text",
    "numbers",
    "swedish",
    "swedish_number",
    "templates",
]


def swedish_number(text: str) -> str:
    """A whole number as the library wrote it (``5000000``, ``100,000,000``), in Swedish.

    Parameters
    ----------
    text
        Digits, perhaps grouped with commas.

    Returns
    -------
    str
        The number with a space between thousands.

    Examples
    --------
    >>> swedish_number("100,000,000"), swedish_number("64")
    ('100 000 000', '64')
    """
    return format_number(int(text.replace(",", "")))


N = r"(\d[\d,]*)"
"""A whole number of a message, perhaps grouped with commas (``100,000,000``)."""

Replacement = str | Callable[[re.Match[str]], str]
"""Swedish text with ``\\1`` groups, or a function of the match."""


D = r"([+-]?\d+(?:\.\d+)?)"
"""A number with a decimal point, as Python's ``:g`` or ``:.2%`` writes it."""


def swedish(group: str | None) -> str:
    """A group of a match: a number in Swedish format, any other text (``1/year``) as it is.

    Parameters
    ----------
    group
        The text of a group, or None for a group that did not match.

    Returns
    -------
    str

    Examples
    --------
    >>> swedish("5000000"), swedish("-0.5"), swedish("1/year"), swedish(None)
    ('5 000 000', '-0,5', '1/year', '')
    """
    if not group or not _WHOLE_OR_DECIMAL.fullmatch(group):
        return group or ""
    if "." in group:
        return group.replace(".", ",")
    return group[0] * (group[0] in "+-") + swedish_number(group.lstrip("+-"))


_WHOLE_OR_DECIMAL = re.compile(r"[+-]?(?:\d[\d,]*|\d+\.\d+)")
"""A group that is a number and nothing else: ``5000000``, ``100,000,000``, ``-0.5``."""


def numbers(template: str) -> Callable[[re.Match[str]], str]:
    """A replacement that fills ``template`` with the match's groups as Swedish numbers.

    Parameters
    ----------
    template
        Swedish text with ``{0}``, ``{1}``, ... for the groups.

    Returns
    -------
    callable
        A function of the match, for :func:`re.sub`.

    Examples
    --------
    >>> re.sub(r"has (\\d+) rows", numbers("har {0} rader"), "has 12000 rows")
    'har 12 000 rader'
    """

    def replace(match: re.Match[str]) -> str:
        return template.format(*(swedish(g) for g in match.groups()))

    return replace


def from_text(english: str, swedish: str) -> tuple[str, Replacement]:
    """A (pattern, replacement) that turns a filled English format string into Swedish.

    Unlike :func:`templates`, the values are kept exactly as they are (no number format).

    Parameters
    ----------
    english, swedish
        The English format string and its Swedish, with the same ``{name}`` fields.

    Returns
    -------
    tuple of (str, Replacement)

    Examples
    --------
    >>> pattern, replace = from_text("add {year} first", "lägg först till {year}")
    >>> re.sub(pattern, replace, "add 2024 first")
    'lägg först till 2024'
    """
    pattern, seen = "", set()
    for literal, name, _, _ in string.Formatter().parse(english):
        pattern += re.escape(literal)
        if name is not None:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)

    def replace(match: re.Match[str]) -> str:
        return swedish.format(**match.groupdict())

    return pattern, replace


_TRAILING = r"(?=$|; did you mean |; menade du )"
"""Where a text of a template ends: the end, or a suggestion the tables know."""

_AT = r"^(?P<at__>(?:[\w\[\].\-]+: )?)"
"""A field path before a message (``effects: ``), kept as it is."""


def templates(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, Replacement], ...]:
    """(English, Swedish) format strings as (pattern, replacement) pairs of a table.

    Parameters
    ----------
    pairs
        The English text as the library writes it, with ``{name}`` for each value filled
        in (``{{`` for a brace), and its Swedish with the same names.

    Returns
    -------
    tuple of (str, Replacement)
        A pattern per pair that matches the whole English text (after a field path such
        as ``effects: ``, before a ``; did you mean`` suggestion). Each value is
        translated in turn (it may be a wording of its own, such as ``an amount of
        money``); a number in it is then written in Swedish format (``12 000``,
        ``0,5``) unless the name starts with ``y`` (a year: ``2023``).

    Examples
    --------
    >>> [(pattern, replace)] = templates((("in {y0}, {p1} left", "år {y0}, {p1} kvar"),))
    >>> re.sub(pattern, replace, "in 2023, 0.5 left")
    'år 2023, 0,5 kvar'
    """
    return tuple(_template(english, swedish_text) for english, swedish_text in pairs)


def _template(english: str, swedish_text: str) -> tuple[str, Replacement]:
    pattern, seen = _AT, set()
    for literal, name, _, _ in string.Formatter().parse(english):
        pattern += re.escape(literal)
        if name is not None:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
    pattern += _TRAILING

    def replace(match: re.Match[str]) -> str:
        from sociokalkyl.language.error_words import swedish_error  # the tables, at run time

        values = match.groupdict()
        at = values.pop("at__")
        for name, value in values.items():
            value = swedish_error(value)
            values[name] = value if name.startswith("y") else swedish(value)
        return at + swedish_text.format(**values)

    return pattern, replace
