"""What a plan's Perjanjian Kinerja (`pk:`) carries: its level, its targets, its budget.

The PK of an official lists the targets of their level and the budget under them
(PermenPAN-RB 53/2014): an eselon II official the sasaran strategis with their IKU and the
programs; eselon III the sasaran program with their IKP and the kegiatan; eselon IV the
sasaran kegiatan with their IKK and the sub kegiatan. `pk.tingkat` names the level of the
budget table (a level of the plan's `jenis`: program, kegiatan, sub_kegiatan, KRO, RO);
without it `pk.eselon` chooses (I, II: program; III: one level below; IV: two below), and
without either the PK is the program level's. The targets are those of the level above it
(the sasaran strategis' IKU for the program level); where that level has no indicators of
its own (a KPU plan, whose indicators are its kegiatan's, tied to a sasaran by `sasaran:`)
they are the indicators that serve each sasaran, or the level's own.

`pk.indikator` may choose which indicators the PK carries (by id, or `{nama: ...}`), and
state a target of its own (a transcribed PK), which the rules compare with the plan's
(rktc/check/rules/pk.py). The renderer (rktc.render.pk) and the rules read the same
`carried`, so the document prints what was checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from rktc.plan.hierarchy import Hierarchy, Indicator, Node
from rktc.plan.names import name_key
from rktc.plan.schema2 import LEVEL_LABELS, Pk, PkIndikator
from rktc.plan.values import Target

Loc = tuple[str | int, ...]
TOP = "program"
# eselon -> how many levels below the program level the PK's budget table is
ESELON_DEPTH = {"I": 0, "II": 0, "III": 1, "IV": 2}
NIP_DIGITS = 18
NIP_GROUPS = (8, 6, 1, 3)  # 19591128 198603 1 003: birth date, appointment, sex, number
_BLANKS = re.compile(r"[\s.]+")


@dataclass(frozen=True)
class Carried:
    """One target row of the PK: the goal it serves, the plan's indicator, and the entry
    of `pk.indikator` that chose it (None: carried by default) with its stated target."""

    goal: str
    indicator: Indicator
    entry: int | None = None
    stated: Target | None = None

    @property
    def target_text(self) -> str:
        """The target as the PK prints it: the one it states, else the plan's."""
        return self.stated.text if self.stated is not None else self.indicator.printed_target()


@dataclass
class PkContent:
    """What the PK's lampiran holds (see the module docstring)."""

    level: str
    goal_header: str  # "Sasaran Strategis", "Sasaran Program", "Sasaran Kegiatan" ...
    budget_header: str  # "Program", "Kegiatan", "Sub Kegiatan" ...
    carried: list[Carried]
    available: list[Carried]  # every indicator of the level, whether carried or not
    budget: list[Node]
    unknown: list[int] = field(default_factory=list)  # entries of pk.indikator naming nothing

    def share(self) -> Decimal | None:
        """The share of the level's indicators the PK carries, in percent (None: none)."""
        if not self.available:
            return None
        paths = {c.indicator.path for c in self.carried}
        found = sum(1 for c in self.available if c.indicator.path in paths)
        return Decimal(found) * 100 / Decimal(len(self.available))


def level_of(pk: Pk, hierarchy: Hierarchy) -> str:
    """The level of the PK's budget table (module docstring); a `tingkat` this kind of
    office does not have (a rule reports it) reads as the program level."""
    levels = hierarchy.levels
    if pk.tingkat is not None:
        wanted = pk.tingkat.strip().casefold().replace(" ", "_")
        if wanted in levels:
            return wanted
        return TOP
    start = levels.index(TOP)
    depth = ESELON_DEPTH.get(pk.eselon or "II", 0)
    return levels[min(start + depth, len(levels) - 1)]


def _unique(rows: Iterator[Carried]) -> list[Carried]:
    seen: set[Loc] = set()
    found = []
    for row in rows:
        if row.indicator.path not in seen:
            seen.add(row.indicator.path)
            found.append(row)
    return found


def _goal_indicators(hierarchy: Hierarchy) -> list[Carried]:
    """The sasaran strategis' own indicators (IKU); else every indicator that serves a
    sasaran (`sasaran:` id), grouped by sasaran in their order, then those serving none."""
    own = [
        Carried(goal.nama, use.indicator) for goal in hierarchy.sasaran for use in goal.indicators
    ]
    if own:
        return _unique(iter(own))
    names = {goal.id: goal.nama for goal in hierarchy.sasaran if goal.id}
    every = _unique(
        Carried(names.get(use.indicator.sasaran or "", ""), use.indicator)
        for node in hierarchy.nodes()
        for use in node.indicators
    )
    order = {name: i for i, name in enumerate(names.values())}
    return sorted(every, key=lambda c: order.get(c.goal, len(order)))


