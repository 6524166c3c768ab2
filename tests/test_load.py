"""The loader keeps every value as written and reports bad files with positions."""

import codecs

import pytest

from rktc.plan.load import MAX_BYTES, load_bytes, load_file, load_text


def codes(loaded):
    return [(d.location.line, d.location.column, d.code) for d in loaded.diagnostics]


def test_scalars_stay_text_exactly_as_written():
    loaded = load_text("a: 1.000\nb: no\nc: 2023-01-30\nd: 010\ne: 12:30\nf: 8.195\n", "p")
    assert loaded.data == {
        "a": "1.000",
        "b": "no",
        "c": "2023-01-30",
        "d": "010",
        "e": "12:30",
        "f": "8.195",
    }
    assert loaded.ok


def test_keys_are_never_typed():
    assert load_text("no: 8\n1: x\n", "p").data == {"no": "8", "1": "x"}


def test_nulls_are_none_but_quoted_null_is_text():
    loaded = load_text('a:\nb: ~\nc: null\nd: "null"\ne: ""\n', "p")
    assert loaded.data == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_decimal_comma_survives_in_block_style():
    assert load_text("target: 97,5 %\n", "p").data == {"target": "97,5 %"}


def test_duplicate_key_names_both_places():
    loaded = load_text("a:\n  b: 1\n  c: 2\n  b: 3\n", "p")
    assert codes(loaded) == [(4, 3, "RKT002")]
    assert loaded.diagnostics[0].related[0].location.line == 2
    assert loaded.data == {"a": {"b": "1", "c": "2"}}


def test_positions_of_values_and_keys():
    loaded = load_text("a:\n  - x: 1\n    y: two\n", "p")
    assert loaded.source.value(("a", 0, "y")).line == 3
    assert loaded.source.value(("a", 0, "y")).column == 8
    assert loaded.source.key(("a", 0, "y")).column == 5
    assert loaded.source.value(("a", 0, "missing")).line == 2  # nearest ancestor


def test_positions_far_into_long_lines_and_files():
    long = "x" * 100_000
    text = "".join(f"k{i}: 1\n" for i in range(70_000)) + f'b: {{c: "{long}", d: e}}\n'
    loaded = load_text(text, "p")
    line = 70_001
    where = loaded.source.value(("b", "d"))
    assert (where.line, where.column, where.end_line, where.end_column) == (
        line,
        100_015,
        line,
        100_016,
    )
    assert loaded.source.key(("b", "d")).column == 100_012
    whole = loaded.source.value(("b",))
    assert (whole.line, whole.column, whole.end_column) == (line, 4, 100_017)
    assert not loaded.diagnostics


def test_tab_indentation_is_reported_at_the_tab():
    assert codes(load_text("a:\n\tb: 1\n", "p")) == [(2, 1, "RKT001")]


def test_syntax_error_position():
    assert codes(load_text("a: [1, 2\nb: 3\n", "p"))[0][2] == "RKT001"


@pytest.mark.parametrize("source", ["x: &a 1\ny: *a\n", "x: &a [1]\n"])
def test_anchors_and_aliases_are_refused(source):
    assert {c for _, _, c in codes(load_text(source, "p"))} == {"RKT003"}


def test_billion_laughs_is_refused_without_expanding():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}] " for i in range(8)]
    loaded = load_text("\n".join(lines) + "\n", "p")
    assert any(d.code == "RKT003" for d in loaded.diagnostics)


def test_tags_are_refused_but_str_is_allowed():
    assert codes(load_text("a: !!python/object:os.system x\n", "p")) == [(1, 4, "RKT004")]
    assert load_text("a: !!str 1.000\n", "p").ok


def test_deep_nesting_is_bounded():
    assert codes(load_text("a: " + "[" * 1000 + "]" * 1000 + "\n", "p"))[0][2] == "RKT007"


def test_several_documents_are_refused():
    assert codes(load_text("a: 1\n---\nb: 2\n", "p")) == [(2, 1, "RKT008")]


@pytest.mark.parametrize("source", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(source):
    loaded = load_text(source, "p")
    assert [d.code for d in loaded.diagnostics] == ["RKT009"]
    assert loaded.data is None


@pytest.mark.parametrize("source", ["- a\n- b\n", "just text\n"])
def test_top_level_must_be_a_mapping(source):
    assert [d.code for d in load_text(source, "p").diagnostics] == ["RKT010"]


def test_utf8_bom_is_accepted():
    assert load_bytes(codecs.BOM_UTF8 + b"a: b\n", "p").data == {"a": "b"}


def test_latin1_byte_is_located():
    loaded = load_bytes("a: x\nb: Rp\xb7\n".encode("latin-1"), "p")
    assert codes(loaded) == [(2, 6, "RKT005")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_are_named(encoding):
    assert [d.code for d in load_bytes("a: b\n".encode(encoding), "p").diagnostics] == ["RKT005"]


def test_binary_junk():
    assert codes(load_bytes(b"a: b\n\x00\x01\x02", "p")) == [(2, 1, "RKT005")]


def test_control_character_is_located():
    assert codes(load_text("a: b\nc: d\x07\n", "p")) == [(2, 5, "RKT005")]


def test_crlf_and_mixed_line_endings():
    loaded = load_bytes(b"a: 1\r\nb: 2\nc: 3\r\n", "p")
    assert loaded.data == {"a": "1", "b": "2", "c": "3"}
    assert loaded.source.value(("c",)).line == 3


def test_complex_key_is_refused():
    assert [d.code for d in load_text("? [a, b]\n: 1\n", "p").diagnostics] == ["RKT010"]


def test_file_too_large(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert [d.code for d in load_file(big).diagnostics] == ["RKT006"]


def test_missing_file_is_a_diagnostic(tmp_path):
    assert [d.code for d in load_file(tmp_path / "nope.yaml").diagnostics] == ["RKT005"]
