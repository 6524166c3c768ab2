"""`rktc migrate`: a format 1 plan becomes format 2 with every value and the document kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rktc.plan.load import load_file, load_text
from rktc.plan.migrate import ALREADY, LAYOUT, MIGRATED, UNREADABLE, migrate
from tests.helpers import plan_with

ROOT = Path(__file__).resolve().parent.parent
FORMAT_1_PLANS = sorted(
    p for p in (ROOT / "plans").rglob("*.yaml") if "rktc: 1" in p.read_text(encoding="utf-8")
)
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def rktc(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rktc", *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=cwd,
        check=False,
    )


@pytest.fixture(params=FORMAT_1_PLANS, ids=lambda p: p.relative_to(ROOT).as_posix())
def format_1_plan(request: pytest.FixtureRequest) -> Path:
    return request.param  # type: ignore[no-any-return]


def test_the_example_plans_include_format_1():
    # The published transcription of the seed stays format 1 (the single-source seed is
    # format 2 since it has a Perjanjian Kinerja, `pk:`, which only format 2 holds).
    assert len(FORMAT_1_PLANS) >= 1
    assert ROOT / "plans" / "published" / "kpu-oku-2023.yaml" in FORMAT_1_PLANS


def test_every_value_survives(format_1_plan):
    before = load_file(format_1_plan)
    outcome = migrate(before)
    assert outcome.outcome == MIGRATED
    assert outcome.text is not None
    after = load_text(outcome.text, str(format_1_plan))
    assert after.data.pop("jenis") == "kpu"
    assert after.data.pop("rktc") == "2"
    before.data.pop("rktc")
    assert after.data == before.data
    # Nothing but the two lines changed: comments and layout stay as the planner wrote them.
    old_lines = before.text.splitlines()
    new_lines = outcome.text.splitlines()
    assert [line for line in new_lines if line not in old_lines] == ["rktc: 2", "jenis: kpu"]
    assert [line for line in old_lines if line not in new_lines] == ["rktc: 1"]


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx"])
def test_the_built_document_is_identical(format_1_plan, fmt, tmp_path):
    migrated = tmp_path / format_1_plan.name
    migrated.write_bytes(format_1_plan.read_bytes())
    assert rktc("migrate", str(migrated)).returncode == 0
    old, new = tmp_path / f"old.{fmt}", tmp_path / f"new.{fmt}"
    # Built from the plan's own folder, so that a logo beside it is found alike.
    assert rktc("build", str(format_1_plan), "-f", fmt, "-o", str(old), "--force").returncode in (
        0,
        1,
    )
    assert rktc("build", str(migrated), "-f", fmt, "-o", str(new), "--force").returncode in (0, 1)
    if not old.exists():
        pytest.skip("this plan does not build")
    assert new.read_bytes() == old.read_bytes()


def test_the_findings_are_the_same(format_1_plan, tmp_path):
    migrated = tmp_path / format_1_plan.name
    migrated.write_bytes(format_1_plan.read_bytes())
    rktc("migrate", str(migrated))
    old = rktc("validate", str(format_1_plan), "-f", "json").stdout
    new = rktc("validate", str(migrated), "-f", "json").stdout
    # Positions move by the one inserted line; codes and messages stay.
    assert _codes(old) == _codes(new)


def _codes(report: str) -> list[str]:
    import json

    return [d["code"] for d in json.loads(report)["diagnostics"]]


def test_check_changes_nothing_and_fails_while_format_1_remains(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(plan_with(""), encoding="utf-8")
    before = plan.read_bytes()
    result = rktc("migrate", "--check", str(plan))
    assert result.returncode == 1
    assert plan.read_bytes() == before
    assert rktc("migrate", str(plan)).returncode == 0
    assert rktc("migrate", "--check", str(plan)).returncode == 0  # already format 2


def test_a_second_migration_changes_nothing(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(plan_with(""), encoding="utf-8")
    rktc("migrate", str(plan))
    once = plan.read_bytes()
    assert migrate(load_file(plan)).outcome == ALREADY
    rktc("migrate", str(plan))
    assert plan.read_bytes() == once


def test_line_endings_comments_and_quotes_are_kept(tmp_path):
    text = plan_with("").replace("rktc: 1", 'rktc: "1"   # versi format').replace("\n", "\r\n")
    plan = tmp_path / "rencana.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert rktc("migrate", str(plan)).returncode == 0
    raw = plan.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"rktc: 2   # versi format\r\njenis: kpu\r\n" in raw
    assert raw.count(b"\r\n") == text.count("\r\n") + 1
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_a_plan_that_cannot_be_read_is_left_alone_with_its_problems(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(plan_with("").replace("tahun: 2023", "tahun: dua ribu"), encoding="utf-8")
    before = plan.read_bytes()
    result = rktc("migrate", str(plan))
    assert result.returncode == 1
    assert plan.read_bytes() == before
    assert "RKT013" in result.stderr
    assert migrate(load_file(plan)).outcome == UNREADABLE


def test_a_version_not_at_the_start_of_its_line_is_not_guessed(tmp_path):
    text = "{rktc: 1}\n"
    outcome = migrate(load_text(text, "x.yaml"))
    assert outcome.outcome in (LAYOUT, UNREADABLE)
    assert outcome.text is None
