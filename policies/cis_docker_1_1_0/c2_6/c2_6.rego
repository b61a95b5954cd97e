# METADATA
# title: "Ensure TLS authentication for Docker daemon is configured"
# custom:
#   id: "2.6"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: critical
#   remediation: >-
#     If the API must be reachable over TCP, enable mutual TLS (--tlsverify with CA, server cert
#     and key); otherwise listen only on the local unix socket.
#   cis_v1_6_0: "2.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/protect-access/
package cis_docker_1_1_0.c2_6

import data.lib.daemon
import data.lib.dockerd
import data.lib.files
import data.lib.result
import data.lib.values

# Applicable when the API is reachable over TCP: a configured TCP address (-H / "hosts",
# docker.socket's ListenStream= under fd://, tcp://localhost:2376 when TLS is on without
# addresses), or a listening socket of dockerd that is not a swarm or metrics port and that no
# configured address explains. Then --tlsverify must be on (flag, key, or DOCKER_TLS_VERIFY)
# and the CA certificate, server certificate and key it uses (explicit paths or the defaults in
# dockerd's cert directory) must exist. --tls without verification fails: any client gets in.
# (Engines from 27.0 also verify with --tls alone; CIS asks for --tlsverify, so it still fails.)
tls_roles := {"tls_ca": "TLS CA certificate", "tls_cert": "TLS server certificate", "tls_key": "TLS server key"}

tls_role_names := ["tls_ca", "tls_cert", "tls_key"]

# state is computed once; every other rule reads it once (see lib.dockerd on regopy).
state := object.union(a, {"endpoints": endpoints}) if {
	a := dockerd.api(object.get(input, "daemon", null), object.get(input, "host", null))
	observed := {concat("", [o, " (a listening socket of dockerd)"]) | some o in a.observed}
	endpoints := a.tcp | observed
}

tls_state(s) := "TLS verification is explicitly disabled" if {
	s.tlsverify_setting == false
} else := "TLS is on without client verification (--tls without --tlsverify)" if {
	s.tls_enabled == true
} else := "TLS is off"

tls_files := [f | some role in tls_role_names; some f in files.with_role(role)]

missing contains m if some m in daemon.config_missing

# The listening sockets only matter when the configuration names no TCP address.
missing contains m if {
	count(state.tcp) == 0
	some m in dockerd.missing_listeners
}

missing contains m if {
	s := state
	count(s.endpoints) > 0
	s.tls_verify == true
	some m in files.missing(tls_files)
}

missing contains sprintf("files (no %s entry although TLS verification is on)", [role]) if {
	s := state
	count(s.endpoints) > 0
	s.tls_verify == true
	some role in tls_role_names
	count(files.with_role(role)) == 0
}

not_applicable := concat("", ["dockerd does not listen on TCP: its API is only on ", concat(", ", s.listen_addresses)]) if {
	s := state
	count(s.endpoints) == 0
	s.listeners_known == true
	count(daemon.config_missing) == 0
}

checked := count(state.endpoints)

violations contains result.finding(result.daemon, msg, tls, "--tlsverify with --tlscacert, --tlscert and --tlskey") if {
	s := state
	s.tls_verify == false
	tls := tls_state(s)
	some endpoint in s.endpoints
	# concat, not sprintf: regopy 1.5 keeps the JSON quotes of a concat() result inside sprintf.
	msg := concat("", ["dockerd serves its API on ", endpoint, " and ", tls])
}

violations contains result.finding(result.file(f), msg, "absent", "present") if {
	s := state
	count(s.endpoints) > 0
	s.tls_verify == true
	some role, what in tls_roles
	some f in files.with_role(role)
	f.exists == false
	msg := sprintf("the %s %s that dockerd uses for TLS verification does not exist", [what, f.path])
}

evidence := {
	"listen_addresses": s.listen_addresses,
	"tcp_endpoints": sort([e | some e in s.endpoints]),
	"tls": tls_state(s),
	"tls_files": {f.role: f.path | some f in tls_files},
	"listeners_of_unknown_owner": [listener | some l in values.items(input.host.listeners); l.process == null; listener := sprintf("%s:%v", [l.address, l.port])],
} if {
	s := state
}
