"""Scenario files: the bundled examples, round trips, problems with locations, schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from sociokalkyl import evaluate
from sociokalkyl.examples import servicetrainee
from sociokalkyl.report.formats import format_percent, format_sek, format_years
from sociokalkyl.scenario.read import (
    Scenario,
    ScenarioError,
    dumps_scenario,
    json_schema,
    load_scenario,
    parse_scenario,
)

EXAMPLES = ("servicetrainee", "skolfam", "seniorer_ostersund")


def example_path(name: str) -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / f"{name}.toml"))


def example_text(name: str) -> str:
    return example_path(name).read_text("utf-8")


def test_servicetrainee_toml_is_the_python_example() -> None:
    scenario = load_scenario(example_path("servicetrainee"))
    intervention, settings = servicetrainee()
    assert scenario.intervention == intervention
    assert scenario.settings == settings
    assert (
        evaluate(scenario.intervention, scenario.settings).npv
        == evaluate(intervention, settings).npv
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_validate_and_evaluate(name: str) -> None:
    scenario = load_scenario(example_path(name))
    result = evaluate(scenario.intervention, scenario.settings)
    assert result.pv_costs > 0
    assert scenario.settings.price_year <= 2023


@pytest.mark.parametrize("name", ["skolfam", "seniorer_ostersund"])
def test_new_examples_have_a_source_and_confidence_for_every_figure(name: str) -> None:
    intervention = load_scenario(example_path(name)).intervention
    assert intervention.source
    assert intervention.target_group.source
    parts = [
        *intervention.cost_items,
        *intervention.baseline,
        *intervention.effects,
        *intervention.costs,
    ]
    for part in parts:
        assert not isinstance(part, str)
        assert part.source, part
        assert part.confidence in ("S", "S2", "D", "A"), part
        if part.confidence == "A":
            # an assumption says it is one and why
            assert "ntagande" in part.source or "Följer av" in part.source, part.source


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_round_trip(name: str, fmt: str) -> None:
    first = parse_scenario(example_text(name), "toml")
    text = dumps_scenario(first, fmt)  # type: ignore[arg-type]
    second = parse_scenario(text, fmt)  # type: ignore[arg-type]
    assert second == first
    assert dumps_scenario(second, fmt) == text  # type: ignore[arg-type]


MINIMAL = """
[settings]
base_year = 2024
price_year = 2023
horizon = 5

[intervention]
name = "Test"

[intervention.target_group]
name = "Deltagare"
intake = [10]

[[intervention.cost_items]]
key = "x"
name = "X"
unit_cost = "1 000 kr/mån"
price_year = 2023

[[intervention.baseline]]
cost_item = "x"
use = "12 mån/år"

[[intervention.effects]]
cost_item = "x"
change = "-50 %"

