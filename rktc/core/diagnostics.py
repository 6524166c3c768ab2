"""Problems found in a plan: where they are, what they are, how to fix them.

A user's mistake is a `Diagnostic`, collected and reported with all the others;
nothing here prints. Messages are `Message` objects rendered in the reader's
language at the edge (see `rktc.core.messages`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from rktc.core.messages import Message

# Codes of problems found while reading a file and checking its schema (docs/rules.md).
INPUT_PROBLEM_PREFIX = "RKT0"


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Location(NamedTuple):
    """A place in a file; lines and columns count from 1.

    A named tuple rather than a dataclass: the loader makes one for every node of a
    plan (over 100,000 for a large one), and tuples are several times cheaper to make.
    """

    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Related:
    """Another place that takes part in a finding (the other side of a mismatch)."""

    location: Location
    message: Message


@dataclass(frozen=True)
class Diagnostic:
    code: str
    location: Location
    message: Message
    severity: Severity = Severity.ERROR
    hint: Message | None = None
    related: tuple[Related, ...] = field(default=())

    @property
    def is_input_problem(self) -> bool:
        """Found while reading the file or checking it against the schema (RKT0xx).

        Such findings cannot be silenced, and a plan with an input error is not
        well-formed: it is never built, and rules skip the parts it concerns.
        """
        return self.code.startswith(INPUT_PROBLEM_PREFIX)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order by file and position, dropping exact repeats (same code at the same place)."""
    seen: set[tuple[str, Location, str]] = set()
    unique: list[Diagnostic] = []
    for diag in diagnostics:
        key = (diag.code, diag.location, diag.message.key)
        if key not in seen:
            seen.add(key)
            unique.append(diag)
    return sorted(unique, key=lambda d: d.sort_key)
