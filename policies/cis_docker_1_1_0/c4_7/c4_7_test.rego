package cis_docker_1_1_0.c4_7_test

import data.cis_docker_1_1_0.c4_7
import data.lib.result

rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

lone_update := {"created_by": "/bin/sh -c apt-get update", "empty_layer": false}

later_install := {"created_by": "/bin/sh -c apt-get install -y curl", "empty_layer": false}

chained := {"created_by": "RUN /bin/sh -c apt-get -q update && apt-get install -y --no-install-recommends curl=8.5.0-2 # buildkit", "empty_layer": false}

apk_add_update := {"created_by": "RUN /bin/sh -c apk add --update --no-cache curl # buildkit", "empty_layer": false}

yum_update_alone := {"created_by": "RUN /bin/sh -c yum -y update && yum clean all # buildkit", "empty_layer": false}

env_update := {"created_by": "/bin/sh -c #(nop)  ENV APT_UPDATE=<redacted>", "empty_layer": true}

healthcheck_update := {"created_by": "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"apt-get update\"] \"5s\" \"3s\" \"0s\" '\\x00'}", "empty_layer": true}

clean := {"id": "sha256:clean", "repo_tags": ["clean:1"], "repo_digests": [], "history": [rootfs, chained, apk_add_update, env_update, healthcheck_update]}

stale := {"id": "sha256:stale", "repo_tags": ["stale:1"], "repo_digests": [], "history": [rootfs, lone_update, later_install]}

expected := "package index updates chained with an install in the same RUN"

# image_with(steps): an image q:1 whose history is the given created_by lines.
image_with(lines) := {"id": "sha256:q", "repo_tags": ["q:1"], "repo_digests": [], "history": [{"created_by": l, "empty_layer": false} | some l in lines]}

q_resource := {"kind": "image", "id": "sha256:q", "name": "q:1"}

test_chained_update_and_install_passes if {
	c4_7.reviews == set() with input.images as [clean]
	c4_7.checked == 1 with input.images as [clean]
	c4_7.missing == set() with input.images as [clean]
}

test_update_alone_is_reviewed if {
	rs := c4_7.reviews with input.images as [clean, stale]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:stale", "name": "stale:1"},
		"message": "image stale:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update",
		"actual": ["RUN /bin/sh -c apt-get update"],
		"expected": expected,
	}}
	c4_7.checked == 2 with input.images as [clean, stale]
}

test_yum_update_alone_is_reviewed if {
	img := {"id": "sha256:yum", "repo_tags": ["yum:1"], "repo_digests": [], "history": [rootfs, yum_update_alone]}
	rs := c4_7.reviews with input.images as [img]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:yum", "name": "yum:1"},
		"message": "image yum:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c yum -y update && yum clean all",
		"actual": ["RUN /bin/sh -c yum -y update && yum clean all"],
		"expected": expected,
	}}
}

test_options_before_the_subcommand_and_any_case_are_read if {
	img := image_with(["/bin/sh -c APT-GET -qq --allow-releaseinfo-change UPDATE"])
	rs := c4_7.reviews with input.images as [img]
	result.brief(rs) == {{"resource": q_resource, "message": "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c APT-GET -qq --allow-releaseinfo-change UPDATE"}}
}

test_long_step_is_shortened_in_the_message if {
	img := image_with(["/bin/sh -c apt-get update && echo 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"])
	rs := c4_7.reviews with input.images as [img]
	result.brief(rs) == {{"resource": q_resource, "message": "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update && echo 0123456789012345678901234567890123456789012345678901234567890123456789012345678..."}}
}

test_no_images_is_not_applicable if {
	c4_7.not_applicable == "there are no images on this host" with input.images as []
	c4_7.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_7.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_7.not_applicable with input.images as null
}

test_unknown_history_is_missing if {
	img := object.union(stale, {"history": null})
	c4_7.missing == {"image stale:1 history (GET /images/{id}/history failed)"} with input.images as [img]
	c4_7.reviews == set() with input.images as [img]
}

test_other_package_managers if {
	steps := [
		"/bin/sh -c apk update",
		"/bin/sh -c apt-get update && apt-get -y upgrade",
		"RUN /bin/sh -c dnf makecache && dnf install -y git # buildkit",
		"RUN /bin/sh -c zypper --non-interactive refresh # buildkit",
	]
	rs := c4_7.reviews with input.images as [image_with(steps)]
	rs == {{
		"resource": q_resource,
		"message": "image q:1 updates packages without installing any in the same step (3 step(s)), e.g. RUN /bin/sh -c apk update",
		"actual": ["RUN /bin/sh -c apk update", "RUN /bin/sh -c apt-get update && apt-get -y upgrade", "RUN /bin/sh -c zypper --non-interactive refresh"],
		"expected": expected,
	}}
}

test_quoted_command_is_reported_intact if {
	rs := c4_7.reviews with input.images as [image_with(["/bin/sh -c apt-get update && echo \"done \\\\o/\""])]
	rs == {{
		"resource": q_resource,
		"message": "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update && echo \"done \\\\o/\"",
		"actual": ["RUN /bin/sh -c apt-get update && echo \"done \\\\o/\""],
		"expected": expected,
	}}
}

test_long_step_with_quotes_is_cut_by_characters if {
	img := image_with(["/bin/sh -c apt-get update && echo \"one two\" three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"])
	rs := c4_7.reviews with input.images as [img]
	result.brief(rs) == {{"resource": q_resource, "message": "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update && echo \"one two\" three four five six seven eight nine ten eleven twelve thirteen fourt..."}}
}

# Blanks and word boundaries are ASCII on both engines: a no-break space does not separate the
# tool from its subcommand (nor does it for the shell), and a non-ASCII letter is no word
# character.
test_unicode_neighbours_are_read_the_same_on_every_engine if {
	c4_7.reviews == set() with input.images as [image_with(["/bin/sh -c apt-get\u00a0update"])]
	rs := c4_7.reviews with input.images as [image_with(["/bin/sh -c \u00e9apk update"])]
	result.brief(rs) == {{"resource": q_resource, "message": "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c \u00e9apk update"}}
}
