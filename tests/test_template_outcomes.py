"""The template's outcome sheets: Utfall, Utfallskedjor, Ej värderade effekter.

Every bundled example (examples.NAMES, so new examples are covered) goes TOML -> xlsx ->
TOML through ``konvertera`` to the same model and the same NPV; a bad cell is a Swedish
error naming sheet and cell, the value and what was expected.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl import evaluate
from sociokalkyl.cli import main
from sociokalkyl.cli._errors import error_text
from sociokalkyl.cli._lang import speaking
from sociokalkyl.errors import InputError
from sociokalkyl.examples import NAMES, load
from sociokalkyl.examples.bundled import scenario
from sociokalkyl.model import Intervention
from sociokalkyl.scenario.excel import read_template, write_template
from sociokalkyl.scenario.read import catalogue_for, load_scenario
from sociokalkyl.scenario.same import model_differences


@pytest.fixture(autouse=True)
def _swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)


def _run(*args: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, err.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_every_example_round_trips_toml_xlsx_toml(name: str, tmp_path: Path) -> None:
    source = Path(str(resources.files("sociokalkyl") / "examples" / f"{name}.toml"))
    book, back = tmp_path / f"{name}.xlsx", tmp_path / f"{name}.toml"
    assert _run("konvertera", source, book)[0] == 0
    code, err = _run("konvertera", book, back)
    assert code == 0, err
    first, last = load_scenario(source), load_scenario(back)
    assert model_differences(first, last) == []
    assert first.intervention.outcome_effects == last.intervention.outcome_effects
    assert first.intervention.unpriced_effects == last.intervention.unpriced_effects
    npv = [
        evaluate(s.intervention, s.settings, catalogue=catalogue_for(s)).npv for s in (first, last)
    ]
    assert npv[1] == pytest.approx(npv[0], rel=1e-12)


OWN = {
    "key": "fall_undviket",
    "name": "Fall undviket",
    "source": "Egen kedja",
    "description": "Ett fall utan fraktur",
    "consequences": [
        {"key": "vard", "name": "Vård", "amount": "-12 500 kr", "price_year": 2020,
         "payer": {"kommun": 0.58, "region": 0.42}, "profile": [1, 0.5],
         "range": [6000, 20000], "source": "antagande", "confidence": "A",
         "horizon": "två år", "note": "en not"},
        {"key": "arbete", "amount": "20 000 kr/år", "flow": "work", "payer": "övriga",
         "price_year": 2021, "price_index": "KPI", "ages": [84, 90], "source": "x",
         "confidence": "D", "horizon": "åldrar"},
        {"key": "dygn", "cost_item": "sis_ungdomsvard_dygn_2023", "change": "-30 dygn/år",
         "years": 2, "range": [10, 60], "source": "y", "confidence": "A", "horizon": "2 år"},
    ],
}  # fmt: skip


def test_own_outcome_rows_of_every_kind_round_trip(tmp_path: Path) -> None:
    """An amount split between payers with a profile and range, work between two ages, a
    change of a catalogue item's use: written to Utfallskedjor and read back unchanged."""
    one = scenario("styrka_hela_livet")
    effects = [
        *one.intervention.outcome_effects,
        {"outcome": "fall_undviket", "kind": "rate", "change": 0.01, "years_after_intake": 1,
         "duration_years": 2, "age_at_intake": 84, "drop_off": 0.1, "deadweight": 0.2,
         "attribution": 0.05, "displacement": 0.02, "combine": "add", "source": "s",
         "confidence": "A", "note": "n"},
    ]  # fmt: skip
    intervention = Intervention.model_validate(
        {**one.intervention.model_dump(), "outcomes": [OWN], "outcome_effects": effects}
    )
    path = tmp_path / "egen.xlsx"
    write_template(path, intervention, one.settings)
    back = Intervention.model_validate(read_template(path)["intervention"])
    assert back.outcomes == intervention.outcomes
    assert back.outcome_effects == intervention.outcome_effects
    assert evaluate(back, one.settings).npv == pytest.approx(
        evaluate(intervention, one.settings).npv, rel=1e-12
    )


def _template(tmp_path: Path, name: str = "styrka_hela_livet") -> Path:
    path = tmp_path / "mall.xlsx"
    write_template(path, *load(name))
    return path


