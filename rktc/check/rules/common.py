"""Helpers shared by rules: table labels, indicator occurrences and declarations, name groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from rktc.check.rules.base import Context
from rktc.core.diagnostics import Location
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, SASARAN, TABLE_LABELS, Row
from rktc.plan.hierarchy import Goal, Indicator, Node
from rktc.plan.names import Clusters
from rktc.plan.schema2 import LEVEL_LABELS

Loc = tuple[str | int, ...]
INDICATOR_TABLES = (INDIKATOR, PROGRAM, RKT, APBN)
# A published hierarchical matrix (`tabel.matriks`), where rules compare it with the tables.
MATRIX = "matriks"
MATRIX_LABEL = "matriks berjenjang (tabel.matriks)"


def level_label(level: str) -> str:
    """How a finding names a level (or `indikator`, `sasaran`) in a sentence: `program`,
    `sub kegiatan`, `KRO`."""
    label = LEVEL_LABELS.get(level, level)
    return label if label.isupper() else label.lower()


def table_label(kind: str) -> str:
    """How findings name a table of the document, the hierarchical matrix included."""
    return TABLE_LABELS.get(kind, MATRIX_LABEL)


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
    """The rows of the tables `kinds`, in order (listed once per check run: the rules
    that compare the published tables ask for them a dozen times)."""
    key = "rows:" + ",".join(kinds)
    cached: list[Occurrence] | None = ctx.cache.get(key)
    if cached is None:
        cached = [
            Occurrence(kind, row)
            for kind in kinds
            if (table := ctx.document.table(kind)) is not None
            for row in table.all_rows()
        ]
        ctx.cache[key] = cached
    return iter(cached)


def indicator_rows(ctx: Context) -> list[Occurrence]:
    """Rows that name an indicator, in every table that has an indicator column."""
    cached = ctx.cache.get("indicator_rows")
    if cached is None:
        cached = [occ for occ in rows_of(ctx) if occ.row.indikator]
        ctx.cache["indicator_rows"] = cached
    return list(cached)


def clusters(ctx: Context, field: str) -> Clusters:
    """Name groups for one column (`indikator`, `sasaran`, `kegiatan`, `program`).

    Groups made ahead of the check (`prepared_names`, in a second process while the
    schema was read) are used when they are of the same texts, met in the same order."""
    key = "clusters:" + field
    if key not in ctx.cache:
        prepared: Clusters | None = ctx.cache.pop(PREPARED + field, None)
        counts = Counter(texts_of(ctx, field))
        same = prepared.recounted(counts) if prepared is not None else None
        ctx.cache[key] = same if same is not None else Clusters(counts.elements())
    found: Clusters = ctx.cache[key]
    return found


PREPARED = "prepared:"  # the cache key of name groups made ahead, before the field's name


def prepared_names(data: Any) -> dict[str, Clusters]:
    """The groups of the indicator names of a plan's published KPU tables, made from its
    loaded data as `clusters` makes them from the tables: the texts in the same order
    (`texts_of`: table by table, each table's rows, then its groups' rows). Nothing for a
    plan with a published matrix (its indicators are read from the hierarchy) or none of
    these tables. `clusters` checks them against the tables before it uses them."""
    tabel = data.get("tabel") if isinstance(data, dict) else None
    if not isinstance(tabel, dict) or "matriks" in tabel:
        return {}
    texts: list[str] = []
    for kind in INDICATOR_TABLES:
        for entry in tabel.get(kind) or ():
            rows = entry.get("baris") if kind in (PROGRAM, APBN) else [entry]
            for row in rows if isinstance(rows, list) else ():
                name = row.get("indikator") if isinstance(row, dict) else None
                if isinstance(name, str) and name:
                    texts.append(name)
    return {"indikator": Clusters(texts)} if texts else {}


def made_clusters(ctx: Context, field: str) -> Clusters | None:
    """The name groups of `field` if a rule has made them already (else None)."""
    found: Clusters | None = ctx.cache.get("clusters:" + field)
    return found


def name_tables(ctx: Context) -> tuple[str, ...]:
    """Tables whose names are written by the planner: all of them when published; when
    derived, every table repeats the declarations, so the sasaran list and the matrix
    (one row per kegiatan and indicator) hold each written name."""
    return (SASARAN, *INDICATOR_TABLES) if ctx.document.literal else (SASARAN, RKT)


def texts_of(ctx: Context, field: str) -> Iterator[str]:
    if field == "program":  # a program is named once per table, not once per row
        if not ctx.document.literal:
            yield from (n.nama for n in ctx.hierarchy.nodes() if n.level == "program")
            return
        for kind in (PROGRAM, APBN):
            table = ctx.document.table(kind)
            yield from (group.program for group in (table.groups if table else []))
        return
    for occ in rows_of(ctx, name_tables(ctx)):
        value = getattr(occ.row, field)
        if value:
            yield value
    if field == "indikator" and ctx.document.literal:  # a matrix's indicators are compared too
        yield from (occ.row.indikator or "" for occ in matrix_rows(ctx))


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


@dataclass(slots=True)
class Declared:
    """An indicator where it is written, with the node or goal that lists it.

    `owner` is None for a row of a published table (BAB II B, the matrices), whose
    `anggaran` is the row's own."""

    indicator: Indicator
    owner: Node | Goal | None
    anggaran: Decimal | None = None
    anggaran_at: Loc | None = None  # where that money is written


