"""`rktc import` of other offices' documents: their front matter, and their tables' numbers.

Four kinds of office, each laying out its cover, signature block and chapter I its own way
and writing its numbers in its own dialect; the documents are built here with python-docx.
Each is compared field by field with the plan it must give; what a document does not hold
is written as "?" (or an empty list) with a note, never invented.
"""

from pathlib import Path
from typing import Any

import pytest
from helpers import make_document
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.importer.blocks import read_blocks
from rktc.importer.recognize import Imported, recognize
from rktc.importer.writer import to_yaml
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.load import load_file, load_text

HEADER = ["No", "Sasaran Strategis", "Kegiatan", "Indikator Kinerja", "Satuan", "Target", "Pagu"]


def unplaced(result: Imported) -> list[tuple[str, dict[str, Any]]]:
    """What the importer could not place, as message keys and fields."""
    return [(item.key, dict(item.params)) for item in result.unplaced]


def matrix(*rows: tuple[str, str]) -> list[list[str]]:
    """An RKT matrix whose rows carry the given (target, pagu) cells."""
    out = [HEADER]
    for i, (target, pagu) in enumerate(rows, start=1):
        out.append(
            [
                f"{i}.",
                "Meningkatnya kualitas layanan",
                f"Layanan Administrasi {i}",
                f"Persentase layanan tepat waktu {i}",
                "Satuan",
                target,
                pagu,
            ]
        )
    return out


KPU_KOTA = [
    "KOMISI PEMILIHAN UMUM KOTA CONTOH",
    "RKT 2025",
    "KATA PENGANTAR",
    "Dokumen ini menjabarkan Rencana Strategis 2025-2029 untuk satu tahun.",
    "Contoh, 10 Januari 2025",
    "Ketua",
    "Komisi Pemilihan Umum Kota Contoh",
    "Dr. Ir. SITI AMINAH, M.Si.",
    "BAB I",
    "VISI",
    "Terwujudnya penyelenggara pemilu yang mandiri dan berintegritas",
    "MISI",
    "a. Meningkatkan kualitas penyelenggaraan pemilu",
    "b. Mewujudkan tata kelola yang akuntabel",
    "TUJUAN",
    "\u2022 Meningkatnya partisipasi pemilih",
    "\u2022 Meningkatnya kualitas pelayanan publik",
    "BAB II",
    "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025",
    matrix(("97,5%", "1.250.000.000"), ("1.500 pemilih", "350.000.000")),
]

DINKES = [
    "PEMERINTAH KABUPATEN SUKAMAJU",
    "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025",
    "DINAS KESEHATAN",
    "KABUPATEN SUKAMAJU",
    "Jl. Merdeka No. 10 Sukamaju",
    "KATA PENGANTAR",
    "Rencana ini disusun berdasarkan Rencana Strategis 2021-2026.",
    "Sukamaju, 6 Januari 2025",
    "Plt. KEPALA DINAS KESEHATAN",
    "KABUPATEN SUKAMAJU,",
    "dr. H. AHMAD FAUZI, M.Kes.",
    "Pembina Utama Muda (IV/c)",
    "NIP. 19700101 199003 1 001",
    "BAB I",
    "VISI DAN MISI",
    "Visi: Sukamaju Sehat, Mandiri dan Berkeadilan",
    "Misi:",
    "1. Meningkatkan akses pelayanan kesehatan",
    "2. Meningkatkan mutu sumber daya kesehatan",
    "Tujuan : Meningkatnya derajat kesehatan masyarakat",
    "BAB II",
    matrix(("8.3 Nilai", "296187500"), ("100 %", "1250000"), ("90.79 %", "74930215")),
]

BPS = [
    "BADAN PUSAT STATISTIK KABUPATEN CONTOH",
    "RENCANA KINERJA TAHUNAN",
    "TAHUN ANGGARAN 2024",
    "KATA PENGANTAR",
    "Dokumen ini disusun berdasarkan Rencana Strategis 2020-2024.",
    "Contoh, Januari 2024",
    "Kepala Badan Pusat Statistik",
    "Kabupaten Contoh",
    "Budi Santoso, S.Si., M.E.",
    "NIP 197001011990031001",
    "BAB I",
    "A. Visi",
    "\u201cPenyedia Data Statistik Berkualitas untuk Indonesia Maju\u201d",
    "B. Misi",
    ("Menyediakan statistik berkualitas", "List Bullet"),
    ("Memperkuat pembinaan statistik sektoral", "List Bullet"),
    "C. Tujuan",
    "1) Meningkatnya kualitas data statistik",
    "BAB II",
    matrix(("97.5%", "14,271,302,000"), ("1,250 publikasi", "350,000,000")),
]

