# METADATA
# title: "Ensure daemon-wide custom seccomp profile is applied, if needed"
# custom:
#   id: "2.16"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Keep the built-in profile or, if the environment needs it, set a reviewed custom profile
#     daemon-wide with --seccomp-profile.
#   cis_v1_6_0: "2.17"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/seccomp/
package cis_docker_1_1_0.c2_16

import data.lib.daemon
import data.lib.result

# GET /info SecurityOptions names the daemon-wide seccomp profile: "name=seccomp,profile=default"
# ("profile=builtin" from Docker 23) is Docker's built-in profile, a path is a custom profile,
# "unconfined" is none at all, and no seccomp entry means dockerd applies no seccomp. Whether a
# custom profile is needed is a judgement: the built-in one is reported for review; a custom
# profile passes; unconfined or no seccomp fails. Without /info, only a configured
# --seccomp-profile / "seccomp-profile" of unconfined can decide (it fails).
builtin_names := {"default", "builtin"}

entries := daemon.security_options_named("seccomp")

# profile of an entry; the bare "seccomp" of old engines is the default profile.
profile(e) := e.profile if is_string(e.profile)

else := "default"

profiles := {profile(e) | some e in entries}

configured := v if v := daemon.string_option("seccomp-profile", "seccomp-profile")

missing contains m if {
	not daemon.info_known
	count(violations) == 0
	some m in daemon.missing_info
}

violations contains result.finding(result.daemon, "dockerd applies no seccomp profile: GET /info SecurityOptions has no seccomp entry (seccomp unsupported or compiled out)", "none", "a seccomp profile") if {
	daemon.info_known
	count(entries) == 0
}

violations contains result.finding(result.daemon, "dockerd's daemon-wide seccomp profile is unconfined: containers run without syscall filtering", "unconfined", "the built-in or a custom seccomp profile") if {
	"unconfined" in profiles
}

violations contains result.finding(result.daemon, "dockerd is configured with --seccomp-profile unconfined: containers run without syscall filtering", "unconfined", "the built-in or a custom seccomp profile") if {
	not daemon.info_known
	configured == "unconfined"
}

reviews contains result.finding(result.daemon, msg, p, "a profile chosen for this environment") if {
	some p in profiles
	p in builtin_names
	msg := sprintf("dockerd uses Docker's built-in seccomp profile (profile=%s): confirm no custom daemon-wide profile is needed", [p])
}

checked := 1

# The built-in profile's name in GET /info depends on the engine: "builtin" from 23.0, "default"
# before; both are the same profile.
builtin_in_use := sort([p | some p in profiles; p in builtin_names])

note := sprintf("Engine %s names Docker's built-in profile \"%s\" in GET /info: \"builtin\" from Engine 23.0, \"default\" before", [daemon.engine_version, builtin_in_use[0]]) if {
	count(builtin_in_use) > 0
}

evidence := {"seccomp_profiles": sort([p | some p in profiles]), "configured_seccomp_profile": configured_or_null}

default configured_or_null := null

configured_or_null := v if v := configured
