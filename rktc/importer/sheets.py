"""Read spreadsheets as blocks: an .xlsx workbook, and SIPD's "Excel" (an HTML table saved
as .xls).

Each sheet of a workbook is cut at blank rows into runs; the single-cell rows that open a
run (a sheet's title lines) become paragraphs, the rest of the run a table of cell texts.
A sheet's name is not a block. Read-only mode does not report merged cells: a merged cell
gives its text once (in its top-left cell) and the cells it covers are empty, which the
table readers already treat as a group row or an empty cell.

Number cells are written in rktc's Indonesian spelling as their number format shows them:
`0.95` with `0%` is `95%`, with `0.0%` `95,0%`; `14271302000` with `#,##0` is
`14.271.302.000`. The digits come from the float's shortest repr, so a value keeps every
digit the float truly holds and gains none; a number cell holds at most 15 significant
digits (Excel's own limit), and longer numbers must be typed as text. A value with more
decimals than its format shows keeps them (nothing is rounded away). Dates are written as
Indonesians write them (`15 Maret 2023`).

An HTML .xls is read with the standard library: every cell is text, as SIPD writes it, and
goes through the table's dialect detection like a Word table's text.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rktc.core.errors import RktcError
from rktc.importer.blocks import Block, Paragraph, Table
from rktc.plan.values import MONTHS

OLE2 = b"\xd0\xcf\x11\xe0"
ZIP = b"PK\x03\x04"
_HTML_START = ("<html", "<table", "<?xml", "<!doctype", "<head", "<body", "<meta", "<!--")


def sniff(path: Path) -> str:
    """What the file truly is, from its first bytes: xlsx, html, ole2 or unknown."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise RktcError("import.unreadable", path=str(path), detail=exc.strerror or "") from None
    if head.startswith(OLE2):
        return "ole2"
    if head.startswith(ZIP):
        return "xlsx"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    for encoding in ("utf-8", "utf-16"):
        try:
            start = text.decode(encoding, errors="ignore").lstrip("\ufeff").lstrip().lower()
        except LookupError:  # pragma: no cover - both codecs exist
            continue
        if start.startswith(_HTML_START):
            return "html"
    return "unknown"


def spreadsheet_blocks(path: Path) -> list[Block]:
    """The blocks of an .xlsx or .xls, by what the file is rather than its name."""
    kind = sniff(path)
    if kind == "xlsx":
        return xlsx_blocks(path)
    if kind == "html":
        return html_blocks(path)
    if kind == "ole2":
        raise RktcError("import.xls_binary", path=str(path))
    raise RktcError("import.sheet_unknown", path=str(path))


# --- .xlsx ------------------------------------------------------------------------------------


def xlsx_blocks(path: Path) -> list[Block]:
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _DAMAGED as exc:
        raise RktcError("import.xlsx_unreadable", path=str(path), detail=str(exc)) from None
    blocks: list[Block] = []
    try:
        for sheet in book.worksheets:
            rows = [[(cell_text(c), _is_number(c)) for c in row] for row in sheet.iter_rows()]
            blocks += grid_blocks(rows)
    except _DAMAGED as exc:  # a sheet's XML is read only now, in read-only mode
        raise RktcError("import.xlsx_unreadable", path=str(path), detail=str(exc)) from None
    finally:
        book.close()
    return blocks


# what a damaged workbook raises: a bad zip, a missing part, broken XML (ParseError is a
# SyntaxError), a value openpyxl cannot convert
_DAMAGED = (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, EOFError)


def grid_blocks(rows: list[list[tuple[str, bool]]]) -> list[Block]:
    """A sheet's rows of (text, is a number cell) as blocks: runs between blank rows; a
    run's opening single-cell rows are paragraphs, the rest one table trimmed to its used
    columns."""
    blocks: list[Block] = []
    run: list[list[tuple[str, bool]]] = []
    for row in [*rows, []]:
        if any(text.strip() for text, _ in row):
            run.append(row)
            continue
        if not run:
            continue
        while run and sum(1 for text, _ in run[0] if text.strip()) == 1:
            line = next(text for text, _ in run[0] if text.strip())
            blocks.append(Paragraph(" ".join(line.split())))
            run.pop(0)
        if run:
            width = max(
                max((i + 1 for i, (text, _) in enumerate(r) if text.strip()), default=0)
                for r in run
            )
            table = Table([[text for text, _ in r][:width] + [""] * (width - len(r)) for r in run])
            table.typed = {
                (r, i) for r, row_ in enumerate(run) for i, (_, typed) in enumerate(row_) if typed
            }
            blocks.append(table)
        run = []
    return blocks


