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

import data.lib.containers
import data.lib.result
import data.lib.values

collected if is_array(input.images)

# An array, not a set: sets of whole objects cost regopy a deep comparison per insertion.
listed := [img | some img in input.images] if collected

else := []

# in_order is the image list in the snapshot's order: evidence built from it reads the same on
# every engine (sets of objects are ordered differently by regopy and OPA).
in_order := [img | some img in values.items(input.images)]

# running_names: image id -> the sorted names of its running containers, built once: the
# (image id, name) pairs sorted and cut where the id changes. Looking through every running
# container for every image took seconds at 1000 containers and 100 images in regopy.
running_pairs := sort([[c.image_id, containers.name(c)] | some c in containers.listed; c.running == true])

running_pair_names := [p[1] | some p in running_pairs]

# group_starts/group_ends: where each image id's run of pairs begins and ends.
group_starts := array.concat([0], [i | some i; running_pairs[i][0] != running_pairs[i - 1][0]]) if count(running_pairs) > 0

else := []

group_ends := array.concat(array.slice(group_starts, 1, count(group_starts)), [count(running_pairs)])

running_names := {running_pairs[s][0]: array.slice(running_pair_names, s, group_ends[g]) | some g; s := group_starts[g]}

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
step(h) := step_of(strip(h.created_by))

step_of(t) := strip(substring(t, indexof(t, "#(nop)") + 6, count(t))) if {
	contains(t, "#(nop)")
} else := u if {
	u := strip(trim_suffix(t, "# buildkit"))
	split(u, " ")[0] in instructions
} else := sprintf("RUN %s", [t])

# steps is the image's history parsed once, oldest first: [{"step", "instruction", "layer"}]
# (layer: the entry made a filesystem layer). Controls read this, not step(h) per question:
# regopy does not remember function results, and parsing is the costly part.
steps(img) := [{"step": s, "instruction": split(s, " ")[0], "layer": object.get(h, "empty_layer", false) != true} |
	some h in img.history
	s := step(h)
]

# instruction is the step's keyword (ADD, RUN, ENV, ...).
instruction(h) := split(step(h), " ")[0]

# arguments is the step without its keyword.
arguments(h) := strip(substring(s, count(instruction(h)), count(s))) if s := step(h)

# words_of is a step split on blanks, without empty words.
words_of(s) := [w | some w in split(s, " "); w != ""]

# strip removes leading and trailing blanks. It stands in for trim_space, whose result regopy
# 1.5 emits unescaped (a step with a quote in it would corrupt the whole result); substring
# results are safe, and so are sprintf results (concat, lower or regex results are not once
# sprintf formats them). Most texts have no blank at either end: that test is cheap.
strip(s) := s if {
	not has_edge_blank(s)
} else := substring(s, lead, (count(s) - lead) - blanks_at_end(s)) if {
	lead := blanks_at_start(s)
	count(s) > lead
} else := ""

# trim_space only to compare (its result is not safe to output on regopy, see above): a text
# it changes, or one regopy keeps escaped (quotes), takes the exact path below.
has_edge_blank(s) if trim_space(s) != s

blanks_at_start(s) := count(m[0]) if {
	m := regex.find_n(`^\s+`, s, 1)
	count(m) > 0
} else := 0

blanks_at_end(s) := count(m[0]) if {
	m := regex.find_n(`\s+$`, s, 1)
	count(m) > 0
} else := 0

# destination of an ADD/COPY step is its last word ("/" for a root filesystem).
destination(h) := destination_of(step(h))

destination_of(s) := ws[count(ws) - 1] if {
	ws := words_of(s)
	count(ws) > 1
}

# first_layer is the index of the first history entry that made a filesystem layer.
first_layer(img) := first_layer_of(steps(img))

first_layer_of(entries) := min(idx) if {
	idx := [i | some i; entries[i].layer] # not `some i, e in` (regopy)
	count(idx) > 0
}

# is_base_rootfs holds for the ADD that unpacks a base image's root filesystem: the legacy
# builder's "ADD file:<hash> in /", or an ADD into "/" as the image's first layer (BuildKit:
# "ADD alpine-minirootfs-….tar.gz / # buildkit"). That ADD is the base image's, not the user's.
is_base_rootfs(entries, i) if regex.match(`^ADD (file|dir|multi):[0-9a-f]+ in /$`, entries[i].step)

is_base_rootfs(entries, i) if {
	i == first_layer_of(entries)
	destination_of(entries[i].step) == "/"
}

# own_adds: index -> step of every ADD of the image except the base root filesystem one.
own_adds(img) := {i: e.step |
	entries := steps(img)
	some i
	e := entries[i]
	e.instruction == "ADD"
	not is_base_rootfs(entries, i)
}

# abbreviated(s, n): s cut to about n characters, ending "..." when cut. regopy keeps a quote,
# a backslash, a control or a non-ASCII character as its JSON escape (\" counts two there), so
# a cut by characters would fall elsewhere than on OPA, or split an escape (invalid output):
# such a text is cut by words instead, where both engines agree. Put the result in a message
# with concat, not sprintf (regopy 1.5 quotes a concat result that sprintf formats).
abbreviated(s, n) := s if {
	is_plain(s)
	count(s) <= n
} else := sprintf("%s...", [substring(s, 0, n - 3)]) if {
	is_plain(s)
} else := s if {
	count(split(s, " ")) <= floor(n / 8)
} else := concat("", [concat(" ", array.slice(split(s, " "), 0, floor(n / 8))), " ..."])

# is_plain: printable ASCII without quote or backslash, the same text on every engine.
is_plain(s) if regex.match(`^[ !#-\[\]-~]*$`, s)

# run_steps: the image's RUN steps (legacy shell commands included), oldest first.
run_steps(img) := [e.step | some e in steps(img); e.instruction == "RUN"]
