# METADATA
# title: Audit rules for the containerd socket (CIS v1.6.0 and v1.8.0 1.1.8)
# description: |
#   The check of the profiles' 1.1.8, new since v1.1.0: an audit rule must name the socket of
#   the containerd dockerd uses. The collector lists the address GET /info reports (API 1.46+),
#   else the one --containerd / "containerd" configures, else both an older dockerd chooses
#   between: /run/containerd/containerd.sock (a system containerd) and
#   <exec-root>/containerd/containerd.sock (the containerd it starts itself when there is none).
#   Every one of them that exists is judged; none exists: not applicable. A rootless dockerd's
#   containerd listens under its user's XDG_RUNTIME_DIR (containerd/, and docker/containerd/ for
#   the one dockerd starts), looked for there; where that dir is unknown, and GET /info and
#   --containerd do not name the socket, it is missing.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c1_1_8

import data.lib.audit
import data.lib.daemon
import data.lib.files

# Rule matching (whole paths, a symlink's target, loaded rules else persistent ones, parent
# watches for review) is lib.audit's.
roles := {"containerd_sock"}

# One socket reached by two paths (under /var/run, a symlink to /run) once.
sockets := files.sockets(audit.targets(roles))

missing contains m if some m in audit.facts_missing(roles)

# A rootless dockerd's containerd listens under its user's XDG_RUNTIME_DIR: missing when that is unknown.
missing contains m if some m in daemon.missing_containerd_socket

not_applicable := sprintf("no containerd socket exists on this host (looked at %s)", [looked_at]) if {
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