KECAMATAN = [  # no institution, year, signature, visi, misi or tujuan in the front matter
    "RENCANA KINERJA TAHUNAN",
    "KATA PENGANTAR",
    "Dokumen ini disusun berdasarkan Rencana Strategis 2021-2026.",
    "BAB I",
    "Bab ini menguraikan arah pembangunan kecamatan.",
    "BAB II",
    "RENCANA KINERJA TAHUNAN (RKT) KECAMATAN SUKAJAYA TAHUN 2025",
    matrix(("1.500 orang", "1500000"), ("2,500 dokumen", "2000000")),
]


def imported(tmp_path: Path, blocks: list[Any], dialect: str = "auto") -> Imported:
    return recognize(read_blocks(make_document(tmp_path / "doc.docx", blocks)), dialect)


def written(tmp_path: Path, blocks: list[Any], dialect: str = "auto") -> tuple[dict, str]:
    """The plan as written and read back (every value as text), and its YAML."""
    text = to_yaml(imported(tmp_path, blocks, dialect), "doc.docx")
    loaded = load_text(text, "doc.yaml")
    assert loaded.data is not None, text
    return loaded.data, text


def comment_on(text: str, value_line: str) -> str:
    line = next(line for line in text.split("\n") if line.strip().startswith(value_line))
    return line.partition("  # ")[2]


def targets(data: dict) -> list[tuple[str, str]]:
    return [(row["target"], row["anggaran"]) for row in data["tabel"]["rkt"]]


def report_keys(result: Imported) -> list[str]:
    return [message.key for message in result.report]


def test_kpu_office_rkt_title_with_the_year_and_a_visi_under_its_heading(tmp_path):
    data, text = written(tmp_path, KPU_KOTA)
    assert data["tahun"] == "2025"
    assert data["instansi"] == {"nama": "Komisi Pemilihan Umum Kota Contoh"}
    assert data["sampul"] == {
        "judul": "RKT",
        "instansi": "Komisi Pemilihan Umum Kota Contoh",
        "tahun": "2025",
    }
    assert data["penandatangan"] == {
        "tempat": "Contoh",
        "tanggal": "10 Januari 2025",
        "jabatan": "Ketua",
        "instansi": "Komisi Pemilihan Umum Kota Contoh",
        "nama": "Dr. Ir. SITI AMINAH, M.Si.",  # elected: no NIP, none invented
    }
    assert data["visi"] == {
        "teks": "Terwujudnya penyelenggara pemilu yang mandiri dan berintegritas"
    }
    assert comment_on(text, "teks:")  # taken from under the heading: the planner is told
    assert data["misi"] == [
        "Meningkatkan kualitas penyelenggaraan pemilu",
        "Mewujudkan tata kelola yang akuntabel",
    ]
    assert data["tujuan"] == [
        "Meningkatnya partisipasi pemilih",
        "Meningkatnya kualitas pelayanan publik",
    ]
    assert data["renstra"] == {"periode": "2025-2029"}
    # Indonesian: the amounts say so, and then 1.500 is one thousand five hundred
    assert targets(data) == [("97,5%", "1.250.000.000"), ("1.500 pemilih", "350.000.000")]
    assert report_keys(imported(tmp_path, KPU_KOTA)) == ["import.dialect_id"]


def test_dinas_kesehatan_cover_year_plt_signer_pangkat_and_inline_visi(tmp_path):
    result = imported(tmp_path, DINKES)
    data, text = written(tmp_path, DINKES)
    assert data["tahun"] == "2025"
    assert data["instansi"] == {
        "nama": "Dinas Kesehatan Kabupaten Sukamaju",
        "induk": "Pemerintah Kabupaten Sukamaju",
    }
    assert data["sampul"]["tahun"] == "2025"
    assert data["sampul"]["instansi"] == "Dinas Kesehatan Kabupaten Sukamaju"
    assert data["penandatangan"] == {
        "tempat": "Sukamaju",
        "tanggal": "6 Januari 2025",
        "jabatan": "Plt. KEPALA DINAS KESEHATAN KABUPATEN SUKAMAJU",
        "nama": "dr. H. AHMAD FAUZI, M.Kes.",
        "pangkat": "Pembina Utama Muda (IV/c)",  # the signer's pangkat, in no other field
        "nip": "19700101 199003 1 001",
    }
    assert "import.unplaced_pangkat" not in [key for key, _ in unplaced(result)]
    assert data["visi"] == {"teks": "Sukamaju Sehat, Mandiri dan Berkeadilan"}
    assert data["misi"] == [
        "Meningkatkan akses pelayanan kesehatan",
        "Meningkatkan mutu sumber daya kesehatan",
    ]
    assert data["tujuan"] == ["Meningkatnya derajat kesehatan masyarakat"]
    # SIPD: dot decimals, plain-digit money, "100 %"
    assert targets(data) == [
        ("8,3 Nilai", "296187500"),
        ("100 %", "1250000"),
        ("90,79 %", "74930215"),
    ]
    assert comment_on(text, "target: 8,3 Nilai") == "printed '8.3 Nilai'; read in the SIPD spelling"
    assert report_keys(result) == ["import.dialect_sipd", "import.dialect_converted"]
    [sipd, converted] = [dict(m.params) for m in result.report]
    assert sipd["count"] == 2
    assert dict(converted)["count"] == 2


