"""Rules of the hierarchy's levels, for every kind of office: codes under their parent's,
the Renja cells a row must fill, the satuan of a K/L RO, and stated sums (a parent's pagu,
a published "Jumlah" row) against what they add up.

They read the plan's hierarchy (`ctx.hierarchy`): the single source of any kind, or a
published matrix (`tabel.matriks`), whose rows are nested by their level or their code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from rktc.check.rules.base import Context, rule
from rktc.check.rules.common import MATRIX_LABEL, level_label, table_label
from rktc.core.diagnostics import Diagnostic
from rktc.core.messages import msg
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT
from rktc.plan.formatting import rupiah
from rktc.plan.hierarchy import Hierarchy, Node, code_parts

# K/L (and KPU, an APBN satker) codes nest from the kegiatan down: a program `076.01.WA`
# and its kegiatan `2886` do not, the KRO `2886.EBA` and the RO `2886.EBA.994` do. Pemda
# codes nest at every level (Kepmendagri 050-5889/2021).
_NESTED_BELOW_KEGIATAN = frozenset({("kegiatan", "kro"), ("kro", "ro")})


def _nests(kind: str, parent: str, child: str) -> bool:
    return kind == "pemda" or (parent, child) in _NESTED_BELOW_KEGIATAN


def _code_key(kode: str) -> tuple[str, ...]:
    """A code's parts, compared as written but for spacing, case and leading zeros of a
    number (`1 02 02` = `1.02.02`; `1.02.02.02.01` keeps its five parts)."""
    return tuple(
        str(int(part)) if part.isascii() and part.isdigit() else part.casefold()
        for part in code_parts(kode)
    )


def _extends(kode: str, parent: str) -> bool:
    """Whether `kode` adds at least one part to the parts of `parent` (`_code_key`)."""
    rest = kode[len(parent) :]
    if kode.startswith(parent) and rest[:1] in (".", " ") and code_parts(rest):
        return True  # written alike: `1.02.02` and `1.02.02.2.01`, nearly every code
    mine, theirs = _code_key(kode), _code_key(parent)
    return len(mine) > len(theirs) and mine[: len(theirs)] == theirs


def _parents(hierarchy: Hierarchy) -> dict[int, Node]:
    return {id(child): parent for parent, child in hierarchy.parents()}


_label = level_label


@rule(
    "RKT110",
    "code-outside-parent",
    messages={
        "rule.code_outside_parent": (
            "kode {level} '{name}' ({kode}) tidak diawali kode {parent_level} induknya ({parent})",
            (
                "the kode {kode} of the {level} '{name}' does not start with the kode "
                "{parent} of its {parent_level}"
            ),
        ),
        "hint.rule.code_outside_parent": (
            (
                "pindahkan {level} ini ke {parent_level} yang kodenya sesuai, atau perbaiki "
                "kodenya (kode anak diawali kode induknya: {parent}.…)"
            ),
            (
                "move this {level} under the {parent_level} its kode belongs to, or correct "
                "the kode (a child's kode starts with its parent's: {parent}.…)"
            ),
        ),
        "related.parent_code": ("kode {parent_level} induknya", "the kode of its {parent_level}"),
    },
)
def code_outside_parent(ctx: Context) -> Iterator[Diagnostic]:
    """A child's `kode` that does not start with its parent's.

    Codes are compared part by part (`1.02.02` is a prefix of `1.02.02.2.01`, not of
    `1.02.021.2.01`), whatever their spacing (`1 02 02`) and zero padding; the child must
    add at least one part. Pemda codes nest at every level (urusan `1`, bidang urusan
    `1.02`, program `1.02.02`, kegiatan `1.02.02.2.01`, sub kegiatan `1.02.02.2.01.0001`).
    K/L codes nest from the kegiatan down: the program `054.01.GG` and its kegiatan `2896`
    do not, the KRO `2896.BMA` and its RO `2896.BMA.004` do. Where a parent has no code,
    the child is compared with the nearest coded level above it that it nests in.

    ## Why is this bad?
    The code says where a node belongs (Kepmendagri 050-5889/2021; PMK 62/2023 for KRO
    and RO). A sub kegiatan whose code is another kegiatan's was pasted into the wrong
    place, or its code was mistyped: the DPA and SIPD will book it elsewhere, and the
    sums of both parents are wrong.

    ## Example
        rktc: 2
        jenis: pemda
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            kegiatan:
              - kode: "1.02.02.2.01"
                nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.02.0001"   # a sub kegiatan of kegiatan 1.02.02.2.02
                    nama: Pembangunan Puskesmas
                    anggaran: 2.500.000.000
                    indikator:
                      - {nama: Jumlah puskesmas yang dibangun, satuan: Unit, target: 1 Unit}

    ## Use instead
        rktc: 2
        jenis: pemda
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            kegiatan:
              - kode: "1.02.02.2.01"
                nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.01.0001"
                    nama: Pembangunan Puskesmas
                    anggaran: 2.500.000.000
                    indikator:
                      - {nama: Jumlah puskesmas yang dibangun, satuan: Unit, target: 1 Unit}

    ## Fix
    Move the node under the parent its code names, or correct its code.
    """
    hierarchy = ctx.hierarchy
    parents = _parents(hierarchy)
    for node in hierarchy.nodes():
        if not node.kode:
            continue
        parent = _coded_parent(hierarchy.kind, node, parents)
        if parent is None or parent.kode is None:
            continue
        if _extends(node.kode, parent.kode):
            continue
        level, parent_level = _label(node.level), _label(parent.level)
        yield ctx.report(
            node.at("kode"),
            msg(
                "rule.code_outside_parent",
                level=level,
                name=node.nama,
                kode=node.kode,
                parent_level=parent_level,
                parent=parent.kode,
            ),
            hint=msg(
                "hint.rule.code_outside_parent",
                level=level,
                parent_level=parent_level,
                parent=parent.kode,
            ),
            related=[
                (ctx.at(parent.at("kode")), msg("related.parent_code", parent_level=parent_level))
            ],
        )


def _coded_parent(kind: str, node: Node, parents: dict[int, Node]) -> Node | None:
    """The nearest level above `node` with a code that `node`'s code nests in."""
    child = node
    parent = parents.get(id(child))
    while parent is not None and _nests(kind, parent.level, child.level):
        if parent.kode:
            return parent
        child, parent = parent, parents.get(id(parent))
    return None


