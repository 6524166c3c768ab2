"""The plan's hierarchy, the same for every kind of office and both plan formats.

A plan file is written in the shape of its office (format 1: program -> kegiatan; format 2:
the levels `schema2.LEVELS` gives its `jenis`), or as a published matrix (`tabel.matriks`).
All of them are read into one tree of `Node`s, each with its level, code, name, indicators
and money, and each remembering where it stands in the file. The rules that hold at every
level (codes under their parent's, pagu against the sum of the children, polarity against
the baseline, ...) and the layouts that print a hierarchical matrix read this tree, never
the plan's models, so they work alike for a KPU, a Pemda and a K/L plan.

Nothing is reinterpreted on the way: a node's `kode` is its text as written, its money the
exact Decimal, and a published total row is kept as a `StatedTotal` beside the rows it sums.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rktc.plan import schema, schema2
from rktc.plan.validate import UnreadablePart
from rktc.plan.values import Target

Loc = tuple[str | int, ...]

NEGATIVE = "negatif"  # lower is better
POSITIVE = "positif"


# Indicator and IndicatorUse are not frozen: a frozen dataclass sets each field through
# object.__setattr__, 4x slower to make (measured: 26 vs 6 ms for 10,000 indicators, and a
# published plan makes one per table row). Nothing changes them once they are read.
@dataclass(slots=True)
class Indicator:
    """An indicator as declared, with the path of its declaration (`...indikator.0`)."""

    nama: str
    satuan: str | None
    target: Target | None
    path: Loc
    id: str | None = None
    sasaran: str | None = None  # id of the sasaran strategis it supports
    polaritas: str = POSITIVE
    kumulatif: bool | None = None
    skala: str | None = None
    target_tampil: str | None = None
    definisi: str | None = None
    formula: str | None = None
    sumber_data: str | None = None
    baseline: Target | None = None
    target_tahunan: Mapping[int, Target] = field(default_factory=dict)
    target_akhir: Target | None = None
    realisasi_tahunan: Mapping[int, Target] = field(default_factory=dict)
    target_triwulan: Mapping[int, Target] = field(default_factory=dict)
    penanggung_jawab: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    paths: Mapping[str, Loc] = field(default_factory=dict)  # published rows: field -> path

    def at(self, name: str) -> Loc:
        """Where one of the indicator's fields is written (`target`, `satuan`, `baseline`)."""
        return self.paths.get(name) or (*self.path, name)

    @property
    def lower_is_better(self) -> bool:
        return self.polaritas == NEGATIVE

    def printed_target(self) -> str:
        """The target as the document prints it."""
        if self.target_tampil:
            return self.target_tampil
        return self.target.text if self.target is not None else ""


@dataclass(slots=True)
class IndicatorUse:
    """An indicator where it is listed: its declaration, or a `ref:` to one (`entry_path`)."""

    indicator: Indicator
    entry_path: Loc

    @property
    def is_reference(self) -> bool:
        return self.entry_path != self.indicator.path


@dataclass(slots=True)
class Node:
    """One program, kegiatan, sub kegiatan, KRO, RO ... of the plan."""

    level: str
    nama: str
    path: Loc
    kode: str | None = None
    sasaran: str | None = None  # this level's own sasaran statement (K/L: sasaran program)
    indicators: list[IndicatorUse] = field(default_factory=list)
    anggaran: Decimal | None = None  # the money of a leaf
    pagu: Decimal | None = None  # the pagu a parent states
    volume: Decimal | None = None  # an RO's volume
    satuan: str | None = None  # an RO's (or KRO's) satuan
    attrs: dict[str, str] = field(default_factory=dict)  # Renja attributes, as written
    pagu_maju: Decimal | None = None  # prakiraan maju: pagu n+1
    extra: dict[str, str] = field(default_factory=dict)  # columns the format does not model
    children: list[Node] = field(default_factory=list)
    leaf: bool = False  # a level that holds money (a leaf even with no children)
    row_paths: dict[str, Loc] = field(default_factory=dict)  # published rows: field -> path

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, depth first, in plan order."""
        pending = [self]  # a stack, not nested generators: one frame however deep
        while pending:
            node = pending.pop()
            yield node
            pending.extend(reversed(node.children))

    def total(self) -> Decimal:
        """The sum of the anggaran of the leaves under this node (its own if a leaf)."""
        if self.leaf:
            return self.anggaran or Decimal(0)
        return sum((child.total() for child in self.children), Decimal(0))

    def has_money(self) -> bool:
        return any(node.anggaran is not None for node in self.walk() if node.leaf)

    def at(self, name: str) -> Loc:
        """Where one of this node's fields is written (`nama`, `kode`, `anggaran` ...)."""
        return self.row_paths.get(name) or (*self.path, name)


