package cis_docker_1_1_0.c2_6_test

import data.cis_docker_1_1_0.c2_6
import data.lib.result

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

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

serves(endpoint, tls) := {"resource": daemon_resource, "message": sprintf("dockerd serves its API on %s and %s", [endpoint, tls])}

test_unix_socket_only_is_not_applicable if {
	d := unix_only
	h := systemd_unix
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.not_applicable == "dockerd does not listen on TCP: its API is only on fd://, unix:///run/docker.sock"
	r.missing == set()
	r.violations == set()
	r.checked == 0
}

test_swarm_ports_do_not_make_it_applicable if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": swarm_ports}
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.not_applicable == "dockerd does not listen on TCP: its API is only on fd://, unix:///run/docker.sock"
	r.violations == set()
}

test_plain_tcp_fails if {
	d := tcp_plain
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as []
	r.violations == {{
		"resource": daemon_resource,
		"message": "dockerd serves its API on tcp://0.0.0.0:2375 and TLS is off",
		"actual": "TLS is off",
		"expected": "--tlsverify with --tlscacert, --tlscert and --tlskey",
	}}
	r.missing == set()
	r.checked == 1
	r.evidence == {
		"listen_addresses": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"],
		"tcp_endpoints": ["tcp://0.0.0.0:2375"],
		"tls": "TLS is off",
		"tls_files": {},
		"listeners_of_unknown_owner": [],
	}
}

test_observed_listener_counts_once_when_configured if {
	d := tcp_plain
	r := c2_6 with input.daemon as d with input.host.listeners as [dockerd_2375] with input.files as []
	result.brief(r.violations) == {serves("tcp://0.0.0.0:2375", "TLS is off")}
	r.checked == 1
}

test_tls_verify_with_all_files_passes if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key]
	r.violations == set()
	r.missing == set()
	not r.not_applicable
	r.checked == 1
	r.evidence.tls_files == {"tls_ca": "/etc/docker/tls/ca.pem", "tls_cert": "/etc/docker/tls/cert.pem", "tls_key": "/etc/docker/tls/key.pem"}
}

test_tls_without_verify_fails if {
	d := object.union(tcp_plain, {"flags": {"host": ["tcp://0.0.0.0:2376"], "tls": ["true"]}})
	vs := c2_6.violations with input.daemon as d with input.host.listeners as [] with input.files as []
	result.brief(vs) == {serves("tcp://0.0.0.0:2376", "TLS is on without client verification (--tls without --tlsverify; the engine version is unknown, and engines before 20.10 verify clients only with --tlsverify)")}
}

test_tlsverify_false_fails_despite_environment if {
	d := object.union(tcp_plain, {"flags": {"host": ["tcp://0.0.0.0:2376"], "tlsverify": ["false"]}, "environment": {"DOCKER_TLS_VERIFY": "1"}})
	vs := c2_6.violations with input.daemon as d with input.host.listeners as [] with input.files as []
	vs == {object.union(serves("tcp://0.0.0.0:2376", "TLS verification is explicitly disabled"), {
		"actual": "TLS verification is explicitly disabled",
		"expected": "--tlsverify with --tlscacert, --tlscert and --tlskey",
	})}
}

test_environment_turns_verification_on if {
	d := object.union(tcp_plain, {"flags": {"host": ["tcp://0.0.0.0:2376"]}, "environment": {"DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/etc/docker/tls"}})
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key]
	r.violations == set()
	r.missing == set()
	r.checked == 1
}

test_absent_key_fails if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key_absent]
	r.violations == {{
		"resource": {"kind": "file", "id": "/etc/docker/tls/key.pem", "name": "tls_key"},
		"message": "the TLS server key /etc/docker/tls/key.pem that dockerd uses for TLS verification does not exist",
		"actual": "absent", "expected": "present",
	}}
	r.missing == set()
}

test_unreadable_key_is_missing if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key_unreadable]
	r.missing == {"file /etc/docker/tls/key.pem (permission: Permission denied)"}
	r.violations == set()
}

test_tls_file_not_in_snapshot_is_missing if {
	d := tcp_tls
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert]
	r.missing == {"files (no tls_key entry although TLS verification is on)"}
	r.violations == set()
}

