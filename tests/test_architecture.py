"""The package layout is the pipeline: each stage imports only the stages below it."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import rktc

ROOT = Path(__file__).resolve().parent.parent
STAGES = [
    "core",
    "plan",
    "check",
    "report",
    "render",
    "pipeline",
    "importer",
    "diff",
    "preview",
    "cli",
]


def test_import_contract_is_kept():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_holds_and_may_import(stage):
    package = importlib.import_module(f"rktc.{stage}")
    doc = package.__doc__ or ""
    assert "import" in doc.lower(), f"rktc.{stage} must say what it may import"


def test_no_module_sits_beside_the_stages():
    loose = [m.name for m in pkgutil.iter_modules(rktc.__path__) if not m.ispkg]
    assert sorted(loose) == ["__main__"]
    packages = {m.name for m in pkgutil.iter_modules(rktc.__path__) if m.ispkg}
    assert packages == set(STAGES)


def test_every_paged_renderer_knows_every_paper():
    from rktc.pipeline.build import PAPERS
    from rktc.render.docx.pages import PAPERS as DOCX_PAPERS
    from rktc.render.xlsx.ooxml import PAPER_SIZES

    assert set(DOCX_PAPERS) == set(PAPERS)
    assert set(PAPER_SIZES) == set(PAPERS)
