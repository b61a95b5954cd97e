# METADATA
# title: Organisation parameters (data.dockerbench.params)
# description: |
#   Controls that need an organisation's input read it here. `value(name)` is undefined when
#   the organisation gave no value (absent or null): the control is then `manual`, with the
#   evidence a reviewer needs, never a guessed pass. Parameters and their meaning:
#     min_engine_version        1.3  lowest acceptable engine version, e.g. "24.0.0"
#     trusted_users             1.4  users allowed in the docker group
#     approved_cgroup_parents   2.9, 5.24  cgroup parents that are intended
#     trusted_registries        4.2  registries/repository prefixes images may come from
#     allowed_cap_add           5.3  capabilities containers may add beyond Docker's default set
#     swarm_needed              7.1  true when this host must run swarm mode
#     max_managers              7.2  largest acceptable number of swarm managers
#     node_cert_max_expiry_hours 7.8 longest acceptable swarm node certificate validity
#     ca_max_age_days           7.9  oldest acceptable swarm root CA
#     stopped_container_margin  6.2  stopped minus running at which sprawl is flagged (default 25)
#     custom                    -    an organisation's own policies' parameters (any JSON)
#   Names and types are checked before evaluation (dockerbench/_params.py,
#   schemas/params.schema.json): a misspelt name or a wrong type is refused, never ignored.
package lib.params

value(name) := v if {
	v := data.dockerbench.params[name]
	v != null
}

# with_default is the organisation's value, else the documented default.
with_default(name, default_value) := v if v := value(name)

else := default_value
