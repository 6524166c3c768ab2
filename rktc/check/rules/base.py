"""What a rule is, and the registry that holds them all.

A rule is a function that receives a `Context` (the valid plan, its source
positions and the derived tables) and yields diagnostics through
`ctx.report(...)`, so a rule never builds a location or names itself. Its
docstring is its user documentation: a one-line summary, then sections
`## Why is this bad?`, `## Example`, `## Use instead` and `## Fix` (the two
YAML snippets are run by tests/test_rule_examples.py). Its texts, in Indonesian
and English, are given to the decorator: `@rule(..., messages={key: (id, en)})`
adds them to the one catalog (rktc/core/messages.py) when the module is imported.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rktc.core.diagnostics import Diagnostic, Location, Related, Severity
from rktc.core.messages import Message, Texts, define_messages
from rktc.plan.hierarchy import Hierarchy, hierarchy_of
from rktc.plan.validate import UnreadablePart

if TYPE_CHECKING:
    from rktc.plan.document import Document
    from rktc.plan.load import SourceMap
    from rktc.plan.schema2 import AnyPlan as Plan

CheckFunction = Callable[["Context"], Iterator[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: CheckFunction | None  # None for input problems found while loading
    configurable: bool = True
    messages: tuple[str, ...] = ()  # the catalog keys this rule defines
    # For a large plan the engine runs these rules in a second process while this one
    # runs the rest (rktc.pipeline.compile.check): the name groups (RKT502) and the rules
    # that compare the published tables (RKT107, RKT201-RKT204), which share the groups of
    # indicator names. PUBLISHED: with them on a plan of published tables only, where
    # the rule groups names too (RKT108), and here on a single source, where it is cheap.
    # The two halves then take about as long on either kind of plan.
    expensive: bool | str = False

    def in_second_process(self, published: bool) -> bool:
        """Whether this rule is one of the half the second process runs."""
        return self.expensive is True or (self.expensive == PUBLISHED and published)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


REGISTRY: dict[str, Rule] = {}


PUBLISHED = "published"  # see Rule.expensive


def register(rule: Rule) -> Rule:
    if rule.code in REGISTRY:
        raise ValueError(f"rule code {rule.code} is registered twice")
    REGISTRY[rule.code] = rule
    return rule


def rule(
    code: str,
    name: str,
    severity: Severity = Severity.ERROR,
    *,
    messages: Texts | None = None,
    expensive: bool | str = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated check function as rule `code`, with the texts it reports."""

    def decorate(check: CheckFunction) -> CheckFunction:
        texts = messages or {}
        doc = inspect.cleandoc(check.__doc__ or "")
        register(Rule(code, name, severity, doc, check, messages=tuple(texts), expensive=expensive))
        define_messages(f"{code} ({check.__module__})", texts)
        return check

    return decorate


def input_rule(code: str, name: str, doc: str) -> None:
    """Document a problem found while reading the file; it cannot be switched off."""
    register(Rule(code, name, Severity.ERROR, inspect.cleandoc(doc), None, configurable=False))


class Context:
    """What a rule sees: the plan, where things are in the file, and the document's tables."""

    def __init__(self, plan: Plan, source: SourceMap, document: Document, text: str = "") -> None:
        self.plan = plan
        self.source = source
        self.document = document
        self.text = text
        self.code = ""
        self.severity = Severity.ERROR
        self.cache: dict[str, Any] = {}  # shared results of helpers (see rules/common.py)

    @property
    def hierarchy(self) -> Hierarchy:
        """The plan's program hierarchy, the same for every kind of office (read once)."""
        found = self.cache.get("hierarchy")
        if found is None:
            found = self.cache["hierarchy"] = hierarchy_of(self.plan)
        return found

    def at(self, loc: tuple[Any, ...]) -> Location:
        return self.source.value(loc)

    def readable(self, part: str) -> bool:
        """Whether the plan's top-level `part` could be read.

        Only a partial plan (one with schema problems) lacks parts. A rule that checks
        several independent facts asks this to check those it can; a rule that simply
        reads a missing part is skipped whole by the engine.
        """
        try:
            getattr(self.plan, part)
        except UnreadablePart:
            return False
        return True

    def report(
        self,
        where: Location | tuple[Any, ...],
        message: Message,
        *,
        hint: Message | None = None,
        related: list[tuple[Location, Message]] | None = None,
    ) -> Diagnostic:
        location = where if isinstance(where, Location) else self.at(where)
        return Diagnostic(
            self.code,
            location,
            message,
            self.severity,
            hint,
            tuple(Related(loc, text) for loc, text in related or ()),
        )
