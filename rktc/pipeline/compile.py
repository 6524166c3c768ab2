"""The one orchestrator: load -> schema -> rules, for one file at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rktc.check.engine import Selection, apply_suppressions, run_rules
from rktc.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from rktc.plan.document import Document, build_document
from rktc.plan.load import Loaded, load_bytes, load_file
from rktc.plan.schema import Plan
from rktc.plan.validate import validate_plan

PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass
class Compiled:
    path: str
    loaded: Loaded
    plan: Plan | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None  # the plan's tables, shared by the checker and renderers

    @property
    def well_formed(self) -> bool:
        """Read and valid against the schema (it may still have rule findings)."""
        return self.plan is not None and not any(
            d.is_input_problem and d.severity is Severity.ERROR for d in self.diagnostics
        )

    def add(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sort_diagnostics([*self.diagnostics, *diagnostics])

    def failed(self, strict: bool = False) -> bool:
        return any(d.severity is Severity.ERROR or strict for d in self.diagnostics)


def compile_plan(
    path: Path, selection: Selection | None = None, display: str | None = None
) -> Compiled:
    shown = display or str(path)
    return compile_loaded(load_file(path, shown), selection)


def compile_bytes(raw: bytes, display: str, selection: Selection | None = None) -> Compiled:
    """Compile a plan that is not a file (a version taken from git, say)."""
    return compile_loaded(load_bytes(raw, display), selection)


def compile_loaded(loaded: Loaded, selection: Selection | None = None) -> Compiled:
    compiled = read_loaded(loaded)
    compiled.add(rule_findings(compiled, selection or Selection()))
    return compiled


def read_loaded(loaded: Loaded) -> Compiled:
    """The schema stage: the plan and its tables, not yet checked by the rules."""
    diagnostics = list(loaded.diagnostics)
    plan = document = None
    if loaded.data is not None:
        plan, problems = validate_plan(loaded)
        diagnostics.extend(problems)
    if plan is not None:
        document = build_document(plan)
    return Compiled(loaded.path, loaded, plan, sort_diagnostics(diagnostics), document)


def rule_findings(compiled: Compiled, selection: Selection) -> list[Diagnostic]:
    """What the consistency rules find in a read plan, less what `# rktc: ignore` silences."""
    if compiled.plan is None or compiled.document is None:
        return []
    loaded = compiled.loaded
    found = run_rules(compiled.plan, compiled.document, loaded.source, selection, loaded.text)
    return apply_suppressions(found, loaded.text, compiled.path, selection)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; directories give their .yaml/.yml files, sorted, recursively."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix in PLAN_SUFFIXES and p.is_file()
            )
        else:
            yield path
