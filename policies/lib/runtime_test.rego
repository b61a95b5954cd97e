package lib.runtime_test

import data.lib.runtime

# ---------------------------------------------------------------- security options

test_pair_splits_at_equals if runtime.security_opt_pair("seccomp=unconfined") == ["seccomp", "unconfined"]

test_pair_splits_at_colon if runtime.security_opt_pair("seccomp:unconfined") == ["seccomp", "unconfined"]

test_pair_prefers_equals_over_colon if runtime.security_opt_pair("label=type:svirt_t") == ["label", "type:svirt_t"]

test_pair_of_bare_word if runtime.security_opt_pair("no-new-privileges") == ["no-new-privileges", ""]

test_values_in_order if {
	runtime.security_opt_values({"security_opt": ["seccomp=a.json", "label=disable", "seccomp:unconfined"]}, "seccomp") == ["a.json", "unconfined"]
}

test_parse_bool_like_go if {
	runtime.parse_bool("True") == true
	runtime.parse_bool("1") == true
	runtime.parse_bool("F") == false
	not runtime.parse_bool("yes")
}

test_bare_no_new_privileges_is_true if runtime.no_new_privileges({"security_opt": ["no-new-privileges"]}) == true

test_no_new_privileges_colon_true if runtime.no_new_privileges({"security_opt": ["no-new-privileges:true"]}) == true

test_no_new_privileges_equals_false if runtime.no_new_privileges({"security_opt": ["no-new-privileges=false"]}) == false

test_no_new_privileges_last_entry_wins if {
	runtime.no_new_privileges({"security_opt": ["no-new-privileges", "no-new-privileges=false"]}) == false
	runtime.no_new_privileges({"security_opt": ["no-new-privileges=false", "no-new-privileges:true"]}) == true
}

test_no_new_privileges_unset_is_undefined if {
	not runtime.no_new_privileges({"security_opt": ["seccomp=unconfined"]})
	not runtime.no_new_privileges({"security_opt": []})
}

test_no_new_privileges_with_an_unparsable_value_is_undefined if {
	not runtime.no_new_privileges({"security_opt": ["no-new-privileges=maybe"]})
	runtime.no_new_privileges({"security_opt": ["no-new-privileges=maybe", "no-new-privileges:1"]}) == true
}

# ---------------------------------------------------------------- sockets

daemon_with_host := {"argv": ["dockerd"], "flags": {"host": ["unix:///srv/dockerd/api.sock", "tcp://0.0.0.0:2376"]}, "config_file": {"path": "/etc/docker/daemon.json", "state": "absent", "content": null}}

test_default_socket_in_both_spellings if {
	paths := runtime.socket_paths with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
	paths == {"/var/run/docker.sock", "/run/docker.sock"}
}

test_unix_hosts_and_listen_streams_are_sockets if {
	paths := runtime.socket_paths with input.daemon as daemon_with_host
		with input.host as {"systemd": {"socket_listen": ["/run/alt.sock"]}}
		with input.files as [{"role": "docker_sock", "path": "/opt/d.sock", "resolved_path": "/var/run/real.sock"}]
		with input.meta as {"docker_host": "unix:///tmp/dkr/docker.sock"}
	paths == {
		"/var/run/docker.sock", "/run/docker.sock", "/srv/dockerd/api.sock", "/run/alt.sock", "/var/run/alt.sock",
		"/opt/d.sock", "/var/run/real.sock", "/run/real.sock", "/tmp/dkr/docker.sock",
	}
}

test_null_docker_host_adds_no_socket if {
	paths := runtime.socket_paths with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {"docker_host": null}
	paths == {"/var/run/docker.sock", "/run/docker.sock"}
}

test_tcp_docker_host_adds_no_socket if {
	paths := runtime.socket_paths with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {"docker_host": "tcp://10.0.0.1:2376"}
	paths == {"/var/run/docker.sock", "/run/docker.sock"}
}

test_any_path_ending_in_docker_sock_is_a_socket if {
	runtime.is_docker_socket("/home/u/.docker/run/docker.sock") with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
}

test_other_paths_are_not_sockets if {
	not runtime.is_docker_socket("/var/run/containerd/containerd.sock") with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
}

test_socket_below_a_directory if {
	runtime.socket_below("/var/run") == {"/var/run/docker.sock"} with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
	runtime.socket_below("/run/") == {"/run/docker.sock"} with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
	runtime.socket_below("/") == {"/var/run/docker.sock", "/run/docker.sock"} with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
	runtime.socket_below("/var/runner") == set() with input.daemon as {} with input.files as [] with input.host as {} with input.meta as {}
}

# ---------------------------------------------------------------- docker exec records

test_exec_options_stop_at_the_container if {
	runtime.exec_options(["docker", "exec", "-it", "-u", "root", "web", "sh", "--privileged"]) == ["-it", "-u", "root"]
}

test_exec_options_of_container_exec if {
	runtime.exec_options(["/usr/bin/docker", "-H", "unix:///x.sock", "container", "exec", "--privileged", "web", "id"]) == ["--privileged"]
}

test_privileged_exec_is_found if runtime.exec_privileged(["docker", "exec", "--privileged", "web", "sh"])

test_privileged_true_is_found if runtime.exec_privileged(["docker", "exec", "--privileged=true", "web", "sh"])

test_privileged_false_is_not_found if not runtime.exec_privileged(["docker", "exec", "--privileged=false", "web", "sh"])

