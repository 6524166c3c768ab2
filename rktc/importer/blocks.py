"""Read a document as a stream of blocks: paragraphs and tables of plain text cells.

Both a .docx and the tab-separated text export of one (as in ../shared/seed) become the
same stream, so the section and table recognisers do not care where the text came from.

A .docx is read from its document part without python-docx, which builds an object for
every element (0.7 s and 600 MB before the first cell of a 10,000-indicator document).
The tables of the body, nearly all of such a part, are cut out of its text and read by
their markup; the paragraphs around them are parsed with lxml. What is read is what
python-docx gives: a paragraph's runs and links (a line break or a tab separate words, a
page break does not), its style's name; a cell's paragraphs, each with its whitespace
collapsed, joined with a space; a cell spanning columns repeated in each, a cell merged
down marked as continued. A table inside a cell is that cell's text.

Beyond python-docx's text, a table keeps what a hierarchical matrix shows its levels and
its several indicators by: the lines of a cell written on several lines (its paragraphs,
and the line breaks inside them, which also separate words), the cells whose text is all
bold (direct formatting of the runs), and the left indent of a cell's first paragraph.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from rktc.core.errors import RktcError
from rktc.pipeline.forked import map_in_two

if TYPE_CHECKING:  # python-docx opens only a file the reader here fails on
    from docx.document import Document as DocxDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A document with more table markup than this has its tables read in two processes.
# Measured on a 10,000-row document (50 MB of markup): reading 0.5 s in one process; a
# fork and the tables' return cost about 0.05 s.
PARALLEL_MIN_CHARS = 4_000_000
# The child's part of the tables takes about this much longer than the same markup here:
# it sends its tables back, and the two processes share the host (measured on a 10,000-row
# document: 0.25 s here, 0.36 s in the child for equal halves). The cut gives it less.
CHILD_COST = 1.3


@dataclass
class Paragraph:
    text: str
    style: str = ""


@dataclass
class Table:
    rows: list[list[str]]
    # (row, column) of cells that continue the merged cell above them
    continued: set[tuple[int, int]] = field(default_factory=set)
    # (row, column) of a spreadsheet's number cells: written in Indonesian spelling from
    # the number itself, so they are neither evidence of nor read in the table's dialect
    typed: set[tuple[int, int]] = field(default_factory=set)
    # (row, column) -> the lines of a cell written on more than one line (its text is
    # them joined with a space): several indicators of a matrix row share a cell so
    lines: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    # (row, column) of cells whose text is all bold: a matrix's program and kegiatan rows
    bold: set[tuple[int, int]] = field(default_factory=set)
    # (row, column) -> the left indent of an indented cell (Word: twips of its first
    # paragraph; a workbook: the cell's indent level), for the levels of a matrix
    indent: dict[tuple[int, int], int] = field(default_factory=dict)


Block = Paragraph | Table


def read_blocks(path: Path) -> list[Block]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_blocks(path)
    if suffix in (".txt", ".text"):
        return text_blocks(_read_text(path))
    if suffix in (".xlsx", ".xlsm", ".xls"):
        from rktc.importer.sheets import spreadsheet_blocks

        return spreadsheet_blocks(path)
    raise RktcError("import.unknown_type", path=str(path))


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RktcError("import.unreadable", path=str(path), detail="encoding")


def text_blocks(text: str) -> list[Block]:
    """Lines with tabs are table rows; consecutive rows (blank lines between) form a table.

    Lines end at LF, CRLF or a lone CR (old Mac exports)."""
    blocks: list[Block] = []
    current: Table | None = None
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.rstrip("\n")
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if all(set(c) <= set("-|: ") for c in cells):
                continue  # a rule such as "---\t----" under a header
            if current is None:
                current = Table([])
                blocks.append(current)
            current.rows.append(cells)
            continue
        stripped = line.strip().strip("*").strip()
        if not stripped:
            continue  # a blank line does not end a table: page breaks leave them
        if set(stripped) <= set("-| "):
            continue  # a Markdown-style rule between rows
        current = None
        blocks.append(Paragraph(stripped))
    return blocks


def docx_blocks(path: Path, split: bool = True) -> list[Block]:
    """The blocks of a Word file, read from its document part without python-docx (see
    document_blocks; `split` as there).

    A file that reading fails on is opened with python-docx, which says what is wrong with
    it (not a Word file, damaged, a part missing); should python-docx read it after all,
    its tree is read the same way."""
    try:
        return _stream_docx(path, split)
    except _STREAM_FAILED:
        pass
    from rktc.render.docx.styles import open_word_file

    document = open_word_file(path, "import.docx")  # raises the error that says what is wrong
    styles = _Styles.of_python_docx(document)
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == P:
            _add_paragraph(blocks, child, styles)
        elif child.tag == TBL:
            table = Table([])
            for tr in _rows_of(child):
                _add_row(table, tr)
            blocks.append(table)
    return blocks


P, TBL, TR, TC, T, BODY = (W + name for name in ("p", "tbl", "tr", "tc", "t", "body"))
_TCPR, _GRID_SPAN, _VMERGE, _VAL = W + "tcPr", W + "gridSpan", W + "vMerge", W + "val"
_R, _HYPERLINK, _PPR, _PSTYLE = W + "r", W + "hyperlink", W + "pPr", W + "pStyle"
# a run's text as python-docx reads it: breaks and tabs separate words (a page or
# column break does not), a non-breaking hyphen is a hyphen
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}
_BR, _TYPE = W + "br", W + "type"
_ROW_PARTS = frozenset({W + "trPr", W + "tblPrEx"})
WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "/officeDocument"
_STYLES = "/styles"
# Word stores the names of some built-in styles in lower case; they are shown capitalised
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
}


class _NotStreamed(Exception):
    """The package is not one the streaming reader reads (python-docx then says why)."""


_STREAM_FAILED = (
    _NotStreamed,
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    OSError,
    EOFError,
    ValueError,
    SyntaxError,  # lxml's XMLSyntaxError
)


@dataclass
class _Styles:
    """Paragraph style names by style id, and the default paragraph style's name."""

    names: dict[str, str | None] = field(default_factory=dict)  # None: not a paragraph style
    default: str = ""

    def name(self, style_id: str | None) -> str:
        found = self.names.get(style_id) if style_id is not None else None
        return self.default if found is None else found

    @classmethod
    def of_xml(cls, root: Any) -> _Styles:
        """As python-docx reads them: an unknown id, or one of a style that is not a
        paragraph style, is the default paragraph style (the last one marked default)."""
        styles = cls()
        for style in root.iterchildren(W + "style"):
            paragraph = style.get(_TYPE) == "paragraph"
            name_el = style.find(W + "name")
            raw = name_el.get(_VAL) if name_el is not None else None
            name = _UI_NAMES.get(raw, raw) if raw is not None else ""
            style_id = style.get(W + "styleId")
            if style_id is not None and style_id not in styles.names:  # the first one counts
                styles.names[style_id] = name if paragraph else None
            if paragraph and style.get(W + "default") in ("1", "true", "on"):
                styles.default = name
        return styles

    @classmethod
    def of_python_docx(cls, document: DocxDocument) -> _Styles:
        return cls.of_xml(document.styles.element)


