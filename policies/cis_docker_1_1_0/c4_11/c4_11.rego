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
# reviews (parsing the history is the costly part).
parsed := [{"image": img, "run_steps": images.run_steps(img)} | some img in images.listed; images.has_history(img)]

evidence := {"images": [entry(p) | some p in parsed]}

entry(p) := {
	"name": images.name(p.image),
	"install_steps": count([s | some s in p.run_steps; is_install(s)]),
	"verification_steps": [images.abbreviated(s, 160) | some s in p.run_steps; is_verification(s)],
}

reviews contains result.finding(result.image(p.image), msg, steps, "package verification left on") if {
	some p in parsed
	steps := [images.abbreviated(s, 160) | some s in p.run_steps; is_unverified(s)]
	count(steps) > 0
	msg := sprintf("image %s switches package verification off in %v build step(s), e.g. %s", [images.name(p.image), count(steps), steps[0]])
}

is_install(s) if regex.match(install_pattern, s)

is_verification(s) if regex.match(verification_pattern, s)

is_unverified(s) if regex.match(unverified_pattern, s)

# Any case; blanks and word boundaries as ASCII classes, as in images.command_pattern.
install_pattern := concat("|", [
	images.command_pattern("apt-get|apt|aptitude", "install"),
	images.command_pattern("yum|dnf|microdnf|tdnf|zypper", "install|in|localinstall"),
	images.command_pattern("apk", "add"),
	`(?i)(^|[^[:word:]])rpm[[:space:]]+(-[^[:space:]]+[[:space:]]+)*-[a-z]*[iu]`, # rpm -i, -U, -ivh, -Uvh
	images.command_pattern("dpkg", "-i"),
	images.command_pattern("pip3?", "install"),
	images.command_pattern("npm", "install|ci"),
])

verification_pattern := concat("|", [
	`(?i)(^|[^[:word:]])(gpg|gpgv|sha(1|256|384|512)sum|md5sum)([^[:word:]]|$)`,
	`(?i)(^|[^[:word:]])cosign[[:space:]]+verify`,
	`(?i)apt-key|signed-by=|rpm[[:space:]]+--import|--require-hashes|gpgcheck=1`,
])

unverified_pattern := `(?i)--allow-unauthenticated|--allow-insecure-repositories|\[trusted=yes\]|--nogpgcheck|gpgcheck=0|--no-gpg-checks|--allow-untrusted|--force-yes`