[[intervention.costs]]
name = "Insats"
kind = "one_off"
amount = "50 000 kr"
"""


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [n for n, s in enumerate(text.splitlines(), 1) if needle in s]
    return lines[nth]


def present(yearly: float, years: int = 5, rate: float = 0.035) -> float:
    return sum(yearly / (1 + rate) ** t for t in range(years))


def problems(text: str, fmt: str = "toml") -> list[str]:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, fmt, file="f." + fmt)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


def test_minimal_file_and_swedish_amounts() -> None:
    scenario = parse_scenario(MINIMAL)
    assert scenario.intervention.effects[0].change == -0.5
    result = evaluate(scenario.intervention, scenario.settings)
    assert result.pv_avoided == pytest.approx(present(0.5 * 12_000 * 10))


def test_every_problem_at_once_with_line_and_suggestion() -> None:
    text = (
        MINIMAL.replace('change = "-50 %"', 'chnage = "-50 %"')
        .replace("horizon = 5", 'horizon = "fem"')
        .replace('unit_cost = "1 000 kr/mån"', 'unit_cost = "1 000 kr/km"')
    )
    found = problems(text)
    assert len(found) == 4, found
    joined = "\n".join(found)
    assert "f.toml:5: settings.horizon" in joined
    unit_line = line_of(text, "kr/km")
    assert f"f.toml:{unit_line}: intervention.cost_items[0].unit_cost" in joined
    assert "unknown field 'chnage'; did you mean 'change'?" in joined
    assert "intervention.effects[0].change: is missing" in joined
    assert "'fem'" in joined


def test_wrong_unit_names_field_and_value() -> None:
    text = MINIMAL.replace('amount = "50 000 kr"', 'amount = "50 000 kr/år"')
    (problem,) = problems(text)
    assert "intervention.costs[0]" in problem
    assert "one-off" in problem


def test_reference_error_is_located() -> None:
    text = MINIMAL.replace('cost_item = "x"\nchange', 'cost_item = "y"\nchange')
    (problem,) = problems(text)
    assert "intervention.effects[0].cost_item" in problem
    assert f"f.toml:{line_of(text, 'cost_item = ', 1)}:" in problem


@pytest.mark.parametrize(
    ("fmt", "text", "where"),
    [
        ("toml", "[settings]\nbase_year = \n", "f.toml:2:13"),
        ("json", '{"settings": {"base_year": 2024,}}', "f.json:1:33"),
        ("yaml", "settings:\n  base_year: [1\n  x: 2\n", "f.yaml:3:"),
    ],
)
def test_syntax_errors_have_line_and_column(fmt: str, text: str, where: str) -> None:
    (problem,) = problems(text, fmt)
    assert problem.startswith(where), problem
    assert f"invalid {fmt.upper()}" in problem


def test_yaml_and_json_field_lines() -> None:
    data = json.loads(dumps_scenario(parse_scenario(MINIMAL), "json"))
    data["intervention"]["effects"][0]["change"] = "lots"
    text = json.dumps(data, indent=2)
    (problem,) = problems(text, "json")
    line = next(n for n, s in enumerate(text.splitlines(), 1) if '"change"' in s)
    assert problem.startswith(f"f.json:{line}: intervention.effects[0].change"), problem


def test_not_a_table() -> None:
    assert "does not hold a table" in problems("- 1\n- 2\n", "yaml")[0]
    assert "does not hold a table" in problems("", "yaml")[0]


def test_json_rejects_nan() -> None:
    assert "invalid JSON" in problems('{"a": NaN}', "json")[0]


def test_scenarios_overrides_and_unknown_parameter() -> None:
    scenario = load_scenario(example_path("servicetrainee"))
    assert set(scenario.scenarios) == {"pessimistisk", "optimistisk"}
    text = MINIMAL + '\n[scenarios.lagre]\n"effects[0].chang" = -0.25\n'
    (problem,) = problems(text)
    assert "did you mean 'effects[0].change'?" in problem
    assert f"f.toml:{line_of(text, '.chang')}" in problem


def test_uncertainty_is_checked() -> None:
    text = MINIMAL + '\n[uncertainty]\n"effects[0].change" = { kind = "uniform", low = 1 }\n'
    (problem,) = problems(text)
    assert 'uncertainty."effects[0].change"' in problem
    assert f"f.toml:{line_of(text, 'uniform')}" in problem


def test_catalogue_keys_and_overrides() -> None:
    text = MINIMAL.replace(
        '[[intervention.cost_items]]\nkey = "x"\nname = "X"\nunit_cost = "1 000 kr/mån"\n'
        "price_year = 2023\n",
        'intervention.cost_items = ["x"]\n',
    )
    text = text.replace("[intervention]\n", '[intervention]\ncost_items = ["x"]\n').replace(
        'intervention.cost_items = ["x"]\n', ""
    )
    text += '\n[catalogue.x]\nname = "X"\nunit_cost = "2 000 kr/mån"\nprice_year = 2023\n'
    scenario = parse_scenario(text)
    from sociokalkyl.scenario.read import catalogue_for

    result = evaluate(scenario.intervention, scenario.settings, catalogue=catalogue_for(scenario))
    assert result.pv_avoided == pytest.approx(present(0.5 * 24_000 * 10))


def test_shipped_catalogue_key() -> None:
    text = MINIMAL.replace(
        '[[intervention.cost_items]]\nkey = "x"\nname = "X"\nunit_cost = "1 000 kr/mån"\n'
        "price_year = 2023\n",
        "",
    ).replace("[intervention]\n", '[intervention]\ncost_items = ["hemtjanst_timme"]\n')
    text = (
        text.replace('cost_item = "x"', 'cost_item = "hemtjanst_timme"')
        .replace("12 mån/år", "2 tim/vecka")
        .replace("price_year = 2023", "price_year = 2021")  # OPI lacks 2022
    )
    scenario = parse_scenario(text)
    assert evaluate(scenario.intervention, scenario.settings).pv_avoided > 0
    bad = text.replace("hemtjanst_timme", "hemtjanst_timmar")
    assert "is not a key of the catalogue" in "\n".join(problems(bad))


def test_json_schema() -> None:
    schema = json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    assert schema["title"] == "sociokalkyl scenario"
    for field in ("intervention", "settings", "uncertainty", "scenarios", "catalogue"):
        assert field in schema["properties"]
    assert "unit_cost" in text
    assert "7 149 kr/mån" in text
    assert Scenario.model_json_schema()["required"] == ["intervention", "settings"]


def test_swedish_formats() -> None:
    assert format_sek(1234567.49) == "1 234 567 kr"
    assert format_sek(-5752490.1) == "-5 752 490 kr"
    assert format_sek(1234567.49, "en") == "1,234,567 SEK"
    assert format_years(3.3333) == "3,3 år"
    assert format_years(float("nan")) == "inte inom horisonten"
    assert format_years(None, "en") == "not within the horizon"
    assert format_percent(-0.241) == "-24,1 %"


# --- values with units in [scenarios] and [uncertainty], Swedish words ------------------


UNITS = (
    MINIMAL
    + """
