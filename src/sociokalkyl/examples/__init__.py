"""Worked examples, built from the Swedish interventions in the project's context texts.

Each function returns an ``(Intervention, Settings)`` pair whose every number is named
and carries its source or is marked as an assumption (confidence ``"A"``).
"""

from __future__ import annotations

from sociokalkyl.examples.servicetrainee import servicetrainee

__all__ = ["servicetrainee"]
