"""Reading the template's outcome sheets back: *Utfall*, *Utfallskedjor*, *Ej värderade
effekter* (the columns are in :mod:`~sociokalkyl.scenario.excel_outcomes`).

Every value is read with its cell (:class:`~sociokalkyl.scenario.excel_reader.CellReader`),
and the problems a controller meets first are told in both languages (Swedish on the
command line by default) with the sheet and cell,
the value and what was expected: a change of probability outside [-1, 1], an outcome
timed before intake, an outcome key that neither the catalogue nor *Utfallskedjor* has
(with "menade du"), a consequence's cost item that is neither on *Kostnadsposter* nor in
the catalogue, an outcome's name missing or given two ways, a row key twice. What the
models refuse besides is traced back to its cell by
:func:`~sociokalkyl.scenario.excel_check.check_template_values`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sociokalkyl.errors import InputError, Words, close_names
from sociokalkyl.language.bilingual import outcome_sheet_words as _words
from sociokalkyl.language.template_outcomes import OUTCOME_SHEET_TEXTS, outcome_sheet_text
from sociokalkyl.scenario.excel_cells import SheetCells
from sociokalkyl.scenario.excel_columns import Column
from sociokalkyl.scenario.excel_outcomes import (
    CHAIN_COLUMNS,
    CHAIN_SHEET,
    EFFECT_SHEET,
    OUTCOME_COLUMNS,
    UNPRICED_COLUMNS,
    UNPRICED_SHEET,
)
from sociokalkyl.scenario.excel_reader import CellReader

__all__ = ["check_chain_items", "read_outcome_sheets"]

FIRST_ROW = 3
"""Headings in row 1, hints in row 2, data from row 3 (as every table of the template)."""
_OUTCOME_FIELDS = {"outcome_name": "name", "outcome_source": "source",
                   "outcome_description": "description"}  # fmt: skip
_PAIRS = ("ages", "range")
_COST_ITEM = outcome_sheet_text("cost_item")  # the heading, as on the sheet


def _rows(reader: CellReader, width: int) -> Iterator[int]:
    for row in range(FIRST_ROW, reader.ws.max_row + 1):
        if any(reader.raw(row, j) is not None for j in range(1, width + 1)):
            yield row


def _hint(name: str, valid: Iterable[str]) -> Words | str:
    close = close_names(name, valid)
    return _words("did_you_mean", name=close[0]) if close else ""


def _expected(column: Column) -> Words | str:
    """The column's hint in both languages (the sheet shows its Swedish half)."""
    for key, (sv, _) in OUTCOME_SHEET_TEXTS.items():
        if key.startswith("hint.") and sv == column.hint:
            return _words(key)
    return column.hint


def read_outcome_sheets(
    sheets: Mapping[str, SheetCells],
    known_payers: set[str],
    origins: dict[tuple[Any, ...], str],
) -> dict[str, Any]:
    """The outcome sheets' rows as the intervention's ``outcome_effects``, ``outcomes``
    and ``unpriced_effects`` (only those with rows).

    Parameters
    ----------
    sheets
        The template's sheets by name; a missing outcome sheet has no rows.
    known_payers
        The actors a payer, recipient or owner cell may name.
    origins
        Field path -> cell, filled in for the model's checks.

    Returns
    -------
    dict
        Plain values that ``Intervention.model_validate`` accepts.

    Raises
    ------
    InputError
        With the sheet and cell (``"Utfall!C3"``), in both languages, for the problems in the
        module's docstring, or a cell that cannot be read.

    Examples
    --------
    >>> from sociokalkyl.scenario.excel_cells import Cell
    >>> ws = SheetCells("Utfall", {(3, 1): Cell("gymnasieexamen", "s", ""),
    ...                            (3, 3): Cell(0.05, "n", "")}, 3)
    >>> read_outcome_sheets({"Utfall": ws}, set(), {})
    {'outcome_effects': [{'outcome': 'gymnasieexamen', 'change': 0.05}]}
    """
    found: dict[str, Any] = {}
    chains = sheets.get(CHAIN_SHEET)
    if chains is not None:
        outcomes = _read_chains(CellReader(CHAIN_SHEET, chains, known_payers, origins))
        if outcomes:
            found["outcomes"] = outcomes
    effects = sheets.get(EFFECT_SHEET)
    if effects is not None:
        own = [o["key"] for o in found.get("outcomes", [])]
        records = _read_effects(CellReader(EFFECT_SHEET, effects, known_payers, origins), own)
        if records:
            found["outcome_effects"] = records
    unpriced = sheets.get(UNPRICED_SHEET)
    if unpriced is not None:
        reader = CellReader(UNPRICED_SHEET, unpriced, known_payers, origins)
        column = UNPRICED_COLUMNS[0]
        texts = [
            reader.read(row, 1, column, ("intervention", "unpriced_effects", i))
            for i, row in enumerate(_rows(reader, 1))
        ]
        if texts:
            found["unpriced_effects"] = texts
    return found


def _record(
    reader: CellReader,
    row: int,
    columns: tuple[Column, ...],
    where: tuple[Any, ...],
    start: int = 1,
) -> dict[str, Any]:
    """The fields of one row (``columns`` from column ``start``); a required cell left
    empty is an error at the cell."""
    record: dict[str, Any] = {}
    for j, column in enumerate(columns, start=start):
        if column.key is None:
            continue
        value = reader.read(row, j, column, (*where, column.key))
        if column.required and value is None:
            raise reader.fail(
                row, j, _words("missing", header=column.header), None, _expected(column)
            )
        if value is not None:
            record[column.key] = value
    return record


