package lib.daemon_test

import data.lib.daemon

absent_config := {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}

base := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": absent_config}

snap(flags, content) := {"argv": ["dockerd"], "flags": flags, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": content}}

no_host := {"listeners": []}

socket_activation := {"systemd": {"socket_listen": ["/run/docker.sock", "0.0.0.0:2375"]}, "listeners": []}

dockerd_listener(address, port, family) := {"address": address, "port": port, "family": family, "pid": 10, "process": "dockerd"}

# ----------------------------------------------------------------------------- the whole package

# Every rule of the package on a snapshot without any daemon or host facts: nothing errors,
# and the API falls back to the default unix socket.
null_facts_document := {
	"flags": {},
	"config": {},
	"config_missing": {"daemon.argv (the dockerd command line could not be read)", "daemon.config_file (not collected)"},
	"missing_info": {"daemon.info (GET /info could not be collected)"},
	"missing_version": {"daemon.version (GET /version could not be collected)"},
	"tls_verify": false,
	"tls_enabled": false,
	"default_unix_host": "unix:///var/run/docker.sock",
	"default_tls_host": "tcp://localhost:2376",
	"swarm_ports": {2377, 7946},
	"default_host": "unix:///var/run/docker.sock",
	"configured_hosts": [],
	"listen_addresses": ["unix:///var/run/docker.sock"],
	"activated_addresses": [],
	"tcp_addresses": set(),
	"missing_listeners": {"host.listeners (the host's listening TCP sockets could not be read)"},
	"metrics_ports": set(),
	"configured_ports": set(),
	"unconfigured_listeners": set(),
	"security_options": [],
	"missing_containerd_socket": set(),
}

test_package_on_a_null_daemon_and_no_host if {
	daemon == null_facts_document with input as {"meta": {}, "daemon": null}
}

test_package_on_an_empty_snapshot if {
	daemon == null_facts_document with input as {}
}

test_package_on_null_parts_of_daemon_and_host if {
	d := {
		"argv": null, "flags": null, "environment": {},
		"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": null},
		"info": null, "version": null,
	}
	h := {"listeners": null, "systemd": {"docker_service": null, "docker_socket": null, "socket_listen": []}}
	doc := daemon with input as {"daemon": d, "host": h}
	doc.config_missing == {"daemon.argv (the dockerd command line could not be read)"}
	doc.config == {}
	doc.flags == {}
	doc.listen_addresses == ["unix:///var/run/docker.sock"]
	doc.missing_listeners == {"host.listeners (the host's listening TCP sockets could not be read)"}
	doc.unconfigured_listeners == set()
	doc.security_options == []
}

test_package_on_a_null_host_and_systemd if {
	d := object.union(base, {"flags": {"host": ["fd://"]}})
	doc := daemon with input as {"daemon": d, "host": {"listeners": [], "systemd": null}}
	doc.listen_addresses == ["fd://"]
	doc.tcp_addresses == set()
	doc.missing_listeners == set()
}

test_package_on_hostile_values if {
	d := object.union(base, {
		"flags": {"host": ["", "  ", "tcp://0.0.0.0:99999999999999999999", "tcp://[::1]", "x:"], "metrics-addr": [":"]},
		"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"hosts": 5, "tlsverify": "yes", "tls": null}},
		"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["", "=", "name=a,name=b", ",,", "name"]},
	})
	h := {"listeners": [dockerd_listener("::", 0, "ipv6")], "systemd": {"socket_listen": ["", "vsock:2:2375"]}}
	doc := daemon with input as {"daemon": d, "host": h}
	doc.listen_addresses == ["unix:///var/run/docker.sock", "unix:///var/run/docker.sock", "tcp://0.0.0.0:99999999999999999999", "tcp://[::1]", "x:"]
	doc.tcp_addresses == {"tcp://0.0.0.0:99999999999999999999", "tcp://[::1]", "x:"}
	doc.configured_ports == set()
	doc.unconfigured_listeners == {"[::]:0"}
	doc.tls_enabled == false
	doc.security_options == [{"name": ""}, {"": ""}, {"name": "a"}, {"name": ",,"}, {"name": "name"}]
}

