"""Layouts: the document's chapters and tables as data (docs/layouts.md).

- the built-in layouts read clean, and each plan gets its kind of office's layout: the KPU
  documents are unchanged (their goldens are tests/test_build.py's), a Pemda and a K/L
  plan come out as their golden Markdown, HTML and DOCX projection;
- a layout file is checked like a plan: codes, positions, did-you-mean hints;
- `extends`, `tanpa`, `jika_ada`, `kolom_lain`, `baris_per_indikator`, font sizes;
- the Pemda and K/L DOCX opened by LibreOffice: every code, indicator, target and amount
  is in the PDF, and the matrices are on landscape pages.
"""

from __future__ import annotations

import re
import textwrap
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from helpers import ROOT
from projection import project
from test_libreoffice import page_sizes, pdf_text, require_tools
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.pipeline.build import BuildOptions, document_view
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.formatting import rupiah
from rktc.plan.hierarchy import hierarchy_of
from rktc.render.layout import (
    BUILTIN,
    SOURCES,
    UNKNOWN_CODE,
    builtin_layout,
    default_outline,
    read_layout,
    read_layout_text,
)
from rktc.render.outline import RKT_OUTLINE, outline_for
from rktc.render.view import DATA, GROUP, SUBTOTAL, TOTAL, TableView

FIXTURES = ROOT / "tests" / "fixtures" / "layouts"
PEMDA = FIXTURES / "pemda-kecamatan-2025.yaml"
KL = FIXTURES / "kl-bps-2025.yaml"
SEED = ROOT / "plans" / "kpu-oku-2023.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
runner = CliRunner()


def build(plan: Path, out: Path, *args: str) -> None:
    result = runner.invoke(app, ["build", str(plan), "-o", str(out), *args])
    assert result.exit_code == 0, result.output


def view_of(plan: Path, layout: Any = None) -> Any:
    compiled = Pipeline().validate(plan)
    assert compiled.plan is not None
    assert compiled.document is not None
    assert not compiled.failed(), compiled.diagnostics
    return document_view(compiled.plan, compiled.document, BuildOptions(layout=layout))


