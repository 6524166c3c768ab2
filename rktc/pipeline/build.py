"""What a build needs besides the stages: its options, output names, rendering, the logo.

The build itself (check, render, write atomically) is `Pipeline.build`
(rktc.pipeline.orchestrator).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rktc.core.errors import RktcError
from rktc.pipeline.compile import Compiled
from rktc.plan.document import Document
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.render.layout import Layout
from rktc.render.view import DocumentView, build_view

FORMATS = ("docx", "md", "html", "pdf", "xlsx")
PAPERS = ("a4", "f4")  # every paged renderer (DOCX, PDF, XLSX) knows each of them
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")


@dataclass(frozen=True)
class BuildOptions:
    fmt: str = "docx"
    output: Path | None = None
    force: bool = False
    templates: Path | None = None
    reference_doc: Path | None = None
    paper: str = "a4"
    layout: Layout | None = None  # None: the built-in layout of the plan's kind of office


@dataclass
class Built:
    compiled: Compiled
    output: Path | None  # None when the plan was not built


def output_path(plan: Path, options: BuildOptions) -> Path:
    """-o FILE, -o DIR/ (an existing folder), or the plan's own name beside it."""
    name = plan.with_suffix("." + options.fmt).name
    if options.output is None:
        return plan.with_suffix("." + options.fmt)
    if options.output.is_dir():
        return options.output / name
    return options.output


def render_compiled(compiled: Compiled, plan_path: Path, options: BuildOptions) -> bytes:
    """A well-formed plan's document, in `options.fmt` (PDF still as DOCX: see rktc.render.pdf)."""
    assert compiled.plan is not None
    assert compiled.document is not None
    return render(compiled.plan, compiled.document, plan_path, options)


def document_view(plan: Plan, document: Document, options: BuildOptions) -> DocumentView:
    from rktc.render.text import TextTemplates

    return build_view(plan, document, TextTemplates(options.templates), options.layout)


def render(plan: Plan, document: Document, plan_path: Path, options: BuildOptions) -> bytes:
    """The document in `options.fmt`, except that PDF stays DOCX (see rktc.render.pdf)."""
    view = document_view(plan, document, options)
    if options.fmt in ("md", "html"):
        from rktc.render.markup import render_markup

        return render_markup(view, options.fmt, options.templates).encode("utf-8")
    if options.fmt == "xlsx":
        from rktc.render.xlsx import XlsxOptions, render_xlsx

        return render_xlsx(view, plan, XlsxOptions(options.paper))
    from rktc.render.docx import DocxOptions, render_docx

    return render_docx(
        view, DocxOptions(options.paper, options.reference_doc, logo_path(plan, plan_path))
    )


def logo_path(plan: Plan, plan_path: Path) -> Path | None:
    """The logo named in the plan: inside the plan's folder, existing, an image file."""
    name = plan.instansi.logo
    if not name:
        return None
    folder = plan_path.resolve().parent
    path = (folder / name).resolve()
    if not path.is_relative_to(folder):
        raise RktcError("build.logo_outside", path=name)
    if not path.is_file():
        raise RktcError("build.logo_missing", path=name)
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise RktcError("build.bad_logo", path=name, detail=path.suffix or "?")
    return path
