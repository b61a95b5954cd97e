"""The embedded engine compiles each document with the modules it needs: never fewer.

A module left out of a bundle makes the rules that read it undefined, and an undefined
`violations` next to a defined `checked` would be a false pass. So the graph must follow
every way a module reads data, and fall back to everything when it cannot tell.
"""

from __future__ import annotations

import dockerbench
from dockerbench.engines import make_engine
from dockerbench.engines._modgraph import ModuleGraph

LIB_A = "package lib.a\n\nx := 1\n"
LIB_B = "package lib.b\n\nimport data.lib.a\n\ny := a.x + 1\n"
LIB_C = "package lib.c\n\nz := 3\n"


def graph(**controls: str) -> ModuleGraph:
    return ModuleGraph({"lib/a.rego": LIB_A, "lib/b.rego": LIB_B, "lib/c.rego": LIB_C,
                        **{f"{name}.rego": src for name, src in controls.items()}})


def test_imports_are_followed_transitively() -> None:
    g = graph(p="package p\n\nimport data.lib.b\n\nv := b.y\n")
    assert g.closure("p") == {"p.rego", "lib/b.rego", "lib/a.rego"}


def test_a_reference_to_a_rule_or_a_parent_package_pulls_in_the_modules_under_it() -> None:
    g = graph(p="package p\n\nv := data.lib.c.z\n", q="package q\n\nv := count(data.lib)\n")
    assert g.closure("p") == {"p.rego", "lib/c.rego"}
    assert g.closure("q") == {"q.rego", "lib/a.rego", "lib/b.rego", "lib/c.rego"}


def test_strings_and_comments_are_not_references() -> None:
    g = graph(p='package p\n\n# see data.lib.a\nv := "data.lib.c"\nw := `data.lib.b`\n')
    assert g.closure("p") == {"p.rego"}


def test_a_computed_data_key_needs_every_module() -> None:
    everything = {"lib/a.rego", "lib/b.rego", "lib/c.rego", "p.rego"}
    assert graph(p='package p\n\nv := data["lib"].c.z\n').closure("p") == everything
    assert graph(p="package p\n\nv := data\n").closure("p") == everything


def test_a_rule_of_a_package_is_defined_by_that_package() -> None:
    g = graph(p="package p\n\nimport data.lib.c\n\nv := c.z\n")
    assert g.closure("p.v") == {"p.rego", "lib/c.rego"}


def test_every_control_evaluates_the_same_in_its_workers_share_as_with_every_module() -> None:
    """The real policy set: three workers, each holding only its share's modules, against one
    engine in this process holding them all."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import synthetic

    policies = dockerbench.load_policies()
    doc = synthetic.snapshot(30, n_images=6).model_dump(mode="json")
    paths = [c.package for c in policies.ordered()]
    data = {"dockerbench": {"params": {}}}
    with make_engine("embedded", workers=3) as shared, make_engine("embedded", workers=0) as whole:
        shared.load(policies.modules, data)
        whole.load(policies.modules, data)
        split = shared.evaluate_many(paths, doc)
        assert split == whole.evaluate_many(paths, doc)
    assert all(v is not None and not isinstance(v, Exception) for v in split.values())
