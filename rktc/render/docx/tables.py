"""Tables as WordprocessingML text, streamed into word/document.xml in batches of rows.

python-docx's per-cell API is far too slow for plans with thousands of rows, and parsing
thousands of rows into lxml would dominate the build. So the body holds one slot paragraph
per table (`TABLE_SLOT`), and when the package is written each slot is replaced by its
table's XML, generated batch by batch and deflated in a second thread (`BackgroundWriter`):
only one batch of rows is in memory at a time.

A slot is found by its structure, an element no text of a plan can produce: a plan's text
reaches the document only as escaped character data (`wordml.text`), where `<` is `&lt;`.
The k-th slot holds the k-th table, and the count must match.
"""

from __future__ import annotations

import functools
import queue
import re
import sys
import threading
from collections.abc import Iterator
from typing import IO, Self

from rktc.render.docx.styles import TABLE_TEXT_SIZE, TABLE_TEXT_STYLE, table_text_style_id
from rktc.render.docx.wordml import runs
from rktc.render.docx.wordml import text as xml_text
from rktc.render.view import DATA, GROUP, Column, RowView, TableView

# The style id is not one of the document's: the slot never survives into the output.
TABLE_SLOT = '<w:p><w:pPr><w:pStyle w:val="rktc.table-slot"/></w:pPr></w:p>'
SWITCH_INTERVAL = 0.0005  # seconds, while tables are generated and deflated in parallel


class Tables:
    """The document's tables in the order of their slots, each with the width it fills."""

    def __init__(self, table_style: str) -> None:
        self.table_style = table_style
        self.tables: list[tuple[TableView, int]] = []

    def slot(self, table: TableView, width: int) -> str:
        """The slot paragraph for `table`, to put in the body where the table goes."""
        self.tables.append((table, width))
        return TABLE_SLOT

    def table_xml(self, index: int, batch: int = 500) -> Iterator[str]:
        """The WordprocessingML of table `index`, in chunks of `batch` rows."""
        table, total = self.tables[index]
        weights = [c.width for c in table.columns]
        widths = [total * w // sum(weights) for w in weights]
        widths[-1] += total - sum(widths)
        style = table_text_style_id(table.font_size, table.keep_together)
        margins = _cell_margins(table.font_size)
        header = "".join(
            _cell(c.header, w, align="center", bold=True, shade=True, style=style)
            for c, w in zip(table.columns, widths, strict=True)
        )
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        yield (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.table_style}"/>'
            f'<w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/>{margins}'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}'
            f"</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>"
        )
        layout = _TableLayout(table.columns, widths, style)
        rows = table.rows
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            following: list[RowView | None] = [*rows[start + 1 : start + batch + 1]]
            if len(following) < len(chunk):
                following.append(None)  # the table's last row
            yield layout.rows_xml(chunk, following)
        yield "</w:tbl>"

    def write_document_xml(self, stream: IO[bytes], document_xml: bytes) -> None:
        """Write word/document.xml with each slot replaced by its table."""
        text = document_xml.decode("utf-8")
        position = 0
        index = 0
        with BackgroundWriter(stream) as out:
            while (found := text.find(TABLE_SLOT, position)) >= 0:
                if index >= len(self.tables):
                    raise AssertionError("more table slots than tables")
                out.write(text[position:found].encode("utf-8"))
                for chunk in self.table_xml(index):
                    out.write(chunk.encode("utf-8"))
                position = found + len(TABLE_SLOT)
                index += 1
            if index != len(self.tables):
                raise AssertionError(f"{len(self.tables)} tables but {index} slots")
            out.write(text[position:].encode("utf-8"))


CELL_MARGIN = 108  # twips left and right of a cell's text: the Table Grid style's


def _cell_margins(size: float | None) -> str:
    """A table in a smaller font than the table text has narrower cell margins too (by the
    square of the sizes' ratio: 108 twips at 9 pt, 85 at 8 pt, 48 at 6 pt): in a wide
    matrix the margins would take columns' worth of the page."""
    if size is None or size >= TABLE_TEXT_SIZE:
        return ""
    margin = round(CELL_MARGIN * (size / TABLE_TEXT_SIZE) ** 2)
    return (
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
    )


def _cell(
    text: str,
    width: int,
    *,
    align: str | None = None,
    bold: bool = False,
    shade: bool = False,
    span: int = 1,
    merge: str | None = None,
    style: str = TABLE_TEXT_STYLE,
    keep: bool = False,
) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if merge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif merge == "continue":
        props.append("<w:vMerge/>")
    if shade:
        props.append('<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>')
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    keep_next = "<w:keepNext/>" if keep else ""
    para = f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}{jc}</w:pPr>{runs(text, bold)}</w:p>'
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{para}</w:tc>"


@functools.lru_cache(maxsize=256)
def _cell_open(width: int, align: str | None, merge: str | None, bold: bool, style: str) -> str:
    """Everything of a plain data cell before its text (the same for a whole column)."""
    empty = _cell("\ue000", width, align=align, merge=merge, bold=bold, style=style)
    return empty[: empty.index("\ue000")]


_CELL_CLOSE = "</w:t></w:r></w:p></w:tc>"
# Between two lines of a cell: the text run closed, a line break, the next run opened (as
# `wordml.runs` writes them), plain and bold.
_LINE_BREAK = {
    bold: f'</w:t></w:r><w:r>{props}<w:br/></w:r><w:r>{props}<w:t xml:space="preserve">'
    for bold, props in ((False, ""), (True, "<w:rPr><w:b/></w:rPr>"))
}


