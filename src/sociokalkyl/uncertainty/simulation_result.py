"""The result of :func:`~sociokalkyl.uncertainty.simulate`: per-draw metrics and summaries.

Its headline names are those of :class:`~sociokalkyl.analysis.result.Result`: ``npv``,
``npv_by_payer``, ``pv_costs``, ``pv_avoided``, ``benefit_cost_ratio``, ``payback``,
``payback_discounted``, ``irr`` (an array over the draws here, a float there), and the
``_by_payer`` forms as dicts keyed by payer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine import Plan
from sociokalkyl.errors import unknown_name
from sociokalkyl.uncertainty.blockstats import Stats, quantiles_with_inf
from sociokalkyl.uncertainty.display import simulation_html, simulation_text
from sociokalkyl.uncertainty.distributions import check_quantile
from sociokalkyl.uncertainty.draws import Draws
from sociokalkyl.uncertainty.frames import simulation_frame
from sociokalkyl.uncertainty.payback import payback_stats
from sociokalkyl.uncertainty.simulation_perspectives import npv_by_actor, perspective_records

__all__ = ["SimulationResult"]

Array = NDArray[np.float64]


class SimulationResult(Draws):
    """The outcome of :func:`~sociokalkyl.uncertainty.simulate`: per-draw metrics, summaries.

    The headline names are those of :class:`~sociokalkyl.analysis.result.Result`
    (``npv``, ``npv_by_payer``, ``pv_costs``, ``pv_avoided``, ``benefit_cost_ratio``,
    ``payback``, ``payback_discounted``, ``irr``, ``payback_by_payer``, ...): an array
    over the draws here, a float there. They need every draw kept (an error otherwise;
    :meth:`values` gives the kept sample).

    Amounts are SEK in the analysis price year, present values at year 0. Metric keys:
    ``"npv"``, ``"pv_costs"``, ``"pv_avoided"``, ``"benefit_cost_ratio"``, ``"payback"``,
    ``"payback_discounted"``, ``"irr"`` (when computed), and per payer
    ``"npv:kommun"``, ``"payback:kommun"``, ``"payback_discounted:kommun"``, per cost item
    ``"pv_avoided:ekonomiskt_bistand"``.

    Means, standard deviations, P(NPV > 0) and P(payback <= k) for whole years k use every
    draw. Quantiles and P(payback <= k) for fractional k use the kept draws: all of them,
    or with ``keep_draws=False`` the first 131 072 (``SAMPLE_SIZE``; ``kept`` says how many).
    NaN payback (not within the horizon) counts as "not within" and sorts as +infinity.

    Examples
    --------
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=50, seed=3)
    >>> mc.npv.shape, mc.pv_costs.shape, list(mc.payback_by_payer)
    ((50,), (50,), ['kommun', 'region', 'stat', 'individ', 'övriga', 'kommun/socialnämnd',
                    'kommun/arbetsmarknadsnämnd'])
    """

    catalogue_ranges: tuple[str, ...] = ()
    """The parameters drawn from the consequence catalogue's ranges (``simulate``)."""
    own_over_catalogue: tuple[str, ...] = ()
    """The parameters with a catalogue range where the user's own distribution was used."""

    def __init__(
        self,
        plan: Plan,
        draws: int,
        seed: int,
        quantiles: tuple[float, ...],
        payers: tuple[str, ...],
        arrays: dict[str, Array],
        stats: dict[str, Stats],
        within: dict[str, NDArray[np.int64]],
        irr_draws: int,
    ) -> None:
        super().__init__(draws, payers, plan.item_keys, arrays)
        self.plan = plan
        self.seed = seed
        self.quantile_levels = quantiles
        self._stats = stats
        self._within = within
        self.irr_draws = irr_draws

    @property
    def metrics(self) -> tuple[str, ...]:
        """The metric keys."""
        return tuple(self._stats)

    # --- summaries -----------------------------------------------------------------------
    def _key(self, metric: str, payer: str | None, perspective: str | None = None) -> str:
        key = metric if payer is None else f"{metric}:{payer}"
        if perspective is not None:
            key = f"{metric}@{self.plan.perspective(perspective).name}"
        if key not in self._stats:
            raise unknown_name(key, self._stats, "a metric of this simulation", field="metric")
        return key

    def mean(self, metric: str = "npv", payer: str | None = None) -> float:
        """Mean over all draws (finite values only: payback among those that pay back).

        Parameters
        ----------
        metric
            A metric key such as ``"npv"`` or ``"payback"``.
        payer
            The payer's metric instead of the total.

        Returns
        -------
        float
            In the metric's unit [SEK, years, 1/year].
        """
        return self._stats[self._key(metric, payer)].total()[1]

    def std(self, metric: str = "npv", payer: str | None = None) -> float:
        """Sample standard deviation over all draws (finite values only).

        Parameters
        ----------
        metric
            A metric key such as ``"npv"``.
        payer
            The payer's metric instead of the total.

        Returns
        -------
        float
            In the metric's unit.
        """
        return self._stats[self._key(metric, payer)].total()[2]

    def quantile(
        self, q: float | Sequence[float], metric: str = "npv", payer: str | None = None
    ) -> Array:
        """Quantiles of the kept draws; payback NaN counts as +inf (not within the horizon).

        Parameters
        ----------
        q
            Quantile level(s) in (0, 1).
        metric
            A metric key such as ``"npv"``.
        payer
            The payer's metric instead of the total.

        Returns
        -------
        ndarray
            One value per level, in the metric's unit (linear interpolation).
        """
        levels = check_quantile(q)
        data = self._arrays[self._key(metric, payer)]
        if metric.startswith("payback"):
            return quantiles_with_inf(np.where(np.isnan(data), np.inf, data), levels)
        data = data[np.isfinite(data)]
        if data.size == 0:
            return np.full(levels.shape, np.nan)
        return np.asarray(np.quantile(data, levels), dtype=float)

    @property
    def prob_npv_positive(self) -> float:
        """P(NPV > 0) over all draws."""
        return self._stats["npv"].total()[3] / self.draws

    @property
    def prob_npv_positive_by_payer(self) -> dict[str, float]:
        """P(NPV > 0) for each payer, over all draws."""
        return {p: self._stats[f"npv:{p}"].total()[3] / self.draws for p in self.payers}

    @property
    def prob_npv_positive_by_perspective(self) -> dict[str, float]:
        """P(NPV > 0) for each perspective (``kommun``, ``offentlig_sektor``, ...)."""
        return {
            p.name: self._stats[f"npv@{p.name}"].total()[3] / self.draws
            for p in self.plan.perspectives
        }

    @property
    def npv_by_perspective(self) -> dict[str, Array]:
        """NPV of each draw per perspective [SEK] (as ``Result.npv_by_perspective``)."""
        return {p.name: self._all_draws(f"npv@{p.name}") for p in self.plan.perspectives}

    @property
    def npv_by_actor(self) -> dict[str, Array]:
        """NPV of each draw per actor with a flow, a parent rolled up over its nested actors.

        As :attr:`Result.npv_by_actor <sociokalkyl.analysis.result.Result.npv_by_actor>`,
        over draws [SEK].
        """
        return npv_by_actor(self.plan, self.npv_by_payer)

    def perspectives(self) -> list[dict[str, Any]]:
        """The same as :meth:`perspective_records` (the name :class:`Result` uses)."""
        return perspective_records(self)

    def perspective_records(self) -> list[dict[str, Any]]:
        """Per perspective: mean NPV, its quantiles, P(NPV > 0), P(payback within horizon).

        Returns
        -------
        list of dict
            See :func:`~sociokalkyl.uncertainty.simulation_perspectives.perspective_records`.
        """
        return perspective_records(self)

    def prob_payback_within(
        self,
        k: float,
        *,
        discounted: bool = False,
        payer: str | None = None,
        perspective: str | None = None,
    ) -> float:
        """P(payback <= k years); a draw that does not pay back within the horizon is not within.

        Whole years ``0 <= k <= horizon`` use every draw; other ``k`` use the kept draws.

        Parameters
        ----------
        k
            Years after the base year [years].
        discounted
            Use the discounted payback.
        payer
            The payer's payback instead of the total.
        perspective
            A perspective's payback instead of the headline's.

        Returns
        -------
        float
            A probability in [0, 1].
        """
        metric = "payback_discounted" if discounted else "payback"
        key = self._key(metric, payer, perspective)
        if float(k).is_integer() and 0 <= k <= self.plan.horizon:
            return float(self._within[key][int(k)]) / self.draws
        data = self._arrays[key]
        return float(np.mean(np.where(np.isnan(data), False, data <= k)))

    def payback_curve(
        self, *, discounted: bool = False, payer: str | None = None, perspective: str | None = None
    ) -> list[float]:
        """P(payback <= k) for k = 0, 1, ..., horizon.

        Parameters
        ----------
        discounted
            Use the discounted payback.
        payer
            The payer's payback instead of the total.
        perspective
            A perspective's payback instead of the headline's.

        Returns
        -------
        list of float
            ``horizon + 1`` probabilities.
        """
        return [
            self.prob_payback_within(k, discounted=discounted, payer=payer, perspective=perspective)
            for k in range(self.plan.horizon + 1)
        ]

    def records(self) -> list[dict[str, Any]]:
        """One row per metric: mean, std, the chosen quantiles, share finite, P(> 0).

        Returns
        -------
        list of dict
            Keys ``metric``, ``payer``, ``cost_item``, ``mean``, ``std``, ``q5``, ``q50``,
            ``q95`` (the levels asked for), ``share_finite``, ``prob_positive``.
        """
        rows: list[dict[str, Any]] = []
        for key, stats in self._stats.items():
            if "@" in key:  # per perspective: perspective_records()
                continue
            metric, _, who = key.partition(":")
            n, mean, std, positive = stats.total()
            row: dict[str, Any] = {
                "metric": metric,
                "payer": who if who in self.payers else None,
                "cost_item": who if who in self.items and who not in self.payers else None,
                "mean": mean,
                "std": std,
            }
            draws = self.irr_draws if metric == "irr" else self.draws
            for level, value in zip(
                self.quantile_levels, self.quantile(self.quantile_levels, key), strict=True
            ):
                row[f"q{level * 100:g}"] = float(value)
            row["share_finite"] = n / draws if draws else math.nan
            row["prob_positive"] = positive / draws if draws else math.nan
            rows.append(row)
        return rows

    def summary(self) -> dict[str, Any]:
        """The headline numbers as a plain dict (JSON-ready: NaN and inf become None).

        Returns
        -------
        dict
            ``intervention``, ``draws``, ``seed``, ``npv_mean`` [SEK], ``npv_std``,
            ``prob_npv_positive``, ``prob_payback_within_horizon``, ``metrics`` (the records).
        """

        def clean(value: Any) -> Any:
            if isinstance(value, float) and not math.isfinite(value):
                return None
            return value

        return {
            "intervention": self.plan.intervention_name,
            "draws": self.draws,
            "seed": self.seed,
            "kept_draws": self.kept,
            "irr_draws": self.irr_draws,
            "price_year": self.plan.price_year,
            "horizon": self.plan.horizon,
            "npv_mean": self.mean(),
            "npv_std": self.std(),
            "prob_npv_positive": self.prob_npv_positive,
            "prob_npv_positive_by_payer": self.prob_npv_positive_by_payer,
            "prob_payback_within_horizon": self.prob_payback_within(self.plan.horizon),
            "metrics": [{k: clean(v) for k, v in row.items()} for row in self.records()],
        }

    def to_frame(self, kind: str = "summary") -> Any:
        """A tidy DataFrame: ``"summary"``, ``"draws"``, ``"payback"`` or ``"payback_curve"``.

        See :func:`~sociokalkyl.uncertainty.frames.simulation_frame` (needs pandas).
        """
        return simulation_frame(self, kind)

    def payback_stats(self, *, discounted: bool = False, payer: str | None = None) -> Any:
        """Payback with never-paying draws counted (:func:`~.payback.payback_stats`)."""
        return payback_stats(self, discounted=discounted, payer=payer)

    def plot(
        self, metric: str = "npv", payer: str | None = None, *, bins: int = 50,
        ax: Any = None, lang: str = "sv", perspective: str | None = None,
    ) -> Any:  # fmt: skip
        """A histogram, ``"payback"`` (never shown) or ``"payback_curve"``: see :mod:`.plot`.

        ``perspective`` (``"kommun"``, ...) draws that perspective's metric.
        """
        from sociokalkyl.uncertainty.plot import plot_simulation

        return plot_simulation(self, metric, payer, bins=bins, ax=ax, lang=lang,
                               perspective=perspective)  # fmt: skip

    def __str__(self) -> str:
        return simulation_text(self)

    def _repr_html_(self) -> str:
        return simulation_html(self)

    def __repr__(self) -> str:
        return (
            f"SimulationResult({self.plan.intervention_name!r}, draws={self.draws}, "
            f"npv_mean={self.mean():,.0f}, prob_npv_positive={self.prob_npv_positive:.3f})"
        )
