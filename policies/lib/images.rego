# METADATA
# title: Images, their build steps, and which steps are the image's own
# description: |
#   `listed` is every local image (docker images); `collected` is false when the snapshot could
#   not list them, and image controls then report the fact as missing (status error).
#   An image whose inspect failed (`inspected` false) has only its list facts (id, tags,
#   digests, created, size, labels); controls that read its configuration report it as missing.
#   History entries are oldest first. `step` gives each one as a Dockerfile instruction, the
#   same for the legacy builder ("/bin/sh -c #(nop)  ADD file:… in /", a bare shell command for
#   RUN) and BuildKit ("RUN /bin/sh -c … # buildkit").
package lib.images

import data.lib.result

collected if is_array(input.images)

# An array, not a set: sets of whole objects cost regopy a deep comparison per insertion.
listed := [img | some img in input.images] if collected

else := []

# in_order is the image list in the snapshot's order: evidence built from it reads the same on
# every engine (sets of objects are ordered differently by regopy and OPA).
in_order := [img | some img in input.images]

# missing_listed is the `missing` set of controls that look at images.
missing_listed contains "images (the image list could not be collected)" if not collected

# none_listed is the not-applicable reason when the host has no images.
none_listed := "there are no images on this host" if {
	collected
	count(listed) == 0
}

# name for messages: the first tag, else the first digest, else the short id.
name(img) := result.image_name(img)

# is_inspected holds unless GET /images/{id}/json failed (then user, health check, env and
# exposed ports are defaults, not facts).
is_inspected(img) if object.get(img, "inspected", true) != false

# missing_inspect: images whose configuration is unknown.
missing_inspect contains sprintf("image %s (GET /images/{id}/json failed: its configuration is unknown)", [name(img)]) if {
	some img in listed
	not is_inspected(img)
}

# missing_history: images whose build history is unknown.
missing_history contains sprintf("image %s history (GET /images/{id}/history failed)", [name(img)]) if {
	some img in listed
	not has_history(img)
}

# (A positive helper: on OPA `not is_array(x)` is undefined, not true, when x is undefined.)
has_history(img) if is_array(img.history)

# ----------------------------------------------------------------------------- build steps

instructions := {
	"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL",
	"MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
}

# step is the history entry as an instruction: "ADD file:… in /", "RUN /bin/sh -c apt-get update".
step(h) := s if {
	t := strip(h.created_by)
	contains(t, "#(nop)")
	s := strip(substring(t, indexof(t, "#(nop)") + 6, count(t)))
} else := t if {
	t := strip(trim_suffix(strip(h.created_by), "# buildkit"))
	split(t, " ")[0] in instructions
} else := sprintf("RUN %s", [strip(h.created_by)])

# instruction is the step's keyword (ADD, RUN, ENV, ...).
instruction(h) := split(step(h), " ")[0]

# arguments is the step without its keyword.
arguments(h) := strip(substring(s, count(instruction(h)), count(s))) if s := step(h)

# words is the step split on blanks, without empty words.
words(h) := [w | some w in split(step(h), " "); w != ""]

# strip removes leading and trailing blanks. It stands in for trim_space, whose result regopy
# 1.5 emits unescaped (a step with a quote in it would corrupt the whole result); substring
# results are safe, and so are sprintf results (concat, lower or regex results are not once
# sprintf formats them).
strip(s) := substring(s, lead, (count(s) - lead) - blanks_at_end(s)) if {
	lead := blanks_at_start(s)
	count(s) > lead
} else := ""

blanks_at_start(s) := count(m[0]) if {
	m := regex.find_n(`^\s+`, s, 1)
	count(m) > 0
} else := 0

blanks_at_end(s) := count(m[0]) if {
	m := regex.find_n(`\s+$`, s, 1)
	count(m) > 0
} else := 0

# destination of an ADD/COPY step is its last word ("/" for a root filesystem).
destination(h) := ws[count(ws) - 1] if {
	ws := words(h)
	count(ws) > 1
}

# first_layer is the index of the first history entry that made a filesystem layer.
first_layer(img) := min(idx) if {
	idx := [i | some i; img.history[i].empty_layer != true] # not `some i, h in` (regopy)
	count(idx) > 0
}

# is_base_rootfs holds for the ADD that unpacks a base image's root filesystem: the legacy
# builder's "ADD file:<hash> in /", or an ADD into "/" as the image's first layer (BuildKit:
# "ADD alpine-minirootfs-….tar.gz / # buildkit"). That ADD is the base image's, not the user's.
is_base_rootfs(img, i) if {
	h := img.history[i]
	instruction(h) == "ADD"
	regex.match(`^ADD (file|dir|multi):[0-9a-f]+ in /$`, step(h))
}

is_base_rootfs(img, i) if {
	i == first_layer(img)
	h := img.history[i]
	instruction(h) == "ADD"
	destination(h) == "/"
}

# own_adds: index -> step of every ADD of the image except the base root filesystem one.
own_adds(img) := {i: step(h) |
	some i, h in img.history
	instruction(h) == "ADD"
	not is_base_rootfs(img, i)
}

# run_steps: the image's RUN steps (legacy shell commands included), oldest first.
run_steps(img) := [step(h) | some h in img.history; instruction(h) == "RUN"]
