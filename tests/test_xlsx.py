"""`rktc build --format xlsx`: the workbook read back by openpyxl and opened by LibreOffice.

Every workbook here is built through the command (`rktc build ... -f xlsx`). openpyxl
reads back values, number formats, merges, formulas, outline levels and print settings;
LibreOffice Calc converts the workbook to CSV and PDF, as a reader that never saw
rktc's code. In CI (CI=true) a missing Calc fails those tests instead of skipping them.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import os
import re
import shutil
import subprocess
import textwrap
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from helpers import PLANS, plan_with
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.errors import RktcError
from rktc.pipeline.build import BuildOptions
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.values import Target
from rktc.render.pdf import libreoffice
from rktc.render.xlsx.ooxml import escape

runner = CliRunner()
CLEAN = PLANS / "kpu-oku-2023.yaml"
PUBLISHED = PLANS / "published" / "kpu-oku-2023.yaml"
TABLE_SHEETS = ["Indikator Kinerja", "Program", "Matriks RKT", "Matriks APBN"]
SUBTOTAL = re.compile(r"^=SUBTOTAL\(9,([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")

SPECIAL = plan_with(
    """\
    sasaran:
      - id: S1
        nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
    program:
      - nama: 1.02.02 Program Penyelenggaraan Pemilu
        kegiatan:
          - nama: 1.02.02.2.01 Penyediaan Jasa Penunjang
            anggaran: 1.500,50
            indikator:
              - nama: Persentase layanan tepat waktu
                sasaran: S1
                satuan: "%"
                target: 97,5%
          - nama: "076"
            anggaran: 2.000.000
            indikator:
              - nama: Jumlah badan adhoc yang dibentuk
                sasaran: S1
                satuan: Lembaga
                target: 13 kec
              - nama: "=1+1"
                sasaran: S1
                satuan: Opini
                target: WTP
      - nama: Program Dukungan Manajemen
        kegiatan:
          - nama: Layanan Perkantoran
            anggaran: 3.000
            indikator:
              - nama: Persentase layanan perkantoran
                sasaran: S1
                satuan: "%"
                target: 100 %
    """
)


def build(*args: object) -> object:
    return runner.invoke(app, ["build", *map(str, args)])


def build_xlsx(plan: Path, out: Path, *extra: str) -> Path:
    result = build(plan, "-f", "xlsx", "-o", out, *extra)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return out


def write_plan(tmp_path: Path, source: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_xlsx(CLEAN, tmp_path_factory.mktemp("xlsx") / "rkt.xlsx")


@pytest.fixture(scope="module")
def special_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("special")
    return build_xlsx(write_plan(folder, SPECIAL), folder / "special.xlsx")


def header_row(ws) -> int:  # type: ignore[no-untyped-def]
    """The 1-based row of the table's column headings (the row that starts with "No")."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == "No":
            return int(row[0].row)
    raise AssertionError(f"no header row in {ws.title}")


