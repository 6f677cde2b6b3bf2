"""Reading and writing: scenario files (TOML, YAML, JSON), output formats, Excel.

See :mod:`sociokalkyl.io.scenario` for the scenario file and
:mod:`sociokalkyl.io.formats` for Swedish number formats and report tables.
"""

from __future__ import annotations

from sociokalkyl.io.scenario import (
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
