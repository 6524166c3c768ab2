"""The message catalog: both languages everywhere, one definition per key, each rule's
texts defined by the rule itself, and known in every process that renders findings."""

import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import rktc
from rktc.check.rules import all_rules
from rktc.core.catalog import CATALOG
from rktc.core.messages import CATALOG_FILE, define_messages, fields, msg, owner_of

ROOT = Path(__file__).resolve().parent.parent
# Modules may define their own texts when imported: import them all for the whole catalog.
for _module in pkgutil.walk_packages(rktc.__path__, "rktc."):
    if not _module.name.endswith("__main__"):
        importlib.import_module(_module.name)
MSG_KEY = re.compile(r'\b(?:msg|text)\(\s*"([a-z_]+(?:\.[a-z_]+)+)"\s*[,)]')


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_both_languages_are_written_and_name_the_same_fields(key):
    indonesian, english = CATALOG[key]
    assert indonesian.strip()
    assert english.strip()
    assert fields(indonesian) == fields(english)


def test_every_message_key_used_in_code_exists():
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "rktc").rglob("*.py"))
    used = set(MSG_KEY.findall(source))
    assert len(used) > 50
    assert sorted(used - set(CATALOG)) == []


def test_a_rule_reports_only_texts_defined_in_its_own_module():
    checked = 0
    for rule in all_rules():
        if rule.check is None:
            continue
        module = sys.modules[rule.check.__module__]
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        owners = {owner_of(key) for key in MSG_KEY.findall(source)}
        foreign = {o for o in owners if not o.endswith(f"({module.__name__})")}
        assert foreign <= {module.__name__}, (rule.code, foreign)
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.check], ids=lambda r: r.code)
def test_every_rule_defines_its_own_texts(rule):
    assert rule.messages, f"{rule.code} declares no messages"
    for key in rule.messages:
        assert owner_of(key) == f"{rule.code} ({rule.check.__module__})"


def test_a_key_defined_twice_fails_and_names_both_places():
    with pytest.raises(ValueError, match=r"'rule\.pagu' of elsewhere .* by RKT302"):
        define_messages("elsewhere", {"rktc.test.fresh": ("a", "b"), "rule.pagu": ("x", "y")})
    with pytest.raises(ValueError, match=re.escape(CATALOG_FILE)):
        define_messages("elsewhere", {"cli.written": ("x", "y")})
    assert "rktc.test.fresh" not in CATALOG  # nothing is added when one key fails


@pytest.mark.parametrize(
    "texts",
    [
        {"rktc.test.fields": ("{a} di {b}", "{a} in {c}")},
        {"rktc.test.one": ("hanya bahasa Indonesia", "")},
        {"rktc.test.three": ("a", "b", "c")},
    ],
)
def test_a_text_without_both_languages_or_fields_is_refused(texts):
    with pytest.raises(ValueError, match="of test"):
        define_messages("test", texts)
    assert not set(texts) & set(CATALOG)


@pytest.mark.parametrize("module", ["rktc.report.formats", "rktc.cli.commands"])
def test_rule_texts_are_known_wherever_findings_are_rendered(module):
    """Batch workers and a forked child run the rules; the parent renders their findings
    from the message keys alone, so the modules that render must define the texts."""
    program = (
        f"import json, {module}\n"
        "from rktc.core.catalog import CATALOG\n"
        "print(json.dumps(sorted(CATALOG)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    )
    known = set(json.loads(done.stdout))
    wanted = {key for rule in all_rules() for key in rule.messages}
    assert len(wanted) > 60
    assert sorted(wanted - known) == []


def test_a_message_unknown_to_this_process_fails_clearly():
    message = msg("rule.pagu", total="1", pagu="2", difference="1")
    foreign = type(message)("rktc.test.nowhere", message.params)
    with pytest.raises(KeyError, match="not defined in this process"):
        foreign.render("en")
