"""Issue 15, reading the Excel template: hostile and careless workbooks.

A formula without a saved value is never read as an empty cell; an intake year outside
the analysis is refused with its cell; every cell is read as its column's kind (a
percent only in a share); the zip is measured before openpyxl reads it, and openpyxl
parses through defusedxml; text with control characters is refused.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.xml
import openpyxl.xml.functions
import pytest

from sociokalkyl.errors import InputError
from sociokalkyl.examples import servicetrainee
from sociokalkyl.limits import (
    MAX_COST_ITEMS,
    MAX_HORIZON_YEARS,
    MAX_XLSX_COMPRESSION_RATIO,
    MAX_XLSX_UNCOMPRESSED_BYTES,
)
from sociokalkyl.scenario import excel_file
from sociokalkyl.scenario.excel import read_template, write_template
from sociokalkyl.scenario.excel_cells import check_text, literal_formula

# The template's sheets as openpyxl numbers their parts (Läs mig is sheet1).
SHEET_PART = {"Insats": 2, "Kostnadsposter": 3, "Effekter": 5, "Kostnader": 6, "Inställningar": 7}


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "mall.xlsx"
    write_template(path, *servicetrainee())
    return path


def edit(path: Path, sheet: str, cells: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(path)
    for cell, value in cells.items():
        wb[sheet][cell] = value
    wb.save(path)


def patch_part(path: Path, part: str, old: bytes, new: bytes, extra: bytes = b"") -> None:
    """Rewrite one part of the zip (an Excel-saved file holds what openpyxl cannot write)."""
    source = zipfile.ZipFile(path)
    parts = [(info, source.read(info.filename)) for info in source.infolist()]
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == part:
                assert old in data, (old, data[:300])
                data = data.replace(old, new, 1)
            target.writestr(info, data)
        if extra:
            target.writestr("xl/media/extra.bin", extra)


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_template(path)
    return info.value


# ------------------------------------------------ 1. formulas without a saved value


def test_a_literal_formula_is_read_as_its_number(template: Path) -> None:
    """openpyxl writes `=0.5` with no saved value: the number is used, never the default."""
    edit(template, "Effekter", {"H3": "=0.5"})
    edit(template, "Inställningar", {"B6": "=0.05"})
    scenario = read_template(template)
    assert scenario["intervention"]["effects"][0]["drop_off"] == 0.5
    assert scenario["settings"]["discount_rate"] == 0.05


def test_negative_literal_formulas_and_exponents() -> None:
    assert literal_formula("=-0.3") == -0.3
    assert literal_formula("=+.5") == 0.5
    assert literal_formula("= 1E3 ") == 1000.0
    for formula in ("=A1", "=1/2", "=50%", '="0,5"', "=SUM(1)", "=1e999", "0.5"):
        assert literal_formula(formula) is None, formula


def test_a_formula_without_a_saved_value_is_refused_with_its_cell(template: Path) -> None:
    edit(template, "Effekter", {"H3": "=1/2"})
    error = refused(template)
    assert error.field == "Effekter!H3"
    assert error.value == "=1/2"
    assert "formula" in error.message
    assert "typed" in (error.expected or "")


def test_a_formula_discount_rate_is_never_the_default(template: Path) -> None:
    edit(template, "Inställningar", {"B6": "=A1*0"})
    assert refused(template).field == "Inställningar!B6"


def test_a_row_of_formulas_is_not_skipped_as_empty(template: Path) -> None:
    edit(template, "Kostnader", {"A5": "=A4", "C5": "=C4*2"})
    assert refused(template).field == "Kostnader!A5"


def test_intake_formula_is_refused(template: Path) -> None:
    edit(template, "Insats", {"B13": "=10*3"})
    assert refused(template).field == "Insats!B13"


def test_a_formula_with_a_saved_value_uses_the_value(template: Path) -> None:
    """A file saved by Excel stores each formula's value: that value is read."""
    edit(template, "Effekter", {"H3": "=1/4"})
    part = f"xl/worksheets/sheet{SHEET_PART['Effekter']}.xml"
    patch_part(template, part, b"<f>1/4</f><v />", b"<f>1/4</f><v>0.25</v>")
    assert read_template(template)["intervention"]["effects"][0]["drop_off"] == 0.25


