"""`rktc import` recognises each table by what it holds, not by where it stands.

Offices print the same tables in another order, under captions that say something else
or nothing, with one or two header rows (merged cells), with columns in any order, or
with no header row at all. The header's words and the cells' contents (row numbers,
rupiah amounts, targets with %, short satuan words, indicator and sasaran wording) are
scored per table; a table that cannot be recognised with confidence is reported in both
languages, never dropped in silence or guessed. The documents are built here with
python-docx.
"""

from pathlib import Path
from typing import Any

import docx
import pytest
from helpers import make_document
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.messages import Message
from rktc.importer.blocks import read_blocks
from rktc.importer.recognize import Imported, recognize
from rktc.importer.run import import_document
from rktc.plan.load import load_file

FRONT = [
    "RENCANA KINERJA TAHUNAN",
    "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN CONTOH",
    "TAHUN 2024",
    "KATA PENGANTAR",
    "Dokumen ini disusun berdasarkan Rencana Strategis 2021-2026.",
    "Contoh, 8 Januari 2024",
    "Kepala Dinas Komunikasi dan Informatika Kabupaten Contoh",
    "RINA WATI",
    "NIP. 19800101 200501 2 001",
    "BAB I",
    "Visi",
    "\u201cContoh yang Terhubung dan Terbuka\u201d",
    "Misi",
    "1. Meningkatkan layanan informasi publik",
    "Tujuan",
    "1. Meningkatnya keterbukaan informasi",
    "BAB II",
]

INDIKATOR_HEADER = ["No", "Indikator Kinerja", "Satuan", "Target", "Anggaran (Rp)"]
INDIKATOR_ROWS = [
    [
        "1",
        "Persentase layanan informasi publik yang diselesaikan",
        "Persen",
        "95%",
        "1.250.000.000",
    ],
    [
        "2",
        "Jumlah aplikasi layanan publik yang terintegrasi",
        "Aplikasi",
        "12 aplikasi",
        "875.500.000",
    ],
    ["3", "Indeks kepuasan masyarakat atas layanan informasi", "Indeks", "3,6", "120.000.000"],
]
MATRIX_HEADER = [
    "No",
    "Sasaran Strategis",
    "Kegiatan",
    "Indikator Kinerja",
    "Satuan",
    "Target",
    "Anggaran (Rp)",
]
MATRIX_ROWS = [
    [
        "1",
        "Meningkatnya keterbukaan informasi publik",
        "Pengelolaan Informasi dan Komunikasi Publik",
        "Persentase layanan informasi publik yang diselesaikan",
        "Persen",
        "95%",
        "1.250.000.000",
    ],
    [
        "2",
        "Meningkatnya kualitas layanan pemerintahan berbasis elektronik",
        "Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik",
        "Jumlah aplikasi layanan publik yang terintegrasi",
        "Aplikasi",
        "12 aplikasi",
        "875.500.000",
    ],
    [
        "3",
        "Meningkatnya kepuasan masyarakat",
        "Layanan Pengaduan Masyarakat",
        "Indeks kepuasan masyarakat atas layanan informasi",
        "Indeks",
        "3,6",
        "120.000.000",
    ],
]
RKT_TITLE = "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2024"
APBN_TITLE = "PROGRAM DAN RENCANA KERJA KEGIATAN BERDASARKAN APBN TAHUN 2024"
PROGRAM_ROW = ["Program Informasi dan Komunikasi Publik", "", "", "", "", "", ""]


def indikator_fields(rows: list[list[str]]) -> list[dict[str, Any]]:
    keys = ("no", "indikator", "satuan", "target", "anggaran")
    return [{k: (int(v) if k == "no" else v) for k, v in zip(keys, r, strict=True)} for r in rows]


def matrix_fields(rows: list[list[str]]) -> list[dict[str, Any]]:
    keys = ("no", "sasaran", "kegiatan", "indikator", "satuan", "target", "anggaran")
    return [{k: (int(v) if k == "no" else v) for k, v in zip(keys, r, strict=True)} for r in rows]


