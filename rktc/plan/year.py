"""The SAKIP year of one plan: the plan joined with its Renstra and its realisasi files.

`link` matches what the Renstra and the realisasi files name (indicators by `id`, else by
`nama`; budget lines by `kode`, else by `nama`) with the plan's hierarchy, reads every
quarter's realisasi against its indicator's target, and keeps every match and every
problem with its place in its file, for the rules (rktc/check/rules/year.py) to report.
`year_of` then makes what a Perjanjian Kinerja or a Laporan Kinerja prints: per indicator
the target, the year's realisasi (rktc.plan.capaian.year_realisasi), the capaian with the
formula used, and its kategori; per program (and every other level) the pagu, the budget
realisasi, the serapan and the efisiensi. docs/sakip-year.md describes the files and the
choices made here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

from rktc.core.messages import Message, define_messages, msg
from rktc.plan import capaian as cp
from rktc.plan.formatting import number, rupiah
from rktc.plan.hierarchy import Goal, Hierarchy, Indicator, Node
from rktc.plan.names import name_key
from rktc.plan.realisasi import RealisasiAnggaran, RealisasiFile, RealisasiIndikator
from rktc.plan.renstra import RenstraFile, RenstraIndikator, RenstraPendanaan
from rktc.plan.schema import Plan as PlanV1
from rktc.plan.schema2 import AnyPlan
from rktc.plan.values import (
    BUILTIN_SCALES,
    NA_SPELLINGS,
    PERCENT_WORDS,
    Scale,
    Target,
    TargetKind,
    ValueProblem,
    declare_scale,
    parse_quarter,
    parse_target,
    unit_of,
)

Loc = tuple[str | int, ...]
QUARTERS = (1, 2, 3, 4)
SAME, NOT_BELOW = "sama", "tidak_di_bawah"
UNKNOWN, AMBIGUOUS = "unknown", "ambiguous"
# Why a quarter's value cannot be used (Cell.problem); the rules report each.
UNIT, NOT_NUMBER, NOT_ON_SCALE, CUMULATIVE_TEXT = "unit", "not_number", "not_on_scale", "text"

define_messages(
    __name__,
    {
        "year.no_target": (
            "indikator tanpa target: tidak ada capaian",
            "the indicator has no target: there is no capaian",
        ),
        "year.given_twice": (
            "realisasi triwulan {quarters} diisi lebih dari sekali: tidak ada capaian",
            "the realisasi of quarter {quarters} is given more than once: there is no capaian",
        ),
        "year.unusable": (
            "realisasi triwulan {quarters} tidak dapat dipakai: tidak ada capaian",
            "the realisasi of quarter {quarters} cannot be used: there is no capaian",
        ),
        "year.mode.kumulatif": ("kumulatif: jumlah triwulan", "cumulative: sum of quarters"),
        "year.mode.akhir": ("nilai terakhir", "last value given"),
    },
)


@functools.lru_cache(maxsize=4096)  # a plan has a few dozen units, read for every quarter
def _fold_unit(unit: str) -> str:
    folded = unit.casefold().strip().rstrip(".")
    return "%" if folded in PERCENT_WORDS else name_key(folded)


# --- the plan's indicators and nodes, by what files call them -------------------------------


@dataclass(slots=True)  # not frozen: one per indicator (see hierarchy.Indicator)
class Listed:
    """A declared indicator of the plan and what lists it first (its owner)."""

    indicator: Indicator
    owner: str  # the name of the sasaran, tujuan, program, kegiatan ... that lists it
    level: str  # "tujuan", "sasaran", or the node's level
    node: Node | None = None


@dataclass(slots=True)  # not frozen: one per indicator (see hierarchy.Indicator)
class Found:
    """What an entry's `id` or `nama` names in the plan."""

    listed: Listed | None
    problem: str | None = None  # UNKNOWN or AMBIGUOUS when `listed` is None
    by_id: bool = True


class IndicatorIndex:
    """The plan's declared indicators (each once, in hierarchy order), by id and by name."""

    def __init__(self, hierarchy: Hierarchy) -> None:
        self.items: list[Listed] = []
        self.by_id: dict[str, Listed] = {}
        self.by_name: dict[str, list[Listed]] = {}
        seen: set[Loc] = set()
        tujuan = {id(goal) for goal in hierarchy.tujuan}
        for owner, use in hierarchy.indicator_uses():
            indicator = use.indicator
            if indicator.path in seen:
                continue
            seen.add(indicator.path)
            if isinstance(owner, Goal):
                level = "tujuan" if id(owner) in tujuan else "sasaran"
                listed = Listed(indicator, owner.nama, level)
            else:
                listed = Listed(indicator, owner.nama, owner.level, owner)
            self.items.append(listed)
            if indicator.id:
                self.by_id.setdefault(indicator.id, listed)
            self.by_name.setdefault(name_key(indicator.nama), []).append(listed)

    def find(self, ident: str | None, nama: str | None) -> Found:
        if ident:
            listed = self.by_id.get(ident)
            return Found(listed, None if listed else UNKNOWN)
        named = self.by_name.get(name_key(nama or ""), [])
        if len(named) == 1:
            return Found(named[0], by_id=False)
        return Found(None, AMBIGUOUS if named else UNKNOWN, by_id=False)


