"""Units: Swedish number parsing, the 365-day year, quantity types in models."""

from __future__ import annotations

import json

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from sociokalkyl.errors import UnitError
from sociokalkyl.units import (
    MoneyPerTime,
    UnitCost,
    format_quantity,
    parse_number,
    parse_quantity,
    parse_share,
    to_float,
    ureg,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 000", 12_000.0),
        ("12\u00a0000", 12_000.0),  # no-break space, as Excel writes it
        ("12\u202f000", 12_000.0),  # narrow no-break space
        ("1 234 567,5", 1_234_567.5),
        ("4 500,50", 4_500.5),
        ("12,5", 12.5),
        ("0,035", 0.035),
        ("0.035", 0.035),
        ("12000", 12_000.0),
        ("12,000.5", 12_000.5),
        ("12.000,5", 12_000.5),
        ("1,234,567", 1_234_567.0),
        ("-2,5", -2.5),
        ("\u22122,5", -2.5),  # the typographic minus sign
        ("1e3", 1_000.0),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["12,000", "12.000", "1.500", "12 00", "1,2,3", "abc", "", "1 2345", "inf", "nan"]
)
def test_parse_number_rejects_ambiguous_or_bad_text(text: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_number(text, field="amount")
    assert "amount" in str(info.value)
    assert "expected" in str(info.value)


def test_ambiguous_comma_or_point_shows_both_readings() -> None:
    with pytest.raises(UnitError, match='"12 000" for thousands or "12,0" for a decimal'):
        parse_number("12,000")
    with pytest.raises(UnitError, match='"1 500" for thousands or "1,5" for a decimal'):
        parse_quantity("1.500 kr/mån")
    assert parse_number("0.035") == 0.035  # a leading zero is never a thousands group
    assert parse_number("12.0005") == 12.0005


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12 000 kr/mån", "SEK/year", 144_000.0),
        ("4 500 kr/dygn", "SEK/year", 1_642_500.0),  # 365 days, not pint's 365.25
        ("5 000 SEK/day", "SEK/year", 1_825_000.0),
        ("1,2 mnkr/år", "SEK/year", 1_200_000.0),
        ("250 tkr", "SEK", 250_000.0),
        ("12000 SEK/month", "SEK/year", 144_000.0),
        ("9 135 kr/hushåll/mån", "SEK/year", 109_620.0),
        ("2,5 tim/vecka", "hour/year", 2.5 * 365 / 7),
        ("7 mån/år", "dimensionless", 7 / 12),
        ("49 %", "dimensionless", 0.49),
        ("0,05 /år", "1/year", 0.05),
        ("3 500 kr per vecka", "SEK/week", 3_500.0),
    ],
)
def test_parse_quantity(text: str, unit: str, expected: float) -> None:
    assert to_float(parse_quantity(text), unit) == pytest.approx(expected, rel=1e-12)


def test_pint_would_misread_swedish_numbers_but_we_do_not() -> None:
    # the pitfall documented in shared/reference: pint reads "12 000" as 12 x 000 = 0
    assert ureg.Quantity("12 000 SEK").magnitude == 0
    assert parse_quantity("12 000 SEK").magnitude == 12_000


def test_mapping_and_quantity_input() -> None:
    assert parse_quantity({"value": "9 135", "unit": "kr/mån"}).magnitude == 9_135.0
    assert parse_quantity({"value": 9135, "unit": "kr/mån"}).magnitude == 9_135.0
    quantity = ureg.Quantity(3.0, "SEK/day")
    assert parse_quantity(quantity) is quantity
    other = pint.UnitRegistry()
    assert parse_quantity(other.Quantity(3.0, "day")).to("hour").magnitude == 72.0


@pytest.mark.parametrize(
    "value", ["12 foo", {"value": 1}, {"value": 1, "unit": 5}, True, None, float("nan")]
)
def test_parse_quantity_errors_name_the_field(value: object) -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity(value, field="costs[0].amount")
    assert "costs[0].amount" in str(info.value)


