# METADATA
# title: "Ensure aufs storage driver is not used"
# custom:
#   id: "2.5"
#   section: "2"
#   section_title: "Docker daemon configuration"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Switch to a supported driver such as overlay2 (or devicemapper on older kernels) and do
#     not start the daemon with aufs.
#   cis_v1_6_0: "2.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/storage/drivers/select-storage-driver/
package cis_docker_1_1_0.c2_5

import data.lib.daemon
import data.lib.result

# Effective: GET /info Driver. Without /info, a configured --storage-driver / "storage-driver"
# of aufs still fails; any other configured value cannot prove which driver dockerd picked.
# Engines from 24.0 have no aufs storage driver at all (removed in 24.0): there the control is
# not applicable, unless /info names aufs (then that fact fails). With the containerd image store
# Driver is a containerd snapshotter, which is judged the same way (a snapshotter named aufs
# would be the same filesystem).
driver := daemon.storage_driver

aufs_removed_in := "24.0.0"

uses_aufs if driver == "aufs"

uses_aufs if {
	not driver
	daemon.configured_storage_driver == "aufs"
}

is_aufs_removed if {
	daemon.engine_at_least(aufs_removed_in)
	not uses_aufs
}

not_applicable := sprintf("Engine %s has no aufs storage driver (aufs was removed in Engine 24.0)%s", [daemon.engine_version, in_use]) if {
	is_aufs_removed
}

default in_use := ""

in_use := sprintf("; dockerd uses the containerd image store with the %s snapshotter", [driver]) if {
	daemon.containerd_image_store
} else := sprintf("; dockerd uses %s", [driver])

violations contains result.finding(result.daemon, "dockerd uses the aufs storage driver (GET /info Driver)", "aufs", "not aufs (e.g. overlay2)") if {
	driver == "aufs"
}

violations contains result.finding(result.daemon, "dockerd is configured with the aufs storage driver (--storage-driver / \"storage-driver\")", "aufs", "not aufs (e.g. overlay2)") if {
	not driver
	daemon.configured_storage_driver == "aufs"
}

missing contains m if {
	not driver
	not uses_aufs
	not is_aufs_removed
	some m in daemon.missing_info
}

missing contains "daemon.info.driver (GET /info reported no storage driver)" if {
	daemon.info_known
	not driver
	not uses_aufs
	not is_aufs_removed
}

checked := 1

note := sprintf("dockerd uses the containerd image store: %s is a containerd snapshotter, not a storage driver", [driver]) if {
	daemon.containerd_image_store
	driver
	not is_aufs_removed
}

evidence := {"driver": driver_or_null, "containerd_image_store": store, "engine_version": engine_or_null}

default driver_or_null := null

driver_or_null := v if v := driver

default store := false

store := true if daemon.containerd_image_store

default engine_or_null := null

engine_or_null := v if v := daemon.engine_version
