# METADATA
# title: Audit rules for the Docker API socket file (CIS v1.8.0 1.1.9)
# description: |
#   The check of profiles/cis-docker-1.8.0.yaml's 1.1.9: v1.8.0 audits the docker.sock socket
#   file itself, where v1.1.0's 1.9 (cis_docker_1_1_0.c1_9) and v1.6.0's 1.1.9 audit the
#   docker.socket unit file. The control's identity and prose are the profile's.
package cis_docker_1_8_0.c1_1_9

import data.lib.audit
import data.lib.files

# The default socket, every unix:// address of -H / "hosts" and docker.socket's ListenStream
# (the same files 3.15 and 3.16 judge). No socket exists: not applicable. Rule matching (whole
# paths, a symlink's target, loaded rules else persistent ones, parent watches for review) is
# lib.audit's.
roles := {"docker_sock"}

# One socket reached by two paths (/var/run/docker.sock through the /var/run symlink) once.
sockets := files.sockets(audit.targets(roles))

missing contains m if some m in audit.facts_missing(roles)

not_applicable := sprintf("no Docker API unix socket exists on this host (looked at %s)", [looked_at]) if {
	count(audit.targets(roles)) > 0
	not files.any_unknown(audit.targets(roles))
	count(sockets) == 0
}

looked_at := concat(", ", [f.path | some f in audit.targets(roles)])

violations contains audit.no_rule_finding(f) if {
	some f in sockets
	audit.is_uncovered(f)
}

reviews contains audit.parent_watch_finding(f) if {
	some f in sockets
	audit.is_covered_by_parent(f)
}

checked := count(sockets) if audit.rules_known

evidence := audit.evidence_of(roles)
