"""Reading the cells of a template sheet by their column's kind, with sheet and cell.

:class:`CellReader` is shared by the template's sheets (:mod:`~sociokalkyl.scenario.excel_read`
and the outcome sheets, :mod:`~sociokalkyl.scenario.excel_outcomes`): numbers in Swedish
notation, amounts with their unit in the next cell, shares and the percent trap,
choices, payers and actors, profiles and lists of names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sociokalkyl.errors import InputError, UnitError, Words, did_you_mean
from sociokalkyl.model.actors import STANDARD_ACTORS
from sociokalkyl.scenario.excel_actors import read_actor_cell
from sociokalkyl.scenario.excel_cells import SheetCells, whole_number_example
from sociokalkyl.scenario.excel_columns import Column
from sociokalkyl.scenario.excel_template_rows import plain_number
from sociokalkyl.units import parse_number

__all__ = ["CellReader"]

_SHARE_UNITS = ("andel", "%", "procent")


@dataclass
class CellReader:
    """Reads a template sheet's cells with their address, and remembers each field's cell.

    Every value is read by its column's kind (:class:`~sociokalkyl.scenario.excel_columns.Column`)
    and every problem is an :class:`~sociokalkyl.errors.InputError` naming the sheet and
    the cell.

    Attributes
    ----------
    sheet
        The sheet's name.
    ws
        Its cells.
    known_payers
        The actors a payer, recipient or owner cell may name.
    origins
        Field path -> cell, filled in as values are read.

    Examples
    --------
    >>> from sociokalkyl.scenario.excel_cells import Cell
    >>> reader = CellReader("Effekter", SheetCells("Effekter", {(3, 3): Cell("-49 %", "s", "")}))
    >>> reader.number(3, 3, "Förändring", "a number", percent=True)
    -0.49
    """

    sheet: str
    ws: SheetCells
    known_payers: set[str] = field(default_factory=lambda: set(STANDARD_ACTORS))
    origins: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def ref(self, row: int, col: int) -> str:
        """The cell's address, e.g. ``"Effekter!C4"``."""
        return self.ws.ref(row, col)

    def fail(
        self, row: int, col: int, message: str | Words, value: Any, expected: str | Words | None
    ) -> InputError:
        """An error at the cell."""
        return InputError(message, field=self.ref(row, col), value=value, expected=expected)

    def raw(self, row: int, col: int) -> Any:
        """The cell's value, text stripped (empty text is None)."""
        value = self.ws.value(row, col)
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def number(
        self, row: int, col: int, header: str, expected: str, *, percent: bool = False
    ) -> float | None:
        """A number cell; text in Swedish notation too, with ``%`` only where ``percent``."""
        value = self.raw(row, col)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(row, col, f"{header} is not a number", value, expected)
        if not isinstance(value, str):
            return float(value)
        text, divisor = value, 1.0
        if value.endswith("%"):
            if not percent:
                raise self.fail(
                    row,
                    col,
                    f"{header} holds a percent, which this column does not take",
                    value,
                    expected,
                )
            text, divisor = value.removesuffix("%").strip(), 100.0
        try:
            return parse_number(text, field=self.ref(row, col)) / divisor
        except UnitError as exc:
            # the same explanation as in a scenario file (e.g. "12,000" is ambiguous)
            ambiguous = "ambiguous" in exc.message
            reason = exc.message if ambiguous else "is not a number"
            better = exc.expected if ambiguous and exc.expected else expected
            raise self.fail(row, col, f"{header} {reason}", value, better) from None

    def read(self, row: int, col: int, column: Column, location: tuple[Any, ...]) -> Any:
        """The value of one cell (and of the unit cell after it) as a scenario value."""
        self.origins[location] = self.ref(row, col)
        kind, header = column.kind, column.header
        if kind in ("float", "share"):
            return self.number(row, col, header, "a number such as 0,2 or 3,5 %", percent=True)
        if kind == "int":
            example = whole_number_example(header)
            number = self.number(row, col, header, example)
            if number is not None and not number.is_integer():
                raise self.fail(row, col, f"{header} is not a whole number", number, example)
            return None if number is None else int(number)
        if kind in ("amount", "change"):
            return self._amount(row, col, column, location)
        value = self.raw(row, col)
        if value is None:
            return None
        text = str(plain_number(value)) if isinstance(value, int | float) else str(value)
        return self._text(row, col, column, text)

    def _amount(self, row: int, col: int, column: Column, location: tuple[Any, ...]) -> Any:
        """A number with its unit in the next cell (or a share for a relative change)."""
        kind, header = column.kind, column.header
        unit = self.raw(row, col + 1)
        unit_text = None if unit is None else str(unit)
        share = kind == "change" and (unit_text is None or unit_text.lower() in _SHARE_UNITS)
        expected = "a plain number such as 7149, with the unit in the next cell"
        number = self.number(row, col, header, expected, percent=share)
        if number is None:
            return None
        if share:
            return self._share_change(row, col, header, number, unit_text)
        if unit_text is None:
            raise self.fail(
                row,
                col + 1,
                f"{header} needs a unit",
                unit,
                'a unit such as "kr/mån", "mån/år" or "mån"',
            )
        if "%" in unit_text or "%" in self.ws.number_format(row, col):
            where = col + 1 if "%" in unit_text else col
            raise self.fail(
                row,
                where,
                f"{header}: a percent is not an amount (number in {self.ref(row, col)}, "
                f"unit in {self.ref(row, col + 1)})",
                unit_text if "%" in unit_text else number,
                "a plain number with a unit such as kr, kr/mån or mån/år (a relative change "
                "is written on Effekter with the type relativ and the unit andel or %)",
            )
        self.origins[(*location, "unit")] = self.ref(row, col + 1)
        return {"value": number, "unit": unit_text}

    def _share_change(
        self, row: int, col: int, header: str, number: float, unit: str | None
    ) -> float:
        """A relative change: -0,49, "-49 %" as text, -49 % in a percent cell, or -49 and "%".

        Excel stores -49 % in a percent-formatted cell as -0,49, so those are the same; a
        plain -49 with the unit ``%`` is a number of percent. A plain number between -1 and
        1 (not 0) with the unit ``%`` can be read both ways and is refused.
        """
        raw = self.raw(row, col)
        already = (isinstance(raw, str) and raw.endswith("%")) or "%" in self.ws.number_format(
            row, col
        )
        if unit is None or unit.lower() not in ("%", "procent") or already:
            return number
        if 0 < abs(number) <= 1:
            raise self.fail(
                row,
                col,
                f"{header} {_sv(number)} with the unit % can be read as {_sv(number)} % or as "
                f"{_sv(number * 100)} %",
                number,
                f"for {_sv(number * 100)} %: {_sv(number * 100)} with the unit % (or "
                f"{_sv(number)} with the unit andel); for {_sv(number)} %: the text "
                f'"{_sv(number)} %" or {_sv(number / 100)} with the unit andel',
            )
        return number / 100.0

    def _text(self, row: int, col: int, column: Column, text: str) -> Any:
        """A text cell as a choice, payer, payer shares, profile, names or plain text."""
        kind, header = column.kind, column.header
        if kind == "choice" and column.choices is not None:
            lookup = {k.lower(): v for k, v in column.choices.items()}
            if text.lower() not in lookup:
                raise self.fail(
                    row,
                    col,
                    f"{header}: unknown value" + did_you_mean(text, column.choices),
                    text,
                    f"one of {', '.join(column.choices)}",
                )
            return lookup[text.lower()]
        if kind == "payer":
            return self.payer(row, col, text)
        if kind == "payer_shares":
            return self._payer_shares(row, col, header, text)
        if kind == "profile":
            try:
                return [parse_number(p.strip()) for p in text.split(";") if p.strip()]
            except UnitError:
                raise self.fail(
                    row,
                    col,
                    f"{header} is not a list of numbers",
                    text,
                    "numbers separated by ;, e.g. 1; 0,8; 0,6",
                ) from None
        if kind == "names":
            return [p.strip() for p in text.split(";") if p.strip()]
        if kind in ("actor", "perspectives"):
            return read_actor_cell(self, row, col, kind, header, text)
        return text

    def _payer_shares(self, row: int, col: int, header: str, text: str) -> Any:
        """``"kommun"`` or ``"kommun=0,56; region=0,44"``."""
        if "=" not in text:
            return self.payer(row, col, text)
        shares = {}
        for part in filter(None, (p.strip() for p in text.split(";"))):
            name, _, share = part.partition("=")
            try:
                shares[self.payer(row, col, name.strip())] = parse_number(share.strip())
            except UnitError:
                raise self.fail(
                    row,
                    col,
                    f"{header}: a share is not a number",
                    text,
                    "kommun=0,56; region=0,44",
                ) from None
        return shares

    def payer(self, row: int, col: int, name: str) -> str:
        """A payer's name, one of :attr:`known_payers` (with "did you mean")."""
        if name not in self.known_payers:
            raise self.fail(
                row,
                col,
                "unknown payer" + did_you_mean(name, self.known_payers),
                name,
                f"one of {', '.join(sorted(self.known_payers))} (declare others "
                "under Aktörer on the Insats sheet, e.g. kommun/socialnämnd)",
            )
        return name


def _sv(number: float) -> str:
    """A number as a Swedish reader writes it: ``-0.3`` -> ``"-0,3"``."""
    return f"{number:.10g}".replace(".", ",")
