"""`rktc import` keeps what it learns: every note reaches the plan, every dropped column is named.

The documents are built here with python-docx, each to make the importer guess, miss or
drop something on purpose.
"""

import ast
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import make_document
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.messages import Message
from rktc.importer import frontmatter, single
from rktc.importer import recognize as recognizer
from rktc.importer.blocks import read_blocks
from rktc.importer.recognize import Imported, recognize
from rktc.importer.run import import_document
from rktc.importer.writer import to_yaml
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.load import load_text

SEED = Path(__file__).parent / "fixtures" / "seed" / "kpu-oku-2023.txt"
HEADER = ["No.", "Sasaran", "Kegiatan", "Indikator Kinerja", "Satuan", "Target", "Anggaran (Rp)"]
ROWS = [
    [
        "1.",
        "Meningkatnya kualitas data",
        "Penyediaan Data",
        "Persentase publikasi",
        "Publikasi",
        "100%",
        "1.250.000.000",
    ],
    [
        "2.",
        "Meningkatnya kepuasan pengguna data",
        "Layanan Data",
        "Indeks kepuasan konsumen",
        "Indeks",
        "4,2",
        "350.000.000",
    ],
]


def agency(
    rows: list[list[str]],
    header: list[str] = HEADER,
    *,
    visi: str = "\u201cPenyedia Data Statistik Berkualitas\u201d",
    misi: tuple[str, ...] = ("1. Menyediakan statistik berkualitas",),
    tujuan: tuple[str, ...] = ("1. Meningkatnya kualitas data statistik",),
    renstra: str = "Dokumen ini disusun berdasarkan Rencana Strategis 2020-2024.",
    signature: str = "Contoh, 15 Januari 2024",
    signer: str = "BUDI SANTOSO",
) -> list[Any]:
    return [
        "RENCANA KINERJA TAHUNAN",
        "BADAN PUSAT STATISTIK KABUPATEN CONTOH",
        "TAHUN 2024",
        "KATA PENGANTAR",
        renstra,
        signature,
        "Kepala Badan Pusat Statistik Kabupaten Contoh",
        signer,
        "NIP. 19700101 199001 1 001",
        "BAB I",
        "Visi",
        visi,
        "Misi",
        *misi,
        "Tujuan",
        *tujuan,
        "BAB II",
        "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2024",
        [header, *rows],
    ]


# What each document makes the importer note (the call sites are found in the source).
SPLIT_ROW = ["", "", "", "yang terbit tepat waktu", "", "", ""]
DOCUMENTS = {
    # a cover to recapitalise, and a row broken across two pages
    "split": agency([ROWS[0], SPLIT_ROW, ROWS[1]]),
    # an unreadable signing date, a signer without a name, no visi, misi or tujuan: the
    # published form only (the date stops the merge)
    "sparse-texts": agency(
        ROWS,
        visi="Visi yang tidak dikutip",
        misi=(),
        tujuan=(),
        signature="Contoh, 31 Februari 2024",
        signer="",
    ),
    # a kegiatan without anggaran and an indicator without satuan in any table
    "sparse-table": agency([[*ROWS[0][:4], "", ROWS[0][5], ""], ROWS[1]]),
    # no Renstra period: the published form only (it cannot be merged)
    "no-renstra": agency(ROWS, renstra="Dokumen ini disusun untuk tahun 2024."),
    # the year only in the matrix's title, a NIP one digit short, an unquoted visi under its
    # heading, and a table in English spelling (each value rewritten, the print noted)
    "english": [
        line.replace("1 001", "1 00") if isinstance(line, str) else line
        for line in agency(
            [[*r[:5], r[5].replace(",", "."), r[6].replace(".", ",")] for r in ROWS],
            visi="Penyedia Data Statistik Berkualitas",
        )
        if line != "TAHUN 2024"
    ],
    # nothing of the front matter but a title; a target that can be read two ways
    "bare": [
        "RENCANA KINERJA TAHUNAN",
        "KATA PENGANTAR",
        "Dokumen ini disusun berdasarkan Rencana Strategis 2020-2024.",
        "BAB II",
        [HEADER, [*ROWS[0][:5], "1.500 publikasi", ""]],
    ],
}


def note_call_sites() -> set[tuple[str, int]]:
    sites = set()
    for module in (recognizer, frontmatter, single):
        path = Path(module.__file__ or "")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "note"
            ):
                sites.add((path.name, node.lineno))
    return sites


