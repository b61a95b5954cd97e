package cis_docker_1_1_0.c4_8_test

import data.cis_docker_1_1_0.c4_8
import data.lib.result

distroless := {"id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "repo_tags": ["app:1"], "repo_digests": [], "history": [], "setuid_files": []}

debian := {"id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "repo_tags": ["debian:12"], "repo_digests": [], "history": [], "setuid_files": [
	{"path": "/usr/bin/wall", "mode": 1517, "setuid": false, "setgid": true},
	{"path": "/usr/bin/passwd", "mode": 2541, "setuid": true, "setgid": false},
]}

unscanned := object.union(distroless, {"setuid_files": null})

test_image_without_special_files_passes if {
	c4_8.reviews == set() with input.images as [distroless]
	c4_8.checked == 1 with input.images as [distroless]
	c4_8.missing == set() with input.images as [distroless]
}

test_setuid_files_are_reviewed if {
	rs := c4_8.reviews with input.images as [distroless, debian]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "name": "debian:12"},
		"message": "image debian:12 has 2 setuid/setgid file(s), e.g. /usr/bin/passwd (setuid)",
		"actual": ["/usr/bin/passwd (setuid)", "/usr/bin/wall (setgid)"],
		"expected": "no setuid/setgid file the image does not need",
	}}
	c4_8.checked == 2 with input.images as [distroless, debian]
}

test_both_bits_are_named if {
	img := object.union(distroless, {"setuid_files": [{"path": "/bin/x", "mode": 3565, "setuid": true, "setgid": true}]})
	rs := c4_8.reviews with input.images as [img]
	rs == {{
		"resource": {"kind": "image", "id": "sha256:aaaa1111aaaa1111aaaa1111aaaa", "name": "app:1"},
		"message": "image app:1 has 1 setuid/setgid file(s), e.g. /bin/x (setuid, setgid)",
		"actual": ["/bin/x (setuid, setgid)"],
		"expected": "no setuid/setgid file the image does not need",
	}}
}

test_evidence_counts_per_image if {
	c4_8.evidence == {"setuid_files": [{"image": "app:1", "count": 0}, {"image": "debian:12", "count": 2}]} with input.images as [distroless, debian]
	c4_8.evidence == {"setuid_files": [{"image": "debian:12", "count": 2}, {"image": "app:1", "count": 0}]} with input.images as [debian, distroless]
}

test_unscanned_image_is_missing if {
	c4_8.missing == {"image app:1 setuid_files (its layers were not scanned)"} with input.images as [unscanned]
	c4_8.reviews == set() with input.images as [unscanned]
	c4_8.evidence == {"setuid_files": []} with input.images as [unscanned]
}

test_only_the_unscanned_image_is_missing if {
	rs := c4_8.reviews with input.images as [unscanned, debian]
	result.brief(rs) == {{
		"resource": {"kind": "image", "id": "sha256:bbbb2222bbbb2222bbbb2222bbbb", "name": "debian:12"},
		"message": "image debian:12 has 2 setuid/setgid file(s), e.g. /usr/bin/passwd (setuid)",
	}}
	c4_8.missing == {"image app:1 setuid_files (its layers were not scanned)"} with input.images as [unscanned, debian]
}

test_no_images_is_not_applicable if {
	c4_8.not_applicable == "there are no images on this host" with input.images as []
	c4_8.checked == 0 with input.images as []
}

test_uncollected_images_are_missing if {
	c4_8.missing == {"images (the image list could not be collected)"} with input.images as null
	not c4_8.not_applicable with input.images as null
}
