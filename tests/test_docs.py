"""Documentation that cannot drift: the rule reference, rule docs, message catalog."""

import re
import string
from pathlib import Path

import pytest

from rktc.check.docs import rules_markdown
from rktc.check.rules import all_rules
from rktc.core.catalog import CATALOG

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
    for section in ("## Why is this bad?", "## Example", "## Fix"):
        assert section in rule.doc, f"{rule.code} lacks {section}"


def test_rules_have_tests():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    untested = [r.code for r in all_rules() if r.code not in tests]
    assert untested == []


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_both_languages_use_the_same_fields(key):
    fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in CATALOG[key]]
    assert fields[0] == fields[1]
    assert all(t.strip() for t in CATALOG[key])


def test_every_message_key_used_in_code_exists():
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "rktc").rglob("*.py"))
    key = r'\(\s*"([a-z_]+(?:\.[a-z_]+)+)"\s*[,)]'
    used = set(re.findall(r"\bmsg" + key, source)) | set(re.findall(r"\btext" + key, source))
    assert len(used) > 50
    assert sorted(used - set(CATALOG)) == []
