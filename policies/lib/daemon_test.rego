package lib.daemon_test

import data.lib.daemon

snap(flags, content) := {"argv": ["dockerd"], "flags": flags, "config_file": {"path": "/etc/docker/daemon.json", "state": "parsed", "content": content}}

test_flag_false_wins if {
	daemon.bool_option("icc", "icc") == false with input.daemon as snap({"icc": ["false"]}, {})
}

test_config_key_used_without_flag if {
	daemon.bool_option("icc", "icc") == false with input.daemon as snap({}, {"icc": false})
}

test_unset_option_is_undefined if {
	not daemon.bool_option("icc", "icc") with input.daemon as snap({}, {})
}

test_list_option_merges_flag_and_key if {
	daemon.list_option("insecure-registry", "insecure-registries") == ["a:5000", "b:5000"] with input.daemon as snap({"insecure-registry": ["a:5000"]}, {"insecure-registries": ["b:5000"]})
}

test_malformed_config_is_missing if {
	count(daemon.config_missing) == 1 with input.daemon as {"argv": ["dockerd"], "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "invalid", "content": null}}
}

test_unreadable_argv_is_missing if {
	count(daemon.config_missing) == 1 with input.daemon as {"argv": null, "flags": {}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}
}

test_security_option_matches_the_name_only if {
	daemon.security_option("seccomp") with input.daemon as {"info": {"security_options": ["name=seccomp,profile=builtin"]}}
	not daemon.security_option("userns") with input.daemon as {"info": {"security_options": ["name=seccomp,profile=builtin"]}}
	not daemon.security_option("sec") with input.daemon as {"info": {"security_options": ["name=seccomp,profile=builtin"]}}
}

test_absent_config_file_key_is_missing if {
	daemon.config_missing == {"daemon.config_file (not collected)"} with input.daemon as {"argv": ["dockerd"], "flags": {}}
}
