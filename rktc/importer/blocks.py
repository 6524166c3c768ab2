"""Read a document as a stream of blocks: paragraphs and tables of plain text cells.

Both a .docx and the tab-separated text export of one (as in ../shared/seed) become the
same stream, so the section and table recognisers do not care where the text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rktc.core.errors import RktcError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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


Block = Paragraph | Table


def read_blocks(path: Path) -> list[Block]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_blocks(path)
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


def _docx_blocks(path: Path) -> list[Block]:
    from docx.text.paragraph import Paragraph as DocxParagraph

    from rktc.render.docx.styles import open_word_file

    document = open_word_file(path, "import.docx")
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            paragraph = DocxParagraph(child, document._body)
            style = paragraph.style.name if paragraph.style is not None else ""
            text = " ".join(paragraph.text.split())  # a heading's line breaks become spaces
            if text:
                blocks.append(Paragraph(text, style or ""))
        elif child.tag == W + "tbl":
            blocks.append(_docx_table(child))
    return blocks


def _cell_text(tc: object) -> str:
    paragraphs = []
    for p in tc.iter(W + "p"):  # type: ignore[attr-defined]
        paragraphs.append("".join(t.text or "" for t in p.iter(W + "t")))
    return " ".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _docx_table(tbl: object) -> Table:
    """Rows of cell texts, one per grid column: spans repeat, merges continue from above."""
    table = Table([])
    for r, tr in enumerate(tbl.iter(W + "tr")):  # type: ignore[attr-defined]
        cells: list[str] = []
        for tc in tr.iter(W + "tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val", "1")) if span_el is not None else 1
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            continues = merge is not None and merge.get(f"{W}val") in (None, "continue")
            text = _cell_text(tc)
            for _ in range(span):
                if continues:
                    table.continued.add((r, len(cells)))
                cells.append(text)
        table.rows.append(cells)
    return table
