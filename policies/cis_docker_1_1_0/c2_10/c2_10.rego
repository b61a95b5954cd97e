# METADATA
# title: "Ensure base device size is not changed until needed"
# custom:
#   id: "2.10"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 2
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Remove dm.basesize unless a larger base device is actually required.
#   cis_v1_6_0: "2.11"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/storage/drivers/device-mapper-driver/
package cis_docker_1_1_0.c2_10

import data.lib.daemon
import data.lib.result

# dm.basesize in --storage-opt (repeatable) / "storage-opts" fails. The option only exists for
# devicemapper: with any other storage driver in GET /info, dockerd would have refused to start
# with it, so the control passes on that fact alone. Otherwise the configuration decides.
# (Option keys are case-insensitive for dockerd.)
# It does not apply at all, unless GET /info names devicemapper, on engines from 25.0 (which
# removed the devicemapper storage driver) and with the containerd image store (Driver is a
# containerd snapshotter; a devmapper snapshotter's base size is containerd's configuration,
# which the snapshot does not hold).
driver := input.daemon.info.driver if is_string(input.daemon.info.driver)

devicemapper_removed_in := "25.0.0"

is_devicemapper if driver == "devicemapper"

is_other_driver if {
	driver
	driver != "devicemapper"
}

not_applicable := sprintf("dockerd uses the containerd image store (the %s snapshotter), not a storage driver: there is no devicemapper base device, so dm.basesize does not apply (a devmapper snapshotter's base size is containerd's configuration, which is not checked)", [snapshotter]) if {
	daemon.containerd_image_store
	not is_devicemapper
} else := sprintf("Engine %s has no devicemapper storage driver (devicemapper was removed in Engine 25.0), so dm.basesize does not apply", [daemon.engine_version]) if {
	daemon.engine_at_least(devicemapper_removed_in)
	not is_devicemapper
}

default snapshotter := "unnamed"

snapshotter := driver

is_out_of_scope if is_string(not_applicable)

basesize_options := [o |
	some o in daemon.list_option("storage-opt", "storage-opts")
	is_string(o)
	startswith(lower(trim_space(o)), "dm.basesize")
]

missing contains m if {
	not is_other_driver
	not is_out_of_scope
	some m in daemon.config_missing
}

violations contains result.finding(result.daemon, msg, o, "dm.basesize unset (default 10G)") if {
	not is_other_driver
	some o in basesize_options
	msg := sprintf("dockerd changes the devicemapper base device size (--storage-opt %s)", [o])
}

checked := 1

evidence := {"driver": driver_or_null, "base_device_size": base_size, "engine_version": engine_or_null}

default engine_or_null := null

engine_or_null := v if v := daemon.engine_version

default driver_or_null := null

driver_or_null := v if v := driver

base_size := [s[1] | some s in input.daemon.info.driver_status; s[0] == "Base Device Size"]
