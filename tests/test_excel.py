"""The Excel template (write, read back, errors that name the cell) and the xlsx report."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl import evaluate
from sociokalkyl.analysis.result import Result
from sociokalkyl.errors import InputError
from sociokalkyl.examples import servicetrainee
from sociokalkyl.language.template_outcomes import OUTCOME_SHEETS
from sociokalkyl.model import (
    BaselineUse,
    CostItem,
    Effect,
    Intervention,
    InterventionCost,
    Settings,
    TargetGroup,
)
from sociokalkyl.report.excel import REPORT_SHEETS, write_report
from sociokalkyl.scenario.excel import TEMPLATE_SHEETS, read_template, write_template


def paying_back() -> Intervention:
    """A cheap intervention with a big avoided cost; a second cost in year 3 makes the
    cumulative net dip below zero again, so the payback is the *last* crossing."""
    return Intervention(
        name="Tidigt stöd",
        target_group=TargetGroup(name="Unga", intake=[10]),
        cost_items=[
            CostItem(
                key="hvb",
                name="HVB-dygn",
                unit_cost="4 500 kr/dygn",
                price_year=2023,
                payer={"kommun": 0.7, "region": 0.3},
                source="test",
                confidence="A",
            )
        ],
        baseline=[BaselineUse(cost_item="hvb", use="60 dygn/år", exit_rate=0.1)],
        effects=[Effect(cost_item="hvb", kind="relative", change=-0.5)],
        costs=[
            InterventionCost(name="Start", kind="one_off", amount="1 500 000 kr"),
            InterventionCost(name="Ny omgång", kind="one_off", amount="3 000 000 kr", year=3),
            InterventionCost(
                name="Uppföljning",
                kind="per_year",
                amount="150 000 kr/år",
                years=3,
                payer="region",
            ),
        ],
    )


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=1e-6)


def assert_same_result(a: Result, b: Result) -> None:
    assert same(a.npv, b.npv)
    assert same(a.payback, b.payback)
    assert same(a.payback_discounted, b.payback_discounted)
    assert same(a.benefit_cost_ratio, b.benefit_cost_ratio)
    for ra, rb in zip(a.table(), b.table(), strict=True):
        for key in ra:
            assert same(float(ra[key]), float(rb[key])), key
    for pa, pb in zip(a.by_payer(), b.by_payer(), strict=True):
        assert pa["payer"] == pb["payer"]
        for key in ("npv", "payback", "payback_discounted"):
            assert same(float(pa[key]), float(pb[key])), key


def models(path: Path) -> tuple[Intervention, Settings]:
    scenario = read_template(path)
    return (
        Intervention.model_validate(scenario["intervention"]),
        Settings.model_validate(scenario["settings"]),
    )


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "mall.xlsx"
    write_template(path, *servicetrainee())
    return path


def edit(path: Path, sheet: str, cell: str, value: Any) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


# --------------------------------------------------------------------------- template


def test_template_round_trip_gives_the_examples_result(template: Path) -> None:
    assert_same_result(evaluate(*models(template)), evaluate(*servicetrainee()))


def test_template_round_trip_of_a_second_intervention_via_an_edited_file(tmp_path: Path) -> None:
    """A template whose tables are filled by hand (payer shares, two payers, year 3)."""
    path = tmp_path / "mall.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    insats = wb["Insats"]
    insats["B3"], insats["B6"], insats["B7"], insats["B13"] = "Tidigt stöd", "Unga", "person", 10
    item = ["hvb", "HVB-dygn", 4500, "kr/dygn", 2023, "kommun=0,7; region=0,3", "KPI", 0, "test"]
    for j, value in enumerate([*item, "A"], start=1):
        wb["Kostnadsposter"].cell(3, j, value)
    ws = wb["Baslinje"]
    for j, value in enumerate(["hvb", 60, "dygn/år", 0.1], start=1):
        ws.cell(3, j, value)
    ws = wb["Effekter"]
    for j, value in enumerate(["hvb", "relativ", "-50 %", "%"], start=1):
        ws.cell(3, j, value)
    ws = wb["Kostnader"]
    rows: list[list[Any]] = [
        ["Start", "engång", "1 500 000", "kr", None, None, 0, None, None, None, "kommun"],
        ["Ny omgång", "engång", 3_000_000, "kr", None, None, 3, None, None, None, "kommun"],
        ["Uppföljning", "per år", 150_000, "kr/år", None, None, 0, 3, None, None, "region"],
    ]
    for i, row in enumerate(rows, start=3):
        for j, value in enumerate(row, start=1):
            ws.cell(i, j, value)
    ws = wb["Inställningar"]
    ws["B3"], ws["B4"], ws["B5"], ws["B6"] = 2024, 2023, 10, 0.035
    wb.save(path)
    settings = Settings(base_year=2024, price_year=2023, horizon=10, discount_rate=0.035)
    assert_same_result(evaluate(*models(path)), evaluate(paying_back(), settings))


def test_template_has_swedish_sheets_headings_and_validation(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert tuple(wb.sheetnames) == (
        *TEMPLATE_SHEETS[:-1],
        *OUTCOME_SHEETS,
        TEMPLATE_SHEETS[-1],
        "Osäkerhet",
        "Scenarier",
        "Prisindex",
    )
    effects = wb["Effekter"]
    assert [c.value for c in effects[1]][:4] == ["Kostnadspost", "Typ", "Förändring", "Enhet"]
    validations = effects.data_validations.dataValidation
    lists = [dv.formula1 for dv in validations if dv.type == "list"]
    assert '"relativ,absolut"' in lists
    assert {dv.type for dv in validations} >= {"list", "whole", "decimal"}
    costs = wb["Kostnader"]
    assert any(
        dv.type == "list" and "kommun" in (dv.formula1 or "")
        for dv in costs.data_validations.dataValidation
    )
    assert costs["C3"].value == 19784
    assert costs["D3"].value == "kr/mån"


def test_template_with_a_schedule_reads_the_preset(tmp_path: Path, template: Path) -> None:
    edit(template, "Inställningar", "B7", "green_book")
    assert read_template(template)["settings"]["discount_rate"] == "green_book"


def test_deleted_sheet_names_the_sheet(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    del wb["Effekter"]
    wb.save(template)
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Effekter!A1"
    assert "Effekter" in str(info.value)


def test_text_in_a_number_cell_names_the_cell(template: Path) -> None:
    edit(template, "Effekter", "C4", "ungefär fem")
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Effekter!C4"
    assert info.value.value == "ungefär fem"
    assert "number" in (info.value.expected or "")
    assert "Effekter!C4" in str(info.value)


def test_swedish_number_text_is_read(template: Path) -> None:
    edit(template, "Kostnadsposter", "C3", "7 149")
    scenario = read_template(template)
    assert scenario["intervention"]["cost_items"][0]["unit_cost"] == {
        "value": 7149.0,
        "unit": "kr/mån",
    }


def test_unknown_payer_names_the_cell(template: Path) -> None:
    edit(template, "Kostnader", "K4", "landstinget")
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Kostnader!K4"
    assert info.value.value == "landstinget"
    assert "kommun" in (info.value.expected or "")


def test_declared_other_payer_is_accepted(template: Path) -> None:
    edit(template, "Insats", "B9", "Arbetsförmedlingen")
    edit(template, "Kostnader", "K4", "Arbetsförmedlingen")
    scenario = read_template(template)
    assert scenario["intervention"]["costs"][1]["payer"] == "Arbetsförmedlingen"


def test_a_models_complaint_is_traced_to_its_cell(template: Path) -> None:
    edit(template, "Effekter", "H4", 1.5)  # drop-off above 1
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Effekter!H4"


def test_a_reference_to_a_missing_cost_item_is_traced_to_its_cell(template: Path) -> None:
    edit(template, "Effekter", "A4", "hvb")
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Effekter!A4"


def test_unknown_kind_and_missing_unit(template: Path) -> None:
    edit(template, "Kostnader", "B3", "ibland")
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Kostnader!B3"
    assert "engång" in (info.value.expected or "")
    write_template(template, *servicetrainee())
    edit(template, "Kostnadsposter", "D3", None)
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Kostnadsposter!D3"


def test_empty_template_says_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "tom.xlsx"
    write_template(path)
    with pytest.raises(InputError) as info:
        read_template(path)
    assert info.value.field == "Insats!B3"


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "inte.xlsx"
    path.write_text("hej")
    with pytest.raises(InputError, match="Excel"):
        read_template(path)
    with pytest.raises(InputError, match="does not exist"):
        read_template(tmp_path / "saknas.xlsx")


# --------------------------------------------------------------------------- report


@pytest.fixture
def report(tmp_path: Path) -> tuple[Result, Path]:
    result = evaluate(*servicetrainee())
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    return result, path


def label_row(ws: Any, label: str) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == label:
            return row
    raise AssertionError(f"no row {label!r}")


def is_formula(cell: Any) -> bool:
    return cell.data_type == "f" or str(cell.value).startswith("=")


def test_report_sheets_and_swedish_headings(report: tuple[Result, Path]) -> None:
    _, path = report
    wb = openpyxl.load_workbook(path)
    assert tuple(wb.sheetnames) == (*REPORT_SHEETS, "Perspektiv")  # transfers and work
    headings = [c.value for c in wb["År"][2]]
    for heading in (
        "År",
        "Kalenderår",
        "Kostnader",
        "Undvikna kostnader",
        "Netto",
        "Diskonteringsfaktor",
        "Diskonterat netto",
        "Ackumulerat netto",
        "Ackumulerat diskonterat",
        "kommun: netto",
    ):
        assert heading in headings
    summary = wb["Sammanfattning"]
    for label in ("Nettonuvärde, kr", "Återbetalningstid, år", "Nytta/kostnad (kvot)"):
        label_row(summary, label)
    assert label_row(wb["Antaganden"], "Nyckel") > 1
    assert "Socialstyrelsen" in str(wb["Antaganden"]["I6"].value)


def test_report_flows_are_numbers_and_the_rest_formulas(report: tuple[Result, Path]) -> None:
    result, path = report
    wb = openpyxl.load_workbook(path)
    years = wb["År"]
    table = result.table()
    for t, row in enumerate(table):
        r = 3 + t
        assert years[f"C{r}"].value == pytest.approx(row["costs"])
        assert years[f"D{r}"].value == pytest.approx(row["avoided"])
        for letter in "EHIJ":
            assert is_formula(years[f"{letter}{r}"]), f"{letter}{r}"
        if t > 0:
            assert is_formula(years[f"F{r}"])
            assert is_formula(years[f"G{r}"])
            assert years[f"F{r}"].value == "='Sammanfattning'!$B$23"  # the one rate cell
    summary = wb["Sammanfattning"]
    for label in (
        "Nettonuvärde, kr",
        "Nuvärde av insatsens kostnader, kr",
        "Nytta/kostnad (kvot)",
        "Återbetalningstid, år",
        "Återbetalningstid, diskonterad, år",
        "Kontroll: samma NPV med Excels NPV()",
    ):
        cell = summary.cell(label_row(summary, label), 2)
        assert is_formula(cell), label
        assert "'År'!" in cell.value or label == "Nytta/kostnad (kvot)"
    assert summary["B23"].value == pytest.approx(0.035)
    assert (
        "NPV(" in summary.cell(label_row(summary, "Kontroll: samma NPV med Excels NPV()"), 2).value
    )


def test_report_with_a_schedule_writes_the_yearly_rates(tmp_path: Path) -> None:
    intervention, _ = servicetrainee()
    settings = Settings(base_year=2012, price_year=2023, horizon=40, discount_rate="green_book")
    path = tmp_path / "gb.xlsx"
    write_report(evaluate(intervention, settings), path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Summary", "Years", "Assumptions", "Perspectives"]
    years = wb["Years"]
    assert years["F4"].value == pytest.approx(0.035)
    assert years["F33"].value == pytest.approx(0.035)  # year 30
    assert years["F34"].value == pytest.approx(0.030)  # year 31
    assert is_formula(years["G34"])


def test_report_is_written_atomically(report: tuple[Result, Path]) -> None:
    result, path = report
    write_report(result, path)  # replaces the file
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    with pytest.raises(InputError, match="directory"):
        write_report(result, path.parent / "saknas" / "r.xlsx")


def test_report_rejects_an_unknown_language(report: tuple[Result, Path]) -> None:
    result, path = report
    with pytest.raises(InputError, match="language"):
        write_report(result, path, lang="de")


def test_report_is_swedish_throughout(report: tuple[Result, Path]) -> None:
    _, path = report
    wb = openpyxl.load_workbook(path)
    texts = [
        str(cell.value)
        for ws in wb
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and not cell.value.startswith("=")
    ]
    joined = "\n".join(texts)
    assert "Diskontering: 3,5 % real ränta, konstant" in joined
    assert "real, constant" not in joined
    assert "undvikta" not in joined.lower()
    assert "SEK / month" not in texts
    assert "kr/mån" in texts
    assert "Årligt utflöde från ekonomiskt_bistand utan insatsen" in texts
    assert "Real kalkylränta" in texts
    assert not any(t.startswith(("Baseline use", "Yearly exit", "Real discount")) for t in texts)
    english = openpyxl.load_workbook(report_en(report))
    rows = [str(c.value) for ws in english for r in ws.iter_rows() for c in r if c.value]
    assert "Real discount rate" in rows
    assert "SEK/month" in rows


def report_en(report: tuple[Result, Path]) -> Path:
    result, path = report
    out = path.with_name("report.xlsx")
    write_report(result, out, lang="en")
    return out


def test_report_with_a_simulation_has_an_uncertainty_sheet(tmp_path: Path) -> None:
    from sociokalkyl.uncertainty import Uncertainty, simulate

    intervention, settings = servicetrainee()
    summary = simulate(
        intervention,
        settings,
        Uncertainty({"effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4}}),
        draws=200,
        seed=1,
    ).summary()
    path = tmp_path / "mc.xlsx"
    write_report(evaluate(intervention, settings), path, simulation=summary)
    ws = openpyxl.load_workbook(path)["Osäkerhet"]
    row = label_row(ws, "Sannolikhet för nettonuvärde > 0")
    assert ws.cell(row, 2).value == pytest.approx(summary["prob_npv_positive"])
    assert ws.cell(row, 2).number_format.endswith("0.0%")  # [$-41D]: Swedish separators
    row = label_row(ws, "Nettonuvärde, medelvärde")
    assert ws.cell(row, 2).value == pytest.approx(summary["npv_mean"])
    header = label_row(ws, "Mått")
    names = [ws.cell(header, j).value for j in range(1, 12)]
    assert names[:8] == [
        "Mått",
        "Betalare",
        "Kostnadspost",
        "Medelvärde",
        "Std.avvikelse",
        "5 %-percentil",
        "median",
        "95 %-percentil",
    ]
    payers = [ws.cell(r, 2).value for r in range(header + 1, ws.max_row + 1)]
    assert "kommun" in payers


def test_ambiguous_number_text_gets_the_same_explanation_as_toml(template: Path) -> None:
    edit(template, "Kostnader", "C3", "12,000")
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Kostnader!C3"
    assert "ambiguous" in str(info.value)
    assert '"12 000"' in (info.value.expected or "")


def test_a_wrong_unit_shows_the_amount_and_names_the_unit_cell(template: Path) -> None:
    edit(template, "Kostnader", "D3", "kr/km")
    with pytest.raises(InputError) as info:
        read_template(template)
    text = str(info.value)
    assert info.value.field == "Kostnader!D3"
    assert "19784 kr/km" in text
    assert "{'value'" not in text
    assert "Kostnader!C3" in text


def test_intake_and_horizon_messages_speak_excel(template: Path) -> None:
    edit(template, "Insats", "B13", -3)
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Insats!B13"
    assert "[30]" not in str(info.value)
    assert "intake =" not in str(info.value)
    write_template(template, *servicetrainee())
    edit(template, "Insats", "B13", None)
    with pytest.raises(InputError) as info:
        read_template(template)
    assert "[30]" not in str(info.value)
    assert "Antal deltagare" in str(info.value)
    write_template(template, *servicetrainee())
    edit(template, "Inställningar", "B5", 2.5)
    with pytest.raises(InputError) as info:
        read_template(template)
    assert info.value.field == "Inställningar!B5"
    assert "2012" not in str(info.value)
