"""Rego lint: the style rules the policies follow (policies/README.md, "Style"), for every file.

No Regal or opa binary can be downloaded here, so the rules we take from Regal's style guide
are checked as text, each by one small function, over every ``.rego`` file of ``policies/``:

* default-over-else: a rule chain does not end in ``else := <constant>``; ``default`` says it
  (functions may: Regal exempts them, as default functions are not in every engine);
* prefer-snake-case: rule and function names are snake_case;
* use-contains / use-if: no pre-v1 rule heads (``x[y] {``, ``x { ... }`` without ``if``);
* directory = package: ``a/b/c.rego`` declares ``package a.b`` + its stem (``c5_4/c5_4.rego``
  is ``cis_docker_1_1_0.c5_4``; a test file adds ``_test``);
* METADATA: every module that is not a test starts with a ``# METADATA`` block with a title;
* opa-fmt layout: tab indentation, no trailing blanks, no two blank lines in a row, one final
  newline;
* line length: at most 120 characters in a policy module, except where a string literal (a
  message, a URL) is what makes the line long: breaking a message apart would not make it
  easier to read. Test fixtures (object literals of snapshot facts) read best on one line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

POLICIES = Path(__file__).resolve().parent.parent / "policies"
FILES = sorted(POLICIES.rglob("*.rego"))
MAX_LINE = 120
LONG_STRING = re.compile(r'"(?:[^"\\]|\\.){40,}"|`[^`]{40,}`|https?://')
RULE_HEAD = re.compile(r"^(?:default\s+)?([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\.)", re.MULTILINE)
KEYWORDS = {"package", "import", "default", "else"}
# The last case of a chain falling back to a constant; Regal exempts functions (no default there).
FALLBACK = re.compile(r"^\}?\s*else\s*:=\s*(false|true|null|-?\d+(\.\d+)?|\"\"|\[\]|\{\}|set\(\))\s*$")


def _is_function(lines: list[str], index: int) -> bool:
    """Whether the rule chain a line belongs to is a function (its head line has arguments)."""
    while index >= 0 and (lines[index] == "" or lines[index][0] in "\t}])" or lines[index].startswith("else")):
        index -= 1
    return index >= 0 and re.match(r"^[a-z_][a-z0-9_]*\(", lines[index]) is not None


def _id(path: Path) -> str:
    return str(path.relative_to(POLICIES))


def _problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    is_test = path.name.endswith("_test.rego")
    found: list[str] = []
    for n, line in enumerate(lines, 1):
        if FALLBACK.match(line) and not _is_function(lines, n - 1):
            found.append(f"{n}: default-over-else: write `default <rule> := {line.split(':=', 1)[1].strip()}`")
        if re.match(r"^ +\S", line):
            found.append(f"{n}: indent with tabs, as opa fmt does")
        if line != line.rstrip():
            found.append(f"{n}: trailing blanks")
        if len(line.expandtabs(4)) > MAX_LINE and not LONG_STRING.search(line) and not is_test:
            found.append(f"{n}: line longer than {MAX_LINE} characters")
        if re.match(r"^[a-z_][a-z0-9_]*\[[^\]]*\]\s*(\{|if\b)", line):
            found.append(f"{n}: use-contains: a partial set is `name contains x if`")
        if re.match(r"^[a-z_][a-z0-9_]*(\([^)]*\))?\s*\{\s*$", line):
            found.append(f"{n}: use-if: a rule body follows `if`")
    for name in set(RULE_HEAD.findall(text)) - KEYWORDS:
        if name != name.lower():
            found.append(f"prefer-snake-case: {name}")
    if "\n\n\n" in text:
        found.append(f"{text[:text.index(chr(10) * 3)].count(chr(10)) + 2}: two blank lines in a row")
    if not text.endswith("\n") or text.endswith("\n\n"):
        found.append("the file ends in exactly one newline")
    return found


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_rego_follows_the_style_rules(path: Path) -> None:
    assert _problems(path) == []


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_the_package_is_the_directory(path: Path) -> None:
    package = re.search(r"^package\s+([\w.]+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert package is not None
    parts = path.relative_to(POLICIES).with_suffix("").parts
    directory = list(parts[:-1])
    if directory and directory[-1] == parts[-1].removesuffix("_test"):  # cX_Y/cX_Y.rego
        expected = ".".join(directory)
    else:  # lib/files.rego
        expected = ".".join([*directory, parts[-1].removesuffix("_test")])
    if parts[-1].endswith("_test"):
        expected += "_test"
    assert package.group(1) == expected


@pytest.mark.parametrize("path", [p for p in FILES if not p.name.endswith("_test.rego")], ids=_id)
def test_every_module_starts_with_metadata_and_a_title(path: Path) -> None:
    head = path.read_text(encoding="utf-8").split("\npackage ", 1)[0]
    assert head.startswith("# METADATA\n")
    assert re.search(r"^# title: \S", head, re.MULTILINE)


def test_a_problem_is_found_where_there_is_one(tmp_path: Path) -> None:
    bad = tmp_path / "x.rego"
    bad.write_text("package x\n\nisOk if true\n\nf := 1 if true\n\nelse := false\n\nv[x] {\n  x := 1\n}\n\n\n")
    assert _problems(bad) == [
        "7: default-over-else: write `default <rule> := false`",
        "9: use-contains: a partial set is `name contains x if`",
        "10: indent with tabs, as opa fmt does",
        "prefer-snake-case: isOk",
        "12: two blank lines in a row",
        "the file ends in exactly one newline",
    ]
