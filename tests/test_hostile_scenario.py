"""Hostile and careless scenario files and units (issue 15).

No silent wrong number (a percent inside a money unit, a boolean as a count), no internal
error (pint's parser, odd keys), Swedish price notation, bounded resources (YAML aliases,
deep nesting, long lists, many items), impossible uses and implausible magnitudes, and a
JSON Schema that accepts what the loader accepts.
"""

from __future__ import annotations

import copy
import io
import json
import time
import tomllib
from contextlib import redirect_stderr, redirect_stdout, suppress
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sociokalkyl.analysis.evaluate import evaluate
from sociokalkyl.cli.main import main
from sociokalkyl.engine import compile_plan
from sociokalkyl.errors import InputError
from sociokalkyl.examples import servicetrainee
from sociokalkyl.limits import (
    MAX_COST_ITEMS,
    MAX_HORIZON_YEARS,
    MAX_JSON_DEPTH,
    MAX_LIST_ITEMS,
    PLAUSIBLE_AMOUNT_SEK,
)
from sociokalkyl.model import BaselineUse, Effect, InterventionCost, TargetGroup
from sociokalkyl.report.render import report_json
from sociokalkyl.report.summary import build_report
from sociokalkyl.scenario.model import json_schema
from sociokalkyl.scenario.overrides import parameter_value
from sociokalkyl.scenario.read import (
    ScenarioError,
    load_scenario,
    parse_scenario,
    scenario_from_data,
)
from sociokalkyl.units import parse_number, parse_quantity, parse_share
from sociokalkyl.units.types import Money, UnitCost

EXAMPLES = resources.files("sociokalkyl") / "examples"


def example_text(name: str = "servicetrainee") -> str:
    return (EXAMPLES / f"{name}.toml").read_text(encoding="utf-8")


def example_data(name: str = "servicetrainee") -> dict[str, Any]:
    return tomllib.loads(example_text(name))


def problems_of(data: Any) -> str:
    with pytest.raises(ScenarioError) as info:
        scenario_from_data(data, file="f.json")
    return str(info.value)


# --- 1. silent wrong numbers -------------------------------------------------------------


@pytest.mark.parametrize("text", ["50000 kr/%", "50 000 kr/‰", "3 % kr", "12 mån/år/%"])
def test_a_percent_inside_a_money_or_use_unit_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="percent"):
        parse_quantity(text)


def test_an_intervention_cost_of_kr_per_percent_is_refused() -> None:
    with pytest.raises(ValidationError, match="percent"):
        InterventionCost(name="Insats", kind="one_off", amount="50000 kr/%")


@pytest.mark.parametrize("text", ["20 %", "-49 %", "5 %/år", "3,5 ‰"])
def test_a_percent_alone_or_per_time_still_reads(text: str) -> None:
    parse_quantity(text)


def test_a_percent_as_an_amount_is_refused() -> None:
    from pydantic import TypeAdapter

    for kind in (Money, UnitCost):
        with pytest.raises(ValidationError, match="wrong dimension"):
            TypeAdapter(kind).validate_python("26000%")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("intervention", "target_group", "intake"), [True]),
        (("intervention", "target_group", "intake"), True),
        (("settings", "horizon"), True),
        (("settings", "discount_rate"), False),
        (("intervention", "baseline", 0, "exit_rate"), True),
        (("intervention", "effects", 0, "change"), True),
        (("intervention", "cost_items", 0, "price_year"), True),
        (("intervention", "cost_items", 0, "payer"), {"kommun": True}),
    ],
)
def test_a_boolean_is_never_a_number(path: tuple[Any, ...], value: Any) -> None:
    data = example_data()
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    text = problems_of(data)
    assert "true or false" in text
    assert ".".join(str(p) for p in path if not isinstance(p, int)).split(".")[-1] in text


def test_a_boolean_intake_from_python_is_refused() -> None:
    with pytest.raises(ValidationError, match="true or false"):
        TargetGroup(name="x", intake=[True])


# --- 2. internal errors ------------------------------------------------------------------


@pytest.mark.parametrize("value", ["50 %", "0,5", 0.5, "50 procent"])
def test_effect_multiplier_in_percent_reads(value: Any) -> None:
    plan = compile_plan(*servicetrainee())
    assert parameter_value(plan.parameters["effect_multiplier"], value) == pytest.approx(0.5)