def _part_name(base: str, target: str) -> str:
    """The zip member name of a relationship's target, relative to the part at `base`."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target)).lstrip("/")


def _related(package: zipfile.ZipFile, part: str, kind: str) -> str | None:
    """The part that `part` (or the package, for "") relates to with a relationship of `kind`."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = etree.fromstring(package.read(rels))
    except KeyError:
        return None
    for rel in root.iterchildren(_RELS):
        if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External":
            return _part_name(part or "/", rel.get("Target") or "")
    return None


def _content_type(package: zipfile.ZipFile, part: str) -> str:
    root = etree.fromstring(package.read("[Content_Types].xml"))
    for override in root.iterchildren(_TYPES + "Override"):
        if (override.get("PartName") or "").lstrip("/").casefold() == part.casefold():
            return override.get("ContentType") or ""
    extension = posixpath.splitext(part)[1].lstrip(".").casefold()
    for default in root.iterchildren(_TYPES + "Default"):
        if (default.get("Extension") or "").casefold() == extension:
            return default.get("ContentType") or ""
    return ""


def _stream_docx(path: Path, split: bool) -> list[Block]:
    """The blocks of the package's main document part, its paragraphs' styles named as
    its styles part names them (python-docx's defaults when it has none)."""
    with zipfile.ZipFile(path) as package:
        main = _related(package, "", _OFFICE_DOCUMENT)
        if main is None or _content_type(package, main) != WML_MAIN:
            raise _NotStreamed(path)
        styles_part = _related(package, main, _STYLES)
        styles = _Styles(default="Normal")  # python-docx's own default styles
        if styles_part is not None:
            with package.open(styles_part) as handle:
                styles = _Styles.of_xml(etree.parse(handle, _parser()).getroot())
        return document_blocks(package, main, styles, split)