def _cell_text(cell: str, bold: bool) -> str:
    """A cell's text between a template's opening and closing: escaped, lines broken."""
    return xml_text(cell).replace("\n", _LINE_BREAK[bold])


_ROW_OPEN = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_SPECIAL = re.compile("[&<>\n\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NO_MERGES: frozenset[int] = frozenset()


_ALIGN = {"left": None, "center": "center", "right": "right"}


def _column_align(column: Column) -> str | None:
    """The column's alignment as its layout says; else numbers right, the No centred."""
    if column.align:
        return _ALIGN[column.align]
    if column.key == "no":
        return "center"
    return "right" if column.numeric else None


class _TableLayout:
    """The data rows of one table as text, fast.

    A data row is the same markup for every row with the same merged cells, so it
    is a format string per pattern of merges, filled with the cell texts. Cells
    that need escaping or line breaks are rare; a batch without any takes the
    fast path.
    """

    def __init__(self, columns: list[Column], widths: list[int], style: str) -> None:
        self.columns = columns
        self.widths = widths
        self.style = style
        self._templates: dict[tuple[frozenset[int], frozenset[int], bool], str] = {}

    def rows_xml(self, rows: list[RowView], following: list[RowView | None]) -> str:
        text = "".join(["".join(row.cells) for row in rows])
        if _SPECIAL.search(text) is None:
            return "".join(
                [
                    self._plain_row_xml(row, after)
                    for row, after in zip(rows, following, strict=True)
                ]
            )
        return "".join(
            [self._row_xml(row, after) for row, after in zip(rows, following, strict=True)]
        )

    def _plain_row_xml(self, row: RowView, following: RowView | None) -> str:
        """A row whose cells are one line each, with nothing to escape."""
        if row.kind != DATA:
            return self._summary_row_xml(row)
        return self._template(row, following).format(*row.cells)

    def _row_xml(self, row: RowView, following: RowView | None) -> str:
        """A row whose cells may need escaping or hold several lines: the same template,
        each such cell written as the runs `wordml.runs` makes of it."""
        if row.kind != DATA:
            return self._summary_row_xml(row)
        cells = [
            cell if _SPECIAL.search(cell) is None else _cell_text(cell, row.bold)
            for cell in row.cells
        ]
        return self._template(row, following).format(*cells)

    def _summary_row_xml(self, row: RowView) -> str:
        """A program heading (GROUP) or a Jumlah row: its label over `row.span` columns,
        then (Jumlah) each remaining cell, in bold."""
        widths = self.widths
        span = max(1, min(row.span, len(widths)))
        cells = _cell(
            row.cells[0],
            sum(widths[:span]),
            bold=True,
            span=span,
            align=None if row.kind == GROUP else "right",
            shade=row.kind == GROUP,
            style=self.style,
            keep=row.kind == GROUP,  # a heading row stays with the first row it heads
        )
        if row.kind != GROUP:
            for i in range(span, len(widths)):
                align = _column_align(self.columns[i]) or ("right" if row.cells[i] else None)
                cells += _cell(row.cells[i], widths[i], align=align, bold=True, style=self.style)
        return f"{_ROW_OPEN}{cells}</w:tr>"

    @staticmethod
    def _restarted(following: RowView | None) -> frozenset[int]:
        """Cells that the next row continues start a vertical merge."""
        if following is None or following.kind != DATA:
            return _NO_MERGES
        return following.continued

    def _template(self, row: RowView, following: RowView | None) -> str:
        key = (row.continued, self._restarted(following), row.bold)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._make_template(*key)
        return template

    def _make_template(
        self, continued: frozenset[int], restarted: frozenset[int], bold: bool
    ) -> str:
        cells = []
        for i, (column, width) in enumerate(zip(self.columns, self.widths, strict=True)):
            merge = "continue" if i in continued else "restart" if i in restarted else None
            opening = _cell_open(width, _column_align(column), merge, bold, self.style)
            cells.append(opening.replace("{", "{{").replace("}", "}}") + "{}" + _CELL_CLOSE)
        return f"{_ROW_OPEN}{''.join(cells)}</w:tr>"


class BackgroundWriter:
    """Writes chunks to a zip entry from a second thread.

    Deflating releases the GIL, so compressing one batch of rows overlaps with
    generating the next: on two cores a large table costs about as much as the
    slower of the two instead of their sum. The queue is short, so only a few
    batches are held in memory.
    """

    # The deflating thread retakes the GIL between its output buffers, each time waiting
    # up to a switch interval for the generating thread: large hand-offs and a short
    # interval (measured: 5 ms default 0.35 s, 0.5 ms 0.29 s for 10,000 indicators).
    HANDOFF_BYTES = 4 << 20

    def __init__(self, stream: IO[bytes], depth: int = 2) -> None:
        self._stream = stream
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, name="rktc-deflate", daemon=True)

    def __enter__(self) -> Self:
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self._hand_off()
        self._queue.put(None)
        self._thread.join()
        sys.setswitchinterval(self._switch_interval)
        if self._error is not None and exc_info[0] is None:
            raise self._error

    def write(self, chunk: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._pending.append(chunk)
        self._pending_size += len(chunk)
        if self._pending_size >= self.HANDOFF_BYTES:
            self._hand_off()

    def _hand_off(self) -> None:
        if self._pending:
            self._queue.put(b"".join(self._pending))
            self._pending, self._pending_size = [], 0

    def _drain(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._stream.write(chunk)
                except BaseException as exc:  # noqa: BLE001 -- re-raised in the writing thread
                    self._error = exc
