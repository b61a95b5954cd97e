"""Which Rego modules a document needs, so each engine worker loads only its share's.

A worker evaluates its share of the controls as one query per parent package: it must hold
those controls and their libraries, and none of the other workers' controls (which it would
evaluate too).

A module needs the modules whose package is on a ``data.`` path it reads (an import or a
reference). Strings and comments are ignored; a module that reads ``data`` by a computed key
(``data[x]``, bare ``data``) or whose package cannot be read needs every module — when in
doubt, compile more, never less.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Strings (with escapes), raw strings and comments: removed before looking for references.
_NOISE = re.compile(r'"(?:\\.|[^"\\\n])*"|`[^`]*`|#[^\n]*')
_PACKAGE = re.compile(r"^\s*package\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*$", re.M)
# data followed by its dotted path; what follows the path tells whether the key is computed.
_DATA_REF = re.compile(r"(?<![\w.$])data((?:\s*\.\s*[A-Za-z_]\w*)*)")


def _related(a: str, b: str) -> bool:
    """Paths a and b overlap: equal, or one inside the other."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


class ModuleGraph:
    """Packages and data references of a set of modules (file name -> Rego source)."""

    def __init__(self, modules: Mapping[str, str]) -> None:
        self._order = list(modules)
        self._package: dict[str, str | None] = {}
        self._refs: dict[str, frozenset[str] | None] = {}  # None: reads data by a computed key
        self._closures: dict[str, frozenset[str]] = {}
        for name, source in modules.items():
            code = _NOISE.sub(" ", source)
            package = _PACKAGE.search(code)
            self._package[name] = package.group(1) if package else None
            refs: set[str] = set()
            computed = False  # data[...] with a computed key: any module may be read
            for m in _DATA_REF.finditer(code):
                path = re.sub(r"\s+", "", m.group(1)).lstrip(".")
                if not path:
                    computed = True
                    break
                refs.add(path)
            self._refs[name] = None if computed else frozenset(refs)

    def defining(self, path: str) -> set[str]:
        """Modules that can contribute to data.<path>: its package, a parent's or a child's."""
        return {n for n, p in self._package.items() if p is None or _related(p, path)}

    def closure(self, path: str) -> frozenset[str]:
        """Every module evaluating data.<path> may need."""
        if path not in self._closures:
            self._closures[path] = self._walk(path)
        return self._closures[path]

    def _walk(self, path: str) -> frozenset[str]:
        seen: set[str] = set()
        todo = list(self.defining(path))
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            refs = self._refs[name]
            if refs is None:
                return frozenset(self._order)
            todo.extend(n for ref in refs for n in self.defining(ref) if n not in seen)
        return frozenset(seen)