def test_bps_office_tahun_anggaran_signer_with_degrees_and_list_styles(tmp_path):
    result = imported(tmp_path, BPS)
    data, _ = written(tmp_path, BPS)
    assert data["tahun"] == "2024"
    assert data["instansi"] == {"nama": "Badan Pusat Statistik Kabupaten Contoh"}
    assert data["penandatangan"] == {
        "tempat": "Contoh",
        "tanggal": "Januari 2024",
        "jabatan": "Kepala Badan Pusat Statistik Kabupaten Contoh",
        "nama": "Budi Santoso, S.Si., M.E.",
        "nip": "197001011990031001",
    }
    assert data["visi"] == {"teks": "Penyedia Data Statistik Berkualitas untuk Indonesia Maju"}
    assert data["misi"] == [
        "Menyediakan statistik berkualitas",
        "Memperkuat pembinaan statistik sektoral",
    ]
    assert data["tujuan"] == ["Meningkatnya kualitas data statistik"]
    # English: comma grouping and dot decimals; 1,250 is then one thousand two hundred fifty
    assert targets(data) == [("97,5%", "14.271.302.000"), ("1.250 publikasi", "350.000.000")]
    assert report_keys(result) == ["import.dialect_en", "import.dialect_converted"]


def test_missing_front_matter_is_marked_and_an_ambiguous_table_is_not_guessed(tmp_path):
    result = imported(tmp_path, KECAMATAN)
    data, text = written(tmp_path, KECAMATAN)
    assert data["tahun"] == "2025"  # the matrix's title: the only year the document states
    assert "not on the cover" in comment_on(text, "tahun:")
    assert data["instansi"] == {"nama": "?"}
    assert data["penandatangan"] == {"tempat": "?", "tanggal": "?", "nama": "?"}
    assert data["visi"] == {"teks": "?"}
    assert data["misi"] == []
    assert data["tujuan"] == []
    for path in [
        ("instansi", "nama"),
        ("penandatangan",),
        ("visi", "teks"),
        ("misi",),
        ("tujuan",),
    ]:
        assert path in result.notes, path
    # 1.500 and 2,500 can each be read two ways; nothing in the table says which
    assert targets(data) == [("1.500 orang", "1500000"), ("2,500 dokumen", "2000000")]
    assert "two ways" in comment_on(text, "target: 1.500 orang")
    assert "two ways" in comment_on(text, "target: 2,500 dokumen")
    assert report_keys(result) == ["import.dialect_none", "import.dialect_ambiguous"]
    assert dict(result.report[1].params)["count"] == 2
    # the placeholders are findings of validation, positioned, not a crash
    compiled = Pipeline().validate_bytes(text.encode("utf-8"), "doc.yaml")
    assert compiled.diagnostics


def test_a_cover_without_the_year_on_it_and_without_a_title(tmp_path):
    blocks = ["KANTOR KECAMATAN SUKAJAYA", "KABUPATEN SUKAMAJU", *KECAMATAN[1:6]]
    data, text = written(tmp_path, blocks)
    assert data["instansi"] == {"nama": "Kantor Kecamatan Sukajaya Kabupaten Sukamaju"}
    assert data["tahun"] == "?"
    assert comment_on(text, "tahun:")


@pytest.mark.parametrize(
    ("dialect", "expected", "keys"),
    [
        (
            "en",
            [("1,500 orang", "1500000"), ("2.500 dokumen", "2000000")],
            ["import.dialect_chosen", "import.dialect_converted"],
        ),
        (
            "id",
            [("1.500 orang", "1500000"), ("2,500 dokumen", "2000000")],
            ["import.dialect_chosen"],
        ),
    ],
)
def test_the_dialect_option_decides_the_values_the_table_leaves_open(
    tmp_path, dialect, expected, keys
):
    result = imported(tmp_path, KECAMATAN, dialect)
    data, _ = written(tmp_path, KECAMATAN, dialect)
    assert targets(data) == expected
    assert report_keys(result) == keys


