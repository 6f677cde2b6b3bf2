"""What to measure next, for one simulation: EVPI, the EVPPI ranking, payback in a mandate.

:func:`value_of_information` takes a :class:`~sociokalkyl.uncertainty.SimulationResult`
and the uncertainty it was run with, recreates the parameter draws from the recorded seed
(:func:`~sociokalkyl.uncertainty.sample_parameters` gives ``simulate``'s draws bit for
bit), and ranks the parameters by EVPPI for the total, one payer's NPV or one
perspective's (``perspective="kommun"``, ``"samhället"``, ...; see ``docs/perspectives.md``).
For any other NPV over the draws, pass it to :func:`for_npv`.

Examples
--------
>>> from sociokalkyl import examples
>>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
>>> from sociokalkyl.uncertainty.simulate import simulate
>>> u = servicetrainee_uncertainty()
>>> mc = simulate(*examples.servicetrainee(), u, draws=4000, seed=1)
>>> voi = value_of_information(mc, u)
>>> voi.evpi >= max(row.evppi for row in voi.rows) >= 0
True
>>> len(voi.rows), voi.decision
(3, 'do not invest')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from sociokalkyl._optional import require
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import as_lang
from sociokalkyl.language.voi import voi_label
from sociokalkyl.uncertainty.simulation_result import SimulationResult
from sociokalkyl.uncertainty.spec import DistributionLike, sample_parameters
from sociokalkyl.uncertainty.value_of_information import (
    MANDATE_PERIOD,
    EvppiRow,
    _npv_array,
    evpi,
    evppi,
    rank_evppi,
)

__all__ = [
    "MANDATE_PERIOD",
    "ValueOfInformation",
    "check_mandate_period",
    "for_npv",
    "value_of_information",
]


@dataclass(frozen=True)
class ValueOfInformation:
    """EVPI, the EVPPI of each parameter (ranked) and payback within the mandate period.

    Parameters
    ----------
    perspective
        Whose NPV: ``"total"``, a payer (``"kommun"``), or a perspective's name.
    expected_npv
        The mean NPV over the draws [SEK]; the decision without more information is
        "invest" when it is positive.
    evpi
        Expected value of perfect information [SEK].
    rows
        EVPPI per parameter, largest first (:class:`EvppiRow`).
    evppi_all
        The EVPPI of all parameters together by the same regression [SEK]; it should be
        close to ``evpi`` (a check on the estimator), NaN when not computed.
    mandate_period
        Years of the mandate period (mandatperiod) [years].
    prob_payback_within_mandate
        P(payback <= mandate period), undiscounted, from the payback curve [-]; NaN
        when not known (an NPV without a payback).
    draws
        Draws the figures rest on.

    Examples
    --------
    >>> v = for_npv(np.array([-1.0, 3.0]), {"x": np.array([0.0, 1.0])}, "kommun")
    >>> v.evpi, v.rows[0].evppi
    (0.5, 0.5)
    """

    perspective: str
    expected_npv: float
    evpi: float
    rows: tuple[EvppiRow, ...]
    evppi_all: float
    mandate_period: int
    prob_payback_within_mandate: float
    draws: int

    @property
    def decision(self) -> str:
        """``"invest"`` when the expected NPV is positive, else ``"do not invest"``."""
        return "invest" if self.expected_npv > 0 else "do not invest"

    def plot(self, ax: Any = None, *, lang: str = "sv") -> Any:
        """EVPPI bars, largest on top, and EVPI as a dashed line (matplotlib) [kr].

        When every EVPPI is 0 (no parameter can change the decision), the bars show the
        share of the NPV's spread each parameter explains instead.

        Parameters
        ----------
        ax
            A matplotlib Axes to draw on; a new figure when None.
        lang
            ``"sv"`` (the default) or ``"en"``.

        Returns
        -------
        matplotlib.axes.Axes
        """
        plt = require("matplotlib.pyplot", "ValueOfInformation.plot()")
        language = as_lang(lang)
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.5 * len(self.rows) + 1.5))
        rows = list(reversed(self.rows))
        spread = all(row.evppi == 0 for row in rows)
        values = [row.variance_share * 100 if spread else row.evppi for row in rows]
        ax.barh(range(len(rows)), values, color="#4477aa")
        ax.set_yticks(range(len(rows)), [row.parameter for row in rows])
        if spread:
            ax.set_xlabel(f"{voi_label('variance_share', language)} [%]")
        else:
            ax.axvline(self.evpi, color="#cc6677", linestyle="--", label="EVPI")
            ax.set_xlabel(f"{voi_label('evppi', language)} [kr]")
            ax.legend()
        ax.set_title(voi_label("voi_title", language, name=self.perspective))
        return ax

    def records(self) -> list[dict[str, Any]]:
        """One row per parameter: ``rank``, ``parameter``, ``evppi``, ``share_of_evpi``,
        ``variance_share``.

        Returns
        -------
        list of dict
            JSON-ready rows (NaN becomes None).
        """
        return [
            {
                "rank": rank,
                "parameter": row.parameter,
                "evppi": row.evppi,
                "share_of_evpi": None if math.isnan(row.share_of_evpi) else row.share_of_evpi,
                "variance_share": row.variance_share,
            }
            for rank, row in enumerate(self.rows, start=1)
        ]


def check_mandate_period(years: object) -> int:
    """``years`` as a mandate period: a whole number of years from 1 to 100.

    Parameters
    ----------
    years
        The mandate period (mandatperiod) [years].

    Returns
    -------
    int
        The same number.

    Raises
    ------
    InputError
        For anything else.

    Examples
    --------
    >>> check_mandate_period(4)
    4
    """
    if isinstance(years, bool) or not isinstance(years, int | np.integer) or not 1 <= years <= 100:
        raise InputError(
            "is not a mandate period",
            field="mandate_period",
            value=years,
            expected="whole years from 1 to 100, e.g. 4 (a Swedish mandatperiod)",
        )
    return int(years)


def for_npv(
    npv: npt.ArrayLike,
    parameters: Mapping[str, npt.ArrayLike],
    perspective: str,
    *,
    payback: npt.ArrayLike | None = None,
    mandate_period: int = MANDATE_PERIOD,
    joint: bool = True,
) -> ValueOfInformation:
    """EVPI, ranked EVPPI and payback within the mandate, for any NPV over the draws.

    Parameters
    ----------
    npv
        The NPV of each draw in the perspective, shape ``(draws,)`` [SEK].
    parameters
        Parameter name -> its draws in the same order, each shape ``(draws,)``.
    perspective
        The name shown for the perspective.
    payback
        The undiscounted payback of each draw [years], NaN = not within the horizon;
        None: no payback probability (NaN).
    mandate_period
        Years of the mandate period [years], 4 by default.
    joint
        Also estimate the EVPPI of all parameters together (a check; costs a larger
        regression).

    Returns
    -------
    ValueOfInformation

    Examples
    --------
    >>> v = for_npv([-1.0, 3.0], {"x": [0.0, 1.0]}, "kommun", payback=[np.nan, 2.5])
    >>> v.prob_payback_within_mandate, v.decision
    (0.5, 'invest')
    """
    values = _npv_array(npv)
    years = check_mandate_period(mandate_period)
    prob = math.nan
    if payback is not None:
        times = np.asarray(payback, dtype=float)
        if times.shape != values.shape:
            raise InputError(
                "does not have one payback per draw",
                field="payback",
                value=f"shape {times.shape}",
                expected=f"shape {values.shape}",
            )
        prob = float(np.mean(np.where(np.isnan(times), False, times <= years)))
    together = math.nan
    if joint and parameters:
        together = evppi(values, np.column_stack([np.asarray(v) for v in parameters.values()]))
    return ValueOfInformation(
        perspective,
        float(values.mean()),
        evpi(values),
        tuple(rank_evppi(values, parameters)),
        together,
        years,
        prob,
        values.size,
    )


def value_of_information(
    result: SimulationResult,
    uncertainty: Mapping[str, DistributionLike],
    *,
    payer: str | None = None,
    perspective: str | None = None,
    mandate_period: int = MANDATE_PERIOD,
    joint: bool = True,
) -> ValueOfInformation:
    """What to measure next, from a simulation: EVPI, EVPPI per parameter, payback.

    Parameters
    ----------
    result
        A simulation that kept every draw (``keep_draws`` True, the default up to
        2 000 000 draws).
    uncertainty
        The uncertainty ``result`` was simulated with; its draws are recreated from
        ``result.seed``.
    payer
        The payer's NPV and payback instead of the total (the actor's own flows).
    perspective
        A perspective's NPV and payback instead of the total: ``"kommun"`` (the kommun
        with its nämnder, transfers counted), ``"offentlig_sektor"``, ``"samhället"`` or
        one of ``Settings.perspectives``. Not together with ``payer``.
    mandate_period
        Years of the mandate period (mandatperiod) [years], 4 by default.
    joint
        Also estimate the EVPPI of all parameters together.

    Returns
    -------
    ValueOfInformation
        For the perspective ``"total"``, the payer or the named perspective.

    Raises
    ------
    InputError
        For a simulation that kept only a sample of its draws, an unknown payer or
        perspective (with "did you mean"), both a payer and a perspective, or an
        uncertainty that does not name the simulated parameters.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.examples.uncertain import skolfam_uncertainty
    >>> from sociokalkyl.uncertainty.simulate import simulate
    >>> u = skolfam_uncertainty()
    >>> mc = simulate(*examples.skolfam(), u, draws=2000, seed=1)
    >>> v = value_of_information(mc, u, payer="kommun", mandate_period=4)
    >>> v.perspective, v.mandate_period, len(v.rows)
    ('kommun', 4, 5)
    >>> value_of_information(mc, u, perspective="samhället").perspective
    'samhället'
    """
    name, npv, payback = _target(result, payer, perspective)
    names = [name for name in uncertainty if name not in result.plan.parameters]
    if names:
        raise InputError(
            "names parameters the simulation does not have",
            field="uncertainty",
            value=names,
            expected="the uncertainty the simulation was run with",
        )
    parameters = sample_parameters(uncertainty, result.draws, seed=result.seed)
    return for_npv(
        npv,
        parameters,
        name,
        payback=payback,
        mandate_period=mandate_period,
        joint=joint,
    )


def _target(
    result: SimulationResult, payer: str | None, perspective: str | None
) -> tuple[str, Any, Any]:
    """The name, NPV draws and payback draws of the total, a payer or a perspective."""
    if payer is not None and perspective is not None:
        raise InputError(
            "names both a payer and a perspective",
            field="perspective",
            value=perspective,
            expected=f"either payer={payer!r} or perspective={perspective!r}, not both",
        )
    if perspective is not None:
        name = result.plan.perspective(perspective).name  # "did you mean" when unknown
        npv = result.npv_by_perspective[name]  # every draw kept, or an error
        return name, npv, result.values(f"payback@{name}")
    if payer is None:
        return "total", result.npv, result.payback
    if payer not in result.npv_by_payer:
        raise InputError(
            "is not a payer of this simulation",
            field="payer",
            value=payer,
            expected=f"one of {', '.join(result.payers)}",
        )
    return payer, result.npv_by_payer[payer], result.payback_by_payer[payer]
