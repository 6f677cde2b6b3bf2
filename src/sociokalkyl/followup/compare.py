"""Forecast against outcome (socioekonomiskt bokslut): realised flows, NPV to date, re-projection.

:func:`follow_up` takes a compiled plan and what was observed per analysis year
(:class:`~sociokalkyl.followup.data.YearData`) and builds two projections on the same
engine: the *forecast* (the plan as it was decided) and the *outcome* (observed years as
observed, the remaining years re-projected). Pint- and pydantic-free.

The rules (``docs/followup.md`` says them in Swedish):

* Observed participants replace the forecast intake of their year; the counterfactual
  (the baseline without the intervention) is the plan's, at the observed intake.
* Observed use of a cost item ``u_obs`` (the participants' total, in the unit its unit
  cost is per) gives the realised avoided cost
  ``A_real = A_fc + (u_fc - u_obs) * p`` with ``u_fc`` the forecast use with the
  intervention and ``p`` the price per unit in that year: every unit used above the
  forecast is a saving that did not come.
* Observed costs of a cost line replace the forecast; other costs are added per payer.
* Re-projection: the avoided costs of the years after the last observed year are the
  forecast's times ``1 + w (r_i - 1)``, with ``r_i`` the realisation ratio of cost item
  ``i`` over the observed years (realised / forecast avoided) and ``w`` the credibility
  (1 = the observation replaces the forecast effect, 0 = it is ignored).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.metrics import Metrics, compute_metrics
from sociokalkyl.engine import Plan, Projection, project
from sociokalkyl.errors import CalculationError, InputError
from sociokalkyl.followup.data import YearData
from sociokalkyl.followup.display import followup_frame, followup_html

__all__ = ["FollowUp", "follow_up", "unit_prices"]

Array = NDArray[np.float64]


def unit_prices(plan: Plan, values: Mapping[str, Array]) -> Array:
    """The price of one unit of each cost item's use by year [SEK/unit], shape ``(I, T)``.

    Parameters
    ----------
    plan
        The compiled plan.
    values
        Its parameter values (one draw), from :meth:`Plan.values`.

    Returns
    -------
    ndarray
        :math:`p_i(t) = c_i\\,q_i\\,(1 + g_i)^t`, with :math:`c_i` the unit cost as
        written (kr/mån, kr/dygn), :math:`q_i` the price-index factor to the analysis
        price year and :math:`g_i` the real growth.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> round(float(unit_prices(plan, plan.values())[0, 0]), 2)   # 7 149 kr/mån in 2023 prices
    9185.4
    """
    years = np.arange(plan.horizon, dtype=float)
    rows = []
    for i, item in enumerate(plan.cost_items):
        cost = float(np.reshape(values[f"cost_items.{item.key}.unit_cost"], -1)[0])
        growth = float(np.reshape(values[f"cost_items.{item.key}.real_growth"], -1)[0])
        rows.append(cost * plan.item_price_factors[i] * (1.0 + growth) ** years)
    return np.array(rows, dtype=float).reshape(len(plan.cost_items), plan.horizon)


@dataclass(frozen=True)
class FollowUp:
    """A forecast against its outcome, year by year (``I`` items, ``K`` lines, ``T`` years).

    Attributes
    ----------
    plan
        The compiled plan (the forecast as decided).
    observed
        True for the analysis years with an observation, shape ``(T,)``.
    forecast
        The forecast's projection (one draw).
    outcome
        Observed years as observed, later years re-projected (one draw); other costs
        are extra cost lines at its end, one per payer.
    forecast_use, outcome_use
        The participants' use of each cost item [unit/year], shape ``(I, T)``.
    ratio
        Realisation ratio of each cost item's avoided costs over the observed years [1].
    credibility
        Weight ``w`` of the observed ratio in the re-projection [1].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> f = follow_up(compile_plan(*examples.servicetrainee()), [YearData(0, costs={})])
    >>> f.npv_reprojected == f.npv_forecast
    True
    """

    plan: Plan
    observed: NDArray[np.bool_]
    forecast: Projection
    outcome: Projection
    forecast_use: Array
    outcome_use: Array
    ratio: Array
    credibility: float

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years of the analysis, base year first."""
        return tuple(self.plan.base_year + t for t in range(self.plan.horizon))

    @property
    def last_observed(self) -> int:
        """The last analysis year with an observation; -1 when there is none."""
        found = np.flatnonzero(self.observed)
        return int(found[-1]) if found.size else -1

    @property
    def payers(self) -> tuple[str, ...]:
        """Every payer of the analysis (the columns of the ``*_by_payer`` arrays)."""
        return self.plan.payers

    @cached_property
    def _metrics(self) -> dict[str, Metrics]:
        to_date = np.arange(self.plan.horizon) <= self.last_observed
        return {
            "forecast": compute_metrics(self.forecast, with_irr=False),
            "outcome": compute_metrics(self.outcome, with_irr=False),
            "forecast_to_date": compute_metrics(_until(self.forecast, to_date), with_irr=False),
            "outcome_to_date": compute_metrics(_until(self.outcome, to_date), with_irr=False),
        }

    def npv(
        self, which: str = "outcome", payer: str | None = None, *, perspective: str | None = None
    ) -> float:
        """A net present value of the follow-up [SEK, present value at year 0].

        Parameters
        ----------
        which
            ``"forecast"``, ``"outcome"`` (realised and re-projected),
            ``"forecast_to_date"`` or ``"outcome_to_date"`` (realised: only the years up
            to the last observed year, later years 0).
        payer
            A payer's NPV (its own flows), or None for the total.
        perspective
            A perspective's NPV instead (``"kommun"``: the kommun with its nämnder,
            transfers counted; ``"samhället"``, ...); not together with ``payer``.

        Returns
        -------
        float
            :math:`\\sum_t (A_t - C_t) f(t)` over the years ``which`` covers [SEK].

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> f = follow_up(compile_plan(*examples.skolfam()), [])   # resources only
        >>> f.npv("outcome_to_date"), f.npv("forecast", "kommun") == f.npv("forecast")
        (0.0, True)
        >>> f.npv("forecast", perspective="kommun") == f.npv("forecast", "kommun")
        True
        """
        metrics = self._metrics[which]
        if perspective is not None:
            if payer is not None:
                raise InputError(
                    "names both a payer and a perspective", field="perspective",
                    value=perspective, expected="either payer or perspective",
                )  # fmt: skip
            q = self.plan.perspectives.index(self.plan.perspective(perspective))
            return float(metrics.npv_by_perspective[0, q])
        if payer is None:
            return float(metrics.npv[0])
        return float(metrics.npv_by_payer[0, self.plan.payer_index(payer)])

    @property
    def npv_forecast(self) -> float:
        """The forecast NPV [SEK] (the same as ``evaluate`` of the plan)."""
        return self.npv("forecast")

    @property
    def npv_reprojected(self) -> float:
        """NPV of the observed years as observed plus the re-projected remaining years [SEK]."""
        return self.npv("outcome")

    @property
    def npv_realised(self) -> float:
        """The realised NPV to date: only the observed years up to the last one [SEK]."""
        return self.npv("outcome_to_date")

    def net_by_payer(self, which: str = "outcome") -> Array:
        """Yearly net (avoided less costs) per payer [SEK], shape ``(P, T)``, undiscounted.

        Parameters
        ----------
        which
            ``"forecast"`` or ``"outcome"``.

        Returns
        -------
        ndarray
            Per payer (:attr:`payers`) and analysis year.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> follow_up(compile_plan(*examples.servicetrainee()), []).net_by_payer().shape
        (7, 10)
        """
        projection = self.forecast if which == "forecast" else self.outcome
        return np.asarray(projection.net_by_payer[:, :, 0], dtype=float)

    def to_frame(self) -> Any:
        """Net per year, forecast and outcome (:func:`~.display.followup_frame`)."""
        return followup_frame(self)

    def _repr_html_(self) -> str:
        return followup_html(self)


