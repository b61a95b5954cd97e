# METADATA
# title: "Ensure update instructions are not use alone in the Dockerfile"
# description: >-
#   Heuristic over each image's build history (every RUN command is recorded there): a step
#   that refreshes the package index or upgrades packages (apt-get/apt update|upgrade,
#   yum/dnf/microdnf makecache|update|upgrade, apk update|upgrade, zypper refresh|update)
#   without installing a package in the same step is cached on its own, so later builds reuse
#   a stale index. Such steps are reported for review; an image without any passes. Base image
#   layers are part of the history and are reported too.
# custom:
#   id: "4.7"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Chain index update and package install in one RUN with pinned versions, or build with
#     --no-cache, so stale cached layers are not reused.
#   cis_v1_6_0: "4.7"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#   scope: all local images
package cis_docker_1_1_0.c4_7

import data.lib.images
import data.lib.result

missing contains m if some m in images.missing_listed

missing contains m if some m in images.missing_history

not_applicable := images.none_listed

checked := count(images.listed)

reviews contains result.finding(result.image(img), msg, steps, "package index updates chained with an install in the same RUN") if {
	some img in images.listed
	images.has_history(img)
	steps := lone_updates(img)
	count(steps) > 0
	msg := sprintf("image %s updates packages without installing any in the same step (%v step(s)), e.g. %s", [images.name(img), count(steps), images.abbreviated(steps[0], 120)])
}

# lone_updates: the image's RUN steps that update but do not install, oldest first.
lone_updates(img) := [s |
	some s in images.run_steps(img)
	is_update(s)
	not is_install(s)
]

is_update(s) if regex.match(update_pattern, s)

is_install(s) if regex.match(install_pattern, s)

# Both built from images.command_pattern: any case, options before the subcommand, ASCII word
# boundaries.
update_pattern := concat("|", [
	images.command_pattern("apt-get|apt|aptitude", "update|upgrade|dist-upgrade|full-upgrade"),
	images.command_pattern("yum|dnf|microdnf|tdnf", "makecache|update|upgrade|check-update"),
	images.command_pattern("apk", "update|upgrade"),
	images.command_pattern("zypper", "refresh|ref|update|up|dist-upgrade|dup"),
])

install_pattern := concat("|", [
	images.command_pattern("apt-get|apt|aptitude", "install"),
	images.command_pattern("yum|dnf|microdnf|tdnf", "install|groupinstall|localinstall|reinstall"),
	images.command_pattern("apk", "add"),
	images.command_pattern("zypper", "install|in"),
])
