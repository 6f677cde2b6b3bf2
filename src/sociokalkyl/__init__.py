"""sociokalkyl: socio-economic cost-benefit calculation of social investments.

The functional core (numpy-financial style, vectorised over leading axes)::

    >>> import sociokalkyl as sk
    >>> float(sk.npv(0.035, [-100, 30, 30, 30, 30]))  # doctest: +ELLIPSIS
    10.19...
    >>> float(sk.payback_period([-100, 30, 30, 30, 30]))  # doctest: +ELLIPSIS
    3.33...

Models and analysis::

    >>> intervention, settings = sk.examples.servicetrainee()
    >>> result = sk.evaluate(intervention, settings)
    >>> result.npv < 0
    True
    >>> sk.break_even(intervention, settings, "costs[0].amount").found
    True

Uncertainty (the same names as :class:`Result`, as arrays over draws)::

    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = sk.simulate(intervention, settings, servicetrainee_uncertainty(), draws=100, seed=1)
    >>> mc.npv.shape, sorted(mc.npv_by_payer)
    ((100,), ['individ', 'kommun', 'kommun/arbetsmarknadsnämnd', 'kommun/socialnämnd',
     'region', 'stat', 'övriga'])

The engine (``Plan``, ``compile_plan``, ``project``) is in :mod:`sociokalkyl.engine`.
See the README for a quickstart and ``docs/`` for the conventions that define the numbers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sociokalkyl import model
from sociokalkyl.analysis.breakeven import BreakEven, break_even
from sociokalkyl.analysis.compare import ScenarioTable, compare_scenarios
from sociokalkyl.analysis.evaluate import evaluate
from sociokalkyl.analysis.result import Result
from sociokalkyl.errors import (
    CalculationError,
    DataSourceError,
    InputError,
    PriceYearError,
    SociokalkylError,
    UnitError,
)
from sociokalkyl.errors import (
    did_you_mean as _did_you_mean,
)
from sociokalkyl.finance import (
    DiscountSchedule,
    benefit_cost_ratio,
    cumulative,
    discount_factors,
    irr,
    npv,
    npv_excel,
    payback_period,
    present_values,
)
from sociokalkyl.model import (
    BaselineUse,
    CostItem,
    Effect,
    Intervention,
    InterventionCost,
    Settings,
    TargetGroup,
)
from sociokalkyl.money import PriceIndex, kpi, opi, rebase
from sociokalkyl.units import parse_number, parse_quantity, parse_share, ureg

__version__ = "0.3.0"

if TYPE_CHECKING:
    from sociokalkyl import catalogue, examples, uncertainty
    from sociokalkyl.catalogue.core import CatalogueKeyError
    from sociokalkyl.scenario.problems import ScenarioError
    from sociokalkyl.scenario.read import load_scenario
    from sociokalkyl.uncertainty.sensitivity import Tornado, TornadoRow, tornado
    from sociokalkyl.uncertainty.simulate import simulate
    from sociokalkyl.uncertainty.simulation_result import SimulationResult
    from sociokalkyl.uncertainty.spec import Uncertainty

_LAZY_MODULES = ("catalogue", "examples", "uncertainty")
_LAZY_NAMES = {
    "SimulationResult": "sociokalkyl.uncertainty.simulation_result",
    "Tornado": "sociokalkyl.uncertainty.sensitivity",
    "TornadoRow": "sociokalkyl.uncertainty.sensitivity",
    "Uncertainty": "sociokalkyl.uncertainty.spec",
    "simulate": "sociokalkyl.uncertainty.simulate",
    "tornado": "sociokalkyl.uncertainty.sensitivity",
    "CatalogueKeyError": "sociokalkyl.catalogue.core",
    "ScenarioError": "sociokalkyl.scenario.problems",
    "load_scenario": "sociokalkyl.scenario.read",
}
"""Names loaded on first use, so that ``import sociokalkyl`` stays fast."""


def __dir__() -> list[str]:
    """The public names (``__all__``), lazy ones included."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    """Load ``catalogue``, ``examples``, ``uncertainty`` and the Monte Carlo names on first use."""
    if name in _LAZY_MODULES:
        return importlib.import_module(f"sociokalkyl.{name}")
    if name in _LAZY_NAMES:
        return getattr(importlib.import_module(_LAZY_NAMES[name]), name)
    raise AttributeError(
        f"module 'sociokalkyl' has no attribute {name!r}{_did_you_mean(name, __all__)}"
    )


__all__ = [
    "BaselineUse",
    "BreakEven",
    "CalculationError",
    "CatalogueKeyError",
    "CostItem",
    "DataSourceError",
    "DiscountSchedule",
    "Effect",
    "InputError",
    "Intervention",
    "InterventionCost",
    "PriceIndex",
    "PriceYearError",
    "Result",
    "ScenarioError",
    "ScenarioTable",
    "Settings",
    "SimulationResult",
    "SociokalkylError",
    "TargetGroup",
    "Tornado",
    "TornadoRow",
    "Uncertainty",
    "UnitError",
    "__version__",
    "benefit_cost_ratio",
    "break_even",
    "catalogue",
    "compare_scenarios",
    "cumulative",
    "discount_factors",
    "evaluate",
    "examples",
    "irr",
    "kpi",
    "load_scenario",
    "model",
    "npv",
    "npv_excel",
    "opi",
    "parse_number",
    "parse_quantity",
    "parse_share",
    "payback_period",
    "present_values",
    "rebase",
    "simulate",
    "tornado",
    "uncertainty",
    "ureg",
]
