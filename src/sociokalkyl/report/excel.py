"""The xlsx report: summary, yearly flows and assumptions, with live Excel formulas.

The yearly flows (intervention costs and avoided costs, in total and per payer) are
numbers; everything computed from them is an Excel formula: net, the discount rate of
each year, the chained discount factor, discounted net, the cumulative sums, the
payback helper columns, and on the summary sheet NPV, the present values, the
benefit-cost ratio and the payback periods. A board can audit every step and change
the discount rate in one cell.

The sheets are written by :mod:`sociokalkyl.report.excel_sheets` (summary, yearly flows:
the formulas and their conventions) and :mod:`sociokalkyl.report.excel_log` (assumptions,
uncertainty); every label comes from :data:`sociokalkyl.language.workbook.WORKBOOK_LABELS`.

Examples
--------
>>> import tempfile, pathlib, openpyxl
>>> from sociokalkyl import evaluate
>>> from sociokalkyl.examples import servicetrainee
>>> path = pathlib.Path(tempfile.mkdtemp()) / "rapport.xlsx"
>>> write_report(evaluate(*servicetrainee()), path)
>>> openpyxl.load_workbook(path).sheetnames
['Sammanfattning', 'År', 'Antaganden']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl

from sociokalkyl._atomic import atomic_save
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.workbook import WORKBOOK_LABELS, workbook_label
from sociokalkyl.report.excel_log import assumptions_sheet, uncertainty_sheet
from sociokalkyl.report.excel_sheets import (
    FIRST,
    TOTAL_COLUMNS,
    payer_columns,
    summary_sheet,
    yearly_sheet,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["FIRST", "REPORT_SHEETS", "TOTAL_COLUMNS", "payer_columns", "write_report"]

REPORT_SHEETS = tuple(workbook_label(key) for key in ("summary", "years", "assumptions"))
"""The report's sheets (Swedish); in English: Summary, Years, Assumptions. With a Monte
Carlo simulation a fourth sheet, Osäkerhet (Uncertainty), follows."""


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
    The workbook is written without cached formula values; Excel and LibreOffice compute
    them when the file is opened. NPV is the sum of ``net_t * f(t)`` with the chained
    factors of the yearly sheet, equal to ``=NPV(r, year 1..N) + year 0`` for a constant
    rate (the summary shows both).

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
    workbook = _workbook(result, language, simulation)
    atomic_save(workbook, Path(path), overwrite=overwrite)


def _language(lang: str) -> Lang:
    """The report language checked: ``"sv"`` or ``"en"``, else an :class:`InputError`."""
    if lang not in ("sv", "en"):
        raise InputError(
            "is not a supported language", field="lang", value=lang, expected="one of sv, en"
        )
    return "sv" if lang == "sv" else "en"


def _workbook(
    result: Result,
    lang: Lang,
    simulation: Mapping[str, Any] | None,
) -> openpyxl.Workbook:
    """The report's sheets in order: summary, years, assumptions and, with a simulation,
    uncertainty; the summary's rate cell links the yearly sheet's rates."""
    text = {key: workbook_label(key, lang) for key in (*WORKBOOK_LABELS, "legend")}
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = text["summary"]
    years = wb.create_sheet(text["years"])
    rate_cell = summary_sheet(summary, result, text, years.title, lang)
    yearly_sheet(years, result, text, rate_cell)
    assumptions_sheet(wb.create_sheet(text["assumptions"]), result, lang)
    if simulation is not None:
        uncertainty_sheet(wb.create_sheet(text["uncertainty"]), simulation, lang)
    return wb
