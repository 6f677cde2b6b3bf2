"""Worked examples, built from the Swedish interventions in the project's context texts.

Each example is one commented TOML scenario file in this package
(``servicetrainee.toml``: with actors, transfers and work in three perspectives, see
``docs/perspectives.md``; ``skolfam.toml``, ``seniorer_ostersund.toml``), the only source
of its numbers: every number is named and carries its source or is marked as an
assumption (confidence ``"A"``). The functions here read those files:
:func:`load` (or :func:`servicetrainee`, :func:`skolfam`, :func:`seniorer_ostersund`)
returns an ``(Intervention, Settings)`` pair, and the ``*_uncertainty`` functions the
file's ``[uncertainty]`` table as distributions for Monte Carlo.
``sociokalkyl init --example NAME`` writes the same files for the command line.

Examples
--------
>>> import sociokalkyl as sk
>>> intervention, settings = sk.examples.load("servicetrainee")
>>> sk.examples.servicetrainee() == (intervention, settings)
True
>>> sk.examples.NAMES[:4]
('servicetrainee', 'skolfam', 'seniorer_ostersund', 'skolfam_utfall')
"""

from __future__ import annotations

from sociokalkyl.examples.bundled import (
    DESCRIPTIONS,
    NAMES,
    load,
    scenario,
    seniorer_ostersund,
    servicetrainee,
    skolfam,
    text,
)
from sociokalkyl.examples.uncertain import (
    servicetrainee_uncertainty,
    skolfam_uncertainty,
    uncertainty,
)

__all__ = [
    "DESCRIPTIONS",
    "NAMES",
    "load",
    "scenario",
    "seniorer_ostersund",
    "servicetrainee",
    "servicetrainee_uncertainty",
    "skolfam",
    "skolfam_uncertainty",
    "text",
    "uncertainty",
]