class NodeIndex:
    """The plan's programs, kegiatan, sub kegiatan ... by kode and by name."""

    def __init__(self, hierarchy: Hierarchy) -> None:
        self.by_kode: dict[str, list[Node]] = {}
        self.by_name: dict[str, list[Node]] = {}
        self.parent: dict[int, Node] = {}
        for node in hierarchy.nodes():
            if node.kode:
                self.by_kode.setdefault(node.kode.strip(), []).append(node)
            self.by_name.setdefault(name_key(node.nama), []).append(node)
            for child in node.children:
                self.parent[id(child)] = node

    def find(self, kode: str | None, nama: str | None) -> tuple[Node | None, str | None]:
        if kode:
            found = self.by_kode.get(kode.strip(), [])
        else:
            found = self.by_name.get(name_key(nama or ""), [])
        if len(found) == 1:
            return found[0], None
        return None, AMBIGUOUS if found else UNKNOWN

    def ancestors(self, node: Node) -> Iterator[Node]:
        parent = self.parent.get(id(node))
        while parent is not None:
            yield parent
            parent = self.parent.get(id(parent))


# --- matches -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenstraMatch:
    """A Renstra indicator and the plan indicator it names (`found.listed`)."""

    index: int
    entry: RenstraIndikator
    found: Found

    @property
    def loc(self) -> Loc:
        return ("indikator", self.index)

    @property
    def name_loc(self) -> Loc:
        return (*self.loc, "id" if self.entry.id else "nama")


@dataclass(frozen=True)
class PendanaanMatch:
    """A Renstra pendanaan entry and the program (kegiatan ...) it names."""

    index: int
    entry: RenstraPendanaan
    node: Node | None
    problem: str | None

    @property
    def name_loc(self) -> Loc:
        return ("pendanaan", self.index, "kode" if self.entry.kode else "nama")


@dataclass(slots=True)  # not frozen: 40,000 of them for 10,000 indicators (see hierarchy.Indicator)
class Cell:
    """One quarter's realisasi as written in one file, and what it was read as."""

    file: int  # index into Linked.realisasi
    entry: int  # index of the entry in its file's `indikator`
    quarter: int
    text: str | None
    loc: Loc  # of the value in its file
    value: cp.Realisasi = None
    unit: str = ""
    problem: str | None = None

    @property
    def blank(self) -> bool:
        """Not given: empty, or a "not applicable" spelling (`-`, `NA`). Not a zero."""
        text = self.text
        if text is None:
            return True
        first = text.lstrip()[:1]
        return not first or (not first.isdigit() and _is_na(text))  # no NA spelling has a digit


def _is_na(text: str) -> bool:
    return " ".join(text.split()).casefold() in NA_SPELLINGS


@dataclass(slots=True)  # not frozen: one per indicator (see hierarchy.Indicator)
class RealisasiMatch:
    file: int
    index: int
    entry: RealisasiIndikator
    found: Found
    cells: tuple[Cell, ...] = ()

    @property
    def loc(self) -> Loc:
        return ("indikator", self.index)

    @property
    def name_loc(self) -> Loc:
        return (*self.loc, "id" if self.entry.id else "nama")


@dataclass(frozen=True)
class Amount:
    """One quarter's budget realisasi as written in one file."""

    file: int
    entry: int
    quarter: int
    amount: Decimal | None
    loc: Loc


@dataclass(frozen=True)
class BudgetMatch:
    file: int
    index: int
    entry: RealisasiAnggaran
    node: Node | None
    problem: str | None
    amounts: tuple[Amount, ...] = ()

    @property
    def loc(self) -> Loc:
        return ("anggaran", self.index)

    @property
    def name_loc(self) -> Loc:
        return (*self.loc, "kode" if self.entry.kode else "nama")


@dataclass(frozen=True)
class Setting:
    """One capaian setting as the files state it: the value, and where (file, path)."""

    value: Any
    file: int
    loc: Loc


@dataclass
class Settings:
    """How capaian is computed for this year: from the realisasi files, else the defaults
    of rktc.plan.capaian. `conflicts` are the settings stated differently twice."""

    cap: Decimal | None = cp.DEFAULT_CAP
    lower_formula: cp.LowerFormula = cp.DEFAULT_LOWER_FORMULA
    bands: tuple[cp.Band, ...] = cp.DEFAULT_BANDS
    stated: dict[str, Setting] = field(default_factory=dict)
    conflicts: list[tuple[str, Setting, Setting]] = field(default_factory=list)


