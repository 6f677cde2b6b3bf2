"""The sheet Perspektiv of the xlsx report, and flows and actors in the Excel template.

The report's cached values are the library's numbers (LibreOffice's recalculation is in
``test_excel_libreoffice.py``); the template carries Flöde, Mottagare, Ägare, Aktörer,
the tax rates and the perspectives there and back, and names the cell of a bad one.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl import evaluate, load_scenario
from sociokalkyl.analysis.result import Result
from sociokalkyl.errors import InputError
from sociokalkyl.examples import skolfam
from sociokalkyl.model import Intervention, Settings
from sociokalkyl.report.excel import write_report
from sociokalkyl.scenario.excel import read_template, write_template

EXAMPLE = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"


@pytest.fixture(scope="module")
def scenario() -> Any:
    return load_scenario(Path(str(EXAMPLE)))


@pytest.fixture(scope="module")
def result(scenario: Any) -> Result:
    return evaluate(scenario.intervention, scenario.settings)


def rows_after(ws: Any, title: str) -> list[tuple[Any, ...]]:
    """The rows of the table titled ``title`` (after its header), to the first empty row."""
    found = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == title]
    assert found, f"no table {title!r}"
    rows, r = [], found[0] + 2
    while ws.cell(r, 1).value is not None:
        rows.append(tuple(ws.cell(r, c).value for c in range(1, 7)))
        r += 1
    return rows


def check_perspective_sheet(ws: Any, result: Result) -> None:
    """The tables per perspective, per actor and who pays whom equal the library's, to
    the krona (``ws`` read with the values stored or recalculated)."""
    table = rows_after(ws, "Per perspektiv")
    expected = result.perspectives()
    assert [row[0] for row in table] == ["Kommunen", "Offentlig sektor", "Samhället"]
    for row, want in zip(table, expected, strict=True):
        assert row[2] == pytest.approx(want["npv"], abs=1.0)
        assert row[3] == pytest.approx(want["pv_costs"], abs=1.0)
        assert row[4] == pytest.approx(want["pv_avoided"], abs=1.0)
        assert row[5] == pytest.approx(want["benefit_cost_ratio"], rel=1e-9)
    actors = rows_after(ws, "Per aktör")
    assert len(actors) == len(result.by_actor())
    for row, found in zip(actors, result.by_actor(), strict=True):
        assert row[2] == pytest.approx(found["npv"], abs=1.0)
        assert row[3] == pytest.approx(found["pv_costs"], abs=1.0)
        assert row[4] == pytest.approx(found["pv_avoided"], abs=1.0)
    # who pays whom: header row names the recipients, each row a payer
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Från \\ Till")
    heads = {ws.cell(start, c).value: c for c in range(2, 12) if ws.cell(start, c).value}
    names = {"Produktion": "produktion", "Individen och hushållet": "individ",
             "Kommun": "kommun", "Region": "region", "Staten": "stat",
             "Övriga samhället": "övriga"}  # fmt: skip
    matrix = result.transfer_matrix()
    r = start + 1
    seen = 0
    while ws.cell(r, 1).value is not None:
        giver = names.get(ws.cell(r, 1).value, ws.cell(r, 1).value)
        for head, c in heads.items():
            want = matrix.get(giver, {}).get(names.get(head, head), 0.0)
            assert ws.cell(r, c).value == pytest.approx(want, abs=1.0), (giver, head)
            seen += want != 0.0
        r += 1
    assert seen == sum(len(to) for to in matrix.values())


def test_the_sheet_holds_the_librarys_numbers(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    wb = openpyxl.load_workbook(path, data_only=True)
    assert wb.sheetnames == ["Sammanfattning", "År", "Antaganden", "Perspektiv"]
    check_perspective_sheet(wb["Perspektiv"], result)


def test_every_answer_is_a_live_formula_on_the_years_factors(
    result: Result, tmp_path: Path
) -> None:
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    ws = openpyxl.load_workbook(path)["Perspektiv"]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    npv = [f for f in formulas if f.startswith("=SUMPRODUCT($C$")]
    assert len(npv) >= 3 + len(result.by_actor())  # every perspective and actor
    pv = [f for f in formulas if "'År'!$G$3:$G$12" in f]
    assert len(pv) == len(result.plan.line_names)  # each line discounted on År, column G


def test_society_by_hand(result: Result, tmp_path: Path) -> None:
    """Samhället: the wage, the bistånd and the taxes are transfers that cancel; what is
    left is the value of the work less the supervision:
    PV(production) = PV(wage) * (1 + 0,3142) and NPV = PV(production) - PV(handledning)."""
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    ws = openpyxl.load_workbook(path, data_only=True)["Perspektiv"]
    pv_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Nuvärde, kr")
    head = pv_row - 12  # the line headings: 10 years, the kind row, then the PV row
    by_name = {ws.cell(head, c).value: ws.cell(pv_row, c).value for c in range(3, 10)}
    wage = by_name["Bruttolön under anställningen"]
    production = by_name["Bruttolön under anställningen: värdet av arbetet (produktion)"]
    supervision = by_name["Handledning och projektledning"]
    assert production == pytest.approx(wage * 1.3142, rel=1e-12)
    society = rows_after(ws, "Per perspektiv")[2]
    assert society[2] == pytest.approx(production - supervision, abs=1e-6)
    assert society[2] == pytest.approx(result.by_perspective("samhället").npv, abs=1e-6)


def test_a_resource_only_report_has_no_perspective_sheet(tmp_path: Path) -> None:
    path = tmp_path / "rapport.xlsx"
    write_report(evaluate(*skolfam()), path)
    assert openpyxl.load_workbook(path).sheetnames == ["Sammanfattning", "År", "Antaganden"]


def test_english_sheet(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(result, path, lang="en")
    ws = openpyxl.load_workbook(path)["Perspectives"]
    assert ws["A4"].value == "Per perspective"


def test_template_round_trip_keeps_flows_actors_and_rates(scenario: Any, tmp_path: Path) -> None:
    path = tmp_path / "mall.xlsx"
    write_template(path, scenario.intervention, scenario.settings)
    read = read_template(path)
    intervention = Intervention.model_validate(read["intervention"])
    settings = Settings.model_validate(read["settings"])
    assert intervention == scenario.intervention  # flows, recipients, owners, actors
    before, after = scenario.settings.model_dump(), settings.model_dump()
    for key, value in before.items():
        if isinstance(value, float):
            assert after[key] == pytest.approx(value, rel=1e-12), key
        else:
            assert after[key] == value, key
    ws = openpyxl.load_workbook(path)["Kostnader"]
    heads = [c.value for c in ws[1]]
    assert heads[-3:] == ["Flöde", "Mottagare", "Ägare"]
    assert [c.value for c in ws[3]][-3:] == ["arbete", None, "övriga"]


def test_own_perspectives_and_headline_round_trip(scenario: Any, tmp_path: Path) -> None:
    own = {"kommun_och_region": ["kommun", "region"], "nämnden": ["kommun/socialnämnd"]}
    settings = scenario.settings.model_copy(
        update={"perspectives": own, "perspective": "offentlig_sektor"}
    )
    path = tmp_path / "mall.xlsx"
    write_template(path, scenario.intervention, settings)
    read = Settings.model_validate(read_template(path)["settings"])
    assert read.perspectives == own
    assert read.perspective == "offentlig_sektor"
    result = evaluate(scenario.intervention, read)
    assert [v.name for v in result.plan.perspectives][3:] == list(own)


def test_konvertera_round_trip_is_the_same_model(scenario: Any, tmp_path: Path) -> None:
    """servicetrainee.toml -> xlsx -> toml gives the same intervention and plan."""
    from sociokalkyl.cli.main import main

    xlsx, toml = tmp_path / "s.xlsx", tmp_path / "s.toml"
    assert main(["konvertera", str(EXAMPLE), str(xlsx)]) == 0
    assert main(["konvertera", str(xlsx), str(toml)]) == 0
    back = load_scenario(toml)
    assert back.intervention == scenario.intervention
    first, second = (evaluate(s.intervention, s.settings) for s in (scenario, back))
    assert first.plan.line_flows == second.plan.line_flows
    assert (first.plan.weights == second.plan.weights).all()
    assert second.npv_by_perspective == pytest.approx(first.npv_by_perspective, rel=1e-12)


def edited(scenario: Any, tmp_path: Path, sheet: str, cell: str, value: Any) -> Path:
    path = tmp_path / "mall.xlsx"
    write_template(path, scenario.intervention, scenario.settings)
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    return path


def column_of(scenario: Any, tmp_path: Path, sheet: str, header: str) -> str:
    path = tmp_path / "cols.xlsx"
    write_template(path, scenario.intervention, scenario.settings)
    ws = openpyxl.load_workbook(path)[sheet]
    return next(c.column_letter for c in ws[1] if c.value == header)


def test_unknown_actor_names_the_cell_with_did_you_mean(scenario: Any, tmp_path: Path) -> None:
    col = column_of(scenario, tmp_path, "Kostnadsposter", "Mottagare")
    path = edited(scenario, tmp_path, "Kostnadsposter", f"{col}3", "indvid")
    with pytest.raises(InputError) as info:
        read_template(path)
    assert info.value.field == f"Kostnadsposter!{col}3"
    assert "did you mean 'individ'" in str(info.value)


def test_nested_payer_is_known_from_the_actors_field(scenario: Any, tmp_path: Path) -> None:
    path = edited(scenario, tmp_path, "Kostnader", "K4", "kommun/socialnamnd")
    with pytest.raises(InputError) as info:
        read_template(path)
    assert info.value.field == "Kostnader!K4"
    assert "kommun/socialnämnd" in str(info.value)


def test_a_recipient_on_a_resource_flow_names_its_cell(scenario: Any, tmp_path: Path) -> None:
    col = column_of(scenario, tmp_path, "Kostnader", "Mottagare")
    path = edited(scenario, tmp_path, "Kostnader", f"{col}4", "individ")  # handledning
    with pytest.raises(InputError) as info:
        read_template(path)
    assert info.value.field == f"Kostnader!{col}4"
    assert "resource flow has no recipient" in str(info.value)


def test_a_transfer_to_its_own_payer_names_its_cell(scenario: Any, tmp_path: Path) -> None:
    col = column_of(scenario, tmp_path, "Kostnadsposter", "Mottagare")
    path = edited(scenario, tmp_path, "Kostnadsposter", f"{col}3", "kommun/socialnämnd")
    with pytest.raises(InputError) as info:
        read_template(path)
    assert info.value.field == f"Kostnadsposter!{col}3"
    assert "is no transfer" in str(info.value)


def test_an_unknown_flow_word_names_the_cell(scenario: Any, tmp_path: Path) -> None:
    col = column_of(scenario, tmp_path, "Kostnader", "Flöde")
    path = edited(scenario, tmp_path, "Kostnader", f"{col}3", "arbet")
    with pytest.raises(InputError) as info:
        read_template(path)
    assert info.value.field == f"Kostnader!{col}3"
    assert "did you mean 'arbete'" in str(info.value)
