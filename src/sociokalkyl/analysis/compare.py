"""Scenarios side by side: whole interventions, or named what-if overrides of one.

The overrides are applied by :meth:`Plan.values <sociokalkyl.engine.Plan.values>`, the one
override mechanism.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sociokalkyl.analysis.display import scenario_html
from sociokalkyl.analysis.finite import check_finite
from sociokalkyl.analysis.frames import scenario_frame
from sociokalkyl.analysis.metrics import Metrics, compute_metrics
from sociokalkyl.engine import Plan, compile_plan, project
from sociokalkyl.errors import InputError

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = ["ScenarioTable", "compare_scenarios"]


@dataclass(frozen=True)
class ScenarioTable:
    """Scenarios side by side: one record per scenario [SEK, analysis price year].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> table = compare_scenarios({"x": {"effect_multiplier": 2.0}}, *examples.servicetrainee())
    >>> print(str(table).splitlines()[0])
    scenario        NPV [SEK]     BCR  payback
    """

    rows: tuple[dict[str, Any], ...]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts.

        Returns
        -------
        list of dict
            ``scenario``, ``npv``, ``pv_costs``, ``pv_avoided``, ``benefit_cost_ratio``,
            ``irr``, ``payback``, ``payback_discounted``, and ``npv:<payer>``,
            ``payback:<payer>`` per payer [SEK; years].
        """
        return [dict(row) for row in self.rows]

    def to_frame(self) -> Any:
        """The table as a tidy DataFrame (see :func:`~sociokalkyl.analysis.frames.scenario_frame`).

        Returns
        -------
        pandas.DataFrame
            One row a scenario; ``scenario``, ``npv_sek``, ..., ``npv_sek:<payer>``.
        """
        return scenario_frame(self)

    def plot(self, ax: Any = None, *, lang: str = "sv") -> Any:
        """NPV per scenario and payer, side by side (:mod:`.plot_scenarios`, matplotlib)."""
        from sociokalkyl.analysis.plot_scenarios import plot_scenarios

        return plot_scenarios(self, ax, lang=lang)

    def _repr_html_(self) -> str:
        return scenario_html(self)

    def __str__(self) -> str:
        width = max([8, *(len(str(row["scenario"])) for row in self.rows)])
        lines = [f"{'scenario':<{width}} {'NPV [SEK]':>16} {'BCR':>7} {'payback':>8}"]
        for row in self.rows:
            payback = row["payback"]
            shown = "-" if math.isnan(payback) else f"{payback:.2f}"
            lines.append(
                f"{row['scenario']:<{width}} {row['npv']:>16,.0f} "
                f"{row['benefit_cost_ratio']:>7.2f} {shown:>8}"
            )
        return "\n".join(lines)


def _row(name: str, metrics: Metrics, plan: Plan, payers: tuple[str, ...]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "scenario": name,
        "npv": float(metrics.npv[0]),
        "pv_costs": float(metrics.pv_costs[0]),
        "pv_avoided": float(metrics.pv_avoided[0]),
        "benefit_cost_ratio": float(metrics.benefit_cost_ratio[0]),
        "irr": float(metrics.irr[0]),
        "payback": float(metrics.payback[0]),
        "payback_discounted": float(metrics.payback_discounted[0]),
    }
    for payer in payers:
        j = plan.payers.index(payer)
        row[f"npv:{payer}"] = float(metrics.npv_by_payer[0, j])
        row[f"payback:{payer}"] = float(metrics.payback_by_payer[0, j])
    return row


def compare_scenarios(
    scenarios: Mapping[str, tuple[Intervention, Settings]] | Mapping[str, Mapping[str, float]],
    intervention: Intervention | None = None,
    settings: Settings | None = None,
    *,
    include_base: bool = True,
    catalogue: Mapping[str, CostItem] | None = None,
) -> ScenarioTable:
    """Evaluate scenarios side by side: NPV, BCR, IRR, payback, per payer.

    Two forms:

    * ``compare_scenarios({"pessimistisk": (inv1, s1), "bas": (inv2, s2)})``: whole
      interventions with their settings;
    * ``compare_scenarios({"utan regionens medfinansiering": {"costs[1].amount": 0}},
      intervention, settings)``: named overrides of parameter values (in the parameter's
      own unit) on one intervention, applied by ``Plan.values`` (the one override
      mechanism); a first row ``"bas"`` holds it as given unless ``include_base=False``.

    Parameters
    ----------
    scenarios
        Name -> ``(intervention, settings)``, or name -> ``{parameter: value}``.
    intervention, settings
        The intervention the overrides apply to (the second form only).
    include_base
        Put the intervention as given first, as ``"bas"`` (second form).
    catalogue
        Where cost-item keys are looked up (default: the shipped catalogue).

    Returns
    -------
    ScenarioTable
        One row per scenario [SEK, analysis price year; payback in years].

    Raises
    ------
    InputError
        For an override naming no parameter (suggesting the closest), or a scenario of
        the wrong shape.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> inv, settings = examples.servicetrainee()
    >>> table = compare_scenarios({"billigare": {"costs[0].amount": 13000}}, inv, settings)
    >>> [row["scenario"] for row in table.records()]
    ['bas', 'billigare']
    >>> table.records()[1]["npv"] > table.records()[0]["npv"]
    True
    """
    rows: list[dict[str, Any]] = []
    if intervention is None:
        for name, pair in scenarios.items():
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise InputError(
                    "is not an (intervention, settings) pair",
                    field=f"scenarios[{name!r}]",
                    value=type(pair).__name__,
                    expected="e.g. {'bas': (intervention, settings)}, or pass intervention "
                    "and settings and give overrides such as {'costs[1].amount': 0}",
                )
            inv, sets = pair
            plan = compile_plan(inv, sets, catalogue)
            metrics = _checked_metrics(plan, {})
            rows.append(_row(name, metrics, plan, plan.active_payers))
    else:
        if settings is None:
            raise InputError(
                "is missing",
                field="settings",
                expected="settings together with intervention, e.g. "
                "compare_scenarios(overrides, intervention, settings)",
            )
        plan = compile_plan(intervention, settings, catalogue)
        payers = plan.active_payers
        named: list[tuple[str, Mapping[str, float]]] = [("bas", {})] if include_base else []
        for name, overrides in scenarios.items():
            if not isinstance(overrides, Mapping):
                raise InputError(
                    "is not a mapping of parameter overrides",
                    field=f"scenarios[{name!r}]",
                    value=type(overrides).__name__,
                    expected="e.g. {'costs[1].amount': 0}",
                )
            named.append((name, overrides))
        for name, overrides in named:
            metrics = _checked_metrics(plan, overrides)
            rows.append(_row(name, metrics, plan, payers))
    return ScenarioTable(tuple(rows))


def _checked_metrics(plan: Plan, overrides: Mapping[str, float]) -> Metrics:
    """The metrics of one scenario; a CalculationError naming the input for an overflow."""
    values = plan.values(overrides)
    projection = project(plan, values)
    check_finite(plan, values, projection)
    metrics = compute_metrics(projection)
    check_finite(plan, values, projection, metrics)
    return metrics
