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

missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

checked := count(containers.listed)

expected := "a network mode other than host"

violations contains result.finding(result.container(c), msg, c.network_mode, expected) if {
	some c in containers.listed
	c.network_mode == "host"
	msg := sprintf("container %s shares the host's network namespace (network mode host, status %s)", [containers.name(c), c.status])
}

violations contains result.finding(result.container(c), msg, c.network_mode, expected) if {
	some c in containers.listed
	startswith(c.network_mode, "container:")
	ref := substring(c.network_mode, 10, -1)
	some [id, other] in host_network
	is_reference(ref, id, other)
	msg := sprintf("container %s shares the host's network namespace through container %s (network mode %s, status %s)", [containers.name(c), other, c.network_mode, c.status])
}

# host_network: [id, name] of every container in the host's network namespace, the auditor's
# included (joining it shares the namespace too).
host_network contains [o.id, containers.name(o)] if {
	some o in values.items(input.containers)
	o.network_mode == "host"
}

# is_reference: the name or the (possibly shortened) id in "container:<ref>" names the container.
is_reference(ref, _, name) if trim_prefix(ref, "/") == name

is_reference(ref, id, _) if {
	count(ref) >= 12
	startswith(id, ref)
}
