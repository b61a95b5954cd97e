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
missing contains m if {
	some m in daemon.missing_info
	has_defaulted
}

not_applicable := containers.none_listed

checked := count(containers.listed)

expected := "the default or a custom seccomp profile"

violations contains result.finding(result.container(c), msg, opt, expected) if {
	some c in containers.inspected
	some opt in c.security_opt
	is_unconfined(opt)
	msg := sprintf("container %s runs with seccomp disabled (--security-opt %s)", [containers.name(c), opt])
}

violations contains result.finding(result.container(c), msg, "daemon default: unconfined", expected) if {
	daemon_profile == "unconfined"
	some c in containers.inspected
	is_defaulted(c)
	msg := sprintf("container %s has no seccomp option and the daemon's default profile is unconfined (dockerd --seccomp-profile=unconfined)", [containers.name(c)])
}

violations contains result.finding(result.container(c), msg, "daemon without seccomp", expected) if {
	daemon.info_known
	not has_seccomp_entry
	some c in containers.inspected
	is_defaulted(c)
	msg := sprintf("container %s runs without seccomp: the daemon reports no seccomp support (no seccomp entry in SecurityOptions)", [containers.name(c)])
}

# is_defaulted: a container that chooses no seccomp profile itself.
is_defaulted(c) if count(runtime.security_opt_values(c, "seccomp")) == 0

has_defaulted if {
	some c in containers.inspected
	is_defaulted(c)
}

is_unconfined(opt) if runtime.security_opt_pair(opt) == ["seccomp", "unconfined"]

# The daemon's seccomp entry: "name=seccomp,profile=<default|builtin|unconfined|path>" (API >=
# 1.26) or the bare "seccomp" of older engines.
seccomp_entries := {opt | some opt in input.daemon.info.security_options; is_seccomp_entry(opt)}

has_seccomp_entry if count(seccomp_entries) > 0

daemon_seccomp_entry := sort(seccomp_entries)[0] if has_seccomp_entry

is_seccomp_entry(opt) if opt == "seccomp"

is_seccomp_entry(opt) if opt == "name=seccomp"

is_seccomp_entry(opt) if startswith(opt, "name=seccomp,")

daemon_profile := trim_prefix(field, "profile=") if {
	some field in split(daemon_seccomp_entry, ",")
	startswith(field, "profile=")
} else := "default" if has_seccomp_entry

evidence := {
	"daemon_seccomp": seccomp_entry_or_null,
	"privileged_containers": sort([containers.name(c) |
		some c in containers.inspected
		c.privileged == true
	]),
}

default seccomp_entry_or_null := null

seccomp_entry_or_null := daemon_seccomp_entry if has_seccomp_entry
