"""What a cell of a filled-in Excel template holds, and nothing else.

:class:`SheetCells` holds the non-empty cells of one sheet as
:mod:`sociokalkyl.scenario.excel_file` read them: the value Excel saved and, for a
formula, its text. :meth:`SheetCells.value` gives a cell's value, evaluates a formula
that is only a number (``=0.5``, ``=-0.3``) and refuses every other formula without a
saved value (a file written by a script), an Excel error (``#DIV/0!``), a number that is
not finite and text with control characters (:func:`check_text`), each with the sheet
and cell.

Examples
--------
>>> literal_formula("=-0.3"), literal_formula("=A1*2")
(-0.3, None)
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import openpyxl

from sociokalkyl.errors import InputError
from sociokalkyl.language.safety import is_control_character

__all__ = ["Cell", "SheetCells", "check_text", "literal_formula", "whole_number_example"]

_LITERAL = re.compile(r"=\s*(?P<number>[+-]?\s*(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*")


def literal_formula(formula: str) -> float | None:
    """The number a formula that is only a number stands for (``"=0.5"`` -> 0.5), else None.

    Parameters
    ----------
    formula
        The formula as stored in the file, with its ``=`` (decimals with a point, as
        Excel stores every formula whatever the language of the user's Excel).

    Returns
    -------
    float or None
        The number, or None when the formula is anything else (a reference, a function,
        ``=50%``, text).

    Examples
    --------
    >>> literal_formula("=0.05"), literal_formula("= -1.5E3"), literal_formula("=50%")
    (0.05, -1500.0, None)
    """
    match = _LITERAL.fullmatch(formula)
    if match is None:
        return None
    number = float(match["number"].replace(" ", ""))
    return number if math.isfinite(number) else None


def check_text(text: str, ref: str) -> str:
    """Refuse text with control characters; tab and line break are kept.

    Parameters
    ----------
    text
        The text of a cell.
    ref
        The cell, e.g. ``"Insats!B3"``, named in the error.

    Returns
    -------
    str
        The text, unchanged.

    Raises
    ------
    InputError
        For a control character (U+0000-U+001F except tab, line feed and carriage
        return, U+007F-U+009F) or a bidirectional override (U+202A-U+202E,
        U+2066-U+2069), naming the character's code.

    Examples
    --------
    >>> check_text("Arbete\\nmed stöd", "Insats!B4")
    'Arbete\\nmed stöd'
    >>> try:
    ...     check_text("Servicetrainee\\x1b[2J", "Insats!B3")
    ... except InputError as exc:
    ...     print(exc.message)
    holds the control character U+001B at position 15
    """
    for position, char in enumerate(text, start=1):
        if is_control_character(char) and char != "\r":  # a cell may hold line breaks
            bidi = unicodedata.category(char) == "Cf"
            kind = "bidirectional control character" if bidi else "control character"
            raise InputError(
                f"holds the {kind} U+{ord(char):04X} at position {position}",
                field=ref,
                value=text.encode("unicode_escape").decode("ascii")[:80],
                expected="plain text; retype the cell (tab and line breaks are allowed)",
            )
    return text


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: its saved value, Excel's type letter, number format and formula.

    Examples
    --------
    >>> Cell(0.5, "n", "0%").number_format
    '0%'
    """

    value: Any
    data_type: str
    number_format: str
    formula: str | None = None


@dataclass
class SheetCells:
    """The non-empty cells of one sheet, by (row, column), and the sheet's name.

    Examples
    --------
    >>> SheetCells("Insats").value(3, 2) is None
    True
    """

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    max_row: int = 0

    def ref(self, row: int, col: int) -> str:
        """The address of a cell, e.g. ``"Insats!B3"``.

        Parameters
        ----------
        row, col
            The cell's row and column (1-based).

        Returns
        -------
        str
            The sheet and cell.

        Examples
        --------
        >>> SheetCells("Effekter").ref(4, 3)
        'Effekter!C4'
        """
        return f"{self.name}!{openpyxl.utils.get_column_letter(col)}{row}"

    def number_format(self, row: int, col: int) -> str:
        """The cell's number format (``"0%"`` for a percent cell), ``"General"`` if empty.

        Parameters
        ----------
        row, col
            The cell's row and column (1-based).

        Returns
        -------
        str
            The number format.

        Examples
        --------
        >>> SheetCells("Effekter").number_format(4, 3)
        'General'
        """
        cell = self.cells.get((row, col))
        return "General" if cell is None else cell.number_format

    def value(self, row: int, col: int) -> Any:
        """The value of a cell: a number, a text, a date, a bool, or None for an empty cell.

        Parameters
        ----------
        row, col
            The cell's row and column (1-based).

        Returns
        -------
        Any
            The value Excel saved, or the number of a formula that is only a number.

        Raises
        ------
        InputError
            For a formula without a saved value, an Excel error, a number that is not
            finite or text with control characters.

        Examples
        --------
        >>> SheetCells("Insats").value(3, 2) is None
        True
        """
        cell = self.cells.get((row, col))
        if cell is None:
            return None
        value = cell.value
        if cell.formula is not None and value is None:
            return self._formula_value(row, col, cell.formula)
        if cell.data_type == "e":
            raise InputError(
                "holds an Excel error, not a value",
                field=self.ref(row, col),
                value=value,
                expected="a value (correct the formula, or type the value)",
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError(
                "is not a finite number", field=self.ref(row, col), value=value, expected="a number"
            )
        if isinstance(value, str):
            return check_text(value, self.ref(row, col))
        return value

    def _formula_value(self, row: int, col: int, formula: str) -> float:
        number = literal_formula(formula)
        if number is None:
            raise InputError(
                "holds a formula whose value was never computed (the file was written by a "
                "program, not saved by Excel)",
                field=self.ref(row, col),
                value=formula,
                expected="the value itself typed in the cell (e.g. 0,5 instead of =A1/2), or "
                "the file opened and saved in Excel or LibreOffice so that the value is stored",
            )
        return number


def whole_number_example(header: str) -> str:
    """What a whole-number cell expects, by its heading (a year is not a horizon).

    Parameters
    ----------
    header
        The column's heading.

    Returns
    -------
    str
        The expected value with an example.

    Examples
    --------
    >>> whole_number_example("Horisont (år)")
    'a number of years such as 10'
    """
    lowered = header.lower()
    if lowered.startswith(("basår", "prisår")):
        return "a calendar year such as 2023"
    if lowered.startswith("horisont"):
        return "a number of years such as 10"
    if lowered.startswith("intag"):
        return "a year 0, 1, 2, ... counted from the base year"
    return "a whole number such as 1 or 5"
