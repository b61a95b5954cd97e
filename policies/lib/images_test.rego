package lib.images_test

import data.lib.images

legacy_rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

legacy_cmd := {"created_by": "/bin/sh -c #(nop)  CMD [\"bash\"]", "empty_layer": true}

legacy_run := {"created_by": "/bin/sh -c apt-get update", "empty_layer": false}

legacy_run_exec_form := {"created_by": "/bin/busybox --install -s /bin", "empty_layer": false}

legacy_run_build_args := {"created_by": "|1 TOKEN=<redacted> /bin/sh -c make", "empty_layer": false}

legacy_add_app := {"created_by": "/bin/sh -c #(nop) ADD file:9a8b7c in /app/ ", "empty_layer": false}

legacy_healthcheck := {"created_by": "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"true\"] \"5s\" \"3s\" \"0s\" '\\x00'}", "empty_layer": true}

buildkit_rootfs := {"created_by": "ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit", "empty_layer": false}

buildkit_run := {"created_by": "RUN /bin/sh -c apk add --no-cache curl # buildkit", "empty_layer": false}

buildkit_add_url := {"created_by": "ADD https://example.com/tool.tar.gz /opt/ # buildkit", "empty_layer": false}

buildkit_add_root_later := {"created_by": "ADD overlay.tar / # buildkit", "empty_layer": false}

buildkit_env := {"created_by": "ENV PATH=<redacted>", "empty_layer": true}

img := {"id": "sha256:0123456789abcdef0123456789", "repo_tags": [], "repo_digests": [], "history": []}

test_legacy_nop_step_loses_its_decoration if images.step(legacy_rootfs) == "ADD file:4f3c5a1b2e in /"

test_legacy_shell_command_is_a_run if images.step(legacy_run) == "RUN /bin/sh -c apt-get update"

test_legacy_exec_form_is_a_run if images.instruction(legacy_run_exec_form) == "RUN"

test_build_args_run_is_a_run if images.instruction(legacy_run_build_args) == "RUN"

test_buildkit_suffix_is_dropped if images.step(buildkit_run) == "RUN /bin/sh -c apk add --no-cache curl"

test_buildkit_metadata_instruction if images.instruction(buildkit_env) == "ENV"

test_legacy_healthcheck_is_a_healthcheck if {
	images.step(legacy_healthcheck) == "HEALTHCHECK &{[\"CMD\" \"true\"] \"5s\" \"3s\" \"0s\" '\\x00'}"
	images.instruction(legacy_healthcheck) == "HEALTHCHECK"
}

test_arguments_without_keyword if images.arguments(buildkit_run) == "/bin/sh -c apk add --no-cache curl"

test_destination_is_last_word if images.destination(legacy_add_app) == "/app/"

test_steps_parse_each_entry_once_in_order if {
	i := object.union(img, {"history": [legacy_rootfs, legacy_cmd, buildkit_run]})
	images.steps(i) == [
		{"step": "ADD file:4f3c5a1b2e in /", "instruction": "ADD", "layer": true},
		{"step": "CMD [\"bash\"]", "instruction": "CMD", "layer": false},
		{"step": "RUN /bin/sh -c apk add --no-cache curl", "instruction": "RUN", "layer": true},
	]
}

test_steps_of_an_unknown_history_are_none if {
	images.steps(object.union(img, {"history": null})) == []
	images.steps(object.remove(img, ["history"])) == []
}

test_legacy_rootfs_add_is_the_base if {
	i := object.union(img, {"history": [legacy_rootfs, legacy_cmd, legacy_add_app]})
	images.own_adds(i) == {2: "ADD file:9a8b7c in /app/"}
}

test_buildkit_first_layer_rootfs_is_the_base if {
	i := object.union(img, {"history": [buildkit_rootfs, buildkit_run, buildkit_add_url]})
	images.own_adds(i) == {2: "ADD https://example.com/tool.tar.gz /opt/"}
}

