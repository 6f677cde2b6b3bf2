"""Prices that stay current: a user's years extend a shipped index (issue 13).

Hand calculations: KPI 1980 = 100 (SCB, shipped) has 2012 = 314.20, 2023 = 403.70. The
user adds the yearly changes 2024: 2.8 % and 2025: 0.8 % (test figures typed as a
controller would). Then

* 2023 -> 2025: 1.028 * 1.008 = 1.036224
* 2012 -> 2025: 403.70 / 314.20 * 1.036224 = 1.284850 * 1.036224 = 1.331393
"""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import sociokalkyl as sk
from sociokalkyl.errors import InputError, PriceYearError
from sociokalkyl.money import SeriesPart, YearOrigin, combine, kpi, opi, resolve_index
from sociokalkyl.scenario.read import scenario_from_data

KPI_2024_2025 = {2024: 2.8, 2025: 0.8}
SOURCE = "SCB, KPI årsmedeltal (kommunens uppgift)"


def _settings(**series: object) -> sk.Settings:
    return sk.Settings(
        base_year=2025,
        price_year=2025,
        horizon=3,
        discount_rate=0.0,
        price_indices={"KPI": {"source": SOURCE, **series}},
    )


def _intervention(unit_cost: str, price_year: int) -> sk.Intervention:
    return sk.Intervention(
        name="Test",
        target_group={"name": "Deltagare", "intake": [10]},
        cost_items=[
            {"key": "hvb", "name": "HVB", "unit_cost": unit_cost, "price_year": price_year}
        ],
        baseline=[{"cost_item": "hvb", "use": "10 dygn/år"}],
        effects=[{"cost_item": "hvb", "change": -0.5, "duration_years": 1}],
        costs=[{"name": "Insats", "kind": "one_off", "amount": "1 000 kr"}],
    )


def test_price_year_2025_with_user_kpi_years_added_to_the_shipped_series() -> None:
    settings = _settings(changes_percent=KPI_2024_2025)
    index = settings.price_index("KPI")
    # shipped years unchanged, to the bit
    assert index.levels[2012] == 314.20
    assert index.levels[2023] == 403.70
    assert index.factor(2023, 2025) == pytest.approx(1.028 * 1.008)
    assert index.factor(2012, 2025) == pytest.approx(403.70 / 314.20 * 1.028 * 1.008)
    # 10 participants x 10 days x 50 % = 50 days avoided in year 0;
    # 1 000 kr/dygn in 2012 prices = 1 000 * 1.331393 = 1 331.39 kr/dygn in 2025 prices;
    # 50 * 1 331.39 = 66 569.6 kr
    result = sk.evaluate(_intervention("1 000 kr/dygn", 2012), settings)
    assert result.pv_avoided == pytest.approx(50 * 1000 * 403.70 / 314.20 * 1.028 * 1.008)
    assert result.pv_avoided == pytest.approx(66_569.6, abs=0.1)
    row = result.assumptions()[0]
    assert row.factor == pytest.approx(1.331393, rel=1e-6)


SCENARIO_2025 = f"""
[settings]
base_year = 2025
price_year = 2025
horizon = 3
discount_rate = 0.0

[settings.price_indices.KPI]
source = "{SOURCE}"
changes_percent = {{2024 = 2.8, 2025 = 0.8}}

[intervention]
name = "Test"
[intervention.target_group]
name = "Deltagare"
intake = [10]
[[intervention.cost_items]]
key = "hvb"
name = "HVB"
unit_cost = "1 000 kr/dygn"
price_year = 2023
[[intervention.baseline]]
cost_item = "hvb"
use = "10 dygn/år"
[[intervention.effects]]
cost_item = "hvb"
change = -0.5
duration_years = 1
[[intervention.costs]]
name = "Insats"
kind = "one_off"
amount = "1 000 kr"
"""


def test_the_same_from_a_toml_scenario() -> None:
    scenario = scenario_from_data(tomllib.loads(SCENARIO_2025))
    result = sk.evaluate(scenario.intervention, scenario.settings)
    # 50 days x 1 000 kr x 1.036224 = 51 811.2 kr
    assert result.pv_avoided == pytest.approx(51_811.2)


