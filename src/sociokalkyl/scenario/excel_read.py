"""Reading a filled-in Excel template back as a scenario mapping.

Every value is read with its address, so a problem is an
:class:`~sociokalkyl.errors.InputError` whose ``field`` names the sheet and the cell
(``"Effekter!C4"``). After reading, the mapping is checked against the models and a
model's complaint is traced back to the cell it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sociokalkyl.errors import InputError, UnitError, did_you_mean
from sociokalkyl.limits import MAX_COST_ITEMS, MAX_HORIZON_YEARS
from sociokalkyl.model.actors import STANDARD_ACTORS
from sociokalkyl.scenario.excel_actors import read_actor_cell
from sociokalkyl.scenario.excel_cells import SheetCells, whole_number_example
from sociokalkyl.scenario.excel_check import check_template_values
from sociokalkyl.scenario.excel_extra import read_extra_sheets
from sociokalkyl.scenario.excel_file import read_template_cells
from sociokalkyl.scenario.excel_prices import PRICE_SHEET, read_price_sheet
from sociokalkyl.scenario.excel_template import (
    FIRST_ROW,
    INTAKE_ROW,
    INTERVENTION_FIELDS,
    SETTINGS_FIELDS,
    TABLES,
    Column,
    make_column,
    plain_number,
)
from sociokalkyl.scenario.excel_template_rows import SHEET
from sociokalkyl.units import parse_number

__all__ = ["read_template"]

_SHARE_UNITS = ("andel", "%", "procent")


@dataclass
class _Reader:
    """Reads cells with their address, and remembers where each field came from."""

    sheet: str
    ws: SheetCells
    known_payers: set[str] = field(default_factory=lambda: set(STANDARD_ACTORS))
    origins: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def ref(self, row: int, col: int) -> str:
        return self.ws.ref(row, col)

    def fail(self, row: int, col: int, message: str, value: Any, expected: str) -> InputError:
        return InputError(message, field=self.ref(row, col), value=value, expected=expected)

    def raw(self, row: int, col: int) -> Any:
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


def read_template(path: str | Path) -> dict[str, Any]:
    """Read a filled-in template as a scenario mapping.

    Parameters
    ----------
    path
        The ``.xlsx`` file.

    Returns
    -------
    dict
        ``{"intervention": {...}, "settings": {...}}`` and, from the sheets
        *Osäkerhet* and *Scenarier* when they hold rows, ``uncertainty`` and
        ``scenarios``; plain values that
        ``Intervention.model_validate`` and ``Settings.model_validate`` accept (amounts as
        ``{"value": 7149.0, "unit": "kr/mån"}``).

    Raises
    ------
    InputError
        For a file that is too large or unpacks too far, a missing sheet, a formula
        without a saved value, a cell that cannot be read, a percent in an amount, an
        unknown payer or a value the models reject; ``field`` names the sheet and cell,
        e.g. ``"Effekter!C4"``.

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
    sheets = read_template_cells(path)
    origins: dict[tuple[Any, ...], str] = {}
    reader = _Reader(SHEET["intervention"], sheets[SHEET["intervention"]], origins=origins)
    intervention = _read_fields(reader, INTERVENTION_FIELDS, "intervention")
    reader.known_payers |= {*intervention.get("other_payers", ()), *intervention.get("actors", ())}
    intervention.setdefault("target_group", {})["intake"] = _read_intake(reader)
    for sheet, (key, columns) in TABLES.items():
        table_reader = _Reader(sheet, sheets[sheet], reader.known_payers, origins)
        intervention[key] = _read_table(table_reader, key, columns)
    reader = _Reader(SHEET["settings"], sheets[SHEET["settings"]], origins=origins)
    settings = _read_fields(reader, SETTINGS_FIELDS, "settings")
    schedule = settings.pop("discount_schedule", None)
    if schedule is not None:
        settings["discount_rate"] = schedule
        origins[("settings", "discount_rate")] = origins[("settings", "discount_schedule")]
    if prices := read_price_sheet(sheets.get(PRICE_SHEET), origins):
        settings["price_indices"] = prices
    scenario: dict[str, Any] = {"intervention": intervention, "settings": settings}
    check_template_values(scenario, origins)
    read_extra_sheets(path, scenario, FIRST_ROW)  # Osäkerhet and Scenarier, when present
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
        if not 0 <= year <= MAX_HORIZON_YEARS:
            raise reader.fail(
                row,
                1,
                "Intag: år is not a year of the analysis",
                year,
                f"a year 0, 1, 2, ... up to {MAX_HORIZON_YEARS}, counted from the base year "
                "(year 0)",
            )
        intake[year] = intake.get(year, 0.0) + count
        origins[("intervention", "target_group", "intake", year)] = reader.ref(row, 2)
    origins[("intervention", "target_group", "intake")] = reader.ref(INTAKE_ROW, 2)
    return [intake.get(y, 0.0) for y in range(max(intake) + 1)] if intake else []


def _read_table(reader: _Reader, key: str, columns: tuple[Column, ...]) -> list[Any]:
    """The records of one table sheet (cost items, baseline, effects, costs)."""
    records: list[Any] = []
    for index, (row, _) in enumerate(_table_rows(reader, columns)):
        if index >= MAX_COST_ITEMS:
            raise reader.fail(
                row,
                1,
                f"the sheet has more than {MAX_COST_ITEMS} rows",
                None,
                f"at most {MAX_COST_ITEMS} rows on {reader.sheet}",
            )
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


def _sv(number: float) -> str:
    """A number as a Swedish reader writes it: ``-0.3`` -> ``"-0,3"``."""
    return f"{number:.10g}".replace(".", ",")