test_privileged_in_the_command_is_not_an_option if not runtime.exec_privileged(["docker", "exec", "web", "run", "--privileged"])

test_user_forms_are_found if {
	runtime.exec_user(["docker", "exec", "-u", "root", "web", "sh"])
	runtime.exec_user(["docker", "exec", "--user=0", "web", "sh"])
	runtime.exec_user(["docker", "exec", "-uroot", "web", "sh"])
	runtime.exec_user(["docker", "exec", "-itu", "root", "web", "sh"])
	runtime.exec_user(["docker", "exec", "--user", "1000", "web", "sh"])
}

test_env_value_is_not_a_user_option if not runtime.exec_user(["docker", "exec", "-e", "USER=root", "-w", "/u", "web", "sh"])

test_user_in_the_command_is_not_an_option if not runtime.exec_user(["docker", "exec", "-it", "web", "su", "-u", "root"])

test_root_users if {
	runtime.is_root_user("root")
	runtime.is_root_user("0:0")
	not runtime.is_root_user("1000")
}

# ---------------------------------------------------------------- docker exec audit trail

watched := {"audit": {"loaded": [{"origin": "auditctl", "text": "-w /usr/bin/docker -k docker", "path": "/usr/bin/docker", "key": "docker"}], "docker_exec_records": []}}

test_audit_trail_needs_records_and_a_rule if {
	h := watched
	runtime.has_exec_audit_trail with input.host as h with input.files as []
	runtime.exec_audit_state == "0 docker exec audit records examined" with input.host as h with input.files as []
}

test_records_without_a_rule_are_no_trail if {
	h := {"audit": {"loaded": [], "docker_exec_records": []}}
	not runtime.has_exec_audit_trail with input.host as h with input.files as []
	runtime.exec_audit_state == "no loaded audit rule watches the docker client (see the control on auditing the Docker daemon), so docker exec runs are not recorded" with input.host as h with input.files as []
}

test_rule_on_the_stat_ed_client_path_counts if {
	h := {"audit": {"loaded": [{"origin": "auditctl", "text": "-w /usr/local/bin/docker", "path": "/usr/local/bin/docker", "key": null}], "docker_exec_records": []}}
	f := [{"role": "docker_binary", "path": "/usr/local/bin/docker"}]
	runtime.has_exec_audit_trail with input.host as h with input.files as f
}

test_unreadable_loaded_rules_are_no_trail if {
	h := {"audit": {"loaded": null, "docker_exec_records": [{"args": ["docker", "exec", "web", "sh"], "time_unix": null, "uid": null}]}}
	not runtime.has_exec_audit_trail with input.host as h with input.files as []
	runtime.exec_record_count == 1 with input.host as h with input.files as []
	runtime.exec_audit_state == "the loaded audit rules could not be read, so it is unknown whether docker exec runs are recorded" with input.host as h with input.files as []
}

test_uncollected_records_are_no_trail if {
	h := {"audit": {"loaded": [{"origin": "auditctl", "text": "-w /usr/bin/docker", "path": "/usr/bin/docker", "key": null}]}}
	not runtime.has_exec_audit_trail with input.host as h with input.files as []
	runtime.exec_audit_state == "docker exec audit records were not collected (no readable /var/log/audit/audit.log)" with input.host as h with input.files as []
	runtime.exec_record_count == 0 with input.host as h with input.files as []
}

# Every fact the library reads uncollected (null): the package document still evaluates.
test_package_document_without_facts if {
	doc := runtime with input as {
		"host": {"audit": {"loaded": null, "persistent": null, "docker_exec_records": null}, "systemd": {"docker_service": null, "docker_socket": null, "socket_listen": []}},
		"daemon": {"argv": null, "config_file": null, "flags": {}, "info": null},
		"files": [],
		"meta": {"docker_host": null},
	}
	doc.socket_paths == {"/var/run/docker.sock", "/run/docker.sock"}
	doc.exec_record_count == 0
	doc.exec_audit_state == "docker exec audit records were not collected (no readable /var/log/audit/audit.log)"
	not doc.has_exec_audit_trail
	not doc.exec_records
}

test_record_text if {
	runtime.exec_record_text({"args": ["docker", "exec", "-u", "root", "web", "sh"], "time_unix": 1700000000, "uid": 1000}) == "docker exec -u root web sh (audit record at 1700000000, uid 1000)"
	runtime.exec_record_text({"args": ["docker", "exec", "web", "sh"], "time_unix": null}) == "docker exec web sh (audit record)"
	runtime.exec_record_text({"args": ["docker", "exec", "web", "sh"], "time_unix": 1700000000, "uid": null}) == "docker exec web sh (audit record at 1700000000, uid ?)"
}

test_exec_instance_count_and_missing if {
	cs := [{"id": "a", "name": "/web", "exec_instances": [{"id": "e1"}, {"id": "e2"}]}, {"id": "b", "name": "/db", "exec_instances": null}, {"id": "c", "name": "/x", "inspected": false, "exec_instances": null}]
	runtime.exec_instance_count(cs) == 2
	runtime.missing_exec_instances(cs) == {"container db exec_instances (GET /exec/{id}/json failed)"}
}

test_absent_exec_instances_are_missing if {
	cs := [{"id": "a", "name": "/web"}, {"id": "b", "name": "/db", "exec_instances": []}]
	runtime.exec_instance_count(cs) == 0
	runtime.missing_exec_instances(cs) == {"container web exec_instances (GET /exec/{id}/json failed)"}
}