def _is_number(cell: Any) -> bool:
    value = getattr(cell, "value", None)
    return isinstance(value, int | float) and not isinstance(value, bool)


def cell_text(cell: Any) -> str:
    """A cell's text as its format shows it, numbers in Indonesian spelling."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return indonesian_date(value.date())
        return f"{indonesian_date(value.date())} {value:%H.%M}"
    if isinstance(value, date):
        return indonesian_date(value)
    if isinstance(value, time):
        return f"{value:%H.%M}"
    if isinstance(value, int | float):
        return number_text(value, getattr(cell, "number_format", "General") or "General")
    return " ".join(str(value).split())


def indonesian_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


_SECTIONS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def number_text(value: float, number_format: str) -> str:
    """`value` as `number_format` shows it, in Indonesian spelling, keeping its digits."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    code = _SECTIONS.sub("", number_format.split(";")[0])
    percent = "%" in code
    if percent:
        exact = exact * 100
    shown = code.split("%")[0] if percent else code
    places = len(re.sub(r"[^0#?]", "", shown.split(".", 1)[1])) if "." in shown else 0
    return indonesian_number(exact, places, grouped="," in shown) + ("%" if percent else "")


def indonesian_number(value: Decimal, places: int, grouped: bool) -> str:
    """`value` with at least `places` decimals (more when it holds more), "," for decimals."""
    sign = "-" if value < 0 else ""
    text = format(abs(value).normalize(), "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    fraction += "0" * max(0, places - len(fraction))
    if grouped and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = ".".join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


# --- SIPD's HTML .xls ---------------------------------------------------------------------------


class _HtmlTables(HTMLParser):
    """Tables (rows of cell texts, spans repeated, row spans continued) and the text
    between them as paragraphs."""

    _BREAKS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.depth = 0  # nested tables are read as text of the outer cell
        self.table: Table | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.pending: dict[int, list[tuple[int, str]]] = {}  # row -> (col, text) spans
        self.text: list[str] = []
        self.skip = 0  # inside <style>, <script>, <head> <title>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title"):
            self.skip += 1
            return
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self._paragraph()
                self.table = Table([])
            return
        if self.depth != 1 or self.table is None:
            if tag in self._BREAKS:
                self._paragraph()
            return
        if tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row = []
            values = dict(attrs)
            self.span = (_span(values.get("rowspan")), _span(values.get("colspan")))
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self.skip = max(0, self.skip - 1)
            return
        if tag == "table":
            if self.depth == 1 and self.table is not None:
                self._end_row()
                if self.table.rows:
                    self.blocks.append(self.table)
                self.table, self.pending = None, {}
            self.depth = max(0, self.depth - 1)
            return
        if self.depth != 1:
            if tag in self._BREAKS:
                self._paragraph()
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.depth == 0:
            self.text.append(data)

    def _fill_pending(self) -> None:
        assert self.row is not None
        assert self.table is not None
        r = len(self.table.rows)
        for col, text in sorted(self.pending.get(r, [])):
            if col == len(self.row):
                self.table.continued.add((r, col))
                self.row.append(text)

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None or self.table is None:
            return
        text = " ".join("".join(self.cell).split())
        self._fill_pending()
        rows, cols = self.span
        r = len(self.table.rows)
        for _ in range(cols):
            col = len(self.row)
            self.row.append(text)
            for below in range(1, rows):
                self.pending.setdefault(r + below, []).append((col, text))
            self._fill_pending()
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is None or self.table is None:
            return
        self._fill_pending()
        r = len(self.table.rows)
        for col, text in sorted(self.pending.pop(r, [])):
            if col >= len(self.row):
                self.row += [""] * (col - len(self.row))
                self.table.continued.add((r, col))
                self.row.append(text)
        self.table.rows.append(self.row)
        self.row = None

    def _paragraph(self) -> None:
        text = " ".join("".join(self.text).split())
        self.text = []
        if text:
            self.blocks.append(Paragraph(text))

    def close(self) -> None:
        super().close()
        self._paragraph()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1


def html_blocks(path: Path) -> list[Block]:
    raw = path.read_bytes()
    text = _decode(raw)
    parser = _HtmlTables()
    parser.feed(text)
    parser.close()
    if not any(isinstance(block, Table) for block in parser.blocks):
        raise RktcError("import.sheet_unknown", path=str(path))  # e.g. an XML Spreadsheet 2003
    blocks: list[Block] = []
    for block in parser.blocks:
        if isinstance(block, Table):
            width = max(len(r) for r in block.rows)
            block.rows = [r + [""] * (width - len(r)) for r in block.rows]
        blocks.append(block)
    return blocks


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:2048])
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*encodings, "utf-8-sig", "cp1252"]:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", errors="replace")
