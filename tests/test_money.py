"""Money: price indices and rebasing, by hand and as properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociokalkyl.errors import InputError, PriceYearError
from sociokalkyl.money import PriceIndex, kpi, opi, price_index, read_index_csv, rebase

KPI = kpi()


def test_kpi_factor_by_hand() -> None:
    # SCB KPI 1980=100: 2012 = 314.20, 2023 = 403.70
    assert KPI.factor(2012, 2023) == pytest.approx(403.70 / 314.20)
    assert rebase(7149.0, 2012, 2023) == pytest.approx(7149.0 * 403.70 / 314.20)
    assert KPI.source.startswith("SCB")


def test_opi_is_chained_from_yearly_changes() -> None:
    # OPI 2015 -> 2021: 1.026 * 1.027 * 1.026 * 1.027 * 1.030 * 1.015
    expected = 1.026 * 1.027 * 1.026 * 1.027 * 1.030 * 1.015
    assert opi().factor(2015, 2021) == pytest.approx(expected)
    assert opi().factor(2021, 2015) == pytest.approx(1 / expected)
    assert opi().factor(2022, 2023) == pytest.approx(1.046)


def test_opi_gap_in_2022_is_an_error_not_a_guess() -> None:
    with pytest.raises(PriceYearError) as info:
        opi().factor(2021, 2023)
    assert "gap" in str(info.value)
    assert "2014-2021 and 2022-2023" in str(info.value)


def test_year_outside_the_series_names_the_year_and_range() -> None:
    with pytest.raises(PriceYearError) as info:
        rebase(100.0, 2005, 2023)
    message = str(info.value)
    assert "2005" in message
    assert "2006-2023" in message


def test_user_series(tmp_path: Path) -> None:
    path = tmp_path / "egen.csv"
    path.write_text("# kommunens egen serie\nyear,level\n2020,100\n2021,104\n", encoding="utf-8")
    index = read_index_csv(path, "egen", "kommunen")
    assert rebase(1000.0, 2020, 2021, index) == pytest.approx(1040.0)
    bad = tmp_path / "bad.csv"
    bad.write_text("year,value\n2020,100\n", encoding="utf-8")
    with pytest.raises(InputError, match="year,level"):
        read_index_csv(bad, "bad", "x")


def test_unknown_index_name() -> None:
    with pytest.raises(InputError, match='"KPI" or "OPI"'):
        price_index("PPI")


def test_invalid_levels() -> None:
    with pytest.raises(InputError, match="positive"):
        PriceIndex.from_levels("x", {2020: 0.0}, "test")
    with pytest.raises(InputError, match="above -100"):
        PriceIndex.from_changes("x", {2020: -100.0}, "test")


years = st.sampled_from(KPI.years)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), years, years)
def test_rebase_round_trip(amount: float, a: int, b: int) -> None:
    assert rebase(rebase(amount, a, b), b, a) == pytest.approx(amount, rel=1e-12, abs=1e-9)


@given(years, years, years)
def test_factors_chain(a: int, b: int, c: int) -> None:
    assert KPI.factor(a, b) * KPI.factor(b, c) == pytest.approx(KPI.factor(a, c), rel=1e-12)
