"""JSON Schemas generated from the models: ``python -m dockerbench.schemas`` rewrites them.

``schemas/snapshot.schema.json``, ``report.schema.json``, ``params.schema.json``,
``config.schema.json`` (dockerbench.yaml), ``waivers.schema.json``, ``profile.schema.json`` (a
benchmark profile file, ``profiles/*.yaml``) and ``fleet.schema.json`` (a fleet report) are
committed so tools in other languages can validate dockerbench documents (and editors check a
file as it is written); a test fails when they are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ._config_model import Config
from ._fleet import FleetReport
from ._params import Params
from ._profiles import ProfileFile
from ._report import Report
from ._snapshot import Snapshot
from ._waivers import Waivers

SCHEMAS = {"snapshot.schema.json": Snapshot, "report.schema.json": Report, "params.schema.json": Params,
           "config.schema.json": Config, "waivers.schema.json": Waivers, "profile.schema.json": ProfileFile,
           "fleet.schema.json": FleetReport}


def schema_text(model: type) -> str:
    schema = model.model_json_schema(mode="serialization")  # type: ignore[attr-defined]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"https://dockerbench.dev/schemas/{model.__name__.lower()}.schema.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def schema_dir() -> Path:
    """The shipped schemas: inside the installed package, else the source checkout's schemas/."""
    here = Path(__file__).resolve().parent
    installed = here / "_data" / "schemas"
    return installed if installed.is_dir() else here.parent / "schemas"


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = directory / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "schemas"
    for p in write(target):
        print(p)
