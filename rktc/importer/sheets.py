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

As of a Word table, a table keeps the lines of a cell written on several lines (a line
break typed in the cell, `<br>` in HTML), the cells that are bold (the cell's font; `<b>`,
`<strong>`, `<th>` or a bold font-weight in HTML) and a workbook cell's indent.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rktc.core.errors import RktcError
from rktc.importer.blocks import Block, Paragraph, Table, xml_text
from rktc.pipeline.forked import map_in_two
from rktc.plan.values import MONTHS

OLE2 = b"\xd0\xcf\x11\xe0"
# A cell as read: its text, whether it is a number cell, its lines when it has several,
# whether it is bold, its indent level.
Cell = tuple[str, bool, tuple[str, ...] | None, bool, int]
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
        sheets = [_Sheet.of(book, sheet) for sheet in book.worksheets]
        fast = map_in_two(
            _Sheet.blocks,
            sheets,
            [len(sheet.text or "") for sheet in sheets],
            PARALLEL_MIN_CHARS,
        )
        for sheet, found in zip(sheets, fast, strict=True):
            if found is None:  # a sheet written in a way the fast reading leaves to openpyxl
                rows = [[_read_cell(c) for c in row] for row in sheet.sheet.iter_rows()]
                found = grid_blocks(rows)
            blocks += found
    except _DAMAGED as exc:  # a sheet's XML is read only now, in read-only mode
        raise RktcError("import.xlsx_unreadable", path=str(path), detail=str(exc)) from None
    finally:
        book.close()
    return blocks


# A workbook with more sheet text than this has its sheets read in two processes.
# Measured on a 10,000-indicator workbook (12 MB of sheets): 0.6 s of reading in one
# process; a fork and the blocks' return cost about 0.03 s.
PARALLEL_MIN_CHARS = 2_000_000


@dataclass
class _Sheet:
    """A worksheet with what its fast reading needs, all taken from the archive first:
    a forked reader must not read the archive, whose file position both would share."""

    book: Any
    sheet: Any
    text: str | None  # the sheet's XML; None when it cannot be had (openpyxl reads it)
    max_row: int | None
    max_column: int | None

    @classmethod
    def of(cls, book: Any, sheet: Any) -> _Sheet:
        try:
            with sheet._get_source() as handle:
                text = handle.read().decode("utf-8")
            return cls(book, sheet, text, sheet.max_row, sheet.max_column)
        except Exception:  # noqa: BLE001 - openpyxl reads it again, and says what is wrong
            return cls(book, sheet, None, None, None)

    def blocks(self) -> list[Block] | None:
        """The sheet's blocks from its XML text, or None to read it with openpyxl."""
        if self.text is None:
            return None
        try:
            rows = _SheetCells(self.book, self.sheet).rows(self.text, self.max_row, self.max_column)
        except Exception:  # noqa: BLE001 - as above
            return None
        return None if rows is None else grid_blocks(rows)


