"""Markdown and HTML editions, rendered by Jinja from the same document view as the DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rktc.render.outline import Outline, outline_context, outline_for
from rktc.render.text import environment, render_template, view_context
from rktc.render.view import DocumentView


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def column_class(column: dict[str, Any]) -> str:
    """The CSS classes of a column's cells: its key, and `num` for right-aligned numbers."""
    return str(column["key"]) + (" num" if column["numeric"] else "")


def render_markup(
    view: DocumentView, fmt: str, user_dir: Path | None = None, outline: Outline | None = None
) -> str:
    """`fmt` (md or html) from its template, which walks the outline of `view`'s document."""
    env = environment(user_dir)
    env.filters["md_cell"] = md_cell
    env.filters["column_class"] = column_class
    context = view_context(view)
    context["outline"] = outline_context(outline or outline_for(view), view)
    return render_template(env, f"rkt.{fmt}.j2", context)
