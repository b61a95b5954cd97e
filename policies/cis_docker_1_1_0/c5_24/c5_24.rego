# METADATA
# title: "Ensure cgroup usage is confirmed"
# custom:
#   id: "5.24"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Avoid --cgroup-parent on docker run unless a specific, documented cgroup is required.
#   cis_v1_6_0: "5.25"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/run/#specify-custom-cgroups
package cis_docker_1_1_0.c5_24

import data.lib.containers
import data.lib.params
import data.lib.result

# Scope: every container, running or stopped. An empty CgroupParent is Docker's default cgroup
# and passes. A custom parent fails unless the organisation lists it in the parameter
# approved_cgroup_parents (compared without a trailing slash).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

# approved: the organisation's cgroup parents (a list, or a single string), compared without a
# trailing slash.
approved contains normalise(p) if {
	v := params.value("approved_cgroup_parents")
	is_array(v)
	some p in v
}

approved contains normalise(v) if {
	v := params.value("approved_cgroup_parents")
	is_string(v)
}

is_approval_given if params.value("approved_cgroup_parents")

normalise(p) := trim_suffix(p, "/") if p != "/"

else := p

# is_custom: an inspected container with a cgroup parent of its own.
is_custom(c) if {
	c.cgroup_parent != ""
	not containers.is_uninspected(c)
}

violations contains result.finding(result.container(c), msg, c.cgroup_parent, "the default cgroup, or an approved cgroup parent") if {
	some c in containers.listed
	is_custom(c)
	not normalise(c.cgroup_parent) in approved
	msg := sprintf("container %s runs under cgroup parent %s, %s", [containers.name(c), c.cgroup_parent, why_unapproved])
}

why_unapproved := "which is not in approved_cgroup_parents" if is_approval_given

else := "and no approved_cgroup_parents were given"

evidence := {
	"approved_cgroup_parents": approved_evidence,
	"custom_cgroup_parents": {containers.name(c): c.cgroup_parent | some c in containers.listed; is_custom(c)},
}

default approved_evidence := null

# null when the organisation gave no list.
approved_evidence := sort(approved) if is_approval_given
