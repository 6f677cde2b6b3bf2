"""Rendering reports: plain text for a terminal, Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
import math
import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import Kind, format_cell
from sociokalkyl.language.safety import clean_text, markdown_text, spreadsheet_text, strict_json
from sociokalkyl.report.assumptions import assumption_cells
from sociokalkyl.report.breakdown_tables import breakdown_data
from sociokalkyl.report.perspective_tables import perspective_data, tax_rate_cells
from sociokalkyl.report.tables import Report, Table

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["render", "render_csv", "render_markdown", "render_text", "report_json"]


def _numeric(kind: Kind) -> bool:
    return kind not in ("text",)


def _cells(table: Table, lang: Lang) -> list[list[str]]:
    out = []
    for r, row in enumerate(table.rows):
        names = table.names[r] if r < len(table.names) else [""] * len(row)
        out.append(
            [
                clean_text(
                    format_cell(value, table.kinds[r][c], lang, names[c] if c < len(names) else "")
                )
                for c, value in enumerate(row)
            ]
        )
    return out


def render_text(
    report: Report, lang: Lang = "sv", width: int = 48, *, columns: int | None = None
) -> str:
    """The report as plain text for a terminal (long text cells wrap).

    With ``columns``, every line fits that many characters where it can: text cells
    wrap narrower and headings wrap shorter, and a table still too wide is split into
    column groups, each repeating the first column (a numeric cell is never cut).

    Parameters
    ----------
    report
        A report of :func:`~sociokalkyl.report.summary.build_report`.
    lang
        ``"sv"`` or ``"en"``: how numbers are written (labels are in the report).
    width
        Width [characters] at which text cells wrap.
    columns
        The width of the screen [characters]; None for no limit.

    Returns
    -------
    str
        The heading, its lines and each table with aligned columns.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.summary import build_report
    >>> report = build_report(sk.evaluate(*sk.examples.servicetrainee()))
    >>> render_text(report).splitlines()[0]
    'Servicetrainee'
    >>> max(len(line) for line in render_text(report, columns=80).splitlines()) <= 80
    True
    """
    title = clean_text(report.title)
    lines = [clean_text(line) for line in report.lines]
    if columns is not None:
        lines = [part for line in lines for part in textwrap.wrap(line, columns) or [""]]
    out = [title, "=" * len(title), *lines, ""]
    for table in report.tables:
        heading = clean_text(table.title)
        out += [heading, "-" * len(heading), *_fitted_table(table, lang, width, columns), ""]
    return "\n".join(out).rstrip() + "\n"


def _fitted_table(table: Table, lang: Lang, width: int, columns: int | None) -> list[str]:
    """A table's lines, narrowed to ``columns`` characters (see :func:`render_text`)."""
    if columns is None:
        return _text_table(table, lang, width, whole_numbers=True)
    for wrap in range(width, 19, -2):
        for heading in (14, 8):
            lines = _text_table(table, lang, wrap, heading, whole_numbers=True)
            if max(len(line) for line in lines) <= columns:
                return lines
    return _split_table(table, lang, columns)


def _split_table(table: Table, lang: Lang, columns: int) -> list[str]:
    """A table too wide for ``columns`` as column groups, each with the first column."""
    lines = _text_table(table, lang, 20, 8, whole_numbers=True)
    rule = next(line for line in lines if set(line) <= {"-", " "})  # "----  ---"
    widths = [len(part) for part in rule.split("  ")]
    groups: list[list[int]] = []
    group = [0]
    for c in range(1, len(table.headers)):
        if len(group) > 1 and sum(widths[i] + 2 for i in [*group, c]) - 2 > columns:
            groups.append(group)
            group = [0]
        group.append(c)
    groups.append(group)
    out: list[str] = []
    for part in groups:
        out += [*_text_table(_columns_of(table, part), lang, 20, 8, whole_numbers=True), ""]
    return out[:-1]


def _columns_of(table: Table, chosen: list[int]) -> Table:
    """The table with only the columns ``chosen``."""
    return Table(
        table.key,
        table.title,
        [table.headers[c] for c in chosen],
        [[row[c] for c in chosen] for row in table.rows],
        [[kinds[c] for c in chosen] for kinds in table.kinds],
        [[names[c] for c in chosen] if names else [] for names in table.names],
    )


