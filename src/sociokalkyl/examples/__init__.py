"""Worked examples, built from the Swedish interventions in the project's context texts.

Each function returns an ``(Intervention, Settings)`` pair whose every number is named
and carries its source or is marked as an assumption (confidence ``"A"``). The
``*_uncertainty`` functions give the ranges for Monte Carlo. The commented TOML
scenario files beside this module (``servicetrainee.toml``, ``skolfam.toml``,
``seniorer_ostersund.toml``) are the same for the command line.
"""

from __future__ import annotations

from sociokalkyl.examples.servicetrainee import servicetrainee
from sociokalkyl.examples.skolfam import skolfam
from sociokalkyl.examples.uncertain import servicetrainee_uncertainty, skolfam_uncertainty

__all__ = ["servicetrainee", "servicetrainee_uncertainty", "skolfam", "skolfam_uncertainty"]
