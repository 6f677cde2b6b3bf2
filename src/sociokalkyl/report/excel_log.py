"""The sheets of the xlsx report without formulas: the assumption log and the Monte Carlo.

The assumption sheet formats the rows of ``Result.assumptions`` (the same rows as the
text, Markdown, CSV and JSON reports), with numbers as numbers and units in words, then
the plan's parameters as given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from xlsxwriter.utility import xl_col_to_name

from sociokalkyl.analysis.assumptions import Assumption
from sociokalkyl.language.labels import Lang, confidence_label
from sociokalkyl.language.numbers import format_percent, format_unit
from sociokalkyl.language.simulation import simulation_label
from sociokalkyl.language.workbook import workbook_label
from sociokalkyl.report.assumptions import assumption_cells, format_payer
from sociokalkyl.report.excel_book import Sheet
from sociokalkyl.report.tax_rates import tax_rates

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["assumptions_sheet", "uncertainty_sheet"]

_LOG_COLUMNS = (
    "key",
    "what",
    "description",
    "value",
    "unit",
    "price_year",
    "rebased",
    "index",
    "source",
    "confidence",
    "payer",
    "geography",
    "analysis_year",
    "in_words",
)


def _log_cells(row: Assumption, lang: Lang) -> list[Any]:
    what, words, source, confidence = assumption_cells(row, lang)
    return [
        row.name,
        what,
        row.description,
        row.value,
        format_unit(row.unit, lang),
        row.price_year,
        row.rebased_value,
        row.price_index,
        source,
        confidence,
        format_payer(row.payer, lang),
        row.geography,
        row.analysis_price_year,
        words,
    ]


def _rate_cells(rate: Mapping[str, Any], lang: Lang) -> list[Any]:
    """A tax or contribution rate's row: its value a number [share], shown as a percentage."""
    return [
        rate["field"],
        rate["what"],
        None,
        rate["value"],
        format_unit("share", lang),
        rate["year"],
        None,
        None,
        rate["source"],
        confidence_label(rate["confidence"], lang),
        None,
        None,
        None,
        format_percent(rate["value"], lang),
    ]


def assumptions_sheet(sheet: Sheet, result: Result, lang: Lang) -> None:
    """Write the assumption log (``Result.assumptions``) and the plan's parameters.

    Each row of the log is one row of the sheet, the same rows the text report shows:
    value [unit in words], price year, rebased value [same unit, analysis price year],
    price index, source, confidence, payer, and the row in words; for a model with
    work then the tax and contribution rates (:func:`~sociokalkyl.report.tax_rates.
    tax_rates`): value [share, shown as a percentage], the year it applies to, source
    and confidence, as in the text report.

    Parameters
    ----------
    sheet
        The :class:`~sociokalkyl.report.excel_book.Sheet` to write.
    result
        The result whose assumptions the sheet lists.
    lang
        ``"sv"`` or ``"en"``.
    Examples
    --------
    >>> import io, openpyxl, sociokalkyl as sk
    >>> from sociokalkyl.report.excel_book import Book
    >>> book = Book("sv")
    >>> intervention, settings = sk.examples.servicetrainee()
    >>> assumptions_sheet(book.sheet("A"), sk.evaluate(intervention, settings), "sv")
    >>> ws = openpyxl.load_workbook(io.BytesIO(book.close()))["A"]
    >>> ws["B6"].value, ws["D6"].value, ws["E6"].value
    ('Enhetskostnad: ekonomiskt_bistand', 7149, 'kr/mån')
    >>> book = Book("sv")
    >>> work = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> assumptions_sheet(book.sheet("A"), work, "sv")
    >>> ws = openpyxl.load_workbook(io.BytesIO(book.close()))["A"]
    >>> for row in ws.iter_rows(values_only=True):
    ...     if row[0] in ("municipal_tax_rate", "kommun_tax_share", "employer_contribution_rate"):
    ...         print(row[0], round(row[3], 4), row[5], row[9])
    municipal_tax_rate 0.3237 2024 S2: andrahandskälla
    kommun_tax_share 0.6457 2018 D: härlett
    employer_contribution_rate 0.3142 2024 S: står i källan
    """
    sheet.write("A1", workbook_label("log_title", lang), "title")
    discounting = result.plan.discounting_text(lang)
    sheet.write("A2", f"{workbook_label('discounting', lang)}: {discounting}")
    sheet.write("A3", workbook_label("legend", lang))
    for j, key in enumerate(_LOG_COLUMNS):
        sheet.write(f"{xl_col_to_name(j)}5", workbook_label(key, lang), "header")
    row = 6
    for assumption in result.assumptions():
        for j, value in enumerate(_log_cells(assumption, lang)):
            sheet.write(f"{xl_col_to_name(j)}{row}", value, "wrap")
        row += 1
    for rate in tax_rates(result, lang):  # a model with work: the rates it rests on
        for j, value in enumerate(_rate_cells(rate, lang)):
            sheet.write(f"{xl_col_to_name(j)}{row}", value, "percent" if j == 3 else "wrap")
        row += 1
    sheet.width(0, 24)
    for j, key in enumerate(_LOG_COLUMNS):
        if key in ("description", "in_words", "what", "source"):
            sheet.width(j, 48 if key == "source" else 32)
    _parameters(sheet, result, lang, row + 1)
    sheet.print_layout(header_rows=5, freeze="B6")


