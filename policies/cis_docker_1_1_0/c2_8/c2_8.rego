# METADATA
# title: "Enable user namespace support"
# custom:
#   id: "2.8"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Provide subordinate UID/GID ranges and start the daemon with --userns-remap (e.g.
#     "default"), after checking workload compatibility.
#   cis_v1_6_0: "2.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/userns-remap/
package cis_docker_1_1_0.c2_8

import data.lib.daemon
import data.lib.result
import data.lib.rootless

# Effective: GET /info SecurityOptions lists name=userns when dockerd remaps user namespaces.
# Rootless mode (name=rootless, or a dockerd the collector saw run as a user under rootlesskit:
# lib.rootless) runs the whole daemon in a user namespace, so container root is not host root
# either: it passes too, with or without /info. /info decides when it is there (a userns-remap
# written to daemon.json after dockerd started is not active); without /info, the configured
# --userns-remap / "userns-remap" decides. Containers that opt out (--userns=host) are 5.30.
option_names := {e.name | some e in daemon.security_options}

is_remapped if "userns" in option_names

is_rootless if "rootless" in option_names

is_rootless if rootless.is_rootless

remap := v if {
	v := daemon.string_option("userns-remap", "userns-remap")
	trim_space(v) != ""
}

is_config_known if count(daemon.config_missing) == 0

missing contains m if {
	not daemon.info_known
	not is_config_known
	not is_rootless
	some m in daemon.missing_info | daemon.config_missing
}

violations contains result.finding(result.daemon, msg, options, "name=userns in SecurityOptions") if {
	daemon.info_known
	not is_remapped
	not is_rootless
	options := concat(", ", input.daemon.info.security_options)
	msg := sprintf("user namespace remapping is not active: GET /info SecurityOptions is [%s]%s", [options, configured_note])
}

violations contains result.finding(result.daemon, "user namespace remapping is not configured (--userns-remap / \"userns-remap\")", "not set", "--userns-remap (e.g. default)") if {
	not daemon.info_known
	is_config_known
	not is_rootless
	not remap
}

default configured_note := ""

configured_note := sprintf("; userns-remap is set to %s but dockerd has not applied it (restart needed)", [remap]) if remap

checked := 1

evidence := {"security_options": info_options, "userns_remap": remap_or_null, "rootless": is_rootless_evidence}

default is_rootless_evidence := false

is_rootless_evidence if is_rootless

note := "the daemon is rootless: it runs in a user namespace of its own, so container root is not host root" if is_rootless

default info_options := null

info_options := input.daemon.info.security_options if daemon.info_known

default remap_or_null := null

remap_or_null := v if v := remap
