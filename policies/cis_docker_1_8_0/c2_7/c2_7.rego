# METADATA
# title: The devicemapper storage driver is not used (CIS v1.8.0 2.7)
# description: |
#   The check of profiles/cis-docker-1.8.0.yaml's 2.7, new in v1.8.0. The driver dockerd uses is
#   GET /info Driver; without /info, a configured --storage-driver / "storage-driver" of
#   devicemapper still fails, and any other configured value cannot prove which driver dockerd
#   picked (missing). Engines from 25.0 have no devicemapper storage driver (deprecated in
#   18.09, removed in 25.0): there the control is not applicable, unless /info names
#   devicemapper (then that fact fails), as the aufs control is from Engine 24.0. Under the
#   containerd image store Driver names a containerd snapshotter; its devmapper snapshotter is
#   not the removed storage driver and is not judged here.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c2_7

import data.lib.daemon
import data.lib.result

driver := daemon.storage_driver

devicemapper_removed_in := "25.0.0"

uses_devicemapper if driver == "devicemapper"

uses_devicemapper if {
	not driver
	daemon.configured_storage_driver == "devicemapper"
}

is_removed if {
	daemon.engine_at_least(devicemapper_removed_in)
	not uses_devicemapper
}

not_applicable := sprintf("Engine %s has no devicemapper storage driver (devicemapper was removed in Engine 25.0)%s", [daemon.engine_version, in_use]) if {
	is_removed
}

default in_use := ""

in_use := sprintf("; dockerd uses the containerd image store with the %s snapshotter", [driver]) if {
	daemon.containerd_image_store
} else := sprintf("; dockerd uses %s", [driver])

violations contains result.finding(result.daemon, "dockerd uses the devicemapper storage driver (GET /info Driver)", "devicemapper", "not devicemapper (e.g. overlay2)") if {
	driver == "devicemapper"
}

violations contains result.finding(result.daemon, "dockerd is configured with the devicemapper storage driver (--storage-driver / \"storage-driver\")", "devicemapper", "not devicemapper (e.g. overlay2)") if {
	not driver
	daemon.configured_storage_driver == "devicemapper"
}

# undecided: neither /info nor the configuration shows devicemapper, and the engine may still have it.
undecided if {
	not driver
	not uses_devicemapper
	not is_removed
}

missing contains m if {
	undecided
	some m in daemon.missing_info
}

missing contains "daemon.info.driver (GET /info reported no storage driver)" if {
	undecided
	daemon.info_known
}

checked := 1

note := sprintf("dockerd uses the containerd image store: %s is a containerd snapshotter, not a storage driver", [driver]) if {
	daemon.containerd_image_store
	driver
	not is_removed
}

evidence := {
	"driver": driver_or_null,
	"configured_driver": configured_or_null,
	"containerd_image_store": store,
	"engine_version": engine_or_null,
}

default driver_or_null := null

driver_or_null := v if v := driver

default configured_or_null := null

configured_or_null := v if v := daemon.configured_storage_driver

default store := false

store := true if daemon.containerd_image_store

default engine_or_null := null

engine_or_null := v if v := daemon.engine_version
