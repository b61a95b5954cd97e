# METADATA
# title: Helpers the container runtime controls (section 5) share
# description: |
#   * --security-opt entries, parsed as dockerd parses them: split at the first "=", else at
#     the first ":" (the deprecated form); a bare word has the value "" (`security_opt_pair`).
#     `no_new_privileges(c)` is the container's own no-new-privileges setting (the last entry
#     wins, values parsed like Go's strconv.ParseBool), undefined when it sets none.
#   * The Docker API unix sockets (`socket_paths`): the default socket, every `unix://` host of
#     dockerd (flags and daemon.json), docker.socket's ListenStream paths, the stat'ed
#     `docker_sock` files (and their symlink targets) and the address the auditor used, each in
#     its /var/run and /run spelling.
#   * `docker exec` audit records (no readable /var/log/audit/audit.log): the options
#     of one invocation up to the container argument (`exec_options`), and whether they ask for
#     --privileged (`exec_privileged`) or --user (`exec_user`); whether there is an audit trail
#     at all (`has_exec_audit_trail`: records collected and a loaded audit rule on the docker
#     client), and the exec instances dockerd still remembers (5.22, 5.23).
package lib.runtime

import data.lib.containers
import data.lib.daemon
import data.lib.files
import data.lib.values

# ---------------------------------------------------------------- security options

# security_opt_pair is [key, value] of one --security-opt entry.
security_opt_pair(opt) := [substring(opt, 0, i), substring(opt, i + 1, -1)] if {
	i := indexof(opt, "=")
	i >= 0
} else := [substring(opt, 0, i), substring(opt, i + 1, -1)] if {
	i := indexof(opt, ":")
	i >= 0
} else := [opt, ""]

# security_opt_values lists the values c gives the security option key, in order.
security_opt_values(c, key) := [pair[1] |
	some opt in c.security_opt
	pair := security_opt_pair(opt)
	pair[0] == key
]

# parse_bool follows Go's strconv.ParseBool, which dockerd uses for option values; undefined
# for anything else (dockerd refuses such a value).
parse_bool(s) := true if s in {"1", "t", "T", "TRUE", "true", "True"}

else := false if s in {"0", "f", "F", "FALSE", "false", "False"}

# nnp_setting is the value one entry gives no-new-privileges (undefined for other entries).
nnp_setting(opt) := true if opt == "no-new-privileges"

else := parse_bool(pair[1]) if {
	pair := security_opt_pair(opt)
	pair[0] == "no-new-privileges"
}

# no_new_privileges is the container's own setting: dockerd applies the entries in order, so
# the last one wins. Undefined when the container sets none.
no_new_privileges(c) := settings[count(settings) - 1] if {
	settings := [s | some opt in c.security_opt; s := nnp_setting(opt)]
	count(settings) > 0
}

# ---------------------------------------------------------------- Docker API sockets

default_socket_paths := {"/var/run/docker.sock", "/run/docker.sock"}

# unix_path is the socket path of a unix:// address (undefined for other addresses and for
# a docker_host that is null).
unix_path(address) := trim_prefix(address, "unix://") if {
	is_string(address)
	startswith(address, "unix://")
}

configured_socket_paths contains p if {
	some address in daemon.list_option("host", "hosts")
	p := unix_path(address)
	p != ""
}

configured_socket_paths contains p if {
	some p in input.host.systemd.socket_listen
	startswith(p, "/")
}

configured_socket_paths contains p if {
	some f in files.with_role("docker_sock")
	p := f.path
}

configured_socket_paths contains p if {
	some f in files.with_role("docker_sock")
	p := f.resolved_path
	is_string(p)
}

configured_socket_paths contains p if {
	p := unix_path(input.meta.docker_host)
	p != ""
}

# /var/run is a symlink to /run on current distributions: a path names the same socket in
# either spelling.
socket_paths contains q if {
	some p in default_socket_paths | configured_socket_paths
	some q in run_spellings(p)
}

run_spellings(p) := {p, sprintf("/run/%s", [trim_prefix(p, "/var/run/")])} if startswith(p, "/var/run/")

else := {p, sprintf("/var/run/%s", [trim_prefix(p, "/run/")])} if startswith(p, "/run/")

else := {p}

# is_docker_socket holds for a known socket path and for any path ending in docker.sock.
is_docker_socket(path) if path in socket_paths

is_docker_socket(path) if endswith(path, "docker.sock")

# socket_below lists the known socket paths inside the directory dir (a mount of dir exposes them).
socket_below(dir) := {p |
	some p in socket_paths
	is_below(p, dir)
}

is_below(p, "/") if p != "/"

is_below(p, dir) if {
	dir != "/"
	startswith(p, sprintf("%s/", [trim_suffix(dir, "/")]))
}

