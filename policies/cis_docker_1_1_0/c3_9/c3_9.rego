# METADATA
# title: "Ensure that TLS CA certificate file ownership is set to root:root"
# custom:
#   id: "3.9"
#   section: "3"
#   section_title: "Docker daemon configuration files"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     chown root:root on the daemon's TLS CA certificate file.
#   cis_v1_6_0: "3.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/protect-access/#use-tls-https-to-protect-the-docker-daemon-socket
package cis_docker_1_1_0.c3_9

import data.lib.daemon
import data.lib.files

# Listed by the collector only when configured: the --tlscacert flag or daemon.json key, else
# ca.pem in dockerd's default certificate directory when TLS is on.
targets := files.with_role("tls_ca")

missing contains m if some m in files.owner_missing(targets)

# Without the daemon configuration, "TLS is not configured" cannot be told apart from
# "its configuration could not be read".
missing contains m if {
	count(targets) == 0
	some m in daemon.config_missing
}

not_applicable := "TLS is not configured for dockerd: no TLS CA certificate file is set (--tlscacert / tlscacert) and TLS is off" if {
	count(targets) == 0
	count(daemon.config_missing) == 0
}

not_applicable := sprintf("the TLS CA certificate file %s configured for dockerd does not exist on this host", [targets[0].path]) if files.absent(targets)

checked := files.count_present(targets)

# Who should own each file (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's files judged as its user's.
note := files.ownership_note(targets)

violations contains files.ownership_finding(f) if {
	some f in targets
	files.wrong_owner(f)
}
