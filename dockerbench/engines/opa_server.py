"""An organisation's OPA server over its REST API, through ``opa-python-client``.

Policies are uploaded with ``PUT /v1/policies/<id>`` (ids under ``dockerbench/``), the data
document with ``PUT /v1/data/dockerbench``, and documents are read with
``POST /v1/data/<path>`` and the snapshot as input. TLS: an https URL, ``ca_cert`` to verify
the server, ``client_cert`` (cert, key) for mutual TLS, ``token`` for bearer auth.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .._errors import EngineError, PolicyError
from .interface import Engine, ParentDocumentMixin, input_value


class OpaServerEngine(ParentDocumentMixin, Engine):
    name = "opa-server"

    def __init__(self, url: str, *, token: str | None = None, ca_cert: str | None = None,
                 client_cert: tuple[str, str] | None = None, timeout: float = 60.0) -> None:
        try:
            from opa_client.opa import OpaClient
        except ImportError:
            raise EngineError("the OPA server engine needs opa-python-client: "
                              "pip install 'dockerbench[opa-server]'") from None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EngineError(f"OPA server URL must be http(s)://host[:port], got {url!r}")
        self.url = url
        https = parts.scheme == "https"
        self._client = OpaClient(
            host=parts.hostname, port=parts.port or (443 if https else 80), ssl=https,
            cert=client_cert, token=token, timeout=timeout, retries=1,
        )
        if https and ca_cert:
            self._client._session.verify = ca_cert
        self._policy_ids: list[str] = []

    def describe(self) -> str:
        return f"opa-server ({self.url})"

    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        import requests

        try:
            for policy_id in self._policy_ids:
                self._client.delete_policy(policy_id)
            self._policy_ids = []
            for i, (name, source) in enumerate(modules.items()):
                policy_id = f"dockerbench/{i:04d}/{name.lstrip('/')}"
                try:
                    self._client.update_policy_from_string(source, policy_id, rego_compat=False)
                except requests.RequestException:
                    raise
                except Exception as e:  # noqa: BLE001 - opa_client raises its own types (with .message), no common base
                    if getattr(e, "expression", None) == "unauthorized":  # OPA's 401: the token, not the policy
                        raise EngineError(f"OPA server at {self.url} refused the token: {_message(e)}") from None
                    raise PolicyError(f"{name}: OPA server rejected the policy: {_message(e)}") from None
                self._policy_ids.append(policy_id)
            for key, value in data.items():
                self._client.update_or_create_data(dict(value), key)
        except requests.RequestException as e:
            raise EngineError(f"OPA server at {self.url} is unreachable: {_message(e)}") from None

    def evaluate(self, path: str, input: Any) -> Any:
        import requests

        try:
            answer = self._client.query_rule(input_value(input), path.replace(".", "/"))
        except requests.HTTPError as e:
            body = e.response.text if e.response is not None else ""
            raise EngineError(f"OPA server failed evaluating data.{path}: {_message(e)} {body[:200]}") from None
        except requests.RequestException as e:
            raise EngineError(f"OPA server at {self.url} is unreachable: {_message(e)}") from None
        return answer.get("result")

    def close(self) -> None:
        self._client.close_connection()


def _message(e: BaseException) -> str:
    return " ".join(str(getattr(e, "message", None) or e).split())[:300]
