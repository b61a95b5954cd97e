# METADATA
# title: "Ensure that registry certificate file permissions are set to 444 or more restrictive"
# custom:
#   id: "3.8"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chmod 444 (or stricter) every file in each /etc/docker/certs.d/<registry>/ directory.
#   cis_v1_6_0: "3.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/certificates/
package cis_docker_1_1_0.c3_8

import data.lib.files

# Every file below /etc/docker/certs.d and a rootless daemon's certs.d (ca.crt, client *.cert
# and *.key); directories need their x bit and are not held to 0444.
dirs := files.with_role("certs_d_dir")

targets := files.with_role("certs_d")

listed := array.concat(dirs, targets)

# The walks' tops: /etc/docker/certs.d, and a rootless daemon's certs.d in its config dir
# (~/.config/docker/certs.d, where a rootless dockerd reads registry certificates).
tops := files.walk_tops(dirs)

# A directory that could not be listed carries the error: the files in it are unknown.
missing contains m if some m in files.missing(listed)

missing contains "files (no certs_d_dir file fact for /etc/docker/certs.d was collected)" if {
	not "/etc/docker/certs.d" in {f.path | some f in tops}
}

not_applicable := sprintf("%s %s not exist on this host: no registry certificates are configured", [files.paths_text(tops), files.agrees(tops, "does", "do")]) if files.absent(tops)

not_applicable := sprintf("%s %s no files: no registry certificates are configured", [files.paths_text(tops), files.agrees(tops, "holds", "hold")]) if {
	files.any_present(tops)
	not files.any_unknown(listed)
	not files.any_present(targets)
}

checked := files.count_present(targets)

violations contains files.mode_finding(f, 292) if {
	some f in targets
	files.mode_known(f)
	not files.at_most(f.mode, 292) # 0o444
}
