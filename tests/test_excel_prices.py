"""The template sheet Prisindex: a controller's own index years, written and read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

import sociokalkyl as sk
from sociokalkyl.cli._errors import error_text
from sociokalkyl.cli._lang import speaking
from sociokalkyl.errors import InputError, SociokalkylError
from sociokalkyl.scenario.excel import write_template
from sociokalkyl.scenario.excel_cells import Cell, SheetCells
from sociokalkyl.scenario.excel_prices import PRICE_SHEET, read_price_sheet
from sociokalkyl.scenario.excel_read import read_template

SOURCE = "SCB, KPI årsmedeltal (kommunens uppgift)"


def _template(tmp_path: Path, rows: list[list[Any]] | None = None, price_year: int = 2025) -> Path:
    intervention, settings = sk.examples.servicetrainee()
    settings = settings.model_copy(update={"price_year": price_year})
    path = tmp_path / "mall.xlsx"
    write_template(path, intervention, settings)
    if rows is not None:
        wb = openpyxl.load_workbook(path)
        ws = wb[PRICE_SHEET]
        for i, row in enumerate(rows):
            for j, value in enumerate(row, start=1):
                ws.cell(4 + i, j, value)
        wb.save(path)
    return path


def _sheet(rows: list[list[Any]]) -> SheetCells:
    """The cells a template's Prisindex sheet holds with these rows from row 4."""
    cells = {
        (4 + i, j): Cell(value, "s" if isinstance(value, str) else "n", "General")
        for i, row in enumerate(rows)
        for j, value in enumerate(row, start=1)
        if value is not None
    }
    return SheetCells(PRICE_SHEET, cells, 3 + len(rows))


def test_a_2025_template_with_kpi_years_reads_and_evaluates(tmp_path: Path) -> None:
    path = _template(
        tmp_path,
        [["KPI", 2024, 0.028, None, SOURCE], ["KPI", 2025, "0,8 %", None, None, "förläng"]],
    )
    settings = read_template(path)["settings"]
    assert settings["price_indices"] == {
        "KPI": {"changes_percent": {2024: 2.8, 2025: 0.8}, "source": SOURCE, "mode": "extend"}
    }
    scenario = sk.scenario.load_scenario(path)
    index = scenario.settings.price_index("KPI")
    # 2012 -> 2025: 403.70 / 314.20 * 1.028 * 1.008
    assert index.factor(2012, 2025) == pytest.approx(403.70 / 314.20 * 1.028 * 1.008)


def test_the_sheet_round_trips_what_the_settings_hold(tmp_path: Path) -> None:
    intervention, settings = sk.examples.servicetrainee()
    series = sk.model.PriceSeries(source=SOURCE, changes_percent={2024: 2.8}, mode="override")
    settings = settings.model_copy(update={"price_indices": {"KPI": series}})
    path = tmp_path / "mall.xlsx"
    write_template(path, intervention, settings)
    read = read_template(path)["settings"]["price_indices"]["KPI"]
    assert read == {"changes_percent": {2024: 2.8}, "source": SOURCE, "mode": "override"}


def test_without_rows_or_without_the_sheet_nothing_changes(tmp_path: Path) -> None:
    path = _template(tmp_path, price_year=2023)
    assert "price_indices" not in read_template(path)["settings"]
    wb = openpyxl.load_workbook(path)
    del wb[PRICE_SHEET]  # a template written before the sheet existed
    wb.save(path)
    assert "price_indices" not in read_template(path)["settings"]


def _as_shown(err: SociokalkylError, lang: str) -> str:
    """The error as the command line shows it in ``lang``."""
    with speaking(lang):
        return error_text(err)


