package lib.values_test

import data.lib.values

test_collections_are_themselves if {
	values.items([1, 2]) == [1, 2]
	values.items({"a": 1}) == {"a": 1}
	values.items({1}) == {1}
}

test_anything_else_is_empty if {
	values.items(null) == []
	values.items("text") == []
	values.items(3) == []
	values.items(false) == []
}

test_iterating_null_through_items_yields_nothing if {
	[x | some x in values.items(null)] == []
}
