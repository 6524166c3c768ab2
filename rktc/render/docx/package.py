"""The package: the body installed in the reference document, the logo, the properties,
and the zip written with the tables streamed in and fixed timestamps (reproducible)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from rktc.core.errors import RktcError
from rktc.render.docx.tables import Tables
from rktc.render.docx.wordml import W
from rktc.render.reproducible import build_time
from rktc.render.view import DocumentView, Picture

ZIP_LEVEL = 3  # measured on 50 MB of table XML: 0.12 s; level 6 takes 0.24 s for a file 35% smaller


def install_body(document: DocxDocument, content: str) -> DocxDocument:
    """Put `content` in the body by parsing the whole main part once.

    Moving parsed elements into an existing tree one by one costs lxml time that
    grows with the size of the moved subtrees and the target; parsing the document
    with the new body in place is linear.
    """
    part = document.part
    root = document.element
    body = root.body
    for child in list(body):
        body.remove(child)
    skeleton = etree.tostring(root, encoding="unicode")
    for prefix in ("w", "r"):
        if f"xmlns:{prefix}=" not in skeleton:
            raise RktcError("build.bad_reference", path="?", detail=f"no xmlns:{prefix}")
    empty = re.search(r"<w:body\s*/>|<w:body>\s*</w:body>", skeleton)
    if empty is None:
        raise RktcError("build.bad_reference", path="?", detail="no w:body")
    xml = f"{skeleton[: empty.start()]}<w:body>{content}</w:body>{skeleton[empty.end() :]}"
    part._element = parse_xml(xml)
    installed: DocxDocument = part.document
    return installed


def place_logo(document: DocxDocument, logo: Path, slot_style: str) -> None:
    """The logo in each paragraph whose style is the slot's (a style id no text can set):
    the cover's, or the top of a PK (and of the PK in a Laporan Kinerja's lampiran)."""
    for element in _slots(document, slot_style):
        try:
            Paragraph(element, document._body).add_run().add_picture(str(logo), width=Cm(4))
        except (UnrecognizedImageError, OSError, ValueError) as exc:
            raise RktcError("build.bad_logo", path=str(logo), detail=str(exc)) from None


def place_pictures(document: DocxDocument, pictures: list[Picture], slot_style: str) -> None:
    """Each picture (a PNG rktc drew: the capaian chart) in its slot, in order."""
    slots = _slots(document, slot_style)
    if len(slots) != len(pictures):
        raise AssertionError(f"{len(pictures)} pictures but {len(slots)} slots")
    for element, picture in zip(slots, pictures, strict=True):
        run = Paragraph(element, document._body).add_run()
        run.add_picture(io.BytesIO(picture.png), width=Cm(picture.width_cm))


def _slots(document: DocxDocument, slot_style: str) -> list[Any]:
    """The paragraphs whose style is `slot_style`, their style taken off (it is no style of
    the document)."""
    found = []
    for element in document.element.body.iterchildren(f"{W}p"):
        style = element.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(f"{W}val") != slot_style:
            continue
        style.getparent().remove(style)
        found.append(element)
    return found


def drop_thumbnail(document: DocxDocument) -> None:
    """Remove the package's thumbnail (python-docx's template carries a blank page, a
    reference document its own first page): file browsers would preview it. Without the
    relationship the part is not written, nor its content type."""
    rels = document.part.package.rels
    for key in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[key]


def set_properties(document: DocxDocument, view: DocumentView) -> None:
    props = document.core_properties
    when = build_time().replace(tzinfo=None)
    props.title = _property(f"{view.title} {view.institution} Tahun {view.year}")
    props.author = _property(view.institution)
    props.last_modified_by = "rktc"
    props.comments = "Dibuat dengan rktc"
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when


# The OOXML core properties python-docx writes hold at most this many characters. They are
# the file's metadata (what a file browser shows), not the document's text, which keeps
# every character.
MAX_PROPERTY = 255


def _property(text: str) -> str:
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"


def remove_field_update(document: DocxDocument) -> None:
    """No `w:updateFields`: with it (a reference document may have it) Word asks on every
    opening whether to update fields that "may refer to other files"."""
    settings = document.settings.element
    for element in settings.findall(f"{W}updateFields"):
        settings.remove(element)


def save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reproducible_zip(data: bytes, tables: Tables) -> bytes:
    """Rewrite the package with the tables in place, fixed entry times and attributes."""
    stamp = build_time()
    date_time = (
        max(stamp.year, 1980),
        stamp.month,
        stamp.day,
        stamp.hour,
        stamp.minute,
        stamp.second,
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                with target.open(entry, "w") as stream:
                    tables.write_document_xml(stream, content)
            else:
                target.writestr(entry, content, compresslevel=ZIP_LEVEL)
    return out.getvalue()