def test_without_the_users_years_2025_is_an_error_that_says_how_to_add_it() -> None:
    settings = sk.Settings(base_year=2025, price_year=2025, horizon=3)
    with pytest.raises(PriceYearError) as info:
        sk.evaluate(_intervention("1 000 kr/dygn", 2023), settings)
    message = str(info.value)
    assert "2025" in message
    assert "changes_percent" in message
    assert "sociokalkyl priser uppdatera" in message


def test_shipped_years_win_and_a_different_value_is_refused_not_dropped() -> None:
    # 2023 shipped: 403.70 / 371.91 - 1 = 8.548 %; the user's 3.0 % would be ignored
    with pytest.raises(ValidationError, match=r"changes_percent\[2023\].*differs"):
        _settings(changes_percent={2023: 3.0, 2024: 2.8})
    # the published rounding (8.5 %) agrees, and the shipped value is used
    index = _settings(changes_percent={2023: 8.5, 2024: 2.8}).price_index("KPI")
    assert index.levels[2023] == 403.70
    assert index.origin(2023).kind == "shipped"
    assert index.origin(2024).kind == "user"


def test_override_lets_the_users_years_win() -> None:
    index = _settings(changes_percent={2023: 3.0}, mode="override").price_index("KPI")
    # 2023 = 371.91 * 1.03 = 383.0673
    assert index.levels[2023] == pytest.approx(383.0673)
    assert index.origin(2023).kind == "user"


def test_replace_uses_the_users_series_alone() -> None:
    index = _settings(levels={2020: 100, 2025: 110}, mode="replace").price_index("KPI")
    assert index.years == [2020, 2025]
    assert index.factor(2020, 2025) == pytest.approx(1.1)


def test_levels_on_another_base_are_refused_where_they_join() -> None:
    # 2024 = 100 (KPI2020 base, say) next to the shipped 2023 = 403.70: ratio 0.25
    with pytest.raises(ValidationError, match=r"another base") as info:
        _settings(levels={2024: 100.0})
    assert 'mode = "replace"' in str(info.value)
    with pytest.raises(InputError, match=r"another base") as api:  # the same from the API
        resolve_index("KPI", SeriesPart(YearOrigin("user", "x"), levels={2024: 100.0}))
    assert "annan bas" in api.value.message.sv  # worded in both languages where raised
    # on the shipped base, a level extends it: 2024 = 415.0 -> 415.0 / 403.70
    index = _settings(levels={2024: 415.0}).price_index("KPI")
    assert index.factor(2023, 2024) == pytest.approx(415.0 / 403.70)


def test_opi_gap_filled_by_a_users_2022_reaches_2023_and_beyond() -> None:
    # shipped OPI: 2021 +1.5 %, 2022 missing, 2023 +4.6 %. The user's 2022: +3.0 %,
    # 2024: +4.0 %. 2021 -> 2024 = 1.030 * 1.046 * 1.040 = 1.1204352
    settings = sk.Settings(
        base_year=2025,
        price_year=2024,
        horizon=3,
        price_indices={
            "OPI": {
                "source": "SKR cirkulär (kommunens uppgift)",
                "changes_percent": {2022: 3.0, 2024: 4.0},
            },
        },
    )
    index = settings.price_index("OPI")
    assert index.factor(2021, 2024) == pytest.approx(1.030 * 1.046 * 1.040)
    # shipped years keep their factor: 2015 -> 2021 as shipped
    assert index.factor(2015, 2021) == pytest.approx(opi().factor(2015, 2021), rel=1e-15)
    assert [index.origin(y).kind for y in (2021, 2022, 2023, 2024)] == [
        "shipped", "user", "shipped", "user",
    ]  # fmt: skip


def test_opi_without_2022_cannot_reach_2023_and_the_error_shows_the_line_to_add() -> None:
    with pytest.raises(PriceYearError) as info:
        opi().factor(2020, 2023)
    message = str(info.value)
    assert "[settings.price_indices.OPI]" in message
    assert "2022" in message


def test_opi_levels_from_the_user_become_changes() -> None:
    # levels 2021: 100, 2022: 103 -> a change of 3 % in 2022
    mine = SeriesPart(YearOrigin("user", "egen"), levels={2021: 100.0, 2022: 103.0})
    index = resolve_index("OPI", mine, use_cache=False)
    assert index.factor(2021, 2023) == pytest.approx(1.03 * 1.046)


