# METADATA
# title: "Ensure secrets are not stored in Dockerfiles"
# description: >-
#   Heuristic hints, reported for review: environment variables of the image whose name or
#   value looks like a secret (the collector's looks_secret), build steps that assign
#   secret-like names (ENV/ARG keys, RUN build args, NAME=value in a command; their values are
#   redacted in the snapshot) and labels with secret-like names or key-shaped values. Without a
#   hint the control stays manual: secrets can sit in copied files or in values the heuristic
#   cannot recognise.
# custom:
#   id: "4.10"
#   section: "4"
#   section_title: "Container Images and Build File"
#   level: 1
#   scored: false
#   automated: false
#   severity: medium
#   remediation: >-
#     Keep secrets out of Dockerfiles and image layers; inject them at runtime (secrets
#     management, mounted files) and rotate anything that leaked into an image.
#   cis_v1_6_0: "4.10"
#   references:
#     - https://www.cisecurity.org/benchmark/docker
#     - https://docs.docker.com/build/building/secrets/
#   scope: all local images
package cis_docker_1_1_0.c4_10

import data.lib.images
import data.lib.result

missing contains m if some m in images.missing_listed

missing contains m if some m in images.missing_inspect

missing contains m if some m in images.missing_history

not_applicable := images.none_listed

checked := count(images.listed)

manual := "No secret-like name was found in image environments, build steps or labels; review the Dockerfiles and image contents for secrets (files, values)"

reviews contains result.finding(result.image(img), msg, found, "no secret in the image configuration or build history") if {
	some img in images.listed
	images.is_inspected(img)
	images.has_history(img)
	found := hints(img)
	count(found) > 0
	msg := sprintf("image %s has %v secret-like item(s) in its configuration or build history, e.g. %s", [images.name(img), count(found), found[0]])
}

# hints: environment variables first, then build steps oldest first, then labels by name.
hints(img) := array.concat(array.concat(env_hints(img), step_hints(img)), label_hints(img))

env_hints(img) := [sprintf("env %s", [e.name]) | some e in img.env; e.looks_secret == true]

step_hints(img) := [sprintf("build step %v sets %s", [i + 1, name]) |
	some i, e in images.steps(img)
	some name in assigned_names(e)
	is_secret_name(name)
]

label_hints(img) := [sprintf("label %s", [k]) |
	some k in sort(object.keys(img.labels))
	is_secret_label(k, img.labels[k])
]

# assigned_names: the names a step assigns (NAME=value) and those an ARG or ENV declares.
assigned_names(e) := assignments(e.step) | declared_names(e)

# assignments: NAME of every NAME=value in the step (the regex only when there is a "=").
assignments(s) := {m[1] | some m in regex.find_all_string_submatch_n(`([A-Za-z_][A-Za-z0-9_.-]*)=`, s, -1)} if {
	contains(s, "=")
} else := set()

# declared_names: the bare names of an ARG step, the name of an old-style "ENV NAME value".
declared_names(e) := {n | some n in array.slice(ws, 1, count(ws)); not contains(n, "=")} if {
	e.instruction == "ARG"
	ws := images.words_of(e.step)
} else := {ws[1]} if {
	e.instruction == "ENV"
	not contains(e.step, "=")
	ws := images.words_of(e.step)
	count(ws) > 1
} else := set()

# is_secret_name: a secret-like word anywhere in the name, a name ending in _KEY, or PASS, PWD
# or AUTH as a word of its own (DB_PASS, basic_auth; not PASSENGERS, AUTHOR), in any case.
# (?i) rather than upper(): upper() differs between the engines outside ASCII ("ß").
is_secret_name(name) if regex.match(secret_name_pattern, name)

secret_name_pattern := `(?i)PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|API_KEY|PRIVATE|CREDENTIAL|ACCESS_KEY|SESSION_KEY|_KEY$|(^|[^A-Z])(PASS|PWD|AUTH)([^A-Z]|$)`

# is_secret_label: a secret-like name, or a value shaped like a private key or an access token.
is_secret_label(k, _) if is_secret_name(k)

is_secret_label(_, v) if {
	some prefix in ["-----BEGIN", "ghp_", "github_pat_", "AKIA", "xoxb-", "xoxp-", "glpat-"]
	startswith(v, prefix)
}
