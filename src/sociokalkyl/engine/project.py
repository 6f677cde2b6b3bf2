"""Project a plan's yearly flows for ``D`` draws of its parameters at once.

:func:`project` computes the yearly intervention costs ``(K, T, D)`` and the baseline
and avoided costs per cost item ``(I, T, D)``; the flows per payer ``(P, T, D)`` follow
from the payer shares. A deterministic analysis is one draw. Python loops run over the
model's structure (items, effects, cohorts), never over draws. The draw is the last
axis, so that one year of every draw is one contiguous row: cumulative sums over the
years, cohort shifts and discounting then work on whole rows.

Conventions (see ``docs/conventions.md``): year ``t = 0`` is the base year and is not
discounted; amounts in year ``t`` are in the analysis price year, grown by the cost
item's real growth :math:`(1+g)^t`; a cohort entering in year ``c`` has age ``a = t - c``.
This module sees only floats and numpy arrays: no pint, no pydantic, no models.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine.lines import derive_lines
from sociokalkyl.engine.outcome_lines import add_outcome_lines
from sociokalkyl.engine.parameters import canonical_value
from sociokalkyl.engine.plan import BaselineProfile, Plan
from sociokalkyl.engine.profile import _decay, _ramp_window
from sociokalkyl.engine.projection import Projection, weighted_sum
from sociokalkyl.finance import discount_factors

__all__ = ["Projection", "project", "weighted_sum"]

Array = NDArray[np.float64]


def _row(values: Mapping[str, Array], plan: Plan, name: str) -> Array:
    """A parameter's canonical value as a row ``(1, D)``: one value per draw."""
    row: Array = np.reshape(canonical_value(plan.parameters[name], values[name]), (1, -1))
    return row


def _cohort_sum(per_age: Array, intake: list[tuple[int, Array]]) -> Array:
    """``out[t, d] = sum_c n_c[d] * per_age[t - c, d]`` for ``t >= c``, in the columns needed.

    ``per_age`` has shape ``(T, D)`` or ``(T, 1)``, each count ``n_c`` ``(1, D)`` or
    ``(1, 1)``. Each cohort adds whole rows shifted by its intake year, cohort by cohort
    in a fixed order. The result has one column when neither the intake nor
    ``per_age`` varies by draw.
    """
    horizon = per_age.shape[0]
    columns = max(per_age.shape[1], *(count.shape[1] for _, count in intake))
    # the year-0 cohort (Plan.intake puts it first) writes every row; without it, zeros
    out = np.empty((horizon, columns)) if intake[0][0] == 0 else np.zeros((horizon, columns))
    for year, count in intake:
        if year == 0:
            np.multiply(count, per_age, out=out)
        else:
            out[year:] += count * per_age[: horizon - year]
    return out


def project(plan: Plan, values: Mapping[str, Array], *, with_baseline: bool = True) -> Projection:
    """Project the yearly flows of a plan for ``D`` draws of its parameters.

    Parameters
    ----------
    plan
        From :func:`~sociokalkyl.engine.compile_plan`.
    values
        Every parameter's value [in the parameter's ``unit``, see
        :class:`~sociokalkyl.engine.Parameter`], each a scalar or an array of shape
        ``(D,)``; :meth:`Plan.values` gives the defaults.
    with_baseline
        Also compute the baseline costs per cost item (for ``Result.by_cost_item``);
        Monte Carlo skips them, and ``Projection.baseline`` is then all zeros of shape
        ``(I, T, 1)``.

    Returns
    -------
    Projection
        Yearly flows [SEK, analysis price year], shapes ``(·, T, D)``.

    Notes
    -----
    For baseline use :math:`u(a) = u_0 (1-x)^a p(a)` and effects with profiles
    :math:`\\pi_j(k)` (:func:`~sociokalkyl.engine.effect_profile`), the change of use per
    participant at age ``a`` is
    :math:`\\Delta(a) = \\max(-u(a), \\sum_j m\\,s_j\\,\\pi_j(a-\\ell_j)\\,\\alpha_j\\,[u(a)])`
    (the bracket only for relative effects; an absolute effect is further multiplied by
    :math:`[p(a) > 0]`, so it ends with the baseline use; ``m`` the effect multiplier,
    ``α`` the SROI factor). Avoided cost in year ``t`` is
    :math:`-\\sum_c n_c \\Delta(t-c) \\, C (1+g)^t`, with ``C`` the canonical unit cost.
    An intervention cost line is :math:`A (1 + b)` times its pattern over the years
    (``b`` the optimism bias), summed over the cohorts for a cost per participant.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> project(plan, plan.values()).flows.shape   # (lines, years, draws): 4 derived from the wage
    (7, 10, 1)
    """
    horizon = plan.horizon
    ages = np.arange(horizon, dtype=float).reshape(horizon, 1)
    draws = max([np.size(v) for v in values.values()] + [1])
    n_items = len(plan.cost_items)
    baseline = np.zeros((n_items, horizon, draws if with_baseline else 1))
    n_lines = max(plan.weights.shape[0], n_items + len(plan.costs))
    flows = np.empty((n_lines, horizon, draws))  # avoided, costs, then derived lines
    # overflow is not printed: the callers check the results (analysis.finite)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        intake = [(int(p.key.index or 0), _row(values, plan, p.name)) for p in plan.intake]
        _avoided_costs(plan, values, ages, intake, flows[:n_items], baseline, with_baseline)
        add_outcome_lines(plan, values, ages, intake, flows[:n_items])
        _intervention_costs(plan, values, intake, flows[n_items : n_items + len(plan.costs)])
        derive_lines(plan.derived, values, flows)
        factors = _discount_factors(plan, values)
    return Projection(
        flows,
        baseline,
        factors,
        plan.weights,
        plan.society,
        _headline(plan),
        n_items,
        len(plan.costs),
        np.array([p.weights for p in plan.perspectives]).reshape(len(plan.perspectives), -1),
        np.array([flow != "resource" for flow in plan.line_flows], dtype=bool),
    )