# The Renja cells of a sub kegiatan that a reviewer wants filled (Permendagri 86/2017).
RENJA_REQUIRED = ("lokasi", "sumber_dana", "kelompok_sasaran")
RENJA_ATTRIBUTES = (*RENJA_REQUIRED, "prioritas", "waktu_pelaksanaan", "penanggung_jawab")
_FIELD_LABELS = {
    "lokasi": "lokasi",
    "sumber_dana": "sumber dana",
    "kelompok_sasaran": "kelompok sasaran",
    "pagu": "pagu",
}


@rule(
    "RKT111",
    "empty-renja-field",
    messages={
        "rule.renja_empty": (
            "{level} '{name}' tanpa {fields}",
            "the {level} '{name}' has no {fields}",
        ),
        "hint.rule.renja_empty": (
            "isi {fields} seperti pada baris Renja lainnya",
            "fill in the {fields} as the other Renja rows do",
        ),
        "related.renja_filled": (
            "{level} yang mengisinya, mis. ini",
            "a {level} that fills it in, e.g. this one",
        ),
        "rule.matrix_no_target": (
            "indikator '{indicator}' pada '{name}' tanpa target",
            "the indicator '{indicator}' of '{name}' has no target",
        ),
        "rule.matrix_no_indicator": (
            "{level} '{name}' tanpa indikator dan target",
            "the {level} '{name}' has no indicator and no target",
        ),
        "hint.rule.matrix_no_target": (
            "tulis target setiap indikator, satu per baris sel, sejajar dengan indikatornya",
            "write a target for every indicator, one per line of the cell, beside its indicator",
        ),
    },
)
def empty_renja_field(ctx: Context) -> Iterator[Diagnostic]:
    """A Renja row with an empty target, lokasi, sumber dana or kelompok sasaran.

    A Pemda plan is a Renja when its sub kegiatan carry Renja attributes (`lokasi`,
    `sumber_dana`, `kelompok_sasaran`, `prioritas`, `waktu_pelaksanaan`,
    `penanggung_jawab`, `pagu_maju`): then every sub kegiatan must fill in its lokasi,
    sumber dana and kelompok sasaran. An RKT that prints none of these columns is not
    asked for them. In a published matrix (`tabel.matriks`) of any kind, every indicator
    of a row needs its target; a Pemda sub kegiatan row needs an indicator, the Renja
    cells as above, and a pagu when the other rows have one.

    ## Why is this bad?
    The Renja matrix (SIPD, Tabel T-C.33) prints these columns for every sub kegiatan, and
    the Bappeda's review of a Renja returns it when a cell is empty: a sub kegiatan
    without a lokasi or a sumber dana cannot be put into the DPA, and one without a
    target has nothing to account for in the LKjIP. It is an error, not a warning: an
    empty cell in a printed column is an unfinished document, not a judgement call.

    ## Example
        rktc: 2
        jenis: pemda
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            kegiatan:
              - kode: "1.02.02.2.02"
                nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.02.0001"
                    nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil
                    anggaran: 250.000.000
                    lokasi: Kabupaten Contoh
                    sumber_dana: DAU
                    kelompok_sasaran: Ibu hamil
                    indikator:
                      - {nama: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang}
                  - kode: "1.02.02.2.02.0002"
                    nama: Pengelolaan Pelayanan Kesehatan Ibu Bersalin
                    anggaran: 180.000.000
                    lokasi: Kabupaten Contoh
                    indikator:
                      - {nama: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.190 Orang}

    ## Use instead
        rktc: 2
        jenis: pemda
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            kegiatan:
              - kode: "1.02.02.2.02"
                nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.02.0001"
                    nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil
                    anggaran: 250.000.000
                    lokasi: Kabupaten Contoh
                    sumber_dana: DAU
                    kelompok_sasaran: Ibu hamil
                    indikator:
                      - {nama: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang}
                  - kode: "1.02.02.2.02.0002"
                    nama: Pengelolaan Pelayanan Kesehatan Ibu Bersalin
                    anggaran: 180.000.000
                    lokasi: Kabupaten Contoh
                    sumber_dana: DAU
                    kelompok_sasaran: Ibu bersalin
                    indikator:
                      - {nama: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.190 Orang}

    ## Fix
    Fill in the empty cells. A sub kegiatan run across the whole kabupaten has the
    kabupaten as its lokasi; a kelompok sasaran names who it serves.
    """
    hierarchy = ctx.hierarchy
    if hierarchy.published:
        yield from _matrix_targets(ctx, hierarchy)
    if hierarchy.kind != "pemda":
        return
    leaves = [node for node in hierarchy.leaves() if node.level == hierarchy.leaf_level()]
    renja = any(leaf.attrs or leaf.pagu_maju is not None for leaf in leaves)
    wanted = [name for name in RENJA_REQUIRED if renja]
    if hierarchy.published and any(leaf.anggaran is not None for leaf in leaves):
        wanted.append("pagu")
    examples = {
        name: next((leaf for leaf in leaves if _filled(leaf, name)), None) for name in wanted
    }
    for leaf in leaves:
        missing = [name for name in wanted if not _filled(leaf, name)]
        if not missing:
            continue
        level = _label(leaf.level)
        fields = ", ".join(_FIELD_LABELS[name] for name in missing)
        example = examples[missing[0]]
        yield ctx.report(
            leaf.path,
            msg("rule.renja_empty", level=level, name=leaf.nama, fields=fields),
            hint=msg("hint.rule.renja_empty", fields=fields),
            related=[(ctx.at(example.path), msg("related.renja_filled", level=level))]
            if example is not None
            else None,
        )


