package cis_docker_1_1_0.c2_9_test

import data.cis_docker_1_1_0.c2_9
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "cgroup_driver": "systemd"}}

custom := object.union(clean, {"flags": {"cgroup-parent": ["/foobar"]}})

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

test_unset_parent_passes if {
	d := clean
	r := c2_9 with input.daemon as d
	r.violations == set()
	r.reviews == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"cgroup_parent": null, "cgroup_driver": "systemd", "approved_cgroup_parents": null}
}

test_driver_default_parent_passes if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"cgroup-parent": "system.slice"}}})
	r := c2_9 with input.daemon as d
	r.reviews == set()
	r.violations == set()
	r.missing == set()
}

test_cgroupfs_default_parent_with_a_trailing_slash_passes if {
	d := object.union(custom, {"flags": {"cgroup-parent": ["/docker/"]}, "info": {"docker_root_dir": "/var/lib/docker", "cgroup_driver": "cgroupfs"}})
	r := c2_9 with input.daemon as d
	r.reviews == set()
	r.violations == set()
}

test_blank_parent_is_unset if {
	d := object.union(clean, {"flags": {"cgroup-parent": [" "]}})
	r := c2_9 with input.daemon as d
	r.reviews == set()
	r.evidence.cgroup_parent == null
}

test_custom_parent_without_parameter_is_a_review if {
	d := custom
	r := c2_9 with input.daemon as d
	r.violations == set()
	r.reviews == {{
		"resource": daemon_resource,
		"message": "dockerd puts containers under the custom cgroup parent /foobar: confirm it is intended (or list it in approved_cgroup_parents)",
		"actual": "/foobar", "expected": "a cgroup parent the organisation confirms",
	}}
}

test_approved_custom_parent_passes if {
	d := custom
	r := c2_9 with input.daemon as d with data.dockerbench.params.approved_cgroup_parents as ["/foobar/"]
	r.violations == set()
	r.reviews == set()
	r.evidence.approved_cgroup_parents == ["/foobar"]
}

test_unapproved_custom_parent_fails if {
	d := custom
	r := c2_9 with input.daemon as d with data.dockerbench.params.approved_cgroup_parents as "/workloads"
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "dockerd puts containers under cgroup parent /foobar, which is not in approved_cgroup_parents"}}
	r.reviews == set()
}

test_unreadable_configuration_is_missing if {
	d := object.union(clean, {"argv": null})
	r := c2_9 with input.daemon as d
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	r.violations == set()
	r.reviews == set()
}
