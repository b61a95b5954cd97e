"""Evaluation time and memory of the whole policy set over synthetic snapshots, embedded vs OPA.

    python3 benchmarks/evaluate_bench.py [--sizes 100,1000] [--repeat 2] [--engines opa,embedded]
    python3 benchmarks/evaluate_bench.py --sizes 10000 --images 1000 --engines embedded   # the scaling run

For each size and engine: `first` is a fresh engine (start, load, compile, evaluate); `again`
the same engine with the policies compiled (a notebook's next evaluation, or an audit, which
compiles while it reads the host). The reference is real OPA in-process in this process (no
worker, no timeout: its fastest form). Peak RSS is the high-water mark of each engine's
evaluating processes (the workers; for OPA, what this process grew by).

Targets (issue "Embedded engine"), as ratios from one run on this machine:
    embedded again / opa again   <= 0.7      at 1000 containers
    embedded first / opa first   <= 1.0      at 1000 containers
    embedded peak RSS            <= 200 MB   per evaluating process
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import synthetic

import dockerbench
from dockerbench.engines import default_workers, make_engine


def _rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a live process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _worker_peaks(engine: object) -> list[float]:
    return [_rss_mb(w._proc.pid) for w in getattr(engine, "_workers", []) if w._proc is not None]


def _measure(name: str, snap: dockerbench.Snapshot, repeat: int) -> tuple[float, float, list[float]]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    engine = make_engine(name) if name == "embedded" else make_engine("opa", workers=0)
    engine.start()
    dockerbench.evaluate(snap, engine=engine)
    first = time.perf_counter() - t
    again = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        dockerbench.evaluate(snap, engine=engine)
        again = min(again, time.perf_counter() - t)
    peaks = _worker_peaks(engine) or [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before]
    engine.close()
    return first, again, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--repeat", type=int, default=2, help="evaluations after the first (best is shown)")
    parser.add_argument("--engines", default="opa,embedded", help="which engines (opa first: it is the reference)")
    parser.add_argument("--images", type=int, help="images per snapshot (default: a tenth of the containers, at least 5)")
    args = parser.parse_args()
    print(f"embedded: regorus in {default_workers()} worker processes; opa: real OPA in-process (reference)")
    columns = ("containers", 10), ("engine", 9), ("first", 6), ("again", 6), ("first/opa", 9), ("again/opa", 9), \
        ("peak RSS MB", 14)
    print(" ".join(f"{name:>{width}}" for name, width in columns))
    for n in [int(x) for x in args.sizes.split(",")]:
        snap = synthetic.snapshot(n, n_images=args.images or max(5, n // 10))
        ref: tuple[float, float] | None = None
        for name in args.engines.split(","):
            try:
                first, again, peaks = _measure(name, snap, args.repeat)
            except dockerbench.EngineError as e:
                print(f"{n:>10} {name:>9} not available: {e}")
                continue
            if name == "opa":
                ref = (first, again)
            pairs = zip((first, again), ref or (1, 1), strict=True)
            ratios = [f"{mine / base:.2f}x" if ref else "-" for mine, base in pairs]
            rss = " + ".join(f"{p:.0f}" for p in peaks)
            print(f"{n:>10} {name:>9} {first:>6.2f} {again:>6.2f} {ratios[0]:>9} {ratios[1]:>9} {rss:>14}")


if __name__ == "__main__":
    main()
