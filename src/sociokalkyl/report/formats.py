"""Output formats: Swedish (and English) numbers, report tables as text, Markdown, CSV, JSON.

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

__all__ = [
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
]
