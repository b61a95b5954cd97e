package lib.versions_test

import data.lib.versions

test_patch_compares_numerically if versions.at_least("20.10.24", "20.10.5")

test_older_major_is_less if not versions.at_least("19.03.15", "20.10.0")

test_newer_patch_required if not versions.at_least("24.0.6", "24.0.7")

test_same_version_is_at_least_itself if versions.at_least("26.1.5", "26.1.5")

test_distribution_suffix_is_ignored if {
	versions.at_least("20.10.24+dfsg1", "20.10.24")
	versions.at_least("20.10.24", "20.10.24+dfsg1")
}

test_edition_suffix_is_the_release_itself if {
	versions.at_least("17.12.0-ce", "17.12.0")
	not versions.at_least("17.12.0-ce", "17.12.1")
}

test_zero_padded_month_compares_numerically if {
	versions.at_least("17.06.2-ce", "17.6.2")
	not versions.at_least("17.03.1-ce", "17.6.0")
	versions.at_least("19.03.15", "18.09.9")
}

test_missing_components_count_as_zero if {
	versions.at_least("24.0", "24.0.0")
	versions.at_least("24.0.0", "24.0")
	not versions.at_least("24.0", "24.0.1")
}

test_parts_are_the_leading_numbers if {
	versions.parts("20.10.24+dfsg1") == [20, 10, 24]
	versions.parts("17.03.1-ce") == [17, 3, 1]
	versions.parts("24.0") == [24, 0]
}

test_a_version_without_leading_digits_has_no_parts if {
	versions.parts("dev") == []
	versions.parts("v24.0.0") == []
	versions.parts("") == []
}

test_rank_folds_four_components if {
	versions.rank("20.10.24") == 20001000240000
	versions.rank("1.2.3.4") == 1000200030004
	versions.rank("dev") == 0
}

test_decimal_drops_leading_zeros if {
	versions.decimal("03") == 3
	versions.decimal("00") == 0
	versions.decimal("2377") == 2377
}
