"""The table rows of the Markdown and HTML editions (rktc.render.markup.md_rows, html_rows):
every kind of row, escaping, merged cells and several lines in a cell."""

from __future__ import annotations

from rktc.render.markup import html_rows, md_rows

COLUMNS = [
    {"key": "no", "lines": False},
    {"key": "indikator", "lines": True},
    {"key": "target", "lines": False},
]


def _table(rows, formatted=False):
    return {"columns": COLUMNS, "rows": rows, "formatted": formatted}


def _row(kind, cells, **more):
    return {
        "kind": kind,
        "cells": cells,
        "continued": more.get("continued", frozenset()),
        "source": more.get("source", ""),
        "bold": more.get("bold", False),
        "span": more.get("span", 1),
        "depth": None,
    }


ROWS = [
    _row("data", ["1", "Persentase <A> & 'B'", "97%"], source="program.0", continued={0}),
    _row("group", ["Program Dukungan | Manajemen"]),
    _row("subtotal", ["Jumlah", "", "1.000"], span=2),
]


def test_html_rows_escape_every_text_and_mark_merged_cells():
    html = html_rows(_table(ROWS), ["no", "indikator", "target num"])
    assert html.splitlines() == [
        (
            '<tr data-source="program.0"><td class="no cont">1</td>'
            '<td class="indikator">Persentase &lt;A&gt; &amp; &#39;B&#39;</td>'
            '<td class="target num">97%</td></tr>'
        ),
        '<tr class="group"><td colspan="3">Program Dukungan | Manajemen</td></tr>',
        '<tr class="subtotal"><td colspan="2">Jumlah</td><td class="num">1.000</td></tr>',
    ]


def test_md_rows_escape_markup_and_span_labels():
    assert md_rows(_table(ROWS)).splitlines() == [
        "| 1 |Persentase \\<A> \\& 'B' |97% |",
        "| **Program Dukungan \\| Manajemen** | | |",
        "| **Jumlah** | | **1.000** |",
    ]


def test_a_formatted_table_joins_the_lines_of_a_cell_and_bolds_heading_rows():
    rows = [
        _row("data", ["1.02", "Satu\nDua <x>", "10"], bold=True, source="program.0"),
        _row("data", ["", "Tiga", "5"], source="program.0.kegiatan.0"),
    ]
    html = html_rows(_table(rows, formatted=True), ["no", "indikator", "target"])
    assert html.splitlines()[0] == (
        '<tr data-source="program.0" class="bold" style="font-weight:bold">'
        '<td class="no">1.02</td><td class="indikator">Satu<br>Dua &lt;x&gt;</td>'
        '<td class="target">10</td></tr>'
    )
    assert md_rows(_table(rows, formatted=True)).splitlines() == [
        "| **1.02** |**Satu<br>Dua \\<x>** |**10** |",
        "|  |Tiga |5 |",
    ]


def test_no_rows_print_nothing():
    assert md_rows(_table([])) == ""
    assert html_rows(_table([]), []) == ""
