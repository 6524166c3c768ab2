"""The Laporan Kinerja: `rktc build --document lkjip --realisasi ...`, its goldens, its PDF,
the capaian chart in every edition, the year's findings stopping the build."""

from __future__ import annotations

import re
import textwrap
import zipfile
from pathlib import Path

import pytest
from helpers import PLANS
from test_pk import PARTIES, PLAN, docx_text, pdf_text, require_tools, squeezed, write
from typer.testing import CliRunner

from rktc.check.engine import Selection
from rktc.cli.app import app
from rktc.pipeline.year import check_year
from rktc.plan.capaian import format_percent
from rktc.plan.formatting import rupiah
from rktc.plan.year import value_text
from rktc.render.chart import MAX_BARS

runner = CliRunner()
YEARS = {
    "kpu-oku-2023": (
        PLANS / "kpu-oku-2023.yaml",
        PLANS / "kpu-oku-2023.renstra.yaml",
        PLANS / "kpu-oku-2023.realisasi.yaml",
    ),
    "pemda-dinkes-2025": (
        PLANS / "pemda-dinkes-2025.yaml",
        PLANS / "pemda-dinkes-2025.renstra.yaml",
        PLANS / "pemda-dinkes-2025.realisasi.yaml",
    ),
}
# The chart's bytes depend on matplotlib's version and fonts: goldens hold a mark instead.
_PNG = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
_SVG = re.compile(r"<svg.*?</svg>", re.DOTALL)


