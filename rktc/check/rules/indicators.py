"""Rules about indicators, their satuan and targets, within and across tables."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple, TypeVar

from rktc.check.rules.base import Context, rule
from rktc.check.rules.common import (
    MATRIX,
    Occurrence,
    clusters,
    declared,
    indicator_rows,
    matrix_rows,
    table_label,
)
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import define_messages, msg
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, TABLE_LABELS
from rktc.plan.formatting import rupiah
from rktc.plan.hierarchy import Indicator
from rktc.plan.names import first_word
from rktc.plan.values import Target, unit_of

PERCENT_WORDS = frozenset({"persentase", "prosentase", "presentase"})
COUNT_WORDS = frozenset({"jumlah", "banyaknya"})
MEASURABLE_WORDS = (
    PERCENT_WORDS
    | COUNT_WORDS
    | frozenset(
        {
            "indeks",
            "rasio",
            "tingkat",
            "nilai",
            "rata",
            "rerata",
            "proporsi",
            "angka",
            "opini",
            "predikat",
            "skor",
            "capaian",
            "frekuensi",
            "waktu",
            "lama",
            "kategori",
            "level",
            "cakupan",
            "prevalensi",
            "usia",
            "umur",
            "laju",
            "peringkat",
        }
    )
)
TABLE_PRIORITY = {RKT: 0, APBN: 1, INDIKATOR: 2, PROGRAM: 3, MATRIX: 4}
T = TypeVar("T")


class Fact(NamedTuple):
    """One written indicator; places are looked up only when a rule reports."""

    name: str
    satuan: str | None
    target: Target | None
    indicator: Indicator

    def at(self, ctx: Context, field: str) -> Location:
        return ctx.at(self.indicator.at(field))


def facts(ctx: Context) -> list[Fact]:
    """Every indicator as written, at every level: declarations (single source), the rows
    of the published tables and of a published matrix (see `common.declared`).

    Computed once per check run and shared by the rules that read it."""
    if "facts" not in ctx.cache:
        ctx.cache["facts"] = [
            Fact(ind.nama, ind.satuan, ind.target, ind)
            for ind in (d.indicator for d in declared(ctx))
        ]
    found: list[Fact] = ctx.cache["facts"]
    return found


@functools.lru_cache(maxsize=65536)
def _first_word(name: str) -> str:
    return first_word(name) or ""


# Texts reported by several rules of this module.
define_messages(
    __name__,
    {
        "hint.rule.mismatch": (
            "tetapkan satu nilai dan tulis sama di semua tabel",
            "decide one value and write it the same in every table",
        ),
        "related.value_here": ("{value} di {table}", "{value} in {table}"),
    },
)


@rule(
    "RKT201",
    "target-mismatch",
    expensive=True,
    messages={
        "rule.target_mismatch": (
            "target '{name}' di sini {value}, tetapi {other} di {tables}",
            "target of '{name}' is {value} here, but {other} in {tables}",
        ),
    },
)
def target_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """One indicator with different targets in different tables.

    The tables are the published ones (BAB II B, BAB II C, the RKT and APBN matrices) and
    a published hierarchical matrix (`tabel.matriks`). The matrix has one say for an
    indicator, and none where its own rows give it different targets: there each
    program, kegiatan or sub kegiatan measures its own output.

    ## Why is this bad?
    The document promises two different results for the same indicator; the
    Perjanjian Kinerja and the LKjIP will measure against one of them. In the
    published RKT 2023 of KPU Kabupaten Ogan Komering Ulu, the legal products
    indicator is 97 % in three tables and 93 % in the fourth.

    ## Example
    The legal products indicator is 97% in two tables and 93% in BAB II C.

        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          program:   # BAB II C
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 93%}
          rkt:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}

    ## Use instead
        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          program:   # BAB II C
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          rkt:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}

    ## Fix
    Decide the target and write it the same way everywhere (the finding points at
    the value that differs from the others).
    """
    yield from _mismatches(
        ctx,
        "target",
        lambda occ: occ.row.target,
        _same_target,
        lambda t: t.text,
        "rule.target_mismatch",
    )


@rule(
    "RKT202",
    "satuan-mismatch",
    expensive=True,
    messages={
        "rule.satuan_mismatch": (
            "satuan '{name}' di sini '{value}', tetapi '{other}' di {tables}",
            "satuan of '{name}' is '{value}' here, but '{other}' in {tables}",
        ),
    },
)
def satuan_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """One indicator with different satuan in different tables.

    The tables, the hierarchical matrix among them, are compared as for RKT201.

    ## Why is this bad?
    The satuan says what is counted; two satuan for one indicator means two
    different measurements.

    ## Example
    "Satker" in BAB II C, "Lembaga" in BAB II B and in the RKT matrix.

        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          program:   # BAB II C
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Satker, target: 97%}
          rkt:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}

    ## Use instead
        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          program:   # BAB II C
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          rkt:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}

    ## Fix
    Use one satuan for the indicator in every table.
    """
    yield from _mismatches(
        ctx,
        "satuan",
        lambda occ: occ.row.satuan,
        lambda a, b: unit_of(a).casefold() == unit_of(b).casefold(),
        str,
        "rule.satuan_mismatch",
    )


def _same_target(a: Target, b: Target) -> bool:
    if a.value is None or b.value is None or a.value != b.value:
        return a.same_as(b)
    ua, ub = a.unit.casefold().rstrip("."), b.unit.casefold().rstrip(".")
    shorter, longer = sorted((ua, ub), key=len)
    return a.same_as(b) or (len(shorter) >= 3 and longer.startswith(shorter))


def _mismatches(
    ctx: Context,
    field: str,
    value_of: Callable[[Occurrence], T | None],
    same: Callable[[T, T], bool],
    shown: Callable[[T], str],
    key: str,
) -> Iterator[Diagnostic]:
    if not ctx.document.literal:
        return
    groups = clusters(ctx, "indikator")
    by_indicator: dict[str, list[tuple[Occurrence, T]]] = {}
    for occ in indicator_rows(ctx):
        value = value_of(occ)
        if value is not None:
            by_indicator.setdefault(groups.group(occ.row.indikator or ""), []).append((occ, value))
    in_matrix: dict[str, list[tuple[Occurrence, T]]] = {}
    for occ in matrix_rows(ctx):
        value = value_of(occ)
        if value is not None:
            in_matrix.setdefault(groups.group(occ.row.indikator or ""), []).append((occ, value))
    for group, rows in in_matrix.items():
        # The matrix is one more table, with one say: unless its rows of the indicator
        # differ among themselves (each node measures its own output there).
        if group in by_indicator and len(_classes(rows, same)) == 1:
            by_indicator[group].append(rows[0])
    for rows in by_indicator.values():
        classes = _classes(rows, same)
        if len(classes) < 2:
            continue
        majority = classes[0]
        for minority in classes[1:]:
            for occ, value in minority:
                yield ctx.report(
                    occ.at(ctx, field),
                    msg(
                        key,
                        name=occ.row.indikator,
                        value=shown(value),
                        other=shown(majority[0][1]),
                        tables=", ".join(sorted({table_label(o.table) for o, _ in majority})),
                    ),
                    hint=msg("hint.rule.mismatch"),
                    related=[
                        (
                            o.at(ctx, field),
                            msg("related.value_here", value=shown(v), table=table_label(o.table)),
                        )
                        for o, v in majority
                    ],
                )


def _classes(
    rows: list[tuple[Occurrence, T]], same: Callable[[T, T], bool]
) -> list[list[tuple[Occurrence, T]]]:
    """Rows grouped by equal value, the majority first (ties: the RKT matrix wins).

    `same` holds of a value and itself: the values of the tables' rows are mostly the one
    object (read once per text), so that is asked first."""
    classes: list[list[tuple[Occurrence, T]]] = []
    for row in rows:
        for cls in classes:
            if cls[0][1] is row[1] or same(cls[0][1], row[1]):
                cls.append(row)
                break
        else:
            classes.append([row])
    if len(classes) == 1:
        return classes
    return sorted(classes, key=lambda c: (-len(c), min(TABLE_PRIORITY[o.table] for o, _ in c)))


@rule(
    "RKT203",
    "anggaran-mismatch",
    expensive=True,
    messages={
        "rule.anggaran_mismatch": (
            "anggaran '{name}' di sini {value}, tetapi {other} di {tables}",
            "anggaran of '{name}' is {value} here, but {other} in {tables}",
        ),
        "hint.rule.anggaran_mismatch": (
            "cari baris anggaran yang hilang atau berbeda untuk indikator ini",
            "look for a budget line of this indicator that is missing or different",
        ),
    },
)
def anggaran_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """One indicator with a different anggaran in different tables.

    ## Why is this bad?
    The money attached to an indicator must be the same wherever it is printed;
    a different sum means a budget line is missing from one table or typed twice.

    ## Example
    BAB II B lacks the 281.247.000 that the RKT matrix also ties to the indicator.

        tabel:
          indikator:
            - no: 1
              indikator: Persentase tersedianya sarana dan prasarana
              satuan: Lembaga
              target: 100%
              anggaran: 2.005.355.000   # the 281.247.000 of Layanan Perkantoran is missing
          rkt:
            - no: 1
              kegiatan: Layanan Sarana Internal
              indikator: Persentase tersedianya sarana dan prasarana
              satuan: Lembaga
              target: 100%
              anggaran: 2.005.355.000
            - no: 2
              kegiatan: Layanan Perkantoran
              indikator: Persentase tersedianya sarana dan prasarana
              satuan: Lembaga
              target: 100%
              anggaran: 281.247.000

    ## Use instead
        tabel:
          indikator:
            - no: 1
              indikator: Persentase tersedianya sarana dan prasarana
              satuan: Lembaga
              target: 100%
              anggaran: 2.286.602.000
          rkt:
            - no: 1
              kegiatan: Layanan Sarana Internal
              indikator: Persentase tersedianya sarana dan prasarana
              satuan: Lembaga
              target: 100%
              anggaran: 2.005.355.000
            - no: 2
              kegiatan: Layanan Perkantoran
              indikator: Persentase tersedianya sarana dan prasarana
              satuan: Lembaga
              target: 100%
              anggaran: 281.247.000

    ## Fix
    Add the missing budget line to the table, or correct the amount.
    """
    if not ctx.document.literal:
        return
    groups = clusters(ctx, "indikator")
    sums: dict[str, dict[str, list[Occurrence]]] = {}
    for occ in indicator_rows(ctx):
        if occ.row.anggaran is not None:
            by_table = sums.setdefault(groups.group(occ.row.indikator or ""), {})
            by_table.setdefault(occ.table, []).append(occ)
    for by_table in sums.values():
        if len(by_table) < 2:
            continue
        rows = [
            (occs[0], sum((o.row.anggaran or Decimal(0) for o in occs), Decimal(0)))
            for occs in by_table.values()
        ]
        classes = _classes(rows, lambda a, b: a == b)
        for minority in classes[1:]:
            for occ, total in minority:
                yield ctx.report(
                    occ.at(ctx, "anggaran"),
                    msg(
                        "rule.anggaran_mismatch",
                        name=occ.row.indikator,
                        value=rupiah(total),
                        other=rupiah(classes[0][0][1]),
                        tables=", ".join(sorted({TABLE_LABELS[o.table] for o, _ in classes[0]})),
                    ),
                    hint=msg("hint.rule.anggaran_mismatch"),
                    related=[
                        (
                            o.at(ctx, "anggaran"),
                            msg("related.value_here", value=rupiah(v), table=TABLE_LABELS[o.table]),
                        )
                        for o, v in classes[0]
                    ],
                )


@rule(
    "RKT204",
    "budget-line-mismatch",
    expensive=True,
    messages={
        "rule.budget_line": (
            "anggaran {amount} di sini untuk indikator '{name}', tetapi untuk '{other}' di {tables}",
            "anggaran {amount} is tied to indicator '{name}' here, but to '{other}' in {tables}",
        ),
        "hint.rule.budget_line": (
            "kaitkan anggaran kegiatan dengan indikator yang sama di semua tabel",
            "tie the kegiatan's anggaran to the same indicator in every table",
        ),
        "related.indicator_here": ("indikator di {table}", "indicator in {table}"),
    },
)
def budget_line_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """One budget line (the same anggaran) tied to different indicators in different tables.

    ## Why is this bad?
    Budgets must be attached to performance: the same money cannot buy two
    different results. Usually one table was copied from an older plan.

    ## Example
    Anggaran 32.588.000 measures one indicator in the RKT matrix and another in the
    APBN matrix.

        tabel:
          rkt:
            - no: 1
              kegiatan: Sosialisasi dan Pendidikan Pemilih
              indikator: Persentase partisipasi pemilih
              satuan: Persen
              target: 77,5%
              anggaran: 32.588.000
          apbn:
            - no: 1
              program: Program Penyelenggaraan Pemilu
              baris:
                - no: 1
                  kegiatan: Sosialisasi dan Pendidikan Pemilih
                  indikator: Persentase satker yang memiliki pendidikan ke pemilu
                  satuan: Persen
                  target: 77,5%
                  anggaran: 32.588.000

    ## Use instead
        tabel:
          rkt:
            - no: 1
              kegiatan: Sosialisasi dan Pendidikan Pemilih
              indikator: Persentase partisipasi pemilih
              satuan: Persen
              target: 77,5%
              anggaran: 32.588.000
          apbn:
            - no: 1
              program: Program Penyelenggaraan Pemilu
              baris:
                - no: 1
                  kegiatan: Sosialisasi dan Pendidikan Pemilih
                  indikator: Persentase partisipasi pemilih
                  satuan: Persen
                  target: 77,5%
                  anggaran: 32.588.000

    ## Fix
    Tie the kegiatan's anggaran to the same indicator in every table.
    """
    if not ctx.document.literal:
        return
    groups = clusters(ctx, "indikator")
    by_amount: dict[Decimal, list[tuple[Occurrence, str]]] = {}
    for occ in indicator_rows(ctx):
        if occ.row.anggaran:
            by_amount.setdefault(occ.row.anggaran, []).append(
                (occ, groups.group(occ.row.indikator or ""))
            )
    for amount, rows in by_amount.items():
        if len({o.table for o, _ in rows}) < 2 or any(
            n > 1 for n in Counter(o.table for o, _ in rows).values()
        ):
            continue  # not shared between tables, or ambiguous within one table
        counts = Counter(group for _, group in rows)
        if len(counts) < 2:
            continue
        best = min(
            counts,
            key=lambda g: (-counts[g], min(TABLE_PRIORITY[o.table] for o, h in rows if h == g)),
        )
        majority = [o for o, g in rows if g == best]
        for occ, group in rows:
            if group != best:
                yield ctx.report(
                    occ.at(ctx, "indikator"),
                    msg(
                        "rule.budget_line",
                        amount=rupiah(amount),
                        name=occ.row.indikator,
                        other=majority[0].row.indikator,
                        tables=", ".join(sorted({TABLE_LABELS[o.table] for o in majority})),
                    ),
                    hint=msg("hint.rule.budget_line"),
                    related=[
                        (
                            o.at(ctx, "indikator"),
                            msg("related.indicator_here", table=TABLE_LABELS[o.table]),
                        )
                        for o in majority
                    ],
                )


@rule(
    "RKT210",
    "percentage-target-mismatch",
    messages={
        "rule.percent_count": (
            "indikator persentase dengan target jumlah '{target}'",
            "a percentage indicator with the count target '{target}'",
        ),
        "hint.rule.percent_count": (
            "tulis target sebagai persen (mis. 100%), atau ganti nama indikator menjadi 'Jumlah ...'",
            "write the target as a percentage (e.g. 100%), or rename the indicator 'Jumlah ...'",
        ),
        "rule.percent_over": (
            "target persentase '{target}' lebih dari 100%",
            "percentage target '{target}' is above 100%",
        ),
        "hint.rule.percent_over": (
            "periksa angkanya; persentase capaian paling tinggi 100%",
            "check the figure; a percentage of coverage is at most 100%",
        ),
    },
)
def percentage_target(ctx: Context) -> Iterator[Diagnostic]:
    """A "Persentase ..." indicator whose target is a count ("13 kec", "1 lembaga") or above 100%.

    Checked for the indicators of every level (tujuan, sasaran, program, kegiatan, sub
    kegiatan, RO), the published tables and the rows of a published matrix; so are
    RKT211, RKT212 and RKT213.

    ## Why is this bad?
    A percentage indicator must have a percentage target, or it cannot be
    measured (the "M" of SMART in the LKE).

    ## Example
        tabel:
          rkt:
            - {no: 1, indikator: Persentase pelaksanaan pemungutan suara, satuan: Kecamatan, target: 13 kec}

    ## Use instead
        tabel:
          rkt:
            - {no: 1, indikator: Persentase pelaksanaan pemungutan suara, satuan: Kecamatan, target: 100%}

    ## Fix
    Write the target as a percentage (100%), or rename the indicator "Jumlah ...".
    """
    for fact in facts(ctx):
        if _first_word(fact.name) not in PERCENT_WORDS or fact.target is None:
            continue
        target = fact.target
        if target.is_count:
            yield ctx.report(
                fact.at(ctx, "target"),
                msg("rule.percent_count", target=target.text),
                hint=msg("hint.rule.percent_count"),
            )
        elif target.is_percent and target.value is not None and target.value > 100:
            yield ctx.report(
                fact.at(ctx, "target"),
                msg("rule.percent_over", target=target.text),
                hint=msg("hint.rule.percent_over"),
            )


@rule(
    "RKT211",
    "count-target-is-percentage",
    messages={
        "rule.count_percent": (
            "indikator 'Jumlah ...' dengan target persen '{target}'",
            "a 'Jumlah ...' indicator with the percentage target '{target}'",
        ),
        "hint.rule.count_percent": (
            "tulis banyaknya (mis. 2 laporan), atau ganti nama menjadi 'Persentase ...'",
            "write the count (e.g. 2 laporan), or rename it 'Persentase ...'",
        ),
    },
)
def count_target(ctx: Context) -> Iterator[Diagnostic]:
    """A "Jumlah ..." indicator whose target is a percentage.

    ## Why is this bad?
    A count ("Jumlah laporan") is measured in units, not percent.

    ## Example
        tabel:
          rkt:
            - {no: 1, indikator: Jumlah laporan keuangan, satuan: Laporan, target: 100%}

    ## Use instead
        tabel:
          rkt:
            - {no: 1, indikator: Jumlah laporan keuangan, satuan: Laporan, target: 2 laporan}

    ## Fix
    Write the number of units (2 laporan), or rename the indicator "Persentase ...".
    """
    for fact in facts(ctx):
        if _first_word(fact.name) in COUNT_WORDS and fact.target and fact.target.is_percent:
            yield ctx.report(
                fact.at(ctx, "target"),
                msg("rule.count_percent", target=fact.target.text),
                hint=msg("hint.rule.count_percent"),
            )


@rule(
    "RKT212",
    "quantity-in-satuan",
    messages={
        "rule.quantity_in_satuan": (
            "satuan '{satuan}' memuat angka",
            "satuan '{satuan}' contains a quantity",
        ),
        "hint.rule.quantity_in_satuan": (
            "tulis satuannya saja: `satuan: {unit}`; angkanya masuk ke target",
            "write only the unit: `satuan: {unit}`; the number belongs in the target",
        ),
    },
)
def quantity_in_satuan(ctx: Context) -> Iterator[Diagnostic]:
    """A satuan that starts with a number ("1 lembaga", "3 lembaga").

    ## Why is this bad?
    The satuan names the unit; the number belongs in the target. "1 lembaga" as
    satuan with target "97 %" cannot be read.

    ## Example
        tabel:
          rkt:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: 1 Lembaga, target: 97%}

    ## Use instead
        tabel:
          rkt:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}

    ## Fix
    Write only the unit: `satuan: Lembaga`.
    """
    for fact in facts(ctx):
        satuan = (fact.satuan or "").strip()
        if satuan[:1].isdigit():
            unit = unit_of(satuan) or satuan
            yield ctx.report(
                fact.at(ctx, "satuan"),
                msg("rule.quantity_in_satuan", satuan=satuan),
                hint=msg("hint.rule.quantity_in_satuan", unit=unit),
            )


@rule(
    "RKT213",
    "unmeasurable-indicator",
    Severity.WARNING,
    messages={
        "rule.unmeasurable": (
            "nama indikator '{name}' tidak menyebut apa yang diukur",
            "indicator name '{name}' does not say what is measured",
        ),
        "hint.rule.unmeasurable": (
            "awali dengan ukuran: Persentase, Jumlah, Indeks, Rasio, Tingkat ...",
            "start with the measure: Persentase, Jumlah, Indeks, Rasio, Tingkat ...",
        ),
    },
)
def unmeasurable(ctx: Context) -> Iterator[Diagnostic]:
    """An indicator whose name has no measurable keyword (Persentase, Jumlah, Indeks, ...).

    ## Why is this bad?
    An indicator must say what is measured. A name like "Terwujudnya ..." or
    "Pembentukan ..." is a sasaran or an activity, not an indicator.

    ## Example
        tabel:
          rkt:
            - {no: 1, indikator: Pembentukan badan penyelenggara adhoc, satuan: Kecamatan, target: 13 kec}

    ## Use instead
        tabel:
          rkt:
            - {no: 1, indikator: Jumlah badan adhoc yang dibentuk, satuan: Kecamatan, target: 13 kec}

    ## Fix
    Start the name with what is measured: "Jumlah badan adhoc yang dibentuk".
    """
    for fact in facts(ctx):
        if _first_word(fact.name) not in MEASURABLE_WORDS:
            yield ctx.report(
                fact.at(ctx, "nama"),
                msg("rule.unmeasurable", name=fact.name),
                hint=msg("hint.rule.unmeasurable"),
            )
