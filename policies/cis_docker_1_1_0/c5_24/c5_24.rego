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

approved := {normalise(p) | some p in approved_list}

approved_list := v if {
	v := params.value("approved_cgroup_parents")
	is_array(v)
} else := [v] if {
	v := params.value("approved_cgroup_parents")
	is_string(v)
} else := []

is_approval_given if params.value("approved_cgroup_parents")

normalise(p) := trim_suffix(p, "/") if p != "/"

else := p

# custom: the inspected containers with a cgroup parent of their own. A function of the container
# list, not a rule, so the package document does not carry copies of the containers.
custom(cs) := [c | some c in cs; c.cgroup_parent != ""; not containers.is_uninspected(c)]

# An array, not a partial set: regopy's sets are quadratic in the number of findings.
violations := [result.finding(result.container(c), msg, c.cgroup_parent, "the default cgroup, or an approved cgroup parent") |
	some c in custom(containers.listed)
	not normalise(c.cgroup_parent) in approved
	msg := sprintf("container %s runs under cgroup parent %s, %s", [containers.name(c), c.cgroup_parent, why_unapproved])
]

why_unapproved := "which is not in approved_cgroup_parents" if is_approval_given

else := "and no approved_cgroup_parents were given"

evidence := {
	"approved_cgroup_parents": approved_evidence,
	"custom_cgroup_parents": {containers.name(c): c.cgroup_parent | some c in custom(containers.listed)},
}

# null when the organisation gave no list. (Sorting a set breaks comparisons in regopy 1.5:
# the set is turned into an array first.)
approved_evidence := sort([p | some p in approved]) if is_approval_given

else := null
