# METADATA
# title: "Ensure that Docker server certificate file ownership is set to root:root"
# custom:
#   id: "3.11"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root on the daemon's server certificate file.
#   cis_v1_6_0: "3.11"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/protect-access/#use-tls-https-to-protect-the-docker-daemon-socket
package cis_docker_1_1_0.c3_11

import data.lib.daemon
import data.lib.files

# Listed by the collector only when configured: the --tlscert flag or daemon.json key, else
# cert.pem in dockerd's default certificate directory when TLS is on.
targets := files.with_role("tls_cert")

missing contains m if some m in files.owner_missing(targets)

# Without the daemon configuration, "TLS is not configured" cannot be told apart from
# "its configuration could not be read".
missing contains m if {
	count(targets) == 0
	some m in daemon.config_missing
}

not_applicable := "TLS is not configured for dockerd: no server certificate file is set (--tlscert / tlscert) and TLS is off" if {
	count(targets) == 0
	count(daemon.config_missing) == 0
}

not_applicable := sprintf("the TLS server certificate file %s configured for dockerd does not exist on this host", [targets[0].path]) if files.absent(targets)

checked := files.count_present(targets)

# Who should own each file (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's files judged as its user's.
note := files.ownership_note(targets)

violations contains files.ownership_finding(f) if {
	some f in targets
	files.wrong_owner(f)
}