def test_an_excel_error_is_refused(template: Path) -> None:
    edit(template, "Effekter", {"H3": "=1/0"})
    part = f"xl/worksheets/sheet{SHEET_PART['Effekter']}.xml"
    with zipfile.ZipFile(template) as archive:
        xml = archive.read(part)
    start = xml.index(b'<c r="H3"')
    end = xml.index(b"</c>", start) + 4
    patch_part(template, part, xml[start:end], b'<c r="H3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    error = refused(template)
    assert error.field == "Effekter!H3"
    assert error.value == "#DIV/0!"


def test_text_that_starts_with_equals_is_text(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    cell = wb["Insats"]["B4"]
    cell.value, cell.data_type = "=inte en formel", "s"
    wb.save(template)
    assert read_template(template)["intervention"]["description"] == "=inte en formel"


# ------------------------------------------------ 2. intake years


@pytest.mark.parametrize("year", [-1, -3, 10**9, MAX_HORIZON_YEARS + 1])
def test_an_intake_year_outside_the_analysis_is_refused(template: Path, year: int) -> None:
    edit(template, "Insats", {"A14": year, "B14": 5})
    start = time.perf_counter()
    error = refused(template)
    assert time.perf_counter() - start < 10  # no range of 10^9 years is built
    assert error.field == "Insats!A14"
    assert error.value == year
    assert str(MAX_HORIZON_YEARS) in (error.expected or "")


@pytest.mark.parametrize("year", [2.5, "1,5", "3 %"])
def test_an_intake_year_that_is_not_whole_is_refused(template: Path, year: Any) -> None:
    edit(template, "Insats", {"A14": year, "B14": 5})
    assert refused(template).field == "Insats!A14"


def test_participants_of_later_years_are_kept(template: Path) -> None:
    edit(template, "Insats", {"B15": 12})
    assert read_template(template)["intervention"]["target_group"]["intake"] == [30, 0, 12]


# ------------------------------------------------ 3. every cell as its column's kind


@pytest.mark.parametrize("text", ["26000%", "26 000 %", "5%"])
def test_a_percent_in_an_amount_cell_is_refused(template: Path, text: str) -> None:
    edit(template, "Kostnader", {"C3": text})
    error = refused(template)
    assert error.field == "Kostnader!C3"
    assert error.value == text
    assert "percent" in error.message


def test_a_percent_unit_on_an_amount_is_refused(template: Path) -> None:
    edit(template, "Kostnader", {"D3": "kr/%"})
    assert refused(template).field == "Kostnader!D3"


def test_a_percent_formatted_amount_is_refused(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    wb["Kostnader"]["C3"].number_format = "0%"
    wb.save(template)
    assert refused(template).field == "Kostnader!C3"


def test_a_percent_in_a_whole_number_cell_is_refused(template: Path) -> None:
    edit(template, "Inställningar", {"B5": "10 %"})
    assert refused(template).field == "Inställningar!B5"


def test_a_percent_on_an_absolute_effect_is_refused(template: Path) -> None:
    edit(template, "Effekter", {"C4": "-49 %"})  # the unit is mån/år
    assert refused(template).field == "Effekter!C4"


@pytest.mark.parametrize(("value", "share"), [("30 %", 0.3), ("30%", 0.3), (0.3, 0.3)])
def test_a_share_cell_takes_percent_or_a_decimal(template: Path, value: Any, share: float) -> None:
    edit(template, "Effekter", {"I3": value})
    assert read_template(template)["intervention"]["effects"][0]["deadweight"] == pytest.approx(
        share
    )


@pytest.mark.parametrize("number", [-0.3, 0.5, -1])
def test_the_percent_trap_shows_both_readings(template: Path, number: float) -> None:
    edit(template, "Effekter", {"C3": number, "D3": "%"})
    error = refused(template)
    assert error.field == "Effekter!C3"
    text = str(error)
    shown = f"{number:g}".replace(".", ",")
    assert f"{shown} %" in text
    assert f"{number * 100:g} %" in text


@pytest.mark.parametrize(
    ("value", "unit", "change"),
    [(-30, "%", -0.3), ("-0,3 %", "%", -0.003), (-0.3, "andel", -0.3), ("-30 %", None, -0.3)],
)
def test_unambiguous_relative_changes_are_read(
    template: Path, value: Any, unit: str | None, change: float
) -> None:
    edit(template, "Effekter", {"C3": value, "D3": unit})
    assert read_template(template)["intervention"]["effects"][0]["change"] == pytest.approx(change)


def test_a_percent_formatted_relative_change_with_unit_percent(template: Path) -> None:
    """-0,3 in a percent cell shows -30 % and is -30 %."""
    edit(template, "Effekter", {"C3": -0.3, "D3": "%"})
    wb = openpyxl.load_workbook(template)
    wb["Effekter"]["C3"].number_format = "0%"
    wb.save(template)
    assert read_template(template)["intervention"]["effects"][0]["change"] == pytest.approx(-0.3)


def test_logical_values_and_non_finite_numbers_are_refused(template: Path) -> None:
    edit(template, "Insats", {"B13": True})
    assert refused(template).field == "Insats!B13"
    write_template(template, *servicetrainee())
    part = f"xl/worksheets/sheet{SHEET_PART['Kostnader']}.xml"
    patch_part(template, part, b"<v>19784</v>", b"<v>1E999</v>")
    error = refused(template)
    assert error.field == "Kostnader!C3"
    assert "finite" in error.message


def test_too_many_rows_are_refused(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    ws = wb["Kostnadsposter"]
    for row in range(4, 5 + MAX_COST_ITEMS):
        ws.cell(row, 1, "hvb")
    wb.save(template)
    error = refused(template)
    assert error.field == f"Kostnadsposter!A{3 + MAX_COST_ITEMS}"


def test_a_value_far_down_a_sheet_is_refused_without_reading_every_row(template: Path) -> None:
    edit(template, "Kostnader", {"A1048576": "x"})
    start = time.perf_counter()
    error = refused(template)
    assert time.perf_counter() - start < 10
    assert error.field == "Kostnader!A1048576"


# ------------------------------------------------ 4. zip bombs and XML bombs


def test_defusedxml_is_active() -> None:
    import defusedxml  # noqa: F401  (a dependency: pyproject.toml)

    assert openpyxl.xml.DEFUSEDXML is True
    assert openpyxl.xml.functions.iterparse.__module__.startswith("defusedxml")


def test_without_defusedxml_the_template_is_refused(
    template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(excel_file.openpyxl.xml, "DEFUSEDXML", False)
    error = refused(template)
    assert "defusedxml" in error.message


def test_an_xml_bomb_is_refused_cleanly(template: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    part = f"xl/worksheets/sheet{SHEET_PART['Insats']}.xml"
    with zipfile.ZipFile(template) as archive:
        xml = archive.read(part)
    head = xml[: xml.index(b"<worksheet")]
    patch_part(template, part, head, bomb)
    patch_part(template, part, b">Servicetrainee<", b">&lol3;<")
    error = refused(template)
    assert "cannot be read" in error.message


def test_a_zip_bomb_is_refused_before_it_is_read(template: Path) -> None:
    patch_part(template, "xl/styles.xml", b"", b"", extra=b"\0" * (MAX_XLSX_UNCOMPRESSED_BYTES + 1))
    assert template.stat().st_size < 1_000_000
    error = refused(template)
    assert error.field == str(template)
    assert "unpacks" in error.message
    assert str(MAX_XLSX_UNCOMPRESSED_BYTES) in (error.expected or "")


def test_a_small_file_that_unpacks_far_is_refused(template: Path) -> None:
    size = template.stat().st_size
    patch_part(
        template, "xl/styles.xml", b"", b"", extra=b"\0" * (2 * MAX_XLSX_COMPRESSION_RATIO * size)
    )
    assert "unpacks" in refused(template).message


def test_a_part_that_lies_about_its_size_is_refused(template: Path) -> None:
    """zipfile stops a part at its declared size, so the check of the sizes holds."""
    data = bytearray(template.read_bytes())
    archive = zipfile.ZipFile(template)
    info = archive.getinfo(f"xl/worksheets/sheet{SHEET_PART['Insats']}.xml")
    archive.close()
    directory = data.rfind(info.filename.encode(), 0)  # the central directory's entry
    offset = directory - 46 + 24  # the uncompressed size in the central directory
    data[offset : offset + 4] = (100).to_bytes(4, "little")
    template.write_bytes(bytes(data))
    assert "cannot be read" in refused(template).message


def test_not_a_zip_and_a_directory(tmp_path: Path) -> None:
    (tmp_path / "mapp.xlsx").mkdir()
    assert "cannot be read" in refused(tmp_path / "mapp.xlsx").message


# ------------------------------------------------ 5. control characters


@pytest.mark.parametrize("bad", ["\x9b2J", "\x7f", "\u202e", "\x85"])
def test_control_characters_in_text_are_refused(template: Path, bad: str) -> None:
    edit(template, "Insats", {"B3": f"Service{bad}trainee"})
    error = refused(template)
    assert error.field == "Insats!B3"
    assert f"U+{ord(bad[0]):04X}" in error.message


def test_control_characters_in_other_cells_too(template: Path) -> None:
    edit(template, "Kostnader", {"K3": "kommun\x9b"})
    assert refused(template).field == "Kostnader!K3"


def test_tab_and_line_breaks_are_kept(template: Path) -> None:
    edit(template, "Insats", {"B4": "Rad ett\nRad två\tmed tabb"})
    assert read_template(template)["intervention"]["description"] == "Rad ett\nRad två\tmed tabb"
    assert check_text("a\r\nb", "Insats!B4") == "a\r\nb"


def test_an_escape_that_xml_forbids_is_refused_cleanly(template: Path) -> None:
    part = f"xl/worksheets/sheet{SHEET_PART['Insats']}.xml"
    patch_part(template, part, b">Servicetrainee<", b">Service&#27;trainee<")
    assert "cannot be read" in refused(template).message


# ------------------------------------------------ writing the template


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","klicka")', "=1+1", "+1+1", "@SUM(1)"])
def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path, name: str) -> None:
    """A scenario's text is never a live formula in the template, and reads back as itself."""
    intervention, settings = servicetrainee()
    path = tmp_path / "mall.xlsx"
    write_template(path, intervention.model_copy(update={"name": name}), settings)
    cell = openpyxl.load_workbook(path)["Insats"]["B3"]
    assert cell.data_type == "s"
    assert read_template(path)["intervention"]["name"] == name


@pytest.mark.parametrize("bad", ["\x1b[2J", "\x9b", "\u202e", "\x00"])
def test_a_control_character_is_not_written(tmp_path: Path, bad: str) -> None:
    intervention, _settings = servicetrainee()
    with pytest.raises(InputError) as info:
        write_template(tmp_path / "mall.xlsx", intervention.model_copy(update={"name": bad}))
    assert info.value.field == "Insats!B3"
    assert "control" in info.value.message
    assert not (tmp_path / "mall.xlsx").exists()
