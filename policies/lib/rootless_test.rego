package lib.rootless_test

import data.lib.rootless

uid_map := [{"inside": 0, "outside": 1234, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}]

gid_map := [{"inside": 0, "outside": 4242, "count": 1}, {"inside": 1, "outside": 100000, "count": 65536}]

user := {"uid": 1234, "gid": 4242, "name": "alice", "group": "alice", "home": "/home/alice",
	"xdg_runtime_dir": "/run/user/1234", "config_dir": "/home/alice/.config/docker",
	"data_home": "/home/alice/.local/share", "uid_map": uid_map, "gid_map": gid_map}

daemon := {"rootless": {"enabled": true, "detected_by": ["process_user", "rootlesskit"], "user": user}, "info": null}

rootful := {"rootless": {"enabled": false, "detected_by": [], "user": null}, "info": null}

info_only := {"info": {"docker_root_dir": "/x", "security_options": ["name=seccomp,profile=default", "name=rootless"]}}

test_rootless_from_the_collector if {
	d := daemon
	u := user
	rootless.is_rootless with input.daemon as d
	rootless.user == u with input.daemon as d
	rootless.missing == set() with input.daemon as d
}

test_rootless_from_info_of_an_older_snapshot_without_a_user if {
	rootless.is_rootless with input.daemon as info_only
	not rootless.user_known with input.daemon as info_only
	rootless.missing == {"daemon.rootless.user (the daemon is rootless, but the user it runs as is unknown: its dockerd process could not be read)"} with input.daemon as info_only
}

test_a_rootful_daemon_is_not_rootless if {
	not rootless.is_rootless with input.daemon as rootful
	not rootless.user_known with input.daemon as rootful
	rootless.missing == set() with input.daemon as rootful
}

test_a_user_without_rootless_signs_is_not_read if {
	d := object.union(rootful, {"rootless": {"user": user}})
	not rootless.user_known with input.daemon as d
}

test_null_daemon_facts_are_not_rootless if {
	not rootless.is_rootless with input.daemon as {"rootless": null, "info": null}
	rootless.missing == set() with input.daemon as {"rootless": null, "info": null}
}

test_names_fall_back_to_ids if {
	d := object.union(daemon, {"rootless": {"user": {"name": null, "group": null}}})
	rootless.user_name == "1234" with input.daemon as d
	rootless.group_name == "4242" with input.daemon as d
	rootless.user_name == "alice" with input.daemon as daemon
}

test_host_gid_maps_through_the_gid_map if {
	rootless.host_gid(0) == 4242 with input.daemon as daemon
	rootless.host_gid(999) == 100998 with input.daemon as daemon
	not rootless.host_gid(65537) with input.daemon as daemon
	not rootless.host_gid(null) with input.daemon as daemon
}

test_namespace_gids_are_the_subordinate_ones if {
	rootless.is_namespace_gid(100998) with input.daemon as daemon
	not rootless.is_namespace_gid(4242) with input.daemon as daemon # the user's own group
	not rootless.is_namespace_gid(1234) with input.daemon as daemon # not in the gid map
	not rootless.is_namespace_gid(165536) with input.daemon as daemon
	not rootless.is_namespace_gid(100998) with input.daemon as rootful
}

test_in_runtime_dir_is_below_xdg_runtime_dir if {
	rootless.in_runtime_dir("/run/user/1234/docker.sock") with input.daemon as daemon
	not rootless.in_runtime_dir("/run/user/12345/docker.sock") with input.daemon as daemon
	not rootless.in_runtime_dir("/run/user/1234") with input.daemon as daemon
	not rootless.in_runtime_dir("/run/user/1234/docker.sock") with input.daemon as rootful
}
