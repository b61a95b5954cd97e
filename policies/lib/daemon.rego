# METADATA
# title: Daemon options, merged from dockerd flags and daemon.json, and where the API listens
# description: |
#   Options. dockerd refuses to start when a flag and a daemon.json key set the same option,
#   so one source holds each value: flags are read first (the last value of a flag wins), then
#   daemon.json. Values are undefined when neither sets the option; controls apply the
#   documented default then. `config_missing` lists what is unknown (argv unreadable,
#   daemon.json malformed) so a control that reads configured options reports it as missing
#   rather than pass.
#
#   The Engine API's exposure. Addresses are read the way dockerd reads them: -H/--host values
#   and daemon.json "hosts"; an address without a scheme is TCP; with no address at all dockerd
#   listens on the default unix socket, or on tcp://localhost:2376 when TLS is on. Socket
#   activation (fd://) hands dockerd the ListenStream= sockets of docker.socket: a path is a
#   unix socket, anything else TCP. TLS: --tlsverify / "tlsverify" when set, else
#   DOCKER_TLS_VERIFY in dockerd's environment (non-empty means on); setting tlsverify at all,
#   or --tls / "tls", turns TLS on. dockerd's listening sockets that can be the API are its
#   host listeners minus the swarm ports (2377 cluster management, 7946 gossip) and the
#   metrics address.
#
#   Every rule here is defined (or undefined) on any schema-valid input, a null daemon, host,
#   listener list or daemon.json content included: controls that never read the API rules
#   still evaluate them.
package lib.daemon

import data.lib.values
import data.lib.versions

# ----------------------------------------------------------------------------- sources

argv_known if is_array(input.daemon.argv)

default flags := {}

# flags is the parsed command line: long flag name -> its values, in order.
flags := input.daemon.flags if is_object(input.daemon.flags)

default config := {}

# config is the parsed daemon.json object, {} when absent or not parsed.
config := input.daemon.config_file.content if {
	input.daemon.config_file.state == "parsed"
	is_object(input.daemon.config_file.content)
}

config_missing contains "daemon.argv (the dockerd command line could not be read)" if not argv_known

config_missing contains sprintf("daemon.config_file (%s is %s)", [f.path, f.state]) if {
	f := input.daemon.config_file
	f.state in {"invalid", "unreadable"}
}

config_missing contains "daemon.config_file (not collected)" if not config_file_known

# A positive helper, negated above: `not is_object(undefined)` differs between the engines.
config_file_known if is_object(input.daemon.config_file)

info_known if is_object(input.daemon.info)

version_known if is_object(input.daemon.version)

missing_info contains "daemon.info (GET /info could not be collected)" if not info_known

missing_version contains "daemon.version (GET /version could not be collected)" if not version_known

# ----------------------------------------------------------------------------- option readers

# flag_values is the list of values a flag was given (long name, without dashes), [] if none.
flag_values(flag) := v if {
	v := flags[flag]
	is_array(v)
} else := []

# flag_bool is a flag value as a boolean, the one parser of them all: "true", "1", "t" and
# "yes" (any case) are true, anything else false.
flag_bool(s) := lower(s) in {"true", "1", "t", "yes"}

# bool_option is the configured boolean: the last flag value, else the daemon.json boolean.
bool_option(flag, key) := flag_bool(vals[count(vals) - 1]) if {
	vals := flag_values(flag)
	count(vals) > 0
} else := v if {
	v := config[key]
	is_boolean(v)
}

# string_option is the configured string: the last flag value, else the daemon.json string.
string_option(flag, key) := vals[count(vals) - 1] if {
	vals := flag_values(flag)
	count(vals) > 0
} else := v if {
	v := config[key]
	is_string(v)
}

# list_option gathers every value of a repeatable flag and its daemon.json array (or string).
list_option(flag, key) := array.concat(flag_values(flag), config_list(key))

config_list(key) := config[key] if is_array(config[key])

else := [config[key]] if is_string(config[key])

else := []

# ----------------------------------------------------------------------------- TLS of the API

# tls_env: DOCKER_TLS_VERIFY is set, non-empty, in dockerd's environment.
tls_env if {
	v := input.daemon.environment.DOCKER_TLS_VERIFY
	is_string(v)
	v != ""
}

# tlsverify_set: --tlsverify / "tlsverify" is given, true or false.
tlsverify_set if is_boolean(bool_option("tlsverify", "tlsverify"))

# tls_verify: clients must present a certificate the CA signed.
default tls_verify := false

tls_verify if bool_option("tlsverify", "tlsverify") == true

