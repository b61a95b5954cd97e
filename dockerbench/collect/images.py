"""Images: list, one inspect + history per image, setuid/setgid files from the layer tars."""

from __future__ import annotations

from .._snapshot import Image
from ._api import DockerApi
from ._context import Context


def collect(ctx: Context, api: DockerApi) -> list[Image] | None:
    return None
