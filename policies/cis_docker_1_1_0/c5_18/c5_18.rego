# METADATA
# title: "Ensure the default ulimit is overwritten at runtime, only if needed"
# custom:
#   id: "5.18"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Rely on daemon default ulimits and override per container only when required.
#   cis_v1_6_0: "5.19"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/run/#ulimit
package cis_docker_1_1_0.c5_18

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped. Informational (not scored): a container that
# overrides the daemon's default ulimits is listed for review, with its overrides.
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

reviews contains result.finding(result.container(c), msg, limits, "the daemon's default ulimits (no override)") if {
	some c in containers.inspected
	count(c.ulimits) > 0
	limits := sort([sprintf("%s=%v:%v", [u.name, u.soft, u.hard]) | some u in c.ulimits])
	msg := sprintf("container %s overrides the default ulimits: %s; confirm each is needed", [containers.name(c), concat(", ", limits)])
}
