"""Run every benchmark: ``python benchmarks/run.py`` (``--quick`` shortens the scaling table).

Each benchmark prints its timings as ratios against a baseline measured in the same
run (a Python loop over numpy-financial, evaluate() in a loop, the bare kernel
``flows @ factors``, a bare interpreter start), so the figures mean the same on a
slower or faster machine.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_evaluate
import bench_finance
import bench_portfolio
import bench_simulate
import bench_voi


def main() -> None:
    for title, module in (
        ("finance kernels (issue 2)", bench_finance),
        ("evaluate() and import (issue 2)", bench_evaluate),
        ("simulate() (issue 3)", bench_simulate),
        ("value of information (issue 12)", bench_voi),
        ("portfolio of 20 interventions (issue 12)", bench_portfolio),
    ):
        print(f"\n=== {title}")
        module.main()


if __name__ == "__main__":
    main()
