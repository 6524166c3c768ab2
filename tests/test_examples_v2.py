"""The format 2 example plans of a Pemda OPD and a K/L satker: clean, complete, built.

Each example must be what issue 13 asks of it (its size, indicators on every level, the
target kinds, the Renja or RO attributes, sums that hold), validate without a finding and
build to every document format. Its PDF, converted by LibreOffice, must hold every code,
indicator, target and amount of the plan. In CI (CI=true) a missing LibreOffice fails the
PDF tests instead of skipping them, as in tests/test_libreoffice.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import PLANS
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan import schema2
from rktc.plan.formatting import rupiah, target
from rktc.plan.hierarchy import Hierarchy, Indicator, hierarchy_of
from rktc.plan.values import TargetKind
from rktc.render.pdf import libreoffice

EXAMPLES = {
    "pemda": PLANS / "pemda-dinkes-2025.yaml",
    "kl": PLANS / "kl-bps-2025.yaml",
}
KINDS = sorted(EXAMPLES)


def hierarchy(kind: str) -> Hierarchy:
    compiled = Pipeline().validate(EXAMPLES[kind])
    assert compiled.plan is not None, compiled.diagnostics
    return hierarchy_of(compiled.plan)


def every_indicator(tree: Hierarchy) -> list[Indicator]:
    """Each indicator once (a `ref:` lists a declared one again)."""
    seen: dict[tuple[str | int, ...], Indicator] = {}
    for _, use in tree.indicator_uses():
        seen.setdefault(use.indicator.path, use.indicator)
    return list(seen.values())


def printed(indicator: Indicator) -> str:
    """An indicator's target as a document prints it."""
    if indicator.target_tampil:
        return indicator.target_tampil
    assert indicator.target is not None
    return target(indicator.target)


# --- what the examples are --------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_example_is_a_format_2_plan_of_its_kind(kind):
    compiled = Pipeline().validate(EXAMPLES[kind])
    assert isinstance(compiled.plan, schema2.PLAN_MODELS[kind])
    tree = hierarchy_of(compiled.plan)
    assert tree.kind == kind
    assert tree.levels[-1] == schema2.LEVELS[kind][-1]


@pytest.mark.parametrize("kind", KINDS)
def test_each_example_validates_without_a_finding(kind):
    assert [str(d) for d in Pipeline().validate(EXAMPLES[kind]).diagnostics] == []
    result = CliRunner().invoke(app, ["validate", "--strict", str(EXAMPLES[kind])])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("kind", KINDS)
def test_every_node_has_a_code_under_its_parents_and_an_indicator_or_a_volume(kind):
    tree = hierarchy(kind)
    for node in tree.nodes():
        assert node.kode, node.nama
        # K/L: KRO and RO carry volume and satuan; an RO indicator is optional
        if not (kind == "kl" and node.level in ("kro", "ro")):
            assert node.indicators, (node.level, node.kode)
    for parent, child in tree.parents():
        assert child.kode is not None
        assert parent.kode is not None
        if kind == "kl" and parent.level == "program":
            # a K/L kegiatan has its own four digits (2886), not under 054.01.WA
            assert re.fullmatch(r"\d{4}", child.kode), child.kode
            continue
        assert child.kode.startswith(parent.kode + "."), (parent.kode, child.kode)


@pytest.mark.parametrize("kind", KINDS)
def test_stated_pagu_equal_the_sums_and_the_total_is_stated(kind):
    compiled = Pipeline().validate(EXAMPLES[kind])
    tree = hierarchy_of(compiled.plan)
    stated = [node for node in tree.nodes() if node.pagu is not None]
    assert len(stated) >= 2, "some parents state their pagu"
    for node in stated:
        assert node.pagu == node.total(), node.kode
    assert all(leaf.anggaran is not None and leaf.anggaran > 0 for leaf in tree.leaves())
    assert compiled.plan.pagu == tree.total()


@pytest.mark.parametrize("kind", KINDS)
def test_goals_have_indicators_and_the_signer_a_nip(kind):
    compiled = Pipeline().validate(EXAMPLES[kind])
    tree = hierarchy_of(compiled.plan)
    assert tree.tujuan
    assert all(goal.indicators for goal in tree.tujuan)
    assert len(tree.sasaran) >= 2
    assert all(goal.indicators for goal in tree.sasaran)
    signer = compiled.plan.penandatangan
    assert signer.nip
    assert len(signer.nip.replace(" ", "")) == 18
    assert signer.jabatan
    assert compiled.plan.instansi.nama in signer.jabatan


def test_the_pemda_example_has_the_size_targets_and_renja_attributes_asked_for():
    tree = hierarchy("pemda")
    by_level: dict[str, list[object]] = {}
    for node in tree.nodes():
        by_level.setdefault(node.level, []).append(node)
    assert len(by_level["program"]) >= 3
    assert len(by_level["kegiatan"]) >= 8
    assert len(by_level["sub_kegiatan"]) >= 20
    assert all(str(node.kode).startswith("1.02.") for node in tree.nodes())
    for leaf in tree.leaves():
        for attribute in ("lokasi", "sumber_dana", "kelompok_sasaran", "waktu_pelaksanaan"):
            assert leaf.attrs.get(attribute), (leaf.kode, attribute)
        assert leaf.pagu_maju is not None
        assert leaf.pagu_maju > 0
    funds = {leaf.attrs["sumber_dana"] for leaf in tree.leaves()}
    assert {"DAU", "DAK Non Fisik", "BLUD", "Pajak Rokok"} <= funds
    indicators = every_indicator(tree)
    kinds = {i.target.kind for i in indicators if i.target is not None}
    assert {TargetKind.NUMBER, TargetKind.RANGE, TargetKind.BOUND, TargetKind.SCALE} <= kinds
    aki = next(i for i in indicators if i.nama == "Angka Kematian Ibu")
    assert aki.lower_is_better
    assert aki.baseline is not None
    assert aki.target is not None
    assert aki.target.kind is TargetKind.BOUND
    assert aki.definisi
    assert aki.formula
    assert aki.sumber_data
    declared = next(i for i in indicators if i.skala == "predikat_ikm")
    assert declared.target is not None
    assert declared.target.kind is TargetKind.SCALE
    assert sum(1 for i in indicators if i.target_tahunan) >= 3
    assert any(i.extra for i in indicators)
    assert any(node.extra for node in tree.nodes())


