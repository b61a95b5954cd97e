package cis_docker_1_1_0.c2_7_test

import data.cis_docker_1_1_0.c2_7

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

test_flag_ulimit_passes if {
	d := object.union(clean, {"flags": {"default-ulimit": ["nofile=1024:2048", "nproc=512:1024"]}})
	r := c2_7 with input.daemon as d
	count(r.reviews) == 0
	not r.violations
	count(r.missing) == 0
	r.checked == 1
	r.evidence.default_ulimit_flags == ["nofile=1024:2048", "nproc=512:1024"]
}

test_daemon_json_ulimits_pass if {
	limits := {"nofile": {"Name": "nofile", "Soft": 64000, "Hard": 64000}}
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"default-ulimits": limits}}})
	r := c2_7 with input.daemon as d
	count(r.reviews) == 0
	r.evidence.default_ulimits_daemon_json == limits
}

test_no_ulimit_is_a_review_not_a_failure if {
	d := clean
	r := c2_7 with input.daemon as d
	not r.violations
	r.reviews == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "no daemon-wide default ulimit is configured (--default-ulimit / \"default-ulimits\"); containers inherit dockerd's own limits",
		"actual": "none", "expected": "default ulimits such as nofile and nproc",
	}}
}

test_flag_decides_with_unreadable_daemon_json if {
	d := object.union(clean, {"flags": {"default-ulimit": ["nofile=1024:2048"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_7 with input.daemon as d
	count(r.missing) == 0
	count(r.reviews) == 0
}

test_unreadable_daemon_json_without_flags_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_7 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	count(r.reviews) == 0
}
