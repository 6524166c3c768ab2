"""Rules about sums of anggaran: between tables, per program, and against the pagu."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rktc.check.rules.base import Context, rule
from rktc.check.rules.common import MATRIX, MATRIX_LABEL, clusters, level_label, table_label
from rktc.core.diagnostics import Diagnostic, Severity
from rktc.core.messages import msg
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, TABLE_LABELS, Table
from rktc.plan.formatting import rupiah

BUDGET_TABLES = (RKT, APBN, INDIKATOR, PROGRAM)


def table_total(table: Table) -> Decimal | None:
    amounts = [r.anggaran for r in table.all_rows() if r.anggaran is not None]
    return sum(amounts, Decimal(0)) if amounts else None


def document_total(ctx: Context) -> tuple[Decimal, str | None, tuple[str | int, ...]]:
    """The plan's total anggaran, the table it was added up in (None: the kegiatan of the
    single source) and where that is written: the kegiatan, or the first budget table."""
    if not ctx.document.literal:
        hierarchy = ctx.hierarchy
        top = hierarchy.roots[0].path[:1] if hierarchy.roots else ("program",)
        return hierarchy.total(), None, top
    for kind in BUDGET_TABLES:
        table = ctx.document.table(kind)
        total = table_total(table) if table else None
        if table is not None and total is not None:
            return total, kind, table.path
    matrix = matrix_total(ctx)
    if matrix is not None:
        return matrix, MATRIX, MATRIX_PATH
    return Decimal(0), None, ("tabel",)


MATRIX_PATH = ("tabel", "matriks")


def matrix_total(ctx: Context) -> Decimal | None:
    """What the rows of a published matrix that hold money add up to (its leaves; a
    "Jumlah" row is a total, never a budget line), or None without a matrix or money."""
    hierarchy = ctx.hierarchy
    if not hierarchy.published or not hierarchy.has_money():
        return None
    return hierarchy.total()


@rule(
    "RKT301",
    "total-mismatch",
    messages={
        "rule.total_mismatch": (
            "jumlah anggaran {table} {total}, tetapi {other} di {tables} (selisih {difference})",
            (
                "anggaran in {table} adds up to {total}, but to {other} in {tables} "
                "(difference {difference})"
            ),
        ),
        "hint.rule.total_mismatch": (
            "cari baris anggaran yang hilang atau berbeda di tabel ini",
            "look for a budget line missing or different in this table",
        ),
        "related.total_here": ("{table}: {total}", "{table}: {total}"),
    },
)
def total_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """The anggaran of the document's tables add up to different totals (in all, or per program).

    A published hierarchical matrix (`tabel.matriks`) is one of the tables: its total is
    that of the rows that hold the money (sub kegiatan, RO), never of a "Jumlah" row.

    ## Why is this bad?
    Every table shows the same budget; different totals mean a budget line is
    missing from a table or typed twice. Reviewers check the sums against the DIPA.

    ## Example
    The RKT matrix adds up to 2.286.602.000, BAB II B to 2.005.355.000: the budget
    line of "Layanan perkantoran" is missing from BAB II B.

        tabel:
          indikator:
            - {no: 1, indikator: Persentase tersedianya sarana dan prasarana, anggaran: 2.005.355.000}
          rkt:
            - {no: 1, indikator: Persentase tersedianya sarana dan prasarana, anggaran: 2.005.355.000}
            - {no: 2, indikator: Persentase layanan perkantoran, anggaran: 281.247.000}

    ## Use instead
        tabel:
          indikator:
            - {no: 1, indikator: Persentase tersedianya sarana dan prasarana, anggaran: 2.005.355.000}
            - {no: 2, indikator: Persentase layanan perkantoran, anggaran: 281.247.000}
          rkt:
            - {no: 1, indikator: Persentase tersedianya sarana dan prasarana, anggaran: 2.005.355.000}
            - {no: 2, indikator: Persentase layanan perkantoran, anggaran: 281.247.000}

    ## Fix
    Add the missing budget line, or correct the amount that differs.
    """
    if not ctx.document.literal:
        return
    totals: list[tuple[str, tuple[str | int, ...], Decimal]] = []
    for kind in BUDGET_TABLES:
        table = ctx.document.table(kind)
        total = table_total(table) if table else None
        if table is not None and total is not None:
            totals.append((TABLE_LABELS[kind], table.path, total))
    matrix = matrix_total(ctx)
    if matrix is not None:
        totals.append((MATRIX_LABEL, MATRIX_PATH, matrix))
    if len(totals) >= 2:
        yield from _compare(ctx, totals)
    yield from _per_program(ctx)


def _per_program(ctx: Context) -> Iterator[Diagnostic]:
    groups = clusters(ctx, "program")
    sums: dict[str, list[tuple[str, tuple[str | int, ...], Decimal]]] = {}
    for kind in (PROGRAM, APBN):
        table = ctx.document.table(kind)
        for group in table.groups if table else []:
            amounts = [r.anggaran for r in group.rows if r.anggaran is not None]
            if amounts:
                sums.setdefault(groups.group(group.program), []).append(
                    (TABLE_LABELS[kind], (*group.path, "program"), sum(amounts, Decimal(0)))
                )
    for items in sums.values():
        if len(items) >= 2:
            yield from _compare(ctx, items)


def _compare(
    ctx: Context, items: list[tuple[str, tuple[str | int, ...], Decimal]]
) -> Iterator[Diagnostic]:
    counts: dict[Decimal, int] = {}
    for _label, _path, total in items:
        counts[total] = counts.get(total, 0) + 1
    if len(counts) < 2:
        return
    best = max(counts, key=lambda v: counts[v])  # ties: the first table in BUDGET_TABLES order
    majority = [(label, path) for label, path, total in items if total == best]
    for label, path, total in items:
        if total != best:
            yield ctx.report(
                path,
                msg(
                    "rule.total_mismatch",
                    table=label,
                    total=rupiah(total),
                    other=rupiah(best),
                    tables=", ".join(m[0] for m in majority),
                    difference=rupiah(abs(best - total)),
                ),
                hint=msg("hint.rule.total_mismatch"),
                related=[
                    (ctx.at(p), msg("related.total_here", table=m, total=rupiah(best)))
                    for m, p in majority
                ],
            )


@rule(
    "RKT302",
    "pagu-mismatch",
    messages={
        "rule.pagu": (
            "jumlah anggaran {total} tidak sama dengan pagu {pagu} (selisih {difference})",
            "anggaran adds up to {total}, not to the pagu {pagu} (difference {difference})",
        ),
        "related.pagu_table": (
            "anggaran {table} berjumlah {total}",
            "anggaran in {table} adds up to {total}",
        ),
        "related.pagu_kegiatan": (
            "anggaran {level} berjumlah {total}",
            "the anggaran of the {level} add up to {total}",
        ),
        "hint.rule.pagu": (
            "sesuaikan anggaran dengan pagu DIPA/DPA, atau perbaiki pagu",
            "match the anggaran to the pagu of the DIPA (DPA), or correct the pagu",
        ),
    },
)
def pagu_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """The anggaran of the plan do not add up to the declared pagu.

    The anggaran are those of the leaves of the hierarchy (a KPU kegiatan, a Pemda sub
    kegiatan, a K/L RO), of the first published table that has them, or of the rows of
    a published matrix (`tabel.matriks`) that hold money.

    ## Why is this bad?
    The RKT must spend exactly the budget ceiling of the DIPA (a Pemda OPD: its DPA):
    less means budget lines are missing, more means the plan cannot be funded.

    ## Example
        pagu: 31.000.000.000
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 30.577.023.000
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S1, satuan: Lembaga, target: 100%}

    ## Use instead
        pagu: 30.577.023.000
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 30.577.023.000
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S1, satuan: Lembaga, target: 100%}

    ## Fix
    Correct the anggaran of the kegiatan (sub kegiatan, RO), or the pagu.
    """
    pagu = ctx.plan.pagu
    if pagu is None:
        return
    total, kind, where = document_total(ctx)
    if total != pagu:
        added = (
            msg("related.pagu_table", table=table_label(kind), total=rupiah(total))
            if kind
            else msg(
                "related.pagu_kegiatan",
                level=level_label(ctx.hierarchy.leaf_level()),
                total=rupiah(total),
            )
        )
        yield ctx.report(
            ("pagu",),
            msg(
                "rule.pagu",
                total=rupiah(total),
                pagu=rupiah(pagu),
                difference=rupiah(abs(pagu - total)),
            ),
            hint=msg("hint.rule.pagu"),
            related=[(ctx.source.key(where), added)],
        )


@rule(
    "RKT303",
    "zero-anggaran",
    Severity.WARNING,
    messages={
        "rule.zero_anggaran": (
            "anggaran '{name}' adalah 0",
            "the anggaran of '{name}' is 0",
        ),
        "hint.rule.zero_anggaran": (
            (
                "tulis anggaran dari DIPA; kegiatan yang memang tidak dibiayai di sini "
                "dihapus, atau ditandai `# rktc: ignore[RKT303]`"
            ),
            (
                "write the anggaran from the DIPA; a kegiatan really not funded here is "
                "removed, or marked `# rktc: ignore[RKT303]`"
            ),
        ),
    },
)
def zero_anggaran(ctx: Context) -> Iterator[Diagnostic]:
    """A kegiatan, sub kegiatan or RO (or a table or matrix row) with an anggaran of 0.

    ## Why is this bad?
    Every kegiatan of an RKT is a budget line of the DIPA: its targets are what its
    money buys. A 0 is almost always a figure not filled in yet, or a template value
    left behind; printed, it promises results for nothing, and the totals (RKT301,
    RKT302) cannot show it because a 0 adds nothing. It is a warning, not an error,
    because a 0 can be deliberate (a kegiatan carried by another unit's DIPA, or
    whose cost sits in a shared line such as "Layanan Perkantoran"): the reviewer
    asks, the planner answers, and says so with `# rktc: ignore[RKT303]`. In the
    published tables a row that leaves `anggaran` out is not flagged: only a written
    0 (`0`, `Rp0`, `Rp 0,-`) is.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 0
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S1, satuan: Lembaga, target: 100%}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 1.250.000.000
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S1, satuan: Lembaga, target: 100%}

    ## Fix
    Write the kegiatan's anggaran from the DIPA. A kegiatan that is not funded in this
    plan is removed, or its 0 is marked `# rktc: ignore[RKT303]` with the reason in a
    comment nearby.
    """
    hierarchy = ctx.hierarchy
    if not ctx.document.literal or hierarchy.published:
        for leaf in hierarchy.leaves():
            if leaf.anggaran == 0:  # a matrix row without an amount is None, not 0
                yield ctx.report(
                    leaf.at("anggaran"),
                    msg("rule.zero_anggaran", name=leaf.nama),
                    hint=msg("hint.rule.zero_anggaran"),
                )
    if not ctx.document.literal:
        return
    for kind in BUDGET_TABLES:
        table = ctx.document.table(kind)
        for row in table.all_rows() if table else []:
            if row.anggaran == 0:  # None (left out) is not 0
                yield ctx.report(
                    row.path("anggaran"),
                    msg("rule.zero_anggaran", name=row.kegiatan or row.indikator or "-"),
                    hint=msg("hint.rule.zero_anggaran"),
                )
