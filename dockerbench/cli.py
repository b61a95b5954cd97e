"""The ``dockerbench`` command.

Exit codes (stable, documented in the README):
    0  nothing at or above --fail-on
    1  a control at or above --fail-on (default: a failing control)
    2  bad usage or input: unreadable or malformed snapshot/report/params/waivers/configuration
       file, unknown control id (a malformed waivers file stops an audit before anything is collected)
    3  collection or engine failure: the daemon is unreachable, the Rego engine failed on any
       control (a builtin error, a crash, a timeout), whatever --fail-on says
  130  interrupted (Ctrl-C): the engine's worker processes are stopped first

A fleet report (``dockerbench fleet``, ``dockerbench evaluate`` with several snapshots) exits with
the highest code any of its hosts would give alone: a host that did not answer is 3 (as an
unreachable daemon), a snapshot file that cannot be read 2.

Settings come from the command line, else ``dockerbench.yaml`` (``--config FILE``, or the working
directory's unless ``--no-config``), else the defaults; ``dockerbench config show`` prints them.

``dockerbench waivers check FILE`` exits 0 when the file has no problem (warnings allowed), 1
when it has one (each printed as a line), 2 when it cannot be read or the usage is wrong.

Every error is one line on stderr; ``--debug`` shows the traceback. Reports go to stdout (or
``-o FILE``) and progress to stderr, so the output can be piped.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

# What every command needs to parse its options; the rest is imported by the command that uses
# it (`dockerbench controls` never loads pydantic's snapshot models, `audit` never rich tables).
from ._config import CONFIG_NAME, FORMATS, ConfigFile, find_config
from ._errors import CollectionError, DockerbenchError, PolicyWarning, SnapshotError, UsageError
from ._fleet_swarm import DEFAULT_IMAGE as DEFAULT_FLEET_IMAGE
from ._fleet_swarm import DEFAULT_SOCKET as DEFAULT_NODE_SOCKET
from ._fleet_swarm import DEFAULT_TASK_TIMEOUT
from ._policies import DEFAULT_BENCHMARK, available_benchmarks
from ._selection import Selection
from ._text import json_printable, printable
from ._version import __version__
from .engines import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from rich.console import Console

    from ._diff import Diff
    from ._snapshot import Snapshot
    from ._waivers import Waivers

FORMAT_NAMES = FORMATS  # the report formats (dockerbench.yaml's `format` takes the same)
_CONTROL_ID = re.compile(r"^\d+(\.\d+)+$")
FAIL_ON = {"warn": ("warn", "fail", "error"), "fail": ("fail", "error"), "error": ("error",), "never": ()}


class _State:
    def __init__(self, quiet: bool, no_color: bool, debug: bool) -> None:
        self.quiet, self.debug, self.no_color = quiet, debug, no_color
        self._err: Console | None = None
        self._out: Console | None = None

    @property
    def err(self) -> Console:
        """rich's console on stderr (made on first use: importing rich costs every command)."""
        if self._err is None:
            from rich.console import Console

            self._err = Console(stderr=True, no_color=self.no_color, highlight=False)
        return self._err

    @property
    def out(self) -> Console:
        if self._out is None:
            from rich.console import Console

            self._out = Console(no_color=self.no_color, highlight=False, soft_wrap=True)
        return self._out

    def enable(self, flag: str) -> None:
        """Turn on a global flag given after the verb (``quiet``, ``no_color`` or ``debug``)."""
        if flag == "no_color":
            self.no_color, self._err, self._out = True, None, None
        else:
            setattr(self, flag, True)


