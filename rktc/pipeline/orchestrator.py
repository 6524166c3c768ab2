"""`Pipeline`: the one path every command takes, load -> schema -> check [-> render -> write].

`rktc validate`, `rktc build` (one plan or a batch), `rktc import`, `rktc diff` and
`rktc preview` (each rebuild of its page) all run through a `Pipeline`; none of them
strings the stages together on its own.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rktc.check.engine import Selection
from rktc.check.rules.common import prepared_names
from rktc.core.diagnostics import Diagnostic
from rktc.core.errors import RktcError
from rktc.core.lifetime import keep_until_exit
from rktc.core.output import write_atomic
from rktc.pipeline import compile as stages
from rktc.pipeline.compile import Compiled
from rktc.pipeline.forked import ForkedCall, ForkFailed, can_fork
from rktc.plan.load import MAX_BYTES, Loaded, load_bytes, load_file
from rktc.plan.names import Clusters

if TYPE_CHECKING:  # the build's modules are imported by `build`: validate needs none of them
    from rktc.pipeline.build import BuildOptions, Built

# A fork pays for itself from about this size of plan. Measured (medians of 9 builds,
# two cores): 100 indicators (27 KB) gain nothing, 300 (79 KB) 0.02 s, 1,000 (260 KB)
# 0.1 s, 10,000 (2.6 MB) 0.3-0.5 s.
PARALLEL_MIN_CHARS = 100_000


def _large(compiled: Compiled) -> bool:
    """Whether the plan is large enough for a second process to pay for itself."""
    return len(compiled.loaded.text) >= PARALLEL_MIN_CHARS


def _names_ahead(loaded: Loaded) -> ForkedCall[dict[str, Clusters]] | None:
    """The groups of a large published plan's indicator names, started in a child."""
    if len(loaded.text) < PARALLEL_MIN_CHARS or not can_fork():
        return None
    if not isinstance(loaded.data, dict) or not isinstance(loaded.data.get("tabel"), dict):
        return None
    try:
        return ForkedCall(functools.partial(prepared_names, loaded.data))
    except ForkFailed:
        return None


@dataclass(frozen=True)
class Pipeline:
    """The stages with the rule selection of one run."""

    selection: Selection = field(default_factory=Selection)

    def validate(self, path: Path, display: str | None = None) -> Compiled:
        """A plan file read and checked."""
        return self._checked(stages.read(load_file(path, display or str(path))))

    def validate_bytes(self, raw: bytes, display: str) -> Compiled:
        """A plan that is not a file (a version taken from git, an imported document)."""
        return self._checked(stages.read(load_bytes(raw, display)))

    def validate_written(self, written: Loaded) -> Compiled:
        """A plan rktc has just written, as the loader would read its text (the importer's
        writer gives it so): checked without reading it again. A text larger than a plan
        may be is read back, for the loader to say so.

        The indicator names' groups of a large published plan are made in a forked child
        while the schema is read (0.14 s of a 10,000-row import, otherwise the first thing
        the rules' second process does)."""
        if len(written.text) * 4 > MAX_BYTES and len(written.text.encode("utf-8")) > MAX_BYTES:
            return self.validate_bytes(written.text.encode("utf-8"), written.path)
        names = _names_ahead(written)
        try:
            compiled = stages.read(written)
        except BaseException:
            if names is not None:
                names.abandon()
            raise
        prepared = None
        if names is not None:
            with contextlib.suppress(ForkFailed):  # (else the rules make them)
                prepared = names.result()
        compiled.add(self.findings(compiled, prepared=prepared))
        return compiled

    def build(
        self,
        plan_path: Path,
        options: BuildOptions,
        output: Path | None = None,
        *,
        parallel: bool = True,
    ) -> Built:
        """Check `plan_path`; build it unless it has errors (or --force and it is well-formed).

        For a large plan, with `parallel`, the rules run in a forked child while this
        process renders; the rendering is thrown away if the rules block the build.
        A Laporan Kinerja is checked and built with its year (`build_year_document`).
        """
        from rktc.pipeline.build import Built, build_year_document, output_path
        from rktc.render.layout import LKJIP
        from rktc.render.pdf import docx_to_pdf

        if options.document == LKJIP:
            return build_year_document(
                self.selection, plan_path, options, output, parallel=parallel
            )
        compiled = stages.read(load_file(plan_path, str(plan_path)))
        target = output or output_path(plan_path, options)
        checks = self._start_checks(compiled) if parallel else None
        rendered: bytes | None = None
        problem: Exception | None = None
        if checks is not None:
            try:
                if target.parent.is_dir():
                    rendered = self.render(compiled, plan_path, options)
            except Exception as exc:  # noqa: BLE001 -- raised below, if the rules let the build go on
                problem = exc  # (a plan with errors reports them, as a serial build would)
            except BaseException:
                checks.abandon()
                raise
        compiled.add(self._finish_checks(checks, compiled))
        blocked = compiled.failed() and not (options.force and compiled.well_formed)
        if compiled.plan is None or blocked:
            return Built(compiled, None)
        if not target.parent.is_dir():
            raise RktcError("build.no_folder", path=str(target.parent))
        if problem is not None:
            raise problem
        data = rendered if rendered is not None else self.render(compiled, plan_path, options)
        if options.fmt == "pdf":
            data = docx_to_pdf(data)
        try:
            write_atomic(target, data)
        except OSError as exc:
            raise RktcError(
                "build.cannot_write", path=str(target), detail=exc.strerror or str(exc)
            ) from None
        keep_until_exit(compiled)
        return Built(compiled, target)

    def render(self, compiled: Compiled, plan_path: Path, options: BuildOptions) -> bytes:
        """A well-formed plan's document in `options.fmt` (PDF still as DOCX): what `build`
        writes, and the HTML page `rktc preview` serves. `plan_path` places the logo."""
        from rktc.pipeline.build import render_compiled

        return render_compiled(compiled, plan_path, options)

    def findings(
        self,
        compiled: Compiled,
        *,
        split: bool | None = None,
        beside: Callable[[], list[Diagnostic]] | None = None,
        prepared: dict[str, Clusters] | None = None,
    ) -> list[Diagnostic]:
        """The rules' findings for a read plan, and `beside`'s (see `stages.check`); with
        `split`, in two processes; by default, in two when the plan is large enough to
        gain (`False` in a process that is itself the forked child). `prepared`: name
        groups made ahead (see `validate_written`)."""
        if split is None:
            split = _large(compiled) and can_fork()
        return stages.check(compiled, self.selection, split=split, beside=beside, prepared=prepared)

    def _checked(self, compiled: Compiled) -> Compiled:
        compiled.add(self.findings(compiled))
        return compiled

    def _start_checks(self, compiled: Compiled) -> ForkedCall[list[Diagnostic]] | None:
        """The rules, started in a child process when the plan is large enough to gain."""
        if compiled.plan is None or compiled.unreadable:
            return None  # nothing to render ahead: such a plan is never built
        if not _large(compiled) or not can_fork():
            return None
        try:
            return ForkedCall(functools.partial(self.findings, compiled, split=False))
        except ForkFailed:
            return None

    def _finish_checks(
        self, checks: ForkedCall[list[Diagnostic]] | None, compiled: Compiled
    ) -> list[Diagnostic]:
        if checks is not None:
            try:
                return checks.result()
            except ForkFailed:
                pass  # do the work here instead
        return self.findings(compiled, split=False)
