"""Markdown and HTML editions, rendered by Jinja from the same document view as the DOCX."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from rktc.render.outline import Outline, outline_context, outline_for
from rktc.render.text import environment, render_template, view_context
from rktc.render.view import DocumentView

# A text's own line breaks (and the blanks around them): Markdown would start a new line,
# or a new block, at each. They print as one space, as in the HTML edition.
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n?|\n)[ \t\r\n]*")
# What is markup anywhere in a line: CommonMark's emphasis, code, links, raw HTML, entities
# and escapes; GFM's table pipes and strikethrough; pandoc's subscript, superscript, math,
# citations and attributes; `#`, which closes an ATX heading. Each is ASCII punctuation,
# so a backslash before it prints it as itself. Escaped by str.translate: a table's cells
# are hundreds of thousands of texts (3x faster than a regular expression's `sub`).
_INLINE = "\\`*_[]<&|~^$@#{"
_INLINE_ESCAPES = str.maketrans({c: "\\" + c for c in _INLINE})
_ANY_INLINE = re.compile("[" + re.escape(_INLINE) + "]")  # most cells have none: no copy
# What starts a block at the beginning of a line (after the inline escapes): a block quote,
# a list bullet or thematic break, a setext underline; pandoc's definition lists, fenced
# divs and example lists; an ordered list marker (`1.`, `1)`, pandoc's `a.`, `iv)`) when a
# blank or the end follows it.
_BLOCK_START = re.compile(
    r"^(?:([>+=:(-])|(\d{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=[ \t]|$))"
)


def md_inline(value: object) -> str:
    """A plan's text inside a line of Markdown (a table cell, a heading, bold words): its
    characters print as themselves, none is read as markup, and it stays on one line."""
    text = value if type(value) is str else str(value)
    if "\n" in text or "\r" in text:
        text = _LINE_BREAKS.sub(" ", text)
    text = text.strip(" \t")
    return text.translate(_INLINE_ESCAPES) if _ANY_INLINE.search(text) else text


def md_text(value: object) -> str:
    """A plan's text that may begin a line of Markdown (a paragraph, a list item): as
    `md_inline`, and what would start a block there (a heading, a list, a quote) is escaped.
    Leading blanks go, so no text is indented into a code block."""
    return _BLOCK_START.sub(_escape_start, md_inline(value), count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match[1]:
        return "\\" + match[1]
    return match[2] + "\\" + match[3]


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell (`md_inline`, which escapes `|` too)."""
    return md_inline(value)


def md_rows(table: dict[str, Any]) -> str:
    """The rows of a table in the Markdown edition, one line each (see rkt.md.j2's `table`:
    a data row's cells; a group row's label over the whole row; a subtotal or total row's
    label over `span` columns, then its sums; a `formatted` table's rows, bold where they
    head the rows below, several lines of a `lines` column joined by <br>).

    Written here, not by the template, because a table may have hundreds of thousands of
    cells: Jinja's sandbox checked every lookup of every cell (measured: 0.2 of 0.3 s for
    the tables of a 10,000-indicator LKjIP)."""
    columns = table["columns"]
    lines = [bool(c.get("lines")) for c in columns]
    formatted = table["formatted"]
    out: list[str] = []
    for row in table["rows"]:
        kind, cells = row["kind"], row["cells"]
        _fits(cells, columns)
        if kind == "data" and not formatted:
            out.append("| " + "".join(md_inline(cell) + " |" for cell in cells))
        elif kind == "group":
            out.append(f"| **{md_inline(cells[0])}** |" + " |" * len(columns[1:]))
        elif kind in ("subtotal", "total"):
            span = row["span"]
            sums = "".join(f" **{md_inline(c)}** |" if c else " |" for c in cells[span:])
            out.append(f"| **{md_inline(cells[0])}** |" + " |" * len(columns[1:span]) + sums)
        else:
            bold = row["bold"]
            parts = []
            for index, cell in enumerate(cells):
                shown = (
                    "<br>".join(md_inline(line) for line in cell.split("\n"))
                    if index < len(lines) and lines[index]
                    else md_inline(cell)
                )
                parts.append(f"**{shown}**" if cell and bold else shown)
            out.append("| " + "".join(part + " |" for part in parts))
    return "".join(line + "\n" for line in out)