@dataclass
class Linked:
    """A plan with its Renstra and realisasi files, every entry matched and read."""

    plan: AnyPlan
    hierarchy: Hierarchy
    plan_path: str
    renstra: RenstraFile | None
    realisasi: list[RealisasiFile]
    indicators: IndicatorIndex
    nodes: NodeIndex
    scales: tuple[Scale, ...]
    renstra_matches: list[RenstraMatch] = field(default_factory=list)
    pendanaan_matches: list[PendanaanMatch] = field(default_factory=list)
    realisasi_matches: list[RealisasiMatch] = field(default_factory=list)
    budget_matches: list[BudgetMatch] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    cumulative: dict[Loc, bool] = field(default_factory=dict)  # indicator path -> mode
    # the matches by the path of the indicator they name (built when first asked for)
    _entries: dict[Loc, list[RealisasiMatch]] | None = field(default=None, repr=False)
    _renstra_entries: dict[Loc, RenstraMatch] | None = field(default=None, repr=False)

    @property
    def tahun(self) -> int:
        return self.plan.tahun

    @property
    def relation(self) -> str:
        """How the plan's targets relate to the Renstra's: SAME or NOT_BELOW."""
        if isinstance(self.plan, PlanV1):
            return SAME
        return self.plan.renstra.hubungan

    @property
    def states_polarity(self) -> bool:
        """Format 2 plans say each indicator's polarity (positif when not written)."""
        return not isinstance(self.plan, PlanV1)

    def renstra_of(self, indicator: Indicator) -> RenstraMatch | None:
        """The (first) Renstra entry that names `indicator`."""
        if self._renstra_entries is None:
            self._renstra_entries = {}
            for match in self.renstra_matches:
                if match.found.listed is not None:
                    path = match.found.listed.indicator.path
                    self._renstra_entries.setdefault(path, match)
        return self._renstra_entries.get(indicator.path)

    def entries_of(self, indicator: Indicator) -> list[RealisasiMatch]:
        """The realisasi entries that name `indicator`, in file order."""
        if self._entries is None:
            self._entries = {}
            for match in self.realisasi_matches:
                if match.found.listed is not None:
                    path = match.found.listed.indicator.path
                    self._entries.setdefault(path, []).append(match)
        return self._entries.get(indicator.path, [])

    def polarity(self, indicator: Indicator) -> cp.Polarity:
        """The plan's polarity; for a format 1 plan (which cannot say), the Renstra's."""
        if self.states_polarity:
            return cp.Polarity(indicator.polaritas)
        match = self.renstra_of(indicator)
        if match is not None and match.entry.polaritas:
            return cp.Polarity(match.entry.polaritas)
        return cp.Polarity.POSITIVE

    def stated_cumulative(self, indicator: Indicator) -> list[tuple[RealisasiMatch, bool]]:
        """The realisasi entries that say how the indicator's quarters add up."""
        return [
            (m, m.entry.kumulatif)
            for m in self.entries_of(indicator)
            if m.entry.kumulatif is not None
        ]

    def lower_formula(self, indicator: Indicator) -> cp.LowerFormula:
        for match in self.entries_of(indicator):
            if match.entry.rumus is not None:
                return match.entry.rumus  # type: ignore[return-value]
        return self.settings.lower_formula

    def cells_of(self, indicator: Indicator) -> list[Cell]:
        return [cell for match in self.entries_of(indicator) for cell in match.cells]

    def file_of(self, index: int) -> RealisasiFile:
        return self.realisasi[index]


def _names(found: Found, indicator: Indicator) -> bool:
    return found.listed is not None and found.listed.indicator is indicator


def plan_scales(plan: AnyPlan) -> tuple[Scale, ...]:
    """The scales the plan's targets are read with: its declared ones, then the built-in."""
    declared: list[Scale] = []
    for name, levels in getattr(plan, "skala", {}).items():
        try:
            declared.append(declare_scale(name, levels))
        except ValueProblem:
            continue
    return (*declared, *BUILTIN_SCALES)


def link(
    plan: AnyPlan,
    hierarchy: Hierarchy,
    renstra: RenstraFile | None,
    realisasi: Sequence[RealisasiFile],
    plan_path: str = "",
) -> Linked:
    """Match the Renstra's and the realisasi files' entries with the plan. Files that
    could not be read (no model) are left out: their problems are reported already."""
    linked = Linked(
        plan,
        hierarchy,
        plan_path,
        renstra if renstra is not None and renstra.model is not None else None,
        [f for f in realisasi if f.model is not None],
        IndicatorIndex(hierarchy),
        NodeIndex(hierarchy),
        plan_scales(plan),
    )
    if linked.renstra is not None and linked.renstra.model is not None:
        linked.renstra_matches = [
            RenstraMatch(i, entry, linked.indicators.find(entry.id, entry.nama))
            for i, entry in enumerate(linked.renstra.model.indikator)
        ]
        linked.pendanaan_matches = [
            PendanaanMatch(i, entry, *linked.nodes.find(entry.kode, entry.nama))
            for i, entry in enumerate(linked.renstra.model.pendanaan)
        ]
    _settings(linked)
    matches = [
        (f, i, entry, linked.indicators.find(entry.id, entry.nama))
        for f, read in enumerate(linked.realisasi)
        if read.model is not None
        for i, entry in enumerate(read.model.indikator)
    ]
    provisional = [RealisasiMatch(f, i, entry, found) for f, i, entry, found in matches]
    linked.realisasi_matches = provisional
    for listed in linked.indicators.items:
        linked.cumulative[listed.indicator.path] = _cumulative(linked, listed.indicator)
    linked.realisasi_matches = [_read_cells(linked, match) for match in provisional]
    linked._entries = None  # the provisional matches, indexed for `_cumulative`
    linked.budget_matches = [
        _budget(linked, f, i, entry)
        for f, read in enumerate(linked.realisasi)
        if read.model is not None
        for i, entry in enumerate(read.model.anggaran)
    ]
    return linked


def _cumulative(linked: Linked, indicator: Indicator) -> bool:
    """The plan's `kumulatif`, else the first realisasi entry's, else last value."""
    if indicator.kumulatif is not None:
        return indicator.kumulatif
    stated = linked.stated_cumulative(indicator)
    return stated[0][1] if stated else False