def document_blocks(
    package: zipfile.ZipFile, part: str, styles: _Styles, split: bool = True
) -> list[Block]:
    """The blocks of the document part `part` (word/document.xml) of `package`.

    With `split` (as import reads), the tables of the body are cut out of the part's text
    and read by their markup (see _Split), the rest is parsed with lxml; a part that could
    hold markup that reading does not read as lxml does (a DTD, comments, CDATA, the
    namespace declared twice, another encoding) is streamed with iterparse instead."""
    found = _Split.of(package.read(part)) if split else None
    if found is None:
        with package.open(part) as handle:
            return _stream_blocks(handle, styles)
    rest = etree.fromstring(found.rest, _parser())
    body = rest.find(BODY)
    children = [
        child
        for child in (body.iterchildren() if body is not None else ())
        if child.tag in (P, TBL)
    ]
    tables = iter(found.tables([int(c.get(_PLACE, "0")) for c in children if c.tag == TBL]))
    blocks: list[Block] = []
    for child in children:
        if child.tag == P:
            _add_paragraph(blocks, child, styles)
        else:
            blocks.append(next(tables))
    return blocks


def _parser() -> Any:
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


_PLACE = "rktc-table"  # the attribute of the element that stands for a table cut out
# a DTD, a comment, CDATA or a processing instruction (after the XML declaration); found
# faster by this expression than by looking for "<!" and "<?" (measured: 0.03 and 0.09 s
# in a 50 MB part)
_DECLARATION = re.compile(rb"<[!?]")
_NAMESPACE_DECLARATION = re.compile(r"""xmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2""")
# markup that the tables' reader does not read as lxml would: such a table is parsed
_ENTITY = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
# what a table's tokens would read otherwise than lxml: a text box (paragraphs inside a
# paragraph) and a tracked change of a cell's properties (a gridSpan or vMerge of before)
_UNSPLIT = (b"txbxContent", b"tcPrChange")


def xml_text(raw: str) -> str:
    """Text as it stands in XML markup, its character and entity references read."""
    return _ENTITY.sub(_unescape, raw)


def _unescape(match: re.Match[str]) -> str:
    hexadecimal, decimal, name = match.groups()
    if name:
        return _NAMED[name]
    return chr(int(hexadecimal, 16) if hexadecimal else int(decimal))


