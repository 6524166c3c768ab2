"""What a build needs besides the stages: its options, output names, rendering, the logo.

The build itself (check, render, write atomically) is `Pipeline.build`
(rktc.pipeline.orchestrator). A plan builds three documents (`BuildOptions.document`):
its RKT; its Perjanjian Kinerja (`pk`, from its `pk:` part; a PK perubahan compared with
the PK it replaces by the `compare` function the caller gives, rktc.diff's); its Laporan
Kinerja (`lkjip`, with the year: the Renstra and realisasi files, read and checked with
the plan by rktc.pipeline.year; `build_year_document`).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rktc.core.diagnostics import Diagnostic, Severity
from rktc.core.errors import RktcError
from rktc.core.lifetime import keep_until_exit
from rktc.core.messages import define_messages
from rktc.core.output import write_atomic
from rktc.pipeline import compile as stages
from rktc.pipeline.compile import Compiled
from rktc.plan.document import Document
from rktc.plan.formatting import long_date
from rktc.plan.load import load_file
from rktc.plan.schema import Plan as PlanV1
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.schema2 import Pk
from rktc.render.layout import PK, RKT, Layout, layout_for_plan
from rktc.render.view import DocumentView, Picture, build_view

if TYPE_CHECKING:
    from rktc.check.engine import Selection
    from rktc.pipeline.forked import ForkedWorker
    from rktc.pipeline.year import PlanYear, YearRun
    from rktc.plan.year import Year
    from rktc.render.chart import ChartDrawer, ChartRequest
    from rktc.render.pk import Original, Revision

# What changed between the PK a perubahan replaces and the plan (old plan and tables, new
# plan and tables): rktc.diff computes it; the CLI gives the function (rktc.cli.commands).
Compare = Callable[[Plan, Document, Plan, Document], "list[Revision]"]

define_messages(
    __name__,
    {
        "pk.no_part": (
            (
                "{path}: rencana ini tidak mempunyai bagian 'pk:' (Perjanjian Kinerja); "
                "tambahkan pihak pertama dan pihak kedua (docs/pk.md)"
            ),
            (
                "{path}: this plan has no 'pk:' part (Perjanjian Kinerja); add the pihak "
                "pertama and pihak kedua (docs/pk.md)"
            ),
        ),
        "pk.format_1": (
            (
                "{path}: Perjanjian Kinerja memerlukan rencana format 2 dengan bagian 'pk:'; "
                "ubah dulu dengan 'rktc migrate {path}'"
            ),
            (
                "{path}: a Perjanjian Kinerja needs a format 2 plan with a 'pk:' part; "
                "convert it first with 'rktc migrate {path}'"
            ),
        ),
        "pk.original_unreadable": (
            "{path}: PK semula ({original}) tidak dapat dibaca sebagai rencana",
            "{path}: the original PK ({original}) cannot be read as a plan",
        ),
        "build.document_format": (
            "dokumen {document} disusun sebagai docx, pdf, md atau html, bukan {fmt}",
            "the {document} document is built as docx, pdf, md or html, not {fmt}",
        ),
    },
)

FORMATS = ("docx", "md", "html", "pdf", "xlsx")
# The formats of the PK and the LKjIP (the workbook is the RKT's tables).
YEAR_FORMATS = ("docx", "md", "html", "pdf")
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
    document: str = RKT  # rkt | pk | lkjip
    renstra: Path | None = None  # lkjip: --renstra (else the plan's renstra.berkas)
    realisasi: tuple[Path, ...] = ()  # lkjip: --realisasi
    compare: Compare | None = None  # a PK perubahan's changes (see Compare)


@dataclass
class Built:
    compiled: Compiled
    output: Path | None  # None when the plan was not built


def output_suffix(options: BuildOptions) -> str:
    """The ending of an output's name: `.docx` for the RKT, `.pk.docx` for the PK,
    `.lkjip.pdf` for the Laporan Kinerja (so that the three never overwrite each other)."""
    if options.document == RKT:
        return "." + options.fmt
    return f".{options.document}.{options.fmt}"


def output_path(plan: Path, options: BuildOptions) -> Path:
    """-o FILE, -o DIR/ (an existing folder), or the plan's own name beside it."""
    name = plan.with_suffix(output_suffix(options)).name
    if options.output is None:
        return plan.with_suffix(output_suffix(options))
    if options.output.is_dir():
        return options.output / name
    return options.output


