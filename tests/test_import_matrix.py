"""`rktc import` of every kind of office's documents into format 2, nothing lost.

The corpus (tests/import_corpus/documents.py) is twelve documents of KPU, Pemda OPD, K/L
satker and other offices (a BLUD hospital, a provincial badan), as Word files, workbooks
and SIPD's HTML .xls, built here. Each is imported with `rktc import` and compared with
the plan it must give (tests/import_corpus/expected/NAME.yaml, field by field, and the
notes written beside the values) and with the findings `rktc validate` must then report
(NAME.findings: code, place in the plan, line:column). `pytest --update-golden` rewrites
the expected files from the importer's output, to be reviewed before committing.

Then: every cell of every table of every document is found in the plan written; the
readers carry a cell's lines, bold and indent alike from the fast and the plain reading;
a plan rktc builds for a Pemda and a K/L office imports back into its hierarchy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import PLANS, positions
from import_corpus.builders import BREAK, Cell, Document, Num, TableSpec, write_docx, write_xlsx
from import_corpus.documents import DOCUMENTS, B, build
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.errors import RktcError
from rktc.core.messages import Message
from rktc.importer import dialect as dialects
from rktc.importer.blocks import Table, docx_blocks, read_blocks
from rktc.importer.recognize import recognize
from rktc.importer.run import import_document, imported_plan
from rktc.importer.sheets import number_text
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.hierarchy import hierarchy_of
from rktc.plan.load import Loaded, load_file, load_text

runner = CliRunner()
EXPECTED = Path(__file__).parent / "import_corpus" / "expected"
NAMES = list(DOCUMENTS)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """Each corpus document built and imported with `rktc import`: (source, plan, output)."""
    folder = tmp_path_factory.mktemp("corpus")
    done = {}
    for name in NAMES:
        source = build(name, folder)
        plan = folder / f"{name}.yaml"
        result = runner.invoke(app, ["import", str(source), "-o", str(plan), "--lang", "en"])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
        done[name] = (source, plan, result.output)
    return done


# --- the corpus ---------------------------------------------------------------------------------


def test_the_corpus_covers_every_kind_of_office_and_source() -> None:
    offices = {entry.office for entry in DOCUMENTS.values()}
    formats = {entry.fmt for entry in DOCUMENTS.values()}
    assert len(DOCUMENTS) >= 12
    assert offices == {"kpu", "pemda", "kl", "other"}
    assert formats == {"docx", "xlsx", "xls"}


def walk(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value of a plan with its path, mappings and lists too."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, (*path, i))


def dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(step) for step in path)


def differences(expected: Any, actual: Any, path: tuple[str | int, ...] = ()) -> list[str]:
    """Every field where two plans differ, by its path (field by field, not as a whole)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in dict.fromkeys([*expected, *actual]):
            if key not in actual:
                found.append(f"{dotted((*path, key))}: missing")
            elif key not in expected:
                found.append(f"{dotted((*path, key))}: not expected ({actual[key]!r})")
            else:
                found += differences(expected[key], actual[key], (*path, key))
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = [f"{dotted(path)}: {len(actual)} items, expected {len(expected)}"]
        if len(expected) == len(actual):
            found = []
        for i, (one, other) in enumerate(zip(expected, actual, strict=False)):
            found += differences(one, other, (*path, i))
        return found
    return [] if expected == actual else [f"{dotted(path)}: {actual!r}, expected {expected!r}"]


def notes_of(loaded: Loaded) -> dict[str, str]:
    """The comment written beside each value, by the value's path."""
    lines = loaded.text.split("\n")
    notes = {}
    for path, _ in walk(loaded.data):
        if not path:
            continue
        line = lines[loaded.source.key(path).line - 1]
        if "  # " in line and not line.lstrip().startswith("#"):
            notes[dotted(path)] = line.split("  # ", 1)[1]
    return notes


