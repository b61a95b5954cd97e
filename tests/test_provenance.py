"""The embedded engine's binding comes from an individual's PyPI project: check what it wraps.

`gordon-to-regorus` re-publishes microsoft/regorus's Python binding. Its wheel carries a
CycloneDX SBOM; the regorus crate named there must be Microsoft's, at the version we pin, and
the installed distribution must be the version pinned in pyproject.toml and .ci/pinned.txt
(which CI installs with `pip --require-hashes`).
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
DIST = "gordon-to-regorus"


def _pinned_version() -> str:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    (pin,) = [d for d in deps if d.startswith(DIST)]
    m = re.fullmatch(rf"{DIST}==(\d+\.\d+\.\d+)", pin.split(";")[0].strip())
    assert m, f"{DIST} must be pinned to an exact version in pyproject.toml, got {pin!r}"
    return m.group(1)


def test_the_hash_pinned_install_is_the_version_pyproject_pins():
    version = _pinned_version()
    text = (ROOT / ".ci" / "pinned.txt").read_text()
    assert re.search(rf"^{DIST}=={re.escape(version)} \\\n\s+--hash=sha256:[0-9a-f]{{64}}$", text, re.M)
    assert metadata.version(DIST) == version


def test_the_wheel_sbom_wraps_microsoft_regorus_at_the_pinned_version():
    version = _pinned_version()
    dist = metadata.distribution(DIST)
    sboms = [f for f in dist.files or () if "/sboms/" in f.as_posix() and f.name.endswith(".cyclonedx.json")]
    assert sboms, f"the {DIST} wheel has no CycloneDX SBOM"
    bom = json.loads(sboms[0].read_text())
    assert bom["bomFormat"] == "CycloneDX"
    crates = [c for c in bom["components"] if c.get("name") == "regorus"]
    assert len(crates) == 1, "the SBOM must name exactly one regorus crate"
    crate = crates[0]
    assert crate["version"] == version
    vcs = {r["url"] for r in crate.get("externalReferences", []) if r.get("type") == "vcs"}
    assert vcs == {"https://github.com/microsoft/regorus"}
    binding = bom["metadata"]["component"]
    assert binding["name"] == "regoruspy" and binding["version"] == version
    assert all(r["url"].startswith("https://github.com/microsoft/regorus") for r in binding.get("externalReferences", []))
    assert dist.metadata["Project-URL"] and "Upstream, https://github.com/microsoft/regorus" in dist.metadata.get_all("Project-URL")
