# METADATA
# title: Version comparison that every engine agrees on
# description: |
#   semver.compare is not used: the embedded engine (regopy 1.5) orders "20.10.24" below
#   "20.10.5". Docker versions ("20.10.24+dfsg1", "24.0.7-ce", "17.03.1") are compared on their
#   first four dotted numbers, each below 10000, folded into one integer.
package lib.versions

# parts is the list of leading numeric components: "20.10.24+dfsg1" -> [20, 10, 24].
parts(v) := [decimal(p) | some p in split(regex.find_n(`^[0-9]+(\.[0-9]+)*`, v, 1)[0], ".")]

# decimal is a run of digits as a number; leading zeros are dropped first ("03" -> 3), since
# regorus's to_number rejects them.
decimal(digits) := to_number(trim_left(digits, "0")) if trim_left(digits, "0") != ""

else := 0

rank(v) := ((part(ps, 0) * 10000 + part(ps, 1)) * 10000 + part(ps, 2)) * 10000 + part(ps, 3) if {
	ps := parts(v)
}

part(ps, i) := ps[i] if i < count(ps)

else := 0

# at_least holds when version a is the same as or newer than version b.
at_least(a, b) if rank(a) >= rank(b)
