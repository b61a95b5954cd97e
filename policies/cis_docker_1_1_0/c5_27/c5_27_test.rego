package cis_docker_1_1_0.c5_27_test

import data.cis_docker_1_1_0.c5_27

digest_ref := "registry.example.com:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

web := {"id": "a1", "name": "/web", "labels": {}, "status": "running", "running": true, "image": "nginx:1.25.3", "image_id": "sha256:aaa"}

db := {"id": "b2", "name": "/db", "labels": {}, "status": "exited", "running": false, "image": "postgres", "image_id": "sha256:bbb"}

app := {"id": "c3", "name": "/app", "labels": {}, "status": "running", "running": true, "image": digest_ref, "image_id": "sha256:ccc"}

cache := {"id": "d4", "name": "/cache", "labels": {}, "status": "running", "running": true, "image": "localhost:5000/redis:latest", "image_id": "sha256:ddd"}

images_fixture := [{"id": "sha256:ccc", "repo_tags": [], "repo_digests": [digest_ref]}]

# contract: the contract's rules of the package document. The whole document is evaluated, so
# an error in any rule shows; the helper rules are left out of the comparison.
contract(doc) := {name: value | some name, value in doc; name in {"missing", "not_applicable", "violations", "reviews", "manual", "evidence", "checked"}}

pinned_by(e) := [x.pinned_by | some x in e.containers]

test_containers_are_manual_with_a_summary if {
	m := c5_27.manual with input.containers as [web, db, app, cache] with input.images as images_fixture
	m == "Confirm that images are pulled fresh and pinned to the intended version: 1 of 4 containers reference their image by digest, 1 by an explicit tag, 2 by latest or no tag, 0 by image ID (see evidence)."
	c5_27.missing == set() with input.containers as [web, db, app, cache] with input.images as images_fixture
}

test_evidence_classifies_each_reference if {
	e := c5_27.evidence with input.containers as [web, db, app, cache] with input.images as images_fixture
	e == {"containers": [
		{"container": "web", "image": "nginx:1.25.3", "image_id": "sha256:aaa", "pinned_by": "tag", "repo_digests": []},
		{"container": "db", "image": "postgres", "image_id": "sha256:bbb", "pinned_by": "latest", "repo_digests": []},
		{"container": "app", "image": digest_ref, "image_id": "sha256:ccc", "pinned_by": "digest", "repo_digests": [digest_ref]},
		{"container": "cache", "image": "localhost:5000/redis:latest", "image_id": "sha256:ddd", "pinned_by": "latest", "repo_digests": []},
	]}
}

test_registry_port_is_not_a_tag if {
	c := object.union(web, {"image": "localhost:5000/app"})
	e := c5_27.evidence with input.containers as [c] with input.images as []
	pinned_by(e) == ["latest"]
}

test_image_id_reference if {
	c := object.union(web, {"image": "sha256:0123456789abcdef"})
	e := c5_27.evidence with input.containers as [c] with input.images as null
	pinned_by(e) == ["id"]
	short := object.union(web, {"image": "0123456789ab"})
	f := c5_27.evidence with input.containers as [short] with input.images as null
	pinned_by(f) == ["id"]
}

test_never_passes_or_fails if {
	doc := c5_27 with input.containers as [app] with input.images as images_fixture
	contract(doc) == {
		"missing": set(),
		"manual": "Confirm that images are pulled fresh and pinned to the intended version: 1 of 1 containers reference their image by digest, 0 by an explicit tag, 0 by latest or no tag, 0 by image ID (see evidence).",
		"evidence": {"containers": [{"container": "app", "image": digest_ref, "image_id": "sha256:ccc", "pinned_by": "digest", "repo_digests": [digest_ref]}]},
	}
}

test_no_containers_is_not_applicable if {
	c5_27.not_applicable == "there are no containers on this host" with input.containers as []
	not c5_27.manual with input.containers as []
}

test_uncollected_containers_are_missing if {
	c5_27.missing == {"containers (the container list could not be collected)"} with input.containers as null
	not c5_27.not_applicable with input.containers as null
	not c5_27.manual with input.containers as null
}

test_uninspected_container_still_has_its_reference if {
	c := object.union(web, {"inspected": false})
	c5_27.missing == set() with input.containers as [c]
	c5_27.manual == "Confirm that images are pulled fresh and pinned to the intended version: 0 of 1 containers reference their image by digest, 1 by an explicit tag, 0 by latest or no tag, 0 by image ID (see evidence)." with input.containers as [c]
}
