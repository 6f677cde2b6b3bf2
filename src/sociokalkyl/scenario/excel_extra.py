"""The template's optional sheets *Osäkerhet* and *Scenarier*: writing and reading back.

A template without them (written before they existed) is read as before; with them, the
scenario read gains ``uncertainty`` and ``scenarios`` exactly as a scenario file's
``[uncertainty]`` and ``[scenarios.NAME]`` tables would give, and every parameter they
name is checked against the calculation with the sheet and cell of an unknown one.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sociokalkyl.language.template_sheets import SCENARIO_SHEET, UNCERTAINTY_SHEET
from sociokalkyl.scenario.excel_columns import Column
from sociokalkyl.scenario.excel_file import read_cells
from sociokalkyl.scenario.excel_scenarios import (
    SCENARIO_COLUMNS,
    check_names,
    read_scenarios,
    scenario_rows,
)
from sociokalkyl.scenario.excel_uncertainty import (
    UNCERTAINTY_COLUMNS,
    read_uncertainty,
    uncertainty_rows,
)

__all__ = ["OPTIONAL_SHEETS", "extra_sheet_rows", "read_extra_sheets"]

OPTIONAL_SHEETS: dict[str, tuple[Column, ...]] = {
    UNCERTAINTY_SHEET: UNCERTAINTY_COLUMNS,
    SCENARIO_SHEET: SCENARIO_COLUMNS,
}
"""The optional sheets after *Inställningar*, with their columns."""


def extra_sheet_rows(
    uncertainty: Mapping[str, Any] | None, scenarios: Mapping[str, Mapping[str, Any]] | None
) -> dict[str, list[list[Any]]]:
    """The rows of *Osäkerhet* and *Scenarier* for a scenario's tables.

    Parameters
    ----------
    uncertainty
        The ``[uncertainty]`` table, or None.
    scenarios
        The ``[scenarios.NAME]`` tables, or None.

    Returns
    -------
    dict
        Sheet name -> rows.

    Examples
    --------
    >>> extra_sheet_rows(None, {"a": {"x": 1.0}})["Scenarier"]
    [['a', 'x', 1.0, None]]
    """
    return {
        UNCERTAINTY_SHEET: uncertainty_rows(uncertainty),
        SCENARIO_SHEET: scenario_rows(scenarios),
    }


def read_extra_sheets(path: Path, scenario: dict[str, Any], first_row: int) -> None:
    """Add ``uncertainty`` and ``scenarios`` from the optional sheets to ``scenario``.

    Parameters
    ----------
    path
        The template (already checked and read for the other sheets).
    scenario
        ``{"intervention": ..., "settings": ...}`` as read and checked; changed in place.
    first_row
        The first data row of a table.

    Raises
    ------
    InputError
        For a cell that cannot be read or a parameter the calculation does not have,
        naming the sheet and cell.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from sociokalkyl.scenario.excel import write_template
    >>> from sociokalkyl.examples import servicetrainee
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
    >>> write_template(path, *servicetrainee(), scenarios={"dyr": {"costs[0].amount": 30000}})
    >>> data = {}
    >>> read_extra_sheets(path, data, 3)
    >>> data
    {'scenarios': {'dyr': {'costs[0].amount': 30000}}}
    """
    widths = {name: len(columns) for name, columns in OPTIONAL_SHEETS.items()}
    sheets = read_cells(path, widths)
    uncertainty: dict[str, Any] = {}
    u_origins: dict[str, str] = {}
    scenarios: dict[str, dict[str, Any]] = {}
    s_origins: dict[tuple[str, str], str] = {}
    if UNCERTAINTY_SHEET in sheets:
        uncertainty, u_origins = read_uncertainty(sheets[UNCERTAINTY_SHEET], first_row)
    if SCENARIO_SHEET in sheets:
        scenarios, s_origins = read_scenarios(sheets[SCENARIO_SHEET], first_row)
    if uncertainty:
        scenario["uncertainty"] = uncertainty
    if scenarios:
        scenario["scenarios"] = scenarios
    if (u_origins or s_origins) and "intervention" in scenario:
        check_names(_parameters(scenario), u_origins, s_origins)


def _parameters(scenario: Mapping[str, Any]) -> Mapping[str, Any]:
    """The parameters of the calculation read from the template (shipped catalogue)."""
    from sociokalkyl.engine import compile_plan
    from sociokalkyl.model import Intervention, Settings

    intervention = Intervention.model_validate(scenario["intervention"])
    settings = Settings.model_validate(scenario["settings"])
    return compile_plan(intervention, settings).parameters
