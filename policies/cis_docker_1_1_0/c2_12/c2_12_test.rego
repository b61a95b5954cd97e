package cis_docker_1_1_0.c2_12_test

import data.cis_docker_1_1_0.c2_12
import data.lib.result

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": {"docker_root_dir": "/var/lib/docker", "logging_driver": "gelf"}}

syslog_info := {"docker_root_dir": "/var/lib/docker", "logging_driver": "syslog"}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

stays_on_host(driver) := {{"resource": daemon_resource, "message": sprintf("the default log driver is %s: container logs stay on this host (--log-driver / \"log-driver\")", [driver])}}

info_driver(driver) := {"docker_root_dir": "/var/lib/docker", "logging_driver": driver}

test_remote_driver_passes if {
	d := clean
	r := c2_12 with input.daemon as d
	r.violations == set()
	r.reviews == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"logging_driver": "gelf", "syslog_address": null}
}

test_json_file_fails if {
	d := object.union(clean, {"info": info_driver("json-file")})
	c2_12.violations == {{
		"resource": daemon_resource,
		"message": "the default log driver is json-file: container logs stay on this host (--log-driver / \"log-driver\")",
		"actual": "json-file", "expected": "a driver that ships logs off the host",
	}} with input.daemon as d
}

test_local_and_none_fail if {
	d1 := object.union(clean, {"info": info_driver("local")})
	result.brief(c2_12.violations) == stays_on_host("local") with input.daemon as d1
	d2 := object.union(clean, {"info": info_driver("none")})
	result.brief(c2_12.violations) == stays_on_host("none") with input.daemon as d2
}

test_journald_is_a_review if {
	d := object.union(clean, {"info": info_driver("journald")})
	r := c2_12 with input.daemon as d
	r.violations == set()
	result.brief(r.reviews) == {{"resource": daemon_resource, "message": "the default log driver is journald: logs leave the host only if the journal is forwarded; confirm it is"}}
}

test_remote_syslog_passes if {
	d := object.union(clean, {"info": syslog_info, "flags": {"log-opt": ["syslog-address=tcp+tls://logs.example.com:6514"]}})
	r := c2_12 with input.daemon as d
	r.reviews == set()
	r.violations == set()
	r.missing == set()
	r.evidence.syslog_address == "tcp+tls://logs.example.com:6514"
}

test_remote_syslog_in_daemon_json_passes if {
	c := {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"log-opts": {"syslog-address": "udp://[2001:db8::1]:514"}}}
	d := object.union(clean, {"info": syslog_info, "config_file": c})
	r := c2_12 with input.daemon as d
	r.reviews == set()
	r.violations == set()
}

test_syslog_to_local_daemon_is_a_review if {
	d := object.union(clean, {"info": syslog_info})
	r := c2_12 with input.daemon as d
	result.brief(r.reviews) == {{"resource": daemon_resource, "message": "the default log driver is syslog to the local syslog daemon: confirm that syslog forwards the logs off the host"}}
	r.violations == set()
}

test_syslog_to_loopback_is_a_review if {
	d := object.union(clean, {"info": syslog_info, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"log-driver": "syslog", "log-opts": {"syslog-address": "udp://127.0.0.1:514"}}}})
	r := c2_12 with input.daemon as d
	result.brief(r.reviews) == {{"resource": daemon_resource, "message": "the default log driver is syslog to udp://127.0.0.1:514: confirm that syslog forwards the logs off the host"}}
}

test_syslog_to_a_unix_socket_is_a_review if {
	d := object.union(clean, {"info": syslog_info, "flags": {"log-opt": ["syslog-address=unix:///dev/log"]}})
	r := c2_12 with input.daemon as d
	result.brief(r.reviews) == {{"resource": daemon_resource, "message": "the default log driver is syslog to unix:///dev/log: confirm that syslog forwards the logs off the host"}}
}

test_syslog_with_unknown_options_is_missing if {
	d := object.union(clean, {"info": syslog_info, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}})
	r := c2_12 with input.daemon as d
	r.missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"}
	r.reviews == set()
}

test_plugin_driver_is_a_review if {
	d := object.union(clean, {"info": info_driver("grafana/loki-docker-driver:latest")})
	r := c2_12 with input.daemon as d
	result.brief(r.reviews) == {{"resource": daemon_resource, "message": "the default log driver is grafana/loki-docker-driver:latest (a plugin or a driver this policy does not know): confirm it ships logs off the host"}}
	r.violations == set()
}

test_configured_driver_decides_without_info if {
	d := object.union(clean, {"info": null, "flags": {"log-driver": ["fluentd"]}})
	r := c2_12 with input.daemon as d
	r.missing == set()
	r.violations == set()
	r.reviews == set()
	r.evidence.logging_driver == "fluentd"
}

test_default_json_file_without_info_fails if {
	d := object.union(clean, {"info": null})
	r := c2_12 with input.daemon as d
	result.brief(r.violations) == stays_on_host("json-file")
	r.missing == set()
}

# /info without a logging driver used to pass silently (no rule could fire).
test_info_without_a_driver_is_missing if {
	d := object.union(clean, {"info": info_driver(null)})
	r := c2_12 with input.daemon as d
	r.missing == {"daemon.info.logging_driver (GET /info reported no logging driver)"}
	r.violations == set()
	r.reviews == set()
}

test_info_with_an_empty_driver_is_missing if {
	d := object.union(clean, {"info": info_driver("")})
	c2_12.missing == {"daemon.info.logging_driver (GET /info reported no logging driver)"} with input.daemon as d
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}
	r := c2_12 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)", "daemon.config_file (not collected)"}
	r.violations == set()
}
