# METADATA
# title: "Ensure host devices are not directly exposed to containers"
# custom:
#   id: "5.17"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: false
#   automated: true
#   severity: low
#   remediation: >-
#     Avoid --device; when a device is unavoidable, pass only that device with the least
#     permissions needed.
#   cis_v1_6_0: "5.18"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/run/#device
package cis_docker_1_1_0.c5_17

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped. Informational (not scored): every host device a
# container reaches is listed for review, with its permissions; "w" and "m" (mknod) deserve a
# reason. A device cgroup rule opens devices without listing them, and a privileged container
# reaches every host device (5.4 decides privileged containers; it is repeated here so the
# device review is complete).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

# Arrays, not partial sets: regopy's sets are quadratic in the number of findings. The parts
# are functions of the container list, not rules, so the package document holds only the
# contract's rules.
reviews := array.concat(array.concat(device_reviews(containers.listed), cgroup_rule_reviews(containers.listed)), privileged_reviews(containers.listed))

device_reviews(cs) := [result.finding(result.container(c), msg, device_text(d), "no host device, or only the needed device with minimal permissions") |
	some c in cs
	some d in c.devices
	not containers.is_uninspected(c)
	msg := sprintf("container %s has host device %s%s", [containers.name(c), device_text(d), permission_note(d)])
]

# not %q: regopy 1.5 prints it unquoted
cgroup_rule_reviews(cs) := [result.finding(result.container(c), msg, rule, "no device cgroup rule") |
	some c in cs
	some rule in c.device_cgroup_rules
	not containers.is_uninspected(c)
	msg := sprintf("container %s has device cgroup rule \"%s\", which allows host devices without listing them", [containers.name(c), rule])
]

privileged_reviews(cs) := [result.finding(result.container(c), msg, "privileged", "no host device") |
	some c in cs
	c.privileged == true
	not containers.is_uninspected(c)
	msg := sprintf("container %s is privileged: every host device is exposed to it (see 5.4)", [containers.name(c)])
]

device_text(d) := sprintf("%s -> %s (%s)", [d.path_on_host, d.path_in_container, permissions(d)])

permissions(d) := d.cgroup_permissions if d.cgroup_permissions != ""

else := "rwm"

permission_note(d) := ", with write and mknod permissions" if {
	contains(permissions(d), "w")
	contains(permissions(d), "m")
}

else := ", with mknod permission" if contains(permissions(d), "m")

else := ", with write permission" if contains(permissions(d), "w")

else := ""