def _read_cells(linked: Linked, match: RealisasiMatch) -> RealisasiMatch:
    read = linked.realisasi[match.file]
    listed = match.found.listed
    cells = []
    cumulative = linked.cumulative.get(listed.indicator.path, False) if listed else False
    for quarter, text, inner in match.entry.quarters():
        loc: Loc = (*match.loc, *inner)
        if inner[0] == "triwulan":
            loc = read.key_of((*match.loc, "triwulan"), parse_quarter, quarter)
        cell = Cell(match.file, match.index, quarter, text, loc)
        if listed is not None and not cell.blank:
            cell = read_cell(cell, listed.indicator, cumulative, linked.scales)
        elif not cell.blank and text is not None:
            cell = _plain(cell)
        cells.append(cell)
    return RealisasiMatch(match.file, match.index, match.entry, match.found, tuple(cells))


def _plain(cell: Cell) -> Cell:
    """A value for no known indicator: a number if it reads as one, else its text."""
    assert cell.text is not None
    try:
        read = parse_target(cell.text, ())
    except ValueProblem:
        return _with(cell, cell.text.strip())
    if read.kind is TargetKind.NUMBER and read.value is not None:
        return _with(cell, read.value, read.unit)
    return _with(cell, read.text)


def _with(cell: Cell, value: cp.Realisasi, unit: str = "", problem: str | None = None) -> Cell:
    return Cell(cell.file, cell.entry, cell.quarter, cell.text, cell.loc, value, unit, problem)


def read_cell(cell: Cell, indicator: Indicator, cumulative: bool, scales: Sequence[Scale]) -> Cell:
    """A quarter's realisasi read against its indicator's target.

    A scale target takes a value of its scale; a number, range or bound target takes one
    number, with no unit or a unit that fits the target's (or the indicator's satuan);
    a text or NA target takes anything. A cumulative indicator needs numbers."""
    assert cell.text is not None
    text = " ".join(cell.text.split())
    target = indicator.target
    if target is not None and target.kind is TargetKind.SCALE:
        scale = next((s for s in scales if s.name == target.scale), None)
        spelled = scale.find(text) if scale is not None else None
        if spelled is None:
            return _with(cell, text, problem=NOT_ON_SCALE)
        if cumulative:
            return _with(cell, spelled[1], problem=CUMULATIVE_TEXT)
        return _with(cell, spelled[1])
    numeric = target is not None and target.kind in (
        TargetKind.NUMBER,
        TargetKind.RANGE,
        TargetKind.BOUND,
    )
    try:
        read = parse_target(text, ())
    except ValueProblem:
        read = None
    if read is None or read.kind is not TargetKind.NUMBER or read.value is None:
        if numeric:
            return _with(cell, text, problem=NOT_NUMBER)
        if cumulative:
            return _with(cell, text, problem=CUMULATIVE_TEXT)
        return _with(cell, text)
    if read.unit and not unit_fits(read.unit, indicator):
        return _with(cell, read.value, read.unit, UNIT)
    return _with(cell, read.value, read.unit)


def unit_fits(unit: str, indicator: Indicator) -> bool:
    """A realisasi's unit fits when it is the target's unit (`87%` for `97%`); for a target
    written without one (`13`), the indicator's satuan or its unit ("1 Lembaga" ->
    "Lembaga"); anything, when neither says. A count for a percentage does not fit, even
    in the satuan: 13 lembaga are not 13 % of them."""
    target = indicator.target
    if target is not None and target.unit:
        return _fold_unit(unit) == _fold_unit(target.unit)
    if indicator.satuan:
        wanted = {_fold_unit(indicator.satuan), _fold_unit(unit_of(indicator.satuan))}
        return _fold_unit(unit) in wanted
    return True


def _budget(linked: Linked, file: int, index: int, entry: RealisasiAnggaran) -> BudgetMatch:
    node, problem = linked.nodes.find(entry.kode, entry.nama)
    read = linked.realisasi[file]
    base: Loc = ("anggaran", index)
    amounts = []
    for quarter, amount, inner in entry.quarters():
        loc: Loc = (*base, *inner)
        if inner[0] == "triwulan":
            loc = read.key_of((*base, "triwulan"), parse_quarter, quarter)
        amounts.append(Amount(file, index, quarter, amount, loc))
    return BudgetMatch(file, index, entry, node, problem, tuple(amounts))


_SETTINGS = ("batas", "rumus_negatif", "kategori")


def _settings(linked: Linked) -> None:
    settings = linked.settings
    for f, read in enumerate(linked.realisasi):
        chosen = read.model.capaian if read.model is not None else None
        if chosen is None:
            continue
        for name in _SETTINGS:
            value = getattr(chosen, name)
            if value is None:
                continue
            if name == "kategori":
                value = chosen.bands()
            here = Setting(value, f, ("capaian", name))
            first = settings.stated.setdefault(name, here)
            if first is not here and first.value != value:
                settings.conflicts.append((name, first, here))
    if "batas" in settings.stated:
        settings.cap = settings.stated["batas"].value.percent
    if "rumus_negatif" in settings.stated:
        settings.lower_formula = settings.stated["rumus_negatif"].value
    if "kategori" in settings.stated:
        settings.bands = settings.stated["kategori"].value


# --- the year: what documents print -----------------------------------------------------------


