"""Analysis of a compiled plan: metrics per payer, break-even, :class:`Result`, :func:`evaluate`.

Modules: :mod:`~sociokalkyl.analysis.metrics` (NPV, present values, benefit-cost ratio,
IRR and payback over draws), :mod:`~sociokalkyl.analysis.breakeven` (the one break-even
API), :mod:`~sociokalkyl.analysis.compare` (scenarios side by side),
:mod:`~sociokalkyl.analysis.result` (:class:`Result`) and
:mod:`~sociokalkyl.analysis.evaluate` (:func:`evaluate`). Nothing here imports pint or
pydantic.

>>> from sociokalkyl import examples
>>> round(evaluate(*examples.servicetrainee()).npv)
-3839870
"""

from __future__ import annotations

from sociokalkyl.analysis.breakeven import BreakEven, break_even, break_even_of_plan
from sociokalkyl.analysis.compare import ScenarioTable, compare_scenarios
from sociokalkyl.analysis.evaluate import evaluate
from sociokalkyl.analysis.metrics import Metrics, compute_metrics
from sociokalkyl.analysis.result import Result

__all__ = [
    "BreakEven",
    "Metrics",
    "Result",
    "ScenarioTable",
    "break_even",
    "break_even_of_plan",
    "compare_scenarios",
    "compute_metrics",
    "evaluate",
]