def test_wrong_dimension_names_field_value_and_expectation() -> None:
    with pytest.raises(UnitError) as info:
        to_float(parse_quantity("4 500 kr"), "SEK/year", field="cost_items.hvb.unit_cost")
    message = str(info.value)
    assert "cost_items.hvb.unit_cost" in message
    assert "4500 SEK" in message
    assert "SEK/year" in message


def test_parse_share() -> None:
    assert parse_share("49 %") == pytest.approx(0.49)
    assert parse_share("-2,5 %") == pytest.approx(-0.025)
    with pytest.raises(UnitError):
        parse_share("5 kr")


class _Item(BaseModel):
    cost: UnitCost
    flow: MoneyPerTime


def test_pydantic_quantity_types_validate_and_round_trip_json() -> None:
    item = _Item(cost="4 500 kr/dygn", flow={"value": "1,2", "unit": "mnkr/år"})
    data = json.loads(item.model_dump_json())
    assert data == {"cost": "4500 SEK / day", "flow": "1.2 mnkr / year"}
    again = _Item.model_validate(data)
    assert to_float(again.flow, "SEK/year") == 1_200_000.0
    assert to_float(again.cost, "SEK/day") == 4_500.0


def test_pydantic_wrong_dimension_is_a_validation_error_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        _Item(cost="4 500 kr", flow="4 500 kr")
    text = str(info.value)
    assert "flow" in text
    assert "money per time" in text
    assert "12 000 kr/mån" in text  # the example of what was expected


def test_json_schema_shows_an_example() -> None:
    schema = _Item.model_json_schema()
    assert "4 500 kr/dygn" in json.dumps(schema, ensure_ascii=False)


@pytest.mark.parametrize("magnitude", [123.456, -1.5, 999.999, 0.125, 1e-7, 1e20])
def test_format_quantity_round_trips_three_decimals(magnitude: float) -> None:
    quantity = ureg.Quantity(magnitude, "SEK/day")
    assert parse_quantity(format_quantity(quantity)).magnitude == magnitude


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_format_quantity_round_trips(magnitude: float) -> None:
    quantity = ureg.Quantity(magnitude, "SEK/month")
    again = parse_quantity(format_quantity(quantity))
    assert again.magnitude == magnitude
    assert again.units == quantity.units


@given(st.integers(min_value=0, max_value=10**12))
def test_swedish_thousands_round_trip(number: int) -> None:
    swedish = f"{number:,}".replace(",", " ")
    assert parse_number(swedish) == number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_comma_round_trip(whole: int, cents: int) -> None:
    swedish = f"{whole:,}".replace(",", " ") + f",{cents:02d}"
    assert parse_number(swedish) == pytest.approx(whole + cents / 100, rel=1e-15)


def test_package_reexports_every_submodule_name() -> None:
    import importlib

    import sociokalkyl.units as units

    for name in ("registry", "parse", "convert", "types"):
        module = importlib.import_module(f"sociokalkyl.units.{name}")
        for public in module.__all__:
            assert public in units.__all__, f"units.{name}.{public} is not re-exported"
            assert getattr(units, public) is getattr(module, public)
    assert sorted(units.__all__) == sorted(set(units.__all__))


@given(st.decimals(min_value=-100, max_value=100, places=4, allow_nan=False, allow_infinity=False))
def test_a_percent_reads_as_the_decimal_it_was_written_as(number: object) -> None:
    """ "31,42 %" is the float 0.3142, not pint's 31.42 * 0.01 = 0.31420000000000003.

    A share written as a percent in a scenario file and as a share in a template cell (as
    `konvertera` writes it) must be the same float, or the round trip changes the model.
    """
    from decimal import Decimal

    assert isinstance(number, Decimal)
    text = f"{number} %".replace(".", ",")
    assert parse_share(text) == float(number / 100)
    assert parse_share("31,42 %") == 0.3142  # 31.42 * 0.01 would be 0.31420000000000003
