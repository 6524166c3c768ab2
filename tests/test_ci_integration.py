"""CI integration: SARIF validated against the 2.1.0 schema, and rktc as a pre-commit hook."""

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from helpers import PLANS, ROOT
from typer.testing import CliRunner

from rktc.cli.app import app

SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"
runner = CliRunner()


@pytest.mark.parametrize(
    "plan", [PLANS / "published" / "kpu-oku-2023.yaml", PLANS / "kpu-oku-2023.yaml"]
)
def test_sarif_is_valid_sarif_2_1_0(plan):
    result = runner.invoke(app, ["validate", str(plan), "--format", "sarif"])
    log = json.loads(result.output)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    for item in log["runs"][0]["results"]:  # what GitHub code scanning requires
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"]
        assert location["region"]["startLine"] >= 1
        assert item["message"]["text"]


def test_sarif_of_an_unreadable_file_is_valid_too(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: [1\n")
    log = json.loads(runner.invoke(app, ["validate", str(bad), "-f", "sarif"]).output)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["runs"][0]["results"][0]["ruleId"] == "RKT001"


def test_hook_manifest_is_valid():
    done = subprocess.run(
        ["pre-commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_runs_rktc_on_plans(tmp_path):
    if shutil.which("rktc") is None:
        pytest.fail("rktc is not installed as a command")
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: rktc-validate\n"
        "        name: rktc validate\n        entry: rktc validate --lang en\n"
        "        language: system\n        types: [yaml]\n        files: (^|/)plans/\n",
        encoding="utf-8",
    )
    good = repo / "plans" / "rkt.yaml"
    good.write_text((PLANS / "kpu-oku-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": _path(),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pre-commit", "run", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    good.write_text(
        good.read_text(encoding="utf-8").replace("anggaran: 8.195.000", "anggaran: 8,195"),
        encoding="utf-8",
    )
    failed = run()
    assert failed.returncode == 1
    assert "RKT013" in failed.stdout


def _path() -> str:
    import os

    return os.environ.get("PATH", "")
