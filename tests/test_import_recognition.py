"""`rktc import`: how Word files are read, and (next) how their tables are recognised.

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
