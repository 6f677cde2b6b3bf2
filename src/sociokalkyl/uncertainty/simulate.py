"""Monte Carlo: draw the uncertain parameters, project many draws at once, summarise.

:func:`simulate` compiles the intervention once, then for each chunk of draws samples every
uncertain parameter (see :mod:`sociokalkyl.uncertainty.spec` for the streams), runs the
same vectorised engine as :func:`~sociokalkyl.evaluate` on batches of
:data:`ENGINE_BATCH` draws, and keeps the per-draw metrics and per-block running
statistics. Memory is bounded by the chunk size, plus the kept draws (``keep_draws``).

Examples
--------
>>> from sociokalkyl import examples
>>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
>>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=2000, seed=1)
>>> 0.0 <= mc.prob_npv_positive <= 1.0
True
>>> mc.npv.shape
(2000,)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.finite import check_finite
from sociokalkyl.analysis.metrics import compute_metrics
from sociokalkyl.engine import Plan, batch_size, compile_plan, project
from sociokalkyl.errors import InputError
from sociokalkyl.finance.irr import irr
from sociokalkyl.uncertainty.blockstats import Stats, block_stats
from sociokalkyl.uncertainty.catalogue_ranges import with_catalogue_ranges
from sociokalkyl.uncertainty.checks import check_draws, check_sampled
from sociokalkyl.uncertainty.distributions import check_quantile
from sociokalkyl.uncertainty.simulation_result import SimulationResult
from sociokalkyl.uncertainty.spec import (
    BLOCK,
    DistributionLike,
    Uncertainty,
    block_draws,
    entropy_of,
)

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = ["ENGINE_BATCH", "KEEP_DRAWS_LIMIT", "SAMPLE_SIZE", "SimulationResult", "simulate"]

Array = NDArray[np.float64]
SAMPLE_SIZE = 16 * BLOCK
"""With ``keep_draws=False``, quantiles come from the first this many draws (131 072)."""
ENGINE_BATCH = 2048
"""Draws projected at once: few enough that the engine's arrays stay in the CPU cache.
A block holds a whole number of batches, so every run projects the same draws together,
whatever its ``chunk_size``, and gives the same numbers bit for bit."""
KEEP_DRAWS_LIMIT = 2_000_000
"""By default the draws are kept up to this many draws, and only summarised beyond it."""


def _metric_columns(plan: Plan) -> list[tuple[str, str, int | None]]:
    """Each metric key of :class:`SimulationResult`: the :class:`Metrics` field and column."""
    columns: list[tuple[str, str, int | None]] = [
        (key, key, None)
        for key in ("npv", "pv_costs", "pv_avoided", "benefit_cost_ratio", "payback")
    ]
    columns.append(("payback_discounted", "payback_discounted", None))
    payers = [(payer, plan.payers.index(payer)) for payer in plan.active_payers]
    for name, field in (
        ("npv", "npv_by_payer"),
        ("payback", "payback_by_payer"),
        ("payback_discounted", "payback_discounted_by_payer"),
    ):
        columns += [(f"{name}:{payer}", field, j) for payer, j in payers]
    columns += [
        (f"pv_avoided:{item}", "pv_avoided_by_item", i) for i, item in enumerate(plan.item_keys)
    ]
    # per perspective: "npv@kommun", "payback@samhället", ... (an actor's key has a colon)
    for name, field in (
        ("npv", "npv_by_perspective"),
        ("payback", "payback_by_perspective"),
        ("payback_discounted", "payback_discounted_by_perspective"),
    ):
        columns += [(f"{name}@{p.name}", field, q) for q, p in enumerate(plan.perspectives)]
    return columns


def simulate(
    intervention: Intervention,
    settings: Settings,
    uncertainty: Uncertainty | Mapping[str, DistributionLike],
    draws: int = 10_000,
    seed: int | np.random.Generator | None = None,
    *,
    chunk_size: int = 65_536,
    progress: Callable[[int, int], None] | None = None,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    catalogue: Mapping[str, CostItem] | None = None,
    keep_draws: bool | None = None,
    with_irr: bool | int = False,
    catalogue_ranges: bool = True,
) -> SimulationResult:
    """Monte Carlo analysis: NPV, BCR, payback (and IRR) over draws of the uncertain parameters.

    Parameters
    ----------
    intervention, settings
        As for :func:`~sociokalkyl.evaluate`; the parameters not in ``uncertainty`` (nor
        with a catalogue range, see ``catalogue_ranges``) keep their values.
    uncertainty
        Parameter name -> distribution of its value (see :class:`Uncertainty`).
    draws
        Number of draws, from 1 to :data:`~sociokalkyl.limits.MAX_DRAWS` (10⁸).
    seed
        None (fresh entropy, recorded in ``result.seed``), an int, or a Generator (one
        integer is drawn from it). The same seed gives the same result bit for bit.
    chunk_size
        Draws sampled and summarised at once; rounded down to whole blocks of 8192 (at
        least one). Within a chunk the engine projects :data:`ENGINE_BATCH` draws at a
        time, so its temporaries stay small (8.6 MiB for 3 cost items and 40 years); a
        chunk adds about 230 bytes a draw for the samples and metrics, and with
        ``with_irr`` the net flows of its draws (8 bytes a year a draw: 21 MB for the
        default chunk and 40 years). With the default and no IRR, peak memory
        (tracemalloc) was 44 MiB for any number of draws not kept. Results do not
        depend on it.
    progress
        Called as ``progress(done, draws)`` after each chunk.
    quantiles
        Quantile levels for :meth:`SimulationResult.records`.
    catalogue
        Where cost-item keys are looked up.
    keep_draws
        Keep every draw's metrics (``8 * (6 + 3 P + I + 3 Q)`` bytes a draw for ``P``
        payers, ``I`` cost items and ``Q`` perspectives, 8 more with ``with_irr``).
        Default: keep up to 2 000 000 draws. With False only running statistics and the
        first 131 072 draws are kept, so memory stays flat for any number of draws.
    with_irr
        False (default): no IRR, it is the costly metric. True: the IRR of every draw.
        An int ``n``: the IRR of the first ``n`` draws only.
    catalogue_ranges
        True (default): a consequence row's ``range`` (an order of magnitude in the
        consequence catalogue) is drawn as a triangular distribution too, unless
        ``uncertainty`` names the parameter: the user's own entry wins
        (:func:`~sociokalkyl.uncertainty.catalogue_ranges.with_catalogue_ranges`; the
        result's ``catalogue_ranges`` and ``own_over_catalogue`` say which). False:
        only ``uncertainty``.

    Returns
    -------
    SimulationResult
        Arrays over the draws under the names of :class:`~sociokalkyl.Result`, and
        summaries (mean, quantiles, P(NPV > 0), payback curve).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> mc = simulate(*examples.servicetrainee(), {"effect_multiplier": {"kind": "uniform",
    ...     "low": 0.5, "high": 1.5}}, draws=1000, seed=1)
    >>> mc.npv.shape, 0.0 <= mc.prob_npv_positive <= 1.0
    ((1000,), True)

    Raises
    ------
    InputError
        For ``draws < 1`` or above ``MAX_DRAWS``, a quantile outside (0, 1), an unknown
        parameter name, or a
        distribution that can draw outside its parameter's bounds.
    """
    draws = _check_counts(draws, chunk_size)
    levels = tuple(float(q) for q in check_quantile(tuple(quantiles), "quantiles").reshape(-1))
    spec = uncertainty if isinstance(uncertainty, Uncertainty) else Uncertainty(uncertainty)
    plan = compile_plan(intervention, settings, catalogue)
    merged = with_catalogue_ranges(intervention, spec) if catalogue_ranges else None
    spec = spec if merged is None else merged.uncertainty
    spec.check(plan)
    entropy = entropy_of(seed)
    keep = draws <= KEEP_DRAWS_LIMIT if keep_draws is None else keep_draws
    irr_draws = (
        draws if with_irr is True else (0 if with_irr is False else min(int(with_irr), draws))
    )
    run = _Run(plan, spec, entropy, draws, draws if keep else min(draws, SAMPLE_SIZE), irr_draws)
    n_blocks = -(-draws // BLOCK)
    per_chunk = max(1, chunk_size // BLOCK)
    for first in range(0, n_blocks, per_chunk):
        done = run.chunk(range(first, min(n_blocks, first + per_chunk)))
        if progress is not None:
            progress(done, draws)
    result = run.result(levels)
    if merged is not None:
        result.catalogue_ranges, result.own_over_catalogue = merged.from_catalogue, merged.own
    return result


def _check_counts(draws: object, chunk_size: object) -> int:
    """``draws`` as an int; an InputError for a bad number of draws or chunk size."""
    count = check_draws(draws)
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise InputError(
            "is not a positive chunk size",
            field="chunk_size",
            value=chunk_size,
            expected="an integer >= 1, e.g. chunk_size=65_536",
        )
    return count


class _Run:
    """The state of one simulation: kept draws, per-block statistics, payback counts."""

    def __init__(
        self,
        plan: Plan,
        spec: Uncertainty,
        entropy: int,
        draws: int,
        stored: int,
        irr_draws: int,
    ) -> None:
        self.plan, self.spec, self.entropy = plan, spec, entropy
        self.draws, self.stored, self.irr_draws = draws, stored, irr_draws
        self.base = plan.values()
        # a large plan projects fewer draws at once; no draw's numbers change
        self.batch = batch_size(plan, ENGINE_BATCH)
        self.columns = _metric_columns(plan)
        keys = [key for key, _, _ in self.columns]
        self.arrays = {key: np.empty(stored) for key in keys}
        if irr_draws:
            self.arrays["irr"] = np.empty(min(irr_draws, stored))
        self.blocks: dict[str, list[tuple[Array, Array, Array, Array]]] = {
            key: [] for key in [*keys, *(["irr"] if irr_draws else [])]
        }
        self.within = {
            key: np.zeros(plan.horizon + 1, dtype=np.int64)
            for key in keys
            if key.startswith("payback")
        }

    def chunk(self, chunk_blocks: range) -> int:
        """Sample, project and summarise the draws of some blocks; the draws done so far."""
        start = chunk_blocks[0] * BLOCK
        sizes = [min(BLOCK, self.draws - b * BLOCK) for b in chunk_blocks]
        with np.errstate(over="ignore", invalid="ignore"):  # checked by check_sampled
            samples = [
                block_draws(self.spec, self.entropy, b, s)
                for b, s in zip(chunk_blocks, sizes, strict=True)
            ]
        sampled = {name: np.concatenate([s[name] for s in samples]) for name in self.spec}
        check_sampled(self.spec, sampled)
        chunk, nets = self._project(sampled, start, sum(sizes))
        starts = np.cumsum([0, *sizes[:-1]]).astype(np.int64)
        for key, data in chunk.items():
            self._add(key, data, start, starts)
        if start < self.irr_draws:
            self._add_irr(nets, start, sum(sizes), starts)
        return start + sum(sizes)

    def _project(
        self, sampled: dict[str, Array], start: int, n: int
    ) -> tuple[dict[str, Array], list[Array]]:
        """Every metric of ``n`` sampled draws, in engine batches; the nets needing an IRR."""
        chunk = {key: np.empty(n) for key, _, _ in self.columns}
        nets: list[Array] = []
        for low in range(0, n, self.batch):
            high = min(n, low + self.batch)
            values = dict(self.base)
            for name, draws_of_name in sampled.items():
                values[name] = draws_of_name[low:high]
            projection = project(self.plan, values, with_baseline=False)
            m = compute_metrics(projection, with_irr=False)
            check_finite(self.plan, values, projection, m, first_draw=start + low)
            for key, field, index in self.columns:
                values_of = getattr(m, field)
                # a value that no draw changes broadcasts
                chunk[key][low:high] = values_of if index is None else values_of[:, index]
            if start + low < self.irr_draws:
                net = projection.net.T  # (D, T)
                nets.append(np.broadcast_to(net, (high - low, net.shape[-1])))
        return chunk, nets

    def _add(self, key: str, data: Array, start: int, starts: NDArray[np.int64]) -> None:
        """Add one metric of a chunk: block statistics, kept draws, payback counts."""
        self.blocks[key].append(block_stats(data, starts))
        if start < self.stored:
            end = min(self.stored, start + data.size)
            self.arrays[key][start:end] = data[: end - start]
        if key in self.within:
            # payback <= k  <=>  ceil(payback) <= k for whole years k
            horizon = self.plan.horizon
            years = np.where(np.isnan(data), horizon + 1, np.ceil(data))
            bins = np.clip(years, 0, horizon + 1).astype(np.int64)
            self.within[key] += np.cumsum(np.bincount(bins, minlength=horizon + 2))[:-1]

    def _add_irr(self, nets: list[Array], start: int, n: int, starts: NDArray[np.int64]) -> None:
        """The IRR of the chunk's draws among the first ``irr_draws``."""
        end = min(self.irr_draws, start + n)
        rates = np.asarray(irr(np.concatenate(nets)[: end - start]), dtype=float)
        if start < self.stored:
            kept = min(end, self.stored)
            self.arrays["irr"][start:kept] = rates[: kept - start]
        self.blocks["irr"].append(block_stats(rates, starts[starts < end - start]))

    def result(self, levels: tuple[float, ...]) -> SimulationResult:
        """The simulation result over every chunk added."""
        stats = {
            key: Stats(*(np.concatenate([part[f] for part in parts]) for f in range(4)))
            for key, parts in self.blocks.items()
        }
        return SimulationResult(
            self.plan, self.draws, self.entropy, levels, self.plan.active_payers,
            self.arrays, stats, self.within, self.irr_draws,
        )  # fmt: skip
