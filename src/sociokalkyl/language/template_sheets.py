"""The words of the template's sheets *Osäkerhet* and *Scenarier*, Swedish and English.

Examples
--------
>>> UNCERTAINTY_SHEET, SCENARIO_SHEET
('Osäkerhet', 'Scenarier')
>>> DISTRIBUTION_WORDS["likformig"]
'uniform'
"""

from __future__ import annotations

__all__ = [
    "DISTRIBUTION_WORDS",
    "SCENARIO_SHEET",
    "SHEET_LABELS",
    "UNCERTAINTY_SHEET",
    "sheet_label",
]

UNCERTAINTY_SHEET = "Osäkerhet"
"""The sheet of the uncertainty table (``[uncertainty]`` in a scenario file)."""
SCENARIO_SHEET = "Scenarier"
"""The sheet of the named what-if scenarios (``[scenarios.NAME]``)."""

DISTRIBUTION_WORDS: dict[str, str] = {
    "likformig": "uniform",
    "triangulär": "triangular",
    "pert": "pert",
    "normal": "normal",
    "lognormal": "lognormal",
    "beta": "beta",
    "fast": "fixed",
    "empirisk": "empirical",
    "korrelation": "correlation",
}
"""The Swedish word of each distribution (``kind``), as the sheet offers them; the English
``kind`` is read too. ``korrelation`` is a row of two parameters and their correlation."""

SHEET_LABELS: dict[str, tuple[str, str]] = {
    "parameter": ("Parameter", "Parameter"),
    "hint.parameter": (
        "namn, t.ex. effects[0].change (sociokalkyl brytpunkt FIL --lista)",
        "name, e.g. effects[0].change (sociokalkyl break-even FILE --list)",
    ),
    "distribution": ("Fördelning", "Distribution"),
    "hint.distribution": (
        "likformig, triangulär, pert, normal, lognormal, beta, fast, empirisk, korrelation",
        "uniform, triangular, pert, normal, lognormal, beta, fixed, empirical, correlation",
    ),
    "low": ("Lägsta", "Low"),
    "hint.low": ("i parameterns enhet, t.ex. -5,4", "in the parameter's unit, e.g. -5.4"),
    "mode": ("Troligast", "Mode"),
    "hint.mode": ("triangulär och pert", "triangular and pert"),
    "high": ("Högsta", "High"),
    "hint.high": ("i parameterns enhet, t.ex. -4,4", "in the parameter's unit, e.g. -4.4"),
    "mean": ("Medelvärde", "Mean"),
    "hint.mean": ("normal", "normal"),
    "sd": ("Standardavvikelse", "Standard deviation"),
    "hint.sd": ("normal", "normal"),
    "value": ("Värde", "Value"),
    "hint.value": (
        "fast: värdet; empirisk: 1; 2; 3; korrelation: rho",
        "fixed: the value; empirical: 1; 2; 3; correlation: rho",
    ),
    "other": ("Övrigt", "Other"),
    "hint.other": (
        "alpha=2; beta=5 (beta), mu=..; sigma=.. (lognormal), lamb=4 (pert)",
        "alpha=2; beta=5 (beta), mu=..; sigma=.. (lognormal), lamb=4 (pert)",
    ),
    "scenario": ("Scenario", "Scenario"),
    "hint.scenario": ("scenariots namn, t.ex. pessimistisk", "the scenario's name"),
    "scenario_value": ("Värde", "Value"),
    "hint.scenario_value": (
        "i parameterns enhet, eller text med enhet: -4,4 mån/år, 30 %",
        "in the parameter's unit, or text with a unit: -4.4 mån/år, 30 %",
    ),
    "scenario_unit": ("Enhet", "Unit"),
    "hint.scenario_unit": ("tom, eller t.ex. mån/år, andel, %", "empty, or e.g. mån/år, share, %"),
}
"""Headings and hints (``hint.<key>``) of the two sheets."""


def sheet_label(key: str) -> str:
    """The Swedish heading or hint ``key`` of :data:`SHEET_LABELS` (the template is Swedish).

    Parameters
    ----------
    key
        A key of :data:`SHEET_LABELS`.

    Returns
    -------
    str

    Examples
    --------
    >>> sheet_label("distribution"), sheet_label("hint.mode")
    ('Fördelning', 'triangulär och pert')
    """
    return SHEET_LABELS[key][0]
