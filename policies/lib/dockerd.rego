# METADATA
# title: Where dockerd listens and whether its API uses TLS
# description: |
#   Shared by the section 2 controls. Addresses are read the way dockerd reads them:
#   -H/--host values and daemon.json "hosts" (dockerd refuses both at once); an address
#   without a scheme is TCP; with no address at all dockerd listens on the default unix
#   socket, or on tcp://localhost:2376 when TLS is on. Socket activation (fd://) hands dockerd
#   the ListenStream= sockets of docker.socket: a path is a unix socket, anything else TCP.
#   TLS: --tlsverify / "tlsverify" when set, else DOCKER_TLS_VERIFY in dockerd's environment
#   (non-empty means on); setting tlsverify at all, or --tls / "tls", turns TLS on.
#   Effective TCP listeners are the host's listening sockets owned by dockerd, minus the swarm
#   ports (2377 cluster management, 7946 gossip) and the metrics address: those are not the API.
#
#   Everything is a pure function of input.daemon (d) and input.host (h), called once per
#   control as `api(d, h)`. Rules that call rules are avoided on purpose: regopy 1.5 does not
#   memoise rules evaluated under `with` (as every test does), so a graph of rules is walked
#   once per path through it, which made a test of 2.6 take gigabytes; functions called with
#   values cost nothing of the kind. The option readers below follow lib.daemon exactly (last
#   flag value, else the daemon.json key), over values instead of input.
package lib.dockerd

default_unix_host := "unix:///var/run/docker.sock"

default_tls_host := "tcp://localhost:2376"

# swarm_ports: TCP ports dockerd opens for swarm mode, never the Engine API.
swarm_ports := {2377, 7946}

# ----------------------------------------------------------------------------- options

# config_of: the parsed daemon.json object, {} when absent or not parsed.
config_of(d) := d.config_file.content if {
	d.config_file.state == "parsed"
	is_object(d.config_file.content)
} else := {}

flags_of(d) := d.flags if is_object(d.flags)

else := {}

# bool_setting: the last flag value as a boolean, else the daemon.json boolean, else null.
bool_setting(flags, config, flag, key) := flag_bool(vals[count(vals) - 1]) if {
	vals := object.get(flags, flag, [])
	count(vals) > 0
} else := v if {
	v := object.get(config, key, null)
	is_boolean(v)
} else := null

flag_bool(s) := true if lower(s) in {"true", "1", "t", "yes"}

else := false

# string_setting: the last flag value, else the daemon.json string, else null.
string_setting(flags, config, flag, key) := vals[count(vals) - 1] if {
	vals := object.get(flags, flag, [])
	count(vals) > 0
} else := v if {
	v := object.get(config, key, null)
	is_string(v)
} else := null

# list_setting: every value of a repeatable flag, then the daemon.json array (or string).
list_setting(flags, config, flag, key) := array.concat(object.get(flags, flag, []), as_list(object.get(config, key, null)))

as_list(v) := v if is_array(v)

else := [v] if is_string(v)

else := []

# ----------------------------------------------------------------------------- the API's exposure

# api is what the section 2 controls need to know about the Engine API's listeners and TLS:
#   listen_addresses  configured addresses (defaults applied, ListenStream= under fd://)
#   tcp               the TCP ones among them
#   observed          dockerd's API listening sockets that no configured TCP port explains
#   listeners_known   whether the host's listening sockets were collected
#   tls_verify        clients must present a certificate the CA signed
#   tls_enabled       the API speaks TLS at all
#   tlsverify_setting the configured --tlsverify / "tlsverify" (null when unset)
api(d, h) := {
	"listen_addresses": addrs,
	"tcp": tcp,
	"observed": observed,
	"listeners_known": is_array(object.get(host_obj, "listeners", null)),
	"tls_verify": verifies(verify_setting, env),
	"tls_enabled": serves_tls(verify_setting, tls_setting, env),
	"tlsverify_setting": verify_setting,
} if {
	flags := flags_of(d)
	config := config_of(d)
	host_obj := object_or_empty(h)
	env := env_tls_verify(d)
	verify_setting := bool_setting(flags, config, "tlsverify", "tlsverify")
	tls_setting := bool_setting(flags, config, "tls", "tls")
	fallback := default_host(serves_tls(verify_setting, tls_setting, env))
	addrs := addresses(list_setting(flags, config, "host", "hosts"), fallback, socket_listen(host_obj))
	tcp := {a | some a in addrs; is_tcp(a)}
	metrics := {p | p := port_of(string_setting(flags, config, "metrics-addr", "metrics-addr"))}
	listeners := api_listeners(object.get(host_obj, "listeners", null), metrics)
	observed := unaccounted(listeners, {p | some a in tcp; p := port_of(a)})
}