@pytest.mark.parametrize(
    ("row", "cell", "words"),
    [
        # the percent trap: a plain 2,8 in a percent column is 280 %
        (["KPI", 2024, 2.8, None, SOURCE], "Prisindex!C4", "2.8 lästes som 280 %"),
        (["KPI", 2024, "2,8", None, SOURCE], "Prisindex!C4", "menade du 2.8 %"),
        (["KPI", 2024, 0.028, 415.0, SOURCE], "Prisindex!C4", "antingen en förändring"),
        (["KPI", 2024, None, None, SOURCE], "Prisindex!C4", "antingen en förändring"),
        (["KPI", "tjugo", 0.028, None, SOURCE], "Prisindex!B4", "År är inget tal"),
        (["KPI", 2024.5, 0.028, None, SOURCE], "Prisindex!B4", "inget årtal"),
        (["KPI", 2024, "x %", None, SOURCE], "Prisindex!C4", "inget tal"),
        (["KPI", 2024, 0.028, None, None], "Prisindex!E4", "saknar källa"),
        (["KPI", 2024, 0.028, None, SOURCE, "alltid"], "Prisindex!F4", "inget läge"),
        # 2023 is shipped (+8,5 %); 3 % would be dropped silently, so it is refused
        (["KPI", 2023, 0.03, None, SOURCE], "Prisindex!C4", "skiljer sig från det levererade"),
        # a level on another base next to the shipped 2023 = 403.70
        (["KPI", 2024, None, 100, SOURCE], "Prisindex!A4", "annan bas"),
    ],
)
def test_bad_rows_name_their_cell(row: list[Any], cell: str, words: str) -> None:
    """Swedish on the command line by default, English with ``--lang en`` and from the API."""
    with pytest.raises(InputError) as info:
        read_price_sheet(_sheet([row]))
    assert info.value.field == cell
    assert words in _as_shown(info.value, "sv"), _as_shown(info.value, "sv")
    english = _as_shown(info.value, "en")
    assert words not in english
    assert str(info.value).startswith(english.split(" (got")[0].split("; expected")[0])


def test_a_bad_cell_reads_in_english_with_lang_en() -> None:
    with pytest.raises(InputError) as info:
        read_price_sheet(_sheet([["KPI", 2024.5, 0.028, None, SOURCE]]))
    assert (
        _as_shown(info.value, "en")
        == "Prisindex!B4: År is not a year (got 2024.5); expected e.g. 2024"
    )
    assert (
        _as_shown(info.value, "sv")
        == "Prisindex!B4: År är inget årtal (fick 2024.5); väntat: t.ex. 2024"
    )
    assert str(info.value) == _as_shown(info.value, "en")


def test_a_bad_row_in_a_whole_template_names_its_cell(tmp_path: Path) -> None:
    path = _template(tmp_path, [["KPI", 2024, 2.8, None, SOURCE]])
    with pytest.raises(InputError, match="280 %") as info:
        read_template(path)
    assert info.value.field == "Prisindex!C4"


def test_a_year_twice_and_mixed_forms_are_refused() -> None:
    twice = [["KPI", 2024, 0.028, None, SOURCE], ["KPI", 2024, 0.03, None, None]]
    with pytest.raises(InputError, match="twice") as info:
        read_price_sheet(_sheet(twice))
    assert info.value.field == "Prisindex!B5"
    assert "två gånger" in _as_shown(info.value, "sv")
    mixed = [["KPI", 2024, 0.028, None, SOURCE], ["KPI", 2025, None, 420.0, None]]
    with pytest.raises(InputError, match="mixes changes and levels") as info:
        read_price_sheet(_sheet(mixed))
    assert "blandar" in _as_shown(info.value, "sv")
    assert info.value.field == "Prisindex!C5"


def test_opi_2022_from_the_template_lets_an_opi_item_reach_2023(tmp_path: Path) -> None:
    opi_2022 = ["OPI", 2022, 0.03, None, "SKR cirkulär 22:53 (egen uppgift)"]
    path = _template(tmp_path, [opi_2022], price_year=2023)
    settings = sk.scenario.load_scenario(path).settings
    # 2021 -> 2023 = 1.030 * 1.046
    assert settings.price_index("OPI").factor(2021, 2023) == pytest.approx(1.030 * 1.046)


def test_the_sheet_offers_the_modes_and_the_shipped_names(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_template(tmp_path))[PRICE_SHEET]
    lists = {str(v.sqref): (v.formula1, v.errorStyle) for v in ws.data_validations.dataValidation}
    assert lists["F4:F63"] == ('"förläng,skriv över,ersätt"', None)  # None: stop
    assert lists["A4:A63"] == ('"KPI,OPI"', "warning")
    assert ws["C4"].number_format == "0.0 %"
