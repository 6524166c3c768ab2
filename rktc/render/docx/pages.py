"""Paper, section properties (orientation, margins, page numbering) and page-number footers."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml

from rktc.render.docx.wordml import NSDECL

# Paper sizes in twentieths of a point (twips): width, height.
PAPERS = {"a4": (11906, 16838), "f4": (12189, 18709)}
MARGIN = 1440  # 2.54 cm
MARGIN_BINDING = 1701  # 3 cm on the bound (left) side of portrait pages


class Paper:
    """One paper size, portrait or landscape: section properties and the width of the text."""

    def __init__(self, name: str) -> None:
        self.width, self.height = PAPERS[name]

    def section_xml(self, landscape: bool, numbering: str | None, restart: bool) -> str:
        w, h = (self.height, self.width) if landscape else (self.width, self.height)
        orient = ' w:orient="landscape"' if landscape else ""
        left = MARGIN if landscape else MARGIN_BINDING
        pages = ""
        if numbering:
            pages = f'<w:pgNumType w:fmt="{numbering}"' + (' w:start="1"' if restart else "") + "/>"
        return (
            f'<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" '
            f'w:left="{left}" w:header="708" w:footer="708" w:gutter="0"/>'
            f"{pages}</w:sectPr>"
        )

    def text_width(self, landscape: bool) -> int:
        if landscape:
            return self.height - 2 * MARGIN
        return self.width - MARGIN - MARGIN_BINDING


def add_page_numbers(document: DocxDocument, numbered: list[bool]) -> None:
    """A centred PAGE field in the footer of each section whose part is numbered."""
    for section, has_numbers in zip(document.sections, numbered, strict=True):
        footer = section.footer
        footer.is_linked_to_previous = False
        if not has_numbers:
            continue
        paragraph = footer.paragraphs[0]
        paragraph.alignment = 1  # centre
        for xml in (
            '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r {ns}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
            '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
            "<w:r {ns}><w:t>1</w:t></w:r>",
            '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
        ):
            paragraph._p.append(parse_xml(xml.format(ns=NSDECL)))
