"""The built document's structure comes from the outline, never from a plan's text.

- no text of a plan is read as structure (issue 12, 4.1): marker-like strings and
  Markdown's own structure in every kind of text field print verbatim, and the DOCX, the
  Markdown (as a CommonMark reader sees it) and the HTML keep the clean plan's structure;
- the renderers walk the outline: another outline gives another document;
- the DOCX's table of contents lists the outline's headings and links to them, the DOCX
  asks Word for no field update on opening, and carries no blank thumbnail (4.8b, 4.8c).
"""

from __future__ import annotations

import ast
import dataclasses
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from helpers import PLANS
from markdown_it import MarkdownIt
from markdown_it.token import Token
from projection import project
from typer.testing import CliRunner

import rktc
from rktc.cli.app import app
from rktc.pipeline.build import BuildOptions, document_view
from rktc.pipeline.orchestrator import Pipeline
from rktc.render.docx import DocxOptions, render_docx
from rktc.render.markup import md_text, render_markup
from rktc.render.outline import RKT_OUTLINE, TABLE, Block, Outline, Part, Section

CLEAN = PLANS / "kpu-oku-2023.yaml"
FORMATS = ("docx", "md", "html")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TABLE_B_HEADER = "| No | Indikator Kinerja | Satuan | Target | Anggaran (Rp) |"
MISI = "Menyusun regulasi di bidang Pemilu yang memberikan kepastian hukum, progresif, dan partisipatif"

# One text of each kind of field, as the clean plan writes it: (YAML before it, the text).
# A text after a key or a list dash is the whole value (rewritten double-quoted); one
# without is inside a literal block (the marker is written as is).
FIELDS = {
    "visi": (
        "teks: ",
        "Menjadi Penyelenggara Pemilu Serentak yang Mandiri, Profesional dan Berintegritas",
    ),
    "makna": ("arti: ", "jujur, adil, transparan dan akuntabel"),
    "misi": ("- ", "Meningkatkan kualitas pelayanan Pemilu untuk seluruh pemangku kepentingan"),
    "tujuan": ("- ", "Meningkatnya kualitas tata kelola kelembagaan KPU"),
    "sasaran": ("nama: ", "Terwujudnya Data Pemilih Secara Berkelanjutan"),
    "program": ("nama: ", "Program Dukungan Manajemen"),
    "kegiatan": ("nama: ", "Pengelolaan IT"),
    "indikator": ("nama: ", "Persentase partisipasi pemilih dalam pemilu dan pemilihan"),
    "kata_pengantar": ("", "Tidak lupa kami ucapkan terima kasih"),
    "ringkasan_eksekutif": ("", "Dalam Pasal 12 huruf a"),
    "penandatangan": ("jabatan: ", "Ketua"),
    "judul": ("judul: ", "Rencana Kinerja Tahunan"),
}
# What the old markers looked like, what the new slots look like, and format fields.
MARKERS = [
    "rktc-table-0",
    "rktc-table-4",
    "\u2063rktc-logo\u2063",
    '<w:p><w:pPr><w:pStyle w:val="rktc.table-slot"/></w:pPr></w:p>',
    "rktc.table-slot rktc.logo-slot",
    "</w:t></w:r></w:p>{0}{}{year}",
]


def build(plan: Path, out: Path) -> None:
    """`rktc build` in the format `out`'s suffix names."""
    result = CliRunner().invoke(app, ["build", str(plan), "-o", str(out), "-f", out.suffix[1:]])
    assert result.exit_code == 0, result.output


