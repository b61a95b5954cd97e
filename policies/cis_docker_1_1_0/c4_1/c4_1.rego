# METADATA
# title: "Ensure a user for the container has been created"
# description: >-
#   Every container, running or stopped (CIS v1.1.0 audits all of them; the seed only the
#   running ones): a stopped container runs as root again the moment it is started. Its
#   Config.User, the image's USER unless --user overrides it, must name a non-root user.
# custom:
#   id: "4.1"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Create an unprivileged account in the image and switch to it with USER (or run with
#     --user), then rebuild and redeploy.
#   cis_v1_6_0: "4.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/dockerfile/#user
#     - https://docs.docker.com/engine/containers/run/#user
#   scope: all containers
package cis_docker_1_1_0.c4_1

import data.lib.containers
import data.lib.result

# containers.missing_listed also names every container whose inspect failed (user unknown).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, user, "a non-root user") if {
	some c in containers.listed
	not containers.is_uninspected(c)
	not runs_as_non_root(c)
	user := object.get(c, "user", "")
	msg := sprintf("container %s runs as %s (status %s)", [containers.name(c), describe(user), c.status])
}

# runs_as_non_root: a user is set and it is neither root nor uid 0, with or without a group
# ("root", "0", "root:<group>", "0:<gid>" and an empty user, the image default root, fail).
runs_as_non_root(c) if {
	trim_space(c.user) != ""
	not trim_space(split(c.user, ":")[0]) in {"root", "0"}
}

describe(user) := "root (no user set: the image default)" if trim_space(user) == ""

else := sprintf("root (user %s)", [user])