def columns(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Header text -> 1-based column."""
    r = header_row(ws)
    return {c.value: c.column for c in ws[r] if c.value}


def data_rows(ws) -> list[int]:  # type: ignore[no-untyped-def]
    """Rows holding a numbered table row (a number in column A) below the header."""
    return [
        r for r in range(header_row(ws) + 1, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)
    ]


def evaluate_subtotal(ws, formula: str) -> Decimal:  # type: ignore[no-untyped-def]
    """SUBTOTAL(9, range) as a spreadsheet computes it: the numbers in the range, leaving
    out cells that are themselves SUBTOTAL formulas."""
    match = SUBTOTAL.match(formula)
    assert match, formula
    col = openpyxl.utils.column_index_from_string(match[1])
    assert match[1] == match[3]
    total = Decimal(0)
    for r in range(int(match[2]), int(match[4]) + 1):
        value = ws.cell(r, col).value
        if isinstance(value, str) and value.startswith("=SUBTOTAL("):
            continue
        if isinstance(value, int | float):
            total += Decimal(repr(value))
    return total


def document_rows(plan: Path, kind: str):  # type: ignore[no-untyped-def]
    compiled = Pipeline().validate(plan)
    assert compiled.document is not None
    table = compiled.document.table(kind)
    assert table is not None
    return table.all_rows()


# --- structure ---------------------------------------------------------------------------


def test_one_sheet_for_the_identity_and_one_per_table_of_the_outline(clean_xlsx: Path) -> None:
    book = openpyxl.load_workbook(clean_xlsx)
    assert book.sheetnames == ["Identitas", *TABLE_SHEETS]


def test_workbook_golden_projection(clean_xlsx: Path, golden) -> None:  # type: ignore[no-untyped-def]
    golden("kpu-oku-2023.xlsx.txt", project(clean_xlsx))


def test_published_plan_workbook_golden_projection(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    result = build(PUBLISHED, "-f", "xlsx", "-o", tmp_path / "p.xlsx", "--force")
    assert (tmp_path / "p.xlsx").is_file(), result.output  # type: ignore[attr-defined]
    golden("published-kpu-oku-2023.xlsx.txt", project(tmp_path / "p.xlsx"))


def project(path: Path) -> str:
    """Every cell as `REF type value [format]`, rows' outline levels and set heights, each
    sheet's merges, panes and print set-up: the workbook's content, independent of how the
    XML is laid out."""
    book = openpyxl.load_workbook(path)
    lines = []
    for ws in book:
        lines.append(f"== {ws.title}")
        lines.append(
            f"freeze={ws.freeze_panes} titles={ws.print_title_rows} "
            f"orientation={ws.page_setup.orientation} paper={ws.page_setup.paperSize} "
            f"fit={ws.page_setup.fitToWidth}x{ws.page_setup.fitToHeight} "
            f"filter={ws.auto_filter.ref} header={ws.oddHeader.center.text!r}"
        )
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                fmt = "" if cell.number_format == "General" else f" [{cell.number_format}]"
                lines.append(f"{cell.coordinate} {cell.data_type} {cell.value!r}{fmt}")
            dims = ws.row_dimensions[row[0].row]
            if dims.outline_level or dims.customHeight:
                lines.append(f"row {row[0].row} level {dims.outline_level} height {dims.ht}")
        merges = sorted(str(m) for m in ws.merged_cells.ranges)
        lines.append("merged " + " ".join(merges))
    return "\n".join(lines) + "\n"


# --- numbers, codes, texts ---------------------------------------------------------------


def test_money_is_a_number_with_a_thousands_format(clean_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(clean_xlsx)["Matriks RKT"]
    col = columns(ws)["Anggaran (Rp)"]
    expected = [r.anggaran for r in document_rows(CLEAN, "rkt")]
    cells = [ws.cell(r, col) for r in data_rows(ws)]
    assert [c.value for c in cells if c.value is not None] == [
        int(a) for a in expected if a is not None
    ]
    assert {c.number_format for c in cells if c.value is not None} == {"#,##0"}
    assert 14271302000 in [c.value for c in cells]


def test_percentages_are_fractions_with_a_percent_format(clean_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(clean_xlsx)["Matriks RKT"]
    col = columns(ws)["Target"]
    targets = [r.target for r in document_rows(CLEAN, "rkt")]
    for r, target in zip(data_rows(ws), targets, strict=True):
        cell = ws.cell(r, col)
        assert target is not None
        if target.is_percent:
            assert Decimal(repr(cell.value)) == target.value / 100
            assert cell.number_format == "0%"
        else:
            assert cell.value == int(target.value)  # type: ignore[arg-type]
            assert ws.cell(r, col + 1).value == target.unit


def test_every_written_digit_is_kept(special_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(special_xlsx)["Matriks RKT"]
    cols = columns(ws)
    first = data_rows(ws)[0]
    target = ws.cell(first, cols["Target"])
    assert (target.value, target.number_format) == (0.975, "0.0%")
    money = ws.cell(first, cols["Anggaran (Rp)"])
    assert (money.value, money.number_format) == (1500.5, "#,##0.00")


def test_counts_keep_their_unit_and_qualitative_targets_stay_text(special_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(special_xlsx)["Matriks RKT"]
    cols = columns(ws)
    rows = data_rows(ws)
    count = (ws.cell(rows[1], cols["Target"]), ws.cell(rows[1], cols["Satuan Target"]))
    assert [(c.value, c.data_type) for c in count] == [(13, "n"), ("kec", "s")]
    assert ws.cell(rows[2], cols["Target"]).value == "WTP"
    assert ws.cell(rows[2], cols["Target"]).data_type == "s"


def test_a_target_that_is_more_than_one_number_stays_text(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reader that takes a number from a range or a bound (`80 - 90%` -> 80) must not
    make the cell that number: the workbook keeps what the document prints."""
    from rktc.render.xlsx import sheets

    real = sheets.parse_target

    def reader(text: str) -> Target:
        if text == "97,5%":  # a number that is not the one printed, as a reader of
            return dataclasses.replace(real(text), value=Decimal(80))  # "80 - 90%" may take
        return real(text)

    monkeypatch.setattr(sheets, "parse_target", reader)
    ws = openpyxl.load_workbook(build_xlsx(write_plan(tmp_path, SPECIAL), tmp_path / "r.xlsx"))[
        "Matriks RKT"
    ]
    cell = ws.cell(data_rows(ws)[0], columns(ws)["Target"])
    assert (cell.value, cell.data_type) == ("97,5%", "s")


def test_codes_and_texts_are_text(special_xlsx: Path) -> None:
    book = openpyxl.load_workbook(special_xlsx)
    ws = book["Matriks RKT"]
    cols = columns(ws)
    rows = data_rows(ws)
    kegiatan = [ws.cell(r, cols["Kegiatan"]) for r in rows]
    assert kegiatan[0].value == "1.02.02.2.01 Penyediaan Jasa Penunjang"
    assert (kegiatan[1].value, kegiatan[1].data_type) == ("076", "s")
    formula_like = ws.cell(rows[2], cols["Indikator Kinerja"])
    assert (formula_like.value, formula_like.data_type) == ("=1+1", "s")
    apbn = book["Matriks APBN"]
    assert apbn.cell(header_row(apbn) + 1, 1).value == "1.02.02 Program Penyelenggaraan Pemilu"
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # the only formulas: subtotals and totals
                    assert cell.value.startswith("=SUBTOTAL(9,"), cell.coordinate
                elif isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)