@pytest.mark.parametrize("value", ["50 kr", "2 ×", "3 mån/år"])
def test_effect_multiplier_with_a_unit_is_a_clear_error(value: str) -> None:
    plan = compile_plan(*servicetrainee())
    with pytest.raises(InputError):
        parameter_value(plan.parameters["effect_multiplier"], value)


def test_effect_multiplier_in_a_scenario_file() -> None:
    text = example_text() + '\n[scenarios.halv]\neffect_multiplier = "50 %"\n'
    assert parse_scenario(text).scenarios["halv"]["effect_multiplier"] == 0.5


@pytest.mark.parametrize("text", ["50 000 kr(", "1 kr**9**9**9", "1 kr^(9)", "1 " + "kr*" * 40])
def test_unreadable_units_are_unit_errors(text: str) -> None:
    with pytest.raises(InputError):
        parse_quantity(text)


def test_a_json_key_like_an_index_is_a_problem_not_an_index_error() -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario('{"[0]": 1}', "json")
    assert "unknown field '[0]'" in str(info.value)


_ODD = st.lists(
    st.sampled_from(
        [
            *"0123456789 ,.:-+/*()%‰^eE\u00a0\u202f[]{}'\"\\#=\n\t\x00",
            "**",
            "kr",
            "SEK",
            "mån",
            "år",
            "per ",
            "1e400",
            "tkr",
            "dygn",
            "×",
        ]
    ),
    max_size=16,
).map("".join)


@settings(deadline=None)
@given(st.one_of(_ODD, st.text(max_size=40)))
def test_parsing_arbitrary_text_raises_only_input_errors(text: str) -> None:
    for parse in (parse_quantity, parse_number, parse_share):
        with suppress(InputError):
            parse(text)


# --- 3. Swedish notations ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["50 000,- kr", "50 000:- kr", "50 000:-", "50\u00a0000 kr"])
def test_swedish_price_notation(text: str) -> None:
    assert parse_quantity(text).to("SEK").magnitude == 50_000


NOTATIONS = [
    "26 000 kr/mån",
    "26 tkr/mån",
    "26\u00a0000 kr/mån",
    "26\u202f000 kr/mån",
    "26 000 kronor/månad",
    "26 000:- kr/mån",
    "26 000,- kr/mån",
    "26 000 kr per månad",
    "312 000 kr/år",
]


@pytest.mark.parametrize("notation", NOTATIONS)
def test_the_same_amount_in_any_notation_gives_the_same_npv(notation: str) -> None:
    reference = parse_scenario(example_text())
    text = example_text().replace('amount = "26 000 kr/mån"', f'amount = "{notation}"')
    scenario = parse_scenario(text)
    want = evaluate(reference.intervention, reference.settings).npv
    got = evaluate(scenario.intervention, scenario.settings).npv
    assert got == pytest.approx(want, rel=1e-12)


# --- 4. resources ------------------------------------------------------------------------


def _laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(8):
        lines.append(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]")
    return "settings: {}\nintervention: {name: x}\n" + "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(_laughs(), encoding="utf-8")
    assert path.stat().st_size < 500
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match="aliases"):
        load_scenario(path)
    assert time.perf_counter() - start < 2


def test_a_few_yaml_aliases_are_fine() -> None:
    data = example_data()
    text = json.dumps(data, ensure_ascii=False)
    parse_scenario(text, "yaml")


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_deep_nesting_is_refused_with_a_clear_message(fmt: str) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    text = f"a = {deep}" if fmt == "toml" else deep
    with pytest.raises(ScenarioError, match=f"more than {MAX_JSON_DEPTH} levels"):
        parse_scenario(text, fmt)