@dataclass(slots=True)  # not frozen: one per indicator (see hierarchy.Indicator)
class IndicatorYear:
    """One indicator's year: target, quarters, the year's realisasi, capaian, kategori.

    `capaian` is None only when there is no target; otherwise it holds the percentage or
    the reason there is none (`reason`). `quarters` are TW I-IV (None: blank)."""

    listed: Listed
    target: Target | None
    quarters: tuple[cp.Realisasi, cp.Realisasi, cp.Realisasi, cp.Realisasi]
    cumulative: bool
    realisasi: cp.Realisasi
    polarity: cp.Polarity
    lower_formula: cp.LowerFormula
    capaian: cp.Capaian | None
    kategori: str | None
    problem: Message | None = None  # a quarter given twice or unusable
    renstra_target: Target | None = None  # the Renstra's target for the plan's year
    kondisi_awal: Target | None = None
    kondisi_akhir: Target | None = None
    oleh: tuple[str, ...] = ()
    catatan: tuple[str, ...] = ()
    ilustrasi: bool = False

    @property
    def indicator(self) -> Indicator:
        return self.listed.indicator

    @property
    def percent(self) -> Decimal | None:
        return self.capaian.percent if self.capaian is not None else None

    @property
    def reason(self) -> Message | None:
        """Why there is no capaian, or None when there is one."""
        if self.problem is not None:
            return self.problem
        if self.capaian is None:
            return msg("year.no_target")
        return self.capaian.reason if self.capaian.percent is None else None

    @property
    def mode(self) -> Message:
        return msg("year.mode.kumulatif" if self.cumulative else "year.mode.akhir")

    @property
    def notation(self) -> str | None:
        """The formula used, in symbols ("(2T - R)/T x 100%"), or None."""
        if self.capaian is None or self.capaian.percent is None:
            return None
        return self.capaian.notation

    @property
    def last_quarter(self) -> int | None:
        """The last quarter with a value (s.d. TW n), or None."""
        given = [q for q, value in zip(QUARTERS, self.quarters, strict=True) if value is not None]
        return given[-1] if given else None


@dataclass(frozen=True)
class NodeYear:
    """One program (kegiatan, sub kegiatan ...): pagu, realisasi, serapan, efisiensi.

    `realisasi` is the node's own budget entry, else the sum of its children's (None when
    nothing under it has one); `complete` whether every leaf under it is covered.
    `capaian` is the mean capaian of the node's own indicators, else of every indicator
    under it (those with a capaian)."""

    node: Node
    pagu: Decimal | None
    realisasi: Decimal | None
    complete: bool
    serapan: Decimal | None
    capaian: Decimal | None
    efisiensi: cp.Efficiency | None
    indicators: tuple[IndicatorYear, ...]
    children: tuple[NodeYear, ...] = ()
    ilustrasi: bool = False
    pagu_renstra: Decimal | None = None  # the Renstra's pagu indikatif for the year

    def walk(self) -> Iterator[NodeYear]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Year:
    """The SAKIP year of a plan (see the module docstring)."""

    tahun: int
    indicators: tuple[IndicatorYear, ...]
    roots: tuple[NodeYear, ...]
    cap: Decimal | None
    lower_formula: cp.LowerFormula
    bands: tuple[cp.Band, ...]
    ilustrasi: bool
    keterangan: tuple[str, ...] = ()
    renstra_periode: tuple[int, int] | None = None
    renstra_ilustrasi: bool = False  # the Renstra file's figures are illustrative

    def nodes(self) -> Iterator[NodeYear]:
        for root in self.roots:
            yield from root.walk()

    def programs(self) -> list[NodeYear]:
        """The program level (the rows of an LKjIP's realisasi anggaran table)."""
        found = [n for n in self.nodes() if n.node.level == "program"]
        return found or list(self.roots)

    def pagu(self) -> Decimal | None:
        amounts = [r.pagu for r in self.roots if r.pagu is not None]
        return sum(amounts, Decimal(0)) if amounts else None

    def realisasi_anggaran(self) -> Decimal | None:
        amounts = [r.realisasi for r in self.roots if r.realisasi is not None]
        return sum(amounts, Decimal(0)) if amounts else None

    def serapan(self) -> Decimal | None:
        pagu, spent = self.pagu(), self.realisasi_anggaran()
        if pagu is None or spent is None:
            return None
        return cp.serapan(spent, pagu)

    def indicator(self, ident: str) -> IndicatorYear | None:
        return next((i for i in self.indicators if i.indicator.id == ident), None)


def year_of(linked: Linked) -> Year:
    """What the documents print for the linked year (module docstring)."""
    indicators = tuple(_indicator_year(linked, listed) for listed in linked.indicators.items)
    by_path = {iy.indicator.path: iy for iy in indicators}
    budget = _budget_by_node(linked)
    roots = tuple(_node_year(linked, root, by_path, budget) for root in linked.hierarchy.roots)
    files = [f.model for f in linked.realisasi if f.model is not None]
    renstra = linked.renstra.model if linked.renstra is not None else None
    return Year(
        linked.tahun,
        indicators,
        roots,
        linked.settings.cap,
        linked.settings.lower_formula,
        linked.settings.bands,
        any(f.ilustrasi for f in files),
        tuple(f.keterangan for f in files if f.keterangan),
        renstra.periode if renstra is not None else None,
        renstra is not None and renstra.ilustrasi,
    )


