# METADATA
# title: "Ensure centralized and remote logging is configured"
# custom:
#   id: "2.12"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Configure a logging driver that forwards container logs to the central log platform and
#     make it the daemon default.
#   cis_v1_6_0: "2.13"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/logging/configure/
package cis_docker_1_1_0.c2_12

import data.lib.daemon
import data.lib.result

# The daemon's default log driver: GET /info LoggingDriver, else (no /info) the configured
# --log-driver / "log-driver" (default json-file). Drivers that ship logs to a remote
# collector pass: gelf, fluentd, awslogs, splunk, gcplogs, logentries, and syslog when its
# syslog-address (--log-opt / "log-opts") is a tcp/udp/tcp+tls address off this host.
# json-file, local and none keep logs on the host (or drop them): fail. journald, syslog to
# the local daemon and plugin drivers may forward logs: a person checks (review).
remote_drivers := {"gelf", "fluentd", "awslogs", "splunk", "gcplogs", "logentries"}

local_drivers := {"json-file", "local", "none"}

driver := input.daemon.info.logging_driver if {
	is_string(input.daemon.info.logging_driver)
	input.daemon.info.logging_driver != ""
} else := v if {
	not daemon.info_known
	count(daemon.config_missing) == 0
	v := configured_driver
}

configured_driver := v if {
	v := daemon.string_option("log-driver", "log-driver")
	v != ""
} else := "json-file"

# syslog_address: the last --log-opt syslog-address=..., else daemon.json log-opts.
syslog_address := v if {
	vals := [trim_prefix(o, "syslog-address=") |
		some o in daemon.flag_values("log-opt")
		startswith(o, "syslog-address=")
	]
	count(vals) > 0
	v := vals[count(vals) - 1]
} else := v if {
	v := daemon.config["log-opts"]["syslog-address"]
	is_string(v)
}

is_remote_syslog if {
	parts := split(syslog_address, "://")
	count(parts) == 2
	lower(parts[0]) in {"tcp", "udp", "tcp+tls"}
	not is_loopback(host_of(parts[1]))
}

host_of(rest) := trim_prefix(split(rest, "]")[0], "[") if startswith(rest, "[")

else := split(split(rest, "/")[0], ":")[0]

is_loopback(h) if h in {"localhost", "::1", ""}

is_loopback(h) if startswith(h, "127.")

missing contains m if {
	not driver
	some m in daemon.missing_info | daemon.config_missing
}

# dockerd always reports its default log driver; an /info without one decides nothing.
missing contains "daemon.info.logging_driver (GET /info reported no logging driver)" if {
	daemon.info_known
	not driver
}

missing contains m if {
	driver == "syslog"
	some m in daemon.config_missing
}

violations contains result.finding(result.daemon, msg, driver, "a driver that ships logs off the host") if {
	driver in local_drivers
	msg := sprintf("the default log driver is %s: container logs stay on this host (--log-driver / \"log-driver\")", [driver])
}

reviews contains result.finding(result.daemon, "the default log driver is journald: logs leave the host only if the journal is forwarded; confirm it is", "journald", "a driver that ships logs off the host") if {
	driver == "journald"
}

reviews contains result.finding(result.daemon, msg, "syslog", "syslog with a remote syslog-address") if {
	driver == "syslog"
	count(daemon.config_missing) == 0
	not is_remote_syslog
	msg := sprintf("the default log driver is syslog to %s: confirm that syslog forwards the logs off the host", [syslog_target])
}

syslog_target := v if v := syslog_address

else := "the local syslog daemon"

known_drivers := (local_drivers | remote_drivers) | {"journald", "syslog"}

reviews contains result.finding(result.daemon, msg, d, "a driver that ships logs off the host") if {
	d := driver
	not d in known_drivers
	msg := sprintf("the default log driver is %s (a plugin or a driver this policy does not know): confirm it ships logs off the host", [d])
}

checked := 1

evidence := {"logging_driver": driver_or_null, "syslog_address": address_or_null}

default driver_or_null := null

driver_or_null := v if v := driver

default address_or_null := null

address_or_null := v if v := syslog_address
