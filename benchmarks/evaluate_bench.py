"""Evaluation time of the whole policy set over synthetic snapshots, on each installed engine.

    python3 benchmarks/evaluate_bench.py [--sizes 10,100,1000] [--repeat 1]

Prints seconds per engine and size, and the ratio to real OPA in-process (when installed).
Target for the default (embedded) engine: <= 3 s at 1000 containers. Numbers come from one
run on this machine: compare ratios, not absolute times.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import dockerbench  # noqa: E402
from dockerbench.engines import available_engines, default_workers, make_engine  # noqa: E402

import synthetic  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    engines = sorted(available_engines(), key=lambda e: e != "opa")  # the reference first
    print(f"engines: {', '.join(engines)} (embedded: {default_workers()} worker processes)")
    print(f"{'containers':>10} {'engine':>9} {'seconds':>8} {'vs opa':>7} {'statuses'}")
    for n in [int(x) for x in args.sizes.split(",")]:
        snap = synthetic.snapshot(n, n_images=max(5, n // 10))
        timings: dict[str, float] = {}
        for name in engines:
            engine = make_engine(name)  # created (and its worker started) outside the timing
            engine.describe()
            best = float("inf")
            for _ in range(args.repeat):
                t = time.perf_counter()
                report = dockerbench.evaluate(snap, engine=engine)
                best = min(best, time.perf_counter() - t)
            engine.close()
            timings[name] = best
            ratio = f"{best / timings['opa']:.2f}x" if "opa" in timings else "-"
            counts = ", ".join(f"{k} {v}" for k, v in report.counts.items() if v)
            print(f"{n:>10} {name:>9} {best:>8.2f} {ratio:>7} {counts}")
        if "opa" in timings and "embedded" in timings:
            print(f"{'':>10} embedded/opa = {timings['embedded'] / timings['opa']:.2f}")


if __name__ == "__main__":
    main()