# Markdown's structure written as a plan's text: where a text begins a line (a paragraph,
# a list item, the text's own lines) each would start a block, and inside a line be markup.
MARKDOWN_MARKERS = [
    (
        "Menyusun regulasi\n\n# BAB IX PALSU\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "<script>alert(1)</script>"
    ),
    "## BAB IX",
    "> kutipan",
    "- butir",
    "+ butir",
    "* butir",
    "1. daftar",
    "2) daftar",
    "iv. romawi",
    "a) huruf",
    "(@) contoh",
    ": definisi",
    "```kode",
    "~~~ kode",
    "    menjorok",
    "<div>blok</div>",
    "| a | b |",
    "*tebal* **tebal** _miring_ `kode` [tautan](x) ![g](y) <b>x</b> &amp; &#35; a\\*b",
    "~~coret~~ ^atas^ ~bawah~ $x$ @kutip {#id} akhir #",
]
# Everything a Markdown reader would see as structure (CommonMark with GFM's tables and
# strikethrough): each block on its line, indented by nesting, with its text.
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type in ("code_inline", "html_inline"):
            parts.append(f"<{child.type}>{child.content}</{child.type}>")
        else:  # emphasis, links, images, strikethrough, hard breaks
            parts.append(f"<{child.type}>")
    return _one_line("".join(parts))


def markdown_structure(text: str) -> str:
    lines = []
    for token in MARKDOWN.parse(text):
        indent = "  " * token.level
        if token.type == "inline":
            lines.append(indent + _inline_text(token.children or []))
        elif token.nesting == 1:
            lines.append(indent + token.type)
        elif token.nesting == 0:  # fences, code blocks, HTML blocks, rules
            lines.append(f"{indent}{token.type} {_one_line(token.content)}")
    return "\n".join(lines) + "\n"


class _HtmlStructure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.text: list[str] = []

    def _flush(self) -> None:
        if text := _one_line("".join(self.text)):
            self.lines.append(text)
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.lines.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.lines.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_structure(text: str) -> str:
    parser = _HtmlStructure()
    parser.feed(text)
    parser.close()
    parser._flush()
    return "\n".join(parser.lines) + "\n"


def structure(path: Path, fmt: str) -> str:
    """What a reader of the built file sees: the DOCX's paragraphs and tables, the blocks a
    Markdown parser reads, the HTML's elements; each with its text."""
    if fmt == "docx":
        return project(path)
    text = path.read_text(encoding="utf-8")
    return markdown_structure(text) if fmt == "md" else html_structure(text)


@pytest.fixture(scope="module")
def clean_structures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("clean")
    structures = {}
    for fmt in FORMATS:
        out = folder / f"rkt.{fmt}"
        build(CLEAN, out)
        structures[fmt] = structure(out, fmt)
    return structures