def test_the_kl_example_has_programs_kegiatan_kro_and_ro_as_a_satker_plans_them():
    tree = hierarchy("kl")
    programs = tree.roots
    assert {p.kode for p in programs} >= {"054.01.WA", "054.01.GG"}
    for program in programs:
        assert program.sasaran
        assert program.indicators
        for kegiatan in program.children:
            assert kegiatan.sasaran
            assert kegiatan.indicators
            assert kegiatan.kode is not None
            assert len(kegiatan.kode) == 4
            assert kegiatan.kode.isdigit()
            for kro in kegiatan.children:
                assert kro.satuan
                for ro in kro.children:
                    assert ro.volume is not None
                    assert ro.volume > 0
                    assert ro.satuan == kro.satuan, ro.kode
    ro_codes = {leaf.kode for leaf in tree.leaves()}
    assert {"2886.EBA.994", "2886.EBA.962"} <= ro_codes
    assert any(leaf.satuan == "Publikasi" for leaf in tree.leaves())


# --- built ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_example_builds(kind, fmt, tmp_path):
    out = tmp_path / f"rkt.{fmt}"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES[kind]), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    if fmt != "docx":
        written = squeezed(out.read_text(encoding="utf-8"))
        assert missing_from(written, identity(kind)) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_text_document_has_every_leaf_amount(kind, fmt, tmp_path):
    out = tmp_path / f"rkt.{fmt}"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES[kind]), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert missing_from(squeezed(out.read_text(encoding="utf-8")), leaf_facts(kind)) == []


def identity(kind: str) -> list[str]:
    """What every layout prints: the office, every sasaran strategis, the signer."""
    compiled = Pipeline().validate(EXAMPLES[kind])
    assert compiled.plan is not None
    plan = compiled.plan
    wanted = [plan.instansi.nama, plan.penandatangan.nama, plan.penandatangan.nip or ""]
    return wanted + [goal.nama for goal in hierarchy(kind).sasaran]


def leaf_facts(kind: str) -> list[str]:
    """The total, and every leaf's anggaran, indicators and printed targets."""
    tree = hierarchy(kind)
    wanted = [rupiah(tree.total())]
    for leaf in tree.leaves():
        assert leaf.anggaran is not None
        wanted.append(rupiah(leaf.anggaran))
        for use in leaf.indicators:
            wanted += [use.indicator.nama, printed(use.indicator)]
    return wanted


def require_tools() -> None:
    missing = [t for t in ("pdftotext", "pdfinfo") if shutil.which(t) is None]
    if libreoffice() is None:
        missing.append("soffice")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"needs {missing}: apt-get install libreoffice-writer-nogui poppler-utils")


@pytest.fixture(scope="module", params=KINDS)
def pdf(request, tmp_path_factory) -> tuple[str, Path]:
    require_tools()
    kind = request.param
    out = tmp_path_factory.mktemp(f"pdf-{kind}") / "rkt.pdf"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES[kind]), "-f", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return kind, out


def squeezed(value: str) -> str:
    """Text without any whitespace: a narrow cell breaks "Orang/Bulan" as "Orang/Bul an"."""
    return "".join(value.split())


def pdf_text(path: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return squeezed(raw)


def missing_from(text: str, wanted: list[str]) -> list[str]:
    return [item for item in dict.fromkeys(wanted) if squeezed(item) not in text]


def test_the_pdf_names_the_office_its_sasaran_and_the_signer(pdf):
    kind, path = pdf
    assert missing_from(pdf_text(path), identity(kind)) == []


def test_the_pdf_has_every_leaf_indicator_target_and_anggaran(pdf):
    kind, path = pdf
    assert missing_from(pdf_text(path), leaf_facts(kind)) == []


def test_the_pdf_prints_the_matrices_on_landscape_pages(pdf):
    _, path = pdf
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]
    assert any(width > height for width, height in sizes)
    assert any(width < height for width, height in sizes)


def test_the_pdf_has_every_code_indicator_target_and_pagu(pdf):
    kind, path = pdf
    tree = hierarchy(kind)
    wanted = leaf_facts(kind)
    for node in tree.nodes():
        assert node.kode is not None
        wanted += [node.kode, node.nama]
        wanted += [rupiah(money) for money in (node.anggaran, node.pagu) if money is not None]
        if node.volume is not None:
            wanted.append(f"{node.volume} {node.satuan}")
    for indicator in every_indicator(tree):
        wanted += [indicator.nama, printed(indicator)]
    assert missing_from(pdf_text(path), wanted) == []


def test_money_in_the_examples_is_exact():
    """Amounts are read as Indonesian numbers (dots group thousands), never floats."""
    tree = hierarchy("pemda")
    assert tree.total() == Decimal(96365950000)
    assert hierarchy("kl").total() == Decimal(7796560000)
