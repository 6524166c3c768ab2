"""Rules about structure and references: numbering, ids, declared and used names."""

from __future__ import annotations

from collections.abc import Iterator

from rktc.check.rules.base import PUBLISHED, Context, rule
from rktc.check.rules.common import (
    MATRIX,
    Occurrence,
    clusters,
    indicator_rows,
    renamed_indicators,
    rows_of,
    table_label,
    tables_present,
)
from rktc.core.diagnostics import Diagnostic, Location
from rktc.core.messages import Message, define_messages, msg
from rktc.plan.document import (
    APBN,
    INDIKATOR,
    PROGRAM,
    RKT,
    SASARAN,
    TABLE_LABELS,
    declared_indicators,
)
from rktc.plan.hierarchy import Indicator, Node
from rktc.plan.names import Clusters, name_key
from rktc.plan.schema2 import MatriksRow
from rktc.plan.values import Target, TargetKind

Loc = tuple[str | int, ...]


# Texts reported by several rules of this module.
define_messages(
    __name__,
    {
        "hint.rule.known_ids": ("kode yang ada: {ids}", "declared ids: {ids}"),
        "related.first_declared": ("pertama ditulis di sini: {id}", "first declared here: {id}"),
        "related.also_in": ("juga di {table}", "also in {table}"),
    },
)


@rule(
    "RKT101",
    "numbering-error",
    messages={
        "rule.numbering.missing": (
            "baris tanpa nomor di {table} (seharusnya {expected})",
            "row without a number in {table} ({expected} expected)",
        ),
        "rule.numbering.duplicate": (
            "nomor {no} dipakai lagi di {table} (seharusnya {expected})",
            "number {no} is used again in {table} ({expected} expected)",
        ),
        "rule.numbering.order": (
            "nomor {no} di {table}, padahal seharusnya {expected}",
            "number {no} in {table} where {expected} was expected",
        ),
        "hint.rule.numbering": (
            "nomori baris 1, 2, 3 ... berurutan tanpa lompatan",
            "number the rows 1, 2, 3 ... in order without gaps",
        ),
        "related.first_number": ("nomor {no} pertama di sini", "first number {no} here"),
    },
)
def numbering(ctx: Context) -> Iterator[Diagnostic]:
    """A numbered table or list whose numbers repeat, skip, go backwards or are missing.

    ## Why is this bad?
    Reviewers cite rows by number. A table numbered 1..10 and then 8 (as in the
    published RKT 2023 of KPU Kabupaten Ogan Komering Ulu) shows that rows were
    copied between tables by hand, and makes every later reference ambiguous.

    ## Example
        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan}
            - {no: 2, indikator: Persentase tersedianya sarana dan prasarana}
            - {no: 1, indikator: Persentase laporan keuangan yang tepat waktu}

    ## Use instead
        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan}
            - {no: 2, indikator: Persentase tersedianya sarana dan prasarana}
            - {no: 3, indikator: Persentase laporan keuangan yang tepat waktu}

    ## Fix
    Number the rows 1, 2, 3 ... in order. A published matrix (`tabel.matriks`) may be
    numbered straight through or within each parent (the kegiatan of a program 1, 2 ...);
    the finding follows whichever the numbers show. A plan in the single-source form is
    numbered by rktc and cannot have this problem.
    """
    if not ctx.document.literal:
        return
    for kind in (SASARAN, INDIKATOR, RKT):
        table = ctx.document.table(kind)
        if table is not None:
            yield from _check_sequence(ctx, kind, [(r.no, r.path("no")) for r in table.rows])
    for kind in (PROGRAM, APBN):
        table = ctx.document.table(kind)
        if table is None:
            continue
        if any(g.no is not None for g in table.groups):
            yield from _check_sequence(ctx, kind, [(g.no, (*g.path, "no")) for g in table.groups])
        for group in table.groups:
            yield from _check_sequence(ctx, kind, [(r.no, r.path("no")) for r in group.rows])
    yield from _matrix_numbering(ctx)