tls_verify if {
	not tlsverify_set
	tls_env
}

# From Engine 20.10, --tls / "tls": true without a tlsverify setting verifies clients too
# (dockerd sets tlsverify to the tls value); older engines only encrypt.
tls_verify if {
	not tlsverify_set
	bool_option("tls", "tls") == true
	tls_implies_verify
}

# tls_implies_verify: the engine (20.10 or newer) verifies clients with --tls alone.
tls_implies_verify if engine_at_least("20.10.0")

# tls_enabled: the API speaks TLS at all.
default tls_enabled := false

tls_enabled if tlsverify_set

tls_enabled if bool_option("tls", "tls") == true

tls_enabled if tls_env

# ----------------------------------------------------------------------------- API addresses

default_unix_host := "unix:///var/run/docker.sock"

default_tls_host := "tcp://localhost:2376"

# swarm_ports: TCP ports dockerd opens for swarm mode, never the Engine API.
swarm_ports := {2377, 7946}

default_host := default_tls_host if tls_enabled

else := default_unix_host

# configured_hosts: -H / "hosts", each trimmed; an empty address is the default one.
configured_hosts := [host_or_default(a) | some a in list_option("host", "hosts"); is_string(a)]

host_or_default(a) := default_host if trim_space(a) == ""

else := trim_space(a)

# listen_addresses: where dockerd listens (defaults applied, ListenStream= under fd://).
listen_addresses := [default_host] if count(configured_hosts) == 0

else := array.concat(configured_hosts, activated_addresses)

is_socket_activated if {
	some h in configured_hosts
	startswith(lower(h), "fd://")
}

default activated_addresses := []

# activated_addresses: the ListenStream= sockets, as addresses, when dockerd takes them over.
activated_addresses := [listen_stream_address(s) |
	some s in values.items(input.host.systemd.socket_listen)
	is_string(s)
] if is_socket_activated

listen_stream_address(s) := sprintf("unix://%s", [s]) if startswith(s, "/")

else := sprintf("unix://%s", [s]) if startswith(s, "@")

else := sprintf("vsock://%s", [trim_prefix(s, "vsock:")]) if startswith(s, "vsock:")

else := sprintf("tcp://%s", [s])

# tcp_addresses: the TCP ones among listen_addresses.
tcp_addresses := {a | some a in listen_addresses; is_tcp(a)}

scheme(a) := lower(split(a, "://")[0]) if contains(a, "://")

else := "tcp"

is_tcp(a) if scheme(a) == "tcp"

# port_of is the number after the last colon of an address, when it is a TCP port's digits
# (leading zeros allowed, as dockerd allows them).
port_of(a) := versions.decimal(p) if {
	is_string(a)
	parts := split(a, ":")
	p := parts[count(parts) - 1]
	p != ""
	trim(p, "0123456789") == ""
	count(trim_left(p, "0")) <= 5
}

# ----------------------------------------------------------------------------- API listeners

listeners_known if is_array(input.host.listeners)

missing_listeners contains "host.listeners (the host's listening TCP sockets could not be read)" if {
	not listeners_known
}

metrics_ports := {p | p := port_of(string_option("metrics-addr", "metrics-addr"))}

configured_ports := {p | some a in tcp_addresses; p := port_of(a)}

# unconfigured_listeners: dockerd's listening sockets that can only be the API and that no
# configured TCP address explains (a daemon.json edited after dockerd started, or a listener
# this library cannot place), as address:port.
unconfigured_listeners := {listener_address(l) |
	some l in values.items(input.host.listeners)
	l.process == "dockerd"
	not l.port in swarm_ports
	not l.port in metrics_ports
	not l.port in configured_ports
}

listener_address(l) := sprintf("[%s]:%v", [l.address, l.port]) if l.family == "ipv6"

else := sprintf("%s:%v", [l.address, l.port])

# ----------------------------------------------------------------------------- security options

# security_options: /info SecurityOptions as objects: "name=seccomp,profile=builtin" becomes
# {"name": "seccomp", "profile": "builtin"}; the bare names of old engines ("seccomp") become
# {"name": "seccomp"}. A key given twice keeps its first value.
security_options := [parse_security_option(o) | some o in values.items(input.daemon.info.security_options)]

parse_security_option(o) := {"name": o} if not contains(o, "=")

else := {pair[0]: pair[1] |
	pairs := [[kv[0], concat("=", array.slice(kv, 1, count(kv)))] | some part in split(o, ","); kv := split(part, "=")]
	some i, pair in pairs
	not key_seen_before(pairs, i, pair[0])
}

