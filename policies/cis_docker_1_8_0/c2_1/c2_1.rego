# METADATA
# title: The Docker daemon runs as a non-root user (rootless mode) (CIS v1.6.0 and v1.8.0 2.1)
# description: |
#   The check of the profiles' 2.1, new since v1.1.0. A daemon in rootless mode says so in GET
#   /info SecurityOptions (name=rootless): it passes. A daemon that runs as root is reported for
#   review (warn), neither failed nor left manual: the benchmark asks for rootless mode "if
#   possible" (a Manual control), and only a person can say whether the workload allows it
#   (rootless mode has no privileged containers, no AppArmor, no overlay networks, ...); but
#   that the daemon runs as root is a fact, and a demanding auditor wants it on the list of
#   findings, named, and either fixed or accepted with a recorded reason (a waiver), not among
#   the controls nobody has looked at. Without GET /info the mode is unknown: missing.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c2_1

import data.lib.daemon
import data.lib.result
import data.lib.values

missing contains m if some m in daemon.missing_info

default rootless := false

rootless if daemon.security_option("rootless")

# userns_remap: user namespace remapping (--userns-remap) maps the containers' root to an
# unprivileged host user; the daemon itself still runs as root.
default userns_remap := false

userns_remap if daemon.security_option("userns")

reviews contains result.finding(result.daemon, msg, security_options, "name=rootless in SecurityOptions") if {
	daemon.info_known
	not rootless
	msg := "dockerd runs as root (GET /info SecurityOptions has no name=rootless): confirm that the workload needs a root daemon and record why, or run the daemon in rootless mode"
}

security_options := [o | some o in values.items(input.daemon.info.security_options)]

checked := 1 if daemon.info_known

evidence := {
	"security_options": security_options,
	"rootless": rootless,
	"userns_remap": userns_remap,
} if daemon.info_known
