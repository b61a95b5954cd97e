# METADATA
# title: The containerd socket is owned by root:root (CIS v1.6.0 and v1.8.0 3.23)
# description: |
#   The check of the profiles' 3.23, new since v1.1.0: the socket of the containerd dockerd uses
#   is owned by uid 0 and gid 0 (whoever can connect to it controls every container). The
#   sockets judged are those the containerd socket audit control judges: the address GET /info
#   reports (API 1.46+), else the one --containerd configures, else /run/containerd/containerd.sock
#   and <exec-root>/containerd/containerd.sock, each one that exists. None exists: not applicable.
#   A rootless dockerd's containerd runs as its user, looked for in that user's XDG_RUNTIME_DIR
#   (containerd/, and docker/containerd/ for the one dockerd starts): its socket is held to that
#   user, as the daemon's other files are (lib.files), and is missing where that dir is unknown.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c3_23

import data.lib.daemon
import data.lib.files

role := "containerd_sock"

targets := files.with_role(role)

# One socket reached by two paths (under /var/run, a symlink to /run) once.
sockets := files.sockets(targets)

missing contains m if some m in files.owner_missing(targets)

missing contains m if some m in files.role_missing(role)

# A rootless dockerd's containerd listens under its user's XDG_RUNTIME_DIR: missing when that is unknown.
missing contains m if some m in daemon.missing_containerd_socket

not_applicable := sprintf("no containerd socket exists on this host (looked at %s)", [concat(", ", [f.path | some f in targets])]) if {
	count(targets) > 0
	not files.any_unknown(targets)
	count(sockets) == 0
}

checked := count(sockets)

# Who should own each socket (root, or the user a rootless daemon runs as) is lib.files' decision;
# the note names a rootless daemon's socket judged as its user's.
note := files.ownership_note(sockets)

violations contains files.ownership_finding(f) if {
	some f in sockets
	files.wrong_owner(f)
}
