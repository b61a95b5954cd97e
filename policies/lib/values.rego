# METADATA
# title: Reading snapshot values that may be absent or null
# description: |
#   A fact that could not be collected is null in the snapshot. Iterating null is an error in
#   regorus and iterates nothing in OPA: iterate `items(x)` wherever x may be null, so both
#   engines iterate nothing (the control reports the fact as missing from its own check).
package lib.values

# items(v) is v when it is an array, a set or an object, else the empty array.
items(v) := v if is_array(v)

else := v if is_set(v)

else := v if is_object(v)

else := []
