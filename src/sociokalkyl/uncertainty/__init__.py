"""Uncertainty: distributions over parameters, Monte Carlo, sensitivity, break-even, scenarios.

>>> import sociokalkyl.uncertainty as unc
>>> from sociokalkyl import examples
>>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
>>> mc = unc.simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=1000, seed=7)
>>> mc.draws
1000

See ``docs/uncertainty.md``.
"""

from __future__ import annotations

from sociokalkyl.uncertainty.distributions import (
    Beta,
    Distribution,
    Empirical,
    Fixed,
    LogNormal,
    Normal,
    Pert,
    Triangular,
    Uniform,
    as_distribution,
    normal_cdf,
    normal_ppf,
)
from sociokalkyl.uncertainty.sensitivity import (
    BreakEven,
    ScenarioTable,
    Tornado,
    TornadoRow,
    break_even,
    compare_scenarios,
    tornado,
)
from sociokalkyl.uncertainty.simulate import simulate
from sociokalkyl.uncertainty.simulation_result import SimulationResult
from sociokalkyl.uncertainty.spec import Uncertainty, sample_parameters

__all__ = [
    "Beta",
    "BreakEven",
    "Distribution",
    "Empirical",
    "Fixed",
    "LogNormal",
    "Normal",
    "Pert",
    "ScenarioTable",
    "SimulationResult",
    "Tornado",
    "TornadoRow",
    "Triangular",
    "Uncertainty",
    "Uniform",
    "as_distribution",
    "break_even",
    "compare_scenarios",
    "normal_cdf",
    "normal_ppf",
    "sample_parameters",
    "simulate",
    "tornado",
]