def recognized(tmp_path: Path, blocks: list[Any], name: str = "doc.docx") -> Imported:
    return recognize(read_blocks(make_document(tmp_path / name, blocks)))


def keys_of(messages: list[Message]) -> list[str]:
    return [m.key for m in messages]


# --- order and captions -----------------------------------------------------------------------


def test_the_rkt_matrix_before_the_indicator_table(tmp_path):
    result = recognized(
        tmp_path,
        [
            *FRONT,
            RKT_TITLE,
            [MATRIX_HEADER, *MATRIX_ROWS],
            "B. Indikator Kinerja dan Rencana Capaian",
            [INDIKATOR_HEADER, *INDIKATOR_ROWS],
        ],
    )
    tabel = result.data["tabel"]
    assert tabel["indikator"] == indikator_fields(INDIKATOR_ROWS)
    assert tabel["rkt"] == matrix_fields(MATRIX_ROWS)


def test_the_import_command_writes_swapped_tables_where_they_belong(tmp_path):
    source = make_document(
        tmp_path / "swapped.docx",
        [*FRONT, RKT_TITLE, [MATRIX_HEADER, *MATRIX_ROWS], "Tabel 1 Matriks", INDIKATOR_ROWS],
    )
    out = tmp_path / "swapped.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(out), "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    tabel = load_file(out).data["tabel"]
    assert [r["indikator"] for r in tabel["indikator"]] == [r[1] for r in INDIKATOR_ROWS]
    assert [r["kegiatan"] for r in tabel["rkt"]] == [r[2] for r in MATRIX_ROWS]
    assert "indikator table (table 2): these columns were recognised by their contents" in (
        result.output
    )


def test_the_apbn_matrix_before_the_rkt_matrix(tmp_path):
    result = recognized(
        tmp_path,
        [
            *FRONT,
            APBN_TITLE,
            [MATRIX_HEADER, PROGRAM_ROW, *MATRIX_ROWS],
            RKT_TITLE,
            [MATRIX_HEADER, *MATRIX_ROWS[:2]],
        ],
    )
    tabel = result.data["tabel"]
    assert tabel["rkt"] == matrix_fields(MATRIX_ROWS[:2])
    assert tabel["apbn"] == [
        {"program": "Program Informasi dan Komunikasi Publik", "baris": matrix_fields(MATRIX_ROWS)}
    ]


def test_captions_that_mislead_or_are_missing(tmp_path):
    result = recognized(
        tmp_path,
        [
            *FRONT,
            RKT_TITLE,  # the chapter repeats the document's title: not a caption of either
            "Tabel 1 Matriks",
            [INDIKATOR_HEADER, *INDIKATOR_ROWS],
            "Tabel 2",
            [MATRIX_HEADER, *MATRIX_ROWS],
        ],
    )
    tabel = result.data["tabel"]
    assert tabel["indikator"] == indikator_fields(INDIKATOR_ROWS)
    assert tabel["rkt"] == matrix_fields(MATRIX_ROWS)


# --- header rows and columns ------------------------------------------------------------------


def two_row_header_document(path: Path) -> Path:
    """An RKT matrix whose header has two rows: "Target" over "Volume" and "Satuan",
    the other header cells merged down over both rows."""
    document = docx.Document()
    for line in [*FRONT, RKT_TITLE]:
        document.add_paragraph(line)
    top = ["No", "Sasaran Strategis", "Kegiatan", "Indikator Kinerja", "Target", "", "Pagu (Rp)"]
    below = ["", "", "", "", "Volume", "Satuan", ""]
    rows = [[r[0], r[1], r[2], r[3], r[5].rstrip("%").split()[0], r[4], r[6]] for r in MATRIX_ROWS]
    table = document.add_table(rows=2 + len(rows), cols=7)
    for r, cells in enumerate([top, below, *rows]):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    for c in (0, 1, 2, 3, 6):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 4).merge(table.cell(0, 5))
    document.save(str(path))
    return path


