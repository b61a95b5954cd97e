"""Every control's METADATA is complete and matches the catalogue: exactly the 105 ids."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dockerbench._policies import SEVERITIES, builtin_policy_dir, load_policies

CATALOGUE = yaml.safe_load((Path(__file__).parent / "data" / "controls-v1.1.0.yaml").read_text())
BY_ID = {c["id"]: c for c in CATALOGUE}
POLICIES = load_policies()


def test_exactly_the_catalogue_ids_are_present():
    assert len(BY_ID) == 105
    assert set(POLICIES.controls) == set(BY_ID)


def test_control_ids_are_unique_across_files():
    files = [p for p in (builtin_policy_dir() / "cis_docker_1_1_0").rglob("*.rego") if not p.name.endswith("_test.rego")]
    assert len(files) == 105  # load_policies raises on a duplicate id; one file per control


@pytest.mark.parametrize("cid", sorted(BY_ID, key=lambda i: tuple(map(int, i.split(".")))))
def test_metadata_equals_catalogue(cid):
    control, expected = POLICIES.controls[cid], BY_ID[cid]
    assert control.title == expected["title"]
    assert control.level == expected["level"]
    assert control.scored == expected["scored"]
    assert control.automated == expected["automated"]
    assert control.section == cid.split(".")[0]
    assert control.section_title == expected["section"]
    assert control.cis_v1_6_0 == expected["cis_v1_6_0_id"]
    assert control.severity in SEVERITIES
    assert control.remediation and control.references


@pytest.mark.parametrize("cid", sorted(BY_ID))
def test_directory_matches_package(cid):
    control = POLICIES.controls[cid]
    assert control.package == "cis_docker_1_1_0.c" + cid.replace(".", "_")
    assert control.file.parent.name == control.package.split(".")[-1]
    assert (control.file.parent / f"{control.file.stem}_test.rego").is_file(), "every policy has its tests beside it"