# Versions and storage facts of every shape the schema allows: the version rules are undefined,
# nothing errors, and the package still evaluates whole.
test_package_on_hostile_versions_and_driver_status if {
	every version in ["", " ", "v26.1", "-1", "99999999999999999999.1", "26..1", "\u0000"] {
		hostile_version_evaluates(version)
	}
}

hostile_version_evaluates(version) if {
	d := object.union(base, {
		"version": {"version": version, "api_version": ""},
		"info": {"docker_root_dir": "/var/lib/docker", "server_version": "x", "driver_status": [[], ["driver-type"], ["a", "b", "c"]], "security_options": ["name=no-new-privileges,name=x"]},
	})
	doc := daemon with input.daemon as d
	not doc.containerd_image_store
	doc.no_new_privileges == true
	doc.tls_verify == false
}

# ----------------------------------------------------------------------------- sources

test_malformed_config_is_missing if {
	d := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}}
	daemon.config_missing == {"daemon.config_file (/etc/docker/daemon.json is invalid)"} with input.daemon as d
}

test_unreadable_config_is_missing if {
	d := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "unreadable", "content": null}}
	daemon.config_missing == {"daemon.config_file (/etc/docker/daemon.json is unreadable)"} with input.daemon as d
}

test_unreadable_argv_is_missing if {
	d := {"argv": null, "flags": {}, "config_file": absent_config}
	daemon.config_missing == {"daemon.argv (the dockerd command line could not be read)"} with input.daemon as d
}

test_absent_config_file_key_is_missing if {
	daemon.config_missing == {"daemon.config_file (not collected)"} with input.daemon as {"argv": ["dockerd"], "flags": {}}
}

test_known_sources_miss_nothing if {
	d := object.union(base, {"info": {"docker_root_dir": "/var/lib/docker"}, "version": {"version": "24.0.7", "api_version": "1.43"}})
	doc := daemon with input.daemon as d
	doc.config_missing == set()
	doc.missing_info == set()
	doc.missing_version == set()
	doc.argv_known
	doc.info_known
	doc.version_known
}

# ----------------------------------------------------------------------------- option readers

test_flag_false_wins if {
	daemon.bool_option("icc", "icc") == false with input.daemon as snap({"icc": ["false"]}, {})
}

test_last_flag_value_wins if {
	daemon.bool_option("icc", "icc") == true with input.daemon as snap({"icc": ["false", "true"]}, {})
	daemon.string_option("log-level", "log-level") == "warn" with input.daemon as snap({"log-level": ["debug", "warn"]}, {})
}

test_config_key_used_without_flag if {
	daemon.bool_option("icc", "icc") == false with input.daemon as snap({}, {"icc": false})
	daemon.string_option("log-level", "log-level") == "warn" with input.daemon as snap({}, {"log-level": "warn"})
}

test_unset_option_is_undefined if {
	not daemon.bool_option("icc", "icc") with input.daemon as snap({}, {})
	not daemon.string_option("log-level", "log-level") with input.daemon as snap({}, {})
}

test_config_value_of_the_wrong_type_is_unset if {
	not daemon.bool_option("icc", "icc") with input.daemon as snap({}, {"icc": "false"})
	not daemon.string_option("log-level", "log-level") with input.daemon as snap({}, {"log-level": 1})
}

test_flag_bool_reads_true_spellings if {
	[daemon.flag_bool(s) | some s in ["true", "TRUE", "1", "t", "yes", "false", "0", "no", ""]] == [true, true, true, true, true, false, false, false, false]
}

