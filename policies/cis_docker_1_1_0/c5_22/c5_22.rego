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
# (no readable /var/log/audit/audit.log). Any privileged exec found fails.
#
# Nothing found proves little: dockerd lists only running exec instances. So the control
# passes only with an audit trail (the records were collected and a loaded audit rule watches
# the docker client, 1.5) - the benchmark's own audit; without one it is manual, with the
# evidence of what was examined and why it cannot settle the question.
missing contains m if some m in containers.missing_listed

missing contains m if some m in runtime.missing_exec_instances(containers.listed)

not_applicable := reason if {
	reason := containers.none_listed
	count(record_findings) == 0
}

expected := "docker exec without --privileged"

# Arrays, not partial sets: regopy's sets are quadratic in the number of findings.
violations := array.concat(instance_findings(containers.listed), record_findings)

instance_findings(cs) := [result.finding(result.container(c), msg, true, expected) |
	some c in cs
	some e in values.items(c.exec_instances)
	not containers.is_uninspected(c)
	e.privileged == true
	msg := sprintf("container %s has a privileged exec instance %s (%s)", [containers.name(c), substring(e.id, 0, 12), run_state(e)])
]

record_findings := [result.finding(result.host, msg, "--privileged", expected) |
	some r in runtime.exec_records
	runtime.exec_privileged(r.args)
	msg := concat("", ["docker exec --privileged was run: ", runtime.exec_record_text(r)])
]

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
