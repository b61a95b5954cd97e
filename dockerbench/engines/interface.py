"""The one interface every Rego backend implements.

An engine holds Rego modules and a data document, and evaluates a document of ``data`` (a
package, a rule) against an input. It returns plain JSON values (sets come back as lists), or
``None`` when the document is undefined. Broken modules raise :class:`PolicyError` naming file
and line; evaluation failures raise :class:`EngineError`. No engine may turn an error into an
undefined value: that would let a control pass silently.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Mapping


class Engine(ABC):
    """A Rego backend: load modules and data once, evaluate documents many times."""

    #: Short name used in reports and on the command line (``embedded``, ``opa``, ``opa-server``).
    name: str

    @abstractmethod
    def load(self, modules: Mapping[str, str], data: Mapping[str, Any]) -> None:
        """Replace the loaded modules (file name -> Rego source) and the data document."""

    @abstractmethod
    def evaluate(self, path: str, input: Any) -> Any:
        """The value of ``data.<path>`` for ``input``; None when undefined."""

    def describe(self) -> str:
        """Name and version, for reports."""
        return self.name

    def close(self) -> None:
        """Release native or network resources."""