def render_compiled(
    compiled: Compiled,
    plan_path: Path,
    options: BuildOptions,
    year: Year | None = None,
    draw: ChartDrawer | None = None,
) -> bytes:
    """A well-formed plan's document, in `options.fmt` (PDF still as DOCX: see rktc.render.pdf)."""
    assert compiled.plan is not None
    assert compiled.document is not None
    return render(compiled.plan, compiled.document, plan_path, options, year, draw)


def document_view(
    plan: Plan,
    document: Document,
    options: BuildOptions,
    plan_path: Path | None = None,
    year: Year | None = None,
    draw: ChartDrawer | None = None,
) -> DocumentView:
    """The view of the document `options.document` asks for (a PK, an LKjIP: of the plan's
    `pk:` part; the LKjIP with its `year`, its chart drawn by `draw`, by default here)."""
    if options.document == RKT:
        from rktc.render.text import TextTemplates

        return build_view(plan, document, TextTemplates(options.templates), options.layout)
    shown = str(plan_path) if plan_path is not None else "?"
    pk = pk_part(plan, shown)
    layout = options.layout or layout_for_plan(plan, options.document)
    if layout.document != options.document:
        raise RktcError(
            "layout.wrong_document",
            name=layout.name,
            layout=layout.document,
            document=options.document,
        )
    original = _original(plan, document, pk, plan_path, options) if pk.perubahan else None
    if options.document == PK:
        from rktc.render.pk import build_pk_view

        return build_pk_view(plan, document, pk, options.templates, layout, original)
    from rktc.plan.year import Year as YearOf
    from rktc.render.chart import draw_here
    from rktc.render.lkjip import build_lkjip_view

    if year is None:  # a plan whose year could not be read: its targets, no realisasi
        year = _empty_year(plan)
    assert isinstance(year, YearOf)
    formats = ("svg",) if options.fmt == "html" else ("png",)  # what the edition shows
    return build_lkjip_view(
        plan, document, pk, year, options.templates, layout, original, formats, draw or draw_here
    )


def pk_part(plan: Plan, shown: str) -> Pk:
    """The plan's `pk:` part; a usage problem (RktcError) for a plan without one."""
    if isinstance(plan, PlanV1):
        raise RktcError("pk.format_1", path=shown)
    found = getattr(plan, "pk", None)
    if not isinstance(found, Pk):
        raise RktcError("pk.no_part", path=shown)
    return found


def _original(
    plan: Plan, document: Document, pk: Pk, plan_path: Path | None, options: BuildOptions
) -> Original:
    """The PK a perubahan replaces: read as a plan, its date, what changed since."""
    from rktc.plan.year import resolve_beside
    from rktc.render.pk import Original
    from rktc.render.pk import pk_part as found_pk

    assert pk.perubahan is not None
    written = pk.perubahan.semula
    path = resolve_beside(str(plan_path or "."), written)
    shown = str(plan_path or "?")
    if not path.is_file():
        raise RktcError("pk.original_unreadable", path=shown, original=written)
    old = stages.read(load_file(path, written))
    if not old.well_formed or old.plan is None or old.document is None:
        raise RktcError("pk.original_unreadable", path=shown, original=written)
    before = found_pk(old.plan)
    when = (
        before.tanggal if before is not None and before.tanggal else old.plan.penandatangan.tanggal
    )
    changes = options.compare(old.plan, old.document, plan, document) if options.compare else []
    return Original(written, long_date(when), tuple(changes))