test_flag_values_of_an_unset_flag_is_empty if {
	daemon.flag_values("log-opt") == [] with input.daemon as snap({}, {})
	daemon.flag_values("log-opt") == [] with input.daemon as {"flags": null}
}

test_list_option_merges_flag_and_key if {
	daemon.list_option("insecure-registry", "insecure-registries") == ["a:5000", "b:5000"] with input.daemon as snap({"insecure-registry": ["a:5000"]}, {"insecure-registries": ["b:5000"]})
}

test_list_option_reads_a_string_key_as_one_value if {
	daemon.list_option("insecure-registry", "insecure-registries") == ["b:5000"] with input.daemon as snap({}, {"insecure-registries": "b:5000"})
}

test_options_of_unparsed_config_are_unset if {
	d := {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": {"icc": false}}}
	not daemon.bool_option("icc", "icc") with input.daemon as d
}

# ----------------------------------------------------------------------------- TLS of the API

test_no_tls_setting_is_off if {
	doc := daemon with input.daemon as base with input.host as no_host
	doc.tls_enabled == false
	doc.tls_verify == false
}

test_env_tls_verify_is_on_unless_flag_false if {
	d := object.union(base, {"environment": {"DOCKER_TLS_VERIFY": "1"}})
	daemon.tls_verify with input.daemon as d
	off := object.union(d, {"flags": {"tlsverify": ["false"]}})
	doc := daemon with input.daemon as off
	doc.tls_verify == false
	doc.tls_enabled == true
}

test_empty_env_tls_verify_is_off if {
	d := object.union(base, {"environment": {"DOCKER_TLS_VERIFY": ""}})
	doc := daemon with input.daemon as d
	doc.tls_verify == false
	doc.tls_enabled == false
}

test_tls_alone_does_not_verify_on_an_engine_of_unknown_version if {
	d := object.union(base, {"flags": {"tls": ["true"]}})
	doc := daemon with input.daemon as d
	doc.tls_verify == false
	doc.tls_enabled == true
}

test_tls_alone_does_not_verify_before_engine_20_10 if {
	d := object.union(base, {"flags": {"tls": ["true"]}, "version": {"version": "19.03.15", "api_version": "1.40"}})
	doc := daemon with input.daemon as d
	doc.tls_verify == false
	doc.tls_enabled == true
}

# dockerd 20.10 sets tlsverify to the tls value when tlsverify is not given (seen on a live
# 20.10.24: a client without a certificate is refused).
test_tls_alone_verifies_from_engine_20_10 if {
	d := object.union(base, {"flags": {"tls": ["true"]}, "version": {"version": "20.10.24+dfsg1", "api_version": "1.41"}})
	daemon.tls_verify with input.daemon as d
	json_tls := object.union(base, {
		"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"tls": true}},
		"version": {"version": "26.1.5+dfsg1", "api_version": "1.45"},
	})
	daemon.tls_verify with input.daemon as json_tls
	off := object.union(d, {"flags": {"tls": ["true"], "tlsverify": ["false"]}})
	doc := daemon with input.daemon as off
	doc.tls_verify == false
}

test_daemon_json_tlsverify_verifies if {
	d := object.union(base, {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"tlsverify": true}}})
	doc := daemon with input.daemon as d
	doc.tls_verify == true
	doc.tls_enabled == true
}

# ----------------------------------------------------------------------------- API addresses

test_no_host_is_the_default_unix_socket if {
	doc := daemon with input.daemon as base with input.host as no_host
	doc.listen_addresses == ["unix:///var/run/docker.sock"]
	doc.tcp_addresses == set()
}

test_no_host_with_tls_is_localhost_2376 if {
	d := object.union(base, {"flags": {"tlsverify": ["true"]}})
	daemon.listen_addresses == ["tcp://localhost:2376"] with input.daemon as d with input.host as no_host
}

test_empty_host_is_the_default if {
	d := object.union(base, {"flags": {"host": ["", "tcp://0.0.0.0:2375"]}})
	daemon.listen_addresses == ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"] with input.daemon as d with input.host as no_host
}

