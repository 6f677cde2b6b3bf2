"""Provenance in words: confidence marks, weak provenance and the assumption log.

A number's provenance is weak when it is marked S2 (a secondary or press source),
D (derived by arithmetic), A (the analyst's assumption) or has no mark or no source.
Reports must say so in words; they never present such a number as official.

Examples
--------
>>> confidence_words("S2"), confidence_words("D", "en")
('sekundärkälla', 'derived')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociokalkyl.catalogue.formatting import check_lang, format_number, unit_label
from sociokalkyl.model import CostItem

if TYPE_CHECKING:  # pragma: no cover - typing only; results sits above the catalogue
    from sociokalkyl.analysis.result import Result

__all__ = [
    "WEAK_CONFIDENCE",
    "assumption_log",
    "confidence_words",
    "format_assumption_log",
    "weak_provenance",
    "weakness_text",
]

WEAK_CONFIDENCE = frozenset({"S2", "D", "A"})
"""Confidence marks that make a number's provenance weak."""

_WORDS = {
    "sv": {
        "S": "sett i källan",
        "S2": "sekundärkälla",
        "D": "härlett",
        "A": "antagande",
        None: "ingen konfidensmarkering",
    },
    "en": {
        "S": "seen in the source",
        "S2": "secondary source",
        "D": "derived",
        "A": "assumption",
        None: "no confidence mark",
    },
}


def confidence_words(confidence: str | None, lang: str = "sv") -> str:
    """The confidence mark in words: S2 -> "sekundärkälla" (sv) or "secondary source" (en)."""
    return _WORDS[check_lang(lang)].get(confidence, str(confidence))


def weak_provenance(item: CostItem) -> bool:
    """True when the item is marked S2, D or A, or lacks a confidence mark or a source."""
    return item.confidence in WEAK_CONFIDENCE or item.confidence is None or not item.source


def weakness_text(item: CostItem, lang: str = "sv") -> str:
    """One line that says why the provenance is weak, with the source and geography."""
    words = confidence_words(item.confidence, lang)
    mark = f" ({item.confidence})" if item.confidence else ""
    source = item.source or ("ingen källa angiven" if lang == "sv" else "no source given")
    label = "källa" if lang == "sv" else "source"
    place = f"; {item.geography}" if item.geography else ""
    return f"{words}{mark}{place}; {label}: {source}"


def assumption_log(result: Result) -> list[dict[str, Any]]:
    """The assumption log of a result, one dict per cost item, with provenance in words.

    Each row is a row of :meth:`Result.assumptions` plus ``unit_cost_value`` and
    ``rebased_value`` [SEK per unit, see ``unit_sv``/``unit_en``], ``geography``,
    ``note``, ``weak_provenance`` (bool) and ``provenance_sv``/``provenance_en``
    (``"sekundärkälla"``, ``"härlett"``, ``"antagande"``, ...).

    Examples
    --------
    >>> from sociokalkyl import evaluate, examples
    >>> row = assumption_log(evaluate(*examples.servicetrainee()))[0]
    >>> row["key"], row["weak_provenance"], row["provenance_sv"]
    ('ekonomiskt_bistand', True, 'härlett')
    """
    rows: list[dict[str, Any]] = []
    plan = result.plan
    for base, item, factor in zip(
        result.assumptions(), plan.cost_items, plan.item_price_factors, strict=True
    ):
        value, unit_sv = unit_label(item, "sv")
        _, unit_en = unit_label(item, "en")
        rows.append(
            {
                **base,
                "unit_cost_value": value,
                "rebased_value": value * factor,
                "unit_sv": unit_sv,
                "unit_en": unit_en,
                "geography": item.geography,
                "note": item.note,
                "weak_provenance": weak_provenance(item),
                "provenance_sv": confidence_words(item.confidence, "sv"),
                "provenance_en": confidence_words(item.confidence, "en"),
            }
        )
    return rows


def format_assumption_log(result: Result, lang: str = "sv") -> str:
    """The assumption log as text for a report, flagging weak provenance in words.

    Examples
    --------
    >>> from sociokalkyl import evaluate, examples
    >>> print(format_assumption_log(evaluate(*examples.servicetrainee())))
    Kostnadsposter och deras källor (priser 2023):
    - ekonomiskt_bistand: Ekonomiskt bistånd per hushåll och biståndsmånad
      7 149 kr/mån i 2012 års priser = 9 185 kr/mån i 2023 års priser (KPI)
      Betalare: kommun. Geografi: Riket.
      Källa: Socialstyrelsen, ... Säkerhet: D (härlett).
      OBS: svag härkomst (härlett); siffran är inte officiell statistik.
    """
    check_lang(lang)
    rows = assumption_log(result)
    sv = lang == "sv"
    price_year = result.plan.price_year
    lines = [
        f"Kostnadsposter och deras källor (priser {price_year}):"
        if sv
        else f"Cost items and their sources ({price_year} prices):"
    ]
    for row in rows:
        unit = row["unit_sv"] if sv else row["unit_en"]
        payer = row["payer"]
        payer_text = (
            payer
            if isinstance(payer, str)
            else ", ".join(f"{p} {format_number(100 * s, lang)} %" for p, s in payer.items())
        )
        value = format_number(row["unit_cost_value"], lang)
        rebased = format_number(row["rebased_value"], lang)
        if sv:
            amounts = (
                f"{value} {unit} i {row['price_year']} års priser = {rebased} {unit} i "
                f"{price_year} års priser ({row['price_index']})"
            )
            who = f"Betalare: {payer_text}. Geografi: {row['geography'] or 'ej angiven'}."
            source = f"Källa: {row['source'] or 'ingen källa angiven'}."
            mark = f"Säkerhet: {row['confidence'] or '-'} ({row['provenance_sv']})."
            warn = (
                f"OBS: svag härkomst ({row['provenance_sv']}); siffran är inte officiell statistik."
            )
        else:
            amounts = (
                f"{value} {unit} in {row['price_year']} prices = {rebased} {unit} in "
                f"{price_year} prices ({row['price_index']})"
            )
            who = f"Payer: {payer_text}. Geography: {row['geography'] or 'not given'}."
            source = f"Source: {row['source'] or 'no source given'}."
            mark = f"Confidence: {row['confidence'] or '-'} ({row['provenance_en']})."
            warn = f"Note: weak provenance ({row['provenance_en']}); not an official statistic."
        lines += [
            f"- {row['key']}: {row['name']}",
            f"  {amounts}",
            f"  {who}",
            f"  {source} {mark}",
        ]
        if row["weak_provenance"]:
            lines.append(f"  {warn}")
    return "\n".join(lines)
