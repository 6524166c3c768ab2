"""Rules about wording: outcome-worded sasaran and names that should be one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from rktc.check.rules.base import Context, rule
from rktc.check.rules.common import INDICATOR_TABLES, clusters, name_tables, rows_of, word_frequency
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import msg
from rktc.plan.document import APBN, PROGRAM, SASARAN
from rktc.plan.names import TYPO_RATIO, name_key, words

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
    for text, where in _sasaran_texts(ctx):
        key = name_key(text)
        first = (words(text) or [""])[0]
        if key not in seen and not first.endswith("nya"):
            yield ctx.report(
                where, msg("rule.not_outcome", name=text), hint=msg("hint.rule.not_outcome")
            )
        seen.add(key)


def _sasaran_texts(ctx: Context) -> Iterator[tuple[str, Location]]:
    if not ctx.document.literal:
        for i, sasaran in enumerate(ctx.plan.sasaran):
            yield sasaran.nama, ctx.at(("sasaran", i, "nama"))
        return
    for occ in rows_of(ctx, (SASARAN, *INDICATOR_TABLES)):
        if occ.row.sasaran:
            yield occ.row.sasaran, occ.at(ctx, "sasaran")


@rule(
    "RKT502",
    "near-duplicate-name",
    Severity.WARNING,
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
    for field in NAME_FIELDS:
        groups = clusters(ctx, field)
        variant_groups = groups.groups()
        places = _places(ctx, field, {key for keys in variant_groups.values() for key in keys})
        for keys in variant_groups.values():
            intended = _intended(groups.variants, keys, word_frequency(ctx))
            for key in keys:
                if key == intended or key not in places:
                    continue
                text, where = places[key]
                yield ctx.report(
                    where,
                    msg(
                        "rule.near_duplicate",
                        field=field,
                        name=text,
                        intended=places.get(intended, (intended, where))[0],
                    ),
                    hint=msg("hint.rule.near_duplicate"),
                    related=[(places[intended][1], msg("related.intended"))]
                    if intended in places
                    else None,
                )


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


def _places(ctx: Context, field: str, wanted: set[str]) -> dict[str, tuple[str, Location]]:
    """The first place each name in `wanted` (by key) is written."""
    found: dict[str, tuple[str, Location]] = {}
    if not wanted:
        return found
    if field == "program":
        for text, where in _program_names(ctx):
            if name_key(text) in wanted:
                found.setdefault(name_key(text), (text, where))
        return found
    groups = clusters(ctx, field)
    for occ in rows_of(ctx, name_tables(ctx)):
        value = getattr(occ.row, field)
        if value:
            key = groups.key(value)
            if key in wanted and key not in found:
                found[key] = (value, occ.at(ctx, field))
    return found


def _program_names(ctx: Context) -> Iterator[tuple[str, Location]]:
    if not ctx.document.literal:
        for node in ctx.hierarchy.nodes():
            if node.level == "program":
                yield node.nama, ctx.at(node.at("nama"))
        return
    for kind in (PROGRAM, APBN):
        table = ctx.document.table(kind)
        for group in table.groups if table else []:
            yield group.program, ctx.at((*group.path, "program"))