@dataclass(frozen=True)
class Goal:
    """A tujuan or a sasaran strategis with its indicators (IKU)."""

    nama: str
    path: Loc
    id: str | None = None
    kode: str | None = None
    indicators: Sequence[IndicatorUse] = ()


@dataclass(frozen=True)
class StatedTotal:
    """A total row as published ("Jumlah"): the amount it states and what it sums."""

    amount: Decimal | None
    path: Loc  # of the amount
    scope: Node | None  # the node whose children it sums; None: the whole plan
    label: str = ""


@dataclass
class Hierarchy:
    kind: str
    levels: tuple[str, ...]
    roots: list[Node]
    tujuan: list[Goal] = field(default_factory=list)
    sasaran: list[Goal] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    published: bool = False  # read from `tabel.matriks`
    references: list[tuple[str, Loc]] = field(default_factory=list)  # every `ref:` and its path
    # Every node in plan order, listed on first use: the rules, the document and the
    # views walk the tree dozens of times (measured: a recursive walk each time was 0.1 s
    # of validating 10,000 RO). A hierarchy is not changed once it is read.
    _order: list[Node] | None = field(default=None, init=False, repr=False, compare=False)

    def nodes(self) -> Iterator[Node]:
        """Every node, depth first, in plan order."""
        if self._order is None:
            self._order = [node for root in self.roots for node in root.walk()]
        return iter(self._order)

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.nodes() if node.leaf)

    def parents(self) -> Iterator[tuple[Node, Node]]:
        """Every (parent, child) pair."""
        for node in self.nodes():
            for child in node.children:
                yield node, child

    def total(self) -> Decimal:
        return sum((root.total() for root in self.roots), Decimal(0))

    def has_money(self) -> bool:
        return any(root.has_money() for root in self.roots)

    def indicator_uses(self) -> Iterator[tuple[Node | Goal, IndicatorUse]]:
        """Every listed indicator with what lists it: goals first, then nodes in order."""
        for goal in (*self.tujuan, *self.sasaran):
            for use in goal.indicators:
                yield goal, use
        for node in self.nodes():
            for use in node.indicators:
                yield node, use

    def leaf_level(self) -> str:
        return self.levels[-1]


# --- reading a plan ----------------------------------------------------------------------------


_last: list[Any] = [None, None]  # the last plan read and its hierarchy


def hierarchy_of(plan: Any) -> Hierarchy:
    """The hierarchy of a plan of either format (from `tabel.matriks` when it is published).

    The document, the rules and the texts all ask for it: the last one made is kept, so a
    plan's hierarchy is read once (measured: 2.2 -> 0.7 s of 4.5 s validating 10,000 RO).
    """
    if _last[0] is plan:
        return _last[1]  # type: ignore[no-any-return]
    found = _hierarchy_of(plan)
    _last[:] = [plan, found]
    return found


def _hierarchy_of(plan: Any) -> Hierarchy:
    if isinstance(plan, schema.Plan):
        return _from_v1(plan)
    kind = plan.jenis
    tabel = plan.tabel
    if tabel is not None and tabel.matriks:
        return _from_matrix(plan, kind)
    resolver = _Resolver()
    tujuan = [_goal(t, ("tujuan", i), resolver) for i, t in enumerate(_readable(plan, "tujuan"))]
    sasaran = [_goal(s, ("sasaran", i), resolver) for i, s in enumerate(plan.sasaran)]
    levels = schema2.LEVELS[kind]
    if kind == "pemda" and plan.urusan:
        roots = [_node(u, ("urusan", i), levels, 0, resolver) for i, u in enumerate(plan.urusan)]
    else:
        start = levels.index("program")
        roots = [
            _node(p, ("program", i), levels, start, resolver) for i, p in enumerate(plan.program)
        ]
    resolver.resolve()
    return Hierarchy(
        kind, levels, roots, tujuan=tujuan, sasaran=sasaran, references=resolver.references
    )


def _readable(plan: Any, part: str) -> list[Any]:
    """A part no table is derived from: a partial plan without it still has its tables."""
    try:
        return list(getattr(plan, part))
    except UnreadablePart:
        return []


_NO_MAPPING: Mapping[Any, Any] = {}


