"""The document's outline, written once: its parts, their sections, what each section holds.

Every renderer walks this tree instead of knowing the chapter order: the DOCX writer
(sections, page numbering, orientation, headings, the table of contents), the Markdown and
HTML templates (which receive it as plain data, see `outline_context`) and the TOC, which
lists the headings the outline marks for it. The outline is data: a layout
(rktc.render.layout, templates/layouts/*.yaml) says which parts, sections and tables a kind
of office prints, and the document view carries its plan's outline (`outline_for`). A
renderer only asks the outline what comes next.

The tree:

- an `Outline` is a sequence of `Part`s: runs of pages with one orientation and one page
  numbering (a DOCX section);
- a `Part` holds `Section`s; a level-1 section starts a new page, a level-2 section is a
  heading inside it, a section of level 0 has no heading (the cover);
- a `Section` holds `Block`s, in order, then its sub-sections. A block is one kind of
  content (`BLOCK_KINDS`) taken from one field of the document view (`source`).

Heading lines may name the document's facts in braces (`HEADING_FIELDS`): `{year}`, and
`{SHORT_NAME}` / `{INSTITUTION}` / `{TITLE}` (printed in capitals; `{TITLE}` is the
document's: the RKT's `judul`, PERJANJIAN KINERJA, LAPORAN KINERJA). They are filled by `str.format`,
so a fact's own text is never read as a field. No text of a plan is ever part of the
outline's structure.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the view builds the texts the outline names (see default_texts)
    from rktc.render.view import DocumentView

# What a block may be. A renderer has one way of writing each.
COVER = "cover"  # the title page (source: none)
PARAGRAPHS = "paragraphs"  # justified paragraphs: a view field, or "texts.<name>"
SIGNATURE = "signature"  # place and date, office, signer (source: none)
CONTENTS = "contents"  # the table of contents (source: none)
VISI = "visi"  # the vision sentence and the meaning of its key words
NUMBERED = "numbered"  # a numbered list of strings: a view field
TABLE = "table"  # one table: a view field holding a TableView
CAPTIONED_TABLES = "captioned_tables"  # numbered captions, each with its table: a view field
# The Perjanjian Kinerja and the Laporan Kinerja (rktc.render.pk, rktc.render.lkjip):
LOGO = "logo"  # the institution's logo, centred (source: none)
PARTIES = "parties"  # the PK's parties: Nama, Jabatan, and what each is called (source: none)
SIGNATURES = "signatures"  # place and date, then the two signers side by side (source: none)
PICTURE = "picture"  # a picture of the view (`pictures.<name>`): the capaian chart
BLOCK_KINDS = (
    COVER,
    PARAGRAPHS,
    SIGNATURE,
    CONTENTS,
    VISI,
    NUMBERED,
    TABLE,
    CAPTIONED_TABLES,
    LOGO,
    PARTIES,
    SIGNATURES,
    PICTURE,
)

# The document's facts a heading line may name in braces (`TITLE`: the document's title in
# capitals: RENCANA KINERJA TAHUNAN, PERJANJIAN KINERJA, PERJANJIAN KINERJA PERUBAHAN ...).
HEADING_FIELDS = ("year", "SHORT_NAME", "INSTITUTION", "TITLE")

# The heading levels the table of contents lists (the DOCX TOC field: levels "1-2").
CONTENTS_LEVELS = 2

# Page numbering of a part (OOXML's names for them).
NO_NUMBERS, LOWER_ROMAN, DECIMAL = None, "lowerRoman", "decimal"


@dataclass(frozen=True)
class Block:
    kind: str
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass(frozen=True)
class Section:
    key: str
    heading: tuple[str, ...] = ()  # lines of the heading; empty for level 0
    level: int = 1
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    subtitle: tuple[str, ...] = ()  # lines printed under the heading (a matrix's office)
    in_contents: bool = True  # listed in the table of contents
    paged_only: bool = False  # only in paged editions (DOCX, PDF): the table of contents
    # printed only when one of the section's tables has a value in one of these columns
    # (`kolom_lain`: in a column of the plan's own); see rktc.render.view
    only_if: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for line in (*self.heading, *self.subtitle):
            for _, name, _, _ in string.Formatter().parse(line):
                if name is not None and name not in HEADING_FIELDS:
                    raise ValueError(f"heading {line!r} names an unknown field {name!r}")


@dataclass(frozen=True)
class Part:
    key: str
    sections: tuple[Section, ...]
    landscape: bool = False
    numbering: str | None = NO_NUMBERS
    restart_numbering: bool = False


@dataclass(frozen=True)
class Outline:
    name: str
    parts: tuple[Part, ...]

    def sections(self) -> Iterator[tuple[Part, Section]]:
        """Every section in reading order (depth first), with the part that holds it."""
        for part in self.parts:
            for section in part.sections:
                yield from _walk(part, section)

    def contents(self, view: DocumentView) -> list[ContentsEntry]:
        """The table of contents: each listed heading's level and text on one line."""
        return [
            ContentsEntry(section.key, section.level, " ".join(heading_lines(section, view)))
            for _, section in self.sections()
            if 0 < section.level <= CONTENTS_LEVELS and section.in_contents
        ]


