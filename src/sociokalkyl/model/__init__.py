"""The typed models: cost items, payers, target groups, effects, costs, interventions, settings.

All models are pydantic v2, frozen, and reject unknown fields, NaN and infinity.
"""

from __future__ import annotations

from sociokalkyl.model.actors import PERSPECTIVE_PRESETS, SOCIETY, STANDARD_ACTORS
from sociokalkyl.model.common import STANDARD_PAYERS, Confidence, PayerName
from sociokalkyl.model.cost_item import CostItem
from sociokalkyl.model.effect import Effect
from sociokalkyl.model.intervention import Intervention, InterventionCost
from sociokalkyl.model.participants import BaselineUse, TargetGroup
from sociokalkyl.model.plausibility import PlausibilityWarning, plausibility_warnings
from sociokalkyl.model.settings import DISCOUNT_PRESETS, PriceSeries, Settings

__all__ = [
    "DISCOUNT_PRESETS",
    "PERSPECTIVE_PRESETS",
    "SOCIETY",
    "STANDARD_ACTORS",
    "STANDARD_PAYERS",
    "BaselineUse",
    "Confidence",
    "CostItem",
    "Effect",
    "Intervention",
    "InterventionCost",
    "PayerName",
    "PlausibilityWarning",
    "PriceSeries",
    "Settings",
    "TargetGroup",
    "plausibility_warnings",
]
