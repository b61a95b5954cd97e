# METADATA
# title: Which containers a control looks at
# description: |
#   `listed` is every container, running or stopped (docker ps --all); `running` the running
#   ones, `running_count` how many they are; `inspected` those whose inspect succeeded. The
#   auditor's own container is excluded: the one labelled dockerbench.auditor=true, and the one
#   dockerbench ran in (meta.auditor_container_id, found from its own /proc/self). `collected`
#   is false when the snapshot could not list containers: controls then report the fact as
#   missing (status error), never pass.
#   `port_mapping` writes a published port the same way in every message.
package lib.containers

import data.lib.values

collected if is_array(input.containers)

# listed is input.containers itself unless the auditor's container is among them, so the
# common case builds no new list of 1000 containers.
default listed := []

listed := input.containers if {
	collected
	not has_auditor
}

listed := [c | some c in input.containers; not is_auditor(c)] if {
	collected
	has_auditor
}

has_auditor if {
	some c in values.items(input.containers)
	is_auditor(c)
}

is_auditor(c) if c.labels["dockerbench.auditor"] == "true"

# The container the collector ran in; null (not in a container) or absent matches nothing.
is_auditor(c) if {
	own := input.meta.auditor_container_id
	is_string(own)
	c.id == own
}

# running: the listed containers that run (the scope of controls on running containers).
running := [c | some c in listed; c.running == true]

running_count := count(running)

# inspected: the listed containers whose inspect succeeded (the scope of controls that read
# inspect-only facts; the others are in missing_listed).
inspected := [c | some c in listed; not is_uninspected(c)]

# missing_listed is the `missing` of container controls: the list could not be collected, or
# a container's inspect failed (its facts are then defaults, not observations).
missing_listed contains "containers (the container list could not be collected)" if not collected

missing_listed contains sprintf("container %s (its inspect failed)", [name(c)]) if {
	some c in listed
	is_uninspected(c)
}

missing_listed contains m if some m in short_list

# short_list: the daemon counted more containers (GET /info, read just before the list) than
# the snapshot lists: a list cut short or edited would make every container control look at
# fewer containers than exist.
short_list contains sprintf("containers (the daemon reports %v containers in GET /info but the snapshot lists %v)", [n, count(input.containers)]) if {
	collected
	n := input.daemon.info.containers
	is_number(n)
	n > count(input.containers)
}

# A container whose GET /containers/{id}/json failed carries only the list facts (inspected
# false): missing_listed reports it as missing, and controls that read inspect-only facts leave
# it out of their findings (they iterate `inspected`, or test is_uninspected), since its other
# fields are defaults, not observations. Controls that read list facts only (ports, mounts, networks, image reference)
# use missing_list instead and still decide it.
is_uninspected(c) if c.inspected == false

# missing_list is the `missing` of controls that read only list facts (id, name, image, state,
# labels, ports, mounts, network mode, networks): those are real for a container whose inspect
# failed too, so only a list that could not be collected is missing.
missing_list contains "containers (the container list could not be collected)" if not collected

missing_list contains m if some m in short_list

# none_listed / none_running give the not-applicable reason of the two scopes.
none_listed := "there are no containers on this host" if {
	collected
	count(listed) == 0
}

none_running := "no container is running" if {
	collected
	running_count == 0
}

# name for messages: without the leading slash the Engine API puts there.
name(c) := trim_prefix(c.name, "/")

# port_mapping describes a published port for messages: "0.0.0.0:80->8080/tcp",
# "[::]:443->8443/tcp", "*:53->53/udp" (an empty host IP binds every interface).
port_mapping(p) := sprintf("%s:%v->%v/%s", [host_address(p), p.host_port, p.container_port, p.protocol])

host_address(p) := "*" if p.host_ip == ""

else := sprintf("[%s]", [p.host_ip]) if contains(p.host_ip, ":")

else := p.host_ip
