"""An organisation's policy directory is tested with the same pytest harness, on every engine."""

from __future__ import annotations

from dockerbench.engines import available_engines

pytest_plugins = ["pytester"]

POLICY = """# METADATA
# title: Containers carry an owner label
# custom:
#   id: "org.1"
#   section: "8"
#   section_title: "Organisation"
#   level: 1
#   scored: true
#   automated: true
#   severity: low
#   remediation: Add an owner label.
package org.owner_label

import data.lib.containers
import data.lib.result

missing contains m if some m in containers.missing_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), "no owner label", null, "a label named owner") if {
	some c in containers.listed
	not c.labels.owner
}
"""

TESTS = """package org.owner_label_test

import data.org.owner_label

labelled := {"id": "a", "name": "/a", "labels": {"owner": "team"}, "running": true}

bare := {"id": "b", "name": "/b", "labels": {}, "running": true}

test_labelled_passes if count(owner_label.violations) == 0 with input.containers as [labelled]

test_bare_fails if count(owner_label.violations) == 1 with input.containers as [labelled, bare]

test_this_one_is_wrong if count(owner_label.violations) == 5 with input.containers as [bare]
"""


def test_org_policies_run_as_pytest_items_on_every_engine(pytester):
    d = pytester.mkdir("org-policies") / "owner_label"
    d.mkdir()
    (d / "owner_label.rego").write_text(POLICY)
    (d / "owner_label_test.rego").write_text(TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "org-policies")
    engines = available_engines()
    result.assert_outcomes(passed=2 * len(engines), failed=len(engines))
    result.stdout.fnmatch_lines(["*test_this_one_is_wrong*undefined*"])
