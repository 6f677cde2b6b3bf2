"""Hypothesis profiles for the whole suite, and the fuzz suite's case counter.

Profiles (see docs/fuzzing.md), chosen with ``HYPOTHESIS_PROFILE``, else ``ci`` when the
environment variable ``CI`` is true (``.ci/run`` sets it), else ``dev``:

- ``dev``: 50 examples a property test, about 500 fuzz cases: quick while working.
- ``ci``: 200 examples a property test, at least 10 000 fuzz cases (checked at the end of
  the session when the whole fuzz suite ran), derandomised so that a failure in CI
  reproduces with ``HYPOTHESIS_PROFILE=ci``; no deadline (shared machines are slow).
- ``thorough``: 10 000 examples a property test, about 120 000 fuzz cases (an hour or
  more): before a release, or after touching the readers.

A test's own ``@settings`` must not set ``max_examples`` (it would not scale with the
profile); the fuzz tests take their number from :func:`fuzz_examples`.
"""

from __future__ import annotations

import os
import tempfile
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

PROFILES: dict[str, dict[str, Any]] = {
    "dev": {"max_examples": 50},
    "ci": {"max_examples": 200, "derandomize": True, "database": None, "print_blob": True},
    "thorough": {"max_examples": 10_000},
}
# Fuzz cases per unit of a fuzz test's weight (tests/test_fuzz_scenarios.py): the weights
# add up to a little over 50, so ``ci`` runs a little over 10 000 cases.
FUZZ_UNIT = {"dev": 10, "ci": 200, "thorough": 2_000}
FUZZ_MINIMUM_CI = 10_000

# Calculations read SCB's KPI years from the user's cache (`sociokalkyl priser
# uppdatera`); the tests use an empty cache of their own, never the developer's.
os.environ["SOCIOKALKYL_CACHE"] = tempfile.mkdtemp(prefix="sociokalkyl-test-cache-")

for _name, _options in PROFILES.items():
    settings.register_profile(
        _name,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        **_options,
    )


def profile_name() -> str:
    """The profile this session runs under (``HYPOTHESIS_PROFILE``, else ``CI``)."""
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    return "ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev"


PROFILE = profile_name()
settings.load_profile(PROFILE)


def fuzz_examples(weight: int) -> int:
    """Examples for a fuzz test of ``weight`` under the current profile.

    Never fewer than the profile's ``max_examples`` (every property test runs at least
    that many); an unknown (custom) profile counts as ``ci``.
    """
    unit = FUZZ_UNIT.get(PROFILE, FUZZ_UNIT["ci"])
    return max(int(settings.default.max_examples), weight * unit)


# --- the fuzz case counter ------------------------------------------------------------------
# A fuzz test counts each generated file with ``count_fuzz_case()``; the count of each test
# travels in its report's ``user_properties`` (so it also reaches the controller under
# pytest-xdist), and the session sums them.

_cases = {"now": 0}
_session = {"cases": 0, "seconds": 0.0, "passed": set(), "failed": False}
FUZZ_MODULE = "test_fuzz_scenarios.py"


def count_fuzz_case() -> None:
    """Count one generated or mutated file (called by the fuzz tests)."""
    _cases["now"] += 1


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    before = _cases["now"]
    yield
    if _cases["now"] > before:
        item.user_properties.append(("fuzz_cases", _cases["now"] - before))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" or FUZZ_MODULE not in report.nodeid:
        return
    for key, value in report.user_properties:
        if key == "fuzz_cases":
            _session["cases"] += int(value)
    if "::test_fuzz_" in report.nodeid:
        _session["seconds"] += report.duration
        if report.passed:
            _session["passed"].add(report.nodeid.split("::")[-1])
        else:
            _session["failed"] = True


def _fuzz_tests_expected() -> set[str]:
    from test_fuzz_scenarios import FUZZ_TESTS  # the module lists its counted tests

    return set(FUZZ_TESTS)


def pytest_sessionstart(session: pytest.Session) -> None:
    _session["start"] = time.perf_counter()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _session["passed"] and not _session["cases"]:
        return
    terminalreporter.write_line(
        f"fuzz: {_session['cases']} generated or mutated files in "
        f"{_session['seconds']:.0f} s of fuzz tests (profile {PROFILE})"
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under ``ci``, a complete passing fuzz run must have counted 10 000 cases."""
    if PROFILE != "ci" or _session["failed"] or hasattr(session.config, "workerinput"):
        return
    if not _session["passed"] or _session["passed"] != _fuzz_tests_expected():
        return  # the fuzz suite did not run (whole): -k, a file, or a failure
    if _session["cases"] < FUZZ_MINIMUM_CI:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            f"fuzz: only {_session['cases']} cases ran under the ci profile; "
            f"at least {FUZZ_MINIMUM_CI} are required (issue 15)",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