test_tls_files_do_not_matter_without_tcp if {
	d := unix_only
	h := systemd_unix
	r := c2_6 with input.daemon as d with input.host as h with input.files as [ca, cert, key_absent]
	r.missing == set()
	r.violations == set()
	r.not_applicable
}

test_socket_activated_tcp_listen_stream_fails if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock", "0.0.0.0:2375"]}, "listeners": []}
	vs := c2_6.violations with input.daemon as d with input.host as h with input.files as []
	result.brief(vs) == {serves("tcp://0.0.0.0:2375", "TLS is off")}
}

test_unconfigured_dockerd_listener_fails if {
	d := unix_only
	h := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": [dockerd_2375]}
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	result.brief(r.violations) == {serves("0.0.0.0:2375 (a listening socket of dockerd)", "TLS is off")}
	r.checked == 1
}

test_listener_of_unknown_owner_is_evidence_only if {
	d := unix_only
	l := {"address": "0.0.0.0", "port": 2375, "family": "ipv4", "pid": null, "process": null}
	h := {"systemd": {"socket_listen": ["/run/docker.sock"]}, "listeners": [l]}
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.violations == set()
	r.not_applicable
	r.evidence.listeners_of_unknown_owner == ["0.0.0.0:2375"]
}

test_no_host_with_tlsverify_listens_on_localhost_2376 if {
	d := {"argv": ["dockerd", "--tlsverify"], "flags": {"tlsverify": ["true"]}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
	r := c2_6 with input.daemon as d with input.host.listeners as [] with input.files as [ca, cert, key]
	r.evidence.tcp_endpoints == ["tcp://localhost:2376"]
	r.violations == set()
	r.missing == set()
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
	r.missing == set()
	result.brief(r.violations) == {serves("tcp://0.0.0.0:2375", "TLS is off")}
}

test_unreadable_configuration_is_missing if {
	d := object.union(unix_only, {"argv": null, "flags": {}})
	h := systemd_unix
	r := c2_6 with input.daemon as d with input.host as h with input.files as []
	r.missing == {"daemon.argv (the dockerd command line could not be read)"}
	not r.not_applicable
}

test_nothing_collected_is_missing if {
	r := c2_6 with input as {"meta": {}, "daemon": null, "host": null, "files": []}
	r.missing == {
		"daemon.argv (the dockerd command line could not be read)",
		"daemon.config_file (not collected)",
		"host.listeners (the host's listening TCP sockets could not be read)",
	}
	r.violations == set()
	not r.not_applicable
}

# ----------------------------------------------------------------------------- Engine versions

tls_alone_on(version) := object.union(tcp_plain, {
	"flags": {"host": ["tcp://0.0.0.0:2376"], "tls": ["true"], "tlscacert": ["/etc/docker/tls/ca.pem"], "tlscert": ["/etc/docker/tls/cert.pem"], "tlskey": ["/etc/docker/tls/key.pem"]},
	"version": {"version": version, "api_version": "1.41"},
})

# Seen on a live Engine 20.10.24: with --tls alone a client without a certificate is refused.
test_tls_alone_verifies_from_engine_20_10 if {
	r := c2_6 with input.daemon as tls_alone_on("20.10.24+dfsg1") with input.files as [ca, cert, key] with input.host.listeners as []
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.note == "Engine 20.10.24+dfsg1 verifies clients with --tls alone, as every engine from 20.10 does: dockerd sets --tlsverify to the value of --tls"
}

test_tls_alone_fails_before_engine_20_10 if {
	vs := c2_6.violations with input.daemon as tls_alone_on("19.03.15") with input.files as [ca, cert, key] with input.host.listeners as []
	result.brief(vs) == {serves("tcp://0.0.0.0:2376", "TLS is on without client verification (--tls without --tlsverify; Engine 19.03.15 verifies clients only with --tlsverify, engines from 20.10 also with --tls alone)")}
}

test_explicit_tlsverify_needs_no_note if {
	d := object.union(tcp_tls, {"version": {"version": "26.1.5", "api_version": "1.45"}})
	r := c2_6 with input.daemon as d with input.files as [ca, cert, key] with input.host.listeners as []
	r.violations == set()
	not r.note
}
