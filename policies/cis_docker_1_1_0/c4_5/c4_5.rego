# METADATA
# title: "Ensure Content trust for Docker is Enabled"
# description: >-
#   DOCKER_CONTENT_TRUST is a client setting: the daemon does not expose it. The environments
#   inspected are the auditor's own process and the system-wide login files (/etc/environment,
#   /etc/profile, /etc/profile.d/*.sh). Passes when at least one of them sets the value 1 and
#   none sets another value; each user's shell may still differ (see evidence).
# custom:
#   id: "4.5"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Export DOCKER_CONTENT_TRUST=1 for every account that runs the Docker client (system-wide
#     profile) so only signed images are pulled and run.
#   cis_v1_6_0: "4.5"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/trust/
#   scope: the auditor's environment and system-wide login files
package cis_docker_1_1_0.c4_5

import data.lib.result

settings := [s | some s in input.host.content_trust]

# The collector always records the auditor's own environment ("process", value null when unset);
# without that entry the setting was not collected.
has_process_entry if {
	some s in settings
	s.source == "process"
}

missing contains "host.content_trust (DOCKER_CONTENT_TRUST of the auditor's environment was not recorded)" if {
	not has_process_entry
}

checked := count(settings)

evidence := {"inspected": [{"source": s.source, "value": s.value} | some s in settings]}

is_enabled(s) if s.value == "1"

enabled_somewhere if {
	some s in settings
	is_enabled(s)
}

# A source that sets the variable to anything but 1 disables content trust for its shells.
violations contains result.finding(result.host, msg, s.value, "1") if {
	some s in settings
	is_string(s.value)
	not is_enabled(s)
	msg := sprintf("%s sets DOCKER_CONTENT_TRUST=%s, not 1", [where(s), s.value])
}

violations contains result.finding(result.host, msg, null, "1") if {
	has_process_entry
	not enabled_somewhere
	msg := sprintf("DOCKER_CONTENT_TRUST is not set to 1 in any inspected environment (%v inspected)", [count(settings)])
}

where(s) := "the auditor's environment" if s.source == "process"

else := s.source
