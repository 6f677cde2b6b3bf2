"""The ``catalogue`` subcommand, run through a tiny argparse parser and as a module."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sociokalkyl.cli.catalogue import add_catalogue_parser, catalogue_rows, main, run_catalogue


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="sociokalkyl")
    subparsers = parser.add_subparsers(dest="command", required=True)
    add_catalogue_parser(subparsers)
    args = parser.parse_args(["catalogue", *argv])
    assert args.func is run_catalogue
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_price_year_2023_table_shows_sources_numbers_and_gap_notes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--price-year", "2023")
    assert code == 0
    assert err == ""
    for source in (
        "Socialstyrelsen, Ekonomiskt bistånd årsstatistik 2012",
        "SKL Kostnad per brukare",
        "Riksrevisionen RiR 2024:7",
        "corren.se (press)",
        "sverigesradio.se/artikel/6403446",
        "kunskapsguiden.se citing Socialstyrelsen",
    ):
        assert source in out
    assert "I 2023 års priser" in out
    # 7 149 kr/mån (2012) * 403.70 / 314.20 = 9 185 kr/mån in 2023 prices (KPI)
    line = next(
        ln for ln in out.splitlines() if ln.startswith("ekonomiskt_bistand_hushall_manad_2012 ")
    )
    assert "7 149" in line
    assert line.rstrip().endswith("9 185")
    # OPI cannot bridge 2022: a note in the row, never a number
    line = next(ln for ln in out.splitlines() if ln.startswith("hemtjanst_timme_2016 "))
    assert "kan inte räknas om från 2016 till 2023" in line
    assert "glapp" in line
    assert "OBS: svag härkomst (andrahandskälla)" in out


def test_english_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--price-year", "2021", "--lang", "en", "--search", "home", "care")
    assert code == 0
    assert "In 2021 prices" in out
    assert "Source: SKL Kostnad per brukare" in out
    # 461 kr/tim (2015) * 1.026 * 1.027 * 1.026 * 1.027 * 1.030 * 1.015 = 535.11 kr/tim (2021)
    assert "535" in out
    assert "SEK/hour" in out
    assert "sarskilt_boende" not in out


def test_json_has_machine_numbers_and_rebase_notes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--price-year", "2023", "--format", "json")
    assert code == 0
    rows = {row["key"]: row for row in json.loads(out)}
    assert rows["fallskador_total_2020"]["value"] == 11_600_000_000
    assert rows["hemtjanst_timme_2016"]["rebased_value"] is None
    assert "OPI" in rows["hemtjanst_timme_2016"]["rebase_note"]
    assert rows["sis_ungdomsvard_dygn_2023"]["rebased_value"] == 13000
    assert rows["ekonomiskt_bistand"]["alias_of"] == "ekonomiskt_bistand_hushall_manad_2012"
    assert rows["hvb_extern_dygn_motala_2018"]["weak_provenance"] is True
    assert rows["hvb_extern_dygn_motala_2018"]["provenance"] == "andrahandskälla"


def test_csv_swedish_headers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "csv", "--price-year", "2020", "--search", "SiS")
    assert code == 0
    assert out.startswith("\ufeff"), "Excel on Windows needs the byte-order mark for å, ä, ö"
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert {"nyckel", "belopp", "källa", "säkerhet", "belopp_2020", "omräkning_2020"} <= set(
        rows[0]
    )
    by_key = {row["nyckel"]: row for row in rows}
    assert by_key["sis_avgift_akut_dygn_2020"]["belopp_2020"] == "5328"
    assert "glapp" in by_key["sis_ungdomsvard_dygn_2023"]["omräkning_2020"]


def test_csv_swedish_is_for_swedish_excel(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    values = [value for row in rows for value in row.values()]
    assert "True" not in values
    assert "False" not in values
    assert {row["svag_härkomst"] for row in rows} == {"ja", "nej"}
    code, out, _ = run(capsys, "--format", "csv", "--price-year", "2023")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    decimals = [v for v in (row["belopp_2023"] for row in rows) if v and not v.isdigit()]
    assert decimals
    assert all("," in v and "." not in v for v in decimals)
    assert "kommun:0,5773195876, region:0,4226804124" in out


def test_table_says_sakerhet_not_konfidens(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    assert "Säkerhet" in out
    assert "Konfidens" not in out.split("Källor och anmärkningar")[0]


def test_csv_without_price_year_has_no_rebase_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "csv", "--lang", "en")
    assert code == 0
    assert not out.startswith("\ufeff")
    header = out.splitlines()[0].split(",")
    assert header[:2] == ["key", "alias_of"]
    assert not any("rebas" in h for h in header)
    assert "kommun:0.5773195876;region:0.4226804124" in out


def test_search_without_hits_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--search", "inget", "sådant")
    assert code == 1
    assert out == ""
    assert "Inga poster matchar" in err


def test_overrides_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mina.csv"
    path.write_text(
        "key,name,value,unit,price_year,source\nhvb_orebro,HVB Örebro,3 450,kr/dygn,2023,Kolada\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--overrides", str(path), "--search", "Örebro")
    assert code == 0
    assert "hvb_orebro" in out
    assert "3 450" in out


def test_bad_overrides_file_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "fel.csv"
    path.write_text("key,name,value,unit,price_year,source\nx,X,4500,tim,2018,s\n", "utf-8")
    code, out, err = run(capsys, "--overrides", str(path))
    assert code == 1
    assert out == ""
    assert err.startswith("fel: ")
    assert str(path) in err
    assert "Traceback" not in err


def test_main_and_module(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--search", "Helsingborg", "--lang", "en"]) == 0
    assert "hvb_barn_unga_dygn_helsingborg_2015" in capsys.readouterr().out
    done = subprocess.run(
        [sys.executable, "-m", "sociokalkyl.cli.catalogue", "--price-year", "2023"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Riksrevisionen RiR 2024:7" in done.stdout


def test_catalogue_rows_default_has_no_rebase_fields() -> None:
    from sociokalkyl.catalogue import default

    rows = catalogue_rows(default())
    assert all("rebased_value" not in row for row in rows)
    assert len(rows) == len(default())
