"""Checking a plan's year: the plan with its Renstra file and its realisasi files.

`check_year` is what `rktc validate` runs: every file given is read once, year documents
(`dokumen: renstra` / `dokumen: realisasi`) are told from plans by their content, each
realisasi file is checked with its plan (the one plan given, else the plan its `rencana:`
names), each plan with its Renstra (`--renstra`, else format 2's `renstra.berkas`). A plan
with neither is checked exactly as `Pipeline.validate` checks it. For a plan with a year,
its own rules and the year rules (rktc/check/rules/year.py) run together and
`# rktc: ignore[...]` comments apply in every file to the findings that stand in it.
`PlanYear.year()` is the joined year (rktc.plan.year.Year) that `rktc capaian` prints
and the PK and LKjIP documents are built from.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rktc.check.engine import Selection, apply_suppressions
from rktc.check.rules.year import YearContext, run_year_rules
from rktc.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from rktc.core.errors import RktcError
from rktc.core.messages import define_messages, msg
from rktc.pipeline import compile as stages
from rktc.pipeline.compile import Compiled
from rktc.pipeline.forked import ForkedCall, ForkFailed, can_fork
from rktc.pipeline.orchestrator import PARALLEL_MIN_CHARS, Pipeline
from rktc.plan.hierarchy import hierarchy_of
from rktc.plan.load import Loaded, load_file
from rktc.plan.realisasi import RealisasiFile, read_realisasi
from rktc.plan.renstra import (
    REALISASI,
    RENSTRA,
    RenstraFile,
    YearFile,
    document_kind,
    file_kind,
    read_renstra,
)
from rktc.plan.schema import Plan as PlanV1
from rktc.plan.validate import UnreadablePart
from rktc.plan.year import Linked, Year, link, resolve_beside, year_of

define_messages(
    __name__,
    {
        "year.no_plan": (
            (
                "{path}: berkas realisasi ini tidak menyebut rencananya (rencana:), dan tidak ada "
                "tepat satu rencana yang diberikan untuk memeriksanya"
            ),
            (
                "{path}: this realisasi file names no plan (rencana:), and no single plan is "
                "given to check it with"
            ),
        ),
        "year.one_plan": (
            (
                "rktc capaian memerlukan tepat satu rencana di antara berkas yang diberikan "
                "(ada {count})"
            ),
            "rktc capaian needs exactly one plan among the files given ({count} given)",
        ),
        "year.wrong_kind": (
            "'{path}' bukan berkas {kind} (dokumen: {kind})",
            "'{path}' is not a {kind} file (dokumen: {kind})",
        ),
    },
)


@dataclass
class YearDocument:
    """A Renstra or realisasi file of the run, read, with what was found in it."""

    kind: str
    read: YearFile[Any]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)  # the rules', unsuppressed

    @property
    def path(self) -> str:
        return self.read.path

    def failed(self, strict: bool = False) -> bool:
        return any(d.severity is Severity.ERROR or strict for d in self.diagnostics)


@dataclass
class PlanYear:
    """A plan of the run, with the Renstra and realisasi files it was checked with."""

    compiled: Compiled
    renstra: YearDocument | None = None
    realisasi: list[YearDocument] = field(default_factory=list)
    linked: Linked | None = None

    @property
    def path(self) -> str:
        return self.compiled.path

    def has_year(self) -> bool:
        return self.renstra is not None or bool(self.realisasi)

    def year(self) -> Year | None:
        """What the PK and LKjIP print: None when the plan (or the part the year needs:
        its `tahun`, its hierarchy) could not be read."""
        if self.linked is None:
            return None
        try:
            return year_of(self.linked)
        except UnreadablePart:
            return None


@dataclass
class YearRun:
    """Every file of one `rktc validate` (or `rktc capaian`) run and what was found."""

    plans: list[PlanYear]
    documents: list[YearDocument]
    order: list[str]  # the files' display paths, in the order they are reported

    def results(self) -> list[Compiled | YearDocument]:
        """Each file's result in report order (a plan given as a Renstra too: both)."""
        plans = {p.path: p.compiled for p in self.plans}
        documents = {d.path: d for d in self.documents}
        found: list[Compiled | YearDocument] = []
        for path in self.order:
            found += [r for r in (plans.get(path), documents.get(path)) if r is not None]
        return found

    @property
    def files(self) -> list[str]:
        return list(self.order)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for result in self.results() for d in result.diagnostics]

    def failed(self, strict: bool = False) -> bool:
        return any(result.failed(strict) for result in self.results())


