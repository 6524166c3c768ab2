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
from rktc.pipeline.build import BuildOptions, document_view
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.document import build_document
from rktc.plan.formatting import rupiah, target
from rktc.render.outline import RKT_OUTLINE
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


def layout_pages(path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


TOC_LINE = re.compile(r"^(?P<text>.*?\S)\s*(?:\.\s*){2,}(?P<page>[ivxlc]+|\d+)$")


def test_daftar_isi_has_the_page_of_every_heading(pdf):
    """Each entry of the PDF's Daftar Isi, with dotted leaders, names the page (as printed
    in its footer) on which that heading is."""
    pages = layout_pages(pdf)
    labels = [page.strip().splitlines()[-1].strip() if page.strip() else "" for page in pages]
    toc_page = next(i for i, page in enumerate(pages) if "DAFTAR ISI" in page)
    entries: list[tuple[str, str]] = []
    pending = ""
    for line in pages[toc_page].strip().splitlines()[1:-1]:  # the title, the page number
        line = " ".join(line.split())
        if not line:
            continue
        found = TOC_LINE.match(line)
        if found is None:
            pending = f"{pending} {line}".strip()  # an entry that wraps
            continue
        entries.append((f"{pending} {found['text']}".strip(), found["page"]))
        pending = ""
    assert not pending
    compiled = Pipeline().validate(PLAN)
    assert compiled.plan is not None
    assert compiled.document is not None
    view = document_view(compiled.plan, compiled.document, BuildOptions())
    assert [text for text, _ in entries] == [e.text for e in RKT_OUTLINE.contents(view)]
    position = 0
    for text, page in entries:
        # headings come in the order of the entries; the Daftar Isi itself lists them all
        while position == toc_page or text not in " ".join(pages[position].split()):
            position += 1
        assert labels[position] == page, text


def test_pdf_without_libreoffice_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setattr("rktc.render.pdf.libreoffice", lambda: None)
    result = CliRunner().invoke(
        app, ["build", str(PLAN), "-f", "pdf", "-o", str(tmp_path / "x.pdf"), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert "libreoffice-writer-nogui" in result.output
