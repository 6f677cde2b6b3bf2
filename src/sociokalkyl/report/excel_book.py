"""The xlsx report's writer: XlsxWriter in memory, named styles, cells with cached values.

Why XlsxWriter: a formula cell in an xlsx file may carry the value it was last computed
to. Excel and LibreOffice recompute on opening, but a viewer that does not (a phone, a
web preview, ``openpyxl.load_workbook(data_only=True)``, a mail client's preview) shows
only that stored value. openpyxl cannot store it; XlsxWriter can
(``write_formula(cell, formula, format, value)``), and it also writes the page set-up
and the charts this report needs. Every formula of the report is therefore written
with the number the library computed for it.

:class:`Book` holds the workbook and a cache of named styles; :class:`Sheet` writes
cells (text always as text, cleaned of control characters, never as a formula), keeps
the width each column needs and sets the print layout: A4 landscape, fit to the page
width, the heading rows repeated on every page.

Examples
--------
>>> book = Book("sv")
>>> sheet = book.sheet("Blad")
>>> sheet.write("A1", "=1+1")               # text, never a formula
>>> sheet.formula("B1", "=2*3", 6.0, "kr")  # a formula with its value
>>> data = book.close()
>>> import io, openpyxl
>>> ws = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["Blad"]
>>> ws["A1"].value, ws["B1"].value
('=1+1', 6.0)
"""

from __future__ import annotations

import io
import math
import numbers
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol

from sociokalkyl.language.labels import Lang
from sociokalkyl.language.safety import clean_text

__all__ = ["STYLES", "Book", "Sheet", "number_formats"]

A4 = 9
"""XlsxWriter's paper code of A4."""


def number_formats(lang: Lang) -> dict[str, str]:
    """The number formats of the report: kronor, years, percentages, factors.

    Swedish formats carry the locale tag ``[$-41D]`` (Swedish), so LibreOffice shows
    ``1 234 567 kr`` and ``3,5 %`` whatever the computer's own locale; Excel shows its
    user's separators. English formats have no tag and ``SEK``.

    Parameters
    ----------
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    dict[str, str]
        Format codes by style name: ``kr``, ``years``, ``rate``, ``percent``, ``factor``.

    Examples
    --------
    >>> number_formats("sv")["kr"]
    '[$-41D]#,##0 "kr"'
    >>> number_formats("en")["percent"]
    '0.0%'
    """
    tag, currency = ("[$-41D]", "kr") if lang == "sv" else ("", "SEK")
    return {
        "kr": f'{tag}#,##0 "{currency}"',
        "years": f"{tag}0.00",
        "rate": f"{tag}0.00%",
        "percent": "0.0%",  # the program's own percent sign and decimal
        "factor": f"{tag}0.000000",
    }


STYLES: dict[str, dict[str, Any]] = {
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 14},
    "header": {
        "bold": True,
        "text_wrap": True,
        "valign": "bottom",
        "bottom": 1,
        "bg_color": "#DDEBF7",
    },
    "input": {"bg_color": "#FFF2CC", "border": 1},
    "wrap": {"text_wrap": True, "valign": "top"},
    "total": {"bold": True, "top": 1},
}
"""The named cell styles besides the number formats; names combine (``"bold kr"``)."""


class Book:
    """An xlsx workbook written in memory, with named styles.

    Parameters
    ----------
    lang
        ``"sv"`` or ``"en"``: the language of the number formats.

    Examples
    --------
    >>> book = Book("en")
    >>> book.sheet("S").write("A1", 3.5, "bold years")
    >>> book.close()[:2]
    b'PK'
    """

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self.buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "nan_inf_to_errors": True,
            },
        )
        self.formats = number_formats(lang)
        self._styles: dict[str, Any] = {}
        self.sheets: list[Sheet] = []

    def style(self, names: str | None) -> Any:
        """The XlsxWriter format for space-separated style names, aligned to the top of
        the cell (a row grows for wrapped text; its numbers stay beside the label)."""
        names = names or "plain"
        if names not in self._styles:
            properties: dict[str, Any] = {"valign": "top"}
            for name in names.split():
                if name == "plain":
                    continue
                if name in self.formats:
                    properties["num_format"] = self.formats[name]
                else:
                    properties.update(STYLES[name])
            self._styles[names] = self.workbook.add_format(properties)
        return self._styles[names]

    def sheet(self, name: str) -> Sheet:
        """A new sheet called ``name`` (cleaned of control characters)."""
        sheet = Sheet(self, self.workbook.add_worksheet(clean_text(name)[:31]))
        self.sheets.append(sheet)
        return sheet

    def close(self) -> bytes:
        """Finish the workbook: every sheet's column widths, then the file's bytes."""
        for sheet in self.sheets:
            sheet.set_widths()
        self.workbook.close()
        return self.buffer.getvalue()