def test_the_misi_item_that_forged_a_table(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = CLEAN.read_text(encoding="utf-8")
    assert text.count(MISI) == 1
    plan.write_text(text.replace(MISI, "Menyusun regulasi rktc-table-0"), encoding="utf-8")
    out = tmp_path / "rkt.docx"
    build(plan, out)
    projection = project(out)
    assert "[Normal] 3. Menyusun regulasi rktc-table-0\n" in projection
    assert projection.count(TABLE_B_HEADER) == 1
    assert len(docx.Document(str(out)).tables) == 5


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("marker", MARKERS + MARKDOWN_MARKERS)
def test_marker_like_text_in_every_field_prints_verbatim(
    tmp_path: Path, clean_structures: dict[str, str], marker: str, fmt: str
) -> None:
    """The marker is added to each field's text (the old slot markers at its end, the
    Markdown ones at its start, where they would begin a line): the document's structure is
    the clean plan's, and the marker prints as written (in Markdown and HTML, a text's own
    line breaks are blanks; in the DOCX, line breaks)."""
    text = CLEAN.read_text(encoding="utf-8")
    at_start = marker in MARKDOWN_MARKERS
    quoted = marker.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    literal = _one_line(marker)  # a literal block's lines are joined (render/view.paragraphs)
    for name, (before, value) in FIELDS.items():
        end = r"(?=[ \t]*(#.*)?$)" if before else ""  # a whole value ends its line
        written = re.compile(re.escape(before + value) + end, re.MULTILINE)
        assert len(written.findall(text)) == 1, name
        # a whole value is rewritten double-quoted, so the marker is read back exactly
        new = _with(quoted, value, at_start)
        replacement = f'{before}"{new}"' if before else _with(literal, value, at_start)
        text = written.sub(lambda _, new=replacement: new, text)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / f"rkt.{fmt}"
    build(plan, out)
    seen = structure(out, fmt)
    clean = clean_structures[fmt]
    if fmt == "docx":
        assert len(docx.Document(str(out)).tables) == 5
        assert seen.count(TABLE_B_HEADER) == 1
        # a line break shows as " / " in a paragraph (tests/projection.py), as nothing in a cell
        whole = {marker.replace("\n", " / "), marker.replace("\n", "")}
        forms = {name: whole if before else {literal} for name, (before, _) in FIELDS.items()}
        printed = whole | {literal}
        without = seen
    else:  # compared without blanks (a text's leading ones go, its line breaks are spaces)
        forms = {name: {_one_line(marker)} for name in FIELDS}
        printed = {"".join(marker.split())}
        without, clean = _blankless(seen), _blankless(clean)
    # the cover and a matrix heading print the judul and the office in capitals
    for shown in sorted(printed | {m.upper() for m in printed}, key=len, reverse=True):
        without = without.replace(f"{shown} ", "").replace(f" {shown}", "").replace(shown, "")
    assert without == clean
    for name, (_, value) in FIELDS.items():
        shown = {_with(form, value, at_start) for form in forms[name]}
        assert any(s in seen or s.upper() in seen for s in shown), name


def _with(marker: str, value: str, at_start: bool) -> str:
    return f"{marker} {value}" if at_start else f"{value} {marker}"


def _blankless(structure: str) -> str:
    return "\n".join("".join(line.split()) for line in structure.splitlines())


def view_of(plan: Path = CLEAN):  # type: ignore[no-untyped-def]
    compiled = Pipeline().validate(plan)
    assert compiled.plan is not None
    assert compiled.document is not None
    return document_view(compiled.plan, compiled.document, BuildOptions())


def test_renderers_follow_another_outline(tmp_path: Path) -> None:
    """An outline with the matrices first, BAB II's table B alone, and no BAB I."""
    matrices, chapters = RKT_OUTLINE.parts[3], RKT_OUTLINE.parts[2]
    only_b = Section("b", ("TABEL B", "TAHUN {year}"), blocks=(Block(TABLE, "indikator"),))
    outline = Outline(
        "test", (matrices, Part("isi", (only_b, chapters.sections[1]), numbering="decimal"))
    )
    view = view_of()
    out = tmp_path / "x.docx"
    out.write_bytes(render_docx(view, DocxOptions(), outline))
    document = docx.Document(str(out))
    headings = [p.text.split("\n")[0] for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "RENCANA KINERJA TAHUNAN (RKT)",
        "PROGRAM DAN RENCANA KERJA KEGIATAN BERDASARKAN APBN TAHUN 2023",
        "TABEL B",
        "BAB II",
    ]
    assert [s.orientation for s in document.sections] == [1, 0]
    assert len(document.tables) == 2 + 1 + 1 + len(view.programs)
    markdown = render_markup(view, "md", outline=outline)
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == [
        "## RENCANA KINERJA TAHUNAN (RKT) TAHUN 2023",
        "## PROGRAM DAN RENCANA KERJA KEGIATAN BERDASARKAN APBN TAHUN 2023",
        "## TABEL B TAHUN 2023",
        "## BAB II SASARAN DAN PROGRAM",
    ]
    html = render_markup(view, "html", outline=outline)
    assert html.count('<section class="wide">') == 2
    assert html.count('<section class="chapter">') == 2
    assert "<h2>TABEL B<br>TAHUN 2023</h2>" in html


@pytest.fixture(scope="module")
def clean_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "rkt.docx"
    build(CLEAN, out)
    return out


def test_contents_list_the_outline_and_link_to_the_headings(clean_docx: Path) -> None:
    document = docx.Document(str(clean_docx))
    body = document.element.body
    bookmarks = {}
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        for mark in paragraph.iter(f"{W}bookmarkStart"):
            text = Paragraph(paragraph, document._body).text  # a line break is a space
            bookmarks[mark.get(f"{W}name")] = (style.get(f"{W}val"), " ".join(text.split()))
    entries = []
    for link in body.iter(f"{W}hyperlink"):
        text = "".join(t.text or "" for t in link.iter(f"{W}t"))
        entries.append((text, link.get(f"{W}anchor")))
    expected = RKT_OUTLINE.contents(view_of())
    assert [text for text, _ in entries] == [e.text for e in expected]
    assert len(expected) == 12  # 4 front and matrix pages, BAB I and II with 3 sections each
    for (text, anchor), entry in zip(entries, expected, strict=True):
        style, heading = bookmarks[anchor]
        assert style == f"Heading{entry.level}"
        assert heading == " ".join(text.split())
    instructions = "".join(t.text for t in body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-2"' in instructions


def test_no_field_update_prompt_and_no_blank_thumbnail(tmp_path: Path, clean_docx: Path) -> None:
    # a reference document that asks for a field update and has a thumbnail: both go too
    reference = tmp_path / "ref.docx"
    document = docx.Document()
    settings = document.settings.element
    settings.append(
        settings.makeelement(f"{W}updateFields", {f"{W}val": "true"})  # type: ignore[arg-type]
    )
    document.save(str(reference))
    with zipfile.ZipFile(reference) as package:
        assert "docProps/thumbnail.jpeg" in package.namelist()
    from_reference = tmp_path / "x.docx"
    result = CliRunner().invoke(
        app, ["build", str(CLEAN), "-o", str(from_reference), "--reference-doc", str(reference)]
    )
    assert result.exit_code == 0, result.output
    for path in (clean_docx, from_reference):
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            assert not [n for n in names if "thumbnail" in n]
            assert b"thumbnail" not in package.read("_rels/.rels")
            assert b"thumbnail" not in package.read("[Content_Types].xml")
            assert b"updateFields" not in package.read("word/settings.xml")
            assert b"w:dirty" not in package.read("word/document.xml")


def test_every_block_of_the_outline_shows_a_field_of_the_view() -> None:
    view = view_of()
    fields = {f.name for f in dataclasses.fields(view)}
    for _, section in RKT_OUTLINE.sections():
        for block in section.blocks:
            if block.source.startswith("texts."):
                assert block.source.removeprefix("texts.") in view.texts, block
            elif block.source:
                assert block.source in fields, block
    with pytest.raises(ValueError, match="tahun"):
        Section("x", ("TAHUN {tahun}",))
    with pytest.raises(ValueError, match="kind"):
        Block("chart")


def test_python_docx_is_imported_only_where_the_docstrings_say() -> None:
    """rktc.render.docx says: python-docx is imported by it and by rktc.importer.blocks."""
    package = Path(rktc.__file__).parent
    importers = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            if any(name == "docx" or name.startswith("docx.") for name in names):
                importers.add(path.relative_to(package).as_posix())
    assert importers == {
        "importer/blocks.py",
        "render/docx/package.py",
        "render/docx/pages.py",
        "render/docx/styles.py",
    }


@pytest.mark.parametrize("start", ["iv. romawi", "a) huruf", "(@) contoh", ": definisi"])
def test_pandoc_block_starts_are_escaped_and_print_as_written(start: str) -> None:
    """pandoc's Markdown reads these as lists and definitions at the start of a line
    (CommonMark does not, so the structure test above cannot see them)."""
    escaped = md_text(start)
    assert escaped != start
    assert markdown_structure(escaped) == f"paragraph_open\n  {start}\n"
