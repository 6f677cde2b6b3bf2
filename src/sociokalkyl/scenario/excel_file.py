"""Opening a filled-in Excel template safely: the zip measured first, every sheet streamed.

This is the one place where the template's file is opened. Before openpyxl parses a
byte of XML, :func:`check_xlsx_file` measures the zip (a file that unpacks to more than
:data:`~sociokalkyl.limits.MAX_XLSX_UNCOMPRESSED_BYTES`, or more than
:data:`~sociokalkyl.limits.MAX_XLSX_COMPRESSION_RATIO` times its size, is refused; zipfile
stops a part at its declared size, so the declared sizes bound what is unpacked) and
checks that openpyxl parses through ``defusedxml``. :func:`read_cells` then reads every
sheet twice, streaming (read-only, so a cell far down a sheet costs no memory for the
rows above it): once for the values Excel saved and once for the formulas, so that an
empty cell and a formula whose value was never computed are told apart
(:class:`~sociokalkyl.scenario.excel_cells.SheetCells`).

Examples
--------
>>> import pathlib, tempfile
>>> from sociokalkyl.scenario.excel import write_template
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
>>> write_template(path)
>>> read_template_cells(path)["Insats"].value(1, 1)
'Insats'
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.xml

from sociokalkyl.errors import InputError
from sociokalkyl.limits import (
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_XLSX_COMPRESSION_RATIO,
    MAX_XLSX_UNCOMPRESSED_BYTES,
)
from sociokalkyl.scenario.excel_cells import Cell, SheetCells
from sociokalkyl.scenario.excel_columns import TABLES, TEMPLATE_SHEETS
from sociokalkyl.scenario.excel_outcomes import OUTCOME_SHEET_COLUMNS
from sociokalkyl.scenario.excel_prices import PRICE_COLUMNS, PRICE_SHEET
from sociokalkyl.scenario.excel_template_rows import SHEET

__all__ = ["check_xlsx_file", "read_cells", "read_template_cells"]

_EXPECTED_FILE = "an .xlsx template written by write_template or `sociokalkyl init mall.xlsx`"


def check_xlsx_file(path: Path) -> None:
    """Refuse a file that is too large, unpacks too far, or would be parsed without defusedxml.

    Parameters
    ----------
    path
        The ``.xlsx`` file.

    Raises
    ------
    InputError
        Naming the file, the sizes found and the limit.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.excel import write_template
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
    >>> write_template(path)
    >>> check_xlsx_file(path)
    """
    if not openpyxl.xml.DEFUSEDXML:
        raise InputError(
            "openpyxl would parse the workbook without defusedxml (is OPENPYXL_DEFUSEDXML "
            "set to False?), so XML bombs would not be caught",
            field=str(path),
            expected="defusedxml installed (`pip install defusedxml`) and "
            "OPENPYXL_DEFUSEDXML unset",
        )
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(
            "is too large for a template",
            field=str(path),
            value=f"{size} bytes",
            expected=f"at most {MAX_FILE_BYTES} bytes",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            # zipfile stops a part at its declared size, so the declared sizes bound the read
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            f"cannot be read as an Excel workbook ({exc})", field=str(path), expected=_EXPECTED_FILE
        ) from None
    if unpacked > MAX_XLSX_UNCOMPRESSED_BYTES or unpacked > MAX_XLSX_COMPRESSION_RATIO * size:
        raise InputError(
            f"unpacks to {unpacked} bytes from {size} bytes (a zip bomb?)",
            field=str(path),
            expected=f"a workbook that unpacks to at most {MAX_XLSX_UNCOMPRESSED_BYTES} bytes "
            f"and at most {MAX_XLSX_COMPRESSION_RATIO} times its size (a template: about "
            "300 000 bytes, 10 times)",
        )


def read_cells(path: Path, sheets: dict[str, int]) -> dict[str, SheetCells]:
    """The cells of the named sheets, up to a column each; missing sheets are left out.

    Parameters
    ----------
    path
        The ``.xlsx`` file (checked first with :func:`check_xlsx_file`).
    sheets
        Sheet name -> the last column read.

    Returns
    -------
    dict
        Sheet name -> its :class:`SheetCells`.

    Raises
    ------
    InputError
        For a file that is not a workbook or breaks a limit, or a value in a row beyond
        the last row a template may use.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.excel import write_template
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
    >>> write_template(path)
    >>> read_cells(path, {"Insats": 2})["Insats"].value(1, 1)
    'Insats'
    """
    check_xlsx_file(path)
    values = _stream(path, sheets, data_only=True)
    formulas = _stream(path, sheets, data_only=False)
    for name, sheet in values.items():
        for key, cell in formulas[name].cells.items():
            if cell.data_type == "f":
                text = (
                    cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", "")
                )
                base = sheet.cells.get(key, Cell(None, "n", cell.number_format))
                sheet.cells[key] = Cell(base.value, base.data_type, base.number_format, str(text))
        sheet.max_row = max(sheet.max_row, formulas[name].max_row)
    return values


def read_template_cells(path: Path) -> dict[str, SheetCells]:
    """The cells of the template's sheets, each up to its last column.

    Parameters
    ----------
    path
        The filled-in template.

    Returns
    -------
    dict
        Sheet name -> its :class:`SheetCells`, for every sheet but *Läs mig*.

    Raises
    ------
    InputError
        For a missing file or sheet, or a file :func:`read_cells` refuses.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.excel import write_template
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
    >>> write_template(path)
    >>> sorted(read_template_cells(path))[:2]
    ['Baslinje', 'Effekter']
    """
    if not path.exists():
        raise InputError(
            "the file does not exist",
            field=str(path),
            expected="an .xlsx template written by write_template",
        )
    widths = {SHEET["intervention"]: 2, SHEET["settings"]: 2}
    widths |= {sheet: len(columns) for sheet, (_, columns) in TABLES.items()}
    widths[PRICE_SHEET] = len(PRICE_COLUMNS)  # optional: older templates lack it
    widths |= {sheet: len(columns) for sheet, columns in OUTCOME_SHEET_COLUMNS.items()}
    sheets = read_cells(path, widths)
    for name in TEMPLATE_SHEETS[1:]:
        if name not in sheets:
            raise InputError(
                f"the template has no sheet {name!r}",
                field=f"{name}!A1",
                value=str(path),
                expected=f"the sheets {', '.join(TEMPLATE_SHEETS[1:])} "
                "(write a fresh template with write_template or `sociokalkyl init mall.xlsx`)",
            )
    return sheets


def _stream(path: Path, sheets: dict[str, int], *, data_only: bool) -> dict[str, SheetCells]:
    """One streaming pass over the sheets, keeping only the cells that hold something."""
    try:
        with warnings.catch_warnings():
            # Excel stores lists that refer to other sheets as an extension openpyxl does not
            # read; only the values are needed here, so the warning says nothing useful.
            warnings.simplefilter("ignore", category=UserWarning)
            # openpyxl leaves its zip open when it fails half-way; this handle is closed
            with path.open("rb") as handle:
                wb = openpyxl.load_workbook(handle, read_only=True, data_only=data_only)
                try:
                    return {
                        name: _sheet_cells(name, wb[name], last_col)
                        for name, last_col in sheets.items()
                        if name in wb.sheetnames
                    }
                finally:
                    wb.close()
    except InputError:
        raise
    except Exception as exc:  # openpyxl and the XML parser raise many unrelated types
        raise InputError(
            f"cannot be read as an Excel workbook ({type(exc).__name__}: {exc})"[:300],
            field=str(path),
            expected=_EXPECTED_FILE,
        ) from None


def _sheet_cells(name: str, ws: Any, last_col: int) -> SheetCells:
    sheet = SheetCells(name)
    last_row = MAX_LIST_ITEMS + 10  # headings, hints and the intake's offset
    for row in ws.iter_rows(min_col=1, max_col=last_col):
        for cell in row:
            if cell.value is None or not hasattr(cell, "row"):
                continue
            if cell.row > last_row:
                raise InputError(
                    f"has a value below row {last_row}",
                    field=sheet.ref(cell.row, cell.column),
                    value=cell.value if isinstance(cell.value, int | float) else None,
                    expected=f"at most {MAX_LIST_ITEMS} rows of data in a table",
                )
            sheet.cells[(cell.row, cell.column)] = Cell(
                cell.value, cell.data_type, str(cell.number_format)
            )
            sheet.max_row = max(sheet.max_row, cell.row)
    return sheet