def test_deep_yaml_flow_is_refused_before_pyyaml_parses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyYAML takes seconds to refuse a flow nested 1 000 deep; the text is looked at first."""

    def not_called(text: str) -> object:
        raise AssertionError("yaml.safe_load ran on a file nested 100 000 deep")

    monkeypatch.setattr(yaml, "safe_load", not_called)
    with pytest.raises(ScenarioError, match=f"more than {MAX_JSON_DEPTH} levels"):
        parse_scenario("a: " + "[" * 100_000 + "]" * 100_000, "yaml")


def test_brackets_in_yaml_quotes_and_comments_do_not_count_as_nesting() -> None:
    data = example_data()
    data["intervention"]["name"] = "[" * 300 + " it's {" * 300
    text = yaml.safe_dump(data, allow_unicode=True, width=10_000)
    text += "# " + "[" * 300 + "\n"
    scenario = parse_scenario(text, "yaml")
    assert scenario.intervention.name.startswith("[" * 300)


def test_nesting_just_beyond_the_depth_limit_is_refused() -> None:
    deep = "[" * (MAX_JSON_DEPTH + 2) + "]" * (MAX_JSON_DEPTH + 2)
    with pytest.raises(ScenarioError, match="levels deep"):
        parse_scenario('{"uncertainty": {"x": ' + deep + "}}", "json")


def test_a_long_list_is_refused() -> None:
    data = example_data()
    data["intervention"]["baseline"][0]["profile"] = [1.0] * (MAX_LIST_ITEMS + 1)
    assert f"more than the limit of {MAX_LIST_ITEMS}" in problems_of(data)


def test_too_many_cost_items_are_refused_early_and_fast(tmp_path: Path) -> None:
    data = example_data()
    item = data["intervention"]["cost_items"][0]
    items = [{**item, "key": f"k{i}", "source": "x" * 200} for i in range(10_000)]
    data["intervention"]["cost_items"] = items
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size > 4_000_000
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match=f"limit of {MAX_COST_ITEMS}"):
        load_scenario(path)
    assert time.perf_counter() - start < 2


def test_duplicate_key_checks_are_linear() -> None:
    data = example_data()
    item = data["intervention"]["cost_items"][0]
    items = [{**item, "key": f"k{i}"} for i in range(MAX_COST_ITEMS)]
    items[0] = items[1]  # a duplicate among the most cost items allowed
    data["intervention"]["cost_items"] = items
    start = time.perf_counter()
    assert "given twice" in problems_of(data)
    assert time.perf_counter() - start < 2


def test_an_intake_beyond_the_horizon_limit_is_refused() -> None:
    data = example_data()
    data["intervention"]["target_group"]["intake"] = [0] * MAX_HORIZON_YEARS + [1]
    assert "intake years" in problems_of(data)
    with pytest.raises(ValidationError):
        TargetGroup(name="x", intake=[0] * MAX_HORIZON_YEARS + [1])


# --- 5. plausibility ---------------------------------------------------------------------


@pytest.mark.parametrize("use", ["13 mån/år", "25 tim/dygn", "8 dagar/vecka", "366 dygn/år"])
def test_an_impossible_use_is_an_error(use: str) -> None:
    with pytest.raises(ValidationError, match="more than the whole time"):
        BaselineUse(cost_item="x", use=use)
    with pytest.raises(ValidationError, match="more than the whole time"):
        Effect(cost_item="x", kind="absolute", change="-" + use)


@pytest.mark.parametrize("use", ["12 mån/år", "24 tim/dygn", "365 dygn/år", "3 /år"])
def test_the_whole_time_is_possible(use: str) -> None:
    BaselineUse(cost_item="x", use=use)


def run_main(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_implausible_magnitudes_are_warnings_in_the_report() -> None:
    text = example_text().replace("intake = [30]", "intake = [1e12]")
    scenario = parse_scenario(text)
    assert [w.field for w in scenario.intervention.warnings] == ["target_group.intake"]
    assert [w.field for w in scenario.warnings] == ["target_group.intake"]
    result = evaluate(scenario.intervention, scenario.settings)
    for lang in ("sv", "en"):
        report = build_report(result, lang=lang)  # the warnings travel on the plan
        assert any("target_group.intake" in line for line in report.lines)
    warnings = json.loads(report_json(result))["warnings"]
    assert len(warnings) == 1
    assert "target_group.intake" in warnings[0]
    assert "warnings" not in json.loads(report_json(evaluate(*servicetrainee())))


def test_an_implausible_unit_cost_warns_and_can_be_accepted(tmp_path: Path) -> None:
    text = example_text().replace('unit_cost = "7 149 kr/mån"', 'unit_cost = "7 149 mdkr/mån"')
    scenario = parse_scenario(text)
    fields = [w.field for w in scenario.intervention.warnings]
    assert fields == ["cost_items.ekonomiskt_bistand.unit_cost"]
    assert scenario.intervention.warnings[0].value > PLAUSIBLE_AMOUNT_SEK
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_main("run", path)
    assert code == 0
    assert "cost_items.ekonomiskt_bistand.unit_cost" in out
    accepted = text.replace(
        "[intervention]\n", '[intervention]\naccept_implausible = ["' + fields[0] + '"]\n', 1
    )
    assert parse_scenario(accepted).intervention.warnings == []


def test_an_implausible_catalogue_entry_warns_on_the_scenario() -> None:
    entry = '\n[catalogue.hvb]\nname = "HVB"\nunit_cost = "2 mdkr/dygn"\nprice_year = 2023\n'
    scenario = parse_scenario(example_text() + entry)
    assert [w.field for w in scenario.warnings] == ["catalogue.hvb.unit_cost"]
    assert scenario.intervention.warnings == []
    accepted = example_text().replace(
        "[intervention]\n", '[intervention]\naccept_implausible = ["catalogue.hvb.unit_cost"]\n', 1
    )
    assert parse_scenario(accepted + entry).warnings == []


def test_the_examples_have_no_warnings() -> None:
    for name in ("servicetrainee", "skolfam", "seniorer_ostersund"):
        assert parse_scenario(example_text(name)).warnings == []


# --- 6. the JSON Schema accepts what the loader accepts ----------------------------------

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("name", ["servicetrainee", "skolfam", "seniorer_ostersund"])
def test_every_shipped_example_validates(name: str) -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(example_data(name))
    ]
    assert errors == []


VARIANTS: dict[str, tuple[tuple[Any, ...], Any]] = {
    "rate as percent text": (("settings", "discount_rate"), "3,5 %"),
    "rate as a preset": (("settings", "discount_rate"), "asek"),
    "rate as a number": (("settings", "discount_rate"), 0.03),
    "optimism bias in %": (("settings", "optimism_bias"), "10 %"),
    "exit rate in %": (("intervention", "baseline", 0, "exit_rate"), "20 %"),
    "drop-off in %": (("intervention", "effects", 0, "drop_off"), "10 %"),
    "deadweight in %": (("intervention", "effects", 0, "deadweight"), "5 %"),
    "attribution in %": (("intervention", "effects", 0, "attribution"), "5 %"),
    "displacement in %": (("intervention", "effects", 0, "displacement"), "5 %"),
    "a scalar intake": (("intervention", "target_group", "intake"), 30),
    "a Swedish unit": (("intervention", "target_group", "unit"), "hushåll"),
    "a relative change in %": (("intervention", "effects", 0, "change"), "-100 %"),
    "a value/unit table": (
        ("intervention", "cost_items", 0, "unit_cost"),
        {"value": "7 149", "unit": "kr/mån"},
    ),
    "price notation": (("intervention", "costs", 0, "amount"), "26 000:- kr/mån"),
    "accepted warnings": (("intervention", "accept_implausible"), ["costs[0].amount"]),
    "a catalogue table without key": (
        ("catalogue",),
        {"hvb": {"name": "HVB", "unit_cost": "4 500 kr/dygn", "price_year": 2023}},
    ),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_loader_accepted_variants_validate(name: str) -> None:
    path, value = VARIANTS[name]
    data = copy.deepcopy(example_data())
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    scenario_from_data(data)  # the loader accepts it
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []


def test_a_table_of_too_many_names_is_refused_early() -> None:
    data = example_data()
    data["scenarios"] = {"many": {f"effects[{i}].chang": 1 for i in range(MAX_LIST_ITEMS + 1)}}
    start = time.perf_counter()
    text = problems_of(data)
    assert f"more than the limit of {MAX_LIST_ITEMS}" in text
    assert "aliases" not in text
    assert time.perf_counter() - start < 2


def test_many_unknown_parameter_names_are_reported_in_linear_time() -> None:
    data = example_data()
    data["scenarios"] = {"many": {f"effects[{i}].chang": 1 for i in range(2_000)}}
    start = time.perf_counter()
    with pytest.raises(ScenarioError) as info:
        scenario_from_data(data)
    assert len(info.value.problems) == 2_000
    assert "did you mean 'effects[0].change'" in str(info.value.problems[0])
    assert time.perf_counter() - start < 5


def test_validate_shows_the_warnings(tmp_path: Path) -> None:
    path = tmp_path / "stor.toml"
    path.write_text(example_text().replace("intake = [30]", "intake = [1e12]"), "utf-8")
    code, out, _ = run_main("validate", path)
    assert code == 0
    assert "Varning: target_group.intake" in out