class _SheetCells:
    """A sheet's cells read from its XML text, as openpyxl's read-only mode gives them.

    openpyxl parses a sheet element by element and makes an object of every cell: 1.5 s for
    the 280,000 cells of a 10,000-indicator workbook. Here one regular expression finds the
    rows and cells in the sheet's text, and each value is made as openpyxl makes it, from
    what openpyxl read of the workbook (shared strings, number and date formats, epoch):
    shared strings, numbers (an int, or a float with a point or an exponent), dates by
    their format, booleans, errors and formula results, inline strings through openpyxl's
    own text reader. Rows are padded, and missing rows added, as openpyxl does from the
    sheet's dimension. A sheet is read so only when every cell and row of it matches the
    expression (attributes r, s, t in that order; the default namespace; no comments or
    CDATA); any other sheet, and one whose reading fails, is read by openpyxl, which then
    says what is wrong with it.
    """

    MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    TOKENS = re.compile(
        r'<(row)(?: r="(\d+)")?(\s[^>]*?)?/?>'
        r'|<c(?: r="([A-Z]{1,3})\d+")?(?: s="(\d+)")?(?: t="(\w+)")?\s*(?:/>|>(.*?)</c>)',
        re.DOTALL,
    )
    VALUE = re.compile(r"<v>([^<]*)</v>")

    def __init__(self, book: Any, sheet: Any) -> None:
        from openpyxl.utils.datetime import (  # type: ignore[import-untyped]
            from_excel,
            from_ISO8601,
        )

        self.book = book
        self.shared = sheet._shared_strings
        self.dates: set[int] = book._date_formats
        self.durations: set[int] = book._timedelta_formats
        self.epoch = book.epoch
        self.from_excel, self.from_iso = from_excel, from_ISO8601
        self.formats: dict[int, str] = {}
        self.seen: dict[tuple[str, str, str], Cell] = {}
        self.looks: dict[int, tuple[bool, int]] = {}  # style -> (bold, indent)

    def number_format(self, style: int) -> str:
        found = self.formats.get(style)
        if found is None:
            from openpyxl.styles.numbers import (  # type: ignore[import-untyped]
                BUILTIN_FORMATS,
                BUILTIN_FORMATS_MAX_SIZE,
            )

            number = self.book._cell_styles[style].numFmtId
            if number < BUILTIN_FORMATS_MAX_SIZE:
                found = BUILTIN_FORMATS.get(number, "General")
            else:
                found = self.book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
            self.formats[style] = found
        return found

    def rows(self, text: str, max_row: int | None, max_col: int | None) -> list[list[Cell]] | None:
        root = text.find("<worksheet")
        if root < 0 or self.MAIN not in text[root : text.find(">", root)] or "<!" in text:
            return None
        start, end = text.find("<sheetData"), text.find("</sheetData>")
        if start < 0:
            return None
        data = text[start : end if end >= 0 else len(text)]
        parsed: list[tuple[int, list[tuple[int, Cell]]]] = []
        cells_found = 0
        row_number = column = 0
        cells: list[tuple[int, Cell]] = []
        seen, cell = self.seen, self.cell
        for row, number, rest, letters, style, kind, content in self.TOKENS.findall(data):
            if row:
                if not number and ' r="' in rest:
                    return None  # the row's number in another place: openpyxl finds it
                row_number = int(number) if number else row_number + 1
                cells = []
                parsed.append((row_number, cells))
                column = 0
                continue
            cells_found += 1
            column = _column(letters) if letters else column + 1
            # the cells of a sheet repeat (satuan, targets, merged texts): each distinct
            # value, style and type is made once
            key = (content, style, kind)
            found = seen.get(key)
            if found is None:
                found = seen[key] = cell(style, kind or "n", content)
            cells.append((column, found))
        if cells_found != data.count("<c ") + data.count("<c>") + data.count("<c/>"):
            return None  # a cell the expression did not match: openpyxl reads the sheet
        return _grid(parsed, max_row, max_col)

    def cell(self, style: str | None, kind: str, content: str | None) -> Cell:
        """One cell, its value made as openpyxl makes it."""
        style_id = int(style) if style else 0
        bold, indent = self.look(style_id)
        if kind == "inlineStr":
            return _text_cell(self.inline(content), bold, indent)
        raw = _value(content, self.VALUE)
        if raw is None:
            return _EMPTY
        value: Any
        if kind == "s":
            value = self.shared[int(raw)]
            if isinstance(value, str):
                return _text_cell(value, bold, indent)
            return value_text(value, None), False, None, bold, indent
        if kind == "n":
            value = float(raw) if "." in raw or "E" in raw or "e" in raw else int(raw)
            if style_id in self.dates:
                try:
                    value = self.from_excel(value, self.epoch, timedelta=style_id in self.durations)
                except (OverflowError, ValueError):
                    value = "#VALUE!"
        elif kind == "b":
            value = bool(int(raw))
        elif kind == "d":
            value = self.from_iso(raw)
        else:  # str (a formula's text), e (an error) and what else a cell may say
            value = raw
        if isinstance(value, str):
            return _text_cell(value, bold, indent)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        text = value_text(value, self.number_format(style_id) if number else None)
        return text, number, None, bold, indent

    def look(self, style: int) -> tuple[bool, int]:
        """Whether cells of a style are bold, and their indent."""
        found = self.looks.get(style)
        if found is None:
            found = self.looks[style] = (False, 0)
            styles = self.book._cell_styles
            if 0 <= style < len(styles):
                array = styles[style]
                fonts, alignments = self.book._fonts, self.book._alignments
                bold = 0 <= array.fontId < len(fonts) and bool(fonts[array.fontId].b)
                indent = 0
                if 0 <= array.alignmentId < len(alignments):
                    indent = int(alignments[array.alignmentId].indent or 0)
                found = self.looks[style] = (bold, indent)
        return found

    def inline(self, content: str | None) -> str:
        if not content or "<is" not in content:
            return ""
        plain = _PLAIN_INLINE.fullmatch(content)
        if plain is not None:  # one text, no runs (as openpyxl writes them): read as it reads
            text = plain.group(1).replace("\r\n", "\n").replace("\r", "\n")
            return xml_text(text) if "&" in text else text
        from xml.etree.ElementTree import fromstring

        from openpyxl.cell.text import Text  # type: ignore[import-untyped]

        inline = content[content.index("<is") : content.rindex("</is>") + 5]
        inline = inline.replace("<is", f"<is {self.MAIN}", 1)
        return str(Text.from_tree(fromstring(inline)).content)