def _empty_year(plan: Plan) -> Year:
    from rktc.plan.hierarchy import hierarchy_of
    from rktc.plan.year import link, year_of

    return year_of(link(plan, hierarchy_of(plan), None, []))


def render(
    plan: Plan,
    document: Document,
    plan_path: Path,
    options: BuildOptions,
    year: Year | None = None,
    draw: ChartDrawer | None = None,
) -> bytes:
    """The document in `options.fmt`, except that PDF stays DOCX (see rktc.render.pdf)."""
    if options.document != RKT and options.fmt not in YEAR_FORMATS:
        raise RktcError("build.document_format", document=options.document, fmt=options.fmt)
    view = document_view(plan, document, options, plan_path, year, draw)
    keep_until_exit(view)
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


# --- the Laporan Kinerja: the plan with its year ------------------------------------------------

# A selection that enables no rule: the year is read and linked without checking it; the
# rules then run over what was read (`_rule_findings`), beside the rendering for a large plan.
_NO_RULES = "RKT-"


def _year_run(
    selection: Selection, plan_path: Path, options: BuildOptions, parallel: bool = True
) -> YearRun:
    from rktc.pipeline.year import check_year

    renstra, realisasi = options.renstra, list(options.realisasi)
    return check_year(
        [plan_path], selection, renstra, realisasi, always_link=True, parallel=parallel
    )


def _rule_findings(run: YearRun, planned: PlanYear, selection: Selection) -> list[Diagnostic]:
    """The rules' findings over a year read without them (as rktc.pipeline.year checks a
    plan with its year: the plan's rules and the year rules, each finding in its file,
    `# rktc: ignore` applied in every file)."""
    from rktc.check.engine import apply_suppressions, run_rules
    from rktc.check.rules.year import YearContext, run_year_rules

    compiled = planned.compiled
    if compiled.plan is None or compiled.document is None:
        return []
    loaded = compiled.loaded
    found = run_rules(
        compiled.plan,
        compiled.document,
        loaded.source,
        selection,
        loaded.text,
        partial=bool(compiled.unreadable),
    )
    by_file: dict[str, list[Diagnostic]] = {}
    if planned.linked is not None:
        ctx = YearContext(
            compiled.plan, loaded.source, compiled.document, loaded.text, planned.linked
        )
        for diag in run_year_rules(ctx, selection):
            by_file.setdefault(diag.location.path, []).append(diag)
    documents = {doc.path: doc for doc in run.documents}
    result = apply_suppressions(
        [*found, *by_file.pop(compiled.path, [])], loaded.text, compiled.path, selection
    )
    for path, diagnostics in by_file.items():
        doc = documents.get(path)
        text = doc.read.loaded.text if doc is not None else ""
        result += apply_suppressions(diagnostics, text, path, selection)
    return result


def build_year_document(
    selection: Selection,
    plan_path: Path,
    options: BuildOptions,
    output: Path | None = None,
    *,
    parallel: bool = True,
) -> Built:
    """Check a plan with its Renstra and realisasi files (rktc.pipeline.year) and build its
    Laporan Kinerja unless any of them has errors (with --force: unless one of them is not
    well-formed). The files are read and linked once; for a large plan, with `parallel`,
    the rules then run in a forked child while this process renders, as `Pipeline.build`
    does for the RKT."""
    from rktc.pipeline.forked import can_fork

    charts = _early_charts() if parallel and can_fork() else None
    try:
        return _build_year_document(selection, plan_path, options, output, parallel, charts)
    finally:
        if charts is not None:
            charts.abandon()


