# METADATA
# title: Images, their build steps, and which steps are the image's own
# description: |
#   `listed` is every local image (docker images), in the snapshot's order; `collected` is false
#   when the snapshot could not list them, and image controls then report the fact as missing
#   (status error).
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

# listed keeps the snapshot's order, so evidence built from it reads the same on every engine.
default listed := []

listed := input.images if collected

# running_names: image id -> the sorted names of its running containers. Built in one pass:
# the (image id, name) pairs of the running containers, sorted and cut where the id changes.
# Looking through every container for every image would grow as images × containers.
running_pairs := sort([[c.image_id, containers.name(c)] | some c in containers.listed; c.running == true])

running_pair_ids := [p[0] | some p in running_pairs]

running_pair_names := [p[1] | some p in running_pairs]

# group_starts / group_ends: where each image id's run of pairs begins and ends.
group_starts := [i | some i, id in running_pair_ids; not continues_group(i, id)]

continues_group(i, id) if running_pair_ids[i - 1] == id

group_ends := array.concat(array.slice(group_starts, 1, count(group_starts)), [count(running_pairs)])

running_names := {running_pair_ids[s]: array.slice(running_pair_names, s, group_ends[g]) | some g, s in group_starts}

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

# A positive helper, negated where it is used: `not is_array(x)` of an absent x differs
# between the engines.
has_history(img) if is_array(img.history)

# ----------------------------------------------------------------------------- build steps

instructions := {
	"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL",
	"MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
}

# step is the history entry as an instruction: "ADD file:… in /", "RUN /bin/sh -c apt-get update".
step(h) := step_of(trim_space(h.created_by))

step_of(t) := trim_space(substring(t, indexof(t, "#(nop)") + 6, count(t))) if {
	contains(t, "#(nop)")
} else := u if {
	u := trim_space(trim_suffix(t, "# buildkit"))
	split(u, " ")[0] in instructions
} else := sprintf("RUN %s", [t])

# steps is the image's history parsed once, oldest first: [{"step", "instruction", "layer"}]
# (layer: the entry made a filesystem layer). Controls read this, once per image, rather than
# step(h) per question: parsing is the costly part.
steps(img) := [{"step": s, "instruction": split(s, " ")[0], "layer": object.get(h, "empty_layer", false) != true} |
	some h in values.items(img.history)
	s := step(h)
]

# instruction is the step's keyword (ADD, RUN, ENV, ...).
instruction(h) := split(step(h), " ")[0]

# arguments is the step without its keyword.
arguments(h) := trim_space(substring(s, count(instruction(h)), count(s))) if s := step(h)

# words_of is a step split on blanks, without empty words.
words_of(s) := [w | some w in split(s, " "); w != ""]

# destination of an ADD/COPY step is its last word ("/" for a root filesystem).
destination(h) := destination_of(step(h))

destination_of(s) := ws[count(ws) - 1] if {
	ws := words_of(s)
	count(ws) > 1
}

# first_layer is the index of the first history entry that made a filesystem layer.
first_layer(img) := first_layer_of(steps(img))

first_layer_of(entries) := min(idx) if {
	idx := [i | some i, e in entries; e.layer]
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
	some i, e in entries
	e.instruction == "ADD"
	not is_base_rootfs(entries, i)
}

# abbreviated(s, n): s cut to n characters, ending "..." when cut.
abbreviated(s, n) := s if count(s) <= n

else := sprintf("%s...", [substring(s, 0, n - 3)])

# run_steps: the image's RUN steps (legacy shell commands included), oldest first.
run_steps(img) := [e.step | some e in steps(img); e.instruction == "RUN"]

# command_pattern(tools, subcommands): a regex for a step that runs one of the tools
# ("apt-get|apt") with one of the subcommands ("update|upgrade"), each a whole word, options
# between them (apt-get -y -q update), in any case. Blanks and word boundaries are the ASCII
# classes [[:space:]] and [[:word:]]: \s and \b are Unicode in regorus but ASCII in OPA.
command_pattern(tools, subcommands) := sprintf(`(?i)(^|[^[:word:]])(%s)[[:space:]]+(-[^[:space:]]+[[:space:]]+)*(%s)([^[:word:]]|$)`, [tools, subcommands])
