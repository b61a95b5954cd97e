"""Swarm: state from /info, and on managers the nodes, secret names, services; cert ages.

``GET /swarm`` is never called (its answer holds the join tokens), nor the unlock key endpoint;
``/info`` carries the cluster spec the controls need. Secrets are listed by name only (the API
never returns their data). Certificate validity is read from the PEM files under
``<DockerRootDir>/swarm/certificates`` with a minimal DER reader, so no crypto library is needed.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, TypeVar

from .._snapshot import CertFacts, Daemon, Swarm, SwarmNode, SwarmSecret, SwarmService
from ._api import ENGINE_ERRORS, DockerApi
from ._context import Context
from ._engine import SHAPE_ERRORS, env_vars, fetch, record_api_error, unix_time

SECTION = "swarm"
CERT_DIR = "swarm/certificates"
T = TypeVar("T")


def collect(ctx: Context, api: DockerApi, daemon: Daemon, collected_at: datetime) -> Swarm | None:
    """The node's swarm facts; an inactive node gives ``Swarm(local_node_state="inactive")``.

    Lists that only managers can answer stay None (not applicable, no error) elsewhere.
    """
    try:
        info = api.info
    except ENGINE_ERRORS as e:
        record_api_error(ctx, SECTION, "GET /info", e)
        return None
    raw = info.get("Swarm") or {}
    state = raw.get("LocalNodeState") or "inactive"
    if state == "inactive":
        return Swarm(local_node_state=state)
    cluster = raw.get("Cluster") or {}
    spec = cluster.get("Spec") or {}
    manager = bool(raw.get("ControlAvailable"))
    root_dir = daemon.info.docker_root_dir if daemon.info else info.get("DockerRootDir") or "/var/lib/docker"
    return Swarm(
        local_node_state=state,
        control_available=manager,
        node_id=raw.get("NodeID") or None,
        node_addr=raw.get("NodeAddr") or None,
        managers=raw.get("Managers"),
        nodes=raw.get("Nodes"),
        autolock=_autolock(state, spec),
        node_cert_expiry_ns=(spec.get("CAConfig") or {}).get("NodeCertExpiry"),
        root_rotation_in_progress=cluster.get("RootRotationInProgress") if cluster else None,
        root_ca=_cert(ctx, f"{root_dir}/{CERT_DIR}/swarm-root-ca.crt", collected_at),
        node_cert=_cert(ctx, f"{root_dir}/{CERT_DIR}/swarm-node.crt", collected_at),
        node_list=_listing(ctx, "GET /nodes", lambda: api.get("/nodes"), _node) if manager else None,
        secrets=_listing(ctx, "GET /secrets", lambda: api.get("/secrets"), _secret) if manager else None,
        services=_listing(ctx, "GET /services", lambda: api.get("/services"),
                          lambda s: _service(s, ctx.include_env_values)) if manager else None,
    )


def _autolock(state: str, spec: dict[str, Any]) -> bool | None:
    """Spec.EncryptionConfig.AutoLockManagers; a locked node has auto-lock by definition.

    Only managers see the spec: None elsewhere (unknown, not false).
    """
    if state == "locked":
        return True
    if not spec:
        return None
    return bool((spec.get("EncryptionConfig") or {}).get("AutoLockManagers"))


def _listing(ctx: Context, item: str, call: Callable[[], list[dict[str, Any]]],
             convert: Callable[[dict[str, Any]], T]) -> list[T] | None:
    """A manager-only list, converted; None with the failure recorded."""
    raw = fetch(ctx, SECTION, item, call)
    if raw is None:
        return None
    try:
        return [convert(entry) for entry in raw]
    except SHAPE_ERRORS as e:
        record_api_error(ctx, SECTION, item, e)
        return None


def _node(raw: dict[str, Any]) -> SwarmNode:
    spec, status = raw.get("Spec") or {}, raw.get("Status") or {}
    manager = raw.get("ManagerStatus") or {}
    return SwarmNode(id=raw["ID"], hostname=(raw.get("Description") or {}).get("Hostname"),
                     role=spec.get("Role") or "", leader=bool(manager.get("Leader")),
                     reachability=manager.get("Reachability"), manager_addr=manager.get("Addr"),
                     addr=status.get("Addr"), state=status.get("State"),
                     availability=spec.get("Availability"))


def _secret(raw: dict[str, Any]) -> SwarmSecret:
    return SwarmSecret(id=raw["ID"], name=(raw.get("Spec") or {}).get("Name") or "",
                       created_unix=unix_time(raw.get("CreatedAt")))


def _service(raw: dict[str, Any], include_env_values: bool) -> SwarmService:
    spec = raw.get("Spec") or {}
    container = (spec.get("TaskTemplate") or {}).get("ContainerSpec") or {}
    return SwarmService(id=raw["ID"], name=spec.get("Name") or "",
                        secret_names=[ref.get("SecretName") or ref.get("SecretID") or ""
                                      for ref in container.get("Secrets") or []],
                        env=env_vars(container.get("Env"), include_env_values))


# ----------------------------------------------------------------------------- certificates


def _cert(ctx: Context, host_path: str, collected_at: datetime) -> CertFacts | None:
    """Validity and mtime of a swarm PEM certificate (the first one in the file)."""
    path = ctx.path(host_path)
    try:
        pem = path.read_bytes()
        mtime = int(path.stat().st_mtime)
    except OSError as e:
        ctx.record_exc(SECTION, host_path, e)
        return None
    try:
        not_before, not_after = certificate_validity(pem)
    except ValueError as e:
        ctx.record(SECTION, host_path, "invalid", e)
        return CertFacts(path=host_path, mtime_unix=mtime)
    return CertFacts(path=host_path, not_before_unix=not_before, not_after_unix=not_after, mtime_unix=mtime,
                     age_seconds=int(collected_at.timestamp()) - not_before)


_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.S)
_SEQUENCE, _EXPLICIT_0, _UTC_TIME, _GENERALIZED_TIME = 0x30, 0xA0, 0x17, 0x18


def certificate_validity(pem: bytes) -> tuple[int, int]:
    """(notBefore, notAfter) as epoch seconds of the first certificate in a PEM text.

    Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber,
    signature, issuer, validity SEQUENCE { notBefore Time, notAfter Time }, ... }, ... }.
    Raises ValueError when the text is not such a certificate.
    """
    match = _PEM.search(pem)
    if not match:
        raise ValueError("no PEM certificate")
    try:
        der = base64.b64decode(b"".join(match.group(1).split()), validate=True)
    except binascii.Error as e:
        raise ValueError(f"bad PEM base64: {e}") from None
    certificate = _children(der, *_expect(der, 0, _SEQUENCE))
    tbs = _children(der, *_expect_at(certificate, 0, _SEQUENCE))
    first = 1 if tbs and tbs[0][0] == _EXPLICIT_0 else 0
    validity = _children(der, *_expect_at(tbs, first + 3, _SEQUENCE))
    if len(validity) != 2:
        raise ValueError("certificate validity is not two times")
    return _time(der, validity[0]), _time(der, validity[1])


_Tlv = tuple[int, int, int]  # tag, start of content, end of content


def _tlv(der: bytes, offset: int) -> _Tlv:
    """The DER element at ``offset`` (single-byte tags: all X.509 needs here)."""
    if offset + 2 > len(der):
        raise ValueError("truncated DER")
    tag, length = der[offset], der[offset + 1]
    offset += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(der[offset:offset + count], "big")
        offset += count
    if offset + length > len(der):
        raise ValueError("truncated DER")
    return tag, offset, offset + length


def _children(der: bytes, start: int, end: int) -> list[_Tlv]:
    children = []
    while start < end:
        child = _tlv(der, start)
        children.append(child)
        start = child[2]
    return children


def _expect(der: bytes, offset: int, tag: int) -> tuple[int, int]:
    found, start, end = _tlv(der, offset)
    if found != tag:
        raise ValueError(f"DER tag {found:#x} where {tag:#x} was expected")
    return start, end


def _expect_at(elements: list[_Tlv], index: int, tag: int) -> tuple[int, int]:
    if index >= len(elements) or elements[index][0] != tag:
        raise ValueError("not an X.509 certificate")
    return elements[index][1], elements[index][2]


def _time(der: bytes, element: _Tlv) -> int:
    """UTCTime (YYMMDDHHMMSSZ, 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSSZ) in epoch seconds."""
    tag, start, end = element
    text = der[start:end].decode("ascii")
    if tag == _UTC_TIME:
        year = int(text[:2])
        text = f"{1900 + year if year >= 50 else 2000 + year}{text[2:]}"
    elif tag != _GENERALIZED_TIME:
        raise ValueError(f"DER tag {tag:#x} is not a time")
    parsed = datetime.strptime(text, "%Y%m%d%H%M%SZ").replace(tzinfo=timezone.utc)
    return int(parsed.timestamp())
