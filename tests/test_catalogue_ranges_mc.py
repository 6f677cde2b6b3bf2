"""The consequence catalogue's ranges go into Monte Carlo by themselves; your own wins.

The shipped ``gymnasieexamen`` wage is an order of magnitude: ``range = [33 350, 133 400]``
around 66 700 kr/år, a triangle whose mean is (33 350 + 66 700 + 133 400) / 3 =
77 816,7 kr/år. Society's NPV of ``skolfam_utfall`` is linear in the wage (it adds to
``skolfam``'s NPV), so its Monte Carlo mean is the NPV at the triangle's mean:
``base + (point - base) * 77 816,7 / 66 700``.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.cli import main
from sociokalkyl.engine.outcome_log import outcome_ranges

NAME = "cost_items.gymnasieexamen-arbete.unit_cost"
TRIANGLE_MEAN = (33_350 + 66_700 + 133_400) / 3


@pytest.fixture(autouse=True)
def _swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)


def _expected_mean() -> float:
    base = sk.evaluate(*examples.load("skolfam")).npv
    point = sk.evaluate(*examples.load("skolfam_utfall")).npv
    return base + (point - base) * TRIANGLE_MEAN / 66_700


def _run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_simulate_draws_the_shipped_range_as_a_triangle_by_itself() -> None:
    intervention, settings = examples.load("skolfam_utfall")
    auto = sk.simulate(intervention, settings, {}, draws=4000, seed=2)
    assert auto.catalogue_ranges == (NAME,)
    assert auto.own_over_catalogue == ()
    assert auto.mean("npv") == pytest.approx(_expected_mean(), rel=0.03)
    # the same draws as passing the ranges by hand (each parameter has its own stream)
    by_hand = sk.simulate(intervention, settings, outcome_ranges(intervention), draws=4000, seed=2)
    assert np.array_equal(auto.npv, by_hand.npv)


def test_your_own_entry_for_the_parameter_wins() -> None:
    """A fixed 66 700 kr/år: every draw is the point NPV; a uniform: its mean, not 77 817."""
    intervention, settings = examples.load("skolfam_utfall")
    point = sk.evaluate(intervention, settings).npv
    fixed = sk.simulate(intervention, settings, {NAME: 66_700.0}, draws=100, seed=1)
    assert fixed.own_over_catalogue == (NAME,)
    assert fixed.catalogue_ranges == ()
    assert fixed.npv == pytest.approx(np.full(100, point), rel=1e-12)
    uniform = {NAME: {"kind": "uniform", "low": 60_000.0, "high": 70_000.0}}
    own = sk.simulate(intervention, settings, uniform, draws=4000, seed=2)
    base = sk.evaluate(*examples.load("skolfam")).npv
    assert own.mean("npv") == pytest.approx(base + (point - base) * 65_000 / 66_700, rel=0.01)


def test_the_ranges_can_be_left_out() -> None:
    intervention, settings = examples.load("skolfam_utfall")
    plain = sk.simulate(intervention, settings, {}, draws=50, seed=1, catalogue_ranges=False)
    assert plain.catalogue_ranges == ()
    assert plain.npv == pytest.approx(np.full(50, sk.evaluate(intervention, settings).npv))


def test_run_draws_the_range_and_says_so() -> None:
    """skolfam_utfall.toml has no [uncertainty]: --draws used to refuse it."""
    path = resources.files("sociokalkyl") / "examples" / "skolfam_utfall.toml"
    code, out, err = _run("run", str(path), "--draws", "4000", "--seed", "2", "--format", "json")
    assert code == 0, err
    simulation: dict[str, Any] = json.loads(out)["simulation"]
    assert simulation["catalogue_ranges"] == [NAME]
    assert simulation["npv_mean"] == pytest.approx(_expected_mean(), rel=0.03)
    code, out, err = _run("run", str(path), "--draws", "200", "--seed", "2")
    assert code == 0, err
    assert f"Monte Carlo drar också {NAME} ur konsekvenskatalogens spann" in out


def test_run_with_your_own_uncertainty_says_it_wins(tmp_path: Path) -> None:
    text = (resources.files("sociokalkyl") / "examples" / "skolfam_utfall.toml").read_text("utf-8")
    path = tmp_path / "egen.toml"
    path.write_text(text + f'\n[uncertainty]\n"{NAME}" = 66700\n', "utf-8")
    code, out, err = _run("run", path, "--draws", "100", "--format", "json")
    assert code == 0, err
    simulation = json.loads(out)["simulation"]
    assert simulation["own_over_catalogue"] == [NAME]
    assert "catalogue_ranges" not in simulation
    assert simulation["npv_std"] == pytest.approx(0.0, abs=1e-6)
    code, out, _ = _run("run", path, "--draws", "100")
    assert f"Din egen osäkerhet går före katalogens spann för {NAME}" in out


def test_the_assumption_log_states_the_range_and_the_rule() -> None:
    rows = sk.evaluate(*examples.load("skolfam_utfall")).assumptions()
    (row,) = [r for r in rows if r.name == "gymnasieexamen-arbete"]
    assert row.note is not None
    assert "Monte Carlo: triangelfördelning 33 350; 66 700; 133 400" in row.note
    assert "om inte din egen osäkerhet ([uncertainty], bladet Osäkerhet) anger" in row.note