def _headline(plan: Plan) -> Array:
    """The weight of each line for the headline perspective, ``(L,)``."""
    return plan.perspective(plan.headline).weights


def _avoided_costs(
    plan: Plan,
    values: Mapping[str, Array],
    ages: Array,
    intake: list[tuple[int, Array]],
    avoided: Array,
    baseline: Array,
    with_baseline: bool,
) -> None:
    """Write the avoided costs ``(I, T, D)`` and, ``with_baseline``, the baseline costs.

    Every array is laid out year by draw, ``(T, D)``: a parameter is a row ``(1, D)``,
    a profile over the years a column ``(T, 1)``, and a cohort shift moves whole rows.
    """
    multiplier = _row(values, plan, "effect_multiplier")
    avoided[sorted(set(range(avoided.shape[0])) - {spec.item for spec in plan.baselines})] = 0.0
    for spec in plan.baselines:
        use_by_age, profile_by_age = _baseline_use(plan, values, spec, ages)
        reduction = _reduction(plan, values, spec, ages, multiplier, use_by_age, profile_by_age)
        avoided_use = np.minimum(reduction, use_by_age)
        price = _price(plan, values, spec.item, ages)
        if with_baseline:
            baseline[spec.item] = _cohort_sum(use_by_age, intake) * price
        np.multiply(_cohort_sum(avoided_use, intake), price, out=avoided[spec.item])


def _baseline_use(
    plan: Plan, values: Mapping[str, Array], spec: BaselineProfile, ages: Array
) -> tuple[Array, Array]:
    """The use per participant by age ``u(a) = u0 (1 - x)^a p(a)``, and ``p(a)`` ``(T, 1)``."""
    use = _row(values, plan, f"{spec.name}.use")
    exit_rate = _row(values, plan, f"{spec.name}.exit_rate")
    profile_by_age = spec.profile.reshape(plan.horizon, 1)
    use_by_age: Array = use * (1.0 - exit_rate) ** ages * profile_by_age
    return use_by_age, profile_by_age


def _price(plan: Plan, values: Mapping[str, Array], item: int, ages: Array) -> Array:
    """The cost item's price by year, ``C (1 + g)^t`` ``(T, D)``; a row ``(1, D)`` if ``g = 0``."""
    key = plan.cost_items[item].key
    unit_cost = _row(values, plan, f"cost_items.{key}.unit_cost")
    growth = (1.0 + _row(values, plan, f"cost_items.{key}.real_growth")) ** ages
    # without real growth the price is the unit cost: a row, not a (T, D) product
    return unit_cost * growth if np.any(growth != 1.0) else unit_cost


def _reduction(
    plan: Plan,
    values: Mapping[str, Array],
    spec: BaselineProfile,
    ages: Array,
    multiplier: Array,
    use_by_age: Array,
    profile_by_age: Array,
) -> Array:
    """The use avoided per participant by age, before the cap at the baseline use.

    It is minus the change of use, so that the cap is one ``np.minimum``.
    """
    reduction: Array = np.zeros((plan.horizon, 1))
    for number, effect in enumerate(e for e in plan.effects if e.item == spec.item):
        k = ages - effect.lag
        window = _ramp_window(k, effect.ramp, effect.duration)
        drop = _row(values, plan, f"{effect.name}.drop_off")
        adjustment = (
            (1.0 - _row(values, plan, f"{effect.name}.deadweight"))
            * (1.0 - _row(values, plan, f"{effect.name}.attribution"))
            * (1.0 - _row(values, plan, f"{effect.name}.displacement"))
        )
        size = _row(values, plan, f"{effect.name}.change") * multiplier * adjustment
        # an absolute effect lasts while the baseline use does (its `years`/profile)
        scale = use_by_age if effect.relative else (profile_by_age > 0)
        # the effect profile (see effect_profile) with the scale between its two factors:
        # factors that are usually a column (T, 1) first, the size (a row) last: fewer
        # (T, D) products; one fixed order, whichever factors vary by draw
        term = window * scale * _decay(k, drop) * -size
        reduction = term if number == 0 else reduction + term
    return reduction


def _intervention_costs(
    plan: Plan, values: Mapping[str, Array], intake: list[tuple[int, Array]], costs: Array
) -> None:
    """Write each cost line's yearly amounts, ``(T, D)``, into ``costs``."""
    horizon = plan.horizon
    uplift = 1.0 + _row(values, plan, "settings.optimism_bias")
    for line, cost in enumerate(plan.costs):
        amount = _row(values, plan, f"costs[{line}].amount") * uplift
        pattern = cost.pattern.reshape(horizon, 1)
        if cost.kind == "per_participant":
            pattern = _cohort_sum(pattern, intake)
        np.multiply(pattern, amount, out=costs[line])


def _discount_factors(plan: Plan, values: Mapping[str, Array]) -> Array:
    """Discount factors ``(T, D)``, or ``(T, 1)`` for a schedule."""
    horizon = plan.horizon
    if plan.fixed_discount_factors is not None:
        return plan.fixed_discount_factors.reshape(horizon, 1)
    rate = np.reshape(values["settings.discount_rate"], (-1,))
    by_draw = np.asarray(discount_factors(rate, horizon), dtype=float)  # (D, T)
    return np.ascontiguousarray(by_draw.reshape(-1, horizon).T)
