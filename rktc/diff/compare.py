"""What changed between two versions of a plan, in the planner's terms.

Both versions are reduced to the facts a reviewer reads (sasaran, programs, kegiatan with
their anggaran, indicators with satuan and target) from the same tables the document
prints, so a single-source plan and a published transcription compare alike.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rktc.plan.document import APBN, RKT, SASARAN, Document, Row
from rktc.plan.formatting import rupiah
from rktc.plan.formatting import target as format_target
from rktc.plan.names import is_variant, name_key, words
from rktc.plan.schema2 import AnyPlan as Plan


@dataclass(frozen=True)
class Change:
    entity: str  # sasaran | program | kegiatan | indikator
    kind: str  # added | removed | renamed | changed
    name: str
    field: str | None = None  # nama | target | satuan | sasaran | anggaran
    old: str | None = None
    new: str | None = None
    delta: Decimal | None = None
    program: str | None = None


@dataclass
class Totals:
    programs: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)
    old: Decimal = Decimal(0)
    new: Decimal = Decimal(0)


@dataclass
class PlanDiff:
    old_path: str
    new_path: str
    changes: list[Change]
    totals: Totals

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.totals.old != self.totals.new


@dataclass
class _Indicator:
    name: str
    satuan: str
    target: str
    sasaran: str
    kegiatan: list[str]


@dataclass
class _Facts:
    sasaran: dict[str, str]  # key -> name
    programs: dict[str, str]  # key -> name
    kegiatan: dict[tuple[str, str], tuple[str, str, Decimal]]  # -> name, program, anggaran
    indicators: dict[str, _Indicator]


def _matrix_rows(document: Document) -> list[tuple[str, Row]]:
    apbn = document.table(APBN)
    if apbn is not None and apbn.groups:
        return [(group.program, row) for group in apbn.groups for row in group.rows]
    rkt = document.table(RKT)
    return [("", row) for row in (rkt.rows if rkt else [])]


def facts(plan: Plan, document: Document) -> _Facts:
    if plan.sasaran:
        sasaran = {s.id: s.nama for s in plan.sasaran}
    else:
        table = document.table(SASARAN)
        sasaran = {
            name_key(r.sasaran): r.sasaran for r in (table.rows if table else []) if r.sasaran
        }
    programs: dict[str, str] = {}
    kegiatan: dict[tuple[str, str], tuple[str, str, Decimal]] = {}
    indicators: dict[str, _Indicator] = {}
    for program, row in _matrix_rows(document):
        programs.setdefault(name_key(program), program)
        if row.kegiatan:
            key = (name_key(program), name_key(row.kegiatan))
            name, prog, amount = kegiatan.get(key, (row.kegiatan, program, Decimal(0)))
            kegiatan[key] = (name, prog, amount + (row.anggaran or Decimal(0)))
        if row.indikator:
            found = indicators.setdefault(
                name_key(row.indikator),
                _Indicator(
                    row.indikator,
                    row.satuan or "",
                    format_target(row.target) if row.target else "",
                    row.sasaran or "",
                    [],
                ),
            )
            if row.kegiatan:
                found.kegiatan.append(row.kegiatan)
    programs.pop("", None)
    return _Facts(sasaran, programs, kegiatan, indicators)


def diff_plans(
    old: Plan, old_doc: Document, new: Plan, new_doc: Document, old_path: str, new_path: str
) -> PlanDiff:
    before, after = facts(old, old_doc), facts(new, new_doc)
    changes: list[Change] = []
    changes += _named("sasaran", before.sasaran, after.sasaran, by_id=bool(new.sasaran))
    changes += _named("program", before.programs, after.programs, by_id=False)
    changes += _kegiatan(before, after)
    renamed = {(c.old, c.new) for c in changes if c.kind == "renamed"}
    changes += _indicators(before.indicators, after.indicators, renamed)
    return PlanDiff(old_path, new_path, changes, _totals(before, after))


def _named(entity: str, old: dict[str, str], new: dict[str, str], by_id: bool) -> list[Change]:
    changes = [Change(entity, "removed", old[k]) for k in old if k not in new]
    changes += [Change(entity, "added", new[k]) for k in new if k not in old]
    if by_id:
        changes += [
            Change(entity, "renamed", new[k], "nama", old[k], new[k])
            for k in new
            if k in old and old[k] != new[k]
        ]
    return changes


def _kegiatan(before: _Facts, after: _Facts) -> list[Change]:
    changes = []
    for key, (name, program, amount) in before.kegiatan.items():
        if key not in after.kegiatan:
            changes.append(
                Change(
                    "kegiatan", "removed", name, "anggaran", rupiah(amount), None, -amount, program
                )
            )
    for key, (name, program, amount) in after.kegiatan.items():
        if key not in before.kegiatan:
            changes.append(
                Change("kegiatan", "added", name, "anggaran", None, rupiah(amount), amount, program)
            )
        elif before.kegiatan[key][2] != amount:
            old_amount = before.kegiatan[key][2]
            changes.append(
                Change(
                    "kegiatan",
                    "changed",
                    name,
                    "anggaran",
                    rupiah(old_amount),
                    rupiah(amount),
                    amount - old_amount,
                    program,
                )
            )
    return changes


def _indicators(
    old: dict[str, _Indicator],
    new: dict[str, _Indicator],
    renamed: set[tuple[str | None, str | None]],
) -> list[Change]:
    """Indicator changes; a sasaran that was itself renamed is not a change of the indicator."""
    removed = [k for k in old if k not in new]
    added = [k for k in new if k not in old]
    pairs = _renames(old, new, removed, added)
    changes = []
    for old_key, new_key in pairs:
        changes.append(
            Change(
                "indikator",
                "renamed",
                new[new_key].name,
                "nama",
                old[old_key].name,
                new[new_key].name,
            )
        )
    paired_old = {o for o, _ in pairs}
    paired_new = {n for _, n in pairs}
    changes += [
        Change("indikator", "removed", old[k].name, None, _summary(old[k]))
        for k in removed
        if k not in paired_old
    ]
    changes += [
        Change("indikator", "added", new[k].name, None, None, _summary(new[k]))
        for k in added
        if k not in paired_new
    ]
    matched = [(k, k) for k in new if k in old] + pairs
    for old_key, new_key in matched:
        before, after = old[old_key], new[new_key]
        for name in ("target", "satuan", "sasaran"):
            a, b = getattr(before, name), getattr(after, name)
            if name == "sasaran" and (a, b) in renamed:
                continue
            if name_key(a) != name_key(b) or (name == "target" and a != b):
                changes.append(Change("indikator", "changed", after.name, name, a, b))
    return changes


def _renames(
    old: dict[str, _Indicator], new: dict[str, _Indicator], removed: list[str], added: list[str]
) -> list[tuple[str, str]]:
    """Pair a removed and an added indicator that are the same one under a new name:
    the only change in one kegiatan, or a spelling variant."""
    by_kegiatan_old: dict[str, list[str]] = defaultdict(list)
    by_kegiatan_new: dict[str, list[str]] = defaultdict(list)
    for key in removed:
        for kegiatan in old[key].kegiatan[:1]:
            by_kegiatan_old[name_key(kegiatan)].append(key)
    for key in added:
        for kegiatan in new[key].kegiatan[:1]:
            by_kegiatan_new[name_key(kegiatan)].append(key)
    pairs = []
    for kegiatan, gone in by_kegiatan_old.items():
        came = by_kegiatan_new.get(kegiatan, [])
        if len(gone) == 1 and len(came) == 1:
            pairs.append((gone[0], came[0]))
    used_old = {o for o, _ in pairs}
    used_new = {n for _, n in pairs}
    for key in removed:
        if key in used_old:
            continue
        for other in added:
            if other not in used_new and is_variant(words(old[key].name), words(new[other].name)):
                pairs.append((key, other))
                used_new.add(other)
                break
    return pairs


def _summary(indicator: _Indicator) -> str:
    return f"{indicator.target} ({indicator.satuan})" if indicator.satuan else indicator.target


def _totals(before: _Facts, after: _Facts) -> Totals:
    def by_program(f: _Facts) -> dict[str, Decimal]:
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for (program_key, _), (_, _, amount) in f.kegiatan.items():
            sums[program_key] += amount
        return sums

    old_sums, new_sums = by_program(before), by_program(after)
    names = {**before.programs, **after.programs}
    totals = Totals(old=sum(old_sums.values(), Decimal(0)), new=sum(new_sums.values(), Decimal(0)))
    for key in dict.fromkeys([*old_sums, *new_sums]):
        old_value, new_value = old_sums.get(key, Decimal(0)), new_sums.get(key, Decimal(0))
        totals.programs.append((names.get(key, key or "-"), old_value, new_value))
    return totals
