"""Which rows of the document a finding concerns: the rows whose source holds its line.

Each data row of the HTML edition carries `data-source`, the place in the plan its row
comes from (`program.0.kegiatan.1.indikator.0`, `RowView.source`). The rows that can be
marked are those of the tables the document's outline prints (its `table` and
`captioned_tables` blocks), whatever the layout. A row concerns a finding when the
finding's line (or the line of a place it relates to) falls inside the value of any of
the row's fields, in any of the document's tables: the row itself, its kegiatan, its
anggaran, its sasaran.

A row of a matrix of the hierarchy (a program, kegiatan, sub kegiatan, KRO, RO) names the
node itself (`program.0.kegiatan.1`): it concerns the findings on the node's own lines,
its kode, nama, anggaran or pagu, indicators and Renja attributes, but not those of the
nodes under it that have rows of their own (a finding on a sub kegiatan marks that sub
kegiatan, not its kegiatan and program). Each line of the plan belongs to the deepest
printed row whose place holds it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.plan.document import Document, Loc, Row
from rktc.plan.load import SourceMap
from rktc.render.outline import CAPTIONED_TABLES, TABLE, Outline, source_value
from rktc.render.view import DocumentView, TableView

Lines = tuple[int, int]  # first and last line, counted from 1


def source_key(path: Loc) -> str:
    """How a row's place in the plan is written in `data-source`."""
    return ".".join(map(str, path))


def key_path(key: str) -> Loc:
    """The place a `data-source` names: `program.0.kegiatan.1` -> ("program", 0, ...)."""
    return tuple(int(part) if part.isdigit() else part for part in key.split("."))


def _lines(source: SourceMap, text: list[str], path: Loc) -> Lines:
    return _span_lines(source.value(path), text)


def _span_lines(where: Location, text: list[str]) -> Lines:
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


def printed_rows(view: DocumentView, outline: Outline) -> list[str]:
    """The `data-source` of each data row the outline's tables print, in reading order,
    once each (an indicator prints in several tables). Paged-only sections are left out,
    as the HTML edition leaves them out."""
    keys: dict[str, None] = {}
    for _, section in outline.sections():
        if section.paged_only:
            continue
        for block in section.blocks:
            tables: list[TableView]
            if block.kind == TABLE:
                tables = [source_value(view, block.source)]
            elif block.kind == CAPTIONED_TABLES:
                tables = [table for _, table in source_value(view, block.source)]
            else:
                continue
            for table in tables:
                keys.update(dict.fromkeys(row.source for row in table.rows if row.source))
    return list(keys)


def _rows(document: Document) -> Iterator[Row]:
    """Every row of every table the document has (or derives)."""
    for kind in [*document.tables, *document.makers]:
        table = document.table(kind)
        if table is not None:
            yield from table.all_rows()


def row_lines(
    document: Document, source: SourceMap, text: str, rows: Sequence[str]
) -> dict[str, list[Lines]]:
    """For each printed row's `data-source` in `rows`, the line ranges of its fields in the
    plan `text`: of every field the row has in any of the document's tables."""
    lines = text.splitlines()
    paths: dict[str, set[Loc]] = {key: set() for key in rows}
    for row in _rows(document):
        fields = paths.get(source_key(row.paths["row"]))
        if fields is not None:
            fields.update(row.paths.values())
    found = {key: {_lines(source, lines, path) for path in fields} for key, fields in paths.items()}
    for key, spans in _own_lines(source, lines, rows).items():
        found[key].update(spans)
    return {key: sorted(spans) for key, spans in found.items()}


def _own_lines(source: SourceMap, text: list[str], rows: Sequence[str]) -> dict[str, set[Lines]]:
    """The lines of each row's own place in the plan, without those of the places of other
    printed rows inside it (a kegiatan's sub kegiatan): each line goes to the deepest row
    whose place holds it."""
    spans: list[tuple[int, int, str]] = []
    for key in rows:
        path = key_path(key)
        where = source.value(path)
        if not path or where == source.value(path[:-1]):
            continue  # not in this file (the map gives the nearest place that is)
        first, last = _span_lines(where, text)
        spans.append((first, last, key))
    spans.sort(key=lambda span: (span[0], -span[1]))  # an outer place before the inner ones
    own: dict[str, set[Lines]] = {}
    # the places open at this line: [key, last line, the first line not yet given out]
    open_spans: list[list[Any]] = []

    def close() -> None:
        key, last, cursor = open_spans.pop()
        if cursor <= last:
            own.setdefault(key, set()).add((cursor, last))
        if open_spans:  # the outer place goes on after this one
            open_spans[-1][2] = max(open_spans[-1][2], last + 1)

    for first, last, key in spans:
        while open_spans and open_spans[-1][1] < first:
            close()
        if open_spans:
            outer = open_spans[-1]
            if outer[2] < first:
                own.setdefault(outer[0], set()).add((outer[2], first - 1))
            outer[2] = max(outer[2], first)
        open_spans.append([key, last, first])
    while open_spans:
        close()
    return own


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
    diagnostics: Sequence[Diagnostic],
    document: Document,
    source: SourceMap,
    text: str,
    rows: Sequence[str],
) -> Marks:
    """Which of the printed `rows` (see `printed_rows`) the findings in `source`'s file
    concern (none for findings elsewhere)."""
    marks = Marks()
    if not diagnostics:
        return marks
    # only the lines the findings name are looked up: a plan has far more lines than findings
    wanted = sorted(
        {line for d in diagnostics if d.location.path == source.path for line in _finding_lines(d)}
    )
    by_line: dict[int, list[str]] = {}  # line -> rows that hold it, in document order
    order: dict[str, int] = {}
    for key, spans in row_lines(document, source, text, rows).items():
        order[key] = len(order)
        held = {
            line
            for first, last in spans
            for line in wanted[bisect_left(wanted, first) : bisect_right(wanted, last)]
        }
        for line in held:
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