def _text_table(
    table: Table, lang: Lang, width: int, heading: int = 14, *, whole_numbers: bool = False
) -> list[str]:
    """One table's lines: wrapped headings, a rule, then the rows (``(–)`` when empty).

    With ``whole_numbers`` a text cell never wraps inside a number (``26 000 kr``)."""
    cells = _cells(table, lang)
    if not cells:
        return ["(–)"]
    numeric = [
        all(_numeric(table.kinds[r][c]) for r in range(len(cells)))
        for c in range(len(table.headers))
    ]
    wrap = _wrap_whole if whole_numbers else textwrap.wrap
    wrapped = [
        [wrap(cell, width) or [""] if not numeric[c] else [cell] for c, cell in enumerate(row)]
        for row in cells
    ]
    headers, widths = _text_headers([clean_text(h) for h in table.headers], wrapped, heading)
    out = [_text_line(line, widths, numeric) for line in _lines(headers)]
    out.append("  ".join("-" * w for w in widths))
    for row in wrapped:
        out += [_text_line(line, widths, numeric) for line in _lines(row)]
    return out


def _wrap_whole(text: str, width: int) -> list[str]:
    """``textwrap.wrap`` that keeps a grouped number (``26 000``) on one line."""
    glued = _DIGIT_GROUP.sub("\u00a0", text.replace("\u00a0", " "))
    lines = textwrap.wrap(glued, width, break_long_words=False)
    return [line.replace("\u00a0", " ") for line in lines]


_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|%|×|kr\b|[^\W\d_]+/)")
"""The space between digit groups of a Swedish number, and before its unit (``%``,
``kr/mån``)."""


def _text_headers(
    titles: list[str], wrapped: list[list[list[str]]], heading: int = 14
) -> tuple[list[list[str]], list[int]]:
    """The headings wrapped to their column's data width (at least ``heading``
    characters), and each column's width [characters]: its widest data or heading line."""
    columns = len(titles)
    data_widths = [max(max(len(x) for x in row[c]) for row in wrapped) for c in range(columns)]
    headers = [  # a word of a heading is never cut ("Diskonteringsfaktor")
        textwrap.wrap(h, max(data_widths[c], heading), break_long_words=False) or [""]
        for c, h in enumerate(titles)
    ]
    widths = [max(data_widths[c], *(len(x) for x in headers[c])) for c in range(columns)]
    return headers, widths


def _lines(cells: list[list[str]]) -> list[list[str]]:
    """The printed lines of a row of wrapped cells: line i holds each cell's i-th part."""
    height = max(len(cell) for cell in cells)
    return [[cell[i] if i < len(cell) else "" for cell in cells] for i in range(height)]


def _text_line(parts: list[str], widths: list[int], numeric: list[bool]) -> str:
    """One line of aligned columns: numbers right-aligned, text left, two spaces between."""
    return "  ".join(
        (p.rjust(widths[c]) if numeric[c] else p.ljust(widths[c])) for c, p in enumerate(parts)
    ).rstrip()


