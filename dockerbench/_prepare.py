"""Getting an engine ready for an evaluation: the selected policies loaded and compiling.

Apart from :mod:`._evaluate` (which imports the snapshot and report models) so that an audit
starts compiling, and asks the daemon its first question, before those are imported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._policies import Control, PolicySet, load_policies
from ._selection import Selection

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._selection import SelectionOptions
    from ._waivers import Waivers
    from .engines import Engine


def prepare(
    engine: Engine,
    selection: Selection | None = None,
    *,
    waivers: Waivers | str | Path | Mapping[str, Any] | None = None,
    **options: Unpack[SelectionOptions],
) -> None:
    """Load the selected controls into engine and let it compile them in the background, so
    that evaluate() with the same selection finds them ready (audit does this while it reads
    the host). Broken policies, and waivers that are malformed or name an unknown control,
    raise here as they would in evaluate()."""
    policies, selected = Selection.of(selection, **options).load(engine)
    if waivers is not None:
        _check_waivers(waivers, policies)
    engine.prepare(packages(selected))


@contextmanager
def preparing(
    engine: Engine,
    selection: Selection | None = None,
    *,
    waivers: Waivers | str | Path | Mapping[str, Any] | None = None,
) -> Iterator[None]:
    """:func:`prepare` on a thread while the body runs (an audit reads the host meanwhile).

    Waivers that name an unknown control raise before the body starts (nothing is collected for
    a run that cannot be reported); a broken policy or an empty selection raises when the body
    is done. When the body raises, that error wins and the thread is not waited for."""
    chosen = Selection.of(selection)
    if waivers is not None:
        _check_waivers(waivers, load_policies(chosen.policy_dirs, chosen.benchmark))
    pool = ThreadPoolExecutor(1, thread_name_prefix="dockerbench-prepare")
    job = pool.submit(prepare, engine, chosen)
    try:
        yield
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    try:
        job.result()
    finally:
        pool.shutdown()


def _check_waivers(waivers: Waivers | str | Path | Mapping[str, Any], policies: PolicySet) -> None:
    """Malformed waivers, or ones naming a control the policies lack, raise (UsageError)."""
    from ._waivers import load_waivers
    from ._waivers import resolve as resolve_waivers

    resolve_waivers(load_waivers(waivers), policies)


def packages(selected: list[Control]) -> list[str]:
    """The packages that decide the selected controls, each once (a control no check decides has none)."""
    return list(dict.fromkeys(c.package for c in selected if c.package is not None))
