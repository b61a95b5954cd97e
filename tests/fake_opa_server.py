"""FakeOpaServer: a stand-in for an OPA server, for testing the REST contract only.

A real OPA server binary cannot be installed on this machine (no GitHub downloads), so this
small HTTP server speaks the parts of OPA's REST API that dockerbench uses — PUT/DELETE
/v1/policies/<id>, PUT /v1/data/<path>, POST /v1/data/<path> with {"input": ...} — and
evaluates with a REAL Rego engine (OPA in-process when installed, else regorus). It checks the
bearer token when one is configured. It is named fake on purpose: it tests our client side.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from dockerbench.engines import available_engines, make_engine


class FakeOpaServer:
    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.policies: dict[str, str] = {}
        self.data: dict[str, Any] = {}
        self.requests: list[tuple[str, str]] = []
        self._engine = make_engine("opa" if "opa" in available_engines() else "embedded")
        self._dirty = True
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpaServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._engine.close()

    def evaluate(self, path: str, input_doc: Any) -> Any:
        with self._lock:
            if self._dirty:
                self._engine.load(self.policies, self.data)
                self._dirty = False
            return self._engine.evaluate(path, input_doc)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, code: int, body: Any = None) -> None:
                raw = b"" if body is None else json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def _authorised(self) -> bool:
                if server.token and self.headers.get("Authorization") != f"Bearer {server.token}":
                    self._reply(401, {"code": "unauthorized", "message": "missing or bad token"})
                    return False
                return True

            def do_PUT(self) -> None:
                server.requests.append(("PUT", self.path))
                body = self._body()
                if not self._authorised():
                    return
                if self.path.startswith("/v1/policies/"):
                    with server._lock:
                        server.policies[self.path[len("/v1/policies/"):]] = body.decode()
                        server._dirty = True
                    self._reply(200, {})
                elif self.path.startswith("/v1/data/"):
                    keys = [k for k in self.path[len("/v1/data/"):].split("/") if k]
                    with server._lock:
                        node = server.data
                        for k in keys[:-1]:
                            node = node.setdefault(k, {})
                        node[keys[-1]] = json.loads(body)
                        server._dirty = True
                    self.send_response(204)
                    self.end_headers()
                else:
                    self._reply(404, {"code": "not_found"})

            def do_DELETE(self) -> None:
                server.requests.append(("DELETE", self.path))
                if not self._authorised():
                    return
                with server._lock:
                    server.policies.pop(self.path[len("/v1/policies/"):], None)
                    server._dirty = True
                self._reply(200, {})

            def do_POST(self) -> None:
                server.requests.append(("POST", self.path))
                body = json.loads(self._body() or b"{}")
                if not self._authorised():
                    return
                path = self.path[len("/v1/data/"):].strip("/").replace("/", ".")
                try:
                    value = server.evaluate(path, body.get("input"))
                except Exception as e:  # noqa: BLE001 - report as OPA does
                    self._reply(500, {"code": "internal_error", "message": str(e)})
                    return
                self._reply(200, {} if value is None else {"result": value})

        return Handler
