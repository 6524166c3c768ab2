"""Rules of the Perjanjian Kinerja (`pk:`, format 2): RKT70x.

They check what the PK document prints (rktc.plan.pk decides what it carries, for the
rules and the renderer alike): who signs (RKT701, RKT702, RKT703), at which level (RKT704),
which indicators and targets (RKT705, RKT706), how much of the plan's IKU it carries, in
the LKE's bands (RKT707), and a PK perubahan's original (RKT708). A plan without `pk:`
is never faulted by them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from rktc.check.rules.base import Context, rule
from rktc.core.diagnostics import Diagnostic, Severity
from rktc.core.messages import define_messages, msg
from rktc.plan.formatting import number
from rktc.plan.load import load_file
from rktc.plan.pk import NIP_DIGITS, content, nip_digits
from rktc.plan.schema2 import Pk, PkIndikator
from rktc.plan.validate import validate_plan
from rktc.plan.year import resolve_beside

Loc = tuple[str | int, ...]
PARTIES = ("pihak_pertama", "pihak_kedua", "penandatangan")
# The LKE's bands (PermenPAN-RB 88/2021) of the share of a plan's indicators in its PK.
LKE_BANDS = ((Decimal(95), "> 95%"), (Decimal(80), "80-95%"), (Decimal(50), "50-80%"))
LKE_LOW = ((Decimal(10), "10-50%"), (Decimal(0), "< 10%"))
SHARE_WANTED = Decimal(95)
MISSING_SHOWN = 5  # related locations: the first indicators the PK leaves out

define_messages(
    __name__,
    {
        "related.pk.plan_target": ("target dalam rencana: {target}", "the plan's target: {target}"),
        "related.pk.left_out": ("tidak dimuat PK: {name}", "not in the PK: {name}"),
        "related.pk.other": ("juga ditulis di sini", "also written here"),
    },
)


def _pk(ctx: Context) -> Pk | None:
    found = getattr(ctx.plan, "pk", None)
    return found if isinstance(found, Pk) else None


@rule(
    "RKT701",
    "pk-parties",
    Severity.ERROR,
    messages={
        "rule.pk.no_second": (
            "PK dengan pihak pertama memerlukan pihak kedua (atasannya)",
            "a PK with a pihak pertama needs a pihak kedua (the superior)",
        ),
        "rule.pk.no_first": (
            "PK dengan pihak kedua memerlukan pihak pertama",
            "a PK with a pihak kedua needs a pihak pertama",
        ),
        "rule.pk.no_signer": (
            (
                "PK tidak menyebut penandatangannya: tulis pihak_pertama dan pihak_kedua, "
                "atau satu penandatangan"
            ),
            "the PK names no signer: write pihak_pertama and pihak_kedua, or one penandatangan",
        ),
        "rule.pk.both_forms": (
            "PK ditandatangani oleh satu penandatangan atau oleh dua pihak, tidak keduanya",
            "a PK is signed by one penandatangan or by two parties, not both",
        ),
    },
)
def pk_parties(ctx: Context) -> Iterator[Diagnostic]:
    """A PK without both parties, or with one signer and parties at once.

    A PK is an agreement between the official who pledges (pihak pertama) and their
    superior (pihak kedua); a minister or a bupati signs one alone (`penandatangan`).

    ## Why is this bad?
    A PK signed by one party of two binds nobody: the document would print an empty
    signature column.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Fix
    Add the missing party, or write the single signer as `penandatangan` alone.
    """
    pk = _pk(ctx)
    if pk is None:
        return
    if pk.penandatangan is not None and (pk.pihak_pertama or pk.pihak_kedua):
        yield ctx.report(ctx.source.key(("pk", "penandatangan")), msg("rule.pk.both_forms"))
    elif pk.penandatangan is None:
        if pk.pihak_pertama is not None and pk.pihak_kedua is None:
            yield ctx.report(ctx.source.key(("pk", "pihak_pertama")), msg("rule.pk.no_second"))
        elif pk.pihak_kedua is not None and pk.pihak_pertama is None:
            yield ctx.report(ctx.source.key(("pk", "pihak_kedua")), msg("rule.pk.no_first"))
        elif pk.pihak_pertama is None:
            yield ctx.report(ctx.source.key(("pk",)), msg("rule.pk.no_signer"))


@rule(
    "RKT702",
    "pk-nip-not-18-digits",
    Severity.ERROR,
    messages={
        "rule.pk.nip": (
            "NIP '{nip}' tidak terdiri dari {digits} angka (ditemukan {found})",
            "the NIP '{nip}' is not {digits} digits (found {found})",
        ),
        "hint.rule.pk.nip": (
            (
                "NIP ditulis 18 angka, boleh dengan spasi: 19591128 198603 1 003; "
                "kosongkan bila penandatangan tidak mempunyai NIP"
            ),
            (
                "a NIP is 18 digits, spaces allowed: 19591128 198603 1 003; leave it out "
                "when the signer has none"
            ),
        ),
    },
)
def pk_nip(ctx: Context) -> Iterator[Diagnostic]:
    """A signer's NIP that is not 18 digits.

    A civil servant's NIP is 18 digits: birth date (8), appointment (6), sex (1) and a
    number (3); the PK prints it grouped as "NIP. 19591128 198603 1 003". Spaces and dots
    between the groups are allowed.

    ## Why is this bad?
    A digit too few or too many is a typo on a signed document; it cannot be grouped
    and is printed as written.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris, nip: "19591128 198603 1 03"}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris, nip: "19591128 198603 1 003"}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Fix
    Correct the NIP from the official's decree, or leave `nip` out for an official who has
    none (an elected head, a commissioner).
    """
    pk = _pk(ctx)
    if pk is None:
        return
    for key in PARTIES:
        party = getattr(pk, key)
        if party is None or party.nip is None or nip_digits(party.nip) is not None:
            continue
        found = sum(ch.isdigit() for ch in party.nip)
        yield ctx.report(
            ("pk", key, "nip"),
            msg("rule.pk.nip", nip=party.nip, digits=NIP_DIGITS, found=found),
            hint=msg("hint.rule.pk.nip"),
        )


@rule(
    "RKT703",
    "pk-acting-twice",
    Severity.ERROR,
    messages={
        "rule.pk.acting": (
            "pejabat ditulis sekaligus Plt. dan Plh.",
            "the official is written both Plt. and Plh.",
        ),
        "hint.rule.pk.acting": (
            "Plt. (pelaksana tugas) atau Plh. (pelaksana harian): pilih salah satu",
            "Plt. (acting) or Plh. (acting for the day): choose one",
        ),
    },
)
def pk_acting(ctx: Context) -> Iterator[Diagnostic]:
    """A signer written both `plt: ya` and `plh: ya`.

    ## Why is this bad?
    An acting official is either a pelaksana tugas or a pelaksana harian; the PK prints
    one of "Plt." and "Plh." before the jabatan.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris, plt: ya, plh: ya}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris, plt: ya}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Fix
    Keep the one the official's appointment says.
    """
    pk = _pk(ctx)
    if pk is None:
        return
    for key in PARTIES:
        party = getattr(pk, key)
        if party is not None and party.plt and party.plh:
            yield ctx.report(
                ctx.source.key(("pk", key, "plh")),
                msg("rule.pk.acting"),
                hint=msg("hint.rule.pk.acting"),
            )


@rule(
    "RKT704",
    "pk-level-unknown",
    Severity.ERROR,
    messages={
        "rule.pk.level": (
            "tingkat PK '{level}' tidak ada pada rencana jenis {kind} (yang ada: {levels})",
            "the PK level '{level}' is not a level of a {kind} plan (its levels: {levels})",
        ),
    },
)
def pk_level(ctx: Context) -> Iterator[Diagnostic]:
    """A PK `tingkat` that is not a level of the plan's kind of office.

    `tingkat` names the level of the PK's budget table: program, kegiatan, sub_kegiatan
    (Pemda), kro, ro (K/L). A KPU plan has program and kegiatan only.

    ## Why is this bad?
    The lampiran would have no rows: the PK is printed at the program level instead.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          tingkat: sub_kegiatan
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          tingkat: kegiatan
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Fix
    Write a level of the plan's `jenis`, or leave `tingkat` out and give the signer's
    `eselon`.
    """
    pk = _pk(ctx)
    if pk is None or pk.tingkat is None:
        return
    levels = ctx.hierarchy.levels
    if pk.tingkat.strip().casefold().replace(" ", "_") not in levels:
        yield ctx.report(
            ("pk", "tingkat"),
            msg(
                "rule.pk.level",
                level=pk.tingkat,
                kind=ctx.hierarchy.kind,
                levels=", ".join(levels),
            ),
        )


def _entry_loc(entry: str | PkIndikator, index: int) -> Loc:
    if isinstance(entry, str):
        return ("pk", "indikator", index)
    return ("pk", "indikator", index, "id" if entry.id else "nama")


@rule(
    "RKT705",
    "pk-indicator-unknown",
    Severity.ERROR,
    messages={
        "rule.pk.unknown": (
            "'{name}' bukan indikator tingkat {level} dalam rencana",
            "'{name}' is not an indicator of the {level} level in the plan",
        ),
        "hint.rule.pk.unknown": (
            "sebut indikator dengan id-nya, atau {{nama: ...}} persis seperti dalam rencana",
            "name the indicator by its id, or {{nama: ...}} as the plan writes it",
        ),
    },
)
def pk_unknown_indicator(ctx: Context) -> Iterator[Diagnostic]:
    """An entry of `pk.indikator` that names no indicator of the PK's level.

    The PK of the program level carries the sasaran strategis' indicators (IKU); of the
    kegiatan level, the programs' (IKP); below, the kegiatan's (IKK). An entry names one
    by its `id`, or by its `nama` (compared without regard to case and spacing).

    ## Why is this bad?
    The indicator would be left out of the PK without a word.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          indikator:
            - nama: Persentase tahapan Pemilu yang selesai

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          indikator:
            - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal

    ## Fix
    Correct the id or the name, or give the indicator an `id` in the plan and name it by it.
    """
    pk = _pk(ctx)
    if pk is None or not pk.indikator:
        return
    lampiran = content(pk, ctx.hierarchy)
    for index in lampiran.unknown:
        entry = pk.indikator[index]
        name = entry if isinstance(entry, str) else (entry.id or entry.nama or "")
        yield ctx.report(
            _entry_loc(entry, index),
            msg("rule.pk.unknown", name=name, level=lampiran.budget_header),
            hint=msg("hint.rule.pk.unknown"),
        )


@rule(
    "RKT706",
    "pk-target-differs",
    Severity.ERROR,
    messages={
        "rule.pk.target": (
            "target PK '{name}' ({pk}) berbeda dari target rencana ({plan})",
            "the PK's target of '{name}' ({pk}) differs from the plan's ({plan})",
        ),
    },
)
def pk_target(ctx: Context) -> Iterator[Diagnostic]:
    """A target the PK states (a transcribed PK) that is not the plan's.

    `pk.indikator` may write the target as the signed PK printed it; it must be the
    plan's target of that indicator (the same value and unit: 97% and 97,0% are equal).

    ## Why is this bad?
    The PK and the RKT would promise different things; the LKjIP measures the PK's
    target, reviewers compare it with the plan's.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          indikator:
            - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
              target: 95%

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          indikator:
            - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
              target: 100%

    ## Fix
    Correct the PK's target, or the plan's (and then the PK perubahan that changes it).
    """
    pk = _pk(ctx)
    if pk is None or not pk.indikator:
        return
    for carried in content(pk, ctx.hierarchy).carried:
        stated, ind = carried.stated, carried.indicator
        if stated is None or carried.entry is None or ind.target is None:
            continue
        if stated.same_as(ind.target):
            continue
        yield ctx.report(
            ("pk", "indikator", carried.entry, "target"),
            msg("rule.pk.target", name=ind.nama, pk=stated.text, plan=ind.target.text),
            related=[
                (ctx.at(ind.at("target")), msg("related.pk.plan_target", target=ind.target.text))
            ],
        )


def _band(share: Decimal) -> str:
    for lower, label in (*LKE_BANDS, *LKE_LOW):
        if share > lower or (lower == 0 and share >= 0):
            return label
    return LKE_LOW[-1][1]


@rule(
    "RKT707",
    "pk-iku-share",
    Severity.WARNING,
    messages={
        "rule.pk.share": (
            (
                "PK memuat {carried} dari {total} indikator tingkat {level} rencana ({share}%), "
                "pita LKE {band}; LKE menilai penuh di atas 95%"
            ),
            (
                "the PK carries {carried} of the plan's {total} indicators of the {level} level "
                "({share}%), LKE band {band}; the LKE scores in full above 95%"
            ),
        ),
    },
)
def pk_share(ctx: Context) -> Iterator[Diagnostic]:
    """A PK that carries 95 % or less of the plan's indicators at its level (the IKU).

    The LKE (PermenPAN-RB 88/2021) asks how much of the plan's indicators the PK carries,
    in bands: > 95 %, 80-95 %, 50-80 %, 10-50 %, < 10 %. For a PK of the program level
    these are the sasaran strategis' indicators (IKU). The finding says the share and the
    band, and points at the first indicators left out.

    ## Why is this bad?
    An indicator the plan sets but the PK does not carry is promised by nobody; the LKE
    scores the link between the plan and the PK by this share.

    ## Example
        rktc: 2
        jenis: kpu
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Perencanaan
                anggaran: 1.000.000
                indikator:
                  - {id: IK1, nama: Persentase tahapan sesuai jadwal, sasaran: S1, satuan: "%", target: 100%}
                  - {id: IK2, nama: Persentase dokumen tepat waktu, sasaran: S1, satuan: "%", target: 90%}
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          indikator: [IK1]

    ## Use instead
        rktc: 2
        jenis: kpu
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Perencanaan
                anggaran: 1.000.000
                indikator:
                  - {id: IK1, nama: Persentase tahapan sesuai jadwal, sasaran: S1, satuan: "%", target: 100%}
                  - {id: IK2, nama: Persentase dokumen tepat waktu, sasaran: S1, satuan: "%", target: 90%}
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          indikator: [IK1, IK2]

    ## Fix
    Add the indicators left out to `pk.indikator`, or leave `indikator` out: the PK then
    carries every indicator of its level.
    """
    pk = _pk(ctx)
    if pk is None or not pk.indikator:
        return
    lampiran = content(pk, ctx.hierarchy)
    share = lampiran.share()
    if share is None or share > SHARE_WANTED:
        return
    carried = {c.indicator.path for c in lampiran.carried}
    left_out = [c.indicator for c in lampiran.available if c.indicator.path not in carried]
    yield ctx.report(
        ctx.source.key(("pk", "indikator")),
        msg(
            "rule.pk.share",
            carried=len(lampiran.available) - len(left_out),
            total=len(lampiran.available),
            level=lampiran.budget_header,
            share=number(share.quantize(Decimal("0.01")).normalize()),
            band=_band(share),
        ),
        related=[
            (ctx.at(ind.at("nama")), msg("related.pk.left_out", name=ind.nama))
            for ind in left_out[:MISSING_SHOWN]
        ],
    )


@rule(
    "RKT708",
    "pk-original-unreadable",
    Severity.ERROR,
    messages={
        "rule.pk.original_missing": (
            "PK semula '{path}' tidak ditemukan",
            "the original PK '{path}' is not found",
        ),
        "rule.pk.original_broken": (
            "PK semula '{path}' tidak dapat dibaca sebagai rencana ({count} masalah)",
            "the original PK '{path}' cannot be read as a plan ({count} problems)",
        ),
        "rule.pk.original_self": (
            "PK perubahan menyebut dirinya sendiri sebagai PK semula",
            "the PK perubahan names itself as the original PK",
        ),
        "hint.rule.pk.original": (
            (
                "'semula' adalah berkas rencana PK sebelum perubahan, relatif terhadap rencana ini; "
                "periksa dengan rktc validate"
            ),
            (
                "'semula' is the plan file of the PK before the change, relative to this plan; "
                "check it with rktc validate"
            ),
        ),
    },
)
def pk_original(ctx: Context) -> Iterator[Diagnostic]:
    """A PK perubahan whose original (`perubahan.semula`) cannot be read.

    A PK perubahan prints what it changes against the PK it replaces, compared with
    rktc diff: the original is a plan file (the plan as it was when the first PK was
    signed), read and checked like any plan.

    ## Why is this bad?
    Without the original the PK perubahan cannot say what changed, which is what its
    reviewers read it for.

    ## Example
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}
          perubahan:
            alasan: pergantian pejabat pihak pertama
            semula: rkt-2025-awal.yaml

    ## Use instead
        rktc: 2
        jenis: kpu
        pk:
          pihak_pertama: {nama: NAMA SEKRETARIS, jabatan: Sekretaris}
          pihak_kedua: {nama: NAMA KETUA, jabatan: Ketua}

    ## Fix
    Keep the plan as it was signed (e.g. `git show v1:rkt-2025.yaml > rkt-2025-awal.yaml`)
    and name it in `semula`, relative to this plan.
    """
    pk = _pk(ctx)
    if pk is None or pk.perubahan is None:
        return
    written = pk.perubahan.semula
    here = ("pk", "perubahan", "semula")
    path = resolve_beside(ctx.source.path, written)
    hint = msg("hint.rule.pk.original")
    if not path.is_file():
        yield ctx.report(here, msg("rule.pk.original_missing", path=written), hint=hint)
        return
    if path == Path(ctx.source.path).resolve():
        yield ctx.report(here, msg("rule.pk.original_self"), hint=hint)
        return
    loaded = load_file(path, written)
    problems: list[Any] = list(loaded.diagnostics)
    if loaded.data is not None and not problems:
        validated = validate_plan(loaded)
        problems = list(validated.problems) if validated.plan is not None else [None]
    if problems:
        yield ctx.report(
            here, msg("rule.pk.original_broken", path=written, count=len(problems)), hint=hint
        )
