package cis_docker_1_1_0.c5_30_test

import data.cis_docker_1_1_0.c5_30
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "userns_mode": ""}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "userns_mode": ""}

remapping := {"info": {"security_options": ["name=seccomp,profile=builtin", "name=userns"]}}

test_private_user_namespace_passes if {
	c5_30 == {
		"checked": 2, "missing": set(), "violations": set(),
		"evidence": {"daemon_userns_remap": true}, "is_userns_remapped": true,
	} with input.containers as [web, db] with input.daemon as remapping
}

test_host_user_namespace_fails if {
	vs := c5_30.violations with input.containers as [object.union(web, {"userns_mode": "host"}), db]
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web shares the host's user namespace (--userns=host, status running)",
		"actual": "host", "expected": "not host",
	}}
}

test_stopped_container_is_in_scope if {
	vs := c5_30.violations with input.containers as [web, object.union(db, {"userns_mode": "host"})]
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "b2", "name": "db"},
		"message": "container db shares the host's user namespace (--userns=host, status exited)",
	}}
}

test_evidence_tells_whether_remapping_is_on if {
	c5_30.evidence == {"daemon_userns_remap": true} with input.containers as [web] with input.daemon as remapping
	c5_30.evidence == {"daemon_userns_remap": false} with input.containers as [web] with input.daemon as {"info": {"security_options": []}}
}

test_no_evidence_when_daemon_info_is_unknown if {
	not c5_30.evidence with input.containers as [web] with input.daemon as {"info": null}
	c5_30.violations == set() with input.containers as [web] with input.daemon as {"info": null}
}

test_no_containers_is_not_applicable if {
	c5_30.not_applicable == "there are no containers on this host" with input.containers as []
	c5_30.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_30.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_30.not_applicable with input.containers as null
	c5_30.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(web, {"inspected": false, "userns_mode": "host"})
	c5_30.missing == {"container web (its inspect failed)"} with input.containers as [c]
	c5_30.violations == set() with input.containers as [c]
}

test_auditor_container_is_excluded if {
	c := object.union(web, {"labels": {"dockerbench.auditor": "true"}, "userns_mode": "host"})
	c5_30.violations == set() with input.containers as [c]
	c5_30.not_applicable == "there are no containers on this host" with input.containers as [c]
}