def lkjip(name: str, out: Path, *args: str) -> str:
    plan, renstra, realisasi = YEARS[name]
    result = runner.invoke(
        app,
        [
            "build",
            str(plan),
            "--document",
            "lkjip",
            "--renstra",
            str(renstra),
            "--realisasi",
            str(realisasi),
            "-o",
            str(out),
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


def without_chart(text: str) -> str:
    return _SVG.sub("<svg>[chart]</svg>", _PNG.sub("data:image/png;base64,[chart]", text))


# --- goldens --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", YEARS)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markup_golden(tmp_path: Path, golden, name: str, fmt: str) -> None:
    out = tmp_path / f"lkjip.{fmt}"
    lkjip(name, out)
    golden(f"{name}.lkjip.{fmt}", without_chart(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", YEARS)
def test_docx_golden(tmp_path: Path, golden, name: str) -> None:
    out = tmp_path / "lkjip.docx"
    lkjip(name, out)
    golden(f"{name}.lkjip.docx.txt", docx_text(out))


# --- the chart -------------------------------------------------------------------------------------


def test_the_chart_is_a_picture_of_the_docx(tmp_path: Path) -> None:
    out = tmp_path / "lkjip.docx"
    lkjip("kpu-oku-2023", out)
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        assert package.read(media[0]).startswith(b"\x89PNG")
        body = package.read("word/document.xml").decode("utf-8")
    assert body.count("<pic:pic") == 1
    assert "rktc.picture-slot" not in body  # the slot is filled and gone


def test_the_chart_in_html_is_svg_and_in_markdown_a_png(tmp_path: Path) -> None:
    html = tmp_path / "lkjip.html"
    lkjip("kpu-oku-2023", html, "-f", "html")
    page = html.read_text(encoding="utf-8")
    assert page.count("<svg") == 1
    assert '<figure role="img" aria-label="Capaian kinerja per indikator: 1. Persentase' in page
    assert "<figcaption>Grafik capaian kinerja tahun 2023</figcaption>" in page
    md = tmp_path / "lkjip.md"
    lkjip("kpu-oku-2023", md, "-f", "md")
    assert len(_PNG.findall(md.read_text(encoding="utf-8"))) == 1


def test_many_indicators_are_charted_by_sasaran(tmp_path: Path) -> None:
    many = "\n".join(
        f"          - {{id: K{i}, nama: Jumlah laporan jenis {i}, sasaran: S{1 + i % 2}, "
        f"satuan: Laporan, target: {i} Laporan}}"
        for i in range(1, MAX_BARS + 6)
    )
    text = PLAN.replace(
        "          - {id: IK3, nama: Nilai evaluasi SAKIP, sasaran: S2, satuan: Predikat, target: BB}",
        many,
    )
    plan = write(tmp_path, text + PARTIES)
    realisasi = write(
        tmp_path,
        "rktc: 2\ndokumen: realisasi\ntahun: 2025\nindikator:\n"
        + "".join(f"  - {{id: K{i}, tw4: '{i}'}}\n" for i in range(1, MAX_BARS + 6)),
        "realisasi.yaml",
    )
    out = tmp_path / "lkjip.html"
    result = runner.invoke(
        app, ["build", str(plan), "--document", "lkjip", "--realisasi", str(realisasi),
              "-f", "html", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Grafik rata-rata capaian kinerja per sasaran tahun 2025" in page
    label = re.search(r'aria-label="([^"]*)"', page)
    assert label is not None
    assert label[1].startswith("Rata-rata capaian kinerja per sasaran: Terwujudnya Tahapan")
    assert label[1].count("%") == 2  # two sasaran, two bars


# --- the PDF: every figure of the year ------------------------------------------------------------


@pytest.mark.parametrize("name", YEARS)
def test_the_pdf_holds_every_target_realisasi_capaian_and_amount(tmp_path: Path, name: str) -> None:
    require_tools()
    out = tmp_path / "lkjip.pdf"
    lkjip(name, out, "-f", "pdf")
    text = pdf_text(out)
    flat = squeezed(text)
    plan, renstra, realisasi = YEARS[name]
    run = check_year([plan], Selection(), renstra, [realisasi], always_link=True)
    year = run.plans[0].year()
    assert year is not None
    compiled = run.plans[0].compiled
    from rktc.plan.hierarchy import hierarchy_of
    from rktc.plan.pk import content

    carried = content(compiled.plan.pk, hierarchy_of(compiled.plan)).carried  # type: ignore[union-attr]
    by_path = {i.indicator.path: i for i in year.indicators}
    for row in carried:
        item = by_path[row.indicator.path]
        assert squeezed(row.indicator.nama) in flat, row.indicator.nama
        assert squeezed(row.target_text) in flat, row.target_text
        if item.realisasi is not None:
            assert squeezed(value_text(item.realisasi, item.target)) in flat
        if item.percent is not None:
            assert format_percent(item.percent) in text, item.indicator.nama
        else:  # a dash and the reason, never 0
            assert item.reason is not None
            assert squeezed(item.reason.render("id")) in flat
    for program in year.programs():
        assert program.pagu is not None
        assert rupiah(program.pagu) in text
        if program.realisasi is not None:
            assert rupiah(program.realisasi) in text
    assert "adalah ilustrasi, bukan data" in text  # the realisasi files say `ilustrasi: ya`
    for heading in ("IKHTISAR EKSEKUTIF", "BAB I", "BAB II", "BAB III", "BAB IV", "LAMPIRAN"):
        assert heading in text
    assert "PERJANJIAN KINERJA TAHUN" in text  # the PK as lampiran
    assert "Grafik capaian kinerja tahun" in text


def test_a_missing_realisasi_is_a_dash_and_its_reason(tmp_path: Path) -> None:
    out = tmp_path / "lkjip.md"
    lkjip("kpu-oku-2023", out, "-f", "md")
    text = out.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "| 7 |Persentase pelaksanaan" in line)
    assert row.endswith("|100% |— |— |— |belum ada realisasi (kosong tidak sama dengan nol) |")
    assert "| 7 |Persentase pelaksanaan pemungutan" in text
    assert "|0% |" not in row


# --- the year's findings -----------------------------------------------------------------------------


def test_a_realisasi_with_errors_is_not_built_and_says_where(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN + PARTIES)
    realisasi = write(
        tmp_path,
        """\
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - {id: IK1, tw1: 90}
          - {id: IK1, tw1: 91}
          - {id: IK7, tw1: 1}
        """,
        "realisasi.yaml",
    )
    out = tmp_path / "lkjip.docx"
    result = runner.invoke(
        app, ["build", str(plan), "--document", "lkjip", "--realisasi", str(realisasi),
              "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"{realisasi}:5:20: RKT623" in result.output  # a quarter given twice ...
    assert f"{realisasi}:6:20: RKT623" in result.output  # ... at each place
    assert f"{realisasi}:7:10: RKT621" in result.output  # an indicator the plan lacks
    assert not out.exists()


def test_the_findings_are_those_of_rktc_validate(tmp_path: Path) -> None:
    plan, renstra, realisasi = YEARS["kpu-oku-2023"]
    validated = runner.invoke(
        app, ["validate", str(plan), "--renstra", str(renstra), "--realisasi", str(realisasi)]
    )
    built = lkjip("kpu-oku-2023", tmp_path / "lkjip.md", "-f", "md")
    assert validated.output.splitlines()[:-1] == built.splitlines()[:-2]


def test_the_lkjip_needs_the_pk_part(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN)
    result = runner.invoke(app, ["build", str(plan), "--document", "lkjip"])
    assert result.exit_code == 1
    assert "pk:" in result.output


def test_without_realisasi_every_indicator_says_why(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN + PARTIES)
    out = tmp_path / "lkjip.md"
    result = runner.invoke(
        app, ["build", str(plan), "--document", "lkjip", "-f", "md", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count("belum ada realisasi (kosong tidak sama dengan nol)") == 3
    assert "Catatan: angka realisasi" not in text  # nothing illustrative to mark
    assert textwrap.dedent("Contoh, ................ 2026") in text  # left for the signer
