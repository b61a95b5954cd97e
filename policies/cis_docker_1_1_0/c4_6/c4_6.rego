# METADATA
# title: "Ensure HEALTHCHECK instructions have been added to the container image"
# custom:
#   id: "4.6"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: true
#   automated: true
#   severity: medium
#   remediation: >-
#     Add a HEALTHCHECK instruction to each Dockerfile and rebuild.
#   cis_v1_6_0: "4.6"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/dockerfile/#healthcheck
#   scope: all local images
package cis_docker_1_1_0.c4_6

import data.lib.images
import data.lib.result

missing contains m if some m in images.missing_listed

missing contains m if some m in images.missing_inspect

not_applicable := images.none_listed

checked := count(images.listed)

violations contains result.finding(result.image(img), msg, actual(img), "a HEALTHCHECK instruction") if {
	some img in images.listed
	images.is_inspected(img)
	not has_healthcheck(img)
	msg := sprintf("image %s %s", [images.name(img), problem(img)])
}

# has_healthcheck: a test command other than NONE (HEALTHCHECK NONE disables an inherited one).
has_healthcheck(img) if {
	count(img.healthcheck.test) > 0
	img.healthcheck.test[0] != "NONE"
}

problem(img) := "disables the health check (HEALTHCHECK NONE)" if img.healthcheck.test[0] == "NONE"

else := "has no HEALTHCHECK instruction"

# actual: the test command; a health check object without one has the schema's default, [].
actual(img) := object.get(img.healthcheck, "test", []) if is_object(img.healthcheck)

else := null