def layout_file(tmp_path: Path, text: str, name: str = "layout.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    layout, found = read_layout(layout_file(tmp_path, text))
    assert layout is None
    return [(d.location.line, d.location.column, d.code) for d in found]


# --- the built-in layouts ----------------------------------------------------------------------


@pytest.mark.parametrize("name", BUILTIN)
def test_builtin_layouts_read_clean(name: str) -> None:
    layout, found = read_layout(ROOT / "templates" / "layouts" / f"{name}.yaml")
    assert found == []
    assert layout is not None
    assert layout == builtin_layout(name)
    # every table a block names is defined, and every defined table is shown
    shown = {
        block.source.removeprefix("tables.")
        for _, s in layout.outline.sections()
        for block in s.blocks
        if block.kind in ("table", "captioned_tables")
    }
    assert shown == {t.id for t in layout.tables}


def test_the_kpu_outline_is_the_one_rktc_always_printed() -> None:
    outline = default_outline("kpu")
    assert outline == RKT_OUTLINE
    assert [p.key for p in outline.parts] == ["sampul", "pendahuluan", "isi", "matriks"]
    assert [(p.landscape, p.numbering, p.restart_numbering) for p in outline.parts] == [
        (False, None, False),
        (False, "lowerRoman", True),
        (False, "decimal", True),
        (True, "decimal", False),
    ]
    assert [s.key for _, s in outline.sections()] == [
        "sampul", "kata_pengantar", "ringkasan_eksekutif", "daftar_isi", "bab1", "visi", "misi",
        "tujuan", "bab2", "sasaran", "indikator", "program", "matriks_rkt", "matriks_apbn",
    ]  # fmt: skip
    # the sections a format 2 plan may fill are there, printed only when it does
    full = [s.key for _, s in builtin_layout("kpu").outline.sections()]
    assert {"indikator_tujuan", "iku"} <= set(full)


@pytest.mark.parametrize(("plan", "kind"), [(SEED, "kpu"), (PEMDA, "pemda"), (KL, "kl")])
def test_each_plan_gets_the_layout_of_its_kind_of_office(plan: Path, kind: str) -> None:
    view = view_of(plan)
    assert outline_for(view).name == kind


# --- golden documents of a Pemda and a K/L plan -------------------------------------------------


@pytest.mark.parametrize("plan", [PEMDA, KL], ids=["pemda", "kl"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markup_golden(tmp_path: Path, golden: Any, plan: Path, fmt: str) -> None:
    out = tmp_path / f"rkt.{fmt}"
    build(plan, out, "-f", fmt)
    golden(f"{plan.stem}.{fmt}", out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("plan", [PEMDA, KL], ids=["pemda", "kl"])
def test_docx_golden_projection(tmp_path: Path, golden: Any, plan: Path) -> None:
    out = tmp_path / "rkt.docx"
    build(plan, out)
    golden(f"{plan.stem}.docx.txt", project(out))


@pytest.fixture(scope="module")
def pemda_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pemda") / "rkt.docx"
    build(PEMDA, out)
    return out


def test_the_pemda_matrix_prints_every_node_with_its_code_indicators_and_pagu() -> None:
    view = view_of(PEMDA)
    matrix = view.tables["matriks_rkt"]
    headers = [c.header for c in matrix.columns]
    assert headers[:7] == [
        "No", "Kode", "Program/ Kegiatan/ Sub Kegiatan", "Indikator Kinerja", "Satuan",
        "Target", "Pagu (Rp)",
    ]  # fmt: skip
    assert headers[7:] == ["Keterangan"]  # the plan's own column, after the layout's
    rows = [r for r in matrix.rows if r.kind == DATA]
    nodes = list(hierarchy_of(Pipeline().validate(PEMDA).plan).nodes())
    assert [r.cells[1] for r in rows] == [n.kode for n in nodes]
    by_code = {r.cells[1]: r for r in rows}
    paten = by_code["7.01.02.2.01.0003"]  # two indicators share the row, one per line
    assert paten.cells[3].split("\n") == [
        "Jumlah layanan PATEN yang diselesaikan",
        "Persentase layanan PATEN yang sesuai standar pelayanan",
    ]
    assert paten.cells[4:6] == ["Layanan\n%", "6.500 Layanan\n80 - 90%"]
    assert not paten.bold
    # a program states its pagu; a kegiatan without one prints the sum of its children
    assert by_code["7.01.01"].cells[6] == "1.150.000.000"
    assert by_code["7.01.01"].bold
    assert by_code["7.01.01.2.01"].cells[6] == "150.000.000"
    assert by_code["7.01.02"].cells[6] == "240.500.000"  # no pagu: the sum
    assert by_code["7.01.01.2.01.0001"].cells[7] == "Renstra dan Renja"
    total = matrix.rows[-1]
    assert total.kind == TOTAL
    assert total.cells[0] == "Jumlah"
    assert total.span == 6  # the label over the columns before the pagu
    assert total.cells[6] == "1.390.500.000"


def test_the_renja_lampiran_has_sipd_columns_and_the_plan_s_renja_data() -> None:
    view = view_of(PEMDA)
    renja = view.tables["renja"]
    assert len(renja.columns) == 17  # SIPD's T-C.33 with the satuan
    assert renja.font_size == 6
    names = [c.key for c in renja.columns]
    row = next(r for r in renja.rows if r.cells[1] == "7.01.01.2.01.0001")
    cell = dict(zip(names, row.cells, strict=True))
    assert "kolom" not in cell  # the plan's own columns: in the RKT matrix
    assert cell["lokasi"] == "Kecamatan Sukamaju"
    assert cell["sumber_dana"] == "DAU"
    assert cell["prioritas"] == "Daerah"
    assert cell["kelompok_sasaran"] == "Perangkat kecamatan"
    assert cell["penanggung_jawab"] == "Kecamatan Sukamaju"
    assert cell["target_akhir"] == "2 Dokumen"
    assert cell["realisasi_n2"] == "2 Dokumen"  # realisasi_tahunan[2023] of a 2025 plan
    assert cell["target_n1"] == "2 Dokumen"  # target_tahunan[2026]
    assert cell["pagu_n1"] == "160.000.000"
    program = next(r for r in renja.rows if r.cells[1] == "7.01.01")
    assert dict(zip(names, program.cells, strict=True))["pagu_n1"] == "1.210.000.000"
    total = renja.rows[-1]
    assert total.cells[names.index("pagu")] == "1.390.500.000"
    assert total.cells[names.index("pagu_n1")] == "1.460.000.000"


def test_the_renja_lampiran_is_printed_only_for_a_plan_with_renja_data(tmp_path: Path) -> None:
    text = PEMDA.read_text(encoding="utf-8")
    for attribute in ("lokasi", "sumber_dana", "kelompok_sasaran", "prioritas",
                      "penanggung_jawab", "pagu_maju", "waktu_pelaksanaan"):  # fmt: skip
        text = re.sub(rf"^ +{attribute}: .*\n", "", text, flags=re.MULTILINE)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    keys = [s.key for _, s in outline_for(view_of(plan)).sections()]
    assert "matriks_rkt" in keys
    assert "lampiran_renja" not in keys
    assert "lampiran_renja" in [s.key for _, s in outline_for(view_of(PEMDA)).sections()]


def test_the_kl_tables(tmp_path: Path) -> None:
    view = view_of(KL)
    program = view.tables["sasaran_program"]
    assert [c.header for c in program.columns] == [
        "No", "Program", "Sasaran Program", "Indikator Kinerja Program", "Satuan", "Target",
    ]  # fmt: skip
    rows = [r.cells for r in program.rows]
    assert rows[1][:4] == ["2", "Program Dukungan Manajemen",
                           "Terwujudnya tata kelola BPS yang akuntabel",
                           "Nilai SAKIP satuan kerja"]  # fmt: skip
    assert rows[2][:4] == ["", "", "", "Opini atas laporan keuangan"]  # merged over its rows
    assert program.rows[2].continued == frozenset({0, 1, 2})
    kegiatan = view.tables["sasaran_kegiatan"]
    assert [r.cells[5] for r in kegiatan.rows] == ["12 Publikasi", "100%"]
    ro = view.tables["rincian_output"]
    assert [c.header for c in ro.columns] == [
        "No", "Kode", "Rincian Output", "Volume", "Satuan", "Anggaran (Rp)", "Lokasi Kegiatan",
    ]  # fmt: skip
    kinds = [r.kind for r in ro.rows]
    assert kinds == [GROUP, DATA, DATA, SUBTOTAL, GROUP, DATA, DATA, SUBTOTAL, TOTAL]
    assert ro.rows[0].cells[0] == "2897.BMA Data dan Informasi Publik"
    assert ro.rows[1].cells[:6] == [
        "1", "2897.BMA.004", "Publikasi/Laporan Statistik Daerah", "12", "Publikasi",
        "186.400.000",
    ]  # fmt: skip
    assert ro.rows[3].cells[5] == "284.400.000"
    assert ro.rows[-1].cells[5] == "4.535.150.000"
    assert ro.rows[-1].span == 5


def test_every_column_a_plan_carries_is_printed(tmp_path: Path) -> None:
    """Nothing dropped: each `kolom` header of a plan is a header of a printed table."""
    for plan in (PEMDA, KL, kpu_with_extras(tmp_path)):
        view = view_of(plan)
        hierarchy = hierarchy_of(Pipeline().validate(plan).plan)
        carried = {h for n in hierarchy.nodes() for h in n.extra}
        carried |= {h for _, use in hierarchy.indicator_uses() for h in use.indicator.extra}
        assert carried
        printed = set()
        for _, section in outline_for(view).sections():
            for block in section.blocks:
                if block.kind == "table":
                    printed |= {c.header for c in source(view, block.source).columns}
        assert carried <= printed, plan


def source(view: Any, name: str) -> TableView:
    from rktc.render.outline import source_value

    value = source_value(view, name)
    assert isinstance(value, TableView)
    return value


def kpu_with_extras(tmp_path: Path) -> Path:
    """The seed in format 2, a kegiatan with a column of its own, a sasaran with an IKU."""
    text = SEED.read_text(encoding="utf-8").replace("rktc: 1", "rktc: 2\njenis: kpu", 1)
    text = text.replace(
        "      - nama: Pengelolaan IT\n",
        "      - nama: Pengelolaan IT\n        kolom:\n          Keterangan: bagian umum\n",
        1,
    )
    text = text.replace(
        "    nama: Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal\n",
        "    nama: Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal\n"
        "    indikator:\n"
        "      - nama: Indeks kepuasan peserta pemilu\n"
        "        satuan: Indeks\n"
        '        target: "3,5"\n'
        "        kolom: {Catatan: survei akhir tahun}\n",
        1,
    )
    path = tmp_path / "kpu2.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_kpu_plan_of_format_2_shows_its_iku_and_its_own_columns(tmp_path: Path) -> None:
    view = view_of(kpu_with_extras(tmp_path))
    keys = [s.key for _, s in outline_for(view).sections()]
    assert "iku" in keys
    assert "indikator_tujuan" not in keys  # its tujuan have no indicators
    assert [c.header for c in view.rkt.columns][-1] == "Keterangan"
    row = next(r for r in view.rkt.rows if r.cells[2] == "Pengelolaan IT")
    assert row.cells[-1] == "bagian umum"
    assert [c.header for c in view.indikator.columns][-1] == "Anggaran (Rp)"  # not there
    iku = view.tables["iku"]
    assert iku.rows[0].cells[2:] == ["Indeks kepuasan peserta pemilu", "Indeks", "3,5",
                                     "survei akhir tahun"]  # fmt: skip


PUBLISHED_MATRIX = """\
rktc: 2
jenis: pemda
tahun: 2025
instansi: {nama: Kecamatan Contoh, kota: Contoh}
renstra: {periode: 2021-2026}
visi: {teks: Terwujudnya pelayanan prima}
misi: [Meningkatkan pelayanan]
tujuan: [Meningkatnya pelayanan publik]
penandatangan: {tempat: Contoh, tanggal: 6 Januari 2025, jabatan: Camat, nama: NAMA}
tabel:
  matriks:
    - kode: "7.01.01"
      uraian: PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA
      indikator: [Persentase dokumen tepat waktu, Nilai SAKIP]
      satuan: ["%", Predikat]
      target: ["100%", BB]
      pagu: 150.000.000
    - kode: "7.01.01.2.01.0001"
      tingkat: sub_kegiatan
      uraian: Penyusunan Dokumen Perencanaan Perangkat Daerah
      indikator: Jumlah dokumen perencanaan perangkat daerah
      satuan: Dokumen
      target: 2 Dokumen
      pagu: 150.000.000
      lokasi: Kecamatan Contoh
      sumber_dana: DAU
      kelompok_sasaran: Perangkat kecamatan
      kolom: {"Realisasi Capaian Tahun n-2": 2 Dokumen, Catatan: prioritas}
    - {uraian: Jumlah, jumlah: ya, pagu: 150.000.000}
"""


def test_a_published_matrix_prints_as_written_its_own_columns_where_they_belong(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PUBLISHED_MATRIX, encoding="utf-8")
    view = view_of(plan)
    renja = view.tables["renja"]
    headers = [c.header for c in renja.columns]
    assert headers.count("Realisasi Capaian Tahun n-2") == 1  # its own column fills SIPD's
    assert len(headers) == 17  # the plan's other columns are the RKT matrix's
    row = next(r for r in renja.rows if r.cells[1] == "7.01.01.2.01.0001")
    assert row.cells[headers.index("Realisasi Capaian Tahun n-2")] == "2 Dokumen"
    matrix = view.tables["matriks_rkt"]
    assert [c.header for c in matrix.columns][-2:] == ["Realisasi Capaian Tahun n-2", "Catatan"]
    assert [r.cells[6] for r in matrix.rows] == ["150.000.000", "150.000.000", "150.000.000"]
    assert matrix.rows[0].bold


# --- DOCX ---------------------------------------------------------------------------------------


def test_pemda_docx_parts_fonts_bold_rows_and_contents(pemda_docx: Path) -> None:
    document = docx.Document(str(pemda_docx))
    assert [s.orientation for s in document.sections] == [0, 0, 0, 1]
    body = document.element.body
    tables = body.findall(f"{W}tbl")
    matrix = tables[-2]
    style = matrix.find(f".//{W}tc/{W}p/{W}pPr/{W}pStyle").get(f"{W}val")
    assert style == "RKTTabel16"  # 8 pt
    renja = tables[-1]
    assert renja.find(f".//{W}pStyle").get(f"{W}val") == "RKTTabel12"  # 6 pt
    margin = renja.find(f"{W}tblPr/{W}tblCellMar/{W}left")
    assert margin.get(f"{W}w") == "48"
    rows = matrix.findall(f"{W}tr")
    first = rows[1]  # the first program: bold
    assert first.find(f".//{W}r/{W}rPr/{W}b") is not None
    leaf = next(r for r in rows if "7.01.01.2.01.0001" in xml_text(r))
    assert leaf.find(f".//{W}r/{W}rPr/{W}b") is None
    # two indicators in one cell: a line break between them
    paten = next(r for r in rows if "7.01.02.2.01.0003" in xml_text(r))
    indicator_cell = paten.findall(f"{W}tc")[3]
    assert len(indicator_cell.findall(f".//{W}br")) == 1
    # the total row: its label over six columns, then the pagu
    last = rows[-1].findall(f"{W}tc")
    assert last[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "6"
    assert xml_text(last[1]) == "1.390.500.000"
    # the Daftar Isi lists the layout's headings
    entries = [xml_text(link) for link in body.iter(f"{W}hyperlink")]
    view = view_of(PEMDA)
    assert entries == [e.text for e in outline_for(view).contents(view)]
    assert any(e.startswith("LAMPIRAN RENCANA PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN 2025")
               for e in entries)  # fmt: skip
    assert "B. Indikator Kinerja Utama dan Rencana Capaian" in entries


def xml_text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_pemda_xlsx_and_html_follow_the_layout(tmp_path: Path) -> None:
    out = tmp_path / "rkt.xlsx"
    build(PEMDA, out)
    with zipfile.ZipFile(out) as book:
        workbook = book.read("xl/workbook.xml").decode()
    sheets = re.findall(r'<sheet name="([^"]+)"', workbook)
    assert sheets[0] == "Identitas"
    assert len(sheets) == 1 + 5  # one per table of the printed outline
    html = tmp_path / "rkt.html"
    build(PEMDA, html)
    page = html.read_text(encoding="utf-8")
    assert '<tr data-source="program.0" class="bold" style="font-weight:bold">' in page
    assert "Jumlah layanan PATEN yang diselesaikan<br>Persentase layanan PATEN" in page
    assert 'style="font-size:6pt"' in page


# --- layout files -------------------------------------------------------------------------------


def test_a_layout_that_extends_pemda_changes_a_table_and_drops_a_section(tmp_path: Path) -> None:
    path = layout_file(
        tmp_path,
        """\
        extends: pemda
        nama: kantor-kami
        tabel:
          matriks_rkt:
            kolom:
              - {nama: kode, lebar: 15}
              - {nama: uraian, judul: Nomenklatur}
              - {nama: indikator, rata: tengah}
              - {nama: pagu, judul: "Pagu {year} (Rp)"}
              - kolom:Keterangan
            kolom_lain: tidak
            jumlah: Jumlah Pagu
          sendiri:
            sumber: matriks
            tingkat: [sub_kegiatan]
            kolom: [kode, program, kegiatan, uraian, lokasi]
        bagian:
          - kunci: satu
            lanskap: ya
            isi:
              - kunci: matriks
                judul: "MATRIKS {SHORT_NAME} {year}"
                isi:
                  - tabel: matriks_rkt
              - kunci: sub_kegiatan
                judul: SUB KEGIATAN
                isi:
                  - tabel: sendiri
        """,
    )
    out = tmp_path / "rkt.md"
    build(PEMDA, out, "--layout", str(path), "-f", "md")
    text = out.read_text(encoding="utf-8")
    assert "## MATRIKS KECAMATAN SUKAMAJU 2025" in text
    assert "| Kode |Nomenklatur |Indikator Kinerja |Pagu 2025 (Rp) |Keterangan |" in text
    assert "|---|---|:---:|---:|---|" in text
    assert "| **Jumlah Pagu** | | | **1.390.500.000** | |" in text
    assert "BAB I" not in text  # its own parts
    # leaves only, each under the names of its program and kegiatan, merged over the rows
    assert ("| 7.01.01.2.02.0001 | |Administrasi Keuangan Perangkat Daerah |"
            "Penyediaan Gaji dan Tunjangan ASN |Kecamatan Sukamaju |") in text  # fmt: skip


def test_a_matrix_may_print_a_row_per_indicator(tmp_path: Path) -> None:
    layout, found = read_layout_text(
        "extends: pemda\ntabel:\n  matriks_rkt:\n    baris_per_indikator: ya\n", "x.yaml"
    )
    assert found == []
    view = view_of(PEMDA, layout)
    matrix = view.tables["matriks_rkt"]
    rows = [r for r in matrix.rows if r.kind == DATA]
    i = next(k for k, r in enumerate(rows) if r.cells[1] == "7.01.02.2.01.0003")
    first, second = rows[i], rows[i + 1]
    assert first.cells[3:6] == [
        "Jumlah layanan PATEN yang diselesaikan",
        "Layanan",
        "6.500 Layanan",
    ]
    assert second.cells[3:6] == [
        "Persentase layanan PATEN yang sesuai standar pelayanan", "%", "80 - 90%",
    ]  # fmt: skip
    assert second.cells[:3] == ["", "", ""]
    assert {0, 1, 2, 6} <= second.continued  # the node's own cells merge over its rows
    assert 3 not in second.continued
    assert matrix.rows[-1].cells[6] == "1.390.500.000"


def test_layout_problems_have_codes_positions_and_suggestions(tmp_path: Path) -> None:
    assert UNKNOWN_CODE == "RKT015"  # documented in docs/rules.md and docs/layouts.md
    path = layout_file(
        tmp_path,
        """\
        extends: pemda
        tabel:
          matriks_rkt:
            kolom:
              - kode
              - indikatr
              - {nama: pagu, rata: kanann, lebar: lebar}
              - kolom: Keterangan
            jumlh: Jumlah
            ukuran_huruf: "30"
          renja:
            sumber: matrix
          baru:
            sumber: iku
            kolom: [sasaran, indikator]
            tingkat: [program]
        bagian_: []
        tanpa: [lampiran_renj]
        """,
    )
    layout, found = read_layout(path)
    assert layout is None
    got = [(d.location.line, d.location.column, d.code, d.message.key) for d in found]
    assert got == [
        (6, 9, UNKNOWN_CODE, "layout.column_not_in_source"),
        (7, 28, UNKNOWN_CODE, "layout.unknown_name"),
        (7, 43, "RKT013", "layout.bad_width"),
        (8, 9, "RKT012", "layout.unknown_key"),
        (9, 5, "RKT012", "layout.unknown_key"),
        (10, 19, "RKT013", "layout.bad_font_size"),
        (12, 13, UNKNOWN_CODE, "layout.unknown_name"),
        (16, 14, "RKT013", "layout.option_not_for_source"),
        (17, 1, "RKT012", "layout.unknown_key"),
        (18, 9, UNKNOWN_CODE, "layout.unknown_name"),
    ]
    hints = {(d.location.line, d.hint.key): dict(d.hint.params) for d in found if d.hint}
    assert hints[(6, "hint.schema.did_you_mean")] == {"suggestion": "indikator"}
    assert hints[(7, "hint.schema.did_you_mean")] == {"suggestion": "kanan"}
    assert (8, "hint.layout.column_spelling") in hints
    assert hints[(9, "hint.schema.did_you_mean")] == {"suggestion": "jumlah"}
    assert hints[(12, "hint.schema.did_you_mean")] == {"suggestion": "matriks"}
    assert hints[(17, "hint.schema.did_you_mean")] == {"suggestion": "bagian"}
    assert hints[(18, "hint.schema.did_you_mean")] == {"suggestion": "lampiran_renja"}
    for diag in found:  # every message renders in both languages
        assert diag.message.render("id") != diag.message.render("en")


def test_problems_of_a_whole_layout(tmp_path: Path) -> None:
    assert problems(tmp_path, "nama: kosong\n") == [(1, 1, "RKT011")]  # no parts
    assert problems(
        tmp_path,
        """\
        bagian:
          - isi:
              - kunci: a
                judul: "TAHUN {tahun}"
                isi: [sampul, tanda_tangn, {tabel: tidak_ada}, {teks: tidak_ada}]
              - kunci: a
                tingkat: "5"
                judul: x
              - kunci: c
                isi: [{paragraf: visi, daftar: misi}]
              - kunci: d
        extends: bpkp
        """,
    ) == [
        (4, 16, UNKNOWN_CODE),  # {tahun}: the fields are {year}, {SHORT_NAME}, {INSTITUTION}
        (5, 23, UNKNOWN_CODE),  # tanda_tangn
        (5, 44, UNKNOWN_CODE),  # tabel: no such table
        (5, 63, UNKNOWN_CODE),  # teks: no such text
        (6, 16, "RKT013"),  # the key a is used twice
        (7, 18, "RKT013"),  # heading level 5
        (9, 9, "RKT011"),  # a level-1 section without a heading
        (10, 15, "RKT010"),  # a block of two keys
        (11, 9, "RKT011"),  # a level-1 section without a heading
        (12, 10, UNKNOWN_CODE),  # extends: bpkp
    ]
    assert problems(
        tmp_path,
        """\
        bagian:
          - isi:
              - kunci: a
                judul: A
                isi: [{tabel: t}, {teks: tidak_ada}, {daftar: visi}]
                jika_ada: [lokasi]
        tabel:
          t: {sumber: rkt, kolom: [no, kegiatan]}
        """,
    ) == [
        (5, 34, UNKNOWN_CODE),  # teks: no such template
        (5, 55, UNKNOWN_CODE),  # daftar: visi is no list
        (6, 20, UNKNOWN_CODE),  # jika_ada: a column the section's tables do not have
    ]


def test_a_text_of_the_user_s_templates_may_be_shown(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "penutup.txt.j2").write_text("Demikian {{ instansi }}.", "utf-8")
    text = "bagian:\n  - isi:\n      - {kunci: p, judul: PENUTUP, isi: [{teks: penutup}]}\n"
    assert read_layout_text(text, "x.yaml")[0] is None
    assert read_layout_text(text, "x.yaml", tmp_path)[1] == []
    path = layout_file(tmp_path, text)
    out = tmp_path / "rkt.md"
    build(PEMDA, out, "--layout", str(path), "--templates", str(tmp_path), "-f", "md")
    assert "Demikian Kecamatan Sukamaju Kabupaten Lembah Harapan." in out.read_text("utf-8")


def test_the_cli_prints_a_layout_s_problems_and_refuses_to_build(tmp_path: Path) -> None:
    path = layout_file(tmp_path, "extends: pemda\ntabel:\n  iku:\n    kolom: [nomor]\n")
    out = tmp_path / "rkt.docx"
    result = runner.invoke(app, ["build", str(PEMDA), "-o", str(out), "--layout", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:13: {UNKNOWN_CODE}" in result.output
    assert not out.exists()
    unknown = runner.invoke(app, ["build", str(PEMDA), "-o", str(out), "--layout", "pemdaa"])
    assert unknown.exit_code == 2
    assert not out.exists()
    md = tmp_path / "rkt.md"
    named = runner.invoke(app, ["build", str(SEED), "-o", str(md), "--layout", "kl"])
    assert named.exit_code == 0, named.output


def test_every_source_and_column_is_documented() -> None:
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    for source_name, info in SOURCES.items():
        assert f"`{source_name}`" in text, source_name
        for column in info.columns:
            assert f"`{column}`" in text, (source_name, column)


def test_the_worked_example_of_the_docs_builds(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    example = text[text.index("```yaml\n# The RKT of Dinkes") + len("```yaml\n") :]
    example = example[: example.index("```")]
    path = layout_file(tmp_path, example, "dinkes-tata-letak.yaml")
    layout, found = read_layout(path)
    assert found == []
    view = view_of(PEMDA, layout)
    keys = [s.key for _, s in outline_for(view).sections()]
    assert "lampiran_renja" not in keys
    headers = [c.header for c in view.tables["matriks_rkt"].columns]
    assert headers[2:5] == ["Program", "Kegiatan", "Sub Kegiatan"]
    assert "Target 2025" in headers
    broken = path.read_text(encoding="utf-8").replace("nama: kegiatan,", "nama: kegiatn,")
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["build", str(PEMDA), "-o", str(tmp_path / "x.pdf"),
                                 "--layout", str(path)])  # fmt: skip
    position = re.search(r"dinkes-tata-letak\.yaml:(\d+:\d+): (RKT\d+)", text)
    assert position is not None
    assert f"{path}:{position[1]}: {position[2]}" in result.output


# --- LibreOffice ------------------------------------------------------------------------------------


@pytest.mark.parametrize("plan", [PEMDA, KL], ids=["pemda", "kl"])
def test_libreoffice_prints_every_code_indicator_target_and_amount(
    tmp_path: Path, plan: Path
) -> None:
    require_tools()
    out = tmp_path / "rkt.pdf"
    build(plan, out, "-f", "pdf")
    text = pdf_text(out)
    squeezed = text.replace(" ", "")
    hierarchy = hierarchy_of(Pipeline().validate(plan).plan)
    amounts = []
    for node in hierarchy.nodes():
        assert node.kode is not None
        assert node.kode in squeezed, node.kode
        for use in node.indicators:
            ind = use.indicator
            assert " ".join(ind.nama.split()).replace(" ", "") in squeezed, ind.nama
            assert ind.printed_target().replace(" ", "") in squeezed, ind.printed_target()
        amounts.append(node.anggaran or node.pagu)
    for amount in [a for a in amounts if a is not None] + [hierarchy.total()]:
        assert rupiah(Decimal(amount)) in text, amount
    sizes = page_sizes(out)
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    portrait = [i for i, (w, h) in enumerate(sizes) if w < h]
    assert landscape
    assert portrait
    assert min(landscape) > max(portrait)  # the matrices close the document
    pages = pages_text(out)
    matrix_pages = [
        i
        for i, page in enumerate(pages)
        if "RENCANA KINERJA TAHUNAN (RKT)" in page and "DAFTAR ISI" not in page
    ]
    assert matrix_pages
    assert all(i in landscape for i in matrix_pages)


def pages_text(path: Path) -> list[str]:
    import subprocess

    raw = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return raw.split("\f")[:-1]