def _matrix_numbering(ctx: Context) -> Iterator[Diagnostic]:
    """The `no` of a published matrix: numbered straight through (1, 2, 3 ... over every
    numbered row) or within each parent (the kegiatan of a program 1, 2 ...). Whichever
    reading explains the numbers with fewer findings is the one the matrix was numbered by;
    a row left unnumbered among numbered siblings counts as missing only in the second."""
    hierarchy = ctx.hierarchy
    if not hierarchy.published or ctx.plan.tabel is None:
        return
    rows: list[MatriksRow] = getattr(ctx.plan.tabel, "matriks", [])

    def number(node: Node) -> tuple[int | None, Loc]:
        return rows[int(node.path[-1])].no, node.at("no")

    nodes = list(hierarchy.nodes())
    straight = list(
        _check_sequence(ctx, MATRIX, [number(n) for n in nodes if number(n)[0] is not None])
    )
    if not straight:
        return
    within: list[Diagnostic] = []
    for siblings in [hierarchy.roots, *(n.children for n in nodes)]:
        numbers = [number(n) for n in siblings]
        if any(no is not None for no, _ in numbers):
            within.extend(_check_sequence(ctx, MATRIX, numbers))
    yield from within if len(within) < len(straight) else straight


def _check_sequence(
    ctx: Context, kind: str, items: list[tuple[int | None, Loc]]
) -> Iterator[Diagnostic]:
    expected = 1
    first_seen: dict[int, Loc] = {}  # a position is looked up only for a finding
    label = table_label(kind)
    for number, path in items:
        if number is None:
            yield ctx.report(
                ctx.at(path),
                msg("rule.numbering.missing", table=label, expected=expected),
                hint=msg("hint.rule.numbering"),
            )
            continue
        if number in first_seen:
            first = first_seen[number]
            yield ctx.report(
                ctx.at(path),
                msg("rule.numbering.duplicate", table=label, no=number, expected=expected),
                hint=msg("hint.rule.numbering"),
                related=[(ctx.at(first), msg("related.first_number", no=number))],
            )
            expected = max(expected, number + 1)
            continue
        if number != expected:
            yield ctx.report(
                ctx.at(path),
                msg("rule.numbering.order", table=label, no=number, expected=expected),
                hint=msg("hint.rule.numbering"),
            )
        first_seen[number] = path
        expected = number + 1


@rule(
    "RKT102",
    "unknown-sasaran",
    messages={
        "rule.unknown_sasaran": (
            "sasaran '{id}' tidak dideklarasikan",
            "sasaran '{id}' is not declared",
        ),
        "related.declared_sasaran": ("sasaran yang dideklarasikan", "the declared sasaran"),
    },
)
def unknown_sasaran(ctx: Context) -> Iterator[Diagnostic]:
    """An indicator serves a sasaran id that the plan does not declare.

    Checked wherever an indicator says `sasaran:`, at every level. A format 2 indicator
    may leave it out: a Pemda or K/L program, kegiatan or sub kegiatan indicator serves
    its level, and a sasaran's own IKU are listed under it.

    ## Why is this bad?
    Every indicator must measure a declared sasaran strategis; an unknown id is
    usually a typo, and the indicator would be printed under no sasaran.

    ## Example
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 1.250.000.000
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S7, satuan: Lembaga, target: 100%}

    ## Use instead
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 1.250.000.000
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S1, satuan: Lembaga, target: 100%}

    ## Fix
    Use one of the declared ids, or declare the sasaran.
    """
    declared = [s.id for s in ctx.plan.sasaran]
    for path, ind in _declarations(ctx):
        if ind.sasaran is not None and ind.sasaran not in declared:
            yield ctx.report(
                (*path, "sasaran"),
                msg("rule.unknown_sasaran", id=ind.sasaran),
                hint=_choices(declared),
                related=[(ctx.source.key(("sasaran",)), msg("related.declared_sasaran"))]
                if declared
                else None,
            )


@rule(
    "RKT103",
    "unknown-indicator-ref",
    messages={
        "rule.unknown_ref": (
            "ref '{id}' tidak merujuk indikator mana pun",
            "ref '{id}' does not name any indicator",
        ),
    },
)
def unknown_ref(ctx: Context) -> Iterator[Diagnostic]:
    """A `ref:` names an indicator id that no indicator declares.

    ## Why is this bad?
    The kegiatan would have no indicator, so its anggaran would be tied to nothing.

    ## Example
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Layanan Sarana Internal
                anggaran: 2.005.355.000
                indikator:
                  - id: IK-SARANA
                    nama: Persentase tersedianya sarana dan prasarana
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
              - nama: Layanan Perkantoran
                anggaran: 281.247.000
                indikator:
                  - ref: IK-SARPRAS   # no indicator has `id: IK-SARPRAS`

    ## Use instead
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Layanan Sarana Internal
                anggaran: 2.005.355.000
                indikator:
                  - id: IK-SARPRAS
                    nama: Persentase tersedianya sarana dan prasarana
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
              - nama: Layanan Perkantoran
                anggaran: 281.247.000
                indikator:
                  - ref: IK-SARPRAS

    ## Fix
    Give the shared indicator `id: IK-SARPRAS` where it is declared, or correct the ref.
    """
    declared = declared_indicators(ctx.plan)
    for ref, path in ctx.hierarchy.references:
        if ref not in declared:
            yield ctx.report(
                (*path, "ref"),
                msg("rule.unknown_ref", id=ref),
                hint=_choices(sorted(declared)),
            )


