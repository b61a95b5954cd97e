package cis_docker_1_1_0.c5_25_test

import data.cis_docker_1_1_0.c5_25
import data.lib.result

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "inspected": true, "created_unix": 2000, "security_opt": ["no-new-privileges"]}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "inspected": true, "created_unix": 500, "security_opt": ["seccomp=/x.json", "no-new-privileges=true"]}

plain := {"id": "c3", "name": "/plain", "labels": {}, "status": "running", "running": true, "inspected": true, "created_unix": 2000, "security_opt": []}

no_daemon_setting := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

daemon_flag := {"argv": ["dockerd", "--no-new-privileges"], "flags": {"no-new-privileges": ["true"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "started_unix": 1000}

daemon_json := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": true}}}

plain_resource := {"kind": "container", "id": "c3", "name": "plain"}

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "reviews", "evidence", "checked"}}

test_bare_and_true_forms_pass if {
	doc := c5_25 with input.containers as [web, db] with input.daemon as no_daemon_setting
	contract(doc) == {
		"checked": 2, "missing": set(), "violations": set(), "reviews": set(),
		"evidence": {"daemon_no_new_privileges": null, "accepted_through_daemon_setting": []},
	}
}

test_colon_true_passes if {
	c := object.union(web, {"security_opt": ["no-new-privileges:true"]})
	c5_25.violations == set() with input.containers as [c] with input.daemon as no_daemon_setting
}

test_unset_fails_without_daemon_setting if {
	vs := c5_25.violations with input.containers as [web, plain] with input.daemon as no_daemon_setting
	vs == {{
		"resource": plain_resource,
		"message": "container plain does not set no-new-privileges, and the daemon does not enable it either",
		"actual": "not set", "expected": "--security-opt no-new-privileges (true)",
	}}
}

test_explicit_false_fails_even_with_daemon_setting if {
	c := object.union(web, {"security_opt": ["no-new-privileges=false"]})
	vs := c5_25.violations with input.containers as [c] with input.daemon as daemon_flag
	vs == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web sets no-new-privileges to false: its processes may gain privileges through setuid/setgid binaries",
		"actual": "no-new-privileges=false", "expected": "--security-opt no-new-privileges (true)",
	}}
}

test_last_entry_wins if {
	c := object.union(web, {"security_opt": ["no-new-privileges=false", "no-new-privileges:true"]})
	c5_25.violations == set() with input.containers as [c] with input.daemon as no_daemon_setting
	c2 := object.union(web, {"security_opt": ["no-new-privileges", "no-new-privileges:false"]})
	vs := c5_25.violations with input.containers as [c2] with input.daemon as no_daemon_setting
	result.brief(vs) == {{
		"resource": {"kind": "container", "id": "a1", "name": "web"},
		"message": "container web sets no-new-privileges to false: its processes may gain privileges through setuid/setgid binaries",
	}}
}

test_unparsable_value_counts_as_unset if {
	c := object.union(plain, {"security_opt": ["no-new-privileges=maybe"]})
	vs := c5_25.violations with input.containers as [c] with input.daemon as no_daemon_setting
	result.brief(vs) == {{
		"resource": plain_resource,
		"message": "container plain does not set no-new-privileges, and the daemon does not enable it either",
	}}
}

test_daemon_setting_accepted_for_containers_created_after_start if {
	doc := c5_25 with input.containers as [plain] with input.daemon as daemon_flag
	contract(doc) == {
		"checked": 1, "missing": set(), "violations": set(), "reviews": set(),
		"evidence": {"daemon_no_new_privileges": true, "accepted_through_daemon_setting": ["plain"]},
	}
}

test_daemon_setting_older_container_is_reviewed if {
	c := object.union(plain, {"created_unix": 900})
	rs := c5_25.reviews with input.containers as [c] with input.daemon as daemon_flag
	rs == {{
		"resource": plain_resource,
		"message": "container plain relies on the daemon-wide no-new-privileges, which dockerd applies only at creation; it cannot be shown that the setting was on when the container was created",
		"actual": "daemon-wide setting only", "expected": "--security-opt no-new-privileges (true)",
	}}
	c5_25.violations == set() with input.containers as [c] with input.daemon as daemon_flag
}

test_daemon_setting_without_start_time_is_reviewed if {
	rs := c5_25.reviews with input.containers as [plain] with input.daemon as daemon_json
	result.brief(rs) == {{
		"resource": plain_resource,
		"message": "container plain relies on the daemon-wide no-new-privileges, which dockerd applies only at creation; it cannot be shown that the setting was on when the container was created",
	}}
	c5_25.violations == set() with input.containers as [plain] with input.daemon as daemon_json
}

test_daemon_flag_false_does_not_count if {
	d := object.union(daemon_flag, {"flags": {"no-new-privileges": ["false"]}})
	vs := c5_25.violations with input.containers as [plain] with input.daemon as d
	result.brief(vs) == {{
		"resource": plain_resource,
		"message": "container plain does not set no-new-privileges, and the daemon does not enable it either",
	}}
	c5_25.evidence.daemon_no_new_privileges == false with input.containers as [plain] with input.daemon as d
}

test_no_containers_is_not_applicable if {
	c5_25.not_applicable == "there are no containers on this host" with input.containers as []
	c5_25.checked == 0 with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_25.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_25.not_applicable with input.containers as null
	c5_25.checked == 0 with input.containers as null
}

test_uninspected_container_is_missing if {
	c := object.union(plain, {"inspected": false})
	c5_25.missing == {"container plain (its inspect failed)"} with input.containers as [c] with input.daemon as no_daemon_setting
	c5_25.violations == set() with input.containers as [c] with input.daemon as no_daemon_setting
	c5_25.reviews == set() with input.containers as [c] with input.daemon as daemon_json
}

# ----------------------------------------------------------------------------- GET /info (Engine 24+)

info_26(options) := {"version": {"version": "26.1.5+dfsg1", "api_version": "1.45"}, "info": {"docker_root_dir": "/var/lib/docker", "security_options": options}}

test_daemon_setting_from_info_is_accepted_without_the_configuration if {
	d := object.union(object.union(no_daemon_setting, {"argv": null, "started_unix": 1000}), info_26(["name=seccomp,profile=builtin", "name=no-new-privileges"]))
	doc := c5_25 with input.containers as [plain] with input.daemon as d
	contract(doc) == {
		"checked": 1, "missing": set(), "violations": set(), "reviews": set(),
		"evidence": {"daemon_no_new_privileges": true, "accepted_through_daemon_setting": ["plain"]},
	}
	doc.note == "the daemon-wide setting is from GET /info SecurityOptions: Engine 26.1.5+dfsg1 lists no-new-privileges there when it is on, as every engine from 24.0 does"
}

test_configured_setting_that_info_does_not_list_is_not_daemon_wide if {
	d := object.union(daemon_flag, info_26(["name=seccomp,profile=builtin"]))
	vs := c5_25.violations with input.containers as [plain] with input.daemon as d
	result.brief(vs) == {{"resource": plain_resource, "message": "container plain does not set no-new-privileges, and the daemon does not enable it either"}}
}
