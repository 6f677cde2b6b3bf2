"""The uncertainty of the worked examples: parameter name -> distribution of its value.

The distributions are the ``[uncertainty]`` tables of the examples' TOML files (the one
source of their numbers); :data:`UNCERTAINTY_SOURCES` explains every range: where it
comes from, or why it is assumed (confidence ``"A"``).

Examples
--------
>>> from sociokalkyl.examples import servicetrainee
>>> from sociokalkyl.uncertainty import simulate
>>> mc = simulate(*servicetrainee(), servicetrainee_uncertainty(), draws=10_000, seed=1)
>>> round(mc.mean() / 1e6, 1)  # mnkr, 2023 prices
-5.7
"""

from __future__ import annotations

from sociokalkyl.errors import InputError
from sociokalkyl.examples.bundled import scenario
from sociokalkyl.uncertainty.spec import Uncertainty

__all__ = [
    "UNCERTAINTY_SOURCES",
    "servicetrainee_uncertainty",
    "skolfam_uncertainty",
    "uncertainty",
]

UNCERTAINTY_SOURCES: dict[str, dict[str, str]] = {
    "servicetrainee": {
        "effects[1].change": "S/D: the effect was 44-54 percentage points fewer households "
        "on assistance (74 % fell against 20 % and 30 % in two control groups); times the "
        "assumed 10 months a year: -5.4 to -4.4 months a year. Uniform: the source gives "
        "a range, no most likely value.",
        "cost_items.ekonomiskt_bistand.unit_cost": "A: the national average 7 149 kr per "
        "household-month (2012) may differ in Norrköping and for long-term households; "
        "assumed +-15 %, most likely the national value (triangular).",
        "effects[1].drop_off": "A: persistence after the job is not known (the study "
        "followed the group 4 months); 0-40 % a year, most likely 20 % (PERT).",
    },
    "skolfam": {
        "effect_multiplier": "A: the effect on moves to HVB is not yet measured in Örebro "
        "(the evaluation is planned as a historical comparison); from no effect (0) to "
        "twice the assumed one (2 = 60 % fewer HVB days), most likely as assumed (PERT). "
        "One factor scales both effects, so fewer HVB days and the matching extra "
        "familjehem days move together.",
        "cost_items.hvb_barn_unga.unit_cost": "S/S2: from 2 763 kr/dygn (Helsingborg's own "
        "institutions, 2 636 kr in 2015 (S), x 1.048 KPI 2015->2018) to 4 500 kr/dygn "
        "(external HVB, Motala 2018, S2), in 2018 prices; most likely the top, since a "
        "child moved from a family home usually goes to a purchased HVB: triangular.",
        "cost_items.familjehem_konsulentstott.unit_cost": "S2: 1 900-4 200 kr/dygn for "
        "konsulentstödda familjehem (Sveriges Radio about 2015): uniform.",
        "target_group.intake[0]": "S: Skolfam is for 30-40 children in family homes "
        "(Gävleborg's examples text): uniform 30-40.",
        "costs[0].amount": "A: the Skolfam team's cost per child and year, 15 000-40 000 "
        "kr (2015), most likely 25 000: PERT.",
    },
}
"""Why each range is what it is, by example and parameter."""


def uncertainty(name: str) -> Uncertainty:
    """The ``[uncertainty]`` table of the bundled example ``name``, as distributions.

    Parameters
    ----------
    name
        A bundled example (:data:`sociokalkyl.examples.bundled.NAMES`).

    Returns
    -------
    Uncertainty
        Parameter name -> distribution, in the order of the file.

    Raises
    ------
    InputError
        For an unknown example, or one whose file has no ``[uncertainty]`` table.

    Examples
    --------
    >>> list(uncertainty("seniorer_ostersund"))
    ['effects[0].change', 'baseline[0].use']
    """
    table = scenario(name).uncertainty
    if not table:
        raise InputError(
            "has no [uncertainty] table",
            field="example",
            value=name,
            expected="an example with one",
        )
    return Uncertainty(table)


def servicetrainee_uncertainty() -> Uncertainty:
    """Servicetrainee: the effect range 44-54 points, the unit cost +-15 %, the drop-off.

    For :func:`sociokalkyl.examples.servicetrainee`; sources in :data:`UNCERTAINTY_SOURCES`.

    Returns
    -------
    Uncertainty
        ``effects[1].change`` uniform -5.4 to -4.4 [months/year];
        ``cost_items.ekonomiskt_bistand.unit_cost`` triangular 6 077, 7 149, 8 221
        [SEK/month, 2012 prices]; ``effects[1].drop_off`` PERT 0, 0.2, 0.4 [1/year].

    Examples
    --------
    >>> list(servicetrainee_uncertainty())  # doctest: +NORMALIZE_WHITESPACE
    ['effects[1].change', 'cost_items.ekonomiskt_bistand.unit_cost', 'effects[1].drop_off']
    """
    return uncertainty("servicetrainee")


def skolfam_uncertainty() -> Uncertainty:
    """Skolfam: wide uncertainty on the effect, both unit costs, the intake and the cost.

    For :func:`sociokalkyl.examples.skolfam`; sources in :data:`UNCERTAINTY_SOURCES`.

    Returns
    -------
    Uncertainty
        ``effect_multiplier`` PERT 0, 1, 2; the HVB day triangular 2 763, 4 500, 4 500
        and the familjehem day uniform 1 900-4 200 [SEK/day, 2018 and 2015 prices];
        the intake uniform 30-40 [children]; the team's cost PERT 15 000, 25 000, 40 000
        [SEK/child/year, 2015 prices].

    Examples
    --------
    >>> len(skolfam_uncertainty())
    5
    """
    return uncertainty("skolfam")
