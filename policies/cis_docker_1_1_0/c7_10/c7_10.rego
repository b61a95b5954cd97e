# METADATA
# title: "Ensure management plane traffic has been separated from data plane traffic"
# description: >-
#   Manual: a reviewer confirms that swarm management traffic (the advertise address, TCP
#   2377 and 7946) and data traffic (overlay networks, VXLAN UDP 4789) travel on separate
#   networks. The Engine API reports the advertise address but not the data-path address
#   (--data-path-addr), so the evidence is this node's advertise address, the host interface
#   that holds it, every interface with its addresses, and (on a manager) every node's address.
# custom:
#   id: "7.10"
#   section: "7"
#   section_title: "Docker Swarm Configuration"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Give the swarm a separate network for data traffic: docker swarm init (or join)
#     --advertise-addr <management interface> --data-path-addr <data interface>.
#   cis_v1_6_0: "7.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/swarm/networking/#use-a-separate-interface-for-control-and-data-traffic
#     - https://docs.docker.com/reference/cli/docker/swarm/init/#data-path-addr
#   scope: swarm node
package cis_docker_1_1_0.c7_10

import data.lib.swarm
import data.lib.values

interfaces_known if is_array(input.host.interfaces)

advertise_known if is_string(input.swarm.node_addr)

missing contains m if some m in swarm.missing

missing contains "host.interfaces (the host's network interfaces could not be read from /proc/net)" if {
	swarm.is_active
	not interfaces_known
}

missing contains "swarm.node_addr (GET /info reported no swarm advertise address)" if {
	swarm.is_active
	not advertise_known
}

not_applicable := swarm.inactive_reason

# advertise_interfaces: the host interfaces holding this node's advertise address.
advertise_interfaces := sort([i.name |
	some i in values.items(input.host.interfaces)
	input.swarm.node_addr in i.addresses
])

interface_text := concat(", ", advertise_interfaces) if count(advertise_interfaces) > 0

else := "none of this host's interfaces: the address may be NATed or on another namespace"

manual := sprintf("this node advertises %s for swarm management (interface %s); the Engine API does not report the data-path address: confirm management traffic (TCP 2377, 7946) and overlay data traffic (UDP 4789) use separate networks (--data-path-addr)", [input.swarm.node_addr, interface_text]) if {
	swarm.is_active
	interfaces_known
	advertise_known
}

node_addresses := [{"hostname": n.hostname, "role": n.role, "addr": n.addr, "manager_addr": n.manager_addr} |
	some n in values.items(input.swarm.node_list)
]

evidence := object.union(swarm.summary, {
	"advertise_interfaces": advertise_interfaces,
	"interfaces": input.host.interfaces,
	"node_addresses": node_addresses,
}) if swarm.is_active
