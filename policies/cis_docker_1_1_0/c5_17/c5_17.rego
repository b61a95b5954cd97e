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

reviews contains result.finding(result.container(c), msg, device_text(d), "no host device, or only the needed device with minimal permissions") if {
	some c in containers.inspected
	some d in c.devices
	msg := sprintf("container %s has host device %s%s", [containers.name(c), device_text(d), permission_note(d)])
}

reviews contains result.finding(result.container(c), msg, rule, "no device cgroup rule") if {
	some c in containers.inspected
	some rule in c.device_cgroup_rules
	msg := sprintf("container %s has device cgroup rule %q, which allows host devices without listing them", [containers.name(c), rule])
}

reviews contains result.finding(result.container(c), msg, "privileged", "no host device") if {
	some c in containers.inspected
	c.privileged == true
	msg := sprintf("container %s is privileged: every host device is exposed to it (see the privileged containers control)", [containers.name(c)])
}

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