def value_at(data: Any, path: tuple) -> Any:
    for step in path:
        found = isinstance(data, dict) and step in data
        found = found or (isinstance(data, list) and isinstance(step, int) and step < len(data))
        assert found, f"a note on {path}, which the written plan does not have"
        data = data[step]
    return data


def assert_notes_beside_their_values(text: str, notes: dict) -> None:
    """Each note is the comment on the line of the value it is about (not the header)."""
    loaded = load_text(text, "imported.yaml")
    assert loaded.data is not None, text
    lines = text.split("\n")
    for path, note in notes.items():
        if path[0] == "tabel" and "tabel" not in loaded.data:
            header = text[: text.index("\nrktc: 2\n")]
            assert note in header, (path, note)  # merged away: listed in the header
            continue
        value_at(loaded.data, path)
        line = lines[loaded.source.key(path).line - 1]
        assert line.endswith(f"  # {note}"), (path, note, line)


@pytest.fixture
def call_sites_hit(monkeypatch):
    hit: set[tuple[str, int]] = set()
    original = Imported.note

    def note(self, path, text):
        caller = sys._getframe(1)
        hit.add((Path(caller.f_code.co_filename).name, caller.f_lineno))
        original(self, path, text)

    monkeypatch.setattr(Imported, "note", note)
    return hit


def import_both_forms(source: Path) -> list[tuple[str, dict]]:
    """The written texts with the notes each should carry: the published form, and the
    single-source form (when the published one can be merged) with the recognizer's notes
    carried into it."""
    imported = recognize(read_blocks(source))
    published = to_yaml(imported, source.name)
    out = [(published, dict(imported.notes))]
    compiled = Pipeline().validate_bytes(published.encode("utf-8"), str(source))
    if compiled.well_formed and compiled.plan and compiled.document:
        merged = single.single_source(compiled.plan, compiled.document, notes=imported.notes)
        assert imported.notes.items() <= merged.notes.items()  # none of them lost
        out.append((to_yaml(merged, source.name), merged.notes))
    return out


def test_every_note_the_importer_can_make_is_written_beside_its_value(tmp_path, call_sites_hit):
    sources = [make_document(tmp_path / f"{n}.docx", b) for n, b in DOCUMENTS.items()]
    for source in [*sources, SEED]:  # the seed: conflicts between the tables
        for text, notes in import_both_forms(source):
            assert_notes_beside_their_values(text, notes)
    missed = note_call_sites() - call_sites_hit
    assert missed == set(), f"no document here makes these notes: {sorted(missed)}"


def test_a_row_split_by_a_page_break_is_noted_on_the_row(tmp_path):
    source = make_document(tmp_path / "split.docx", DOCUMENTS["split"])
    out = tmp_path / "split.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(out), "--lang", "en"])
    assert "Traceback" not in result.output
    text = out.read_text(encoding="utf-8")
    row = next(line for line in text.split("\n") if "Persentase publikasi" in line)
    joined = "indikator: Persentase publikasi yang terbit tepat waktu"
    assert row.endswith(f"{joined}  # {recognizer.JOINED}"), row


def test_a_second_note_on_a_value_is_added_to_the_first():
    imported = Imported()
    imported.note(("misi",), "one")
    imported.note(("misi",), "two")
    imported.note(("misi",), "two")
    assert imported.notes == {("misi",): "one; two"}


def test_contents_list_followed_at_once_by_the_body(tmp_path):
    # the contents list repeats every heading; the body's first heading comes right after
    # it and must not be taken for one more entry of the list
    blocks = agency(ROWS)
    body = blocks.index("BAB I")
    blocks[body:body] = ["DAFTAR ISI", "KATA PENGANTAR", "BAB I", "Visi", "Misi", "BAB II"]
    source = make_document(tmp_path / "toc.docx", blocks)
    imported = recognize(read_blocks(source))
    assert imported.data["misi"] == ["Menyediakan statistik berkualitas"]
    assert imported.data["visi"]["teks"] == "Penyedia Data Statistik Berkualitas"


# --- columns and rows the plan format has no place for ----------------------------------------


def unplaced_of(tmp_path: Path, blocks: list[Any]) -> list[Message]:
    return recognize(read_blocks(make_document(tmp_path / "doc.docx", blocks))).unplaced


def about(unplaced: list[Message], **wanted: Any) -> list[tuple[str, dict[str, Any]]]:
    """The key and fields of each item whose fields include `wanted`."""
    found = [(item.key, dict(item.params)) for item in unplaced]
    return [(key, params) for key, params in found if wanted.items() <= params.items()]


