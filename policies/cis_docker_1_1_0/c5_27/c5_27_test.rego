package cis_docker_1_1_0.c5_27_test

import data.cis_docker_1_1_0.c5_27

digest_ref := "registry.example.com:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "image": "nginx:1.25.3", "image_id": "sha256:aaa"}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "image": "postgres", "image_id": "sha256:bbb"}

app := {"id": "c3", "name": "/app", "labels": {}, "status": "running", "running": true, "image": digest_ref, "image_id": "sha256:ccc"}

cache := {"id": "d4", "name": "/cache", "labels": {}, "status": "running", "running": true, "image": "localhost:5000/redis:latest", "image_id": "sha256:ddd"}

images_fixture := [{"id": "sha256:ccc", "repo_tags": [], "repo_digests": [digest_ref]}]

# Each test binds the images fixture to a local first: regopy 1.5 reads
# `with input.images as <rule name>` as undefined.

test_containers_are_manual_with_a_summary if {
	images := images_fixture
	m := c5_27.manual with input.containers as [web, db, app, cache] with input.images as images
	m == "Confirm that images are pulled fresh and pinned to the intended version: 1 of 4 containers reference their image by digest, 1 by an explicit tag, 2 by latest or no tag, 0 by image ID (see evidence)."
	count(c5_27.missing) == 0 with input.containers as [web, db, app, cache] with input.images as images
}

test_evidence_classifies_each_reference if {
	images := images_fixture
	e := c5_27.evidence with input.containers as [web, db, app, cache] with input.images as images
	{[x.container, x.pinned_by] | some x in e.containers} == {["web", "tag"], ["db", "latest"], ["app", "digest"], ["cache", "latest"]}
	some x in e.containers
	x.container == "app"
	x.repo_digests == [digest_ref]
}

test_registry_port_is_not_a_tag if {
	c := object.union(web, {"image": "localhost:5000/app"})
	e := c5_27.evidence with input.containers as [c] with input.images as []
	[x.pinned_by | some x in e.containers] == ["latest"]
}

test_image_id_reference if {
	c := object.union(web, {"image": "sha256:0123456789abcdef"})
	e := c5_27.evidence with input.containers as [c] with input.images as null
	[x.pinned_by | some x in e.containers] == ["id"]
}

test_never_passes_or_fails if {
	images := images_fixture
	not c5_27.checked with input.containers as [app] with input.images as images
	not c5_27.violations with input.containers as [app] with input.images as images
}

test_no_containers_is_not_applicable if {
	c5_27.not_applicable == "there are no containers on this host" with input.containers as []
	not c5_27.manual with input.containers as []
}

test_uncollected_containers_are_missing if {
	count(c5_27.missing) == 1 with input.containers as null
	not c5_27.not_applicable with input.containers as null
}

test_uninspected_container_still_has_its_reference if {
	c := object.union(web, {"inspected": false})
	count(c5_27.missing) == 0 with input.containers as [c]
	c5_27.manual with input.containers as [c]
}
