# METADATA
# title: All signed artifacts are validated (CIS v1.6.0 and v1.8.0 4.12)
# description: |
#   The check of the profiles' 4.12, new since v1.1.0. Manual: neither the Engine API nor the
#   host records whether an image's signature was verified when it was pulled (Docker Content
#   Trust verifies in the client; cosign and Notation signatures are checked by a registry
#   proxy or an admission policy, outside the daemon). A reviewer confirms that images and the
#   other artifacts used (base images, SBOMs, attestations) are signature-checked before use;
#   the evidence is what the snapshot has: DOCKER_CONTENT_TRUST in the environments inspected
#   (the content trust control decides that setting), every image with its repo digests
#   (a digest names content, it is no signature: an image without one was built or loaded
#   locally, its origin unknown) and its running containers, and the containers whose image
#   reference is pinned by digest. No images: not applicable, as for the trusted base images
#   control.
#   The control's identity and prose are the profile's.
package cis_docker_1_8_0.c4_12

import data.lib.containers
import data.lib.images
import data.lib.values

missing contains m if some m in images.missing_listed

not_applicable := images.none_listed

checked := count(images.listed)

content_trust := [{"source": s.source, "value": s.value} | some s in values.items(input.host.content_trust)]

trust_enabled_in := [where(s) | some s in content_trust; s.value == "1"]

where(s) := "the auditor's environment" if s.source == "process"

else := s.source

trust_text := sprintf("DOCKER_CONTENT_TRUST=1 is set in %s", [concat(", ", trust_enabled_in)]) if {
	count(trust_enabled_in) > 0
} else := sprintf("DOCKER_CONTENT_TRUST is not set to 1 in any inspected environment (%v inspected)", [count(content_trust)])

has_digest(img) if count(values.items(img.repo_digests)) > 0

digest_count := count([img | some img in images.listed; has_digest(img)])

manual := sprintf("dockerbench cannot see whether signatures were verified: confirm that every image and artifact is signature-checked before it is used (Docker Content Trust, or cosign / Notation signatures enforced by a registry proxy or an admission policy). %s; %v of %v images have a repo digest (one without was built or loaded locally)", [trust_text, digest_count, count(images.listed)]) if {
	images.collected
	count(images.listed) > 0
}

pinned(c) if contains(c.image, "@sha256:")

evidence := {
	"content_trust": content_trust,
	"images": [inventory(img) | some img in images.listed],
	"containers_pinned_by_digest": sort([containers.name(c) | some c in containers.listed; pinned(c)]),
}

inventory(img) := {
	"id": img.id,
	"name": images.name(img),
	"repo_digests": values.items(img.repo_digests),
	"running_containers": object.get(images.running_names, img.id, []),
}
