"""Scenario files: reading and writing TOML, YAML and JSON, and the Excel template.

See :mod:`sociokalkyl.scenario.read` for the scenario file, :mod:`~sociokalkyl.scenario.problems`
for problems with file, line and field, and :mod:`~sociokalkyl.scenario.excel` for the
template a controller fills in.
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
