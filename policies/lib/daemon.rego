# METADATA
# title: Daemon options, merged from dockerd flags and daemon.json
# description: |
#   dockerd refuses to start when a flag and a daemon.json key set the same option, so one
#   source holds each value: flags are read first, then daemon.json. Values are undefined
#   when neither sets the option; controls apply the documented default then.
#   `config_missing` lists what is unknown (argv unreadable, daemon.json malformed) so a control
#   that reads configured options reports it as missing rather than pass.
package lib.daemon

argv_known if is_array(input.daemon.argv)

config := input.daemon.config_file.content if {
	input.daemon.config_file.state == "parsed"
	is_object(input.daemon.config_file.content)
} else := {}

config_missing contains "daemon.argv (the dockerd command line could not be read)" if not argv_known

config_missing contains sprintf("daemon.config_file (%s is %s)", [f.path, f.state]) if {
	f := input.daemon.config_file
	f.state in {"invalid", "unreadable"}
}

config_missing contains "daemon.config_file (not collected)" if not config_file_known

# A positive helper, negated above: `not is_object(undefined)` differs between the engines.
config_file_known if is_object(input.daemon.config_file)

# flag_values is the list of values a flag was given (long name, without dashes).
flag_values(flag) := input.daemon.flags[flag]

truthy(s) if lower(s) in {"true", "1", "t", "yes"}

# bool_option is the configured boolean: the last flag value, else the daemon.json key.
bool_option(flag, key) := v if {
	vals := flag_values(flag)
	count(vals) > 0
	v := truthy_value(vals[count(vals) - 1])
} else := v if {
	v := config[key]
	is_boolean(v)
}

truthy_value(s) if truthy(s)

else := false

# string_option is the configured string: the last flag value, else the daemon.json key.
string_option(flag, key) := v if {
	vals := flag_values(flag)
	count(vals) > 0
	v := vals[count(vals) - 1]
} else := v if {
	v := config[key]
	is_string(v)
}

# list_option gathers every value of a repeatable flag and its daemon.json array key.
list_option(flag, key) := array.concat(object.get(input.daemon.flags, flag, []), config_list(key))

config_list(key) := config[key] if is_array(config[key])

else := [config[key]] if is_string(config[key])

else := []

info_known if is_object(input.daemon.info)

version_known if is_object(input.daemon.version)

missing_info contains "daemon.info (GET /info could not be collected)" if not info_known

missing_version contains "daemon.version (GET /version could not be collected)" if not version_known

# security_option reports whether /info SecurityOptions has an entry name=<name>.
security_option(name) if {
	some opt in input.daemon.info.security_options
	first := split(opt, ",")[0]
	startswith(first, "name=")
	substring(first, 5, -1) == name
}
