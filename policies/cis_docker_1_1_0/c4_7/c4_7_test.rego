package cis_docker_1_1_0.c4_7_test

import data.cis_docker_1_1_0.c4_7

rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

lone_update := {"created_by": "/bin/sh -c apt-get update", "empty_layer": false}

later_install := {"created_by": "/bin/sh -c apt-get install -y curl", "empty_layer": false}

chained := {"created_by": "RUN /bin/sh -c apt-get -q update && apt-get install -y --no-install-recommends curl=8.5.0-2 # buildkit", "empty_layer": false}

apk_add_update := {"created_by": "RUN /bin/sh -c apk add --update --no-cache curl # buildkit", "empty_layer": false}

yum_update_alone := {"created_by": "RUN /bin/sh -c yum -y update && yum clean all # buildkit", "empty_layer": false}

env_update := {"created_by": "/bin/sh -c #(nop)  ENV APT_UPDATE=<redacted>", "empty_layer": true}

clean := {"id": "sha256:clean", "repo_tags": ["clean:1"], "repo_digests": [], "history": [rootfs, chained, apk_add_update, env_update]}

stale := {"id": "sha256:stale", "repo_tags": ["stale:1"], "repo_digests": [], "history": [rootfs, lone_update, later_install]}

test_chained_update_and_install_passes if {
	count(c4_7.reviews) == 0 with input.images as [clean]
	c4_7.checked == 1 with input.images as [clean]
	count(c4_7.missing) == 0 with input.images as [clean]
	not c4_7.manual with input.images as [clean]
}

test_update_alone_is_reviewed if {
	rs := c4_7.reviews with input.images as [clean, stale]
	rs == [{
		"resource": {"kind": "image", "id": "sha256:stale", "name": "stale:1"},
		"message": "image stale:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update",
		"actual": ["RUN /bin/sh -c apt-get update"],
		"expected": "package index updates chained with an install in the same RUN",
	}]
}

test_yum_update_alone_is_reviewed if {
	img := {"id": "sha256:yum", "repo_tags": ["yum:1"], "repo_digests": [], "history": [rootfs, yum_update_alone]}
	some r in c4_7.reviews with input.images as [img]
	r.actual == ["RUN /bin/sh -c yum -y update && yum clean all"]
}

test_long_step_is_shortened_in_the_message if {
	long := {"created_by": "/bin/sh -c apt-get update && echo 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", "empty_layer": false}
	img := {"id": "sha256:long", "repo_tags": ["long:1"], "repo_digests": [], "history": [long]}
	some r in c4_7.reviews with input.images as [img]
	r.message == "image long:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update && echo 0123456789012345678901234567890123456789012345678901234567890123456789012345678..."
}

test_no_images_is_not_applicable if {
	c4_7.not_applicable == "there are no images on this host" with input.images as []
}

test_uncollected_images_are_missing if {
	c4_7.missing == {"images (the image list could not be collected)"} with input.images as null
}

test_unknown_history_is_missing if {
	img := object.union(stale, {"history": null})
	c4_7.missing == {"image stale:1 history (GET /images/{id}/history failed)"} with input.images as [img]
	count(c4_7.reviews) == 0 with input.images as [img]
}

test_other_package_managers if {
	steps := [
		{"created_by": "/bin/sh -c apk update", "empty_layer": false},
		{"created_by": "/bin/sh -c apt-get update && apt-get -y upgrade", "empty_layer": false},
		{"created_by": "RUN /bin/sh -c dnf makecache && dnf install -y git # buildkit", "empty_layer": false},
		{"created_by": "RUN /bin/sh -c zypper --non-interactive refresh # buildkit", "empty_layer": false},
	]
	img := {"id": "sha256:pm", "repo_tags": ["pm:1"], "repo_digests": [], "history": steps}
	some r in c4_7.reviews with input.images as [img]
	r.actual == ["RUN /bin/sh -c apk update", "RUN /bin/sh -c apt-get update && apt-get -y upgrade", "RUN /bin/sh -c zypper --non-interactive refresh"]
}

test_quoted_command_is_reported_intact if {
	quoted := {"created_by": "/bin/sh -c apt-get update && echo \"done \\\\o/\"", "empty_layer": false}
	img := {"id": "sha256:q", "repo_tags": ["q:1"], "repo_digests": [], "history": [quoted]}
	some r in c4_7.reviews with input.images as [img]
	r.actual == ["RUN /bin/sh -c apt-get update && echo \"done \\\\o/\""]
	r.message == "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update && echo \"done \\\\o/\""
}


test_long_step_with_quotes_is_cut_by_characters if {
	quoted := {"created_by": "/bin/sh -c apt-get update && echo \"one two\" three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen", "empty_layer": false}
	img := {"id": "sha256:q", "repo_tags": ["q:1"], "repo_digests": [], "history": [quoted]}
	some r in c4_7.reviews with input.images as [img]
	r.message == "image q:1 updates packages without installing any in the same step (1 step(s)), e.g. RUN /bin/sh -c apt-get update && echo \"one two\" three four five six seven eight nine ten eleven twelve thirteen fourt..."
}
