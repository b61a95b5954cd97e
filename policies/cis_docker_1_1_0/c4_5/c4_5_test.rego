package cis_docker_1_1_0.c4_5_test

import data.cis_docker_1_1_0.c4_5
import data.lib.result

process_on := {"source": "process", "value": "1"}

process_unset := {"source": "process", "value": null}

process_off := {"source": "process", "value": "0"}

profile_on := {"source": "/etc/profile.d/docker.sh", "value": "1"}

environment_off := {"source": "/etc/environment", "value": "0"}

host := {"kind": "host", "id": "h1", "name": "h1"}

not_set_anywhere := {"resource": host, "message": "DOCKER_CONTENT_TRUST is not set to 1 in any inspected environment (1 inspected)"}

test_enabled_in_the_auditor_environment_passes if {
	c4_5.violations == set() with input.host.content_trust as [process_on]
	c4_5.checked == 1 with input.host.content_trust as [process_on]
	c4_5.missing == set() with input.host.content_trust as [process_on]
}

test_system_wide_profile_enables_it if {
	c4_5.violations == set() with input.host.content_trust as [process_unset, profile_on]
	c4_5.checked == 2 with input.host.content_trust as [process_unset, profile_on]
}

test_unset_everywhere_fails if {
	vs := c4_5.violations with input.host.content_trust as [process_unset] with input.meta as {"hostname": "h1"}
	vs == {{
		"resource": host,
		"message": "DOCKER_CONTENT_TRUST is not set to 1 in any inspected environment (1 inspected)",
		"actual": null, "expected": "1",
	}}
}

test_zero_in_the_auditor_environment_fails if {
	vs := c4_5.violations with input.host.content_trust as [process_off] with input.meta as {"hostname": "h1"}
	result.brief(vs) == {
		{"resource": host, "message": "the auditor's environment sets DOCKER_CONTENT_TRUST=0, not 1"},
		not_set_anywhere,
	}
}

test_a_login_file_that_disables_it_fails_although_the_process_enables_it if {
	vs := c4_5.violations with input.host.content_trust as [process_on, environment_off] with input.meta as {"hostname": "h1"}
	vs == {{
		"resource": host,
		"message": "/etc/environment sets DOCKER_CONTENT_TRUST=0, not 1",
		"actual": "0", "expected": "1",
	}}
}

test_true_is_not_1 if {
	vs := c4_5.violations with input.host.content_trust as [{"source": "process", "value": "true"}] with input.meta as {"hostname": "h1"}
	result.brief(vs) == {
		{"resource": host, "message": "the auditor's environment sets DOCKER_CONTENT_TRUST=true, not 1"},
		not_set_anywhere,
	}
}

test_an_empty_value_is_not_1 if {
	vs := c4_5.violations with input.host.content_trust as [process_on, {"source": "/etc/profile", "value": ""}] with input.meta as {"hostname": "h1"}
	result.brief(vs) == {{"resource": host, "message": "/etc/profile sets DOCKER_CONTENT_TRUST=, not 1"}}
}

test_evidence_lists_the_inspected_environments if {
	c4_5.evidence == {"inspected": [
		{"source": "process", "value": null},
		{"source": "/etc/profile.d/docker.sh", "value": "1"},
	]} with input.host.content_trust as [process_unset, profile_on]
}

test_no_process_entry_is_missing if {
	c4_5.missing == {"host.content_trust (DOCKER_CONTENT_TRUST of the auditor's environment was not recorded)"} with input.host.content_trust as []
	c4_5.violations == set() with input.host.content_trust as []
	c4_5.checked == 0 with input.host.content_trust as []
}

test_absent_field_is_missing if {
	c4_5.missing == {"host.content_trust (DOCKER_CONTENT_TRUST of the auditor's environment was not recorded)"} with input.host as {}
	c4_5.violations == set() with input.host as {}
}
