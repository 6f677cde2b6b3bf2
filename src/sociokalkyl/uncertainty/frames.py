"""A simulation and a tornado as tidy pandas DataFrames (pandas imported when asked for).

The columns are documented in ``docs/display.md``; the numbers are those of
:meth:`SimulationResult.records`, :meth:`~SimulationResult.values`,
:meth:`~SimulationResult.payback_curve` and :meth:`Tornado.records`, renamed with their
units (``npv_sek``, ``payback_years``), never recomputed. A payback that is not within
the horizon is NaN in a draw and counts as +inf in the statistics (see
:mod:`sociokalkyl.uncertainty.payback`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from sociokalkyl._optional import require
from sociokalkyl.analysis.frames import frame_of, renamed
from sociokalkyl.errors import unknown_name
from sociokalkyl.uncertainty.payback import payback_stats

if TYPE_CHECKING:
    from sociokalkyl.uncertainty.sensitivity import Tornado
    from sociokalkyl.uncertainty.simulation_result import SimulationResult

__all__ = ["SIMULATION_FRAMES", "metric_unit", "simulation_frame", "tornado_frame"]

SIMULATION_FRAMES: tuple[str, ...] = ("summary", "draws", "payback", "payback_curve")
"""The kinds of :meth:`SimulationResult.to_frame`."""

_MEAN_OVER = {"payback": "paying_draws", "benefit_cost_ratio": "draws_with_value",
              "irr": "draws_with_value"}  # fmt: skip


def metric_unit(metric: str) -> str:
    """The unit of a Monte Carlo metric: ``"SEK"``, ``"years"``, ``"1/year"`` or ``"1"``.

    Parameters
    ----------
    metric
        A metric name without payer (``"npv"``, ``"payback_discounted"``, ``"irr"``, ...).

    Returns
    -------
    str

    Examples
    --------
    >>> metric_unit("pv_avoided"), metric_unit("payback_discounted"), metric_unit("irr")
    ('SEK', 'years', '1/year')
    """
    if metric.startswith("payback"):
        return "years"
    return {"irr": "1/year", "benefit_cost_ratio": "1"}.get(metric, "SEK")


def simulation_frame(result: SimulationResult, kind: str = "summary") -> Any:
    """One table of a simulation as a tidy DataFrame (needs pandas).

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    kind
        ``"summary"``: one row a metric (:meth:`~SimulationResult.records` with ``unit``
        and ``mean_over``); ``"draws"``: one row a kept draw; ``"payback"``: the payback
        statistics (:func:`~sociokalkyl.uncertainty.payback.payback_stats`) of the total
        and each payer, undiscounted and discounted; ``"payback_curve"``: P(payback <= k)
        for k = 0 ... horizon.

    Returns
    -------
    pandas.DataFrame
        Columns in ``docs/display.md``.

    Raises
    ------
    InputError
        For an unknown ``kind``.

    Examples
    --------
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=100,
    ...               seed=1)
    >>> simulation_frame(mc, "payback").columns.tolist()[:4]
    ['metric', 'payer', 'draws', 'share_paying_back']
    """
    if kind not in SIMULATION_FRAMES:
        raise unknown_name(kind, SIMULATION_FRAMES, "a kind of frame", field="kind")
    needed_by = f"SimulationResult.to_frame({kind!r})"
    if kind == "summary":
        return _summary(result, needed_by)
    if kind == "draws":
        return _draws(result, needed_by)
    if kind == "payback":
        records = [
            dict(vars(payback_stats(result, discounted=d, payer=p)))
            for p in (None, *result.payers)
            for d in (False, True)
        ]
        return frame_of(records, list(records[0]), needed_by)
    curve = [
        {"payer": p, "discounted": d, "k_years": k, "calendar_year": result.plan.base_year + k,
         "prob_payback_within": prob}
        for p in (None, *result.payers)
        for d in (False, True)
        for k, prob in enumerate(result.payback_curve(discounted=d, payer=p))
    ]  # fmt: skip
    return frame_of(curve, list(curve[0]), needed_by)


def _summary(result: SimulationResult, needed_by: str) -> Any:
    records = []
    for row in result.records():
        metric = str(row["metric"])
        head = "payback" if metric.startswith("payback") else metric
        records.append(
            {
                **row,
                "unit": metric_unit(metric),
                "mean_over": _MEAN_OVER.get(head, "all_draws"),
            }
        )
    first = ["metric", "payer", "cost_item", "unit", "mean", "mean_over", "std"]
    return frame_of(records, first, needed_by)


def _draws(result: SimulationResult, needed_by: str) -> Any:
    columns: dict[str, Any] = {"draw": range(result.kept)}
    for key in result.metrics:
        values = result.values(key)
        if values.size == result.kept:  # the IRR may be computed for fewer draws
            columns[renamed(key)] = values
    columns["pays_back_within_horizon"] = ~np.isnan(result.values("payback"))
    pd = require("pandas", needed_by)
    return pd.DataFrame(columns)


def tornado_frame(tornado: Tornado, lang: str = "sv") -> Any:
    """A tornado as a tidy DataFrame, one row a parameter, largest swing first (needs pandas).

    Parameters
    ----------
    tornado
        A :class:`~sociokalkyl.uncertainty.sensitivity.Tornado`.
    lang
        The language of the ``label`` column: ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    pandas.DataFrame
        ``parameter``, ``label``, ``unit``, ``base_value``, ``low_value``, ``high_value``
        [the parameter's unit], ``npv_low_sek``, ``npv_high_sek``, ``swing_sek`` [SEK].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.uncertainty.sensitivity import tornado
    >>> t = tornado(*examples.servicetrainee(), {"effect_multiplier": {"kind": "uniform",
    ...     "low": 0.5, "high": 1.5}})
    >>> tornado_frame(t, "en")[["parameter", "label"]].values.tolist()
    [['effect_multiplier', 'Multiple of every effect (1 = as given)']]
    """
    records = [
        {"parameter": r["parameter"], "label": row.label(lang), **r}
        for r, row in zip(tornado.records(), tornado.rows, strict=True)
    ]
    for r in records:
        del r["description"]
    columns = ["parameter", "label", "unit", "base_value", "low_value", "high_value",
               "npv_low_sek", "npv_high_sek", "swing_sek"]  # fmt: skip
    return frame_of(records, columns, "Tornado.to_frame()")
