"""Markdown and HTML editions, rendered by Jinja from the same document view as the DOCX."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rktc.render.outline import Outline, outline_context, outline_for
from rktc.render.text import environment, render_template, view_context
from rktc.render.view import DocumentView

# A text's own line breaks (and the blanks around them): Markdown would start a new line,
# or a new block, at each. They print as one space, as in the HTML edition.
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n?|\n)[ \t\r\n]*")
# What is markup anywhere in a line: CommonMark's emphasis, code, links, raw HTML, entities
# and escapes; GFM's table pipes and strikethrough; pandoc's subscript, superscript, math,
# citations and attributes; `#`, which closes an ATX heading. Each is ASCII punctuation,
# so a backslash before it prints it as itself.
_INLINE = re.compile(r"([\\`*_\[\]<&|~^$@#{])")
# What starts a block at the beginning of a line (after the inline escapes): a block quote,
# a list bullet or thematic break, a setext underline; pandoc's definition lists, fenced
# divs and example lists; an ordered list marker (`1.`, `1)`, pandoc's `a.`, `iv)`) when a
# blank or the end follows it.
_BLOCK_START = re.compile(
    r"^(?:([>+=:(-])|(\d{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=[ \t]|$))"
)


def _one_line(value: object) -> str:
    return _LINE_BREAKS.sub(" ", str(value)).strip(" \t")


def md_inline(value: object) -> str:
    """A plan's text inside a line of Markdown (a table cell, a heading, bold words): its
    characters print as themselves, none is read as markup, and it stays on one line."""
    return _INLINE.sub(r"\\\1", _one_line(value))


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
    context = view_context(view)
    context["outline"] = outline_context(outline or outline_for(view), view)
    return render_template(env, f"rkt.{fmt}.j2", context)
