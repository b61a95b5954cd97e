# METADATA
# title: "Ensure the default seccomp profile is not Disabled"
# custom:
#   id: "5.21"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not run containers with seccomp unconfined; use the default or a reviewed custom
#     profile.
#   cis_v1_6_0: "5.22"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/seccomp/
package cis_docker_1_1_0.c5_21

import data.lib.containers
import data.lib.daemon
import data.lib.result
import data.lib.runtime

# Scope: every container, running or stopped.
#
# A container's own --security-opt seccomp=unconfined (or the deprecated seccomp:unconfined)
# fails. A container without a seccomp option gets the daemon's default profile, so it fails
# too when that default is disabled: dockerd --seccomp-profile=unconfined, or a daemon without
# seccomp support (/info SecurityOptions has no seccomp entry). A custom profile path passes.
# Privileged containers also run without seccomp; 5.4 decides them (listed in evidence).
missing contains m if some m in containers.missing_listed

# The daemon's default matters only for containers that do not choose a profile themselves.
# (`some _ in`, not count(...) > 0: regopy evaluates a closed expression such as that count
# before the rest of the body, so it would judge every container even when no fact is missing.)
missing contains m if {
	some m in daemon.missing_info
	some _ in defaulted(containers.listed)
}

not_applicable := containers.none_listed

checked := count(containers.listed)

expected := "the default or a custom seccomp profile"

# Arrays, not partial sets: regopy's sets are quadratic in the number of findings. The parts
# and defaulted are functions of the container list, not rules, so the package document does
# not carry copies of the containers.
violations := array.concat(array.concat(own_violations(containers.listed), unconfined_default_violations(containers.listed)), no_seccomp_violations(containers.listed))

# defaulted: the inspected containers that choose no seccomp profile themselves.
defaulted(cs) := [c |
	some c in cs
	count(runtime.security_opt_values(c, "seccomp")) == 0
	not containers.is_uninspected(c)
]

own_violations(cs) := [result.finding(result.container(c), msg, opt, expected) |
	some c in cs
	some opt in c.security_opt
	is_unconfined(opt)
	not containers.is_uninspected(c)
	msg := sprintf("container %s runs with seccomp disabled (--security-opt %s)", [containers.name(c), opt])
]

unconfined_default_violations(cs) := [result.finding(result.container(c), msg, "daemon default: unconfined", expected) |
	daemon_profile == "unconfined"
	some c in defaulted(cs)
	msg := sprintf("container %s has no seccomp option and the daemon's default profile is unconfined (dockerd --seccomp-profile=unconfined)", [containers.name(c)])
]

no_seccomp_violations(cs) := [result.finding(result.container(c), msg, "daemon without seccomp", expected) |
	daemon.info_known
	not daemon_seccomp_entry
	some c in defaulted(cs)
	msg := sprintf("container %s runs without seccomp: the daemon reports no seccomp support (no seccomp entry in SecurityOptions)", [containers.name(c)])
]

is_unconfined(opt) if {
	pair := runtime.security_opt_pair(opt)
	pair[0] == "seccomp"
	pair[1] == "unconfined"
}

# The daemon's seccomp entry: "name=seccomp,profile=<default|builtin|unconfined|path>" (API >=
# 1.26) or the bare "seccomp" of older engines.
daemon_seccomp_entry := sort(entries)[0] if {
	entries := [opt | some opt in input.daemon.info.security_options; is_seccomp_entry(opt)]
	count(entries) > 0
}

is_seccomp_entry(opt) if opt == "seccomp"

is_seccomp_entry(opt) if startswith(opt, "name=seccomp,")

is_seccomp_entry(opt) if opt == "name=seccomp"

daemon_profile := trim_prefix(field, "profile=") if {
	some field in split(daemon_seccomp_entry, ",")
	startswith(field, "profile=")
} else := "default" if daemon_seccomp_entry

evidence := {
	"daemon_seccomp": seccomp_entry_or_null,
	"privileged_containers": sort([containers.name(c) | some c in containers.listed; c.privileged == true; not containers.is_uninspected(c)]),
}

seccomp_entry_or_null := e if e := daemon_seccomp_entry

else := null
