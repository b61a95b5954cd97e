package lib.params_test

import data.lib.params

test_a_given_value_is_returned if {
	params.value("max_managers") == 3 with data.dockerbench.params as {"max_managers": 3}
	params.value("swarm_needed") == false with data.dockerbench.params as {"swarm_needed": false}
}

test_an_absent_value_is_undefined if {
	not params.value("max_managers") with data.dockerbench.params as {}
	not params.value("max_managers") with data.dockerbench.params as {"trusted_users": ["alice"]}
}

test_a_null_value_is_undefined if {
	not params.value("max_managers") with data.dockerbench.params as {"max_managers": null}
}

test_no_parameters_at_all_is_undefined if {
	not params.value("max_managers")
}

test_with_default_prefers_the_given_value if {
	params.with_default("stopped_container_margin", 25) == 10 with data.dockerbench.params as {"stopped_container_margin": 10}
	params.with_default("swarm_needed", null) == false with data.dockerbench.params as {"swarm_needed": false}
}

test_with_default_falls_back_when_absent_or_null if {
	params.with_default("stopped_container_margin", 25) == 25 with data.dockerbench.params as {}
	params.with_default("stopped_container_margin", 25) == 25 with data.dockerbench.params as {"stopped_container_margin": null}
	params.with_default("min_engine_version", null) == null
}
