#!/usr/bin/env python3
"""End-to-end speed of `dockerbench audit`: the targets of the speed issue, as measured ratios.

    python3 benchmarks/audit_bench.py [--docker-host unix:///…] [--dbs /path/to/docker-bench-security]

Without ``--docker-host`` it starts a private dockerd (``--dockerd``, default Debian's) in a
network namespace of its own, with its own socket, data-root, exec-root and pidfile, and stops
it by its pid at the end. On that daemon it builds two hosts, one after the other, everything
labelled ``dockerbench.bench=<run>`` and removed afterwards (``--keep`` leaves the large one):

    small   50 running containers of 10 busybox images
    large   1000 containers (50 running, 950 created) of 100 images

and measures, in this one run:

    import        ``python -c "import dockerbench"``, best of 5           target <= 0.15 s
    start-up      process start to the CLI's first Engine API request      target <= 0.30 s
                  (the CLI is pointed at a socket this script listens on)
    audit         ``dockerbench audit`` as a process (default engine, all controls, JSON out),
                  wall time and peak RSS of its whole process tree (the sum of each process's
                  own peak: an upper bound)              large: target <= 3 s, <= 250 MB
    ratio         docker-bench-security's wall time / dockerbench's on the small host, when
                  ``--dbs`` names a docker-bench-security checkout (not part of this project)
                                                         target >= 50x

Images are built from scratch with the static busybox (no registry is needed): each image is
its own tag of an import with a distinct label, so the layer scan (4.8) has 100 images to look
at whose layers are shared, as on real hosts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import docker
from _busybox import busybox_tar

LABEL = "dockerbench.bench"
TARGETS = {"import": 0.15, "start-up": 0.30, "large wall": 3.0, "large rss": 250.0, "ratio": 50.0}


# ----------------------------------------------------------------------------- a private dockerd


class PrivateDockerd:
    """dockerd in a network namespace of its own (so it does not fight the host's over docker0)."""

    def __init__(self, dockerd: str) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="dockerbench-bench."))
        self.netns = f"dbbench-{uuid.uuid4().hex[:8]}"
        self.address = f"unix://{self.dir}/docker.sock"
        subprocess.run(["ip", "netns", "add", self.netns], check=True)
        subprocess.run(["ip", "netns", "exec", self.netns, "ip", "link", "set", "lo", "up"], check=True)
        self.log = (self.dir / "dockerd.log").open("wb")
        # nsenter execs dockerd, so the pid is dockerd's own.
        self.proc = subprocess.Popen(
            ["nsenter", f"--net=/var/run/netns/{self.netns}", dockerd, "--host", self.address,
             "--data-root", str(self.dir / "data"), "--exec-root", str(self.dir / "exec"),
             "--pidfile", str(self.dir / "docker.pid")],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        client = docker.APIClient(base_url=self.address, version="auto", timeout=5) if self._wait() else None
        if client is None:
            self.stop()
            sys.exit(f"audit_bench: the private dockerd did not answer; see {self.dir}/dockerd.log")
        client.close()

    def _wait(self) -> bool:
        for _ in range(120):
            if self.proc.poll() is not None:
                return False
            try:
                docker.APIClient(base_url=self.address, version="1.41", timeout=2).ping()
                return True
            except Exception:  # noqa: BLE001 - not up yet, whatever the error
                time.sleep(0.5)
        return False

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        mounts = [line.split()[4] for line in Path("/proc/self/mountinfo").read_text().splitlines()]
        for point in sorted((m for m in mounts if m.startswith(f"{self.dir}/")), reverse=True):
            subprocess.run(["umount", "-l", point], check=False)
        subprocess.run(["ip", "netns", "delete", self.netns], check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


# ----------------------------------------------------------------------------- the hosts


def build_host(api: docker.APIClient, run: str, images: int, running: int, created: int, workers: int) -> None:
    """``images`` tags of busybox, then ``running`` started and ``created`` never-started containers."""
    data = busybox_tar()

    def make_image(j: int) -> str:
        api.import_image_from_data(data, repository=f"dockerbench-bench/app{j}", tag=run,
                                   changes=[f"LABEL {LABEL}={run}", f"LABEL app={j}", 'CMD ["/bin/sleep", "3600"]'])
        return f"dockerbench-bench/app{j}:{run}"

    with ThreadPoolExecutor(workers) as pool:
        refs = list(pool.map(make_image, range(images)))

    def make_container(i: int) -> None:
        cid = api.create_container(refs[i % len(refs)], labels={LABEL: run}, name=f"dbbench-{run}-{i}")["Id"]
        if i < running:
            api.start(cid)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(make_container, range(running + created)))


def clear_host(api: docker.APIClient, run: str, workers: int) -> None:
    mine = api.containers(all=True, filters={"label": f"{LABEL}={run}"})
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda c: api.remove_container(c["Id"], force=True), mine))
    for image in api.images(filters={"label": f"{LABEL}={run}"}):
        api.remove_image(image["Id"], force=True)


# ----------------------------------------------------------------------------- measurements


def _tree(root: int) -> list[int]:
    """``root`` and its live descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int


def run_tree(argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run a command; wall time and the sum of its processes' peak RSS (sampled every 5 ms)."""
    peaks: dict[int, int] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for pid in _tree(proc.pid):
                peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
            done.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        print(f"  {argv[0]} exited {proc.returncode}: {err.decode(errors='replace').strip()[-400:]}", file=sys.stderr)
    return Run(seconds, sum(peaks.values()) / 1024, proc.returncode)