@rule(
    "RKT104",
    "duplicate-id",
    messages={
        "rule.duplicate_id": ("kode '{id}' dipakai dua kali", "id '{id}' is declared twice"),
        "hint.rule.duplicate_id": (
            "beri setiap sasaran dan indikator kode yang berbeda",
            "give each sasaran and indicator its own id",
        ),
    },
)
def duplicate_id(ctx: Context) -> Iterator[Diagnostic]:
    """Two sasaran, or two indicators, declare the same id.

    Every indicator with an `id:` counts, at every level: of the tujuan, the sasaran (IKU)
    and each level of the hierarchy.

    ## Why is this bad?
    References by id would silently pick the first one.

    ## Example
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
          - {id: S1, nama: Meningkatnya Partisipasi Pemilih}

    ## Use instead
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
          - {id: S2, nama: Meningkatnya Partisipasi Pemilih}
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 1.250.000.000
                indikator:
                  - {nama: Persentase tahapan tepat jadwal, sasaran: S1, satuan: Lembaga, target: 100%}
                  - {nama: Persentase partisipasi pemilih, sasaran: S2, satuan: Persen, target: 78%}

    ## Fix
    Give each sasaran and each shared indicator its own id.
    """
    seen: dict[str, Location] = {}
    items: list[tuple[Loc, str]] = [
        (("sasaran", i, "id"), s.id) for i, s in enumerate(ctx.plan.sasaran)
    ]
    items += [((*path, "id"), ind.id) for path, ind in _declarations(ctx) if ind.id]
    for path, ident in items:
        where = ctx.at(path)
        if ident in seen:
            yield ctx.report(
                where,
                msg("rule.duplicate_id", id=ident),
                hint=msg("hint.rule.duplicate_id"),
                related=[(seen[ident], msg("related.first_declared", id=ident))],
            )
        else:
            seen[ident] = where


@rule(
    "RKT105",
    "sasaran-without-indicator",
    messages={
        "rule.unused_sasaran": (
            "sasaran '{name}' tidak punya indikator",
            "sasaran '{name}' has no indicator",
        ),
        "hint.rule.unused_sasaran": (
            "tambahkan indikator dengan `sasaran:` ini, atau hapus sasarannya",
            "add an indicator with this `sasaran:`, or remove the sasaran",
        ),
        "hint.rule.unused_sasaran_table": (
            "sasaran ini tidak muncul di tabel mana pun: tambahkan indikatornya atau hapus",
            "this sasaran appears in no table: add its indicators or remove it",
        ),
    },
)
def unused_sasaran(ctx: Context) -> Iterator[Diagnostic]:
    """A declared sasaran that no indicator serves (or that no table of the document uses).

    A sasaran is served by its own indicators (format 2: its IKU, `sasaran[].indikator`),
    by an indicator of any level that names it (`sasaran: S1`), or, in a published plan,
    by a table that prints indicators under its name.

    ## Why is this bad?
    A sasaran without an indicator cannot be measured; evaluators (LKE) check that
    every sasaran strategis has at least one indicator.

    ## Example
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
          - {id: S2, nama: Terwujudnya Pemilu Serentak yang Aman dan Damai}
        # ... and no indicator has `sasaran: S2`

    ## Use instead
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}

    ## Fix
    Add an indicator for it, or remove the sasaran.
    """
    printed: set[str] = set()
    if ctx.document.literal:
        yield from _unused_literal_sasaran(ctx)
        groups = clusters(ctx, "sasaran")
        printed = {groups.group(o.row.sasaran) for o in rows_of(ctx) if o.row.sasaran}
    used = {ind.sasaran for _, ind in _declarations(ctx)}
    for i, goal in enumerate(ctx.hierarchy.sasaran):
        if goal.indicators or goal.id in used:
            continue  # its own IKU, or indicators of the levels below serve it
        if printed and _printed(clusters(ctx, "sasaran"), goal.nama, printed):
            continue  # a published table prints indicators under it
        yield ctx.report(
            ("sasaran", i, "id"),
            msg("rule.unused_sasaran", name=goal.nama),
            hint=msg("hint.rule.unused_sasaran"),
        )


