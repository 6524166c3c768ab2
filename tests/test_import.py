"""`rktc import`: Word and text documents into plans, in the published or single-source form."""

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from helpers import PLANS, ROOT
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.errors import RktcError
from rktc.core.messages import Message
from rktc.core.messages import text as catalog_text
from rktc.importer.blocks import read_blocks
from rktc.importer.run import import_document
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.load import load_file

runner = CliRunner()
SEED = Path(__file__).parent / "fixtures" / "seed" / "kpu-oku-2023.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "000_fcde3df4135d9193.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run_import(*args):
    return runner.invoke(app, ["import", *map(str, args), "--lang", "en"])


def seed_path() -> Path:
    return SEED


def test_fixture_matches_the_shared_seed():
    if not SHARED_SEED.is_file():
        pytest.skip("../shared/seed is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def semantic_rows(path: Path, kind: str):
    compiled = Pipeline().validate(path)
    assert compiled.document is not None, [str(d.message) for d in compiled.diagnostics]
    table = compiled.document.table(kind)
    assert table is not None
    return [
        (
            r.no,
            r.sasaran,
            r.kegiatan,
            r.indikator,
            r.satuan,
            (r.target.value, r.target.unit.casefold()) if r.target else None,
            r.anggaran,
        )
        for r in table.all_rows()
    ]


def test_seed_text_gives_the_published_transcription(tmp_path):
    out = tmp_path / "seed.yaml"
    result = run_import(seed_path(), "-o", out)
    assert result.exit_code == 1  # imported; the checker finds the document's contradictions
    assert "RKT201" in result.output
    imported = load_file(out).data
    published = load_file(PLANS / "published" / "kpu-oku-2023.yaml").data
    assert imported["tabel"] == published["tabel"]
    assert imported["visi"] == published["visi"]
    assert imported["tahun"] == published["tahun"]
    assert imported["penandatangan"] == published["penandatangan"]
    assert imported["sampul"] == published["sampul"]
    assert imported["instansi"]["nama"] == published["instansi"]["nama"]
    assert imported["renstra"]["periode"] == published["renstra"]["periode"]
    assert imported["misi"] == []  # lost in the text export: reported, not invented
    text = out.read_text(encoding="utf-8")
    assert "KPU OGAN KOMERING ULU" in text  # the unplaced page header is listed, not dropped


def test_round_trip_of_a_single_source_plan(tmp_path):
    built = tmp_path / "rkt.docx"
    assert (
        runner.invoke(app, ["build", str(PLANS / "kpu-oku-2023.yaml"), "-o", str(built)]).exit_code
        == 0
    )
    imported = tmp_path / "back.yaml"
    result = run_import(built, "-o", imported)
    assert "Traceback" not in result.output
    original = semantic_rows(PLANS / "kpu-oku-2023.yaml", "rkt")
    assert semantic_rows(imported, "rkt") == original
    assert semantic_rows(imported, "apbn") == semantic_rows(PLANS / "kpu-oku-2023.yaml", "apbn")
    data = load_file(imported).data
    assert data["misi"] == load_file(PLANS / "kpu-oku-2023.yaml").data["misi"]
    assert data["penandatangan"]["jabatan"] == "Ketua"


def test_round_trip_of_the_published_plan(tmp_path):
    source = PLANS / "published" / "kpu-oku-2023.yaml"
    built = tmp_path / "pub.docx"
    assert runner.invoke(app, ["build", str(source), "-o", str(built), "--force"]).exit_code == 0
    imported = tmp_path / "back.yaml"
    run_import(built, "-o", imported)
    for kind in ("indikator", "rkt", "apbn", "program"):
        assert semantic_rows(imported, kind) == semantic_rows(source, kind), kind


def test_single_source_from_the_seed(tmp_path):
    out = tmp_path / "single.yaml"
    result = run_import(seed_path(), "-o", out, "--single-source")
    assert "Traceback" not in result.output
    compiled = Pipeline().validate(out)
    assert compiled.well_formed
    assert compiled.plan is not None
    assert not compiled.plan.tabel
    text = out.read_text(encoding="utf-8")
    assert "CONFLICT: 97% (" in text
    assert "93% (BAB II C" in text
    _, report = import_document(seed_path(), True)
    messages = [item for item in report if isinstance(item, Message)]
    assert messages == report  # every item in the catalog, in both languages
    printed = result.output.splitlines()
    assert [item for item in messages if "  " + item.render("en") not in printed] == []
    assert [item for item in messages if item.key.startswith("import.unplaced_")]
    indicators = [e for p in compiled.plan.program for k in p.kegiatan for e in k.indikator]
    assert len(indicators) == 12
    # what the importer noted while reading the document survives the merge
    cover_line = next(line for line in text.splitlines() if line.startswith("  nama: "))
    assert cover_line.endswith("# from the cover; check capitalisation")
    assert "rows split by a page break were joined" in text
    assert text.startswith("# Imported by `rktc import` from kpu-oku-2023.txt, in the single-")


def test_single_source_from_a_published_plan(tmp_path):
    out = tmp_path / "single.yaml"
    result = run_import(PLANS / "published" / "kpu-oku-2023.yaml", "-o", out, "--single-source")
    assert "Traceback" not in result.output
    assert Pipeline().validate(out).well_formed
    assert run_import(PLANS / "published" / "kpu-oku-2023.yaml", "-o", out).exit_code == 2


# --- other agencies' documents, built here with python-docx ----------------------------------


def merge_down(table, column: int, first: int, last: int) -> None:
    for r in range(first, last + 1):
        tc = table.rows[r].cells[column]._tc
        pr = tc.get_or_add_tcPr()
        value = ' w:val="restart"' if r == first else ""
        pr.append(parse_xml(f'<w:vMerge xmlns:w="{W}"{value}/>'))
        if r > first:
            for p in tc.findall(f"{{{W}}}p"):
                for child in list(p):
                    p.remove(child)


def agency_document(path: Path, *, split: bool = False) -> None:
    document = docx.Document()
    for line in (
        "BADAN PUSAT STATISTIK",
        "KABUPATEN CONTOH",
        "RENCANA KINERJA TAHUNAN",
        "BADAN PUSAT STATISTIK KABUPATEN CONTOH",
        "TAHUN 2024",
    ):
        document.add_paragraph(line)
    document.add_paragraph("KATA PENGANTAR")
    document.add_paragraph("Dokumen ini disusun berdasarkan Rencana Strategis 2020-2024.")
    document.add_paragraph("Contoh, 15 Januari 2024")
    document.add_paragraph("Kepala Badan Pusat Statistik Kabupaten Contoh")
    document.add_paragraph("BUDI SANTOSO")
    document.add_paragraph("NIP. 19700101 199001 1 001")
    document.add_paragraph("BAB I")
    document.add_paragraph("Visi")
    document.add_paragraph("\u201cPenyedia Data Statistik Berkualitas untuk Indonesia Maju\u201d")
    document.add_paragraph("Misi")
    document.add_paragraph("1. Menyediakan statistik berkualitas")
    document.add_paragraph("2. Memperkuat pembinaan statistik sektoral")
    document.add_paragraph("Tujuan")
    document.add_paragraph("1. Meningkatnya kualitas data statistik")
    document.add_paragraph("BAB II")
    document.add_paragraph("RENCANA KINERJA TAHUNAN (RKT) TAHUN 2024")
    header = [
        "Indikator Kinerja Utama",
        "Target Kinerja",
        "Sat.",
        "Kegiatan",
        "Pagu (Rp)",
        "Sasaran",
        "No.",
        "Keterangan",
    ]
    rows = [
        [
            "Persentase publikasi tepat waktu",
            "100%",
            "Publikasi",
            "Penyediaan Data",
            "1.250.000.000",
            "Meningkatnya kualitas data",
            "1.",
            "prioritas",
        ],
        [
            "Jumlah survei yang dilaksanakan",
            "12 survei",
            "Survei",
            "Penyediaan Data",
            "",
            "Meningkatnya kualitas data",
            "2.",
            "",
        ],
        [
            "Indeks kepuasan konsumen data",
            "4,2",
            "Indeks",
            "Layanan Data",
            "350.000.000",
            "Meningkatnya kepuasan pengguna data",
            "3.",
            "",
        ],
    ]
    chunks = [rows[:2], rows[2:]] if split else [rows]
    for chunk in chunks:
        table = document.add_table(rows=1 + len(chunk), cols=len(header))
        for c, text in enumerate(header):
            table.rows[0].cells[c].text = text
        for r, row in enumerate(chunk, start=1):
            for c, text in enumerate(row):
                table.rows[r].cells[c].text = text
        if not split:
            merge_down(table, 3, 1, 2)  # the kegiatan spans its two indicators
            merge_down(table, 4, 1, 2)
    document.save(str(path))


@pytest.mark.parametrize("split", [False, True])
def test_other_agency_document(tmp_path, split):
    source = tmp_path / "bps.docx"
    agency_document(source, split=split)
    out = tmp_path / "bps.yaml"
    result = run_import(source, "-o", out)
    assert "Traceback" not in result.output, result.output
    data = load_file(out).data
    assert data["tahun"] == "2024"
    assert data["instansi"]["nama"] == "Badan Pusat Statistik Kabupaten Contoh"
    assert data["penandatangan"]["nama"] == "BUDI SANTOSO"
    assert data["penandatangan"]["nip"] == "19700101 199001 1 001"
    assert data["penandatangan"]["jabatan"].startswith("Kepala")
    assert data["misi"] == [
        "Menyediakan statistik berkualitas",
        "Memperkuat pembinaan statistik sektoral",
    ]
    rows = data["tabel"]["rkt"]
    assert [r["no"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["indikator"] == "Persentase publikasi tepat waktu"
    assert rows[0]["anggaran"] == "1.250.000.000"
    assert rows[1]["kegiatan"] == "Penyediaan Data"
    assert "anggaran" not in rows[1]  # a merged amount counts once
    assert rows[2]["target"] == "4,2"
    assert "Keterangan" in out.read_text(encoding="utf-8")  # the extra column is reported
    assert Pipeline().validate(out).well_formed


def test_import_refuses_what_it_cannot_read(tmp_path):
    junk = tmp_path / "x.docx"
    junk.write_bytes(b"not a zip")
    assert run_import(junk, "-o", tmp_path / "x.yaml").exit_code == 1
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF-1.4")
    assert run_import(other, "-o", tmp_path / "y.yaml").exit_code == 1
    assert run_import(tmp_path / "missing.docx").exit_code == 2
    existing = tmp_path / "exists.yaml"
    existing.write_text("x", encoding="utf-8")
    assert run_import(seed_path(), "-o", existing).exit_code == 2


def test_single_source_without_an_apbn_matrix_takes_programs_from_bab_ii_c(tmp_path):
    text = (PLANS / "published" / "kpu-oku-2023.yaml").read_text(encoding="utf-8")
    without_apbn = (
        text[: text.index("  # Matriks Program dan Rencana Kerja Kegiatan")]
        + text[text.index("penandatangan:") :]
    )
    source = tmp_path / "no-apbn.yaml"
    source.write_text(without_apbn, encoding="utf-8")
    out = tmp_path / "single.yaml"
    result = run_import(source, "-o", out, "--single-source")
    assert "Traceback" not in result.output
    compiled = Pipeline().validate(out)
    assert compiled.plan is not None
    programs = [p.nama for p in compiled.plan.program]
    assert programs[0] == "Program Penyelenggaraan Pemilu Dalam Proses Konsolidasi Demokrasi"
    assert "Program Dukungan" in programs


# --- a .docx that is not a whole Word file -----------------------------------------------------


def broken_docx(path: Path, how: str) -> Path:
    """A file named .docx that Word did not write whole, in one of the ways found in the wild."""
    whole = path.with_name("whole.docx")
    document = docx.Document()
    document.add_paragraph("RENCANA KERJA TAHUNAN")
    document.save(str(whole))
    data = whole.read_bytes()
    if how == "text":  # a text file renamed .docx
        path.write_text("RENCANA KERJA TAHUNAN 2024\n", encoding="utf-8")
    elif how == "old-doc":  # a Word 97-2003 file renamed .docx: an OLE compound file
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":  # a download cut off halfway
        path.write_bytes(data[: len(data) // 2])
    elif how in ("no-document", "no-content-types", "bad-xml", "corrupt-member", "workbook"):
        with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
            for item in source.infolist():
                content = source.read(item)
                if how == "no-document" and item.filename == "word/document.xml":
                    continue
                if how == "no-content-types" and item.filename == "[Content_Types].xml":
                    continue
                if how == "bad-xml" and item.filename == "word/document.xml":
                    content = content[: len(content) // 2]
                if how == "workbook" and item.filename == "[Content_Types].xml":
                    content = content.replace(
                        b"wordprocessingml.document.main", b"spreadsheetml.sheet.main"
                    )
                target.writestr(item, content)
        if how == "corrupt-member":  # bytes flipped inside the deflated document part
            raw = bytearray(path.read_bytes())
            with zipfile.ZipFile(path) as package:
                info = package.getinfo("word/document.xml")
            start = info.header_offset + 30 + len(info.filename) + len(info.extra)
            for i in range(start + 20, start + min(info.compress_size, 400)):
                raw[i] ^= 0x5A
            path.write_bytes(bytes(raw))
    else:
        raise ValueError(how)
    return path


BROKEN_DOCX = {
    "text": "not_docx",
    "old-doc": "not_docx",
    "empty": "not_docx",
    "workbook": "not_docx",
    "truncated": "damaged",
    "bad-xml": "damaged",
    "corrupt-member": "damaged",
    "no-document": "incomplete",
    "no-content-types": "incomplete",
}


@pytest.mark.parametrize("how", BROKEN_DOCX)
def test_a_broken_docx_is_refused_with_what_is_wrong(tmp_path, how):
    source = broken_docx(tmp_path / "rkt.docx", how)
    with pytest.raises(RktcError) as raised:
        read_blocks(source)
    assert raised.value.message.key == f"import.docx_{BROKEN_DOCX[how]}"
    assert dict(raised.value.message.params)["path"] == str(source)
    result = run_import(source, "-o", tmp_path / "rkt.yaml")
    assert result.exit_code == 1  # bad input, as any other file import cannot read
    assert result.output.strip() == "rktc: " + raised.value.message.render("en")
    assert not (tmp_path / "rkt.yaml").exists()


def test_a_docx_missing_its_document_part_names_the_part(tmp_path):
    source = broken_docx(tmp_path / "rkt.docx", "no-document")
    with pytest.raises(RktcError) as raised:
        read_blocks(source)
    assert dict(raised.value.message.params)["part"] == "word/document.xml"


def test_the_plan_s_header_follows_the_reader_s_language(tmp_path):
    _, report = import_document(seed_path(), False)
    messages = [item for item in report if isinstance(item, Message)]
    assert messages
    for lang, other in (("id", "en"), ("en", "id")):
        out = tmp_path / f"{lang}.yaml"
        result = runner.invoke(app, ["import", str(seed_path()), "-o", str(out), "--lang", lang])
        assert "Traceback" not in result.output
        header = [line for line in out.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
        assert "# " + catalog_text("import.header_unplaced", lang) in header
        assert "# " + catalog_text("import.header_report", lang) in header
        assert [m for m in messages if f"#   - {m.render(lang)}" not in header] == []
        assert [m for m in messages if f"#   - {m.render(other)}" in header] == []
        wanted = catalog_text("import.header_published", lang, source=seed_path().name)
        assert " ".join(line[2:] for line in header[:4]).startswith(wanted[:60])


def test_the_totals_printed_under_the_kpu_tables_are_kept_and_checked(tmp_path):
    # a document rktc built prints "Jumlah Program ..." under each program of the APBN
    # matrix and "Jumlah" under the tables: imported, each is kept where it was printed
    built = tmp_path / "rkt.docx"
    result = runner.invoke(app, ["build", str(PLANS / "kpu-oku-2023.yaml"), "-o", str(built)])
    assert result.exit_code == 0, result.output
    plan = tmp_path / "rkt.yaml"
    result = run_import(built, "-o", plan)
    assert "Traceback" not in result.output
    data = load_file(plan).data
    tabel = data["tabel"]
    assert set(tabel["jumlah"]) >= {"rkt", "apbn"}
    assert all("jumlah" in group for group in tabel["apbn"])
    assert "RKT305" not in result.output  # they add up
    assert not [line for line in result.output.splitlines() if "total row(s)" in line]
    # written after the tables they total, as printed
    text = plan.read_text(encoding="utf-8")
    assert text.index("\n  jumlah:\n") > text.index("\n  apbn:\n")
    # a total that does not add up is found where it is written
    stated = tabel["jumlah"]["apbn"]
    wrong = text.replace(f"\n    apbn: {stated}\n", "\n    apbn: 1.000\n", 1)
    assert wrong != text
    plan.write_text(wrong, encoding="utf-8")
    found = Pipeline().validate(plan).diagnostics
    [total] = [d for d in found if d.code == "RKT305"]
    line = next(i for i, row in enumerate(wrong.splitlines(), 1) if row == "    apbn: 1.000")
    assert (total.location.line, total.location.column) == (line, 11)


def test_the_single_source_form_names_the_totals_it_has_no_place_for(tmp_path):
    built = tmp_path / "rkt.docx"
    result = runner.invoke(app, ["build", str(PLANS / "kpu-oku-2023.yaml"), "-o", str(built)])
    assert result.exit_code == 0, result.output
    _, report = import_document(built, True)
    totals = {
        dict(m.params)["kind"]: dict(m.params)["count"]
        for m in report
        if isinstance(m, Message) and m.key == "import.unplaced_totals"
    }
    assert totals == {"rkt": 1, "apbn": 3}  # two programs' totals and the table's
