"""Every rule's documented `## Example` fires it, and its `## Use instead` does not.

The snippets are read from the rules' docstrings (the text docs/rules.md prints) and
run through the real validate path. A snippet holds the top-level keys that matter;
`example_plan` lays it over the starter plan of `rktc init`, replacing the keys it
writes (a snippet with `tabel:` is a published plan: it also drops the starter's
`sasaran` and `program`; so does a format 2 snippet of a Pemda or K/L office,
`rktc: 2` with `jenis: pemda` or `jenis: kl`, whose hierarchy has other levels than
the starter's KPU program -> kegiatan).
"""

from __future__ import annotations

import re

import pytest
from helpers import compile_yaml

from rktc.check.engine import Selection
from rktc.check.rules import all_rules
from rktc.check.rules.base import Rule
from rktc.core.resources import template_text
from rktc.pipeline.year import check_year

TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")
OTHER_OFFICE = re.compile(r"^jenis\s*:\s*(pemda|kl)\s*(#.*)?$", re.MULTILINE)
# Input problems whose example cannot be written as YAML text.
NOT_TEXT = {
    "RKT005": "bytes that are not UTF-8",
    "RKT006": "a file over 16 MiB",
    "RKT009": "an empty file",
    "RKT015": "a layout file, not a plan (tests/test_layouts.py)",
}


def snippet(rule: Rule, section: str) -> str | None:
    """The indented code block of the docstring section `## {section}`, if it has one."""
    match = re.search(
        rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", rule.doc, re.MULTILINE | re.DOTALL
    )
    assert match, f"{rule.code} has no ## {section}"
    lines = match.group(1).splitlines()
    code = [i for i, line in enumerate(lines) if line.startswith("    ")]
    if not code:
        return None
    block = lines[code[0] : code[-1] + 1]
    assert all(line.startswith("    ") or not line.strip() for line in block), (
        f"{rule.code}: prose inside the code block of ## {section}"
    )
    return "".join(line[4:] + "\n" for line in block)


def example_plan(fragment: str) -> tuple[str, int]:
    """The starter plan with `fragment`'s top-level keys replaced by it, and the line
    where the fragment starts."""
    keys = {m.group(1) for line in fragment.splitlines() if (m := TOP_LEVEL_KEY.match(line))}
    if "tabel" in keys or OTHER_OFFICE.search(fragment):
        keys |= {"sasaran", "program"}
    kept: list[str] = []
    dropping = False
    for line in template_text("starter.yaml").splitlines(keepends=True):
        if line[:1] not in ("", " ", "\n", "#"):
            match = TOP_LEVEL_KEY.match(line)
            dropping = bool(match and match.group(1) in keys)
        if not dropping:
            kept.append(line)
    return "".join(kept) + fragment, len(kept) + 1


# A snippet of a year rule (RKT6xx) holds more files after the plan's keys, each after a
# line `# --- NAME ---`: the Renstra and realisasi files it is checked with.
FILE_MARK = re.compile(r"^# --- (\S+) ---\n", re.MULTILINE)


def run(tmp_path, fragment: str) -> tuple[list[tuple[int, str]], int]:
    fragment, *parts = FILE_MARK.split(fragment)
    source, first_line = example_plan(fragment)
    if not parts:
        compiled = compile_yaml(tmp_path, source)
        return [(d.location.line, d.code) for d in compiled.diagnostics], first_line
    plan = tmp_path / "plan.yaml"
    plan.write_text(source, encoding="utf-8")
    renstra, realisasi = None, []
    for name, text in zip(parts[::2], parts[1::2], strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
        if re.search(r"^dokumen: renstra$", text, re.MULTILINE):
            renstra = tmp_path / name
        else:
            realisasi.append(tmp_path / name)
    checked = check_year([plan], Selection(), renstra, realisasi)
    # a finding in one of the snippet's other files is inside the snippet
    return [
        (d.location.line if d.location.path == str(plan) else first_line, d.code)
        for d in checked.diagnostics
    ], first_line


RULES = all_rules()
RUNNABLE = [r for r in RULES if r.code not in NOT_TEXT]


def test_the_starter_plan_is_clean(tmp_path):
    assert run(tmp_path, "")[0] == []


@pytest.mark.parametrize("kind", ["kpu", "pemda", "kl"])
def test_a_format_2_snippet_replaces_the_parts_of_another_shape(kind):
    source, _ = example_plan(f"rktc: 2\njenis: {kind}\n")
    tops = [m.group(1) for line in source.splitlines() if (m := TOP_LEVEL_KEY.match(line))]
    assert tops.count("rktc") == 1
    assert tops[-2:] == ["rktc", "jenis"]
    kept = {"sasaran", "program"} <= set(tops)
    assert kept is (kind == "kpu")  # the starter's program -> kegiatan is a KPU hierarchy


def test_only_input_problems_that_yaml_cannot_show_go_unrun():
    without = {r.code for r in RULES if snippet(r, "Example") is None}
    assert without == set(NOT_TEXT)
    assert all(next(r for r in RULES if r.code == code).check is None for code in NOT_TEXT)


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.code)
def test_the_example_fires_the_rule(rule, tmp_path):
    fragment = snippet(rule, "Example")
    assert fragment is not None, f"{rule.code}: ## Example has no YAML snippet"
    found, first_line = run(tmp_path, fragment)
    assert any(code == rule.code and line >= first_line for line, code in found), found
    if rule.code >= "RKT090":  # a rule's example is a valid plan, or the rule would not run
        assert [c for _, c in found if c < "RKT090"] == []


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.code)
def test_use_instead_passes_the_rule(rule, tmp_path):
    fragment = snippet(rule, "Use instead")
    assert fragment is not None, f"{rule.code}: ## Use instead has no YAML snippet"
    found, _ = run(tmp_path, fragment)
    assert rule.code not in {code for _, code in found}
    assert found == []  # a valid plan that no other rule faults either
