"""`rktc import` of spreadsheets: .xlsx workbooks and SIPD's HTML-as-.xls download."""

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from helpers import PLANS
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.errors import RktcError
from rktc.core.messages import Message
from rktc.importer.blocks import Paragraph, Table, read_blocks
from rktc.importer.run import import_document
from rktc.importer.sheets import number_text, sniff
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT
from rktc.plan.load import load_file

runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (0.95, "0%", "95%"),
        (0.955, "0.0%", "95,5%"),
        (0.95, "0.0%", "95,0%"),
        (1, "0%", "100%"),
        (0.8234, "0%", "82,34%"),  # more decimals than the format shows: none lost
        (14271302000.0, "#,##0", "14.271.302.000"),
        (14271302000, "#,##0", "14.271.302.000"),
        (1250000.5, "#,##0.00", "1.250.000,50"),
        (296187500, "General", "296187500"),
        (8.3, "General", "8,3"),
        (97.5, "0.0", "97,5"),
        (-1500, "#,##0;[Red]-#,##0", "-1.500"),
        (1234.5, '"Rp"#,##0.00', "1.234,50"),
        (0.1 + 0.2, "General", "0,30000000000000004"),  # the float's own digits
    ],
)
def test_number_cells_read_as_their_format_shows_them(value, fmt, text):
    assert number_text(value, fmt) == text


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Indikator"
    sheet.append(["B. Indikator Kinerja dan Rencana Capaian"])
    sheet.append([])
    sheet.append(["No", "Indikator Kinerja", "Satuan", "Target", "Anggaran (Rp)"])
    rows = [
        (1, "Persentase publikasi tepat waktu", "Persen", 0.95, "0%", 1250000000, "#,##0"),
        (2, "Indeks kepuasan layanan", "Indeks", 3.75, "0.00", 99500000.0, "#,##0"),
    ]
    for number, name, unit, target, tfmt, money, mfmt in rows:
        sheet.append([number, name, unit, target, money])
        sheet.cell(sheet.max_row, 4).number_format = tfmt
        sheet.cell(sheet.max_row, 5).number_format = mfmt
    other = book.create_sheet("Tanggal")
    other.append(["Tanggal", datetime(2023, 3, 15)])
    other.append(["Hari", date(2024, 1, 2)])
    book.save(path)
    return path


def test_an_xlsx_gives_title_paragraphs_and_tables(tmp_path):
    blocks = read_blocks(_workbook(tmp_path / "matriks.xlsx"))
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].text == "B. Indikator Kinerja dan Rencana Capaian"
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.rows[1] == [
        "1",
        "Persentase publikasi tepat waktu",
        "Persen",
        "95%",
        "1.250.000.000",
    ]
    assert table.rows[2][3:] == ["3,75", "99.500.000"]
    dates = blocks[2]
    assert isinstance(dates, Table)
    assert dates.rows == [["Tanggal", "15 Maret 2023"], ["Hari", "2 Januari 2024"]]


def test_an_xlsx_imports_with_its_numbers_exact(tmp_path):
    published, _report = import_document(_workbook(tmp_path / "m.xlsx"), single=False)
    assert "target: 95%" in published
    assert "anggaran: 1.250.000.000" in published
    assert "target: 3,75" in published


