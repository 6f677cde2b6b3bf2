"""The xlsx report is presentable: stored values, print layout, widths, formats, charts.

The stored (cached) values are what a viewer that does not recalculate shows; they must
equal the library's numbers (``openpyxl.load_workbook(data_only=True)`` reads them).
LibreOffice's own recalculation is checked in ``test_excel_libreoffice.py``.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl import evaluate
from sociokalkyl.analysis.result import Result
from sociokalkyl.examples import servicetrainee, skolfam
from sociokalkyl.model import Settings
from sociokalkyl.report.excel import write_report
from test_excel import label_row, paying_back

NEVER = "inte inom horisonten"


def written(result: Result, tmp_path: Path, lang: str = "sv") -> Path:
    path = tmp_path / f"rapport-{lang}.xlsx"
    write_report(result, path, lang=lang)
    return path


def cached(path: Path) -> Any:
    return openpyxl.load_workbook(path, data_only=True)


def assert_payback(stored: Any, expected: float) -> None:
    if math.isnan(expected):
        assert stored == NEVER
    else:
        assert stored == pytest.approx(expected, abs=1e-9)


RESULTS = {
    "servicetrainee": lambda: evaluate(*servicetrainee()),
    "paying_back": lambda: evaluate(
        paying_back(), Settings(base_year=2024, price_year=2023, horizon=10, discount_rate=0.035)
    ),
    "green_book": lambda: evaluate(
        paying_back(),
        Settings(base_year=2024, price_year=2023, horizon=40, discount_rate="green_book"),
    ),
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_stored_values_equal_the_librarys_numbers(name: str, tmp_path: Path) -> None:
    """A viewer that does not recalculate reads the library's numbers to the krona
    (here to a thousandth of a krona: the stored values repeat the formulas' arithmetic)."""
    result = RESULTS[name]()
    wb = cached(written(result, tmp_path))
    summary, years = wb["Sammanfattning"], wb["År"]

    def value(label: str) -> Any:
        return summary.cell(label_row(summary, label), 2).value

    assert value("Nettonuvärde, kr") == pytest.approx(result.npv, abs=1e-3)
    assert value("Nuvärde av insatsens kostnader, kr") == pytest.approx(result.pv_costs, abs=1e-3)
    assert value("Nuvärde av undvikna kostnader, kr") == pytest.approx(result.pv_avoided, abs=1e-3)
    assert value("Nytta/kostnad (kvot)") == pytest.approx(result.benefit_cost_ratio, rel=1e-12)
    assert_payback(value("Återbetalningstid, år"), result.payback)
    assert_payback(value("Återbetalningstid, diskonterad, år"), result.payback_discounted)
    for t, row in enumerate(result.table()):
        r = 3 + t
        assert years[f"E{r}"].value == pytest.approx(row["net"], abs=1e-3)
        assert years[f"G{r}"].value == pytest.approx(row["discount_factor"], rel=1e-12)
        assert years[f"H{r}"].value == pytest.approx(row["discounted_net"], abs=1e-3)
        assert years[f"I{r}"].value == pytest.approx(row["cumulative_net"], abs=1e-3)
        assert years[f"J{r}"].value == pytest.approx(row["cumulative_discounted_net"], abs=1e-3)
    header = label_row(summary, "Betalare")
    for k, expected in enumerate(result.by_payer()):
        r = header + 1 + k
        assert summary.cell(r, 1).value == expected["payer"]
        assert summary.cell(r, 4).value == pytest.approx(float(expected["npv"]), abs=1e-3)
        assert_payback(summary.cell(r, 5).value, float(expected["payback"]))
        assert_payback(summary.cell(r, 6).value, float(expected["payback_discounted"]))


def test_the_excel_npv_check_stores_the_same_npv(tmp_path: Path) -> None:
    result = RESULTS["servicetrainee"]()
    summary = cached(written(result, tmp_path))["Sammanfattning"]
    row = label_row(summary, "Kontroll: samma NPV med Excels NPV()")
    assert summary.cell(row, 2).value == pytest.approx(result.npv, abs=1e-3)
    # hand check: -3 839 870 kr (tests/test_perspectives.py; the JSON report: -3839870.05)
    assert round(summary.cell(row, 2).value) == -3_839_870


def test_a_payback_within_the_horizon_is_stored_as_a_number(tmp_path: Path) -> None:
    result = RESULTS["paying_back"]()
    assert 3 < result.payback < 4
    summary = cached(written(result, tmp_path))["Sammanfattning"]
    stored = summary.cell(label_row(summary, "Återbetalningstid, år"), 2).value
    assert isinstance(stored, float)
    assert 3 < stored < 4


def test_every_sheet_prints_a4_landscape_fit_to_width(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(written(RESULTS["paying_back"](), tmp_path))
    for ws in wb:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert str(ws.page_setup.paperSize) == "9", ws.title  # 9 = A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth in (1, None), ws.title  # 1 is the default
        assert ws.page_setup.fitToHeight == 0, ws.title  # as many pages down as needed
    assert wb["År"].freeze_panes == "C3"
    assert wb["År"].print_title_rows == "$1:$2"
    assert wb["Antaganden"].freeze_panes == "B6"


def width(ws: Any, letter: str) -> float:
    """A column's width [characters]; openpyxl keeps runs of equal columns as one range."""
    from openpyxl.utils import column_index_from_string

    index = column_index_from_string(letter)
    for dimension in ws.column_dimensions.values():
        if dimension.min <= index <= dimension.max:
            return float(dimension.width)
    return 8.43  # Excel's default


def test_columns_are_as_wide_as_the_words_of_their_headers(tmp_path: Path) -> None:
    """No header is cut: each column is at least as wide as the header's longest word
    (headers wrap), and a number column as wide as its widest amount."""
    wb = openpyxl.load_workbook(written(RESULTS["paying_back"](), tmp_path))
    years = wb["År"]
    for cell in years[2]:
        if cell.value is None:
            continue
        longest = max(len(word) for word in str(cell.value).split())
        wide = width(years, cell.column_letter)
        assert wide >= longest + 1, (cell.coordinate, cell.value, wide)
        assert cell.alignment.wrap_text, cell.coordinate
    summary = wb["Sammanfattning"]
    assert width(summary, "A") >= len("Återbetalningstid, diskonterad, år")
    assert width(summary, "B") >= len("-1 234 567 kr")
    assert width(years, "A") < 20  # the sheet's title runs on; it does not widen column A


def test_amounts_have_the_swedish_krona_format(tmp_path: Path) -> None:
    sv = openpyxl.load_workbook(written(RESULTS["servicetrainee"](), tmp_path))
    assert sv["Sammanfattning"]["B5"].number_format == '[$-41D]#,##0 "kr"'
    assert sv["År"]["C3"].number_format == '[$-41D]#,##0 "kr"'
    en = openpyxl.load_workbook(written(RESULTS["servicetrainee"](), tmp_path, "en"))
    assert en["Summary"]["B5"].number_format == '#,##0 "SEK"'


def test_the_summary_has_two_charts_over_the_yearly_sheet(tmp_path: Path) -> None:
    path = written(evaluate(*skolfam()), tmp_path)
    with zipfile.ZipFile(path) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        assert charts == ["xl/charts/chart1.xml", "xl/charts/chart2.xml"]
        first = archive.read(charts[0]).decode()
        second = archive.read(charts[1]).decode()
    assert "'År'!$I$3:$I$" in first  # cumulative net
    assert "'År'!$J$3:$J$" in first  # cumulative discounted net
    assert "Återbetalas inte inom horisonten" in first  # the payback in the title
    assert "'År'!$C$3:$C$" in second
    assert "'År'!$D$3:$D$" in second
    # the charts carry the stored values too (a viewer draws them without recalculating)
    assert "<c:numCache>" in first


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    intervention, settings = servicetrainee()
    hostile = intervention.model_copy(update={"name": '=HYPERLINK("http://x","klick")'})
    path = tmp_path / "r.xlsx"
    write_report(evaluate(hostile, settings), path)
    ws = openpyxl.load_workbook(path)["Sammanfattning"]
    assert ws["A1"].data_type == "s"
    assert ws["A1"].value.startswith('=HYPERLINK("http://x","klick")')


def test_the_cumulative_chart_is_titled_with_the_payback(tmp_path: Path) -> None:
    from sociokalkyl.language.numbers import format_years

    result = RESULTS["paying_back"]()
    path = written(result, tmp_path)
    with zipfile.ZipFile(path) as archive:
        first = archive.read("xl/charts/chart1.xml").decode()
    assert f"Återbetalning efter {format_years(result.payback)}" in first  # "3,x år"
