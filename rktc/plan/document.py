"""The document's tables, as rows that remember where each value came from.

A single-source plan derives every table from `sasaran` and `program`; a plan
written as published (`tabel`) gives them literally. Both become the same
`Document`, which the checker compares and the renderers print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rktc.plan.hierarchy import Hierarchy, Indicator, Node, hierarchy_of
from rktc.plan.schema import MatrixRow, ProgramTable
from rktc.plan.values import Target

Loc = tuple[str | int, ...]

SASARAN = "sasaran"
INDIKATOR = "indikator"
PROGRAM = "program"
RKT = "rkt"
APBN = "apbn"

# How findings name each table: where it stands in the document and what it lists.
TABLE_LABELS = {
    SASARAN: "BAB II A (sasaran)",
    INDIKATOR: "BAB II B (indikator kinerja)",
    PROGRAM: "BAB II C (tabel program)",
    RKT: "matriks RKT",
    APBN: "matriks APBN",
}


@dataclass
class Row:
    """One printed row; `paths` maps each field to its place in the plan."""

    no: int | None
    paths: Mapping[str, Loc]
    sasaran: str | None = None
    kegiatan: str | None = None
    indikator: str | None = None
    satuan: str | None = None
    target: Target | None = None
    anggaran: Decimal | None = None
    program: str | None = None
    indicator_id: int | None = None  # identity of the declaration (derived tables only)

    def path(self, name: str) -> Loc:
        return self.paths.get(name) or self.paths["row"]


@dataclass
class Group:
    """Rows printed under one program heading (a section C table or an APBN group)."""

    program: str
    path: Loc
    rows: list[Row] = field(default_factory=list)
    no: int | None = None
    jumlah: Decimal | None = None  # the total printed under it (published tables only)


@dataclass
class Table:
    kind: str
    path: Loc
    rows: list[Row] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    jumlah: Decimal | None = None  # the total printed under it (published tables only)

    def all_rows(self) -> list[Row]:
        return self.rows + [row for group in self.groups for row in group.rows]


@dataclass
class Document:
    """The document's tables; derived ones are made on first use (validation needs few)."""

    literal: bool
    tables: dict[str, Table]
    makers: dict[str, Callable[[], Table]] = field(default_factory=dict)

    def table(self, kind: str) -> Table | None:
        if kind not in self.tables and kind in self.makers:
            self.tables[kind] = self.makers.pop(kind)()
        return self.tables.get(kind)


def build_document(plan: Any) -> Document:
    """The tables of a plan of either format: as published (`tabel`), else derived."""
    if plan.tabel is not None:
        return _literal_document(plan)
    return _derived_document(plan)


# --- literal (as published) -------------------------------------------------------------------


def _literal_document(plan: Any) -> Document:
    tabel = plan.tabel
    assert tabel is not None
    base: Loc = ("tabel",)
    tables: dict[str, Table] = {}
    if tabel.sasaran:
        tables[SASARAN] = Table(
            SASARAN,
            (*base, SASARAN),
            [
                Row(r.no, _paths((*base, SASARAN, i), ("no", "sasaran")), sasaran=r.sasaran)
                for i, r in enumerate(tabel.sasaran)
            ],
        )
    if tabel.indikator:
        tables[INDIKATOR] = Table(
            INDIKATOR,
            (*base, INDIKATOR),
            [
                Row(
                    r.no,
                    _paths(
                        (*base, INDIKATOR, i), ("no", "indikator", "satuan", "target", "anggaran")
                    ),
                    indikator=r.indikator,
                    satuan=r.satuan,
                    target=r.target,
                    anggaran=r.anggaran,
                )
                for i, r in enumerate(tabel.indikator)
            ],
        )
    if tabel.program:
        tables[PROGRAM] = Table(
            PROGRAM, (*base, PROGRAM), groups=_literal_groups(tabel.program, (*base, PROGRAM))
        )
    if tabel.rkt:
        tables[RKT] = Table(
            RKT,
            (*base, RKT),
            [_matrix_row(r, (*base, RKT, i), None) for i, r in enumerate(tabel.rkt)],
        )
    if tabel.apbn:
        tables[APBN] = Table(APBN, (*base, APBN), groups=_literal_groups(tabel.apbn, (*base, APBN)))
    stated = tabel.jumlah
    for kind, table in tables.items() if stated is not None else ():
        table.jumlah = getattr(stated, kind, None)
    return Document(literal=True, tables=tables)


def _literal_groups(tables: list[ProgramTable], base: Loc) -> list[Group]:
    groups = []
    for g, table in enumerate(tables):
        path = (*base, g)
        rows = [
            _matrix_row(r, (*path, "baris", i), table.program) for i, r in enumerate(table.baris)
        ]
        groups.append(Group(table.program, path, rows, table.no, table.jumlah))
    return groups


def _matrix_row(row: MatrixRow, path: Loc, program: str | None) -> Row:
    names = ("no", "sasaran", "kegiatan", "indikator", "satuan", "target", "anggaran")
    return Row(
        row.no,
        _paths(path, names),
        sasaran=row.sasaran,
        kegiatan=row.kegiatan,
        indikator=row.indikator,
        satuan=row.satuan,
        target=row.target,
        anggaran=row.anggaran,
        program=program,
    )


def _paths(row_path: Loc, names: tuple[str, ...]) -> Mapping[str, Loc]:
    return _FieldPaths(row_path, names)