def _indicator_year(linked: Linked, listed: Listed) -> IndicatorYear:
    indicator = listed.indicator
    cumulative = linked.cumulative.get(indicator.path, False)
    files = linked.realisasi
    given: dict[int, list[Cell]] = {}
    ilustrasi = False
    for cell in linked.cells_of(indicator):
        if not cell.blank:
            given.setdefault(cell.quarter, []).append(cell)
            ilustrasi = ilustrasi or _model_ilustrasi(files[cell.file])
    twice = sorted(q for q, found in given.items() if len(found) > 1)
    unusable = sorted(q for q, found in given.items() if any(c.problem for c in found))
    quarters = tuple(
        found[0].value if len(found) == 1 and found[0].problem is None else None
        for found in (given.get(q, _NONE_GIVEN) for q in QUARTERS)
    )
    problem = None
    if twice:
        problem = msg("year.given_twice", quarters=_roman(twice))
    elif unusable:
        problem = msg("year.unusable", quarters=_roman(unusable))
    realisasi: cp.Realisasi = None
    if problem is None:
        try:
            realisasi = cp.year_realisasi(list(quarters), cumulative)
        except ValueProblem:  # text in a cumulative indicator: reported as unusable above
            realisasi = None
    polarity = linked.polarity(indicator)
    formula = linked.lower_formula(indicator)
    target = indicator.target
    capaian = None
    if target is not None:
        capaian = cp.capaian(
            target, realisasi, polarity, formula, linked.settings.cap, linked.scales
        )
    kategori = None
    if capaian is not None and capaian.percent is not None and problem is None:
        kategori = cp.kategori(capaian.percent, linked.settings.bands)
    match = linked.renstra_of(indicator)
    entries = linked.entries_of(indicator)
    oleh = _unique([m.entry.oleh or _model_oleh(files[m.file]) for m in entries])
    return IndicatorYear(
        listed,
        target,
        quarters,  # type: ignore[arg-type]
        cumulative,
        realisasi,
        polarity,
        formula,
        capaian,
        kategori,
        problem,
        renstra_target=match.entry.target.get(linked.tahun) if match is not None else None,
        kondisi_awal=match.entry.kondisi_awal if match is not None else indicator.baseline,
        kondisi_akhir=match.entry.kondisi_akhir if match is not None else indicator.target_akhir,
        oleh=oleh,
        catatan=_unique([m.entry.catatan for m in entries if m.entry.catatan]),
        ilustrasi=ilustrasi,
    )


_NONE_GIVEN: list[Cell] = []


def _model_oleh(read: RealisasiFile) -> str | None:
    return read.model.oleh if read.model is not None else None


def _model_ilustrasi(read: RealisasiFile) -> bool:
    return read.model is not None and read.model.ilustrasi


