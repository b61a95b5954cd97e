# METADATA
# title: "Ensure SELinux security options are set, if applicable"
# description: >-
#   Applies where the daemon labels containers with SELinux: its SecurityOptions carry
#   name=selinux, which dockerd reports only when SELinux is enabled on the host and dockerd runs
#   with --selinux-enabled (or "selinux-enabled": true). Every container, running or stopped,
#   must then be confined: no label=disable (or the older label:disable), no unconfined type
#   (spc_t, unconfined_t), not privileged, and a process label (explicit label=… options or
#   the daemon's automatic label; containers relying on the automatic label are listed in the
#   evidence).
# custom:
#   id: "5.2"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     On SELinux hosts enable SELinux support in the daemon and start containers with
#     appropriate label options; never use label=disable.
#   cis_v1_6_0: "5.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/run/#security-opt
#   scope: all containers
package cis_docker_1_1_0.c5_2

import data.lib.containers
import data.lib.daemon
import data.lib.result

host_disabled if input.host.selinux_enabled == false

applicable if {
	daemon.info_known
	daemon.security_option("selinux")
}

missing contains m if {
	applicable
	some m in containers.missing_listed
}

missing contains m if {
	not host_disabled
	some m in daemon.missing_info
}

not_applicable := "SELinux is not enabled on this host (/sys/fs/selinux)" if {
	not applicable
	host_disabled
} else := "the Docker daemon does not label containers with SELinux (no name=selinux in its SecurityOptions: dockerd runs without --selinux-enabled)" if {
	not applicable
	daemon.info_known
} else := containers.none_listed if applicable

checked := count(containers.listed) if applicable

violations contains result.finding(result.container(c), msg, actual(c), expected) if {
	applicable
	some c in containers.inspected
	some problem in problems(c)
	msg := sprintf("container %s is not SELinux-confined: %s (status %s)", [containers.name(c), problem, c.status])
}

expected := "SELinux label options (label=user:/role:/type:/level:) and no label=disable"

evidence := {"automatic_label_only": sort([containers.name(c) |
	applicable
	some c in containers.inspected
	count(problems(c)) == 0
	count(label_values(c)) == 0
])}

# The container's options and process label; absent ones read as Docker's defaults (none), so
# an absent field cannot pass.
security_opt(c) := object.get(c, "security_opt", [])

process_label(c) := object.get(c, "process_label", "")

# label_values: the values of the container's label options ("disable", "type:svirt_apache_t").
label_values(c) := [substring(opt, 6, -1) |
	some opt in security_opt(c)
	is_label_option(opt)
]

is_label_option(opt) if startswith(opt, "label=")

is_label_option(opt) if startswith(opt, "label:")

unconfined_types := {"spc_t", "unconfined_t"}

# problems: why the container is not confined (empty when it is).
problems(c) := ((disabled(c) | unconfined_type(c)) | privileged(c)) | unlabelled(c)

disabled(c) := {"label=disable" | "disable" in label_values(c)}

unconfined_type(c) := {sprintf("unconfined SELinux type %s", [t]) | some t in unconfined_types; has_type(c, t)}

privileged(c) := {"privileged (SELinux labelling is off)" | is_privileged(c)}

unlabelled(c) := {"no process label" |
	process_label(c) == ""
	not "disable" in label_values(c)
	not is_privileged(c)
}

is_privileged(c) if c.privileged == true

has_type(c, t) if sprintf("type:%s", [t]) in label_values(c)

has_type(c, t) if contains(process_label(c), sprintf(":%s:", [t]))

actual(c) := {"security_opt": security_opt(c), "process_label": process_label(c)}
