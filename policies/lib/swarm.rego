# METADATA
# title: Swarm state shared by the section 7 controls
# description: |
#   `input.swarm` is null when GET /info could not be read (the fact is missing, status error),
#   and {"local_node_state": "inactive"} on a node outside any swarm. Managers see the cluster
#   (spec, nodes, secrets, services); workers do not, and a locked manager sees nothing until
#   it is unlocked. Controls that only a manager can decide use `not_manager_reason` for their
#   not-applicable reason and `locked_missing` for what they lack on a locked manager. A
#   finding about this node's swarm membership has the resource `lib.result.swarm`.
package lib.swarm

collected if is_object(input.swarm)

state := input.swarm.local_node_state

missing contains "swarm (GET /info Swarm could not be collected)" if not collected

is_inactive if input.swarm.local_node_state == "inactive"

# is_active: the node takes part in a swarm in any way (active, pending, locked, error).
is_active if {
	collected
	not is_inactive
}

is_locked if input.swarm.local_node_state == "locked"

is_manager if input.swarm.control_available == true

# is_manager_like: a manager, unlocked or locked (a locked manager shows no control, but only
# managers lock).
is_manager_like if is_manager

is_manager_like if is_locked

inactive_reason := "swarm mode is inactive on this node" if is_inactive

# not_manager_reason is the not-applicable reason of a manager-only control on a node that
# takes part in a swarm without being a manager. A locked node is a manager (only managers
# lock) and is not covered here: see locked_missing.
not_manager_reason := sprintf("this node is not a swarm manager (state %s): the cluster facts this control needs are only visible on managers; audit it on a manager", [state]) if {
	is_active
	not is_manager
	not is_locked
}

# locked_missing is the `missing` entry of a control that needs the cluster facts of a manager
# that is locked.
locked_missing := "swarm (this swarm manager is locked: unlock it with docker swarm unlock so its cluster facts can be read)" if is_locked

# summary is the evidence every section 7 control shows.
summary := {
	"local_node_state": input.swarm.local_node_state,
	"control_available": object.get(input.swarm, "control_available", false),
	"node_id": object.get(input.swarm, "node_id", null),
	"node_addr": object.get(input.swarm, "node_addr", null),
} if collected
