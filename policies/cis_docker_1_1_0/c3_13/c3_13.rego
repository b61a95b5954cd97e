# METADATA
# title: "Ensure that Docker server certificate key file ownership is set to root:root"
# custom:
#   id: "3.13"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     chown root:root on the daemon's TLS private key file.
#   cis_v1_6_0: "3.13"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/protect-access/#use-tls-https-to-protect-the-docker-daemon-socket
package cis_docker_1_1_0.c3_13

import data.lib.daemon
import data.lib.files

# Listed by the collector only when configured: the --tlskey flag or daemon.json key, else
# key.pem in dockerd's default certificate directory when TLS is on.
targets := files.with_role("tls_key")

missing contains m if some m in files.owner_missing(targets)

# Without the daemon configuration, "TLS is not configured" cannot be told apart from
# "its configuration could not be read".
missing contains m if {
	count(targets) == 0
	some m in daemon.config_missing
}

not_applicable := "TLS is not configured for dockerd: no server key file is set (--tlskey / tlskey) and TLS is off" if {
	count(targets) == 0
	count(daemon.config_missing) == 0
}

not_applicable := sprintf("the TLS server private key file %s configured for dockerd does not exist on this host", [targets[0].path]) if files.absent(targets)

checked := files.count_present(targets)

# Who should own each file (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's files judged as its user's.
note := files.ownership_note(targets)

violations contains files.ownership_finding(f) if {
	some f in targets
	files.wrong_owner(f)
}
