# METADATA
# title: "Ensure AppArmor Profile is Enabled"
# description: >-
#   Applies where the Docker daemon confines containers with AppArmor: the host has AppArmor
#   enabled (/sys/module/apparmor/parameters/enabled), or the daemon reports name=apparmor in
#   its SecurityOptions (which it does only when the kernel supports it). Every container,
#   running or stopped, must then have a profile other than "unconfined"; an empty profile
#   fails too. Privileged containers always run unconfined.
# custom:
#   id: "5.1"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Enable AppArmor on the host and run containers under docker-default or a tailored
#     enforcing profile (--security-opt apparmor=<profile>).
#   cis_v1_6_0: "5.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/apparmor/
#   scope: all containers
package cis_docker_1_1_0.c5_1

import data.lib.containers
import data.lib.daemon
import data.lib.result

host_enabled if input.host.apparmor_enabled == true

host_disabled if input.host.apparmor_enabled == false

daemon_uses_apparmor if {
	daemon.info_known
	daemon.security_option("apparmor")
}

applicable if host_enabled

applicable if daemon_uses_apparmor

missing contains m if {
	applicable
	some m in containers.missing_listed
}

missing contains "host.apparmor_enabled and daemon.info (whether AppArmor is in use is unknown)" if {
	not applicable
	not host_disabled
	not daemon.info_known
}

not_applicable := "AppArmor is not enabled on this host (/sys/module/apparmor/parameters/enabled)" if {
	not applicable
	host_disabled
} else := "the Docker daemon does not use AppArmor (no name=apparmor in its SecurityOptions)" if {
	not applicable
	daemon.info_known
} else := containers.none_listed if applicable

checked := count(containers.listed) if applicable

violations contains result.finding(result.container(c), msg, profile(c), "docker-default or a custom profile") if {
	applicable
	some c in containers.inspected
	not is_confined(c)
	msg := sprintf("container %s runs without an AppArmor profile (%s, status %s)", [containers.name(c), describe(c), c.status])
}

profile(c) := object.get(c, "apparmor_profile", "")

# is_confined: a profile other than "unconfined" (an empty profile means none was applied).
is_confined(c) if {
	c.apparmor_profile != ""
	c.apparmor_profile != "unconfined"
}

describe(c) := "privileged, so unconfined" if c.privileged == true

else := "profile unconfined" if c.apparmor_profile == "unconfined"

else := "no profile"
