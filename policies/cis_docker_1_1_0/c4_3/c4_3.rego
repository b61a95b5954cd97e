# METADATA
# title: "Ensure unnecessary packages are not installed in the container"
# description: >-
#   Manual: whether a package is needed depends on the container's purpose. The snapshot holds
#   no package inventory (dockerbench never executes anything inside a container), so the
#   evidence lists each local image with its size and the running containers using it, for a
#   reviewer to inspect with an SBOM tool or the package manager.
# custom:
#   id: "4.3"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Install only what the application needs and prefer minimal bases (e.g. Alpine, BusyBox,
#     distroless); remove package managers from final images where possible.
#   cis_v1_6_0: "4.3"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/build/building/best-practices/#dont-install-unnecessary-packages
#   scope: all local images
package cis_docker_1_1_0.c4_3

import data.lib.images

missing contains m if some m in images.missing_listed

not_applicable := images.none_listed

checked := count(images.listed)

manual := "Review the packages installed in each image (e.g. with an SBOM tool or dpkg -l / rpm -qa / apk info) and remove those its containers do not need"

evidence := {"images": [entry(img) | some img in images.listed]}

entry(img) := {
	"id": img.id,
	"name": images.name(img),
	"size": img.size,
	"running_containers": object.get(images.running_names, img.id, []),
}
