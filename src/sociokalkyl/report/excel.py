"""The xlsx report: summary, yearly flows and assumptions, with live Excel formulas.

The yearly flows (intervention costs and avoided costs, in total and per payer) are
numbers; everything computed from them is an Excel formula: net, the discount rate of
each year, the chained discount factor, discounted net, the cumulative sums, the
payback helper columns, and on the summary sheet NPV, the present values, the
benefit-cost ratio and the payback periods. A board can audit every step and change
the discount rate in one cell. Each formula is stored with the value the library
computed for it, so a viewer that does not recalculate still shows the numbers.

Under the summary's tables, when the model has them: the effects no one can price
("Ej värderade effekter") and the present value of each outcome's consequences per
actor (:mod:`~sociokalkyl.report.excel_breakdown`).

The workbook prints: every sheet A4 landscape, fit to the page width, heading rows
repeated and frozen; Swedish number formats (``1 234 567 kr``); two charts on the
summary (cumulative net with the payback, costs beside avoided costs by year).

The sheets are written by :mod:`~sociokalkyl.report.excel_sheets` (summary),
:mod:`~sociokalkyl.report.excel_years` (yearly flows: the formulas and their
conventions), :mod:`~sociokalkyl.report.excel_charts` and
:mod:`~sociokalkyl.report.excel_log` (assumptions, uncertainty) through the writer of
:mod:`~sociokalkyl.report.excel_book`; every label comes from
:data:`sociokalkyl.language.workbook.WORKBOOK_LABELS`. A further sheet is one small
module with a function ``(book, context) -> None`` added to :data:`EXTRA_SHEETS`.

Examples
--------
>>> import tempfile, pathlib, openpyxl
>>> from sociokalkyl import evaluate
>>> from sociokalkyl.examples import servicetrainee
>>> path = pathlib.Path(tempfile.mkdtemp()) / "rapport.xlsx"
>>> write_report(evaluate(*servicetrainee()), path)
>>> openpyxl.load_workbook(path).sheetnames
['Sammanfattning', 'År', 'Antaganden', 'Perspektiv']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociokalkyl._atomic import write_atomic
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.workbook import WORKBOOK_LABELS, workbook_label
from sociokalkyl.report.excel_book import Book
from sociokalkyl.report.excel_breakdown import breakdown_block
from sociokalkyl.report.excel_charts import summary_charts
from sociokalkyl.report.excel_log import assumptions_sheet, uncertainty_sheet
from sociokalkyl.report.excel_perspectives import perspectives_sheet
from sociokalkyl.report.excel_sheets import rate_cell, summary_sheet
from sociokalkyl.report.excel_years import (
    FIRST,
    TOTAL_COLUMNS,
    payer_columns,
    yearly_sheet,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = [
    "EXTRA_SHEETS",
    "FIRST",
    "REPORT_SHEETS",
    "TOTAL_COLUMNS",
    "WorkbookContext",
    "payer_columns",
    "write_report",
]

REPORT_SHEETS = tuple(workbook_label(key) for key in ("summary", "years", "assumptions"))
"""The report's sheets (Swedish); in English: Summary, Years, Assumptions. With a Monte
Carlo simulation a fourth sheet, Osäkerhet (Uncertainty), follows."""


@dataclass(frozen=True)
class WorkbookContext:
    """What a sheet of the report may draw on.

    Attributes
    ----------
    result
        The deterministic result.
    lang
        ``"sv"`` or ``"en"``.
    text
        The workbook's labels in that language (``WORKBOOK_LABELS``).
    simulation
        ``SimulationResult.summary()``, or None.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> WorkbookContext(sk.evaluate(*sk.examples.skolfam()), "sv", {}, None).lang
    'sv'
    """

    result: Result
    lang: Lang
    text: Mapping[str, str]
    simulation: Mapping[str, Any] | None


def _uncertainty(book: Book, context: WorkbookContext) -> None:
    """The sheet Osäkerhet, when there is a simulation."""
    if context.simulation is not None:
        sheet = book.sheet(context.text["uncertainty"])
        uncertainty_sheet(sheet, context.simulation, context.lang)


EXTRA_SHEETS: tuple[Callable[[Book, WorkbookContext], None], ...] = (
    perspectives_sheet,
    _uncertainty,
)
"""The sheets after the assumptions, in order; each writes its sheet only when it has
something to show: Perspektiv (:mod:`~sociokalkyl.report.excel_perspectives`, when the
model has transfers, production, work, nämnder or perspectives of its own), Osäkerhet."""


def write_report(
    result: Result,
    path: str | Path,
    lang: str = "sv",
    simulation: Mapping[str, Any] | None = None,
    *,
    overwrite: bool = True,
) -> None:
    """Write a result as an xlsx workbook with auditable formulas.

    Parameters
    ----------
    result
        A deterministic result from :func:`sociokalkyl.evaluate`.
    path
        Where to write the ``.xlsx`` file (atomically: a temporary file in the same
        directory, then a rename).
    lang
        ``"sv"`` (sheets Sammanfattning, År, Antaganden) or ``"en"`` (Summary, Years,
        Assumptions).
    simulation
        A Monte Carlo summary (``SimulationResult.summary()``); adds the sheet Osäkerhet
        (Uncertainty) with the probabilities and the spread of NPV per payer.
    overwrite
        Replace an existing regular file at ``path`` (the default); False refuses one.
        Something that is not a regular file (a directory, a device) is never replaced.

    Notes
    -----
    Each formula is stored with its value as the library computed it; Excel and
    LibreOffice compute it again when the file is opened. NPV is the sum of
    ``net_t * f(t)`` with the chained factors of the yearly sheet, equal to
    ``=NPV(r, year 1..N) + year 0`` for a constant rate (the summary shows both).

    Raises
    ------
    InputError
        For an unknown language, a directory that does not exist, a ``path`` that is not
        a regular file, or an existing file when ``overwrite`` is False.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> import sociokalkyl as sk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.xlsx"
    >>> write_report(sk.evaluate(*sk.examples.skolfam()), path, lang="en")
    >>> openpyxl.load_workbook(path).sheetnames
    ['Summary', 'Years', 'Assumptions']
    """
    language = _language(lang)
    target = Path(path)
    if not target.resolve().parent.is_dir():
        raise InputError(
            "the directory does not exist",
            field="path",
            value=str(path),
            expected="a path in an existing directory, e.g. rapport.xlsx",
        )
    data = _workbook(WorkbookContext(result, language, _text(language), simulation))
    write_atomic(target, data, overwrite=overwrite)


def _language(lang: str) -> Lang:
    """The report language checked: ``"sv"`` or ``"en"``, else an :class:`InputError`."""
    if lang not in ("sv", "en"):
        raise InputError(
            "is not a supported language", field="lang", value=lang, expected="one of sv, en"
        )
    return "sv" if lang == "sv" else "en"


def _text(lang: Lang) -> dict[str, str]:
    return {key: workbook_label(key, lang) for key in (*WORKBOOK_LABELS, "legend")}


def _workbook(context: WorkbookContext) -> bytes:
    """The report's sheets in order: summary, years, assumptions, then :data:`EXTRA_SHEETS`;
    the summary's rate cell links the yearly sheet's rates. Returns the file's bytes."""
    result, text, lang = context.result, context.text, context.lang
    book = Book(lang)
    summary, years = book.sheet(text["summary"]), book.sheet(text["years"])
    blocks = yearly_sheet(years, result, text, rate_cell(result, summary.name))
    row = summary_sheet(summary, result, text, years.name, blocks, lang)
    row = breakdown_block(summary, result, lang, row)  # unpriced effects, by outcome
    summary_charts(book, summary, years.name, result, row, lang)
    assumptions_sheet(book.sheet(text["assumptions"]), result, lang)
    for extra in EXTRA_SHEETS:
        extra(book, context)
    return book.close()
