"""Errors worded where they are raised, in both languages at once (:class:`Words`).

The word tables hold ``(svenska, English)`` pairs. An error worded from a table is made
with the ``*_words`` helpers here, not with the Swedish-default ``*_text`` ones: they
fill *both* halves of an entry, so the error reads in English from the Python API (as
every other error of the library) and the command line picks its own language from it
(:func:`sociokalkyl.errors.in_language`) without translating. A field that is itself
:class:`Words` (a problem inside a message) is filled in the same language.

Examples
--------
>>> words = price_words("cache_bad", path="kpi.json", problem=price_words("cache_no_levels"))
>>> words.sv.split(";")[0]
'KPI-cachen kpi.json kan inte läsas: levels saknas eller är tom'
>>> str(words).split(";")[0]
'the KPI cache kpi.json cannot be read: levels is missing or empty'
"""

from __future__ import annotations

from typing import Any

from sociokalkyl.errors import Words, in_language
from sociokalkyl.language.prices import PRICE_TEXTS, origin_text
from sociokalkyl.language.scb_answers import SCB_ANSWER_TEXTS
from sociokalkyl.language.template_outcomes import OUTCOME_SHEET_TEXTS

__all__ = [
    "Words",
    "origin_words",
    "outcome_sheet_words",
    "price_words",
    "scb_answer_words",
    "words_of",
]


def words_of(pair: tuple[str, str], **fields: Any) -> Words:
    """A ``(svenska, English)`` pair of format strings filled in both languages.

    Parameters
    ----------
    pair
        The entry of a word table, with ``{name}`` fields.
    **fields
        The values; a :class:`Words` value is filled in each language with its own half.

    Returns
    -------
    Words
        The Swedish and the English text.

    Examples
    --------
    >>> words_of(("{n} saknas", "{n} is missing"), n=Words("År", "Year"))
    Words(sv='År saknas', en='Year is missing')
    """
    sv, en = pair
    return Words(sv.format(**_in(fields, "sv")), en.format(**_in(fields, "en")))


def _in(fields: dict[str, Any], lang: str) -> dict[str, Any]:
    return {name: in_language(v, lang) if isinstance(v, Words) else v for name, v in fields.items()}


def price_words(key: str, **fields: Any) -> Words:
    """A text of :data:`~sociokalkyl.language.prices.PRICE_TEXTS` in both languages.

    Parameters
    ----------
    key
        A key of the table.
    **fields
        The values of the text's ``{fields}`` (see :func:`words_of`).

    Returns
    -------
    Words

    Examples
    --------
    >>> price_words("cache_bad_year", value="'x'")
    Words(sv="'x' är inget årtal", en="'x' is not a year")
    """
    return words_of(PRICE_TEXTS[key], **fields)


def origin_words(kind: str, source: str, retrieved: str | None = None) -> Words:
    """Where an index year came from (:func:`~sociokalkyl.language.prices.origin_text`), in
    both languages.

    Parameters
    ----------
    kind
        ``"shipped"``, ``"user"`` or ``"scb_cache"``.
    source
        The source text.
    retrieved
        The fetch time (ISO 8601) for ``"scb_cache"``.

    Returns
    -------
    Words

    Examples
    --------
    >>> origin_words("user", "SCB").en
    "the user's own years (SCB)"
    """
    return Words(*(origin_text(kind, source, retrieved, lang) for lang in ("sv", "en")))


def outcome_sheet_words(key: str, **fields: Any) -> Words:
    """A text of :data:`~sociokalkyl.language.template_outcomes.OUTCOME_SHEET_TEXTS` in
    both languages (the errors of a cell on the template's outcome sheets).

    Parameters
    ----------
    key
        A key of the table.
    **fields
        The values of the text's ``{fields}`` (see :func:`words_of`).

    Returns
    -------
    Words

    Examples
    --------
    >>> outcome_sheet_words("missing", header="Rad").en
    'Rad is missing'
    """
    return words_of(OUTCOME_SHEET_TEXTS[key], **fields)


def scb_answer_words(key: str, **fields: Any) -> Words:
    """What is wrong in an answer from SCB
    (:data:`~sociokalkyl.language.scb_answers.SCB_ANSWER_TEXTS`), in both languages.

    Parameters
    ----------
    key
        A key of the table.
    **fields
        The values of the text's ``{fields}`` (see :func:`words_of`).

    Returns
    -------
    Words

    Examples
    --------
    >>> scb_answer_words("several_values", n=3).sv
    'har 3 värden; en enda serie väntades'
    """
    return words_of(SCB_ANSWER_TEXTS[key], **fields)
