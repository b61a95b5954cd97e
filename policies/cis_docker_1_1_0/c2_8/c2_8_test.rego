package cis_docker_1_1_0.c2_8_test

import data.cis_docker_1_1_0.c2_8
import data.lib.result

info_plain := {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"]}

info_userns := {"docker_root_dir": "/var/lib/docker", "security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=userns"]}

info_rootless := {"docker_root_dir": "/home/u/.local/share/docker", "security_options": ["name=seccomp,profile=builtin", "name=rootless", "name=cgroupns"]}

clean := {"argv": ["dockerd"], "flags": {}, "environment": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}, "info": info_userns}

daemon_resource := {"kind": "daemon", "id": "dockerd", "name": "dockerd"}

not_configured := {{"resource": daemon_resource, "message": "user namespace remapping is not configured (--userns-remap / \"userns-remap\")"}}

test_active_remap_passes if {
	d := clean
	r := c2_8 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.checked == 1
	r.evidence == {"security_options": ["name=apparmor", "name=seccomp,profile=builtin", "name=userns"], "userns_remap": null, "rootless": false}
}

test_rootless_passes if {
	d := object.union(clean, {"info": info_rootless})
	r := c2_8 with input.daemon as d
	r.violations == set()
	r.missing == set()
}

test_bare_userns_of_old_engines_passes if {
	d := object.union(clean, {"info": {"docker_root_dir": "/var/lib/docker", "security_options": ["apparmor", "seccomp", "userns"]}})
	c2_8.violations == set() with input.daemon as d
}

test_no_remap_fails if {
	d := object.union(clean, {"info": info_plain})
	c2_8.violations == {{
		"resource": daemon_resource,
		"message": "user namespace remapping is not active: GET /info SecurityOptions is [name=apparmor, name=seccomp,profile=builtin, name=cgroupns]",
		"actual": "name=apparmor, name=seccomp,profile=builtin, name=cgroupns",
		"expected": "name=userns in SecurityOptions",
	}} with input.daemon as d
}

test_configured_but_not_applied_fails_and_says_so if {
	d := object.union(clean, {"info": info_plain, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": {"userns-remap": "default"}}})
	r := c2_8 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "user namespace remapping is not active: GET /info SecurityOptions is [name=apparmor, name=seccomp,profile=builtin, name=cgroupns]; userns-remap is set to default but dockerd has not applied it (restart needed)"}}
	r.evidence.userns_remap == "default"
}

test_info_decides_without_configuration if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": info_userns}
	r := c2_8 with input.daemon as d
	r.missing == set()
	r.violations == set()
}

test_configured_remap_decides_without_info if {
	d := object.union(clean, {"flags": {"userns-remap": ["default"]}, "info": null})
	r := c2_8 with input.daemon as d
	r.missing == set()
	r.violations == set()
	r.evidence == {"security_options": null, "userns_remap": "default", "rootless": false}
}

test_unset_remap_without_info_fails if {
	d := object.union(clean, {"info": null})
	vs := c2_8.violations with input.daemon as d
	result.brief(vs) == not_configured
}

test_empty_remap_is_unset if {
	d := object.union(clean, {"flags": {"userns-remap": [""]}, "info": null})
	r := c2_8 with input.daemon as d
	result.brief(r.violations) == not_configured
	r.evidence.userns_remap == null
}

test_blank_remap_is_unset if {
	d := object.union(clean, {"flags": {"userns-remap": [" "]}, "info": null})
	result.brief(c2_8.violations) == not_configured with input.daemon as d
}

test_unset_remap_with_unknown_configuration_and_no_info_is_missing if {
	d := object.union(clean, {"argv": null, "info": null})
	r := c2_8 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)"}
	r.violations == set()
}

test_nothing_known_is_missing if {
	d := {"argv": null, "flags": {}, "environment": {}, "config_file": null, "info": null}
	r := c2_8 with input.daemon as d
	r.missing == {"daemon.info (GET /info could not be collected)", "daemon.argv (the dockerd command line could not be read)", "daemon.config_file (not collected)"}
	r.violations == set()
}

# The collector saw dockerd run as a user under rootlesskit: rootless without GET /info too.
test_rootless_seen_in_the_process_passes_without_info if {
	d := object.union(clean, {"info": null, "rootless": {"enabled": true, "detected_by": ["process_user", "rootlesskit"], "user": null}})
	r := c2_8 with input.daemon as d
	r.violations == set()
	r.missing == set()
	r.note == "the daemon is rootless: it runs in a user namespace of its own, so container root is not host root"
	r.evidence == {"security_options": null, "userns_remap": null, "rootless": true}
}

test_a_daemon_known_not_to_be_rootless_without_remap_fails if {
	d := object.union(clean, {"info": info_plain, "rootless": {"enabled": false, "detected_by": [], "user": null}})
	r := c2_8 with input.daemon as d
	result.brief(r.violations) == {{"resource": daemon_resource, "message": "user namespace remapping is not active: GET /info SecurityOptions is [name=apparmor, name=seccomp,profile=builtin, name=cgroupns]"}}
	not r.note
}
