#!/usr/bin/env python3
"""How snapshot cost grows with the number of containers.

For each N it creates N containers (a fraction of them running ``sleep``) from a tiny busybox
image, takes snapshots with the image layer scan on (after one warm-up, median of ``--repeat``),
prints wall time, Engine API calls and the cost per added container (against the first count),
then removes what it created. Everything it creates carries the label
``dockerbench.test=bench-<run>``; nothing else is touched.

    python3 benchmarks/snapshot_bench.py --docker-host unix:///tmp/dkr/docker.sock --counts 0 50 500
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import docker
from _busybox import busybox_tar

import dockerbench

LABEL = "dockerbench.test"


@dataclass(frozen=True)
class Result:
    created: int
    running: int
    seen_containers: int
    seen_images: int
    seconds: float
    api_calls: int


def busybox_image(api: docker.APIClient, run: str) -> str:
    """Import a one-file image (static busybox); no registry needed. Returns its reference."""
    reference = f"dockerbench-bench/busybox:{run}"
    api.import_image_from_data(busybox_tar(), repository=reference.split(":")[0], tag=run,
                               changes=[f'LABEL {LABEL}=bench-{run}', 'CMD ["/bin/busybox", "sleep", "3600"]'])
    return reference


def create_containers(api: docker.APIClient, image: str, run: str, count: int, running: int, workers: int) -> None:
    """``count`` containers of ``image``, the first ``running`` of them started."""
    def create(index: int) -> None:
        cid = api.create_container(image, name=f"dbbench-{run}-{index}", labels={LABEL: f"bench-{run}"})["Id"]
        if index < running:
            api.start(cid)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(create, range(count)))


def remove_containers(api: docker.APIClient, run: str, workers: int) -> None:
    mine = api.containers(all=True, filters={"label": f"{LABEL}=bench-{run}"})
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda c: api.remove_container(c["Id"], force=True), mine))


def timed_snapshot(docker_host: str, workers: int) -> tuple[float, dockerbench.Snapshot]:
    started = time.monotonic()
    snap = dockerbench.snapshot(docker_host=docker_host, scan_image_files=True, workers=workers,
                                allow_partial=False)
    return time.monotonic() - started, snap


def measure(docker_host: str, api: docker.APIClient, image: str, run: str, count: int,
            running_fraction: float, workers: int, repeat: int) -> Result:
    """Median wall time of ``repeat`` snapshots with ``count`` containers of ours present."""
    running = round(count * running_fraction)
    create_containers(api, image, f"{run}-{count}", count, running, workers)
    try:
        runs = [timed_snapshot(docker_host, workers) for _ in range(repeat)]
    finally:
        remove_containers(api, f"{run}-{count}", workers)
    seconds, snap = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    return Result(created=count, running=running, seen_containers=len(snap.containers or []),
                  seen_images=len(snap.images or []), seconds=seconds, api_calls=snap.meta.api_calls)


def report(results: list[Result]) -> None:
    base = results[0]
    print(f"{'created':>8} {'running':>8} {'seen':>6} {'images':>7} {'seconds':>9} {'calls':>7}"
          f" {'s/container':>12} {'calls/container':>16}")
    for r in results:
        added = r.seen_containers - base.seen_containers
        per_s = f"{(r.seconds - base.seconds) / added:.4f}" if added > 0 and r is not base else "-"
        per_c = f"{(r.api_calls - base.api_calls) / added:.2f}" if added > 0 and r is not base else "-"
        print(f"{r.created:>8} {r.running:>8} {r.seen_containers:>6} {r.seen_images:>7} {r.seconds:>9.3f}"
              f" {r.api_calls:>7} {per_s:>12} {per_c:>16}")
    print("per container = difference to the first row, divided by the containers added")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docker-host", required=True, help="e.g. unix:///var/run/docker.sock")
    parser.add_argument("--counts", type=int, nargs="+", default=[0, 50, 500],
                        help="container counts to measure; the first is the baseline (default: 0 50 500)")
    parser.add_argument("--running-fraction", type=float, default=0.1, help="share of containers started")
    parser.add_argument("--workers", type=int, default=8, help="snapshot and setup concurrency")
    parser.add_argument("--repeat", type=int, default=3, help="snapshots per count; the median is shown")
    args = parser.parse_args(argv)

    api = docker.APIClient(base_url=args.docker_host, version="auto", timeout=120)
    run = uuid.uuid4().hex[:8]
    image = busybox_image(api, run)
    try:
        timed_snapshot(args.docker_host, args.workers)  # warm-up: imports, connections, page cache
        results = []
        for count in args.counts:
            results.append(measure(args.docker_host, api, image, run, count, args.running_fraction,
                                   args.workers, args.repeat))
            print(f"measured {count} containers: {results[-1].seconds:.2f}s", file=sys.stderr)
        report(results)
    finally:
        remove_containers(api, run, args.workers)
        api.remove_image(image, force=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