test_add_into_root_after_the_first_layer_is_own if {
	i := object.union(img, {"history": [buildkit_rootfs, buildkit_add_root_later]})
	images.own_adds(i) == {1: "ADD overlay.tar /"}
}

test_first_layer_skips_empty_layers if {
	i := object.union(img, {"history": [legacy_cmd, buildkit_rootfs]})
	images.first_layer(i) == 1
	images.own_adds(i) == {}
}

test_run_steps_lists_every_run if {
	i := object.union(img, {"history": [legacy_rootfs, legacy_run, legacy_cmd, buildkit_run]})
	images.run_steps(i) == ["RUN /bin/sh -c apt-get update", "RUN /bin/sh -c apk add --no-cache curl"]
}

test_name_falls_back_to_short_id if images.name(img) == "sha256:0123456789ab"

test_listed_keeps_the_snapshot_order if {
	a := object.union(img, {"id": "sha256:b"})
	b := object.union(img, {"id": "sha256:a"})
	images.listed == [a, b] with input.images as [a, b]
}

test_uncollected_images_are_missing if {
	images.missing_listed == {"images (the image list could not be collected)"} with input.images as null
	images.listed == [] with input.images as null
	not images.none_listed with input.images as null
}

test_absent_image_list_is_missing if {
	images.missing_listed == {"images (the image list could not be collected)"} with input as {"meta": {}}
	images.listed == [] with input as {"meta": {}}
}

test_listed_images_are_not_missing if {
	images.missing_listed == set() with input.images as [img]
	not images.none_listed with input.images as [img]
}

test_no_images_is_none_listed if {
	images.none_listed == "there are no images on this host" with input.images as []
}

test_failed_inspect_is_missing if {
	i := object.union(img, {"repo_tags": ["app:1"], "inspected": false})
	images.missing_inspect == {"image app:1 (GET /images/{id}/json failed: its configuration is unknown)"} with input.images as [i]
}

test_inspected_image_is_not_missing if {
	images.missing_inspect == set() with input.images as [object.union(img, {"inspected": true})]
	images.missing_inspect == set() with input.images as [img]
}

test_null_history_is_missing if {
	i := object.union(img, {"repo_tags": ["app:1"], "history": null})
	images.missing_history == {"image app:1 history (GET /images/{id}/history failed)"} with input.images as [i]
}

test_absent_history_is_missing if {
	i := object.remove(img, ["history"])
	images.missing_history == {"image sha256:0123456789ab history (GET /images/{id}/history failed)"} with input.images as [i]
}

test_empty_history_is_not_missing if images.missing_history == set() with input.images as [img]

# running_names groups the running containers by image, names sorted; stopped ones and the
# auditor's own container are left out.
test_running_names_are_grouped_by_image if {
	cs := [
		{"id": "c1", "name": "/web-2", "image_id": "sha256:a", "labels": {}, "running": true},
		{"id": "c2", "name": "/db-1", "image_id": "sha256:b", "labels": {}, "running": true},
		{"id": "c3", "name": "/web-1", "image_id": "sha256:a", "labels": {}, "running": true},
		{"id": "c4", "name": "/web-old", "image_id": "sha256:a", "labels": {}, "running": false},
		{"id": "c5", "name": "/auditor", "image_id": "sha256:b", "labels": {"dockerbench.auditor": "true"}, "running": true},
		{"id": "c6", "name": "/web-3", "image_id": "sha256:a", "labels": {}, "running": true},
	]
	images.running_names == {"sha256:a": ["web-1", "web-2", "web-3"], "sha256:b": ["db-1"]} with input.containers as cs
}

test_running_names_without_containers_is_empty if {
	images.running_names == {} with input.containers as null
	images.running_names == {} with input.containers as []
}

quoted_run := {"created_by": "/bin/sh -c echo \"a\\\\b\" > /x  ", "empty_layer": false}

