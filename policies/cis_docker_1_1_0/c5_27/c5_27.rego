# METADATA
# title: "Ensure docker commands always get the latest version of the image"
# custom:
#   id: "5.27"
#   section: "5"
#   section_title: "Container Runtime"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Pin image versions (preferably by digest) and pull explicitly before run so the cache
#     cannot hand out an outdated image.
#   cis_v1_6_0: "5.28"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
package cis_docker_1_1_0.c5_27

import data.lib.containers
import data.lib.values

# Not automated: whether deployments pull the intended current image cannot be read from the
# host (the registry's current digest is external). Scope: every container. The evidence says,
# for each container, how its image reference (Config.Image, a list fact) pins the image: by
# digest (immutable), by an explicit tag, or by "latest" / no tag (whatever was cached).
missing contains m if some m in containers.missing_list

not_applicable := containers.none_listed

manual := sprintf("Confirm that images are pulled fresh and pinned to the intended version: %v of %v containers reference their image by digest, %v by an explicit tag, %v by latest or no tag, %v by image ID (see evidence).", [
	count_pinned_by("digest"),
	count(containers.listed),
	count_pinned_by("tag"),
	count_pinned_by("latest"),
	count_pinned_by("id"),
]) if {
	containers.collected
	count(containers.listed) > 0
}

# Counted from the evidence entries, so pinning() runs once per container, not once per kind.
count_pinned_by(kind) := count([1 | some e in evidence.containers; e.pinned_by == kind])

pinning(ref) := "digest" if contains(ref, "@")

else := "id" if {
	could_be_id(ref) # the regex only where it can match
	regex.match(`^(sha256:)?[0-9a-f]{12,64}$`, ref)
}

else := "latest" if is_latest(tag(ref))

else := "tag"

could_be_id(ref) if startswith(ref, "sha256:")

could_be_id(ref) if not contains(ref, ":")

is_latest(t) if t == ""

is_latest(t) if t == "latest"

# tag: the part after ":" in the last path component ("localhost:5000/app" has none).
tag(ref) := split(last, ":")[1] if {
	parts := split(ref, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
} else := ""

# In snapshot order (the same on every engine).
evidence := {"containers": [entry(c) | some c in containers.listed]}

entry(c) := {
	"container": containers.name(c),
	"image": c.image,
	"image_id": c.image_id,
	"pinned_by": pinning(c.image),
	"repo_digests": repo_digests(c.image_id),
}

repo_digests(id) := object.get(digests_by_id, id, [])

digests_by_id := {img.id: img.repo_digests | some img in values.items(input.images)}
