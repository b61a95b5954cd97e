package cis_docker_1_1_0.c3_2_test

import data.cis_docker_1_1_0.c3_2

unit(mode) := {"role": "docker.service", "path": "/lib/systemd/system/docker.service", "exists": true, "type": "file",
	"uid": 0, "gid": 0, "owner": "root", "group": "root", "mode": mode, "error_kind": null, "error": null}

test_0644_passes if count(c3_2.violations) == 0 with input.files as [unit(420)]

test_0640_is_more_restrictive_and_passes if count(c3_2.violations) == 0 with input.files as [unit(416)]

test_0664_fails if {
	some v in c3_2.violations with input.files as [unit(436)]
	v.actual == "0664"
}

test_0477_fails_although_smaller_as_a_number if count(c3_2.violations) == 1 with input.files as [unit(319)]

test_absent_unit_is_not_applicable if {
	c3_2.not_applicable with input.files as [object.union(unit(0), {"exists": false, "mode": null})]
}

test_unreadable_unit_is_missing if {
	f := object.union(unit(0), {"exists": null, "mode": null, "error_kind": "permission", "error": "Permission denied"})
	count(c3_2.missing) == 1 with input.files as [f]
	not c3_2.not_applicable with input.files as [f]
}

test_no_fact_for_the_role_is_missing if {
	c3_2.missing == {"file facts for role docker.service (not collected)"} with input.files as []
	not c3_2.not_applicable with input.files as []
}

test_absent_reason_text if {
	c3_2.not_applicable == "the docker.service unit file does not exist on this host" with input.files as [object.union(unit(0), {"exists": false, "mode": null})]
}
