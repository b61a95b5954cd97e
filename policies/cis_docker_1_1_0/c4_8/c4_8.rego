# METADATA
# title: "Ensure setuid and setgid permissions are removed in the images"
# description: >-
#   The collector lists the regular files with the setuid or setgid bit in each image's
#   filesystem (from its layers, without running it). Only a person can tell which of them
#   genuinely need the bit, so images that have any are reported for review; images without
#   any pass. An image whose layers were not scanned (scan disabled or failed) is missing.
# custom:
#   id: "4.8"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Strip setuid/setgid bits at build time from every binary that does not need them.
#   cis_v1_6_0: "4.8"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#   scope: all local images
package cis_docker_1_1_0.c4_8

import data.lib.images
import data.lib.result

missing contains m if some m in images.missing_listed

missing contains sprintf("image %s setuid_files (its layers were not scanned)", [images.name(img)]) if {
	some img in images.listed
	not is_scanned(img)
}

is_scanned(img) if is_array(img.setuid_files)

not_applicable := images.none_listed

checked := count(images.listed)

reviews contains result.finding(result.image(img), msg, paths, "no setuid/setgid file the image does not need") if {
	some img in images.listed
	is_scanned(img)
	count(img.setuid_files) > 0
	paths := sort([describe(f) | some f in img.setuid_files])
	msg := sprintf("image %s has %v setuid/setgid file(s), e.g. %s", [images.name(img), count(paths), paths[0]])
}

# describe: "/usr/bin/passwd (setuid)", "/usr/bin/wall (setgid)", "/x (setuid, setgid)".
describe(f) := sprintf("%s (setuid, setgid)", [f.path]) if {
	f.setuid == true
	f.setgid == true
} else := sprintf("%s (setuid)", [f.path]) if {
	f.setuid == true
} else := sprintf("%s (setgid)", [f.path])

evidence := {"setuid_files": [{"image": images.name(img), "count": count(img.setuid_files)} |
	some img in images.listed
	is_scanned(img)
]}
