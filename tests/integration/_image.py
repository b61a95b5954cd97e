"""The auditor image, built from the repository's Dockerfile without any image registry.

No registry is reachable from the test machines, so ``python:3.11-slim`` (the Dockerfile's
default ``BASE``) cannot be pulled. The tests build the SAME Dockerfile on an equivalent base:

1. a Debian bookworm root filesystem made with Debian's ``debootstrap`` (minbase plus python3
   and python3-venv, Python 3.11 like the default base), from the mirror this machine's apt
   sources name, imported with ``docker import`` and the default base's PATH, LANG and CMD;
2. a wheelhouse of the project's build and runtime dependencies for that Python (cp311,
   manylinux x86_64), downloaded beforehand with ``pip download`` through pip's own
   configuration;
3. ``docker build`` of the repository (its ``.dockerignore`` applies) plus that wheelhouse, with
   ``--build-arg BASE=<imported> --build-arg PIP_OPTIONS="--no-index --find-links /src/wheelhouse"``.

Steps 1 and 2 are cached under ``$XDG_CACHE_HOME/dockerbench-image`` (default ``~/.cache``),
keyed by their inputs (suite, packages, mirror, trimming; dependencies, pins, Python), so a warm
run only imports the tarball and builds. Needs root, ``debootstrap`` (apt-get install debootstrap)
and pip; :func:`require_image_tools` skips (developer) or fails (CI) without them.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import docker
import tomllib
from _ci import unavailable

REPO = Path(__file__).resolve().parents[2]
SUITE = "bookworm"
PACKAGES = ("python3", "python3-venv")
PYTHON = "3.11"  # bookworm's python3; the wheelhouse is for this version
#: Left out of the root filesystem: downloaded packages, package lists, documentation.
TRIMMED = ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man",
           "usr/share/info", "usr/share/locale")
#: The default base's (python:3.11-slim) image configuration, given to the imported rootfs.
BASE_CHANGES = ("ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "ENV LANG=C.UTF-8", 'CMD ["python3"]')
WHEELHOUSE = "wheelhouse"  # in the build context; the Dockerfile's PIP_OPTIONS point at /src/wheelhouse
PIP_OPTIONS = f"--no-index --find-links /src/{WHEELHOUSE}"
BASE_TAG = f"dockerbench-test/debian-python:{SUITE}"
IMAGE_TAG = "dockerbench-test/auditor:latest"


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dockerbench-image"


def require_image_tools() -> None:
    """Skip the caller (or fail it under CI=true) when the auditor image cannot be built here."""
    missing = [tool for tool in ("debootstrap", "tar") if shutil.which(tool) is None]
    if missing:
        unavailable("debootstrap to build the auditor image", f"missing {', '.join(missing)} "
                    "(apt-get install debootstrap)")
    if os.geteuid() != 0:
        unavailable("root to run debootstrap for the auditor image", "not root")


@dataclass
class BuildTimes:
    """Seconds each step of the last :func:`build_auditor_image` took (0 for a cache hit)."""

    rootfs: float = 0.0
    wheelhouse: float = 0.0
    import_: float = 0.0
    build: float = 0.0
    cached: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.rootfs + self.wheelhouse + self.import_ + self.build

    def __str__(self) -> str:
        return (f"{self.total:.1f} s (debootstrap {self.rootfs:.1f} s, wheels {self.wheelhouse:.1f} s, import "
                f"{self.import_:.1f} s, build {self.build:.1f} s; cached: {', '.join(self.cached) or 'nothing'})")


# ----------------------------------------------------------------------------- debian root filesystem


def apt_mirror(suite: str = SUITE) -> tuple[str, str | None]:
    """(URI, keyring) of the first apt source of this machine that serves ``suite`` main."""
    for uri, suites, components, keyring in _apt_sources():
        if suite in suites and "main" in components:
            return uri, keyring
    raise RuntimeError(f"no apt source of this machine serves {suite} main (/etc/apt/sources.list*)")


def _apt_sources() -> Iterator[tuple[str, list[str], list[str], str | None]]:
    """(uri, suites, components, signed-by) of every `deb` source: deb822 files, then one-line ones."""
    directory = Path("/etc/apt/sources.list.d")
    for path in sorted(directory.glob("*.sources")) if directory.is_dir() else []:
        for stanza in path.read_text().split("\n\n"):
            fields: dict[str, str] = {}
            for line in stanza.splitlines():
                if line.strip() and not line.startswith(("#", " ", "\t")) and ":" in line:
                    key, _, value = line.partition(":")
                    fields[key.strip().lower()] = value.strip()
            if "deb" in fields.get("types", "").split() and fields.get("enabled", "yes") != "no":
                for uri in fields.get("uris", "").split():
                    yield uri, fields.get("suites", "").split(), fields.get("components", "").split(), \
                        fields.get("signed-by") or None
    lists = [Path("/etc/apt/sources.list"), *sorted(directory.glob("*.list"))] if directory.is_dir() else []
    for path in lists:
        for line in path.read_text().splitlines() if path.is_file() else []:
            words = line.split("#", 1)[0].split()
            if not words or words[0] != "deb":
                continue
            words = words[1:]
            options: list[str] = []
            if words and words[0].startswith("["):  # deb [arch=amd64 signed-by=/k.gpg] URI suite main
                while words and not (options and options[-1].endswith("]")):
                    options.append(words.pop(0))
            signed = [o.split("=", 1)[1] for o in " ".join(options).strip("[]").split() if o.startswith("signed-by=")]
            keyring = signed[0] if signed else None
            if len(words) >= 3:
                yield words[0], [words[1]], words[2:], keyring


def _rootfs_inputs() -> dict[str, object]:
    mirror, keyring = apt_mirror()
    return {"suite": SUITE, "variant": "minbase", "include": sorted(PACKAGES), "mirror": mirror,
            "keyring": keyring, "arch": platform.machine(), "trimmed": sorted(TRIMMED), "format": 1}


def _key(inputs: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]


@contextmanager
def _locked(name: str) -> Iterator[None]:
    """One builder at a time for a cache entry (parallel test runs share the cache)."""
    cache_dir().mkdir(parents=True, exist_ok=True)
    with open(cache_dir() / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _cached(target: Path, label: str, times: BuildTimes | None, make: Callable[[], None]) -> Path:
    """``target`` from the cache, else made by ``make()`` (one builder at a time); its time noted."""
    with _locked(target.name):
        if target.exists():
            if times is not None:
                times.cached.append(label)
            return target
        started = time.monotonic()
        make()
        if times is not None:
            setattr(times, label, time.monotonic() - started)
        return target


def rootfs_tarball(times: BuildTimes | None = None) -> Path:
    """The cached tarball of the debootstrapped root filesystem, made when it is not there yet."""
    inputs = _rootfs_inputs()
    target = cache_dir() / f"rootfs-{SUITE}-{_key(inputs)}.tar"

    def make() -> None:
        work = Path(tempfile.mkdtemp(prefix="rootfs-", dir=cache_dir()))
        try:
            root = work / "root"
            keyring = [f"--keyring={inputs['keyring']}"] if inputs["keyring"] else []
            _run(["debootstrap", "--variant=minbase", f"--include={','.join(PACKAGES)}", *keyring,
                  SUITE, str(root), str(inputs["mirror"])], "debootstrap")
            for rel in TRIMMED:
                for child in (root / rel).glob("*"):
                    shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            (work / "inputs.json").write_text(json.dumps(inputs, indent=1))
            partial = work / "rootfs.tar"
            _run(["tar", "--numeric-owner", "--xattrs", "-C", str(root), "-cf", str(partial), "."], "tar")
            partial.rename(target)
            target.with_suffix(".json").write_text(json.dumps(inputs, indent=1) + "\n")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    return _cached(target, "rootfs", times, make)


# ----------------------------------------------------------------------------- wheelhouse


def _platforms() -> list[str]:
    """Every manylinux tag a glibc 2.36 (bookworm) x86_64 system accepts, newest first."""
    return [f"manylinux_2_{minor}_x86_64" for minor in range(36, 16, -1)] + ["manylinux2014_x86_64"]


def _wheelhouse_inputs() -> dict[str, object]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    return {"requirements": sorted(project["project"]["dependencies"]),
            "build": sorted(project["build-system"]["requires"]),
            "pinned": (REPO / ".ci" / "pinned.txt").read_text(), "python": PYTHON,
            "platforms": _platforms(), "format": 1}


def wheelhouse(times: BuildTimes | None = None) -> Path:
    """The cached directory of wheels the offline build installs from, downloaded when missing."""
    inputs = _wheelhouse_inputs()
    target = cache_dir() / f"wheels-py{PYTHON}-{_key(inputs)}"

    def make() -> None:
        partial = Path(tempfile.mkdtemp(prefix="wheels-", dir=cache_dir()))
        try:
            platforms = [arg for p in _platforms() for arg in ("--platform", p)]
            requirements = [*inputs["requirements"], *inputs["build"]]  # type: ignore[misc]
            _run([sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(partial),
                  "--only-binary=:all:", *platforms, "--python-version", PYTHON, "--implementation", "cp",
                  "--abi", f"cp{PYTHON.replace('.', '')}", *requirements], "pip download")
            partial.chmod(0o755)
            partial.rename(target)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise

    return _cached(target, "wheelhouse", times, make)


# ----------------------------------------------------------------------------- the image


def build_auditor_image(client: docker.DockerClient, tag: str = IMAGE_TAG,
                        times: BuildTimes | None = None) -> str:
    """Build the repository's Dockerfile on the debootstrapped base in ``client``'s daemon; the image id."""
    times = times if times is not None else BuildTimes()
    tarball = rootfs_tarball(times)
    wheels = wheelhouse(times)
    started = time.monotonic()
    client.api.import_image_from_file(str(tarball), repository=BASE_TAG.split(":")[0],
                                      tag=BASE_TAG.split(":")[1], changes=list(BASE_CHANGES))
    times.import_ = time.monotonic() - started
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dockerbench-context-") as context:
        root = Path(context) / "src"
        shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.pyc", WHEELHOUSE,
                                                                  ".pytest_cache", "*.egg-info"))
        shutil.copytree(wheels, root / WHEELHOUSE)
        log: list[str] = []
        for chunk in client.api.build(path=str(root), tag=tag, rm=True, forcerm=True, decode=True,
                                      buildargs={"BASE": BASE_TAG, "PIP_OPTIONS": PIP_OPTIONS}):
            if "stream" in chunk:
                log.append(chunk["stream"])
            if "error" in chunk:
                tail = "".join(log)[-3000:]
                raise RuntimeError(f"docker build of the Dockerfile failed: {chunk['error']}\n{tail}")
    times.build = time.monotonic() - started
    return client.images.get(tag).id


def _run(argv: list[str], what: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed (exit {done.returncode}):\n{(done.stderr or done.stdout)[-3000:]}")
