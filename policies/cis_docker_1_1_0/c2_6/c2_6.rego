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
import data.lib.files
import data.lib.result
import data.lib.values

# Applicable when the API is reachable over TCP: a configured TCP address (-H / "hosts",
# docker.socket's ListenStream= under fd://, tcp://localhost:2376 when TLS is on without
# addresses), or a listening socket of dockerd that is not a swarm or metrics port and that no
# configured address explains. Then --tlsverify must be on (flag, key, or DOCKER_TLS_VERIFY)
# and the CA certificate, server certificate and key it uses (explicit paths or the defaults in
# dockerd's cert directory) must exist. --tls without verification fails: any client gets in.
# From Engine 20.10 --tls alone verifies clients too (dockerd sets tlsverify to the tls value
# when tlsverify is not given; lib.daemon.tls_verify), which passes with a note saying so; on
# older engines, or when the version is unknown, --tls alone fails.
tls_roles := {"tls_ca": "TLS CA certificate", "tls_cert": "TLS server certificate", "tls_key": "TLS server key"}

tls_role_names := ["tls_ca", "tls_cert", "tls_key"]

# endpoints: where the API is reachable over TCP, configured or observed.
endpoints := daemon.tcp_addresses | {sprintf("%s (a listening socket of dockerd)", [l]) |
	some l in daemon.unconfigured_listeners
}

is_exposed if count(endpoints) > 0

is_verified_exposure if {
	is_exposed
	daemon.tls_verify
}

tls_state := "TLS verification is explicitly disabled" if {
	daemon.bool_option("tlsverify", "tlsverify") == false
} else := sprintf("TLS is on without client verification (--tls without --tlsverify; %s)", [tls_alone]) if {
	daemon.tls_enabled
} else := "TLS is off"

tls_alone := sprintf("Engine %s verifies clients only with --tlsverify, engines from 20.10 also with --tls alone", [daemon.engine_version]) if {
	daemon.engine_before("20.10.0")
} else := "the engine version is unknown, and engines before 20.10 verify clients only with --tlsverify"

note := sprintf("Engine %s verifies clients with --tls alone, as every engine from 20.10 does: dockerd sets --tlsverify to the value of --tls", [daemon.engine_version]) if {
	is_verified_exposure
	not daemon.tlsverify_set
	not daemon.tls_env
	daemon.tls_implies_verify
}

tls_files := [f | some role in tls_role_names; some f in files.with_role(role)]

missing contains m if some m in daemon.config_missing

# The listening sockets only matter when the configuration names no TCP address.
missing contains m if {
	count(daemon.tcp_addresses) == 0
	some m in daemon.missing_listeners
}

missing contains m if {
	is_verified_exposure
	some m in files.missing(tls_files)
}

missing contains sprintf("files (no %s entry although TLS verification is on)", [role]) if {
	is_verified_exposure
	some role in tls_role_names
	count(files.with_role(role)) == 0
}

not_applicable := sprintf("dockerd does not listen on TCP: its API is only on %s", [concat(", ", daemon.listen_addresses)]) if {
	not is_exposed
	daemon.listeners_known
	count(daemon.config_missing) == 0
}

checked := count(endpoints)

violations contains result.finding(result.daemon, msg, tls_state, "--tlsverify with --tlscacert, --tlscert and --tlskey") if {
	not daemon.tls_verify
	some endpoint in endpoints
	msg := sprintf("dockerd serves its API on %s and %s", [endpoint, tls_state])
}

violations contains result.finding(result.file(f), msg, "absent", "present") if {
	is_verified_exposure
	some role, what in tls_roles
	some f in files.with_role(role)
	f.exists == false
	msg := sprintf("the %s %s that dockerd uses for TLS verification does not exist", [what, f.path])
}

evidence := {
	"listen_addresses": daemon.listen_addresses,
	"tcp_endpoints": sort([e | some e in endpoints]),
	"tls": tls_state,
	"tls_files": {f.role: f.path | some f in tls_files},
	"listeners_of_unknown_owner": [listener | some l in values.items(input.host.listeners); l.process == null; listener := sprintf("%s:%v", [l.address, l.port])],
}
