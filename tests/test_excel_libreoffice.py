"""The report's formulas, recalculated by LibreOffice, equal the library's numbers.

LibreOffice computes every formula again when it loads the file (the values the report
stores beside them are checked in ``test_excel_report.py``); converting to xlsx stores
LibreOffice's values, which openpyxl then reads with ``data_only=True``. Converted to
PDF, the summary prints on page 1 with its numbers beside their labels.

Skipped only when ``soffice`` is missing and the environment variable ``CI`` is not
set; on CI a missing LibreOffice is a failure (CI installs it).
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl import evaluate
from sociokalkyl.analysis.result import Result
from sociokalkyl.examples import servicetrainee
from sociokalkyl.model import Settings
from sociokalkyl.report.excel import write_report
from test_excel import paying_back
from test_perspectives import resources_only_model

pytestmark = pytest.mark.slow

NEVER = "inte inom horisonten"
TIMEOUT = 180  # seconds for one conversion; a cold start takes a few seconds


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(
                "LibreOffice (soffice) is missing on CI: install it with "
                "apt-get install -y --no-install-recommends libreoffice-calc-nogui"
            )
        pytest.skip("LibreOffice (soffice) is not installed; set CI=1 to make this a failure")
    return found


def recalculate(soffice: str, path: Path, work: Path) -> Any:
    """Open ``path`` in LibreOffice headless, save it as xlsx, return the computed values."""
    out = work / "recalculated"
    out.mkdir()
    profile = work / "lo-profile"  # a fresh profile per run: parallel runs do not collide
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        str(path),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    converted = out / path.name
    assert converted.exists(), f"LibreOffice did not convert: {done.stdout}\n{done.stderr}"
    return openpyxl.load_workbook(converted, data_only=True)


def row_of(ws: Any, label: str, column: int = 1) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, column).value == label:
            return row
    raise AssertionError(f"no row {label!r} on {ws.title}")


def value(ws: Any, label: str) -> Any:
    return ws.cell(row_of(ws, label), 2).value


def assert_payback(computed: Any, expected: float) -> None:
    if math.isnan(expected):
        assert computed == NEVER
    else:
        assert isinstance(computed, int | float), computed
        assert computed == pytest.approx(expected, abs=0.01)


def check(soffice: str, result: Result, tmp_path: Path) -> Any:
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    wb = recalculate(soffice, path, tmp_path)
    summary, years = wb["Sammanfattning"], wb["År"]
    assert value(summary, "Nettonuvärde, kr") == pytest.approx(result.npv, abs=1.0)
    assert value(summary, "Nuvärde av insatsens kostnader, kr") == pytest.approx(
        result.pv_costs, abs=1.0
    )
    assert value(summary, "Nuvärde av undvikna kostnader, kr") == pytest.approx(
        result.pv_avoided, abs=1.0
    )
    assert value(summary, "Nytta/kostnad (kvot)") == pytest.approx(result.benefit_cost_ratio)
    assert_payback(value(summary, "Återbetalningstid, år"), result.payback)
    assert_payback(value(summary, "Återbetalningstid, diskonterad, år"), result.payback_discounted)
    for t, row in enumerate(result.table()):
        r = 3 + t
        assert years[f"G{r}"].value == pytest.approx(row["discount_factor"], rel=1e-12)
        assert years[f"H{r}"].value == pytest.approx(row["discounted_net"], abs=1.0)
        assert years[f"I{r}"].value == pytest.approx(row["cumulative_net"], abs=1.0)
        assert years[f"J{r}"].value == pytest.approx(row["cumulative_discounted_net"], abs=1.0)
    header = row_of(summary, "Betalare")
    for k, expected in enumerate(result.by_payer()):
        r = header + 1 + k
        assert summary.cell(r, 1).value == expected["payer"]
        assert summary.cell(r, 4).value == pytest.approx(float(expected["npv"]), abs=1.0)
        assert_payback(summary.cell(r, 5).value, float(expected["payback"]))
        assert_payback(summary.cell(r, 6).value, float(expected["payback_discounted"]))
    return summary


def test_servicetrainee_recalculates_to_the_librarys_numbers(soffice: str, tmp_path: Path) -> None:
    result = evaluate(*servicetrainee())
    assert math.isnan(result.payback)  # the "inte inom horisonten" branch
    summary = check(soffice, result, tmp_path)
    # Excel's NPV() plus the undiscounted year 0 gives the same NPV
    excel_npv = value(summary, "Kontroll: samma NPV med Excels NPV()")
    assert excel_npv == pytest.approx(result.npv, abs=1.0)


def test_paying_back_intervention_recalculates(soffice: str, tmp_path: Path) -> None:
    settings = Settings(base_year=2024, price_year=2023, horizon=10, discount_rate=0.035)
    result = evaluate(paying_back(), settings)
    assert 3 < result.payback < 4  # the last crossing, after the dip in year 3
    assert {row["payer"] for row in result.by_payer()} == {"kommun", "region"}
    check(soffice, result, tmp_path)


def test_green_book_schedule_recalculates(soffice: str, tmp_path: Path) -> None:
    settings = Settings(base_year=2024, price_year=2023, horizon=40, discount_rate="green_book")
    result = evaluate(paying_back(), settings)
    check(soffice, result, tmp_path)


def test_changing_the_rate_cell_recalculates_the_npv(soffice: str, tmp_path: Path) -> None:
    intervention, settings = servicetrainee()
    path = tmp_path / "rapport.xlsx"
    write_report(evaluate(intervention, settings), path)
    wb = openpyxl.load_workbook(path)
    summary = wb["Sammanfattning"]
    summary.cell(row_of(summary, "Diskonteringsränta (real)"), 2).value = 0.05
    wb.save(path)
    other = evaluate(intervention, settings.model_copy(update={"discount_rate": 0.05}))
    computed = recalculate(soffice, path, tmp_path)["Sammanfattning"]
    assert value(computed, "Nettonuvärde, kr") == pytest.approx(other.npv, abs=1.0)


def test_template_saved_by_libreoffice_reads_back(soffice: str, tmp_path: Path) -> None:
    """A template opened and saved in a spreadsheet program still reads (no warnings)."""
    from sociokalkyl.examples import servicetrainee
    from sociokalkyl.model import Intervention
    from sociokalkyl.scenario.excel import read_template, write_template

    path = tmp_path / "mall.xlsx"
    write_template(path, *servicetrainee())
    saved = tmp_path / "recalculated" / "mall.xlsx"
    recalculate(soffice, path, tmp_path)
    scenario = read_template(saved)
    result = evaluate(
        Intervention.model_validate(scenario["intervention"]),
        Settings.model_validate(scenario["settings"]),
    )
    assert result.npv == pytest.approx(evaluate(*servicetrainee()).npv, rel=1e-12)


def to_pdf(soffice: str, path: Path, work: Path) -> Path:
    """``path`` converted to PDF by LibreOffice headless (its print layout)."""
    out = work / "pdf"
    out.mkdir()
    profile = work / "lo-profile-pdf"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", str(out),
               str(path)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    converted = out / path.with_suffix(".pdf").name
    assert converted.exists(), f"LibreOffice did not convert: {done.stdout}\n{done.stderr}"
    return converted


def line_of(page: Any, text: str) -> tuple[float, float]:
    """The vertical extent (bottom, top) [pt] of ``text``'s first character on ``page``."""
    textpage = page.get_textpage()
    found = textpage.search(text).get_next()
    assert found is not None, f"{text!r} is not on the page"
    _, bottom, _, top = textpage.get_charbox(found[0])
    return bottom, top


