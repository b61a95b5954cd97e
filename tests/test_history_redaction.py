"""Image history keeps instructions and key names, never ENV/ARG/build-arg values."""

from __future__ import annotations

import pytest

from dockerbench.collect.images import redact_created_by


@pytest.mark.parametrize(("created_by", "expected"), [
    # legacy builder metadata instructions
    ("/bin/sh -c #(nop)  ENV API_TOKEN=s3cr3t OTHER=a b", "/bin/sh -c #(nop)  ENV API_TOKEN=<redacted> OTHER=<redacted>"),
    ("/bin/sh -c #(nop)  ENV OLDSTYLE=old style value", "/bin/sh -c #(nop)  ENV OLDSTYLE=<redacted>"),
    ("/bin/sh -c #(nop)  ARG BUILD_SECRET", "/bin/sh -c #(nop)  ARG BUILD_SECRET"),
    ("/bin/sh -c #(nop)  ARG A2=defaultval", "/bin/sh -c #(nop)  ARG A2=<redacted>"),
    # legacy builder RUN with build args, shell and exec form
    ("|1 TOKEN=s3cr3t /bin/sh -c apt-get update", "|1 TOKEN=<redacted> /bin/sh -c apt-get update"),
    ("|2 A=x y B=zz /bin/busybox true", "|2 A=<redacted> B=<redacted> /bin/busybox true"),
    ("|1 T=a /bin/bash -o pipefail -c make X=1", "|1 T=<redacted> /bin/bash -o pipefail -c make X=1"),
    # BuildKit
    ("ENV A=1 B=2", "ENV A=<redacted> B=<redacted>"),
    ("RUN |1 TOKEN=s3cr3t /bin/sh -c make # buildkit", "RUN |1 TOKEN=<redacted> /bin/sh -c make # buildkit"),
    # untouched
    ("/bin/sh -c #(nop) ADD file:abc in /added.txt ", "/bin/sh -c #(nop) ADD file:abc in /added.txt "),
    ("/bin/sh -c apt-get update", "/bin/sh -c apt-get update"),
])
def test_values_are_redacted_and_names_and_commands_kept(created_by: str, expected: str) -> None:
    assert redact_created_by(created_by) == expected


def test_value_that_looks_like_an_assignment_shows_a_name_but_no_value() -> None:
    redacted = redact_created_by("|2 A1=has space x=y A2=zz /bin/busybox true")
    assert redacted == "|2 A1=<redacted> x=<redacted> A2=<redacted> /bin/busybox true"
    assert not {"has", "space", "y", "zz"} & set(redacted.split())


def test_unknown_build_arg_shape_keeps_only_the_command() -> None:
    assert redact_created_by("|1 not-an-assignment /bin/sh -c make") == "|1 <redacted> /bin/sh -c make"
    assert redact_created_by("|1 weird") == "|1 <redacted>"