def _filled(node: Node, name: str) -> bool:
    if name == "pagu":
        return node.anggaran is not None
    return bool(node.attrs.get(name, "").strip())


def _matrix_targets(ctx: Context, hierarchy: Hierarchy) -> Iterator[Diagnostic]:
    leaf_level = hierarchy.leaf_level()
    for node in hierarchy.nodes():
        if not node.indicators and hierarchy.kind == "pemda" and node.level == leaf_level:
            yield ctx.report(
                node.path,
                msg("rule.matrix_no_indicator", level=_label(node.level), name=node.nama),
                hint=msg("hint.rule.matrix_no_target"),
            )
        for use in node.indicators:
            ind = use.indicator
            if ind.target is None:
                yield ctx.report(
                    ind.at("nama"),
                    msg("rule.matrix_no_target", indicator=ind.nama, name=node.nama),
                    hint=msg("hint.rule.matrix_no_target"),
                )


def _satuan_key(satuan: str) -> str:
    return " ".join(satuan.casefold().rstrip(".").split())


@rule(
    "RKT219",
    "ro-satuan-differs-from-kro",
    messages={
        "rule.ro_satuan": (
            "satuan RO '{name}' '{satuan}', padahal satuan KRO-nya '{expected}'",
            "the satuan of the RO '{name}' is '{satuan}', but its KRO's is '{expected}'",
        ),
        "hint.rule.ro_satuan": (
            "satuan RO sama dengan satuan KRO-nya (PMK 62/2023): tulis '{expected}'",
            "an RO has the satuan of its KRO (PMK 62/2023): write '{expected}'",
        ),
        "related.kro_satuan": ("satuan KRO '{expected}'", "the KRO's satuan '{expected}'"),
        "related.sibling_satuan": (
            "satuan RO lain di KRO ini '{expected}'",
            "the satuan of the other RO of this KRO: '{expected}'",
        ),
    },
)
def ro_satuan(ctx: Context) -> Iterator[Diagnostic]:
    """A K/L RO whose satuan differs from the satuan of its KRO.

    Compared with the KRO's `satuan`; a KRO that states none is taken to have the satuan
    most of its RO share, and the others are reported.

    ## Why is this bad?
    PMK 62/2023: the satuan of a rincian output equals that of its klasifikasi rincian
    output, so that the volumes of a KRO add up ("12 Publikasi" and "3 Laporan" do not).
    KRISNA refuses an RO whose satuan its KRO does not allow; in a plan it usually means
    the RO was filed under the wrong KRO.

    ## Example
        rktc: 2
        jenis: kl
        program:
          - kode: 054.01.GG
            nama: Program Penyediaan dan Pelayanan Informasi Statistik
            kegiatan:
              - kode: "2896"
                nama: Pengembangan dan Analisis Statistik
                kro:
                  - kode: 2896.BMA
                    nama: Data dan Informasi Publik
                    satuan: Publikasi
                    ro:
                      - {kode: 2896.BMA.004, nama: Publikasi Statistik Daerah, volume: "2", satuan: Laporan, anggaran: 350.000.000}

    ## Use instead
        rktc: 2
        jenis: kl
        program:
          - kode: 054.01.GG
            nama: Program Penyediaan dan Pelayanan Informasi Statistik
            kegiatan:
              - kode: "2896"
                nama: Pengembangan dan Analisis Statistik
                kro:
                  - kode: 2896.BMA
                    nama: Data dan Informasi Publik
                    satuan: Publikasi
                    ro:
                      - {kode: 2896.BMA.004, nama: Publikasi Statistik Daerah, volume: "2", satuan: Publikasi, anggaran: 350.000.000}

    ## Fix
    Write the KRO's satuan, or move the RO under the KRO whose satuan it has.
    """
    hierarchy = ctx.hierarchy
    if hierarchy.kind != "kl":
        return
    for kro in hierarchy.nodes():
        if kro.level != "kro":
            continue
        ros = [ro for ro in kro.children if ro.satuan and ro.satuan.strip()]
        if not ros:
            continue
        if kro.satuan and kro.satuan.strip():
            expected, where = kro.satuan, kro.at("satuan")
            related = "related.kro_satuan"
        else:
            counts = Counter(_satuan_key(ro.satuan or "") for ro in ros)
            top = max(counts.values())
            first = next(ro for ro in ros if counts[_satuan_key(ro.satuan or "")] == top)
            expected, where = first.satuan or "", first.at("satuan")
            related = "related.sibling_satuan"
        for ro in ros:
            if _satuan_key(ro.satuan or "") != _satuan_key(expected):
                yield ctx.report(
                    ro.at("satuan"),
                    msg("rule.ro_satuan", name=ro.nama, satuan=ro.satuan, expected=expected),
                    hint=msg("hint.rule.ro_satuan", expected=expected),
                    related=[(ctx.at(where), msg(related, expected=expected))],
                )