def findings_of(plan: Path) -> list[str]:
    """What `rktc validate` reports, as `CODE path line:column` (the path of the value or
    key the finding points at)."""
    loaded = load_file(plan)
    places: dict[tuple[int, int], str] = {}
    for path, _ in walk(loaded.data):
        for where in (loaded.source.value(path), loaded.source.key(path)):
            places.setdefault((where.line, where.column), dotted(path) or "-")
    checked = Pipeline().validate(plan)
    return [
        f"{d.code} {places.get((d.location.line, d.location.column), '?')} "
        f"{d.location.line}:{d.location.column}"
        for d in checked.diagnostics
    ]


def expected_file(name: str, suffix: str, actual: str, update: bool) -> str:
    path = EXPECTED / f"{name}.{suffix}"
    if update:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_each_document_imports_into_its_plan_field_by_field(
    name: str, imported: dict[str, tuple[Path, Path, str]], request: pytest.FixtureRequest
) -> None:
    _, plan, _ = imported[name]
    written = plan.read_text(encoding="utf-8")
    update = bool(request.config.getoption("--update-golden"))
    expected = load_text(expected_file(name, "yaml", written, update), f"{name}.yaml")
    actual = load_text(written, plan.name)
    assert actual.data is not None
    assert expected.data is not None
    assert differences(expected.data, actual.data) == []
    assert notes_of(actual) == notes_of(expected)
    jenis = DOCUMENTS[name].office
    assert actual.data["rktc"] == "2"
    assert actual.data["jenis"] == (jenis if jenis != "other" else "pemda")


@pytest.mark.parametrize("name", NAMES)
def test_each_document_gives_the_findings_expected(
    name: str, imported: dict[str, tuple[Path, Path, str]], request: pytest.FixtureRequest
) -> None:
    _, plan, output = imported[name]
    found = findings_of(plan)
    update = bool(request.config.getoption("--update-golden"))
    text = "".join(f"{line}\n" for line in found)
    assert expected_file(name, "findings", text, update).splitlines() == found
    for line in found:  # the import command printed them, in one run
        code, _, place = line.split(" ")
        assert f"{plan.name}:{place}: {code}" in output


@pytest.mark.parametrize("name", NAMES)
def test_the_plan_is_checked_as_the_loader_reads_the_file_written(
    name: str, imported: dict[str, tuple[Path, Path, str]]
) -> None:
    # `rktc import` checks the plan as the writer hands it over, without reading the file
    # again: its data and the position of every key and value must be the loader's
    source, plan, _ = imported[name]
    for single in (False, True):
        try:
            written, _ = imported_plan(source, single, display=str(plan))
        except RktcError as exc:  # a plan with schema errors has no single form
            refused = (single, exc.message.key)
            assert refused == (True, "import.not_readable")
            continue
        read = load_text(written.text, str(plan))
        assert written.data == read.data
        assert positions(written) == positions(read)
    assert load_file(plan).text == imported_plan(source, False, display=str(plan))[0].text


# --- nothing lost ---------------------------------------------------------------------------------


def plan_texts(data: Any) -> set[str]:
    """Every text of a plan, with the lines of those of several lines, and a row's code
    and name together (a group row prints them in one cell)."""
    texts: set[str] = set()
    for _, value in walk(data):
        if isinstance(value, str):
            texts.add(" ".join(value.split()))
            texts.update(" ".join(line.split()) for line in value.split("\n"))
        elif isinstance(value, dict):
            texts.update(str(key) for key in value)
            if "kode" in value and "uraian" in value:
                texts.add(f"{value['kode']} {value['uraian']}")
    return texts


def readings(cell: str | Num) -> Iterator[str]:
    """A cell's line as printed, and as each number dialect (or a workbook's format) reads
    it."""
    if isinstance(cell, Num):
        yield number_text(cell.value, cell.format)
        yield cell.shown
        return
    for line in cell.replace(BREAK, "\n").split("\n"):
        text = " ".join(line.split())
        if not text:
            continue
        yield text


