# METADATA
# title: "Ensure docker exec commands are not used with privileged option"
# custom:
#   id: "5.22"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 2
#   scored: true
#   automated: false
#   severity: high
#   remediation: >-
#     Do not use docker exec --privileged; enforce it with an authorization plugin and audit the
#     docker client.
#   cis_v1_6_0: "5.23"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/container/exec/
package cis_docker_1_1_0.c5_22

import data.lib.containers
import data.lib.result
import data.lib.runtime
import data.lib.values

# Scope: every container (exec instances of stopped containers are gone, their list is empty).
#
# Evidence of `docker exec --privileged`: the exec instances dockerd still remembers
# (ProcessConfig.privileged) and, when collected, the audit records of docker client runs
# (fact host.audit.docker_exec_records, from /var/log/audit/audit.log). Any privileged exec
# found fails.
#
# Nothing found proves little: dockerd lists only running exec instances. So the control
# passes only with an audit trail (the records were collected and a loaded audit rule watches
# the docker client, 1.5) - the benchmark's own audit; without one it is manual, with the
# evidence of what was examined and why it cannot settle the question.
missing contains m if some m in containers.missing_listed

missing contains m if some m in runtime.missing_exec_instances(containers.listed)

# A privileged docker exec in the audit records fails even when no container is left.
not_applicable := containers.none_listed if not has_privileged_record

expected := "docker exec without --privileged"

violations contains result.finding(result.container(c), msg, true, expected) if {
	some c in containers.listed
	not containers.is_uninspected(c)
	some e in values.items(c.exec_instances)
	e.privileged == true
	msg := sprintf("container %s has a privileged exec instance %s (%s)", [containers.name(c), substring(e.id, 0, 12), run_state(e)])
}

violations contains result.finding(result.host, msg, "--privileged", expected) if {
	some r in runtime.exec_records
	runtime.exec_privileged(r.args)
	msg := sprintf("docker exec --privileged was run: %s", [runtime.exec_record_text(r)])
}

has_privileged_record if {
	some r in runtime.exec_records
	runtime.exec_privileged(r.args)
}

run_state(e) := "running" if e.running == true

else := "finished"

manual := "No privileged docker exec was found, but without an audit trail of docker client runs past ones cannot be ruled out: review the docker exec history (e.g. ausearch -k docker | grep exec | grep privileged) and see evidence." if not runtime.has_exec_audit_trail

checked := count(containers.listed) + runtime.exec_record_count

evidence := {
	"containers_examined": count(containers.listed),
	"exec_instances_seen": runtime.exec_instance_count(containers.listed),
	"audit_trail": runtime.exec_audit_state,
	"retention": runtime.exec_retention,
}
