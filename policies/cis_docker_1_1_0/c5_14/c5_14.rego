# METADATA
# title: "Ensure 'on-failure' container restart policy is set to '5'"
# custom:
#   id: "5.14"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Use --restart=on-failure:5 (or no restart policy) instead of always/unless-stopped.
#   cis_v1_6_0: "5.15"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/containers/start-containers-automatically/
package cis_docker_1_1_0.c5_14

import data.lib.containers
import data.lib.result

# Scope: every container, running or stopped (the policy decides what happens after a stop).
missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

expected := "on-failure with 1 to 5 retries, or no restart policy"

violations contains result.finding(result.container(c), msg, policy_text(p), expected) if {
	some c in containers.inspected
	p := object.get(c, "restart_policy", {})
	not is_compliant(p)
	msg := sprintf("container %s has restart policy %s: %s", [containers.name(c), policy_text(p), why(p)])
}

# "" and "no": no restart policy is used.
is_compliant(p) if p.name in {"", "no"}

is_compliant(p) if {
	p.name == "on-failure"
	p.maximum_retry_count >= 1
	p.maximum_retry_count <= 5
}

policy_text(p) := sprintf("on-failure:%v", [p.maximum_retry_count]) if p.name == "on-failure"

else := p.name if is_string(p.name)

else := "(unknown)"

why(p) := "it restarts the container without limit" if p.name in {"always", "unless-stopped"}

else := "0 retries means it retries without limit" if {
	p.name == "on-failure"
	p.maximum_retry_count == 0
}

else := "more than 5 retries" if p.name == "on-failure"

else := "not a restart policy this control accepts"