class _FieldPaths(Mapping[str, Loc]):
    """A published row's places: `row`, and each field `name` at `(*row, name)`; made
    when asked for (a 10,000-row plan has 300,000 of them, and findings ask for few)."""

    __slots__ = ("names", "row")

    def __init__(self, row: Loc, names: tuple[str, ...]) -> None:
        self.row, self.names = row, names

    def __getitem__(self, name: str) -> Loc:
        if name == "row":
            return self.row
        if name in self.names:
            return (*self.row, name)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(("row", *self.names))

    def __len__(self) -> int:
        return 1 + len(self.names)


# --- derived (single source) ------------------------------------------------------------------


@dataclass
class Occurrence:
    """An indicator as it serves one leaf (a kegiatan of a KPU plan): one row of the matrices."""

    program_index: int
    leaf: Node
    program: Node
    indicator: Indicator
    indicator_path: Loc
    entry_path: Loc
    first_of_kegiatan: bool


def declared_indicators(plan: Any) -> dict[str, tuple[Indicator, Loc]]:
    """Indicators that carry an `id`, for resolving `ref:` entries (first declaration wins)."""
    found: dict[str, tuple[Indicator, Loc]] = {}
    for _, use in hierarchy_of(plan).indicator_uses():
        ind = use.indicator
        if ind.id and not use.is_reference and ind.id not in found:
            found[ind.id] = (ind, ind.path)
    return found


def _programs(hierarchy: Hierarchy) -> list[Node]:
    """The nodes at the program level (under urusan and bidang urusan where a plan has them)."""
    return [node for node in hierarchy.nodes() if node.level == "program"]


def occurrences(plan: Any, hierarchy: Hierarchy | None = None) -> list[Occurrence]:
    """Every (leaf, indicator) pair in plan order; unresolved `ref:`s are left out."""
    result = []
    for p, program in enumerate(_programs(hierarchy or hierarchy_of(plan))):
        for leaf in program.walk():
            if not leaf.leaf:
                continue
            first = True
            for use in leaf.indicators:
                ind = use.indicator
                result.append(Occurrence(p, leaf, program, ind, ind.path, use.entry_path, first))
                first = False
    return result


def _derived_document(plan: Any) -> Document:
    hierarchy = hierarchy_of(plan)
    sasaran_index = {s.id: (s, i) for i, s in enumerate(hierarchy.sasaran)}
    made: list[tuple[list[Occurrence], list[Row]]] = []

    def leaf_rows() -> tuple[list[Occurrence], list[Row]]:
        """Every indicator of a leaf as a row, made once for the four tables that print
        them, and only when one of them is asked for (validation asks for none)."""
        if not made:
            occ = occurrences(plan, hierarchy)
            made.append((occ, [_derived_row(o, sasaran_index) for o in occ]))
        return made[0]

    def grouped(kind: str) -> Table:
        occ, rows = leaf_rows()
        return Table(kind, (PROGRAM,), groups=_program_groups(_programs(hierarchy), rows, occ))

    makers: dict[str, Callable[[], Table]] = {
        SASARAN: lambda: Table(
            SASARAN,
            (SASARAN,),
            [
                Row(i + 1, {"row": (SASARAN, i), "sasaran": s.path}, sasaran=s.nama)
                for i, s in enumerate(hierarchy.sasaran)
            ],
        ),
        INDIKATOR: lambda: Table(INDIKATOR, (PROGRAM,), _indicator_rows(leaf_rows()[1])),
        PROGRAM: lambda: grouped(PROGRAM),
        RKT: lambda: Table(RKT, (PROGRAM,), _numbered(leaf_rows()[1])),
        APBN: lambda: grouped(APBN),
    }
    return Document(literal=False, tables={}, makers=makers)


def _derived_row(o: Occurrence, sasaran_index: dict[str | None, Any]) -> Row:
    ind = o.indicator
    leaf = o.leaf
    found = sasaran_index.get(ind.sasaran) if ind.sasaran else None
    paths: dict[str, Loc] = {
        "row": o.entry_path,
        "kegiatan": leaf.at("nama"),
        "indikator": ind.at("nama"),
        "satuan": ind.at("satuan"),
        "target": ind.at("target"),
        "anggaran": leaf.at("anggaran"),
        "sasaran": found[0].path if found else ind.at("sasaran"),
    }
    return Row(
        None,
        paths,
        sasaran=found[0].nama if found else None,
        kegiatan=leaf.nama,
        indikator=ind.nama,
        satuan=ind.satuan,
        target=ind.target,
        anggaran=leaf.anggaran if o.first_of_kegiatan else None,
        program=o.program.nama,
        indicator_id=id(ind),
    )


def _numbered(rows: list[Row], start: int = 1) -> list[Row]:
    return [_renumber(row, n) for n, row in enumerate(rows, start=start)]


def _renumber(row: Row, no: int) -> Row:
    return Row(
        no,
        row.paths,
        row.sasaran,
        row.kegiatan,
        row.indikator,
        row.satuan,
        row.target,
        row.anggaran,
        row.program,
        row.indicator_id,
    )


def _indicator_rows(rows: list[Row]) -> list[Row]:
    """Section B: one row per indicator; the anggaran of each kegiatan counts once."""
    merged: dict[int | None, Row] = {}
    for row in rows:
        seen = merged.get(row.indicator_id)
        if seen is None:
            merged[row.indicator_id] = _renumber(row, len(merged) + 1)
        elif row.anggaran is not None:
            seen.anggaran = (seen.anggaran or Decimal(0)) + row.anggaran
    return list(merged.values())


def _program_groups(programs: list[Node], rows: list[Row], occ: list[Occurrence]) -> list[Group]:
    groups = [Group(p.nama, p.path, no=i + 1) for i, p in enumerate(programs)]
    for row, o in zip(rows, occ, strict=True):
        group = groups[o.program_index]
        group.rows.append(_renumber(row, len(group.rows) + 1))
    return groups
