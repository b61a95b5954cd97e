package cis_docker_1_8_0.c4_12_test

import data.cis_docker_1_8_0.c4_12

pulled := {"id": "sha256:aaaa", "inspected": true, "repo_tags": ["nginx:1.27"], "repo_digests": ["nginx@sha256:1111"]}

built := {"id": "sha256:bbbb", "inspected": true, "repo_tags": ["app:dev"], "repo_digests": []}

web := {"id": "c1", "name": "/web", "image": "nginx@sha256:1111", "image_id": "sha256:aaaa", "running": true, "labels": {}}

dev := {"id": "c2", "name": "/dev", "image": "app:dev", "image_id": "sha256:bbbb", "running": false, "labels": {}}

unset := {"source": "process", "value": null}

enabled := {"source": "/etc/profile.d/docker.sh", "value": "1"}

test_images_with_content_trust_are_manual_with_the_setting if {
	d := c4_12 with input.images as [pulled, built] with input.containers as [web, dev] with input.host.content_trust as [unset, enabled]
	d.manual == "dockerbench cannot see whether signatures were verified: confirm that every image and artifact is signature-checked before it is used (Docker Content Trust, or cosign / Notation signatures enforced by a registry proxy or an admission policy). DOCKER_CONTENT_TRUST=1 is set in /etc/profile.d/docker.sh; 1 of 2 images have a repo digest (one without was built or loaded locally)"
	d.missing == set()
	d.checked == 2
	not d.not_applicable
}

test_content_trust_not_set_is_said if {
	d := c4_12 with input.images as [pulled] with input.containers as [] with input.host.content_trust as [unset]
	d.manual == "dockerbench cannot see whether signatures were verified: confirm that every image and artifact is signature-checked before it is used (Docker Content Trust, or cosign / Notation signatures enforced by a registry proxy or an admission policy). DOCKER_CONTENT_TRUST is not set to 1 in any inspected environment (1 inspected); 1 of 1 images have a repo digest (one without was built or loaded locally)"
}

test_the_auditors_environment_is_named_as_such if {
	d := c4_12 with input.images as [built] with input.containers as [] with input.host.content_trust as [{"source": "process", "value": "1"}]
	d.manual == "dockerbench cannot see whether signatures were verified: confirm that every image and artifact is signature-checked before it is used (Docker Content Trust, or cosign / Notation signatures enforced by a registry proxy or an admission policy). DOCKER_CONTENT_TRUST=1 is set in the auditor's environment; 0 of 1 images have a repo digest (one without was built or loaded locally)"
}

test_evidence_lists_trust_settings_digests_and_pinned_containers if {
	ev := c4_12.evidence with input.images as [pulled, built] with input.containers as [web, dev] with input.host.content_trust as [unset, enabled]
	ev == {
		"content_trust": [{"source": "process", "value": null}, {"source": "/etc/profile.d/docker.sh", "value": "1"}],
		"images": [
			{"id": "sha256:aaaa", "name": "nginx:1.27", "repo_digests": ["nginx@sha256:1111"], "running_containers": ["web"]},
			{"id": "sha256:bbbb", "name": "app:dev", "repo_digests": [], "running_containers": []},
		],
		"containers_pinned_by_digest": ["web"],
	}
}

test_no_images_is_not_applicable if {
	d := c4_12 with input.images as [] with input.containers as [] with input.host.content_trust as [unset]
	d.not_applicable == "there are no images on this host"
	not d.manual
	d.missing == set()
}

test_images_not_collected_are_missing if {
	d := c4_12 with input.images as null with input.containers as null with input.host.content_trust as [unset]
	d.missing == {"images (the image list could not be collected)"}
	not d.manual
	not d.not_applicable
	d.evidence == {"content_trust": [{"source": "process", "value": null}], "images": [], "containers_pinned_by_digest": []}
}

test_whole_package_with_nothing_collected if {
	d := c4_12 with input as {"images": null, "containers": null, "host": {}}
	d.missing == {"images (the image list could not be collected)"}
	d.checked == 0
}
