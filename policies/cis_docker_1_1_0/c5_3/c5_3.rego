# METADATA
# title: "Ensure Linux Kernel Capabilities are restricted within containers"
# description: >-
#   Every container, running or stopped: a capability added with --cap-add beyond Docker's
#   default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD,
#   NET_BIND_SERVICE, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT) fails, as does
#   ALL, unless the organisation allows it (parameter allowed_cap_add; ALL is never allowed).
#   Names compare case-insensitively, with or without CAP_. Privileged containers hold every
#   capability; they are control 5.4's finding and are listed in the evidence, as are the
#   containers that do not drop ALL (the ideal is --cap-drop=all plus only what is needed).
# custom:
#   id: "5.3"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Drop all capabilities and add back only those the process needs; never add broad ones such
#     as SYS_ADMIN without justification.
#   cis_v1_6_0: "5.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
#   scope: all containers
#   parameters: allowed_cap_add
package cis_docker_1_1_0.c5_3

import data.lib.containers
import data.lib.params
import data.lib.result
import data.lib.values

missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

default_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

# allowed: the default set and the names of allowed_cap_add (a value other than a list of names
# allows nothing more).
allowed := default_capabilities | {normal(n) |
	some n in values.items(params.with_default("allowed_cap_add", []))
	is_string(n)
}

# normal: "cap_sys_admin", "CAP_SYS_ADMIN" and "sys_admin" are all "SYS_ADMIN".
normal(name) := trim_prefix(upper(name), "CAP_")

violations contains result.finding(result.container(c), msg, excess, "only capabilities of Docker's default set or allowed_cap_add") if {
	some c in containers.inspected
	excess := sort([normal(n) | some n in c.cap_add; not is_allowed(n)])
	count(excess) > 0
	msg := sprintf("container %s adds capabilities beyond the default set: %s (status %s)", [containers.name(c), concat(", ", excess), c.status])
}

is_allowed(name) if {
	normal(name) != "ALL"
	normal(name) in allowed
}

evidence := {
	"privileged": sort([containers.name(c) | some c in containers.listed; c.privileged == true]),
	"not_dropping_all": sort([containers.name(c) | some c in containers.inspected; not drops_all(c)]),
}

drops_all(c) if {
	some n in c.cap_drop
	normal(n) == "ALL"
}
