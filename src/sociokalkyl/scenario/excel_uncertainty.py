"""The template's sheet *Osäkerhet*: the uncertainty table, one row a parameter.

A row names a parameter (``effects[1].change``), its distribution in Swedish
(``likformig``, ``triangulär``, ``pert``, ``normal``, ``lognormal``, ``beta``, ``fast``,
``empirisk``) and the distribution's numbers in the parameter's own unit: *Lägsta*,
*Troligast*, *Högsta*, *Medelvärde*, *Standardavvikelse*, *Värde* (a fixed value, the
values of an empirical distribution as ``1; 2; 3``, or a correlation's rho) and *Övrigt*
(``alpha=2; beta=5``, ``mu=..; sigma=..``, ``lamb=4``). A row ``korrelation`` names two
parameters (``a; b``) and their correlation in *Värde*. It is what ``[uncertainty]``
holds in a scenario file; every cell that cannot be read is an error naming the sheet
and cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sociokalkyl.errors import InputError, did_you_mean
from sociokalkyl.language.template_sheets import DISTRIBUTION_WORDS
from sociokalkyl.language.template_sheets import sheet_label as _label
from sociokalkyl.scenario.excel_cells import SheetCells
from sociokalkyl.scenario.excel_columns import Column, make_column
from sociokalkyl.units import parse_number

__all__ = ["UNCERTAINTY_COLUMNS", "read_uncertainty", "uncertainty_rows"]

_FIELDS = ("low", "mode", "high", "mean", "sd")
"""The number columns 3-7, by the distribution field they fill."""
_OTHER = ("alpha", "beta", "mu", "sigma", "lamb")
"""Fields written ``name=value`` in the column *Övrigt*."""

UNCERTAINTY_COLUMNS: tuple[Column, ...] = (
    make_column(_label("parameter"), "parameter", "text", _label("hint.parameter"), width=34),
    make_column(
        _label("distribution"),
        "kind",
        "choice",
        _label("hint.distribution"),
        choices=DISTRIBUTION_WORDS,
        width=14,
    ),
    *(make_column(_label(f), f, "float", _label(f"hint.{f}"), width=12) for f in _FIELDS),
    make_column(_label("value"), "value", "text", _label("hint.value"), width=16),
    make_column(_label("other"), "other", "text", _label("hint.other"), width=24),
)
"""The columns of *Osäkerhet*."""

_KINDS = {**DISTRIBUTION_WORDS, **{kind: kind for kind in DISTRIBUTION_WORDS.values()}}
_WORD = {kind: word for word, kind in DISTRIBUTION_WORDS.items()}


def _sv(number: float) -> str:
    """``-0.3`` -> ``"-0,3"`` (text in the template is read the Swedish way)."""
    return f"{number:.15g}".replace(".", ",")


def uncertainty_rows(uncertainty: Mapping[str, Any] | None) -> list[list[Any]]:
    """The rows of *Osäkerhet* for a scenario's ``uncertainty`` table.

    Parameters
    ----------
    uncertainty
        Parameter -> distribution as a mapping (``{"kind": "uniform", "low": ...}``) or a
        number (fixed), and optionally ``"correlation"``: a list of
        ``{"parameters": [a, b], "rho": r}``.

    Returns
    -------
    list of list
        One row a parameter, then one a correlation, in :data:`UNCERTAINTY_COLUMNS`.

    Raises
    ------
    InputError
        For a distribution field the sheet has no column for (nothing is left out
        silently).

    Examples
    --------
    >>> uncertainty_rows({"x": {"kind": "uniform", "low": 1.0, "high": 2.0}})
    [['x', 'likformig', 1.0, None, 2.0, None, None, None, None]]
    """
    rows: list[list[Any]] = []
    for name, spec in (uncertainty or {}).items():
        if name == "correlation":
            continue
        given = {"kind": "fixed", "value": spec} if isinstance(spec, int | float) else spec
        if not isinstance(given, Mapping):
            raise InputError(
                "cannot be written to the template",
                field=f"uncertainty.{name}",
                value=given,
                expected="a distribution such as {kind = 'uniform', ...}",
            )
        rows.append(_row(name, dict(given)))
    for entry in (uncertainty or {}).get("correlation") or []:
        pair = "; ".join(str(p) for p in entry["parameters"])
        rows.append([pair, "korrelation", None, None, None, None, None, entry["rho"], None])
    return rows


def _row(name: str, spec: dict[str, Any]) -> list[Any]:
    """One parameter's row; a field without a column is an error."""
    kind = str(spec.pop("kind", "fixed"))
    row: list[Any] = [name, _WORD.get(kind, kind), *(spec.pop(f, None) for f in _FIELDS)]
    value = spec.pop("value", None)
    values = spec.pop("values", None)
    row.append(value if values is None else "; ".join(_sv(v) for v in values))
    other = [f"{k}={_sv(spec.pop(k))}" for k in _OTHER if k in spec]
    row.append("; ".join(other) or None)
    if spec:
        raise InputError(
            "has fields the template's sheet Osäkerhet has no column for",
            field=f"uncertainty.{name}",
            value=sorted(spec),
            expected=f"only {', '.join((*_FIELDS, 'value', 'values', *_OTHER))}",
        )
    return row