test_flag_hosts_without_scheme_are_tcp if {
	d := object.union(base, {"flags": {"host": ["unix:///var/run/docker.sock", "127.0.0.1:2375"]}})
	daemon.tcp_addresses == {"127.0.0.1:2375"} with input.daemon as d with input.host as no_host
}

test_daemon_json_hosts_are_read if {
	c := {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"], "tlsverify": true}}
	d := object.union(base, {"config_file": c})
	doc := daemon with input.daemon as d with input.host as no_host
	doc.tcp_addresses == {"tcp://0.0.0.0:2376"}
	doc.tls_verify == true
}

test_socket_activation_adds_listen_streams if {
	d := object.union(base, {"flags": {"host": ["fd://"]}})
	doc := daemon with input.daemon as d with input.host as socket_activation
	doc.listen_addresses == ["fd://", "unix:///run/docker.sock", "tcp://0.0.0.0:2375"]
	doc.tcp_addresses == {"tcp://0.0.0.0:2375"}
}

test_listen_streams_of_abstract_and_vsock_sockets if {
	d := object.union(base, {"flags": {"host": ["fd://"]}})
	h := {"systemd": {"socket_listen": ["@docker", "vsock:2:2375"]}, "listeners": []}
	daemon.listen_addresses == ["fd://", "unix://@docker", "vsock://2:2375"] with input.daemon as d with input.host as h
}

test_listen_streams_ignored_without_fd if {
	d := object.union(base, {"flags": {"host": ["unix:///var/run/docker.sock"]}})
	daemon.tcp_addresses == set() with input.daemon as d with input.host as socket_activation
}

test_port_of if {
	daemon.port_of("tcp://[::1]:2375") == 2375
	not daemon.port_of("tcp://host")
	not daemon.port_of("tcp://[::1]")
}

# A port written with leading zeros used to make to_number fail, and with it the package.
test_port_with_leading_zeros if {
	daemon.port_of("tcp://0.0.0.0:02375") == 2375
	daemon.port_of("tcp://0.0.0.0:0") == 0
	not daemon.port_of("tcp://0.0.0.0:123456")
}

test_configured_port_with_leading_zeros_accounts_for_its_listener if {
	d := object.union(base, {"flags": {"host": ["tcp://0.0.0.0:02375"]}})
	h := {"listeners": [dockerd_listener("0.0.0.0", 2375, "ipv4")]}
	daemon.unconfigured_listeners == set() with input.daemon as d with input.host as h
}

# ----------------------------------------------------------------------------- API listeners

test_unconfigured_listeners_skip_swarm_and_metrics_ports if {
	d := object.union(base, {"flags": {"metrics-addr": ["127.0.0.1:9323"]}})
	h := {"listeners": [
		dockerd_listener("0.0.0.0", 2377, "ipv4"),
		dockerd_listener("::", 7946, "ipv6"),
		dockerd_listener("127.0.0.1", 9323, "ipv4"),
		dockerd_listener("::", 2375, "ipv6"),
		{"address": "0.0.0.0", "port": 22, "family": "ipv4", "pid": 1, "process": "sshd"},
	]}
	daemon.unconfigured_listeners == {"[::]:2375"} with input.daemon as d with input.host as h
}

test_configured_ports_account_for_listeners if {
	d := object.union(base, {"flags": {"host": ["tcp://0.0.0.0:2376", "tcp://[::1]:2375"]}})
	h := {"listeners": [
		dockerd_listener("0.0.0.0", 2376, "ipv4"),
		dockerd_listener("::1", 2375, "ipv6"),
		dockerd_listener("0.0.0.0", 4243, "ipv4"),
	]}
	daemon.unconfigured_listeners == {"0.0.0.0:4243"} with input.daemon as d with input.host as h
}

test_unknown_listeners if {
	doc := daemon with input.daemon as base with input.host as {"listeners": null}
	not doc.listeners_known
	doc.missing_listeners == {"host.listeners (the host's listening TCP sockets could not be read)"}
	doc.unconfigured_listeners == set()
}

test_known_listeners_miss_nothing if {
	doc := daemon with input.daemon as base with input.host as no_host
	doc.listeners_known
	doc.missing_listeners == set()
}

# ----------------------------------------------------------------------------- security options

test_security_options_are_parsed if {
	opts := ["name=seccomp,profile=builtin", "name=userns", "apparmor"]
	daemon.security_options == [{"name": "seccomp", "profile": "builtin"}, {"name": "userns"}, {"name": "apparmor"}] with input.daemon.info.security_options as opts
	daemon.security_options_named("seccomp") == [{"name": "seccomp", "profile": "builtin"}] with input.daemon.info.security_options as opts
}

# A key given twice made the object comprehension conflict, an error of the whole package.
test_security_option_key_given_twice_keeps_the_first if {
	daemon.security_options == [{"name": "seccomp", "profile": "a=b"}] with input.daemon.info.security_options as ["name=seccomp,profile=a=b,name=other"]
}

test_security_option_matches_the_name_only if {
	opts := ["name=seccomp,profile=builtin"]
	daemon.security_option("seccomp") with input.daemon.info.security_options as opts
	not daemon.security_option("userns") with input.daemon.info.security_options as opts
	not daemon.security_option("sec") with input.daemon.info.security_options as opts
}

test_security_option_needs_the_name_form if {
	not daemon.security_option("apparmor") with input.daemon.info.security_options as ["apparmor"]
}

# ----------------------------------------------------------------------------- engine version

test_engine_version_comes_from_version_then_info if {
	daemon.engine_version == "26.1.5+dfsg1" with input.daemon as {"version": {"version": "26.1.5+dfsg1"}, "info": {"server_version": "x"}}
	daemon.engine_version == "20.10.24+dfsg1" with input.daemon as {"version": null, "info": {"server_version": "20.10.24+dfsg1"}}
	not daemon.engine_version with input.daemon as {"version": null, "info": null}
}

test_engine_at_least_and_before if {
	d := {"version": {"version": "26.1.5+dfsg1"}}
	daemon.engine_at_least("24.0.0") with input.daemon as d
	daemon.engine_at_least("26.1.5") with input.daemon as d
	not daemon.engine_at_least("27.0") with input.daemon as d
	daemon.engine_before("27.0") with input.daemon as d
	not daemon.engine_before("26.1") with input.daemon as d
}

test_an_unreadable_or_unknown_version_is_neither_old_nor_new if {
	dev := {"version": {"version": "master-dockerproject-2026-01-01"}}
	not daemon.engine_at_least("1.0") with input.daemon as dev
	not daemon.engine_before("99.0") with input.daemon as dev
	not daemon.engine_at_least("1.0") with input.daemon as {}
	not daemon.engine_before("99.0") with input.daemon as {}
}

# ----------------------------------------------------------------------------- image store

test_containerd_image_store_from_driver_status if {
	daemon.containerd_image_store with input.daemon.info as {"driver": "overlayfs", "driver_status": [["driver-type", "io.containerd.snapshotter.v1"]]}
	not daemon.containerd_image_store with input.daemon.info as {"driver": "overlay2", "driver_status": [["Backing Filesystem", "extfs"], ["Supports d_type", "true"]]}
	not daemon.containerd_image_store with input.daemon.info as {"driver": "overlayfs", "driver_status": [[], ["driver-type"]]}
	not daemon.containerd_image_store with input.daemon.info as null
}

test_storage_driver_is_the_one_info_names if {
	daemon.storage_driver == "overlay2" with input.daemon.info as {"driver": "overlay2"}
	not daemon.storage_driver with input.daemon.info as {"driver": null}
	not daemon.storage_driver with input.daemon.info as null
	not daemon.storage_driver with input.daemon as {}
}

test_configured_storage_driver_flag_then_daemon_json if {
	daemon.configured_storage_driver == "devicemapper" with input.daemon as snap({"storage-driver": ["devicemapper"]}, {})
	daemon.configured_storage_driver == "overlay2" with input.daemon as snap({}, {"storage-driver": "overlay2"})
	not daemon.configured_storage_driver with input.daemon as snap({}, {"storage-driver": 3})
	not daemon.configured_storage_driver with input.daemon as base
}

# ----------------------------------------------------------------------------- containerd

rootless_info(address) := {"docker_root_dir": "/home/dev/.local/share/docker", "security_options": ["name=seccomp,profile=builtin", "name=rootless"], "containerd_address": address}

test_a_rootless_daemon_without_the_containerd_address_has_its_socket_missing if {
	daemon.missing_containerd_socket == {"the containerd socket of the rootless dockerd (under its user's XDG_RUNTIME_DIR, which is unknown; GET /info names it from API 1.46)"} with input.daemon as object.union(base, {"info": rootless_info(null)})
	daemon.missing_containerd_socket == {"the containerd socket of the rootless dockerd (under its user's XDG_RUNTIME_DIR, which is unknown; GET /info names it from API 1.46)"} with input.daemon as object.union(base, {"info": rootless_info(null)}) with input.files as [{"role": "containerd_sock", "path": "/run/containerd/containerd.sock", "rootless": false}]
	daemon.missing_containerd_socket == set() with input.daemon as object.union(base, {"info": rootless_info(null)}) with input.files as [{"role": "containerd_sock", "path": "/run/user/1000/docker/containerd/containerd.sock", "rootless": true}]
	daemon.missing_containerd_socket == set() with input.daemon as object.union(base, {"info": rootless_info("/run/user/1000/docker/containerd/containerd.sock")})
	daemon.missing_containerd_socket == set() with input.daemon as object.union(snap({"containerd": ["/run/user/1000/c.sock"]}, {}), {"info": rootless_info(null)})
	daemon.missing_containerd_socket == set() with input.daemon as object.union(base, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["name=seccomp,profile=default"]}})
}

