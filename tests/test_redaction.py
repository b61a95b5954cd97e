"""No secret value reaches a snapshot or a report: every place a collector stores text is redacted.

The cases are the leaks found by trying (image history, labels, health checks, process command
lines, dockerd's argv, daemon.json, ``docker exec`` audit records); the property test puts a
generated secret in every one of those places at once, builds the snapshot through the
collectors' own parsing functions, and checks that no token of the value survives in the
snapshot JSON nor in any report format.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import snapshot as synthetic_snapshot

import dockerbench
from dockerbench._snapshot import Daemon, Snapshot
from dockerbench.collect import _redact as redact
from dockerbench.collect._context import Context
from dockerbench.collect._engine import healthcheck, labels
from dockerbench.collect.containers import _parse_top
from dockerbench.collect.daemon import parse_config, parse_flags
from dockerbench.collect.host import parse_docker_exec_records
from dockerbench.collect.images import _history_entry
from dockerbench.report import FORMATS, render

EXAMPLES = int(os.environ.get("DOCKERBENCH_HYPOTHESIS_EXAMPLES", "25"))


# ----------------------------------------------------------------------------- history


@pytest.mark.parametrize(("created_by", "expected"), [
    # legacy builder metadata instructions: every value goes, names stay
    ("/bin/sh -c #(nop)  ENV API_TOKEN=s3cr3t OTHER=a b", "/bin/sh -c #(nop)  ENV API_TOKEN=<redacted> OTHER=<redacted>"),
    ("/bin/sh -c #(nop)  ENV OLDSTYLE=old style value", "/bin/sh -c #(nop)  ENV OLDSTYLE=<redacted>"),
    ("/bin/sh -c #(nop)  ARG BUILD_SECRET", "/bin/sh -c #(nop)  ARG BUILD_SECRET"),
    ("/bin/sh -c #(nop)  ARG A2=defaultval", "/bin/sh -c #(nop)  ARG A2=<redacted>"),
    ('ARG "<script>x</script>_PASSWORD"=v', 'ARG "<script>x</script>_PASSWORD"=<redacted>'),
    ('ENV "x y_TOKEN"=v', 'ENV "x y_TOKEN"=<redacted>'),
    # RUN with build args: the shell command stays; an exec-form command cannot be told apart
    ("|1 TOKEN=s3cr3t /bin/sh -c apt-get update", "|1 TOKEN=<redacted> /bin/sh -c apt-get update"),
    ("|1 T=a /bin/bash -o pipefail -c make X=1", "|1 T=<redacted> /bin/bash -o pipefail -c make X=1"),
    ("|2 A=x y B=zz /bin/busybox true", "|2 A=<redacted> B=<redacted>"),
    ("|1 PASSPHRASE=correct horse battery /bin/busybox true", "|1 PASSPHRASE=<redacted>"),
    ("RUN |1 P=correct horse /bin/true # buildkit", "RUN |1 P=<redacted> # buildkit"),
    # BuildKit
    ("ENV A=1 B=2", "ENV A=<redacted> B=<redacted>"),
    ("RUN |1 TOKEN=s3cr3t /bin/sh -c make # buildkit", "RUN |1 TOKEN=<redacted> /bin/sh -c make # buildkit"),
    # secrets inside RUN commands
    ("/bin/sh -c echo apt-get update && echo mysql --password=hunter10",
     "/bin/sh -c echo apt-get update && echo mysql --password=<redacted>"),
    ("RUN /bin/sh -c TOKEN=inline-tok echo hi # buildkit", "RUN /bin/sh -c TOKEN=<redacted> echo hi # buildkit"),
    ("/bin/sh -c export AWS_SECRET_ACCESS_KEY=AKIAabc && aws s3 ls",
     "/bin/sh -c export AWS_SECRET_ACCESS_KEY=<redacted> && aws s3 ls"),
    ("/bin/sh -c curl -u admin:s3cr3tpw https://x", "/bin/sh -c curl -u admin:<redacted> https://x"),
    ("/bin/sh -c git clone https://user:pass@host/r", "/bin/sh -c git clone https://user:<redacted>@host/r"),
    ("|1 TOKEN=x /bin/sh -c curl https://ghp_tok@host/r", "|1 TOKEN=<redacted> /bin/sh -c curl https://<redacted>@host/r"),
    ("/bin/sh -c echo '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----' > k",
     "/bin/sh -c echo '-----BEGIN RSA PRIVATE KEY-----<redacted>-----END RSA PRIVATE KEY-----' > k"),
    ("/bin/sh -c echo '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn", "/bin/sh -c echo '-----BEGIN OPENSSH PRIVATE KEY-----<redacted>"),
    ("/bin/sh -c mysql -uroot -phunter2 db", "/bin/sh -c mysql -uroot -p<redacted> db"),
    ("/bin/sh -c curl -H 'Authorization: Bearer abc.def' x", "/bin/sh -c curl -H 'Authorization: Bearer <redacted>' x"),
    ("/bin/sh -c docker login -p pw123 -u me", "/bin/sh -c docker login -p <redacted> -u me"),
    ("/bin/sh -c sshpass -p pw ssh h", "/bin/sh -c sshpass -p <redacted> ssh h"),
    ("/bin/sh -c redis-cli -a pw ping", "/bin/sh -c redis-cli -a <redacted> ping"),
    ("/bin/sh -c app --token abc --verbose", "/bin/sh -c app --token <redacted> --verbose"),
    ("/bin/sh -c echo '{\"password\": \"hunter7\"}' > c.json", "/bin/sh -c echo '{\"password\": <redacted>}' > c.json"),
    # untouched: nothing secret
    ("/bin/sh -c #(nop) ADD file:abc in /added.txt ", "/bin/sh -c #(nop) ADD file:abc in /added.txt "),
    ("/bin/sh -c apt-get update && apt-get install -y curl", "/bin/sh -c apt-get update && apt-get install -y curl"),
    ("/bin/sh -c docker run --password-stdin -u 1000:1000 x", "/bin/sh -c docker run --password-stdin -u 1000:1000 x"),
    ('HEALTHCHECK &{["CMD" "true"] "5s" "3s" "0s" \'\\x00\'}', 'HEALTHCHECK &{["CMD" "true"] "5s" "3s" "0s" \'\\x00\'}'),
])
def test_history_keeps_names_and_commands_but_no_value(created_by: str, expected: str) -> None:
    assert redact.created_by(created_by) == expected


def test_a_value_that_looks_like_an_assignment_shows_a_name_but_no_value() -> None:
    redacted = redact.created_by("|2 A1=has space x=y A2=zz /bin/sh -c true")
    assert redacted == "|2 A1=<redacted> x=<redacted> A2=<redacted> /bin/sh -c true"


def test_an_unknown_build_arg_shape_keeps_only_the_shell_command() -> None:
    assert redact.created_by("|1 not-an-assignment /bin/sh -c make") == "|1 <redacted> /bin/sh -c make"
    assert redact.created_by("|1 weird") == "|1 <redacted>"


# ----------------------------------------------------------------------------- other places


def test_argv_hides_the_value_after_a_secret_option_and_keeps_policy_facts() -> None:
    argv = ["dockerd", "--password", "hunter3", "--tlskey=/etc/docker/key.pem", "--authorization-plugin=authz",
            "--log-opt", "splunk-token=tok1", "--password-stdin", "-H", "fd://", "PASSPHRASE=correct horse"]
    assert redact.argv(argv) == ["dockerd", "--password", "<redacted>", "--tlskey=/etc/docker/key.pem",
                                 "--authorization-plugin=authz", "--log-opt", "splunk-token=<redacted>",
                                 "--password-stdin", "-H", "fd://", "PASSPHRASE=<redacted>"]


def test_a_joined_command_line_hides_a_value_with_blanks_up_to_the_next_option() -> None:
    assert (redact.text("app --password=correct horse battery --port 80", joined=True)
            == "app --password=<redacted> --port 80")


def test_labels_hide_secret_keys_and_secrets_inside_other_values() -> None:
    assert labels({"api_key": "k1", "desc": "use token=t1 or https://u:p@h", "org.opencontainers.image.authors": "me",
                   "n": None}) == {
        "api_key": "<redacted>", "desc": "use token=<redacted> or https://u:<redacted>@h",
        "org.opencontainers.image.authors": "me", "n": ""}


def test_daemon_json_hides_secret_keys_and_urls_and_keeps_types() -> None:
    config = parse_config(Context(), "/etc/docker/daemon.json", json.dumps({
        "log-opts": {"splunk-token": "t", "splunk-url": "https://u:p@h"}, "authorization-plugins": ["authz"],
        "icc": False, "tlskey": "/k.pem", "registry-mirrors": ["https://m:pw@mirror"]}))
    assert config.content == {
        "log-opts": {"splunk-token": "<redacted>", "splunk-url": "https://u:<redacted>@h"},
        "authorization-plugins": ["authz"], "icc": False, "tlskey": "/k.pem",
        "registry-mirrors": ["https://m:<redacted>@mirror"]}


def test_health_check_commands_are_redacted() -> None:
    check = healthcheck({"Test": ["CMD-SHELL", "curl -u admin:pw http://localhost/ || exit 1"], "Interval": 1})
    assert check is not None and check.test == ["CMD-SHELL", "curl -u admin:<redacted> http://localhost/ || exit 1"]


def test_process_args_from_top_are_redacted() -> None:
    top = {"Titles": ["PID", "USER", "COMMAND", "COMMAND"],
           "Processes": [["7", "root", "mysqld", "mysqld --password=hunter3 --user=mysql"]]}
    assert [p.args for p in _parse_top(top)] == ["mysqld --password=<redacted> --user=mysql"]


def test_secret_names_are_recognised_widely_but_not_policy_options() -> None:
    secret = ["DB_PASSWORD", "db_pass", "PASSPHRASE", "pwd", "GITHUB_TOKEN", "client_secret", "AWS_ACCESS_KEY_ID",
              "api-key", "apikey", "SESSION_ID", "OAUTH_CLIENT", "auth", "GPG_KEY", "private", "SENTRY_DSN",
              "--password", '"<x>_PASSWORD"', "credentials", "cookie"]
    plain = ["PATH", "HOME", "tlskey", "authorization-plugins", "--authorization-plugin", "org.opencontainers.image.authors",
             "icc", "userns-remap", "seccomp-profile", "no-new-privileges", "log-driver", "passive", "keyboard"]
    assert [n for n in secret if not redact.is_secret_name(n)] == []
    assert [n for n in plain if redact.is_secret_name(n)] == []


# ----------------------------------------------------------------------------- the property


_WORDS = ["PASSWORD", "passwd", "TOKEN", "secret", "API_KEY", "access-key", "credential", "PASSPHRASE", "auth"]
_names = st.builds(lambda pre, word, post: f"{pre}{word}{post}",
                   st.sampled_from(["", "DB_", "x.", "my-", "AWS_SECRET_"]), st.sampled_from(_WORDS),
                   st.sampled_from(["", "_FILE", "-value", "2"]))
# Value tokens are distinctive (a fixed prefix no fixture holds), so "survives" is unambiguous.
_token = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/.~_", min_size=4, max_size=24)
_tokens = st.lists(_token.map(lambda t: "zqx" + t), min_size=1, max_size=3)


def _snapshot_holding(name: str, tokens: list[str]) -> Snapshot:
    """A synthetic host whose images, containers, dockerd and audit log carry the secret everywhere."""
    one, spaced = tokens[0], " ".join(tokens)
    flat = name.strip('"').replace(" ", "_")
    history = [f"/bin/sh -c echo x && {flat}={one} make", f"RUN /bin/sh -c app --{flat}={one} # buildkit",
               f"|1 {flat}={spaced} /bin/busybox true", f"/bin/sh -c #(nop)  ENV {flat}={spaced}",
               f"/bin/sh -c curl -u admin:{one} https://user:{one}@example.com/", f"ARG \"<b>{flat}\"={one}",
               f"/bin/sh -c mysql -p{one} && app --{flat} {one}"]
    base = synthetic_snapshot(2, 1)
    img = base.images[0]  # type: ignore[index]
    image = img.model_copy(update={
        "history": [_history_entry({"CreatedBy": h, "Created": 1_700_000_000, "Size": 1}) for h in history],
        "labels": labels({flat: spaced, "description": f"set {flat}={one}"}),
        "healthcheck": healthcheck({"Test": ["CMD-SHELL", f"curl --{flat}={one} http://localhost/"]}),
    })
    top = {"Titles": ["PID", "USER", "COMMAND", "COMMAND"],
           "Processes": [["9", "root", "app", f"app --{flat}={spaced} --port 80"]]}
    containers = [c.model_copy(update={"labels": labels({**c.labels, flat: one}), "processes": _parse_top(top)})
                  for c in base.containers or []]
    argv = redact.argv(["dockerd", f"--{flat}={spaced}", f"--{flat}", one, "--log-opt", f"{flat}={one}"])
    daemon: Daemon = base.daemon.model_copy(update={
        "argv": argv, "flags": parse_flags(argv),
        "config_file": parse_config(Context(), "/etc/docker/daemon.json",
                                    json.dumps({flat: one, "log-opts": {flat: spaced}, "hosts": [f"tcp://u:{one}@h:1"]})),
    })
    audit_line = ('type=EXECVE msg=audit(1700000000.123:42): argc=5 a0="docker" a1="exec" a2="-e" '
                  f'a3="{flat}={one}" a4="c1"')
    host = base.host.model_copy(update={"audit": base.host.audit.model_copy(update={  # type: ignore[union-attr]
        "docker_exec": parse_docker_exec_records(audit_line)})}) if base.host and base.host.audit else base.host
    return base.model_copy(update={"images": [image], "containers": containers, "daemon": daemon, "host": host})


def _leaks(tokens: list[str], text: str) -> list[str]:
    return [t for t in tokens if t in text]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow])
@given(_names, _tokens)
def test_no_token_of_a_secret_value_survives_in_the_snapshot(name: str, tokens: list[str]) -> None:
    snap = _snapshot_holding(name, tokens)
    Snapshot.model_validate_json(snap.to_json())  # still schema-valid
    assert _leaks(tokens, snap.to_json()) == []


@pytest.fixture(scope="module")
def leaky_report() -> tuple[list[str], dockerbench.Report]:
    tokens = ["zqxHunter2", "zqxCorrect", "zqxHorse"]
    snap = _snapshot_holding("DB_PASSWORD", tokens)
    return tokens, dockerbench.evaluate(snap)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_token_of_a_secret_value_survives_in_any_report_format(leaky_report, name: str) -> None:
    tokens, report = leaky_report
    assert report.result("4.7") is not None
    assert _leaks(tokens, render(report, name)) == []
