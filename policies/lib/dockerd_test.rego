package lib.dockerd_test

import data.lib.dockerd

base := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

json_config := {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"], "tlsverify": true}}

no_host := {"listeners": []}

socket_activation := {"systemd": {"socket_listen": ["/run/docker.sock", "0.0.0.0:2375"]}, "listeners": []}

test_no_host_is_the_default_unix_socket if {
	a := dockerd.api(base, no_host)
	a.listen_addresses == ["unix:///var/run/docker.sock"]
	a.tcp == set()
	a.tls_enabled == false
	a.tls_verify == false
	a.tlsverify_setting == null
}

test_no_host_with_tls_is_localhost_2376 if {
	d := object.union(base, {"flags": {"tlsverify": ["true"]}})
	dockerd.api(d, no_host).listen_addresses == ["tcp://localhost:2376"]
}

test_empty_host_is_the_default if {
	d := object.union(base, {"flags": {"host": ["", "tcp://0.0.0.0:2375"]}})
	dockerd.api(d, no_host).listen_addresses == ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]
}

test_flag_hosts_without_scheme_are_tcp if {
	d := object.union(base, {"flags": {"host": ["unix:///var/run/docker.sock", "127.0.0.1:2375"]}})
	dockerd.api(d, no_host).tcp == {"127.0.0.1:2375"}
}

test_daemon_json_hosts_are_read if {
	d := object.union(base, {"config_file": json_config})
	a := dockerd.api(d, no_host)
	a.tcp == {"tcp://0.0.0.0:2376"}
	a.tls_verify == true
	a.tlsverify_setting == true
}

test_socket_activation_adds_listen_streams if {
	d := object.union(base, {"flags": {"host": ["fd://"]}})
	a := dockerd.api(d, socket_activation)
	a.listen_addresses == ["fd://", "unix:///run/docker.sock", "tcp://0.0.0.0:2375"]
	a.tcp == {"tcp://0.0.0.0:2375"}
}

test_listen_streams_ignored_without_fd if {
	d := object.union(base, {"flags": {"host": ["unix:///var/run/docker.sock"]}})
	dockerd.api(d, socket_activation).tcp == set()
}

test_env_tls_verify_is_on_unless_flag_false if {
	d := object.union(base, {"environment": {"DOCKER_TLS_VERIFY": "1"}})
	dockerd.api(d, no_host).tls_verify == true
	off := object.union(d, {"flags": {"tlsverify": ["false"]}})
	a := dockerd.api(off, no_host)
	a.tls_verify == false
	a.tls_enabled == true
	a.tlsverify_setting == false
}

test_tls_alone_does_not_verify if {
	d := object.union(base, {"flags": {"tls": ["true"]}})
	a := dockerd.api(d, no_host)
	a.tls_verify == false
	a.tls_enabled == true
}

test_effective_listeners_skip_swarm_and_metrics_ports if {
	d := object.union(base, {"flags": {"metrics-addr": ["127.0.0.1:9323"]}})
	h := {"listeners": [
		{"address": "0.0.0.0", "port": 2377, "family": "ipv4", "pid": 10, "process": "dockerd"},
		{"address": "::", "port": 7946, "family": "ipv6", "pid": 10, "process": "dockerd"},
		{"address": "127.0.0.1", "port": 9323, "family": "ipv4", "pid": 10, "process": "dockerd"},
		{"address": "::", "port": 2375, "family": "ipv6", "pid": 10, "process": "dockerd"},
		{"address": "0.0.0.0", "port": 22, "family": "ipv4", "pid": 1, "process": "sshd"},
	]}
	dockerd.api(d, h).observed == {"[::]:2375"}
}

test_configured_ports_account_for_listeners if {
	d := object.union(base, {"flags": {"host": ["tcp://0.0.0.0:2376", "tcp://[::1]:2375"]}})
	h := {"listeners": [
		{"address": "0.0.0.0", "port": 2376, "family": "ipv4", "pid": 10, "process": "dockerd"},
		{"address": "::1", "port": 2375, "family": "ipv6", "pid": 10, "process": "dockerd"},
		{"address": "0.0.0.0", "port": 4243, "family": "ipv4", "pid": 10, "process": "dockerd"},
	]}
	dockerd.api(d, h).observed == {"0.0.0.0:4243"}
}

test_unknown_listeners if {
	a := dockerd.api(base, {"listeners": null})
	a.listeners_known == false
	a.observed == set()
	b := dockerd.api(base, null)
	b.listeners_known == false
	b.listen_addresses == ["unix:///var/run/docker.sock"]
}

test_unknown_daemon_gives_defaults if {
	a := dockerd.api(null, no_host)
	a.listen_addresses == ["unix:///var/run/docker.sock"]
}

test_port_of if {
	dockerd.port_of("tcp://[::1]:2375") == 2375
	not dockerd.port_of("tcp://host")
	not dockerd.port_of("tcp://[::1]")
}

test_security_options_are_parsed if {
	opts := ["name=seccomp,profile=builtin", "name=userns", "apparmor"]
	dockerd.security_options == [{"name": "seccomp", "profile": "builtin"}, {"name": "userns"}, {"name": "apparmor"}] with input.daemon.info.security_options as opts
	dockerd.security_options_named("seccomp") == [{"name": "seccomp", "profile": "builtin"}] with input.daemon.info.security_options as opts
}
