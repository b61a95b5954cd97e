# METADATA
# title: The containerd socket permissions are 660 or more restrictive (CIS v1.6.0 and v1.8.0 3.24)
# description: |
#   The check of the profiles' 3.24, new since v1.1.0: the socket of the containerd dockerd uses
#   sets no permission bit outside 0660 (no access for other users). The sockets judged are
#   those the containerd socket audit control judges: the address GET /info reports (API
#   1.46+), else the one --containerd configures, else /run/containerd/containerd.sock and
#   <exec-root>/containerd/containerd.sock, each one that exists. None exists: not applicable.
#   A rootless dockerd's containerd socket is looked for in its user's XDG_RUNTIME_DIR
#   (containerd/, and docker/containerd/ for the one dockerd starts), and is missing where that
#   dir is unknown.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c3_24

import data.lib.daemon
import data.lib.files

role := "containerd_sock"

targets := files.with_role(role)

# One socket reached by two paths (under /var/run, a symlink to /run) once.
sockets := files.sockets(targets)

missing contains m if some m in files.missing(targets)

missing contains m if some m in files.role_missing(role)

# A rootless dockerd's containerd listens under its user's XDG_RUNTIME_DIR: missing when that is unknown.
missing contains m if some m in daemon.missing_containerd_socket

not_applicable := sprintf("no containerd socket exists on this host (looked at %s)", [concat(", ", [f.path | some f in targets])]) if {
	count(targets) > 0
	not files.any_unknown(targets)
	count(sockets) == 0
}

checked := count(sockets)

violations contains files.mode_finding(f, 432) if {
	some f in sockets
	files.mode_known(f)
	not files.at_most(f.mode, 432) # 0o660
}