def _fail(state: _State | None, error: BaseException, code: int) -> None:
    message = str(error) if isinstance(error, DockerbenchError) else f"{type(error).__name__}: {error}"
    click.echo(f"dockerbench: error: {printable(' '.join(message.split()))}", err=True)
    if state is not None and state.debug:
        import traceback

        traceback.print_exception(error)
    sys.exit(code)


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """The library's warnings (a policy file that decides nothing, ...) as one stderr line each."""

    def show(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
        click.echo(f"dockerbench: warning: {' '.join(str(message).split())}", err=True)

    with warnings.catch_warnings():
        warnings.simplefilter("always", PolicyWarning)
        warnings.showwarning = show
        yield


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's errors into one line and the documented exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        state: _State | None = click.get_current_context().find_object(_State)
        try:
            with _warnings_as_lines():
                return fn(*args, **kwargs)
        except KeyboardInterrupt:  # the engines were closed on the way out (their `with` blocks)
            click.echo("dockerbench: interrupted", err=True)
            sys.stdout.flush()
            os._exit(130)  # at once: not waiting for collector threads still reading the socket
        except DockerbenchError as e:
            _fail(state, e, e.exit_code)
        except (OSError, ValueError) as e:
            _fail(state, e, 2)
        except Exception as e:  # noqa: BLE001 - last resort: one line, never a traceback
            _fail(state, e, 3)

    return wrapper


#: The global flags: accepted before the verb (``dockerbench -q audit``) and after it
#: (``dockerbench audit -q``), as the README lists them with each verb's options.
_GLOBAL_FLAGS = (
    (("--quiet", "-q"), "No progress or summary on stderr."),
    (("--no-color",), "Plain output without colour."),
    (("--debug",), "Show tracebacks for errors."),
)


def _enable_flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.find_object(_State).enable(param.name)  # type: ignore[union-attr]


def _global_options(*, after_verb: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The global flags as options of the group (values passed to it) or of a command (after
    the verb: each turns its flag on in the group's state)."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        for decls, help_ in reversed(_GLOBAL_FLAGS):
            extra: dict[str, Any] = {"expose_value": False, "callback": _enable_flag} if after_verb else {}
            fn = click.option(*decls, is_flag=True, help=help_, **extra)(fn)
        return fn

    return decorate


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dockerbench")
@_global_options(after_verb=False)
@click.pass_context
def main(ctx: click.Context, quiet: bool, no_color: bool, debug: bool) -> None:
    """Audit a Docker host against the CIS Docker Benchmark (v1.1.0 by default; --benchmark for v1.6.0, v1.8.0)."""
    ctx.obj = _State(quiet, no_color, debug)


# ----------------------------------------------------------------------------- options


def _collect_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--docker-host", metavar="URL",
            help="Daemon address (default: as the docker CLI: DOCKER_HOST, rootless socket, /var/run/docker.sock)."),
        click.option("--host-root", metavar="DIR", default="/", show_default=True,
            help="Where the host's filesystem is mounted."),
        click.option("--include-env-values", is_flag=True,
            help="Keep environment values in the snapshot (redacted by default)."),
        click.option("--no-image-scan", is_flag=True, help="Do not read image layers for setuid/setgid files."),
    ]):
        fn = option(fn)
    return fn


#: --benchmark: the profile whose controls are decided (ids, levels and findings are its own).
_benchmark_option = click.option(
    "--benchmark", "-b", type=click.Choice(available_benchmarks()), default=DEFAULT_BENCHMARK, show_default=True,
    help="The benchmark (profile) to audit against: its control ids, levels and titles.")


#: The options of the commands that evaluate (audit, evaluate), by parameter name.
_EVALUATE_OPTIONS: dict[str, Callable[[Callable[..., Any]], Callable[..., Any]]] = {
    "fmt": click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), default="table", show_default=True),
    "output": click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
        help="Write the report here instead of stdout."),
    "benchmark": _benchmark_option,
    "controls": click.option("--controls", "-c", multiple=True, metavar="SEL",
        help="Only these controls: ids (5.4), sections (5), globs (5.*); comma-separated or repeated."),
    "exclude": click.option("--exclude", "-x", multiple=True, metavar="SEL",
        help="Leave out these controls (same forms as --controls)."),
    "level": click.option("--level", type=click.IntRange(1, 2), help="Only controls of this CIS level or lower."),
    "scored_only": click.option("--scored-only", is_flag=True, help="Only scored controls."),
    "fail_on": click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="fail", show_default=True,
        help="Exit 1 when a control has this status or a worse one (warn < fail < error)."),
    "engine": click.option("--engine", type=click.Choice(["embedded", "opa", "opa-server"]), default="embedded", show_default=True,
        help="Rego engine: embedded regorus, real OPA in-process, or an OPA server (with --opa-url)."),
    "timeout": click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
                            show_default=True, metavar="SECONDS",
        help="Stop a control's evaluation after this long; it is then an error (exit 3)."),
    "opa_url": click.option("--opa-url", metavar="URL", help="OPA server URL (implies --engine opa-server)."),
    "opa_token": click.option("--opa-token", metavar="TOKEN", envvar="DOCKERBENCH_OPA_TOKEN",
        help="Bearer token for the OPA server (or DOCKERBENCH_OPA_TOKEN)."),
    "params_file": click.option("--params", "params_file", type=click.Path(dir_okay=False, path_type=Path),
        help="YAML/JSON file of organisation parameters (data.dockerbench.params)."),
    "policy_dir": click.option("--policy-dir", multiple=True, type=click.Path(file_okay=False, path_type=Path),
        help="Extra policy directory (adds or replaces controls by id)."),
    "waivers": click.option("--waivers", "waivers", type=click.Path(dir_okay=False, path_type=Path),
        help="YAML/JSON waivers and attestations (schemas/waivers.schema.json); a malformed file stops at once (exit 2)."),
    "as_of": click.option("--as-of", "as_of", metavar="DATE",
        help="Judge waiver and attestation dates on this day (YYYY-MM-DD) instead of the snapshot's collection date."),
}
_waiver_options = [_EVALUATE_OPTIONS["waivers"], _EVALUATE_OPTIONS["as_of"]]


def _evaluate_options(fn: Callable[..., Any], only: Sequence[str] | None = None) -> Callable[..., Any]:
    """The evaluation options (``only``: just those parameters, for ``config show``)."""
    for name, option in reversed(_EVALUATE_OPTIONS.items()):
        if only is None or name in only:
            fn = option(fn)
    return fn


