"""The RKT as a Word document, written with python-docx.

Layers, bottom up: `wordml` (WordprocessingML text: namespaces, escaping, runs), `styles`
(the reference document, rktc's house style, the table and contents styles), `pages`
(paper, section properties, page-number footers), `tables` (table XML, streamed into
word/document.xml), `body` (the outline walked into headings, paragraphs, the cover, the
table of contents and table slots), `package` (assembly, logo, properties, reproducible
zip). Styles come from a reference document (python-docx's default, or the agency's own
file with `--reference-doc`); the body is written as text and parsed once, because
python-docx's per-element API is far too slow for plans with thousands of rows.

python-docx is imported here and by the importer (rktc.importer.blocks, which reads
published DOCX files), nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rktc.render.docx import package, styles
from rktc.render.docx.body import LOGO_SLOT_STYLE, PICTURE_SLOT_STYLE, BodyWriter, write_body
from rktc.render.docx.pages import PAPERS, Paper, add_page_numbers
from rktc.render.docx.tables import Tables
from rktc.render.outline import CAPTIONED_TABLES, TABLE, Outline, outline_for, source_value
from rktc.render.view import DocumentView, TableView

__all__ = ["PAPERS", "DocxOptions", "render_docx"]


@dataclass(frozen=True)
class DocxOptions:
    paper: str = "a4"
    reference_doc: Path | None = None
    logo: Path | None = None


def render_docx(view: DocumentView, options: DocxOptions, outline: Outline | None = None) -> bytes:
    outline = outline or outline_for(view)
    paper = Paper(options.paper)
    document = styles.open_reference(options.reference_doc)
    if options.reference_doc is None:
        styles.house_style(document)
    ids = styles.style_ids(document, options.reference_doc)
    styles.add_table_text_style(document, ids["Normal"])
    for size, keep in _font_sizes(outline, view):
        styles.add_table_text_style(document, ids["Normal"], size, keep)
    styles.add_contents_styles(document, ids, paper.text_width(landscape=False))
    tables = Tables(ids["Table Grid"])
    writer = BodyWriter(ids, paper, tables)
    write_body(writer, outline, view, options.logo is not None)
    document = package.install_body(document, writer.content())
    add_page_numbers(document, [part.numbering is not None for part in outline.parts])
    if options.logo is not None:
        package.place_logo(document, options.logo, LOGO_SLOT_STYLE)
    if writer.pictures:
        package.place_pictures(document, writer.pictures, PICTURE_SLOT_STYLE)
    package.remove_field_update(document)
    package.drop_thumbnail(document)
    package.set_properties(document, view)
    return package.reproducible_zip(package.save(document), tables)


def _font_sizes(outline: Outline, view: DocumentView) -> list[tuple[float | None, bool]]:
    """The font sizes the outline's tables ask for, and whether they keep on one page
    (each gets a table text style)."""
    sizes: set[tuple[float | None, bool]] = set()
    for _, section in outline.sections():
        for block in section.blocks:
            if block.kind not in (TABLE, CAPTIONED_TABLES):
                continue
            value = source_value(view, block.source)
            tables: list[TableView] = (
                [value] if block.kind == TABLE else [table for _, table in value]
            )
            sizes.update(
                (t.font_size, t.keep_together)
                for t in tables
                if t.font_size is not None or t.keep_together
            )
    return sorted(sizes, key=lambda found: (found[0] or 0.0, found[1]))