def _until(projection: Projection, keep: NDArray[np.bool_]) -> Projection:
    """The projection with every flow after the kept years set to 0."""
    flows = np.where(keep[None, :, None], projection.flows, 0.0)
    return dataclasses.replace(projection, flows=flows)


def follow_up(plan: Plan, observed: Sequence[YearData], *, credibility: float = 1.0) -> FollowUp:
    """Compare a plan's forecast with what was observed, and re-project the remaining years.

    Parameters
    ----------
    plan
        The compiled plan of the forecast.
    observed
        What was observed, one record per analysis year (checked by the readers: years
        within the horizon, known cost items, cost lines and payers, counts >= 0).
    credibility
        Weight ``w`` in [0, 1] of the observed realisation ratio when re-projecting:
        ``1`` (default) lets the observation replace the forecast effect, ``0`` keeps
        the forecast for the remaining years.

    Returns
    -------
    FollowUp
        The forecast, the outcome and their NPVs, per payer and year.

    Notes
    -----
    Realised avoided cost of item ``i`` in an observed year ``t``:
    :math:`A^{real}_{it} = A^{fc'}_{it} + (u^{fc'}_{it} - u^{obs}_{it})\\,p_{it}`, with
    ``fc'`` the forecast at the observed intake. Re-projected (``t`` after the last
    observed year): :math:`A_{it} = A^{fc'}_{it}\\,(1 + w\\,(r_i - 1))`,
    :math:`r_i = \\sum_{t \\le t_{obs}} A^{real}_{it} / \\sum_{t \\le t_{obs}} A^{fc'}_{it}`.

    Examples
    --------
    >>> from sociokalkyl import examples, evaluate
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> f = follow_up(plan, [YearData(0, participants=30)])
    >>> f.npv_forecast == evaluate(*examples.servicetrainee()).npv
    True
    """
    base_values = plan.values()
    forecast = project(plan, base_values)
    intake = {int(p.key.index or 0): p.name for p in plan.intake}
    overrides = {intake[y.index]: y.participants for y in observed if y.participants is not None}
    values = plan.values(overrides) if overrides else base_values
    at_intake = project(plan, values) if overrides else forecast
    prices = unit_prices(plan, values)
    with np.errstate(divide="ignore", invalid="ignore"):
        use = np.where(prices != 0, (at_intake.baseline - at_intake.avoided)[:, :, 0] / prices, 0.0)
    avoided = np.array(at_intake.avoided[:, :, 0])
    costs = np.array(at_intake.costs[:, :, 0])
    outcome_use = use.copy()
    mask = np.zeros(plan.horizon, dtype=bool)
    other = np.zeros((len(plan.payers), plan.horizon))
    with np.errstate(over="ignore", invalid="ignore"):  # checked by _check_finite
        for year in observed:
            _apply(plan, year, use, prices, (avoided, costs, outcome_use, other))
            mask[year.index] = True
        ratio = _reproject(avoided, at_intake.avoided[:, :, 0], mask, credibility)
    later = slice(int(np.flatnonzero(mask)[-1]) + 1 if mask.any() else plan.horizon, None)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        left = at_intake.baseline[:, later, 0] - avoided[:, later]
        outcome_use[:, later] = np.where(prices[:, later] != 0, left / prices[:, later], 0.0)
    outcome = _projection(plan, at_intake, avoided, costs, other)
    _check_finite(plan, outcome.flows)
    return FollowUp(plan, mask, forecast, outcome, use, outcome_use, ratio, float(credibility))


