"""Helpers shared by rules: table labels, indicator occurrences, name groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from rktc.check.rules.base import Context
from rktc.core.diagnostics import Location
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, SASARAN, Row
from rktc.plan.names import Clusters, words

INDICATOR_TABLES = (INDIKATOR, PROGRAM, RKT, APBN)


class Occurrence(NamedTuple):
    """A row of one of the document's tables, with the table it belongs to.

    A named tuple: rules make one per row of every table (60,000 for a plan of 10,000
    indicators), and a frozen dataclass costs about twice as much to make.
    """

    table: str
    row: Row

    def at(self, ctx: Context, field: str) -> Location:
        return ctx.at(self.row.path(field))


def rows_of(ctx: Context, kinds: tuple[str, ...] = INDICATOR_TABLES) -> Iterator[Occurrence]:
    for kind in kinds:
        table = ctx.document.table(kind)
        if table is not None:
            for row in table.all_rows():
                yield Occurrence(kind, row)


def indicator_rows(ctx: Context) -> list[Occurrence]:
    """Rows that name an indicator, in every table that has an indicator column."""
    cached = ctx.cache.get("indicator_rows")
    if cached is None:
        cached = [occ for occ in rows_of(ctx) if occ.row.indikator]
        ctx.cache["indicator_rows"] = cached
    return list(cached)


def clusters(ctx: Context, field: str) -> Clusters:
    """Name groups for one column (`indikator`, `sasaran`, `kegiatan`, `program`)."""
    key = "clusters:" + field
    if key not in ctx.cache:
        ctx.cache[key] = Clusters(texts_of(ctx, field))
    found: Clusters = ctx.cache[key]
    return found


def name_tables(ctx: Context) -> tuple[str, ...]:
    """Tables whose names are written by the planner: all of them when published; when
    derived, every table repeats the declarations, so the sasaran list and the matrix
    (one row per kegiatan and indicator) hold each written name."""
    return (SASARAN, *INDICATOR_TABLES) if ctx.document.literal else (SASARAN, RKT)


def texts_of(ctx: Context, field: str) -> Iterator[str]:
    if field == "program":  # a program is named once per table, not once per row
        if not ctx.document.literal:
            yield from (program.nama for program in ctx.plan.program)
            return
        for kind in (PROGRAM, APBN):
            table = ctx.document.table(kind)
            yield from (group.program for group in (table.groups if table else []))
        return
    for occ in rows_of(ctx, name_tables(ctx)):
        value = getattr(occ.row, field)
        if value:
            yield value


def word_frequency(ctx: Context) -> Counter[str]:
    """How often each word occurs in all the names of the document (a spelling reference)."""
    if "word_frequency" not in ctx.cache:
        counts: Counter[str] = Counter()
        for field in ("indikator", "sasaran", "kegiatan", "program"):
            for text in texts_of(ctx, field):
                counts.update(words(text))
        ctx.cache["word_frequency"] = counts
    found: Counter[str] = ctx.cache["word_frequency"]
    return found


def tables_present(ctx: Context, kinds: tuple[str, ...] = INDICATOR_TABLES) -> list[str]:
    return [k for k in kinds if (t := ctx.document.table(k)) is not None and t.all_rows()]


def renamed_indicators(ctx: Context) -> set[tuple[str, str]]:
    """(table, indicator group) pairs where the table has the indicator's budget line under
    another indicator name: the same anggaran, a different indicator (RKT204 reports it)."""
    if "renamed" in ctx.cache:
        found: set[tuple[str, str]] = ctx.cache["renamed"]
        return found
    groups = clusters(ctx, "indikator")
    by_amount: dict[object, list[tuple[str, str]]] = {}
    for occ in indicator_rows(ctx):
        if occ.row.anggaran:
            by_amount.setdefault(occ.row.anggaran, []).append(
                (occ.table, groups.group(occ.row.indikator or ""))
            )
    renamed: set[tuple[str, str]] = set()
    for rows in by_amount.values():
        tables = {table for table, _ in rows}
        names = {name for _, name in rows}
        if len(tables) < 2 or len(names) < 2:
            continue
        for table in tables:
            here = {name for t, name in rows if t == table}
            renamed.update((table, name) for name in names - here)
    ctx.cache["renamed"] = renamed
    return renamed
