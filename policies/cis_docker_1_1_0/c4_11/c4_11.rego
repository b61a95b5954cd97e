# METADATA
# title: "Ensure verified packages are only Installed"
# description: >-
#   Manual: whether every package was authenticated needs the Dockerfile and the repository
#   setup. The evidence lists, per image, its build steps that install packages and those that
#   verify keys, signatures or checksums. Steps that explicitly switch verification off
#   (--allow-unauthenticated, [trusted=yes], --nogpgcheck, gpgcheck=0, --no-gpg-checks,
#   --allow-untrusted, --allow-insecure-repositories) are reported for review.
# custom:
#   id: "4.11"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 2
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Install packages only from signed repositories with verified keys, or verify downloads by
#     signature/checksum during the build.
#   cis_v1_6_0: "4.11"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#   scope: all local images
package cis_docker_1_1_0.c4_11

import data.lib.images
import data.lib.result

missing contains m if some m in images.missing_listed

missing contains m if some m in images.missing_history

not_applicable := images.none_listed

checked := count(images.listed)

manual := "Confirm from the Dockerfiles that every package comes from a signed repository or is verified by signature or checksum (see the install and verification steps in the evidence)"

# parsed: each image with a history and its RUN steps, parsed once for the evidence and the
# reviews (regopy does not cache function results, and parsing the history is the costly part).
parsed := [[img, images.run_steps(img)] | some img in images.listed; images.has_history(img)]

evidence := {"images": [entry(p[0], p[1]) | some p in parsed]}

entry(img, steps) := {
	"name": images.name(img),
	"install_steps": count([s | some s in steps; is_install(s)]),
	"verification_steps": [images.abbreviated(s, 160) | some s in steps; is_verification(s)],
}

# An array, not a set: regopy's sets are quadratic in their size (one finding per image).
reviews := [result.finding(result.image(img), msg, steps, "package verification left on") |
	some p in parsed
	img := p[0]
	steps := [images.abbreviated(s, 160) | some s in p[1]; is_unverified(s)]
	count(steps) > 0
	msg := concat("", [sprintf("image %s switches package verification off in %v build step(s), e.g. ", [images.name(img), count(steps)]), steps[0]])
]

install_pattern := `\b(apt-get|apt|aptitude)\s+(-\S+\s+)*install\b|\b(yum|dnf|microdnf|tdnf|zypper)\s+(-\S+\s+)*(install|in|localinstall)\b|\bapk\s+(-\S+\s+)*add\b|\brpm\s+(-\S+\s+)*-[a-z]*[iu]|\bdpkg\s+(-\S+\s+)*-i\b|\bpip3?\s+(-\S+\s+)*install\b|\bnpm\s+(-\S+\s+)*(install|ci)\b`

verification_pattern := `\bgpg\b|\bgpgv\b|apt-key|signed-by=|rpm\s+--import|\bsha(1|256|384|512)sum\b|\bmd5sum\b|\bcosign\s+verify|--require-hashes|gpgcheck=1`

unverified_pattern := `--allow-unauthenticated|--allow-insecure-repositories|\[trusted=yes\]|--nogpgcheck|gpgcheck=0|--no-gpg-checks|--allow-untrusted|--force-yes`

# Matched on the lower-cased step: regopy 1.5 rejects the (?i) flag.
is_install(s) if regex.match(install_pattern, lower(s))

is_verification(s) if regex.match(verification_pattern, lower(s))

is_unverified(s) if regex.match(unverified_pattern, lower(s))
