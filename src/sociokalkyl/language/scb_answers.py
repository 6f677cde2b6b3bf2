"""The words for what is wrong in an answer from SCB (``sources/scb/jsonstat.py``).

Each is the *problem* inside the message ``scb_malformed`` of
:mod:`sociokalkyl.language.prices` (``SCB:s svar på {url} har inte det väntade formatet
({what}): {problem}``), a pair ``(svenska, English)`` with ``{name}`` fields, filled in
both languages by :func:`sociokalkyl.language.bilingual.scb_answer_words`.

Examples
--------
>>> SCB_ANSWER_TEXTS["missing"]
('saknas', 'is missing')
"""

from __future__ import annotations

__all__ = ["SCB_ANSWER_TEXTS"]

SCB_ANSWER_TEXTS: dict[str, tuple[str, str]] = {
    "too_deep": ("är nästlat djupare än {depth} nivåer", "nests deeper than {depth} levels"),
    "not_json": ("{detail}; {snippet}", "{detail}; {snippet}"),
    "not_object": ("är inget objekt", "is not an object"),
    "missing": ("saknas", "is missing"),
    "not_codes": ("är ingen lista av koder", "is not a list of codes"),
    "not_metadata": (
        "saknas (inte en tabells metadata)",
        "is missing (not a table's metadata)",
    ),
    "several_values": (
        "har {n} värden; en enda serie väntades",
        "has {n} values; one series was expected",
    ),
    "no_time": ("har ingen tidsvariabel (Tid)", "have no time variable (Tid)"),
    "bad_positions": (
        "har positioner som inte är 0, 1, 2, ...",
        "has positions that are not 0, 1, 2, ...",
    ),
    "not_dataset": (
        'är inte "dataset" (inte JSON-stat 2.0)',
        'is not "dataset" (not JSON-stat 2.0)',
    ),
    "not_dimension_codes": (
        "är ingen lista av dimensionskoder",
        "is not a list of dimension codes",
    ),
    "sizes_per_dimension": (
        "ger inte en storlek per dimension",
        "does not give one size per dimension",
    ),
    "not_counts": ("är ingen lista av antal", "is not a list of counts"),
    "not_a_year": (
        "{code} är inget årtal (en tabell med årsvärden väntades)",
        "{code} is not a year (an annual table was expected)",
    ),
    "not_number": ("{value} är inget tal", "{value} is not a number"),
    "not_positive": (
        "{value} är inget positivt ändligt tal",
        "{value} is not a positive finite number",
    ),
    "no_time_dimension": (
        "saknar tidsdimensionen {code}",
        "lacks the time dimension {code}",
    ),
    "several_series": ("visar mer än en serie", "shows more than one series"),
    "not_list": ("är ingen lista", "is not a list"),
    "count_mismatch": (
        "har {n} värden för {years} år",
        "has {n} values for {years} years",
    ),
    "no_published_year": ("har inget publicerat år", "holds no published year"),
}
"""What is wrong in an answer from SCB, ``key: (svenska, English)``."""