def _indicator(entry: Any, path: Loc) -> Indicator:
    # Fields are read from the model's __dict__: a format 1 indicator lacks most of them,
    # and asking pydantic for a missing attribute costs an exception each time.
    given = entry.__dict__
    return Indicator(
        nama=given["nama"],
        satuan=given["satuan"],
        target=given["target"],
        path=path,
        id=given["id"],
        sasaran=given["sasaran"],
        polaritas=given.get("polaritas", POSITIVE),
        kumulatif=given.get("kumulatif"),
        skala=given.get("skala"),
        target_tampil=given.get("target_tampil"),
        definisi=given.get("definisi"),
        formula=given.get("formula"),
        sumber_data=given.get("sumber_data"),
        baseline=given.get("baseline"),
        target_tahunan=given.get("target_tahunan") or _NO_MAPPING,
        target_akhir=given.get("target_akhir"),
        realisasi_tahunan=given.get("realisasi_tahunan") or _NO_MAPPING,
        target_triwulan=given.get("target_triwulan") or _NO_MAPPING,
        penanggung_jawab=given.get("penanggung_jawab"),
        extra=given.get("kolom") or _NO_MAPPING,
    )


class _Resolver:
    """Indicators by `id` across the whole plan, for `ref:` entries (first declaration wins).

    One pass: declarations are recorded as the tree is built, in plan order, and each
    `ref:` is resolved when the whole plan has been read (a ref may point ahead). Plan
    order is the order of the plan's parts: tujuan, sasaran, then the hierarchy.
    """

    def __init__(self) -> None:
        self.by_id: dict[str, Indicator] = {}
        self.references: list[tuple[str, Loc]] = []
        self._waiting: list[list[IndicatorUse | tuple[str, Loc]]] = []

    def uses(self, entries: list[Any], base: Loc) -> list[IndicatorUse]:
        uses: list[Any] = []
        waiting = False
        for i, entry in enumerate(entries):
            path = (*base, "indikator", i)
            given = entry.__dict__
            if "ref" in given:
                self.references.append((given["ref"], path))
                uses.append((given["ref"], path))
                waiting = True
                continue
            indicator = _indicator(entry, path)
            entry_id = given["id"]
            if entry_id and entry_id not in self.by_id:
                self.by_id[entry_id] = indicator
            uses.append(IndicatorUse(indicator, path))
        if waiting:
            self._waiting.append(uses)
        return uses

    def resolve(self) -> None:
        """Put each `ref:` in its place; an unknown one is left out (a rule reports it)."""
        by_id = self.by_id
        for uses in self._waiting:
            uses[:] = [
                use if isinstance(use, IndicatorUse) else IndicatorUse(by_id[use[0]], use[1])
                for use in uses
                if isinstance(use, IndicatorUse) or use[0] in by_id
            ]


_RENJA = ("lokasi", "sumber_dana", "kelompok_sasaran", "prioritas", "waktu_pelaksanaan")
_NODE_ATTRS = (*_RENJA, "penanggung_jawab")


def _node(model: Any, path: Loc, levels: tuple[str, ...], depth: int, resolver: _Resolver) -> Node:
    level = levels[depth]
    leaf = depth == len(levels) - 1
    given = model.__dict__  # see _indicator: most levels lack most of the optional fields
    node = Node(
        level=level,
        nama=given["nama"],
        path=path,
        kode=given["kode"],
        sasaran=given["sasaran"],
        indicators=resolver.uses(given["indikator"], path) if given["indikator"] else [],
        anggaran=given["anggaran"] if leaf else None,
        pagu=None if leaf else given["pagu"],
        volume=given.get("volume"),
        satuan=given.get("satuan"),
        attrs={name: given[name] for name in _NODE_ATTRS if given.get(name)},
        pagu_maju=given.get("pagu_maju"),
        extra=dict(given["kolom"]) if given["kolom"] else {},
        leaf=leaf,
    )
    if not leaf:
        child_key = levels[depth + 1]
        node.children = [
            _node(child, (*path, child_key, i), levels, depth + 1, resolver)
            for i, child in enumerate(given[child_key])
        ]
    return node


def _goal(model: Any, path: Loc, resolver: _Resolver) -> Goal:
    if isinstance(model, str):  # a tujuan written as text
        return Goal(model, path)
    return Goal(
        model.nama,
        (*path, "nama"),
        id=getattr(model, "id", None),
        kode=getattr(model, "kode", None),
        indicators=resolver.uses(model.indikator, path),
    )


