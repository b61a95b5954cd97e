# METADATA
# title: "Ensure COPY is used instead of ADD in Dockerfile"
# description: >-
#   From each image's build history: every ADD step except the one that unpacks the base
#   image's root filesystem (legacy "ADD file:<hash> in /", or an ADD into "/" as the first
#   layer) is reported for review, with a note when it fetches a URL. An image without such a
#   step passes. Heuristic: ADD steps of intermediate base images are part of the history too.
# custom:
#   id: "4.9"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Use COPY for local files; fetch remote content explicitly in a RUN step with verification.
#   cis_v1_6_0: "4.9"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/build/building/best-practices/#add-or-copy
#   scope: all local images
package cis_docker_1_1_0.c4_9

import data.lib.images
import data.lib.result

missing contains m if some m in images.missing_listed

missing contains m if some m in images.missing_history

not_applicable := images.none_listed

checked := count(images.listed)

reviews contains result.finding(result.image(img), msg, steps, "COPY instead of ADD") if {
	some img in images.listed
	images.has_history(img)
	adds := images.own_adds(img)
	count(adds) > 0
	steps := [adds[i] | some i in sort(object.keys(adds))]
	msg := sprintf("image %s has %v ADD step(s) besides its base root filesystem, e.g. %s%s", [images.name(img), count(steps), steps[0], url_note(steps)])
}

# url_note flags remote sources: ADD downloads them without verification.
url_note(steps) := " (one fetches a URL)" if {
	some s in steps
	contains(s, "://")
} else := ""
