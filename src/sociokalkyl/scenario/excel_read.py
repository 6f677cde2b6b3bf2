"""Reading a filled-in Excel template back as a scenario mapping.

Every value is read with its address, so a problem is an
:class:`~sociokalkyl.errors.InputError` whose ``field`` names the sheet and the cell
(``"Effekter!C4"``). After reading, the mapping is checked against the models and a
model's complaint is traced back to the cell it came from.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from sociokalkyl.errors import InputError, UnitError, did_you_mean
from sociokalkyl.model import STANDARD_PAYERS
from sociokalkyl.scenario.excel_check import check_template_values
from sociokalkyl.scenario.excel_template import (
    FIRST_ROW,
    INTAKE_ROW,
    INTERVENTION_FIELDS,
    SETTINGS_FIELDS,
    TABLES,
    TEMPLATE_SHEETS,
    Column,
    make_column,
    plain_number,
)
from sociokalkyl.units import parse_number

__all__ = ["read_template"]

_SHARE_UNITS = ("andel", "%", "procent")


@dataclass
class _Reader:
    """Reads cells with their address, and remembers where each field came from."""

    sheet: str
    ws: Any
    known_payers: set[str] = field(default_factory=lambda: set(STANDARD_PAYERS))
    origins: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def ref(self, row: int, col: int) -> str:
        return f"{self.sheet}!{openpyxl.utils.get_column_letter(col)}{row}"

    def fail(self, row: int, col: int, message: str, value: Any, expected: str) -> InputError:
        return InputError(message, field=self.ref(row, col), value=value, expected=expected)

    def raw(self, row: int, col: int) -> Any:
        value = self.ws.cell(row, col).value
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def number(self, row: int, col: int, header: str, expected: str) -> float | None:
        value = self.raw(row, col)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(row, col, f"{header} is not a number", value, expected)
        if isinstance(value, str):
            try:
                return parse_number(value.removesuffix("%").strip(), field=self.ref(row, col)) / (
                    100.0 if value.endswith("%") else 1.0
                )
            except UnitError as exc:
                # the same explanation as in a scenario file (e.g. "12,000" is ambiguous)
                reason = exc.message if "ambiguous" in exc.message else "is not a number"
                raise self.fail(
                    row,
                    col,
                    f"{header} {reason}",
                    value,
                    exc.expected if "ambiguous" in exc.message and exc.expected else expected,
                ) from None
        return float(value)

    def read(self, row: int, col: int, column: Column, location: tuple[Any, ...]) -> Any:
        """The value of one cell (and of the unit cell after it) as a scenario value."""
        self.origins[location] = self.ref(row, col)
        kind, header = column.kind, column.header
        if kind in ("float", "share"):
            return self.number(row, col, header, "a number such as 0,2 or 3,5 %")
        if kind == "int":
            example = _whole_number_example(header)
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
        number = self.number(
            row, col, header, "a plain number such as 7149, with the unit in the next cell"
        )
        unit = self.raw(row, col + 1)
        if number is None:
            return None
        if kind == "change" and (unit is None or str(unit).lower() in _SHARE_UNITS):
            # A share: -0,49, "-49 %" typed as text, or -49 % in a percent-formatted
            # cell (Excel stores -0,49) are all the same; a plain -49 with the unit
            # "%" is a number of percent.
            raw = self.ws.cell(row, col).value
            already = (isinstance(raw, str) and raw.endswith("%")) or "%" in str(
                self.ws.cell(row, col).number_format
            )
            percent = unit is not None and str(unit).lower() in ("%", "procent")
            return number / 100.0 if percent and not already else number
        if unit is None:
            raise self.fail(
                row,
                col + 1,
                f"{header} needs a unit",
                unit,
                'a unit such as "kr/mån", "mån/år" or "mån"',
            )
        self.origins[(*location, "unit")] = self.ref(row, col + 1)
        return {"value": number, "unit": str(unit)}

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
        if name not in self.known_payers:
            raise self.fail(
                row,
                col,
                "unknown payer" + did_you_mean(name, self.known_payers),
                name,
                f"one of {', '.join(sorted(self.known_payers))} (declare others "
                "under Övriga betalare on the Insats sheet)",
            )
        return name


def _set(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    if value is not None:
        target[last] = value


def _table_rows(reader: _Reader, columns: tuple[Column, ...]) -> Iterator[tuple[int, list[Any]]]:
    for row in range(FIRST_ROW, reader.ws.max_row + 1):
        values = [reader.raw(row, j) for j in range(1, len(columns) + 1)]
        if any(v is not None for v in values):
            yield row, values


def _sheet(wb: Any, name: str, path: Path) -> Any:
    if name not in wb.sheetnames:
        raise InputError(
            f"the template has no sheet {name!r}",
            field=f"{name}!A1",
            value=str(path),
            expected=f"the sheets {', '.join(TEMPLATE_SHEETS[1:])} "
            "(write a fresh template with write_template or `sociokalkyl init mall.xlsx`)",
        )
    return wb[name]


def _load(path: Path) -> Any:
    try:
        with warnings.catch_warnings():
            # Excel stores lists that refer to other sheets as an extension openpyxl does not
            # read; only the values are needed here, so the warning says nothing useful.
            warnings.filterwarnings(
                "ignore", message="Data Validation extension", category=UserWarning
            )
            warnings.filterwarnings(
                "ignore", message="Conditional Formatting extension", category=UserWarning
            )
            return openpyxl.load_workbook(path, data_only=True, read_only=False)
    except FileNotFoundError:
        raise InputError(
            "the file does not exist",
            field=str(path),
            expected="an .xlsx template written by write_template",
        ) from None
    except Exception as exc:  # openpyxl raises several unrelated types for a bad file
        raise InputError(
            f"cannot be read as an Excel workbook ({exc})",
            field=str(path),
            expected="an .xlsx template written by write_template",
        ) from None


def read_template(path: str | Path) -> dict[str, Any]:
    """Read a filled-in template as a scenario mapping.

    Parameters
    ----------
    path
        The ``.xlsx`` file.

    Returns
    -------
    dict
        ``{"intervention": {...}, "settings": {...}}``, plain values that
        ``Intervention.model_validate`` and ``Settings.model_validate`` accept (amounts as
        ``{"value": 7149.0, "unit": "kr/mån"}``).

    Raises
    ------
    InputError
        For a missing sheet, a cell that cannot be read, an unknown payer or a value the
        models reject; ``field`` names the sheet and cell, e.g. ``"Effekter!C4"``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.excel import write_template
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
    >>> from sociokalkyl.examples import servicetrainee
    >>> write_template(path, *servicetrainee())
    >>> read_template(path)["intervention"]["name"]
    'Servicetrainee'
    """
    path = Path(path)
    wb = _load(path)
    sheets = {name: _sheet(wb, name, path) for name in TEMPLATE_SHEETS[1:]}
    origins: dict[tuple[Any, ...], str] = {}
    reader = _Reader("Insats", sheets["Insats"], origins=origins)
    intervention = _read_fields(reader, INTERVENTION_FIELDS, "intervention")
    reader.known_payers |= set(intervention.get("other_payers", []))
    intervention.setdefault("target_group", {})["intake"] = _read_intake(reader)
    for sheet, (key, columns) in TABLES.items():
        table_reader = _Reader(sheet, sheets[sheet], reader.known_payers, origins)
        intervention[key] = _read_table(table_reader, key, columns)
    reader = _Reader("Inställningar", sheets["Inställningar"], origins=origins)
    settings = _read_fields(reader, SETTINGS_FIELDS, "settings")
    schedule = settings.pop("discount_schedule", None)
    if schedule is not None:
        settings["discount_rate"] = schedule
        origins[("settings", "discount_rate")] = origins[("settings", "discount_schedule")]
    scenario = {"intervention": intervention, "settings": settings}
    check_template_values(scenario, origins)
    return scenario


def _read_fields(reader: _Reader, fields: tuple[Column, ...], part: str) -> dict[str, Any]:
    """The single values in column B of a sheet, one field a row from :data:`FIRST_ROW`."""
    values: dict[str, Any] = {}
    for i, column in enumerate(fields):
        if part == "settings":
            location: tuple[Any, ...] = ("settings", column.key)
        else:
            location = (part, *column.key.split(".")) if column.key else ()
        value = reader.read(FIRST_ROW + i, 2, column, location)
        if column.required and value is None:
            raise reader.fail(FIRST_ROW + i, 2, f"{column.header} is missing", None, column.hint)
        _set(values, column.key or "", value)
    return values


def _read_intake(reader: _Reader) -> list[float]:
    """Participants per intake year, from the rows under :data:`INTAKE_ROW`."""
    origins = reader.origins
    intake: dict[int, float] = {}
    for row in range(INTAKE_ROW, reader.ws.max_row + 1):
        count = reader.number(row, 2, "Antal deltagare", "a number of participants such as 30")
        if count is None:
            continue
        year = reader.read(
            row, 1, make_column("Intag: år", None, "int", ""), ("intervention", "intake")
        )
        if year is None:
            raise reader.fail(row, 1, "Intag: år is missing", None, "a year 0, 1, 2, ...")
        intake[year] = intake.get(year, 0.0) + count
        origins[("intervention", "target_group", "intake", year)] = reader.ref(row, 2)
    origins[("intervention", "target_group", "intake")] = reader.ref(INTAKE_ROW, 2)
    return [intake.get(y, 0.0) for y in range(max(intake) + 1)] if intake else []


def _read_table(reader: _Reader, key: str, columns: tuple[Column, ...]) -> list[Any]:
    """The records of one table sheet (cost items, baseline, effects, costs)."""
    records: list[Any] = []
    for index, (row, _) in enumerate(_table_rows(reader, columns)):
        record: dict[str, Any] = {}
        reader.origins[("intervention", key, index)] = reader.ref(row, 1)
        for j, column in enumerate(columns, start=1):
            if column.key is None:
                continue
            value = reader.read(row, j, column, ("intervention", key, index, column.key))
            if column.required and value is None:
                raise reader.fail(
                    row, j, f"{column.header} is missing", None, column.hint or "a value"
                )
            _set(record, column.key, value)
        if key == "cost_items" and set(record) == {"key"}:
            records.append(record["key"])  # a catalogue key
        else:
            records.append(record)
    if not records:
        raise InputError(
            f"the sheet {reader.sheet} has no rows",
            field=f"{reader.sheet}!A{FIRST_ROW}",
            expected=f"at least one row from row {FIRST_ROW}",
        )
    return records


def _whole_number_example(header: str) -> str:
    """What a whole-number cell expects, by its heading (a year is not a horizon)."""
    lowered = header.lower()
    if lowered.startswith(("basår", "prisår")):
        return "a calendar year such as 2023"
    if lowered.startswith("horisont"):
        return "a number of years such as 10"
    if lowered.startswith("intag"):
        return "a year 0, 1, 2, ... counted from the base year"
    return "a whole number such as 1 or 5"