[uncertainty]
"baseline[0].use" = { kind = "uniform", low = "10 mån/år", high = "1 år/år" }
"effects[0].change" = { kind = "triangular", low = "-60 %", mode = "-50 %", high = "-40 %" }

[scenarios.lagre]
"baseline[0].use" = "11 mån/år"
"effects[0].change" = "-25 %"

[scenarios.tal]
"baseline[0].use" = 11
"effects[0].change" = -0.25
"""
)


def test_scenario_and_uncertainty_values_take_the_files_notation() -> None:
    from sociokalkyl.analysis.metrics import compute_metrics
    from sociokalkyl.engine import compile_plan, project
    from sociokalkyl.scenario.read import apply_overrides

    scenario = parse_scenario(UNITS)
    assert scenario.scenarios["lagre"] == {"baseline[0].use": 11.0, "effects[0].change": -0.25}
    assert scenario.uncertainty is not None
    assert scenario.uncertainty["baseline[0].use"] == {"kind": "uniform", "low": 10, "high": 12}
    assert scenario.uncertainty["effects[0].change"]["mode"] == pytest.approx(-0.5)
    plan = compile_plan(scenario.intervention, scenario.settings)
    npv = [
        compute_metrics(project(p, p.values())).npv
        for p in (apply_overrides(plan, scenario.scenarios[n]) for n in ("lagre", "tal"))
    ]
    assert npv[0] == npv[1]
    # an unvalidated scenario keeps the text; apply_overrides converts it too
    raw = parse_scenario(UNITS, validate=False)
    assert raw.scenarios["lagre"]["baseline[0].use"] == "11 mån/år"
    assert apply_overrides(plan, raw.scenarios["lagre"]).parameters["baseline[0].use"].value == 11


def test_a_rate_as_a_percentage_in_a_scenario() -> None:
    text = MINIMAL + '\n[scenarios.ut]\n"baseline[0].exit_rate" = "30 %"\n'
    scenario = parse_scenario(text)
    assert scenario.scenarios["ut"]["baseline[0].exit_rate"] == pytest.approx(0.3)


def test_a_scenario_value_of_the_wrong_dimension_names_its_line_and_unit() -> None:
    text = MINIMAL + '\n[scenarios.fel]\n"effects[0].change" = -0.2\n"baseline[0].use" = "11 kr"\n'
    (problem,) = problems(text)
    assert f"f.toml:{line_of(text, '11 kr')}:" in problem
    assert "scenarios.fel" in problem
    assert "mån/år" in problem
    text = MINIMAL + (
        '\n[uncertainty]\n"baseline[0].use" = { kind = "uniform", low = "10 kr", high = 12 }\n'
    )
    (problem,) = problems(text)
    assert f"f.toml:{line_of(text, '10 kr')}:" in problem
    assert "mån/år" in problem


def test_distribution_example_uses_the_parameters_own_value_and_unit() -> None:
    text = MINIMAL + '\n[uncertainty]\n"baseline[0].use" = { kind = "uniform", low = 1 }\n'
    (problem,) = problems(text)
    assert "-0.54" not in problem
    assert 'low = "10,8 mån/år", high = "13,2 mån/år"' in problem


@pytest.mark.parametrize(
    ("word", "unit"), [("hushåll", "household"), ("personer", "person"), ("Person", "person")]
)
def test_swedish_target_group_unit(word: str, unit: str) -> None:
    text = MINIMAL.replace('name = "Deltagare"\n', f'name = "Deltagare"\nunit = "{word}"\n', 1)
    assert parse_scenario(text).intervention.target_group.unit == unit


def test_decimal_comma_hint_only_for_a_bare_number() -> None:
    text = MINIMAL.replace("horizon = 5", "horizon = 5\ndiscount_rate = 0,035")
    (problem,) = problems(text)
    assert 'decimal comma? write 0.035 or "3,5 %"' in problem
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, lang="sv")
    assert "decimalkomma? skriv 0.035" in str(info.value)
    text = MINIMAL.replace('name = "Test"', 'name = "Test 1,5" x')
    (problem,) = problems(text)
    assert "decimal" not in problem


def test_correlation_in_the_uncertainty_table_is_read_and_checked() -> None:
    # two uncertain parameters that move together: the documented TOML form
    base = MINIMAL + (
        "\n[uncertainty]\n"
        '"effects[0].change" = { kind = "uniform", low = -0.6, high = -0.4 }\n'
        '"cost_items.x.unit_cost" = { kind = "uniform", low = 9000, high = 11000 }\n'
    )
    good = base + (
        'correlation = [{ parameters = ["effects[0].change", "cost_items.x.unit_cost"], '
        "rho = 0.6 }]\n"
    )
    scenario = parse_scenario(good)
    assert scenario.uncertainty is not None
    from sociokalkyl.uncertainty import Uncertainty, simulate

    mc = simulate(scenario.intervention, scenario.settings, Uncertainty(scenario.uncertainty),
                  draws=2000, seed=1)  # fmt: skip
    assert mc.draws == 2000
    bad = base + 'correlation = [{ parameters = ["effects[0].change", "nope"], rho = 0.6 }]\n'
    (problem,) = problems(bad)
    assert "uncertainty.correlation" in problem
    assert "nope" in problem


def test_a_settings_price_year_outside_the_index_points_at_the_settings() -> None:
    text = MINIMAL.replace("price_year = 2023\nhorizon", "price_year = 2030\nhorizon")
    assert text != MINIMAL
    (problem,) = problems(text)
    assert "settings.price_year" in problem
    assert f"f.toml:{line_of(text, 'price_year = 2030')}" in problem


def test_write_atomic_leaves_no_temporary_file_on_failure(tmp_path: Path) -> None:
    from sociokalkyl._atomic import write_atomic

    target = tmp_path / "scenario.toml"
    write_atomic(target, b"a = 1\n")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert [p.name for p in tmp_path.iterdir()] == ["scenario.toml"]
    assert target.read_bytes() == b"a = 1\n"