@rule(
    "RKT304",
    "parent-pagu-mismatch",
    messages={
        "rule.parent_pagu": (
            (
                "pagu {level} '{name}' {pagu}, tetapi {child_level} di bawahnya berjumlah "
                "{total} (selisih {difference})"
            ),
            (
                "the pagu of the {level} '{name}' is {pagu}, but its {child_level} add up to "
                "{total} (difference {difference})"
            ),
        ),
        "hint.rule.parent_pagu": (
            "perbaiki pagu, atau cari {child_level} yang hilang atau berbeda",
            "correct the pagu, or look for a {child_level} missing or different",
        ),
        "related.children_sum": (
            "{child_level} di bawahnya berjumlah {total}",
            "its {child_level} add up to {total}",
        ),
    },
)
def parent_pagu(ctx: Context) -> Iterator[Diagnostic]:
    """A parent's stated pagu that differs from the sum of its children's money.

    A parent (program, kegiatan, KRO, ...) may state its `pagu`: it must be the sum of the
    anggaran of the leaves under it (sub kegiatan, RO, KPU kegiatan). A child's own stated
    pagu is checked in its turn, so that one wrong kegiatan pagu is reported once, at the
    kegiatan. In a published matrix, the grouping rows (program, kegiatan, KRO) are checked
    alike against the rows that hold the money.

    ## Why is this bad?
    The Renja matrix prints the pagu of each program and kegiatan as the sum of its sub
    kegiatan, and the reviewer adds them up: a program pagu that is not the sum of its
    kegiatan means a line was left out, added twice or changed in one place only, and
    the DPA will not match the plan.

    ## Example
        rktc: 2
        jenis: pemda
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            pagu: 2.750.000.000
            kegiatan:
              - kode: "1.02.02.2.01"
                nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.01.0001"
                    nama: Pembangunan Puskesmas
                    anggaran: 2.500.000.000
                    indikator:
                      - {nama: Jumlah puskesmas yang dibangun, satuan: Unit, target: 1 Unit}

    ## Use instead
        rktc: 2
        jenis: pemda
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            pagu: 2.500.000.000
            kegiatan:
              - kode: "1.02.02.2.01"
                nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.01.0001"
                    nama: Pembangunan Puskesmas
                    anggaran: 2.500.000.000
                    indikator:
                      - {nama: Jumlah puskesmas yang dibangun, satuan: Unit, target: 1 Unit}

    ## Fix
    Correct the stated pagu, or the child whose money is missing or different. A parent
    that does not state its pagu is summed by rktc and cannot have this problem.
    """
    for node in ctx.hierarchy.nodes():
        if node.leaf or node.pagu is None or not node.children:
            continue
        total = _children_total(node.children)
        if total is None or total == node.pagu:
            continue
        child_level = _label(node.children[0].level)
        first = node.children[0]
        yield ctx.report(
            node.at("pagu"),
            msg(
                "rule.parent_pagu",
                level=_label(node.level),
                name=node.nama,
                pagu=rupiah(node.pagu),
                child_level=child_level,
                total=rupiah(total),
                difference=rupiah(abs(node.pagu - total)),
            ),
            hint=msg("hint.rule.parent_pagu", child_level=child_level),
            related=[
                (
                    ctx.at(first.at("anggaran" if first.leaf else "pagu")),
                    msg("related.children_sum", child_level=child_level, total=rupiah(total)),
                )
            ],
        )