def found_in(line: str, texts: set[str]) -> bool:
    if line in texts:
        return True
    return any(
        dialects.read_cell(line, money, dialect).text in texts
        for dialect in ("id", "en", "sipd", "mixed")
        for money in (False, True)
    )


@pytest.mark.parametrize("name", NAMES)
def test_every_cell_of_every_table_is_in_the_plan(
    name: str, imported: dict[str, tuple[Path, Path, str]]
) -> None:
    _, plan, _ = imported[name]
    data = load_file(plan).data
    texts = plan_texts(data)
    lost = []
    for t, table in enumerate(DOCUMENTS[name].document.tables(), start=1):
        for r, row in enumerate(table.rows[table.header_rows :]):
            for value in row:
                if value is None:
                    continue
                cell = value.text if isinstance(value, Cell) else value
                if isinstance(cell, Num):
                    if number_text(cell.value, cell.format) not in texts:
                        lost.append((t, r, cell))
                    continue
                for line in readings(cell):
                    if not found_in(line, texts):
                        lost.append((t, r, line))
    assert lost == []


# --- what the import says --------------------------------------------------------------------------


def test_the_report_names_the_kind_of_office_and_how_each_matrix_was_read(
    imported: dict[str, tuple[Path, Path, str]],
) -> None:
    _, plan, output = imported["dinkes_renja"]
    printed = output.splitlines()
    assert printed[1].startswith("  kind of office: pemda (code 1.02.02")
    matrix = next(line for line in printed if "hierarchical matrix (table 1)" in line)
    assert "urusan 1, bidang_urusan 1, program 1, kegiatan 1, sub_kegiatan 2" in matrix
    assert "Realisasi Capaian Tahun n-2 = kolom" in matrix
    assert "Prakiraan Maju Rencana Tahun n+1: Pagu Indikatif (Rp) = pagu_maju" in matrix
    assert "numbers read in the SIPD spelling" in output
    header = plan.read_text(encoding="utf-8").split("\nrktc: 2\n")[0]
    assert "kind of office: pemda" in header  # the plan says it too
    _, _, kpu = imported["kpu_kabupaten"]
    assert "kind of office: kpu (KPU tables" in kpu


def test_the_kind_of_office_can_be_chosen(tmp_path: Path) -> None:
    source = build("kecamatan", tmp_path)
    _, report = import_document(source, False, jenis="pemda")
    assert isinstance(report[0], Message)
    assert report[0].key == "import.jenis_chosen"
    out = tmp_path / "kpu.yaml"
    result = runner.invoke(
        app, ["import", str(source), "-o", str(out), "--jenis", "kpu", "--lang", "en"]
    )
    assert "kind of office: kpu (set with --jenis)" in result.output
    assert load_file(out).data["jenis"] == "kpu"
    bad = runner.invoke(app, ["import", str(source), "-o", str(out), "--jenis", "desa"])
    assert bad.exit_code == 2
    assert "desa" in bad.output


def test_indicators_whose_lines_do_not_pair_up_are_kept_whole_and_reported(
    imported: dict[str, tuple[Path, Path, str]],
) -> None:
    _, plan, output = imported["rsud"]
    row = load_file(plan).data["tabel"]["matriks"][0]
    assert row["indikator"] == (
        "Persentase pasien yang puas\nAngka kematian pasien lebih dari 48 jam"
    )
    assert row["satuan"] == "%\nper mil"
    assert row["target"] == "88,6%"  # one target for two indicators: not given to either
    assert "holds 2 indicators in one cell, but its target has 1 lines" in output