# markupsafe's escaping of a text, by str.translate: the same characters and entities,
# without a Markup object made per cell (half the time of html_rows).
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&#34;"})


def _html(value: object) -> str:
    text = str(value)
    if "&" in text or "<" in text or ">" in text or "'" in text or '"' in text:
        return text.translate(_HTML_ESCAPES)
    return text  # nearly every cell: five scans in C are 10x faster than translate


def html_rows(table: dict[str, Any], classes: list[str]) -> Markup:
    """The body rows of a table in the HTML edition (see rkt.html.j2's `table`), each on a
    line, every text escaped; `classes`: each column's CSS classes. Written here for the
    reason `md_rows` is (measured: 0.8 of 1.0 s for the tables of a 10,000-indicator
    LKjIP)."""
    columns = table["columns"]
    lines = [bool(c.get("lines")) for c in columns]
    formatted = table["formatted"]
    width = len(columns)
    shown_classes = [_html(c) for c in classes]
    out: list[str] = []
    for row in table["rows"]:
        kind, cells = row["kind"], row["cells"]
        _fits(cells, columns)
        if kind == "group":
            out.append(f'<tr class="group"><td colspan="{width}">{_html(cells[0])}</td></tr>')
            continue
        if kind in ("subtotal", "total"):
            span = row["span"]
            sums = "".join(
                ('<td class="num">' if c else "<td>") + f"{_html(c)}</td>" for c in cells[span:]
            )
            out.append(
                f'<tr class="{_html(kind)}"><td colspan="{_html(span)}">{_html(cells[0])}'
                f"</td>{sums}</tr>"
            )
            continue
        plain = kind == "data" and not formatted
        continued = row["continued"]
        bold = ' class="bold" style="font-weight:bold"' if not plain and row["bold"] else ""
        parts = [f'<tr data-source="{_html(row["source"])}"{bold}>']
        for index, cell in enumerate(cells):
            cont = " cont" if continued and index in continued else ""
            if not plain and index < len(lines) and lines[index]:
                shown = "<br>".join(_html(line) for line in cell.split("\n"))
            else:
                shown = _html(cell)
            parts.append(f'<td class="{shown_classes[index]}{cont}">{shown}</td>')
        parts.append("</tr>")
        out.append("".join(parts))
    return Markup("".join(line + "\n" for line in out))


def _fits(cells: list[Any], columns: list[Any]) -> None:
    """A row of more cells than its table has columns is a template error (as the
    templates' lookup of a missing column was), not an internal one."""
    if len(cells) > len(columns):
        raise ValueError(f"a row has {len(cells)} cells, its table {len(columns)} columns")


def column_class(column: dict[str, Any]) -> str:
    """The CSS classes of a column's cells: its key, and `num` for right-aligned numbers."""
    return str(column["key"]) + (" num" if column["numeric"] else "")


def render_markup(
    view: DocumentView, fmt: str, user_dir: Path | None = None, outline: Outline | None = None
) -> str:
    """`fmt` (md or html) from its template, which walks the outline of `view`'s document."""
    env = environment(user_dir)
    env.filters["md_cell"] = md_cell
    env.filters["md_inline"] = md_inline
    env.filters["md_text"] = md_text
    env.filters["column_class"] = column_class
    env.filters["md_rows"] = md_rows
    env.filters["html_rows"] = html_rows
    context = view_context(view)
    context["outline"] = outline_context(outline or outline_for(view), view)
    return render_template(env, f"rkt.{fmt}.j2", context)