def _read_effects(reader: CellReader, own: list[str]) -> list[dict[str, Any]]:
    """The rows of *Utfall*, each checked: a known outcome, Δp in [-1, 1], τ >= 0."""
    from sociokalkyl.catalogue.outcomes import default_outcomes

    known = [*own, *default_outcomes()]
    records = []
    for index, row in enumerate(_rows(reader, len(OUTCOME_COLUMNS))):
        where = ("intervention", "outcome_effects", index)
        reader.origins[where] = reader.ref(row, 1)
        record = _record(reader, row, OUTCOME_COLUMNS, where)
        if record["outcome"] not in known:
            header = OUTCOME_COLUMNS[0].header
            raise reader.fail(
                row, 1,
                _words("unknown_outcome", header=header, hint=_hint(record["outcome"], known)),
                record["outcome"],
                _words("expected_outcome", shipped=", ".join(default_outcomes())),
            )  # fmt: skip
        change = record.get("change")
        probability = record.get("kind", "probability") == "probability"
        if probability and change is not None and not -1.0 <= change <= 1.0:
            header = OUTCOME_COLUMNS[2].header
            raise reader.fail(
                row, 3, _words("bad_probability", header=header),
                reader.raw(row, 3), _words("expected_probability"),
            )  # fmt: skip
        lag = record.get("years_after_intake")
        if lag is not None and lag < 0:
            header = OUTCOME_COLUMNS[3].header
            raise reader.fail(
                row, 4, _words("before_intake", header=header), lag,
                _words("expected_years"),
            )  # fmt: skip
        records.append(record)
    return records


def _read_chains(reader: CellReader) -> list[dict[str, Any]]:
    """The rows of *Utfallskedjor* grouped by outcome, in the order of first appearance."""
    outcomes: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for row in _rows(reader, len(CHAIN_COLUMNS)):
        key = reader.read(row, 1, CHAIN_COLUMNS[0], ())
        if key is None:
            header = CHAIN_COLUMNS[0].header
            raise reader.fail(
                row, 1, _words("missing", header=header), None, _expected(CHAIN_COLUMNS[0])
            )
        outcome = outcomes.setdefault(key, {"key": key, "consequences": []})
        i, r = list(outcomes).index(key), len(outcome["consequences"])
        first_row.setdefault(key, row)
        where = ("intervention", "outcomes", i, "consequences", r)
        reader.origins[where] = reader.ref(row, 3)
        reader.origins.setdefault(("intervention", "outcomes", i), reader.ref(row, 1))
        record = _record(reader, row, CHAIN_COLUMNS[1:], where, start=2)
        for field in _OUTCOME_FIELDS:
            _outcome_field(reader, row, outcome, field, record.pop(field, None), first_row[key])
        if any(rec["key"] == record["key"] for rec in outcome["consequences"]):
            raise reader.fail(
                row, 3, _words("row_twice", row=record["key"], outcome=key), record["key"],
                _words("expected_row"),
            )  # fmt: skip
        for field in _PAIRS:
            if field in record and len(record[field]) != 2:
                col = 1 + next(j for j, c in enumerate(CHAIN_COLUMNS) if c.key == field)
                header = CHAIN_COLUMNS[col - 1].header
                raise reader.fail(
                    row, col, _words("two_numbers", header=header), reader.raw(row, col),
                    _words("expected_two"),
                )  # fmt: skip
        outcome["consequences"].append(record)
    for i, (key, outcome) in enumerate(outcomes.items()):
        if "name" not in outcome:
            header = CHAIN_COLUMNS[1].header
            raise reader.fail(
                first_row[key],
                2,
                _words("missing", header=header),
                None,
                _expected(CHAIN_COLUMNS[1]),
            )
        reader.origins[("intervention", "outcomes", i, "name")] = reader.ref(first_row[key], 2)
    return list(outcomes.values())


def _outcome_field(
    reader: CellReader, row: int, outcome: dict[str, Any], field: str, value: Any, first: int
) -> None:
    """An outcome's name, source or description: on any of its rows, the same on each."""
    if value is None:
        return
    name = _OUTCOME_FIELDS[field]
    col = 1 + next(j for j, c in enumerate(CHAIN_COLUMNS) if c.key == field)
    if name in outcome and outcome[name] != value:
        header = CHAIN_COLUMNS[col - 1].header
        raise reader.fail(
            row, col,
            _words("conflict", header=header, outcome=outcome["key"], first=reader.ref(first, col)),
            value, _words("expected_same"),
        )  # fmt: skip
    outcome[name] = value


def check_chain_items(
    intervention: Mapping[str, Any], origins: Mapping[tuple[Any, ...], str]
) -> None:
    """Every consequence's cost item is on *Kostnadsposter* or in the shipped catalogue.

    Parameters
    ----------
    intervention
        The intervention as read: its ``cost_items`` (keys or records) and ``outcomes``.
    origins
        Field path -> cell.

    Raises
    ------
    InputError
        At the cost item's cell, with "menade du" and what was expected.

    Examples
    --------
    >>> check_chain_items({"cost_items": ["x"], "outcomes": [{"consequences": [
    ...     {"cost_item": "x"}]}]}, {})
    """
    from sociokalkyl.catalogue import default

    items = [i if isinstance(i, str) else i.get("key") for i in intervention.get("cost_items", [])]
    known: list[str] | None = None
    for i, outcome in enumerate(intervention.get("outcomes", [])):
        for r, row in enumerate(outcome.get("consequences", [])):
            item = row.get("cost_item")
            if item is None or item in items:
                continue
            known = known if known is not None else [*items, *default()]
            if item in known:
                continue
            header = _COST_ITEM
            raise InputError(
                _words("unknown_item", header=header, hint=_hint(item, known)),
                field=origins.get(("intervention", "outcomes", i, "consequences", r, "cost_item")),
                value=item,
                expected=_words("expected_item"),
            )
