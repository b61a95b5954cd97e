package cis_docker_1_1_0.c2_12_test

import data.cis_docker_1_1_0.c2_12

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "gelf"}}

syslog_info := {"docker_root_dir": "/var/lib/docker", "logging_driver": "syslog"}

test_remote_driver_passes if {
	d := clean
	r := c2_12 with input.daemon as d
	count(r.violations) == 0
	count(r.reviews) == 0
	count(r.missing) == 0
	r.checked == 1
}

test_json_file_fails if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "json-file"}})
	c2_12.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "the default log driver is json-file: container logs stay on this host (--log-driver / \"log-driver\")",
		"actual": "json-file", "expected": "a driver that ships logs off the host",
	}} with input.daemon as d
}

test_local_and_none_fail if {
	d1 := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "local"}})
	count(c2_12.violations) == 1 with input.daemon as d1
	d2 := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "none"}})
	count(c2_12.violations) == 1 with input.daemon as d2
}

test_journald_is_a_review if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "journald"}})
	r := c2_12 with input.daemon as d
	count(r.violations) == 0
	{v.actual | some v in r.reviews} == {"journald"}
}

test_remote_syslog_passes if {
	d := object.union(clean, {"info": syslog_info, "flags": {"log-opt": ["syslog-address=tcp+tls://logs.example.com:6514"]}})
	r := c2_12 with input.daemon as d
	count(r.reviews) == 0
	count(r.violations) == 0
	r.evidence.syslog_address == "tcp+tls://logs.example.com:6514"
}

test_syslog_to_local_daemon_is_a_review if {
	d := object.union(clean, {"info": syslog_info})
	r := c2_12 with input.daemon as d
	{v.message | some v in r.reviews} == {"the default log driver is syslog to the local syslog daemon: confirm that syslog forwards the logs off the host"}
}

test_syslog_to_loopback_is_a_review if {
	d := object.union(clean, {"info": syslog_info, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"log-driver": "syslog", "log-opts": {"syslog-address": "udp://127.0.0.1:514"}}}})
	count(c2_12.reviews) == 1 with input.daemon as d
}

test_syslog_with_unknown_options_is_missing if {
	d := object.union(clean, {"info": syslog_info, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	c2_12.missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"} with input.daemon as d
}

test_plugin_driver_is_a_review if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "grafana/loki-docker-driver:latest"}})
	r := c2_12 with input.daemon as d
	count(r.reviews) == 1
	count(r.violations) == 0
}

test_configured_driver_decides_without_info if {
	d := object.union(clean, {"info": null, "flags": {"log-driver": ["fluentd"]}})
	r := c2_12 with input.daemon as d
	count(r.missing) == 0
	count(r.violations) == 0
	r.evidence.logging_driver == "fluentd"
}

test_default_json_file_without_info_fails if {
	d := object.union(clean, {"info": null})
	r := c2_12 with input.daemon as d
	{v.actual | some v in r.violations} == {"json-file"}
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}
	r := c2_12 with input.daemon as d
	count(r.missing) == 3
	count(r.violations) == 0
}
