package lib.images_test

import data.lib.images

legacy_rootfs := {"created_by": "/bin/sh -c #(nop) ADD file:4f3c5a1b2e in / ", "empty_layer": false}

legacy_cmd := {"created_by": "/bin/sh -c #(nop)  CMD [\"bash\"]", "empty_layer": true}

legacy_run := {"created_by": "/bin/sh -c apt-get update", "empty_layer": false}

legacy_run_exec_form := {"created_by": "/bin/busybox --install -s /bin", "empty_layer": false}

legacy_run_build_args := {"created_by": "|1 TOKEN=<redacted> /bin/sh -c make", "empty_layer": false}

legacy_add_app := {"created_by": "/bin/sh -c #(nop) ADD file:9a8b7c in /app/ ", "empty_layer": false}

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

test_arguments_without_keyword if images.arguments(buildkit_run) == "/bin/sh -c apk add --no-cache curl"

test_destination_is_last_word if images.destination(legacy_add_app) == "/app/"

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
	count(images.own_adds(i)) == 0
}

test_run_steps_lists_every_run if {
	i := object.union(img, {"history": [legacy_rootfs, legacy_run, legacy_cmd, buildkit_run]})
	images.run_steps(i) == ["RUN /bin/sh -c apt-get update", "RUN /bin/sh -c apk add --no-cache curl"]
}

test_name_falls_back_to_short_id if images.name(img) == "sha256:0123456789ab"

test_uncollected_images_are_missing if {
	images.missing_listed == {"images (the image list could not be collected)"} with input.images as null
}

test_no_images_is_none_listed if {
	images.none_listed == "there are no images on this host" with input.images as []
}

test_failed_inspect_is_missing if {
	i := object.union(img, {"repo_tags": ["app:1"], "inspected": false})
	images.missing_inspect == {"image app:1 (GET /images/{id}/json failed: its configuration is unknown)"} with input.images as [i]
}

test_null_history_is_missing if {
	i := object.union(img, {"repo_tags": ["app:1"], "history": null})
	images.missing_history == {"image app:1 history (GET /images/{id}/history failed)"} with input.images as [i]
}

test_absent_history_is_missing if {
	count(images.missing_history) == 1 with input.images as [object.remove(img, ["history"])]
}

quoted_run := {"created_by": "/bin/sh -c echo \"a\\\\b\" > /x  ", "empty_layer": false}

quoted_cmd := {"created_by": "/bin/sh -c #(nop)  CMD [\"sh\" \"-c\"]", "empty_layer": true}

test_quotes_and_backslashes_survive_in_steps if {
	images.step(quoted_run) == "RUN /bin/sh -c echo \"a\\\\b\" > /x"
	images.step(quoted_cmd) == "CMD [\"sh\" \"-c\"]"
	sprintf("<%s>", [images.step(quoted_run)]) == "<RUN /bin/sh -c echo \"a\\\\b\" > /x>"
}

test_strip if {
	images.strip("  a b  ") == "a b"
	images.strip("   ") == ""
	images.strip("") == ""
}

steps_with_quotes := {"a": images.step(quoted_run), "b": images.step(quoted_cmd)}

test_steps_with_quotes_can_be_output if count(steps_with_quotes) == 2

test_abbreviated_cuts_plain_text_by_characters if {
	images.abbreviated("abcdefghij", 10) == "abcdefghij"
	images.abbreviated("abcdefghijk", 10) == "abcdefg..."
}

test_abbreviated_cuts_text_with_quotes_or_non_ascii_by_words if {
	images.abbreviated("a \"b\" c d e f g h i j", 16) == "a \"b\" ..."
	images.abbreviated("café au lait", 16) == "café au ..."
	images.abbreviated("café au", 16) == "café au"
	images.abbreviated("é é é é", 8) == "é ..."
}
