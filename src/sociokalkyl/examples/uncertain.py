"""The uncertainty of the worked examples: parameter name -> distribution of its value.

The distributions are the ``[uncertainty]`` tables of the examples' TOML files, the one
source of their numbers; the comment above each range there says where it comes from, or
why it is assumed.

Examples
--------
>>> from sociokalkyl.examples import servicetrainee
>>> from sociokalkyl.uncertainty import simulate
>>> mc = simulate(*servicetrainee(), servicetrainee_uncertainty(), draws=10_000, seed=1)
>>> round(mc.mean() / 1e6, 1)  # mnkr, 2023 prices
-3.8
"""

from __future__ import annotations

from sociokalkyl.errors import InputError
from sociokalkyl.examples.bundled import scenario
from sociokalkyl.uncertainty.spec import Uncertainty

__all__ = [
    "servicetrainee_uncertainty",
    "skolfam_uncertainty",
    "uncertainty",
]


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

    For :func:`sociokalkyl.examples.servicetrainee`; the reason for each range is in the TOML file.

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

    For :func:`sociokalkyl.examples.skolfam`; the reason for each range is in the TOML file.

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
