"""The Docker Engine API as the collectors use it: one client, counted calls, cached /info.

The daemon address is found the way the docker CLI finds it: an explicit ``docker_host``, then
``DOCKER_HOST``, then the rootless socket ``$XDG_RUNTIME_DIR/docker.sock``, then
``/var/run/docker.sock``. TCP hosts use the SDK's TLS settings (``DOCKER_TLS_VERIFY``,
``DOCKER_CERT_PATH``).
"""

from __future__ import annotations

import os
import threading
from functools import cached_property
from pathlib import Path
from typing import Any

import docker
import docker.errors
import requests

DEFAULT_SOCKET = "unix:///var/run/docker.sock"


def resolve_docker_host(docker_host: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The daemon address to use, as the docker CLI would choose it."""
    env = os.environ if environ is None else environ
    if docker_host:
        return docker_host
    if env.get("DOCKER_HOST"):
        return env["DOCKER_HOST"]
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "docker.sock").exists():
        return f"unix://{Path(runtime, 'docker.sock')}"
    return DEFAULT_SOCKET


def unix_socket_path(docker_host: str) -> str | None:
    """The filesystem path of a unix:// address, else None."""
    if docker_host.startswith("unix://"):
        return docker_host[len("unix://"):]
    return None


class DockerApi:
    """A thin, counted view of the Engine API. Errors surface as the SDK's exceptions."""

    def __init__(self, docker_host: str | None = None, *, timeout: float = 30, pool: int = 16) -> None:
        self.docker_host = resolve_docker_host(docker_host)
        kwargs: dict[str, Any] = {}
        if not self.docker_host.startswith("unix://"):
            env_kwargs = docker.utils.kwargs_from_env()
            if "tls" in env_kwargs:
                kwargs["tls"] = env_kwargs["tls"]
        # version="auto" negotiates the API version: one request, counted below.
        self._client = docker.APIClient(
            base_url=self.docker_host, version="auto", timeout=timeout, max_pool_size=pool, **kwargs
        )
        self._calls = 1
        self._lock = threading.Lock()
        self._client.hooks["response"].append(self._count)

    def _count(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        with self._lock:
            self._calls += 1

    @property
    def calls(self) -> int:
        """Engine API requests made so far."""
        return self._calls

    @property
    def raw(self) -> docker.APIClient:
        return self._client

    @cached_property
    def info(self) -> dict[str, Any]:
        answer: dict[str, Any] = self.raw.info()
        return answer

    @cached_property
    def version(self) -> dict[str, Any]:
        answer: dict[str, Any] = self.raw.version()
        return answer

    def close(self) -> None:
        self._client.close()


def connect(docker_host: str | None, timeout: float) -> tuple[DockerApi | None, str, str | None]:
    """Open the API; returns (api or None, address, one-line reason when unreachable)."""
    address = resolve_docker_host(docker_host)
    try:
        api = DockerApi(address, timeout=timeout)
        api.version  # noqa: B018 - the first real request proves the daemon answers
        return api, address, None
    except docker.errors.DockerException as e:
        return None, address, _reason(e)
    except requests.RequestException as e:
        return None, address, _reason(e)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    for marker in ("Connection refused", "No such file or directory", "Permission denied",
                   "timed out", "Name or service not known"):
        if marker in text:
            return marker
    return text[:300]
