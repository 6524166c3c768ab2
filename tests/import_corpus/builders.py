"""Build the corpus documents: Word files (python-docx), workbooks (openpyxl) and SIPD's
"Excel" (an HTML table saved as .xls, every cell forced to text).

Each builder takes the same description of a document: paragraphs, and tables of rows of
cells. A cell is a text ("\\n" between the lines of a cell of several lines: separate
paragraphs in Word, a line break in a workbook, <br> in HTML), a `Num` (a number cell of
a workbook, with its format; in Word and HTML its text as printed), or a `Cell` with
formatting: bold, an indent, a merge over the cells to its right (`span`) and below
(`down`). The cells a merge covers are written as None.

Every builder also gives back the texts it wrote into each table's data rows (by table,
by row, by cell), so the tests can prove that every one of them reached the plan.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- the description ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    """A number cell of a workbook (its format as Excel writes it); printed as `shown` in
    Word and HTML."""

    value: float | int
    format: str
    shown: str


@dataclass(frozen=True)
class Cell:
    text: str | Num
    bold: bool = False
    indent: int = 0  # Word: centimetres of left indent x 10; a workbook: indent levels
    span: int = 1  # columns it covers (itself included)
    down: int = 1  # rows it covers (itself included)


CellValue = str | Num | Cell | None  # None: covered by a merge


@dataclass
class TableSpec:
    rows: list[list[CellValue]]
    header_rows: int = 1  # the header rows (and a row numbering the columns) are no data
    break_before: bool = False  # a page break before the table (Word)


@dataclass
class Document:
    blocks: list[str | tuple[str, str] | TableSpec]  # paragraphs ((text, style)) and tables
    sheets: list[str] = field(default_factory=list)  # a workbook: where each sheet starts

    def tables(self) -> list[TableSpec]:
        return [b for b in self.blocks if isinstance(b, TableSpec)]


def _cell(value: CellValue) -> Cell | None:
    if value is None:
        return None
    return value if isinstance(value, Cell) else Cell(value)


def _text(value: str | Num) -> str:
    return value.shown if isinstance(value, Num) else value


def _lines(value: str | Num) -> str:
    """A cell's text with a Word line break written as the line it is elsewhere."""
    return _text(value).replace("\v", "\n")


def data_texts(document: Document) -> list[list[list[str | Num]]]:
    """What each table's data rows hold, cell by cell (merged cells once)."""
    found = []
    for table in document.tables():
        rows = []
        for row in table.rows[table.header_rows :]:
            cells = [c.text for value in row if (c := _cell(value)) is not None]
            rows.append([c for c in cells if (c.strip() if isinstance(c, str) else True)])
        found.append(rows)
    return found


# --- Word ---------------------------------------------------------------------------------------

BREAK = "\v"  # in a Word cell: a line break inside its paragraph (elsewhere: a line)
_BR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br"


def write_docx(document: Document, path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    word = docx.Document()
    for block in document.blocks:
        if isinstance(block, str):
            word.add_paragraph(block)
        elif isinstance(block, tuple):
            word.add_paragraph(block[0], style=block[1])
        else:
            if block.break_before:
                word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            width = max(len(row) for row in block.rows)
            table = word.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    cell = _cell(value)
                    if cell is None:
                        continue
                    target = table.cell(r, c)
                    if cell.span > 1 or cell.down > 1:
                        target = target.merge(table.cell(r + cell.down - 1, c + cell.span - 1))
                    lines = _text(cell.text).split("\n")
                    paragraphs = target.paragraphs
                    for i, line in enumerate(lines):
                        paragraph = paragraphs[0] if i == 0 else target.add_paragraph()
                        for k, piece in enumerate(line.split(BREAK)):
                            run = paragraph.add_run(piece)
                            run.bold = cell.bold or None
                            if k:  # a line break inside the paragraph, before this piece
                                run._r.insert(0, run._r.makeelement(_BR, {}))
                        if cell.indent:
                            paragraph.paragraph_format.left_indent = Cm(cell.indent / 10)
    word.save(str(path))
    return path


# --- a workbook ---------------------------------------------------------------------------------


def write_xlsx(document: Document, path: Path) -> Path:
    """Paragraphs are single-cell rows (a sheet's title lines), tables start after a blank
    row; a new sheet starts at each name of `document.sheets` (a paragraph equal to it)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = document.sheets[0] if document.sheets else "RKT"
    row_at = 1
    for block in document.blocks:
        if isinstance(block, str | tuple):
            text = block if isinstance(block, str) else block[0]
            if text in document.sheets[1:]:
                sheet = book.create_sheet(text)
                row_at = 1
                continue
            sheet.cell(row_at, 1, text)
            row_at += 1
            continue
        row_at += 1  # a blank row before the table
        for row in block.rows:
            for c, value in enumerate(row, start=1):
                cell = _cell(value)
                if cell is None:
                    continue
                target = sheet.cell(row_at, c)
                if isinstance(cell.text, Num):
                    target.value = cell.text.value
                    target.number_format = cell.text.format
                else:
                    target.value = _lines(cell.text)
                if cell.bold:
                    target.font = Font(bold=True)
                if cell.indent or "\n" in _lines(cell.text):
                    target.alignment = Alignment(indent=cell.indent, wrap_text=True)
                if cell.span > 1 or cell.down > 1:
                    sheet.merge_cells(
                        start_row=row_at,
                        start_column=c,
                        end_row=row_at + cell.down - 1,
                        end_column=c + cell.span - 1,
                    )
            row_at += 1
        row_at += 1  # and after it
    book.save(str(path))
    return path


# --- SIPD's HTML .xls ---------------------------------------------------------------------------


def write_sipd(document: Document, path: Path, title: str = "Download Excel") -> Path:
    """As SIPD-RI's "Download Excel": an HTML page saved as .xls, every cell styled as text
    (`mso-number-format:\\@`), merges as rowspan and colspan, lines as <br>."""
    parts = [
        (
            '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
        ),
        (
            f'<head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            "<style>td { mso-number-format:\\@; }</style></head><body>"
        ),
    ]
    for block in document.blocks:
        if isinstance(block, str | tuple):
            text = block if isinstance(block, str) else block[0]
            parts.append(f"<h3>{html.escape(text)}</h3>")
            continue
        parts.append('<table border="1">')
        for r, row in enumerate(block.rows):
            parts.append("<tr>")
            tag = "th" if r < block.header_rows else "td"
            for value in row:
                cell = _cell(value)
                if cell is None:
                    continue
                spans = ""
                if cell.span > 1:
                    spans += f' colspan="{cell.span}"'
                if cell.down > 1:
                    spans += f' rowspan="{cell.down}"'
                text = "<br>".join(html.escape(line) for line in _lines(cell.text).split("\n"))
                if cell.bold and tag == "td":
                    text = f"<b>{text}</b>"
                parts.append(f'<{tag} style="mso-number-format:\\@"{spans}>{text}</{tag}>')
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


WRITERS: dict[str, Any] = {"docx": write_docx, "xlsx": write_xlsx, "xls": write_sipd}
