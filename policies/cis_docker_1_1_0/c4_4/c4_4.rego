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

import data.lib.images

missing contains m if some m in images.missing_listed

not_applicable := images.none_listed

checked := count(images.listed)

manual := "Check that every image is scanned for vulnerabilities and rebuilt from patched bases (see each image's age in the evidence)"

evidence := {"images": [entry(img) | some img in images.listed]}

entry(img) := {
	"id": img.id,
	"name": images.name(img),
	"created_unix": img.created_unix,
	"age_days": age_days(img),
	"running_containers": object.get(images.running_names, img.id, []),
}

age_days(img) := floor((input.meta.collected_at_unix - img.created_unix) / 86400) if {
	is_number(img.created_unix)
	is_number(input.meta.collected_at_unix)
} else := null
