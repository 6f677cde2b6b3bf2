"""Output formats: Swedish (and English) numbers, report tables as text, Markdown, CSV, JSON,
and the file formats: the xlsx workbook, the printable PDF and the self-contained HTML.

Swedish is the default: spaces between groups of three digits, a decimal comma, ``kr``
after amounts, payback in ``år`` and ``"inte inom horisonten"`` when the intervention
does not pay back. ``lang="en"`` gives English labels and numbers (``1,234,567 SEK``).

The pieces live in their own modules, all re-exported here:
:mod:`~sociokalkyl.language.labels` (labels, Swedish and English),
:mod:`~sociokalkyl.language.numbers` (numbers, amounts, units),
:mod:`~sociokalkyl.report.tables` (tables, Monte Carlo tables),
:mod:`~sociokalkyl.report.summary` (the report of a result),
:mod:`~sociokalkyl.report.assumptions` (the assumption log in words) and
:mod:`~sociokalkyl.report.render` (text, Markdown, CSV, JSON).
:func:`write_file` writes a result to a file by its suffix (:data:`FILE_FORMATS`):
``.xlsx`` (:mod:`~sociokalkyl.report.excel`), ``.pdf`` and ``.html``
(:mod:`~sociokalkyl.report.pdf`).

Examples
--------
>>> format_sek(-1234567.4)
'-1 234 567 kr'
>>> format_sek(1234567.4, lang="en")
'1,234,567 SEK'
>>> format_years(3.333), format_years(float("nan"))
('3,3 år', 'inte inom horisonten')
>>> format_years(3.333, lang="en")
'3.3 years'
>>> format_percent(0.035)
'3,5 %'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import LABELS, Lang, label
from sociokalkyl.language.numbers import Kind as Kind
from sociokalkyl.language.numbers import format_cell as format_cell
from sociokalkyl.language.numbers import (
    format_number,
    format_percent,
    format_quantity,
    format_ratio,
    format_sek,
    format_years,
)
from sociokalkyl.language.numbers import format_unit as format_unit
from sociokalkyl.language.simulation import SIMULATION_LABELS as SIMULATION_LABELS
from sociokalkyl.language.simulation import simulation_label as simulation_label
from sociokalkyl.report.render import render, report_json
from sociokalkyl.report.render import render_csv as render_csv
from sociokalkyl.report.render import render_markdown as render_markdown
from sociokalkyl.report.render import render_text as render_text
from sociokalkyl.report.summary import build_report
from sociokalkyl.report.tables import Report, Table, simulation_report
from sociokalkyl.report.tables import simulation_metrics_table as simulation_metrics_table
from sociokalkyl.report.tables import table_from_records as table_from_records

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = [
    "FILE_FORMATS",
    "LABELS",
    "Lang",
    "Report",
    "Table",
    "build_report",
    "format_number",
    "format_percent",
    "format_quantity",
    "format_ratio",
    "format_sek",
    "format_years",
    "label",
    "render",
    "report_json",
    "simulation_report",
    "write_file",
]

FILE_FORMATS = {".xlsx": "xlsx", ".pdf": "pdf", ".html": "html", ".htm": "html"}
"""The report files by suffix: the xlsx workbook, the A4 PDF and the self-contained HTML
(text formats, ``.txt``, ``.md``, ``.csv``, ``.json``, are rendered by :func:`render`)."""


def write_file(
    result: Result,
    path: str | Path,
    lang: str = "sv",
    simulation: Any = None,
    *,
    overwrite: bool = True,
    perspectives: Sequence[Table] = (),
) -> str:
    """Write ``result`` to ``path`` in the file format its suffix names.

    Parameters
    ----------
    result
        A deterministic result from :func:`sociokalkyl.evaluate`.
    path
        A file ending in ``.xlsx``, ``.pdf``, ``.html`` or ``.htm`` (written atomically).
    lang
        ``"sv"`` (default) or ``"en"``.
    simulation
        A ``SimulationResult`` or its ``summary()``; the PDF and HTML draw the NPV
        distribution from a ``SimulationResult``, the figures from either.
    overwrite
        Replace an existing regular file (the default); False refuses one.
    perspectives
        Tables of the perspective section (``report.perspective_tables``) for the PDF
        and HTML; the workbook has its own sheet.

    Returns
    -------
    str
        The format written: ``"xlsx"``, ``"pdf"`` or ``"html"``.

    Raises
    ------
    InputError
        For another suffix, and as the writers do (a missing directory, an existing
        file when ``overwrite`` is False).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import sociokalkyl as sk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "rapport.xlsx"
    >>> write_file(sk.evaluate(*sk.examples.skolfam()), path)
    'xlsx'
    """
    fmt = FILE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(
            "names no report file format",
            field="path",
            value=str(path),
            expected="a file ending in .xlsx, .pdf or .html, e.g. rapport.pdf",
        )
    if fmt == "xlsx":
        from sociokalkyl.report.excel import write_report

        summary = simulation
        if simulation is not None and not isinstance(simulation, Mapping):
            summary = simulation.summary()
        write_report(result, path, lang=lang, simulation=summary, overwrite=overwrite)
    else:
        from sociokalkyl.report.pdf import write_document

        write_document(
            result,
            path,
            lang,
            simulation=simulation,
            overwrite=overwrite,
            perspectives=perspectives,
        )
    return fmt