def _children_total(children: list[Node]) -> Decimal | None:
    """The sum of the children's money: a leaf's anggaran, the sum of the anggaran under a
    parent (not its own stated pagu, which is checked against them in its turn, so that a
    wrong kegiatan pagu is reported once, at the kegiatan). None when a child has none."""
    amounts = [child.anggaran if child.leaf else _leaves_total(child) for child in children]
    if any(amount is None for amount in amounts):
        return None
    return sum((amount for amount in amounts if amount is not None), Decimal(0))


def _leaves_total(node: Node) -> Decimal | None:
    return node.total() if node.has_money() else None


def _leaves_total_of(roots: list[Node]) -> Decimal | None:
    if not any(root.has_money() for root in roots):
        return None
    return sum((root.total() for root in roots), Decimal(0))


_SPACES = re.compile(r"\s+")


@rule(
    "RKT305",
    "total-row-mismatch",
    messages={
        "rule.total_row": (
            "baris '{label}' menyatakan {amount}, tetapi {what} berjumlah {total} (selisih {difference})",
            "the row '{label}' states {amount}, but {what} adds up to {total} (difference {difference})",
        ),
        "hint.rule.total_row": (
            "perbaiki angka baris jumlah, atau cari baris yang hilang atau berbeda di atasnya",
            "correct the total row, or look for a row above it missing or different",
        ),
        "related.total_scope": ("{what}", "{what}"),
    },
)
def total_row(ctx: Context) -> Iterator[Diagnostic]:
    """A published total row ("Jumlah") that differs from the sum of what it totals.

    A row of `tabel.matriks` with `jumlah: ya` totals the rows of the node its label
    names ("Jumlah Program ...", "Jumlah 1.02.02"), or else the whole matrix: the rows
    that hold the money (sub kegiatan, RO), as RKT304 checks the grouping rows above them.
    Under the KPU tables, a program's `jumlah` totals its rows' anggaran, and
    `tabel.jumlah` the anggaran of a whole table (`rkt`, `apbn`, ...).

    ## Why is this bad?
    The "Jumlah" row is the figure readers take away and compare with the DPA or DIPA.
    When it is not the sum of the rows above it, a row was added or changed after the
    total was typed, and the document states two budgets.

    ## Example
        rktc: 2
        jenis: pemda
        tabel:
          matriks:
            - {kode: "1.02.02", uraian: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT, pagu: 430.000.000}
            - {kode: 1.02.02.2.02, uraian: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota, pagu: 430.000.000}
            - {kode: 1.02.02.2.02.0001, uraian: Pengelolaan Pelayanan Kesehatan Ibu Hamil, indikator: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang, pagu: 250.000.000}
            - {kode: 1.02.02.2.02.0002, uraian: Pengelolaan Pelayanan Kesehatan Ibu Bersalin, indikator: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.190 Orang, pagu: 180.000.000}
            - {uraian: Jumlah, jumlah: ya, pagu: 450.000.000}

    ## Use instead
        rktc: 2
        jenis: pemda
        tabel:
          matriks:
            - {kode: "1.02.02", uraian: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT, pagu: 430.000.000}
            - {kode: 1.02.02.2.02, uraian: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota, pagu: 430.000.000}
            - {kode: 1.02.02.2.02.0001, uraian: Pengelolaan Pelayanan Kesehatan Ibu Hamil, indikator: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang, pagu: 250.000.000}
            - {kode: 1.02.02.2.02.0002, uraian: Pengelolaan Pelayanan Kesehatan Ibu Bersalin, indikator: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.190 Orang, pagu: 180.000.000}
            - {uraian: Jumlah, jumlah: ya, pagu: 430.000.000}

    ## Fix
    Correct the total, or the row above it that is missing or different.
    """
    yield from _table_totals(ctx)
    hierarchy = ctx.hierarchy
    for stated in hierarchy.totals:
        if stated.amount is None:
            continue
        if stated.scope is not None:
            total = _leaves_total(stated.scope)
            what, where = stated.scope.nama, ctx.at(stated.scope.path)
        else:
            total = _leaves_total_of(hierarchy.roots)
            what, where = MATRIX_LABEL, ctx.source.key(("tabel", "matriks"))
        if total is None or total == stated.amount:
            continue
        label = _SPACES.sub(" ", stated.label).strip() or "Jumlah"
        yield ctx.report(
            stated.path,
            msg(
                "rule.total_row",
                label=label,
                amount=rupiah(stated.amount),
                what=what,
                total=rupiah(total),
                difference=rupiah(abs(stated.amount - total)),
            ),
            hint=msg("hint.rule.total_row"),
            related=[(where, msg("related.total_scope", what=what))],
        )


