# METADATA
# title: "Ensure that daemon.json file ownership is set to root:root"
# custom:
#   id: "3.17"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root the daemon configuration file.
#   cis_v1_6_0: "3.17"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/daemon/#configuration-file
package cis_docker_1_1_0.c3_17

import data.lib.daemon
import data.lib.files

# The file dockerd was started with (--config-file), else /etc/docker/daemon.json.
role := "daemon_json"

targets := files.with_role(role)

missing contains m if some m in files.owner_missing(targets)

missing contains m if some m in files.role_missing(role)

# Without the command line a custom --config-file is unknown: an absent default file alone
# does not show that dockerd reads no configuration file.
missing contains "daemon.argv (the dockerd command line could not be read, so --config-file is unknown)" if {
	count(targets) > 0
	not files.any_present(targets)
	not daemon.argv_known
}

not_applicable := sprintf("the daemon configuration file %s does not exist on this host", [targets[0].path]) if {
	daemon.argv_known
	files.absent(targets)
}

checked := files.count_present(targets)

# Who should own each file (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's files judged as its user's.
note := files.ownership_note(targets)

violations contains files.ownership_finding(f) if {
	some f in targets
	files.wrong_owner(f)
}