def _from_v1(plan: schema.Plan) -> Hierarchy:
    """A format 1 plan: program -> kegiatan, indicators on the kegiatan, tied to sasaran."""
    resolver = _Resolver()
    roots = []
    for p, program in enumerate(plan.program):
        path: Loc = ("program", p)
        children = [
            Node(
                "kegiatan",
                kegiatan.nama,
                (*path, "kegiatan", k),
                indicators=resolver.uses(kegiatan.indikator, (*path, "kegiatan", k)),
                anggaran=kegiatan.anggaran,
                leaf=True,
            )
            for k, kegiatan in enumerate(program.kegiatan)
        ]
        roots.append(Node("program", program.nama, path, children=children))
    resolver.resolve()
    return Hierarchy(
        "kpu",
        schema2.LEVELS["kpu"],
        roots,
        tujuan=[Goal(t, ("tujuan", i)) for i, t in enumerate(_readable(plan, "tujuan"))],
        sasaran=[Goal(s.nama, ("sasaran", i, "nama"), id=s.id) for i, s in enumerate(plan.sasaran)],
        references=resolver.references,
    )


# --- a published matrix ------------------------------------------------------------------------

_CODE_PARTS = re.compile(r"[.\s]+")
_MATRIX_ATTRS = (*_RENJA, "penanggung_jawab")


def code_depth(kode: str) -> int:
    """How many parts a code has: `1.02.02` -> 3, `1 02 01 2.02` -> 5, `2886.EBA.994` -> 3."""
    return len([part for part in _CODE_PARTS.split(kode.strip()) if part])


def code_parts(kode: str) -> tuple[str, ...]:
    return tuple(part for part in _CODE_PARTS.split(kode.strip()) if part)


def _from_matrix(plan: Any, kind: str) -> Hierarchy:
    """Rows as printed, nested by their level (`tingkat`) or else their code's depth.

    A row whose level cannot be told from either is placed under the last row above it; a
    total row (`jumlah: ya`) closes the rows of the level above it (a "Jumlah Program" row
    after a program's rows) or, at the top, the whole matrix."""
    levels = schema2.LEVELS[kind]
    assert plan.tabel is not None
    rows = plan.tabel.matriks
    base: Loc = ("tabel", "matriks")
    roots: list[Node] = []
    stack: list[tuple[int, Node]] = []  # (depth, node) of the open rows
    totals: list[StatedTotal] = []
    depths = _matrix_depths(rows, levels)
    for i, row in enumerate(rows):
        path = (*base, i)
        if row.jumlah:
            amount = row.pagu if row.pagu is not None else row.anggaran
            field_name = "pagu" if row.pagu is not None else "anggaran"
            scope = _scope_by_label(row.uraian or "", stack)
            totals.append(StatedTotal(amount, (*path, field_name), scope, row.uraian or ""))
            continue
        depth = depths[i]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        level = levels[min(depth, len(levels) - 1)]
        node = _matrix_node(row, path, level, depth == len(levels) - 1)
        if stack:
            stack[-1][1].children.append(node)
        else:
            roots.append(node)
        stack.append((depth, node))
    _mark_leaves(roots)
    # The matrix replaces the program part only: the tujuan and sasaran (with their IKU)
    # are still declared in the plan.
    resolver = _Resolver()
    tujuan = [_goal(t, ("tujuan", i), resolver) for i, t in enumerate(_readable(plan, "tujuan"))]
    sasaran = [_goal(s, ("sasaran", i), resolver) for i, s in enumerate(_readable(plan, "sasaran"))]
    resolver.resolve()
    return Hierarchy(
        kind,
        levels,
        roots,
        tujuan=tujuan,
        sasaran=sasaran,
        totals=totals,
        published=True,
        references=resolver.references,
    )


_TOTAL_WORDS = re.compile(r"^\s*(?:sub\s*)?(?:jumlah|total)\b[\s:]*", re.IGNORECASE)
_MIN_NAMING_WORDS = 2  # "Jumlah Program" alone names no program


def _scope_by_label(label: str, stack: list[tuple[int, Node]]) -> Node | None:
    """The open row a total row names, innermost first; None when it names none: a total
    of the whole matrix. A label names a row by its code ("Jumlah 1.02.02"), by its whole
    name, or by the first words of its name, as printed documents shorten long names
    ("Jumlah Program Penunjang Urusan Pemerintahan Daerah" for "... Kabupaten/Kota")."""
    folded = " ".join(label.casefold().split())
    rest = _TOTAL_WORDS.sub("", folded)
    for _, node in reversed(stack):
        name = " ".join(node.nama.casefold().split())
        if (name and name in folded) or (node.kode and node.kode in label):
            return node
        if len(rest.split()) >= _MIN_NAMING_WORDS and (name + " ").startswith(rest + " "):
            return node
    return None


