"""The ``dockerbench`` command.

Exit codes (stable, documented in the README):
    0  nothing at or above --fail-on
    1  a control at or above --fail-on (default: a failing control)
    2  bad usage or input: unreadable or malformed snapshot/report/params, unknown control id
    3  collection or engine failure: the daemon is unreachable, the Rego engine failed on any
       control (a builtin error, a crash, a timeout), whatever --fail-on says
  130  interrupted (Ctrl-C): the engine's worker processes are stopped first

Every error is one line on stderr; ``--debug`` shows the traceback. Reports go to stdout (or
``-o FILE``) and progress to stderr, so the output can be piped.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ._diff import Diff, diff
from ._errors import CollectionError, DockerbenchError, PolicyWarning, SnapshotError, UsageError
from ._evaluate import evaluate as evaluate_snapshot, prepare
from ._params import validate_params
from ._policies import DEFAULT_BENCHMARK, load_policies
from ._profiles import available_benchmarks, load_profile
from ._snapshot import Snapshot, load_snapshot
from ._text import json_printable, printable
from ._version import __version__
from .engines import DEFAULT_TIMEOUT
from .collect import snapshot as collect_snapshot

FORMAT_NAMES = ("table", "json", "sarif", "junit", "html", "csv", "markdown")
_CONTROL_ID = re.compile(r"^\d+(\.\d+)+$")
FAIL_ON = {"warn": ("warn", "fail", "error"), "fail": ("fail", "error"), "error": ("error",), "never": ()}


class _State:
    def __init__(self, quiet: bool, no_color: bool, debug: bool) -> None:
        self.quiet, self.debug = quiet, debug
        self._consoles(no_color)

    def _consoles(self, no_color: bool) -> None:
        self.no_color = no_color
        self.err = Console(stderr=True, no_color=no_color, highlight=False)
        self.out = Console(no_color=no_color, highlight=False, soft_wrap=True)

    def enable(self, flag: str) -> None:
        """Turn on a global flag given after the verb (``quiet``, ``no_color`` or ``debug``)."""
        if flag == "no_color":
            self._consoles(True)
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
        ctx.find_object(_State).enable(param.name)  # type: ignore[union-attr,arg-type]


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
        click.option("--docker-host", metavar="URL", help="Daemon address (default: as the docker CLI: DOCKER_HOST, rootless socket, /var/run/docker.sock)."),
        click.option("--host-root", metavar="DIR", default="/", show_default=True, help="Where the host's filesystem is mounted."),
        click.option("--include-env-values", is_flag=True, help="Keep environment values in the snapshot (redacted by default)."),
        click.option("--no-image-scan", is_flag=True, help="Do not read image layers for setuid/setgid files."),
    ]):
        fn = option(fn)
    return fn


#: --benchmark: the profile whose controls are decided (ids, levels and findings are its own).
_benchmark_option = click.option(
    "--benchmark", "-b", type=click.Choice(available_benchmarks()), default=DEFAULT_BENCHMARK, show_default=True,
    help="The benchmark (profile) to audit against: its control ids, levels and titles.")


def _evaluate_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), default="table", show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here instead of stdout."),
        _benchmark_option,
        click.option("--controls", "-c", multiple=True, metavar="SEL", help="Only these controls: ids (5.4), sections (5), globs (5.*); comma-separated or repeated."),
        click.option("--exclude", "-x", multiple=True, metavar="SEL", help="Leave out these controls (same forms as --controls)."),
        click.option("--level", type=click.IntRange(1, 2), help="Only controls of this CIS level or lower."),
        click.option("--scored-only", is_flag=True, help="Only scored controls."),
        click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="fail", show_default=True, help="Exit 1 when a control has this status or a worse one (warn < fail < error)."),
        click.option("--engine", type=click.Choice(["embedded", "opa", "opa-server"]), default="embedded", show_default=True, help="Rego engine: embedded regorus, real OPA in-process, or an OPA server (with --opa-url)."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS", help="Stop a control's evaluation after this long; it is then an error (exit 3)."),
        click.option("--opa-url", metavar="URL", help="OPA server URL (implies --engine opa-server)."),
        click.option("--opa-token", metavar="TOKEN", envvar="DOCKERBENCH_OPA_TOKEN", help="Bearer token for the OPA server (or DOCKERBENCH_OPA_TOKEN)."),
        click.option("--params", "params_file", type=click.Path(dir_okay=False, path_type=Path), help="YAML/JSON file of organisation parameters (data.dockerbench.params)."),
        click.option("--policy-dir", multiple=True, type=click.Path(file_okay=False, path_type=Path), help="Extra policy directory (adds or replaces controls by id)."),
    ]):
        fn = option(fn)
    return fn


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
    if str(path) != "-":
        return load_snapshot(path)
    try:
        return load_snapshot(sys.stdin.buffer.read())
    except SnapshotError as e:
        raise SnapshotError(str(e).replace("<bytes>", "<stdin>", 1)) from None


def _read_params(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
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
        if not state.quiet and state.err.is_terminal:
            self._bar = Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
                                 console=state.err, transient=True)
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> "_Progress":
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
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the snapshot here instead of stdout.")
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def snapshot_cmd(state: _State, docker_host: str | None, host_root: str, include_env_values: bool,
                 no_image_scan: bool, output: Path | None) -> None:
    """Collect the live host into a snapshot (JSON)."""
    _check_writable(output)
    snap, failure = _collect(state, docker_host, host_root, include_env_values, no_image_scan)
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
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def audit_cmd(state: _State, docker_host: str | None, host_root: str, include_env_values: bool,
              no_image_scan: bool, save_snapshot: Path | None, **options: Any) -> None:
    """Snapshot the live host and evaluate every control."""
    _check_writable(options["output"], save_snapshot)
    params = _read_params(options.pop("params_file"))
    with _opened_engine(options) as engine:
        engine.start()  # the embedded engine's workers start, and compile the policies, while the host is read
        prepare(engine, controls=_split(options["controls"]), exclude=_split(options["exclude"]),
                level=options["level"], scored_only=options["scored_only"], params=params,
                policy_dirs=options["policy_dir"], benchmark=options["benchmark"])
        snap, failure = _collect(state, docker_host, host_root, include_env_values, no_image_scan)
        if save_snapshot is not None:
            snap.save(save_snapshot)
        code = _evaluate_and_render(state, snap, engine=engine, params=params, **options)
    if failure is not None:
        _fail(state, failure, failure.exit_code)
    sys.exit(code)


@main.command("evaluate")
@click.argument("snapshot_file", metavar="SNAPSHOT", type=click.Path(dir_okay=False, path_type=Path))
@_evaluate_options
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def evaluate_cmd(state: _State, snapshot_file: Path, **options: Any) -> None:
    """Evaluate every control over a saved snapshot ('-' reads it from stdin)."""
    _check_writable(options["output"])
    snap = _read_snapshot(snapshot_file)
    params = _read_params(options.pop("params_file"))
    with _opened_engine(options) as engine:
        code = _evaluate_and_render(state, snap, engine=engine, params=params, **options)
    sys.exit(code)


@main.command("controls")
@click.argument("control_id", required=False)
@click.option("--controls", "-c", multiple=True, metavar="SEL", help="Ids, sections or globs.")
@click.option("--exclude", "-x", multiple=True, metavar="SEL")
@click.option("--level", type=click.IntRange(1, 2))
@click.option("--scored-only", is_flag=True)
@click.option("--policy-dir", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@_benchmark_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def controls_cmd(state: _State, control_id: str | None, controls: tuple[str, ...], exclude: tuple[str, ...],
                 level: int | None, scored_only: bool, policy_dir: tuple[Path, ...], benchmark: str, fmt: str) -> None:
    """List the controls (all, a section such as 5, a glob such as "5.*"), or show one (5.4), and
    where each is decided (its policy file)."""
    policies = load_policies(policy_dir, benchmark)
    if control_id is not None and (not _CONTROL_ID.match(control_id) or control_id not in policies.controls):
        controls, control_id = (control_id, *controls), None  # a section, a subsection or a glob: list those
    chosen = policies.select([control_id] if control_id else _split(controls), _split(exclude), level, scored_only)
    sources = load_profile(benchmark).sources if benchmark != DEFAULT_BENCHMARK else {}
    rows = [{"id": c.id, "title": c.title, "section": c.section, "section_title": c.section_title,
             "level": c.level, "scored": c.scored, "automated": c.automated, "severity": c.severity,
             "remediation": c.remediation, "cis_v1_6_0": c.cis_v1_6_0, "references": list(c.references),
             "benchmark": policies.benchmark, "level_source": c.level_source, "automated_source": c.automated_source,
             "check": c.package, "policy": None if c.file is None else str(c.file), "note": c.note} for c in chosen]
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
@_benchmark_option
@_global_options(after_verb=True)
@click.pass_obj
@_guarded
def diff_cmd(state: _State, before: Path, after: Path, fmt: str, engine: str,
             params_file: Path | None, policy_dir: tuple[Path, ...], benchmark: str) -> None:
    """Compare two snapshots (evaluated under --benchmark) or two reports of the same benchmark
    (resources, statuses, findings). Exit 1 when they differ."""
    result = diff(before, after, engine=engine, params=_read_params(params_file), policy_dirs=policy_dir,
                  benchmark=benchmark)
    _print_diff(state, result, fmt)
    sys.exit(0 if result.empty else 1)


# ----------------------------------------------------------------------------- helpers


def _collect(state: _State, docker_host: str | None, host_root: str, include_env_values: bool,
             no_image_scan: bool) -> tuple[Snapshot, CollectionError | None]:
    with _Progress(state) as progress:
        try:
            return collect_snapshot(docker_host, host_root, include_env_values=include_env_values,
                                    scan_image_files=not no_image_scan, progress=progress), None
        except CollectionError as e:
            if e.snapshot is None:
                raise
            return e.snapshot, e  # type: ignore[return-value]


def _evaluate_and_render(state: _State, snap: Snapshot, *, fmt: str, output: Path | None,
                         controls: tuple[str, ...], exclude: tuple[str, ...], level: int | None,
                         scored_only: bool, fail_on: str, engine: Any, params: dict[str, Any],
                         policy_dir: tuple[Path, ...], benchmark: str = DEFAULT_BENCHMARK) -> int:
    with _Progress(state) as progress:
        report = evaluate_snapshot(snap, engine=engine, controls=_split(controls), exclude=_split(exclude),
                                   level=level, scored_only=scored_only, params=params,
                                   policy_dirs=policy_dir, progress=progress, benchmark=benchmark)
    if fmt == "table" and output is None:
        from .report import print_table

        print_table(report, state.out)
    else:
        from .report import render

        options = {"warn_as_failure": True} if fmt == "junit" and fail_on == "warn" else {}  # as the exit code
        _emit(state, render(report, fmt, **options), output)
    if not state.quiet:
        c = report.counts
        state.err.print(
            f"{len(report.results)} controls: {c['pass']} pass, {c['fail']} fail, {c['warn']} warn, "
            f"{c['manual']} manual, {c['not_applicable']} n/a, {c['error']} error; "
            f"score {report.score.percent_text} ({printable(report.engine)})", markup=False, soft_wrap=True)
    failed = [r.id for r in report.results if r.engine_failed]
    if failed:
        click.echo(f"dockerbench: error: the Rego engine failed on {len(failed)} control{'s' * (len(failed) != 1)}: "
                   f"{printable(', '.join(failed))} (see their reasons in the report)", err=True)
        return 3
    bad = FAIL_ON[fail_on]
    return 1 if any(r.status in bad for r in report.results) else 0


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
    ):
        if rows:
            lines.append(f"\n{'### ' if md else ''}{title} ({len(rows)})")
            lines += [f"- {r}" if md else f"  {r}" for r in rows]
    click.echo("\n".join(lines))

if __name__ == "__main__":  # pragma: no cover
    main()
