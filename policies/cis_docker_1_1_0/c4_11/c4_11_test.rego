package cis_docker_1_1_0.c4_11_test

import data.cis_docker_1_1_0.c4_11
import data.lib.result

rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

add_key := {"created_by": "RUN /bin/sh -c curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/ex.gpg && echo 'deb [signed-by=/usr/share/keyrings/ex.gpg] https://example.com stable main' > /etc/apt/sources.list.d/ex.list # buildkit", "empty_layer": false}

install := {"created_by": "RUN /bin/sh -c apt-get update && apt-get install -y ex-tool # buildkit", "empty_layer": false}

checksum := {"created_by": "/bin/sh -c curl -o t.tgz https://example.com/t.tgz && echo \"abc  t.tgz\" | sha256sum -c -", "empty_layer": false}

unauthenticated := {"created_by": "RUN /bin/sh -c apt-get install -y --allow-unauthenticated ex-tool # buildkit", "empty_layer": false}

nogpg := {"created_by": "/bin/sh -c yum install -y --nogpgcheck ex-tool", "empty_layer": false}

verified := {"id": "sha256:ok", "repo_tags": ["ok:1"], "repo_digests": [], "history": [rootfs, add_key, install, checksum]}

risky := {"id": "sha256:risky", "repo_tags": ["risky:1"], "repo_digests": [], "history": [rootfs, unauthenticated, nogpg]}

manual_text := "Confirm from the Dockerfiles that every package comes from a signed repository or is verified by signature or checksum (see the install and verification steps in the evidence)"

# image_with(lines): an image q:1 whose history is the given created_by lines.
image_with(lines) := {"id": "sha256:q", "repo_tags": ["q:1"], "repo_digests": [], "history": [{"created_by": l, "empty_layer": false} | some l in lines]}

test_manual_with_install_and_verification_steps if {
	c4_11.manual == manual_text with input.images as [verified]
	c4_11.evidence == {"images": [{
		"name": "ok:1",
		"install_steps": 1,
		"verification_steps": [
			"RUN /bin/sh -c curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/ex.gpg && echo 'deb [signed-by=/usr/share/keyrings/ex.gpg] https...",
			"RUN /bin/sh -c curl -o t.tgz https://example.com/t.tgz && echo \"abc  t.tgz\" | sha256sum -c -",
		],
	}]} with input.images as [verified]
	c4_11.reviews == set() with input.images as [verified]
	c4_11.missing == set() with input.images as [verified]
	c4_11.checked == 1 with input.images as [verified]
}

test_verification_switched_off_is_reviewed if {
	rs := c4_11.reviews with input.images as [verified, risky]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:risky", "name": "risky:1"},
		"message": "image risky:1 switches package verification off in 2 build step(s), e.g. RUN /bin/sh -c apt-get install -y --allow-unauthenticated ex-tool",
		"actual": ["RUN /bin/sh -c apt-get install -y --allow-unauthenticated ex-tool", "RUN /bin/sh -c yum install -y --nogpgcheck ex-tool"],
		"expected": "package verification left on",
	}}
}

test_long_quoted_step_is_cut_by_characters if {
	line := "/bin/sh -c echo \"deb [trusted=yes] http://example.com/debian stable main\" > /etc/apt/sources.list.d/example.list && apt-get update && apt-get install -y \"example-tool\" \"example-lib\""
	rs := c4_11.reviews with input.images as [image_with([line])]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:q", "name": "q:1"},
		"message": "image q:1 switches package verification off in 1 build step(s), e.g. RUN /bin/sh -c echo \"deb [trusted=yes] http://example.com/debian stable main\" > /etc/apt/sources.list.d/example.list && apt-get update && apt-get install -y ...",
		"actual": ["RUN /bin/sh -c echo \"deb [trusted=yes] http://example.com/debian stable main\" > /etc/apt/sources.list.d/example.list && apt-get update && apt-get install -y ..."],
		"expected": "package verification left on",
	}}
}

test_install_steps_of_every_package_manager_are_counted if {
	lines := [
		"/bin/sh -c APT-GET -y INSTALL curl",
		"/bin/sh -c rpm -Uvh https://example.com/x.rpm",
		"/bin/sh -c dpkg -i /tmp/x.deb",
		"/bin/sh -c pip3 install --no-cache-dir requests",
		"/bin/sh -c npm ci",
		"/bin/sh -c apk add --no-cache git",
		"/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"apt-get install -y x\"] \"5s\" \"3s\" \"0s\" '\\x00'}",
		"/bin/sh -c apt-get\u00a0install curl",
		"/bin/sh -c rpm -qa",
	]
	c4_11.evidence == {"images": [{"name": "q:1", "install_steps": 6, "verification_steps": []}]} with input.images as [image_with(lines)]
}

test_verification_steps_are_found_in_any_case if {
	lines := [
		"/bin/sh -c GPG --verify x.sig x",
		"/bin/sh -c echo abc x | SHA512SUM -c",
		"/bin/sh -c cosign verify --key k example.com/app",
		"/bin/sh -c rpm --import https://example.com/key",
		"/bin/sh -c pip install --require-hashes -r req.txt",
		"/bin/sh -c gpgconf --kill all",
	]
	ev := c4_11.evidence with input.images as [image_with(lines)]
	ev == {"images": [{"name": "q:1", "install_steps": 1, "verification_steps": [
		"RUN /bin/sh -c GPG --verify x.sig x",
		"RUN /bin/sh -c echo abc x | SHA512SUM -c",
		"RUN /bin/sh -c cosign verify --key k example.com/app",
		"RUN /bin/sh -c rpm --import https://example.com/key",
		"RUN /bin/sh -c pip install --require-hashes -r req.txt",
	]}]}
}

test_no_images_is_not_applicable if {
	c4_11.not_applicable == "there are no images on this host" with input.images as []
	c4_11.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_11.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_11.not_applicable with input.images as null
}

test_unknown_history_is_missing if {
	img := object.union(risky, {"history": null})
	c4_11.missing == {"image risky:1 history (GET /images/{id}/history failed)"} with input.images as [img]
	c4_11.reviews == set() with input.images as [img]
	c4_11.evidence == {"images": []} with input.images as [img]
}