def test_a_kegiatan_over_several_rows_is_one_merged_cell(special_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(special_xlsx)["Matriks RKT"]
    cols = columns(ws)
    rows = data_rows(ws)
    merged = {str(m) for m in ws.merged_cells.ranges}
    for name in ("Kegiatan", "Anggaran (Rp)"):
        letter = openpyxl.utils.get_column_letter(cols[name])
        assert f"{letter}{rows[1]}:{letter}{rows[2]}" in merged
    assert ws.cell(rows[1], cols["Anggaran (Rp)"]).value == 2000000


# --- formulas ------------------------------------------------------------------------------


def test_apbn_subtotals_and_total_are_formulas_over_the_right_rows(clean_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(clean_xlsx)["Matriks APBN"]
    cached = openpyxl.load_workbook(clean_xlsx, data_only=True)["Matriks APBN"]
    col = columns(ws)["Anggaran (Rp)"]
    groups = {}
    for group in document_rows_groups(CLEAN, "apbn"):
        groups[group.program] = sum((r.anggaran or 0 for r in group.rows), Decimal(0))
    sums = {}
    for r in range(header_row(ws) + 1, ws.max_row + 1):
        label = ws.cell(r, 1).value
        formula = ws.cell(r, col).value
        if isinstance(label, str) and label.startswith("Jumlah"):
            assert isinstance(formula, str)
            sums[label] = (evaluate_subtotal(ws, formula), cached.cell(r, col).value)
    expected = {f"Jumlah {program}": amount for program, amount in groups.items()}
    expected["Jumlah"] = sum(groups.values(), Decimal(0))
    assert {k: v[0] for k, v in sums.items()} == expected
    assert {k: Decimal(v[1]) for k, v in sums.items()} == expected  # cached results
    assert expected["Jumlah"] == 30577023000


def document_rows_groups(plan: Path, kind: str):  # type: ignore[no-untyped-def]
    compiled = Pipeline().validate(plan)
    assert compiled.document is not None
    table = compiled.document.table(kind)
    assert table is not None
    return table.groups


def test_rkt_total_sums_every_row_once(special_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(special_xlsx)["Matriks RKT"]
    cached = openpyxl.load_workbook(special_xlsx, data_only=True)["Matriks RKT"]
    col = columns(ws)["Anggaran (Rp)"]
    total_row = ws.max_row
    assert ws.cell(total_row, 1).value == "Jumlah"
    formula = ws.cell(total_row, col).value
    assert evaluate_subtotal(ws, formula) == Decimal("2004500.50")
    assert cached.cell(total_row, col).value == 2004500.5
    assert ws.cell(total_row, col).number_format == "#,##0.00"


def test_group_rows_are_merged_across_and_their_rows_outlined(clean_xlsx: Path) -> None:
    ws = openpyxl.load_workbook(clean_xlsx)["Matriks APBN"]
    width = len(columns(ws))
    merged = {(m.min_row, m.min_col, m.max_col) for m in ws.merged_cells.ranges}
    programs = [g.program for g in document_rows_groups(CLEAN, "apbn")]
    group_rows = [
        r for r in range(header_row(ws) + 1, ws.max_row + 1) if ws.cell(r, 1).value in programs
    ]
    assert len(group_rows) == len(programs)
    for r in group_rows:
        assert (r, 1, width) in merged
        assert ws.row_dimensions[r].outline_level == 0
    for r in data_rows(ws):
        assert ws.row_dimensions[r].outline_level == 1
    assert ws.sheet_properties.outlinePr.summaryBelow is False


# --- page, view, properties ------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("a4", 9), ("f4", 14)])
def test_print_setup_follows_paper(tmp_path: Path, paper: str, size: int) -> None:
    book = openpyxl.load_workbook(build_xlsx(CLEAN, tmp_path / "r.xlsx", "--paper", paper))
    for name in TABLE_SHEETS:
        ws = book[name]
        r = header_row(ws)
        assert ws.page_setup.paperSize == size
        assert ws.page_setup.orientation == "landscape"
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.freeze_panes == f"A{r + 1}"
        assert ws.print_title_rows == f"${r}:${r}"
        assert ws.cell(r, 2).alignment.wrap_text is True
        assert ws.oddHeader.center.text
    rkt = book["Matriks RKT"]
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2023" in rkt.oddHeader.center.text


def test_document_properties_and_identity_sheet(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1675036800")
    book = openpyxl.load_workbook(build_xlsx(CLEAN, tmp_path / "r.xlsx"))
    props = book.properties
    assert props.creator == "Komisi Pemilihan Umum Kabupaten Ogan Komering Ulu"
    assert props.title == (
        "Rencana Kinerja Tahunan Komisi Pemilihan Umum Kabupaten Ogan Komering Ulu Tahun 2023"
    )
    assert props.created == datetime(2023, 1, 30)
    identity = {row[0].value: row[1] for row in book["Identitas"].iter_rows(min_row=2)}
    assert identity["Tahun"].value == 2023
    assert identity["Tahun"].number_format == "0"
    assert identity["Penandatangan"].value == "NANING WIJAYA"
    assert identity["Tanggal"].value == datetime(2023, 1, 30)
    assert identity["Tanggal"].number_format == "[$-421]d mmmm yyyy"
    assert identity["Periode Renstra"].value == "2020-2024"


def test_nip_and_pagu_in_the_identity_sheet(tmp_path: Path) -> None:
    source = SPECIAL.replace("  nama: NAMA\n", "  nama: NAMA\n  nip: '197601012005011001'\n")
    source += "pagu: 2.004.500,50\n"
    book = openpyxl.load_workbook(build_xlsx(write_plan(tmp_path, source), tmp_path / "r.xlsx"))
    identity = {row[0].value: row[1] for row in book["Identitas"].iter_rows(min_row=2)}
    assert (identity["NIP"].value, identity["NIP"].data_type) == ("197601012005011001", "s")
    assert identity["Pagu anggaran (Rp)"].value == 2004500.5
    assert identity["Pagu anggaran (Rp)"].number_format == "#,##0.00"


def test_byte_identical_with_source_date_epoch(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1675036800")
    first = build_xlsx(CLEAN, tmp_path / "a.xlsx").read_bytes()
    second = build_xlsx(CLEAN, tmp_path / "b.xlsx").read_bytes()
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1706659200")
    assert build_xlsx(CLEAN, tmp_path / "c.xlsx").read_bytes() != first


def test_the_installed_command_writes_the_same_workbook(tmp_path: Path) -> None:
    """`rktc` as installed (its console script, a fresh process) writes what the CLI app
    writes in this process."""
    command = shutil.which("rktc")
    if command is None:
        pytest.skip("rktc is not installed (pip install -e .)")
    out = tmp_path / "installed.xlsx"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1675036800"}
    subprocess.run(
        [command, "build", str(CLEAN), "-f", "xlsx", "-o", str(out)],
        check=True,
        capture_output=True,
        env=env,
    )
    assert out.read_bytes() == build_xlsx(CLEAN, tmp_path / "in-process.xlsx").read_bytes()


# --- limits ------------------------------------------------------------------------------


def test_an_amount_excel_cannot_hold_is_refused(tmp_path: Path) -> None:
    source = SPECIAL.replace("anggaran: 2.000.000", "anggaran: 9.007.199.254.740.993")
    plan = write_plan(tmp_path, source)
    with pytest.raises(RktcError) as refused:
        Pipeline().build(plan, BuildOptions(fmt="xlsx"), tmp_path / "r.xlsx")
    params = dict(refused.value.message.params)
    assert refused.value.message.key == "build.xlsx_inexact"
    assert (params["digits"], params["cell"]) == (16, "'Indikator Kinerja'!F5")
    result = build(plan, "-f", "xlsx", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert not (tmp_path / "r.xlsx").exists()


def test_fifteen_digits_are_written_exactly(tmp_path: Path) -> None:
    source = (
        SPECIAL.replace("anggaran: 2.000.000", "anggaran: 999.999.999.995.000")
        .replace("anggaran: 1.500,50", "anggaran: 1.000")
        .replace("anggaran: 3.000", "anggaran: 1.000")
    )
    path = build_xlsx(write_plan(tmp_path, source), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(path, data_only=True)["Matriks RKT"]
    col = columns(ws)["Anggaran (Rp)"]
    assert ws.cell(data_rows(ws)[1], col).value == 999999999995000
    assert ws.cell(ws.max_row, col).value == 999999999997000


def test_a_total_excel_cannot_hold_is_refused(tmp_path: Path) -> None:
    source = SPECIAL.replace("anggaran: 2.000.000", "anggaran: 999.999.999.999.999").replace(
        "anggaran: 1.500,50", "anggaran: 1.500"
    )
    with pytest.raises(RktcError) as refused:
        Pipeline().build(write_plan(tmp_path, source), BuildOptions(fmt="xlsx"))
    assert refused.value.message.key == "build.xlsx_inexact"
    assert dict(refused.value.message.params)["cell"].startswith("'Matriks RKT'!")


def test_text_escapes() -> None:
    assert escape('a & b <c> "d"') == "a &amp; b &lt;c&gt; &quot;d&quot;"
    assert escape("x\x01y") == "x_x0001_y"
    assert escape("_x0041_") == "_x005F_x0041_"


def test_text_excel_would_misread_round_trips(tmp_path: Path) -> None:
    source = SPECIAL.replace("nama: Layanan Perkantoran", "nama: 'Layanan & <Kantor> _x0041_'")
    book = openpyxl.load_workbook(build_xlsx(write_plan(tmp_path, source), tmp_path / "r.xlsx"))
    ws = book["Matriks RKT"]
    kegiatan = [ws.cell(r, columns(ws)["Kegiatan"]).value for r in data_rows(ws)]
    assert kegiatan[-1] == "Layanan & <Kantor> _x0041_"


# --- LibreOffice Calc ----------------------------------------------------------------------


def calc() -> str:
    """soffice, with its spreadsheet module (Debian: libreoffice-calc-nogui)."""
    office = libreoffice()
    missing = ""
    if office is None:
        missing = "soffice"
    else:
        program = Path(os.path.realpath(office)).parent
        if not glob.glob(str(program / "libsclo.*")):
            missing = "LibreOffice Calc"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing}: apt-get install libreoffice-calc-nogui")
        pytest.skip(f"needs {missing}: apt-get install libreoffice-calc-nogui")
    assert office is not None
    return office


def convert(source: Path, target: str, folder: Path) -> None:
    command = [
        calc(),
        "--headless",
        "--norestore",
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--convert-to",
        target,
        "--outdir",
        str(folder),
        str(source),
    ]
    subprocess.run(command, capture_output=True, timeout=300, check=True)


@pytest.fixture(scope="module")
def csv_sheets(clean_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each sheet as LibreOffice writes it to CSV, formatted as shown (token 9: true)."""
    calc()
    folder = tmp_path_factory.mktemp("csv")
    convert(
        clean_xlsx,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1",
        folder,
    )
    return {
        path.stem.removeprefix(clean_xlsx.stem + "-"): path.read_text(encoding="utf-8")
        for path in folder.glob("*.csv")
    }


def test_libreoffice_reads_every_sheet(csv_sheets: dict[str, str]) -> None:
    assert sorted(csv_sheets) == sorted(["Identitas", *TABLE_SHEETS])


def test_libreoffice_shows_money_percent_and_the_totals(csv_sheets: dict[str, str]) -> None:
    apbn = csv_sheets["Matriks APBN"]
    lines = apbn.splitlines()
    total = [line for line in lines if line.startswith("Jumlah,")]
    assert total == ['Jumlah,,,,,,,"30,577,023,000"']
    assert 'Jumlah Program Dukungan Manajemen,,,,,,,"2,356,993,000"' in lines
    rkt = csv_sheets["Matriks RKT"]
    assert ',97%,,"8,195,000"' in rkt
    assert ',13,kec,"13,457,295,000"' in rkt
    assert "Tahun,2023" in csv_sheets["Identitas"]
    assert "Tanggal,30 Januari 2023" in csv_sheets["Identitas"]


def test_libreoffice_prints_landscape_pages_with_the_figures(
    clean_xlsx: Path, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install poppler-utils")
        pytest.skip("needs poppler-utils")
    convert(clean_xlsx, "pdf", tmp_path)
    pdf = tmp_path / "rkt.pdf"
    info = subprocess.run(
        ["pdfinfo", "-l", "99", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    pages = [(round(float(w)), round(float(h))) for w, h in sizes]
    assert pages[0] == (595, 842)  # the identity sheet: A4 portrait
    assert len(pages) > 1
    assert set(pages[1:]) == {(842, 595)}  # the tables: A4 landscape
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "30,577,023,000" in text or "30.577.023.000" in text
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2023" in text


# --- Pemda and K/L plans: the hierarchical matrices ---------------------------------------

PEMDA = PLANS / "pemda-dinkes-2025.yaml"
KL = PLANS / "kl-bps-2025.yaml"
PEMDA_SHEETS = [
    "Identitas",
    "Indikator Tujuan",
    "Indikator Kinerja Utama",
    "Program dan Kegiatan",
    "Matriks RKT",
    "Lampiran Renja",
]
KL_SHEETS = [
    "Identitas",
    "Indikator Tujuan",
    "Indikator Kinerja Utama",
    "Sasaran Program (IKP)",
    "Sasaran Kegiatan (IKK)",
    "Kegiatan dan Anggaran",
    "Matriks RKT",
    "Rincian Output (RO)",
]
# sheet -> the header of its money column(s), for the sheets that list nodes by Kode
MONEY_SHEETS = {
    "pemda": {
        "Program dan Kegiatan": ["Pagu (Rp)"],
        "Matriks RKT": ["Pagu (Rp)"],
        "Lampiran Renja": ["Pagu Indikatif (Rp)"],
    },
    "kl": {
        "Kegiatan dan Anggaran": ["Anggaran (Rp)"],
        "Matriks RKT": ["Anggaran (Rp)"],
        "Rincian Output (RO)": ["Anggaran (Rp)"],
    },
}
REFERENCE = re.compile(r"^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$")


@pytest.fixture(scope="module")
def office_xlsx(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("offices")
    return {
        "pemda": build_xlsx(PEMDA, folder / "pemda.xlsx"),
        "kl": build_xlsx(KL, folder / "kl.xlsx"),
    }


def plan_hierarchy(plan: Path):  # type: ignore[no-untyped-def]
    from rktc.plan.hierarchy import hierarchy_of

    compiled = Pipeline().validate(plan)
    assert compiled.plan is not None
    return hierarchy_of(compiled.plan)


def heading_row(ws, first: str = "Kode") -> int:  # type: ignore[no-untyped-def]
    """The 1-based row of the column headings: the first row with `first` in it."""
    for row in ws.iter_rows():
        if any(cell.value in ("No", first) for cell in row):
            return int(row[0].row)
    raise AssertionError(f"no heading row in {ws.title}")


def headers(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {c.value: c.column for c in ws[heading_row(ws)] if c.value}


def coded_rows(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Kode -> its row, for the rows below the headings that have a code."""
    col = headers(ws)["Kode"]
    return {
        ws.cell(r, col).value: r
        for r in range(heading_row(ws) + 1, ws.max_row + 1)
        if ws.cell(r, col).value is not None and not str(ws.cell(r, 1).value).startswith("Jumlah")
    }


def total_row(ws) -> int:  # type: ignore[no-untyped-def]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Jumlah"]
    assert len(rows) == 1, (ws.title, rows)
    return rows[0]


def evaluate(ws, cell) -> Decimal:  # type: ignore[no-untyped-def]
    """A cell as a spreadsheet computes it: a number, SUM(refs and ranges, nested SUMs) or
    SUBTOTAL(9, range), leaving out SUBTOTAL cells inside a SUBTOTAL's range."""
    value = cell.value
    if value is None:
        return Decimal(0)
    if isinstance(value, int | float):
        return Decimal(repr(value))
    assert isinstance(value, str), (ws.title, cell.coordinate, value)
    assert value.startswith("="), (ws.title, cell.coordinate, value)
    return _evaluate(ws, value[1:])


def _evaluate(ws, formula: str) -> Decimal:  # type: ignore[no-untyped-def]
    if formula.startswith("SUBTOTAL(9,"):
        found = REFERENCE.match(formula[len("SUBTOTAL(9,") : -1])
        assert found, formula
        total = Decimal(0)
        for row in ws[found[0]]:
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=SUBTOTAL(")):
                    total += evaluate(ws, cell)
        return total
    assert formula.startswith("SUM("), formula
    assert formula.endswith(")"), formula
    inner, depth, args, start = formula[4:-1], 0, [], 0
    for i, ch in enumerate(inner):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            args.append(inner[start:i])
            start = i + 1
    args.append(inner[start:])
    total = Decimal(0)
    for arg in args:
        if arg.startswith("SUM("):
            total += _evaluate(ws, arg)
            continue
        assert REFERENCE.match(arg), arg
        cells = ws[arg] if ":" in arg else ((ws[arg],),)
        total += sum((evaluate(ws, c) for row in cells for c in row), Decimal(0))
    return total


def test_every_layout_gives_short_distinct_tab_names(office_xlsx: dict[str, Path]) -> None:
    names = {kind: openpyxl.load_workbook(path).sheetnames for kind, path in office_xlsx.items()}
    assert names == {"pemda": PEMDA_SHEETS, "kl": KL_SHEETS}
    for found in names.values():
        assert all(len(name) <= 31 for name in found)
        assert len({name.casefold() for name in found}) == len(found)


def test_a_sheet_of_a_layout_of_ones_own_is_named_after_its_heading(tmp_path: Path) -> None:
    layout = tmp_path / "tata-letak.yaml"
    layout.write_text(
        textwrap.dedent(
            """\
            extends: pemda
            bagian:
              - kunci: isi
                isi:
                  - kunci: bab2
                    judul: [BAB II, "SASARAN, PROGRAM DAN KEGIATAN"]
                    sub:
                      - kunci: pagu
                        judul: "C. Program, Kegiatan dan Sub Kegiatan beserta Pagu Indikatifnya"
                        isi:
                          - tabel: pagu_saja
                      - kunci: pagu2
                        judul: "D. Program, Kegiatan dan Sub Kegiatan beserta Pagu Indikatifnya"
                        isi:
                          - tabel: pagu_saja
                  - kunci: lampiran
                    judul: [LAMPIRAN, "TAHUN {year}"]
                    isi:
                      - tabel: matriks_rkt
            tabel:
              pagu_saja:
                sumber: matriks
                kolom: [kode, uraian, pagu]
                jumlah: Jumlah
            """
        ),
        encoding="utf-8",
    )
    path = build_xlsx(PEMDA, tmp_path / "own.xlsx", "--layout", str(layout))
    assert openpyxl.load_workbook(path).sheetnames == [
        "Identitas",
        "Program, Kegiatan dan Sub",
        "Program, Kegiatan dan Sub (2)",
        "Matriks RKT",
    ]


def test_codes_stay_text_in_every_sheet(office_xlsx: dict[str, Path]) -> None:
    for kind, path in office_xlsx.items():
        book = openpyxl.load_workbook(path)
        seen = set()
        for ws in book.worksheets[1:]:
            if "Kode" not in headers(ws):
                continue
            col = headers(ws)["Kode"]
            for r in range(heading_row(ws) + 1, ws.max_row + 1):
                cell = ws.cell(r, col)
                if cell.value is not None:
                    assert cell.data_type == "s", (kind, ws.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
        assert ("1.02.02" if kind == "pemda" else "2886") in seen
        assert "1.02.01.2.01.0001" in seen or "2886.EBA.994" in seen


def test_leaves_are_numbers_parents_sum_their_children_and_the_total_the_tops(
    office_xlsx: dict[str, Path],
) -> None:
    """Every amount is a number or a formula with the rupiah format; a parent's formula
    sums exactly its children's cells; the totals equal the plan's hierarchy."""
    for kind, plan in (("pemda", PEMDA), ("kl", KL)):
        hierarchy = plan_hierarchy(plan)
        nodes = {node.kode: node for node in hierarchy.nodes()}
        book = openpyxl.load_workbook(office_xlsx[kind])
        cached = openpyxl.load_workbook(office_xlsx[kind], data_only=True)
        for sheet, money in MONEY_SHEETS[kind].items():
            ws = book[sheet]
            col = headers(ws)[money[0]]
            for code, r in coded_rows(ws).items():
                cell = ws.cell(r, col)
                node = nodes[code]
                assert cell.number_format == "#,##0", (sheet, cell.coordinate)
                if node.leaf:
                    assert isinstance(cell.value, int), (sheet, cell.coordinate, cell.value)
                elif any(c.kode in coded_rows(ws) for c in node.children):
                    assert str(cell.value).startswith("=SUM("), (sheet, cell.coordinate)
                    refs = re.findall(r"[A-Z]+(\d+)(?::[A-Z]+(\d+))?", cell.value[4:])
                    rows = {int(a) for a, _ in refs} | {int(b) for _, b in refs if b}
                    children = {coded_rows(ws)[c.kode] for c in node.children}
                    assert min(rows) == min(children)
                    assert max(rows) <= max(children)
                else:  # its children are not in this table: the amount printed
                    assert isinstance(cell.value, int), (sheet, cell.coordinate, cell.value)
                assert evaluate(ws, cell) == node.total(), (sheet, code)
                assert Decimal(repr(cached[sheet].cell(r, col).value)) == node.total()
            total = ws.cell(total_row(ws), col)
            assert evaluate(ws, total) == hierarchy.total(), sheet
            assert Decimal(repr(cached[sheet].cell(total.row, col).value)) == hierarchy.total()
    assert plan_hierarchy(PEMDA).total() == Decimal(96365950000)


def test_a_table_of_the_upper_levels_keeps_a_kegiatan_as_the_number_printed(
    office_xlsx: dict[str, Path],
) -> None:
    ws = openpyxl.load_workbook(office_xlsx["pemda"])["Program dan Kegiatan"]
    rows = coded_rows(ws)
    col = headers(ws)["Pagu (Rp)"]
    assert ws.cell(rows["1.02.01.2.01"], col).value == 196250000  # its sub kegiatan: not here
    assert (
        ws.cell(rows["1.02.01"], col).value
        == f"=SUM(C{rows['1.02.01.2.01']}:C{rows['1.02.01.2.10']})"
    )


def test_a_stated_pagu_that_differs_is_the_number_printed_and_counted_once(
    tmp_path: Path,
) -> None:
    """RKT304 (built with --force): the program's row shows the document's figure, the
    stated pagu, as a number; the kegiatan under it still sum their own children; the
    Jumlah sums the programs, so the sub kegiatan under that program are not added again."""
    source = PEMDA.read_text(encoding="utf-8")
    assert source.count("pagu: 60.969.800.000\n") == 1
    plan = write_plan(tmp_path, source.replace("pagu: 60.969.800.000\n", "pagu: 61.000.000.000\n"))
    result = build(plan, "-f", "xlsx", "-o", tmp_path / "r.xlsx", "--force")
    assert "RKT304" in result.output  # type: ignore[attr-defined]
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    ws = book["Matriks RKT"]
    rows = coded_rows(ws)
    col = headers(ws)["Pagu (Rp)"]
    assert ws.cell(rows["1.02.01"], col).value == 61000000000
    assert ws.cell(rows["1.02.01.2.01"], col).value.startswith("=SUM(")
    hierarchy = plan_hierarchy(plan)
    difference = Decimal(61000000000) - hierarchy.roots[0].total()
    total = evaluate(ws, ws.cell(total_row(ws), col))
    assert total == hierarchy.total() + difference  # as the document prints it
    cached = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Matriks RKT"]
    assert Decimal(repr(cached.cell(total_row(ws), col).value)) == total


def test_matrix_rows_are_bold_outlined_by_level_and_wrap_several_indicators(
    office_xlsx: dict[str, Path],
) -> None:
    ws = openpyxl.load_workbook(office_xlsx["kl"])["Matriks RKT"]
    rows = coded_rows(ws)
    cols = headers(ws)
    levels = {code: ws.row_dimensions[r].outline_level for code, r in rows.items()}
    assert [levels[c] for c in ("054.01.GG", "2897", "2897.BMA", "2897.BMA.004")] == [0, 1, 2, 3]
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    assert ws.cell(rows["2897"], cols["Kode"]).font.b is True
    assert ws.cell(rows["2897.BMA.004"], cols["Kode"]).font.b is not True
    assert ws.cell(rows["2897"], cols["Anggaran (Rp)"]).font.b is True
    program = rows["054.01.GG"]
    indicators = ws.cell(program, cols["Indikator Kinerja"])
    assert indicators.value.count("\n") == 1  # two indicators, one per line
    assert indicators.alignment.wrap_text is True
    assert ws.cell(program, cols["Target"]).value == "92%\n100%"  # as printed
    assert ws.row_dimensions[program].ht > 12.75
    volume = ws.cell(rows["2897.BMA.005"], cols["Volume"])
    assert (volume.value, volume.data_type) == (14, "n")


@pytest.mark.parametrize("kind", ["pemda", "kl"])
def test_matrix_sheets_print_landscape_with_frozen_headings(
    office_xlsx: dict[str, Path], kind: str
) -> None:
    book = openpyxl.load_workbook(office_xlsx[kind])
    for name in book.sheetnames[1:]:
        ws = book[name]
        r = heading_row(ws)
        assert ws.page_setup.orientation == "landscape", name
        assert ws.freeze_panes == f"A{r + 1}", name
        assert ws.print_title_rows == f"${r}:${r}", name
    assert book["Identitas"].page_setup.orientation == "portrait"


def test_a_row_per_indicator_keeps_the_sums_right(tmp_path: Path) -> None:
    """`baris_per_indikator`: a node's second indicators are rows of their own, merged
    under the node's amount; the parents' SUMs and the Jumlah still count each once."""
    layout = tmp_path / "per-indikator.yaml"
    layout.write_text(
        "extends: kl\ntabel:\n  matriks_rkt:\n    baris_per_indikator: ya\n", encoding="utf-8"
    )
    ws = openpyxl.load_workbook(build_xlsx(KL, tmp_path / "r.xlsx", "--layout", str(layout)))[
        "Matriks RKT"
    ]
    hierarchy = plan_hierarchy(KL)
    nodes = {node.kode: node for node in hierarchy.nodes()}
    col = headers(ws)["Anggaran (Rp)"]
    rows = coded_rows(ws)
    program = rows["054.01.GG"]
    assert ws.cell(program + 1, headers(ws)["Kode"]).value is None  # its second indicator
    assert ws.cell(program + 1, col).coordinate in ws.merged_cells
    for code, r in rows.items():
        assert evaluate(ws, ws.cell(r, col)) == nodes[code].total(), code
    assert evaluate(ws, ws.cell(total_row(ws), col)) == hierarchy.total()


def test_sum_formulas_stay_within_excels_limits() -> None:
    from rktc.render.xlsx.sheets import row_runs, sum_formula

    assert row_runs([1, 2, 3, 7, 9, 10], list(range(12))) == [(1, 3), (7, 7), (9, 10)]
    own_end = [0, 2, 2, 3]  # row 1 has a second indicator row (2): row 3 follows it
    assert row_runs([1, 3], own_end) == [(1, 3)]
    assert sum_formula("H", [(7, 9), (12, 12)]) == "SUM(H7:H9,H12)"
    many = sum_formula("H", [(2 * i, 2 * i) for i in range(1, 301)])
    assert many is not None
    assert many.startswith("SUM(SUM(H2,")
    assert many.count("SUM(") == 3
    assert re.findall(r"H(\d+)", many) == [str(2 * i) for i in range(1, 301)]  # each once
    assert sum_formula("H", [(2 * i, 2 * i) for i in range(1, 2001)]) is None  # too long


# --- LibreOffice recalculates the Pemda and K/L workbooks ---------------------------------


def without_cached_results(source: Path, target: Path) -> Path:
    """The workbook with every formula's stored result removed, so that a reader has to
    calculate each one itself."""
    import zipfile

    with zipfile.ZipFile(source) as given, zipfile.ZipFile(target, "w") as out:
        for info in given.infolist():
            data = given.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", data)
            out.writestr(info, data, zipfile.ZIP_DEFLATED)
    return target


@pytest.fixture(scope="module")
def recalculated(
    office_xlsx: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Each workbook as LibreOffice Calc saves it again after calculating its formulas."""
    calc()
    folder = tmp_path_factory.mktemp("recalculated")
    stripped = folder / "in"
    stripped.mkdir()
    for kind, path in office_xlsx.items():
        without_cached_results(path, stripped / f"{kind}.xlsx")
    out = folder / "out"
    command = [
        calc(),
        "--headless",
        "--norestore",
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        *(str(stripped / f"{kind}.xlsx") for kind in office_xlsx),
    ]
    subprocess.run(command, capture_output=True, timeout=300, check=True)
    return {kind: out / f"{kind}.xlsx" for kind in office_xlsx}


@pytest.mark.parametrize(("kind", "plan"), [("pemda", PEMDA), ("kl", KL)])
def test_libreoffice_recalculates_the_hierarchys_totals(
    recalculated: dict[str, Path], office_xlsx: dict[str, Path], kind: str, plan: Path
) -> None:
    hierarchy = plan_hierarchy(plan)
    nodes = {node.kode: node for node in hierarchy.nodes()}
    ours = openpyxl.load_workbook(office_xlsx[kind])
    book = openpyxl.load_workbook(recalculated[kind], data_only=True)
    formulas = 0
    for sheet, money in MONEY_SHEETS[kind].items():
        ws, written = book[sheet], ours[sheet]
        for header in money:
            col = headers(ws)[header]
            for code, r in coded_rows(ws).items():
                formulas += str(written.cell(r, col).value).startswith("=")
                assert Decimal(repr(ws.cell(r, col).value)) == nodes[code].total(), (sheet, code)
            total = ws.cell(total_row(ws), col).value
            assert Decimal(repr(total)) == hierarchy.total(), sheet
        programs = {root.kode: root.total() for root in hierarchy.roots}
        col = headers(ws)[money[0]]
        rows = coded_rows(ws)
        if sheet != "Rincian Output (RO)":  # the RO under their KRO: no program rows
            shown = {code: Decimal(repr(ws.cell(rows[code], col).value)) for code in programs}
            assert shown == programs
        # no code became a number in Calc's hands
        kode = headers(ws)["Kode"]
        for r in rows.values():
            assert ws.cell(r, kode).data_type == "s", (sheet, r)
    assert formulas > 10  # the figures checked were calculated, not stored


def test_libreoffice_recalculates_the_renja_pagu_n1(
    recalculated: dict[str, Path],
) -> None:
    hierarchy = plan_hierarchy(PEMDA)
    ws = openpyxl.load_workbook(recalculated["pemda"], data_only=True)["Lampiran Renja"]
    col = headers(ws)["Prakiraan Maju n+1: Pagu Indikatif (Rp)"]
    ahead = sum((leaf.pagu_maju or Decimal(0) for leaf in hierarchy.leaves()), Decimal(0))
    assert Decimal(repr(ws.cell(total_row(ws), col).value)) == ahead
    first = hierarchy.roots[0]
    expected = sum((leaf.pagu_maju or 0 for leaf in first.walk() if leaf.leaf), Decimal(0))
    assert Decimal(repr(ws.cell(coded_rows(ws)[first.kode], col).value)) == expected


def test_a_published_matrix_is_summed_by_its_rows_levels(tmp_path: Path) -> None:
    """A matrix written as published (`tabel.matriks`): its rows' places in the file say
    nothing of the tree (`tabel.matriks.0`, `.1` ...), the view's depths do; the program's
    row sums its sub kegiatan and the Jumlah counts the money once."""
    plan = write_plan(
        tmp_path,
        """\
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
              indikator: Persentase dokumen tepat waktu
              satuan: "%"
              target: 100%
              pagu: 250.000.000
            - kode: "7.01.01.2.01.0001"
              tingkat: sub_kegiatan
              uraian: Penyusunan Dokumen Perencanaan Perangkat Daerah
              indikator: Jumlah dokumen perencanaan
              satuan: Dokumen
              target: 2 Dokumen
              pagu: 150.000.000
            - kode: "7.01.01.2.01.0002"
              tingkat: sub_kegiatan
              uraian: Evaluasi Kinerja Perangkat Daerah
              indikator: Jumlah laporan evaluasi
              satuan: Laporan
              target: 4 Laporan
              pagu: 100.000.000
            - {uraian: Jumlah, jumlah: ya, pagu: 250.000.000}
        """,
    )
    result = build(plan, "-f", "xlsx", "-o", tmp_path / "p.xlsx", "--force")
    assert (tmp_path / "p.xlsx").is_file(), result.output  # type: ignore[attr-defined]
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Matriks RKT"]
    rows = coded_rows(ws)
    col = headers(ws)["Pagu (Rp)"]
    first, last = rows["7.01.01.2.01.0001"], rows["7.01.01.2.01.0002"]
    assert ws.cell(rows["7.01.01"], col).value == f"=SUM(H{first}:H{last})"
    assert ws.cell(total_row(ws), col).value == f"=SUM(H{rows['7.01.01']})"
    assert evaluate(ws, ws.cell(total_row(ws), col)) == 250000000
