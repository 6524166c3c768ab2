"""Which rows of the document a finding concerns: the rows whose source holds its line.

Each data row of the HTML edition carries `data-source`, the place in the plan its row
comes from (`program.0.kegiatan.1.indikator.0`, `RowView.source`). The rows that can be
marked are those of the tables the document's outline prints (its `table` and
`captioned_tables` blocks), whatever the layout. A row concerns a finding when the
finding's line (or the line of a place it relates to) falls inside the value of any of
the row's fields, in any of the document's tables: the row itself, its kegiatan, its
anggaran, its sasaran.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rktc.core.diagnostics import Diagnostic, Severity
from rktc.plan.document import Document, Loc, Row
from rktc.plan.load import SourceMap
from rktc.render.outline import CAPTIONED_TABLES, TABLE, Outline, source_value
from rktc.render.view import DocumentView, TableView

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
    return {
        key: sorted({_lines(source, lines, path) for path in fields})
        for key, fields in paths.items()
    }


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
    by_line: dict[int, list[str]] = {}  # line -> rows that hold it, in document order
    order: dict[str, int] = {}
    for key, spans in row_lines(document, source, text, rows).items():
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
