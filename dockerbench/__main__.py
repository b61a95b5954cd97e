"""``python -m dockerbench``: the ``dockerbench`` command."""

from .cli import main

main(prog_name="dockerbench")