def _config_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--config FILE and --no-config: which dockerbench.yaml the command reads (see :func:`_configure`)."""
    fn = click.option("--no-config", is_flag=True, help=f"Ignore ./{CONFIG_NAME}.")(fn)
    return click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                        help=f"Configuration file (default: ./{CONFIG_NAME} when there is one).")(fn)


# ----------------------------------------------------------------------------- configuration

#: Each dockerbench.yaml key and the command option it sets (None: no option of its own; the
#: value reaches the command as options[key]). A flag given on the command line beats the file.
_OPTION_OF: dict[str, str | None] = {
    "params": "params_file", "policy_dirs": "policy_dir", "waivers": "waivers", "attestations": None,
    "controls": "controls", "exclude": "exclude", "fail_on": "fail_on", "engine": "engine",
    "opa_url": "opa_url", "format": "fmt", "output": "output",
}
_EVALUATE_KEYS = tuple(_OPTION_OF)
_TUPLE_KEYS = ("policy_dirs", "controls", "exclude")  # repeatable options hold tuples


@dataclass(frozen=True)
class _Setting:
    """One merged setting: its value and where it came from ("flag", "file" or "default")."""

    value: Any
    source: str


@dataclass(frozen=True)
class _Settings:
    """What a command runs with: the configuration file read (None: none), each key's setting."""

    config: ConfigFile | None
    values: dict[str, _Setting]
    ignored: bool  # --no-config


def _configure(options: dict[str, Any], keys: Sequence[str] = _EVALUATE_KEYS) -> _Settings:
    """Merge the configuration file into the command's options, in place: a flag given on the
    command line beats the file, the file beats the option's default. Takes out the
    --config/--no-config options; sets options[key] for the keys without an option of their
    own (waivers, attestations: their value or None). Refuses (exit 2, one line) a file that
    cannot be read or holds an unknown key or a wrong type, before the command does anything."""
    config = find_config(options.pop("config_file"), ignore_cwd=options["no_config"])
    ignored = options.pop("no_config")
    ctx = click.get_current_context()
    values: dict[str, _Setting] = {}
    for key in keys:
        option = _OPTION_OF[key]
        flagged = option is not None and ctx.get_parameter_source(option) in (
            click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.ENVIRONMENT)
        if option is not None and flagged:
            setting = _Setting(options[option], "flag")
        elif config is not None and key in config.values:
            value = config.values[key]
            setting = _Setting(tuple(value) if key in _TUPLE_KEYS else value, "file")
        else:
            setting = _Setting(options.get(option) if option else None, "default")
        values[key] = setting
        options[option or key] = setting.value
    return _Settings(config, values, ignored)


def _split(selectors: Sequence[str]) -> list[str] | None:
    """Comma-separated or repeated selectors; None when none was given."""
    out = [s.strip() for sel in selectors for s in sel.split(",") if s.strip()]
    if selectors and not out:
        raise UsageError(f"the selection {','.join(selectors)!r} names no control (ids 5.4, sections 5, globs 5.*)")
    return out or None


def _check_writable(*paths: Path | None) -> None:
    """Refuse an output path whose directory does not exist, before any work is done."""
    for path in paths:
        if path is None:
            continue
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise UsageError(f"cannot write {path}: {parent} is not a directory")
        if not os.access(parent, os.W_OK):
            raise UsageError(f"cannot write {path}: {parent} is not writable")
        if path.is_dir():
            raise UsageError(f"cannot write {path}: it is a directory")


def _read_snapshot(path: Path) -> Snapshot:
    """A snapshot from a file, or from stdin for '-'."""
    from ._snapshot import load_snapshot

    if str(path) != "-":
        return load_snapshot(path)
    try:
        return load_snapshot(sys.stdin.buffer.read())
    except SnapshotError as e:
        raise SnapshotError(str(e).replace("<bytes>", "<stdin>", 1)) from None


def _read_waivers(options: dict[str, Any]) -> tuple[Waivers | None, date | None]:
    """The waivers and attestations (--waivers FILE, or dockerbench.yaml's, a path or inline) and
    the --as-of day, taken out of options; UsageError (exit 2) before anything else is done."""
    source, attestations, as_of = options.pop("waivers"), options.pop("attestations", None), options.pop("as_of")
    if source is None and attestations is None and as_of is None:
        return None, None  # without importing the waivers' models, which an audit then need not wait for
    from ._waivers import load_waivers, parse_as_of, with_attestations

    if attestations is not None:  # dockerbench.yaml's own key, joined to the waivers document
        source = with_attestations(source, attestations)
    where = f"{CONFIG_NAME}: waivers" if isinstance(source, dict) else None
    return (load_waivers(source, where=where) if source is not None else None), parse_as_of(as_of, name="--as-of")