def _matrix_depths(rows: list[Any], levels: tuple[str, ...]) -> list[int]:
    """The depth of each row: by its `tingkat`, else by its code relative to the shallowest
    code of the matrix (a matrix may start at program or at urusan), else one below the
    row above it. Total rows get -1."""
    coded = [code_depth(r.kode) for r in rows if r.kode and not r.jumlah]
    top = min(coded) if coded else 0
    start = levels.index("program") if "program" in levels else 0
    if kind_starts_above_program(rows, levels):
        start = 0
    depths = []
    last = start
    for row in rows:
        if row.jumlah:
            depths.append(-1)
            continue
        if row.tingkat and row.tingkat.strip().casefold().replace(" ", "_") in levels:
            depth = levels.index(row.tingkat.strip().casefold().replace(" ", "_"))
        elif row.kode:
            depth = start + _code_step(code_depth(row.kode) - top, levels[start:])
        else:
            depth = min(last + 1, len(levels) - 1)
        depths.append(depth)
        last = depth
    return depths


def kind_starts_above_program(rows: list[Any], levels: tuple[str, ...]) -> bool:
    """Whether a matrix's first row is an urusan (said by its `tingkat`)."""
    first = next((r for r in rows if not r.jumlah), None)
    if first is None or not first.tingkat:
        return False
    return first.tingkat.strip().casefold().replace(" ", "_") in levels[: levels.index("program")]


def _code_step(extra_parts: int, levels: tuple[str, ...]) -> int:
    """Levels below the top, from how many more code parts a row has than the top row.

    Pemda codes grow by one part for the program, two for the kegiatan (`.2.01`) and one
    for the sub kegiatan; K/L codes by one part per level. So part counts are mapped by
    the steps of the kind: the nearest level whose code has at most that many parts."""
    steps = _PART_STEPS.get(levels, tuple(range(len(levels))))
    depth = 0
    for i, parts in enumerate(steps):
        if extra_parts >= parts:
            depth = i
    return depth


# Extra code parts of each level relative to the first (program) level, per kind.
_PART_STEPS: dict[tuple[str, ...], tuple[int, ...]] = {
    ("program", "kegiatan", "sub_kegiatan"): (0, 2, 3),
    ("program", "kegiatan", "kro", "ro"): (0, 1, 2, 3),
    ("program", "kegiatan"): (0, 1),
}


def _matrix_node(row: Any, path: Loc, level: str, leaf: bool) -> Node:
    indicators = _matrix_indicators(row, path)
    amount_field = "pagu" if row.pagu is not None else "anggaran"
    amount = row.pagu if row.pagu is not None else row.anggaran
    paths = {name: (*path, name) for name in ("kode", "uraian", "no", *_MATRIX_ATTRS)}
    paths["nama"] = (*path, "uraian")
    paths["anggaran"] = paths["pagu"] = (*path, amount_field)
    return Node(
        level=level,
        nama=row.uraian or "",
        path=path,
        kode=row.kode,
        indicators=indicators,
        anggaran=amount,
        pagu=amount,
        volume=row.volume,
        # a row without indicators (a K/L RO or KRO row): the satuan of its volume
        satuan=row.satuan if isinstance(row.satuan, str) and not row.indikator else None,
        attrs={name: getattr(row, name) for name in _MATRIX_ATTRS if getattr(row, name)},
        pagu_maju=row.pagu_maju,
        extra=dict(row.kolom),
        leaf=leaf,
        row_paths=paths,
    )


def _mark_leaves(roots: list[Node]) -> None:
    """In a published matrix, the rows with no rows under them hold the money."""
    for root in roots:
        for node in root.walk():
            node.leaf = not node.children
            if node.leaf:
                node.pagu = None
            else:
                node.anggaran = None


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _matrix_indicators(row: Any, path: Loc) -> list[IndicatorUse]:
    """The indicators of a matrix row: one per line of its indicator cell, each with the
    satuan and target on the same line of theirs."""
    names = _listed(row.indikator)
    satuan = _listed(row.satuan)
    targets = _listed(row.target)
    uses = []
    for i, name in enumerate(names):
        many = isinstance(row.indikator, list)
        ind_path: Loc = (*path, "indikator", i) if many else (*path, "indikator")
        indicator = Indicator(
            nama=name,
            satuan=satuan[i] if i < len(satuan) else None,
            target=targets[i] if i < len(targets) else None,
            path=ind_path,
            paths={
                "nama": ind_path,
                "satuan": (*path, "satuan", i)
                if isinstance(row.satuan, list)
                else (*path, "satuan"),
                "target": (*path, "target", i)
                if isinstance(row.target, list)
                else (*path, "target"),
            },
        )
        uses.append(IndicatorUse(indicator, ind_path))
    return uses
