# METADATA
# title: "Ensure image sprawl is avoided"
# custom:
#   id: "6.1"
#   section: "6"
#   section_title: "Docker Security Operations"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Keep only needed images, pin by digest, and prune unused/dangling images regularly.
#   cis_v1_6_0: "6.1"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/manage-resources/pruning/#prune-images
package cis_docker_1_1_0.c6_1

import data.lib.containers
import data.lib.result
import data.lib.values

# An image is in use when any container, running or stopped, was created from it (compared by
# image id, with or without the "sha256:" prefix). The auditor's own container counts: its image
# is in use. Every unused image is reported for review (warn): whether it must be kept is the
# operator's call. Dangling images (no tag) say so in the message.

images_known if is_array(input.images)

containers_known if is_array(input.containers)

missing contains "images (the image list could not be collected)" if not images_known

missing contains "containers (the container list could not be collected, so image use is unknown)" if {
	images_known
	count(input.images) > 0
	not containers_known
}

# A container list shorter than the daemon's count would make images look unused.
missing contains m if {
	images_known
	count(input.images) > 0
	some m in containers.short_list
}

not_applicable := "there are no images on this host" if {
	images_known
	count(input.images) == 0
}

checked := count(input.images) if {
	images_known
	containers_known
}

short_id(id) := trim_prefix(id, "sha256:")

used_ids := {short_id(c.image_id) | some c in values.items(input.containers)}

is_used(img) if short_id(img.id) in used_ids

is_dangling(img) if count(img.repo_tags) == 0

is_dangling(img) if "<none>:<none>" in img.repo_tags

kind(img) := "dangling image" if is_dangling(img)

else := "image"

unused := [img | some img in values.items(input.images); not is_used(img)]

reviews contains result.finding(result.image(img), msg, "used by no container", "used by a container, or removed") if {
	containers_known
	some img in unused
	msg := sprintf("%s %s (%s) is not used by any container, running or stopped", [kind(img), result.image_name(img), substring(short_id(img.id), 0, 12)])
}

evidence := {
	"images": count(input.images),
	"in_use": count(input.images) - count(unused),
	"unused": count(unused),
	"dangling": count([img | some img in input.images; is_dangling(img)]),
} if {
	images_known
	containers_known
}