class _Files:
    """Each file loaded once, by resolved path, in the order first met."""

    def __init__(self) -> None:
        self.loaded: dict[Path, Loaded] = {}
        self.display: dict[Path, str] = {}
        # being loaded in a child, under the name it was started with
        self._coming: dict[Path, tuple[str, ForkedCall[Loaded]]] = {}

    def prefetch(self, paths: list[Path]) -> None:
        """Start loading the large ones of `paths` in forked children, while this process
        reads the plan: a realisasi file of 10,000 indicators takes 0.17 s to load and
        0.05 s to receive."""
        for path in paths:
            key = path.resolve()
            if key in self.loaded or key in self._coming:
                continue
            try:
                large = path.stat().st_size >= PARALLEL_MIN_CHARS
            except OSError:
                continue  # reported when it is loaded
            if large:
                with contextlib.suppress(ForkFailed):
                    call = ForkedCall(functools.partial(load_file, path, str(path)))
                    self._coming[key] = (str(path), call)

    def load(self, path: Path, display: str | None = None) -> Loaded:
        key = path.resolve()
        if key not in self.loaded:
            self.display[key] = display or str(path)
            self.loaded[key] = self._received(key) or load_file(path, self.display[key])
        return self.loaded[key]

    def _received(self, key: Path) -> Loaded | None:
        """The file as a child loaded it, if it did so under the name it is shown by here
        (a file met first as `../year/r.yaml`, then given as `--realisasi r.yaml`, is
        shown by the first name: its positions must say that one)."""
        coming = self._coming.pop(key, None)
        if coming is None:
            return None
        shown, call = coming
        if shown != self.display[key]:
            call.abandon()
            return None
        try:
            return call.result()
        except ForkFailed:
            return None

    def abandon(self) -> None:
        """Stop the children of files that were never asked for."""
        for _, call in self._coming.values():
            call.abandon()
        self._coming.clear()


def _kind(loaded: Loaded, path: Path) -> str | None:
    """A year document's kind, from its data, or for one that could not be read from its
    text; None for a plan."""
    kind = document_kind(loaded.data)
    if kind is None and loaded.data is None:
        return file_kind(path)
    return kind


def check_year(
    paths: list[Path],
    selection: Selection,
    renstra: Path | None = None,
    realisasi: list[Path] | None = None,
    *,
    always_link: bool = False,
    parallel: bool = True,
) -> YearRun:
    """Check `paths` (plans and year documents, in any mix) with the Renstra and
    realisasi files given. `always_link`: join every readable plan with its year even
    when it has no Renstra or realisasi (`rktc capaian`: the targets without realisasi).
    `parallel`: large files may be loaded and checked in forked children (not in a
    process that is itself a worker of a batch).

    Raises RktcError (a usage error) for a realisasi file that no plan can be found for.
    """
    files = _Files()
    if parallel and can_fork():
        files.prefetch([*([renstra] if renstra else []), *(realisasi or [])])
    try:
        return _check_year(files, paths, selection, renstra, realisasi, always_link, parallel)
    finally:
        files.abandon()


def _check_year(
    files: _Files,
    paths: list[Path],
    selection: Selection,
    renstra: Path | None,
    realisasi: list[Path] | None,
    always_link: bool,
    parallel: bool,
) -> YearRun:
    order: list[str] = []
    plans: dict[Path, PlanYear] = {}
    documents: dict[Path, YearDocument] = {}

    def note(path: Path) -> None:
        shown = files.display[path.resolve()]
        if shown not in order:
            order.append(shown)

    def document(path: Path, wanted: str | None = None) -> YearDocument:
        key = path.resolve()
        if key not in documents:
            loaded = files.load(path)
            kind = _kind(loaded, path)
            if wanted is not None and kind != wanted and loaded.data is not None:
                # a plan (or the other kind of year file) where this kind was asked for
                doc = YearDocument(wanted, YearFile(loaded, None))
                doc.diagnostics.append(
                    Diagnostic(
                        "RKT010",
                        loaded.source.value(()),
                        msg("year.wrong_kind", path=loaded.path, kind=wanted),
                    )
                )
            else:
                kind = kind or wanted or RENSTRA
                read: YearFile[Any] = (
                    read_renstra(loaded) if kind == RENSTRA else read_realisasi(loaded)
                )
                doc = YearDocument(kind, read, list(read.problems))
            documents[key] = doc
        note(path)
        return documents[key]

    def plan(path: Path) -> PlanYear:
        key = path.resolve()
        if key not in plans:
            plans[key] = PlanYear(stages.read(files.load(path)))
        note(path)
        return plans[key]

    given_plans: list[PlanYear] = []
    found_realisasi: list[YearDocument] = []  # among the paths: checked with their plan
    for path in paths:
        loaded = files.load(path)
        kind = _kind(loaded, path)
        if kind == REALISASI:
            found_realisasi.append(document(path))
        elif kind == RENSTRA:
            document(path)
        else:
            given_plans.append(plan(path))
    # --realisasi files are checked with the one plan given (RKT625 if they name another)
    named_realisasi = [document(p, REALISASI) for p in realisasi or []]
    shared = document(renstra, RENSTRA) if renstra is not None else None

    attached: set[int] = set()
    for doc in [*named_realisasi, *found_realisasi]:
        if id(doc) in attached:
            continue
        attached.add(id(doc))
        explicit = any(doc is d for d in named_realisasi)
        owner = _owner(doc, given_plans, explicit, plan)
        if owner is not None:
            owner.realisasi.append(doc)
    for planned in list(plans.values()):
        planned.renstra = shared if shared is not None else _named_renstra(planned, document)

    pipeline = Pipeline(selection)
    for planned in plans.values():
        _check(planned, pipeline, selection, always_link, parallel)
    for doc in documents.values():
        doc.diagnostics = sort_diagnostics(
            [
                *doc.diagnostics,
                *apply_suppressions(doc.findings, doc.read.loaded.text, doc.path, selection),
            ]
        )
    return YearRun(list(plans.values()), list(documents.values()), order)


