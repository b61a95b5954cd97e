# METADATA
# title: Docker engine version comparison
# description: |
#   Docker version strings are not all semantic versions, so semver.compare cannot order them:
#   releases up to 19.03 have a zero-padded month ("19.03.15", "17.06.2-ce") and a minimum an
#   organisation writes may have two parts ("24.0"), and neither is a valid semantic version;
#   an edition suffix ("-ce", "-ee") reads as a pre-release, which would order "17.12.0-ce"
#   before "17.12.0". Versions are compared instead on their leading dotted numbers
#   ("20.10.24+dfsg1" -> 20, 10, 24; what follows, a distribution or edition suffix, is
#   ignored): the first four, each below 10000, folded into one integer, a missing component
#   counting as zero ("24.0" is "24.0.0").
package lib.versions

# parts is the list of leading numeric components: "20.10.24+dfsg1" -> [20, 10, 24]; empty
# for a version that does not start with a digit (a dev build).
parts(v) := [decimal(p) | some p in split(regex.find_n(`^[0-9]+(\.[0-9]+)*`, v, 1)[0], ".")]

# decimal is a run of digits as a number. to_number rejects leading zeros, so they are dropped
# first ("03" -> 3, "00" -> 0).
decimal(digits) := to_number(significant) if {
	significant := trim_left(digits, "0")
	significant != ""
}

else := 0

# rank folds the first four components into one integer that orders like the version.
rank(v) := ((part(ps, 0) * 10000 + part(ps, 1)) * 10000 + part(ps, 2)) * 10000 + part(ps, 3) if {
	ps := parts(v)
}

part(ps, i) := ps[i] if i < count(ps)

else := 0

# at_least holds when version a is the same as or newer than version b.
at_least(a, b) if rank(a) >= rank(b)
