package cis_docker_1_1_0.c5_2_test

import data.cis_docker_1_1_0.c5_2
import data.lib.result

selinux_daemon := {"security_options": ["name=selinux"]}

labelled := {"id": "a", "name": "/a", "labels": {}, "security_opt": ["label=level:s0:c100,c200"], "process_label": "system_u:system_r:container_t:s0:c100,c200", "privileged": false, "status": "running", "running": true, "inspected": true}

automatic := object.union(labelled, {"id": "b", "name": "/b", "security_opt": [], "process_label": "system_u:system_r:container_t:s0:c1,c2", "status": "exited", "running": false})

disabled := object.union(labelled, {"id": "d", "name": "/d", "security_opt": ["label=disable"], "process_label": ""})

old_form_disabled := object.union(labelled, {"id": "o", "name": "/o", "security_opt": ["label:disable"], "process_label": ""})

super_privileged := object.union(labelled, {"id": "s", "name": "/s", "security_opt": ["label=type:spc_t"], "process_label": "system_u:system_r:spc_t:s0"})

privileged := object.union(labelled, {"id": "p", "name": "/p", "security_opt": [], "process_label": "", "privileged": true})

unlabelled := object.union(labelled, {"id": "n", "name": "/n", "security_opt": [], "process_label": ""})

test_labelled_containers_pass if {
	d := selinux_daemon
	doc := c5_2 with input.containers as [labelled, automatic] with input.host.selinux_enabled as true with input.daemon.info as d
	doc.violations == set()
	doc.missing == set()
	doc.checked == 2
	doc.evidence == {"automatic_label_only": ["b"]}
	not doc.not_applicable
}

test_label_disable_fails_in_both_forms if {
	d := selinux_daemon
	vs := c5_2.violations with input.containers as [disabled, old_form_disabled] with input.host.selinux_enabled as true with input.daemon.info as d
	result.brief(vs) == {
		{"resource": {"kind": "container", "id": "d", "name": "d"}, "message": "container d is not SELinux-confined: label=disable (status running)"},
		{"resource": {"kind": "container", "id": "o", "name": "o"}, "message": "container o is not SELinux-confined: label=disable (status running)"},
	}
}

test_exact_finding if {
	d := selinux_daemon
	vs := c5_2.violations with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as d
	vs == {{
		"resource": {"kind": "container", "id": "d", "name": "d"},
		"message": "container d is not SELinux-confined: label=disable (status running)",
		"actual": {"security_opt": ["label=disable"], "process_label": ""},
		"expected": "SELinux label options (label=user:/role:/type:/level:) and no label=disable",
	}}
}

test_unconfined_type_fails if {
	d := selinux_daemon
	vs := c5_2.violations with input.containers as [super_privileged] with input.host.selinux_enabled as true with input.daemon.info as d
	result.brief(vs) == {{"resource": {"kind": "container", "id": "s", "name": "s"}, "message": "container s is not SELinux-confined: unconfined SELinux type spc_t (status running)"}}
}

test_unconfined_type_in_the_process_label_only_fails if {
	d := selinux_daemon
	c := object.union(labelled, {"security_opt": [], "process_label": "system_u:system_r:unconfined_t:s0"})
	vs := c5_2.violations with input.containers as [c] with input.host.selinux_enabled as true with input.daemon.info as d
	result.brief(vs) == {{"resource": {"kind": "container", "id": "a", "name": "a"}, "message": "container a is not SELinux-confined: unconfined SELinux type unconfined_t (status running)"}}
}

test_privileged_and_unlabelled_fail if {
	d := selinux_daemon
	vs := c5_2.violations with input.containers as [privileged, unlabelled] with input.host.selinux_enabled as true with input.daemon.info as d
	result.brief(vs) == {
		{"resource": {"kind": "container", "id": "p", "name": "p"}, "message": "container p is not SELinux-confined: privileged (SELinux labelling is off) (status running)"},
		{"resource": {"kind": "container", "id": "n", "name": "n"}, "message": "container n is not SELinux-confined: no process label (status running)"},
	}
}

test_every_problem_of_a_container_is_a_finding if {
	d := selinux_daemon
	c := object.union(super_privileged, {"security_opt": ["label=disable", "label=type:unconfined_t"], "privileged": true})
	vs := c5_2.violations with input.containers as [c] with input.host.selinux_enabled as true with input.daemon.info as d
	result.brief(vs) == {
		{"resource": {"kind": "container", "id": "s", "name": "s"}, "message": "container s is not SELinux-confined: label=disable (status running)"},
		{"resource": {"kind": "container", "id": "s", "name": "s"}, "message": "container s is not SELinux-confined: unconfined SELinux type spc_t (status running)"},
		{"resource": {"kind": "container", "id": "s", "name": "s"}, "message": "container s is not SELinux-confined: unconfined SELinux type unconfined_t (status running)"},
		{"resource": {"kind": "container", "id": "s", "name": "s"}, "message": "container s is not SELinux-confined: privileged (SELinux labelling is off) (status running)"},
	}
}

test_absent_label_facts_fail_closed if {
	d := selinux_daemon
	c := object.remove(unlabelled, ["security_opt", "process_label", "privileged"])
	vs := c5_2.violations with input.containers as [c] with input.host.selinux_enabled as true with input.daemon.info as d
	vs == {{
		"resource": {"kind": "container", "id": "n", "name": "n"},
		"message": "container n is not SELinux-confined: no process label (status running)",
		"actual": {"security_opt": [], "process_label": ""},
		"expected": "SELinux label options (label=user:/role:/type:/level:) and no label=disable",
	}}
}

test_host_without_selinux_is_not_applicable if {
	doc := c5_2 with input.containers as [disabled] with input.host.selinux_enabled as false with input.daemon.info as null
	doc.not_applicable == "SELinux is not enabled on this host (/sys/fs/selinux)"
	doc.missing == set()
	doc.violations == set()
}

test_daemon_without_selinux_is_not_applicable if {
	doc := c5_2 with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=seccomp,profile=builtin"]}
	doc.not_applicable == "the Docker daemon does not label containers with SELinux (no name=selinux in its SecurityOptions: dockerd runs without --selinux-enabled)"
	doc.missing == set()
	doc.violations == set()
}

test_unknown_daemon_state_is_missing if {
	doc := c5_2 with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as null
	doc.missing == {"daemon.info (GET /info could not be collected)"}
	not doc.not_applicable
}

test_no_containers_is_not_applicable if {
	d := selinux_daemon
	c5_2.not_applicable == "there are no containers on this host" with input.containers as [] with input.host.selinux_enabled as true with input.daemon.info as d
}

test_uncollected_containers_are_missing if {
	d := selinux_daemon
	doc := c5_2 with input.containers as null with input.host.selinux_enabled as true with input.daemon.info as d
	doc.missing == {"containers (the container list could not be collected)"}
	not doc.not_applicable
}

test_uninspected_container_is_missing_not_failing if {
	d := selinux_daemon
	c := object.union(unlabelled, {"inspected": false})
	doc := c5_2 with input.containers as [c] with input.host.selinux_enabled as true with input.daemon.info as d
	doc.missing == {"container n (its inspect failed)"}
	doc.violations == set()
	doc.evidence == {"automatic_label_only": []}
}