class _Split:
    """A document part's markup with the tables of its body cut out.

    The part stays bytes (UTF-8): a 10,000-row document's is 50 MB, and a single curly
    quote makes its text two bytes a character (measured: 0.05 s to decode it, 101 MB).
    Each table's markup is decoded when it is read, by the process that reads it; the
    rest is parsed by lxml. Either refuses bytes that are not UTF-8.

    `rest` is the document with each table (and the tables inside its cells) replaced by
    an empty table element that names its place; `table(n)` reads the n-th table from the
    tokens of its markup, in order: the start of each row, cell and paragraph, the text of
    each `<w:t>`, each cell's gridSpan and vMerge. Content controls and custom XML around
    rows, cells or paragraphs are read through, as lxml's reading does. A table holding a
    table, a text box or a tracked change of a cell's properties is parsed instead; a
    part with a DTD, a comment, CDATA, a processing instruction or the namespace declared
    other than once on the root is not split at all.
    """

    def __init__(self, raw: bytes, prefix: str, root: tuple[bytes, bytes]) -> None:
        self.raw = raw
        self.places: list[tuple[int, int]] = []  # byte offsets of each table's markup
        self.root = root  # the root element's start and end tags, to parse a table alone
        self.rest = b""
        self.prefix = prefix
        w = re.escape(prefix)
        self.open_table = re.compile(f"<{w}tbl(?=[\\s>/])".encode())
        self.close_table = f"</{prefix}tbl>".encode()
        self.open_row = re.compile(f"<{w}tr(?=[\\s>/])".encode())
        # the markup a table is read by: the start of a row, a cell, a paragraph or a run,
        # a text, a cell's gridSpan or vMerge (in a table without tracked changes, only its
        # tcPr holds them), a run's bold, a line break, a paragraph's indent
        self.tokens = re.compile(
            f"<{w}(tr|tc|p|r)(?=[\\s>/])|<{w}t(?:\\s[^>]*)?(?<!/)>([^<]*)</{w}t>"
            f"|<{w}(gridSpan|vMerge|b|br|cr|ind)(?=[\\s/>])([^>]*)>"
        )
        self.value = re.compile(f"\\s{w}val\\s*=\\s*[\"']([^\"']*)")
        self.break_type = re.compile(f"\\s{w}type\\s*=\\s*[\"']([^\"']*)")
        self.left = re.compile(f"\\s{w}(?:left|start)\\s*=\\s*[\"'](-?\\d+)")

    @classmethod
    def of(cls, raw: bytes) -> _Split | None:
        """The split document, or None when it cannot be split safely."""
        raw = raw.removeprefix(codecs.BOM_UTF8)
        if b"\x00" in raw[:512]:
            return None  # UTF-16 or UTF-32: lxml reads it
        head = raw[:512].decode("utf-8", "replace")
        if head.startswith("<?xml") and "encoding" in head.split("?>", 1)[0].casefold():
            declared = re.search(r"encoding\s*=\s*[\"']([^\"']+)", head)
            if declared is None or declared.group(1).casefold().replace("_", "-") not in (
                "utf-8",
                "utf8",
            ):
                return None
        if _DECLARATION.search(raw, 2):
            return None  # markup whose text lxml reads otherwise (or a DTD): lxml reads it
        start = raw.find(b"<", raw.find(b"?>") + 2 if raw.startswith(b"<?xml") else 0)
        end = raw.find(b">", start)
        if start < 0 or end < 0:
            return None
        try:
            root_start = raw[start : end + 1].decode("utf-8")
        except UnicodeDecodeError:
            return None  # lxml says what is wrong
        prefixes = [
            name for name, _, uri in _NAMESPACE_DECLARATION.findall(root_start) if uri == W[1:-1]
        ]
        if len(prefixes) != 1 or not prefixes[0] or raw.count(W[1:-1].encode()) != 1:
            return None  # the default namespace, or declared again inside: lxml reads it
        prefix = prefixes[0] + ":"
        if raw.count(f"xmlns:{prefixes[0]}=".encode()) != 1:
            return None
        name = root_start[1:].split(None, 1)[0].rstrip("/>")
        split = cls(raw, prefix, (root_start.encode(), f"</{name}>".encode()))
        return split if split._cut() else None

    def _cut(self) -> bool:
        """Find the tables that are not inside another table and cut them out."""
        text, position, depth, first = self.raw, 0, 0, 0
        pieces: list[bytes] = []
        close = self.close_table
        search_from = 0
        opening, closing = self.open_table.search(text), text.find(close)
        while True:  # each of the next opening and closing is looked for once
            if opening is not None and opening.start() < search_from:
                opening = self.open_table.search(text, search_from)
            if 0 <= closing < search_from:
                closing = text.find(close, search_from)
            if opening is None and closing < 0:
                break
            if opening is not None and (closing < 0 or opening.start() < closing):
                end = text.find(b">", opening.end())
                if end < 0:
                    return False
                if text[end - 1 : end] != b"/":  # <w:tbl/> is a table with nothing in it
                    if depth == 0:
                        first = opening.start()
                    depth += 1
                elif depth == 0:
                    self._place(pieces, position, opening.start(), end + 1)
                    position = end + 1
                search_from = end + 1
                continue
            if depth == 0:
                return False  # a table closed that was not opened
            depth -= 1
            search_from = closing + len(close)
            if depth == 0:
                self._place(pieces, position, first, search_from)
                position = search_from
        if depth:
            return False
        pieces.append(text[position:])
        self.rest = b"".join(pieces)
        return True

    def _place(self, pieces: list[bytes], position: int, start: int, end: int) -> None:
        pieces.append(self.raw[position:start])
        pieces.append(f'<{self.prefix}tbl {_PLACE}="{len(self.places)}"/>'.encode())
        self.places.append((start, end))

    def tables(self, numbers: list[int]) -> list[Table]:
        """The tables `numbers`, in that order. Those of a large document are read in two
        processes, the table in the middle of their markup cut in two at one of its rows
        (see map_in_two): a row is read alike wherever a reading starts (its cells, their
        lines, bold and indent are all the row's own)."""
        parts = self._parts(numbers)
        weights = [end - start for _, start, end in parts]
        read = map_in_two(self._part, parts, weights, PARALLEL_MIN_CHARS, CHILD_COST)
        tables: list[Table] = []
        for (place, start, _), table in zip(parts, read, strict=True):
            if tables and start != self.places[numbers[place]][0]:
                _extend(tables[-1], table)  # the rest of the table cut in two
            else:
                tables.append(table)
        return tables

    def _parts(self, numbers: list[int]) -> list[tuple[int, int, int]]:
        """(index in `numbers`, start, end) of the tables' markup, the table where this
        process's part ends (see CHILD_COST) in two parts (unless it must be parsed whole)."""
        total = sum(self.places[n][1] - self.places[n][0] for n in numbers)
        here = round(total * CHILD_COST / (1 + CHILD_COST))
        parts: list[tuple[int, int, int]] = []
        before = 0
        for place, number in enumerate(numbers):
            start, end = self.places[number]
            middle = start + here - before
            before += end - start
            if start < middle < end and not self._whole(start, end):
                row = self.open_row.search(self.raw, middle, end)
                if row is not None:
                    parts += [(place, start, row.start()), (place, row.start(), end)]
                    continue
            parts.append((place, start, end))
        return parts

    def _part(self, part: tuple[int, int, int]) -> Table:
        _, start, end = part
        if self._whole(start, end):
            return self._parsed(self.raw[start:end])
        return self._read(start, end)

    def _whole(self, start: int, end: int) -> bool:
        """Whether the table there must be parsed (it holds a table, or markup its tokens
        do not read as lxml does)."""
        return bool(self.open_table.search(self.raw, start + 1, end)) or self._unsplit(start, end)

    def _read(self, start: int, end: int) -> Table:
        """The table between `start` and `end` of the part, from its markup's tokens.

        The open cell is kept in local variables (its paragraphs' lines, span, merge,
        bold and indent): a table of 10,000 rows has 300,000 cells to read."""
        table = Table([])
        cells: list[str] = []
        texts: list[str] | None = None  # the lines of the open cell
        runs: list[str] | None = None  # the texts of the open paragraph
        span, continues, indent, paragraphs = 1, False, 0, 0
        bold = False  # the open run is bold
        some_bold = some_plain = False  # of the open cell's text
        markup = self.raw[start:end].decode("utf-8")
        for tag, text, prop, attributes in self.tokens.findall(markup):
            if not tag and not prop:  # a w:t
                if runs is not None:
                    runs.append(text)
                    if bold:
                        some_bold = True
                    elif text.strip():
                        some_plain = True
                continue
            if prop:
                if prop == "b":
                    found = self.value.search(attributes) if "val" in attributes else None
                    bold = found is None or found.group(1) not in _OFF
                elif prop in ("br", "cr"):
                    kind = self.break_type.search(attributes) if prop == "br" else None
                    if runs is not None and (kind is None or kind.group(1) == "textWrapping"):
                        runs.append(_LINE)
                elif texts is None:
                    continue
                elif prop == "ind":
                    found = self.left.search(attributes)
                    if found is not None and paragraphs == 1:
                        indent = int(found.group(1))
                elif prop == "gridSpan":
                    found = self.value.search(attributes)
                    span = _span(found.group(1) if found else None)
                else:
                    found = self.value.search(attributes)
                    continues = found is None or found.group(1) == "continue"
                continue
            if tag == "r":
                bold = False
                continue
            if runs is not None:  # the open paragraph ends
                _add_text(texts, runs)
                runs = None
            if tag == "p":
                runs = []
                bold = False
                paragraphs += 1
                continue
            if texts is not None:  # the open cell ends
                if span == 1 and not continues and not indent and len(texts) < 2:
                    if some_bold and not some_plain:
                        table.bold.add((len(table.rows) - 1, len(cells)))
                    cells.append(texts[0] if texts else "")
                else:
                    _put(table, cells, texts, span, continues, some_bold and not some_plain, indent)
                texts = None
            if tag == "tr":
                cells = []
                table.rows.append(cells)
            else:
                texts, span, continues, indent, paragraphs = [], 1, False, 0, 0
                some_bold = some_plain = False
        if runs is not None:
            _add_text(texts, runs)
        if texts is not None:
            _put(table, cells, texts, span, continues, some_bold and not some_plain, indent)
        return table

    def _unsplit(self, start: int, end: int) -> bool:
        """Whether the table holds markup its tokens do not read as lxml does."""
        return any(self.raw.find(marker, start, end) >= 0 for marker in _UNSPLIT)

    def _parsed(self, markup: bytes) -> Table:
        """A table read from its parsed markup (inside the root element, for its
        namespace declarations)."""
        start, end = self.root
        root = etree.fromstring(start + markup + end, _parser())
        table = Table([])
        for tr in _rows_of(root[0]):
            _add_row(table, tr)
        return table


