"""The Perjanjian Kinerja: `rktc build --document pk`, its goldens, its PDF, a PK perubahan
and its rules (RKT701-RKT708) with their positions."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest
from helpers import PLANS
from projection import project
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.plan.formatting import rupiah
from rktc.plan.hierarchy import hierarchy_of
from rktc.plan.pk import content, format_nip
from rktc.render.pdf import libreoffice

runner = CliRunner()
KPU = PLANS / "kpu-oku-2023.yaml"
PEMDA = PLANS / "pemda-dinkes-2025.yaml"
EXAMPLES = {"kpu-oku-2023": KPU, "pemda-dinkes-2025": PEMDA}

# A small format 2 plan: two sasaran, three indicators, a PK of both parties.
PLAN = """\
rktc: 2
jenis: kpu
tahun: 2025
instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh, kota: Contoh}
renstra: {periode: 2025-2029}
visi: {teks: Menjadi Penyelenggara Pemilu yang Mandiri}
misi: [Meningkatkan kualitas penyelenggaraan Pemilu]
tujuan: [Meningkatnya kualitas penyelenggaraan Pemilu]
sasaran:
  - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
  - {id: S2, nama: Terwujudnya Tata Kelola yang Akuntabel}
program:
  - nama: Program Penyelenggaraan Pemilu
    kegiatan:
      - nama: Dukungan Perencanaan
        anggaran: 1.250.000.000
        indikator:
          - {id: IK1, nama: Persentase tahapan sesuai jadwal, sasaran: S1, satuan: "%", target: 97%}
          - {id: IK2, nama: Jumlah dokumen perencanaan, sasaran: S1, satuan: Dokumen, target: 4 dokumen}
  - nama: Program Dukungan Manajemen
    kegiatan:
      - nama: Layanan Perkantoran
        anggaran: 750.000.000
        indikator:
          - {id: IK3, nama: Nilai evaluasi SAKIP, sasaran: S2, satuan: Predikat, target: BB}
penandatangan: {tempat: Contoh, tanggal: 30 Januari 2025, jabatan: Ketua, nama: NAMA KETUA}
"""
PARTIES = """\
pk:
  tanggal: 3 Februari 2025
  pihak_pertama:
    nama: BUDI SANTOSO, S.E.
    jabatan: Sekretaris KPU Kabupaten Contoh
    pangkat: Pembina (IV/a)
    nip: "197503122000031002"
    plt: ya
  pihak_kedua:
    nama: SITI AMINAH
    jabatan: Ketua KPU Kabupaten Contoh
