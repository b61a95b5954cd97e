# METADATA
# title: "Ensure the host's user namespaces is not shared"
# custom:
#   id: "5.30"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not start containers with --userns=host.
#   cis_v1_6_0: "5.31"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/userns-remap/#disable-namespace-remapping-for-a-container
package cis_docker_1_1_0.c5_30

import data.lib.containers
import data.lib.daemon
import data.lib.result

# Scope: every container, running or stopped. The benchmark's audit lists running containers
# only, but a stopped container starts again in the host user namespace, so it is reported now.
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, c.userns_mode, "not host") if {
	some c in containers.listed
	c.userns_mode == "host"
	not containers.is_uninspected(c)
	msg := sprintf("container %s shares the host's user namespace (--userns=host, status %s)", [containers.name(c), c.status])
}

# --userns=host opts a container out of userns-remap (2.8); without remapping every container
# uses the host user namespace whatever this control says.
evidence := {"daemon_userns_remap": is_userns_remapped} if daemon.info_known

default is_userns_remapped := false

is_userns_remapped if {
	some opt in input.daemon.info.security_options
	startswith(opt, "name=userns")
}