def test_printed_summary_has_its_numbers_beside_their_labels(soffice: str, tmp_path: Path) -> None:
    """Converted to PDF, page 1 is the whole summary (A4 landscape) with each figure on
    the line of its label, in Swedish format (LibreOffice groups with a no-break space).
    The model is Servicetrainee with resource flows only (as bundled up to 0.2): three
    sheets, no perspectives."""
    pdfium = pytest.importorskip("pypdfium2")
    result = evaluate(*resources_only_model())
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    document = pdfium.PdfDocument(to_pdf(soffice, path, tmp_path))
    assert len(document) == 3  # summary, years, assumptions: one page each
    page = document[0]
    width, height = page.get_size()
    assert (round(width), round(height)) == (842, 595)  # A4 landscape [pt]
    text = page.get_textpage().get_text_range().replace("\xa0", " ")
    for label in ("Nettonuvärde, kr", "Per betalare", "Per kostnadspost", "Diskontering"):
        assert label in text, label
    npv = "-5 752 490 kr"  # format_sek(result.npv): the hand-checked -5 752 490,1 kr
    assert npv in text
    label_bottom, label_top = line_of(page, "Nettonuvärde, kr")
    number_bottom, number_top = line_of(page, "-5\xa0752\xa0490")
    assert number_bottom < label_top  # the same line: the boxes overlap vertically
    assert label_bottom < number_top
    assert "Summan av diskonterat netto" in text  # the formula explained beside it


def test_perspectives_recalculate_to_the_librarys_numbers(soffice: str, tmp_path: Path) -> None:
    """servicetrainee.toml: every perspective, actor (with the nämnder rolled
    up to the kommun) and the who-pays-whom matrix, recalculated, agree to the krona."""
    from importlib import resources

    from sociokalkyl import load_scenario
    from test_excel_perspectives import check_perspective_sheet

    example = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    scenario = load_scenario(Path(str(example)))
    result = evaluate(scenario.intervention, scenario.settings)
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    wb = recalculate(soffice, path, tmp_path)
    check_perspective_sheet(wb["Perspektiv"], result)
    summary = wb["Sammanfattning"]  # the headline (samhället) is the summary's NPV
    assert value(summary, "Nettonuvärde, kr") == pytest.approx(result.npv, abs=1.0)
