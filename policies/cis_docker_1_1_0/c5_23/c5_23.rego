# METADATA
# title: "Ensure docker exec commands are not used with user option"
# custom:
#   id: "5.23"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: true
#   automated: false
#   severity: medium
#   remediation: >-
#     Do not use docker exec --user (in particular as root); restrict it with an authorization
#     plugin and audit the docker client.
#   cis_v1_6_0: "5.24"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/exec/
package cis_docker_1_1_0.c5_23

import data.lib.containers
import data.lib.result
import data.lib.runtime
import data.lib.values

# Scope: every container (exec instances of stopped containers are gone, their list is empty).
#
# v1.1.0 wording: any `docker exec --user` fails (v1.6.0 narrows it to --user=root; root is
# named in the message). Evidence: the exec instances dockerd still remembers and, when
# collected, the audit records of docker client runs (fact
# host.audit.docker_exec_records). dockerd fills an exec instance's user with the container's
# own Config.User when --user is not given, so an instance counts only when its user differs
# from the container's.
#
# Nothing found proves little: dockerd lists only running exec instances. So the control
# passes only with an audit trail (the records were collected and a loaded audit rule watches
# the docker client, 1.5); without one it is manual, with the evidence of what was examined.
missing contains m if some m in containers.missing_listed

missing contains m if some m in runtime.missing_exec_instances(containers.listed)

# A docker exec --user in the audit records fails even when no container is left.
not_applicable := containers.none_listed if not has_user_record

expected := "docker exec without --user"

violations contains result.finding(result.container(c), msg, e.user, expected) if {
	some c in containers.listed
	not containers.is_uninspected(c)
	some e in values.items(c.exec_instances)
	e.user != ""
	e.user != c.user
	msg := sprintf("container %s has an exec instance %s (%s) run with --user %s%s", [containers.name(c), substring(e.id, 0, 12), run_state(e), e.user, root_note(e.user)])
}

violations contains result.finding(result.host, msg, "--user", expected) if {
	some r in runtime.exec_records
	runtime.exec_user(r.args)
	msg := sprintf("docker exec --user was run: %s", [runtime.exec_record_text(r)])
}

has_user_record if {
	some r in runtime.exec_records
	runtime.exec_user(r.args)
}

root_note(user) := " (root)" if runtime.is_root_user(user)

else := ""

run_state(e) := "running" if e.running == true

else := "finished"

manual := "No docker exec with --user was found, but without an audit trail of docker client runs past ones cannot be ruled out: review the docker exec history (e.g. ausearch -k docker | grep exec | grep user) and see evidence." if not runtime.has_exec_audit_trail

checked := count(containers.listed) + runtime.exec_record_count

evidence := {
	"containers_examined": count(containers.listed),
	"exec_instances_seen": runtime.exec_instance_count(containers.listed),
	"audit_trail": runtime.exec_audit_state,
	"retention": runtime.exec_retention,
}
