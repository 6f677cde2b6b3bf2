"""The assumption log in words: each :class:`~sociokalkyl.analysis.assumptions.Assumption`
as the cells of a report row, a report table, and a plain-text list with weak provenance.

The rows come from :func:`sociokalkyl.analysis.assumptions.assumption_rows` (via
``Result.assumptions``); this module only formats them, so text, Markdown, CSV, JSON and
xlsx show the same rows with the same sources.

Examples
--------
>>> import sociokalkyl as sk
>>> intervention, settings = sk.examples.servicetrainee()
>>> rows = sk.evaluate(intervention, settings).assumptions()
>>> print(*assumption_cells(rows[0])[:2], sep=" | ")  # doctest: +NORMALIZE_WHITESPACE
Enhetskostnad: ekonomiskt_bistand |
7 149 kr/mån (2012) = 9 185,4 kr/mån i kalkylens priser 2023 (KPI); betalare: kommun/socialnämnd
>>> assumption_cells(rows[3], "en")[1]
'relative -100.0%, duration 1 years'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sociokalkyl.analysis.assumptions import Assumption, Detail
from sociokalkyl.errors import InputError
from sociokalkyl.language.catalogue import catalogue_label
from sociokalkyl.language.labels import Lang, confidence_label, confidence_words, label, word
from sociokalkyl.language.numbers import (
    format_amount,
    format_number,
    format_percent,
    format_quantity,
    format_unit,
)
from sociokalkyl.language.prices import index_years_text
from sociokalkyl.report.tables import Table

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = [
    "assumption_cells",
    "assumption_table",
    "assumption_what",
    "format_assumption_log",
    "format_details",
    "format_payer",
]

_KIND_LABELS = {
    "cost_item": "kind_cost_item",
    "target_group": "kind_target",
    "baseline": "kind_baseline",
    "effect": "kind_effect",
    "cost": "kind_cost",
}


def assumption_what(row: Assumption, lang: Lang = "sv") -> str:
    """What a row is about: ``"Effekt [1]: ekonomiskt_bistand"``.

    Parameters
    ----------
    row
        A row of ``Result.assumptions()``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The kind of the row in words, its position, and what it is about.

    Examples
    --------
    >>> from sociokalkyl.analysis.assumptions import Assumption
    >>> assumption_what(Assumption("effect", 1, "hvb", -0.3, "share"), "en")
    'Effect [1]: hvb'
    """
    index = "" if row.index is None else f" [{row.index}]"
    kind = _KIND_LABELS.get(row.kind)  # a kind this module does not know reads as itself
    return f"{label(kind, lang) if kind else row.kind}{index}: {row.name}"


def format_payer(payer: str | Mapping[str, float] | None, lang: Lang = "sv") -> str:
    """A payer, or payer shares as percentages: ``"kommun 56 %, region 44 %"``.

    Parameters
    ----------
    payer
        A payer's name, or payer shares [share of the cost]; None is ``""``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The payer, or each payer and its share in whole percent.

    Examples
    --------
    >>> format_payer({"kommun": 0.56, "region": 0.44})
    'kommun 56 %, region 44 %'
    """
    if payer is None or isinstance(payer, str):
        return payer or ""
    return ", ".join(f"{name} {format_percent(share, lang, 0)}" for name, share in payer.items())


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _detail(detail: Detail, lang: Lang) -> str:
    if detail.field in ("start_lag", "ramp_up_years", "duration_years", "years_after_intake"):
        return word(detail.field, lang, format_number(detail.value, 0, lang))
    if detail.field == "years":
        return word("years", lang, _plain(detail.value))
    if detail.field == "duration":
        return f"x {format_quantity(detail.value, detail.unit, lang)}"
    return word(detail.field, lang, format_percent(detail.value, lang))


def format_details(row: Assumption, lang: Lang = "sv") -> str:
    """The further numbers of a row in words: ``"utflöde 20,0 %/år, i 6 år"``.

    Parameters
    ----------
    row
        A row of ``Result.assumptions()``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The row's details (exit rate, lag, duration, adjustments), comma-separated.

    Examples
    --------
    >>> from sociokalkyl.analysis.assumptions import Assumption, Detail
    >>> format_details(Assumption("baseline", 0, "x", 1, "day/year",
    ...                           details=(Detail("exit_rate", 0.2, "1/year"),)))
    'utflöde 20,0 %/år'
    """
    return ", ".join(_detail(d, lang) for d in row.details if d.field != "intake")


def _intake_text(row: Assumption, lang: Lang) -> str:
    counts = [
        format_number(_plain(d.value), 0 if float(d.value).is_integer() else 2, lang)
        for d in row.details
    ]
    year = word("in_year", lang)
    if len(counts) == 1:
        text = f"{counts[0]} {word('participants', lang)} {year} 0"
    else:
        text = f"{word('participants', lang)}: " + ", ".join(
            f"{count} {year} {t}" for t, count in enumerate(counts)
        )
    return f"{text} ({word(row.variant or 'person', lang)})"


def _index_years(row: Assumption, lang: Lang) -> str:
    """``"; KPI 2024-2025: ..."`` for index years not shipped; empty when all were."""
    text = index_years_text(row.price_index or "", row.index_origins, lang)
    return f"; {text}" if text else ""


def _value_text(row: Assumption, lang: Lang) -> str:
    payer = f"; {label('payer', lang).lower()}: {format_payer(row.payer, lang)}"
    if row.kind == "cost_item":
        rebased = format_quantity(row.rebased_value or 0.0, row.unit, lang)
        return (
            f"{format_quantity(row.value, row.unit, lang)} ({row.price_year}) = {rebased} "
            f"{label('rebased', lang)} {row.analysis_price_year} ({row.price_index}){payer}"
        ) + _index_years(row, lang)
    if row.kind == "target_group":
        return _intake_text(row, lang)
    if row.kind == "baseline":
        return f"{format_quantity(row.value, row.unit, lang)}, {format_details(row, lang)}"
    if row.kind == "effect":
        change = (
            format_percent(row.value, lang)
            if row.unit == "share"
            else format_quantity(row.value, row.unit, lang)
        )
        return ", ".join([f"{word(row.variant or '', lang)} {change}", *map(
            lambda d: _detail(d, lang), row.details)])  # fmt: skip
    text = f"{word(row.variant or '', lang)}: {format_quantity(row.value, row.unit, lang)}"
    if row.details:
        text += " " + format_details(row, lang)
    if row.price_year is not None:
        text += f" ({row.price_year})"
    return text + payer


def assumption_cells(row: Assumption, lang: Lang = "sv") -> list[str]:
    """One row as the four cells of a report: what, value, source, confidence.

    Parameters
    ----------
    row
        A row of ``Result.assumptions()``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    list[str]
        ``[what, value, source, confidence]``; an empty source stays ``""`` and a missing
        mark reads ``"ej angiven"`` (weak provenance stays visible).

    Examples
    --------
    >>> from sociokalkyl.analysis.assumptions import Assumption
    >>> row = Assumption("cost", 0, "Start", 1e6, "SEK", variant="one_off", payer="kommun",
    ...                  confidence="A")
    >>> print(*assumption_cells(row), sep=" | ")
    Insatskostnad [0]: Start | engångskostnad: 1 000 000 kr; betalare: kommun |  | A: antagande
    """
    return [
        assumption_what(row, lang),
        _value_text(row, lang),
        row.source or "",
        confidence_label(row.confidence, lang),
    ]


def assumption_table(rows: Sequence[Assumption], lang: Lang = "sv") -> Table:
    """The assumption log as a report :class:`~sociokalkyl.report.tables.Table`.

    Parameters
    ----------
    rows
        The rows of ``Result.assumptions()``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        Columns what, value, source, confidence; one table row per log row.

    Examples
    --------
    >>> assumption_table([]).headers
    ['Vad', 'Värde', 'Källa', 'Säkerhet']
    """
    cells: list[list[object]] = [list(assumption_cells(row, lang)) for row in rows]
    return Table(
        "assumptions",
        label("assumptions", lang),
        [label(k, lang) for k in ("what", "value", "source", "confidence")],
        cells,
        [["text", "text", "text", "text"] for _ in cells],
    )


def _cost_item_lines(row: Assumption, price_year: int, lang: Lang) -> list[str]:
    unit = format_unit(row.unit, lang)
    value = format_amount(row.value, lang)
    rebased = format_amount(row.rebased_value or 0.0, lang)
    words = confidence_words(row.confidence, lang)
    given = catalogue_label("prices_of", lang, year=row.price_year)
    used = catalogue_label("prices_of", lang, year=price_year)
    lines = [
        f"- {row.name}: {row.description}",
        f"  {value} {unit} {given} = {rebased} {unit} {used} ({row.price_index})"
        + _index_years(row, lang),
        f"  {label('payer', lang)}: {format_payer(row.payer, lang)}. "
        f"{catalogue_label('geography', lang)}: "
        f"{row.geography or catalogue_label('not_given', lang)}.",
        f"  {catalogue_label('source', lang)}: {row.source or catalogue_label('no_source', lang)}. "
        f"{label('confidence', lang)}: {row.confidence or '-'} ({words}).",
    ]
    if row.weak:
        lines.append(
            f"  {catalogue_label('weak', lang)} ({words}); {catalogue_label('not_official', lang)}."
        )
    return lines


def format_assumption_log(result: Result, lang: str = "sv") -> str:
    """The cost items of a result and their sources as text, weak provenance flagged.

    Parameters
    ----------
    result
        A result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        One block per cost item: value [its unit] in its price year and in the analysis
        price year, payer, geography, source and confidence; weak provenance (S2, D, A,
        no mark or no source) gets a line of its own.

    Raises
    ------
    InputError
        For a language other than ``"sv"`` and ``"en"``.

    Examples
    --------
    >>> from sociokalkyl import evaluate, examples
    >>> print(format_assumption_log(evaluate(*examples.servicetrainee())))
    Kostnadsposter och deras källor (priser 2023):
    - ekonomiskt_bistand: Ekonomiskt bistånd per hushåll och biståndsmånad
      7 149 kr/mån i 2012 års priser = 9 185 kr/mån i 2023 års priser (KPI)
      Betalare: kommun/socialnämnd. Geografi: Riket.
      Källa: Socialstyrelsen, ... Säkerhet: D (härlett).
      OBS: svag härkomst (härlett); siffran är inte officiell statistik.
    """
    if lang not in ("sv", "en"):
        raise InputError(
            "is not a supported language", field="lang", value=lang, expected='"sv" or "en"'
        )
    language: Lang = "sv" if lang == "sv" else "en"
    price_year = result.plan.price_year
    lines = [catalogue_label("log_heading", language, year=price_year)]
    for row in result.assumptions():
        if row.kind == "cost_item":
            lines += _cost_item_lines(row, price_year, language)
    return "\n".join(lines)
