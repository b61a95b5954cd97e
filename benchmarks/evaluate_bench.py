"""Evaluation time of the whole policy set over synthetic snapshots, on each installed engine.

    python3 benchmarks/evaluate_bench.py [--sizes 10,100,1000] [--repeat 2]

Prints seconds per engine and size, for a fresh engine and for one with the policies compiled,
and the ratio to real OPA in-process (when installed). Target for the default (embedded)
engine: <= 3 s at 1000 containers. Numbers come from one run on this machine: compare
ratios, not absolute times.
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
    parser.add_argument("--repeat", type=int, default=2, help="evaluations after the first (best is shown)")
    args = parser.parse_args()
    engines = sorted(available_engines(), key=lambda e: e != "opa")  # the reference first
    print(f"engines: {', '.join(engines)} (embedded: {default_workers()} worker processes)")
    print("first: a fresh engine (loads and compiles the policies); again: the same engine, policies")
    print("compiled (a notebook's next evaluation, or an audit, which compiles while it reads the host)")
    print(f"{'containers':>10} {'engine':>9} {'first':>6} {'again':>6} {'first/opa':>9} {'again/opa':>9} {'statuses'}")
    for n in [int(x) for x in args.sizes.split(",")]:
        snap = synthetic.snapshot(n, n_images=max(5, n // 10))
        timings: dict[str, tuple[float, float]] = {}
        for name in engines:
            engine = make_engine(name)  # created (and its workers started) outside the timing
            engine.start()
            engine.describe()
            t = time.perf_counter()
            report = dockerbench.evaluate(snap, engine=engine)
            first = time.perf_counter() - t
            again = float("inf")
            for _ in range(args.repeat):
                t = time.perf_counter()
                dockerbench.evaluate(snap, engine=engine)
                again = min(again, time.perf_counter() - t)
            engine.close()
            timings[name] = (first, again)
            ratios = [f"{mine / ref:.2f}x" if "opa" in timings else "-" for mine, ref in zip((first, again), timings.get("opa", (1, 1)))]
            counts = ", ".join(f"{k} {v}" for k, v in report.counts.items() if v)
            print(f"{n:>10} {name:>9} {first:>6.2f} {again:>6.2f} {ratios[0]:>9} {ratios[1]:>9} {counts}")


if __name__ == "__main__":
    main()
