"""One Monte Carlo over a whole portfolio: shared inputs are the same draw in every member.

:func:`simulate_portfolio` samples each block of draws once for the whole portfolio (the
streams of :mod:`sociokalkyl.portfolio.shared`), then projects each member with the same
vectorised engine and the same present-value kernels as
:func:`~sociokalkyl.uncertainty.simulate`, in the same batches: a member's NPV in a draw
has the same bits as in ``simulate`` when it draws the same inputs. Payback and IRR are
not computed (the portfolio asks for NPV per member, per payer and in total, and yearly
flows for the fund). Pint- and pydantic-free.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.finite import check_finite
from sociokalkyl.analysis.metrics import compute_metrics
from sociokalkyl.engine import Plan, batch_size, project, sides, weighted_sum
from sociokalkyl.errors import CalculationError, InputError
from sociokalkyl.finance.discounting import discounted_sum
from sociokalkyl.portfolio.core import Portfolio, actor_columns, as_portfolio, shift_factor
from sociokalkyl.portfolio.display import simulation_frame, simulation_html
from sociokalkyl.portfolio.shared import shared_uncertainty
from sociokalkyl.uncertainty.checks import check_draws, check_sampled
from sociokalkyl.uncertainty.simulate import ENGINE_BATCH, KEEP_DRAWS_LIMIT
from sociokalkyl.uncertainty.spec import BLOCK, Uncertainty, block_draws, entropy_of

__all__ = ["PortfolioSimulation", "simulate_portfolio"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class PortfolioSimulation:
    """The draws of a portfolio simulation [SEK].

    Attributes
    ----------
    portfolio
        The portfolio simulated.
    seed
        The entropy of the run (repeat it with ``seed=``).
    npv
        The portfolio's NPV of each draw, in the portfolio base year, shape ``(D,)``.
    npv_by_member
        Each member's NPV of each draw in its own base year, shape ``(N, D)``.
    npv_by_payer
        Payer -> the portfolio's NPV per draw for that payer (portfolio base year).
    yearly_avoided
        ``(member, payer)`` -> avoided costs per analysis year and draw, undiscounted,
        shape ``(T, D)``: the pairs asked for with ``yearly=`` (the fund's repayments).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> u = {"effect_multiplier": {"kind": "uniform", "low": 0.5, "high": 1.5}}
    >>> mc = simulate_portfolio([compile_plan(*examples.skolfam())], [u], draws=100, seed=1)
    >>> mc.npv.shape, 0.0 <= mc.prob_npv_positive <= 1.0
    ((100,), True)
    """

    portfolio: Portfolio
    seed: int
    npv: Array
    npv_by_member: Array
    npv_by_payer: dict[str, Array]
    yearly_avoided: dict[tuple[str, str], Array] = field(default_factory=dict)

    @property
    def draws(self) -> int:
        """The number of draws."""
        return int(self.npv.size)

    @property
    def prob_npv_positive(self) -> float:
        """The share of draws in which the portfolio's NPV is above 0 [1]."""
        return float(np.mean(self.npv > 0))

    def quantiles(self, levels: Sequence[float] = (0.05, 0.5, 0.95)) -> dict[str, list[float]]:
        """Quantiles of the portfolio's NPV, of each member's and of each payer's [SEK].

        Parameters
        ----------
        levels
            Quantile levels in (0, 1).

        Returns
        -------
        dict of str to list of float
            ``"portfolio"``, each member's name and ``"payer:<name>"`` -> quantiles.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> mc = simulate_portfolio([compile_plan(*examples.skolfam())], [None], draws=10, seed=1)
        >>> len(mc.quantiles()["portfolio"])
        3
        """
        q = list(levels)
        out = {"portfolio": np.quantile(self.npv, q).tolist()}
        for name, row in zip(self.portfolio.names, self.npv_by_member, strict=True):
            out[name] = np.quantile(row, q).tolist()
        for payer, values in self.npv_by_payer.items():
            out[f"payer:{payer}"] = np.quantile(values, q).tolist()
        return out

    def to_frame(self) -> Any:
        """Percentiles and P(NPV > 0) per series (:func:`~.display.simulation_frame`)."""
        return simulation_frame(self)

    def _repr_html_(self) -> str:
        return simulation_html(self)


def _npv_of(projection: Any) -> tuple[Array, Array]:
    """NPV and NPV per actor ``(D, P)`` of a projection, as ``compute_metrics`` sums them.

    With the line weights (``docs/perspectives.md``): the headline perspective's gains
    less its costs, and each actor's, so transfers, work and taxes count as in ``evaluate``.
    """
    pv_flows = discounted_sum(projection.flows, projection.factors, axis=-2)
    gains, costs = sides(projection.headline, pv_flows, projection.by_value)
    by_actor = [sides(w, pv_flows, projection.by_value) for w in projection.weights.T]
    return gains - costs, np.stack([g - c for g, c in by_actor], axis=-1)


class _Member:
    """One member's plan, its streams and where its results go."""

    def __init__(self, plan: Plan, streams: Mapping[str, str], shift: int) -> None:
        self.plan, self.streams, self.shift = plan, dict(streams), shift
        self.base = plan.values()
        self.batch = batch_size(plan, ENGINE_BATCH)

    def run(self, sampled: Mapping[str, Array], start: int, out: _Out, j: int) -> None:
        """Project the block's draws in engine batches and add them to ``out``."""
        n = next(iter(sampled.values())).size if sampled else out.block_size
        for low in range(0, n, self.batch):
            high = min(n, low + self.batch)
            values = dict(self.base)
            for name, stream in self.streams.items():
                values[name] = sampled[stream][low:high]
            projection = project(self.plan, values, with_baseline=False)
            npv, by_payer = _npv_of(projection)
            if not np.isfinite(npv).all():
                check_finite(self.plan, values, projection, compute_metrics(projection),
                             first_draw=start + low)  # fmt: skip
                raise CalculationError("is not a finite number", field="npv")  # pragma: no cover
            rate = values.get("settings.discount_rate")
            factor = shift_factor(self.plan, self.shift, rate) if self.shift else None
            out.add(j, self.plan, slice(start + low, start + high), npv, by_payer, factor)
            for (member, payer), array in out.yearly.items():
                if member == out.names[j]:
                    columns = actor_columns(self.plan, payer)  # with its nested nämnder
                    shares = projection.item_payer_shares[:, columns].sum(axis=1)
                    array[:, start + low : start + high] = weighted_sum(shares, projection.avoided)


class _Out:
    """The arrays a portfolio simulation fills."""

    def __init__(self, portfolio: Portfolio, draws: int, yearly: Mapping[str, Sequence[str]]):
        self.names = portfolio.names
        self.block_size = min(BLOCK, draws)
        self.npv = np.zeros(draws)
        self.by_member = np.empty((len(portfolio.plans), draws))
        self.by_payer = {payer: np.zeros(draws) for payer in portfolio.payers}
        self.yearly = {
            (member, payer): np.empty((portfolio.member(member).horizon, draws))
            for member, payers in yearly.items()
            for payer in payers
        }

    def add(self, j: int, plan: Plan, where: slice, npv: Array, by_payer: Array,
            factor: Array | None) -> None:  # fmt: skip
        """Add a batch of one member: its own NPV, and its share of the totals."""
        self.by_member[j, where] = npv
        f = 1.0 if factor is None else factor
        self.npv[where] += f * npv
        for p, payer in enumerate(plan.payers):
            self.by_payer[payer][where] += f * by_payer[:, p]


def simulate_portfolio(
    portfolio: Portfolio | Mapping[str, Plan] | Sequence[Plan],
    uncertainties: Sequence[Uncertainty | Mapping[str, Any] | None],
    draws: int = 10_000,
    seed: int | np.random.Generator | None = None,
    *,
    yearly: Mapping[str, Sequence[str]] | None = None,
) -> PortfolioSimulation:
    """Monte Carlo over a whole portfolio, with shared inputs drawn once for every member.

    Parameters
    ----------
    portfolio
        The members (see :func:`~sociokalkyl.portfolio.core.evaluate_portfolio`).
    uncertainties
        One uncertainty a member, in the same order (None: nothing uncertain). A shared
        parameter (:func:`~sociokalkyl.portfolio.shared.is_shared`) given in one member
        applies to every member that has it.
    draws
        Number of draws, from 1 to ``KEEP_DRAWS_LIMIT`` (2 000 000). Every draw is kept: about
        ``8 (N + P + 1)`` bytes a draw, plus ``8 T`` a draw for each yearly pair.
    seed
        As for ``simulate``; a portfolio of one gives its member's ``simulate`` NPVs.
    yearly
        Member name -> payers whose yearly avoided costs to keep (for the fund).

    Returns
    -------
    PortfolioSimulation
        NPV per draw in total, per member and per payer.

    Notes
    -----
    .. math:: NPV^{port}_d = \\sum_j f_j(s_j; r_d)\\, NPV_{j,d}

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plans = [compile_plan(*examples.load(n)) for n in ("servicetrainee", "skolfam")]
    >>> mc = simulate_portfolio(plans, [None, None], draws=4, seed=1)
    >>> mc.npv_by_member.shape
    (2, 4)
    """
    portfolio = as_portfolio(portfolio)
    draws = check_draws(draws)
    if draws > KEEP_DRAWS_LIMIT:
        raise InputError(
            "is more draws than a portfolio simulation keeps (it keeps every draw)",
            field="draws",
            value=draws,
            expected=f"at most {KEEP_DRAWS_LIMIT:,} draws, e.g. draws=100_000",
        )
    units = [_units(plan) for plan in portfolio.plans]
    spec, streams = shared_uncertainty(portfolio.names, units, list(uncertainties))
    for plan, own in zip(portfolio.plans, streams, strict=True):
        Uncertainty({name: spec[stream] for name, stream in own.items()}).check(plan)
    entropy = entropy_of(seed)
    base = portfolio.base_year
    members = [
        _Member(plan, own, plan.base_year - base)
        for plan, own in zip(portfolio.plans, streams, strict=True)
    ]
    out = _Out(portfolio, draws, yearly or {})
    for block in range(-(-draws // BLOCK)):
        size = min(BLOCK, draws - block * BLOCK)
        with np.errstate(over="ignore", invalid="ignore"):
            sampled = block_draws(spec, entropy, block, size)
        check_sampled(spec, sampled)
        out.block_size = size
        for j, member in enumerate(members):
            member.run(sampled, block * BLOCK, out, j)
    return PortfolioSimulation(portfolio, entropy, out.npv, out.by_member, out.by_payer,
                               out.yearly)  # fmt: skip


def _units(plan: Plan) -> dict[str, str]:
    """Each parameter's unit, with the price year for a cost item's amounts."""
    units = {}
    for name, parameter in plan.parameters.items():
        units[name] = parameter.unit
        if parameter.key.section == "cost_items":
            item = plan.cost_items[plan.item_keys.index(str(parameter.key.index))]
            units[name] += f" ({item.price_year})"
    return units
