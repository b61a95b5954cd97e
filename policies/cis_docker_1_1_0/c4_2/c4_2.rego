# METADATA
# title: "Ensure that containers use trusted base images"
# description: >-
#   Manual unless the organisation lists its trusted registries / repository prefixes
#   (parameter trusted_registries, e.g. ["docker.io/library", "registry.example.com"]). Then an
#   image's origin is its repo digests (written when it was pulled or pushed): every digest must
#   name a repository under a trusted prefix. Docker Hub short names are qualified first
#   ("nginx" is docker.io/library/nginx, "team/app" is docker.io/team/app); an entry without a
#   registry host is a Docker Hub namespace or repository ("library", "team/app"). An image
#   without a digest was built or loaded locally: its origin cannot be read from the engine, so
#   it is reported for review, as is the base image every image was built on.
# custom:
#   id: "4.2"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: low
#   remediation: >-
#     Pull only from trusted registries (official/verified or an internal registry), enable
#     content trust, and scan and review images before use.
#   cis_v1_6_0: "4.2"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/engine/security/trust/
#     - https://docs.docker.com/docker-hub/image-library/trusted-content/
#   scope: all local images
#   parameters: trusted_registries
package cis_docker_1_1_0.c4_2

import data.lib.images
import data.lib.params
import data.lib.result

missing contains m if some m in images.missing_listed

not_applicable := images.none_listed

checked := count(images.listed)

evidence := {"images": [inventory(img) | some img in images.listed]}

inventory(img) := {"id": img.id, "name": images.name(img), "repo_tags": img.repo_tags, "repo_digests": img.repo_digests}

manual := "Confirm with the administrators that every image comes from a trusted registry and an approved base image (set the parameter trusted_registries to check registries automatically)" if {
	not has_parameter
}

# A positive helper, negated where it is used: `not is_array(x)` of an absent x differs between
# the engines. A parameter that is not a list counts as unset (manual), on both engines.
has_parameter if is_array(params.value("trusted_registries"))

# ----------------------------------------------------------------------------- with the parameter

# trusted: the parameter's prefixes, qualified ("library" -> docker.io/library).
trusted contains trim_suffix(qualify_prefix(p), "/") if {
	has_parameter
	some p in params.value("trusted_registries")
	is_string(p)
	p != ""
}

violations contains result.finding(result.image(img), msg, untrusted, params.value("trusted_registries")) if {
	has_parameter
	some img in images.listed
	untrusted := [d | some d in img.repo_digests; not is_trusted(d)]
	count(untrusted) > 0
	msg := sprintf("image %s was pulled from a repository outside the trusted registries: %s", [images.name(img), untrusted[0]])
}

reviews contains result.finding(result.image(img), msg, img.repo_tags, "an image pulled from a trusted registry") if {
	has_parameter
	some img in images.listed
	count(img.repo_digests) == 0
	msg := sprintf("image %s has no repo digest (built or loaded locally): its origin and base image need review", [images.name(img)])
}

is_trusted(ref) if {
	repo := repository(ref)
	some prefix in trusted
	is_under(repo, prefix)
}

is_under(repo, prefix) if repo == prefix

is_under(repo, prefix) if startswith(repo, sprintf("%s/", [prefix]))

# repository: the reference without digest and tag, fully qualified ("nginx@sha256:…" ->
# "docker.io/library/nginx"; a ":port" in the registry is not a tag).
repository(ref) := qualify(trim_tag(split(ref, "@")[0]))

trim_tag(name) := substring(name, 0, (count(name) - count(last)) + indexof(last, ":")) if {
	parts := split(name, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
} else := name

# qualify adds Docker Hub's registry (and "library/" for official images) to short names.
qualify(name) := name if {
	contains(name, "/")
	is_registry(split(name, "/")[0])
}

else := sprintf("docker.io/%s", [name]) if contains(name, "/")

else := sprintf("docker.io/library/%s", [name])

# qualify_prefix: a parameter entry is a registry, or a Docker Hub namespace or repository.
qualify_prefix(p) := p if is_registry(split(p, "/")[0])

else := sprintf("docker.io/%s", [p])

is_registry(first) if contains(first, ".")

is_registry(first) if contains(first, ":")

is_registry(first) if first == "localhost"
