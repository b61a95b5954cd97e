# METADATA
# title: "Ensure the container is restricted from acquiring additional privileges"
# custom:
#   id: "5.25"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Run containers with --security-opt=no-new-privileges (or enable it daemon-wide).
#   cis_v1_6_0: "5.26"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/run/#security-opt
package cis_docker_1_1_0.c5_25

import data.lib.containers
import data.lib.daemon
import data.lib.result
import data.lib.runtime

# Scope: every container, running or stopped.
#
# The container's own --security-opt no-new-privileges decides when present (bare, =true,
# :true; values parsed like dockerd's strconv.ParseBool; the last entry wins, as in dockerd):
# true passes, false fails, even when the daemon enables it (the container opted out).
#
# Without an entry, the daemon-wide setting (2.18: GET /info SecurityOptions on engines from
# 24.0, else --no-new-privileges / "no-new-privileges": true; lib.daemon.no_new_privileges) is
# accepted as a documented deviation from the literal audit - but dockerd copies it into a
# container only when the container is created, and it does not show in SecurityOpt.
# So a container that relies on it passes only when it was created after the running dockerd
# started (the setting cannot change without a restart); when that cannot be shown
# (daemon.started_unix unknown, or an older container) it is reported for review. Without
# the daemon-wide setting such a container fails.
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

expected := "--security-opt no-new-privileges (true)"

violations contains result.finding(result.container(c), msg, "no-new-privileges=false", expected) if {
	some c in containers.inspected
	runtime.no_new_privileges(c) == false
	msg := sprintf("container %s sets no-new-privileges to false: its processes may gain privileges through setuid/setgid binaries", [containers.name(c)])
}

violations contains result.finding(result.container(c), msg, "not set", expected) if {
	not is_daemon_wide
	some c in containers.inspected
	is_relying(c)
	msg := sprintf("container %s does not set no-new-privileges, and the daemon does not enable it either", [containers.name(c)])
}

reviews contains result.finding(result.container(c), msg, "daemon-wide setting only", expected) if {
	is_daemon_wide
	some c in containers.inspected
	is_relying(c)
	not is_created_under_daemon(c)
	msg := sprintf("container %s relies on the daemon-wide no-new-privileges, which dockerd applies only at creation; it cannot be shown that the setting was on when the container was created", [containers.name(c)])
}

# is_relying: a container that does not set no-new-privileges itself.
is_relying(c) if not has_own_setting(c)

has_own_setting(c) if is_boolean(runtime.no_new_privileges(c))

is_daemon_wide if daemon.no_new_privileges == true

# The fact daemon.started_unix: when the running dockerd started (from
# /proc/<pid>/stat starttime and the boot time).
is_created_under_daemon(c) if {
	is_number(c.created_unix)
	is_number(input.daemon.started_unix)
	c.created_unix >= input.daemon.started_unix
}

evidence := {
	"daemon_no_new_privileges": daemon_setting,
	"accepted_through_daemon_setting": sort([containers.name(c) |
		is_daemon_wide
		some c in containers.inspected
		is_relying(c)
		is_created_under_daemon(c)
	]),
}

default daemon_setting := null

daemon_setting := v if v := daemon.no_new_privileges

note := sprintf("the daemon-wide setting is from GET /info SecurityOptions: Engine %s lists no-new-privileges there when it is on, as every engine from 24.0 does", [daemon.engine_version]) if {
	daemon.info_reports_no_new_privileges
}
