"""Scenario cases an economist can write without Python: every ``tests/cases/*.toml``.

A case file is a scenario file (``[settings]``, ``[intervention]``, ...) or names a
bundled example (``example = "skolfam"``), plus an ``[expected]`` table of headline
numbers with a tolerance. The format is described for economists in
``tests/cases/README.md``; adding a file adds a test.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.analysis.result import Result
from sociokalkyl.scenario.read import Scenario, catalogue_for, scenario_from_data

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(CASES_DIR.glob("*.toml"))

QUANTITIES = (
    "npv",
    "pv_costs",
    "pv_avoided",
    "benefit_cost_ratio",
    "irr",
    "payback",
    "payback_discounted",
)
"""Numbers a case may expect, by the name of the :class:`Result` attribute."""

EXPECTED_KEYS = {*QUANTITIES, "npv_by_payer", "tolerance", "relative_tolerance"}
NONE = "none"
"""How a case writes "not within the horizon" / "no answer" (TOML has no null)."""


class Case:
    """One case file: its scenario, the expected numbers and their tolerances."""

    def __init__(self, path: Path) -> None:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
        expected = data.pop("expected", None)
        assert isinstance(expected, dict), f"{path.name}: needs an [expected] table"
        self.name = path.name
        self.expected: dict[str, Any] = expected
        for key in expected:
            close = difflib.get_close_matches(key, sorted(EXPECTED_KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            assert key in EXPECTED_KEYS, f"{path.name}: unknown [expected] key {key!r}{hint}"
        self.absolute, self.relative = self._tolerances()
        data.pop("description", None)
        example = data.pop("example", None)
        if example is not None:
            assert not data, f"{path.name}: names an example and holds a scenario: one or other"
            self.scenario: Scenario = examples.scenario(example)
        else:
            self.scenario = scenario_from_data(data, file=path.name, text=text)

    def _tolerances(self) -> tuple[dict[str, float], float]:
        absolute = self.expected.get("tolerance", 0.0)
        relative = float(self.expected.get("relative_tolerance", 0.0))
        assert "tolerance" in self.expected or "relative_tolerance" in self.expected, (
            f"{self.name}: [expected] needs a tolerance (absolute) or relative_tolerance"
        )
        if isinstance(absolute, dict):
            return {key: float(value) for key, value in absolute.items()}, relative
        return {key: float(absolute) for key in (*QUANTITIES, "npv_by_payer")}, relative

    def check(self, what: str, got: float, want: float | str, quantity: str) -> None:
        """``got`` is ``want`` within the case's tolerance (or both are "none")."""
        if want == NONE:
            assert math.isnan(got), f"{self.name}: {what} is {got}, expected none"
            return
        assert isinstance(want, int | float), f"{self.name}: {what} = {want!r} is not a number"
        allowed = max(self.absolute.get(quantity, 0.0), self.relative * abs(want))
        assert abs(got - want) <= allowed, (
            f"{self.name}: {what} is {got!r}, expected {want!r} +- {allowed:g}"
        )

    def check_result(self, result: Result) -> None:
        """Every expected number of the case against ``result``."""
        for quantity in QUANTITIES:
            if quantity in self.expected:
                got = float(getattr(result, quantity))
                self.check(quantity, got, self.expected[quantity], quantity)
        by_payer = self.expected.get("npv_by_payer")
        if by_payer is not None:
            got_by_payer = result.npv_by_payer
            assert set(got_by_payer) == set(by_payer), (
                f"{self.name}: payers {sorted(got_by_payer)}, expected {sorted(by_payer)}"
            )
            for payer, want in by_payer.items():
                self.check(f"npv_by_payer.{payer}", got_by_payer[payer], want, "npv_by_payer")


def evaluate_case(case: Case) -> Result:
    scenario = case.scenario
    return evaluate(scenario.intervention, scenario.settings, catalogue=catalogue_for(scenario))


def run_case(path: Path) -> None:
    """Read the case file at ``path``, evaluate it and check every expected number."""
    case = Case(path)
    case.check_result(evaluate_case(case))


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_case(path: Path) -> None:
    run_case(path)


def test_the_seed_cases_are_there() -> None:
    names = {path.stem for path in CASES}
    assert {f"example_{name}" for name in examples.NAMES} <= names
    assert {
        "hand_one_participant_five_years",
        "green_book_schedule",
        "two_payers_kommun_and_region",
    } <= names
    assert (CASES_DIR / "README.md").is_file()


def test_a_case_that_is_off_fails(tmp_path: Path) -> None:
    """The runner is not vacuous: 1 kr off, a payer too many or a wrong "none" fails."""
    source = (CASES_DIR / "hand_one_participant_five_years.toml").read_text("utf-8")
    assert "npv = 8038.48\n" in source
    for change, message in (
        (("npv = 8038.48\n", "npv = 8039.48\n"), "npv is"),
        (("{ kommun = 8038.48 }", "{ kommun = 8038.48, region = 0.0 }"), "payers"),
        (("payback = 2.3333\n", 'payback = "none"\n'), "expected none"),
        (("tolerance = 0.01 ", "tolerans = 0.01 "), "did you mean 'tolerance'"),
    ):
        path = tmp_path / "off.toml"
        path.write_text(source.replace(*change), "utf-8")
        with pytest.raises(AssertionError, match=message):
            run_case(path)