def _printed(groups: Clusters, name: str, printed: set[str]) -> bool:
    """Whether a sasaran's name (or a variant of it) is among the `printed` name groups."""
    return groups.key(name) in groups.variants and groups.group(name) in printed


def _unused_literal_sasaran(ctx: Context) -> Iterator[Diagnostic]:
    declared = ctx.document.table(SASARAN)
    if declared is None:
        return
    groups = clusters(ctx, "sasaran")
    used = {groups.group(o.row.sasaran) for o in rows_of(ctx) if o.row.sasaran}
    for row in declared.rows:
        if row.sasaran and groups.group(row.sasaran) not in used:
            yield ctx.report(
                row.path("sasaran"),
                msg("rule.unused_sasaran", name=row.sasaran),
                hint=msg("hint.rule.unused_sasaran_table"),
            )


@rule(
    "RKT106",
    "undeclared-sasaran",
    messages={
        "rule.undeclared_sasaran": (
            "sasaran '{name}' tidak ada dalam daftar sasaran strategis (BAB II A)",
            "sasaran '{name}' is not in the list of sasaran strategis (BAB II A)",
        ),
        "hint.rule.undeclared_sasaran": (
            "tambahkan ke BAB II A, atau pakai rumusan sasaran yang sudah ada",
            "add it to BAB II A, or use the wording of a declared sasaran",
        ),
        "related.sasaran_list": (
            "daftar sasaran strategis (BAB II A), yang tidak memuatnya",
            "the list of sasaran strategis (BAB II A), which lacks it",
        ),
    },
)
def undeclared_sasaran(ctx: Context) -> Iterator[Diagnostic]:
    """A table row names a sasaran that the list of sasaran strategis (BAB II A) does not declare.

    ## Why is this bad?
    The tables should measure the sasaran the plan declares. A sasaran that only
    appears inside a table was invented, renamed or copied from another year.

    ## Example
        tabel:
          sasaran:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal}
          rkt:
            - no: 1
              sasaran: Ketersediaan suara pemilih hasil pemilu
              kegiatan: Dukungan Pemutakhiran Data Pemilih
              indikator: Persentase pemutakhiran data pemilih tepat waktu
              satuan: Lembaga
              target: 100%

    ## Use instead
        tabel:
          sasaran:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal}
          rkt:
            - no: 1
              sasaran: Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal
              kegiatan: Dukungan Pemutakhiran Data Pemilih
              indikator: Persentase pemutakhiran data pemilih tepat waktu
              satuan: Lembaga
              target: 100%

    ## Fix
    Add the sasaran to BAB II A, or use the declared wording in the table.
    """
    declared = ctx.document.table(SASARAN)
    if not ctx.document.literal or declared is None:
        return
    groups = clusters(ctx, "sasaran")
    known = {groups.group(r.sasaran) for r in declared.rows if r.sasaran}
    by_group: dict[str, list[Occurrence]] = {}
    for occ in rows_of(ctx):
        if occ.row.sasaran and groups.group(occ.row.sasaran) not in known:
            by_group.setdefault(groups.group(occ.row.sasaran), []).append(occ)
    for occs in by_group.values():
        first, others = occs[0], occs[1:]
        yield ctx.report(
            first.at(ctx, "sasaran"),
            msg("rule.undeclared_sasaran", name=first.row.sasaran),
            hint=msg("hint.rule.undeclared_sasaran"),
            related=[
                (ctx.source.key(declared.path), msg("related.sasaran_list")),
                *(
                    (o.at(ctx, "sasaran"), msg("related.also_in", table=TABLE_LABELS[o.table]))
                    for o in others
                ),
            ],
        )


