"""The xlsx report's sections on unpriced effects and on outcomes (the summary sheet).

Written under the summary's tables and above its charts, each only when the model has
it: the effects no one can price ("Ej värderade effekter", one row each, as the user
wrote them) and the present value of each outcome's consequences per actor
(``Result.by_outcome``), each outcome's total a ``SUM`` formula stored with its value.
Words come from :mod:`sociokalkyl.language.breakdown`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sociokalkyl.language.breakdown import breakdown_label
from sociokalkyl.language.labels import Lang
from sociokalkyl.report.breakdown_tables import outcome_table
from sociokalkyl.report.excel_book import Sheet

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["breakdown_block"]


def breakdown_block(sheet: Sheet, result: Result, lang: Lang, row: int) -> int:
    """Write the unpriced effects and the outcomes from ``row`` on; return the next free row.

    Parameters
    ----------
    sheet
        The summary :class:`~sociokalkyl.report.excel_book.Sheet` (columns A, B, C).
    result
        The result (``unpriced_effects``, ``by_outcome()``).
    lang
        ``"sv"`` or ``"en"``.
    row
        The first free row (1-based).

    Returns
    -------
    int
        The first free row after the sections (``row`` itself when there is none).

    Examples
    --------
    >>> import io, openpyxl, sociokalkyl as sk
    >>> from sociokalkyl.report.excel_book import Book
    >>> book = Book("sv")
    >>> result = sk.evaluate(*sk.examples.load("styrka_hela_livet"))
    >>> breakdown_block(book.sheet("S"), result, "sv", 2)
    12
    >>> ws = openpyxl.load_workbook(io.BytesIO(book.close()))["S"]
    >>> ws["A2"].value
    'Ej värderade effekter (ingår inte i nettonuvärdet)'
    >>> ws["A8"].value, ws["B10"].value
    ('hoftfraktur_undviken: Kommun', '=SUM(B8:B9)')
    """
    effects = result.unpriced_effects
    if effects:
        _heading(sheet, breakdown_label("unpriced", lang), row)
        sheet.write(f"C{row + 1}", breakdown_label("unpriced.note", lang), "wrap")
        for i, effect in enumerate(effects, start=row + 1):
            sheet.write(f"A{i}", effect, "wrap")
        row += len(effects) + 2
    table = outcome_table(result, lang)
    if table is not None:
        _heading(sheet, table.title, row)
        sheet.write(f"C{row + 1}", breakdown_label("outcomes.note", lang), "wrap")
        first = row + 1
        for i, (outcome, actor, pv) in enumerate(table.rows, start=row + 1):
            sheet.write(f"A{i}", f"{outcome}: {actor}")
            if actor == breakdown_label("outcomes.total", lang):
                sheet.formula(f"B{i}", f"=SUM(B{first}:B{i - 1})", pv, "total kr")
                first = i + 1
            else:
                sheet.write(f"B{i}", pv, "kr")
        row += len(table.rows) + 2
    return row


def _heading(sheet: Sheet, title: str, row: int) -> None:
    """A section's heading across columns A to C."""
    sheet.write(f"A{row}", title, "header")
    sheet.write(f"B{row}", None, "header")
    sheet.write(f"C{row}", None, "header")