_PLAIN_INLINE = re.compile(r'<is><t(?: xml:space="preserve")?>([^<]*)</t></is>')


def _text_cell(value: str, bold: bool, indent: int) -> Cell:
    """A text cell: its whitespace collapsed, and its lines when it has several."""
    if "\n" in value:
        lines = tuple(line for part in value.split("\n") if (line := " ".join(part.split())))
        if len(lines) > 1:
            return " ".join(lines), False, lines, bold, indent
    return " ".join(value.split()), False, None, bold, indent


def _read_cell(cell: Any) -> Cell:
    """A cell as openpyxl gives it (a sheet the fast reading leaves to openpyxl)."""
    value = getattr(cell, "value", None)
    font, alignment = getattr(cell, "font", None), getattr(cell, "alignment", None)
    bold = bool(getattr(font, "b", False))
    indent = int(getattr(alignment, "indent", 0) or 0)
    if isinstance(value, str):
        return _text_cell(value, bold, indent)
    return cell_text(cell), _is_number(cell), None, bold, indent


def _value(content: str | None, pattern: re.Pattern[str]) -> str | None:
    """The text of a cell's <v> ("" is no value, as openpyxl reads it)."""
    if not content:
        return None
    if content.startswith("<v>") and content.endswith("</v>") and "<" not in content[3:-4]:
        raw = content[3:-4]  # the common cell: nothing but its value
    else:
        found = pattern.search(content)
        if found is None:
            if "<v" in content:
                raise ValueError("a <v> the expression does not read")  # openpyxl reads it
            return None
        raw = found.group(1)
    if "&" in raw:
        raw = xml_text(raw)
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return raw or None


@functools.lru_cache(maxsize=1024)
def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_EMPTY: Cell = ("", False, None, False, 0)


def _grid(
    parsed: list[tuple[int, list[tuple[int, Cell]]]],
    max_row: int | None,
    max_col: int | None,
) -> list[list[Cell]]:
    """The rows as openpyxl's read-only iter_rows gives them: from row 1, a missing row as
    an empty one, each row as wide as the sheet's dimension (else to its last cell), rows
    past the dimension left out."""
    empty: list[Cell] = [_EMPTY] * max_col if max_col is not None else []
    out: list[list[Cell]] = []
    counter, number = 1, 1
    for number, cells in parsed:
        if max_row is not None and number > max_row:
            break
        while counter < number:
            counter += 1
            out.append(list(empty))
        if counter <= number:
            width = max_col or (cells[-1][0] if cells else 0)
            if not cells and not max_col:
                out.append([])
            else:
                row = [_EMPTY] * width
                for column, cell in cells:
                    if 1 <= column <= width:
                        row[column - 1] = cell
                out.append(row)
            counter += 1
    if max_row is not None and max_row < number:
        while counter <= max_row:
            counter += 1
            out.append(list(empty))
    return out