def _apply(
    plan: Plan, year: YearData, use: Array, prices: Array, into: tuple[Array, Array, Array, Array]
) -> None:
    """Write one observed year into the outcome's avoided costs, costs, use and other costs."""
    avoided, costs, outcome_use, other = into
    t = year.index
    for key, amount in year.use.items():
        i = plan.item_keys.index(key)
        avoided[i, t] += (use[i, t] - amount) * prices[i, t]
        outcome_use[i, t] = amount
    for name, amount in year.costs.items():
        costs[plan.cost_names.index(name), t] = amount
    for payer, amount in year.other_costs.items():
        other[plan.payers.index(payer), t] += amount


def _check_finite(plan: Plan, flows: Array) -> None:
    """A CalculationError naming the year when an observed amount overflowed a flow."""
    bad = np.argwhere(~np.isfinite(flows))
    if bad.size:
        t = int(bad[0][1])
        raise CalculationError(
            "makes a flow that is not a finite number (an amount too large)",
            field=f"years[{plan.base_year + t}]",
            expected="observed uses and amounts of a realistic size (below 10^15 kr)",
        )


def _reproject(avoided: Array, forecast: Array, observed: NDArray[np.bool_], w: float) -> Array:
    """Scale the years after the last observed one in place; the ratios ``r_i``."""
    found = np.flatnonzero(observed)
    ratio = np.ones(avoided.shape[0])
    if not found.size:
        return ratio
    last = int(found[-1])
    for i in range(avoided.shape[0]):
        expected = float(forecast[i, observed].sum())
        if expected != 0.0:
            ratio[i] = float(avoided[i, observed].sum()) / expected
        avoided[i, last + 1 :] *= 1.0 + w * (ratio[i] - 1.0)
    return ratio


def _projection(
    plan: Plan, base: Projection, avoided: Array, costs: Array, other: Array
) -> Projection:
    """A one-draw projection of the outcome; other costs as one extra cost line per payer.

    The extra lines are resources paid by their payer (weight -1 for it, and for every
    perspective that holds it). Lines derived from work (taxes, contributions,
    production) are the forecast's: observed wage costs do not re-derive them.
    """
    paying = np.flatnonzero(np.any(other != 0.0, axis=1))
    items, lines = base.items, base.items + base.cost_lines
    flows = np.concatenate([avoided, costs, other[paying], base.derived[:, :, 0]])[:, :, None]
    extra = np.zeros((paying.size, base.weights.shape[1]))
    extra[np.arange(paying.size), paying] = -1.0

    def member(actors: tuple[str, ...]) -> Array:
        inside = np.array([plan.payers[p] in actors for p in paying], dtype=float)
        return -inside

    headline = np.concatenate(
        [
            base.headline[:lines],
            member(plan.perspective(plan.headline).actors),
            base.headline[lines:],
        ]
    )
    perspectives = np.array(
        [
            np.concatenate([row[:lines], member(view.actors), row[lines:]])
            for row, view in zip(base.perspectives, plan.perspectives, strict=True)
        ]
    ).reshape(len(plan.perspectives), -1)
    return Projection(
        flows,
        base.baseline,
        base.factors,
        np.concatenate([base.weights[:lines], extra, base.weights[lines:]]),
        np.concatenate([base.society[:lines], -np.ones(paying.size), base.society[lines:]]),
        headline,
        items,
        base.cost_lines + paying.size,
        perspectives,
        np.insert(base.by_value, lines, np.zeros(paying.size, dtype=bool)),  # resources
    )
