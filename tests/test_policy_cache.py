"""The parsed built-in policies and profiles are kept per process, and never once a file changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from dockerbench._policies import _builtin_policies, builtin_policy_dir


def test_parsed_policies_are_reused_until_a_file_changes(tmp_path: Path) -> None:
    root = tmp_path / "policies"
    shutil.copytree(builtin_policy_dir(), root)
    first = _builtin_policies(root)
    again = _builtin_policies(root)
    assert again.controls == first.controls and again is not first  # a fresh set: callers add to it
    again.controls.clear()
    assert _builtin_policies(root).controls == first.controls

    module = root / "cis_docker_1_1_0" / "c5_4" / "c5_4.rego"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace('title: "', 'title: "Edited: ', 1), encoding="utf-8")
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    edited = _builtin_policies(root)
    assert edited.controls["5.4"].title.startswith("Edited: ")
    assert edited.modules[str(module)] != first.modules[str(module)]