def test_a_chosen_dialect_does_not_rewrite_what_it_cannot_read(tmp_path):
    result = imported(tmp_path, DINKES, "id")
    data, text = written(tmp_path, DINKES, "id")
    assert targets(data)[0] == ("8.3 Nilai", "296187500")  # kept as printed, and marked
    assert "not in the Indonesian spelling" in comment_on(text, "target: 8.3 Nilai")
    assert report_keys(result) == ["import.dialect_chosen", "import.dialect_foreign"]


def test_the_import_command_reports_each_table_and_takes_the_option(tmp_path):
    source = make_document(tmp_path / "bps.docx", BPS)
    out = tmp_path / "bps.yaml"
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(source), "-o", str(out), "--lang", "en"])
    assert "Traceback" not in result.output
    assert "rkt table (table 1)" in result.output  # the decision, from the catalog
    indonesian = runner.invoke(
        app, ["import", str(source), "-o", str(out), "--force", "--lang", "id"]
    )
    assert "tabel rkt (tabel ke-1)" in indonesian.output
    header = out.read_text(encoding="utf-8").split("\nrktc: 2\n")[0]
    assert "tabel rkt (tabel ke-1)" in header  # and in the plan's header, in --lang
    assert load_file(out).data["tabel"]["rkt"][0]["anggaran"] == "14.271.302.000"
    bad = runner.invoke(app, ["import", str(source), "-o", str(out), "--dialect", "fr"])
    assert bad.exit_code == 2
    forced = runner.invoke(
        app, ["import", str(source), "-o", str(out), "--force", "--dialect", "en"]
    )
    assert forced.exit_code in (0, 1), forced.output


KECAMATAN_SIGNED = [
    "TAHUN 2025",
    "RENCANA KINERJA TAHUNAN",
    "KECAMATAN SUKAJAYA",
    "KABUPATEN SUKAMAJU",
    "LEMBAR PENGESAHAN",
    "Ditetapkan di : Sukajaya",
    "pada tanggal : 2 Januari 2025",
    "CAMAT SUKAJAYA,",
    "Drs. RAHMAT HIDAYAT, M.Si",
    "Penata Tk. I (III/d)",
    "NIP : 19750505 200003 1 002",
    "KATA PENGANTAR",
    "Rencana ini menjabarkan Rencana Strategis 2021-2026.",
    "BAB I",
    "Visi",
    '"Sukajaya Maju dan Sejahtera"',
    "Misi: 1) Meningkatkan pelayanan publik; 2) Memperkuat ketertiban umum",
    "Tujuan",
    "- Meningkatnya kualitas pelayanan administrasi",
    "BAB II",
    matrix(("100%", "150.000.000")),
]


def test_kecamatan_signed_on_a_lembar_pengesahan_with_ditetapkan_di(tmp_path):
    result = imported(tmp_path, KECAMATAN_SIGNED)
    data, _ = written(tmp_path, KECAMATAN_SIGNED)
    assert data["tahun"] == "2025"  # above the title
    assert data["instansi"] == {"nama": "Kecamatan Sukajaya Kabupaten Sukamaju"}
    assert data["penandatangan"] == {
        "tempat": "Sukajaya",
        "tanggal": "2 Januari 2025",
        "jabatan": "CAMAT SUKAJAYA",
        "nama": "Drs. RAHMAT HIDAYAT, M.Si",
        "pangkat": "Penata Tk. I (III/d)",
        "nip": "19750505 200003 1 002",
    }
    assert "import.unplaced_pangkat" not in [key for key, _ in unplaced(result)]
    assert data["kata_pengantar"] == "Rencana ini menjabarkan Rencana Strategis 2021-2026."
    assert data["visi"] == {"teks": "Sukajaya Maju dan Sejahtera"}
    assert data["misi"] == ["Meningkatkan pelayanan publik", "Memperkuat ketertiban umum"]
    assert data["tujuan"] == ["Meningkatnya kualitas pelayanan administrasi"]


def test_words_around_a_signature_are_not_taken_for_the_name(tmp_path):
    blocks = [*KPU_KOTA[:5], "Mengetahui,", *KPU_KOTA[5:]]
    result = imported(tmp_path, blocks)
    assert result.data["penandatangan"]["nama"] == "Dr. Ir. SITI AMINAH, M.Si."
    assert result.data["penandatangan"]["jabatan"] == "Ketua"
    assert ("import.unplaced_signature_line", {"text": "Mengetahui,"}) in unplaced(result)
