"""The reference document and its styles: rktc's house style, the table and contents styles."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from rktc.core.errors import RktcError
from rktc.render.docx.wordml import NSDECL

REQUIRED_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid")
TABLE_TEXT_STYLE = "RKTTabel"
# Word's built-in names for the table of contents' levels ("toc 1" is shown as "TOC 1").
CONTENTS_STYLES = {1: "toc 1", 2: "toc 2"}
CONTENTS_INDENT = 440  # twips per level below the first


def open_reference(path: Path | None) -> DocxDocument:
    if path is None:
        return docx.Document()
    return open_word_file(path, "build.reference")


# What python-docx raises on a file that is not a whole .docx: not a zip package at all
# (OpcError), a damaged one (zip, deflate or XML errors), a part missing (KeyError), or
# a package of another kind, such as a workbook renamed .docx (ValueError).
# lxml's XMLSyntaxError is a SyntaxError.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError)
_MISSING_PART = re.compile(r"no item named '([^']+)'")


def open_word_file(path: Path, prefix: str) -> DocxDocument:
    """The Word document at `path`. A file that cannot be opened raises the RktcError
    `{prefix}_unreadable` (the file system refused it), `{prefix}_not_docx` (not a .docx
    package: another format, perhaps renamed), `{prefix}_damaged` (truncated or corrupt)
    or `{prefix}_incomplete` (a part of the package is missing)."""
    try:
        return docx.Document(str(path))
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise RktcError(f"{prefix}_unreadable", path=str(path), detail=detail) from None
    except OpcError:  # python-docx found no zip package there
        key = "damaged" if _starts_like_a_zip(path) else "not_docx"
        raise RktcError(f"{prefix}_{key}", path=str(path)) from None
    except ValueError:  # a zip package, but not of a Word document
        raise RktcError(f"{prefix}_not_docx", path=str(path)) from None
    except KeyError as exc:
        found = _MISSING_PART.search(str(exc))
        part = found.group(1) if found else str(exc).strip("'\"")
        raise RktcError(f"{prefix}_incomplete", path=str(path), part=part) from None
    except _DAMAGED:
        raise RktcError(f"{prefix}_damaged", path=str(path)) from None


def _starts_like_a_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def house_style(document: DocxDocument) -> None:
    """rktc's default look: Arial, black headings (python-docx's template is blue Calibri)."""
    sizes = {
        "Normal": 11,
        "Title": 20,
        "Heading 1": 14,
        "Heading 2": 12,
        "Heading 3": 11,
        "TOC Heading": 14,
    }
    for name, size in sizes.items():
        style = document.styles[name]
        font = style.font
        font.name = "Arial"
        font.size = Pt(size)
        font.color.rgb = RGBColor(0, 0, 0)
        font.bold = name != "Normal"
        r_fonts = style.element.rPr.rFonts
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            r_fonts.attrib.pop(qn(attribute), None)
    title = document.styles["Title"].element.pPr
    if title is not None:
        for border in title.findall(qn("w:pBdr")):
            title.remove(border)


TABLE_TEXT_SIZE = 9.0  # points


def table_text_style_id(size: float | None, keep: bool = False) -> str:
    """The style of a table's cells: rktc's table text, or one of another size (a wide
    matrix in a smaller font, as its layout says); `keep`: of a table kept on one page."""
    suffix = "Keep" if keep else ""
    if size is None or size == TABLE_TEXT_SIZE:
        return TABLE_TEXT_STYLE + suffix
    return f"{TABLE_TEXT_STYLE}{round(size * 2)}{suffix}"


def add_table_text_style(
    document: DocxDocument, normal_id: str, size: float | None = None, keep: bool = False
) -> str:
    """A paragraph style for table cells, so cells do not repeat their formatting; its id.
    `keep`: each paragraph keeps with the next, so that a short table is not split."""
    style_id = table_text_style_id(size, keep)
    half_points = round((size or TABLE_TEXT_SIZE) * 2)
    name = "RKT Tabel" if size in (None, TABLE_TEXT_SIZE) else f"RKT Tabel {half_points / 2:g} pt"
    _add_style(
        document,
        style_id,
        name + (" (utuh)" if keep else ""),
        normal_id,
        f"<w:pPr>{'<w:keepNext/>' if keep else ''}"
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>',
    )
    return style_id


def add_contents_styles(document: DocxDocument, styles: dict[str, str], width: int) -> None:
    """The contents' level styles, when the reference document lacks them: a right tab
    with a dotted leader at the text's edge (where Word and LibreOffice put page numbers)."""
    for level, name in CONTENTS_STYLES.items():
        if name in styles:
            continue
        style_id = f"TOC{level}"
        indent = CONTENTS_INDENT * (level - 1)
        _add_style(
            document,
            style_id,
            name,
            styles["Normal"],
            f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
            f'<w:spacing w:after="100"/><w:ind w:left="{indent}"/></w:pPr>',
            builtin=True,
        )
        styles[name] = style_id


def _add_style(
    document: DocxDocument,
    style_id: str,
    name: str,
    based_on: str,
    properties: str,
    *,
    builtin: bool = False,
) -> None:
    styles = document.styles.element
    if any(s.get(qn("w:styleId")) == style_id for s in styles):
        return
    custom = "" if builtin else ' w:customStyle="1"'
    extra = f'<w:next w:val="{based_on}"/><w:uiPriority w:val="39"/>' if builtin else ""
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph"{custom} w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{extra}'
            f"<w:qFormat/>{properties}</w:style>"
        )
    )


def style_ids(document: DocxDocument, path: Path | None) -> dict[str, str]:
    """Style names to their ids; the required ones must be there (named when missing)."""
    found: dict[str, str] = {}
    for style in document.styles:
        if style.name and style.style_id:
            found[style.name] = style.style_id
    missing = [name for name in REQUIRED_STYLES if name not in found]
    if missing:
        raise RktcError("build.missing_styles", path=str(path), styles=", ".join(missing))
    found.setdefault("TOC Heading", found["Title"])
    found.setdefault("Heading 3", found["Heading 2"])
    # python-docx shows Word's "toc 1" as "TOC 1" in some templates: accept either spelling
    for name in CONTENTS_STYLES.values():
        if name.upper() in found and name not in found:
            found[name] = found[name.upper()]
    return found
