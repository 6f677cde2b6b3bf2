"""Evaluate an intervention: compile, project one draw, compute the metrics.

A deterministic analysis is the Monte Carlo engine with one draw, not a second code path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sociokalkyl.analysis.finite import check_finite
from sociokalkyl.analysis.metrics import compute_metrics
from sociokalkyl.analysis.result import Result
from sociokalkyl.engine import compile_plan, project

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = ["evaluate"]


def evaluate(
    intervention: Intervention,
    settings: Settings,
    *,
    catalogue: Mapping[str, CostItem] | None = None,
) -> Result:
    """Evaluate an intervention: yearly flows, NPV, payback, benefit-cost ratio, per payer.

    Parameters
    ----------
    intervention
        What is done, for whom, what it costs and what it changes.
    settings
        Base year, analysis price year, horizon and discounting.
    catalogue
        Where cost-item keys are looked up (default: the shipped catalogue).

    Returns
    -------
    Result
        Numbers in SEK, analysis price year; present values at year 0.

    Raises
    ------
    InputError
        For inputs the models accept but the calculation cannot use: a catalogue key
        that does not exist, a price year the index lacks, a unit that does not fit its
        cost item, intake or costs beyond the horizon. The message names the field.
    CalculationError
        For inputs so large that a flow or the NPV is not a finite number (an
        overflow); the message names the input field, largest first.

    Notes
    -----
    .. math:: NPV = \\sum_{t=0}^{T-1} (A_t - C_t) \\, f(t)

    with :math:`A_t` the avoided costs and :math:`C_t` the intervention costs of year
    :math:`t` [SEK] and :math:`f(t)` the discount factor of the settings.

    Examples
    --------
    >>> from sociokalkyl import Settings, evaluate, examples
    >>> intervention, _ = examples.servicetrainee()
    >>> result = evaluate(intervention, Settings(base_year=2012, price_year=2023, horizon=10))
    >>> f"{result.npv / 1e6:.2f} mnkr"  # the default headline: society's
    '11.38 mnkr'
    """
    plan = compile_plan(intervention, settings, catalogue)
    values = plan.values()
    projection = project(plan, values)
    check_finite(plan, values, projection)
    metrics = compute_metrics(projection)
    check_finite(plan, values, projection, metrics)
    return Result(plan, projection, metrics)
