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

root := [f | some f in dirs; f.path == "/etc/docker/certs.d"]

entries := [f | some f in targets; f.path != "/etc/docker/certs.d"; files.present(f)]

# A directory that could not be listed carries the error: its contents are unknown.
missing contains m if some m in files.missing(targets)

missing contains "files (no certs_d_dir file fact for /etc/docker/certs.d was collected)" if count(root) == 0

not_applicable := "/etc/docker/certs.d does not exist on this host: no registry certificates are configured" if files.absent(root)

not_applicable := "/etc/docker/certs.d is empty: no registry certificates are configured" if {
	files.any_present(root)
	not files.any_unknown(targets)
	count(entries) == 0
}

checked := files.count_present(targets)

violations contains files.owner_finding(f, "root:root") if {
	some f in targets
	files.owner_known(f)
	not files.root_owned(f)
}