def _table_totals(ctx: Context) -> Iterator[Diagnostic]:
    """RKT305 for the totals printed under the published KPU tables and their programs."""
    if not ctx.document.literal:
        return
    for kind in (INDIKATOR, PROGRAM, RKT, APBN):
        table = ctx.document.table(kind)
        if table is None:
            continue
        # (amount, where it is written, what it totals and where that is, the program)
        stated = [(g.jumlah, (*g.path, "jumlah"), g.rows, g.path, g.program) for g in table.groups]
        stated.append((table.jumlah, ("tabel", "jumlah", kind), table.all_rows(), table.path, ""))
        for amount, path, rows, scope, program in stated:
            amounts = [row.anggaran for row in rows if row.anggaran is not None]
            if amount is None or not amounts or sum(amounts) == amount:
                continue
            total = sum(amounts, Decimal(0))
            what = program or table_label(kind)
            yield ctx.report(
                path,
                msg(
                    "rule.total_row",
                    label=f"Jumlah {program}".strip(),
                    amount=rupiah(amount),
                    what=what,
                    total=rupiah(total),
                    difference=rupiah(abs(amount - total)),
                ),
                hint=msg("hint.rule.total_row"),
                related=[(ctx.source.key(scope), msg("related.total_scope", what=what))],
            )