def declared(ctx: Context) -> list[Declared]:
    """Every indicator as written, once per place: the declarations of every level
    (tujuan, sasaran, program ... sub kegiatan or RO; a `ref:` is not a declaration), the
    rows of a published matrix, and the rows of the published tables (format 1 shape).

    Computed once per check run and shared by the rules that read it."""
    cached: list[Declared] | None = ctx.cache.get("declared")
    if cached is None:
        cached = ctx.cache["declared"] = list(_declared(ctx))
    return cached


def _declared(ctx: Context) -> Iterator[Declared]:
    if ctx.document.literal:
        for occ in indicator_rows(ctx):
            row = occ.row
            paths = {
                "nama": row.path("indikator"),
                "satuan": row.path("satuan"),
                "target": row.path("target"),
            }
            ind = Indicator(row.indikator or "", row.satuan, row.target, paths["nama"], paths=paths)
            yield Declared(ind, None, row.anggaran, row.path("anggaran"))
    for owner, use in ctx.hierarchy.indicator_uses():
        if use.is_reference:
            continue
        if isinstance(owner, Node):
            where = owner.at("anggaran" if owner.leaf else "pagu")
            yield Declared(use.indicator, owner, money_of(owner), where)
        else:
            yield Declared(use.indicator, owner)


def money_of(node: Node) -> Decimal | None:
    """A node's money as written or as it adds up: a leaf's anggaran, a parent's stated pagu,
    else the sum of its leaves (None when no leaf under it has any)."""
    if node.leaf:
        return node.anggaran
    if node.pagu is not None:
        return node.pagu
    return node.total() if node.has_money() else None


def matrix_rows(ctx: Context) -> list[Occurrence]:
    """The indicators of a published matrix as rows of a table named MATRIX, for the rules
    that compare an indicator's target and satuan between tables."""
    cached: list[Occurrence] | None = ctx.cache.get("matrix_rows")
    if cached is not None:
        return cached
    cached = []
    hierarchy = ctx.hierarchy
    if hierarchy.published:
        for node in hierarchy.nodes():
            for use in node.indicators:
                ind = use.indicator
                paths = {
                    "row": node.path,
                    "indikator": ind.at("nama"),
                    "satuan": ind.at("satuan"),
                    "target": ind.at("target"),
                }
                row = Row(
                    None,
                    paths,
                    kegiatan=node.nama,
                    indikator=ind.nama,
                    satuan=ind.satuan,
                    target=ind.target,
                )
                cached.append(Occurrence(MATRIX, row))
    ctx.cache["matrix_rows"] = cached
    return cached