"""


def build(*args: object) -> str:
    result = runner.invoke(app, ["build", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def write(tmp_path: Path, text: str, name: str = "rkt.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def require_tools() -> None:
    missing = [t for t in ("pdftotext",) if shutil.which(t) is None]
    if libreoffice() is None:
        missing.append("soffice")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"needs {missing}")


def pdf_text(path: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return raw


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_text(path: Path) -> str:
    return project(path)


# --- the examples: goldens ------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markup_golden(tmp_path: Path, golden, name: str, fmt: str) -> None:
    out = tmp_path / f"pk.{fmt}"
    build(EXAMPLES[name], "--document", "pk", "-f", fmt, "-o", out)
    golden(f"{name}.pk.{fmt}", out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_docx_golden(tmp_path: Path, golden, name: str) -> None:
    out = tmp_path / "pk.docx"
    build(EXAMPLES[name], "--document", "pk", "-o", out)
    golden(f"{name}.pk.docx.txt", docx_text(out))


def test_the_pk_is_written_beside_the_plan_under_its_own_name(tmp_path: Path) -> None:
    plan = tmp_path / "kpu.yaml"
    shutil.copy(KPU, plan)
    build(plan, "--document", "pk")
    assert (tmp_path / "kpu.pk.docx").is_file()
    assert not (tmp_path / "kpu.docx").exists()  # the RKT's name stays the RKT's


# --- the PDF, as LibreOffice prints it -----------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_pdf_holds_every_target_and_amount_and_the_signers(tmp_path: Path, name: str) -> None:
    require_tools()
    out = tmp_path / "pk.pdf"
    build(EXAMPLES[name], "--document", "pk", "-f", "pdf", "-o", out)
    text = pdf_text(out)
    flat = squeezed(text)
    from rktc.pipeline.orchestrator import Pipeline

    plan = Pipeline().validate(EXAMPLES[name]).plan
    assert plan is not None
    lampiran = content(plan.pk, hierarchy_of(plan))  # type: ignore[union-attr]
    assert lampiran.carried
    for row in lampiran.carried:
        assert squeezed(row.indicator.nama) in flat, row.indicator.nama
        assert squeezed(row.target_text) in flat, row.target_text
    amounts = [rupiah(a) for a in (n.total() for n in lampiran.budget)]
    for amount in [*amounts, rupiah(sum(n.total() for n in lampiran.budget))]:
        assert amount in text, amount
    assert "PERJANJIAN KINERJA TAHUN" in text
    assert text.count("PIHAK PERTAMA,") == 2  # the agreement and its lampiran are signed
    first = plan.pk.pihak_pertama  # type: ignore[union-attr]
    assert first is not None
    assert first.nip is not None
    assert f"NIP. {format_nip(first.nip)}" in text  # grouped 8-6-1-3
    assert re.search(r"NIP\. \d{8} \d{6} \d \d{3}", text)
    assert text.count("NIP.") == 2  # the pihak kedua (an elected official) has none


# --- what the PK says -----------------------------------------------------------------------------


def test_an_acting_official_the_nip_grouped_and_no_nip_line_without_one(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN + PARTIES)
    out = tmp_path / "pk.md"
    build(plan, "--document", "pk", "-f", "md", "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "Jabatan: Plt. Sekretaris KPU Kabupaten Contoh" in text
    assert "NIP. 19750312 200003 1 002" in text
    assert text.count("NIP.") == 2  # the pihak pertama's, on both signature blocks
    assert "selaku atasan pihak pertama, selanjutnya disebut pihak kedua." in text
    assert "Contoh, 3 Februari 2025" in text
    # the lampiran: both sasaran, every indicator, both programs and their sum
    for expected in ("| 1 |Terwujudnya Tahapan", "|  | |Jumlah dokumen perencanaan |4 dokumen"):
        assert expected in text
    assert "**2.000.000.000**" in text


def test_a_single_signer_pledges_alone(tmp_path: Path) -> None:
    single = PARTIES.replace("  pihak_pertama:", "  penandatangan:").split("  pihak_kedua:")[0]
    plan = write(tmp_path, PLAN + single)
    out = tmp_path / "pk.docx"
    build(plan, "--document", "pk", "-o", out)
    text = docx_text(out)
    assert "saya yang bertanda tangan di bawah ini" in text
    assert "PIHAK KEDUA" not in text
    assert "PIHAK PERTAMA" not in text
    assert "Pihak kedua akan" not in text  # no supervision without a superior
    assert "selanjutnya disebut" not in text


def test_the_level_chooses_the_tables(tmp_path: Path) -> None:
    plan = write(
        tmp_path,
        PEMDA.read_text(encoding="utf-8").replace("tingkat: program", "tingkat: sub_kegiatan"),
    )
    out = tmp_path / "pk.md"
    build(plan, "--document", "pk", "-f", "md", "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "| No |Sasaran Kegiatan |Indikator Kinerja |Target |Satuan |" in text
    assert "| No |Sub Kegiatan |Anggaran (Rp) |" in text
    assert "**96.365.950.000**" in text  # every sub kegiatan: the whole budget


def test_chosen_indicators_and_a_transcribed_target(tmp_path: Path) -> None:
    chosen = (
        PARTIES
        + "  indikator:\n    - IK3\n    - {nama: persentase TAHAPAN sesuai jadwal, target: 97%}\n"
    )
    plan = write(tmp_path, PLAN + chosen)
    out = tmp_path / "pk.md"
    result = runner.invoke(
        app, ["build", str(plan), "--document", "pk", "-f", "md", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "RKT707" in result.output  # 2 of 3: a warning, the build goes on
    text = out.read_text(encoding="utf-8")
    assert "Persentase tahapan sesuai jadwal" in text
    assert "Nilai evaluasi SAKIP" in text
    assert "Jumlah dokumen perencanaan" not in text
    # in the plan's order, whatever order the PK names them in
    assert text.index("Persentase tahapan") < text.index("Nilai evaluasi SAKIP")


# --- a PK perubahan -----------------------------------------------------------------------------------


def test_a_pk_perubahan_prints_its_reason_and_what_changed(tmp_path: Path) -> None:
    write(tmp_path, PLAN + PARTIES, "rkt-awal.yaml")
    revised = (
        PLAN.replace("target: 97%", "target: 98%")
        .replace("anggaran: 750.000.000", "anggaran: 800.000.000")
        .replace(
            "          - {id: IK2, nama: Jumlah dokumen perencanaan, sasaran: S1, satuan: Dokumen, target: 4 dokumen}\n",
            "          - {id: IK4, nama: Indeks kepuasan peserta Pemilu, sasaran: S1, satuan: Indeks, target: '3,5'}\n",
        )
        .replace(
            "          - {id: IK3, nama: Nilai evaluasi SAKIP, sasaran: S2, satuan: Predikat, target: BB}\n",
            "          - {id: IK3, nama: Nilai evaluasi SAKIP, sasaran: S2, satuan: Predikat, target: BB}\n"
            "          - {id: IK5, nama: Persentase laporan tepat waktu, sasaran: S2, satuan: '%', target: 100%}\n",
        )
        + PARTIES.replace("BUDI SANTOSO, S.E.", "RINA WULANDARI")
        + "  perubahan:\n"
        "    alasan: pergantian pejabat pihak pertama dan perubahan anggaran\n"
        "    dasar: [Keputusan Sekretaris Jenderal KPU Nomor 12 Tahun 2025]\n"
        "    semula: rkt-awal.yaml\n"
    )
    plan = write(tmp_path, revised)
    out = tmp_path / "pk.md"
    build(plan, "--document", "pk", "-f", "md", "-o", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("## PERJANJIAN KINERJA PERUBAHAN TAHUN 2025")
    assert (
        "merupakan perubahan atas Perjanjian Kinerja Tahun 2025 yang ditandatangani pada tanggal 3 Februari 2025"
        in text
    )
    assert "karena pergantian pejabat pihak pertama dan perubahan anggaran." in text
    assert "Dasar perubahan: Keputusan Sekretaris Jenderal KPU Nomor 12 Tahun 2025." in text
    assert "### PERUBAHAN TERHADAP PERJANJIAN KINERJA SEMULA" in text
    rows = text.split("SEMULA")[1].splitlines()
    assert "|Target: Persentase tahapan sesuai jadwal |97% |98% |" in "\n".join(rows)
    # the only change of a kegiatan's indicators is a new name (rktc diff's reading)
    assert any(
        "|Nama indikator |Jumlah dokumen perencanaan |Indeks kepuasan peserta Pemilu |" in r
        for r in rows
    )
    assert any("Indikator ditambahkan: Persentase laporan tepat waktu" in r for r in rows)
    assert any(
        "Anggaran kegiatan: Layanan Perkantoran |750.000.000 |800.000.000" in r for r in rows
    )
    assert any("Anggaran program: Program Dukungan Manajemen" in r for r in rows)


def test_a_first_pk_has_no_section_of_changes(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN + PARTIES)
    out = tmp_path / "pk.md"
    build(plan, "--document", "pk", "-f", "md", "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "PERUBAHAN" not in text
    assert "merupakan perubahan" not in text


# --- usage -------------------------------------------------------------------------------------------


def test_usage_errors(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN + PARTIES)
    for args in (
        ["--document", "rencana"],
        ["--document", "pk", "-f", "xlsx"],
        ["--document", "pk", "--realisasi", str(plan)],
        ["--document", "pk", "--layout", "pemda"],
    ):
        result = runner.invoke(app, ["build", str(plan), *args])
        assert result.exit_code == 2, (args, result.output)
    plain = write(tmp_path, PLAN, "plain.yaml")
    result = runner.invoke(app, ["build", str(plain), "--document", "pk"])
    assert result.exit_code == 1
    assert "pk:" in result.output
    assert not (tmp_path / "plain.pk.docx").exists()


# --- the rules, with their positions -------------------------------------------------------------------


def codes(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, text)
    result = runner.invoke(app, ["validate", str(path), "--select", "RKT7"])
    return re.findall(r":(\d+:\d+): (RKT7\d\d)", result.output)


def test_rules_parties_nip_acting(tmp_path: Path) -> None:
    only_first = PLAN + PARTIES.split("  pihak_kedua:")[0]
    assert codes(tmp_path, only_first) == [("29:3", "RKT701")]
    both = PLAN + PARTIES + "  penandatangan: {nama: X, jabatan: Bupati}\n"
    assert codes(tmp_path, both) == [("38:3", "RKT701")]
    bad_nip = PLAN + PARTIES.replace('"197503122000031002"', '"19750312 200003 1 02"')
    assert codes(tmp_path, bad_nip) == [("33:10", "RKT702")]
    twice = PLAN + PARTIES.replace("    plt: ya\n", "    plt: ya\n    plh: ya\n")
    assert codes(tmp_path, twice) == [("35:5", "RKT703")]


def test_rules_level_indicators_targets_share(tmp_path: Path) -> None:
    level = PLAN + PARTIES.replace("pk:\n", "pk:\n  tingkat: sub_kegiatan\n")
    assert codes(tmp_path, level) == [("28:12", "RKT704")]
    listed = (
        PLAN
        + PARTIES
        + (
            "  indikator:\n"
            "    - IK9\n"
            "    - {nama: Persentase tahapan sesuai jadwal, target: 95%}\n"
            "    - IK3\n"
        )
    )
    assert codes(tmp_path, listed) == [
        ("38:3", "RKT707"),  # 2 of 3 indicators: 66,67%, band 50-80%
        ("39:7", "RKT705"),
        ("40:56", "RKT706"),
    ]
    every = listed.replace("    - IK9\n", "    - IK2\n").replace("target: 95%", "target: 97%")
    assert codes(tmp_path, every) == []


def test_the_share_is_reported_in_the_lke_bands(tmp_path: Path) -> None:
    listed = PLAN + PARTIES + "  indikator: [IK1]\n"
    path = write(tmp_path, listed)
    result = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert (
        "carries 1 of the plan's 3 indicators of the Program level (33,33%), LKE band 10-50%"
        in result.output
    )
    assert result.exit_code == 0  # a warning


def test_rule_original_unreadable(tmp_path: Path) -> None:
    perubahan = PLAN + PARTIES + "  perubahan:\n    alasan: pergantian pejabat\n    semula: NAME\n"
    missing = write(tmp_path, perubahan.replace("NAME", "tidak-ada.yaml"))
    result = runner.invoke(app, ["validate", str(missing)])
    assert f"{missing}:40:13: RKT708" in result.output
    (tmp_path / "rusak.yaml").write_text("rktc: 2\njenis: kpu\ntahun: [\n", encoding="utf-8")
    broken = write(tmp_path, perubahan.replace("NAME", "rusak.yaml"))
    assert f"{broken}:40:13: RKT708" in runner.invoke(app, ["validate", str(broken)]).output
    itself = write(tmp_path, perubahan.replace("NAME", "rkt.yaml"))
    assert f"{itself}:40:13: RKT708" in runner.invoke(app, ["validate", str(itself)]).output
    refused = runner.invoke(app, ["build", str(missing), "--document", "pk"])
    assert refused.exit_code == 1
    assert not (tmp_path / "rkt.pk.docx").exists()


def test_the_docx_has_its_signatures_in_a_table_without_borders(tmp_path: Path) -> None:
    out = tmp_path / "pk.docx"
    build(KPU, "--document", "pk", "-o", out)
    document = docx.Document(str(out))
    signatures = [t for t in document.tables if "PIHAK PERTAMA," in t._tbl.xml]
    assert len(signatures) == 2
    assert 'w:val="nil"' in signatures[0]._tbl.xml
    cells = [c.text for c in signatures[0].rows[1].cells]
    assert cells == ["PIHAK KEDUA,", "PIHAK PERTAMA,"]  # left pihak kedua, right pihak pertama


def test_the_pdf_of_an_acting_official_and_a_perubahan(tmp_path: Path) -> None:
    require_tools()
    write(tmp_path, PLAN + PARTIES, "rkt-awal.yaml")
    revised = (
        PLAN.replace("target: 97%", "target: 98%")
        + PARTIES
        + (
            "  perubahan:\n    alasan: pergantian pejabat pihak pertama\n    semula: rkt-awal.yaml\n"
        )
    )
    plan = write(tmp_path, revised)
    out = tmp_path / "pk.pdf"
    build(plan, "--document", "pk", "-f", "pdf", "-o", out)
    text = pdf_text(out)
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in text
    assert "Plt. Sekretaris KPU Kabupaten Contoh" in text
    assert "NIP. 19750312 200003 1 002" in text
    assert text.count("NIP.") == 2  # the pihak pertama's, twice; the Ketua has none
    assert "PERUBAHAN TERHADAP PERJANJIAN KINERJA SEMULA" in text
    assert "Target: Persentase tahapan sesuai jadwal 97% 98%" in " ".join(text.split())