def test_total_rows_are_totals_checked_against_the_sum(
    imported: dict[str, tuple[Path, Path, str]],
) -> None:
    rows = load_file(imported["kecamatan"][1]).data["tabel"]["matriks"]
    totals = [(r["uraian"], r["pagu"]) for r in rows if r.get("jumlah") == "ya"]
    assert totals == [
        ("Jumlah Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "150.000.000"),
        ("JUMLAH", "195.000.000"),
    ]
    compiled = Pipeline().validate(imported["kecamatan"][1])
    assert compiled.plan is not None
    stated = hierarchy_of(compiled.plan).totals
    assert [t.scope.kode if t.scope else None for t in stated] == ["7.01.01", None]
    assert "RKT305" not in {d.code for d in compiled.diagnostics}  # both add up
    assert "RKT305" in {
        d.code for d in Pipeline().validate(imported["dinkes_renja"][1]).diagnostics
    }


def test_the_levels_come_from_codes_columns_labels_bold_and_indent(
    imported: dict[str, tuple[Path, Path, str]],
) -> None:
    def levels(name: str) -> list[str]:
        rows = load_file(imported[name][1]).data["tabel"]["matriks"]
        return [r.get("tingkat", "-") for r in rows if r.get("jumlah") != "ya"]

    # codes: the Pemda's by their parts, the K/L's by their shape
    assert levels("bapenda") == [
        "urusan",
        "bidang_urusan",
        "program",
        "kegiatan",
        "sub_kegiatan",
        "kegiatan",
        "sub_kegiatan",
    ]
    assert levels("kejaksaan") == ["program", "kegiatan", "kro", "ro", "kro", "ro"]
    # one column per level
    assert levels("bappeda") == [
        "program",
        "kegiatan",
        "sub_kegiatan",
        "sub_kegiatan",
        "kegiatan",
        "sub_kegiatan",
        "program",
        "kegiatan",
        "sub_kegiatan",
    ]
    # no codes: "PROGRAM ..." and the indent of the rows below it
    assert levels("dinas_pupr") == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]


# --- the readers ---------------------------------------------------------------------------------


def formatted_document() -> Document:
    return Document(
        [
            TableSpec(
                [
                    ["Kode", "Uraian", "Indikator"],
                    [Cell("1.02.02", bold=True), Cell("PROGRAM A", bold=True), "satu"],
                    ["1.02.02.2.01", Cell("Kegiatan B", indent=5), f"dua{BREAK}tiga\nempat"],
                ]
            )
        ]
    )


def test_a_word_table_keeps_lines_bold_and_indent_alike_in_both_readings(tmp_path: Path) -> None:
    source = write_docx(formatted_document(), tmp_path / "f.docx")
    split, parsed = docx_blocks(source), docx_blocks(source, split=False)
    [table] = [b for b in split if isinstance(b, Table)]
    [other] = [b for b in parsed if isinstance(b, Table)]
    assert (table.rows, table.lines, table.bold, table.indent) == (
        other.rows,
        other.lines,
        other.bold,
        other.indent,
    )
    assert table.rows[2][2] == "dua tiga empat"  # a line break separates words
    assert table.lines[(2, 2)] == ("dua", "tiga", "empat")
    assert {(1, 0), (1, 1)} <= table.bold
    assert (2, 1) not in table.bold
    assert table.indent == {(2, 1): 283}  # 0,5 cm in twips