def _parameters(sheet: Sheet, result: Result, lang: Lang, row: int) -> None:
    sheet.write(f"A{row}", workbook_label("parameters", lang), "bold")
    for letter, key in zip("ABCD", ("parameter", "value", "unit", "description"), strict=True):
        sheet.write(f"{letter}{row + 1}", workbook_label(key, lang), "header")
    for i, parameter in enumerate(result.plan.parameters.values(), start=row + 2):
        sheet.write(f"A{i}", parameter.name)
        sheet.write(f"B{i}", parameter.value)
        sheet.write(f"C{i}", format_unit(parameter.unit, lang))
        sheet.write(f"D{i}", result.plan.parameter_label(parameter.name, lang), "wrap")


_SIMULATION_ROWS = (
    "draws",
    "seed",
    "kept_draws",
    "irr_draws",
    "price_year",
    "horizon",
    "npv_mean",
    "npv_std",
    "prob_npv_positive",
    "prob_npv_positive_by_payer",
    "prob_payback_within_horizon",
)
_METRIC_COLUMNS = ("metric", "payer", "cost_item", "mean", "std", "q5", "q50", "q95")
_METRIC_SHARES = ("share_finite", "prob_positive")


def uncertainty_sheet(sheet: Sheet, simulation: Mapping[str, Any], lang: Lang) -> None:
    """Write the Monte Carlo summary: probabilities as percentages, NPV spread per payer.

    Parameters
    ----------
    sheet
        The :class:`~sociokalkyl.report.excel_book.Sheet` to write.
    simulation
        ``SimulationResult.summary()``: draws, seed, probabilities [share], NPV mean and
        standard deviation [SEK] and ``metrics`` (the spread per metric, payer, item).
    lang
        ``"sv"`` or ``"en"``.

    Examples
    --------
    >>> import io, openpyxl
    >>> from sociokalkyl.report.excel_book import Book
    >>> book = Book("en")
    >>> uncertainty_sheet(book.sheet("U"), {"draws": 100, "prob_npv_positive": 0.25}, "en")
    >>> ws = openpyxl.load_workbook(io.BytesIO(book.close()))["U"]
    >>> ws["A4"].value, ws["B5"].value
    ('Draws', 0.25)
    """
    sheet.write("A1", workbook_label("uncertainty_title", lang), "title")
    sheet.write("A2", workbook_label("uncertainty_note", lang))
    sheet.width(0, 44)
    row = _simulation_rows(sheet, simulation, lang, 4)
    metrics = simulation.get("metrics")
    if isinstance(metrics, list) and metrics:
        _metrics_table(sheet, metrics, lang, row + 1)
    sheet.print_layout()


def _simulation_rows(sheet: Sheet, simulation: Mapping[str, Any], lang: Lang, row: int) -> int:
    """One row per figure of :data:`_SIMULATION_ROWS` the summary has, from ``row`` on;
    a mapping (one share per payer) gives a row per payer. Returns the next free row."""
    for key in _SIMULATION_ROWS:
        value = simulation.get(key)
        if value is None or (key == "irr_draws" and not value):
            continue
        if isinstance(value, Mapping):
            for payer, share in value.items():
                sheet.write(f"A{row}", f"{simulation_label(key, lang)} {payer}")
                sheet.write(f"B{row}", share, "percent")
                row += 1
            continue
        sheet.write(f"A{row}", simulation_label(key, lang))
        style = "percent" if key.startswith("prob") else "kr" if key.startswith("npv") else None
        sheet.write(f"B{row}", value, style)
        row += 1
    return row


def _metrics_table(sheet: Sheet, metrics: list[Mapping[str, Any]], lang: Lang, row: int) -> None:
    """The spread per metric, payer and item: a heading at ``row``, column names, then one
    row per metric; amounts in kronor, years as decimals, shares as percentages."""
    sheet.write(f"A{row}", workbook_label("uncertainty_metrics", lang), "bold")
    row += 1
    columns = (*_METRIC_COLUMNS, *_METRIC_SHARES)
    for j, key in enumerate(columns):
        sheet.write(f"{xl_col_to_name(j)}{row}", simulation_label(key, lang), "header")
    for metric in metrics:
        row += 1
        _metric_row(sheet, metric, columns, lang, row)


def _metric_row(
    sheet: Sheet, metric: Mapping[str, Any], columns: tuple[str, ...], lang: Lang, row: int
) -> None:
    """One metric's cells: its name in words, then payer, item and the figures."""
    name = str(metric.get("metric"))
    money = name in ("npv", "pv_costs", "pv_avoided")
    for j, key in enumerate(columns):
        value = metric.get(key)
        if key == "metric":
            value = simulation_label(name, lang)
        style = None
        if key in _METRIC_SHARES:
            style = "percent"
        elif j > 2:
            style = "kr" if money else "years"
        sheet.write(f"{xl_col_to_name(j)}{row}", value, style)
