"""Build documents from plans: check, then render, then write atomically."""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rktc.check.engine import Selection
from rktc.core.diagnostics import Diagnostic
from rktc.core.errors import RktcError
from rktc.core.output import write_atomic
from rktc.pipeline.compile import Compiled, read_loaded, rule_findings
from rktc.pipeline.forked import ForkedCall, ForkFailed, can_fork
from rktc.plan.document import Document
from rktc.plan.load import load_file
from rktc.plan.schema import Plan
from rktc.render.view import DocumentView, build_view

FORMATS = ("docx", "md", "html", "pdf")
PDF_TIMEOUT = 600
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")


@dataclass(frozen=True)
class BuildOptions:
    fmt: str = "docx"
    output: Path | None = None
    force: bool = False
    templates: Path | None = None
    reference_doc: Path | None = None
    paper: str = "a4"


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


def build_plan(
    plan_path: Path,
    options: BuildOptions,
    selection: Selection | None = None,
    output: Path | None = None,
    *,
    parallel: bool = True,
) -> Built:
    """Check `plan_path`; build it unless it has errors (or --force and it is well-formed).

    For a large plan, with `parallel`, the rules run in a forked child while this
    process renders; the rendering is thrown away if the rules block the build.
    """
    selection = selection or Selection()
    compiled = read_loaded(load_file(plan_path, str(plan_path)))
    target = output or output_path(plan_path, options)
    checks = _start_checks(compiled, selection) if parallel else None
    rendered: bytes | None = None
    problem: Exception | None = None
    if checks is not None:
        try:
            if target.parent.is_dir():
                rendered = _render_document(compiled, plan_path, options)
        except Exception as exc:  # noqa: BLE001 -- raised below, if the rules let the build go on
            problem = exc  # (a plan with errors reports them, as a serial build would)
        except BaseException:
            checks.abandon()
            raise
    compiled.add(_finish_checks(checks, compiled, selection))
    blocked = compiled.failed() and not (options.force and compiled.well_formed)
    if compiled.plan is None or blocked:
        return Built(compiled, None)
    if not target.parent.is_dir():
        raise RktcError("build.no_folder", path=str(target.parent))
    if problem is not None:
        raise problem
    data = rendered if rendered is not None else _render_document(compiled, plan_path, options)
    if options.fmt == "pdf":
        data = docx_to_pdf(data)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise RktcError(
            "build.cannot_write", path=str(target), detail=exc.strerror or str(exc)
        ) from None
    return Built(compiled, target)


# A fork pays for itself from about this size of plan. Measured (medians of 9 builds,
# two cores): 100 indicators (27 KB) gain nothing, 300 (79 KB) 0.02 s, 1,000 (260 KB)
# 0.1 s, 10,000 (2.6 MB) 0.3-0.5 s.
PARALLEL_MIN_CHARS = 100_000


def _start_checks(compiled: Compiled, selection: Selection) -> ForkedCall[list[Diagnostic]] | None:
    """The rules, started in a child process when the plan is large enough to gain."""
    if compiled.plan is None or len(compiled.loaded.text) < PARALLEL_MIN_CHARS:
        return None
    if not can_fork():
        return None
    try:
        return ForkedCall(functools.partial(rule_findings, compiled, selection))
    except ForkFailed:
        return None


def _finish_checks(
    checks: ForkedCall[list[Diagnostic]] | None, compiled: Compiled, selection: Selection
) -> list[Diagnostic]:
    if checks is not None:
        try:
            return checks.result()
        except ForkFailed:
            pass  # do the work here instead
    return rule_findings(compiled, selection)


def _render_document(compiled: Compiled, plan_path: Path, options: BuildOptions) -> bytes:
    assert compiled.plan is not None
    assert compiled.document is not None
    return render(compiled.plan, compiled.document, plan_path, options)


def document_view(plan: Plan, document: Document, options: BuildOptions) -> DocumentView:
    from rktc.render.text import TextTemplates

    return build_view(plan, document, TextTemplates(options.templates))


def render(plan: Plan, document: Document, plan_path: Path, options: BuildOptions) -> bytes:
    """The document in `options.fmt`, except that PDF stays DOCX (see `docx_to_pdf`)."""
    view = document_view(plan, document, options)
    if options.fmt in ("md", "html"):
        from rktc.render.markup import render_markup

        return render_markup(view, options.fmt, options.templates).encode("utf-8")
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


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert with LibreOffice in a private profile (so a running office does not interfere)."""
    office = libreoffice()
    if office is None:
        raise RktcError("build.no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="rktc-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "rkt.docx"
        source.write_bytes(docx)
        command = [
            office,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise RktcError("build.pdf_failed", detail=f"timeout {PDF_TIMEOUT}s") from None
        pdf = folder / "rkt.pdf"
        if done.returncode != 0 or not pdf.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            raise RktcError("build.pdf_failed", detail=detail or f"exit {done.returncode}")
        return pdf.read_bytes()
