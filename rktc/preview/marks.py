"""Which rows of the document a finding concerns: the rows whose source holds its line.

Each data row of the HTML edition carries `data-source`, the place in the plan its row
comes from (`program.0.kegiatan.1.indikator.0`). A row concerns a finding when the
finding's line (or the line of a place it relates to) falls inside the value of any of
the row's fields: the row itself, its kegiatan, its anggaran, its sasaran.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rktc.core.diagnostics import Diagnostic, Severity
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, SASARAN, Document, Loc, Row
from rktc.plan.load import SourceMap

TABLES = (SASARAN, INDIKATOR, PROGRAM, RKT, APBN)

Lines = tuple[int, int]  # first and last line, counted from 1


def source_key(path: Loc) -> str:
    """How a row's place in the plan is written in `data-source`."""
    return ".".join(map(str, path))


def _lines(source: SourceMap, text: list[str], path: Loc) -> Lines:
    where = source.value(path)
    first, last = where.line, where.end_line or where.line
    if last > first:
        # A block mapping or sequence ends where the next token starts: on a later line,
        # after its indentation (or at column 1). Comments and blank lines before it are
        # not part of it either.
        end = text[last - 1] if last <= len(text) else ""
        if not end[: (where.end_column or 1) - 1].strip():
            last -= 1
        while last > first and (not text[last - 1].strip() or text[last - 1].lstrip()[0] == "#"):
            last -= 1
    return first, last


def _rows(document: Document) -> Iterator[Row]:
    for kind in TABLES:
        table = document.table(kind)
        if table is not None:
            yield from table.all_rows()


def row_lines(document: Document, source: SourceMap, text: str) -> dict[str, list[Lines]]:
    """For each row's `data-source`, the line ranges of its fields in the plan `text`."""
    lines = text.splitlines()
    found: dict[str, list[Lines]] = {}
    for row in _rows(document):
        key = source_key(row.paths["row"])
        if key not in found:
            found[key] = sorted({_lines(source, lines, p) for p in row.paths.values()})
    return found


def _finding_lines(diag: Diagnostic) -> set[int]:
    lines = {diag.location.line}
    lines.update(r.location.line for r in diag.related if r.location.path == diag.location.path)
    return lines


@dataclass
class Marks:
    """The rows each finding concerns, and each concerned row's gravest severity."""

    of_finding: list[list[str]] = field(default_factory=list)  # `data-source`s, per finding
    rows: dict[str, Severity] = field(default_factory=dict)


def mark_rows(
    diagnostics: Sequence[Diagnostic], document: Document, source: SourceMap, text: str
) -> Marks:
    """Which rows the findings in `source`'s file concern (none for findings elsewhere)."""
    marks = Marks()
    if not diagnostics:
        return marks
    by_line: dict[int, list[str]] = {}  # line -> rows that hold it, in document order
    order: dict[str, int] = {}
    for key, spans in row_lines(document, source, text).items():
        order[key] = len(order)
        for line in {n for first, last in spans for n in range(first, last + 1)}:
            by_line.setdefault(line, []).append(key)
    for diag in diagnostics:
        keys: list[str] = []
        if diag.location.path == source.path:
            found = {key for line in _finding_lines(diag) for key in by_line.get(line, ())}
            keys = sorted(found, key=order.__getitem__)
        marks.of_finding.append(keys)
        for key in keys:
            if marks.rows.get(key) is not Severity.ERROR:
                marks.rows[key] = diag.severity
    return marks