def read_uncertainty(ws: SheetCells, first_row: int) -> tuple[dict[str, Any], dict[str, str]]:
    """The uncertainty table of *Osäkerhet*, and the cell each parameter came from.

    Parameters
    ----------
    ws
        The sheet's cells.
    first_row
        The first data row (headings and hints above it).

    Returns
    -------
    tuple
        ``(uncertainty, origins)``: parameter -> ``{"kind": ..., fields}`` (with
        ``"correlation"`` when there are correlation rows), and parameter -> cell.

    Raises
    ------
    InputError
        For a cell that cannot be read, an unknown distribution or a parameter named
        twice, naming the sheet and cell (``"Osäkerhet!C4"``).

    Examples
    --------
    >>> from sociokalkyl.scenario.excel_cells import Cell
    >>> ws = SheetCells("Osäkerhet", {(3, 1): Cell("x", "s", ""), (3, 2): Cell("likformig",
    ...     "s", ""), (3, 3): Cell(1, "n", ""), (3, 5): Cell("2,5", "s", "")}, 3)
    >>> read_uncertainty(ws, 3)[0]
    {'x': {'kind': 'uniform', 'low': 1.0, 'high': 2.5}}
    """
    table: dict[str, Any] = {}
    origins: dict[str, str] = {}
    correlation: list[dict[str, Any]] = []
    for row in range(first_row, ws.max_row + 1):
        name = _text(ws, row, 1)
        if name is None:
            if any(_text(ws, row, c) is not None for c in range(2, 10)):
                raise _fail(
                    ws, row, 1, "Parameter is missing", None, "a name such as effects[0].change"
                )
            continue
        kind = _kind(ws, row)
        if kind == "correlation":
            pair = [p.strip() for p in name.split(";") if p.strip()]
            rho = _number(ws, row, 8)
            if len(pair) != 2 or rho is None:
                raise _fail(
                    ws,
                    row,
                    1,
                    "a correlation names two parameters and a rho in Värde",
                    name,
                    "a; b in Parameter and e.g. 0,6 in Värde",
                )
            correlation.append({"parameters": pair, "rho": rho})
            for parameter in pair:
                origins.setdefault(parameter, ws.ref(row, 1))
            continue
        if name in table:
            raise _fail(ws, row, 1, "the parameter is named twice", name, "one row a parameter")
        table[name] = _distribution(ws, row, kind)
        origins[name] = ws.ref(row, 1)
    if correlation:
        table["correlation"] = correlation
    return table, origins


def _distribution(ws: SheetCells, row: int, kind: str) -> dict[str, Any]:
    """The distribution of one row: its kind and every field filled in."""
    spec: dict[str, Any] = {"kind": kind}
    for col, key in enumerate(_FIELDS, start=3):
        number = _number(ws, row, col)
        if number is not None:
            spec[key] = number
    value = _text(ws, row, 8)
    if value is not None and kind == "empirical":
        spec["values"] = [_parse(ws, row, 8, part) for part in value.split(";") if part.strip()]
    elif value is not None:
        spec["value"] = _number(ws, row, 8)
    for part in filter(None, (p.strip() for p in (_text(ws, row, 9) or "").split(";"))):
        key, _, text = part.partition("=")
        if key.strip() not in _OTHER:
            raise _fail(
                ws,
                row,
                9,
                f"unknown field {key.strip()!r}" + did_you_mean(key.strip(), _OTHER),
                part,
                "alpha=2; beta=5, mu=0; sigma=1 or lamb=4",
            )
        spec[key.strip()] = _parse(ws, row, 9, text)
    return spec


def _kind(ws: SheetCells, row: int) -> str:
    word = _text(ws, row, 2)
    if word is None or word.lower() not in _KINDS:
        raise _fail(
            ws,
            row,
            2,
            "Fördelning: unknown distribution" + did_you_mean(word or "", DISTRIBUTION_WORDS),
            word,
            f"one of {', '.join(DISTRIBUTION_WORDS)}",
        )
    return _KINDS[word.lower()]


def _text(ws: SheetCells, row: int, col: int) -> str | None:
    value = ws.value(row, col)
    if value is None:
        return None
    text = str(value).strip() if isinstance(value, str) else f"{value}"
    return text or None


def _number(ws: SheetCells, row: int, col: int) -> float | None:
    value = ws.value(row, col)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _fail(ws, row, col, "is not a number", value, "a number such as -5,4")
    return float(value) if not isinstance(value, str) else _parse(ws, row, col, value)


def _parse(ws: SheetCells, row: int, col: int, text: str) -> float:
    """Text as a number; ``"20 %"`` is 0.2."""
    body = text.strip()
    divisor = 100.0 if body.endswith("%") else 1.0
    try:
        return parse_number(body.removesuffix("%").strip(), field=ws.ref(row, col)) / divisor
    except InputError as exc:
        raise _fail(
            ws, row, col, f"is not a number ({exc.message})", text, exc.expected or "e.g. -5,4"
        ) from None


def _fail(
    ws: SheetCells, row: int, col: int, message: str, value: Any, expected: str
) -> InputError:
    return InputError(message, field=ws.ref(row, col), value=value, expected=expected)
