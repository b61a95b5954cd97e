package lib.containers_test

import data.lib.containers

web := {"id": "a", "name": "/web", "labels": {}, "running": true, "inspected": true}

job := {"id": "b", "name": "/job", "labels": {}, "running": false, "inspected": true}

me := {"id": "c", "name": "/dockerbench", "labels": {"dockerbench.auditor": "true"}, "running": true, "inspected": true}

test_listed_holds_running_and_stopped if {
	cs := [web, job]
	containers.listed == cs with input.containers as cs
}

test_running_holds_only_running if {
	w := web
	containers.running == [w] with input.containers as [web, job]
	containers.running_count == 1 with input.containers as [web, job]
}

test_auditor_is_excluded if {
	w := web
	containers.listed == [w] with input.containers as [web, me]
	containers.running == [w] with input.containers as [web, me]
	containers.running_count == 1 with input.containers as [web, me]
}

test_uncollected_list_is_missing if {
	doc := containers with input.containers as null
	doc == {
		"listed": [],
		"running": [],
		"running_count": 0,
		"inspected": [],
		"missing_listed": {"containers (the container list could not be collected)"},
		"missing_list": {"containers (the container list could not be collected)"},
		"short_list": set(),
	}
}

test_collected_list_misses_nothing if {
	doc := containers with input.containers as [web, job]
	doc.collected == true
	doc.missing_listed == set()
	doc.missing_list == set()
	not doc.none_listed
	not doc.none_running
}

test_failed_inspect_is_missing if {
	w := web
	cs := [web, object.union(job, {"inspected": false})]
	containers.missing_listed == {"container job (its inspect failed)"} with input.containers as cs
	containers.inspected == [w] with input.containers as cs
	containers.missing_list == set() with input.containers as cs
}

test_inspected_holds_every_inspected_container if {
	cs := [web, job, object.remove(web, ["inspected"])]
	containers.inspected == cs with input.containers as cs
}

test_failed_inspect_of_the_auditor_is_not_missing if {
	containers.missing_listed == set() with input.containers as [web, object.union(me, {"inspected": false})]
}

test_no_containers_reason if {
	containers.none_listed == "there are no containers on this host" with input.containers as []
	containers.none_running == "no container is running" with input.containers as []
}

test_only_stopped_containers_reason if {
	containers.none_running == "no container is running" with input.containers as [job]
	not containers.none_listed with input.containers as [job]
}

test_only_the_auditor_is_no_containers if {
	containers.none_listed == "there are no containers on this host" with input.containers as [me]
}

test_inspect_failure_is_recognised if {
	containers.is_uninspected({"id": "a", "name": "/web", "inspected": false})
	not containers.is_uninspected({"id": "a", "name": "/web", "inspected": true})
	not containers.is_uninspected({"id": "a", "name": "/web"})
}

test_list_controls_miss_only_an_uncollected_list if {
	containers.missing_list == {"containers (the container list could not be collected)"} with input.containers as null
	containers.missing_list == set() with input.containers as [{"id": "a", "name": "/web", "labels": {}, "inspected": false}]
}

test_name_drops_the_slash if containers.name({"id": "a", "name": "/web"}) == "web"

test_port_mapping_of_each_host_address if {
	containers.port_mapping({"container_port": 8080, "protocol": "tcp", "host_ip": "0.0.0.0", "host_port": 80}) == "0.0.0.0:80->8080/tcp"
	containers.port_mapping({"container_port": 8443, "protocol": "tcp", "host_ip": "::", "host_port": 443}) == "[::]:443->8443/tcp"
	containers.port_mapping({"container_port": 53, "protocol": "udp", "host_ip": "", "host_port": 53}) == "*:53->53/udp"
}

test_a_list_shorter_than_the_daemon_count_is_missing_in_both_scopes if {
	short := "containers (the daemon reports 21 containers in GET /info but the snapshot lists 0)"
	containers.missing_list == {short} with input.containers as [] with input.daemon.info as {"containers": 21}
	containers.missing_listed == {short} with input.containers as [] with input.daemon.info as {"containers": 21}
}

test_a_list_as_long_as_the_daemon_count_or_longer_is_not_missing if {
	one := {"id": "a", "name": "/a", "labels": {}, "running": true, "inspected": true}
	containers.missing_list == set() with input.containers as [one] with input.daemon.info as {"containers": 1}
	containers.missing_list == set() with input.containers as [one] with input.daemon.info as {"containers": 0}
	containers.missing_list == set() with input.containers as [one] with input.daemon.info as null
}

# The container dockerbench ran in (meta.auditor_container_id), unlabelled, is left out too.
own_id := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

own := {"id": own_id, "name": "/audit-run", "labels": {}, "running": true, "inspected": true}

test_the_container_dockerbench_runs_in_is_excluded if {
	w := web
	j := job
	doc := containers with input as {"meta": {"auditor_container_id": own_id}, "containers": [web, own, job]}
	doc.listed == [w, j]
	doc.running == [w]
	doc.running_count == 1
	doc.inspected == [w, j]
}

test_an_uninspected_own_container_is_not_missing if {
	inp := {"meta": {"auditor_container_id": own_id}, "containers": [web, object.union(own, {"inspected": false})]}
	containers.missing_listed == set() with input as inp
}

test_only_the_own_container_is_no_containers if {
	containers.none_listed == "there are no containers on this host" with input as {"meta": {"auditor_container_id": own_id}, "containers": [own]}
}

test_no_own_container_excludes_nothing if {
	cs := [web, own]
	containers.listed == cs with input as {"meta": {"auditor_container_id": null}, "containers": cs}
	containers.listed == cs with input as {"meta": {}, "containers": cs}
	containers.listed == cs with input as {"containers": cs}
}

test_another_container_id_excludes_nothing if {
	cs := [web, own]
	other := concat("", ["f", substring(own_id, 1, -1)])
	containers.listed == cs with input as {"meta": {"auditor_container_id": other}, "containers": cs}
}

test_the_own_container_and_the_labelled_auditor_are_both_excluded if {
	w := web
	containers.listed == [w] with input as {"meta": {"auditor_container_id": own_id}, "containers": [me, web, own]}
}

test_an_uncollected_list_with_an_own_container_is_still_missing if {
	doc := containers with input as {"meta": {"auditor_container_id": own_id}, "containers": null}
	doc.listed == []
	doc.missing_listed == {"containers (the container list could not be collected)"}
}
