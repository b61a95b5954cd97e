package lib.versions_test

import data.lib.versions

test_patch_compares_numerically if versions.at_least("20.10.24", "20.10.5")

test_older_major_is_less if not versions.at_least("19.03.15", "20.10.0")

test_distribution_suffix_is_ignored if versions.at_least("20.10.24+dfsg1", "20.10.24")

test_missing_components_count_as_zero if versions.at_least("24.0", "24.0.0")

test_newer_patch_required if not versions.at_least("24.0.6", "24.0.7")
