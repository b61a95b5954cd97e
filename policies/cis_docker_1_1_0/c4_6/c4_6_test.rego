package cis_docker_1_1_0.c4_6_test

import data.cis_docker_1_1_0.c4_6
import data.lib.result

healthy := {
	"id": "sha256:1111111111111111111111111111", "repo_tags": ["web:1.0"], "repo_digests": [],
	"healthcheck": {"test": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval_ns": 30000000000},
	"history": [], "inspected": true,
}

without := object.union(healthy, {"id": "sha256:2222222222222222222222222222", "repo_tags": ["db:2"], "healthcheck": null})

disabled := object.union(healthy, {"id": "sha256:3333333333333333333333333333", "repo_tags": ["cache:3"], "healthcheck": {"test": ["NONE"]}})

untagged := object.union(without, {"id": "sha256:4444444444444444444444444444", "repo_tags": [], "repo_digests": []})

test_image_with_healthcheck_passes if {
	c4_6.violations == set() with input.images as [healthy]
	c4_6.checked == 1 with input.images as [healthy]
	c4_6.missing == set() with input.images as [healthy]
}

test_exec_form_healthcheck_passes if {
	img := object.union(healthy, {"healthcheck": {"test": ["CMD", "true"]}})
	c4_6.violations == set() with input.images as [img]
}

test_image_without_healthcheck_fails if {
	vs := c4_6.violations with input.images as [healthy, without]
	vs == {{
		"resource": {"kind": "image", "id": "sha256:2222222222222222222222222222", "name": "db:2"},
		"message": "image db:2 has no HEALTHCHECK instruction",
		"actual": null, "expected": "a HEALTHCHECK instruction",
	}}
	c4_6.checked == 2 with input.images as [healthy, without]
}

test_healthcheck_none_fails if {
	vs := c4_6.violations with input.images as [disabled]
	vs == {{
		"resource": {"kind": "image", "id": "sha256:3333333333333333333333333333", "name": "cache:3"},
		"message": "image cache:3 disables the health check (HEALTHCHECK NONE)",
		"actual": ["NONE"], "expected": "a HEALTHCHECK instruction",
	}}
}

test_empty_test_fails if {
	vs := c4_6.violations with input.images as [object.union(healthy, {"healthcheck": {"test": []}})]
	vs == {{
		"resource": {"kind": "image", "id": "sha256:1111111111111111111111111111", "name": "web:1.0"},
		"message": "image web:1.0 has no HEALTHCHECK instruction",
		"actual": [], "expected": "a HEALTHCHECK instruction",
	}}
}

# A health check object without a test (schema default []) fails on both engines; regorus used
# to drop the finding (its actual was undefined), a silent pass.
test_healthcheck_without_test_fails if {
	img := object.union(without, {"healthcheck": {"interval_ns": 30000000000}})
	vs := c4_6.violations with input.images as [img]
	vs == {{
		"resource": {"kind": "image", "id": "sha256:2222222222222222222222222222", "name": "db:2"},
		"message": "image db:2 has no HEALTHCHECK instruction",
		"actual": [], "expected": "a HEALTHCHECK instruction",
	}}
}

test_untagged_image_is_reported_by_id if {
	vs := c4_6.violations with input.images as [untagged]
	result.brief(vs) == {{
		"resource": {"kind": "image", "id": "sha256:4444444444444444444444444444", "name": "sha256:444444444444"},
		"message": "image sha256:444444444444 has no HEALTHCHECK instruction",
	}}
}

test_no_images_is_not_applicable if {
	c4_6.not_applicable == "there are no images on this host" with input.images as []
	c4_6.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_6.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_6.not_applicable with input.images as null
	c4_6.violations == set() with input.images as null
}

test_uninspected_image_is_missing_not_failing if {
	i := object.union(without, {"inspected": false})
	c4_6.missing == {"image db:2 (GET /images/{id}/json failed: its configuration is unknown)"} with input.images as [i]
	c4_6.violations == set() with input.images as [i]
}