@pytest.mark.parametrize("name", ["kecamatan", "bps", "rsud", "bappeda", "kejaksaan", "kpu_kota"])
def test_a_large_document_read_in_two_processes_reads_as_in_one(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # forced for a small document: the middle table is cut at one of its rows, and the
    # rows after the cut are read in a child (a workbook: the later sheets)
    from rktc.importer import blocks, sheets

    source = build(name, tmp_path)
    monkeypatch.setenv("RKTC_SERIAL", "1")
    alone = read_blocks(source)
    monkeypatch.delenv("RKTC_SERIAL")
    monkeypatch.setattr(blocks, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(sheets, "PARALLEL_MIN_CHARS", 0)
    assert read_blocks(source) == alone
    if source.suffix == ".docx":
        import zipfile

        with zipfile.ZipFile(source) as package:
            split = blocks._Split.of(package.read("word/document.xml"))
        assert split is not None
        numbers = list(range(len(split.places)))
        cut = [
            place for place, start, _ in split._parts(numbers) if start != split.places[place][0]
        ]
        assert len(cut) == 1  # one table read in two parts


def test_a_workbook_keeps_lines_bold_and_indent_alike_in_both_readings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rktc.importer import sheets

    source = write_xlsx(formatted_document(), tmp_path / "f.xlsx")

    def read() -> Table:
        [table] = [b for b in read_blocks(source) if isinstance(b, Table)]
        return table

    fast = read()
    monkeypatch.setattr(sheets._Sheet, "blocks", lambda sheet: None)
    slow = read()
    assert (fast.rows, fast.lines, fast.bold, fast.indent) == (
        slow.rows,
        slow.lines,
        slow.bold,
        slow.indent,
    )
    assert fast.lines[(2, 2)] == ("dua", "tiga", "empat")
    assert {(1, 0), (1, 1)} <= fast.bold
    assert fast.indent == {(2, 1): 5}


def test_a_sipd_cell_keeps_its_br_lines_and_bold(
    imported: dict[str, tuple[Path, Path, str]],
) -> None:
    source = imported["dinkes_renja"][0]
    [table] = [b for b in read_blocks(source) if isinstance(b, Table)]
    program = next(r for r, row in enumerate(table.rows) if row[1] == "1.02.02")
    assert table.lines[(program, 3)] == (
        "Indeks Keluarga Sehat",
        "Persentase penduduk yang mendapat pelayanan kesehatan sesuai standar",
    )
    assert (program, 2) in table.bold
    assert (program + 2, 2) not in table.bold


def test_a_kpu_document_is_read_as_before_in_format_2(
    imported: dict[str, tuple[Path, Path, str]],
) -> None:
    data = load_file(imported["kpu_kabupaten"][1]).data
    assert data["jenis"] == "kpu"
    assert set(data["tabel"]) == {"sasaran", "indikator", "rkt", "apbn"}
    assert "matriks" not in data["tabel"]
    assert data["penandatangan"]["pangkat"] == "Pembina (IV/a)"
    assert data["penandatangan"]["jabatan"].startswith("Plh. SEKRETARIS")


# --- a plan rktc builds comes back as its hierarchy ----------------------------------------------


def shape(plan: Any) -> list[tuple[Any, ...]]:
    """A plan's hierarchy: each node's level, code, name, money (a parent's as the matrix
    prints it: its stated pagu, else the sum under it) and indicators."""
    out = []
    for node in hierarchy_of(plan).nodes():
        money = node.anggaran if node.leaf else node.pagu
        if money is None and not node.leaf and node.has_money():
            money = node.total()
        indicators = tuple(
            (use.indicator.nama, use.indicator.printed_target()) for use in node.indicators
        )
        extra = dict(node.extra)  # a matrix row prints its indicators' own columns too
        for use in node.indicators:
            extra.update(use.indicator.extra)
        out.append((node.level, node.kode, node.nama, money, indicators, node.attrs, extra))
    return out


UNMODELLED = {
    "Prakiraan Maju n+1: Target",
    "Target Akhir Periode Renstra",
    "Realisasi Capaian Tahun n-2",
    "Prakiraan Capaian Tahun n-1",
    "Sasaran Program",
    "Sasaran Kegiatan",
}


@pytest.mark.parametrize("example", ["pemda-dinkes-2025", "kl-bps-2025"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_built_plan_imports_back_into_its_hierarchy(
    tmp_path: Path, example: str, fmt: str
) -> None:
    source = PLANS / f"{example}.yaml"
    built = tmp_path / f"rkt.{fmt}"
    made = runner.invoke(app, ["build", str(source), "-o", str(built), "-f", fmt])
    assert made.exit_code == 0, made.output
    back = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", str(built), "-o", str(back), "--lang", "en"])
    assert "Traceback" not in result.output
    original = Pipeline().validate(source).plan
    again = Pipeline().validate(back)
    assert again.plan is not None, result.output
    expected = shape(original)
    found = shape(again.plan)
    # the codes, names, levels and money of every node, in order
    assert [row[:4] for row in found] == [
        (level, kode, nama, money) for level, kode, nama, money, *_ in expected
    ]
    # every indicator with its target, where the document prints them (a ref: is printed
    # where it is used too)
    assert [row[4] for row in found] == [row[4] for row in expected]
    # the Renja cells the document prints (no layout prints the waktu pelaksanaan)
    printed = [{k: v for k, v in row[5].items() if k != "waktu_pelaksanaan"} for row in expected]
    assert [row[5] for row in found] == printed
    # the plan's own columns; beside them, what a matrix row has no field for (a target of
    # n+1 or of the Renstra, a realisasi of n-2, the sasaran of a program) in its column
    for mine, theirs in zip(found, expected, strict=True):
        assert theirs[6].items() <= mine[6].items()
        assert set(mine[6]) - set(theirs[6]) <= UNMODELLED


def test_a_document_without_a_matrix_reads_no_matrix(tmp_path: Path) -> None:
    document = Document([TableSpec([["No", "Indikator Kinerja", "Target"], ["1", "Nilai", "75"]])])
    source = write_docx(document, tmp_path / "x.docx")
    result = recognize(read_blocks(source))
    assert result.data["jenis"] == "kpu"
    assert "matriks" not in result.data.get("tabel", {})
    assert re.search(r"no hierarchical matrix", result.jenis.render("en") if result.jenis else "")


@pytest.mark.parametrize("name", ["kecamatan", "bps", "rsud"])
def test_the_single_source_form_of_a_matrix_is_its_hierarchy(
    name: str, imported: dict[str, tuple[Path, Path, str]], tmp_path: Path
) -> None:
    source, published, _ = imported[name]
    single = tmp_path / "single.yaml"
    result = runner.invoke(
        app, ["import", str(source), "-o", str(single), "--single-source", "--lang", "en"]
    )
    assert "Traceback" not in result.output
    compiled = Pipeline().validate(single)
    assert compiled.well_formed, result.output
    data = load_file(single).data
    assert "tabel" not in data
    assert data["jenis"] == load_file(published).data["jenis"]
    before = Pipeline().validate(published).plan
    # the same nodes, codes, names, money and indicators as the published matrix
    assert [row[:5] for row in shape(compiled.plan)] == [row[:5] for row in shape(before)]
    # what validation finds is the same (at the places of the single source)
    codes = sorted(d.code for d in compiled.diagnostics)
    assert codes == sorted(d.code for d in Pipeline().validate(published).diagnostics)
    if name == "kecamatan":  # the whole matrix's Jumlah is the plan's pagu
        assert data["pagu"] == "195.000.000"
    text = single.read_text(encoding="utf-8")
    assert "from the cover; check capitalisation" in text  # the notes go with it


# --- edge cases of the matrix reader ----------------------------------------------------------


def matrix_rows(
    tmp_path: Path, rows: list[list[Any]], **kw: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    """The matrix rows a one-table Word document gives, and the import report."""
    source = write_docx(Document(["BAB II", TableSpec(rows, **kw)]), tmp_path / "m.docx")
    result = recognize(read_blocks(source))
    said = [m.render("en") for m in [*result.report, *result.unplaced]]
    return result.data.get("tabel", {}).get("matriks", []), said


def test_a_kode_printed_in_several_columns_and_a_tingkat_column(tmp_path: Path) -> None:
    rows, _ = matrix_rows(
        tmp_path,
        [
            [Cell("Kode", span=3), None, None, "Uraian", "Tingkat", "Pagu (Rp)"],
            ["1", "02", "02", "PROGRAM A", "Program", "10.000.000"],
            ["1", "02", "02.2.01", "Kegiatan B", "Kegiatan", "10.000.000"],
        ],
    )
    assert [(r["kode"], r["tingkat"]) for r in rows] == [
        ("1.02.02", "program"),
        ("1.02.02.2.01", "kegiatan"),
    ]


def test_a_total_labelled_in_the_indicator_column_and_an_unreadable_amount(
    tmp_path: Path,
) -> None:
    rows, said = matrix_rows(
        tmp_path,
        [
            ["Kode", "Sub Kegiatan", "Indikator", "Pagu (Rp)"],
            ["1.02.02.2.01.0001", "Sub A", "Jumlah dokumen", "5.000.000"],
            ["1.02.02.2.01.0002", "Sub B", "Jumlah laporan", "lima juta"],
            ["", "", "Jumlah", "5.000.000"],
        ],
    )
    assert rows[1]["kolom"] == {"Pagu (Rp)": "lima juta"}  # kept, not lost
    assert "pagu" not in rows[1]
    assert rows[2] == {"uraian": "Jumlah", "pagu": "5.000.000", "jumlah": "ya"}
    assert any("the pagu 'lima juta' of the row" in line for line in said)


def test_levels_shown_by_bold_alone(tmp_path: Path) -> None:
    rows, said = matrix_rows(
        tmp_path,
        [
            ["Uraian", "Indikator", "Lokasi", "Pagu (Rp)"],
            [B("Program Peningkatan Layanan"), "Indeks layanan", "", "30.000.000"],
            [B("Penyediaan Sarana Layanan"), "Jumlah sarana", "", "30.000.000"],
            ["Pengadaan Peralatan Layanan", "Jumlah peralatan", "Kecamatan A", "30.000.000"],
        ],
    )
    assert [r["tingkat"] for r in rows] == ["program", "kegiatan", "sub_kegiatan"]
    assert not any("could not be told" in line for line in said)


def test_a_row_whose_level_cannot_be_told_is_written_without_one_and_reported(
    tmp_path: Path,
) -> None:
    rows, said = matrix_rows(
        tmp_path,
        [
            ["Uraian", "Indikator", "Sumber Dana", "Pagu (Rp)"],
            ["Pengadaan Peralatan", "Jumlah peralatan", "DAU", "30.000.000"],
            ["Pemeliharaan Peralatan", "Jumlah peralatan terpelihara", "DAU", "20.000.000"],
        ],
    )
    assert all("tingkat" not in r for r in rows)
    assert any("the level of 2 rows could not be told" in line for line in said)


def test_two_matrices_that_disagree_keep_both_values_and_say_so(tmp_path: Path) -> None:
    source = write_docx(
        Document(
            [
                "BAB II",
                TableSpec(
                    [
                        ["Kode", "Program/ Kegiatan/ Sub Kegiatan", "Pagu (Rp)"],
                        ["1.02.02", "PROGRAM A", "30.000.000"],
                        ["1.02.02.2.01", "Kegiatan B", "30.000.000"],
                    ]
                ),
                "Lampiran",
                TableSpec(
                    [
                        [
                            "No",
                            "Kode",
                            "Program/ Kegiatan/ Sub Kegiatan",
                            "Pagu Indikatif",
                            "Lokasi",
                        ],
                        ["1", "1.02.02", "PROGRAM A", "35.000.000", ""],
                        ["2", "1.02.02.2.01", "Kegiatan B", "30.000.000", ""],
                        ["3", "1.02.02.2.01.0001", "Sub C", "30.000.000", "Desa D"],
                    ]
                ),
            ]
        ),
        tmp_path / "two.docx",
    )
    result = recognize(read_blocks(source))
    rows = result.data["tabel"]["matriks"]
    assert [r["kode"] for r in rows] == ["1.02.02", "1.02.02.2.01", "1.02.02.2.01.0001"]
    program = rows[0]
    assert program["pagu"] == "35.000.000"  # the larger matrix's
    assert program["kolom"] == {"Pagu (Rp) (table 1)": "30.000.000"}
    conflicts = [m for m in result.unplaced if m.key == "import.matrix_conflict"]
    assert len(conflicts) == 1
    assert rows[2]["lokasi"] == "Desa D"