@dataclass(frozen=True)
class ContentsEntry:
    key: str
    level: int
    text: str


def _walk(part: Part, section: Section) -> Iterator[tuple[Part, Section]]:
    yield part, section
    for child in section.sections:
        yield from _walk(part, child)


def _fields(view: DocumentView) -> dict[str, str]:
    return {
        "year": str(view.year),
        "SHORT_NAME": view.short_name.upper(),
        "INSTITUTION": view.institution.upper(),
        "TITLE": view.title.upper(),
    }


def heading_lines(section: Section, view: DocumentView, *, subtitle: bool = True) -> list[str]:
    """The heading's lines with the document's facts filled in (and its subtitle's)."""
    facts = _fields(view)
    lines = [*section.heading, *(section.subtitle if subtitle else ())]
    return [line.format(**facts) for line in lines]


def subtitle_lines(section: Section, view: DocumentView) -> list[str]:
    facts = _fields(view)
    return [line.format(**facts) for line in section.subtitle]


TEXTS = "texts."
PICTURES = "pictures."  # a picture of the view: `pictures.<name>`
TABLES = "tables."  # a table of the layout: `tables.<id>` (see rktc.render.view.LEGACY_TABLES)


def default_texts(outline: Outline) -> list[str]:
    """The default texts (templates/text/NAME.txt.j2) that the outline's blocks show."""
    return [
        block.source.removeprefix(TEXTS)
        for _, section in outline.sections()
        for block in section.blocks
        if block.source.startswith(TEXTS)
    ]


def source_value(view: DocumentView, source: str) -> Any:
    """What a block shows: a field of the view (`name`), a table of the layout
    (`tables.id`), or a default text (`texts.name`)."""
    if source.startswith(TEXTS):
        return view.texts.get(source.removeprefix(TEXTS), [])
    if source.startswith(TABLES):
        return view.tables[source.removeprefix(TABLES)]
    if source.startswith(PICTURES):
        return view.pictures.get(source.removeprefix(PICTURES))
    return getattr(view, source)


def table_id(source: str) -> str:
    """The layout's id of the table a block's `source` names."""
    return source.removeprefix(TABLES)


# --- the outline of a document --------------------------------------------------------------


def outline_for(view: DocumentView) -> Outline:
    """The outline of `view`'s document: its layout's, as printed for its plan (sections
    whose tables have nothing to show are left out; see rktc.render.layout)."""
    return view.outline


def __getattr__(name: str) -> Outline:
    """`RKT_OUTLINE`: the KPU office's outline (templates/layouts/kpu.yaml) as printed for
    a plan with nothing optional. Read when first asked for: it is data, not code."""
    if name == "RKT_OUTLINE":
        from rktc.render.layout import default_outline

        return default_outline("kpu")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- as plain data, for templates --------------------------------------------------------------


def outline_context(outline: Outline, view: DocumentView) -> list[dict[str, Any]]:
    """The outline for md/html templates: parts with their sections, headings filled in.

    Sections only a paged document has (the table of contents) are left out."""
    return [
        {
            "key": part.key,
            "landscape": part.landscape,
            "numbering": part.numbering,
            "sections": [
                _plain_section(section, view) for section in part.sections if not section.paged_only
            ],
        }
        for part in outline.parts
    ]


def _plain_section(section: Section, view: DocumentView) -> dict[str, Any]:
    return {
        "key": section.key,
        "level": section.level,
        "heading": heading_lines(section, view, subtitle=False),
        "subtitle": subtitle_lines(section, view),
        "blocks": [{"kind": b.kind, "source": b.source} for b in section.blocks],
        "sections": [
            _plain_section(child, view) for child in section.sections if not child.paged_only
        ],
    }