def test_each_dropped_column_is_named_with_the_values_it_loses(tmp_path):
    header = [*HEADER, "Keterangan", "Target 2025", ""]
    rows = [
        [*ROWS[0], "prioritas", "100%", "catatan"],  # same target twice: nothing lost there
        [*ROWS[1], "", "4,5", ""],
    ]
    # the table goes on over a page: its header is repeated, its columns named once
    unplaced = unplaced_of(tmp_path, [*agency(rows, header), [header, rows[0]]])
    assert about(unplaced, column="Keterangan") == [
        ("import.unplaced_column", {"kind": "rkt", "column": "Keterangan", "values": 2})
    ]
    # 4,5 differs from 4,2; 100% is the same
    assert about(unplaced, column="Target 2025") == [
        (
            "import.unplaced_repeated_column",
            {"kind": "rkt", "column": "Target 2025", "repeats": "target", "values": 1},
        )
    ]
    assert about(unplaced, number=10) == [
        ("import.unplaced_unnamed_column", {"kind": "rkt", "number": 10, "values": 2})
    ]


def test_the_first_of_two_columns_for_a_field_is_read(tmp_path):
    header = [*HEADER, "Target 2025"]
    imported = recognize(
        read_blocks(make_document(tmp_path / "doc.docx", agency([[*ROWS[1], "4,5"]], header)))
    )
    assert imported.data["tabel"]["rkt"][0]["target"] == "4,2"


def test_an_empty_unknown_column_is_still_named(tmp_path):
    unplaced = unplaced_of(tmp_path, agency([[*r, ""] for r in ROWS], [*HEADER, "Keterangan"]))
    assert about(unplaced, column="Keterangan") == [
        ("import.unplaced_column", {"kind": "rkt", "column": "Keterangan", "values": 0})
    ]


def test_unreadable_row_numbers_and_rows_outside_any_program_are_reported(tmp_path):
    apbn = [
        [*HEADER],
        ["1a", *ROWS[0][1:]],  # before any "Program ..." row
        ["Program Penyediaan Data", "", "", "", "", "", ""],
        ROWS[1],
    ]
    blocks = [
        *agency(ROWS),
        "PROGRAM DAN RENCANA KERJA KEGIATAN BERDASARKAN APBN TAHUN 2024",
        apbn,
    ]
    imported = recognize(read_blocks(make_document(tmp_path / "doc.docx", blocks)))
    assert [g["program"] for g in imported.data["tabel"]["apbn"]] == ["Program Penyediaan Data"]
    assert about(imported.unplaced, value="1a") == [
        ("import.unplaced_row_number", {"kind": "apbn", "value": "1a"})
    ]
    assert about(imported.unplaced, kind="apbn", count=1) == [
        ("import.unplaced_before_program", {"kind": "apbn", "count": 1})
    ]


def unplaced_call_sites() -> list[tuple[str, int, bool]]:
    """Each `unplaced.append(...)` of the importer, and whether it appends a catalog message."""
    sites = []
    for module in (recognizer, frontmatter, single):
        path = Path(module.__file__ or "")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "append"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "unplaced"
            ):
                [argument] = node.args
                is_message = (
                    isinstance(argument, ast.Call)
                    and isinstance(argument.func, ast.Name)
                    and argument.func.id == "msg"
                    and isinstance(argument.args[0], ast.Constant)
                )
                sites.append((path.name, node.lineno, is_message))
    return sites


def test_everything_the_importer_cannot_place_is_reported_as_a_catalog_message():
    sites = unplaced_call_sites()
    assert len(sites) >= 10
    assert [site for site in sites if not site[2]] == []


def test_the_import_report_is_in_the_reader_s_language(tmp_path):
    header = [*HEADER, "Keterangan"]
    total = ["Jumlah", "", "", "", "", "", "1.250.000.000", ""]
    rows = [[*ROWS[0], "catatan"], total, total]  # the table's last total is kept, not both
    source = make_document(tmp_path / "doc.docx", agency(rows, header))
    _, report = import_document(source, False)
    messages = [item for item in report if isinstance(item, Message)]
    assert messages == report
    assert {"import.unplaced_column", "import.unplaced_totals"} <= {m.key for m in messages}
    for lang in ("id", "en"):
        out = tmp_path / f"{lang}.yaml"
        result = CliRunner().invoke(app, ["import", str(source), "-o", str(out), "--lang", lang])
        printed = result.output.splitlines()
        # after the "written" line, the report: each item in the reader's language only
        assert printed[1 : 1 + len(messages)] == ["  " + m.render(lang) for m in messages]