def _stream_blocks(handle: Any, styles: _Styles) -> list[Block]:
    blocks: list[Block] = []
    table: Table | None = None
    events = etree.iterparse(
        handle,
        events=("end",),
        tag=(P, TR, TBL),
        remove_blank_text=True,
        resolve_entities=False,
    )
    for _, element in events:
        parent = element.getparent()
        if element.tag == TR:
            owner = _nearest(element, TBL)
            if owner is None or not _in_body(owner):
                continue  # a row of a table inside a cell: read as that cell's text
            if table is None:
                table = Table([])
                blocks.append(table)
            _add_row(table, element)
        elif not _in_body(element):
            continue  # a paragraph of a cell, or a table inside a cell: read with its row
        elif element.tag == P:
            _add_paragraph(blocks, element, styles)
        else:  # the end of a table of the body
            if table is None:
                blocks.append(Table([]))
            table = None
        element.clear()  # read: drop it, and what came before it
        while element.getprevious() is not None:
            del parent[0]
    return blocks


_LINE = "\x00"  # a line break inside a paragraph (no XML text holds this character)
_OFF = frozenset({"0", "false", "off"})


def _add_text(texts: list[str] | None, runs: list[str]) -> None:
    """A paragraph's lines, each with its whitespace collapsed, to its cell's (if any;
    empty ones left out)."""
    found = "".join(runs)
    if "&" in found:
        found = xml_text(found)
    if texts is None:
        return
    if _LINE in found:
        texts += [line for part in found.split(_LINE) if (line := " ".join(part.split()))]
        return
    text = " ".join(found.split())
    if text:
        texts.append(text)


