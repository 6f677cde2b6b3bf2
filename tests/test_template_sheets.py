"""The template's sheets *Osäkerhet* and *Scenarier*: written, read back, and every bad
cell refused with its sheet and cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl.errors import InputError
from sociokalkyl.examples import servicetrainee
from sociokalkyl.scenario.excel import write_template
from sociokalkyl.scenario.excel_read import read_template
from sociokalkyl.scenario.read import apply_overrides, load_scenario

UNCERTAINTY: dict[str, Any] = {
    "effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4},
    "cost_items.ekonomiskt_bistand.unit_cost": {
        "kind": "triangular", "low": 6077.0, "mode": 7149.0, "high": 8221.0,
    },
    "effects[1].drop_off": {"kind": "pert", "low": 0.0, "mode": 0.2, "high": 0.4, "lamb": 4.0},
    "baseline[0].exit_rate": {"kind": "beta", "alpha": 2.0, "beta": 8.0},
    "costs[0].amount": {"kind": "normal", "mean": 26000.0, "sd": 1000.0, "low": 20000.0},
    "costs[1].amount": {"kind": "empirical", "values": [400000.0, 500000.0, 612500.5]},
    "effect_multiplier": {"kind": "fixed", "value": 1.0},
    "correlation": [{"parameters": ["effects[1].change", "effects[1].drop_off"], "rho": 0.5}],
}  # fmt: skip
SCENARIOS: dict[str, dict[str, Any]] = {
    "pessimistisk": {"effects[1].change": -4.4, "baseline[0].exit_rate": 0.3},
    "dyr": {"costs[0].amount": "30 000 kr/mån"},
}


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "mall.xlsx"
    write_template(path, *servicetrainee(), uncertainty=UNCERTAINTY, scenarios=SCENARIOS)
    return path


def edit(path: Path, sheet: str, cells: dict[str, Any]) -> Path:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_template(path)
    return info.value


def test_both_sheets_round_trip(template: Path) -> None:
    data = read_template(template)
    assert data["uncertainty"] == UNCERTAINTY
    assert data["scenarios"] == SCENARIOS
    scenario = load_scenario(template)  # validated as a scenario file is
    assert scenario.uncertainty == UNCERTAINTY


def test_a_template_without_the_sheets_reads_as_before(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    del wb["Osäkerhet"], wb["Scenarier"]
    wb.save(template)
    data = read_template(template)
    assert "uncertainty" not in data
    assert "scenarios" not in data


def test_unknown_distribution_names_the_cell(template: Path) -> None:
    error = refused(edit(template, "Osäkerhet", {"B3": "likformigt"}))
    assert error.field == "Osäkerhet!B3"
    assert "did you mean 'likformig'" in error.message


def test_unknown_parameter_names_the_cell_and_the_closest(template: Path) -> None:
    error = refused(edit(template, "Scenarier", {"B3": "effects[1].chnage"}))
    assert error.field == "Scenarier!B3"
    assert "effects[1].change" in error.message
    edit(template, "Scenarier", {"B3": "effects[1].change", "A6": "x", "B6": "effect_multiplier",
                                 "C6": 2})  # fmt: skip
    assert read_template(template)["scenarios"]["x"] == {"effect_multiplier": 2}
    error = refused(edit(template, "Osäkerhet", {"A4": "effects[1].change"}))
    assert error.field == "Osäkerhet!A4"
    assert "named twice" in error.message


def test_a_value_that_is_no_number_names_the_cell(template: Path) -> None:
    error = refused(edit(template, "Osäkerhet", {"C3": "fem"}))
    assert error.field == "Osäkerhet!C3"


def test_percent_trap_on_scenarier(template: Path) -> None:
    """-0,3 with Enhet % is -0,3 % or -30 %: refused. -30 with % is -30 % = -0.3."""
    error = refused(edit(template, "Scenarier", {"C3": -0.3, "D3": "%"}))
    assert error.field == "Scenarier!C3"
    assert "can be read as -0,3 % or as -30 %" in error.message
    edit(template, "Scenarier", {"C3": -30, "D3": "%", "B3": "effects[0].change"})
    assert read_template(template)["scenarios"]["pessimistisk"]["effects[0].change"] == "-30 %"
    scenario = load_scenario(template)
    from sociokalkyl.engine import compile_plan

    plan = compile_plan(scenario.intervention, scenario.settings)
    changed = apply_overrides(plan, scenario.scenarios["pessimistisk"])
    assert changed.parameters["effects[0].change"].value == pytest.approx(-0.3)


def test_a_distribution_field_without_a_column_is_not_written(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no column"):
        write_template(
            tmp_path / "x.xlsx", *servicetrainee(),
            uncertainty={"effect_multiplier": {"kind": "uniform", "low": 0, "high": 2, "q": 1}},
        )  # fmt: skip
    assert not (tmp_path / "x.xlsx").exists()
