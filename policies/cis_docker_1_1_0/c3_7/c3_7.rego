# METADATA
# title: "Ensure that registry certificate file ownership is set to root:root"
# custom:
#   id: "3.7"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root every file in each /etc/docker/certs.d/<registry>/ directory.
#   cis_v1_6_0: "3.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/certificates/
package cis_docker_1_1_0.c3_7

import data.lib.files

# /etc/docker/certs.d itself, every directory below it (one per registry) and every file in
# them: whoever owns a directory can replace the certificates inside it.
dirs := files.with_role("certs_d_dir")

targets := array.concat(dirs, files.with_role("certs_d"))

# The walks' tops: /etc/docker/certs.d, and a rootless daemon's certs.d in its config dir
# (~/.config/docker/certs.d, where a rootless dockerd reads registry certificates).
tops := files.walk_tops(dirs)

top_paths := {f.path | some f in tops}

entries := [f | some f in targets; not f.path in top_paths; files.present(f)]

# A directory that could not be listed carries the error: its contents are unknown.
missing contains m if some m in files.owner_missing(targets)

missing contains "files (no certs_d_dir file fact for /etc/docker/certs.d was collected)" if not "/etc/docker/certs.d" in top_paths

not_applicable := sprintf("%s %s not exist on this host: no registry certificates are configured", [files.paths_text(tops), files.agrees(tops, "does", "do")]) if files.absent(tops)

not_applicable := sprintf("%s %s: no registry certificates are configured", [files.paths_text(tops), files.agrees(tops, "is empty", "are empty or absent")]) if {
	files.any_present(tops)
	not files.any_unknown(targets)
	count(entries) == 0
}

checked := files.count_present(targets)

# Who should own each file (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's files judged as its user's.
note := files.ownership_note(targets)

violations contains files.ownership_finding(f) if {
	some f in targets
	files.wrong_owner(f)
}