class _Cell:
    """What is read of one cell of a Word table: its lines (every paragraph, split at its
    line breaks), its span and merge, whether all its text is bold, its first
    paragraph's left indent."""

    __slots__ = ("bold", "continues", "indent", "paragraphs", "plain", "span", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.span, self.continues = 1, False
        self.bold = self.plain = False  # some of its text is bold / is not
        self.indent = 0
        self.paragraphs = 0

    def saw(self, bold: bool) -> None:
        if bold:
            self.bold = True
        else:
            self.plain = True

    def add_to(self, table: Table, cells: list[str]) -> None:
        _put(table, cells, self.texts, self.span, self.continues, self.bold and not self.plain,
             self.indent)  # fmt: skip


def _put(
    table: Table,
    cells: list[str],
    texts: list[str],
    span: int,
    continues: bool,
    bold: bool,
    indent: int,
) -> None:
    """A cell's text in each grid column it spans, marked when it is merged from above,
    with its lines, bold and indent."""
    r = len(table.rows) - 1
    text = " ".join(texts)
    for _ in range(span):
        where = (r, len(cells))
        if continues:
            table.continued.add(where)
        if len(texts) > 1:
            table.lines[where] = tuple(texts)
        if bold:
            table.bold.add(where)
        if indent > 0:
            table.indent[where] = indent
        cells.append(text)


def _extend(table: Table, rest: Table) -> None:
    """`rest`, read from the rows that follow `table`'s, added to it."""
    shift = len(table.rows)
    table.rows += rest.rows
    table.continued |= {(r + shift, c) for r, c in rest.continued}
    table.typed |= {(r + shift, c) for r, c in rest.typed}
    table.bold |= {(r + shift, c) for r, c in rest.bold}
    table.lines.update({(r + shift, c): lines for (r, c), lines in rest.lines.items()})
    table.indent.update({(r + shift, c): indent for (r, c), indent in rest.indent.items()})


def _in_body(element: Any) -> bool:
    parent = element.getparent()
    return parent is not None and parent.tag == BODY


def _paragraph_text(p: Any) -> str:
    """A paragraph's text as python-docx gives it: its runs, and the runs of its links."""
    parts: list[str] = []
    for child in p:
        if child.tag == _R:
            _run_text(child, parts)
        elif child.tag == _HYPERLINK:
            for run in child.iterchildren(_R):
                _run_text(run, parts)
    return "".join(parts)


def _run_text(run: Any, parts: list[str]) -> None:
    for item in run:
        tag = item.tag
        if tag == T:
            parts.append(item.text or "")
        elif tag == _BR:
            parts.append("\n" if item.get(_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])


def _add_paragraph(blocks: list[Block], p: Any, styles: _Styles) -> None:
    text = " ".join(_paragraph_text(p).split())  # a heading's line breaks become spaces
    if not text:
        return
    style_id = None
    ppr = p.find(_PPR)
    if ppr is not None:
        pstyle = ppr.find(_PSTYLE)
        if pstyle is not None:
            style_id = pstyle.get(_VAL)
    blocks.append(Paragraph(text, styles.name(style_id)))


def _rows_of(tbl: Any) -> list[Any]:
    """The rows of a table, not those of the tables inside its cells."""
    return [tr for tr in tbl.iter(TR) if _nearest(tr, TBL) is tbl]


def _nearest(element: Any, tag: str) -> Any:
    owner = element.getparent()
    while owner is not None and owner.tag != tag:
        owner = owner.getparent()
    return owner


def _cells_of(tr: Any) -> list[Any]:
    cells = []
    for child in tr:
        if child.tag == TC:
            cells.append(child)
        elif child.tag not in _ROW_PARTS:  # a cell inside a content control
            cells += [tc for tc in child.iter(TC) if _nearest(tc, TR) is tr]
    return cells


_B, _CR, _IND = W + "b", W + "cr", W + "ind"
_CELL_PARTS = (P, _R, T, _B, _BR, _CR, _IND)


def _read_cell(tc: Any) -> _Cell:
    """A cell read from its parsed markup as the tokens of a split table are read: its
    paragraphs (those of a table inside it too) and their line breaks, bold and indent."""
    cell = _Cell()
    runs: list[str] | None = None
    bold = False
    for element in tc.iter(_CELL_PARTS):
        tag = element.tag
        if tag == T:
            text = element.text or ""
            if runs is not None:
                runs.append(text)
                if text.strip():
                    cell.saw(bold)
        elif tag == _R:
            bold = False
        elif tag == _B:
            bold = element.get(_VAL) not in _OFF
        elif tag in (_BR, _CR):
            kind = element.get(_TYPE) if tag == _BR else None
            if runs is not None and kind in (None, "textWrapping"):
                runs.append(_LINE)
        elif tag == _IND:
            left = element.get(W + "left", element.get(W + "start"))
            if cell.paragraphs == 1 and left is not None and left.lstrip("-").isdigit():
                cell.indent = int(left)
        else:  # a paragraph
            if runs is not None:
                _add_text(cell.texts, runs)
            runs = []
            bold = False
            cell.paragraphs += 1
    if runs is not None:
        _add_text(cell.texts, runs)
    return cell


def _add_row(table: Table, tr: Any) -> None:
    """One row of cell texts, one per grid column: spans repeat, merges continue above."""
    cells: list[str] = []
    table.rows.append(cells)
    for tc in _cells_of(tr):
        cell = _read_cell(tc)
        properties = tc.find(_TCPR)
        if properties is not None:
            for prop in properties:
                if prop.tag == _GRID_SPAN:
                    cell.span = _span(prop.get(_VAL))
                elif prop.tag == _VMERGE:
                    cell.continues = prop.get(_VAL) in (None, "continue")
        cell.add_to(table, cells)


def _span(value: str | None) -> int:
    """A cell's gridSpan; one that is no number spans its own column only."""
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1