def _read_params(path: Path | dict[str, Any] | None) -> dict[str, Any]:
    """The parameters of --params FILE, or of dockerbench.yaml (a path, or a mapping inline)."""
    from ._params import validate_params

    if path is None:
        return {}
    if isinstance(path, dict):
        return validate_params(path, where=f"{CONFIG_NAME}: params")
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise UsageError(f"{path}: cannot read parameters: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        raise UsageError(f"{path}: parameters are not valid YAML/JSON: {' '.join(str(e).split())}") from None
    if isinstance(data, dict) and set(data) == {"params"}:  # the file may wrap them in `params:`
        data = data["params"]
    return validate_params(data, where=str(path))


@contextmanager
def _opened_engine(options: dict[str, Any]) -> Iterator[Any]:
    """The engine the command's --engine/--opa-url/--opa-token options name (taken out of
    options), closed when the command is done with it."""
    from .engines import make_engine

    engine, opa_url, opa_token = options.pop("engine"), options.pop("opa_url"), options.pop("opa_token")
    timeout = options.pop("timeout")
    if opa_url or engine == "opa-server":
        if not opa_url:
            raise UsageError("--engine opa-server needs --opa-url")
        eng = make_engine("opa-server", url=opa_url, token=opa_token, timeout=timeout)
    else:
        eng = make_engine(engine, timeout=timeout)
    try:
        yield eng
    finally:
        eng.close()


# ----------------------------------------------------------------------------- progress


class _Progress:
    """A progress bar on stderr (only on a terminal, never with --quiet)."""

    def __init__(self, state: _State) -> None:
        self._bar = None
        if not state.quiet and sys.stderr.isatty() and state.err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
                                 console=state.err, transient=True)
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self._bar is None:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)


# ----------------------------------------------------------------------------- commands


@main.command("snapshot")
@_collect_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
    help="Write the snapshot here instead of stdout.")
@click.option("--framed", is_flag=True,
    help="Write it as one framed block (gzip, base64 lines, SHA-256), as `dockerbench fleet` reads it from a task's log.")
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def snapshot_cmd(state: _State, docker_host: str | None, host_root: str, include_env_values: bool,
                 no_image_scan: bool, output: Path | None, framed: bool) -> None:
    """Collect the live host into a snapshot (JSON)."""
    _check_writable(output)
    snap, failure = _collect(state, docker_host, host_root, include_env_values, no_image_scan)
    if framed:
        from ._fleet_swarm import frame

        _emit(state, frame(snap), output)
    else:
        _emit(state, snap.to_json(), output)
    if failure is not None:  # the partial snapshot (host and file facts) is kept: nothing lost
        where = f"; partial snapshot written to {output}" if output is not None else ""
        _fail(state, CollectionError(f"{failure}{where}"), failure.exit_code)
    if not state.quiet and output is not None:
        errs = len(snap.meta.errors)
        state.err.print(f"snapshot written to {output}: {len(snap.containers or [])} containers, "
                        f"{len(snap.images or [])} images, {len(snap.files)} files, {errs} collection error{'s' * (errs != 1)} "
                        f"({snap.meta.duration_seconds:.1f} s)", soft_wrap=True)


@main.command("audit")
@_collect_options
@_evaluate_options
@click.option("--save-snapshot", type=click.Path(dir_okay=False, path_type=Path), help="Also write the snapshot here.")
@_config_options
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def audit_cmd(state: _State, docker_host: str | None, host_root: str, include_env_values: bool,
              no_image_scan: bool, save_snapshot: Path | None, **options: Any) -> None:
    """Snapshot the live host and evaluate every control."""
    from ._prepare import preparing

    _configure(options)
    _check_writable(options["output"], save_snapshot)
    waivers, as_of = _read_waivers(options)  # a malformed waivers file: exit 2 before anything is collected
    params = _read_params(options.pop("params_file"))
    with _opened_engine(options) as engine:
        engine.start()  # the embedded engine's workers start, and compile the policies, while the host is read
        selection = _selection(options, params)
        with preparing(engine, selection, waivers=waivers):
            snap, failure = _collect(state, docker_host, host_root, include_env_values, no_image_scan)
        if save_snapshot is not None:
            snap.save(save_snapshot)
        code = _evaluate_and_render(state, snap, selection, engine=engine, waivers=waivers, as_of=as_of, **options)
    if failure is not None:
        _fail(state, failure, failure.exit_code)
    sys.exit(code)