def test_a_header_of_two_rows_with_merged_cells(tmp_path):
    result = recognize(read_blocks(two_row_header_document(tmp_path / "two.docx")))
    rows = result.data["tabel"]["rkt"]
    assert [r["no"] for r in rows] == [1, 2, 3]  # the second header row is no data row
    assert rows[0]["indikator"] == MATRIX_ROWS[0][3]
    assert [(r["target"], r["satuan"]) for r in rows] == [
        ("95", "Persen"),
        ("12", "Aplikasi"),
        ("3,6", "Indeks"),
    ]
    assert [r["anggaran"] for r in rows] == [r[6] for r in MATRIX_ROWS]
    assert not [m for m in result.unplaced if m.key.startswith("import.unplaced_")]


def test_a_workbook_header_of_two_rows_with_merged_cells(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([RKT_TITLE])
    sheet.append([])
    sheet.append(
        ["No", "Sasaran Strategis", "Kegiatan", "Indikator Kinerja", "Target", None, "Pagu"]
    )
    sheet.append([None, None, None, None, "Volume", "Satuan", None])
    for c in "ABCDG":
        sheet.merge_cells(f"{c}3:{c}4")
    sheet.merge_cells("E3:F3")
    for r in MATRIX_ROWS:
        sheet.append([int(r[0]), r[1], r[2], r[3], r[5].rstrip("%").split()[0], r[4], r[6]])
    book.save(tmp_path / "two.xlsx")
    result = recognize(read_blocks(tmp_path / "two.xlsx"))
    rows = result.data["tabel"]["rkt"]
    assert [(r["no"], r["target"], r["satuan"]) for r in rows] == [
        (1, "95", "Persen"),
        (2, "12", "Aplikasi"),
        (3, "3,6", "Indeks"),
    ]
    assert not [m for m in result.unplaced if m.key.startswith("import.unplaced_")]


def test_columns_in_another_order_with_other_names(tmp_path):
    order = [3, 5, 4, 2, 6, 1, 0]
    header = [
        "INDIKATOR KINERJA",
        "TARGET 2024",
        "SAT.",
        "PROGRAM / KEGIATAN",
        "PAGU INDIKATIF (Rp)",
        "SASARAN",
        "NO.",
    ]
    rows = [[r[i] for i in order] for r in MATRIX_ROWS]
    result = recognized(tmp_path, [*FRONT, RKT_TITLE, [header, *rows]])
    assert result.data["tabel"]["rkt"] == matrix_fields(MATRIX_ROWS)
    assert not [m for m in result.unplaced if m.key == "import.unplaced_column"]


def test_a_column_number_row_under_the_header_is_no_data(tmp_path):
    numbers = [str(i) for i in range(1, 8)]
    result = recognized(tmp_path, [*FRONT, RKT_TITLE, [MATRIX_HEADER, numbers, *MATRIX_ROWS]])
    assert result.data["tabel"]["rkt"] == matrix_fields(MATRIX_ROWS)


def test_a_total_row_labelled_in_another_column_is_a_total(tmp_path):
    totals = [
        ["", "JUMLAH", "", "", "", "", "2.245.500.000"],
        ["", "", "Total", "", "", "", "2.245.500.000"],
    ]
    result = recognized(tmp_path, [*FRONT, RKT_TITLE, [MATRIX_HEADER, *MATRIX_ROWS, *totals]])
    assert result.data["tabel"]["rkt"] == matrix_fields(MATRIX_ROWS)  # no budget line of it
    # the table's last total is kept, to be checked against the sum (RKT305); the one
    # before it totals the same table again, and is reported instead
    assert result.data["tabel"]["jumlah"] == {"rkt": "2.245.500.000"}
    assert ("import.unplaced_totals", {"kind": "rkt", "count": 1}) in [
        (m.key, dict(m.params)) for m in result.unplaced
    ]


# --- the totals printed under the KPU tables ----------------------------------------------------

APBN_TITLE = "PROGRAM DAN RENCANA KERJA KEGIATAN BERDASARKAN APBN TAHUN 2024"
APBN_HEADER = ["No", "Sasaran Strategis", "Kegiatan", "Indikator Kinerja", "Satuan", "Target",
               "Anggaran (Rp)"]  # fmt: skip


def apbn_row(n: int, kegiatan: str, amount: str) -> list[str]:
    return [str(n), f"Terwujudnya {kegiatan}", f"Layanan {kegiatan}", f"Persentase {kegiatan}",
            "Lembaga", "100%", amount]  # fmt: skip


def heading(text: str) -> list[str]:
    return [text, *[""] * 6]


def total(label: str, amount: str) -> list[str]:
    return [label, *[""] * 5, amount]


def apbn_totals(result: Imported) -> list[tuple[str, str | None, int]]:
    return [(e["program"], e.get("jumlah"), len(e["baris"])) for e in result.data["tabel"]["apbn"]]


def test_a_program_s_total_in_the_table_that_continues_it_is_that_program_s(tmp_path):
    first = [
        APBN_HEADER,
        heading("Program Penyelenggaraan Pemilu"),
        apbn_row(1, "Perencanaan", "10.000.000"),
        apbn_row(2, "Data", "5.000.000"),
        total("Jumlah Program Penyelenggaraan Pemilu", "15.000.000"),
        heading("Program Dukungan Manajemen"),
        apbn_row(1, "Perkantoran", "7.000.000"),
        apbn_row(2, "Sarana", "3.000.000"),
    ]
    rest = [apbn_row(3, "Prasarana", "2.000.000"), total("Jumlah Program Dukungan", "12.000.000")]
    result = recognized(tmp_path, [*FRONT, APBN_TITLE, first, rest])
    assert apbn_totals(result) == [
        ("Program Penyelenggaraan Pemilu", "15.000.000", 2),
        ("Program Dukungan Manajemen", "12.000.000", 3),
    ]
    assert "jumlah" not in result.data["tabel"]  # no total of the whole table was printed
    assert "import.unplaced_totals" not in keys_of(result.unplaced)


def test_a_total_of_a_part_of_a_table_is_reported_not_kept(tmp_path):
    # two RKT tables, each with its own total: the rows are one table in the plan, which
    # neither total adds up
    first, second = MATRIX_ROWS[:1], MATRIX_ROWS[1:]
    blocks = [*FRONT, RKT_TITLE, [MATRIX_HEADER, *first, total("Jumlah", "1.250.000.000")],
              "Lanjutan", [MATRIX_HEADER, *second, total("Jumlah", "995.500.000")]]  # fmt: skip
    result = recognized(tmp_path, blocks)
    assert len(result.data["tabel"]["rkt"]) == len(MATRIX_ROWS)
    assert "jumlah" not in result.data["tabel"]
    assert keys_of(result.unplaced).count("import.unplaced_totals") == 2


def test_a_total_under_a_table_without_anggaran_or_of_sasaran_is_reported(tmp_path):
    sasaran = [["No", "Sasaran Strategis"], ["1", "Meningkatnya keterbukaan informasi"],
               ["2", "Meningkatnya kualitas layanan"], ["Jumlah", "2"]]  # fmt: skip
    indikator = [["No", "Indikator Kinerja", "Satuan", "Target"],
                 ["1", "Persentase layanan informasi", "Persen", "95%"],
                 ["2", "Jumlah aplikasi terintegrasi", "Aplikasi", "12"],
                 ["Jumlah", "", "", "2"]]  # fmt: skip
    result = recognized(
        tmp_path, [*FRONT, "Sasaran Strategis", sasaran, "B. Indikator Kinerja", indikator]
    )
    assert "jumlah" not in result.data.get("tabel", {})  # a count is no amount of money
    assert keys_of(result.unplaced).count("import.unplaced_totals") == 2


# --- no header row at all ---------------------------------------------------------------------


def test_tables_without_a_header_are_read_by_their_contents(tmp_path):
    result = recognized(
        tmp_path,
        [*FRONT, "Tabel 1", INDIKATOR_ROWS, "Tabel 2", MATRIX_ROWS],
    )
    tabel = result.data["tabel"]
    assert tabel["indikator"] == indikator_fields(INDIKATOR_ROWS)
    assert tabel["rkt"] == matrix_fields(MATRIX_ROWS)
    # read from the contents alone: the report says so, for each table, in both languages
    told = [m for m in result.report if m.key == "import.table_by_contents"]
    assert [dict(m.params)["kind"] for m in told] == ["indikator", "rkt"]
    assert all(m.render("id") != m.render("en") for m in told)


def test_a_column_with_a_word_of_no_field_is_read_by_what_it_holds(tmp_path):
    header = ["No", "Uraian", "Satuan", "Target", "Anggaran (Rp)"]
    result = recognized(tmp_path, [*FRONT, [header, *INDIKATOR_ROWS]])
    assert result.data["tabel"]["indikator"] == indikator_fields(INDIKATOR_ROWS)
    [told] = [m for m in result.report if m.key == "import.table_by_contents"]
    assert dict(told.params)["columns"] == "Uraian = indikator"


def test_a_table_going_on_without_its_header_is_read_as_the_table_before(tmp_path):
    apbn = [MATRIX_HEADER, PROGRAM_ROW, *MATRIX_ROWS[:2]]
    result = recognized(tmp_path, [*FRONT, APBN_TITLE, apbn, MATRIX_ROWS[2:]])
    [group] = result.data["tabel"]["apbn"]
    assert group["baris"] == matrix_fields(MATRIX_ROWS)
    [told] = [m for m in result.report if m.key == "import.table_continued"]
    assert dict(told.params) == {"kind": "apbn", "number": 2, "previous": 1}


def test_a_list_of_sasaran_with_a_header(tmp_path):
    rows = [["1", MATRIX_ROWS[0][1]], ["2", MATRIX_ROWS[1][1]]]
    result = recognized(tmp_path, [*FRONT, [["No", "Sasaran Strategis"], *rows]])
    assert result.data["tabel"]["sasaran"] == [
        {"no": 1, "sasaran": MATRIX_ROWS[0][1]},
        {"no": 2, "sasaran": MATRIX_ROWS[1][1]},
    ]
    assert result.report == []  # no numbers to read


# --- what cannot be recognised ----------------------------------------------------------------


def test_a_table_that_cannot_be_recognised_is_reported_not_guessed(tmp_path):
    contacts = [["Budi Santoso", "Jl. Merdeka 1"], ["Siti Aminah", "Jl. Sudirman 2"]]
    result = recognized(tmp_path, [*FRONT, [INDIKATOR_HEADER, *INDIKATOR_ROWS], contacts])
    assert result.data["tabel"]["indikator"] == indikator_fields(INDIKATOR_ROWS)
    [reported] = [m for m in result.unplaced if m.key == "import.table_unrecognised"]
    params = dict(reported.params)
    assert params["number"] == 2
    assert "Budi Santoso" in params["preview"]
    assert reported.render("id") != reported.render("en")


def test_the_import_command_prints_the_unrecognised_table(tmp_path):
    contacts = [["Budi Santoso", "Jl. Merdeka 1"], ["Siti Aminah", "Jl. Sudirman 2"]]
    source = make_document(tmp_path / "doc.docx", [*FRONT, contacts])
    _, report = import_document(source, False)
    keys = keys_of([m for m in report if isinstance(m, Message)])
    assert "import.table_unrecognised" in keys
    out = tmp_path / "doc.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(out), "--lang", "en"])
    assert "Traceback" not in result.output
    assert "Budi Santoso" in result.output
    assert "Budi Santoso" in out.read_text(encoding="utf-8").split("\nrktc: 2\n")[0]
    assert load_file(out).data is not None


def test_a_table_whose_columns_are_no_table_of_the_plan_is_reported(tmp_path):
    budget = [["No", "Kegiatan", "Anggaran (Rp)"], ["1", MATRIX_ROWS[0][2], "1.250.000.000"]]
    result = recognized(tmp_path, [*FRONT, budget])
    assert "tabel" not in result.data
    [reported] = [m for m in result.unplaced if m.key.startswith("import.table_")]
    assert reported.key == "import.table_no_kind"
    assert dict(reported.params)["found"] == "no, kegiatan, anggaran"


@pytest.mark.parametrize("title", [RKT_TITLE, APBN_TITLE, "B. Indikator Kinerja"])
def test_a_caption_does_not_override_what_the_columns_say(tmp_path, title):
    result = recognized(tmp_path, [*FRONT, title, [INDIKATOR_HEADER, *INDIKATOR_ROWS]])
    assert result.data["tabel"] == {"indikator": indikator_fields(INDIKATOR_ROWS)}


# --- reading a Word file without python-docx ----------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CELL = "<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"
BODY = """<w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>BAB II</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Lihat </w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:t>tautan</w:t></w:r>\
</w:hyperlink><w:r><w:br/><w:t>baris</w:t><w:tab/><w:t>dua</w:t><w:br w:type="page"/><w:t>tiga</w:t>\
<w:noBreakHyphen/><w:t>empat</w:t></w:r><w:smartTag><w:r><w:t>tanda</w:t></w:r></w:smartTag></w:p>
<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>butir &amp; &lt;satu&gt; &#233;</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="TidakAda"/></w:pPr><w:r><w:t>gaya yang tidak ada</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>
<w:tbl><w:tblPr/><w:tblGrid/>
<w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>
<w:tr w:rsidR="00A1">{row1}</w:tr>
<w:tblPrEx/><w:tr>{row2}</w:tr>
<w:tr/>
</w:tbl>
<w:sdt><w:sdtContent><w:tbl><w:tr>{plain}</w:tr></w:tbl>\
<w:p><w:r><w:t>di dalam kontrol isi</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:tbl><w:tr>{nested}{plain}</w:tr><w:customXml><w:tr>{plain}</w:tr></w:customXml></w:tbl>
<w:tbl><w:customXml><w:tr><w:sdt><w:sdtContent>{plain}</w:sdtContent></w:sdt>\
<w:tc><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>isian</w:t>\
</w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr></w:customXml></w:tbl>
<w:tbl/>
<w:sectPr/>
</w:body>"""


def cell(*paragraphs: str, props: str = "") -> str:
    runs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return CELL.format(props=props, paragraphs=runs or "<w:p/>")


def word_file(path: Path, body: str, prefix: str = "w") -> Path:
    """A .docx whose document part has `body` (written with the prefix w:, here renamed
    to `prefix`), in python-docx's own package: styles, relationships, content types."""
    import zipfile

    document = docx.Document()
    document.add_paragraph("x")
    template = tmp = path.with_name("template.docx")
    document.save(str(tmp))
    with zipfile.ZipFile(template) as source:
        original = source.read("word/document.xml").decode()
        root = original[
            original.index("<w:document") : original.index(">", original.index("<w:document")) + 1
        ]
        xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{root}{body}</w:document>'
        if prefix != "w":
            xml = xml.replace("<w:", f"<{prefix}:").replace("</w:", f"</{prefix}:")
            xml = xml.replace(" w:", f" {prefix}:").replace("xmlns:w=", f"xmlns:{prefix}=")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = xml.encode() if item.filename == "word/document.xml" else source.read(item)
                target.writestr(item, data)
    return path


def tricky_body() -> str:
    plain = cell("biasa")
    nested = (
        "<w:tc><w:p><w:r><w:t>luar</w:t></w:r></w:p><w:tbl><w:tr>"
        + cell("dalam")
        + "</w:tr></w:tbl><w:p/></w:tc>"
    )
    return BODY.format(
        header=cell("No")
        + cell("Indikator &amp; Satuan", props='<w:gridSpan w:val="2"/>')
        + cell("Anggaran"),
        row1=cell("1", props='<w:vMerge w:val="restart"/>')
        + cell("Persentase", "layanan  tepat\twaktu")
        + cell("Persen")
        + cell("1.000", props="<w:vMerge/>"),
        row2=cell("", props="<w:vMerge/>")
        + cell("Jumlah &lt;dokumen&gt;")
        + cell("")
        + cell("", props='<w:vMerge w:val="continue"/>'),
        plain=plain,
        nested=nested,
    )


EXPECTED_TABLES = [
    (
        [
            ["No", "Indikator & Satuan", "Indikator & Satuan", "Anggaran"],
            ["1", "Persentase layanan tepat waktu", "Persen", "1.000"],
            ["", "Jumlah <dokumen>", "", ""],
            [],
        ],
        {(1, 3), (2, 0), (2, 3)},
    ),
    ([["luar dalam", "biasa"], ["biasa"]], set()),  # a table in a cell is that cell's text
    ([["biasa", "isian"]], set()),  # rows, cells and paragraphs inside content controls
    ([], set()),
]


def blocks_as_values(blocks: list[Any]) -> list[Any]:
    return [
        (b.text, b.style) if hasattr(b, "text") else (b.rows, b.continued, b.typed) for b in blocks
    ]


@pytest.mark.parametrize("prefix", ["w", "ns0"])
def test_a_word_file_is_read_without_python_docx_as_python_docx_reads_it(tmp_path, prefix):
    from rktc.importer.blocks import docx_blocks

    source = word_file(tmp_path / "tricky.docx", tricky_body(), prefix)
    split, streamed = docx_blocks(source), docx_blocks(source, split=False)
    assert blocks_as_values(split) == blocks_as_values(streamed)
    paragraphs = [(b.text, b.style) for b in split if hasattr(b, "text")]
    oracle = [
        (" ".join(p.text.split()), p.style.name if p.style is not None else "")
        for p in docx.Document(str(source)).paragraphs
        if p.text.strip()
    ]
    assert paragraphs == oracle
    # a line break and a tab part words, a page break does not; a smart tag is not read
    assert paragraphs[1][0] == "Lihat tautan baris duatiga-empat"
    assert paragraphs[2] == ("butir & <satu> \u00e9", "List Bullet")
    assert paragraphs[3][1] == "Normal"  # an unknown style is the default one
    tables = [(b.rows, b.continued) for b in split if not hasattr(b, "text")]
    assert tables == EXPECTED_TABLES


def test_a_word_file_python_docx_alone_can_open_is_still_read(tmp_path, monkeypatch):
    import zipfile

    from rktc.importer import blocks

    source = word_file(tmp_path / "tricky.docx", tricky_body())
    expected = blocks_as_values(blocks.docx_blocks(source))

    def refuse(path: Path, split: bool) -> list[Any]:
        raise zipfile.BadZipFile("as if")

    monkeypatch.setattr(blocks, "_stream_docx", refuse)
    assert blocks_as_values(blocks.docx_blocks(source)) == expected


def test_reading_a_word_file_does_not_import_python_docx(tmp_path):
    import subprocess
    import sys

    source = make_document(tmp_path / "doc.docx", [*FRONT, [INDIKATOR_HEADER, *INDIKATOR_ROWS]])
    code = (
        "import sys; from pathlib import Path; from rktc.importer.blocks import read_blocks; "
        f"blocks = read_blocks(Path({str(source)!r})); "
        "print(len(blocks), 'docx' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.split() == [str(len(FRONT) + 1), "False"]


# --- reading a workbook's cells without openpyxl's cell objects ------------------------------


def varied_workbook(path: Path) -> Path:
    """Every kind of cell openpyxl reads: shared and rich strings, numbers in formats,
    dates, times, booleans, errors, formulas without a value, empty and missing cells."""
    from datetime import date, datetime, time

    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Matriks"
    sheet.append(["RENCANA KINERJA TAHUNAN (RKT)"])
    sheet.append([])
    sheet.append(MATRIX_HEADER)
    for i, row in enumerate(MATRIX_ROWS):
        amount = int(row[6].replace(".", ""))
        sheet.append([i + 1, *row[1:5], 0.955 if i == 0 else row[5], amount])
        sheet.cell(sheet.max_row, 6).number_format = "0.0%"
        sheet.cell(sheet.max_row, 7).number_format = "#,##0"
    sheet.append([])
    sheet.append(["Tanggal", datetime(2024, 1, 8), date(2024, 2, 29), time(13, 45)])
    sheet.append(["Lain", True, "=SUM(G4:G6)", "#N/A", 1.5e-7, 12345678901234])
    sheet["D9"].data_type = "e"
    sheet.append(
        [CellRichText(["Tebal ", TextBlock(InlineFont(b=True), "sekali")]), None, "  spasi  "]
    )
    sheet.cell(12, 5, "jauh")  # a row and cells left out before it
    book.save(path)
    return path


def rewritten_sheet(source: Path, target: Path, change: Any) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            new.writestr(item, data)
    return target


def sheet_variants(tmp_path: Path) -> dict[str, Path]:
    import re

    base = varied_workbook(tmp_path / "varied.xlsx")

    def rich(xml: str) -> str:  # an inline text in runs, with a phonetic guide to leave out
        return xml.replace(
            "<is><t>RENCANA KINERJA TAHUNAN (RKT)</t></is>",
            "<is><r><t>RENCANA KINERJA </t></r><r><rPr><b/></rPr><t>TAHUNAN (RKT)</t></r>"
            '<rPh sb="0" eb="1"><t>x</t></rPh></is>',
        )

    return {
        "as written": base,
        "rich inline text": rewritten_sheet(base, tmp_path / "rich.xlsx", rich),
        "no dimension": rewritten_sheet(
            base, tmp_path / "nodim.xlsx", lambda x: re.sub(r"<dimension [^>]*/>", "", x)
        ),
        "no row numbers": rewritten_sheet(
            base, tmp_path / "norow.xlsx", lambda x: re.sub(r'<row r="\d+"', "<row", x)
        ),
        "attributes reordered": rewritten_sheet(
            base,
            tmp_path / "order.xlsx",
            lambda x: re.sub(r'<c r="([A-Z]+\d+)" s="(\d+)"', r'<c s="\2" r="\1"', x),
        ),
    }


def fast_readings(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each sheet read from then on, whether its fast reading read it (else openpyxl)."""
    from rktc.importer import sheets

    used: list[bool] = []
    original = sheets._Sheet.blocks

    def counted(sheet: Any) -> Any:
        blocks = original(sheet)
        used.append(blocks is not None)
        return blocks

    monkeypatch.setattr(sheets._Sheet, "blocks", counted)
    return used


@pytest.mark.parametrize(
    "variant",
    ["as written", "rich inline text", "no dimension", "no row numbers", "attributes reordered"],
)
def test_a_sheet_s_cells_are_read_as_openpyxl_reads_them(tmp_path, monkeypatch, variant):
    from rktc.importer import sheets

    source = sheet_variants(tmp_path)[variant]
    fast = read_blocks(source)
    used = fast_readings(monkeypatch)
    assert blocks_as_values(read_blocks(source)) == blocks_as_values(fast)
    assert used == [variant != "attributes reordered"]  # that one is left to openpyxl
    monkeypatch.setattr(sheets._Sheet, "blocks", lambda sheet: None)
    assert blocks_as_values(read_blocks(source)) == blocks_as_values(fast)
    if variant == "as written":
        [title, table, *_] = fast
        assert title.text == "RENCANA KINERJA TAHUNAN (RKT)"
        assert table.rows[1][5:] == ["95,5%", "1.250.000.000"]


def test_a_workbook_rktc_writes_is_read_by_its_shared_strings_as_openpyxl_reads_it(
    tmp_path, monkeypatch
):
    from helpers import PLANS

    from rktc.importer import sheets

    built = tmp_path / "rkt.xlsx"
    result = CliRunner().invoke(
        app, ["build", str(PLANS / "published" / "kpu-oku-2023.yaml"), "-o", str(built), "--force"]
    )
    assert result.exit_code == 0, result.output
    used = fast_readings(monkeypatch)
    fast = blocks_as_values(read_blocks(built))
    assert len(used) > 1
    assert all(used)  # every sheet read from its text
    monkeypatch.setattr(sheets._Sheet, "blocks", lambda sheet: None)
    assert blocks_as_values(read_blocks(built)) == fast