def _unique(items: Sequence[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _roman(quarters: Sequence[int]) -> str:
    return ", ".join(_ROMAN[q] for q in quarters)


@dataclass(frozen=True)
class _Spent:
    amount: Decimal
    ilustrasi: bool


def _budget_by_node(linked: Linked) -> dict[int, _Spent]:
    """The budget realisasi of each node that has an entry: the sum of its quarters.

    A node with entries that give a quarter twice, or with an entry above it, has none:
    the rules report both, and money counted twice is no realisasi."""
    entries: dict[int, list[BudgetMatch]] = {}
    for match in linked.budget_matches:
        if match.node is not None:
            entries.setdefault(id(match.node), []).append(match)
    spent: dict[int, _Spent] = {}
    for key, matches in entries.items():
        node = matches[0].node
        assert node is not None
        if any(id(a) in entries for a in linked.nodes.ancestors(node)):
            continue
        quarters = [a.quarter for m in matches for a in m.amounts if a.amount is not None]
        if len(quarters) != len(set(quarters)):
            continue
        amounts = [a.amount for m in matches for a in m.amounts if a.amount is not None]
        with localcontext(cp._CONTEXT):
            total = sum(amounts, Decimal(0))
        ilustrasi = any(_model_ilustrasi(linked.realisasi[m.file]) for m in matches)
        spent[key] = _Spent(total, ilustrasi)
    return spent


def _node_year(
    linked: Linked,
    node: Node,
    by_path: Mapping[Loc, IndicatorYear],
    budget: Mapping[int, _Spent],
) -> NodeYear:
    children = tuple(_node_year(linked, child, by_path, budget) for child in node.children)
    own = budget.get(id(node))
    if own is not None:
        realisasi: Decimal | None = own.amount
        complete, ilustrasi = True, own.ilustrasi
    else:
        known = [c.realisasi for c in children if c.realisasi is not None]
        realisasi = sum(known, Decimal(0)) if known else None
        complete = bool(children) and all(c.complete for c in children)
        ilustrasi = any(c.ilustrasi for c in children)
    if node.leaf:
        pagu = node.anggaran
    elif node.has_money():
        pagu = node.total()
    else:
        pagu = node.pagu
    serapan = cp.serapan(realisasi, pagu) if realisasi is not None and pagu is not None else None
    own_indicators = [by_path[u.indicator.path] for u in node.indicators]
    below = [i for c in children for i in c.indicators]
    indicators = tuple({i.indicator.path: i for i in own_indicators or below}.values())
    percents = [i.percent for i in indicators if i.percent is not None and i.problem is None]
    capaian = None
    if percents:
        with localcontext(cp._CONTEXT):
            capaian = sum(percents, Decimal(0)) / len(percents)
    efisiensi = (
        cp.efisiensi(capaian, serapan) if capaian is not None and serapan is not None else None
    )
    planned = next(
        (m.entry.pagu.get(linked.tahun) for m in linked.pendanaan_matches if m.node is node),
        None,
    )
    return NodeYear(
        node,
        pagu,
        realisasi,
        complete,
        serapan,
        capaian,
        efisiensi,
        indicators,
        children,
        ilustrasi,
        planned,
    )


def resolve_beside(document_path: str, written: str) -> Path:
    """A file named in a document (`rencana:`, `renstra.berkas`), relative to its folder."""
    return (Path(document_path).parent / written).resolve()


# --- the capaian report (`rktc capaian`) -------------------------------------------------------

REPORT_FORMATS = ("text", "json", "md")
BLANK = "—"

define_messages(
    f"{__name__}.report",
    {
        "year.report.title": (
            "Capaian kinerja tahun {year}",
            "Performance achievement (capaian) of {year}",
        ),
        "year.report.illustrative": (
            "ILUSTRASI: angka realisasi ini contoh, bukan data",
            "ILLUSTRATIVE: these realisasi figures are examples, not data",
        ),
        "year.report.renstra_illustrative": (
            "ILUSTRASI: target Renstra ini (sebagian) contoh, bukan data",
            "ILLUSTRATIVE: the Renstra's targets are (partly) examples, not data",
        ),
        "year.report.settings": (
            "batas capaian {cap}; rumus indikator negatif {formula}; kategori: {bands}",
            "capaian cap {cap}; lower-is-better formula {formula}; categories: {bands}",
        ),
        "year.report.no_cap": ("tanpa batas", "no cap"),
        "year.report.budget": ("Realisasi anggaran", "Budget realisasi"),
        "year.report.incomplete": ("belum lengkap", "incomplete"),
        "year.col.no": ("No", "No"),
        "year.col.indikator": ("Indikator", "Indicator"),
        "year.col.target": ("Target", "Target"),
        "year.col.realisasi": ("Realisasi", "Realisasi"),
        "year.col.capaian": ("Capaian", "Capaian"),
        "year.col.kategori": ("Kategori", "Category"),
        "year.col.rumus": ("Rumus", "Formula"),
        "year.col.program": ("Program", "Program"),
        "year.col.pagu": ("Pagu (Rp)", "Pagu (Rp)"),
        "year.col.realisasi_rp": ("Realisasi (Rp)", "Realisasi (Rp)"),
        "year.col.serapan": ("Serapan", "Serapan"),
        "year.col.efisiensi": ("Efisiensi", "Efficiency"),
    },
)


def value_text(value: cp.Realisasi, target: Target | None) -> str:
    """A realisasi as the documents print it: in the target's unit (`87,3%`, `2 dokumen`),
    a scale value as spelled, nothing as a dash."""
    if value is None:
        return BLANK
    if isinstance(value, str):
        return value
    if target is not None and target.kind in (
        TargetKind.NUMBER,
        TargetKind.RANGE,
        TargetKind.BOUND,
    ):
        if target.is_percent:
            return f"{number(value)}%"
        if target.unit:
            space = "" if target.unit.startswith("/") else " "  # 181/100.000 KH
            return f"{number(value)}{space}{target.unit}"
    return number(value)


def _percent(value: Decimal | None) -> str:
    return cp.format_percent(value) if value is not None else BLANK


def _money(value: Decimal | None) -> str:
    return rupiah(value) if value is not None else BLANK


def formula_text(item: IndicatorYear, lang: str) -> str:
    """The formula used and how the quarters made the year; or why there is no capaian."""
    reason = item.reason
    if reason is not None:
        return reason.render(lang)
    notation = item.notation or ""
    return f"{notation}; {item.mode.render(lang)}"


def _bands_text(bands: Sequence[cp.Band]) -> str:
    ordered = cp.check_bands(bands)
    return ", ".join(f"{'≥' if b.inclusive else '>'} {number(b.lower)} {b.label}" for b in ordered)


def _header(year: Year, lang: str) -> list[str]:
    cap = cp.format_percent(year.cap) if year.cap is not None else msg("year.report.no_cap")
    lines = [msg("year.report.title", year=year.tahun).render(lang)]
    if year.ilustrasi:
        lines.append(msg("year.report.illustrative").render(lang))
    if year.renstra_ilustrasi:
        lines.append(msg("year.report.renstra_illustrative").render(lang))
    lines.append(
        msg(
            "year.report.settings",
            cap=cap if isinstance(cap, str) else cap.render(lang),
            formula=year.lower_formula.value,
            bands=_bands_text(year.bands),
        ).render(lang)
    )
    return lines


def _indicator_rows(year: Year, lang: str) -> list[list[str]]:
    return [
        [
            str(n),
            item.indicator.nama,
            item.indicator.printed_target(),
            value_text(item.realisasi, item.target),
            _percent(item.percent),
            item.kategori or BLANK,
            formula_text(item, lang),
        ]
        for n, item in enumerate(year.indicators, start=1)
    ]


def _budget_rows(year: Year, lang: str) -> list[list[str]]:
    rows = []
    for n, item in enumerate(year.programs(), start=1):
        realisasi = _money(item.realisasi)
        if item.realisasi is not None and not item.complete:
            realisasi += f" ({msg('year.report.incomplete').render(lang)})"
        rows.append(
            [
                str(n),
                " ".join(p for p in (item.node.kode, item.node.nama) if p),
                _money(item.pagu),
                realisasi,
                _percent(item.serapan),
                _percent(item.capaian),
                item.efisiensi.value if item.efisiensi is not None else BLANK,
            ]
        )
    return rows


_INDICATOR_COLUMNS = ("no", "indikator", "target", "realisasi", "capaian", "kategori", "rumus")
_BUDGET_COLUMNS = ("no", "program", "pagu", "realisasi_rp", "serapan", "capaian", "efisiensi")


def _columns(names: Sequence[str], lang: str) -> list[str]:
    return [msg(f"year.col.{name}").render(lang) for name in names]


def render_capaian(year: Year, fmt: str, lang: str) -> str:
    """The capaian of the year as a text table, Markdown, or JSON (exact decimals as
    strings), with bilingual headers (`lang`)."""
    if fmt == "json":
        return json.dumps(capaian_record(year, lang), ensure_ascii=False, indent=2)
    indicator = (_columns(_INDICATOR_COLUMNS, lang), _indicator_rows(year, lang))
    budget = (_columns(_BUDGET_COLUMNS, lang), _budget_rows(year, lang))
    heading = msg("year.report.budget").render(lang)
    if fmt == "md":
        head = _header(year, lang)
        parts = [f"# {head[0]}", *(f"*{line}*" for line in head[1:]), ""]
        parts += _markdown(*indicator)
        if budget[1]:
            parts += ["", f"## {heading}", "", *_markdown(*budget)]
        return "\n".join(parts)
    parts = [*_header(year, lang), "", *_aligned(*indicator)]
    if budget[1]:
        parts += ["", heading, *_aligned(*budget)]
    return "\n".join(parts)


def _markdown(columns: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [line(columns), line(["---"] * len(columns)), *(line(r) for r in rows)]


_WIDEST = 60  # a long indicator name is cut in the text table (md and json keep it whole)


def _cut(cell: str) -> str:
    return cell if len(cell) <= _WIDEST else cell[: _WIDEST - 1] + "…"


def _aligned(columns: list[str], rows: list[list[str]]) -> list[str]:
    cut = [[_cut(c) for c in r[:-1]] + r[-1:] for r in rows]
    widths = [max(len(r[i]) for r in [columns, *cut]) for i in range(len(columns))]
    return [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip()
        for r in [columns, *cut]
    ]


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _realisasi_record(value: cp.Realisasi) -> str | None:
    return None if value is None else str(value)


def capaian_record(year: Year, lang: str) -> dict[str, Any]:
    """The year as plain data (`rktc capaian --format json`)."""
    return {
        "tahun": year.tahun,
        "ilustrasi": year.ilustrasi,
        "renstra_ilustrasi": year.renstra_ilustrasi,
        "batas": _decimal(year.cap),
        "rumus_negatif": year.lower_formula.value,
        "kategori": [
            {"label": b.label, "mulai" if b.inclusive else "di_atas": str(b.lower)}
            for b in cp.check_bands(year.bands)
        ],
        "indikator": [_indicator_record(item, lang) for item in year.indicators],
        "anggaran": [_node_record(item) for item in year.nodes()],
    }


def _indicator_record(item: IndicatorYear, lang: str) -> dict[str, Any]:
    capaian = item.capaian
    reason = item.reason
    return {
        "id": item.indicator.id,
        "nama": item.indicator.nama,
        "satuan": item.indicator.satuan,
        "tingkat": item.listed.level,
        "pemilik": item.listed.owner,
        "polaritas": item.polarity.value,
        "target": item.indicator.printed_target() or None,
        "target_renstra": item.renstra_target.text if item.renstra_target else None,
        "triwulan": [_realisasi_record(q) for q in item.quarters],
        "mode": "kumulatif" if item.cumulative else "akhir",
        "realisasi": _realisasi_record(item.realisasi),
        "realisasi_tampil": value_text(item.realisasi, item.target),
        "capaian": _decimal(item.percent),
        "capaian_tampil": _percent(item.percent),
        "kategori": item.kategori,
        "terpenuhi": capaian.met if capaian is not None and reason is None else None,
        "rumus": capaian.formula.value
        if capaian is not None and capaian.formula and reason is None
        else None,
        "notasi": item.notation if reason is None else None,
        "dasar": capaian.basis_text.render(lang)
        if capaian is not None and capaian.basis_text is not None and reason is None
        else None,
        "alasan": reason.render(lang) if reason is not None else None,
        "alasan_kode": reason.key if reason is not None else None,
        "oleh": list(item.oleh),
        "catatan": list(item.catatan),
        "ilustrasi": item.ilustrasi,
    }


def _node_record(item: NodeYear) -> dict[str, Any]:
    return {
        "tingkat": item.node.level,
        "kode": item.node.kode,
        "nama": item.node.nama,
        "pagu": _decimal(item.pagu),
        "realisasi": _decimal(item.realisasi),
        "lengkap": item.complete,
        "serapan": _decimal(item.serapan),
        "capaian": _decimal(item.capaian),
        "efisiensi": item.efisiensi.value if item.efisiensi is not None else None,
        "pagu_renstra": _decimal(item.pagu_renstra),
        "ilustrasi": item.ilustrasi,
    }
