# METADATA
# title: "Ensure every container names its owning team"
# description: >-
#   An organisation's own control: every container, running or stopped, carries an `owner`
#   label, so an incident reaches the team that runs it.
# custom:
#   id: "9.1"
#   section: "9"
#   section_title: "Example Corp"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Start containers with --label owner=<team>.
#   references:
#     - https://wiki.example.com/containers/owner-label
package org.c9_1

import data.lib.containers
import data.lib.result

missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, c.labels, "a label owner=<team>") if {
	some c in containers.listed
	not has_owner(c)
	msg := sprintf("container %s has no owner label", [containers.name(c)])
}

has_owner(c) if trim_space(object.get(c.labels, "owner", "")) != ""
