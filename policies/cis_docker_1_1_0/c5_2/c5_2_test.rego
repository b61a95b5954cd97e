package cis_docker_1_1_0.c5_2_test

import data.cis_docker_1_1_0.c5_2

labelled := {"id": "a", "name": "/a", "labels": {}, "security_opt": ["label=level:s0:c100,c200"], "process_label": "system_u:system_r:container_t:s0:c100,c200", "privileged": false, "status": "running", "running": true, "inspected": true}

automatic := object.union(labelled, {"id": "b", "name": "/b", "security_opt": [], "process_label": "system_u:system_r:container_t:s0:c1,c2", "status": "exited", "running": false})

disabled := object.union(labelled, {"id": "d", "name": "/d", "security_opt": ["label=disable"], "process_label": ""})

old_form_disabled := object.union(labelled, {"id": "o", "name": "/o", "security_opt": ["label:disable"], "process_label": ""})

super_privileged := object.union(labelled, {"id": "s", "name": "/s", "security_opt": ["label=type:spc_t"], "process_label": "system_u:system_r:spc_t:s0"})

privileged := object.union(labelled, {"id": "p", "name": "/p", "security_opt": [], "process_label": "", "privileged": true})

unlabelled := object.union(labelled, {"id": "n", "name": "/n", "security_opt": [], "process_label": ""})

test_labelled_containers_pass if {
	count(c5_2.violations) == 0 with input.containers as [labelled, automatic] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	c5_2.checked == 2 with input.containers as [labelled, automatic] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	count(c5_2.missing) == 0 with input.containers as [labelled, automatic] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	c5_2.evidence == {"automatic_label_only": ["b"]} with input.containers as [labelled, automatic] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
}

test_label_disable_fails_in_both_forms if {
	vs := c5_2.violations with input.containers as [disabled, old_form_disabled] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	[v.message | some v in vs] == [
		"container d is not SELinux-confined: label=disable (status running)",
		"container o is not SELinux-confined: label=disable (status running)",
	]
}

test_exact_finding if {
	vs := c5_2.violations with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	vs == [{
		"resource": {"kind": "container", "id": "d", "name": "d"},
		"message": "container d is not SELinux-confined: label=disable (status running)",
		"actual": {"security_opt": ["label=disable"], "process_label": ""},
		"expected": "SELinux label options (label=user:/role:/type:/level:) and no label=disable",
	}]
}

test_unconfined_type_fails if {
	vs := c5_2.violations with input.containers as [super_privileged] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	[v.message | some v in vs] == ["container s is not SELinux-confined: unconfined SELinux type spc_t (status running)"]
}

test_privileged_and_unlabelled_fail if {
	vs := c5_2.violations with input.containers as [privileged, unlabelled] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	[v.message | some v in vs] == [
		"container p is not SELinux-confined: privileged (SELinux labelling is off) (status running)",
		"container n is not SELinux-confined: no process label (status running)",
	]
}

test_host_without_selinux_is_not_applicable if {
	c5_2.not_applicable == "SELinux is not enabled on this host (/sys/fs/selinux)" with input.containers as [disabled] with input.host.selinux_enabled as false with input.daemon.info as null
	count(c5_2.missing) == 0 with input.containers as [disabled] with input.host.selinux_enabled as false with input.daemon.info as null
}

test_daemon_without_selinux_is_not_applicable if {
	startswith(c5_2.not_applicable, "the Docker daemon does not label containers with SELinux") with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=seccomp,profile=builtin"]}
}

test_unknown_daemon_state_is_missing if {
	c5_2.missing == {"daemon.info (GET /info could not be collected)"} with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as null
	not c5_2.not_applicable with input.containers as [disabled] with input.host.selinux_enabled as true with input.daemon.info as null
}

test_no_containers_is_not_applicable if {
	c5_2.not_applicable == "there are no containers on this host" with input.containers as [] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
}

test_uncollected_containers_are_missing if {
	c5_2.missing == {"containers (the container list could not be collected)"} with input.containers as null with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
}

test_uninspected_container_is_missing_not_failing if {
	c := object.union(unlabelled, {"inspected": false})
	count(c5_2.missing) == 1 with input.containers as [c] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
	count(c5_2.violations) == 0 with input.containers as [c] with input.host.selinux_enabled as true with input.daemon.info as {"security_options": ["name=selinux"]}
}
