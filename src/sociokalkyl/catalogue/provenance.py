"""Provenance in words: confidence marks and weak provenance of a cost item.

A number's provenance is weak when it is marked S2 (a secondary or press source),
D (derived by arithmetic), A (the analyst's assumption) or has no mark or no source.
Reports must say so in words; they never present such a number as official. The words
come from :data:`sociokalkyl.language.labels.CONFIDENCE_WORDS`, as in every report; the
assumption log of a result is :meth:`sociokalkyl.analysis.result.Result.assumptions`
(formatted by :mod:`sociokalkyl.report.assumptions`).

Examples
--------
>>> confidence_words("S2"), confidence_words("D", "en")
('andrahandskälla', 'derived')
"""

from __future__ import annotations

from sociokalkyl.catalogue.formatting import check_lang
from sociokalkyl.language.catalogue import catalogue_label
from sociokalkyl.language.labels import WEAK_CONFIDENCE
from sociokalkyl.language.labels import confidence_words as _confidence_words
from sociokalkyl.model import CostItem

__all__ = ["WEAK_CONFIDENCE", "confidence_words", "weak_provenance", "weakness_text"]


def confidence_words(confidence: str | None, lang: str = "sv") -> str:
    """The confidence mark in words: S2 -> "andrahandskälla" (sv) or "secondary source" (en).

    Parameters
    ----------
    confidence
        ``"S"``, ``"S2"``, ``"D"``, ``"A"`` or None (no mark).
    lang
        ``"sv"`` or ``"en"``; anything else is an :class:`~sociokalkyl.errors.InputError`.

    Returns
    -------
    str
        The words of :data:`~sociokalkyl.language.labels.CONFIDENCE_WORDS`.

    Examples
    --------
    >>> confidence_words("S"), confidence_words(None, "en")
    ('står i källan', 'not given')
    """
    return _confidence_words(confidence, check_lang(lang))


def weak_provenance(item: CostItem) -> bool:
    """True when the item is marked S2, D or A, or lacks a confidence mark or a source.

    Parameters
    ----------
    item
        A cost item.

    Returns
    -------
    bool
        Whether reports must flag the item's number as weak.

    Examples
    --------
    >>> weak_provenance(CostItem(key="x", name="x", unit_cost="1 kr", price_year=2020,
    ...                          source="SCB", confidence="S"))
    False
    """
    return item.confidence in WEAK_CONFIDENCE or item.confidence is None or not item.source


def weakness_text(item: CostItem, lang: str = "sv") -> str:
    """One line that says why the provenance is weak, with the source and geography.

    Parameters
    ----------
    item
        A cost item.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The mark in words, the mark, the geography and the source.

    Examples
    --------
    >>> weakness_text(CostItem(key="x", name="x", unit_cost="1 kr", price_year=2020,
    ...                        confidence="A"))
    'antagande (A); källa: ingen källa angiven'
    """
    words = confidence_words(item.confidence, lang)
    mark = f" ({item.confidence})" if item.confidence else ""
    source = item.source or catalogue_label("no_source", lang)
    place = f"; {item.geography}" if item.geography else ""
    return f"{words}{mark}{place}; {catalogue_label('source', lang).lower()}: {source}"
