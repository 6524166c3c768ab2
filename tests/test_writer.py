"""The importer's YAML writer: whatever text it writes, rktc's loader reads back the same.

The loader (rktc.plan.load) refuses control characters written raw and the YAML reader
folds NEL, LS and PS as line breaks; the writer must escape them. A lone surrogate cannot be
in a UTF-8 file at all (and libyaml refuses its escape): the writer writes U+FFFD instead.
"""

import os
import re
from pathlib import Path

from helpers import positions
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.messages import msg
from rktc.importer.recognize import Imported
from rktc.importer.writer import to_yaml, write_plan
from rktc.plan.load import load_bytes, load_file, load_text

EXAMPLES = int(os.environ.get("RKTC_FUZZ_EXAMPLES", "300"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None)

# Every code point, lone surrogates included (st.text() leaves them out by default), with
# the characters that break YAML drawn often enough to meet each other.
HARD = "\r\n\t \x85\u2028\u2029\ufeff\x00\x07\x1b\x7f\x9f\"'\\#:-|>"
ANY_CHAR = st.characters(exclude_categories=()) | st.sampled_from(HARD)
ANY_TEXT = st.text(ANY_CHAR, max_size=60)
MULTI_LINE = st.lists(ANY_TEXT, min_size=2, max_size=5).map("\n".join)


def readable(text: str) -> str:
    """What a UTF-8 file can hold of `text`: a lone surrogate becomes U+FFFD."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def written_and_loaded(data: dict, notes=None, unplaced=()) -> dict:
    imported = Imported(data=data, notes=dict(notes or {}), unplaced=list(unplaced))
    text = to_yaml(imported, "dokumen.docx")
    loaded = load_bytes(text.encode("utf-8"), "written.yaml")  # the file rktc import writes
    assert loaded.diagnostics == [], (text, [str(d.message) for d in loaded.diagnostics])
    assert isinstance(loaded.data, dict)
    return loaded.data


@PROPERTY
@given(ANY_TEXT, ANY_TEXT)
def test_a_key_s_value_reads_back_identical(name, row_text):
    data = written_and_loaded({"instansi": {"nama": name}, "tabel": {"rkt": [{"nama": row_text}]}})
    assert data["instansi"]["nama"] == readable(name)
    assert data["tabel"]["rkt"][0]["nama"] == readable(row_text)


@PROPERTY
@given(st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_list_items_read_back_identical(items):
    data = written_and_loaded({"misi": items})
    assert data["misi"] == [readable(item) for item in items]


@PROPERTY
@given(MULTI_LINE, MULTI_LINE)
def test_multi_line_texts_read_back_identical(preface, row_text):
    data = written_and_loaded(
        {"kata_pengantar": preface, "tabel": {"rkt": [{"kegiatan": row_text, "no": "1"}]}}
    )
    assert data["kata_pengantar"] == readable(preface)
    assert data["tabel"]["rkt"][0]["kegiatan"] == readable(row_text)


@PROPERTY
@given(ANY_TEXT, ANY_TEXT)
def test_notes_and_the_unplaced_list_never_become_data(note, item):
    data = written_and_loaded(
        {"instansi": {"nama": "Contoh"}, "misi": ["satu"]},
        notes={("instansi", "nama"): note, ("misi", 0): note, ("tidak", "ada"): note},
        unplaced=[msg("import.unplaced_signature_line", text=item)],
    )
    assert data == {"rktc": "1", "instansi": {"nama": "Contoh"}, "misi": ["satu"]}


def test_the_characters_that_broke_it():
    # each was refused by the loader (\r, \x85, \u2028 written raw, a control character) or
    # changed on the way (a trailing line break dropped, a first line's indentation lost)
    for text in ("a\rb", "a\x85b", "a\u2028b", "a\x07b", "a\nb\n", "  a\nb", "a\n\n", "\x7f"):
        data = written_and_loaded({"kata_pengantar": text, "misi": [text]})
        assert data["kata_pengantar"] == text
        assert data["misi"] == [text]


def test_a_lone_surrogate_is_written_as_the_replacement_character():
    text = to_yaml(Imported(data={"misi": ["a\ud800b"]}), "x.docx")
    text.encode("utf-8")  # no lone surrogate left in what is written
    assert written_and_loaded({"misi": ["a\ud800b"]})["misi"] == ["a\ufffdb"]


def test_an_imported_text_export_with_hard_characters_loads_back(tmp_path):
    # NEL, LS, a bell and DEL inside a paragraph and a table cell, lone CRs ending lines:
    # `rktc import` used to write a plan its own loader refused (RKT005)
    seed = (Path(__file__).parent / "fixtures" / "seed" / "kpu-oku-2023.txt").read_text(
        encoding="utf-8"
    )
    odd = "Puji syukur\x85 ke\u2028hadirat\x07 Allah\x7f SWT"
    assert seed.count("Puji syukur ke hadirat Allah SWT") == 1
    seed = seed.replace("Puji syukur ke hadirat Allah SWT", odd)
    seed = seed.replace("Baturaja, 30 Januari 2023\n\n", "Baturaja, 30 Januari 2023\r\r", 1)
    source = tmp_path / "odd.txt"
    source.write_text(seed, encoding="utf-8", newline="")
    out = tmp_path / "odd.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(out), "--lang", "en"])
    assert "Traceback" not in result.output
    loaded = load_file(out)
    assert loaded.diagnostics == []
    assert loaded.data["kata_pengantar"].startswith(odd)
    assert loaded.data["penandatangan"]["tanggal"] == "30 Januari 2023"  # CR ends a line


# --- the plan as written is the plan as read ---------------------------------------------------

LONG = ["k" * 1024, "k" * 1025, "\x07" * 300, "é" * 1030]  # around the reader's longest key
KEYS = (
    st.sampled_from(["nama", "no", "kolom", "indikator", "-", "a: b", "", "1", "~", *LONG])
    | ANY_TEXT
)
LITERAL = st.lists(st.text(" ab:#-\t'\"", max_size=6), min_size=2, max_size=4).map("\n".join)
SCALARS = ANY_TEXT | MULTI_LINE | LITERAL | st.integers() | st.none() | st.booleans()
TREES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)
PLANS = st.dictionaries(st.sampled_from(["tabel", "misi", "instansi", "zz"]) | KEYS, TREES)


def assert_written_as_read(imported: Imported) -> None:
    written = write_plan(imported, "dokumen.docx", display="plan.yaml")
    read = load_text(written.text, "plan.yaml")
    assert written.diagnostics == read.diagnostics
    assert written.data == read.data
    if read.data is not None:
        assert positions(written) == positions(read)


@PROPERTY
@given(PLANS, st.lists(st.tuples(st.integers(0, 3), ANY_TEXT), max_size=3))
def test_the_writer_gives_the_data_and_positions_the_loader_reads(data, notes):
    # notes on paths of the plan, on the plan as a whole (the header) and on no path
    paths = [(), *positions(load_text(to_yaml(Imported(data=data), "d.docx"), "p"))]
    chosen = {paths[i % len(paths)]: text for i, text in notes} | {("nowhere",): "x"}
    assert_written_as_read(Imported(data=data, notes=chosen))


def test_the_writer_s_positions_where_they_are_hard_to_place():
    cases = [
        {"a": {"b": {"c": [{"d": ["x"], "e": {}}, {}, [], "y\nz"]}}, "f": "g"},
        {"kata_pengantar": "  first line indented\n\n\tlast", "misi": ["a\nb", {"x": "1\n2"}]},
        {"misi": [{"a": {"b": [{"c": "d"}]}}], "zz": []},
        {"1": "one", 1: "again"},  # two keys that read back as one: the loader says so
        {"kolom": {"h" * 1100: "x", "g" * 1100: {"a": "b"}, "f" * 1100: "1\n2", "e" * 1100: []}},
        {"tabel": {"matriks": [{"kolom": {"h" * 1100: "x"}}, {"h" * 1100: ["y"]}]}},
        {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": {"j": {"k": "deep"}}}}}}}}}}},
    ]
    deep = []
    for bottom in ({"v": "end"}, {"v": {}}, {"v": []}, {"v": [{}]}, {"v": ["a"]}):
        for lists in (False, True):
            tree: dict = bottom
            for depth in range(40):  # around, then beyond, the depth the reader takes
                tree = {"x": [tree]} if lists and depth % 2 else {"x": tree}
                if depth > 20:
                    deep.append(tree)
    for data in [*cases, *deep]:
        assert_written_as_read(Imported(data=data, notes={("a",): "note", ("misi", 0): "n"}))


def test_a_key_longer_than_the_reader_takes_is_written_as_an_explicit_key():
    # a column header of a published table longer than 1,024 characters (libyaml's limit
    # for a simple key): the plan written must load, with every key and value
    header = "Keterangan " * 100
    data = {
        "tabel": {
            "matriks": [
                {"uraian": "a", "kolom": {header: "x", "B" * 1100: "1\n2"}},
                {"kolom": {header: {"a": []}}},
            ]
        }
    }
    written = write_plan(Imported(data=data), "d.docx", display="plan.yaml")
    read = load_text(written.text, "plan.yaml")
    assert read.diagnostics == []
    assert read.data["tabel"]["matriks"][0]["kolom"] == {header: "x", "B" * 1100: "1\n2"}
    assert written.data == read.data
    assert positions(written) == positions(read)