quoted_cmd := {"created_by": "/bin/sh -c #(nop)  CMD [\"sh\" \"-c\"]", "empty_layer": true}

test_quotes_and_backslashes_survive_in_steps if {
	images.step(quoted_run) == "RUN /bin/sh -c echo \"a\\\\b\" > /x"
	images.step(quoted_cmd) == "CMD [\"sh\" \"-c\"]"
	sprintf("<%s>", [images.step(quoted_run)]) == "<RUN /bin/sh -c echo \"a\\\\b\" > /x>"
}

# Blanks at either end are every Unicode space (trim_space), the same on both engines.
test_steps_lose_blanks_at_both_ends if {
	images.step({"created_by": "\u000b\u00a0ADD file:abc in /app/\u3000"}) == "ADD file:abc in /app/"
	images.step({"created_by": "/bin/sh -c #(nop) \u2028 CMD [\"x\"]\t"}) == "CMD [\"x\"]"
	images.step({"created_by": "   "}) == "RUN "
	images.step({"created_by": ""}) == "RUN "
}

test_blanks_inside_a_step_are_kept if {
	images.step({"created_by": "/bin/sh -c apk\u00a0add  curl"}) == "RUN /bin/sh -c apk\u00a0add  curl"
}

steps_with_quotes := {"a": images.step(quoted_run), "b": images.step(quoted_cmd)}

test_steps_with_quotes_can_be_output if {
	steps_with_quotes == {"a": "RUN /bin/sh -c echo \"a\\\\b\" > /x", "b": "CMD [\"sh\" \"-c\"]"}
}

test_abbreviated_keeps_a_short_text if {
	images.abbreviated("abcdefghij", 10) == "abcdefghij"
	images.abbreviated("", 10) == ""
}

test_abbreviated_cuts_by_characters if {
	images.abbreviated("abcdefghijk", 10) == "abcdefg..."
	images.abbreviated("a \"b\" c d e f g h i j", 16) == "a \"b\" c d e f..."
	images.abbreviated("café au lait", 8) == "café ..."
	images.abbreviated("café au lait", 16) == "café au lait"
}

# Escapes, control characters and characters outside the BMP count one each.
test_abbreviated_counts_characters_not_bytes if {
	images.abbreviated("🐳🐳🐳🐳🐳", 4) == "🐳..."
	images.abbreviated("\u0000\u001b[31m\u202eabc", 5) == "\u0000\u001b..."
	images.abbreviated("C:\\dir\\sub", 7) == "C:\\d..."
}

test_abbreviated_cuts_a_long_value if {
	long := concat("", ["x\"\\" | some _ in numbers.range(1, 1000)])
	images.abbreviated(long, 160) == sprintf("%s...", [substring(long, 0, 157)])
	count(images.abbreviated(long, 160)) == 160
}

update := images.command_pattern("apt-get|apt", "update|upgrade")

test_command_pattern_reads_tool_options_and_subcommand if {
	regex.match(update, "RUN /bin/sh -c apt-get update")
	regex.match(update, "RUN /bin/sh -c apt -y -q upgrade && apt-get install x")
	regex.match(update, "RUN /bin/sh -c /usr/bin/APT-GET\tUPDATE")
}

test_command_pattern_needs_whole_words if {
	not regex.match(update, "RUN /bin/sh -c apt-get updates")
	not regex.match(update, "RUN /bin/sh -c myapt-get_x update")
	not regex.match(update, "RUN /bin/sh -c apt-get -o x=1 update")
	not regex.match(update, "RUN /bin/sh -c echo apt-get")
}

# ASCII blanks and word characters on both engines (\s and \b would not agree).
test_command_pattern_reads_unicode_the_same_on_every_engine if {
	not regex.match(update, "apt-get\u00a0update")
	not regex.match(update, "apt-get\u3000update")
	regex.match(update, "\u00e9apt-get update")
	regex.match(update, "apt-get update\u00e9")
}
