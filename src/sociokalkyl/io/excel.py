"""Excel in and out: the input template and the xlsx report.

* :func:`write_template` writes an input template (Swedish sheets, data validation),
  optionally pre-filled with a worked example; :func:`read_template` reads a filled-in
  template back as a scenario mapping.
* :func:`write_report` writes a result as a workbook whose discounting, NPV and payback
  are Excel formulas over the yearly flows, so they can be audited and recalculated.

See ``docs/excel.md``.
"""

from __future__ import annotations

from sociokalkyl.io.excel_read import read_template
from sociokalkyl.io.excel_report import REPORT_SHEETS, write_report
from sociokalkyl.io.excel_template import TEMPLATE_SHEETS, write_template

__all__ = ["REPORT_SHEETS", "TEMPLATE_SHEETS", "read_template", "write_report", "write_template"]
