package cis_docker_1_1_0.c4_2_test

import data.cis_docker_1_1_0.c4_2
import data.lib.result

hub_nginx := {"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "repo_tags": ["nginx:1.27"], "repo_digests": ["nginx@sha256:0123"], "history": []}

internal := {"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "repo_tags": ["registry.example.com:5000/team/api:2"], "repo_digests": ["registry.example.com:5000/team/api@sha256:4567"], "history": []}

random_hub := {"id": "sha256:cccc3333cccc3333cccc3333cccc", "repo_tags": ["someone/tool:latest"], "repo_digests": ["someone/tool@sha256:89ab"], "history": []}

local_build := {"id": "sha256:dddd4444dddd4444dddd4444dddd", "repo_tags": ["myapp:dev"], "repo_digests": [], "history": []}

lookalike := {"id": "sha256:eeee5555eeee5555eeee5555eeee", "repo_tags": [], "repo_digests": ["registry.example.com.evil.io/team/api@sha256:cdef"], "history": []}

manual_text := "Confirm with the administrators that every image comes from a trusted registry and an approved base image (set the parameter trusted_registries to check registries automatically)"

random_hub_untrusted := {
	"resource": {"kind": "image", "id": "sha256:cccc3333cccc3333cccc3333cccc", "name": "someone/tool:latest"},
	"message": "image someone/tool:latest was pulled from a repository outside the trusted registries: someone/tool@sha256:89ab",
}

test_without_parameter_is_manual_with_the_inventory if {
	c4_2.manual == manual_text with input.images as [hub_nginx]
	c4_2.evidence == {"images": [{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "nginx:1.27", "repo_tags": ["nginx:1.27"], "repo_digests": ["nginx@sha256:0123"]}]} with input.images as [hub_nginx]
	c4_2.violations == set() with input.images as [hub_nginx, random_hub]
	c4_2.reviews == set() with input.images as [local_build]
	c4_2.checked == 1 with input.images as [hub_nginx]
}

test_evidence_keeps_the_snapshot_order if {
	ev := c4_2.evidence with input.images as [random_hub, hub_nginx]
	[e.name | some e in ev.images] == ["someone/tool:latest", "nginx:1.27"]
}

test_trusted_registries_pass if {
	imgs := [hub_nginx, internal]
	params := {"trusted_registries": ["library", "registry.example.com:5000"]}
	c4_2.violations == set() with input.images as imgs with data.dockerbench.params as params
	c4_2.reviews == set() with input.images as imgs with data.dockerbench.params as params
	not c4_2.manual with input.images as imgs with data.dockerbench.params as params
	c4_2.checked == 2 with input.images as imgs with data.dockerbench.params as params
}

test_fully_qualified_entry_matches_hub_short_names if {
	c4_2.violations == set() with input.images as [hub_nginx] with data.dockerbench.params as {"trusted_registries": ["docker.io/library/"]}
}

test_untrusted_repository_fails if {
	vs := c4_2.violations with input.images as [hub_nginx, random_hub] with data.dockerbench.params as {"trusted_registries": ["docker.io/library"]}
	vs == {object.union(random_hub_untrusted, {"actual": ["someone/tool@sha256:89ab"], "expected": ["docker.io/library"]})}
}

test_entries_that_are_not_text_are_ignored if {
	params := {"trusted_registries": ["", 5, "library"]}
	c4_2.violations == set() with input.images as [hub_nginx] with data.dockerbench.params as params
	vs := c4_2.violations with input.images as [random_hub] with data.dockerbench.params as params
	vs == {object.union(random_hub_untrusted, {"actual": ["someone/tool@sha256:89ab"], "expected": ["", 5, "library"]})}
}

test_empty_list_trusts_no_registry if {
	vs := c4_2.violations with input.images as [random_hub] with data.dockerbench.params as {"trusted_registries": []}
	result.brief(vs) == {random_hub_untrusted}
	not c4_2.manual with input.images as [random_hub] with data.dockerbench.params as {"trusted_registries": []}
}

test_prefix_matches_whole_components_only if {
	vs := c4_2.violations with input.images as [lookalike] with data.dockerbench.params as {"trusted_registries": ["registry.example.com"]}
	result.brief(vs) == {{
		"resource": {"kind": "image", "id": "sha256:eeee5555eeee5555eeee5555eeee", "name": "registry.example.com.evil.io/team/api@sha256:cdef"},
		"message": "image registry.example.com.evil.io/team/api@sha256:cdef was pulled from a repository outside the trusted registries: registry.example.com.evil.io/team/api@sha256:cdef",
	}}
}

test_registry_port_is_not_a_tag if {
	vs := c4_2.violations with input.images as [internal] with data.dockerbench.params as {"trusted_registries": ["registry.example.com"]}
	result.brief(vs) == {{
		"resource": {"kind": "image", "id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "name": "registry.example.com:5000/team/api:2"},
		"message": "image registry.example.com:5000/team/api:2 was pulled from a repository outside the trusted registries: registry.example.com:5000/team/api@sha256:4567",
	}}
	c4_2.violations == set() with input.images as [internal] with data.dockerbench.params as {"trusted_registries": ["registry.example.com:5000/team"]}
}

test_local_build_without_digest_is_reviewed if {
	rs := c4_2.reviews with input.images as [local_build] with data.dockerbench.params as {"trusted_registries": ["library"]}
	rs == {{
		"resource": {"kind": "image", "id": "sha256:dddd4444dddd4444dddd4444dddd", "name": "myapp:dev"},
		"message": "image myapp:dev has no repo digest (built or loaded locally): its origin and base image need review",
		"actual": ["myapp:dev"],
		"expected": "an image pulled from a trusted registry",
	}}
	c4_2.violations == set() with input.images as [local_build] with data.dockerbench.params as {"trusted_registries": ["library"]}
}

test_no_images_is_not_applicable if {
	c4_2.not_applicable == "there are no images on this host" with input.images as []
	c4_2.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_2.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_2.not_applicable with input.images as null
}

test_null_parameter_is_unset if {
	c4_2.manual == manual_text with input.images as [hub_nginx] with data.dockerbench.params as {"trusted_registries": null}
	c4_2.violations == set() with input.images as [random_hub] with data.dockerbench.params as {"trusted_registries": null}
}

# A parameter that is not a list is unset on both engines (regorus failed iterating the text,
# OPA iterated nothing and failed every image with a digest).
test_text_parameter_is_unset if {
	params := {"trusted_registries": "docker.io/library"}
	c4_2.manual == manual_text with input.images as [random_hub] with data.dockerbench.params as params
	c4_2.violations == set() with input.images as [random_hub] with data.dockerbench.params as params
	c4_2.reviews == set() with input.images as [local_build] with data.dockerbench.params as params
	c4_2.checked == 1 with input.images as [random_hub] with data.dockerbench.params as params
}
