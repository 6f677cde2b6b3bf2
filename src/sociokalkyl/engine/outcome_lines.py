"""Project the outcome lines of a plan into the avoided-cost lines of their cost items.

For an effect ``j`` on an outcome (Δ = ``change``, adjustments ``adj``, drop-off ``d``,
τ = ``years_after_intake``) and a consequence row with profile ``q`` and change of use
per person ``x``, the use avoided per participant at age ``a`` (years since intake) is

.. math:: r(a) = -\\Delta\\, m\\, \\mathrm{adj}\\, x\\, g(a)

with ``m`` the effect multiplier and the timing ``g``: for a probability
:math:`g(a) = q(a - τ)(1 - d)^{a - τ}` (``a ≥ τ``), for a rate of events lasting ``D``
years :math:`g(a) = \\sum_{i=0}^{D-1} (1 - d)^i q(a - τ - i)`. The line's value in year
``t`` is :math:`\\sum_c n_c\\, r(t - c)\\, C (1 + g)^t` (the item's price), as for a
direct effect. Pure numpy. See ``docs/outcomes.md``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine.outcomes import OutcomeLine
from sociokalkyl.engine.parameters import canonical_value
from sociokalkyl.engine.plan import Plan

__all__ = ["add_outcome_lines", "outcome_flows", "outcome_sources", "outcome_timing"]

Array = NDArray[np.float64]


def outcome_timing(line: OutcomeLine, drop: Array, horizon: int) -> Array:
    """The timing :math:`g(a)` of a consequence by years since intake, ``(T, 1)`` or ``(T, D)``.

    Parameters
    ----------
    line
        The outcome line (its profile ``q``, τ, kind and duration).
    drop
        The drop-off ``d`` [share per year], a row ``(1, D)``.
    horizon
        ``T`` [year].

    Returns
    -------
    ndarray
        :math:`g(a)` [1 or events], shape ``(T, D)``.

    Examples
    --------
    >>> line = OutcomeLine(0, 0, None, 1.0, np.array([1.0, 1.0, 0, 0]), False, 1, None, "max")
    >>> outcome_timing(line, np.zeros((1, 1)), 4).ravel()
    array([0., 1., 1., 0.])
    """
    q = line.profile.reshape(horizon, 1)
    shifted = np.zeros((horizon, 1))
    if not line.rate:
        shifted[line.lag :] = q[: horizon - line.lag]
        k = np.arange(horizon, dtype=float).reshape(horizon, 1) - line.lag
        decay: Array = np.where(k >= 0, (1.0 - drop) ** np.maximum(k, 0.0), 0.0)
        return shifted * decay
    end = horizon if line.duration is None else min(horizon, line.lag + line.duration)
    total: Array = np.zeros((horizon, drop.shape[1]))
    for start in range(line.lag, end):
        part = np.zeros((horizon, 1))
        part[start:] = q[: horizon - start]
        total = total + part * (1.0 - drop) ** (start - line.lag)
    return total


def add_outcome_lines(
    plan: Plan, values: Mapping[str, Array], ages: Array, intake: list[tuple[int, Array]],
    avoided: Array,
) -> None:  # fmt: skip
    """Add the outcome lines to the avoided costs ``(I, T, D)``, combining overlaps.

    Parameters
    ----------
    plan
        The plan (``outcome_lines``, the direct ``effects``).
    values
        Every parameter's value [its unit].
    ages
        Years since intake, a column ``(T, 1)``.
    intake
        ``(year, count)`` per cohort, the counts rows ``(1, D)``.
    avoided
        The avoided costs [SEK], ``(I, T, D)``, written in place.

    Notes
    -----
    Where a cost item is changed by more than one source (its direct effects, each
    effect on an outcome), the ``"max"`` sources combine by the larger saving in each
    year and draw, :math:`v = v_s` with :math:`|v_s| = \\max_s |v_s|`; ``"add"``
    sources are then added.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> add_outcome_lines(plan, plan.values(), np.zeros((10, 1)), [], np.zeros((1, 10, 1)))
    """
    if not plan.outcome_lines:
        return
    per_source = outcome_sources(plan, values, ages, intake)
    direct = {effect.item for effect in plan.effects}
    combine = {line.effect: line.combine for line in plan.outcome_lines}
    for item in sorted({item for item, _ in per_source}):
        larger = [avoided[item]] if item in direct else []
        added: list[Array] = []
        for (i, j), value in per_source.items():
            if i == item:
                (added if combine[j] == "add" else larger).append(value)
        result = larger[0] if larger else np.zeros_like(added[0])
        for value in larger[1:]:
            result = np.where(np.abs(value) > np.abs(result), value, result)
        for value in added:
            result = result + value
        avoided[item] = result


def outcome_sources(
    plan: Plan, values: Mapping[str, Array], ages: Array, intake: list[tuple[int, Array]]
) -> dict[tuple[int, int], Array]:
    """Each effect on an outcome's avoided cost on each cost item, before the overlap rule.

    Parameters
    ----------
    plan
        The plan (its ``outcome_lines``).
    values
        Every parameter's value [its unit].
    ages
        Years since intake, a column ``(T, 1)``.
    intake
        ``(year, count)`` per cohort, the counts rows ``(1, D)``.

    Returns
    -------
    dict
        ``(item, effect)`` to the avoided cost [SEK] by year and draw, ``(T, D)``:
        :math:`\\sum_c n_c\\, r(t - c)\\, C (1 + g)^t`, summed over the effect's
        consequence rows on that item.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> outcome_sources(plan, plan.values(), np.zeros((10, 1)), [])
    {}
    """
    from sociokalkyl.engine.project import _cohort_sum, _price

    per_source: dict[tuple[int, int], Array] = {}
    for line in plan.outcome_lines:
        value = _cohort_sum(_avoided_use(plan, values, line), intake)
        value = value * _price(plan, values, line.item, ages)
        key = (line.item, line.effect)
        per_source[key] = value if key not in per_source else per_source[key] + value
    return per_source


def outcome_flows(plan: Plan, values: Mapping[str, Array]) -> dict[int, Array]:
    """Every line's flows that one effect on an outcome makes alone, by effect.

    The effect's avoided costs on its cost items (:func:`outcome_sources`, before the
    rule for overlaps), the lines derived from them (the taxes and production of work),
    and zero on every other line: weighted by ``plan.weights`` they give each actor's
    part of the outcome's consequences.

    Parameters
    ----------
    plan
        The plan (its ``outcome_lines``).
    values
        Every parameter's value [its unit], scalars or arrays ``(D,)``.

    Returns
    -------
    dict
        The effect's index ``j`` to its lines [SEK], shape ``(L, T, D)``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.load("utokade_hembesok"))
    >>> flows = outcome_flows(plan, plan.values())
    >>> sorted(flows), flows[0].shape
    ([0], (2, 8, 1))
    """
    from sociokalkyl.engine.lines import derive_lines
    from sociokalkyl.engine.project import _row

    horizon = plan.horizon
    ages = np.arange(horizon, dtype=float).reshape(horizon, 1)
    draws = max([np.size(v) for v in values.values()] + [1])
    intake = [(int(p.key.index or 0), _row(values, plan, p.name)) for p in plan.intake]
    n_lines = max(plan.weights.shape[0], len(plan.cost_items) + len(plan.costs))
    out: dict[int, Array] = {}
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for (item, effect), value in outcome_sources(plan, values, ages, intake).items():
            flows = out.setdefault(effect, np.zeros((n_lines, horizon, draws)))
            flows[item] += value
        for flows in out.values():
            derive_lines(plan.derived, values, flows)
    return out


def _avoided_use(plan: Plan, values: Mapping[str, Array], line: OutcomeLine) -> Array:
    """:math:`r(a) = -Δ m\\,adj\\,x\\,g(a)` per participant, ``(T, D)``."""
    name = f"outcome_effects[{line.effect}]"

    def row(parameter: str) -> Array:
        value = canonical_value(plan.parameters[parameter], values[parameter])
        out: Array = np.reshape(value, (1, -1))
        return out

    adjustment = (
        (1.0 - row(f"{name}.deadweight"))
        * (1.0 - row(f"{name}.attribution"))
        * (1.0 - row(f"{name}.displacement"))
    )
    size = row(f"{name}.change") * row("effect_multiplier") * adjustment
    use = line.sign if line.change is None else row(line.change)
    timing = outcome_timing(line, row(f"{name}.drop_off"), plan.horizon)
    result: Array = timing * (-(size * use))
    return result
