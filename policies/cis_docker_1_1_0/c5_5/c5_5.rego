# METADATA
# title: "Ensure sensitive host system directories are not mounted on containers"
# description: >-
#   Every container, running or stopped. A bind mount whose host source is /, /boot, /dev,
#   /etc, /lib, /proc, /sys or /usr fails, read-only included (the message says when it is
#   read-write, the more severe case). A bind mount of a path beneath one of them (e.g.
#   /etc/localtime, common and usually benign) is reported for review. Mounts are list facts,
#   so a container whose inspect failed is still checked.
# custom:
#   id: "5.5"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Do not bind-mount sensitive host directories; if unavoidable, mount the narrowest path
#     read-only.
#   cis_v1_6_0: "5.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/storage/bind-mounts/
#   scope: all containers
package cis_docker_1_1_0.c5_5

import data.lib.containers
import data.lib.result

missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

checked := count(containers.listed)

sensitive := {"/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr"}

violations contains result.finding(result.container(c), msg, actual(m), "no bind mount of /, /boot, /dev, /etc, /lib, /proc, /sys or /usr") if {
	some c in containers.listed
	some m in c.mounts
	m.type == "bind"
	source(m) in sensitive
	msg := sprintf("container %s mounts the host directory %s at %s %s (status %s)", [containers.name(c), source(m), m.destination, access(m), c.status])
}

reviews contains result.finding(result.container(c), msg, actual(m), "no bind mount inside a sensitive host directory") if {
	some c in containers.listed
	some m in c.mounts
	m.type == "bind"
	dir := sensitive_parent(source(m))
	msg := sprintf("container %s mounts %s (inside %s) at %s %s (status %s)", [containers.name(c), source(m), dir, m.destination, access(m), c.status])
}

# sensitive_parent: the sensitive directory other than / that path lies inside ("/etc/ssl" -> /etc),
# looked up by the path's first component instead of trying every directory on every mount.
sensitive_parent(path) := sensitive_by_name[parts[1]] if {
	parts := split(path, "/")
	parts[0] == ""
	count(parts) > 2
}

sensitive_by_name := {trim_prefix(dir, "/"): dir | some dir in sensitive; dir != "/"}

# source without a trailing slash ("/etc/" is /etc).
source(m) := "/" if m.source in {"/", "//"}

else := trim_suffix(m.source, "/")

access(m) := "read-write (the more severe case)" if m.rw == true

else := "read-only"

actual(m) := {"source": m.source, "destination": m.destination, "rw": m.rw}
