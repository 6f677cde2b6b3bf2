"""Benchmark of :func:`sociokalkyl.portfolio.simulate_portfolio` (issue 12).

Run ``python benchmarks/bench_portfolio.py`` (``--quick``: 20 000 draws instead of
100 000). In the same run, on the same machine:

1. a portfolio of 20 interventions (the three bundled examples, cycled, each with its
   own ``[uncertainty]``; the shared ones, the unit costs of the same catalogue keys, are
   drawn once) over 100 000 draws: one ``simulate_portfolio()`` call;
2. against 20 separate ``simulate()`` calls, one per intervention, same draws.

The issue's target: the portfolio costs no more than about the sum of its parts, a
ratio portfolio / separate of about 1 or less. The portfolio computes NPV per member and
per payer only (no payback, no summaries), and samples each shared input once; the
separate calls also compute paybacks, so the ratio is below 1.
"""

from __future__ import annotations

import sys
import time

from sociokalkyl.engine import compile_plan
from sociokalkyl.examples import load
from sociokalkyl.examples.uncertain import uncertainty
from sociokalkyl.portfolio import simulate_portfolio
from sociokalkyl.uncertainty import simulate

MEMBERS = 20
NAMES = ("servicetrainee", "skolfam", "seniorer_ostersund")


def main() -> None:
    draws = 20_000 if "--quick" in sys.argv else 100_000
    cases = [NAMES[n % len(NAMES)] for n in range(MEMBERS)]
    models = [load(name) for name in cases]
    specs = [uncertainty(name) for name in cases]
    plans = {f"{name}_{n}": compile_plan(*models[n]) for n, name in enumerate(cases)}

    start = time.perf_counter()
    for (intervention, settings), spec in zip(models, specs, strict=True):
        simulate(intervention, settings, spec, draws=draws, seed=1)
    separate = time.perf_counter() - start

    start = time.perf_counter()
    result = simulate_portfolio(plans, specs, draws=draws, seed=1)
    together = time.perf_counter() - start
    assert result.npv.shape == (draws,)

    print(f"{MEMBERS} interventions x {draws:,} draws")
    print(f"  {MEMBERS} separate simulate() calls: {separate:8.2f} s")
    print(f"  one simulate_portfolio():         {together:8.2f} s")
    print(f"  ratio portfolio / separate:       {together / separate:8.2f} (target <= ~1)")


if __name__ == "__main__":
    main()
