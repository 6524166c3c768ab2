"""Run the consistency rules over a valid plan, honouring selection and suppressions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rktc.check.rules import all_rules
from rktc.check.rules.base import Context
from rktc.check.rules.common import PREPARED
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import msg
from rktc.plan.document import Document
from rktc.plan.load import SourceMap
from rktc.plan.names import Clusters
from rktc.plan.schema import Pemeriksaan
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.validate import UnreadablePart

SUPPRESSION = re.compile(r"#\s*rktc:\s*ignore\[([^\]]*)\]")
UNUSED_SUPPRESSION = "RKT090"


@dataclass(frozen=True)
class Selection:
    """Which rule codes run: `select` and `ignore` hold codes or prefixes (RKT2, RKT201)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, code: str) -> bool:
        chosen = not self.select or any(code.startswith(p) for p in self.select)
        return chosen and not any(code.startswith(p) for p in self.ignore)

    def merged_with(self, select: Iterable[str], ignore: Iterable[str]) -> Selection:
        """Add a plan's own choices: its select narrows only when none was given here."""
        return Selection(
            self.select or tuple(s.upper() for s in select),
            self.ignore + tuple(i.upper() for i in ignore),
        )


def run_rules(
    plan: Plan,
    document: Document,
    source: SourceMap,
    selection: Selection,
    text: str = "",
    *,
    partial: bool = False,
    expensive: bool | None = None,
    prepared: dict[str, Clusters] | None = None,
) -> list[Diagnostic]:
    """Every enabled rule's findings (with `expensive` given: only the rules that are, or
    are not, marked expensive; the two halves together are every rule).

    A `partial` plan lacks the parts that had schema problems, and reading one raises
    UnreadablePart (see rktc.plan.validate): a rule that needs such a part is skipped,
    with none of its findings, so that nothing false is reported. `prepared`: name
    groups made ahead (`prepared_names`), by field, used where they are the tables'.
    """
    choices = _plan_choices(plan)
    if choices is not None:
        selection = selection.merged_with(choices.pilih, choices.abaikan)
    ctx = Context(plan, source, document, text)
    for field, groups in (prepared or {}).items():  # made ahead (see rules.common.clusters)
        ctx.cache[PREPARED + field] = groups
    found: list[Diagnostic] = []
    published = published_tables(document)
    for rule in all_rules():
        if rule.check is None or not selection.enabled(rule.code):
            continue
        if expensive is not None and rule.in_second_process(published) is not expensive:
            continue
        ctx.code, ctx.severity = rule.code, rule.severity
        if not partial:
            found.extend(rule.check(ctx))
            continue
        try:
            found.extend(list(rule.check(ctx)))
        except UnreadablePart:
            continue  # the rule needs a part of the plan that could not be read
    return found


def published_tables(document: Document) -> bool:
    """Whether the plan is its published tables (not a single source); False when its
    tables could not be read (the rules that need them are skipped anyway)."""
    try:
        return document.literal
    except UnreadablePart:
        return False


def _plan_choices(plan: Plan) -> Pemeriksaan | None:
    try:
        return plan.pemeriksaan
    except UnreadablePart:  # unreadable: every rule runs, as with no choices
        return None


def apply_suppressions(
    diagnostics: list[Diagnostic], text: str, path: str, selection: Selection
) -> list[Diagnostic]:
    """Drop rule findings silenced by `# rktc: ignore[CODE]` on their line; flag unused ones."""
    wanted = _suppressions(text)
    if not wanted:
        return diagnostics
    used: set[tuple[int, str]] = set()
    kept = []
    for diag in diagnostics:
        codes = wanted.get(diag.location.line, {})
        hit = next((c for c in codes if diag.code.startswith(c)), None)
        if hit is not None and not diag.is_input_problem:
            used.add((diag.location.line, hit))
        else:
            kept.append(diag)
    for line, codes in wanted.items():
        for code, column in codes.items():
            if (line, code) not in used and selection.enabled(UNUSED_SUPPRESSION):
                kept.append(
                    Diagnostic(
                        UNUSED_SUPPRESSION,
                        Location(path, line, column),
                        msg("check.unused_suppression", code=code),
                        Severity.WARNING,
                        msg("hint.check.unused_suppression"),
                    )
                )
    return kept


def _suppressions(text: str) -> dict[int, dict[str, int]]:
    found: dict[int, dict[str, int]] = {}
    if "ignore[" not in text:  # every plan has "rktc:" (its format version)
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        match = SUPPRESSION.search(line)
        if match:
            codes = [c.strip().upper() for c in match.group(1).split(",") if c.strip()]
            found[number] = {code: match.start() + 1 for code in codes}
    return found