@rule(
    "RKT107",
    "indicator-missing-from-table",
    expensive=True,
    messages={
        "rule.missing_from_table": (
            "indikator '{name}' ada di {present} tetapi tidak di {missing}",
            "indicator '{name}' is in {present} but not in {missing}",
        ),
        "hint.rule.missing_from_table": (
            "tambahkan indikator ke tabel yang belum memuatnya, atau hapus dari semua tabel",
            "add the indicator to the tables that lack it, or remove it from all of them",
        ),
        "related.missing_here": ("tidak ada di {table}", "missing from {table}"),
    },
)
def missing_from_table(ctx: Context) -> Iterator[Diagnostic]:
    """An indicator that appears in some of the document's tables and not in others.

    ## Why is this bad?
    Each table of an RKT presents the same indicators from another angle (by
    program, with budgets, in the matrix). An indicator missing from one of
    them means the tables were edited separately and one of them is wrong.

    ## Example
    BAB II C lists "Persentase pemutakhiran data pemilih tepat waktu"; BAB II B does not.

        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
          program:
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
                - {no: 2, indikator: Persentase pemutakhiran data pemilih tepat waktu, satuan: Lembaga, target: 100%}

    ## Use instead
        tabel:
          indikator:
            - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
            - {no: 2, indikator: Persentase pemutakhiran data pemilih tepat waktu, satuan: Lembaga, target: 100%}
          program:
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase produk hukum yang ditetapkan, satuan: Lembaga, target: 97%}
                - {no: 2, indikator: Persentase pemutakhiran data pemilih tepat waktu, satuan: Lembaga, target: 100%}

    ## Fix
    Add the indicator to the tables that lack it, or remove it everywhere. The
    single-source form derives every table from one list and cannot drift. A table
    that holds the indicator's budget line under another indicator name is not
    counted as missing it: RKT204 reports that case.
    """
    if not ctx.document.literal:
        return
    present = tables_present(ctx)
    if len(present) < 2:
        return
    groups = clusters(ctx, "indikator")
    found: dict[str, list[Occurrence]] = {}
    for occ in indicator_rows(ctx):
        found.setdefault(groups.group(occ.row.indikator or ""), []).append(occ)
    renamed = renamed_indicators(ctx)
    for group, occs in found.items():
        tables = {o.table for o in occs}
        missing = [t for t in present if t not in tables and (t, group) not in renamed]
        if missing:
            first = occs[0]
            yield ctx.report(
                first.at(ctx, "indikator"),
                msg(
                    "rule.missing_from_table",
                    name=first.row.indikator,
                    present=", ".join(TABLE_LABELS[t] for t in present if t in tables),
                    missing=", ".join(TABLE_LABELS[t] for t in missing),
                ),
                hint=msg("hint.rule.missing_from_table"),
                related=[
                    *(
                        (
                            o.at(ctx, "indikator"),
                            msg("related.also_in", table=TABLE_LABELS[o.table]),
                        )
                        for o in _first_per_table(occs)[1:]
                    ),
                    *(
                        (
                            _where_missing(ctx, t, occs),
                            msg("related.missing_here", table=TABLE_LABELS[t]),
                        )
                        for t in missing
                    ),
                ],
            )


def _first_per_table(occs: list[Occurrence]) -> list[Occurrence]:
    firsts: dict[str, Occurrence] = {}
    for occ in occs:
        firsts.setdefault(occ.table, occ)
    return list(firsts.values())


def _where_missing(ctx: Context, kind: str, occs: list[Occurrence]) -> Location:
    """Where a table lacks an indicator: the heading of its group for the indicator's
    program (in the tables grouped by program), else the table's key."""
    table = ctx.document.table(kind)
    assert table is not None
    programs = clusters(ctx, "program")
    wanted = {programs.group(o.row.program) for o in occs if o.row.program}
    for group in table.groups:
        if programs.group(group.program) in wanted:
            return ctx.source.key((*group.path, "program"))
    return ctx.source.key(table.path)


