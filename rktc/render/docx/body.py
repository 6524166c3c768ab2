"""The body, written by walking the outline: headings, paragraphs, lists, the cover, the
signature, the table of contents, and a slot for each table (filled in by `tables`).

Each part of the outline is a DOCX section (orientation, page numbering); a level-1
section after the first of its part starts on a new page. What a block shows is written
by the function for its kind (`_BLOCKS`); no heading or chapter is named here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rktc.render.docx.pages import Paper
from rktc.render.docx.styles import CONTENTS_STYLES
from rktc.render.docx.tables import Tables
from rktc.render.docx.wordml import runs
from rktc.render.outline import (
    CAPTIONED_TABLES,
    CONTENTS,
    COVER,
    LOGO,
    NUMBERED,
    PARAGRAPHS,
    PARTIES,
    PICTURE,
    SIGNATURE,
    SIGNATURES,
    TABLE,
    VISI,
    Block,
    Outline,
    Part,
    Section,
    heading_lines,
    source_value,
)
from rktc.render.view import DocumentView, Picture, SignerView, TableView

# Where the logo goes: found by structure (see package.place_logo), never by text.
LOGO_SLOT_STYLE = "rktc.logo-slot"
# Where a picture goes (the capaian chart): the k-th slot holds the k-th picture.
PICTURE_SLOT_STYLE = "rktc.picture-slot"
LIST_INDENT = 360
PARTY_LABEL_WIDTH = 1800  # twips from the block's indent to the colon of "Nama : ..."
SIGNATURE_SPACE = 3  # empty lines where the signatures go


class BodyWriter:
    """Collects the body as WordprocessingML text."""

    def __init__(self, styles: dict[str, str], paper: Paper, tables: Tables) -> None:
        self.styles = styles
        self.paper = paper
        self.tables = tables
        self.parts: list[str] = []
        self.landscape = False
        self.bookmarks: dict[str, str] = {}  # section key -> bookmark name of its heading
        self.pictures: list[Picture] = []  # in the order of their slots

    def content(self) -> str:
        return "".join(self.parts)

    def paragraph(
        self,
        text: str,
        style: str | None = None,
        *,
        align: str | None = None,
        bold: bool = False,
        size: int | None = None,
        indent: int | None = None,
        space_after: int | None = None,
        keep_next: bool = False,
        style_id: str | None = None,
        bookmark: str | None = None,
    ) -> None:
        props = []
        if style or style_id:
            props.append(f'<w:pStyle w:val="{style_id or self.styles[str(style)]}"/>')
        if keep_next:
            props.append("<w:keepNext/>")
        if space_after is not None:
            props.append(f'<w:spacing w:after="{space_after}"/>')
        if indent is not None:
            props.append(f'<w:ind w:left="{indent}"/>')
        if align:
            props.append(f'<w:jc w:val="{align}"/>')
        ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
        content = runs(text, bold, size)
        if bookmark:
            number = len(self.bookmarks)
            content = (
                f'<w:bookmarkStart w:id="{number}" w:name="{bookmark}"/>{content}'
                f'<w:bookmarkEnd w:id="{number}"/>'
            )
        self.parts.append(f"<w:p>{ppr}{content}</w:p>")

    def page_break(self) -> None:
        self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def end_part(self, part: Part, *, last: bool) -> None:
        """Close the section of `part`: its properties ride on an empty paragraph, except
        the last one's, which are the body's own sectPr (see package.install_body)."""
        xml = self.paper.section_xml(part.landscape, part.numbering, part.restart_numbering)
        self.parts.append(xml if last else f"<w:p><w:pPr>{xml}</w:pPr></w:p>")

    def text_width(self) -> int:
        return self.paper.text_width(self.landscape)

    def table(self, table: TableView) -> None:
        self.parts.append(self.tables.slot(table, self.text_width()))
        self.paragraph("", space_after=0)


def write_body(w: BodyWriter, outline: Outline, view: DocumentView, with_logo: bool) -> None:
    for number, (_, section) in enumerate(outline.sections()):
        if section.level > 0 and section.in_contents:
            w.bookmarks[section.key] = f"_Toc{100000001 + number}"
    for index, part in enumerate(outline.parts):
        w.landscape = part.landscape
        for position, section in enumerate(part.sections):
            if position:
                w.page_break()
            _section(w, section, outline, view, with_logo)
        w.end_part(part, last=index == len(outline.parts) - 1)


def _section(
    w: BodyWriter, section: Section, outline: Outline, view: DocumentView, with_logo: bool
) -> None:
    if section.level > 0:
        _heading(w, section, view)
    for block in section.blocks:
        if block.kind == COVER:
            _cover(w, view, with_logo)
        elif block.kind == LOGO:
            if with_logo:
                w.paragraph("", style_id=LOGO_SLOT_STYLE, align="center")
        elif block.kind == CONTENTS:
            _contents(w, outline, view)
        else:
            _BLOCKS[block.kind](w, view, block)
    for child in section.sections:
        _section(w, child, outline, view, with_logo)


def _heading(w: BodyWriter, section: Section, view: DocumentView) -> None:
    text = "\n".join(heading_lines(section, view))
    bookmark = w.bookmarks.get(section.key)
    if not section.in_contents:
        # a heading the contents do not list (their own title) must not have a Heading
        # style, or Word's next update of the contents would list it
        w.paragraph(text, "TOC Heading", align="center")
        return
    level = min(section.level, 3)
    w.paragraph(
        text,
        f"Heading {level}",
        align="center" if level == 1 else None,
        keep_next=True,
        bookmark=bookmark,
    )


def _cover(w: BodyWriter, view: DocumentView, with_logo: bool) -> None:
    for _ in range(3):
        w.paragraph("")
    w.paragraph(view.cover_title.upper(), "Title", align="center")
    w.paragraph(view.cover_institution.upper(), align="center", bold=True, size=28)
    w.paragraph(f"TAHUN {view.year}", align="center", bold=True, size=28)
    w.paragraph("", space_after=1200)
    if with_logo:
        w.paragraph("", style_id=LOGO_SLOT_STYLE, align="center")
    w.paragraph("", space_after=1200)
    if view.cover_parent:
        w.paragraph(view.cover_parent.upper(), align="center", bold=True, size=24)


def _paragraphs(w: BodyWriter, view: DocumentView, block: Block) -> None:
    texts: Iterable[str] = source_value(view, block.source)
    for text in texts:
        w.paragraph(text, align="both")


def _signature(w: BodyWriter, view: DocumentView, block: Block) -> None:
    sig = view.signature
    indent = w.text_width() // 2
    w.paragraph(sig.place_date, indent=indent, space_after=0)
    w.paragraph(sig.institution, indent=indent, space_after=0)
    if sig.position:
        w.paragraph(sig.position, indent=indent, space_after=0)
    w.paragraph("\n\n", indent=indent, space_after=0)
    w.paragraph(sig.name, indent=indent, bold=True, space_after=0)
    if sig.nip:
        w.paragraph(f"NIP. {sig.nip}", indent=indent)


def _visi(w: BodyWriter, view: DocumentView, block: Block) -> None:
    w.paragraph(f"\u201c{view.visi}\u201d", align="center", bold=True)
    for number, (word, meaning) in enumerate(view.makna, start=1):
        w.paragraph(f"{number}. {word}: {meaning}", indent=LIST_INDENT)


def _numbered(w: BodyWriter, view: DocumentView, block: Block) -> None:
    items: Iterable[str] = source_value(view, block.source)
    for number, item in enumerate(items, start=1):
        w.paragraph(f"{number}. {item}", indent=LIST_INDENT)


def _table(w: BodyWriter, view: DocumentView, block: Block) -> None:
    w.table(source_value(view, block.source))


def _captioned_tables(w: BodyWriter, view: DocumentView, block: Block) -> None:
    for number, (caption, table) in enumerate(source_value(view, block.source), start=1):
        w.paragraph(f"{number}. {caption}", bold=True, keep_next=True)
        w.table(table)


def _parties(w: BodyWriter, view: DocumentView, block: Block) -> None:
    """Each party: "Nama : ...", "Jabatan : ..." (a wrapped value stays right of the
    colon), then what the agreement calls it."""
    colon = LIST_INDENT + PARTY_LABEL_WIDTH
    for party in view.parties:
        for label, value in party.lines:
            w.parts.append(
                f'<w:p><w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="{colon}"/>'
                f'</w:tabs><w:spacing w:after="0"/><w:ind w:left="{colon + 240}" '
                f'w:hanging="{colon + 240 - LIST_INDENT}"/></w:pPr>{runs(label)}'
                f"<w:r><w:tab/></w:r>{runs(': ' + value)}</w:p>"
            )
        for text in party.role:
            w.paragraph(text, indent=LIST_INDENT)


def _signatures(w: BodyWriter, view: DocumentView, block: Block) -> None:
    """Place and date over the right column, then the signers side by side (pihak kedua
    left, pihak pertama right; a single signer right), as a table without borders whose
    rows keep together: label, jabatan, space, NAME in bold, pangkat, NIP."""
    found = view.signatures
    if found is None:
        return
    signers: list[SignerView | None] = list(found.signers)
    while len(signers) < 2:
        signers.insert(0, None)
    width = w.text_width() // 2
    rows: list[list[tuple[str, bool]]] = [[("", False), (found.place_date, False)]]
    rows.append([(s.label if s else "", False) for s in signers])
    rows.append([(s.position if s else "", False) for s in signers])
    rows.append([("\n" * (SIGNATURE_SPACE - 1), False)] * 2)
    rows.append([(s.name if s else "", True) for s in signers])
    if any(s is not None and s.rank for s in signers):
        rows.append([((s.rank or "") if s else "", False) for s in signers])
    if any(s is not None and s.nip for s in signers):
        rows.append([((s.nip or "") if s else "", False) for s in signers])
    xml = [
        (
            f'<w:tbl><w:tblPr><w:tblW w:w="{2 * width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
            '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
            f'</w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/><w:gridCol w:w="{width}"/></w:tblGrid>'
        )
    ]
    for number, row in enumerate(rows):
        keep = "<w:keepNext/>" if number < len(rows) - 1 else ""
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>{keep}'
            f'<w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>{runs(text, bold)}</w:p></w:tc>'
            for text, bold in row
        )
        xml.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    xml.append("</w:tbl>")
    w.parts.append("".join(xml))
    w.paragraph("", space_after=0)


def _picture(w: BodyWriter, view: DocumentView, block: Block) -> None:
    """A slot for the picture (placed by package.place_pictures), its caption below."""
    picture: Picture | None = source_value(view, block.source)
    if picture is None:
        return
    w.pictures.append(picture)
    w.paragraph("", style_id=PICTURE_SLOT_STYLE, align="center", keep_next=True)
    w.paragraph(picture.caption, align="center", bold=True, size=18)


_BLOCKS: dict[str, Callable[[BodyWriter, DocumentView, Block], None]] = {
    PARAGRAPHS: _paragraphs,
    SIGNATURE: _signature,
    VISI: _visi,
    NUMBERED: _numbered,
    TABLE: _table,
    CAPTIONED_TABLES: _captioned_tables,
    PARTIES: _parties,
    SIGNATURES: _signatures,
    PICTURE: _picture,
}


def _contents(w: BodyWriter, outline: Outline, view: DocumentView) -> None:
    """The table of contents as a TOC field whose result lists the outline's headings,
    each a link to its heading. Page numbers need a layout: Word computes them when the
    field is updated, and the PDF build has LibreOffice update it (see rktc.render.pdf).
    The document does not ask Word to update fields on opening (that asks the user first)."""
    entries = outline.contents(view)
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    for i, entry in enumerate(entries):
        style = w.styles[CONTENTS_STYLES[min(entry.level, max(CONTENTS_STYLES))]]
        link = (
            f'<w:hyperlink w:anchor="{w.bookmarks[entry.key]}" w:history="1">'
            f"{runs(entry.text)}</w:hyperlink>"
        )
        w.parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{begin if i == 0 else ""}{link}</w:p>'
        )
    w.parts.append('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