object_or_empty(x) := x if is_object(x)

else := {}

env_tls_verify(d) := true if {
	v := d.environment.DOCKER_TLS_VERIFY
	is_string(v)
	v != ""
} else := false

verifies(setting, env) := true if setting == true

else := true if {
	setting == null
	env == true
}

else := false

serves_tls(verify, tls, env) := true if verify != null

else := true if tls == true

else := true if {
	verify == null
	env == true
}

else := false

default_host(tls) := default_tls_host if tls == true

else := default_unix_host

socket_listen(h) := h.systemd.socket_listen if is_array(h.systemd.socket_listen)

else := []

addresses(hosts, fallback, streams) := with_streams(explicit, streams, fallback) if {
	explicit := [a2 | some a in hosts; is_string(a); a2 := host_or(a, fallback)]
}

# host_or reads an empty address ("" or whitespace) as the default one.
host_or(a, fallback) := fallback if trim_space(a) == ""

else := trim_space(a)

with_streams(explicit, _, fallback) := [fallback] if count(explicit) == 0

with_streams(explicit, streams, _) := array.concat(explicit, activated(explicit, streams)) if count(explicit) > 0

# activated: the ListenStream= sockets, as addresses, when dockerd takes them over (fd://).
activated(explicit, streams) := [listen_stream_address(s) | some s in streams] if {
	some h in explicit
	startswith(lower(h), "fd://")
} else := []

listen_stream_address(s) := concat("", ["unix://", s]) if startswith(s, "/")

else := concat("", ["unix://", s]) if startswith(s, "@")

else := concat("", ["vsock://", trim_prefix(s, "vsock:")]) if startswith(s, "vsock:")

else := concat("", ["tcp://", s])

scheme(a) := lower(split(a, "://")[0]) if indexof(a, "://") >= 0

else := "tcp"

is_tcp(a) if scheme(a) == "tcp"

# port_of is the number after the last colon of an address, when it is all digits.
port_of(a) := to_number(p) if {
	is_string(a)
	parts := split(a, ":")
	p := parts[count(parts) - 1]
	p != ""
	trim(p, "0123456789") == ""
}

# api_listeners: listening sockets of dockerd that can only be the API.
api_listeners(listeners, excluded) := [l |
	some l in listeners
	l.process == "dockerd"
	not l.port in swarm_ports
	not l.port in excluded
] if is_array(listeners)

else := []

# unaccounted: listeners on a port no configured address names (a daemon.json edited after
# dockerd started, or a listener this policy cannot place).
unaccounted(listeners, ports) := {listener_address(l) | some l in listeners; not l.port in ports}

listener_address(l) := sprintf("[%s]:%v", [l.address, l.port]) if l.family == "ipv6"

else := sprintf("%s:%v", [l.address, l.port])

missing_listeners contains "host.listeners (the host's listening TCP sockets could not be read)" if {
	not is_array(input.host.listeners)
}

# ----------------------------------------------------------------------------- security options

# security_options: /info SecurityOptions as objects: "name=seccomp,profile=builtin" becomes
# {"name": "seccomp", "profile": "builtin"}; the bare names of old engines ("seccomp") become
# {"name": "seccomp"}.
security_options := [parse_security_option(o) | some o in input.daemon.info.security_options]

parse_security_option(o) := {"name": o} if indexof(o, "=") < 0

else := {k: v |
	some part in split(o, ",")
	kv := split(part, "=")
	k := kv[0]
	v := concat("=", array.slice(kv, 1, count(kv)))
}

# security_options_named: the parsed SecurityOptions entries of one name.
security_options_named(name) := [e | some e in security_options; e.name == name]
