# METADATA
# title: "Ensure images are scanned and rebuilt to include security patches"
# description: >-
#   Manual: vulnerability scan results live outside the Docker host. The evidence gives each
#   local image's build date and age in days at collection time (an old image has not been
#   rebuilt with recent fixes) and the running containers using it.
# custom:
#   id: "4.4"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Re-pull patched base images, rebuild with --no-cache, and restart containers from the new
#     images; automate vulnerability scanning.
#   cis_v1_6_0: "4.4"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/scout/
#     - https://docs.docker.com/build/building/best-practices/#rebuild-your-images-often
#   scope: all local images
package cis_docker_1_1_0.c4_4

import data.lib.containers
import data.lib.images

missing contains m if some m in images.missing_listed

not_applicable := images.none_listed

checked := count(images.listed)

manual := "Check that every image is scanned for vulnerabilities and rebuilt from patched bases (see each image's age in the evidence)"

evidence := {"images": [entry(img) | some img in images.in_order]}

entry(img) := {
	"id": img.id,
	"name": images.name(img),
	"created_unix": img.created_unix,
	"age_days": age_days(img),
	"running_containers": object.get(running_names, img.id, []),
}

# running_names: image id -> the sorted names of its running containers, built once: the
# (image id, name) pairs sorted and cut where the id changes. Looking through every running
# container for every image took seconds at 1000 containers and 100 images in regopy.
running_pairs := sort([[c.image_id, containers.name(c)] | some c in containers.running])

running_pair_names := [p[1] | some p in running_pairs]

# group_starts/group_ends: where each image id's run of pairs begins and ends.
group_starts := array.concat([0], [i | some i; running_pairs[i][0] != running_pairs[i - 1][0]]) if count(running_pairs) > 0

else := []

group_ends := array.concat(array.slice(group_starts, 1, count(group_starts)), [count(running_pairs)])

running_names := {running_pairs[s][0]: array.slice(running_pair_names, s, group_ends[g]) | some g; s := group_starts[g]}

age_days(img) := floor((input.meta.collected_at_unix - img.created_unix) / 86400) if {
	is_number(img.created_unix)
	is_number(input.meta.collected_at_unix)
} else := null
