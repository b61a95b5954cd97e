#!/usr/bin/env python3
"""Where the time of one ``dockerbench audit`` goes, stage by stage, in one process.

    python3 benchmarks/audit_profile.py --docker-host unix:///…/docker.sock [--benchmark cis-docker-1.1.0]

The stages are the CLI's own, in its order (``dockerbench audit``: engine start and policy
compilation run beside the collection; each collector's span is from its first progress report
to its last, and collectors of Engine objects run side by side). Wall-clock seconds since the
process started; run it on the large host ``benchmarks/audit_bench.py --docker-host … --keep``
leaves on that daemon.
"""

from __future__ import annotations

import argparse
import time

STARTED = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docker-host", required=True)
    parser.add_argument("--benchmark", default="cis-docker-1.1.0")
    args = parser.parse_args()
    marks: list[tuple[str, float, float]] = []

    def mark(stage: str, since: float) -> float:
        now = time.perf_counter()
        marks.append((stage, since - STARTED, now - STARTED))
        return now

    t = time.perf_counter()
    import dockerbench.cli  # noqa: F401 - what `dockerbench` imports before it does anything
    from dockerbench import Selection, make_engine
    from dockerbench._evaluate import evaluate
    from dockerbench._prepare import prepare
    from dockerbench.collect import snapshot
    from dockerbench.report import render

    t = mark("import dockerbench.cli", t)
    spans: dict[str, list[float]] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        spans.setdefault(stage, [time.perf_counter(), 0.0])[1] = time.perf_counter()

    engine = make_engine()
    engine.start()
    t = mark("engine start (workers spawned)", t)
    selection = Selection(benchmark=args.benchmark)
    prepare(engine, selection)
    t = mark("prepare (policies loaded, sent to compile)", t)
    snap = snapshot(args.docker_host, progress=progress)
    collected = t
    t = mark(f"snapshot ({len(snap.containers or [])} containers, {len(snap.images or [])} images, "
             f"{snap.meta.api_calls} API calls)", t)
    report = evaluate(snap, selection, engine=engine)
    t = mark(f"evaluate ({len(report.results)} controls)", t)
    text = render(report, "json")
    mark(f"render JSON ({len(text) // 1024} KiB)", t)
    engine.close()
    print(f"{'stage':<62} {'from':>6} {'to':>6} {'secs':>6}")
    for stage, start, end in marks:
        print(f"{stage:<62} {start:>6.3f} {end:>6.3f} {end - start:>6.3f}")
        if stage.startswith("snapshot"):
            for name, (first, last) in spans.items():
                if name not in ("connecting", "done"):
                    print(f"  {'collector ' + name:<60} {first - STARTED:>6.3f} {last - STARTED:>6.3f} "
                          f"{last - max(first, collected):>6.3f}")


if __name__ == "__main__":
    main()
