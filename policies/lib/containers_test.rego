package lib.containers_test

import data.lib.containers

web := {"id": "a", "name": "/web", "labels": {}, "running": true, "inspected": true}

job := {"id": "b", "name": "/job", "labels": {}, "running": false, "inspected": true}

me := {"id": "c", "name": "/dockerbench", "labels": {"dockerbench.auditor": "true"}, "running": true, "inspected": true}

test_listed_holds_running_and_stopped if {
	ids := {c.id | some c in containers.listed} with input.containers as [web, job]
	ids == {"a", "b"}
}

test_running_count_counts_only_running if {
	containers.running_count == 1 with input.containers as [web, job]
}

test_auditor_is_excluded if {
	count(containers.listed) == 1 with input.containers as [web, me]
}

test_uncollected_list_is_missing if {
	count(containers.missing_listed) == 1 with input.containers as null
}

test_failed_inspect_is_missing if {
	containers.missing_listed == ["container job (its inspect failed)"] with input.containers as [web, object.union(job, {"inspected": false})]
}

test_no_containers_reason if {
	containers.none_listed == "there are no containers on this host" with input.containers as []
}

test_inspect_failure_is_recognised if {
	containers.is_uninspected({"id": "a", "name": "/web", "inspected": false})
	not containers.is_uninspected({"id": "a", "name": "/web", "inspected": true})
	not containers.is_uninspected({"id": "a", "name": "/web"})
}

test_list_controls_miss_only_an_uncollected_list if {
	count(containers.missing_list) == 1 with input.containers as null
	count(containers.missing_list) == 0 with input.containers as [{"id": "a", "name": "/web", "labels": {}, "inspected": false}]
}
