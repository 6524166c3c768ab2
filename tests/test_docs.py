"""Documentation that cannot drift: the rule reference and the rules' docs.

The message catalog is checked by tests/test_messages.py."""

import re
from pathlib import Path

import pytest

from rktc.check.docs import rules_markdown
from rktc.check.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent


def test_rules_md_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "run: rktc rules --format markdown > docs/rules.md"
    )


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    assert re.fullmatch(r"RKT\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert "\n" not in rule.summary
    for section in ("## Why is this bad?", "## Example", "## Use instead", "## Fix"):
        assert section in rule.doc, f"{rule.code} lacks {section}"


def test_rules_have_tests():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    untested = [r.code for r in all_rules() if r.code not in tests]
    assert untested == []
