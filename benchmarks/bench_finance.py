"""Benchmark the vectorised finance kernels against per-row Python loops.

Run with ``python benchmarks/bench_finance.py``. Not a test: pytest does not
collect it (the file name does not start with ``test_``).

Flows: 100 000 rows x 40 years, seeded. Year 0 is a cost (negative), later
years are mostly positive with some negative years, so every row has an IRR
and some rows have several sign changes.

Reference loops, timed in the same run:

* npv: ``numpy_financial.npv`` over every row.
* irr: ``numpy_financial.irr`` over the first 2 000 rows, scaled linearly to
  100 000 rows (the full loop takes about half a minute).
* payback: numpy-financial has no payback function; the reference is a
  per-row numpy loop (``cumsum`` and a search for the last negative year) over
  the first 10 000 rows, scaled linearly.

Targets: npv >= 200x the loop, irr >= 20x the loop.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy_financial as npf

from sociokalkyl.finance import irr, npv, payback_period

N_ROWS = 100_000
N_YEARS = 40
RATE = 0.035
SEED = 20240601
IRR_LOOP_ROWS = 2_000
PAYBACK_LOOP_ROWS = 10_000
REPEATS = 10
LOOP_REPEATS = 3
TARGETS = {"npv": 200.0, "irr": 20.0}

FloatArray = np.ndarray[Any, np.dtype[np.float64]]


def make_flows(seed: int = SEED) -> FloatArray:
    """Seeded flows [SEK]: year 0 a cost of 50-150, then N(8, 6) a year."""
    rng = np.random.default_rng(seed)
    flows = rng.normal(8.0, 6.0, size=(N_ROWS, N_YEARS))
    flows[:, 0] = -rng.uniform(50.0, 150.0, size=N_ROWS)
    return flows


def best_of(fn: Callable[[], object], repeats: int) -> float:
    """Best wall time [s] of ``repeats`` calls (time.perf_counter)."""
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def payback_row(row: FloatArray) -> float:
    """Reference payback of one 1-D row (same convention as payback_period)."""
    c = np.cumsum(row)
    if c[-1] < 0:
        return math.nan
    negative = np.flatnonzero(c < 0)
    if negative.size == 0:
        return 0.0
    j = int(negative[-1])
    return j + float(-c[j] / row[j + 1])


def main() -> None:
    """Time the kernels and the loops, and print the table."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())  # other work slows BLAS threads
    flows = make_flows()
    rows: list[tuple[str, float, float, str, float]] = []

    # npv: the whole array against a loop over every row
    ours_npv = npv(RATE, flows)
    loop_npv = np.array([npf.npv(RATE, row) for row in flows])
    diff_npv = float(np.max(np.abs(ours_npv - loop_npv)))
    t_ours = best_of(lambda: npv(RATE, flows), REPEATS)
    t_loop = best_of(lambda: [npf.npv(RATE, row) for row in flows], LOOP_REPEATS)
    rows.append(("npv", t_ours, t_loop, f"npf.npv loop, all {N_ROWS} rows", diff_npv))

    # irr: the whole array against a loop over a subset, scaled linearly
    ours_irr = irr(flows)
    sub = flows[:IRR_LOOP_ROWS]
    loop_irr = np.array([npf.irr(row) for row in sub])
    diff_irr = float(np.nanmax(np.abs(ours_irr[:IRR_LOOP_ROWS] - loop_irr)))
    nan_mismatch = int(np.sum(np.isnan(ours_irr[:IRR_LOOP_ROWS]) != np.isnan(loop_irr)))
    t_ours = best_of(lambda: irr(flows), REPEATS)
    t_sub = best_of(lambda: [npf.irr(row) for row in sub], LOOP_REPEATS)
    t_loop = t_sub * N_ROWS / IRR_LOOP_ROWS
    rows.append(
        (
            "irr",
            t_ours,
            t_loop,
            f"npf.irr loop, {IRR_LOOP_ROWS} rows x {N_ROWS // IRR_LOOP_ROWS} (scaled)",
            diff_irr,
        )
    )

    # payback: no numpy-financial equivalent; a per-row numpy reference loop
    ours_pb = payback_period(flows)
    sub = flows[:PAYBACK_LOOP_ROWS]
    loop_pb = np.array([payback_row(row) for row in sub])
    diff_pb = float(np.nanmax(np.abs(ours_pb[:PAYBACK_LOOP_ROWS] - loop_pb)))
    t_ours = best_of(lambda: payback_period(flows), REPEATS)
    t_sub = best_of(lambda: [payback_row(row) for row in sub], LOOP_REPEATS)
    t_loop = t_sub * N_ROWS / PAYBACK_LOOP_ROWS
    rows.append(
        (
            "payback_period",
            t_ours,
            t_loop,
            f"per-row numpy loop, {PAYBACK_LOOP_ROWS} rows x "
            f"{N_ROWS // PAYBACK_LOOP_ROWS} (scaled)",
            diff_pb,
        )
    )

    print(f"flows: {N_ROWS} x {N_YEARS}, seed {SEED}, rate {RATE}; best of {REPEATS} (ours)")
    print(
        f"and {LOOP_REPEATS} (loops), time.perf_counter; load average at start (1/5/15 min): {load}"
    )
    print()
    header = f"{'kernel':<15} {'ours [s]':>10} {'loop [s]':>10} {'ratio':>8} {'target':>8}  "
    print(header + f"{'max |diff|':>10}  loop")
    print("-" * (len(header) + 60))
    for name, ours, loop, what, diff in rows:
        ratio = loop / ours
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else (f">={target:.0f}x " + ("ok" if ratio >= target else "MISSED"))
        )
        timing = f"{name:<15} {ours:>10.4f} {loop:>10.3f} {ratio:>7.0f}x"
        print(f"{timing} {mark:>8}  {diff:>10.1e}  {what}")
    print()
    print(f"irr rows where one side is NaN and the other not: {nan_mismatch}")


if __name__ == "__main__":
    main()
