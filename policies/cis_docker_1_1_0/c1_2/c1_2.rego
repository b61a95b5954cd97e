# METADATA
# title: "Ensure the container host has been Hardened"
# custom:
#   id: "1.2"
#   section: "1"
#   section_title: "Host Configuration"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Harden the host with the applicable OS benchmark, remove unneeded services and packages,
#     and consider a hardened kernel (e.g. grsecurity/PaX).
#   cis_v1_6_0: "1.2.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
package cis_docker_1_1_0.c1_2

# Host hardening is not decidable from Docker state: always manual, with the context a reviewer
# starts from (OS, kernel, LSMs, listening services). Facts that were not collected are null in
# the evidence; they are context, not decision inputs, so they are never `missing`.

manual := "confirm the host is hardened against a recognised baseline for its OS (e.g. the CIS benchmark for the distribution) and runs only the services it needs"

evidence := {
	"os": object.get(input, ["host", "os"], null),
	"kernel_version": object.get(input, ["daemon", "info", "kernel_version"], null),
	"operating_system": object.get(input, ["daemon", "info", "operating_system"], null),
	"apparmor_enabled": object.get(input, ["host", "apparmor_enabled"], null),
	"selinux_enabled": object.get(input, ["host", "selinux_enabled"], null),
	"selinux_enforcing": object.get(input, ["host", "selinux_enforcing"], null),
	"tcp_listeners": listeners,
}

default listeners := null

listeners := [sprintf("%s:%v (%s)", [l.address, l.port, process_name(l)]) | some l in input.host.listeners] if {
	is_array(input.host.listeners)
}

process_name(l) := l.process if is_string(l.process)

else := "unknown process"
