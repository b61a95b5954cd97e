# METADATA
# title: Which containers a control looks at
# description: |
#   `listed` is every container, running or stopped (docker ps --all); `running` only the
#   running ones. The auditor's own container (label dockerbench.auditor=true) is excluded.
#   `collected` is false when the snapshot could not list containers: controls then report
#   the fact as missing (status error), never pass.
package lib.containers

collected if is_array(input.containers)

# Arrays, not sets: a set of whole container objects costs regopy a deep comparison per
# insertion, which made every container control quadratic in practice.
listed := [c | some c in input.containers; not is_auditor(c)] if collected

else := []

running := [c | some c in listed; c.running == true]

is_auditor(c) if object.get(c.labels, "dockerbench.auditor", "") == "true"

# missing_listed is the `missing` set of container controls: the list could not be collected,
# or a container's inspect failed (its facts are then defaults, not observations).
missing_listed contains "containers (the container list could not be collected)" if not collected

missing_listed contains sprintf("container %s (its inspect failed)", [name(c)]) if {
	some c in listed
	c.inspected == false
}

# none_listed / none_running give the not-applicable reason of the two scopes.
none_listed := "there are no containers on this host" if {
	collected
	count(listed) == 0
}

none_running := "no container is running" if {
	collected
	count(running) == 0
}

# name for messages: without the leading slash the Engine API puts there.
name(c) := trim_prefix(c.name, "/")
