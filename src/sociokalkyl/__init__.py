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

See the README for a quickstart and ``docs/`` for the conventions that define the numbers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sociokalkyl import model
from sociokalkyl.analysis.result import Result, evaluate, solve_break_even
from sociokalkyl.engine import Plan, Projection, compile_plan, project
from sociokalkyl.errors import (
    CalculationError,
    DataSourceError,
    InputError,
    PriceYearError,
    SociokalkylError,
    UnitError,
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
from sociokalkyl.units import parse_number, parse_quantity, ureg

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sociokalkyl import catalogue, examples, uncertainty

_LAZY = ("catalogue", "examples", "uncertainty")


def __dir__() -> list[str]:
    """The public names (``__all__``), lazy modules included."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    """Load ``catalogue``, ``examples`` and ``uncertainty`` on first use (fast import)."""
    if name in _LAZY:
        return importlib.import_module(f"sociokalkyl.{name}")
    raise AttributeError(f"module 'sociokalkyl' has no attribute {name!r}")


__all__ = [
    "BaselineUse",
    "CalculationError",
    "CostItem",
    "DataSourceError",
    "DiscountSchedule",
    "Effect",
    "InputError",
    "Intervention",
    "InterventionCost",
    "Plan",
    "PriceIndex",
    "PriceYearError",
    "Projection",
    "Result",
    "Settings",
    "SociokalkylError",
    "TargetGroup",
    "UnitError",
    "__version__",
    "benefit_cost_ratio",
    "catalogue",
    "compile_plan",
    "cumulative",
    "discount_factors",
    "evaluate",
    "examples",
    "irr",
    "kpi",
    "model",
    "npv",
    "npv_excel",
    "opi",
    "parse_number",
    "parse_quantity",
    "payback_period",
    "present_values",
    "project",
    "rebase",
    "solve_break_even",
    "uncertainty",
    "ureg",
]
