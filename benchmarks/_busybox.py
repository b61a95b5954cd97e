"""A one-file image filesystem (Debian's static busybox, with ``sh`` and ``sleep`` links): the
benchmarks import it as images, so no registry is needed."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path


def busybox_tar() -> bytes:
    busybox = Path(shutil.which("busybox") or "/bin/busybox").read_bytes()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("bin/busybox")
        info.size, info.mode = len(busybox), 0o755
        tar.addfile(info, io.BytesIO(busybox))
        for tool in ("sh", "sleep"):
            link = tarfile.TarInfo(f"bin/{tool}")
            link.type, link.linkname = tarfile.SYMTYPE, "busybox"
            tar.addfile(link)
    return buf.getvalue()