SIPD = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>td {{ mso-number-format:"\\@"; }}</style></head>
<body>
<p>RENCANA KERJA PERANGKAT DAERAH TAHUN 2024</p>
<table border="1">
<tr><th>No</th><th>Indikator Kinerja</th><th>Satuan</th><th>Target</th><th>Anggaran (Rp)</th></tr>
{rows}
</table></body></html>
"""
SIPD_ROWS = [
    ("1", "Persentase capaian SPM", "%", "100 %", "296187500"),
    ("2", "Nilai evaluasi SAKIP", "Nilai", "8.3", "1450000000"),
    ("3", "Indeks kepuasan masyarakat", "Indeks", "90.79", "75250000"),
]


def _sipd(path: Path) -> Path:
    cells = "\n".join(
        "<tr>" + "".join(f'<td style="mso-number-format:\\@">{c}</td>' for c in row) + "</tr>"
        for row in SIPD_ROWS
    )
    path.write_text(SIPD.format(rows=cells), encoding="utf-8")
    return path


def test_a_sipd_html_xls_is_read_in_the_sipd_dialect(tmp_path):
    source = _sipd(tmp_path / "renja.xls")
    assert sniff(source) == "html"
    published, report = import_document(source, single=False)
    keys = [line.key for line in report if isinstance(line, Message)]
    assert "import.dialect_sipd" in keys
    assert "target: 8,3" in published
    assert "target: 90,79" in published
    assert "anggaran: 296187500" in published
    result = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "r.yaml")])
    assert "SIPD" in result.output


def test_html_row_and_column_spans(tmp_path):
    source = tmp_path / "span.xls"
    source.write_text(
        "<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table>",
        encoding="utf-8",
    )
    (table,) = read_blocks(source)
    assert isinstance(table, Table)
    assert table.rows == [["A", "B", "B"], ["A", "c", "d"]]
    assert table.continued == {(1, 0)}


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "import.xls_binary"),
        (b"just some bytes, not a sheet", "import.sheet_unknown"),
    ],
)
def test_what_is_not_a_readable_sheet_says_what_to_do(tmp_path, content, key):
    source = tmp_path / "lama.xls"
    source.write_bytes(content)
    with pytest.raises(RktcError) as raised:
        read_blocks(source)
    assert raised.value.message.key == key
    result = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1  # bad input, as any other file import cannot read
    assert ".xlsx" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_a_damaged_xlsx_says_what_to_do(tmp_path):
    source = tmp_path / "rusak.xlsx"
    source.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(RktcError) as raised:
        read_blocks(source)
    assert raised.value.message.key == "import.xlsx_unreadable"


# --- a workbook rktc writes imports back into the same plan ------------------------------

SHOWN = {  # the columns each table prints
    INDIKATOR: ("no", "indikator", "satuan", "target", "anggaran"),
    PROGRAM: ("no", "sasaran", "kegiatan", "indikator", "target"),
    RKT: ("no", "sasaran", "kegiatan", "indikator", "satuan", "target", "anggaran"),
    APBN: ("no", "sasaran", "kegiatan", "indikator", "satuan", "target", "anggaran"),
}


def _tables(path: Path) -> dict[str, tuple[list[tuple[object, ...]], list[str]]]:
    compiled = Pipeline().validate(path)
    assert compiled.document is not None
    out = {}
    for kind, fields in SHOWN.items():
        table = compiled.document.table(kind)
        assert table is not None, kind
        rows = []
        for row in table.all_rows():
            values: list[object] = []
            for name in fields:
                value = getattr(row, name)
                if name == "target" and value is not None:
                    value = (value.kind, value.value, value.unit)  # "97 %" and "97%" alike
                values.append(value)
            rows.append(tuple(values))
        out[kind] = (rows, [group.program for group in table.groups or []])
    return out


@pytest.mark.parametrize(
    ("plan", "force"),
    [(PLANS / "published" / "kpu-oku-2023.yaml", True), (PLANS / "kpu-oku-2023.yaml", False)],
    ids=["published", "single-source"],
)
def test_a_workbook_rktc_writes_imports_back_into_the_same_plan(tmp_path, plan, force):
    book, out = tmp_path / "book.xlsx", tmp_path / "plan.yaml"
    build = ["build", str(plan), "--format", "xlsx", "-o", str(book)]
    runner.invoke(app, build + (["--force"] if force else []))
    assert book.is_file()
    runner.invoke(app, ["import", str(book), "-o", str(out), "--lang", "en"])
    assert out.is_file()
    source, imported = _tables(plan), _tables(out)
    for kind in SHOWN:
        assert imported[kind] == source[kind], kind
    written = load_file(out, str(out)).data
    original = load_file(plan, str(plan)).data
    for key in ("tahun", "judul", "instansi", "renstra"):
        assert str(written[key]) == str(original[key]), key
    for key in ("nama", "instansi", "tempat", "tanggal", "jabatan", "nip"):
        assert written["penandatangan"].get(key) == original["penandatangan"].get(key), key


def test_an_xhtml_download_is_read_and_a_sheet_without_a_table_is_refused(tmp_path):
    xhtml = tmp_path / "renja.xls"
    xhtml.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><table>'
        "<tr><td>No</td><td>Indikator</td></tr><tr><td>1</td><td>Nilai SAKIP</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    (table,) = read_blocks(xhtml)
    assert isinstance(table, Table)
    assert table.rows[1] == ["1", "Nilai SAKIP"]
    spreadsheet_2003 = tmp_path / "lama.xls"
    spreadsheet_2003.write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet><Table><Row><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table>'
        "</Worksheet></Workbook>",
        encoding="utf-8",
    )
    with pytest.raises(RktcError) as raised:
        read_blocks(spreadsheet_2003)
    assert raised.value.message.key == "import.sheet_unknown"


def test_identity_rows_the_plan_has_no_field_for_are_reported(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Keterangan", "Isi"])
    sheet.append(["Tahun", 2025])
    sheet.append(["Alamat", "Jl. Merdeka 1"])
    book.save(tmp_path / "id.xlsx")
    published, report = import_document(tmp_path / "id.xlsx", single=False)
    assert "tahun: 2025" in published
    unplaced = [m for m in report if isinstance(m, Message) and m.key == "import.unplaced"]
    assert [dict(m.params)["item"] for m in unplaced] == ["Alamat: Jl. Merdeka 1"]


def test_a_workbook_with_a_broken_sheet_says_what_to_do(tmp_path):
    good = _workbook(tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut inside the sheet's XML
            target.writestr(item, data)
    with pytest.raises(RktcError) as raised:
        read_blocks(bad)
    assert raised.value.message.key == "import.xlsx_unreadable"
    result = runner.invoke(app, ["import", str(bad), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1


def test_number_cells_are_no_evidence_of_the_dialect_of_text_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["No", "Indikator Kinerja", "Satuan", "Target", "Anggaran (Rp)"])
    sheet.append([1, "Nilai evaluasi SAKIP", "Nilai", "8.3", 14271302000])
    sheet.cell(2, 5).number_format = "#,##0"  # shown 14.271.302.000: rktc's own spelling
    sheet.append([2, "Indeks kepuasan", "Indeks", "90.79", 1500000.0])
    sheet.cell(3, 5).number_format = "#,##0"
    book.save(tmp_path / "m.xlsx")
    published, report = import_document(tmp_path / "m.xlsx", single=False)
    keys = [m.key for m in report if isinstance(m, Message)]
    assert "import.dialect_sipd" in keys  # decided by the typed text alone, not "mixed"
    assert "target: 8,3" in published
    assert "anggaran: 14.271.302.000" in published
    assert "anggaran: 1.500.000" in published