def _early_charts() -> ForkedWorker[ChartRequest, Picture] | None:
    """A process that imports matplotlib while this one reads the plan and its year, and
    then draws the LKjIP's chart (measured: 0.25 s of import and 0.3 s of drawing, off
    the path of a 10,000-indicator build); None where it cannot be started."""
    from rktc.pipeline.forked import ForkedWorker, ForkFailed
    from rktc.render.chart import draw_request, prepare_charts

    try:
        return ForkedWorker(functools.partial(_behind, prepare_charts), draw_request)
    except ForkFailed:
        return None


def _behind(prepare: Callable[[], None]) -> None:
    """`prepare`, giving way to this process and its other children: the chart is wanted
    last, the year files being loaded beside the plan first."""
    import os

    with contextlib.suppress(OSError):
        os.nice(10)
    prepare()


def _drawn_by(worker: ForkedWorker[ChartRequest, Picture]) -> ChartDrawer:
    """Draw with `worker`, here if it fails."""
    from rktc.pipeline.forked import ForkFailed
    from rktc.render.chart import draw_request

    def draw(request: ChartRequest) -> Callable[[], Picture]:
        try:
            worker.ask(request)
        except ForkFailed:
            return lambda: draw_request(request)

        def picture() -> Picture:
            try:
                return worker.result()
            except ForkFailed:
                return draw_request(request)

        return picture

    return draw


def _build_year_document(
    selection: Selection,
    plan_path: Path,
    options: BuildOptions,
    output: Path | None,
    parallel: bool,
    charts: ForkedWorker[ChartRequest, Picture] | None,
) -> Built:
    from rktc.check.engine import Selection as Chosen
    from rktc.pipeline.forked import ForkedCall, ForkFailed, can_fork
    from rktc.pipeline.orchestrator import PARALLEL_MIN_CHARS
    from rktc.render.pdf import docx_to_pdf

    draw = _drawn_by(charts) if charts is not None else None
    target = output or output_path(plan_path, options)
    run = _year_run(Chosen((_NO_RULES,)), plan_path, options, parallel)
    planned = next(p for p in run.plans if p.path == str(plan_path))
    compiled = planned.compiled
    read_problems = run.diagnostics  # what reading found; the rules have not run yet
    checks: ForkedCall[list[Diagnostic]] | None = None
    large = len(compiled.loaded.text) >= PARALLEL_MIN_CHARS
    if parallel and large and compiled.plan is not None and can_fork():
        try:
            checks = ForkedCall(functools.partial(_rule_findings, run, planned, selection))
        except ForkFailed:
            checks = None
    rendered: bytes | None = None
    problem: Exception | None = None
    if checks is not None:
        try:
            if target.parent.is_dir() and compiled.well_formed:
                rendered = render_compiled(compiled, plan_path, options, planned.year(), draw)
        except Exception as exc:  # noqa: BLE001 -- raised below, if the rules let the build go on
            problem = exc
        except BaseException:
            checks.abandon()
            raise
        try:
            rules = checks.result()
        except ForkFailed:
            rules = _rule_findings(run, planned, selection)
    else:
        rules = _rule_findings(run, planned, selection)
    found = [*read_problems, *rules]
    compiled.diagnostics = []
    compiled.add(found)  # the plan's findings and its year files', each at its file
    errors = [d for d in found if d.severity is Severity.ERROR]
    unreadable = any(d.is_input_problem for d in errors)
    blocked = bool(errors) and not (options.force and compiled.well_formed and not unreadable)
    if compiled.plan is None or blocked:
        return Built(compiled, None)
    if not target.parent.is_dir():
        raise RktcError("build.no_folder", path=str(target.parent))
    if problem is not None:
        raise problem
    if rendered is None:
        rendered = render_compiled(compiled, plan_path, options, planned.year(), draw)
    data = docx_to_pdf(rendered) if options.fmt == "pdf" else rendered
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise RktcError(
            "build.cannot_write", path=str(target), detail=exc.strerror or str(exc)
        ) from None
    keep_until_exit(run)
    return Built(compiled, target)