def render_markdown(report: Report, lang: Lang = "sv") -> str:
    """The report as Markdown: a heading and pipe tables.

    Parameters
    ----------
    report
        A report of :func:`~sociokalkyl.report.summary.build_report`.
    lang
        ``"sv"`` or ``"en"``: how numbers are written.

    Returns
    -------
    str
        Markdown; numeric columns are right-aligned.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.summary import build_report
    >>> report = build_report(sk.evaluate(*sk.examples.servicetrainee()))
    >>> render_markdown(report).splitlines()[0]
    '# Servicetrainee'
    """
    out = [f"# {markdown_text(report.title)}", ""]
    out += [f"{markdown_text(line)}  " for line in report.lines]
    out.append("")
    for table in report.tables:
        out += [f"## {markdown_text(table.title)}", ""]
        cells = _cells(table, lang)
        columns = len(table.headers)
        numeric = [
            bool(cells) and all(_numeric(table.kinds[r][c]) for r in range(len(cells)))
            for c in range(columns)
        ]
        out.append("| " + " | ".join(markdown_text(h) for h in table.headers) + " |")
        out.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
        for row in cells:
            out.append("| " + " | ".join(markdown_text(c) for c in row) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _csv_value(value: Any, kind: Kind, lang: Lang) -> str:
    if kind == "text" or isinstance(value, str):
        return "" if value is None else spreadsheet_text(str(value))
    if value is None or isinstance(value, bool):
        return ""
    number = float(value)
    if not math.isfinite(number):
        return ""
    if kind == "int" or (float(number).is_integer() and kind in ("int",)):
        return str(int(number))
    text = repr(round(number, 2 if kind == "sek" else 6))
    return text.replace(".", ",") if lang == "sv" else text


def render_csv(report: Report, lang: Lang = "sv") -> str:
    """The tables as CSV blocks (title row, header, rows, blank line).

    Swedish (``lang="sv"``) uses ``;`` between fields and a decimal comma, which is what
    Excel with Swedish settings opens directly; English uses ``,`` and a decimal point.
    Numbers are not rounded for display: amounts in SEK, payback in years, empty when
    there is none.

    Parameters
    ----------
    report
        A report of :func:`~sociokalkyl.report.summary.build_report`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        CSV text.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.summary import build_report
    >>> report = build_report(sk.evaluate(*sk.examples.servicetrainee()))
    >>> render_csv(report).splitlines()[2:4]
    ['Nyckeltal', 'Mått;Värde']
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "sv" else ",", lineterminator="\n")
    writer.writerow([spreadsheet_text(report.title)])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([spreadsheet_text(table.title)])
        writer.writerow([spreadsheet_text(h) for h in table.headers])
        for r, row in enumerate(table.rows):
            writer.writerow([_csv_value(v, table.kinds[r][c], lang) for c, v in enumerate(row)])
    return buffer.getvalue()


def report_json(
    result: Result,
    *,
    scenario_name: str | None = None,
    simulation: Mapping[str, Any] | None = None,
) -> str:
    """The result as JSON: raw numbers (SEK, years; ``null`` where none), English keys.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    scenario_name
        The scenario's name, if any.
    simulation
        A Monte Carlo summary (``SimulationResult.summary()``), if any.

    Returns
    -------
    str
        JSON: ``summary`` (with ``perspective``, ``perspectives``, ``by_actor`` and
        ``transfer_matrix``, see ``docs/report.md``), ``scenario``, ``by_cost_item``,
        ``years`` and ``assumptions`` (the rows of ``Result.assumptions`` in English
        words, and the tax rates when the model has work); ``unpriced_effects`` and
        ``by_outcome`` when the model has them (:func:`~sociokalkyl.report.
        breakdown_tables.breakdown_data`).

    Examples
    --------
    >>> import json, sociokalkyl as sk
    >>> data = json.loads(report_json(sk.evaluate(*sk.examples.servicetrainee())))
    >>> round(data["summary"]["npv"]), data["assumptions"][0]["confidence"]
    (-3839870, 'D: derived')
    """
    data: dict[str, Any] = {
        "summary": {**result.summary(), **perspective_data(result)},
        "scenario": scenario_name,
        "by_cost_item": result.by_cost_item(),
        "years": result.table(),
        "assumptions": [
            dict(zip(["what", "value", "source", "confidence"], cells, strict=True))
            for cells in [
                *(assumption_cells(row, "en") for row in result.assumptions()),
                *tax_rate_cells(result, "en"),
            ]
        ],
    }
    data.update(breakdown_data(result))  # unpriced effects, by outcome: only when any
    if result.plan.warnings:  # implausible magnitudes; the key is there only when there are any
        data["warnings"] = [warning.text("en") for warning in result.plan.warnings]
    if simulation is not None:
        data["simulation"] = simulation
    return strict_json(data) + "\n"


def render(report: Report, fmt: str, lang: Lang = "sv", *, columns: int | None = None) -> str:
    """Render a report as ``"table"`` (text), ``"md"`` or ``"csv"``.

    Parameters
    ----------
    report
        A report of :func:`~sociokalkyl.report.summary.build_report`.
    fmt
        ``"table"``, ``"md"`` or ``"csv"`` (anything else is text).
    lang
        ``"sv"`` or ``"en"``.
    columns
        For text: the screen's width [characters] to fit (None: no limit).

    Returns
    -------
    str
        The rendered report.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.summary import build_report
    >>> report = build_report(sk.evaluate(*sk.examples.servicetrainee()))
    >>> render(report, "md") == render_markdown(report)
    True
    """
    if fmt == "md":
        return render_markdown(report, lang)
    if fmt == "csv":
        return render_csv(report, lang)
    return render_text(report, lang, columns=columns)
