package cis_docker_1_1_0.c2_9_test

import data.cis_docker_1_1_0.c2_9

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "cgroup_driver": "systemd"}}

custom := object.union(clean, {"flags": {"cgroup-parent": ["/foobar"]}})

test_unset_parent_passes if {
	d := clean
	r := c2_9 with input.daemon as d
	count(r.violations) == 0
	count(r.reviews) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_driver_default_parent_passes if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"cgroup-parent": "system.slice"}}})
	r := c2_9 with input.daemon as d
	count(r.reviews) == 0
	count(r.violations) == 0
}

test_custom_parent_without_parameter_is_a_review if {
	d := custom
	r := c2_9 with input.daemon as d
	count(r.violations) == 0
	r.reviews == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd puts containers under the custom cgroup parent /foobar: confirm it is intended (or list it in approved_cgroup_parents)",
		"actual": "/foobar", "expected": "a cgroup parent the organisation confirms",
	}}
}

test_approved_custom_parent_passes if {
	d := custom
	r := c2_9 with input.daemon as d with data.dockerbench.params.approved_cgroup_parents as ["/foobar/"]
	count(r.violations) == 0
	count(r.reviews) == 0
	r.evidence.approved_cgroup_parents == ["/foobar"]
}

test_unapproved_custom_parent_fails if {
	d := custom
	vs := c2_9.violations with input.daemon as d with data.dockerbench.params.approved_cgroup_parents as "/workloads"
	{v.message | some v in vs} == {"dockerd puts containers under cgroup parent /foobar, which is not in approved_cgroup_parents"}
}

test_unreadable_configuration_is_missing if {
	d := object.union(clean, {"argv": null})
	c2_9.missing == {"daemon.argv (the dockerd command line could not be read)"} with input.daemon as d
}
