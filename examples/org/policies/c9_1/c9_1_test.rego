package org.c9_1_test

import data.lib.result
import data.org.c9_1

owned := {"id": "a", "name": "/web", "labels": {"owner": "payments"}, "running": true, "inspected": true}

unowned := {"id": "b", "name": "/batch", "labels": {"owner": " "}, "running": false, "inspected": true}

test_a_container_with_an_owner_passes if {
	c9_1.violations == set() with input.containers as [owned]
	c9_1.checked == 1 with input.containers as [owned]
}

test_a_container_without_an_owner_fails if {
	vs := c9_1.violations with input.containers as [owned, unowned]
	result.brief(vs) == {{"resource": {"kind": "container", "id": "b", "name": "batch"}, "message": "container batch has no owner label"}}
}

test_no_container_list_is_missing if {
	c9_1.missing == {"containers (the container list could not be collected)"} with input.containers as null
}
