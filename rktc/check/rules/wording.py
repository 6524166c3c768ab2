"""Rules about wording: outcome-worded sasaran and names that should be one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from rktc.check.rules.base import Context, rule
from rktc.check.rules.common import (
    INDICATOR_TABLES,
    clusters,
    level_label,
    made_clusters,
    name_tables,
    rows_of,
)
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import msg
from rktc.plan.document import APBN, PROGRAM, SASARAN
from rktc.plan.names import TYPO_RATIO, Clusters, name_key, words

Loc = tuple[str | int, ...]
NAME_FIELDS = ("indikator", "sasaran", "kegiatan", "program")


@rule(
    "RKT501",
    "sasaran-not-outcome-worded",
    Severity.WARNING,
    messages={
        "rule.not_outcome": (
            "sasaran '{name}' bukan rumusan hasil",
            "sasaran '{name}' is not worded as an outcome",
        ),
        "hint.rule.not_outcome": (
            "rumuskan sebagai kondisi yang dicapai: 'Terwujudnya ...', 'Meningkatnya ...'",
            "word it as a result: 'Terwujudnya ...', 'Meningkatnya ...'",
        ),
    },
)
def outcome_worded(ctx: Context) -> Iterator[Diagnostic]:
    """A sasaran worded as an activity instead of an outcome ("Terwujudnya ...", "Meningkatnya ...").

    Checked: the sasaran strategis, the sasaran of a level (a K/L sasaran program or
    sasaran kegiatan, `sasaran:` on a node) and the sasaran the published tables print.

    ## Why is this bad?
    A sasaran strategis states a condition to reach, not work to do; the LKE
    checks that sasaran are outcome-oriented.

    ## Example
        sasaran:
          - {id: S1, nama: Pembentukan Penyelenggara Badan Adhoc}

    ## Use instead
        sasaran:
          - {id: S1, nama: Terbentuknya Badan Penyelenggara Adhoc yang Profesional}

    ## Fix
    Reword it as a result: "Terbentuknya Badan Penyelenggara Adhoc yang Profesional".
    """
    seen: set[str] = set()
    for text, path in _sasaran_texts(ctx):
        key = name_key(text)
        first = (words(text) or [""])[0]
        if key not in seen and not first.endswith("nya"):
            yield ctx.report(
                ctx.at(path), msg("rule.not_outcome", name=text), hint=msg("hint.rule.not_outcome")
            )
        seen.add(key)


def _sasaran_texts(ctx: Context) -> Iterator[tuple[str, Loc]]:
    """The sasaran strategis, the sasaran of every level (a K/L sasaran program or sasaran
    kegiatan), and the sasaran the published tables print, with where each is written."""
    hierarchy = ctx.hierarchy
    for goal in hierarchy.sasaran:
        yield goal.nama, goal.path
    for node in hierarchy.nodes():
        if node.sasaran:
            yield node.sasaran, node.at("sasaran")
    if ctx.document.literal:
        for occ in rows_of(ctx, (SASARAN, *INDICATOR_TABLES)):
            if occ.row.sasaran:
                yield occ.row.sasaran, occ.row.path("sasaran")


@rule(
    "RKT502",
    "near-duplicate-name",
    Severity.WARNING,
    expensive=True,
    messages={
        "rule.near_duplicate": (
            "{field} '{name}' tampaknya varian dari '{intended}'",
            "{field} '{name}' looks like a variant of '{intended}'",
        ),
        "hint.rule.near_duplicate": (
            "pakai satu ejaan yang sama di mana pun",
            "use one spelling everywhere",
        ),
        "related.intended": ("ejaan yang paling banyak dipakai", "the most used spelling"),
    },
)
def near_duplicate(ctx: Context) -> Iterator[Diagnostic]:
    """Names that differ only by a typo or a few words, and probably mean the same thing.

    Compared within one kind of name: indicators (of every level), sasaran, and the names
    of each level of the hierarchy (program, kegiatan, sub kegiatan, KRO, RO, ...).

    ## Why is this bad?
    "prasarana"/"praserana" or "Program Dukungan"/"Program Dukungan Manajemen"
    print as two different things; readers and tools cannot tell whether they are.

    ## Example
        tabel:
          rkt:
            - no: 1
              kegiatan: Layanan Prasarana Internal
              indikator: Persentase tersedianya sarana dan prasarana
            - no: 2
              kegiatan: Layanan Praserana Internal
              indikator: Persentase gedung kantor yang terpelihara

    ## Use instead
        tabel:
          rkt:
            - no: 1
              kegiatan: Layanan Prasarana Internal
              indikator: Persentase tersedianya sarana dan prasarana
            - no: 2
              kegiatan: Layanan Prasarana Internal
              indikator: Persentase gedung kantor yang terpelihara

    ## Fix
    Use the intended spelling (the finding names the most used one) everywhere.
    """
    written = names(ctx)
    frequency: Counter[str] | None = None  # made only when some names are variants
    for field, places_written in written.items():
        groups = _clusters(ctx, field, places_written)
        variant_groups = groups.groups()
        wanted = {key for keys in variant_groups.values() for key in keys}
        places = _first_places(ctx, groups, places_written, wanted)
        for keys in variant_groups.values():
            if frequency is None:
                frequency = _frequency(written)
            intended = _intended(groups.variants, keys, frequency)
            for key in keys:
                if key == intended or key not in places:
                    continue
                text, where = places[key]
                yield ctx.report(
                    where,
                    msg(
                        "rule.near_duplicate",
                        field=level_label(field),
                        name=text,
                        intended=places.get(intended, (intended, where))[0],
                    ),
                    hint=msg("hint.rule.near_duplicate"),
                    related=[(places[intended][1], msg("related.intended"))]
                    if intended in places
                    else None,
                )


Written = list[tuple[str, Loc]]


def names(ctx: Context) -> dict[str, Written]:
    """Every name the planner wrote, by what it names: `indikator`, `sasaran`, and each
    level of the hierarchy (`program`, `kegiatan`, `sub_kegiatan`, `kro`, ...), with
    where each is written, in document order.

    A name counts once per place it is printed: a leaf's name once per indicator it
    lists (a row of the matrices each), an indicator once per node listing it."""
    found: dict[str, Written] = {field: [] for field in NAME_FIELDS}
    if ctx.document.literal:  # the published tables, as printed
        for occ in rows_of(ctx, name_tables(ctx)):
            for field in ("indikator", "sasaran", "kegiatan"):
                value = getattr(occ.row, field)
                if value:
                    found[field].append((value, occ.row.path(field)))
        for kind in (PROGRAM, APBN):
            table = ctx.document.table(kind)
            for group in table.groups if table else []:
                found["program"].append((group.program, (*group.path, "program")))
    hierarchy = ctx.hierarchy
    sasaran = {goal.id: goal for goal in hierarchy.sasaran if goal.id}
    found["sasaran"].extend((goal.nama, goal.path) for goal in hierarchy.sasaran)
    for goal in (*hierarchy.tujuan, *hierarchy.sasaran):
        found["indikator"].extend(
            (u.indicator.nama, u.indicator.at("nama")) for u in goal.indicators
        )
    for node in hierarchy.nodes():
        level = found.setdefault(node.level, [])
        for _ in range(max(1, len(node.indicators)) if node.leaf else 1):
            level.append((node.nama, node.at("nama")))
        if node.sasaran:
            found["sasaran"].append((node.sasaran, node.at("sasaran")))
        for use in node.indicators:
            ind = use.indicator
            found["indikator"].append((ind.nama, ind.at("nama")))
            served = sasaran.get(ind.sasaran) if ind.sasaran else None
            if served is not None and node.leaf:  # the matrices print it on the row
                found["sasaran"].append((served.nama, served.path))
    return {field: written for field, written in found.items() if written}


def _clusters(ctx: Context, field: str, written: Written) -> Clusters:
    """Name groups of one field; the shared ones when they are made of the same names
    (recounted when the same names are written another number of times)."""
    hierarchy = ctx.hierarchy
    if ctx.document.literal and field in NAME_FIELDS:
        if not (hierarchy.roots or hierarchy.sasaran or hierarchy.tujuan):
            return clusters(ctx, field)  # the published tables only: what the other rules use
        shared = made_clusters(ctx, field)
        same = shared.recounted(Counter(t for t, _ in written)) if shared is not None else None
        if same is not None:
            return same
    return Clusters(text for text, _ in written)


def _frequency(written: dict[str, Written]) -> Counter[str]:
    """How often each word occurs in all the names (a spelling reference)."""
    texts = Counter(text for places in written.values() for text, _ in places)
    counts: Counter[str] = Counter()
    for text, times in texts.items():
        for word in words(text):
            counts[word] += times
    return counts


def _first_places(
    ctx: Context, groups: Clusters, written: Written, wanted: set[str]
) -> dict[str, tuple[str, Location]]:
    """The first place each name in `wanted` (by key) is written."""
    found: dict[str, tuple[str, Location]] = {}
    if not wanted:
        return found
    for text, path in written:
        key = groups.key(text)
        if key in wanted and key not in found:
            found[key] = (text, ctx.at(path))
    return found


def _intended(variants: dict[str, dict[str, int]], keys: list[str], frequency: Counter[str]) -> str:
    """The likely intended spelling among variants of one name.

    Where variants differ by a typo, the spelling whose word is common elsewhere
    in the document wins ("prasarana" over "praserana"). Otherwise the most used
    variant wins, and then the longer one ("Program Dukungan Manajemen").
    """
    own = {key: set(words(next(iter(variants[key])))) for key in keys}
    shared = set.intersection(*own.values())

    def typo_words(key: str) -> int:
        mine = own[key] - shared
        theirs = set().union(*(own[k] - shared for k in keys if k != key))
        return sum(
            frequency[w]
            for w in mine
            if any(SequenceMatcher(None, w, t).ratio() >= TYPO_RATIO for t in theirs)
        )

    def score(key: str) -> tuple[int, int, int]:
        return typo_words(key), sum(variants[key].values()), len(key)

    return max(keys, key=score)
