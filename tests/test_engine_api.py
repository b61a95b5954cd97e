"""The collectors' Engine API client, against a stand-in daemon on a unix socket.

The real dockerds of tests/integration exercise the happy path on both engines; the stand-in
(an http.server, named as such) gives the answers a real daemon gives only in races or when
broken: 404/409/500 bodies, a non-JSON answer, a keep-alive connection closed while idle, an
image removed between the list and the grouped export.
"""

from __future__ import annotations

import io
import json
import socketserver
import tarfile
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from test_image_layers import layer_tar

from dockerbench.collect._api import DockerApi, EngineApiError, EngineNotFound, connect
from dockerbench.collect._context import Context
from dockerbench.collect.images import _setuid_scan

Route = Callable[[str], "tuple[int, bytes] | None"]


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: str, route: Route, close_after: bool) -> None:
        self.route, self.close_after = route, close_after
        self.connections, self.paths = 0, []  # type: tuple[int, list[str]]
        super().__init__(path, _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        answer = self.server.route(self.path)
        if answer is None:  # the connection drops without an answer
            self.close_connection = True
            return
        status, body = answer
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if self.server.close_after:
            self.close_connection = True

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def stand_in(tmp_path: Path) -> Iterator[Callable[..., tuple[DockerApi, _Server]]]:
    """A stand-in daemon answering ``route(path)``; yields a factory of (client, server)."""
    servers: list[_Server] = []
    clients: list[DockerApi] = []

    def start(route: Route, *, close_after: bool = False) -> tuple[DockerApi, _Server]:
        path = str(tmp_path / f"d{len(servers)}.sock")
        server = _Server(path, lambda p: (200, b'{"ApiVersion": "1.43"}') if p == "/version" else route(p), close_after)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        clients.append(DockerApi(f"unix://{path}", timeout=5))
        return clients[-1], server

    yield start
    for client in clients:
        client.close()
    for server in servers:
        server.shutdown()
        server.server_close()


def _json(status: int, value: Any) -> tuple[int, bytes]:
    return status, json.dumps(value).encode()


def test_requests_speak_the_daemons_api_version_over_one_kept_alive_connection(stand_in: Any) -> None:
    api, server = stand_in(lambda p: _json(200, {"path": p}))
    assert api.get("/containers/json", all=True) == {"path": "/v1.43/containers/json?all=1"}
    assert api.get("/images/sha256:ab/json") == {"path": "/v1.43/images/sha256:ab/json"}
    assert api.get("/images/get", names=["a", "b"]) == {"path": "/v1.43/images/get?names=a&names=b"}
    assert (api.calls, server.connections) == (4, 1)  # /version included


def test_error_answers_carry_the_daemons_message_and_a_404_is_not_found(stand_in: Any) -> None:
    api, _ = stand_in(lambda p: _json(404, {"message": "No such container: x"}) if "/x/" in p
                      else _json(409, {"message": "Container y is restarting"}))
    with pytest.raises(EngineNotFound) as missing:
        api.get("/containers/x/json")
    assert str(missing.value) == "404 Not Found: No such container: x (GET /v1.43/containers/x/json)"
    with pytest.raises(EngineApiError) as conflict:
        api.get("/containers/y/top")
    assert (type(conflict.value), conflict.value.status, conflict.value.message) == \
        (EngineApiError, 409, "Container y is restarting")


def test_an_answer_that_is_not_json_is_an_engine_error_not_a_crash(stand_in: Any) -> None:
    api, _ = stand_in(lambda p: (200, b"<html>proxy</html>"))
    with pytest.raises(EngineApiError, match=r"the answer is not JSON: b'<html>proxy</html>'"):
        api.get("/info")


def test_a_keep_alive_connection_the_daemon_closed_is_reopened_once(stand_in: Any) -> None:
    api, server = stand_in(lambda p: _json(200, {}), close_after=True)
    assert [api.get("/info") for _ in range(3)] == [{}, {}, {}]
    assert server.connections == 4  # /version and each request: the daemon closes every one


def test_a_connection_that_drops_on_a_fresh_request_raises(stand_in: Any) -> None:
    api, _ = stand_in(lambda p: None)
    with pytest.raises(ConnectionError):
        api.get("/info")


def test_an_unreachable_or_unusable_address_gives_one_line(tmp_path: Path) -> None:
    assert connect(f"unix://{tmp_path}/none.sock", timeout=2) == (None, f"unix://{tmp_path}/none.sock",
                                                                  "No such file or directory")
    assert connect("ssh://me@host", timeout=2) == (
        None, "ssh://me@host", "unsupported Docker host 'ssh://me@host' (use unix://PATH or tcp://HOST:PORT)")


# ----------------------------------------------------------------------------- grouped image export


def _archive(images: dict[str, list[str]], layers: dict[str, bytes | str]) -> bytes:
    """A `docker save` of several images (config hex -> layer names); each layer stored once, a
    str value is a symlink to another layer (how docker 20.10 stores a layer's further uses)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        members = [*layers.items(), ("manifest.json", json.dumps(
            [{"Config": f"{hex_id}.json", "Layers": names} for hex_id, names in images.items()]).encode())]
        for name, data in members:
            info = tarfile.TarInfo(name)
            if isinstance(data, str):
                info.type, info.linkname = tarfile.SYMTYPE, data
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


BASE = layer_tar([("bin/", 0o755), ("bin/su", 0o4755)])
APP = layer_tar([("bin/.wh.su", 0o644), ("app/", 0o755), ("app/tool", 0o2755)])
A, B = "a" * 64, "b" * 64


def _context() -> Context:
    return Context(workers=2)


def test_one_grouped_export_scans_every_image_and_stacks_shared_layers_for_each(stand_in: Any) -> None:
    archive = _archive({A: ["base/layer.tar"], B: ["b1/layer.tar", "app/layer.tar"]},
                       {"base/layer.tar": BASE, "b1/layer.tar": "../base/layer.tar", "app/layer.tar": APP})
    api, server = stand_in(lambda p: (200, archive) if p.startswith("/v1.43/images/get?") else _json(500, {}))
    found = _setuid_scan(ctx := _context(), api, [f"sha256:{A}", f"sha256:{B}"])
    assert {i: [f.path for f in files or []] for i, files in found.items()} == {
        f"sha256:{A}": ["/bin/su"], f"sha256:{B}": ["/app/tool"]}
    assert server.paths[1:] == [f"/v1.43/images/get?names=sha256%3A{A}&names=sha256%3A{B}"]
    assert ctx.errors == []


def test_images_the_grouped_export_misses_are_scanned_alone_and_a_vanished_one_is_no_error(stand_in: Any) -> None:
    alone = {A: _archive({A: ["base/layer.tar"]}, {"base/layer.tar": BASE})}

    def route(path: str) -> tuple[int, bytes]:
        if path.startswith("/v1.43/images/get?"):
            return _json(404, {"message": "reference does not exist"})  # C was removed since the list
        hex_id = path.split("sha256:")[1][:64]
        if hex_id in alone:
            return 200, alone[hex_id]
        if hex_id == B:
            return _json(500, {"message": "export failed"})
        return _json(404, {"message": "No such image"})

    api, _ = stand_in(route)
    c = "c" * 64
    found = _setuid_scan(ctx := _context(), api, [f"sha256:{A}", f"sha256:{B}", f"sha256:{c}"])
    assert {i: [f.path for f in files] if files is not None else None for i, files in found.items()} == {
        f"sha256:{A}": ["/bin/su"], f"sha256:{B}": None, f"sha256:{c}": None}
    assert [(e.section, e.item, e.kind) for e in ctx.errors] == [("images", f"image sha256:{B} layers", "engine_error")]


# ----------------------------------------------------------------------------- a crash loop's top


TOP_GONE = _json(500, {"message": "ttrpc: closed: unknown"})  # what 20.10 answers when the task ends mid-read


@pytest.mark.parametrize(("state", "processes", "errors"), [
    ({"Running": True, "Restarting": True, "Pid": 0}, [], 0),  # the process ended: restarting now
    ({"Running": False, "Restarting": False, "Pid": 0}, [], 0),  # stopped since
    ({"Running": True, "Restarting": False, "Pid": 4321}, [], 0),  # restarted: another main process
    ({"Running": True, "Restarting": False, "Pid": 1234}, None, 1),  # the same process: a real failure
], ids=["restarting", "stopped", "replaced", "same-process"])
def test_a_top_that_fails_as_the_main_process_ends_means_no_processes(
        stand_in: Any, state: dict[str, Any], processes: list[Any] | None, errors: int) -> None:
    """A crash-looping container caught running: its one process may end while dockerd reads it.
    A second look at its state tells that from a daemon that cannot list a live container's."""
    from dockerbench.collect.containers import _processes

    api, server = stand_in(lambda p: TOP_GONE if "/top" in p else _json(200, {"State": state}))
    ctx = Context()
    assert _processes(ctx, api, "c", "crashloop", 1234) == processes
    assert [e.item for e in ctx.errors] == ["container crashloop top"] * errors
    assert [p.split("?")[0] for p in server.paths[1:]] == ["/v1.43/containers/c/top", "/v1.43/containers/c/json"]