# what a damaged workbook raises: a bad zip, a missing part, broken XML (ParseError is a
# SyntaxError), a value openpyxl cannot convert
_DAMAGED = (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, EOFError)


def grid_blocks(rows: list[list[Cell]]) -> list[Block]:
    """A sheet's rows of cells as blocks: runs between blank rows; a run's opening
    single-cell rows are paragraphs, the rest one table trimmed to its used columns."""
    blocks: list[Block] = []
    run: list[list[Cell]] = []
    for row in [*rows, []]:
        if any(cell[0].strip() for cell in row):
            run.append(row)
            continue
        if not run:
            continue
        while run and sum(1 for cell in run[0] if cell[0].strip()) == 1:
            line = next(cell[0] for cell in run[0] if cell[0].strip())
            blocks.append(Paragraph(" ".join(line.split())))
            run.pop(0)
        if run:
            blocks.append(_table_of(run))
        run = []
    return blocks


def _table_of(run: list[list[Cell]]) -> Table:
    """A run of rows as a table trimmed to its used columns, with its number cells, its
    cells of several lines, its bold and indented cells."""
    width = max(max((i + 1 for i, cell in enumerate(r) if cell[0].strip()), default=0) for r in run)
    table = Table([[cell[0] for cell in r][:width] + [""] * (width - len(r)) for r in run])
    for r, row in enumerate(run):
        for i, (_, typed, lines, bold, indent) in enumerate(row[:width]):
            if typed:
                table.typed.add((r, i))
            if lines is not None:
                table.lines[(r, i)] = lines
            if bold:
                table.bold.add((r, i))
            if indent:
                table.indent[(r, i)] = indent
    return table


def _is_number(cell: Any) -> bool:
    value = getattr(cell, "value", None)
    return isinstance(value, int | float) and not isinstance(value, bool)


def cell_text(cell: Any) -> str:
    """A cell's text as its format shows it, numbers in Indonesian spelling."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    return value_text(value, getattr(cell, "number_format", "General"))


def value_text(value: Any, number_format: str | None) -> str:
    """A cell's value as its number format shows it, numbers in Indonesian spelling."""
    if type(value) is str:  # the most of cells
        return " ".join(value.split())
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
        return number_text(value, number_format or "General")
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


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
_HTML_LINE = "\x00"  # a <br> inside a cell (no HTML text holds this character)


class _HtmlTables(HTMLParser):
    """Tables (rows of cell texts, spans repeated, row spans continued) and the text
    between them as paragraphs; a cell's lines (`<br>`) and whether its text is bold."""

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
        self.bold: list[str] = []  # the open elements inside a cell that make text bold
        self.cell_bold = self.cell_plain = False  # some of the cell's text is bold / is not

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
            self.bold = (
                [tag] if tag == "th" or _BOLD_STYLE.search(values.get("style") or "") else []
            )
            self.cell_bold = self.cell_plain = False
        elif tag == "br" and self.cell is not None:
            self.cell.append(_HTML_LINE)
        elif self.cell is not None and (
            tag in ("b", "strong") or _BOLD_STYLE.search(dict(attrs).get("style") or "")
        ):
            self.bold.append(tag)

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
        elif tag != "th" and tag in self.bold:  # a <b>, <strong> or bold <span> ends
            del self.bold[len(self.bold) - 1 - self.bold[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            if data.strip():
                if self.bold:
                    self.cell_bold = True
                else:
                    self.cell_plain = True
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
        raw = "".join(self.cell)
        lines = [line for part in raw.split(_HTML_LINE) if (line := " ".join(part.split()))]
        text = " ".join(lines)
        bold = self.cell_bold and not self.cell_plain
        self._fill_pending()
        rows, cols = self.span
        r = len(self.table.rows)
        for _ in range(cols):
            col = len(self.row)
            if len(lines) > 1:
                self.table.lines[(r, col)] = tuple(lines)
            if bold:
                self.table.bold.add((r, col))
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
