package cis_docker_1_1_0.c2_7_test

import data.cis_docker_1_1_0.c2_7
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

test_flag_ulimit_passes if {
	d := object.union(clean, {"flags": {"default-ulimit": ["nofile=1024:2048", "nproc=512:1024"]}})
	r := c2_7 with input.daemon as d
	r.reviews == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"default_ulimit_flags": ["nofile=1024:2048", "nproc=512:1024"], "default_ulimits_daemon_json": {}}
}

test_daemon_json_ulimits_pass if {
	limits := {"nofile": {"Name": "nofile", "Soft": 64000, "Hard": 64000}}
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"default-ulimits": limits}}})
	r := c2_7 with input.daemon as d
	r.reviews == set()
	r.missing == set()
	r.evidence == {"default_ulimit_flags": [], "default_ulimits_daemon_json": limits}
}

test_no_ulimit_is_a_review_not_a_failure if {
	d := clean
	r := c2_7 with input.daemon as d
	r.reviews == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "no daemon-wide default ulimit is configured (--default-ulimit / \"default-ulimits\"); containers inherit dockerd's own limits",
		"actual": "none", "expected": "default ulimits such as nofile and nproc",
	}}
	r.missing == set()
}

test_empty_daemon_json_ulimits_are_a_review if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"default-ulimits": {}}}})
	r := c2_7 with input.daemon as d
	result.brief(r.reviews) == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "no daemon-wide default ulimit is configured (--default-ulimit / \"default-ulimits\"); containers inherit dockerd's own limits",
	}}
	r.missing == set()
}

test_flag_decides_with_unreadable_daemon_json if {
	d := object.union(clean, {"flags": {"default-ulimit": ["nofile=1024:2048"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_7 with input.daemon as d
	r.missing == set()
	r.reviews == set()
}

test_unreadable_daemon_json_without_flags_is_missing if {
	d := object.union(clean, {"config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}})
	r := c2_7 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"}
	r.reviews == set()
}
