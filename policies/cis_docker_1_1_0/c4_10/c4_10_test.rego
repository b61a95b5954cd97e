package cis_docker_1_1_0.c4_10_test

import data.cis_docker_1_1_0.c4_10
import data.lib.result

rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

env_path := {"created_by": "/bin/sh -c #(nop)  ENV PATH=<redacted>", "empty_layer": true}

env_secret := {"created_by": "/bin/sh -c #(nop)  ENV APP_VERSION=<redacted> DB_PASSWORD=<redacted>", "empty_layer": true}

arg_token := {"created_by": "ARG NPM_TOKEN", "empty_layer": true}

run_build_arg := {"created_by": "RUN |1 GITHUB_TOKEN=<redacted> /bin/sh -c make # buildkit", "empty_layer": false}

run_author := {"created_by": "RUN /bin/sh -c echo AUTHOR=me PASSENGERS=2 > /etc/info # buildkit", "empty_layer": false}

clean := {
	"id": "sha256:clean", "repo_tags": ["clean:1"], "repo_digests": [], "inspected": true,
	"env": [{"name": "PATH", "looks_secret": false, "value": null}],
	"labels": {"org.opencontainers.image.authors": "team@example.com", "maintainer": "me"},
	"history": [rootfs, env_path, run_author],
}

leaky := {
	"id": "sha256:leaky", "repo_tags": ["leaky:1"], "repo_digests": [], "inspected": true,
	"env": [{"name": "PATH", "looks_secret": false, "value": null}, {"name": "DB_PASSWORD", "looks_secret": true, "value": null}],
	"labels": {"deploy.key": "-----BEGIN OPENSSH PRIVATE KEY-----", "version": "1"},
	"history": [rootfs, env_secret, arg_token, run_build_arg],
}

manual_text := "No secret-like name was found in image environments, build steps or labels; review the Dockerfiles and image contents for secrets (files, values)"

leaky_resource := {"kind": "image", "id": "sha256:leaky", "name": "leaky:1"}

clean_resource := {"kind": "image", "id": "sha256:clean", "name": "clean:1"}

expected := "no secret in the image configuration or build history"

test_clean_image_is_manual if {
	c4_10.reviews == set() with input.images as [clean]
	c4_10.manual == manual_text with input.images as [clean]
	c4_10.missing == set() with input.images as [clean]
	c4_10.checked == 1 with input.images as [clean]
}

test_secret_hints_are_reviewed_without_values if {
	rs := c4_10.reviews with input.images as [clean, leaky]
	rs == {{
		"resource": leaky_resource,
		"message": "image leaky:1 has 5 secret-like item(s) in its configuration or build history, e.g. env DB_PASSWORD",
		"actual": [
			"env DB_PASSWORD",
			"build step 2 sets DB_PASSWORD",
			"build step 3 sets NPM_TOKEN",
			"build step 4 sets GITHUB_TOKEN",
			"label deploy.key",
		],
		"expected": expected,
	}}
	c4_10.checked == 2 with input.images as [clean, leaky]
}

test_pass_as_a_word_is_secret_but_not_inside_a_word if {
	c4_10.is_secret_name("DB_PASS")
	c4_10.is_secret_name("basic_auth")
	not c4_10.is_secret_name("PASSENGERS")
	not c4_10.is_secret_name("AUTHOR")
}

test_secret_names_in_any_case if {
	c4_10.is_secret_name("db_password")
	c4_10.is_secret_name("Github_Token")
	c4_10.is_secret_name("signing_key")
	not c4_10.is_secret_name("keyboard")
	not c4_10.is_secret_name("authority")
}

# Outside ASCII both engines read a name the same way (upper("ß") would not).
test_non_ascii_names_are_read_the_same_on_every_engine if {
	not c4_10.is_secret_name("paßword")
	c4_10.is_secret_name("é_pass")
}

test_key_shaped_label_value_is_a_hint if {
	c4_10.is_secret_label("note", "AKIAABCDEFGHIJKLMNOP")
	not c4_10.is_secret_label("note", "hello")
}

test_old_style_env_name_is_a_hint if {
	old_env := {"created_by": "/bin/sh -c #(nop)  ENV API_SECRET <redacted>", "empty_layer": true}
	img := object.union(clean, {"history": [rootfs, old_env]})
	rs := c4_10.reviews with input.images as [img]
	rs == {{
		"resource": clean_resource,
		"message": "image clean:1 has 1 secret-like item(s) in its configuration or build history, e.g. build step 2 sets API_SECRET",
		"actual": ["build step 2 sets API_SECRET"],
		"expected": expected,
	}}
}

test_arg_names_with_and_without_defaults_are_hints if {
	args := {"created_by": "ARG VERSION SIGNING_KEY CI_TOKEN=<redacted>", "empty_layer": true}
	healthcheck := {"created_by": "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"true\"] \"5s\" \"3s\" \"0s\" '\\x00'}", "empty_layer": true}
	img := object.union(clean, {"history": [rootfs, healthcheck, args]})
	rs := c4_10.reviews with input.images as [img]
	rs == {{
		"resource": clean_resource,
		"message": "image clean:1 has 2 secret-like item(s) in its configuration or build history, e.g. build step 3 sets CI_TOKEN",
		"actual": ["build step 3 sets CI_TOKEN", "build step 3 sets SIGNING_KEY"],
		"expected": expected,
	}}
}

test_label_hints_are_sorted_by_name if {
	img := object.union(clean, {"labels": {"z.token": "x", "a.note": "ghp_0123456789"}})
	rs := c4_10.reviews with input.images as [img]
	result.brief(rs) == {{
		"resource": clean_resource,
		"message": "image clean:1 has 2 secret-like item(s) in its configuration or build history, e.g. label a.note",
	}}
}

test_no_images_is_not_applicable if {
	c4_10.not_applicable == "there are no images on this host" with input.images as []
	c4_10.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_10.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_10.not_applicable with input.images as null
}

test_uninspected_image_is_missing if {
	img := object.union(leaky, {"inspected": false})
	c4_10.missing == {"image leaky:1 (GET /images/{id}/json failed: its configuration is unknown)"} with input.images as [img]
	c4_10.reviews == set() with input.images as [img]
}

test_unknown_history_is_missing if {
	img := object.union(clean, {"history": null})
	c4_10.missing == {"image clean:1 history (GET /images/{id}/history failed)"} with input.images as [img]
	c4_10.reviews == set() with input.images as [img]
}
