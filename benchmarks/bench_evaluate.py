"""Benchmark: one evaluate() of the Servicetrainee example, and the import time.

Run: ``python benchmarks/bench_evaluate.py``. Targets (issue 2): evaluate() under 5 ms
after import; ``import sociokalkyl`` under 0.3 s with no pandas or matplotlib loaded.
The baseline measured in the same run is a bare Python interpreter start.
"""

from __future__ import annotations

import subprocess
import sys
import time


def _best(function: object, repeats: int = 200) -> float:
    assert callable(function)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def _import_time() -> tuple[float, float, list[str]]:
    code = (
        "import time, sys; t = time.perf_counter(); import sociokalkyl; "
        "print(time.perf_counter() - t); "
        "print(','.join(m for m in ('pandas', 'matplotlib', 'scipy') if m in sys.modules))"
    )
    runs = []
    heavy: list[str] = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split("\n")
        runs.append(float(out[0]))
        heavy = [m for m in out[1].split(",") if m]
    bare = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    return min(runs), min(bare), heavy


def main() -> None:
    import sociokalkyl as sk

    intervention, settings = sk.examples.servicetrainee()
    sk.evaluate(intervention, settings)  # warm up
    seconds = _best(lambda: sk.evaluate(intervention, settings))
    result = sk.evaluate(intervention, settings)
    break_even = _best(lambda: sk.evaluate(intervention, settings).break_even_effect, 20)
    imported, bare, heavy = _import_time()
    print(f"{'benchmark':<40}{'time':>12}{'target':>12}")
    print(f"{'evaluate(servicetrainee)':<40}{seconds * 1e3:>10.2f}ms{'< 5 ms':>12}")
    print(f"{'evaluate + break_even_effect':<40}{break_even * 1e3:>10.2f}ms{'':>12}")
    print(f"{'import sociokalkyl':<40}{imported:>11.3f}s{'< 0.3 s':>12}")
    print(f"{'python -c pass (baseline)':<40}{bare:>11.3f}s{'':>12}")
    print(
        f"import / interpreter start: {imported / bare:.2f}; heavy modules loaded: "
        f"{heavy or 'none'}"
    )
    print(f"(npv of the example: {result.npv:,.0f} SEK)")


if __name__ == "__main__":
    main()
