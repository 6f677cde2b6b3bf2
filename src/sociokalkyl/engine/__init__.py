"""The engine: compile models once into plain arrays, then project cash flows with numpy.

Two steps:

1. :func:`compile_plan` (``engine/compile.py``, the pint boundary) turns an
   :class:`~sociokalkyl.model.Intervention` and :class:`~sociokalkyl.model.Settings`
   into a :class:`Plan` (``engine/plan.py``): every amount becomes a float in SEK (or
   SEK/year) in the analysis price year, every numeric input a named
   :class:`Parameter` (``"effects[0].change"``, ``"cost_items.hvb.unit_cost"``) with a
   structured :class:`ParameterKey`, and the structure (which effect changes which
   item, who pays) becomes index arrays.
2. :func:`project` (``engine/project.py``) computes, for ``D`` draws of the parameters
   at once, the yearly flows as a :class:`Projection`; the effect profile is
   :func:`effect_profile` (``engine/profile.py``). Neither imports pint or pydantic.
"""

from __future__ import annotations

from sociokalkyl.engine.bounds import batch_size
from sociokalkyl.engine.compile import compile_plan
from sociokalkyl.engine.items import resolve_cost_items
from sociokalkyl.engine.plan import Discounting, Parameter, ParameterKey, Plan
from sociokalkyl.engine.profile import effect_profile
from sociokalkyl.engine.project import Projection, project, weighted_sum
from sociokalkyl.engine.projection import sides
from sociokalkyl.model import STANDARD_PAYERS

__all__ = [
    "STANDARD_PAYERS",
    "Discounting",
    "Parameter",
    "ParameterKey",
    "Plan",
    "Projection",
    "batch_size",
    "compile_plan",
    "effect_profile",
    "project",
    "resolve_cost_items",
    "sides",
    "weighted_sum",
]
