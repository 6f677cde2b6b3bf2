"""Reading and writing: scenario files (TOML, YAML, JSON), output formats, Excel.

See :mod:`sociokalkyl.scenario.read` for the scenario file and
:mod:`sociokalkyl.report.formats` for Swedish number formats and report tables.
"""

from __future__ import annotations

from sociokalkyl.scenario.read import (
    Problem,
    Scenario,
    ScenarioError,
    dump_scenario,
    dumps_scenario,
    json_schema,
    load_scenario,
    parse_scenario,
)

__all__ = [
    "Problem",
    "Scenario",
    "ScenarioError",
    "dump_scenario",
    "dumps_scenario",
    "json_schema",
    "load_scenario",
    "parse_scenario",
]