@rule(
    "RKT108",
    "duplicate-indicator",
    expensive=PUBLISHED,  # it groups the published tables' names, as RKT107 does
    messages={
        "rule.duplicate_indicator": (
            "indikator '{name}' ditulis dua kali di {table}",
            "indicator '{name}' is listed twice in {table}",
        ),
        "hint.rule.duplicate_indicator": ("hapus baris yang berulang", "remove the repeated row"),
        "related.first_row": ("baris pertama", "first row"),
        "rule.duplicate_indicator_decl": (
            "indikator '{name}' dideklarasikan dua kali",
            "indicator '{name}' is declared twice",
        ),
        "hint.rule.duplicate_indicator_decl": (
            "deklarasikan sekali dengan `id:`, lalu rujuk dengan `- ref: ID` di kegiatan lain",
            "declare it once with an `id:` and use `- ref: ID` in the other kegiatan",
        ),
    },
)
def duplicate_indicator(ctx: Context) -> Iterator[Diagnostic]:
    """The same indicator is listed twice in one table (or declared twice in a plan).

    In the single source an indicator is declared twice when two nodes of the same level
    (two kegiatan, two sub kegiatan, two sasaran ...) declare the same name; a kegiatan may
    measure what its sub kegiatan do. A KPU plan prints each indicator once per table, so
    any second declaration is one; a Pemda or K/L node measures its own output, so there
    only a second declaration with the same target is (two sub kegiatan promising the same
    "Jumlah ... 12 Laporan" were usually copied), and one node listing a name twice always
    is. A published matrix row listing the same indicator twice is one too.

    ## Why is this bad?
    A repeated row double-counts its anggaran and makes the reader wonder which
    target applies. In the single-source form, an indicator shared by two
    kegiatan is declared once and referenced with `ref:`.

    ## Example
        tabel:
          indikator:
            - {no: 1, indikator: Persentase tersedianya sarana dan prasarana, target: 100%}
            - {no: 2, indikator: Persentase tersedianya sarana dan prasarana, target: 100%}

    ## Use instead
        tabel:
          indikator:
            - {no: 1, indikator: Persentase tersedianya sarana dan prasarana, target: 100%}

    ## Fix
    Remove the repeated row; for a shared indicator give it an `id:` and use `- ref: ID`.
    """
    if ctx.document.literal:
        yield from _duplicate_rows(ctx)
    hierarchy = ctx.hierarchy
    by_node = hierarchy.kind != "kpu"  # each node measures its own output (see below)
    hint = msg(
        "hint.rule.duplicate_indicator"
        if hierarchy.published
        else "hint.rule.duplicate_indicator_decl"
    )
    # The first place of each (level, name); of each (level, name, target) once a name
    # repeats on its level (a target's key is made only then); of each name in a node.
    firsts: dict[tuple[str, str], tuple[Target | None, Loc]] = {}
    by_target: dict[tuple[str, str], dict[str, Loc]] = {}
    in_node: dict[tuple[int, str], Loc] = {}
    for owner, use in hierarchy.indicator_uses():
        if use.is_reference:
            continue
        ind = use.indicator
        where = ind.at("nama")
        name = name_key(ind.nama)
        level_name = (owner.level if isinstance(owner, Node) else str(owner.path[0]), name)
        first = _first_declared(level_name, ind.target, where, firsts, by_target, by_node)
        if by_node:
            node_first = in_node.setdefault((id(owner), name), where)
            if first is None and node_first is not where:
                first = node_first
        if first is not None:
            yield ctx.report(
                where,
                msg("rule.duplicate_indicator_decl", name=ind.nama),
                hint=hint,
                related=[(ctx.at(first), msg("related.first_declared", id=ind.nama))],
            )


def _first_declared(
    level_name: tuple[str, str],
    target: Target | None,
    where: Loc,
    firsts: dict[tuple[str, str], tuple[Target | None, Loc]],
    by_target: dict[tuple[str, str], dict[str, Loc]],
    by_target_too: bool,
) -> Loc | None:
    """Where the same name (with `by_target_too`: and the same target) was declared first
    on its level; None when this is the first. Records this declaration."""
    first = firsts.get(level_name)
    if first is None:
        firsts[level_name] = (target, where)
        return None
    if not by_target_too:
        return first[1]
    targets = by_target.get(level_name)
    if targets is None:
        targets = by_target[level_name] = {_target_key(first[0]): first[1]}
    found = targets.setdefault(_target_key(target), where)
    return None if found is where else found


def _target_key(target: Target | None) -> str:
    """A target's meaning as text: `97%` and `97 %` alike, `80 - 90%` and `80 s.d. 90 %`."""
    if target is None:
        return ""
    if target.kind is TargetKind.SCALE:
        return f"{target.scale}:{target.scale_value}"
    if target.kind in (TargetKind.NA, TargetKind.TEXT):
        return f"{target.kind}:{' '.join(target.text.casefold().split())}"
    bound = target.comparison.value if target.comparison else ""
    numbers = (target.value, target.lower, target.upper, target.limit)
    return f"{target.kind}:{bound}:{numbers}:{target.unit.casefold().rstrip('.')}"


