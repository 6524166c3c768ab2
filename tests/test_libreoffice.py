"""The built DOCX opened by a real office suite: LibreOffice converts it to PDF and we read it.

In CI (CI=true) a missing LibreOffice fails the test instead of skipping it: .ci/run
installs it, and this is the proof that the document opens outside python-docx.
"""

import os
import re
import shutil
import subprocess

import pytest
from helpers import PLANS
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.document import build_document
from rktc.plan.formatting import rupiah, target
from rktc.render.pdf import libreoffice

PLAN = PLANS / "kpu-oku-2023.yaml"


def require_tools() -> None:
    missing = [t for t in ("pdftotext", "pdfinfo") if shutil.which(t) is None]
    if libreoffice() is None:
        missing.append("soffice")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"needs {missing}: apt-get install libreoffice-writer-nogui poppler-utils")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    require_tools()
    out = tmp_path_factory.mktemp("pdf") / "rkt.pdf"
    result = CliRunner().invoke(app, ["build", str(PLAN), "-f", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def pdf_text(path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())


def page_sizes(path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


def test_every_indicator_target_and_anggaran_is_in_the_pdf(pdf):
    text = pdf_text(pdf)
    compiled = Pipeline().validate(PLAN)
    assert compiled.plan is not None
    table = build_document(compiled.plan).table("rkt")
    assert table is not None
    rows = table.rows
    for row in rows:
        assert " ".join(row.indikator.split()) in text
        assert target(row.target) in text
        if row.anggaran is not None:
            assert rupiah(row.anggaran) in text
    assert "30.577.023.000" in text  # the "Jumlah" row
    assert "Baturaja, 30 Januari 2023" in text


def test_matrices_are_on_landscape_pages_and_page_count_is_sane(pdf):
    sizes = page_sizes(pdf)
    assert 8 <= len(sizes) <= 30
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    portrait = [i for i, (w, h) in enumerate(sizes) if w < h]
    assert landscape
    assert portrait
    assert min(landscape) > max(portrait)  # the matrices close the document
    assert abs(sizes[0][0] - 595.3) < 1
    assert abs(sizes[0][1] - 841.9) < 1


def test_pdf_without_libreoffice_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setattr("rktc.render.pdf.libreoffice", lambda: None)
    result = CliRunner().invoke(
        app, ["build", str(PLAN), "-f", "pdf", "-o", str(tmp_path / "x.pdf"), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert "libreoffice-writer-nogui" in result.output