# ---------------------------------------------------------------- docker exec audit records

# exec_records is the fact host.audit.docker_exec_records: audit (EXECVE) records of
# docker client runs that are `docker exec` / `docker container exec`, each
# {"time_unix": int|null, "uid": int|null, "args": [argv...]}; undefined when not collected.
exec_records := input.host.audit.docker_exec_records if is_array(input.host.audit.docker_exec_records)

# exec_index is the position of the `exec` subcommand in argv.
exec_index(args) := min({i | some i, arg in args; arg == "exec"})

# Options of docker exec that take a value (the next argument unless given inline).
exec_value_options := {"-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys"}

takes_value(tok) if tok in exec_value_options

# a cluster of short flags ending in a value flag: -itu root
takes_value(tok) if regex.match(`^-[dit]*[euw]$`, tok)

# is_container_arg: argument j is the first operand (the container) after exec.
is_container_arg(args, j, start) if {
	j >= start
	not startswith(args[j], "-")
	j - 1 >= start
	not takes_value(args[j - 1])
}

is_container_arg(args, j, start) if {
	j == start
	not startswith(args[j], "-")
}

is_container_arg(args, j, start) if {
	j > start
	args[j - 1] == "--"
}

# exec_options lists the option arguments of a docker exec invocation, up to the container.
exec_options(args) := array.slice(args, start, stop) if {
	start := exec_index(args) + 1
	operands := {j | some j, _ in args; is_container_arg(args, j, start)}
	stop := min(operands | {count(args)})
}

exec_privileged(args) if {
	some tok in exec_options(args)
	is_privileged_option(tok)
}

is_privileged_option(tok) if tok == "--privileged"

is_privileged_option(tok) if {
	startswith(tok, "--privileged=")
	parse_bool(substring(tok, 13, -1)) == true
}

exec_user(args) if {
	some tok in exec_options(args)
	is_user_option(tok)
}

is_user_option(tok) if tok in {"-u", "--user"}

is_user_option(tok) if startswith(tok, "--user=")

is_user_option(tok) if regex.match(`^-[dit]*u`, tok)

# ---------------------------------------------------------------- users

# is_root_user: "root", "0", "root:<group>", "0:<group>".
is_root_user(u) if split(u, ":")[0] in {"root", "0"}

# ---------------------------------------------------------------- docker exec audit trail

docker_client_paths := {f.path | some f in files.with_role("docker_binary")} | {"/usr/bin/docker"}

# has_exec_audit_trail: docker client runs are recorded (a loaded audit rule watches the docker
# binary, see 1.5) and their records were collected.
has_exec_audit_trail if {
	is_array(exec_records)
	some rule in values.items(input.host.audit.loaded)
	rule.path in docker_client_paths
}

# A positive helper, negated below: `not is_array(undefined)` differs between the engines.
loaded_rules_known if is_array(input.host.audit.loaded)

default exec_record_count := 0

exec_record_count := count(exec_records)

exec_audit_state := sprintf("%v docker exec audit records examined", [exec_record_count]) if has_exec_audit_trail

else := "the loaded audit rules could not be read, so it is unknown whether docker exec runs are recorded" if {
	is_array(exec_records)
	not loaded_rules_known
}

else := "no loaded audit rule watches the docker client (see the control on auditing the Docker daemon), so docker exec runs are not recorded" if is_array(exec_records)

else := "docker exec audit records were not collected (no readable /var/log/audit/audit.log)"

exec_retention := "dockerd lists only the exec instances of a container that still run (a finished one leaves the container's ExecIDs), and forgets all of them when the container is removed or the daemon restarts: their absence says nothing about past docker exec runs"

# exec_record_text describes one audit record for a finding message.
exec_record_text(r) := sprintf("%s%s", [concat(" ", r.args), when_text(r)])

when_text(r) := sprintf(" (audit record at %v, uid %v)", [r.time_unix, uid_text(r)]) if is_number(r.time_unix)

else := " (audit record)"

# uid_text is the record's uid, "?" when the record has none.
uid_text(r) := r.uid if is_number(r.uid)

else := "?"

# exec_instance_count is the number of exec instances the engine still remembers for cs.
exec_instance_count(cs) := sum([count(c.exec_instances) | some c in cs; has_exec_instances(c)])

# missing_exec_instances: inspected containers whose exec instances could not be read (null,
# or absent: the schema's default).
missing_exec_instances(cs) := {msg |
	some c in cs
	not has_exec_instances(c)
	not containers.is_uninspected(c)
	msg := sprintf("container %s exec_instances (GET /exec/{id}/json failed)", [containers.name(c)])
}

# A positive helper, negated above: `not is_array(undefined)` differs between the engines.
has_exec_instances(c) if is_array(c.exec_instances)
