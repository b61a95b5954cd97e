"""Reports the format tests render, built the way dockerbench builds them.

``synthetic_report()`` runs the real ``decide()`` over hand-written policy outputs for all 105
controls of ``load_policies()`` and assembles them with ``build_report()``: every status,
findings on containers, images, files, the daemon, the host, networks, nodes and the swarm,
and untrusted strings with markup, quotes and control characters. ``evaluated_report()`` is
the real ``dockerbench.evaluate()`` of a small snapshot built from the models.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import dockerbench
from dockerbench._evaluate import build_report, decide
from dockerbench._report import ControlResult, Report
from dockerbench._snapshot import Container, Daemon, EngineInfo, FactError, FileFact, Host, Image, Meta, Network, OsInfo, Snapshot
from dockerbench._waivers import apply, load_waivers, resolve

SCRIPT = "<script>alert('x')</script>"
QUOTES = 'it\'s "quoted" & <b>bold</b>'
#: Names that would break a naive renderer: markup, quotes, Markdown, a mention, an ANSI escape.
ODD_NAMES = [SCRIPT, QUOTES, "pipe|and*star_[link](http://x)", "@octocat", "esc\x1b[31mred", "naïve ☃"]
STATUSES = ("pass", "fail", "warn", "manual", "not_applicable", "error", "waived")
#: Terminal and bidi attacks: clear the screen, set the window title (OSC ... BEL), an 8-bit CSI,
#: a NUL, a right-to-left override.
HOSTILE = "\x1b[2J" + "\x1b]0;pwned\x07" + "\x9b31m" + "\x00" + "\u202e"
#: HOSTILE as every human-facing format shows it (dockerbench._text.printable).
HOSTILE_SHOWN = r"\x1b[2J\x1b]0;pwned\x07\x9b31m\x00\u202e"
#: The raw characters that must never reach a human-facing output.
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\x00", "\u202e")


def res(kind: str, id_: str, name: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "id": id_, "name": name}


def finding(resource: dict[str, Any], message: str, actual: Any = None, expected: Any = None) -> dict[str, Any]:
    return {"resource": resource, "message": message, "actual": actual, "expected": expected}


def container(name: str, n: int = 0) -> dict[str, Any]:
    return res("container", f"{n:02d}" + "c" * 62, name)


def meta(hostname: str | None = "build-host-01", errors: list[FactError] | None = None) -> Meta:
    return Meta(tool_version=dockerbench.__version__,
                collected_at=datetime(2024, 5, 17, 9, 30, tzinfo=timezone.utc), collected_at_unix=1715938200,
                hostname=hostname, docker_host="unix:///var/run/docker.sock", host_root="/",
                duration_seconds=3.25, errors=errors or [])


#: Policy output per control id; every control not listed passes (``checked``).
def _docs() -> dict[str, Any]:
    daemon = res("daemon", "unix:///var/run/docker.sock", "dockerd")
    return {
        "1.1": {"missing": ["host.mounts"], "evidence": {"docker_root": "/var/lib/docker"}},
        "1.5": {"violations": [finding(res("host", "build-host-01", "build-host-01"),
                                       "no audit rule watches /usr/bin/dockerd", None, "-w /usr/bin/dockerd -k docker")]},
        "1.13": {"manual": "Review who is in the docker group: " + SCRIPT,
                 "evidence": {"members": ["alice", SCRIPT, QUOTES]}},
        "2.1": {"violations": [finding(daemon, "inter-container communication is enabled on the default bridge",
                                       True, False)],
                "evidence": {"icc": True, "source": "default"}},
        "2.2": {"reviews": [finding(daemon, "log level is debug", "debug", "info")]},
        "2.5": {"not_applicable": "the storage driver is overlay2, not aufs"},
        "2.6": {"missing": ["daemon.config_file"], "violations": [finding(daemon, "TLS is not configured")]},
        "3.1": {"violations": [finding(res("file", "/usr/lib/systemd/system/docker.service", "docker.service"),
                                       "owner is nobody:nogroup", "nobody:nogroup", "root:root")]},
        "3.2": {"violations": [finding(res("file", "/usr/lib/systemd/system/docker.service", "docker.service"),
                                       "mode is wider than 0644", "0666", "0644")]},
        "3.20": {"violations": [finding(res("file", "/etc/docker/my certs/ca key #1.pem", "tls_cacert"),
                                        "mode is wider than 0444", "0644", "0444"),
                                finding(res("file", "/etc/docker/naïve/☃.pem", "tls_cert"),
                                        "mode is wider than 0444", "0600", "0444")]},
        "3.9": {"not_applicable": "no TLS CA certificate is configured"},
        "4.1": {"violations": [finding(res("image", "sha256:" + "a" * 64, "alpine:3.19"), "runs as root", "", "a non-root USER"),
                               finding(res("image", "sha256:" + "b" * 64, None), "runs as root", "0", "a non-root USER")],
                "evidence": {"images": 2}},
        "4.6": {"reviews": [finding(res("image", "sha256:" + "a" * 64, "alpine:3.19"), "no HEALTHCHECK")]},
        "4.5": {"manual": "content trust needs the organisation's registry policy"},
        "5.4": {"violations": [finding(container(n, i), f"container {n} is privileged", True, False)
                               for i, n in enumerate(["web", *ODD_NAMES])]
                + [finding(container("web", 0), "exec instance runs privileged", {"exec": ["e1"]}, None)],
                "reviews": [finding(container("batch", 9), "privileged in a stopped container")],
                "evidence": {"checked": 8, "note": SCRIPT}},
        "5.10": {"reviews": [finding(container("db", 11), "no memory limit", 0, "> 0")]},
        "5.29": {"violations": [finding(res("network", "n" * 64, "bridge"), "containers share the default bridge",
                                        ["web", "db"], [])]},
        "7.1": {"violations": [finding(res("node", "node-1", "manager-1"), "too many managers", 4, 3),
                               finding(res("swarm", "node-1", "swarm"), "swarm mode is on")]},
        "7.2": {"not_applicable": "swarm mode is inactive"},
    }


#: The organisation's waivers of the synthetic report, applied by the real _waivers.apply (the
#: snapshot is dated 2024-05-17): 6.1 wholly waived (its reason carries markup), the review of
#: container batch under 5.4 waived for good, an expired waiver on 2.1 and a stale one on 3.9.
SYNTHETIC_WAIVERS = {"version": 1, "waivers": [
    {"id": "W-0061", "controls": ["6.1"], "reason": "legacy host until the migration: " + QUOTES,
     "owner": "ops@example.com", "ticket": "SEC-61", "expires": "2025-01-01"},
    {"id": "W-0054", "controls": ["5.4"], "resources": [{"kind": "container", "name": "batch"}],
     "reason": "batch jobs run privileged by design", "owner": "batch@example.com", "expires": "never",
     "allow_permanent": True},
    {"id": "W-0021", "controls": ["2.1"], "reason": "icc needed by the legacy stack", "owner": "net@example.com",
     "expires": "2024-01-31"},
    {"id": "W-0039", "controls": ["3.9"], "reason": "no TLS yet", "owner": "ops@example.com", "expires": "2025-06-30"},
]}


@lru_cache(maxsize=1)
def synthetic_report() -> Report:
    docs = {**_docs(), "6.1": {"violations": [finding(container("legacy", 20), "old image")]}}
    policies = dockerbench.load_policies()
    results = [decide(control, docs.get(control.id, {"checked": 3})) for control in policies.ordered()]
    errors = [FactError(section="host", item="auditctl -l", kind="permission", message="needs root " + SCRIPT)]
    snap = Snapshot(meta=meta(errors=errors))
    plan = resolve(load_waivers(SYNTHETIC_WAIVERS, where="synthetic-waivers.yaml"), policies)
    results, waivers = apply(results, snap, plan)
    return build_report(results, snap, "embedded (regorus test)", waivers=waivers)


@lru_cache(maxsize=1)
def empty_report() -> Report:
    return build_report([], Snapshot(meta=meta(hostname=None)), "embedded (regorus test)")


@lru_cache(maxsize=1)
def hostile_report() -> Report:
    """HOSTILE in a host name, a collection error, a title, container names, finding messages,
    label values (actual), an error reason (a missing fact), a manual and a not-applicable
    reason. The message of 5.10 starts with a U+202E followed by ordinary words ("ltr-probe")."""
    docs = {
        "1.1": {"missing": ["host.mounts" + HOSTILE]},
        "2.2": {"manual": "review the log level " + HOSTILE},
        "2.5": {"not_applicable": "not aufs " + HOSTILE},
        "5.4": {"violations": [finding(container("web" + HOSTILE, 1), "container is privileged " + HOSTILE,
                                       {"com.example.owner": "ops" + HOSTILE}, False)]},
        "5.10": {"reviews": [finding(container("db" + HOSTILE, 2), "\u202eevil then ltr-probe words",
                                     "0" + HOSTILE, "> 0")]},
    }
    results = [decide(c, docs[c.id]) for c in dockerbench.load_policies().ordered() if c.id in docs]
    results[0] = results[0].model_copy(update={"title": "title " + HOSTILE})
    errors = [FactError(section="host", item="auditctl -l " + HOSTILE, kind="permission",
                        message="needs root " + HOSTILE)]
    return build_report(results, Snapshot(meta=meta(hostname="host" + HOSTILE, errors=errors)), "test")


def small_snapshot() -> Snapshot:
    """A small host: one privileged container, one root image, the docker.service file, a daemon."""
    return Snapshot(
        meta=meta(),
        host=Host(os=OsInfo(id="debian", version_id="12", pretty_name="Debian GNU/Linux 12 (bookworm)")),
        daemon=Daemon(pid=1234, argv=["/usr/bin/dockerd", "-H", "fd://"], flags={"host": ["fd://"]},
                      info=EngineInfo(docker_root_dir="/var/lib/docker", driver="overlay2", containers=1,
                                      containers_running=1, images=1)),
        files=[FileFact(role="docker.service", path="/usr/lib/systemd/system/docker.service", exists=True,
                        type="file", uid=0, gid=0, owner="root", group="root", mode=0o666, mode_octal="0666")],
        networks=[Network(id="n" * 64, name="bridge", driver="bridge", scope="local", is_default_bridge=True,
                          containers=["c" * 64])],
        images=[Image(id="sha256:" + "a" * 64, repo_tags=["alpine:3.19"], user="")],
        containers=[Container(id="c" * 64, name=SCRIPT, image="alpine:3.19", image_id="sha256:" + "a" * 64,
                              status="running", running=True, privileged=True, networks=["bridge"])],
    )


@lru_cache(maxsize=1)
def evaluated_report() -> Report:
    """``dockerbench.evaluate()`` of the small snapshot: on real OPA in-process when it is
    installed (a second; scripts/test.sh installs it), else on the default embedded engine
    (slower). The formats do not care which engine decided."""
    try:
        dockerbench.make_engine("opa").close()
        engine = "opa"
    except dockerbench.DockerbenchError:
        engine = None
    return dockerbench.evaluate(small_snapshot(), engine=engine)


def expected_resources(result: ControlResult) -> int:
    return len({(f.resource.kind, f.resource.id) for f in result.findings})


# ----------------------------------------------------------------------------- the data itself


def test_synthetic_report_covers_every_status_and_resource_kind():
    report = synthetic_report()
    assert {r.status for r in report.results} == set(STATUSES)
    assert {f.resource.kind for f in report.findings} == {
        "host", "daemon", "file", "image", "container", "network", "node", "swarm"}
    assert {f.status for f in report.findings} == {"fail", "warn", "waived"}
    assert len(report.results) == len(dockerbench.load_policies().controls)


def test_empty_report_has_no_results():
    assert empty_report().results == [] and empty_report().score.considered == 0
