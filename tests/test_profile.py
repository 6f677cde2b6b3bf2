"""engine.effect_profile: hand values, the formula of DESIGN.md, and its use in project()."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sociokalkyl as sk
from sociokalkyl.engine import compile_plan, effect_profile, project


def test_ramp_drop_off_and_duration_by_hand() -> None:
    # ramp(k) = min(1, (k+1)/2): 0.5, 1, 1, 1; (1 - 0.1)^k: 1, 0.9, 0.81, 0.729; ends at k = 4
    profile = effect_profile(np.arange(-1, 6), ramp_years=2, duration=4, drop_off=0.1)
    assert profile == pytest.approx([0.0, 0.5, 0.9, 0.81, 0.729, 0.0, 0.0], rel=1e-15)


def test_a_three_year_ramp_reaches_the_full_effect_in_its_third_year() -> None:
    profile = effect_profile(np.arange(5), ramp_years=3)
    assert profile == pytest.approx([1 / 3, 2 / 3, 1.0, 1.0, 1.0], rel=1e-15)


@pytest.mark.parametrize("ramp_years", [0, 1])
def test_no_ramp_and_no_end_is_one_from_year_zero(ramp_years: int) -> None:
    profile = effect_profile([-2, -1, 0, 1, 50], ramp_years=ramp_years)
    assert profile.tolist() == [0.0, 0.0, 1.0, 1.0, 1.0]


def test_a_full_drop_off_leaves_only_the_first_year() -> None:
    assert effect_profile(np.arange(4), drop_off=1.0).tolist() == [1.0, 0.0, 0.0, 0.0]


def test_drop_off_over_draws_gives_one_column_per_draw() -> None:
    drop = np.array([0.0, 0.2, 0.5])
    profile = effect_profile(np.arange(3), ramp_years=2, drop_off=drop)
    assert profile.shape == (3, 3)  # (years, draws)
    for d, rate in enumerate(drop):
        assert np.array_equal(profile[:, d], effect_profile(np.arange(3), ramp_years=2,
                                                            drop_off=rate))  # fmt: skip


def _by_the_formula(k: int, ramp_years: int, duration: int | None, drop_off: float) -> float:
    """DESIGN.md, one k at a time: 0 outside [0, duration), else ramp(k) (1 - d)^k."""
    if k < 0 or (duration is not None and k >= duration):
        return 0.0
    ramp = min(1.0, (k + 1) / ramp_years) if ramp_years > 1 else 1.0
    return ramp * (1.0 - drop_off) ** k


@settings(deadline=None)  # examples: the profile's (tests/conftest.py)
@given(
    ramp_years=st.integers(0, 8),
    duration=st.none() | st.integers(1, 12),
    drops=st.lists(st.floats(0.0, 1.0), min_size=1, max_size=5),
)
def test_profile_is_the_formula_of_the_design(
    ramp_years: int, duration: int | None, drops: list[float]
) -> None:
    ks = np.arange(-3, 16)
    profile = effect_profile(ks, ramp_years=ramp_years, duration=duration, drop_off=drops)
    assert profile.shape == (ks.size, len(drops))
    for d, drop in enumerate(drops):
        expected = [_by_the_formula(int(k), ramp_years, duration, drop) for k in ks]
        assert profile[:, d] == pytest.approx(expected, rel=1e-14, abs=1e-300)


def test_project_applies_the_profile_from_each_cohorts_start() -> None:
    """A relative effect avoids size x profile(t - c - lag) of the baseline, per cohort."""
    effect = {"cost_item": "x", "change": -0.4, "start_lag": 1, "ramp_up_years": 3,
              "duration_years": 4, "drop_off": 0.15}  # fmt: skip
    intervention = sk.Intervention(
        name="Profil",
        target_group={"name": "D", "intake": [10, 0, 5]},
        cost_items=[{"key": "x", "name": "X", "unit_cost": "1 000 kr/mån", "price_year": 2023}],
        baseline=[{"cost_item": "x", "use": "6 mån/år"}],
        effects=[effect],
        costs=[{"name": "Insats", "kind": "one_off", "amount": "1 kr"}],
    )
    settings_ = sk.Settings(base_year=2024, price_year=2023, horizon=9, discount_rate=0.0)
    plan = compile_plan(intervention, settings_)
    avoided = project(plan, plan.values()).avoided[0, :, 0]
    per_participant = 0.4 * 6 * 1000  # kr a year at the full effect
    years = np.arange(9)
    kwargs = {"ramp_years": 3, "duration": 4, "drop_off": 0.15}
    expected = per_participant * (
        10 * effect_profile(years - 1, **kwargs) + 5 * effect_profile(years - 2 - 1, **kwargs)
    )
    assert avoided == pytest.approx(expected, rel=1e-12)
