# METADATA
# title: Audit rules that cover a Docker file (controls 1.5–1.13)
# description: |
#   Which rules count: the loaded kernel rules (`auditctl -l`, host.audit.loaded); when they
#   could not be read (null), the persistent rule files (host.audit.persistent). Both null:
#   the rules are missing (status error) - but only when a file the control audits exists.
#
#   How a rule covers a file: its path (-w PATH, -F path=PATH, -F dir=PATH) names the file,
#   or the file's symlink target, as a whole path ("/etc/docker/" = "/etc/docker"; a rule on
#   /etc/docker/daemon.json does not cover /etc/docker, nor /usr/bin/docker /usr/bin/dockerd).
#   Suppression rules (`-a never,...`) never count. A file covered only by a recursive watch of
#   one of its parent directories (-w DIR or -F dir=DIR) is reported for review (warn): its
#   events are recorded, but the benchmark asks for a rule naming the file.
#
#   Which files: the FileFacts of the given roles. A control is not applicable when none of
#   them exists; every one that exists is evaluated, so 1.12/1.13 evaluate the renamed
#   binaries (/usr/bin/containerd, /usr/bin/runc) as CIS v1.6.0 does (1.1.14, 1.1.18), and the
#   legacy path too when it is still installed. A rootless daemon's own files share the roles
#   (its data root, daemon.json, config dir, the user's docker.service unit): they are Docker
#   files of the host too, and the host's audit rules can watch them, so each needs its rule
#   beside the system's files.
#
#   A control over roles R reads:
#     missing contains m if some m in audit.facts_missing(R)
#     violations contains audit.no_rule_finding(f) if {
#         some f in audit.present_targets(R)
#         audit.is_uncovered(f)
#     }
#     reviews contains audit.parent_watch_finding(f) if {
#         some f in audit.present_targets(R)
#         audit.is_covered_by_parent(f)
#     }
package lib.audit

import data.lib.files
import data.lib.result
import data.lib.values

loaded_known if is_array(input.host.audit.loaded)

persistent_known if is_array(input.host.audit.persistent)

rules_known if loaded_known

rules_known if persistent_known

# rules is the rule list the decision uses (undefined when neither source was read).
rules := input.host.audit.loaded if loaded_known

else := input.host.audit.persistent if persistent_known

rules_source := "loaded rules (auditctl -l)" if loaded_known

else := "persistent rule files (the loaded rules could not be read)" if persistent_known

else := "none (neither auditctl -l nor the rule files could be read)"

missing_rules contains "host.audit (neither the loaded rules from auditctl -l nor /etc/audit/audit.rules and rules.d could be read)" if {
	not rules_known
}

# clean_path drops trailing slashes, so "/etc/docker/" names /etc/docker.
clean_path(p) := p if p == "/"

else := trim_right(p, "/")

# watch_names is what a rule may name for file f: its path and, for a symlink, its target.
watch_names(f) := {clean_path(p) | some p in [f.path, object.get(f, "resolved_path", null)]; is_string(p)}

# is_suppression: `-a never,exit ...` / `-a exit,never ...` excludes events, it audits nothing.
is_suppression(r) if regex.match(`^-[aA]\s+([a-z]+,)?never(,|\s|$)`, r.text)

is_effective(r) if {
	is_string(r.path)
	r.path != ""
	not is_suppression(r)
}

# is_recursive: a watch that covers a directory's whole subtree (-w on a directory, -F dir=).
is_recursive(r) if startswith(r.text, "-w ")

is_recursive(r) if regex.match(`(^|\s)-F\s+dir=`, r.text)

# exact_rules: rules naming f itself.
exact_rules(f) := {r.text |
	some r in rules
	is_effective(r)
	clean_path(r.path) in watch_names(f)
}

# parent_rules: recursive watches on a directory above f.
parent_rules(f) := {r.text |
	some r in rules
	is_effective(r)
	is_recursive(r)
	some n in watch_names(f)
	startswith(n, sprintf("%s/", [clean_path(r.path)]))
}

is_covered(f) if count(exact_rules(f)) > 0

is_covered_by_parent(f) if {
	not is_covered(f)
	count(parent_rules(f)) > 0
}

# is_uncovered: the rules were read, and none names f or watches a directory above it. Without
# the rules nothing is uncovered: facts_missing reports them.
is_uncovered(f) if {
	rules_known
	not is_covered(f)
	not is_covered_by_parent(f)
}

# persisted_only: rule files naming f when the loaded rules, which do not, were read.
persisted_only(f) := {r.origin |
	loaded_known
	some r in values.items(input.host.audit.persistent)
	is_effective(r)
	clean_path(r.path) in watch_names(f)
}

targets(roles) := [f | some f in input.files; f.role in roles]

# present_targets: the files of the roles that exist, except a symlink whose target is itself
# one of them (/usr/bin/runc -> /usr/sbin/runc): the real file is evaluated once. A kernel watch
# on a symlink path watches the link, not the binary, so the target needs the rule.
present_targets(roles) := [f | some f in targets(roles); files.present(f); not is_alias(f, roles)]

is_alias(f, roles) if {
	is_string(f.resolved_path)
	some g in targets(roles)
	files.present(g)
	g.path == f.resolved_path
}

# facts_missing: unknown file facts, roles the snapshot has no fact for, and the rules when a file
# that needs them exists.
facts_missing(roles) := (files.missing(targets(roles)) | no_fact(roles)) | rules_needed(roles)

no_fact(roles) := {m |
	some role in roles
	some m in files.role_missing(role)
}

rules_needed(roles) := {m |
	count(present_targets(roles)) > 0
	some m in missing_rules
}

examined(roles) := count(present_targets(roles)) if rules_known

expected_rule(f) := sprintf("an audit rule naming %s, e.g. -w %s -k docker", [f.path, f.path])

# no_rule_finding: the violation for a file no rule covers (is_uncovered).
no_rule_finding(f) := result.finding(result.file(f), no_rule_message(f), "no audit rule", expected_rule(f))

no_rule_message(f) := msg if {
	count(persisted_only(f)) > 0
	msg := sprintf("no audit rule watches %s (%s); %s is in %s but not loaded (load it: augenrules --load)", [f.path, rules_source, f.path, concat(", ", persisted_only(f))])
} else := sprintf("no audit rule watches %s (%s)", [f.path, rules_source])

# parent_watch_finding: the review for a file covered only by a parent's watch (is_covered_by_parent).
parent_watch_finding(f) := result.finding(result.file(f), msg, parent_rules(f), expected_rule(f)) if {
	msg := sprintf("%s is audited only through the recursive watch on a parent directory (%s); the benchmark asks for a rule naming the file", [f.path, concat("; ", parent_rules(f))])
}

# evidence_of: the rule source and, per file, whether it exists and the rules that cover it.
evidence_of(roles) := {
	"audit_rules_source": rules_source,
	"files": [file_evidence(f) | some f in targets(roles)],
}

file_evidence(f) := {
	"path": f.path, "role": f.role, "exists": f.exists,
	"resolved_path": object.get(f, "resolved_path", null),
	"rules": exact_rules(f), "parent_rules": parent_rules(f),
} if {
	files.present(f)
	rules_known
} else := {"path": f.path, "role": f.role, "exists": f.exists}