def test_no_added_years_give_the_shipped_object_itself() -> None:
    assert resolve_index("KPI") is kpi()
    assert sk.Settings(base_year=2024, price_year=2023, horizon=2).price_index("OPI") is opi()


def test_a_change_of_minus_100_percent_or_less_is_refused() -> None:
    with pytest.raises(InputError, match="valid yearly change"):
        combine("x", [SeriesPart(YearOrigin("user", "s"), changes_percent={2024: -100.0})], "s")


def test_a_user_change_with_no_year_before_starts_its_own_chain() -> None:
    # KPI ends 2023; a change for 2026 alone cannot be joined to it
    index = _settings(changes_percent={2026: 2.0}).price_index("KPI")
    assert index.factor(2025, 2026) == pytest.approx(1.02)
    with pytest.raises(PriceYearError, match="gap"):
        index.factor(2023, 2026)


def test_mode_is_checked() -> None:
    with pytest.raises(ValidationError, match="mode"):
        _settings(changes_percent=KPI_2024_2025, mode="ersätt")


def test_golden_example_is_unchanged_by_extension() -> None:
    # the shipped years win, so a file that adds 2024 gives the same 2023-priced result
    intervention, settings = sk.examples.servicetrainee()
    series = sk.model.PriceSeries(source=SOURCE, changes_percent={2024: 2.8})
    extended = settings.model_copy(update={"price_indices": {"KPI": series}})
    assert sk.evaluate(intervention, extended).npv == sk.evaluate(intervention, settings).npv


def test_the_assumption_log_says_which_index_years_came_from_whom() -> None:
    from sociokalkyl.report.assumptions import assumption_cells, format_assumption_log

    settings = _settings(changes_percent=KPI_2024_2025)
    result = sk.evaluate(_intervention("1 000 kr/dygn", 2012), settings)
    row = result.assumptions()[0]
    ((years, origin),) = row.index_origins
    assert (years, origin.kind, origin.source) == ("2024-2025", "user", SOURCE)
    expected = f"KPI 2024-2025: användarens egna år ({SOURCE})"
    assert expected in assumption_cells(row)[1]
    assert expected in format_assumption_log(result)
    assert "KPI 2024-2025: the user's own years" in format_assumption_log(result, "en")


def test_rows_that_used_shipped_years_only_say_nothing_new() -> None:
    intervention, settings = sk.examples.servicetrainee()
    result = sk.evaluate(intervention, settings)
    assert all(row.index_origins == () for row in result.assumptions())


@given(
    st.dictionaries(
        st.integers(2024, 2035),
        st.floats(-20, 30, allow_nan=False, allow_infinity=False),
        min_size=1,
    )
)
def test_added_years_never_move_a_shipped_factor(changes: dict[int, float]) -> None:
    # whatever years after 2023 a user adds, a factor between shipped years is the
    # shipped one to the bit, and 2023 -> a year of an unbroken run is the product
    index = _settings(changes_percent=changes).price_index("KPI")
    shipped = kpi()
    for a, b in ((2006, 2023), (2012, 2023), (2022, 2023)):
        assert index.factor(a, b) == shipped.factor(a, b)
    year, product = 2024, 1.0
    while year in changes:
        product *= 1 + changes[year] / 100
        assert index.factor(2023, year) == pytest.approx(product, rel=1e-12)
        year += 1


def test_a_differing_year_in_a_toml_file_names_its_line() -> None:
    from sociokalkyl.scenario.read import ScenarioError, parse_scenario

    text = SCENARIO_2025.replace("{2024 = 2.8, 2025 = 0.8}", "{2023 = 3.0, 2024 = 2.8}")
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "toml", file="kalkyl.toml")
    message = str(info.value)
    lines = text.splitlines()
    line = next(n for n, t in enumerate(lines, 1) if t.startswith("changes_percent"))
    assert f"kalkyl.toml:{line}: settings.price_indices.KPI.changes_percent[2023]" in message
    assert "differs from the shipped value 8.5478" in message
