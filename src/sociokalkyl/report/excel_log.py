"""The sheets of the xlsx report without formulas: the assumption log and the Monte Carlo.

The assumption sheet formats the rows of ``Result.assumptions`` (the same rows as the
text, Markdown, CSV and JSON reports), with numbers as numbers and units in words, then
the plan's parameters as given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from sociokalkyl.analysis.assumptions import Assumption
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_unit
from sociokalkyl.language.safety import text_cell
from sociokalkyl.language.simulation import simulation_label
from sociokalkyl.language.workbook import workbook_label
from sociokalkyl.report.assumptions import assumption_cells, format_payer
from sociokalkyl.report.excel_sheets import BOLD, KR, TITLE, YEARS

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["assumptions_sheet", "uncertainty_sheet"]

_LOG_COLUMNS = ("key", "what", "description", "value", "unit", "price_year", "rebased",
                "index", "source", "confidence", "payer", "geography", "analysis_year",
                "in_words")  # fmt: skip


def _log_cells(row: Assumption, lang: Lang) -> list[Any]:
    what, words, source, confidence = assumption_cells(row, lang)
    return [row.name, what, row.description, row.value, format_unit(row.unit, lang),
            row.price_year, row.rebased_value, row.price_index, source, confidence,
            format_payer(row.payer, lang), row.geography, row.analysis_price_year,
            words]  # fmt: skip


def assumptions_sheet(ws: Any, result: Result, lang: Lang) -> None:
    """Write the assumption log (``Result.assumptions``) and the plan's parameters.

    Each row of the log is one row of the sheet, the same rows the text report shows:
    value [unit in words], price year, rebased value [same unit, analysis price year],
    price index, source, confidence, payer, and the row in words.

    Parameters
    ----------
    ws
        The openpyxl worksheet to write.
    result
        The result whose assumptions the sheet lists.
    lang
        ``"sv"`` or ``"en"``.
    Examples
    --------
    >>> import openpyxl, sociokalkyl as sk
    >>> wb = openpyxl.Workbook()
    >>> intervention, settings = sk.examples.servicetrainee()
    >>> assumptions_sheet(wb.active, sk.evaluate(intervention, settings), "sv")
    >>> wb.active["B6"].value, wb.active["D6"].value, wb.active["E6"].value
    ('Enhetskostnad: ekonomiskt_bistand', 7149.0, 'kr/mån')
    """
    ws["A1"] = workbook_label("log_title", lang)
    ws["A1"].font = TITLE
    discounting = result.plan.discounting_text(lang)
    text_cell(ws, 2, 1, f"{workbook_label('discounting', lang)}: {discounting}")
    ws["A3"] = workbook_label("legend", lang)
    for j, key in enumerate(_LOG_COLUMNS, start=1):
        ws.cell(5, j, workbook_label(key, lang)).font = BOLD
        ws.column_dimensions[get_column_letter(j)].width = 60 if key == "source" else 18
    row = 6
    for assumption in result.assumptions():
        for j, value in enumerate(_log_cells(assumption, lang), start=1):
            text_cell(ws, row, j, value)
        row += 1
    _parameters(ws, result, lang, row + 1)


def _parameters(ws: Any, result: Result, lang: Lang, row: int) -> None:
    ws.cell(row, 1, workbook_label("parameters", lang)).font = BOLD
    for j, key in enumerate(("parameter", "value", "unit", "description"), start=1):
        ws.cell(row + 1, j, workbook_label(key, lang)).font = BOLD
    for i, parameter in enumerate(result.plan.parameters.values(), start=row + 2):
        text_cell(ws, i, 1, parameter.name)
        text_cell(ws, i, 2, parameter.value)
        text_cell(ws, i, 3, format_unit(parameter.unit, lang))
        text_cell(ws, i, 4, result.plan.parameter_label(parameter.name, lang))


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


def uncertainty_sheet(ws: Any, simulation: Mapping[str, Any], lang: Lang) -> None:
    """Write the Monte Carlo summary: probabilities as percentages, NPV spread per payer.

    Parameters
    ----------
    ws
        The openpyxl worksheet to write.
    simulation
        ``SimulationResult.summary()``: draws, seed, probabilities [share], NPV mean and
        standard deviation [SEK] and ``metrics`` (the spread per metric, payer, item).
    lang
        ``"sv"`` or ``"en"``.

    Examples
    --------
    >>> import openpyxl
    >>> wb = openpyxl.Workbook()
    >>> uncertainty_sheet(wb.active, {"draws": 100, "prob_npv_positive": 0.25}, "en")
    >>> wb.active["A4"].value, wb.active["B5"].value
    ('Draws', 0.25)
    """
    ws["A1"] = workbook_label("uncertainty_title", lang)
    ws["A1"].font = TITLE
    ws["A2"] = workbook_label("uncertainty_note", lang)
    ws.column_dimensions["A"].width = 48
    for letter in "BCDEFGHIJK":
        ws.column_dimensions[letter].width = 18
    row = _simulation_rows(ws, simulation, lang, 4)
    metrics = simulation.get("metrics")
    if isinstance(metrics, list) and metrics:
        _metrics_table(ws, metrics, lang, row + 1)


def _simulation_rows(ws: Any, simulation: Mapping[str, Any], lang: Lang, row: int) -> int:
    """One row per figure of :data:`_SIMULATION_ROWS` the summary has, from ``row`` on;
    a mapping (one share per payer) gives a row per payer. Returns the next free row."""
    for key in _SIMULATION_ROWS:
        value = simulation.get(key)
        if value is None or (key == "irr_draws" and not value):
            continue
        if isinstance(value, Mapping):
            for payer, share in value.items():
                text_cell(ws, row, 1, f"{simulation_label(key, lang)} {payer}")
                ws.cell(row, 2, share).number_format = "0.0%"
                row += 1
            continue
        ws.cell(row, 1, simulation_label(key, lang))
        cell = text_cell(ws, row, 2, value)
        if key.startswith("prob"):
            cell.number_format = "0.0%"
        elif key.startswith("npv"):
            cell.number_format = KR
        row += 1
    return row


def _metrics_table(ws: Any, metrics: list[Mapping[str, Any]], lang: Lang, row: int) -> None:
    """The spread per metric, payer and item: a heading at ``row``, column names, then one
    row per metric; amounts in kronor, years as decimals, shares as percentages."""
    ws.cell(row, 1, workbook_label("uncertainty_metrics", lang)).font = BOLD
    row += 1
    columns = (*_METRIC_COLUMNS, *_METRIC_SHARES)
    for j, key in enumerate(columns, start=1):
        ws.cell(row, j, simulation_label(key, lang)).font = BOLD
    for metric in metrics:
        row += 1
        _metric_row(ws, metric, columns, lang, row)


def _metric_row(
    ws: Any, metric: Mapping[str, Any], columns: tuple[str, ...], lang: Lang, row: int
) -> None:
    """One metric's cells: its name in words, then payer, item and the figures."""
    name = str(metric.get("metric"))
    money = name in ("npv", "pv_costs", "pv_avoided")
    for j, key in enumerate(columns, start=1):
        value = metric.get(key)
        if key == "metric":
            value = simulation_label(name, lang)
        cell = text_cell(ws, row, j, value)
        if key in _METRIC_SHARES:
            cell.number_format = "0.0%"
        elif j > 3:
            cell.number_format = KR if money else YEARS