def import_time(repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import dockerbench"], check=True)
        best = min(best, time.perf_counter() - t)
    return best


def startup_time(repeat: int = 3) -> float:
    """Process start to the first request the CLI sends to its daemon (a socket of ours)."""
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/first-call.sock"
        for _ in range(repeat):
            server = socket.socket(socket.AF_UNIX)
            server.bind(path)
            server.listen(1)
            t = time.perf_counter()
            proc = subprocess.Popen([*cli(), "--quiet", "audit", "--docker-host",
                                     f"unix://{path}", "--format", "json"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            conn, _ = server.accept()
            conn.recv(1)  # the request's first byte
            best = min(best, time.perf_counter() - t)
            conn.close()
            server.close()
            os.unlink(path)
            proc.wait()
    return best


def cli() -> list[str]:
    """The ``dockerbench`` command installed beside this Python (what users run; not a version
    manager's shim in front of it, which would add its own start-up), else ``python -m dockerbench``."""
    script = Path(sys.executable).parent / "dockerbench"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "dockerbench"]


def audit(docker_host: str) -> Run:
    return run_tree([*cli(), "--quiet", "audit", "--docker-host", docker_host,
                     "--format", "json", "--output", os.devnull, "--fail-on", "never"])


def docker_bench_security(path: Path, docker_host: str) -> Run:
    """docker-bench-security as its README runs it, against our daemon (its own checks, no -c)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DOCKER_HOST=docker_host)
        return run_tree(["sh", "docker-bench-security.sh", "-l", f"{tmp}/log"], env=env, cwd=path)


def verdict(name: str, value: float, target: float, higher_is_better: bool = False) -> str:
    met = value >= target if higher_is_better else value <= target
    return f"{name:<28} {value:>9.2f}   target {'>=' if higher_is_better else '<='} {target:<6g} {'met' if met else 'NOT MET'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docker-host", help="an existing daemon to build the hosts on (default: start a private dockerd)")
    parser.add_argument("--dockerd", default="dockerd", help="the dockerd binary of the private daemon")
    parser.add_argument("--dbs", type=Path, help="a docker-bench-security checkout (v1.3.3) for the 50-container ratio")
    parser.add_argument("--large", type=int, default=1000, help="containers of the large host (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="audits per host; the best is shown")
    parser.add_argument("--workers", type=int, default=8, help="concurrency while building the hosts")
    parser.add_argument("--keep", action="store_true",
                        help="with --docker-host: leave the large host in place (for benchmarks/audit_profile.py)")
    args = parser.parse_args(argv)
    if args.keep and not args.docker_host:
        parser.error("--keep needs --docker-host (the private dockerd is removed at the end)")

    daemon = None if args.docker_host else PrivateDockerd(args.dockerd)
    address = args.docker_host or daemon.address  # type: ignore[union-attr]
    api = docker.APIClient(base_url=address, version="auto", timeout=300)
    run = uuid.uuid4().hex[:8]
    results: list[str] = []
    try:
        imp, start = import_time(), startup_time()
        print(f"import dockerbench {imp:.3f} s; CLI start-up to first API call {start:.3f} s", file=sys.stderr)
        results += [verdict("import dockerbench (s)", imp, TARGETS["import"]),
                    verdict("CLI start-up (s)", start, TARGETS["start-up"])]
        hosts = (("small", 10, 50, 0), ("large", 100, 50, args.large - 50))
        for name, images, running, created in hosts:
            build_host(api, f"{run}{name}", images, running, created, args.workers)
            try:
                audit(address)  # warm-up: page cache, the daemon's own caches
                best = min((audit(address) for _ in range(args.repeat)), key=lambda r: r.seconds)
                print(f"{name}: {running} running + {created} created, {images} images: dockerbench audit "
                      f"{best.seconds:.2f} s, {best.peak_mb:.0f} MB (exit {best.returncode})", file=sys.stderr)
                if name == "large":
                    results += [verdict(f"audit at {args.large} (s)", best.seconds, TARGETS["large wall"]),
                                verdict(f"audit at {args.large} peak RSS (MB)", best.peak_mb, TARGETS["large rss"])]
                elif args.dbs:
                    dbs = docker_bench_security(args.dbs, address)
                    if dbs.returncode != 0:
                        sys.exit(f"audit_bench: docker-bench-security exited {dbs.returncode}")
                    # (no memory figure: its thousands of short, sequential processes make a sum of peaks meaningless)
                    print(f"small: docker-bench-security {dbs.seconds:.1f} s", file=sys.stderr)
                    results.append(verdict("docker-bench-security / us", dbs.seconds / best.seconds, TARGETS["ratio"],
                                           higher_is_better=True))
                else:
                    results.append(f"{'docker-bench-security / us':<28} {'-':>9}   (no --dbs checkout given)")
            finally:
                if args.keep and name == "large":
                    print(f"large host kept: label {LABEL}={run}{name}", file=sys.stderr)
                else:
                    clear_host(api, f"{run}{name}", args.workers)
    finally:
        api.close()
        if daemon is not None:
            daemon.stop()
    print("\n".join(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
