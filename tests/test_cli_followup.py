"""The commands ``uppfoljning`` and ``portfolj``, the readers and the Excel sheet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.cli.main import main
from sociokalkyl.errors import InputError
from sociokalkyl.scenario.followup import load_followup, load_portfolio

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    for name in ("servicetrainee-uppfoljning.toml", "fond.toml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def test_the_followup_example_in_swedish_and_as_json(shipped, capsys):
    assert main(["uppfoljning", str(shipped / "servicetrainee-uppfoljning.toml")]) == 0
    text = capsys.readouterr().out
    assert "Utfall hittills (realiserat nuvärde)" in text
    assert "-3 839 870 kr" in text  # the forecast NPV, in Swedish number format
    out = shipped / "utfall.json"
    args = ["followup", str(shipped / "servicetrainee-uppfoljning.toml"), "--out", str(out)]
    assert main(args) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["summary"]["observed_years"] == [2012, 2013, 2014]
    assert data["summary"]["npv_forecast"] == pytest.approx(
        evaluate(*examples.servicetrainee()).npv
    )
    assert main(args) == 2  # nothing the user wrote is overwritten without --force
    assert main([*args, "--force", "--format", "csv"]) == 0
    assert out.read_text("utf-8-sig").startswith("Uppföljning")


def test_the_fund_example_with_and_without_draws(shipped, capsys):
    assert main(["portfolj", str(shipped / "fond.toml")]) == 0
    text = capsys.readouterr().out
    assert "Fondens saldo" in text
    assert "ramminskning för kommun" in text
    assert main(["portfolio", str(shipped / "fond.toml"), "--draws", "300", "--seed", "1",
                 "--format", "json"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data["simulation"]["draws"] == 300
    assert 0.0 <= data["fund"]["prob_empty_before"]["probability"] <= 1.0
    assert data["fund"]["prob_empty_before"]["year"] == 2026


def test_several_scenario_files_are_a_portfolio(capsys, tmp_path):
    from importlib import resources

    files = []
    for name in ("servicetrainee", "skolfam"):
        target = tmp_path / f"{name}.toml"
        target.write_text(
            (resources.files("sociokalkyl") / "examples" / f"{name}.toml").read_text("utf-8"),
            "utf-8",
        )
        files.append(str(target))
    assert main(["portfolj", *files, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["member"] for m in data["by_member"]] == ["servicetrainee", "skolfam"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[years]]\nyear = 2030\n", "u.toml: years[0].year: ligger efter horisonten"),
        ("[[years]]\nyear = 2010\n", "years[0].year: ligger före starten"),
        ("[[years]]\nyear = 2013\nuse = { hvb = 3 }\n", "years[0].use.hvb: är ingen kostnadspost"),
        ("[[years]]\nyear = 2013\nparticipants = -2\n", "years[0].participants"),
        ("[[years]]\nyear = 2013\nother_costs = { landsting = 1 }\n", "är ingen betalare"),
    ],
)
def test_bad_followup_files_name_the_file_and_field(tmp_path, capsys, text, words):
    path = tmp_path / "u.toml"
    path.write_text('example = "servicetrainee"\n' + text, "utf-8")
    assert main(["uppfoljning", str(path)]) == 1
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err


def test_a_followup_needs_its_forecast(tmp_path):
    path = tmp_path / "u.toml"
    path.write_text("[[years]]\nyear = 2013\n", "utf-8")
    with pytest.raises(InputError, match="exactly one of scenario and example"):
        load_followup(path)


def test_a_bad_fund_names_the_file_and_field(shipped, capsys):
    text = (shipped / "fond.toml").read_text("utf-8").replace("share = 0.5", "share = 1.5")
    (shipped / "fond.toml").write_text(text, "utf-8")
    assert main(["portfolj", str(shipped / "fond.toml")]) == 1
    assert "fond.toml: fund.investments[0].repayment.share" in capsys.readouterr().err


def test_a_realised_rule_reads_the_followup(shipped):
    read = load_portfolio(shipped / "fond.toml")
    assert set(read.followups) == {"servicetrainee"}
    assert read.fund is not None
    assert read.fund.investments[0].repayment.basis == "realised"


def test_the_excel_sheet_round_trip_and_cell_errors(tmp_path, capsys):
    from importlib import resources

    scenario = tmp_path / "servicetrainee.toml"
    text = (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text("utf-8")
    scenario.write_text(text, "utf-8")
    sheet = tmp_path / "uppfoljning.xlsx"
    assert main(["uppfoljning", str(scenario), "--mall", str(sheet)]) == 0
    book = openpyxl.load_workbook(sheet)
    ws = book["Uppföljning"]
    assert [c.value for c in ws[1]][:3] == ["År", "Nya deltagare", "Användning: ekonomiskt_bistand"]
    ws["B2"], ws["C2"], ws["C3"] = 30, 0, 120
    book.save(sheet)
    result = load_followup(sheet).result
    assert result.last_observed == 1
    assert result.outcome_use[0, 1] == 120.0
    ws["C3"] = -4
    book.save(sheet)
    assert main(["uppfoljning", str(sheet)]) == 1
    assert "Uppföljning!C3" in capsys.readouterr().err
    ws["C3"], ws["A3"] = 4, 2030  # a year after the horizon: named by its cell
    book.save(sheet)
    assert main(["uppfoljning", str(sheet)]) == 1
    assert "uppfoljning.xlsx: Uppföljning!A3: ligger efter horisonten" in capsys.readouterr().err
    ws["A3"], ws["F1"] = 2013, "Okänd kolumn"
    book.save(sheet)
    assert main(["uppfoljning", str(sheet)]) == 1
    assert "Uppföljning!F1" in capsys.readouterr().err


def test_every_followup_label_in_both_languages_and_english_reports(shipped, capsys):
    from sociokalkyl.language.followup import FOLLOWUP_LABELS

    for key, (sv, en) in FOLLOWUP_LABELS.items():
        assert sv.strip(), key
        assert en.strip(), key
    assert main(["uppfoljning", str(shipped / "servicetrainee-uppfoljning.toml"),
                 "--lang", "en"]) == 0  # fmt: skip
    text = capsys.readouterr().out
    assert "Forecast and outcome by year" in text
    assert "Prognos" not in text
    assert main(["portfolj", str(shipped / "fond.toml"), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Fund balance" in text
    assert "Fondens saldo" not in text
