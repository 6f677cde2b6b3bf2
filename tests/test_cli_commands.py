"""The commands that do what the library does: jamfor, tornado, brytpunkt, konvertera,
init --tom, the tables' width, and the percent trap in files and the template.

Hand calculations are shown where a number is checked; the other numbers are compared
with the library's own answer for the same question.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import openpyxl
import pytest

from sociokalkyl.cli import main
from sociokalkyl.cli._output import screen_width
from sociokalkyl.examples.bundled import scenario as bundled
from sociokalkyl.scenario.read import load_scenario


@pytest.fixture(autouse=True)
def _swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's default language, whatever the developer's environment says."""
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)


def example(name: str) -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / f"{name}.toml"))


def run_main(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def run_json(*args: str | Path) -> object:
    code, out, err = run_main(*args)
    assert code == 0, err
    return json.loads(out)


# --- jamfor / compare ------------------------------------------------------------------


def test_jamfor_has_the_base_and_every_scenario_as_run_gives_them() -> None:
    rows = run_json("jamfor", example("servicetrainee"), "--format", "json")
    assert isinstance(rows, list)
    assert [r["scenario"] for r in rows] == ["bas", "pessimistisk", "optimistisk"]
    base = run_json("run", example("servicetrainee"), "--format", "json")
    assert isinstance(base, dict)
    assert rows[0]["npv"] == pytest.approx(base["summary"]["npv"], rel=1e-12)
    for row in rows[1:]:
        alone = run_json(
            "run", example("servicetrainee"), "--scenario", row["scenario"], "--format", "json"
        )
        assert isinstance(alone, dict)
        assert row["npv"] == pytest.approx(alone["summary"]["npv"], rel=1e-12)
    # pessimistic: fewer months avoided (-4,4 instead of -4,9 mån/år) and a faster way out
    # of assistance without the intervention (30 % instead of 20 % a year): less avoided
    assert rows[1]["npv"] < rows[0]["npv"] < rows[2]["npv"]


def test_jamfor_chosen_scenarios_in_order_and_english_alias() -> None:
    rows = run_json(
        "compare", example("servicetrainee"), "--scenario", "optimistisk", "--format", "json"
    )
    assert isinstance(rows, list)
    assert [r["scenario"] for r in rows] == ["bas", "optimistisk"]
    code, out, _ = run_main("compare", example("servicetrainee"), "--lang", "en")
    assert code == 0
    assert "Scenarios side by side" in out
    assert "-3,839,870 SEK" in out


def test_jamfor_table_is_swedish_with_units() -> None:
    code, out, err = run_main("jamfor", example("servicetrainee"))
    assert code == 0, err
    assert "Scenarier sida vid sida" in out
    assert "-3 839 870 kr" in out
    assert "-4,4 mån/år" in out  # the override, in its unit
    assert "30,0 %/år" in out  # a rate a year as a percentage, never "0,3 1/år"
    assert "1/år" not in out


def test_jamfor_unknown_scenario_lists_the_files() -> None:
    code, _, err = run_main("jamfor", example("servicetrainee"), "--scenario", "realistisk")
    assert code == 2
    assert (
        "--scenario realistisk: scenariot finns inte; filen har: optimistisk, pessimistisk" in err
    )


def test_run_with_two_scenarios_refuses_and_points_to_jamfor() -> None:
    code, out, err = run_main(
        "run", example("servicetrainee"), "--scenario", "pessimistisk", "--scenario", "optimistisk"
    )
    assert code == 2
    assert out == ""
    assert "jamfor" in err
    assert "--scenario pessimistisk --scenario optimistisk" in err


# --- tornado -----------------------------------------------------------------------------


def test_tornado_share_of_a_cost_is_linear_and_matches_break_even() -> None:
    """The wage enters the NPV linearly, so its bar follows from the break-even wage.

    Break-even: NPV(w) = NPV(19 784) + s * (19 784 - w) = 0 at w = w0, so the slope is
    s = -NPV(19 784) / (19 784 - w0) [kr NPV per kr/mån of gross wage]. With ±20 %, w moves
    3 956.8 kr/mån each way: NPV(15 827.2) - NPV(23 740.8) = s * 7 913.6.
    """
    data = run_json(
        "tornado", example("servicetrainee"), "--andel", "20 %", "--parameter",
        "costs[0].amount", "--format", "json",
    )  # fmt: skip
    assert isinstance(data, dict)
    (row,) = data["rows"]
    assert (row["low_value"], row["high_value"]) == pytest.approx((15_827.2, 23_740.8), rel=1e-9)
    b = run_json("brytpunkt", example("servicetrainee"), "costs[0].amount", "--json")
    assert isinstance(b, dict)
    slope = -data["base_npv"] / (19_784 - b["value"])
    assert row["npv_low"] - row["npv_high"] == pytest.approx(slope * 7_913.6, rel=1e-9)


def test_tornado_from_the_uncertainty_table_matches_the_library() -> None:
    from sociokalkyl.uncertainty.sensitivity import tornado

    s = bundled("servicetrainee")
    expected = tornado(s.intervention, s.settings, s.uncertainty or {})
    data = run_json("tornado", example("servicetrainee"), "--format", "json")
    assert isinstance(data, dict)
    assert [r["parameter"] for r in data["rows"]] == [r.parameter for r in expected.rows]
    assert data["rows"][0]["swing"] == pytest.approx(expected.rows[0].swing, rel=1e-12)
    code, out, _ = run_main("tornado", example("servicetrainee"))
    assert code == 0
    assert "Känslighet, en parameter i taget" in out
    assert "10 %- och 90 %-kvantilen" in out


def test_tornado_without_uncertainty_says_how_to_give_one(tmp_path: Path) -> None:
    text = example("servicetrainee").read_text("utf-8").split("[uncertainty]")[0]
    path = tmp_path / "utan.toml"
    path.write_text(text, "utf-8")
    code, _, err = run_main("tornado", path)
    assert code == 2
    assert "[uncertainty]" in err
    assert "--andel 0,2" in err
    code, _, err = run_main("tornado", path, "--andel", "1,5")
    assert code == 2
    assert "inte en andel" in err


# --- brytpunkt / break-even ----------------------------------------------------------------


def test_break_even_any_parameter_swedish_and_english() -> None:
    code, out, _ = run_main("brytpunkt", example("servicetrainee"), "costs[0].amount")
    assert code == 0
    assert out == (
        "nettonuvärdet är 0 vid costs[0].amount = 12 272,52 kr/mån (som angivet: 19 784 kr/mån)\n"
    )
    code, out, _ = run_main(
        "break-even", example("servicetrainee"), "costs[0].amount", "--lang", "en"
    )
    assert out.startswith("NPV is 0 at costs[0].amount = 12,272.52 SEK/month")
    code, out, _ = run_main("break-even", example("servicetrainee"))
    assert code == 0  # no break-even is an answer, not an error
    assert out.startswith("ingen brytpunkt: nettonuvärdet förblir negativt för effect_multiplier")


def test_break_even_unknown_parameter_suggests_and_lists() -> None:
    code, _, err = run_main("brytpunkt", example("servicetrainee"), "costs[0].amont")
    assert code == 2
    assert "costs[0].amont: ingen parameter" in err
    assert "menade du 'costs[0].amount'?" in err
    code, out, _ = run_main("brytpunkt", example("servicetrainee"), "--lista", "--width", "200")
    assert code == 0
    assert "costs[0].amount" in out
    assert "19 784 kr/mån" in out
    assert "3,5 %" in out  # the discount rate as a percentage


# --- konvertera -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["servicetrainee", "skolfam"])
def test_konvertera_round_trip_xlsx_toml_xlsx_is_the_same_model(tmp_path: Path, name: str) -> None:
    first, text, second = tmp_path / "a.xlsx", tmp_path / "b.toml", tmp_path / "c.xlsx"
    for source, target in ((example(name), first), (first, text), (text, second)):
        code, _, err = run_main("konvertera", source, target)
        assert code == 0, err
    a, b, c = (load_scenario(p) for p in (first, text, second))
    original = bundled(name)
    for copy in (a, b, c):
        assert copy.intervention.model_dump() == original.intervention.model_dump()
        assert copy.settings.model_dump() == original.settings.model_dump()
        assert copy.uncertainty == a.uncertainty
        assert copy.scenarios == a.scenarios
    assert a.scenarios
    assert a.uncertainty
    npvs = [run_json("run", p, "--format", "json") for p in (example(name), first, second)]
    assert len({json.dumps(n["summary"]["npv"]) for n in npvs}) == 1  # type: ignore[index]


def test_konvertera_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "k.xlsx"
    target.write_bytes(b"mitt")
    code, _, err = run_main("konvertera", example("skolfam"), target)
    assert code == 2
    assert "finns redan" in err
    assert "--force" in err
    assert target.read_bytes() == b"mitt"
    code, _, err = run_main("konvertera", example("skolfam"), target, "--force")
    assert code == 0, err
    assert {"Osäkerhet", "Scenarier"} <= set(openpyxl.load_workbook(target).sheetnames)
    code, _, err = run_main("konvertera", example("skolfam"), tmp_path / "k.yaml")
    assert code == 0, err
    code, _, err = run_main("konvertera", example("skolfam"), tmp_path / "k.toml")
    assert code == 2
    assert "samma format" in err
    assert not list(tmp_path.glob(".*"))  # no draft left behind


# --- init --tom -----------------------------------------------------------------------------


def test_init_empty_toml_and_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "tom.toml"
    code, _, err = run_main("init", "--tom", path)
    assert code == 0, err
    assert "tom mall" in err
    text = path.read_text("utf-8")
    assert "[settings]" in text
    assert "sociokalkyl run tom.toml" in text
    code, _, err = run_main("init", "--tom", path)
    assert code == 2
    assert "finns redan" in err
    code, _, err = run_main("validate", path)  # what is left to fill in, no traceback
    assert code == 1
    assert "Traceback" not in err
    xlsx = tmp_path / "tom.xlsx"
    code, _, err = run_main("init", "--empty", xlsx)
    assert code == 0, err
    wb = openpyxl.load_workbook(xlsx)
    assert wb["Effekter"]["A3"].value is None
    code, _, err = run_main("init", "--tom", "--example", "skolfam", tmp_path / "x.toml")
    assert code == 2


# --- terminal width -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_run_fits_the_width_and_keeps_every_number(width: int) -> None:
    code, narrow, _ = run_main("run", example("servicetrainee"), "--width", width)
    assert code == 0
    assert max(len(line) for line in narrow.splitlines()) <= width
    _, wide, _ = run_main("run", example("servicetrainee"))
    assert max(len(line) for line in wide.splitlines()) > 120  # a file keeps its width
    amounts = re.compile(r"-?\d{1,3}(?: \d{3})* kr")
    assert sorted(amounts.findall(narrow)) == sorted(amounts.findall(wide))


def test_screen_width_is_the_terminals(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("COLUMNS", "80")
    assert screen_width(None, Terminal()) == 80
    assert screen_width(None, io.StringIO()) is None
    assert screen_width(100, Terminal()) == 100


# --- the percent trap -----------------------------------------------------------------------


def test_percent_trap_in_a_scenario_file(tmp_path: Path) -> None:
    text = example("servicetrainee").read_text("utf-8")
    bad = text.replace("change = -1.0", 'change = { value = -0.3, unit = "%" }', 1)
    path = tmp_path / "fel.toml"
    path.write_text(bad, "utf-8")
    code, _, err = run_main("validate", path)
    assert code == 1
    assert "-0,3 med enheten % kan läsas som -0,3 % eller som -30 %" in err
    assert '"-0,3 %"' in err
    assert "-30" in err
    clear = text.replace("change = -1.0", 'change = { value = -30, unit = "%" }', 1)
    path.write_text(clear, "utf-8")
    assert load_scenario(path).intervention.effects[0].change == pytest.approx(-0.3)


def test_percent_trap_in_the_template(tmp_path: Path) -> None:
    path = tmp_path / "mall.xlsx"
    assert run_main("init", "--format", "xlsx", path)[0] == 0
    wb = openpyxl.load_workbook(path)
    wb["Effekter"]["C3"], wb["Effekter"]["D3"] = -0.3, "%"
    wb.save(path)
    code, out, err = run_main("validate", path)
    assert code == 1, out
    assert "Effekter!C3" in err
    assert "kan läsas som -0,3 % eller som -30 %" in err
    code, _, err = run_main("validate", path, "--lang", "en")
    assert "can be read as -0,3 % or as -30 %" in err


OWN_ITEM = """
[settings]
base_year = 2023
price_year = 2023
horizon = 5
discount_rate = "3,5 %"

[intervention]
name = "Eget HVB-pris"
cost_items = ["hvb_extern_dygn_motala_2018"]

[intervention.target_group]
name = "Barn"
unit = "person"
intake = [10]

[[intervention.baseline]]
cost_item = "hvb_extern_dygn_motala_2018"
use = "30 dygn/år"

[[intervention.effects]]
cost_item = "hvb_extern_dygn_motala_2018"
change = "-20 %"

[[intervention.costs]]
name = "Insats"
amount = "100 000 kr"
kind = "one_off"
payer = "kommun"

[catalogue.hvb_extern_dygn_motala_2018]
name = "HVB, eget pris"
unit_cost = "5 000 kr/dygn"
price_year = 2023
payer = "kommun"
source = "egen uppgift"
confidence = "A"
"""


def test_konvertera_puts_a_files_own_catalogue_item_in_the_template(tmp_path: Path) -> None:
    """NPV by hand: 10 children x 30 dygn/år x 20 % x 5 000 kr = 300 000 kr avoided a year,
    years 0-4 at 3,5 %: 300 000 x (1 + 1/1,035 + ... + 1/1,035^4) = 1 401 923,76 kr;
    minus the one-off 100 000 kr: 1 301 923,76 kr, from the TOML and from the template."""
    source = tmp_path / "eget.toml"
    source.write_text(OWN_ITEM, "utf-8")
    target = tmp_path / "eget.xlsx"
    code, _, err = run_main("konvertera", source, target)
    assert code == 0, err
    annuity = sum(1.035**-t for t in range(5))
    for path in (source, target):
        data = run_json("run", path, "--format", "json")
        assert isinstance(data, dict)
        assert data["summary"]["npv"] == pytest.approx(300_000 * annuity - 100_000, rel=1e-12)


def test_konvertera_refuses_a_copy_that_is_not_the_same_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sociokalkyl.cli.konvertera as konvertera

    monkeypatch.setattr(konvertera, "model_differences", lambda a, b: ["flows"])
    target = tmp_path / "k.xlsx"
    code, _, err = run_main("konvertera", example("skolfam"), target)
    assert code == 1
    assert "skulle inte hålla samma kalkyl (den skiljer sig i: flöden, mottagare" in err
    assert not target.exists()
    code, _, err = run_main("konvertera", example("skolfam"), target, "--lang", "en")
    assert code == 1
    assert "would not hold the same calculation" in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
