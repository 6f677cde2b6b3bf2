"""The tornado swings the consequence catalogue's ranges too, as Monte Carlo draws them."""

from __future__ import annotations

import io
import math
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources

import pytest

from sociokalkyl import examples
from sociokalkyl.cli.main import main
from sociokalkyl.uncertainty.sensitivity import tornado

WAGE = "cost_items.gymnasieexamen-arbete.unit_cost"


def _triangle_quantile(level: float, low: float, mode: float, high: float) -> float:
    """The inverse of the triangular CDF, written out (not the library's)."""
    split = (mode - low) / (high - low)
    if level < split:
        return low + math.sqrt(level * (high - low) * (mode - low))
    return high - math.sqrt((1 - level) * (high - low) * (high - mode))


def test_the_shipped_wage_range_swings_from_its_triangle_quantiles() -> None:
    # gymnasieexamen: 66 700 kr/år, range = [33 350, 133 400] (an order of magnitude)
    result = tornado(*examples.load("skolfam_utfall"), {})
    (row,) = [r for r in result.rows if r.parameter == WAGE]
    # by hand: q10 = 33 350 + sqrt(0,1 x 100 050 x 33 350) = 51 616,55 kr/år
    assert row.low_value == pytest.approx(_triangle_quantile(0.1, 33_350, 66_700, 133_400))
    assert row.low_value == pytest.approx(51_616.55, abs=0.01)
    assert row.high_value == pytest.approx(_triangle_quantile(0.9, 33_350, 66_700, 133_400))
    assert row.npv_low < result.base_npv < row.npv_high  # more wage, more value


def test_your_own_entry_wins_and_the_ranges_can_be_left_out() -> None:
    own = {WAGE: {"kind": "uniform", "low": 60_000, "high": 70_000}}
    (row,) = tornado(*examples.load("skolfam_utfall"), own).rows
    assert row.low_value == pytest.approx(61_000)  # 10 % of the way from 60 000 to 70 000
    assert tornado(*examples.load("skolfam_utfall"), {}, catalogue_ranges=False).rows == ()


def test_the_command_runs_on_a_file_whose_only_range_is_the_catalogues() -> None:
    path = resources.files("sociokalkyl") / "examples" / "skolfam_utfall.toml"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["tornado", str(path)])
    assert code == 0, err.getvalue()
    assert "Konsekvenskatalogens spann (triangelfördelning) gäller för" in out.getvalue()
    assert "51 616,55 kr/år" in out.getvalue()