def _duplicate_rows(ctx: Context) -> Iterator[Diagnostic]:
    names, kegiatan = clusters(ctx, "indikator"), clusters(ctx, "kegiatan")
    seen: dict[tuple[str, str, str, str], Occurrence] = {}
    for occ in indicator_rows(ctx):
        activity = kegiatan.group(occ.row.kegiatan) if occ.row.kegiatan else ""
        key = (occ.table, occ.row.program or "", names.group(occ.row.indikator or ""), activity)
        first = seen.setdefault(key, occ)
        if first is not occ:
            yield ctx.report(
                occ.at(ctx, "indikator"),
                msg(
                    "rule.duplicate_indicator",
                    name=occ.row.indikator,
                    table=TABLE_LABELS[occ.table],
                ),
                hint=msg("hint.rule.duplicate_indicator"),
                related=[(first.at(ctx, "indikator"), msg("related.first_row"))],
            )


@rule(
    "RKT109",
    "empty-section",
    messages={
        "rule.empty_section": ("bagian '{section}' kosong", "section '{section}' is empty"),
        "hint.rule.empty_section": (
            "isi bagian ini atau hapus",
            "fill in the section or remove it",
        ),
    },
)
def empty_section(ctx: Context) -> Iterator[Diagnostic]:
    """A required part of the document is empty (misi, tujuan, a program or kegiatan).

    Flagged: no misi or no tujuan, a program with no kegiatan, a kegiatan with no
    indicator, and a plan with neither programs nor published tables.

    ## Why is this bad?
    The printed document would have an empty chapter or table.

    ## Example
        program:
          - nama: Program Dukungan Manajemen
            kegiatan: []

    ## Use instead
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Layanan Perkantoran
                anggaran: 281.247.000
                indikator:
                  - {nama: Persentase layanan perkantoran, sasaran: S1, satuan: Lembaga, target: 100%}

    ## Fix
    Fill in the section, or remove the empty program or kegiatan.
    """
    plan = ctx.plan
    for name in ("misi", "tujuan"):
        if ctx.readable(name) and not getattr(plan, name):
            yield ctx.report(
                (name,),
                msg("rule.empty_section", section=name),
                hint=msg("hint.rule.empty_section"),
            )
    hierarchy = ctx.hierarchy
    if plan.tabel is None and not hierarchy.roots:
        yield ctx.report(
            (_top_key(plan),),
            msg("rule.empty_section", section="program"),
            hint=msg("hint.rule.empty_section"),
        )
    if hierarchy.published:
        return  # a published matrix shows what it shows; its rows are checked elsewhere
    for node in hierarchy.nodes():
        if not node.leaf and not node.children:
            yield ctx.report(
                (*node.path, hierarchy.levels[hierarchy.levels.index(node.level) + 1]),
                msg("rule.empty_section", section=node.nama),
                hint=msg("hint.rule.empty_section"),
            )
        if node.leaf and not node.indicators and node.level in INDICATOR_REQUIRED:
            yield ctx.report(
                (*node.path, "indikator"),
                msg("rule.empty_section", section=node.nama),
                hint=msg("hint.rule.empty_section"),
            )


# Leaves that must list an indicator: a KPU kegiatan and a Pemda sub kegiatan. A K/L RO
# is measured by its volume; an RO indicator is optional (PMK 62/2023).
INDICATOR_REQUIRED = frozenset({"kegiatan", "sub_kegiatan"})


def _top_key(plan: object) -> str:
    """The key the plan's hierarchy starts at: `program`, or a Pemda plan's `urusan`."""
    return "urusan" if getattr(plan, "urusan", None) else "program"


def _declarations(ctx: Context) -> Iterator[tuple[Loc, Indicator]]:
    """Every indicator declared in the plan (not a `ref:` to one): of the tujuan, of the
    sasaran (their IKU) and of every level of the hierarchy."""
    for _, use in ctx.hierarchy.indicator_uses():
        if not use.is_reference:
            yield use.entry_path, use.indicator


def _choices(ids: list[str]) -> Message:
    return msg("hint.rule.known_ids", ids=", ".join(ids) or "-")
