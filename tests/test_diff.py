"""`rktc diff`: changes in planning terms, formats, exit codes and git revisions."""

import json
import subprocess

import pytest
from helpers import PLANS
from typer.testing import CliRunner

from rktc.cli.app import app

runner = CliRunner()
CLEAN = PLANS / "kpu-oku-2023.yaml"


def edited(tmp_path, *replacements):
    text = CLEAN.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "new.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def diff_json(*args):
    result = runner.invoke(app, ["diff", *map(str, args), "--format", "json"])
    return result.exit_code, json.loads(result.output)


EDITS = (
    ("target: 97%      # 97 %", "target: 93%      # 97 %"),
    ("anggaran: 6.178.000", "anggaran: 7.000.000"),
    (
        "nama: Persentase pemutakhiran data pemilih tepat waktu",
        "nama: Persentase pemutakhiran data pemilih yang selesai tepat waktu",
    ),
    (
        (
            "      - nama: Layanan Perkantoran\n        anggaran: 281.247.000   # missing from section B\n"
            "        indikator:\n          - ref: IK-SARPRAS\n"
        ),
        "",
    ),
    (
        "    nama: Ketersediaan Suara Pemilih Hasil Pemilu",
        "    nama: Tersedianya Suara Pemilih Hasil Pemilu",
    ),
)


def test_no_change_exits_0():
    code, payload = diff_json(CLEAN, CLEAN)
    assert code == 0
    assert payload["changed"] is False
    assert payload["changes"] == []


def test_changes_in_planning_terms(tmp_path):
    code, payload = diff_json(CLEAN, edited(tmp_path, *EDITS))
    assert code == 1
    found = {(c["entity"], c["kind"], c["field"]) for c in payload["changes"]}
    assert found == {
        ("indikator", "changed", "target"),
        ("kegiatan", "changed", "anggaran"),
        ("indikator", "renamed", "nama"),
        ("kegiatan", "removed", "anggaran"),
        ("sasaran", "renamed", "nama"),
    }
    target = next(c for c in payload["changes"] if c["field"] == "target")
    assert (target["old"], target["new"]) == ("97%", "93%")
    money = next(
        c for c in payload["changes"] if c["kind"] == "changed" and c["entity"] == "kegiatan"
    )
    assert money["delta"] == "822000"
    assert payload["anggaran"]["total"]["delta"] == str(822000 - 281247000)
    deltas = {p["program"]: p["delta"] for p in payload["anggaran"]["programs"]}
    assert deltas == {
        "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi": "822000",
        "Program Dukungan Manajemen": "-281247000",
    }


def test_added_and_removed_indicators(tmp_path):
    new = edited(
        tmp_path,
        (
            "          - nama: Persentase pemutakhiran data pemilih tepat waktu",
            (
                "          - nama: Persentase pemutakhiran data pemilih tepat waktu\n"
                "            sasaran: S9\n            satuan: Layanan\n            target: 100%\n"
                "          - nama: Jumlah laporan pemutakhiran data pemilih"
            ),
        ),
    )
    _, payload = diff_json(CLEAN, new)
    kinds = {(c["entity"], c["kind"]) for c in payload["changes"]}
    assert ("indikator", "added") in kinds
    _, back = diff_json(new, CLEAN)
    assert ("indikator", "removed") in {(c["entity"], c["kind"]) for c in back["changes"]}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_human_formats(tmp_path, fmt):
    result = runner.invoke(
        app, ["diff", str(CLEAN), str(edited(tmp_path, *EDITS)), "--format", fmt, "--lang", "en"]
    )
    assert result.exit_code == 1
    assert "97% -> 93%" in result.output
    assert "+822.000" in result.output
    if fmt == "markdown":
        assert "| Program | Old | New | Difference |" in result.output


def test_published_plans_compare_their_matrices_only(tmp_path):
    # A published plan is compared by its APBN matrix (the RKT matrix without one): an
    # edit in a BAB II C program table is no change, the same edit in the matrix is one.
    published = PLANS / "published" / "kpu-oku-2023.yaml"
    text = published.read_text(encoding="utf-8")
    in_program_table = "target: 93 %"  # BAB II C's only 93 %
    in_matrix = "target: 97 %\n          anggaran: 8.195.000"  # the APBN matrix's row 3
    assert text.count(in_program_table) == 1
    assert text.count(in_matrix) == 1
    new = tmp_path / "p.yaml"
    new.write_text(text.replace(in_program_table, "target: 97 %"), encoding="utf-8")
    code, payload = diff_json(published, new)
    assert (code, payload["changed"], payload["changes"]) == (0, False, [])
    new.write_text(text.replace(in_matrix, in_matrix.replace("97 %", "93 %")), encoding="utf-8")
    code, payload = diff_json(published, new)
    assert code == 1
    assert [
        (c["entity"], c["kind"], c["field"], c["old"], c["new"]) for c in payload["changes"]
    ] == [("indikator", "changed", "target", "97%", "93%")]
    assert payload["anggaran"]["total"]["delta"] == "0"


def test_git_revision(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    plan = repo / "plan.yaml"
    plan.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "plan.yaml"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "plan"], cwd=repo, check=True)
    plan.write_text(edited(tmp_path, EDITS[0]).read_text(encoding="utf-8"), encoding="utf-8")
    code, payload = diff_json("--git", "HEAD", plan)
    assert code == 1
    assert [c["field"] for c in payload["changes"]] == ["target"]
    assert runner.invoke(app, ["diff", "--git", "nope", str(plan)]).exit_code == 2


def test_usage_errors(tmp_path):
    assert runner.invoke(app, ["diff", str(CLEAN)]).exit_code == 2
    assert runner.invoke(app, ["diff", str(CLEAN), str(CLEAN), "-f", "xml"]).exit_code == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("rktc: 1\n", encoding="utf-8")
    assert runner.invoke(app, ["diff", str(CLEAN), str(broken)]).exit_code == 2
