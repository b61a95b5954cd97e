package cis_docker_1_1_0.c4_9_test

import data.cis_docker_1_1_0.c4_9
import data.lib.result

legacy_rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

legacy_cmd := {"created_by": "/bin/sh -c #(nop)  CMD [\"bash\"]", "empty_layer": true}

legacy_copy := {"created_by": "/bin/sh -c #(nop) COPY file:73e2b2d4 in /app/ ", "empty_layer": false}

legacy_add_app := {"created_by": "/bin/sh -c #(nop) ADD file:9a8b7c in /app/ ", "empty_layer": false}

legacy_healthcheck := {"created_by": "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"true\"] \"5s\" \"3s\" \"0s\" '\\x00'}", "empty_layer": true}

buildkit_rootfs := {"created_by": "ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit", "empty_layer": false}

buildkit_add_url := {"created_by": "ADD https://example.com/tool.tar.gz /opt/ # buildkit", "empty_layer": false}

copy_only := {"id": "sha256:copy", "repo_tags": ["copy:1"], "repo_digests": [], "history": [legacy_rootfs, legacy_cmd, legacy_copy, legacy_healthcheck]}

alpine_only := {"id": "sha256:alpine", "repo_tags": ["alpine:3.20"], "repo_digests": [], "history": [buildkit_rootfs]}

adds_app := {"id": "sha256:adds", "repo_tags": ["adds:1"], "repo_digests": [], "history": [legacy_rootfs, legacy_cmd, legacy_add_app]}

fetches := {"id": "sha256:fetch", "repo_tags": ["fetch:1"], "repo_digests": [], "history": [buildkit_rootfs, buildkit_add_url]}

fetch_resource := {"kind": "image", "id": "sha256:fetch", "name": "fetch:1"}

test_base_rootfs_add_and_copy_pass if {
	c4_9.reviews == set() with input.images as [copy_only, alpine_only]
	c4_9.checked == 2 with input.images as [copy_only, alpine_only]
	c4_9.missing == set() with input.images as [copy_only, alpine_only]
}

test_own_add_is_reviewed if {
	rs := c4_9.reviews with input.images as [copy_only, adds_app]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:adds", "name": "adds:1"},
		"message": "image adds:1 has 1 ADD step(s) besides its base root filesystem, e.g. ADD file:9a8b7c in /app/",
		"actual": ["ADD file:9a8b7c in /app/"],
		"expected": "COPY instead of ADD",
	}}
}

test_url_add_is_noted if {
	rs := c4_9.reviews with input.images as [fetches]
	result.brief(rs) == {{
		"resource": fetch_resource,
		"message": "image fetch:1 has 1 ADD step(s) besides its base root filesystem, e.g. ADD https://example.com/tool.tar.gz /opt/ (one fetches a URL)",
	}}
}

test_steps_are_in_build_order if {
	img := object.union(adds_app, {"history": [legacy_rootfs, legacy_add_app, buildkit_add_url]})
	rs := c4_9.reviews with input.images as [img]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:adds", "name": "adds:1"},
		"message": "image adds:1 has 2 ADD step(s) besides its base root filesystem, e.g. ADD file:9a8b7c in /app/ (one fetches a URL)",
		"actual": ["ADD file:9a8b7c in /app/", "ADD https://example.com/tool.tar.gz /opt/"],
		"expected": "COPY instead of ADD",
	}}
}

test_no_images_is_not_applicable if {
	c4_9.not_applicable == "there are no images on this host" with input.images as []
	c4_9.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_9.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_9.not_applicable with input.images as null
}

test_unknown_history_is_missing if {
	img := object.union(adds_app, {"history": null})
	c4_9.missing == {"image adds:1 history (GET /images/{id}/history failed)"} with input.images as [img]
	c4_9.reviews == set() with input.images as [img]
}

test_quoted_add_is_reported_intact if {
	quoted := {"created_by": "ADD --chown=\"app\" https://example.com/a.tgz /opt/ # buildkit", "empty_layer": false}
	img := object.union(fetches, {"history": [buildkit_rootfs, quoted]})
	rs := c4_9.reviews with input.images as [img]
	rs == {{
		"resource": fetch_resource,
		"message": "image fetch:1 has 1 ADD step(s) besides its base root filesystem, e.g. ADD --chown=\"app\" https://example.com/a.tgz /opt/ (one fetches a URL)",
		"actual": ["ADD --chown=\"app\" https://example.com/a.tgz /opt/"],
		"expected": "COPY instead of ADD",
	}}
}