def _node_indicators(nodes: list[Node]) -> list[Carried]:
    return _unique(
        Carried(node.sasaran or node.nama, use.indicator)
        for node in nodes
        for use in node.indicators
    )


def available(hierarchy: Hierarchy, level: str) -> list[Carried]:
    """Every target the PK of `level` may carry, in the order it prints them."""
    levels = hierarchy.levels
    index = levels.index(level)
    if level == TOP or index <= levels.index(TOP):
        return _goal_indicators(hierarchy)
    above = [n for n in hierarchy.nodes() if n.level == levels[index - 1]]
    found = _node_indicators(above)
    if found:
        return found
    return _node_indicators([n for n in hierarchy.nodes() if n.level == level])


def content(pk: Pk, hierarchy: Hierarchy) -> PkContent:
    """The PK's lampiran: its targets (chosen by `pk.indikator`, else all of its level)
    and its budget (the level's nodes; below the program level with a choice, only those
    under a node whose indicator it carries)."""
    level = level_of(pk, hierarchy)
    every = available(hierarchy, level)
    carried: list[Carried] = []
    unknown: list[int] = []
    if pk.indikator:
        by_id = {c.indicator.id: c for c in every if c.indicator.id}
        by_name: dict[str, list[Carried]] = {}
        for c in every:
            by_name.setdefault(name_key(c.indicator.nama), []).append(c)
        for i, entry in enumerate(pk.indikator):
            ident, nama, stated = _entry(entry)
            if ident is not None:
                found = by_id.get(ident)
            else:
                named = by_name.get(name_key(nama or ""), [])
                found = named[0] if len(named) == 1 else None
            if found is None:
                unknown.append(i)
                continue
            carried.append(Carried(found.goal, found.indicator, i, stated))
        # printed in the plan's order, whatever order the PK names them in
        order = {c.indicator.path: n for n, c in enumerate(every)}
        carried.sort(key=lambda c: order[c.indicator.path])
    else:
        carried = list(every)
    budget = [n for n in hierarchy.nodes() if n.level == level]
    index = hierarchy.levels.index(level)
    if pk.indikator and level != TOP and index > 0:
        chosen = {c.indicator.path for c in carried}
        parents = {
            id(n)
            for n in hierarchy.nodes()
            if n.level == hierarchy.levels[index - 1]
            and any(u.indicator.path in chosen for u in n.indicators)
        }
        if parents:
            budget = [child for n in hierarchy.nodes() if id(n) in parents for child in n.children]
    return PkContent(
        level,
        goal_header(hierarchy, level),
        LEVEL_LABELS.get(level, level),
        carried,
        every,
        budget,
        unknown,
    )


def _entry(entry: str | PkIndikator) -> tuple[str | None, str | None, Target | None]:
    if isinstance(entry, str):
        return entry, None, None
    return entry.id, entry.nama, entry.target


def goal_header(hierarchy: Hierarchy, level: str) -> str:
    levels = hierarchy.levels
    index = levels.index(level)
    if index <= levels.index(TOP):
        return "Sasaran Strategis"
    return f"Sasaran {LEVEL_LABELS.get(levels[index - 1], levels[index - 1])}"


def money(node: Node) -> Decimal | None:
    """A leaf's anggaran; a parent's stated pagu, else the sum of its children's."""
    if node.leaf:
        return node.anggaran
    if node.pagu is not None:
        return node.pagu
    known = [m for m in (money(c) for c in node.children) if m is not None]
    return sum(known, Decimal(0)) if known else None


def nip_digits(nip: str) -> str | None:
    """The 18 digits of a NIP written with or without its spaces; None when it is not one."""
    digits = _BLANKS.sub("", nip)
    if len(digits) == NIP_DIGITS and digits.isascii() and digits.isdigit():
        return digits
    return None


def format_nip(nip: str) -> str:
    """A NIP grouped as printed, 8-6-1-3 ("19591128 198603 1 003"); as written when it is
    not 18 digits (a rule reports it)."""
    digits = nip_digits(nip)
    if digits is None:
        return " ".join(nip.split())
    parts, start = [], 0
    for size in NIP_GROUPS:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)