class Sheet:
    """One worksheet: cells written safely, the width each column needs, the print layout.

    Parameters
    ----------
    book
        The :class:`Book` the sheet belongs to.
    worksheet
        The XlsxWriter worksheet.

    Examples
    --------
    >>> sheet = Book("sv").sheet("S")
    >>> sheet.write("A1", "Nettonuvärde, kr")           # as wide as the text
    >>> sheet.write("B1", "Nettonuvärde, kr", "header")  # wraps: its longest word
    >>> sheet.widths
    {0: 18, 1: 15}
    """

    def __init__(self, book: Book, worksheet: Any) -> None:
        self.book = book
        self.worksheet = worksheet
        self.name: str = worksheet.name
        self.widths: dict[int, float] = {}
        self.fixed: dict[int, float] = {}
        self.wrapped: list[tuple[int, int, int]] = []

    def _measure(self, col: int, width: float) -> None:
        self.widths[col] = max(self.widths.get(col, 0.0), width)

    def write(self, cell: str, value: Any, style: str | None = None) -> None:
        """Write ``value``: text as a string cell (never a formula), numbers as numbers.

        A header's width counts its longest word (it wraps); a title none (it runs on
        to the right); other text its length.
        """
        row, col = xl_cell_to_rowcol(cell)
        fmt = self.book.style(style)
        if value is None:
            self.worksheet.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            self.worksheet.write_boolean(row, col, value, fmt)
        elif isinstance(value, numbers.Real):
            self.worksheet.write_number(row, col, float(value), fmt)
            self._measure(col, _number_width(float(value)))
        else:
            text = clean_text(str(value))
            self.worksheet.write_string(row, col, text, fmt)
            if style is not None and "title" in style:
                return  # a title runs on over the empty cells to its right
            wraps = style is not None and ("header" in style or "wrap" in style)
            if wraps:
                self.wrapped.append((row, col, len(text)))
            words = text.split() or [""]
            self._measure(col, max(map(len, words)) + 2 if wraps else len(text) + 2)

    def formula(self, cell: str, formula: str, value: Any, style: str | None = None) -> None:
        """Write a formula with its computed ``value`` stored beside it (a number or text)."""
        row, col = xl_cell_to_rowcol(cell)
        if isinstance(value, float) and not math.isfinite(value):
            value = ""
        self.worksheet.write_formula(row, col, formula, self.book.style(style), value)
        if isinstance(value, numbers.Real):
            self._measure(col, _number_width(float(value)))
        else:
            self._measure(col, len(str(value)) + 2)

    def width(self, col: int, width: float) -> None:
        """Fix column ``col``'s (0-based) width [characters], whatever its cells need."""
        self.fixed[col] = width

    def set_widths(self, low: float = 8.0, high: float = 60.0) -> None:
        """Each column as wide as its widest cell [characters], between ``low`` and ``high``;
        a row with wrapped text as tall as its longest text needs (15 points a line)."""
        widths: dict[int, float] = {}
        for col in sorted({*self.widths, *self.fixed}):
            widths[col] = self.fixed.get(col, min(max(self.widths.get(col, low), low), high))
            self.worksheet.set_column(col, col, widths[col])
        lines: dict[int, int] = {}
        for row, col, length in self.wrapped:
            needed = math.ceil(length / max(widths.get(col, low) - 2.0, 1.0))
            lines[row] = max(lines.get(row, 1), needed)
        for row, count in lines.items():
            if count > 1:
                self.worksheet.set_row(row, 15.0 * count)

    def print_layout(self, header_rows: int = 0, freeze: str | None = None) -> None:
        """A4 landscape, fit to the page width, ``header_rows`` repeated, panes frozen.

        Parameters
        ----------
        header_rows
            How many top rows repeat on every printed page (0: none).
        freeze
            The first cell that scrolls (``"C3"`` freezes rows 1-2 and columns A-B).
        """
        ws = self.worksheet
        ws.set_landscape()
        ws.set_paper(A4)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&L&A&R&P / &N")
        if header_rows:
            ws.repeat_rows(0, header_rows - 1)
        if freeze is not None:
            row, col = xl_cell_to_rowcol(freeze)
            ws.freeze_panes(row, col)


def _number_width(value: float) -> float:
    """The characters a number needs in the report's formats (groups, unit)."""
    if not math.isfinite(value) or abs(value) < 1000:
        return 8.0
    digits = len(str(int(abs(value))))
    return digits + (digits - 1) // 3 + 6.0
