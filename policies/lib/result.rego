# METADATA
# title: Result shapes shared by every control
# description: |
#   One shape for every finding, so Python renders all controls with the same code.
#   A finding is {"resource": {kind, id, name}, "message", "actual", "expected"}.
package lib.result

# finding is what controls put into `violations` (status fail) or `reviews` (status warn).
finding(resource, message, actual, expected) := {
	"resource": resource,
	"message": message,
	"actual": actual,
	"expected": expected,
}

# brief is the part of findings a reader compares: which resource, and what the message says.
# Rego tests assert `result.brief(violations) == {...}`, the exact set, never a count.
brief(findings) := {{"resource": f.resource, "message": f.message} | some f in findings}

container(c) := {"kind": "container", "id": c.id, "name": trim_prefix(c.name, "/")}

image(img) := {"kind": "image", "id": img.id, "name": image_name(img)}

image_name(img) := img.repo_tags[0] if count(img.repo_tags) > 0

else := img.repo_digests[0] if count(img.repo_digests) > 0

else := substring(img.id, 0, 19)

file(f) := {"kind": "file", "id": f.path, "name": f.role}

network(n) := {"kind": "network", "id": n.id, "name": n.name}

node(n) := {"kind": "node", "id": n.id, "name": object.get(n, "hostname", n.id)}

meta := object.get(input, "meta", {})

daemon := {"kind": "daemon", "id": text_or(object.get(meta, "docker_host", null), "dockerd"), "name": "dockerd"}

host := {"kind": "host", "id": hostname, "name": hostname}

hostname := text_or(object.get(meta, "hostname", null), "host")

swarm := {"kind": "swarm", "id": swarm_id, "name": "swarm"}

swarm_id := input.swarm.node_id if is_string(input.swarm.node_id)

else := "swarm"

# text_or is s when it is a string, else the fallback (null ids would render as "None").
text_or(s, fallback) := s if is_string(s)

else := fallback
