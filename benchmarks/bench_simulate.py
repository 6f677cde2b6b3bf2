"""Benchmark of :func:`sociokalkyl.uncertainty.simulate`.

Run ``python benchmarks/bench_simulate.py`` (``--quick`` stops the scaling table at 10^6).
Every ratio is measured in the same run, on the same machine:

1. ``simulate()`` end to end (sampling, projection, NPV per payer and per cost item,
   payback, summaries) of an intervention with 3 cost items, 2 payers, 40 years and
   100 000 draws; target < 0.5 s;
2. against ``evaluate()`` called once per draw in a Python loop (200 draws, scaled);
   target >= 100x;
3. against the bare kernel ``flows @ discount_factors`` on a prebuilt array of
   ``D x 3 x 40`` flows, ``(D, 3, 40)`` (the memory-bound floor; best of 20);
4. a scaling table from 10^3 to 10^7 draws: wall time, and peak memory traced by
   ``tracemalloc`` (numpy reports its buffers to it) during the run.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

from sociokalkyl import evaluate
from sociokalkyl.model import (
    BaselineUse,
    CostItem,
    Effect,
    Intervention,
    InterventionCost,
    Settings,
    TargetGroup,
)
from sociokalkyl.uncertainty import Pert, Triangular, Uncertainty, Uniform, simulate

DRAWS = 100_000


def case() -> tuple[Intervention, Settings, Uncertainty]:
    """3 cost items, 2 payers (kommun, region), 40 years, 6 uncertain parameters."""
    items = [
        CostItem(key="fb", name="Försörjningsstöd", unit_cost="9 000 kr/mån",
                 price_year=2023, payer="kommun"),
        CostItem(key="psyk", name="Psykiatrisk öppenvård", unit_cost="3 000 kr",
                 price_year=2023, payer="region"),
        CostItem(key="bo", name="Boendestöd", unit_cost="500 kr/tim",
                 price_year=2023, payer={"kommun": 0.7, "region": 0.3}),
    ]  # fmt: skip
    intervention = Intervention(
        name="Benchmark",
        target_group=TargetGroup(name="Deltagare", intake=[40, 40, 40]),
        cost_items=items,
        baseline=[
            BaselineUse(cost_item="fb", use="8 mån/år", exit_rate=0.1),
            BaselineUse(cost_item="psyk", use="6 /år", exit_rate=0.05),
            BaselineUse(cost_item="bo", use="2 tim/vecka", exit_rate=0.05),
        ],
        effects=[
            Effect(cost_item="fb", kind="relative", change=-0.3, start_lag=1, drop_off=0.1),
            Effect(cost_item="psyk", kind="relative", change=-0.2, ramp_up_years=2),
            Effect(cost_item="bo", kind="absolute", change="-0,5 tim/vecka", duration_years=10),
        ],
        costs=[
            InterventionCost(name="Coach", kind="per_participant", amount="60 000 kr"),
            InterventionCost(name="Drift", kind="per_year", amount="500 000 kr/år", years=5,
                             payer="region"),
        ],
    )  # fmt: skip
    settings = Settings(base_year=2023, price_year=2023, horizon=40, discount_rate=0.035)
    uncertainty = Uncertainty(
        {
            "effects[0].change": Uniform(low=-0.4, high=-0.2),
            "effects[1].change": Triangular(low=-0.3, mode=-0.2, high=0.0),
            "effects[2].change": Uniform(low=-1.0, high=0.0),
            "effects[0].drop_off": Pert(low=0.0, mode=0.1, high=0.3),
            "cost_items.fb.unit_cost": Uniform(low=8000, high=10000),
            "costs[0].amount": Triangular(low=50_000, mode=60_000, high=90_000),
        }
    )
    return intervention, settings, uncertainty


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` calls [s]."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def loop_evaluate(intervention: Intervention, settings: Settings, n: int) -> float:
    """Seconds per draw of evaluate() in a Python loop, the effect changed each time."""
    rng = np.random.default_rng(0)
    changes = rng.uniform(-0.4, -0.2, n)
    start = time.perf_counter()
    for change in changes:
        effects = list(intervention.effects)
        effects[0] = effects[0].model_copy(update={"change": float(change)})
        evaluate(intervention.model_copy(update={"effects": effects}), settings)
    return (time.perf_counter() - start) / n


def main() -> None:
    quick = "--quick" in sys.argv
    intervention, settings, uncertainty = case()
    simulate(intervention, settings, uncertainty, draws=1000, seed=0)  # warm up
    t_sim = best(lambda: simulate(intervention, settings, uncertainty, draws=DRAWS, seed=1))
    per_draw_loop = loop_evaluate(intervention, settings, 200)
    t_loop = per_draw_loop * DRAWS
    flows = np.random.default_rng(0).normal(size=(DRAWS, 3, 40))
    factors = 1.035 ** -np.arange(40.0)
    t_kernel = best(lambda: flows @ factors, repeat=20)
    print(f"simulate(), {DRAWS:,} draws, 3 items, 2 payers, 40 years: {t_sim:.3f} s "
          f"(target < 0.5 s)")  # fmt: skip
    print(f"evaluate() in a loop: {per_draw_loop * 1e3:.2f} ms/draw -> {t_loop:.1f} s for "
          f"{DRAWS:,} draws")  # fmt: skip
    print(f"simulate() is {t_loop / t_sim:,.0f}x faster than the loop (target >= 100x)")
    print(f"bare kernel flows @ factors on ({DRAWS:,}, 3, 40): {t_kernel * 1e3:.1f} ms; "
          f"simulate() / kernel = {t_sim / t_kernel:,.0f}x")  # fmt: skip
    print()
    print("Scaling (time: wall clock with tracemalloc on; peak: tracemalloc peak during the run)")
    print("| draws | keep_draws | time [s] | µs/draw | peak memory [MiB] |")
    print("|---:|:---:|---:|---:|---:|")
    top = 6 if quick else 7
    for exponent in range(3, top + 1):
        draws = 10**exponent
        for keep in (True, False) if draws <= 10**6 else (False,):
            tracemalloc.start()
            start = time.perf_counter()
            simulate(intervention, settings, uncertainty, draws=draws, seed=2, keep_draws=keep)
            elapsed = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"| 10^{exponent} | {keep} | {elapsed:.3f} | {elapsed / draws * 1e6:.2f} "
                  f"| {peak / 2**20:,.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
