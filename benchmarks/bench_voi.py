"""Benchmark of the value of information (issue 12): EVPPI over stored draws.

Run ``python benchmarks/bench_voi.py``. Measured in the same run, on the same machine:

1. one ``simulate()`` of the Skolfam example (5 uncertain parameters), 100 000 draws;
2. the EVPPI of every parameter from those stored draws (``rank_evppi``: one regression
   per parameter), target < 1 s, reported as a ratio to (1);
3. EVPI alone, the EVPPI of all parameters together (one larger regression, a check), and
   recreating the parameter draws from the seed (``sample_parameters``).

Times are the best of a few runs (the machine is shared).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from sociokalkyl import examples
from sociokalkyl.examples.uncertain import skolfam_uncertainty
from sociokalkyl.uncertainty import sample_parameters, simulate
from sociokalkyl.uncertainty.value_of_information import evpi, evppi, rank_evppi

DRAWS = 100_000


def best(func: Callable[[], object], repeat: int = 5) -> float:
    """The best wall time of ``repeat`` calls [s]."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    intervention, settings = examples.skolfam()
    u = skolfam_uncertainty()
    simulate(intervention, settings, u, draws=1000, seed=0)  # warm up
    t_sim = best(lambda: simulate(intervention, settings, u, draws=DRAWS, seed=1))
    mc = simulate(intervention, settings, u, draws=DRAWS, seed=1)
    # moved to break even, so that every EVPPI is a real number to estimate, not 0
    npv = mc.npv - mc.mean()
    t_sample = best(lambda: sample_parameters(u, DRAWS, seed=mc.seed))
    parameters = sample_parameters(u, DRAWS, seed=mc.seed)
    rank_evppi(npv, parameters)  # warm up (builds the shared spline basis once)
    t_rank = best(lambda: rank_evppi(npv, parameters))
    t_evpi = best(lambda: evpi(npv), repeat=20)
    stacked = np.column_stack(list(parameters.values()))
    t_joint = best(lambda: evppi(npv, stacked), repeat=3)
    print(f"simulate(), Skolfam, {DRAWS:,} draws, {len(u)} uncertain parameters: {t_sim:.3f} s")
    print(f"EVPPI of every parameter ({len(u)}) from the stored draws: {t_rank:.3f} s "
          f"(target < 1 s); {t_rank / t_sim:.2f}x one simulate()")  # fmt: skip
    print(f"  per parameter: {t_rank / len(u) * 1e3:.0f} ms; EVPI alone: {t_evpi * 1e3:.1f} ms")
    print(f"EVPPI of all {len(u)} together (check against EVPI): {t_joint:.3f} s "
          f"({t_joint / t_sim:.2f}x simulate())")  # fmt: skip
    print(f"recreating the parameter draws from the seed: {t_sample:.3f} s "
          f"({t_sample / t_sim:.2f}x simulate())")  # fmt: skip
    total = evpi(npv)
    print(f"EVPI {total:,.0f} kr; all together {evppi(npv, stacked):,.0f} kr; ranking:")
    for row in rank_evppi(npv, parameters):
        print(f"  {row.parameter}: {row.evppi:,.0f} kr ({row.share_of_evpi:.0%} of EVPI)")


if __name__ == "__main__":
    main()
