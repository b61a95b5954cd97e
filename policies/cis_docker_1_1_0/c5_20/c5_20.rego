# METADATA
# title: "Ensure the host's UTS namespace is not shared"
# custom:
#   id: "5.20"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Do not start containers with --uts=host.
#   cis_v1_6_0: "5.21"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/run/
package cis_docker_1_1_0.c5_20

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped (a stopped one rejoins the namespace on start).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, c.uts_mode, "not host") if {
	some c in containers.listed
	c.uts_mode == "host"
	not containers.is_uninspected(c)
	msg := sprintf("container %s shares the host's UTS namespace (--uts=host, status %s)", [containers.name(c), c.status])
}