def _edit(path: Path, sheet: str, cells: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(path)


@pytest.mark.parametrize(
    ("sheet", "cells", "field", "words"),
    [
        ("Utfall", {"B3": "sannolikhet", "C3": 1.5}, "Utfall!C3",
         ["förändrad sannolikhet ligger mellan -1 och 1", "fick 1.5", "5 %"]),
        ("Utfall", {"B3": "sannolikhet", "C3": "30"}, "Utfall!C3", ["mellan -1 och 1"]),
        ("Utfall", {"A3": "hoftfraktur_undvikn"}, "Utfall!A3",
         ["okänt utfall; menade du 'hoftfraktur_undviken'?", "gymnasieexamen"]),
        ("Utfall", {"D3": -2}, "Utfall!D3", ["kan inte inträffa före intaget", "fick -2"]),
        ("Utfallskedjor", {"A3": "eget", "B3": "E", "C3": "a", "E3": "sis_ungdomsvard_dygn_2032",
                           "F3": -1, "G3": "dygn/år", "P3": 1}, "Utfallskedjor!E3",
         ["okänd kostnadspost; menade du 'sis_ungdomsvard_dygn_2023'?", "Kostnadsposter"]),
        ("Utfallskedjor", {"A3": "eget", "C3": "a", "H3": -1, "I3": "kr", "J3": 2020,
                           "P3": 1}, "Utfallskedjor!B3", ["Utfallets namn saknas"]),
        ("Utfallskedjor", {"A3": "eget", "B3": "E", "C3": "a", "H3": -1, "I3": "kr",
                           "J3": 2020, "R3": "24"}, "Utfallskedjor!R3",
         ["två tal, lägsta; högsta"]),
        ("Utfallskedjor", {"A3": "eget", "B3": "E", "C3": "a", "H3": -1, "I3": "kr",
                           "J3": 2020, "P3": 1, "A4": "eget", "B4": "Annat", "C4": "b",
                           "H4": -1, "I4": "kr", "J4": 2020, "P4": 1}, "Utfallskedjor!B4",
         ["skiljer sig från Utfallskedjor!B3"]),
    ],
)  # fmt: skip
def test_a_bad_outcome_cell_is_a_swedish_error_at_its_cell(
    tmp_path: Path, sheet: str, cells: dict[str, Any], field: str, words: list[str]
) -> None:
    path = _template(tmp_path)
    _edit(path, sheet, cells)
    with pytest.raises(InputError) as caught:
        read_template(path)
    with speaking("sv"):  # as the command line shows it by default
        text = error_text(caught.value)
    assert caught.value.field == field, text
    for word in words:
        assert word in text
    with speaking("en"):  # with --lang en, and from the Python API: English
        english = error_text(caught.value)
    assert words[0] not in english
    assert str(caught.value) == english


def test_a_missing_cell_says_what_was_expected_in_the_chosen_language(tmp_path: Path) -> None:
    """The hint the sheet shows in Swedish is the expectation, in English with --lang en."""
    path = _template(tmp_path)
    _edit(path, "Utfallskedjor", {"A3": "eget", "C3": "a", "H3": -1, "I3": "kr", "J3": 2020,
                                  "P3": 1})  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_template(path)
    with speaking("sv"):
        assert error_text(caught.value) == (
            "Utfallskedjor!B3: Utfallets namn saknas; väntat: på utfallets första rad"
        )
    assert str(caught.value) == (
        "Utfallskedjor!B3: Utfallets namn is missing; expected on the outcome's first row"
    )


def test_a_model_complaint_on_an_own_row_names_its_cell(tmp_path: Path) -> None:
    """A row with both a cost item and an amount: the model refuses it, at the row."""
    path = _template(tmp_path)
    _edit(path, "Utfallskedjor", {"A3": "eget", "B3": "E", "C3": "a",
                                  "E3": "sis_ungdomsvard_dygn_2023",
                                  "F3": -1, "G3": "dygn/år", "H3": -1, "I3": "kr",
                                  "J3": 2020, "P3": 1})  # fmt: skip
    with pytest.raises(InputError, match="either cost_item") as caught:
        read_template(path)
    assert caught.value.field == "Utfallskedjor!C3"


def test_with_outcomes_the_effect_sheets_may_be_empty_and_without_not(tmp_path: Path) -> None:
    path = _template(tmp_path)
    assert read_template(path)["intervention"]["cost_items"] == []
    _edit(path, "Utfall", {f"{col}3": None for col in "ABCDEFGHIJKLMN"})
    with pytest.raises(InputError, match="has no rows") as caught:
        read_template(path)
    assert caught.value.field == "Kostnadsposter!A3"


def test_init_writes_the_outcome_sheets_full_and_empty(tmp_path: Path) -> None:
    full, empty = tmp_path / "full.xlsx", tmp_path / "tom.xlsx"
    assert _run("init", "--example", "skolfam_utfall", full)[0] == 0
    assert _run("init", "--tom", empty)[0] == 0
    wb = openpyxl.load_workbook(full)
    assert wb["Utfall"]["A3"].value == "gymnasieexamen"
    assert wb["Utfall"]["C3"].value == 0.05
    assert wb["Ej värderade effekter"]["A3"].value.startswith("Pedagogisk")
    blank = openpyxl.load_workbook(empty)
    for sheet in ("Utfall", "Utfallskedjor", "Ej värderade effekter"):
        assert blank[sheet]["A1"].value
        assert blank[sheet]["A3"].value is None
    utfall = [c.value for c in blank["Utfall"][1]]
    assert utfall[:4] == ["Utfall", "Typ", "Förändring", "År efter intag"]


def test_validate_shows_the_outcome_error_in_swedish_with_its_cell(tmp_path: Path) -> None:
    path = _template(tmp_path, "skolfam_utfall")
    _edit(path, "Utfall", {"C3": 5})
    code, err = _run("validate", path)
    assert code == 1
    assert (
        "Utfall!C3: Förändring: en förändrad sannolikhet ligger mellan -1 och 1 "
        "(procentenheter som andel) (fick 5); väntat: t.ex. 0,05 eller 5 % för 5 "
        "procentenheter fler"
    ) in err
