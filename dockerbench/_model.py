"""The two pydantic bases of every dockerbench model, and reading and writing its JSON documents.

``Model``: what dockerbench writes (snapshot, report, diff): frozen, no unknown keys; read back
strictly by :func:`parse_document`. ``Input``: what people write (params, dockerbench.yaml,
waivers, profiles): strict too, so ``"privileged": "no"`` is never a boolean. ``Document`` adds
``to_json``/``save`` to a top-level model. A validation error becomes one line with
:func:`first_problem`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ._errors import DockerbenchError
from ._text import json_printable

__all__ = ["Document", "Input", "Model", "document_kind", "first_problem", "parse_document", "read_document"]


class Model(BaseModel):
    """A model dockerbench writes: immutable, no keys beyond its own."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Input(BaseModel):
    """A model people write: immutable, no unknown keys, no type coercion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Document(Model):
    """A top-level JSON document (snapshot, report, diff)."""

    def to_json(self, *, indent: int | None = 2) -> str:
        """The document as JSON, valid against its schema in ``schemas/``; control and bidi
        characters in strings are ``\\u`` escapes (the same strings, safe in a terminal)."""
        return json_printable(self.model_dump_json(indent=indent))

    def save(self, path: str | Path) -> None:
        """Write the document as JSON to ``path``."""
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")


D = TypeVar("D", bound=Document)


def parse_document(cls: type[D], source: str | Path | bytes, kind: str, error: type[DockerbenchError],
                   mistaken: dict[str, str]) -> tuple[D, str]:
    """(The validated document, where it came from) of a path, JSON text or bytes.

    Validation is strict, as the published schema is. ``mistaken`` maps another document kind
    to the hint given when that kind was passed instead (a report where a snapshot belongs).
    Raises ``error`` with one line: unreadable, not JSON, or the first schema violation.
    """
    text, where = read_document(source, kind, error)
    try:
        return cls.model_validate_json(text, strict=True), where
    except ValidationError as e:
        other = document_kind(text)
        if other in mistaken:
            raise error(f"{where}: this is a dockerbench {other}, not a {kind} ({mistaken[other]})") from None
        raise error(f"{where}: not a valid {kind}: {first_problem(e)}") from None


def read_document(source: str | Path | bytes, kind: str, error: type[DockerbenchError]) -> tuple[str | bytes, str]:
    """(JSON text, where it came from) of a path, JSON text or bytes; ``error`` when unreadable."""
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return source, "<text>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except OSError as e:
        raise error(f"{path}: cannot read {kind}: {e.strerror or e}") from None


def document_kind(text: str | bytes) -> str | None:
    """'snapshot' or 'report' when JSON text has the top-level keys of one, else None."""
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    if isinstance(doc, dict) and {"results", "engine", "score"} <= doc.keys():
        return "report"
    if isinstance(doc, dict) and isinstance(doc.get("meta"), dict) and "schema_version" in doc["meta"]:
        return "snapshot"
    return None


def first_problem(e: ValidationError, where: Callable[[Sequence[Any]], str] | None = None) -> str:
    """A pydantic validation error as one line: where, what, and how many more. ``where`` names
    a location better than its dotted path (a profile's control by its id)."""
    first = e.errors()[0]
    loc = list(first["loc"])
    place = (where(loc) if where is not None else "") or ".".join(str(p) for p in loc) or "(document)"
    more = f" (+{e.error_count() - 1} more)" if e.error_count() > 1 else ""
    return f"{place}: {first['msg']}{more}"
