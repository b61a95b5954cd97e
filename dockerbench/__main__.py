"""``python -m dockerbench``: the ``dockerbench`` command."""

from .cli import entry

entry()
