"""The installed command: output formats, exit codes, languages, init and schema."""

import json
import subprocess
import sys

import pytest
from helpers import PLANS, plan_with
from typer.testing import CliRunner

from rktc.cli.app import app

runner = CliRunner()
BROKEN = plan_with("pagu: 8,195\nanggaran_lain: 1\n")


def invoke(*args, env=None):
    return runner.invoke(app, list(args), env=env or {"RKTC_LANG": ""})


@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_clean_plan_exits_0():
    result = invoke("validate", str(PLANS / "kpu-oku-2023.yaml"), "--ignore", "RKT5")
    assert result.exit_code == 0, result.output


def test_text_format_lines_are_path_line_col_code(broken):
    result = invoke("validate", str(broken))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if not line.startswith(" ")]
    # The schema problems do not hide what the rules find in the rest (no program at all).
    assert lines[0].startswith(f"{broken}:1:1: RKT109 ")
    assert lines[1].startswith(f"{broken}:19:7: RKT013 ")
    assert lines[2].startswith(f"{broken}:20:1: RKT012 ")


def test_json_format_is_stable(broken):
    result = invoke("validate", str(broken), "--format", "json")
    payload = json.loads(result.output)
    assert payload["version"] == 1
    assert payload["summary"] == {"errors": 3, "warnings": 0}
    first = payload["diagnostics"][2]  # after RKT109 (1:1) and RKT013 (19:7)
    assert {k: first[k] for k in ("code", "name", "severity", "line", "column")} == {
        "code": "RKT012",
        "name": "unknown-field",
        "severity": "error",
        "line": 20,
        "column": 1,
    }
    assert set(first) >= {"message", "hint", "file", "end_line", "end_column", "related"}


def test_github_format(broken):
    result = invoke("validate", str(broken), "--format", "github")
    second = result.output.splitlines()[2]
    assert second.startswith("::error file=")
    assert ",line=20,col=1,title=RKT012 unknown-field::" in second


def test_sarif_format(broken):
    result = invoke("validate", str(broken), "--format", "sarif")
    log = json.loads(result.output)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    result0 = run["results"][2]
    assert result0["ruleId"] == "RKT012"
    assert rule_ids[result0["ruleIndex"]] == "RKT012"
    region = result0["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (20, 1)


def test_languages_share_codes_and_differ_in_words(broken):
    indonesian = invoke("validate", str(broken), "--lang", "id").output
    english = invoke("validate", str(broken), "--lang", "en").output
    from_env = invoke("validate", str(broken), env={"RKTC_LANG": "en"}).output
    assert english == from_env
    assert indonesian != english
    assert [line.split(" ")[:2] for line in indonesian.splitlines()[:2]] == [
        line.split(" ")[:2] for line in english.splitlines()[:2]
    ]


def test_usage_errors_exit_2(tmp_path, broken):
    assert invoke("validate", str(tmp_path / "missing.yaml")).exit_code == 2
    assert invoke("validate", str(broken), "--format", "xml").exit_code == 2
    (tmp_path / "empty").mkdir()
    assert invoke("validate", str(tmp_path / "empty")).exit_code == 2  # no plans there
    assert invoke("validate", "--bogus").exit_code == 2


def test_directories_are_expanded(tmp_path, broken):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.yaml").write_text(plan_with(""), encoding="utf-8")
    result = invoke("validate", str(tmp_path), "--format", "json")
    assert len(json.loads(result.output)["files"]) == 2


def test_init_writes_a_plan_that_validates(tmp_path):
    target = tmp_path / "rencana.yaml"
    assert invoke("init", str(target)).exit_code == 0
    assert invoke("validate", str(target)).exit_code == 0
    assert invoke("init", str(target)).exit_code == 2  # refuses to overwrite
    assert invoke("init", str(target), "--force").exit_code == 0


def test_schema_command(tmp_path):
    result = invoke("schema")
    assert json.loads(result.output)["title"].startswith("rktc plan")
    out = tmp_path / "schema.json"
    assert invoke("schema", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "object"


def test_rules_command():
    listing = invoke("rules")
    assert listing.exit_code == 0
    assert "RKT002" in listing.output
    assert "## Why is this bad?" in invoke("rules", "RKT002").output
    assert invoke("rules", "RKT999").exit_code == 2


def test_installed_entry_points_run(broken):
    for command in (["rktc"], [sys.executable, "-m", "rktc"]):
        done = subprocess.run(
            [*command, "validate", str(broken), "--lang", "en"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1
        assert "RKT013" in done.stdout
        assert "Traceback" not in done.stderr


def test_installed_command_flushes_everything_before_its_fast_exit(broken):
    """`rktc` leaves with os._exit: piped output must still arrive whole, codes intact."""
    done = subprocess.run(
        ["rktc", "validate", str(broken), "--format", "json"], capture_output=True, check=False
    )
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["diagnostics"]
    usage = subprocess.run(["rktc", "validate", "--format", "nope", str(broken)], check=False)
    assert usage.returncode == 2


def test_version():
    assert invoke("--version").output.startswith("rktc ")


def test_strict_fails_on_warnings(tmp_path):
    plan = tmp_path / "warn.yaml"
    plan.write_text(
        plan_with("sasaran:\n  - {id: S1, nama: Pembentukan Badan Adhoc}\n"), encoding="utf-8"
    )
    lenient = invoke("validate", str(plan), "--select", "RKT501")
    strict = invoke("validate", str(plan), "--select", "RKT501", "--strict")
    assert (lenient.exit_code, strict.exit_code) == (0, 1)


def test_pyproject_configuration(tmp_path, monkeypatch):
    plan = tmp_path / "warn.yaml"
    plan.write_text(
        plan_with("sasaran:\n  - {id: S1, nama: Pembentukan Badan Adhoc}\n"), encoding="utf-8"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.rktc]\nignore = ["RKT501"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "RKT501" not in invoke("validate", str(plan)).output
    (tmp_path / "pyproject.toml").write_text('[tool.rktc]\nselect = ["RKT5"]\n', encoding="utf-8")
    assert "RKT501" in invoke("validate", str(plan)).output
    assert "RKT105" not in invoke("validate", str(plan)).output


def test_github_annotations_escape_properties_and_data():
    from rktc.report.formats import escape_data, escape_property

    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_help_imports_no_heavy_library():
    code = (
        "import sys\n"
        "from rktc.cli.app import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('docx', 'jinja2', 'pydantic', 'yaml', 'lxml') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_only_the_installed_command_keeps_what_it_read_until_it_exits():
    """`run` leaves without teardown, so a command's results are kept alive until then
    (freeing them one by one would cost what the exit saves); in-process callers, as
    these tests, keep nothing."""
    from rktc.core import lifetime

    invoke("validate", str(PLANS / "kpu-oku-2023.yaml"))
    assert lifetime._kept == []
    code = (
        "import os, sys\n"
        "from rktc.cli import app\n"
        "from rktc.core import lifetime\n"
        "real_exit = os._exit\n"
        "def leave(status):\n"
        "    kept = lifetime._kept\n"
        "    print(len(kept), type(kept[0]).__name__ if kept else '')\n"
        "    sys.stdout.flush()\n"
        "    real_exit(status)\n"
        "os._exit = leave\n"
        f"sys.argv = ['rktc', 'validate', {str(PLANS / 'kpu-oku-2023.yaml')!r}]\n"
        "app.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "1 YearRun"
