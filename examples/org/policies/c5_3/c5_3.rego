# METADATA
# title: "Ensure Linux Kernel Capabilities are restricted within containers"
# description: >-
#   Example Corp's 5.3 replaces the built-in one (same id): a container may add a capability
#   only when its image is on the organisation's allow-list for it
#   (params custom.cap_allow: image reference -> capabilities).
# custom:
#   id: "5.3"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: true
#   automated: true
#   severity: high
#   remediation: >-
#     Drop the capability, or ask the platform team to allow it for this image.
#   cis_v1_6_0: "5.3"
#   references:
#     - https://wiki.example.com/containers/capabilities
package org.c5_3

import data.lib.containers
import data.lib.result

allow_list := object.get(data.dockerbench.params, ["custom", "cap_allow"], {})

missing contains m if some m in containers.missing_listed

not_applicable := containers.none_listed

checked := count(containers.listed)

violations contains result.finding(result.container(c), msg, cap, "a capability allowed for the image") if {
	some c in containers.inspected
	some cap in c.cap_add
	not is_allowed(c.image, cap)
	msg := sprintf("container %s adds %s, which image %s is not allowed to add", [containers.name(c), cap, c.image])
}

is_allowed(image, cap) if cap in object.get(allow_list, image, [])
