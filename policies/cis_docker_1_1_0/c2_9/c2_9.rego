# METADATA
# title: "Ensure the default cgroup usage has been confirmed"
# custom:
#   id: "2.9"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Keep the default cgroup parent unless there is a reason; if a custom parent is needed, set
#     it deliberately and document it.
#   cis_v1_6_0: "2.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/dockerd/#default-cgroup-parent
package cis_docker_1_1_0.c2_9

import data.lib.daemon
import data.lib.params
import data.lib.result

# --cgroup-parent / "cgroup-parent". Unset, or set to the default parent of the cgroup driver
# (/docker with cgroupfs, system.slice with systemd; driver from GET /info CgroupDriver),
# passes. A custom parent passes when the organisation lists it in approved_cgroup_parents
# (compared without a trailing slash) and fails when it does not; with no list given it is
# a review: someone has to confirm it is the intended cgroup.
parent := v if {
	v := daemon.string_option("cgroup-parent", "cgroup-parent")
	trim_space(v) != ""
}

driver_defaults := {"cgroupfs": "/docker", "systemd": "system.slice"}

is_driver_default if normalise(parent) == driver_defaults[input.daemon.info.cgroup_driver]

approved := {normalise(p) | some p in approved_list}

default approved_list := []

approved_list := v if {
	v := params.value("approved_cgroup_parents")
	is_array(v)
} else := [v] if {
	v := params.value("approved_cgroup_parents")
	is_string(v)
}

is_approval_given if params.value("approved_cgroup_parents")

normalise(p) := trim_suffix(p, "/") if p != "/"

else := p

is_custom if {
	parent
	not is_driver_default
}

missing contains m if some m in daemon.config_missing

violations contains result.finding(result.daemon, msg, parent, "the default cgroup parent, or one in approved_cgroup_parents") if {
	is_custom
	is_approval_given
	not normalise(parent) in approved
	msg := sprintf("dockerd puts containers under cgroup parent %s, which is not in approved_cgroup_parents", [parent])
}

reviews contains result.finding(result.daemon, msg, parent, "a cgroup parent the organisation confirms") if {
	is_custom
	not is_approval_given
	msg := sprintf("dockerd puts containers under the custom cgroup parent %s: confirm it is intended (or list it in approved_cgroup_parents)", [parent])
}

checked := 1

evidence := {
	"cgroup_parent": parent_or_null,
	"cgroup_driver": driver_or_null,
	"approved_cgroup_parents": approved_evidence,
}

default parent_or_null := null

parent_or_null := v if v := parent

default driver_or_null := null

driver_or_null := input.daemon.info.cgroup_driver if daemon.info_known

default approved_evidence := null

approved_evidence := sort([p | some p in approved]) if is_approval_given