@main.command("evaluate")
@click.argument("snapshot_files", metavar="SNAPSHOT...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@_evaluate_options
@_config_options
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def evaluate_cmd(state: _State, snapshot_files: tuple[Path, ...], **options: Any) -> None:
    """Evaluate every control over a saved snapshot ('-' reads it from stdin).

    With several snapshots (one per host, e.g. collected by Ansible or a Kubernetes DaemonSet),
    the fleet report of them, as `dockerbench fleet` gives it (formats table, json, html, csv);
    a snapshot that cannot be read is a host in error there."""
    _configure(options)
    _check_writable(options["output"])
    if len(snapshot_files) > 1:
        _check_fleet_format(options["fmt"])
    waivers, as_of = _read_waivers(options)
    if len(snapshot_files) > 1:
        from ._fleet import evaluate_fleet

        sources = _fleet_sources(snapshot_files)
        selection = _selection(options, _read_params(options.pop("params_file")))
        with _opened_engine(options) as engine, _Progress(state) as progress:
            report = evaluate_fleet(sources, selection, engine=engine, waivers=waivers, as_of=as_of, progress=progress)
        sys.exit(_render_fleet(state, report, options["fmt"], options["output"], options["fail_on"]))
    snap = _read_snapshot(snapshot_files[0])
    params = _read_params(options.pop("params_file"))
    selection = _selection(options, params)
    with _opened_engine(options) as engine:
        code = _evaluate_and_render(state, snap, selection, engine=engine, waivers=waivers, as_of=as_of, **options)
    sys.exit(code)


@main.command("fleet")
@click.option("--docker-host", metavar="URL",
    help="The swarm manager's address (default: as the docker CLI: DOCKER_HOST, rootless socket, /var/run/docker.sock).")
@click.option("--image", default=DEFAULT_FLEET_IMAGE, show_default=True, metavar="IMAGE",
    help="The auditor image on every node (the repository's Dockerfile builds dockerbench:latest).")
@click.option("--socket", "node_socket", default=DEFAULT_NODE_SOCKET, show_default=True, metavar="PATH",
    help="The Docker socket's path on the nodes; swarm templates such as {{.Node.Hostname}} are allowed.")
@click.option("--task-timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TASK_TIMEOUT,
              show_default=True, metavar="SECONDS",
    help="How long to wait for every node's snapshot; a node that has not answered by then is an error.")
@click.option("--no-image-scan", is_flag=True, help="The nodes do not read image layers for setuid/setgid files.")
@click.option("--save-snapshots", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
    help="Also write each node's snapshot into DIR (HOST.json), for `dockerbench evaluate` later.")
@_evaluate_options
@_config_options
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def fleet_cmd(state: _State, docker_host: str | None, image: str, node_socket: str, task_timeout: float,
              no_image_scan: bool, save_snapshots: Path | None, **options: Any) -> None:
    """On a swarm manager: snapshot every node (a global-job service of the auditor image, removed
    at the end), evaluate the snapshots here and print the fleet report. Nodes that do not answer
    (no task, timeout, task failed or rejected, garbled output) are hosts in error (exit 3).

    Formats: table, json, html, csv. The evaluation options are those of `audit`."""
    _configure(options)
    _check_fleet_format(options["fmt"])
    _check_writable(options["output"])
    if save_snapshots is not None and not save_snapshots.is_dir():
        raise UsageError(f"--save-snapshots {save_snapshots}: not a directory")
    waivers, as_of = _read_waivers(options)
    selection = _selection(options, _read_params(options.pop("params_file")))
    from ._fleet_swarm import fleet

    with _opened_engine(options) as engine, _Progress(state) as progress:
        report = fleet(docker_host, selection, image=image, socket=node_socket, task_timeout=task_timeout,
                       scan_image_files=not no_image_scan, engine=engine, waivers=waivers, as_of=as_of,
                       progress=progress, save_snapshots=save_snapshots)
    sys.exit(_render_fleet(state, report, options["fmt"], options["output"], options["fail_on"]))


def _check_fleet_format(fmt: str) -> None:
    from .report.fleet import FLEET_FORMATS

    if fmt not in FLEET_FORMATS:
        raise UsageError(f"a fleet report (several hosts) is written as {', '.join(FLEET_FORMATS)}; --format {fmt} "
                         "takes one snapshot")


def _fleet_sources(paths: Sequence[Path]) -> list[Path | bytes]:
    """The snapshots of `evaluate SNAPSHOT...`: paths, and stdin ('-', once) as bytes."""
    if sum(1 for p in paths if str(p) == "-") > 1:
        raise UsageError("'-' (stdin) can be given once")
    return [sys.stdin.buffer.read() if str(p) == "-" else p for p in paths]


def _render_fleet(state: _State, report: Any, fmt: str, output: Path | None, fail_on: str) -> int:
    """Write the fleet report; the exit code is the highest any host would give alone: 3 for a
    host that did not answer or whose evaluation the engine failed, 2 for an unreadable snapshot,
    1 for a control at or above --fail-on."""
    from .report.fleet import print_fleet_table, render_fleet
    from .report.fleet import summary_line as fleet_summary

    if fmt == "table" and output is None:
        print_fleet_table(report, state.out)
    else:
        _emit(state, render_fleet(report, fmt), output)
    if not state.quiet:
        state.err.print(fleet_summary(report), markup=False, soft_wrap=True)
    codes = [0]
    bad = FAIL_ON[fail_on]
    for host in report.hosts:
        if host.error is not None:
            click.echo(f"dockerbench: error: host {printable(host.name)} was not audited: {host.error.kind}: "
                       f"{printable(host.error.message)}", err=True)
            codes.append(host.error.exit_code)
            continue
        failed = [r.id for r in host.report.results if r.engine_failed]
        if failed:
            click.echo(f"dockerbench: error: host {printable(host.name)}: the Rego engine failed on {len(failed)} "
                       f"control{'s' * (len(failed) != 1)}: {printable(', '.join(failed))}", err=True)
            codes.append(3)
        elif any(r.status in bad for r in host.report.results):
            codes.append(1)
    return max(codes)


@main.command("controls")
@click.argument("control_id", required=False)
@click.option("--controls", "-c", multiple=True, metavar="SEL", help="Ids, sections or globs.")
@click.option("--exclude", "-x", multiple=True, metavar="SEL")
@click.option("--level", type=click.IntRange(1, 2))
@click.option("--scored-only", is_flag=True)
@click.option("--policy-dir", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@_benchmark_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_config_options
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def controls_cmd(state: _State, control_id: str | None, controls: tuple[str, ...], exclude: tuple[str, ...],
                 level: int | None, scored_only: bool, policy_dir: tuple[Path, ...], benchmark: str, fmt: str,
                 config_file: Path | None, no_config: bool) -> None:
    """List the controls (all, a section such as 5, a glob such as "5.*"), or show one (5.4), and
    where each is decided (its policy file).

    Of dockerbench.yaml only policy_dirs applies: --controls/--exclude here filter the listing."""
    from ._policies import load_policies
    from ._profiles import load_profile
    from ._report import ControlMetadata

    options: dict[str, Any] = {"policy_dir": policy_dir, "config_file": config_file, "no_config": no_config}
    _configure(options, ("policy_dirs",))
    policy_dir = tuple(options["policy_dir"] or ())
    policies = load_policies(policy_dir, benchmark)
    if control_id is not None and (not _CONTROL_ID.match(control_id) or control_id not in policies.controls):
        controls, control_id = (control_id, *controls), None  # a section, a subsection or a glob: list those
    chosen = policies.select([control_id] if control_id else _split(controls), _split(exclude), level, scored_only)
    sources = load_profile(benchmark).sources if benchmark != DEFAULT_BENCHMARK else {}
    rows: list[dict[str, Any]] = [
        {**ControlMetadata.fields_of(c), "benchmark": policies.benchmark, "check": c.package,
         "policy": None if c.file is None else str(c.file), "note": c.note} for c in chosen]
    if fmt == "json":
        click.echo(json.dumps(rows if not control_id else rows[0], indent=2))
        return
    from rich.text import Text  # policy text (an organisation's policy dir too) is shown, never read as markup

    if control_id:
        c = rows[0]
        if c["policy"] is None:
            c["policy"] = "none: dockerbench does not decide this control yet (it is reported manual)"
        state.out.print(Text.assemble((printable(c["id"]), "bold"), "  ", printable(c["title"])))
        for key in ("benchmark", "section_title", "level", "scored", "automated", "severity", "cis_v1_6_0", "check",
                    "policy"):
            state.out.print(f"  {key:<16} {printable(c[key])}", markup=False)
        for key in ("level_source", "automated_source"):
            if c[key] is not None:
                source = sources.get(str(c[key]), "")
                state.out.print(f"  {key:<16} {printable(c[key])}: {printable(source)}", markup=False)
        if c["note"] is not None:
            state.out.print(f"  {'note':<16} {printable(c['note'])}", markup=False)
        state.out.print(f"  {'remediation':<16} {printable(c['remediation'])}", markup=False)
        for ref in c["references"]:
            state.out.print(f"  {'reference':<16} {printable(ref)}", markup=False)
        return
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None)
    for col in ("id", "lvl", "scored", "auto", "severity", "title"):
        table.add_column(col, no_wrap=col != "title")
    for c in rows:
        table.add_row(*(Text(printable(v)) for v in (c["id"], c["level"], "yes" if c["scored"] else "no",
                                                      "yes" if c["automated"] else "no", c["severity"], c["title"])))
    state.out.print(table)


@main.command("diff")
@click.argument("before", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("after", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
@click.option("--engine", type=click.Choice(["embedded", "opa"]), default="embedded", show_default=True)
@click.option("--params", "params_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--policy-dir", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@_config_options
@_waiver_options[0]
@_waiver_options[1]
@_benchmark_option
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def diff_cmd(state: _State, before: Path, after: Path, fmt: str, engine: str, params_file: Path | None,
             policy_dir: tuple[Path, ...], benchmark: str, **options: Any) -> None:
    """Compare two snapshots (evaluated under --benchmark) or two reports of the same benchmark
    (resources, statuses, findings, waivers). Exit 1 when they differ.

    Two snapshots are evaluated with the same --waivers, each judged on its own collection date
    unless --as-of is given. Of dockerbench.yaml, params, policy_dirs, waivers and attestations apply."""
    from ._diff import diff

    options.update(params_file=params_file, policy_dir=policy_dir)
    _configure(options, ("params", "policy_dirs", "waivers", "attestations"))
    waivers, as_of = _read_waivers(options)
    selection = Selection(benchmark=benchmark, params=_read_params(options["params_file"]),
                          policy_dirs=options["policy_dir"])
    result = diff(before, after, selection, engine=engine, waivers=waivers, as_of=as_of)
    _print_diff(state, result, fmt)
    sys.exit(0 if result.empty else 1)


@main.group("config")
def config_group() -> None:
    """The configuration file (dockerbench.yaml): what an audit would use, and from where."""


@config_group.command("show")
@functools.partial(_evaluate_options, only=[o for o in _OPTION_OF.values() if o and o != "fmt"])
@_config_options
@click.option("--format", "-f", "show_fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="How to print the settings (the report format is dockerbench.yaml's `format`).")
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def config_show_cmd(state: _State, show_fmt: str, **options: Any) -> None:
    """Print the merged settings of an audit: each key, its value, and where it came from
    (a flag, the configuration file, or the default). The flags are those of `audit`."""
    options["fmt"] = "table"  # audit's default: here --format is how the settings are printed
    settings = _configure(options)
    _read_params(settings.values["params"].value)  # a broken parameters file shows here as in an audit
    where = settings.config.path if settings.config is not None else None
    if show_fmt == "json":
        click.echo(json.dumps({"config_file": where, "settings": {
            key: {"value": _json_value(s.value), "source": s.source} for key, s in settings.values.items()}},
            indent=2, default=_json_scalar))
        return
    none = "none (--no-config)" if settings.ignored else f"none (no {CONFIG_NAME} here)"
    lines = [f"config file: {printable(where) if where is not None else none}"]
    rows = [(key, printable(_shown(key, s.value)), printable(where) if s.source == "file" else s.source)
            for key, s in settings.values.items()]
    widths = [max(len(row[i]) for row in rows) for i in (0, 1)]
    lines += [f"{key:<{widths[0]}}  {value:<{widths[1]}}  {source}".rstrip() for key, value, source in rows]
    click.echo("\n".join(lines))


def _json_scalar(value: Any) -> Any:
    """What YAML reads that JSON has no type for: dates (``expires: 2027-06-30``) as ISO text."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _json_value(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_json_value(v) for v in value]
    return value


def _shown(key: str, value: Any) -> str:
    """A setting's value on one line: paths as they are, inline documents as compact JSON."""
    if value is None or value == ():
        return {"controls": "all", "output": "stdout"}.get(key, "none")
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return f"inline {json.dumps(value, separators=(',', ':'), sort_keys=True, default=_json_scalar)}"
    return str(value)


@main.group("waivers")
def waivers_group() -> None:
    """Check a waivers file (waivers and attestations)."""


@waivers_group.command("check")
@click.argument("waivers_file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--snapshot", "snapshot_file", metavar="SNAPSHOT", type=click.Path(dir_okay=False, path_type=Path),
              help="Also evaluate this snapshot: a waiver that matches nothing in it is an error.")
@click.option("--within", default="30d", show_default=True, metavar="DAYS",
              help="Warn about waivers and attestations ending within this long (30d, 2w, 45).")
@click.option("--as-of", "as_of", metavar="DATE", help="Judge dates on this day (YYYY-MM-DD) instead of today.")
@click.option("--policy-dir", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra policy directory (its control ids are known).")
@click.option("--params", "params_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Organisation parameters for evaluating --snapshot.")
@click.option("--engine", type=click.Choice(["embedded", "opa"]), default="embedded", show_default=True)
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def waivers_check_cmd(state: _State, waivers_file: Path, snapshot_file: Path | None, within: str,
                      as_of: str | None, policy_dir: tuple[Path, ...], params_file: Path | None, engine: str) -> None:
    """Check FILE: exit 1 on a malformed entry, missing reason/owner/expires, an unknown control
    id, a duplicate id, a past date, or (with --snapshot) a waiver that matches nothing; entries
    ending within --within are warnings. Exit 2 when FILE cannot be read."""
    from ._evaluate import evaluate as evaluate_snapshot
    from ._policies import load_policies
    from ._waivers import check as check_waivers
    from ._waivers import check_outcomes, parse_as_of

    day = parse_as_of(as_of, name="--as-of")
    within_days = _days(within)
    params = _read_params(params_file)
    snap = _read_snapshot(snapshot_file) if snapshot_file is not None else None
    policies = load_policies(policy_dir)
    problems, usable = check_waivers(waivers_file, policies, today=day or date.today(), within_days=within_days)
    if snap is not None and usable is not None:
        report = evaluate_snapshot(snap, Selection(params=params, policy_dirs=policy_dir), engine=engine,
                                   waivers=usable, as_of=day)
        problems += check_outcomes(report)
    for problem in problems:
        click.echo(printable(f"{waivers_file}: {problem}"))
    errors = sum(1 for p in problems if p.level == "error")
    if not state.quiet:
        entries = (f"{len(usable.waivers)} valid waiver{'s' * (len(usable.waivers) != 1)}, "
                   f"{len(usable.attestations)} valid attestation{'s' * (len(usable.attestations) != 1)}"
                   if usable is not None else "no valid entry")
        warnings_ = len(problems) - errors
        state.err.print(printable(f"{waivers_file}: {entries}; {errors} error{'s' * (errors != 1)}, "
                                  f"{warnings_} warning{'s' * (warnings_ != 1)}"), markup=False, soft_wrap=True)
    sys.exit(1 if errors else 0)


def _days(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text)
    if not match:
        raise UsageError(f"--within takes a number of days such as 30d, 2w or 45, got {text!r}")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


# ----------------------------------------------------------------------------- helpers


def _collect(state: _State, docker_host: str | None, host_root: str, include_env_values: bool,
             no_image_scan: bool) -> tuple[Snapshot, CollectionError | None]:
    from .collect import snapshot as collect_snapshot

    with _Progress(state) as progress:
        try:
            return collect_snapshot(docker_host, host_root, include_env_values=include_env_values,
                                    scan_image_files=not no_image_scan, progress=progress), None
        except CollectionError as e:
            if e.snapshot is None:
                raise
            return e.snapshot, e  # type: ignore[return-value]


def _selection(options: dict[str, Any], params: dict[str, Any]) -> Selection:
    """The Selection the command's options make (taken out of options)."""
    return Selection(benchmark=options.pop("benchmark"), controls=_split(options.pop("controls")),
                     exclude=_split(options.pop("exclude")), level=options.pop("level"),
                     scored_only=options.pop("scored_only"), params=params, policy_dirs=options.pop("policy_dir"))


def _evaluate_and_render(state: _State, snap: Snapshot, selection: Selection, *, fmt: str, output: Path | None,
                         fail_on: str, engine: Any, waivers: Waivers | None = None, as_of: date | None = None) -> int:
    from ._evaluate import evaluate as evaluate_snapshot

    with _Progress(state) as progress:
        report = evaluate_snapshot(snap, selection, engine=engine, progress=progress, waivers=waivers, as_of=as_of)
    if fmt == "table" and output is None:
        from .report import print_table

        print_table(report, state.out)
    else:
        from .report import render

        options = {"warn_as_failure": True} if fmt == "junit" and fail_on == "warn" else {}  # as the exit code
        _emit(state, render(report, fmt, **options), output)
    if not state.quiet:
        state.err.print(summary_line(report), markup=False, soft_wrap=True)
    failed = [r.id for r in report.results if r.engine_failed]
    if failed:
        click.echo(f"dockerbench: error: the Rego engine failed on {len(failed)} control{'s' * (len(failed) != 1)}: "
                   f"{printable(', '.join(failed))} (see their reasons in the report)", err=True)
        return 3
    bad = FAIL_ON[fail_on]
    return 1 if any(r.status in bad for r in report.results) else 0


def summary_line(report: Any) -> str:
    """'105 controls: 27 pass, 41 fail, … 0 error; score 33.3% (engine)'; with waivers also the
    waived controls and what the waivers did ('; waivers as of 2026-11-01: 1 applied …')."""
    from .report._common import waiver_summary

    c = report.counts
    waived = f", {c['waived']} waived" if report.waivers is not None or c.get("waived") else ""
    line = (f"{len(report.results)} controls: {c['pass']} pass, {c['fail']} fail, {c['warn']} warn, "
            f"{c['manual']} manual, {c['not_applicable']} n/a, {c['error']} error{waived}; "
            f"score {report.score.percent_text} ({report.engine})")
    text = waiver_summary(report)
    return printable(line + (f"; {text}" if text else ""))


def _emit(state: _State, text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    else:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def _print_diff(state: _State, d: Diff, fmt: str) -> None:
    if fmt == "json":
        click.echo(json_printable(d.model_dump_json(indent=2)))
        return
    md = fmt == "markdown"
    if md:  # Markdown and HTML punctuation escaped, mentions defused, controls shown as \x1b
        from .report.markdown import md as show
    else:  # the terminal: controls shown as \x1b, never run
        show = printable

    def finding(f: Any) -> str:
        return f"{show(f.control_id):<5} {show(f.resource.kind)}/{show(f.resource.name or f.resource.id)}: {show(f.message)}"

    lines: list[str] = [f"{'## ' if md else ''}dockerbench diff: {show(d.before)} -> {show(d.after)}"]
    if d.empty:
        lines.append("no differences")
    for title, rows in (
        ("Resources", [f"{r.change:<8} {show(r.kind):<9} {show(r.name or r.id)}" for r in d.resources]),
        ("Control status", [f"{show(s.control_id):<5} {show(s.before)} -> {show(s.after)}  {show(s.title)}"
                            for s in d.status_changes]),
        ("New findings", [finding(f) for f in d.new_findings]),
        ("Resolved findings", [finding(f) for f in d.resolved_findings]),
        ("Newly waived findings", [f"{finding(f)}  [{show(f.waiver.note if f.waiver else 'waived')}]"
                                   for f in d.newly_waived]),
        ("Newly expired waivers", [f"{show(w.id)}: {show(w.detail)}" for w in d.newly_expired]),
        ("Newly stale waivers", [f"{show(w.id)}: {show(w.detail)}" for w in d.newly_stale]),
    ):
        if rows:
            lines.append(f"\n{'### ' if md else ''}{title} ({len(rows)})")
            lines += [f"- {r}" if md else f"  {r}" for r in rows]
    click.echo("\n".join(lines))

def entry() -> None:
    """The ``dockerbench`` command as a process (the console script, ``python -m dockerbench``).

    A one-shot process does not need Python's cycle collector: reference counting frees what it
    drops, and at 1000 containers the collector's passes over the snapshot's millions of objects
    cost ~0.4 s. Nor does it need to free its heap object by object on the way out (~0.3 s): once
    stdout and stderr are flushed, it exits at once. (In-process callers use :func:`main`.)"""
    gc.disable()
    try:
        main(prog_name="dockerbench")
        code: int | str | None = 0
    except SystemExit as e:
        code = e.code
    if isinstance(code, str):  # as Python prints a SystemExit message
        click.echo(code, err=True)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    entry()
