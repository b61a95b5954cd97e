package cis_docker_1_1_0.c4_11_test

import data.cis_docker_1_1_0.c4_11

rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

add_key := {"created_by": "RUN /bin/sh -c curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/ex.gpg && echo 'deb [signed-by=/usr/share/keyrings/ex.gpg] https://example.com stable main' > /etc/apt/sources.list.d/ex.list # buildkit", "empty_layer": false}

install := {"created_by": "RUN /bin/sh -c apt-get update && apt-get install -y ex-tool # buildkit", "empty_layer": false}

checksum := {"created_by": "/bin/sh -c curl -o t.tgz https://example.com/t.tgz && echo \"abc  t.tgz\" | sha256sum -c -", "empty_layer": false}

unauthenticated := {"created_by": "RUN /bin/sh -c apt-get install -y --allow-unauthenticated ex-tool # buildkit", "empty_layer": false}

nogpg := {"created_by": "/bin/sh -c yum install -y --nogpgcheck ex-tool", "empty_layer": false}

verified := {"id": "sha256:ok", "repo_tags": ["ok:1"], "repo_digests": [], "history": [rootfs, add_key, install, checksum]}

risky := {"id": "sha256:risky", "repo_tags": ["risky:1"], "repo_digests": [], "history": [rootfs, unauthenticated, nogpg]}

test_manual_with_install_and_verification_steps if {
	c4_11.manual with input.images as [verified]
	c4_11.evidence == {"images": [{
		"name": "ok:1",
		"install_steps": 1,
		"verification_steps": [
			"RUN /bin/sh -c curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/ex.gpg && echo 'deb [signed-by=/usr/share/keyrings/ex.gpg] https...",
			"RUN /bin/sh -c curl -o t.tgz https://example.com/t.tgz && echo \"abc  t.tgz\" | sha256sum -c -",
		],
	}]} with input.images as [verified]
	count(c4_11.reviews) == 0 with input.images as [verified]
	count(c4_11.missing) == 0 with input.images as [verified]
}

test_verification_switched_off_is_reviewed if {
	rs := c4_11.reviews with input.images as [verified, risky]
	rs == [{
		"resource": {"kind": "image", "id": "sha256:risky", "name": "risky:1"},
		"message": "image risky:1 switches package verification off in 2 build step(s), e.g. RUN /bin/sh -c apt-get install -y --allow-unauthenticated ex-tool",
		"actual": ["RUN /bin/sh -c apt-get install -y --allow-unauthenticated ex-tool", "RUN /bin/sh -c yum install -y --nogpgcheck ex-tool"],
		"expected": "package verification left on",
	}]
}

test_no_images_is_not_applicable if {
	c4_11.not_applicable == "there are no images on this host" with input.images as []
}

test_uncollected_images_are_missing if {
	c4_11.missing == {"images (the image list could not be collected)"} with input.images as null
}

test_unknown_history_is_missing if {
	img := object.union(risky, {"history": null})
	c4_11.missing == {"image risky:1 history (GET /images/{id}/history failed)"} with input.images as [img]
}