key_seen_before(pairs, i, k) if {
	some j, pair in pairs
	j < i
	pair[0] == k
}

# security_options_named: the parsed SecurityOptions entries of one name.
security_options_named(name) := [e | some e in security_options; e.name == name]

# security_option reports whether /info SecurityOptions has an entry name=<name> (the form of
# engines from 1.13; a bare name of older engines does not count).
security_option(name) if {
	some o in values.items(input.daemon.info.security_options)
	contains(o, "=")
	parse_security_option(o).name == name
}

# ----------------------------------------------------------------------------- engine version

# engine_version is the Docker Engine's version: GET /version Version, else GET /info
# ServerVersion; undefined when neither was collected.
engine_version := input.daemon.version.version if is_string(input.daemon.version.version)

else := input.daemon.info.server_version if is_string(input.daemon.info.server_version)

# engine_readable: the version starts with a number (a dev build's may not), so it can be compared.
engine_readable if count(versions.parts(engine_version)) > 0

# engine_at_least(v) holds when the engine is known to be version v or newer, engine_before(v)
# when it is known to be older; neither holds for an unknown or unreadable version.
engine_at_least(v) if {
	engine_readable
	versions.at_least(engine_version, v)
}

engine_before(v) if {
	engine_readable
	not versions.at_least(engine_version, v)
}

# ----------------------------------------------------------------------------- image store

# storage_driver is what GET /info Driver names: the storage driver dockerd uses, or under the
# containerd image store a containerd snapshotter; undefined when /info was not collected or
# names none. configured_storage_driver is --storage-driver / "storage-driver", which the
# running daemon may not have used (daemon.json edited since it started).
storage_driver := input.daemon.info.driver if is_string(input.daemon.info.driver)

configured_storage_driver := string_option("storage-driver", "storage-driver")

# containerd_image_store: dockerd keeps images and container filesystems in containerd (the
# containerd image store, the default of a fresh Engine 29 install): GET /info DriverStatus has
# driver-type io.containerd.snapshotter.v1, and Driver names a containerd snapshotter
# (overlayfs, native, ...), not a storage driver.
containerd_image_store if {
	some pair in values.items(input.daemon.info.driver_status)
	pair[0] == "driver-type"
	pair[1] == "io.containerd.snapshotter.v1"
}

# ----------------------------------------------------------------------------- containerd

# rootless_containerd_unlocated: the snapshot cannot have looked for the socket of a rootless
# dockerd's containerd: GET /info reports Containerd.Address only from API 1.46, --containerd
# does not name it, and no containerd socket is marked as the daemon's own (the collector marks
# those it found under the user's XDG_RUNTIME_DIR, which it needs to know; an older collector
# did not look there).
rootless_containerd_unlocated if {
	security_option("rootless")
	not containerd_address_known
	not string_option("containerd", "containerd")
	not rootless_containerd_socket_stated
}

containerd_address_known if is_string(input.daemon.info.containerd_address)

rootless_containerd_socket_stated if {
	some f in values.items(input.files)
	f.role == "containerd_sock"
	f.rootless == true
}

# missing_containerd_socket is the `missing` of the controls on the containerd socket.
missing_containerd_socket contains msg if {
	rootless_containerd_unlocated
	msg := "the containerd socket of the rootless dockerd (under its user's XDG_RUNTIME_DIR, which is unknown; GET /info names it from API 1.46)"
}

# ----------------------------------------------------------------------------- no-new-privileges

# no_new_privileges_in_info: GET /info SecurityOptions lists name=no-new-privileges, which
# engines from 24.0 do when dockerd enables it for every container.
no_new_privileges_in_info if security_option("no-new-privileges")

# info_reports_no_new_privileges: the engine (24.0 or newer) lists the daemon-wide
# no-new-privileges in GET /info whenever it is on, so /info without it means it is off.
info_reports_no_new_privileges if {
	info_known
	engine_at_least("24.0.0")
}

# info_decides_no_new_privileges: GET /info alone tells whether no-new-privileges is on.
info_decides_no_new_privileges if no_new_privileges_in_info

info_decides_no_new_privileges if info_reports_no_new_privileges

# no_new_privileges is whether the running dockerd enables no-new-privileges for every new
# container: true when GET /info lists it; false when an engine that would list it does not;
# otherwise the configuration (--no-new-privileges / "no-new-privileges"), undefined when
# neither sets it.
no_new_privileges := true if {
	no_new_privileges_in_info
} else := false if {
	info_reports_no_new_privileges
} else := v if {
	v := bool_option("no-new-privileges", "no-new-privileges")
}
