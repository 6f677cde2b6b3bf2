"""The result of :func:`~sociokalkyl.analysis.evaluate.evaluate`: numbers, tables, plot, log.

The metrics themselves are computed over draws in :mod:`sociokalkyl.analysis.metrics` and the
break-even in :mod:`sociokalkyl.analysis.breakeven`; a :class:`Result` wraps the one draw
of a deterministic analysis with tables, a per-payer breakdown, a plot and the
assumption log. Its headline names (``npv``, ``npv_by_payer``, ``payback``, ...) are the
names of :class:`~sociokalkyl.uncertainty.SimulationResult`, where each is an array
over draws instead of a float.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import numpy as np

from sociokalkyl.analysis.assumptions import Assumption, assumption_rows
from sociokalkyl.analysis.breakeven import break_even_of_plan
from sociokalkyl.analysis.display import result_html, result_repr
from sociokalkyl.analysis.frames import result_frame
from sociokalkyl.analysis.metrics import Metrics
from sociokalkyl.analysis.outcomes import outcome_records
from sociokalkyl.analysis.perspectives import yearly_sides
from sociokalkyl.analysis.result_perspectives import PerspectiveMixin
from sociokalkyl.analysis.text import result_text
from sociokalkyl.engine import Plan, Projection
from sociokalkyl.finance.discounting import discounted_sum

__all__ = ["Result"]


class Result(PerspectiveMixin):
    """The result of a deterministic analysis (:func:`evaluate`).

    The names are those of :class:`~sociokalkyl.uncertainty.SimulationResult`, where
    each is an array over draws. All amounts are in SEK in the analysis price year.
    Present values are discounted to year 0 (the base year). "No answer" (no payback
    within the horizon, no IRR, no break-even) is NaN, never a number.

    Attributes
    ----------
    npv, pv_costs, pv_avoided : float
        Net present value and its two parts [SEK].
    benefit_cost_ratio, irr : float
        PV(avoided) / PV(costs); internal rate of return [1/year].
    payback, payback_discounted : float
        Payback period [years].
    npv_by_payer, pv_costs_by_payer, pv_avoided_by_payer : dict[str, float]
        NPV and its parts for each payer with a flow [SEK]: who pays and who saves.
    payback_by_payer, payback_discounted_by_payer : dict[str, float]
        Each payer's own payback [years].
    break_even_effect, max_cost_break_even : float
        The multiple of the effects that gives NPV 0; the largest PV of costs that
        still breaks even [SEK].
    plan, projection, metrics
        The compiled inputs, the yearly flows ``(1, ·, T)`` and the metric arrays.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> result = sk.evaluate(*sk.examples.servicetrainee())
    >>> round(result.npv), round(result.benefit_cost_ratio, 2), result.payback
    (-3839870, 0.7, nan)
    >>> [row["payer"] for row in result.by_payer()][:3]
    ['kommun', 'region', 'stat']
    """

    def __init__(self, plan: Plan, projection: Projection, metrics: Metrics) -> None:
        self.plan = plan
        self.projection = projection
        self.metrics = metrics

    # --- headline numbers -----------------------------------------------------------
    @property
    def npv(self) -> float:
        """Net present value [SEK]."""
        return float(self.metrics.npv[0])

    @property
    def pv_costs(self) -> float:
        """Present value of the intervention costs [SEK]."""
        return float(self.metrics.pv_costs[0])

    @property
    def pv_avoided(self) -> float:
        """Present value of the avoided costs [SEK]."""
        return float(self.metrics.pv_avoided[0])

    @property
    def benefit_cost_ratio(self) -> float:
        """PV(avoided costs) / PV(intervention costs); NaN without costs."""
        return float(self.metrics.benefit_cost_ratio[0])

    @property
    def irr(self) -> float:
        """Internal rate of return of the net flows; NaN where none exists."""
        return float(self.metrics.irr[0])

    @property
    def payback(self) -> float:
        """Undiscounted payback [years]; NaN when not within the horizon."""
        return float(self.metrics.payback[0])

    @property
    def payback_discounted(self) -> float:
        """Discounted payback [years]; NaN when not within the horizon."""
        return float(self.metrics.payback_discounted[0])

    @property
    def unpriced_effects(self) -> tuple[str, ...]:
        """Effects no one can price ("ej värderade effekter"), as the user wrote them.

        Reports list them beside the numbers (``docs/outcomes.md``); the heading is
        ``language.outcomes.outcome_label("unpriced_effects", lang)``.
        """
        return self.plan.unpriced_effects

    @property
    def npv_by_payer(self) -> dict[str, float]:
        """NPV per payer [SEK], for the payers with any flow."""
        return self._by_payer(self.metrics.npv_by_payer)

    @property
    def pv_costs_by_payer(self) -> dict[str, float]:
        """Present value of the intervention costs each payer bears [SEK]."""
        return self._by_payer(self.metrics.pv_costs_by_payer)

    @property
    def pv_avoided_by_payer(self) -> dict[str, float]:
        """Present value of the costs each payer avoids [SEK]."""
        return self._by_payer(self.metrics.pv_avoided_by_payer)

    @property
    def payback_by_payer(self) -> dict[str, float]:
        """Undiscounted payback of each payer's own flows [years]; NaN: not within."""
        return self._by_payer(self.metrics.payback_by_payer)

    @property
    def payback_discounted_by_payer(self) -> dict[str, float]:
        """Discounted payback of each payer's own flows [years]; NaN: not within."""
        return self._by_payer(self.metrics.payback_discounted_by_payer)

    def _by_payer(self, values: np.ndarray[Any, np.dtype[np.float64]]) -> dict[str, float]:
        return {p: float(values[0, j]) for j, p in self._active_payers()}

    @cached_property
    def break_even_effect(self) -> float:
        """The multiple of every effect at which NPV is 0 (1.0 = the effects as given).

        Below 1 the intervention pays with room to spare: 0.6 means 60 % of the
        assumed effect is enough. NaN when no multiple in [0, 1e9] gives NPV 0.
        """
        return break_even_of_plan(self.plan, "effect_multiplier", low=0.0).value

    @cached_property
    def break_even_effect_by_payer(self) -> dict[str, float]:
        """The break-even effect multiple for each payer's own NPV (NaN: none)."""
        return {
            p: break_even_of_plan(self.plan, "effect_multiplier", payer=p, low=0.0).value
            for _, p in self._active_payers()
        }

    @property
    def max_cost_break_even(self) -> float:
        """The largest present value of intervention costs that still breaks even [SEK].

        Equal to PV(avoided costs): any intervention costing less (in present value)
        has NPV >= 0, given the effects.
        """
        return self.pv_avoided

    @property
    def max_cost_break_even_by_payer(self) -> dict[str, float]:
        """For each payer: the present value of costs it could bear and still break even."""
        return self._by_payer(self.metrics.pv_avoided_by_payer)

    def _active_payers(self) -> list[tuple[int, str]]:
        return [(int(j), self.plan.payers[j]) for j in self.projection.active_payers]

    # --- tables -----------------------------------------------------------------------
    def table(self) -> list[dict[str, float | int]]:
        """The yearly flows as records: one dict a year [SEK, analysis price year].

        Returns
        -------
        list of dict
            One dict a year [SEK, analysis price year]: ``year`` (0, 1, ...), ``calendar_year``,
            ``costs``, ``avoided`` (the headline perspective's costs and gains, each line
            on the side of its weight's sign; see ``docs/perspectives.md``), ``net``,
            ``discount_factor``, ``discounted_net``,
            ``cumulative_net``, ``cumulative_discounted_net``.
        """
        projection = self.projection
        gains, paid = yearly_sides(projection, projection.headline)  # the headline's sides
        costs, avoided = paid[:, 0], gains[:, 0]
        net = projection.net[:, 0]  # the engine's net, whose cumulative gives the payback
        factors = projection.factors[:, 0]
        discounted = net * factors
        cumulative, cumulative_discounted = np.cumsum(net), np.cumsum(discounted)
        return [
            {
                "year": t,
                "calendar_year": self.plan.base_year + t,
                "costs": float(costs[t]),
                "avoided": float(avoided[t]),
                "net": float(net[t]),
                "discount_factor": float(factors[t]),
                "discounted_net": float(discounted[t]),
                "cumulative_net": float(cumulative[t]),
                "cumulative_discounted_net": float(cumulative_discounted[t]),
            }
            for t in range(self.plan.horizon)
        ]

    def by_payer(self) -> list[dict[str, float | str]]:
        """Per payer: PV of costs, PV of avoided costs, NPV, payback, break-even effect.

        Returns
        -------
        list of dict
            One dict a payer with a flow: ``payer``, ``pv_costs``, ``pv_avoided``, ``npv``
            [SEK], ``payback``, ``payback_discounted`` [years], ``break_even_effect`` [×].
        """
        rows: list[dict[str, float | str]] = []
        for j, payer in self._active_payers():
            rows.append(
                {
                    "payer": payer,
                    "pv_costs": float(self.metrics.pv_costs_by_payer[0, j]),
                    "pv_avoided": float(self.metrics.pv_avoided_by_payer[0, j]),
                    "npv": float(self.metrics.npv_by_payer[0, j]),
                    "payback": float(self.metrics.payback_by_payer[0, j]),
                    "payback_discounted": float(self.metrics.payback_discounted_by_payer[0, j]),
                    "break_even_effect": self.break_even_effect_by_payer[payer],
                }
            )
        return rows

    def by_cost_item(self) -> list[dict[str, float | str]]:
        """Per cost item: PV of baseline costs and of avoided costs, and the payer.

        Returns
        -------
        list of dict
            ``cost_item``, ``name``, ``payer``, ``pv_baseline``, ``pv_avoided`` [SEK].
        """
        projection = self.projection
        pv_baseline = discounted_sum(projection.baseline, projection.factors, axis=-2)[:, 0]
        return [
            {
                "cost_item": key,
                "name": self.plan.item_names[i],
                "payer": ", ".join(self.plan.cost_items[i].payer_shares),
                "pv_baseline": float(pv_baseline[i]),
                "pv_avoided": float(self.metrics.pv_avoided_by_item[0, i]),
            }
            for i, key in enumerate(self.plan.item_keys)
        ]

    def yearly_by_payer(self) -> list[dict[str, float | int | str]]:
        """Yearly costs, avoided costs and net for each payer with any flow.

        Returns
        -------
        list of dict
            ``payer``, ``year``, ``costs``, ``avoided``, ``net`` [SEK]: every line the
            actor has a weight on (transfers received and paid, taxes, production).
        """
        rows: list[dict[str, float | int | str]] = []
        for j, payer in self._active_payers():
            gains, paid = yearly_sides(self.projection, self.projection.weights[:, j])
            for t in range(self.plan.horizon):
                costs = float(paid[t, 0])
                avoided = float(gains[t, 0])
                rows.append(
                    {
                        "payer": payer,
                        "year": t,
                        "costs": costs,
                        "avoided": avoided,
                        "net": avoided - costs,
                    }
                )
        return rows

    def by_outcome(self) -> list[dict[str, float | int | str | bool]]:
        """Per effect on an outcome and actor: the present value of its consequences.

        Returns
        -------
        list of dict
            ``outcome_effect``, ``outcome``, ``actor``, ``pv`` [SEK], ``overlap``: see
            :func:`sociokalkyl.analysis.outcomes.outcome_records` (before the rule for
            overlaps); empty for a model without outcomes.
        """
        return outcome_records(self)

    def assumptions(self) -> list[Assumption]:
        """The assumption log: every number the result rests on, with source and confidence.

        Returns
        -------
        list[Assumption]
            Typed rows (see :func:`sociokalkyl.analysis.assumptions.assumption_rows`): the
            cost items, target group, baseline uses, effects and intervention costs, each
            with its value [unit key], price year, source and confidence; a cost item also
            with its rebased value [same unit, analysis price year] and the price-index
            factor used.

        Examples
        --------
        >>> import sociokalkyl as sk
        >>> rows = sk.evaluate(*sk.examples.servicetrainee()).assumptions()
        >>> row = rows[0]
        >>> row.name, row.value, row.unit, row.price_year, round(row.rebased_value, 2)
        ('ekonomiskt_bistand', 7149.0, 'SEK/month', 2012, 9185.4)
        >>> len(rows)
        7
        """
        return assumption_rows(self.plan)

    def summary(self) -> dict[str, Any]:
        """The headline numbers as a plain dict (JSON-ready; NaN becomes None).

        Returns
        -------
        dict
            ``intervention``, ``price_year``, ``npv``, ``pv_costs``, ``pv_avoided`` [SEK],
            ``benefit_cost_ratio``, ``irr``, ``payback``, ``break_even_effect``, ``by_payer``, ...
        """

        def clean(value: float) -> float | None:
            return None if math.isnan(value) else value

        return {
            "intervention": self.plan.intervention_name,
            "price_year": self.plan.price_year,
            "base_year": self.plan.base_year,
            "horizon": self.plan.horizon,
            "discounting": self.plan.discounting_text("en"),
            "npv": self.npv,
            "pv_costs": self.pv_costs,
            "pv_avoided": self.pv_avoided,
            "benefit_cost_ratio": clean(self.benefit_cost_ratio),
            "irr": clean(self.irr),
            "payback": clean(self.payback),
            "payback_discounted": clean(self.payback_discounted),
            "break_even_effect": clean(self.break_even_effect),
            "max_cost_break_even": self.max_cost_break_even,
            "by_payer": [
                {k: (clean(v) if isinstance(v, float) else v) for k, v in row.items()}
                for row in self.by_payer()
            ],
        }

    def to_frame(self, kind: str = "years") -> Any:
        """A table as a tidy DataFrame (:func:`~sociokalkyl.analysis.frames.result_frame`).

        ``kind``: ``"years"``, ``"payers"``, ``"cost_items"``, ``"years_by_payer"``,
        ``"assumptions"``, ``"perspectives"``, ``"actors"``, ``"transfers"``,
        ``"outcomes"`` (:meth:`by_outcome`) or ``"unpriced"`` (:attr:`unpriced_effects`);
        units in the column names (``npv_sek``, ``payback_years``, ``pv_sek``).
        """
        return result_frame(self, kind)

    def plot(self, ax: Any = None, *, lang: str = "sv", kind: str = "overview") -> Any:
        """Draw ``kind``: ``"overview"``, ``"cumulative"`` (payback marked), ``"payers"``,
        ``"cost_items"``, ``"perspectives"``, ``"actors"``, ``"transfers"``; see
        :func:`sociokalkyl.analysis.plot.plot_of` (matplotlib, lazy).
        """
        from sociokalkyl.analysis.plot import plot_of

        return plot_of(self, kind, ax, lang=lang)

    def text(self, lang: str = "en") -> str:
        """The compact text of ``print(result)``, in ``lang`` (see :func:`result_text`)."""
        return result_text(self, lang)

    def __str__(self) -> str:
        """The headline numbers as compact English text (see :func:`result_text`)."""
        return result_text(self)

    def __repr__(self) -> str:
        return result_repr(self)

    def _repr_html_(self) -> str:
        return result_html(self)
