"""Number dialects of imported tables: each number's shape, a table's decision, exact reading.

The written value must be read back by rktc's loader as exactly the number the source
meant (Decimal, digit for digit), whatever the dialect it was printed in.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from test_import_offices import HEADER, make_document, matrix

from rktc.importer.blocks import read_blocks
from rktc.importer.dialect import Shape, decide, read_cell, shape
from rktc.importer.recognize import recognize
from rktc.plan.values import parse_rupiah, parse_target


@pytest.mark.parametrize(
    ("token", "money", "expected"),
    [
        ("97", False, Shape.PLAIN),
        ("296187500", True, Shape.PLAIN),
        ("14.271.302.000", True, Shape.ID),
        ("97,5", False, Shape.ID),
        ("1234,567", False, Shape.ID),  # four digits before the comma: no grouping
        ("1.234,5", False, Shape.ID),
        ("14,271,302,000", True, Shape.EN),
        ("1,234.5", False, Shape.EN),
        ("8.3", False, Shape.DOT),
        ("90.79", False, Shape.DOT),
        ("1234.567", False, Shape.DOT),
        ("1.234", False, Shape.DOT_THREE),
        ("1,234", False, Shape.COMMA_THREE),
        ("1.234", True, Shape.ID),  # money has no third decimal: a grouping
        ("1,234", True, Shape.EN),
        ("31.12.2024", False, Shape.INVALID),
        ("1.23.456", False, Shape.INVALID),
    ],
)
def test_the_shape_of_a_number(token, money, expected):
    assert shape(token, money) is expected


@pytest.mark.parametrize(
    ("cells", "dialect"),
    [
        ([("14.271.302.000", True), ("97%", False)], "id"),
        ([("14,271,302,000", True), ("97.5%", False)], "en"),
        ([("14,271,302,000", True)], "en"),
        ([("296187500", True), ("8.3 Nilai", False), ("100 %", False)], "sipd"),
        ([("749.930.215", True), ("88.6", False)], "mixed"),  # seen in published tables
        ([("1.500 orang", False), ("1500000", True)], "none"),
        ([], "none"),
    ],
)
def test_a_table_is_decided_by_the_numbers_that_read_one_way_only(cells, dialect):
    assert decide(cells).dialect == dialect


def test_a_chosen_dialect_is_kept_and_the_evidence_still_gathered():
    decision = decide([("97.5%", False)], "id")
    assert (decision.dialect, decision.chosen) == ("id", True)
    assert decision.evidence == {Shape.DOT: ["97.5%"]}


@pytest.mark.parametrize(
    ("printed", "dialect", "written", "meant"),
    [
        ("97.5%", "sipd", "97,5%", Decimal("97.5")),
        ("97.50 %", "sipd", "97,50 %", Decimal("97.50")),
        ("0.125 indeks", "en", "0,125 indeks", Decimal("0.125")),
        ("1,250 dokumen", "en", "1.250 dokumen", Decimal(1250)),
        ("1.250 dokumen", "en", "1,250 dokumen", Decimal("1.250")),
        ("1.250 dokumen", "id", "1.250 dokumen", Decimal(1250)),
        ("1,234,567.25 orang", "en", "1.234.567,25 orang", Decimal("1234567.25")),
    ],
)
def test_a_target_is_written_so_that_rktc_reads_what_was_meant(printed, dialect, written, meant):
    reading = read_cell(printed, False, dialect)
    assert reading.text == written
    assert parse_target(reading.text).value == meant


@pytest.mark.parametrize(
    ("printed", "dialect", "meant"),
    [
        ("14,271,302,000", "en", Decimal(14271302000)),
        ("Rp 1,234.56", "en", Decimal("1234.56")),
        ("296187500", "sipd", Decimal(296187500)),
        ("14.271.302.000,-", "id", Decimal(14271302000)),
        ("9,007,199,254,740,993", "en", Decimal(9007199254740993)),  # 2**53 + 1: no float
    ],
)
def test_an_amount_is_written_so_that_rktc_reads_what_was_meant(printed, dialect, meant):
    assert parse_rupiah(read_cell(printed, True, dialect).text) == meant


def test_a_range_has_each_of_its_numbers_rewritten():
    target = parse_target(read_cell("5.6-6.2 persen", False, "sipd").text)
    assert (target.lower, target.upper) == (Decimal("5.6"), Decimal("6.2"))


def test_in_a_mixed_table_each_number_is_read_by_its_shape_and_the_rest_is_marked(tmp_path):
    table = matrix(("88.6%", "749.930.215"), ("1.500 orang", "2.000.000"))
    result = recognize(read_blocks(make_document(tmp_path / "m.docx", ["BAB II", table])))
    rows = result.data["tabel"]["rkt"]
    assert [(r["target"], r["anggaran"]) for r in rows] == [
        ("88,6%", "749.930.215"),
        ("1.500 orang", "2.000.000"),
    ]
    assert [m.key for m in result.report] == [
        "import.dialect_mixed",
        "import.dialect_converted",
        "import.dialect_ambiguous",
    ]
    assert ("tabel", "rkt", 1, "target") in result.notes


def test_a_table_continued_on_the_next_page_is_read_as_its_first_part(tmp_path):
    first = matrix(("97.5%", "14,271,302,000"))
    second = [HEADER, ["2.", *first[1][1:5], "1,250 publikasi", ""]]  # nothing telling here
    source = make_document(tmp_path / "split.docx", ["BAB II", first, second])
    result = recognize(read_blocks(source))
    assert [r["target"] for r in result.data["tabel"]["rkt"]] == ["97,5%", "1.250 publikasi"]
    keys = [m.key for m in result.report]
    assert keys == [
        "import.dialect_en",
        "import.dialect_converted",
        "import.dialect_continued",
        "import.dialect_converted",
    ]
    assert not any("two ways" in note for note in result.notes.values())


def test_a_table_of_another_header_does_not_inherit(tmp_path: Path):
    first = matrix(("97.5%", "14,271,302,000"))
    other = [HEADER[:6], ["1.", *first[1][1:5], "1,250 publikasi"]]
    result = recognize(read_blocks(make_document(tmp_path / "o.docx", ["BAB II", first, other])))
    assert "import.dialect_ambiguous" in [m.key for m in result.report]
