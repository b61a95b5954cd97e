# METADATA
# title: "Ensure the container's root filesystem is mounted as read only"
# custom:
#   id: "5.12"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Run containers with --read-only and give them explicit tmpfs or volume mounts for the
#     paths they must write.
#   cis_v1_6_0: "5.13"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/run/#read-only
package cis_docker_1_1_0.c5_12

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped.
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, actual, true) if {
	some c in containers.inspected
	not is_read_only(c)
	actual := object.get(c, "readonly_rootfs", null)
	msg := sprintf("container %s has a writable root filesystem (ReadonlyRootfs %v)", [containers.name(c), actual])
}

is_read_only(c) if c.readonly_rootfs == true
