"""The reading and checking stages for one plan: load -> schema -> document -> rules.

`read` and `check` are the steps; `rktc.pipeline.orchestrator.Pipeline` is the one
place that strings them together for every command.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, cast

from rktc.check.engine import Selection, apply_suppressions, published_tables, run_rules
from rktc.check.rules import all_rules
from rktc.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from rktc.pipeline.forked import ForkedCall, ForkFailed
from rktc.plan.document import Document, build_document
from rktc.plan.load import Loaded
from rktc.plan.names import Clusters
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.validate import UnreadablePart, validate_plan

PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass
class Compiled:
    path: str
    loaded: Loaded
    plan: Plan | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None  # the plan's tables, shared by the checker and renderers
    # Top-level parts left out of `plan` because of schema problems (see plan.validate).
    unreadable: frozenset[str] = frozenset()

    @property
    def well_formed(self) -> bool:
        """Read whole and valid against the schema (it may still have rule findings)."""
        return (
            self.plan is not None
            and not self.unreadable
            and not any(
                d.is_input_problem and d.severity is Severity.ERROR for d in self.diagnostics
            )
        )

    def add(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sort_diagnostics([*self.diagnostics, *diagnostics])

    def failed(self, strict: bool = False) -> bool:
        return any(d.severity is Severity.ERROR or strict for d in self.diagnostics)


def read(loaded: Loaded) -> Compiled:
    """The schema stage: the plan (whole, or the parts that could be read) and its tables."""
    diagnostics = list(loaded.diagnostics)
    if loaded.data is None:
        return Compiled(loaded.path, loaded, None, sort_diagnostics(diagnostics))
    validated = validate_plan(loaded)
    diagnostics.extend(validated.problems)
    plan, document = validated.plan, None
    if plan is not None:
        document = _partial_document(plan) if validated.partial else build_document(plan)
    return Compiled(
        loaded.path,
        loaded,
        plan,
        sort_diagnostics(diagnostics),
        document,
        validated.unreadable,
    )


def check(
    compiled: Compiled,
    selection: Selection,
    *,
    split: bool = False,
    beside: Callable[[], list[Diagnostic]] | None = None,
    prepared: dict[str, Clusters] | None = None,
) -> list[Diagnostic]:
    """What the consistency rules find in a read plan, less what `# rktc: ignore` silences.

    With `split`, the rules marked expensive run in a forked child while this process
    runs the others (see rktc.pipeline.forked; measured gain in docs/performance.md).
    `beside` gives more findings in this plan's file (the year rules'): it runs in this
    process, while the child works, and its findings are silenced with the rules'.
    `prepared`: name groups made ahead (see Pipeline.validate_written)."""
    if compiled.plan is None or compiled.document is None:
        return []
    loaded = compiled.loaded
    rules = functools.partial(
        run_rules,
        compiled.plan,
        compiled.document,
        loaded.source,
        selection,
        loaded.text,
        partial=bool(compiled.unreadable),
        prepared=prepared,
    )
    more = beside or list
    published = published_tables(compiled.document)
    split = split and any(
        r.in_second_process(published) and selection.enabled(r.code) for r in all_rules()
    )
    found = _in_two_processes(rules, more) if split else [*rules(), *more()]
    return apply_suppressions(found, loaded.text, compiled.path, selection)


def _in_two_processes(
    rules: Callable[..., list[Diagnostic]], more: Callable[[], list[Diagnostic]]
) -> list[Diagnostic]:
    """The expensive rules in a child, the rest and `more` here; every rule here if the
    child fails."""
    try:
        child = ForkedCall(functools.partial(rules, expensive=True))
    except ForkFailed:
        return [*rules(), *more()]
    try:
        found = [*rules(expensive=False), *more()]
    except BaseException:
        child.abandon()
        raise
    try:
        return found + child.result()
    except ForkFailed:
        return found + rules(expensive=True)


class _UnreadableDocument:
    """Stands for the tables of a plan whose parts they come from could not be read.

    Any use raises UnreadablePart, which the rule engine takes as "this rule cannot be
    checked here", so no rule reports on tables it cannot see.
    """

    def __getattr__(self, name: str) -> NoReturn:
        raise UnreadablePart(f"the document's tables could not be read ({name})")


def _partial_document(plan: Plan) -> Document:
    try:
        return build_document(plan)
    except UnreadablePart:  # it needs a part of the plan that could not be read
        return cast(Document, _UnreadableDocument())


def plan_files(folder: Path) -> list[Path]:
    """The plans of a folder, recursively and sorted: its .yaml/.yml files.

    Hidden files and whatever lies under a hidden folder (a name starting with "."), below
    `folder`, are not plans: `.github/workflows/*.yml`, `.pre-commit-config.yaml`. The one
    walk of plan folders: `rktc validate` (`expand_paths`) and `rktc build` (the batch's
    `plan_outputs`) see the same files.
    """
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += (
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix in PLAN_SUFFIXES
        )
    return sorted(p for p in found if p.is_file())


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; directories give their plans (`plan_files`)."""
    for path in paths:
        if path.is_dir():
            yield from plan_files(path)
        else:
            yield path