# ----------------------------------------------------------------------------- no-new-privileges

engine(version, options) := {"version": {"version": version}, "info": {"docker_root_dir": "/var/lib/docker", "security_options": options}}

nnp_json := {"config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"no-new-privileges": true}}}

test_info_listing_no_new_privileges_is_on if {
	d := object.union(base, engine("26.1.5+dfsg1", ["name=seccomp,profile=builtin", "name=no-new-privileges"]))
	doc := daemon with input.daemon as d
	doc.no_new_privileges == true
	doc.info_decides_no_new_privileges
}

test_engine_24_without_the_listing_is_off_whatever_the_configuration_says if {
	d := object.union(object.union(base, nnp_json), engine("24.0.0", ["name=seccomp,profile=builtin"]))
	doc := daemon with input.daemon as d
	doc.no_new_privileges == false
	doc.info_decides_no_new_privileges
}

# Engine 20.10 never lists it (captured: tests/data/engine_api/engine-20.10-no-new-privileges.info.json).
test_older_engines_fall_back_to_the_configuration if {
	old := engine("20.10.24+dfsg1", ["name=seccomp,profile=default"])
	on := object.union(object.union(base, nnp_json), old)
	daemon.no_new_privileges == true with input.daemon as on
	not daemon.info_decides_no_new_privileges with input.daemon as on
	unset := object.union(base, old)
	not daemon.no_new_privileges with input.daemon as unset
}

test_without_info_the_configuration_decides if {
	d := object.union(object.union(base, nnp_json), {"version": {"version": "26.1.5"}, "info": null})
	daemon.no_new_privileges == true with input.daemon as d
	not daemon.info_decides_no_new_privileges with input.daemon as d
}