def _owner(doc: YearDocument, given: list[PlanYear], explicit: bool, plan: Any) -> PlanYear | None:
    """The plan a realisasi file is checked with: for a `--realisasi` file the one plan
    given; else the plan its `rencana:` names; else (no `rencana:`) the one plan given."""
    if explicit and len(given) == 1:
        return given[0]
    model = doc.read.model
    if model is None:
        return given[0] if len(given) == 1 else None  # its own problems are reported
    written = model.rencana
    if written is None:
        if len(given) == 1:
            return given[0]
        raise RktcError("year.no_plan", path=doc.path)
    named = resolve_beside(doc.path, written)
    if not named.is_file():
        doc.diagnostics.append(
            Diagnostic(
                "RKT013",
                doc.read.source.value(("rencana",)),
                msg("realisasi.plan_not_found", path=written),
            )
        )
        return None
    found: PlanYear = plan(named)
    return found


def _named_renstra(planned: PlanYear, document: Any) -> YearDocument | None:
    """The Renstra a format 2 plan names in `renstra.berkas`, if it names one."""
    compiled = planned.compiled
    if compiled.plan is None or isinstance(compiled.plan, PlanV1):
        return None
    try:
        written = compiled.plan.renstra.berkas
    except UnreadablePart:
        return None
    if written is None:
        return None
    named = resolve_beside(compiled.path, written)
    if not named.is_file():
        compiled.add(
            [
                Diagnostic(
                    "RKT013",
                    compiled.loaded.source.value(("renstra", "berkas")),
                    msg("renstra.not_found", path=written),
                )
            ]
        )
        return None
    found: YearDocument = document(named, RENSTRA)
    return found


def _check(
    planned: PlanYear, pipeline: Pipeline, selection: Selection, always: bool, parallel: bool
) -> None:
    """The plan's own findings, and with a year the year rules' too, each in its file.

    The year is linked and its rules run in this process while, for a large plan, a
    forked child runs the plan's expensive rules (`Pipeline.findings`)."""
    compiled = planned.compiled
    if not planned.has_year() and not always:
        compiled.add(pipeline.findings(compiled, split=None if parallel else False))
        return
    if compiled.plan is None or compiled.document is None:
        return
    beside = functools.partial(_year_findings, planned, selection)
    compiled.add(pipeline.findings(compiled, split=None if parallel else False, beside=beside))


def _year_findings(planned: PlanYear, selection: Selection) -> list[Diagnostic]:
    """Link the plan with its year and run the year rules: their findings in the plan's
    file are returned, the others go to the Renstra or realisasi file they are in."""
    compiled = planned.compiled
    if compiled.plan is None or compiled.document is None:
        return []
    try:
        hierarchy = hierarchy_of(compiled.plan)
    except UnreadablePart:
        return []
    loaded = compiled.loaded
    renstra: RenstraFile | None = planned.renstra.read if planned.renstra else None
    realisasi: list[RealisasiFile] = [doc.read for doc in planned.realisasi]
    linked = link(compiled.plan, hierarchy, renstra, realisasi, compiled.path)
    planned.linked = linked
    ctx = YearContext(compiled.plan, loaded.source, compiled.document, loaded.text, linked)
    ctx.cache["hierarchy"] = hierarchy
    by_path = {doc.path: doc for doc in _documents(planned)}
    found: list[Diagnostic] = []
    for diag in run_year_rules(ctx, selection):
        owner = by_path.get(diag.location.path)
        if owner is None:
            found.append(diag)
        else:
            owner.findings.append(diag)
    return found


def _documents(planned: PlanYear) -> list[YearDocument]:
    docs = [planned.renstra] if planned.renstra is not None else []
    return [*docs, *planned.realisasi]
