package cis_docker_1_1_0.c2_6_test

import data.cis_docker_1_1_0.c2_6

unix_only := {"argv": ["dockerd", "-H", "fd://"], "flags": {"host": ["fd://"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

systemd_unix := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": []}

tcp_plain := {"argv": ["dockerd"], "flags": {"host": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

tls_config := {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {
	"hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
	"tlsverify": true, "tlscacert": "/etc/docker/tls/ca.pem", "tlscert": "/etc/docker/tls/cert.pem", "tlskey": "/etc/docker/tls/key.pem",
}}

tcp_tls := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": tls_config}

ca := {"role": "tls_ca", "path": "/etc/docker/tls/ca.pem", "exists": true, "type": "file", "uid": 0, "gid": 0, "mode": 292, "error_kind": null, "error": null}

cert := {"role": "tls_cert", "path": "/etc/docker/tls/cert.pem", "exists": true, "type": "file", "uid": 0, "gid": 0, "mode": 292, "error_kind": null, "error": null}

key := {"role": "tls_key", "path": "/etc/docker/tls/key.pem", "exists": true, "type": "file", "uid": 0, "gid": 0, "mode": 256, "error_kind": null, "error": null}

key_absent := {"role": "tls_key", "path": "/etc/docker/tls/key.pem", "exists": false, "type": null, "uid": null, "gid": null, "mode": null, "error_kind": null, "error": null}

key_unreadable := {"role": "tls_key", "path": "/etc/docker/tls/key.pem", "exists": null, "type": null, "uid": null, "gid": null, "mode": null, "error_kind": "permission", "error": "Permission denied"}

dockerd_2375 := {"address": "0.0.0.0", "port": 2375, "family": "ipv4", "pid": 10, "process": "dockerd"}

swarm_ports := [
	{"address": "::", "port": 2377, "family": "ipv6", "pid": 10, "process": "dockerd"},
	{"address": "::", "port": 7946, "family": "ipv6", "pid": 10, "process": "dockerd"},
]

test_unix_socket_only_is_not_applicable if {
	d := unix_only
	h := systemd_unix
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.not_applicable == "dockerd does not listen on TCP: its API is only on fd://, unix:///run/docker.sock"
	count(r.missing) == 0
}

test_swarm_ports_do_not_make_it_applicable if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": swarm_ports}
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.not_applicable
}

test_plain_tcp_fails if {
	d := tcp_plain
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as []
	r.violations == {{
		"resource": {"kind": "daemon", "id": "dockerd", "name": "dockerd"},
		"message": "dockerd serves its API on tcp://0.0.0.0:2375 and TLS is off",
		"actual": "TLS is off",
		"expected": "--tlsverify with --tlscacert, --tlscert and --tlskey",
	}}
	r.checked == 1
}

test_observed_listener_counts_once_when_configured if {
	d := tcp_plain
	r := c2_6 with input.daemon as d with input.host.listeners as [dockerd_2375] with input.files as []
	count(r.violations) == 1
}

test_tls_verify_with_all_files_passes if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key]
	count(r.violations) == 0
	count(r.missing) == 0
	not r.not_applicable
	r.checked == 1
}

test_tls_without_verify_fails if {
	d := object.union(tcp_plain, {"flags": {"host": ["tcp://0.0.0.0:2376"], "tls": ["true"]}})
	vs := c2_6.violations with input.daemon as d with input.host.listeners as [] with input.files as []
	{v.message | some v in vs} == {"dockerd serves its API on tcp://0.0.0.0:2376 and TLS is on without client verification (--tls without --tlsverify)"}
}

test_tlsverify_false_fails_despite_environment if {
	d := object.union(tcp_plain, {"flags": {"host": ["tcp://0.0.0.0:2376"], "tlsverify": ["false"]}, "environment": {"DOCKER_TLS_VERIFY": "1"}})
	vs := c2_6.violations with input.daemon as d with input.host.listeners as [] with input.files as []
	{v.actual | some v in vs} == {"TLS verification is explicitly disabled"}
}

test_environment_turns_verification_on if {
	d := object.union(tcp_plain, {"flags": {"host": ["tcp://0.0.0.0:2376"]}, "environment": {"DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/etc/docker/tls"}})
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key]
	count(r.violations) == 0
	count(r.missing) == 0
}

test_absent_key_fails if {
	d := tcp_tls
	vs := c2_6.violations with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key_absent]
	vs == {{
		"resource": {"kind": "file", "id": "/etc/docker/tls/key.pem", "name": "tls_key"},
		"message": "the TLS server key /etc/docker/tls/key.pem that dockerd uses for TLS verification does not exist",
		"actual": "absent", "expected": "present",
	}}
}

test_unreadable_key_is_missing if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key_unreadable]
	r.missing == {"file /etc/docker/tls/key.pem (permission: Permission denied)"}
}

test_tls_file_not_in_snapshot_is_missing if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert]
	r.missing == {"files (no tls_key entry although TLS verification is on)"}
}

test_socket_activated_tcp_listen_stream_fails if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock", "0.0.0.0:2375"]}, "listeners": []}
	vs := c2_6.violations with input.daemon as d with input.host as h with input.files as []
	{v.message | some v in vs} == {"dockerd serves its API on tcp://0.0.0.0:2375 and TLS is off"}
}

test_unconfigured_dockerd_listener_fails if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": [dockerd_2375]}
	vs := c2_6.violations with input.daemon as d with input.host as h with input.files as []
	{v.message | some v in vs} == {"dockerd serves its API on 0.0.0.0:2375 (a listening socket of dockerd) and TLS is off"}
}

test_no_host_with_tlsverify_listens_on_localhost_2376 if {
	d := {"argv": ["dockerd", "--tlsverify"], "flags": {"tlsverify": ["true"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key]
	r.evidence.tcp_endpoints == ["tcp://localhost:2376"]
	count(r.violations) == 0
}

test_unknown_listeners_are_missing_without_configured_tcp if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": null}
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.missing == {"host.listeners (the host's listening TCP sockets could not be read)"}
	not r.not_applicable
}

test_unknown_listeners_do_not_matter_with_configured_tcp if {
	d := tcp_plain
	r := c2_6 with input.daemon as d with input.host.listeners as null with input.files as []
	count(r.missing) == 0
	count(r.violations) == 1
}

test_unreadable_configuration_is_missing if {
	d := object.union(unix_only, {"argv": null, "flags": {}})
	h := systemd_unix
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	not r.not_applicable
}
