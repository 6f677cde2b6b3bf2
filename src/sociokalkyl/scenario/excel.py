"""The Excel input template: write one (optionally pre-filled), read a filled-in one back."""

from __future__ import annotations

from sociokalkyl.scenario.excel_read import read_template
from sociokalkyl.scenario.excel_template import TEMPLATE_SHEETS, write_template

__all__ = ["TEMPLATE_SHEETS", "read_template", "write_template"]
