package cis_docker_1_1_0.c4_2_test

import data.cis_docker_1_1_0.c4_2

hub_nginx := {"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "repo_tags": ["nginx:1.27"], "repo_digests": ["nginx@sha256:0123"], "history": []}

internal := {"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "repo_tags": ["registry.example.com:5000/team/api:2"], "repo_digests": ["registry.example.com:5000/team/api@sha256:4567"], "history": []}

random_hub := {"id": "sha256:cccc3333cccc3333cccc3333cccc", "repo_tags": ["someone/tool:latest"], "repo_digests": ["someone/tool@sha256:89ab"], "history": []}

local_build := {"id": "sha256:dddd4444dddd4444dddd4444dddd", "repo_tags": ["myapp:dev"], "repo_digests": [], "history": []}

lookalike := {"id": "sha256:eeee5555eeee5555eeee5555eeee", "repo_tags": [], "repo_digests": ["registry.example.com.evil.io/team/api@sha256:cdef"], "history": []}

test_without_parameter_is_manual_with_the_inventory if {
	startswith(c4_2.manual, "Confirm with the administrators") with input.images as [hub_nginx]
	c4_2.evidence == {"images": [{"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "nginx:1.27", "repo_tags": ["nginx:1.27"], "repo_digests": ["nginx@sha256:0123"]}]} with input.images as [hub_nginx]
	count(c4_2.violations) == 0 with input.images as [hub_nginx, random_hub]
	count(c4_2.reviews) == 0 with input.images as [local_build]
}

test_trusted_registries_pass if {
	imgs := [hub_nginx, internal]
	count(c4_2.violations) == 0 with input.images as imgs with data.dockerbench.params as {"trusted_registries": ["library", "registry.example.com:5000"]}
	count(c4_2.reviews) == 0 with input.images as imgs with data.dockerbench.params as {"trusted_registries": ["library", "registry.example.com:5000"]}
	not c4_2.manual with input.images as imgs with data.dockerbench.params as {"trusted_registries": ["library", "registry.example.com:5000"]}
	c4_2.checked == 2 with input.images as imgs with data.dockerbench.params as {"trusted_registries": ["library", "registry.example.com:5000"]}
}

test_fully_qualified_entry_matches_hub_short_names if {
	count(c4_2.violations) == 0 with input.images as [hub_nginx] with data.dockerbench.params as {"trusted_registries": ["docker.io/library/"]}
}

test_untrusted_repository_fails if {
	vs := c4_2.violations with input.images as [hub_nginx, random_hub] with data.dockerbench.params as {"trusted_registries": ["docker.io/library"]}
	vs == [{
		"resource": {"kind": "image", "id": "sha256:cccc3333cccc3333cccc3333cccc", "name": "someone/tool:latest"},
		"message": "image someone/tool:latest was pulled from a repository outside the trusted registries: someone/tool@sha256:89ab",
		"actual": ["someone/tool@sha256:89ab"], "expected": ["docker.io/library"],
	}]
}

test_prefix_matches_whole_components_only if {
	vs := c4_2.violations with input.images as [lookalike] with data.dockerbench.params as {"trusted_registries": ["registry.example.com"]}
	[v.resource.id | some v in vs] == ["sha256:eeee5555eeee5555eeee5555eeee"]
}

test_registry_port_is_not_a_tag if {
	count(c4_2.violations) == 1 with input.images as [internal] with data.dockerbench.params as {"trusted_registries": ["registry.example.com"]}
	count(c4_2.violations) == 0 with input.images as [internal] with data.dockerbench.params as {"trusted_registries": ["registry.example.com:5000/team"]}
}

test_local_build_without_digest_is_reviewed if {
	rs := c4_2.reviews with input.images as [local_build] with data.dockerbench.params as {"trusted_registries": ["library"]}
	[r.message | some r in rs] == ["image myapp:dev has no repo digest (built or loaded locally): its origin and base image need review"]
}

test_no_images_is_not_applicable if {
	c4_2.not_applicable == "there are no images on this host" with input.images as []
}

test_uncollected_images_are_missing if {
	c4_2.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_2.not_applicable with input.images as null
}

test_null_parameter_is_unset if {
	c4_2.manual with input.images as [hub_nginx] with data.dockerbench.params as {"trusted_registries": null}
}
