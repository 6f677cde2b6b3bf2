"""Tables and reports: :class:`Table`, :class:`Report`, Monte Carlo tables, record tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import Lang, label
from sociokalkyl.language.numbers import Kind, _auto
from sociokalkyl.language.simulation import simulation_label

__all__ = [
    "Report",
    "Table",
    "simulation_metrics_table",
    "simulation_report",
    "table_from_records",
]


@dataclass(frozen=True)
class Table:
    """A titled table: raw values and the kind of each cell (how to write it).

    Attributes
    ----------
    key
        A stable name of the table (``"by_payer"``), for JSON and tests.
    title
        The heading, in the report's language.
    headers
        Column headings.
    rows
        Raw cell values (numbers stay numbers until a renderer writes them).
    kinds
        For each cell, how to write it (:data:`sociokalkyl.language.numbers.Kind`).
    names
        For each cell, the name it has in the data (``"npv"``), used by ``"auto"`` cells.

    Examples
    --------
    >>> t = Table("t", "Titel", ["Namn", "Värde"], [["npv", -1.5]], [["text", "sek"]])
    >>> t.rows[0][1], t.kinds[0][1]
    (-1.5, 'sek')
    """

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    kinds: list[list[Kind]]
    names: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    """A report: a heading, a few lines under it, and tables.

    Every renderer (:mod:`sociokalkyl.report.render`: text, Markdown, CSV, JSON) writes the
    same :class:`Report`; :func:`sociokalkyl.report.summary.build_report` makes one.

    Examples
    --------
    >>> Report("Servicetrainee", ["10 år från 2012"], []).title
    'Servicetrainee'
    """

    title: str
    lines: list[str]
    tables: list[Table]


def simulation_metrics_table(
    metrics: Sequence[Mapping[str, Any]], title: str, lang: Lang = "sv"
) -> Table:
    """The spread of each Monte Carlo metric, with labels in ``lang`` (cells keep their names).

    Parameters
    ----------
    metrics
        Records of ``SimulationResult.records()``: ``metric``, ``payer``, ``mean``,
        ``q5`` ... [SEK for amounts, years for paybacks].
    title
        The table's heading.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        One row a record, the metric's name translated.

    Examples
    --------
    >>> t = simulation_metrics_table([{"metric": "npv", "mean": -1.0}], "MC", "en")
    >>> t.headers, t.rows
    (['Measure', 'Mean'], [['Net present value', -1.0]])
    """
    keys = list(metrics[0]) if metrics else []
    rows = [[_metric_cell(r, k, lang) for k in keys] for r in metrics]
    kinds: list[Kind] = [
        "text" if all(isinstance(r[c], str | None) for r in rows) else "auto"
        for c in range(len(keys))
    ]
    headers = [simulation_label(k, lang) for k in keys]
    return Table("simulation_metrics", title, headers, rows,
                 [_payback_kinds(r, keys, kinds) for r in metrics],
                 [list(keys) for _ in rows])  # fmt: skip


def _metric_cell(record: Mapping[str, Any], key: str, lang: Lang) -> Any:
    """A cell; a payback row's name says its mean is over the paying draws only."""
    value = record.get(key)
    if key != "metric" or value is None:
        return value
    name = simulation_label(str(value), lang)
    if str(value).startswith("payback"):
        name += f" ({display_label('payback_row_note', lang)})"
    return name


def _payback_kinds(record: Mapping[str, Any], keys: list[str], kinds: list[Kind]) -> list[Kind]:
    """A payback row's mean and quantiles read as years; None (+inf, never) in words."""
    if not str(record.get("metric", "")).startswith("payback"):
        return list(kinds)
    years: Kind = "years"
    return [
        years if k == "mean" or k[:1] == "q" else kind for k, kind in zip(keys, kinds, strict=True)
    ]


def simulation_report(summary: Mapping[str, Any], lang: Lang = "sv") -> Table:
    """A Monte Carlo summary (a flat or nested mapping) as a two-column table.

    Parameters
    ----------
    summary
        ``SimulationResult.summary()`` or a part of it; nested keys join with ``"."``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        Rows of (label, value); short lists of numbers are written on one line.

    Examples
    --------
    >>> simulation_report({"draws": 1000, "seed": 1}, "en").rows
    [['Draws', 1000], ['Seed', 1]]
    """
    rows: list[list[Any]] = []
    names: list[list[str]] = []

    def add(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, sub in value.items():
                add(f"{prefix}.{key}" if prefix else str(key), sub)
        elif (
            isinstance(value, list | tuple)
            and len(value) <= 12
            and all(isinstance(v, int | float) for v in value)
        ):
            rows.append(
                [simulation_label(prefix, lang), ", ".join(_auto(prefix, v, lang) for v in value)]
            )
            names.append([prefix, ""])
        elif not isinstance(value, list | tuple):
            rows.append([simulation_label(prefix, lang), value])
            names.append([prefix, prefix])

    if not summary.get("irr_draws", 1):
        # 0: the internal rate of return was not computed; the row only confuses.
        summary = {k: v for k, v in summary.items() if k != "irr_draws"}
    add("", summary)
    return Table(
        "simulation",
        label("simulation", lang),
        [label("measure", lang), label("value", lang)],
        rows,
        [["text", "auto"] for _ in rows],
        names,
    )


def table_from_records(key: str, title: str, records: Sequence[Mapping[str, Any]]) -> Table:
    """A table of records (dicts with the same keys), cells formatted by their names.

    Parameters
    ----------
    key
        The table's stable name.
    title
        Its heading.
    records
        Dicts with the same keys, e.g. ``Result.by_payer()``; the keys become headers.

    Returns
    -------
    Table
        Columns of text where every value is text, ``"auto"`` (by name) otherwise.

    Examples
    --------
    >>> table_from_records("p", "Per betalare", [{"payer": "kommun", "npv": -5.0}]).kinds
    [['text', 'auto']]
    """
    headers = list(records[0]) if records else []
    rows = [[record.get(h) for h in headers] for record in records]
    kinds: list[Kind] = [
        "text" if all(isinstance(r[c], str | None) for r in rows) else "auto"
        for c in range(len(headers))
    ]
    return Table(
        key, title, headers, rows, [list(kinds) for _ in rows], [list(headers) for _ in rows]
    )
