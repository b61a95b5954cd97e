# METADATA
# title: "Ensure the host's network namespace is not shared"
# description: >-
#   Every container, running or stopped: network mode "host" fails, and so does
#   "container:<name|id>" when that container itself uses the host's network namespace (the
#   namespace is then shared at one remove). The network mode is a list fact, so a container
#   whose inspect failed is checked too.
# custom:
#   id: "5.9"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not start containers with --net=host / --network host.
#   cis_v1_6_0: "5.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/network/drivers/host/
#   scope: all containers
package cis_docker_1_1_0.c5_9

import data.lib.containers
import data.lib.result
import data.lib.values

missing contains "containers (the container list could not be collected)" if not containers.collected

not_applicable := containers.none_listed

checked := count(containers.listed)

# Arrays, not sets: regopy's sets are quadratic in their size (one finding per container).
violations := array.concat(host_mode_violations, joined_host_violations)

host_mode_violations := [result.finding(result.container(c), msg, c.network_mode, "a network mode other than host") |
	some c in containers.listed
	c.network_mode == "host"
	msg := sprintf("container %s shares the host's network namespace (network mode host, status %s)", [containers.name(c), c.status])
]

joined_host_violations := [result.finding(result.container(c), msg, c.network_mode, "a network mode other than host") |
	some c in joiners
	some other in host_network
	is_reference(other, substring(c.network_mode, 10, count(c.network_mode) - 10))
	msg := sprintf("container %s shares the host's network namespace through container %s (network mode %s, status %s)", [containers.name(c), containers.name(other), c.network_mode, c.status])
]

# joiners: the containers in another container's network namespace, found first (regopy pairs
# every listed container with every host-network container before it filters on the mode).
joiners := [c | some c in containers.listed; startswith(c.network_mode, "container:")]

# is_reference: the name or the (possibly shortened) id in "container:<ref>" names the container.
# The host-network containers, found once (a loop over all containers per container was quadratic).
host_network := [o | some o in values.items(input.containers); o.network_mode == "host"]

is_reference(other, ref) if containers.name(other) == trim_prefix(ref, "/")

is_reference(other, ref) if {
	count(ref) >= 12
	startswith(other.id, ref)
}
