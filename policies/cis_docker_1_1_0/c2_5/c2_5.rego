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
driver := input.daemon.info.driver if is_string(input.daemon.info.driver)

violations contains result.finding(result.daemon, "dockerd uses the aufs storage driver (GET /info Driver)", "aufs", "not aufs (e.g. overlay2)") if {
	driver == "aufs"
}

violations contains result.finding(result.daemon, "dockerd is configured with the aufs storage driver (--storage-driver / \"storage-driver\")", "aufs", "not aufs (e.g. overlay2)") if {
	not driver
	daemon.string_option("storage-driver", "storage-driver") == "aufs"
}

missing contains m if {
	not driver
	count(violations) == 0
	some m in daemon.missing_info
}

missing contains "daemon.info.driver (GET /info reported no storage driver)" if {
	daemon.info_known
	not driver
	count(violations) == 0
}

checked := 1

evidence := {"driver": driver_or_null}

default driver_or_null := null

driver_or_null := v if v := driver
