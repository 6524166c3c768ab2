"""Rules of the SAKIP year: a plan against its Renstra, and its realisasi files.

They need more than the plan: the Renstra file (`--renstra`, or the plan's
`renstra.berkas`) and the realisasi files (`--realisasi`). rktc.pipeline.year reads them,
links them with the plan (rktc.plan.year.link) and runs these rules with a `YearContext`;
over a plan alone (a plain `Context`) they find nothing. Each finding stands where it is
to be fixed, in whichever file that is, with the other side of a mismatch as a related
location. RKT60x: the plan against its Renstra; RKT62x: the realisasi files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from rktc.check.rules.base import REGISTRY, Context, rule
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import define_messages, msg
from rktc.plan import capaian as cp
from rktc.plan.document import Document
from rktc.plan.formatting import number
from rktc.plan.hierarchy import Indicator
from rktc.plan.load import SourceMap
from rktc.plan.names import name_key
from rktc.plan.schema2 import AnyPlan
from rktc.plan.validate import UnreadablePart
from rktc.plan.values import (
    Comparison,
    Scale,
    Target,
    TargetKind,
    parse_year,
)
from rktc.plan.year import (
    AMBIGUOUS,
    CUMULATIVE_TEXT,
    NOT_BELOW,
    NOT_NUMBER,
    NOT_ON_SCALE,
    SAME,
    UNIT,
    Cell,
    Linked,
    resolve_beside,
)

if TYPE_CHECKING:
    from rktc.check.engine import Selection

Loc = tuple[str | int, ...]

define_messages(
    __name__,
    {
        "related.renstra.target": (
            "target Renstra {year}: {target}",
            "the Renstra's target for {year}: {target}",
        ),
        "related.renstra.value": ("Renstra: {value}", "Renstra: {value}"),
        "related.plan.value": ("rencana: {value}", "plan: {value}"),
        "related.realisasi.other": (
            "triwulan {quarter} juga diisi di sini: {value}",
            "quarter {quarter} is also given here: {value}",
        ),
        "related.realisasi.setting": ("pertama dinyatakan di sini", "first stated here"),
    },
)


class YearContext(Context):
    """A rule's view of a plan with its Renstra and realisasi files (`linked`)."""

    def __init__(
        self,
        plan: AnyPlan,
        source: SourceMap,
        document: Document,
        text: str,
        linked: Linked,
    ) -> None:
        super().__init__(plan, source, document, text)
        self.linked = linked

    def in_renstra(self, loc: Loc, key: bool = False) -> Location:
        renstra = self.linked.renstra
        assert renstra is not None
        return renstra.source.key(loc) if key else renstra.source.value(loc)

    def in_realisasi(self, file: int, loc: Loc, key: bool = False) -> Location:
        source = self.linked.realisasi[file].source
        return source.key(loc) if key else source.value(loc)


def _linked(ctx: Context) -> YearContext | None:
    return ctx if isinstance(ctx, YearContext) else None


def _renstra(ctx: Context) -> YearContext | None:
    year = _linked(ctx)
    return year if year is not None and year.linked.renstra is not None else None


YEAR_CODES = ("RKT60", "RKT62")


def run_year_rules(ctx: YearContext, selection: Selection) -> list[Diagnostic]:
    """The findings of every enabled year rule (RKT60x, RKT62x) over a linked year.

    The plan's own choices (`pemeriksaan`) narrow the selection as they do for its other
    rules; a rule that reads a part of a partial plan that could not be read is skipped."""
    try:
        choices = ctx.plan.pemeriksaan
    except UnreadablePart:
        choices = None
    if choices is not None:
        selection = selection.merged_with(choices.pilih, choices.abaikan)
    found: list[Diagnostic] = []
    for code in sorted(REGISTRY):
        chosen = REGISTRY[code]
        if not code.startswith(YEAR_CODES) or chosen.check is None:
            continue
        if not selection.enabled(code):
            continue
        ctx.code, ctx.severity = chosen.code, chosen.severity
        try:
            found.extend(list(chosen.check(ctx)))
        except UnreadablePart:
            continue
    return found


# --- comparing targets ----------------------------------------------------------------------


def _same(a: Target, b: Target) -> bool:
    """Equal in meaning (Target.same_as: exact numbers, the same unit); a scale value and
    the same word read without the scale (a Renstra that does not declare it) are equal."""
    if a.same_as(b):
        return True
    words = (TargetKind.TEXT, TargetKind.SCALE)
    return a.kind in words and b.kind in words and name_key(a.text) == name_key(b.text)


def _unit(target: Target) -> str:
    return " ".join(target.unit.casefold().rstrip(".").split())


@dataclass(frozen=True)
class _Level:
    """What a target guarantees, as one number, and which way is better."""

    value: Decimal
    unit: str
    higher_is_better: bool | None  # None: the indicator's polarity decides


def _level(target: Target, lower_is_better: bool) -> _Level | None:
    """A target's guaranteed level: a number itself; a range its worse end; a bound its
    limit, better in the bound's own direction."""
    kind = target.kind
    if kind is TargetKind.NUMBER and target.value is not None:
        return _Level(target.value, _unit(target), None)
    if kind is TargetKind.RANGE and target.lower is not None and target.upper is not None:
        worse = target.upper if lower_is_better else target.lower
        return _Level(worse, _unit(target), None)
    if kind is TargetKind.BOUND and target.limit is not None and target.comparison is not None:
        higher = target.comparison in (Comparison.GE, Comparison.GT)
        return _Level(target.limit, _unit(target), higher)
    return None


@dataclass(frozen=True)
class Verdict:
    """Whether a plan's target is not below the Renstra's (`ok`; None: they cannot be
    compared), and which way was better in the comparison."""

    ok: bool | None
    higher_is_better: bool


def not_below(
    plan: Target, renstra: Target, polarity: cp.Polarity, scales: tuple[Scale, ...]
) -> Verdict:
    """Whether the plan's target is at least as good as the Renstra's. Better is higher
    for a positif indicator and lower for a negatif one; a bound is better in its own
    direction (`≤ 5%`: lower); a range counts by its worse end; a scale value by its rank.
    Equal targets are never below."""
    lower = polarity is cp.Polarity.NEGATIVE
    if _same(plan, renstra):
        return Verdict(True, not lower)
    if TargetKind.SCALE in (plan.kind, renstra.kind):
        scale_name = plan.scale if plan.kind is TargetKind.SCALE else renstra.scale
        scale = next((s for s in scales if s.name == scale_name), None)
        mine = scale.rank(plan.text) if scale is not None else None
        theirs = scale.rank(renstra.text) if scale is not None else None
        if mine is None or theirs is None:
            return Verdict(None, not lower)
        return Verdict(mine <= theirs if lower else mine >= theirs, not lower)
    level, other = _level(plan, lower), _level(renstra, lower)
    if level is None or other is None:
        return Verdict(None, not lower)
    if level.unit and other.unit and level.unit != other.unit:
        return Verdict(None, not lower)
    stated = {d for d in (level.higher_is_better, other.higher_is_better) if d is not None}
    if len(stated) > 1:
        return Verdict(None, not lower)
    higher = stated.pop() if stated else not lower
    ok = level.value >= other.value if higher else level.value <= other.value
    return Verdict(ok, higher)


def _shown(target: Target) -> str:
    return target.text


# --- RKT601 / RKT602: the plan's targets against the Renstra's -------------------------------


@dataclass(frozen=True)
class _Pair:
    """A value of the plan and the Renstra's value it must match (or not fall below)."""

    indicator: Indicator
    plan: Target
    plan_loc: Loc
    renstra: Target
    renstra_loc: Loc
    year: int | None  # None: kondisi awal or kondisi akhir
    baseline: bool = False


def _pairs(ctx: YearContext) -> Iterator[_Pair]:
    linked = ctx.linked
    renstra = linked.renstra
    assert renstra is not None
    for match in linked.renstra_matches:
        if match.found.listed is None:
            continue
        indicator, entry = match.found.listed.indicator, match.entry
        base = match.loc
        year_target = entry.target.get(linked.tahun)
        if year_target is not None and indicator.target is not None:
            loc = renstra.key_of((*base, "target"), parse_year, linked.tahun)
            yield _Pair(
                indicator,
                indicator.target,
                indicator.at("target"),
                year_target,
                loc,
                linked.tahun,
            )
        for year, written in sorted(indicator.target_tahunan.items()):
            theirs = entry.target.get(year)
            if theirs is not None:
                yield _Pair(
                    indicator,
                    written,
                    (*indicator.at("target_tahunan"), str(year)),
                    theirs,
                    renstra.key_of((*base, "target"), parse_year, year),
                    year,
                )
        if indicator.baseline is not None and entry.kondisi_awal is not None:
            yield _Pair(
                indicator,
                indicator.baseline,
                indicator.at("baseline"),
                entry.kondisi_awal,
                (*base, "kondisi_awal"),
                None,
                baseline=True,
            )
        if indicator.target_akhir is not None and entry.kondisi_akhir is not None:
            yield _Pair(
                indicator,
                indicator.target_akhir,
                indicator.at("target_akhir"),
                entry.kondisi_akhir,
                (*base, "kondisi_akhir"),
                None,
            )


def _what(pair: _Pair) -> str:
    if pair.year is not None:
        return str(pair.year)
    return "kondisi awal" if pair.baseline else "kondisi akhir"


@rule(
    "RKT601",
    "renstra-target-differs",
    messages={
        "rule.renstra.target_differs": (
            "target {what} indikator '{indicator}' {target}, padahal Renstra menetapkan {renstra}",
            (
                "the {what} target of the indicator '{indicator}' is {target}, but the Renstra sets "
                "{renstra}"
            ),
        ),
        "hint.rule.renstra.target_differs": (
            "salin target Renstra, atau tetapkan perubahan Renstra lebih dulu",
            "copy the Renstra's target, or have the Renstra revised first",
        ),
    },
)
def renstra_target_differs(ctx: Context) -> Iterator[Diagnostic]:
    """A target of the plan differs from the Renstra's target for the same year.

    Compared: the plan's target for its year, and each year of its `target_tahunan`,
    with the Renstra's target of that year; its `baseline` with the Renstra's
    `kondisi_awal` and its `target_akhir` with the `kondisi_akhir`. Exact: `97%` equals
    `97 %`, but not `97,5%` or `97 Lembaga`. It applies when the plan's relation to its
    Renstra is `sama` (the default; format 2's `renstra.hubungan`).

    ## Why is this bad?
    The annual plan carries the Renstra's targets into the year; reviewers and e-SAKIP
    systems refuse a target that differs from the approved Renstra (one system by more
    than 0,0001). A changed target needs a revised Renstra, not a retyped number.

    ## Example
    The plan aims at 95%, the Renstra at 100% for 2025.

        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 95%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2025: 100%, 2026: 100%}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2025: 100%, 2026: 100%}

    ## Fix
    Write the Renstra's target in the plan. If the target really changed, the Renstra
    is revised by decree first, and the Renstra file follows it.
    """
    year = _renstra(ctx)
    if year is None or year.linked.relation != SAME:
        return
    for pair in _pairs(year):
        if _same(pair.plan, pair.renstra):
            continue
        yield ctx.report(
            pair.plan_loc,
            msg(
                "rule.renstra.target_differs",
                what=_what(pair),
                indicator=pair.indicator.nama,
                target=_shown(pair.plan),
                renstra=_shown(pair.renstra),
            ),
            hint=msg("hint.rule.renstra.target_differs"),
            related=[
                (
                    year.in_renstra(pair.renstra_loc),
                    msg("related.renstra.value", value=_shown(pair.renstra)),
                )
            ],
        )


@rule(
    "RKT602",
    "renstra-target-below",
    messages={
        "rule.renstra.target_below": (
            "target {what} indikator '{indicator}' {target} di bawah target Renstra {renstra}",
            (
                "the {what} target of the indicator '{indicator}', {target}, is below the "
                "Renstra's {renstra}"
            ),
        ),
        "rule.renstra.target_above": (
            (
                "target {what} indikator '{indicator}' {target} di atas target Renstra {renstra}, "
                "padahal makin rendah makin baik"
            ),
            (
                "the {what} target of the indicator '{indicator}', {target}, is above the "
                "Renstra's {renstra}, but lower is better"
            ),
        ),
        "rule.renstra.not_comparable": (
            (
                "target {what} indikator '{indicator}' {target} tidak dapat dibandingkan dengan "
                "target Renstra {renstra}"
            ),
            (
                "the {what} target of the indicator '{indicator}', {target}, cannot be compared "
                "with the Renstra's {renstra}"
            ),
        ),
        "hint.rule.renstra.target_below": (
            "tetapkan target yang tidak lebih buruk dari target Renstra",
            "set a target that is not worse than the Renstra's",
        ),
        "hint.rule.renstra.not_comparable": (
            "tulis target dengan satuan dan bentuk yang sama dengan target Renstra",
            "write the target in the same unit and form as the Renstra's",
        ),
    },
)
def renstra_target_below(ctx: Context) -> Iterator[Diagnostic]:
    """A target of the plan is below (worse than) the Renstra's, where it may not be.

    Where the plan's relation to its Renstra is `tidak_di_bawah` (format 2:
    `renstra: {hubungan: tidak_di_bawah}`; KPU provincial and kabupaten offices under KPU
    RI's Renstra since 2025), each target of the plan must be at least as good as the
    Renstra's for that year. "Not below" follows the indicator's polarity: for a positif
    indicator the plan's target may not be lower; for a negatif one (lower is better) it
    may not be higher. A bound is better in its own direction (`≤ 5%`: lower), a range
    counts by its worse end, a scale value by its rank. Targets that cannot be compared
    (another unit, text against a number) are reported too.

    ## Why is this bad?
    "A target set in the region may not be below the national target": a regional
    office that aims lower than the Renstra it follows cannot add up to the national
    result, and the evaluation counts it against the office.

    ## Example
    The national Renstra asks for at most 5 days; the office plans 7 (lower is better).

        rktc: 2
        jenis: kpu
        renstra: {periode: 2025-2029, hubungan: tidak_di_bawah}
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Rata-rata waktu penyelesaian sengketa
                    sasaran: S1
                    satuan: hari
                    polaritas: negatif
                    target: 7 hari
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Republik Indonesia}
        indikator:
          - id: IK1
            nama: Rata-rata waktu penyelesaian sengketa
            polaritas: negatif
            target: {2025: 5 hari}

    ## Use instead
        rktc: 2
        jenis: kpu
        renstra: {periode: 2025-2029, hubungan: tidak_di_bawah}
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Rata-rata waktu penyelesaian sengketa
                    sasaran: S1
                    satuan: hari
                    polaritas: negatif
                    target: 4 hari
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Republik Indonesia}
        indikator:
          - id: IK1
            nama: Rata-rata waktu penyelesaian sengketa
            polaritas: negatif
            target: {2025: 5 hari}

    ## Fix
    Raise the target to the Renstra's (for a negatif indicator: lower it to the
    Renstra's), or write it in the Renstra's unit so that the two can be compared.
    """
    year = _renstra(ctx)
    if year is None or year.linked.relation != NOT_BELOW:
        return
    linked = year.linked
    for pair in _pairs(year):
        if pair.baseline:
            continue  # the office's own baseline is a fact, not a target
        polarity = linked.polarity(pair.indicator)
        verdict = not_below(pair.plan, pair.renstra, polarity, linked.scales)
        if verdict.ok:
            continue
        params = {
            "what": _what(pair),
            "indicator": pair.indicator.nama,
            "target": _shown(pair.plan),
            "renstra": _shown(pair.renstra),
        }
        related = [
            (
                year.in_renstra(pair.renstra_loc),
                msg("related.renstra.value", value=_shown(pair.renstra)),
            )
        ]
        if verdict.ok is None:
            yield ctx.report(
                pair.plan_loc,
                msg("rule.renstra.not_comparable", **params),
                hint=msg("hint.rule.renstra.not_comparable"),
                related=related,
            )
            continue
        key = (
            "rule.renstra.target_below" if verdict.higher_is_better else "rule.renstra.target_above"
        )
        yield ctx.report(
            pair.plan_loc,
            msg(key, **params),
            hint=msg("hint.rule.renstra.target_below"),
            related=related,
        )


# --- RKT603 / RKT604: indicators on one side only ---------------------------------------------


def _expected(target: Target | None) -> bool:
    return target is not None and target.kind is not TargetKind.NA


@rule(
    "RKT603",
    "renstra-indicator-not-in-plan",
    Severity.WARNING,
    messages={
        "rule.renstra.not_in_plan": (
            "indikator Renstra '{name}' (target {year}: {target}) tidak ada dalam rencana",
            "the Renstra indicator '{name}' (target for {year}: {target}) is not in the plan",
        ),
        "rule.renstra.budget_not_in_plan": (
            "program/kegiatan Renstra '{name}' (pagu {year}: {pagu}) tidak ada dalam rencana",
            "the Renstra's program/kegiatan '{name}' (pagu for {year}: {pagu}) is not in the plan",
        ),
        "rule.renstra.ambiguous": (
            "nama indikator Renstra '{name}' cocok dengan beberapa indikator rencana",
            "the Renstra indicator name '{name}' matches several indicators of the plan",
        ),
        "hint.rule.renstra.not_in_plan": (
            "masukkan indikator ini ke rencana dengan id yang sama, atau perbaiki id di Renstra",
            "put this indicator in the plan with the same id, or correct the id in the Renstra",
        ),
        "hint.rule.renstra.ambiguous": (
            "beri indikator rencana id, dan tulis id itu di Renstra",
            "give the plan's indicator an id, and write that id in the Renstra",
        ),
    },
)
def renstra_indicator_not_in_plan(ctx: Context) -> Iterator[Diagnostic]:
    """A Renstra indicator with a target for the plan's year is not in the plan.

    A Renstra entry names a plan indicator by `id` (or, when it has no id, by `nama`). An
    entry whose target for the plan's year is missing or `NA` is not expected in the
    plan and not reported. The same holds for the Renstra's `pendanaan`: a program,
    kegiatan or sub kegiatan (by `kode`, else `nama`) with a pagu for the plan's year.

    ## Why is this bad?
    The annual plan carries every Renstra target of its year; one left out has no
    target, no realisasi and no capaian that year, and the Laporan Kinerja cannot report
    the Renstra's progress on it.

    ## Example
    The Renstra's IK2 has a 2025 target; the plan has no IK2.

        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            target: {2025: 100%}
          - id: IK2
            nama: Persentase partisipasi pemilih
            target: {2025: 80%}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
                  - id: IK2
                    nama: Persentase partisipasi pemilih
                    sasaran: S1
                    satuan: "%"
                    target: 80%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            target: {2025: 100%}
          - id: IK2
            nama: Persentase partisipasi pemilih
            target: {2025: 80%}

    ## Fix
    Add the indicator to the plan with the Renstra's id and target, or correct the id
    (or name) the Renstra gives it.
    """
    year = _renstra(ctx)
    if year is None:
        return
    tahun = year.linked.tahun
    for match in year.linked.renstra_matches:
        if match.found.listed is not None:
            continue
        name = match.entry.nama or match.entry.id or ""
        where = year.in_renstra(match.name_loc)
        if match.found.problem == AMBIGUOUS:
            yield ctx.report(
                where,
                msg("rule.renstra.ambiguous", name=name),
                hint=msg("hint.rule.renstra.ambiguous"),
            )
            continue
        target = match.entry.target.get(tahun)
        if target is None or not _expected(target):
            continue
        yield ctx.report(
            where,
            msg("rule.renstra.not_in_plan", name=name, year=tahun, target=target.text),
            hint=msg("hint.rule.renstra.not_in_plan"),
        )
    for budget in year.linked.pendanaan_matches:
        pagu = budget.entry.pagu.get(tahun)
        if budget.node is not None or pagu is None:
            continue
        name = budget.entry.kode or budget.entry.nama or ""
        yield ctx.report(
            year.in_renstra(budget.name_loc),
            msg("rule.renstra.budget_not_in_plan", name=name, year=tahun, pagu=number(pagu)),
            hint=msg("hint.rule.renstra.not_in_plan"),
        )


@rule(
    "RKT604",
    "indicator-not-in-renstra",
    Severity.WARNING,
    messages={
        "rule.renstra.plan_only": (
            "indikator '{name}' tidak ada dalam Renstra {path}",
            "the indicator '{name}' is not in the Renstra {path}",
        ),
        "hint.rule.renstra.plan_only": (
            "tulis indikator ini di Renstra dengan id yang sama, atau beri id Renstra-nya",
            "write this indicator in the Renstra with the same id, or give it the Renstra's id",
        ),
    },
)
def indicator_not_in_renstra(ctx: Context) -> Iterator[Diagnostic]:
    """An indicator of the plan is not in its Renstra.

    Every declared indicator of the plan (of the tujuan, the sasaran and every level of
    the hierarchy) is looked for in the Renstra by its `id`, or by its name when the
    Renstra entry gives only `nama`.

    ## Why is this bad?
    A plan's indicators come from the Renstra; one that is not there has no Renstra
    target to be checked against and no medium-term target for the Laporan Kinerja to
    compare the year's realisasi with. Often it is the same indicator under another id.

    ## Example
    The plan's IK3 is not in the Renstra.

        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK3
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2026: 100%}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2026: 100%}

    ## Fix
    Give the indicator the id the Renstra uses, or add it to the Renstra file.
    """
    year = _renstra(ctx)
    if year is None:
        return
    renstra = year.linked.renstra
    assert renstra is not None
    matched = {
        match.found.listed.indicator.path
        for match in year.linked.renstra_matches
        if match.found.listed is not None
    }
    for listed in year.linked.indicators.items:
        indicator = listed.indicator
        if indicator.path in matched:
            continue
        yield ctx.report(
            indicator.at("nama"),
            msg("rule.renstra.plan_only", name=indicator.nama, path=renstra.path),
            hint=msg("hint.rule.renstra.plan_only"),
        )


# --- RKT605: the period ----------------------------------------------------------------------


@rule(
    "RKT605",
    "plan-outside-renstra-period",
    messages={
        "rule.renstra.year_outside": (
            "tahun rencana {year} di luar periode Renstra {start}-{end}",
            "the plan's year {year} is outside the Renstra period {start}-{end}",
        ),
        "rule.renstra.other_period": (
            "rencana menyebut periode Renstra {written}, padahal berkas Renstra {start}-{end}",
            "the plan names the Renstra period {written}, but the Renstra file's is {start}-{end}",
        ),
        "hint.rule.renstra.year_outside": (
            "periksa tahun rencana, atau pakai Renstra periode yang memuat tahun itu",
            "check the plan's year, or use the Renstra of the period that holds it",
        ),
        "related.renstra.period": (
            "periode Renstra: {start}-{end}",
            "Renstra period: {start}-{end}",
        ),
    },
)
def plan_outside_renstra_period(ctx: Context) -> Iterator[Diagnostic]:
    """The plan's year is outside its Renstra's period, or the plan names another period.

    The plan's `renstra.periode` is compared with the Renstra file's `periode`, and its
    `tahun` with that period (a year outside the period the plan itself names is
    RKT402).

    ## Why is this bad?
    A plan details one year of a Renstra. A year outside the period means the plan
    follows the wrong Renstra (the previous one, or a draft of the next), and none of
    its targets can be taken from it; a `renstra.periode` different from the Renstra
    file's is the same mistake written in the plan.

    ## Example
    A 2025 plan, of the Renstra 2025-2029, checked against the Renstra file 2020-2024.

        renstra:
          periode: 2025-2029
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2020-2024
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2024: 100%}

    ## Use instead
        renstra:
          periode: 2025-2029
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2025: 100%}

    ## Fix
    Check the plan against the Renstra of its period (`--renstra`, or format 2's
    `renstra.berkas`), and write that period in `renstra.periode`.
    """
    year = _renstra(ctx)
    if year is None:
        return
    renstra = year.linked.renstra
    assert renstra is not None
    assert renstra.model is not None
    start, end = renstra.model.periode
    period = [
        (
            year.in_renstra(("periode",)),
            msg("related.renstra.period", start=start, end=end),
        )
    ]
    tahun = year.linked.tahun
    written = ctx.plan.renstra.periode if ctx.readable("renstra") else None
    if written is not None and written != (start, end):
        yield ctx.report(
            ("renstra", "periode"),
            msg(
                "rule.renstra.other_period",
                written=f"{written[0]}-{written[1]}",
                start=start,
                end=end,
            ),
            related=period,
        )
    # a year outside the period the plan itself names is RKT402's
    if not start <= tahun <= end and written != (start, end):
        yield ctx.report(
            ("tahun",),
            msg("rule.renstra.year_outside", year=tahun, start=start, end=end),
            hint=msg("hint.rule.renstra.year_outside"),
            related=period,
        )


# --- RKT606: the same indicator, described differently ----------------------------------------


@rule(
    "RKT606",
    "renstra-indicator-differs",
    Severity.WARNING,
    messages={
        "rule.renstra.name_differs": (
            "Renstra menamai indikator {id} '{renstra}', rencana '{plan}'",
            "the Renstra names the indicator {id} '{renstra}', the plan '{plan}'",
        ),
        "rule.renstra.satuan_differs": (
            "satuan indikator {id} di Renstra '{renstra}', di rencana '{plan}'",
            "the satuan of the indicator {id} is '{renstra}' in the Renstra, '{plan}' in the plan",
        ),
        "rule.renstra.polarity_differs": (
            "polaritas indikator {id} di Renstra {renstra}, di rencana {plan}",
            "the polaritas of the indicator {id} is {renstra} in the Renstra, {plan} in the plan",
        ),
        "hint.rule.renstra.differs": (
            "samakan keduanya: satu indikator, satu nama, satu satuan, satu arah",
            "make the two agree: one indicator, one name, one satuan, one direction",
        ),
    },
)
def renstra_indicator_differs(ctx: Context) -> Iterator[Diagnostic]:
    """The Renstra gives an indicator of the plan (same id) another name, satuan or polaritas.

    Names are compared ignoring case, spacing and punctuation; the polaritas only for a
    format 2 plan, which states it (positif when not written).

    ## Why is this bad?
    The same id with another name is either a renamed indicator (and the documents
    print two names for one thing) or a different indicator under a reused id (and the
    targets compared are not comparable). Another polaritas turns the capaian formula
    and the "not below" comparison around.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilihan yang terlaksana
            target: {2025: 100%}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- renstra.yaml ---
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            target: {2025: 100%}

    ## Fix
    Use the Renstra's wording in the plan (or correct the Renstra file where it was
    mistyped), so that both name, measure and judge the indicator alike.
    """
    year = _renstra(ctx)
    if year is None:
        return
    linked = year.linked
    for match in linked.renstra_matches:
        listed = match.found.listed
        if listed is None or not match.found.by_id:
            continue
        indicator, entry = listed.indicator, match.entry
        ident = entry.id or ""
        checks: list[tuple[str, str | None, str | None, Loc]] = [
            ("rule.renstra.name_differs", entry.nama, indicator.nama, indicator.at("nama")),
            ("rule.renstra.satuan_differs", entry.satuan, indicator.satuan, indicator.at("satuan")),
        ]
        if linked.states_polarity:
            checks.append(
                (
                    "rule.renstra.polarity_differs",
                    entry.polaritas,
                    indicator.polaritas,
                    indicator.at("polaritas"),
                )
            )
        field_of = {
            "rule.renstra.name_differs": "nama",
            "rule.renstra.satuan_differs": "satuan",
            "rule.renstra.polarity_differs": "polaritas",
        }
        for key, theirs, mine, plan_loc in checks:
            if theirs is None or mine is None or name_key(theirs) == name_key(mine):
                continue
            yield ctx.report(
                year.in_renstra((*match.loc, field_of[key])),
                msg(key, id=ident, renstra=theirs, plan=mine),
                hint=msg("hint.rule.renstra.differs"),
                related=[(ctx.at(plan_loc), msg("related.plan.value", value=mine))],
            )


# --- RKT621-RKT626: the realisasi files -------------------------------------------------------

# The realisasi examples share a plan with one indicator IK1 (target 100%).
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _value_text(cell: Cell) -> str:
    return " ".join((cell.text or "").split())


@rule(
    "RKT621",
    "realisasi-unknown-reference",
    messages={
        "rule.realisasi.unknown_indicator": (
            "indikator '{name}' tidak ada dalam rencana {plan}",
            "the indicator '{name}' is not in the plan {plan}",
        ),
        "rule.realisasi.ambiguous_indicator": (
            "nama indikator '{name}' cocok dengan beberapa indikator rencana",
            "the indicator name '{name}' matches several indicators of the plan",
        ),
        "rule.realisasi.unknown_node": (
            "program/kegiatan '{name}' tidak ada dalam rencana {plan}",
            "the program/kegiatan '{name}' is not in the plan {plan}",
        ),
        "rule.realisasi.ambiguous_node": (
            "'{name}' cocok dengan beberapa program/kegiatan rencana",
            "'{name}' matches several programs/kegiatan of the plan",
        ),
        "hint.rule.realisasi.unknown": (
            "tulis id indikator (atau kode kegiatan) persis seperti dalam rencana",
            "write the indicator's id (or the kegiatan's kode) exactly as in the plan",
        ),
    },
)
def realisasi_unknown_reference(ctx: Context) -> Iterator[Diagnostic]:
    """A realisasi entry names an indicator or budget line that is not in the plan.

    Or a name that several of them share. Indicators are named by `id` (or `nama` where the plan gives no ids), budget lines
    by `kode` (or `nama`).

    ## Why is this bad?
    Realisasi entered against an unknown id reaches no indicator: the indicator it was
    meant for shows no realisasi, and the capaian of the year is wrong without anyone
    seeing why. It is usually a typo, or an id renamed in the plan.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - id: IK01
            tw1: 100

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - id: IK1
            tw1: 100

    ## Fix
    Write the id (or kode) the plan gives, or give the plan's indicator an id where
    several share a name.
    """
    year = _linked(ctx)
    if year is None:
        return
    plan = year.linked.plan_path
    for match in year.linked.realisasi_matches:
        if match.found.listed is not None:
            continue
        key = (
            "rule.realisasi.ambiguous_indicator"
            if match.found.problem == AMBIGUOUS
            else "rule.realisasi.unknown_indicator"
        )
        name = match.entry.id or match.entry.nama or ""
        yield ctx.report(
            year.in_realisasi(match.file, match.name_loc),
            msg(key, name=name, plan=plan),
            hint=msg("hint.rule.realisasi.unknown"),
        )
    for budget in year.linked.budget_matches:
        if budget.node is not None:
            continue
        key = (
            "rule.realisasi.ambiguous_node"
            if budget.problem == AMBIGUOUS
            else "rule.realisasi.unknown_node"
        )
        name = budget.entry.kode or budget.entry.nama or ""
        yield ctx.report(
            year.in_realisasi(budget.file, budget.name_loc),
            msg(key, name=name, plan=plan),
            hint=msg("hint.rule.realisasi.unknown"),
        )


@rule(
    "RKT622",
    "realisasi-unit-mismatch",
    messages={
        "rule.realisasi.unit": (
            (
                "realisasi '{value}' bersatuan '{unit}', padahal target indikator '{indicator}' "
                "{target} (satuan {satuan})"
            ),
            (
                "the realisasi '{value}' is in '{unit}', but the target of the indicator "
                "'{indicator}' is {target} (satuan {satuan})"
            ),
        ),
        "hint.rule.realisasi.unit": (
            "tulis realisasi dalam satuan target, atau angkanya saja",
            "write the realisasi in the target's unit, or the number alone",
        ),
    },
)
def realisasi_unit_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """A quarter's realisasi is written with a unit that does not fit its target.

    A realisasi may be the number alone (`87,3`) or the number with the target's unit
    (`87,3%`, `2 dokumen`) or the indicator's satuan. Any other unit does not fit: `13
    Lembaga` for a target of `100%`, `95%` for `1 dokumen`.

    ## Why is this bad?
    A realisasi in another unit is another measure: 13 lembaga against 100% would be a
    capaian of 13%, although all 13 may have done it. Such a value is not used.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Jumlah dokumen rencana yang disusun
                    sasaran: S1
                    satuan: Dokumen
                    target: 2 dokumen
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - id: IK1
            tw2: 100%

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Jumlah dokumen rencana yang disusun
                    sasaran: S1
                    satuan: Dokumen
                    target: 2 dokumen
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - id: IK1
            tw2: 2 dokumen

    ## Fix
    Convert the realisasi to the target's unit (13 of 13 lembaga is 100%), or write the
    number alone.
    """
    year = _linked(ctx)
    if year is None:
        return
    for match in year.linked.realisasi_matches:
        listed = match.found.listed
        if listed is None:
            continue
        indicator = listed.indicator
        for cell in match.cells:
            if cell.problem != UNIT:
                continue
            yield ctx.report(
                year.in_realisasi(cell.file, cell.loc),
                msg(
                    "rule.realisasi.unit",
                    value=_value_text(cell),
                    unit=cell.unit,
                    indicator=indicator.nama,
                    target=indicator.target.text if indicator.target else "-",
                    satuan=indicator.satuan or "-",
                ),
                hint=msg("hint.rule.realisasi.unit"),
            )


@rule(
    "RKT623",
    "realisasi-given-twice",
    messages={
        "rule.realisasi.twice": (
            "realisasi triwulan {quarter} indikator '{indicator}' diisi lebih dari sekali",
            (
                "the realisasi of quarter {quarter} of the indicator '{indicator}' is given more "
                "than once"
            ),
        ),
        "rule.realisasi.budget_twice": (
            "realisasi anggaran triwulan {quarter} '{name}' diisi lebih dari sekali",
            "the budget realisasi of quarter {quarter} of '{name}' is given more than once",
        ),
        "rule.realisasi.budget_nested": (
            "realisasi anggaran '{name}' juga sudah terhitung dalam '{outer}'",
            "the budget realisasi of '{name}' is counted in '{outer}' as well",
        ),
        "related.realisasi.outer": ("'{outer}' diisi di sini", "'{outer}' is given here"),
        "hint.rule.realisasi.twice": (
            "isi setiap triwulan sekali saja, di satu berkas",
            "give each quarter once, in one file",
        ),
        "hint.rule.realisasi.budget_nested": (
            "isi realisasi anggaran di satu tingkat saja: kegiatan atau programnya",
            "give budget realisasi at one level only: the kegiatan or their program",
        ),
    },
)
def realisasi_given_twice(ctx: Context) -> Iterator[Diagnostic]:
    """A quarter's realisasi is given twice, or budget realisasi both for a program and inside it.

    Twice for one indicator or budget line, in one file or in two. Each place is reported, with the others as related locations. A blank quarter is not
    a value: a quarter left blank in one file and filled in another is given once.

    ## Why is this bad?
    Realisasi files are entered by different people through the year; a quarter entered
    twice holds two values of which at most one is right, and rktc will not guess which
    (the indicator gets no capaian until it is settled). Money entered for a program and
    for its kegiatan would be counted twice.

    ## Example
    Two files give TW I.

        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi-tw1.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - {id: IK1, tw1: 90}
        # --- realisasi-tw2.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - {id: IK1, tw1: 95, tw2: 100}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi-tw1.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - {id: IK1, tw1: 90}
        # --- realisasi-tw2.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - {id: IK1, tw2: 100}

    ## Fix
    Keep the value that is right and delete the other.
    """
    year = _linked(ctx)
    if year is None:
        return
    linked = year.linked
    for listed in linked.indicators.items:
        by_quarter: dict[int, list[Cell]] = {}
        for cell in linked.cells_of(listed.indicator):
            if not cell.blank:
                by_quarter.setdefault(cell.quarter, []).append(cell)
        for quarter, cells in sorted(by_quarter.items()):
            if len(cells) < 2:
                continue
            for cell in cells:
                others = [
                    (
                        year.in_realisasi(o.file, o.loc),
                        msg(
                            "related.realisasi.other", quarter=_ROMAN[quarter], value=_value_text(o)
                        ),
                    )
                    for o in cells
                    if o is not cell
                ]
                yield ctx.report(
                    year.in_realisasi(cell.file, cell.loc),
                    msg(
                        "rule.realisasi.twice",
                        quarter=_ROMAN[quarter],
                        indicator=listed.indicator.nama,
                    ),
                    hint=msg("hint.rule.realisasi.twice"),
                    related=others,
                )
    yield from _budget_twice(year)


def _budget_twice(year: YearContext) -> Iterator[Diagnostic]:
    linked = year.linked
    by_node: dict[int, list[tuple[int, Decimal | None, int, Loc]]] = {}
    named: dict[int, str] = {}
    entries_of: dict[int, list[tuple[int, Loc]]] = {}
    for match in linked.budget_matches:
        if match.node is None:
            continue
        key = id(match.node)
        named[key] = match.node.nama
        entries_of.setdefault(key, []).append((match.file, match.name_loc))
        for amount in match.amounts:
            if amount.amount is not None:
                by_node.setdefault(key, []).append(
                    (amount.quarter, amount.amount, amount.file, amount.loc)
                )
    for key, amounts in by_node.items():
        quarters: dict[int, list[tuple[Decimal | None, int, Loc]]] = {}
        for quarter, spent, file, loc in amounts:
            quarters.setdefault(quarter, []).append((spent, file, loc))
        for quarter, given in sorted(quarters.items()):
            if len(given) < 2:
                continue
            for _, file, loc in given:
                others = [
                    (
                        year.in_realisasi(f, lo),
                        msg(
                            "related.realisasi.other",
                            quarter=_ROMAN[quarter],
                            value=number(a) if a is not None else "-",
                        ),
                    )
                    for a, f, lo in given
                    if lo != loc or f != file
                ]
                yield year.report(
                    year.in_realisasi(file, loc),
                    msg("rule.realisasi.budget_twice", quarter=_ROMAN[quarter], name=named[key]),
                    hint=msg("hint.rule.realisasi.twice"),
                    related=others,
                )
    for match in linked.budget_matches:
        if match.node is None:
            continue
        for outer in linked.nodes.ancestors(match.node):
            if id(outer) not in entries_of:
                continue
            file, loc = entries_of[id(outer)][0]
            yield year.report(
                year.in_realisasi(match.file, match.name_loc),
                msg("rule.realisasi.budget_nested", name=match.node.nama, outer=outer.nama),
                hint=msg("hint.rule.realisasi.budget_nested"),
                related=[
                    (year.in_realisasi(file, loc), msg("related.realisasi.outer", outer=outer.nama))
                ],
            )
            break


@rule(
    "RKT624",
    "realisasi-not-a-value",
    messages={
        "rule.realisasi.not_number": (
            "realisasi '{value}' bukan angka, padahal target indikator '{indicator}' {target}",
            (
                "the realisasi '{value}' is not a number, but the target of the indicator "
                "'{indicator}' is {target}"
            ),
        ),
        "rule.realisasi.not_on_scale": (
            "realisasi '{value}' bukan nilai skala target {target} ({values})",
            "the realisasi '{value}' is not a value of the target's scale {target} ({values})",
        ),
        "rule.realisasi.cumulative_text": (
            "realisasi '{value}' tidak dapat dijumlahkan: indikator '{indicator}' kumulatif",
            "the realisasi '{value}' cannot be added up: the indicator '{indicator}' is cumulative",
        ),
        "hint.rule.realisasi.not_number": (
            "tulis angka cara Indonesia: 87,3 atau 1.250; kosongkan triwulan yang belum ada",
            "write an Indonesian number: 87,3 or 1.250; leave a quarter without data blank",
        ),
        "hint.rule.realisasi.not_on_scale": (
            "tulis salah satu nilai skala itu",
            "write one of the values of that scale",
        ),
        "hint.rule.realisasi.cumulative_text": (
            "tulis angka, atau nyatakan kumulatif: tidak bila yang dihitung nilai terakhir",
            "write numbers, or say kumulatif: tidak if the last value is what counts",
        ),
    },
)
def realisasi_not_a_value(ctx: Context) -> Iterator[Diagnostic]:
    """A quarter's realisasi is not what its target needs (a number, a level of its scale).

    A number target needs a number, a scale target a level of the scale, a cumulative
    indicator numbers. A number is written the Indonesian way (`87,3`, `1.250`); a blank quarter, `-` or
    `NA` is simply not given (not zero).

    ## Why is this bad?
    A realisasi of `tercapai` or `87.3` (a dot decimal) for a target of `97%` has no
    capaian; a level `BB` cannot be added to another. Left unchecked, the indicator
    would print a realisasi and silently no capaian.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - id: IK1
            tw1: tercapai

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        indikator:
          - id: IK1
            tw1: 100

    ## Fix
    Write the measured value as a number (or the scale's level); leave a quarter with no
    data blank.
    """
    year = _linked(ctx)
    if year is None:
        return
    linked = year.linked
    for match in linked.realisasi_matches:
        listed = match.found.listed
        if listed is None:
            continue
        indicator = listed.indicator
        target = indicator.target
        for cell in match.cells:
            where = year.in_realisasi(cell.file, cell.loc)
            value = _value_text(cell)
            if cell.problem == NOT_NUMBER:
                yield ctx.report(
                    where,
                    msg(
                        "rule.realisasi.not_number",
                        value=value,
                        indicator=indicator.nama,
                        target=target.text if target else "-",
                    ),
                    hint=msg("hint.rule.realisasi.not_number"),
                )
            elif cell.problem == NOT_ON_SCALE:
                scale = next(
                    (s for s in linked.scales if target is not None and s.name == target.scale),
                    None,
                )
                values = ", ".join(scale.values) if scale is not None else "-"
                yield ctx.report(
                    where,
                    msg(
                        "rule.realisasi.not_on_scale",
                        value=value,
                        target=target.text if target else "-",
                        values=values,
                    ),
                    hint=msg("hint.rule.realisasi.not_on_scale"),
                )
            elif cell.problem == CUMULATIVE_TEXT:
                yield ctx.report(
                    where,
                    msg("rule.realisasi.cumulative_text", value=value, indicator=indicator.nama),
                    hint=msg("hint.rule.realisasi.cumulative_text"),
                )


@rule(
    "RKT625",
    "realisasi-other-plan",
    messages={
        "rule.realisasi.other_year": (
            "realisasi tahun {year}, padahal rencana {plan} untuk tahun {plan_year}",
            "realisasi of {year}, but the plan {plan} is for {plan_year}",
        ),
        "rule.realisasi.other_plan": (
            "berkas ini merealisasikan rencana '{written}', tetapi diperiksa dengan {plan}",
            "this file is the realisasi of the plan '{written}', but is checked with {plan}",
        ),
        "hint.rule.realisasi.other_plan": (
            "periksa berkas realisasi bersama rencana yang benar, atau perbaiki rencana:/tahun:",
            "check the realisasi file with the right plan, or correct rencana:/tahun:",
        ),
    },
)
def realisasi_other_plan(ctx: Context) -> Iterator[Diagnostic]:
    """A realisasi file is for another year, or names another plan, than the one it is checked with.

    ## Why is this bad?
    Realisasi of last year's file, or of another office's plan, matches indicator ids
    by accident and gives capaian that belong to nobody.

    ## Example
        tahun: 2025
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2024

    ## Use instead
        tahun: 2025
        # --- realisasi.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025

    ## Fix
    Check the file together with its own plan, or correct its `tahun` or `rencana`.
    """
    year = _linked(ctx)
    if year is None:
        return
    linked = year.linked
    plan_path = linked.plan_path
    for f, read in enumerate(linked.realisasi):
        model = read.model
        if model is None:
            continue
        if model.tahun != linked.tahun:
            yield ctx.report(
                year.in_realisasi(f, ("tahun",)),
                msg(
                    "rule.realisasi.other_year",
                    year=model.tahun,
                    plan=plan_path,
                    plan_year=linked.tahun,
                ),
                hint=msg("hint.rule.realisasi.other_plan"),
            )
        if model.rencana and plan_path:
            named = resolve_beside(read.path, model.rencana)
            if named != Path(plan_path).resolve():
                yield ctx.report(
                    year.in_realisasi(f, ("rencana",)),
                    msg("rule.realisasi.other_plan", written=model.rencana, plan=plan_path),
                    hint=msg("hint.rule.realisasi.other_plan"),
                )


@rule(
    "RKT626",
    "realisasi-conflicting-settings",
    messages={
        "rule.realisasi.setting_conflict": (
            "pengaturan capaian '{name}' dinyatakan berbeda di dua berkas realisasi",
            "the capaian setting '{name}' is stated differently in two realisasi files",
        ),
        "rule.realisasi.mode_conflict": (
            (
                "indikator '{indicator}' dinyatakan kumulatif: {written} di sini, padahal "
                "kumulatif: {other} di tempat lain"
            ),
            (
                "the indicator '{indicator}' is said to be kumulatif: {written} here, but "
                "kumulatif: {other} elsewhere"
            ),
        ),
        "rule.realisasi.mode_plan": (
            "rencana menyatakan kumulatif: {value}",
            "the plan says kumulatif: {value}",
        ),
        "rule.realisasi.mode_entry": (
            "entri lain menyatakan kumulatif: {value}",
            "another entry says kumulatif: {value}",
        ),
        "rule.realisasi.formula_positive": (
            "rumus '{formula}' hanya untuk indikator negatif, padahal '{indicator}' positif",
            "the formula '{formula}' is for negatif indicators only, but '{indicator}' is positif",
        ),
        "rule.realisasi.formula_conflict": (
            "rumus capaian indikator '{indicator}' dinyatakan berbeda: {formula} dan {other}",
            (
                "the capaian formula of the indicator '{indicator}' is stated differently: "
                "{formula} and {other}"
            ),
        ),
        "hint.rule.realisasi.settings": (
            "nyatakan setiap pengaturan sekali, atau sama di setiap berkas",
            "state each setting once, or the same in every file",
        ),
    },
)
def realisasi_conflicting_settings(ctx: Context) -> Iterator[Diagnostic]:
    """The realisasi files say different things about how capaian is computed.

    A `capaian:` setting stated differently in two files, an entry's `kumulatif` against
    the plan's or another entry's, a `rumus` for a positif indicator, or two different
    `rumus` for one indicator.

    ## Why is this bad?
    The cap, the bands, the formula and how quarters add up decide the capaian printed
    in the Laporan Kinerja. Two files that disagree leave it to the order in which they
    were given; the documents would change with it.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi-tw1.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        capaian: {batas: 120%}
        # --- realisasi-tw2.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        capaian: {batas: 100%}

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - id: IK1
                    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%
        # --- realisasi-tw1.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025
        capaian: {batas: 120%}
        # --- realisasi-tw2.yaml ---
        rktc: 2
        dokumen: realisasi
        tahun: 2025

    ## Fix
    State each setting once (in the first quarter's file, say), or the same everywhere;
    say `kumulatif` in the plan (format 2) rather than in the realisasi.
    """
    year = _linked(ctx)
    if year is None:
        return
    linked = year.linked
    for name, first, again in linked.settings.conflicts:
        yield ctx.report(
            year.in_realisasi(again.file, again.loc, key=True),
            msg("rule.realisasi.setting_conflict", name=name),
            hint=msg("hint.rule.realisasi.settings"),
            related=[
                (
                    year.in_realisasi(first.file, first.loc, key=True),
                    msg("related.realisasi.setting"),
                )
            ],
        )
    for listed in linked.indicators.items:
        indicator = listed.indicator
        stated = linked.stated_cumulative(indicator)
        for i, (match, value) in enumerate(stated):
            where = year.in_realisasi(match.file, (*match.loc, "kumulatif"))
            written = "ya" if value else "tidak"
            if indicator.kumulatif is not None and indicator.kumulatif != value:
                plan_value = "ya" if indicator.kumulatif else "tidak"
                yield ctx.report(
                    where,
                    msg(
                        "rule.realisasi.mode_conflict",
                        indicator=indicator.nama,
                        written=written,
                        other=plan_value,
                    ),
                    hint=msg("hint.rule.realisasi.settings"),
                    related=[
                        (
                            ctx.at(indicator.at("kumulatif")),
                            msg("rule.realisasi.mode_plan", value=plan_value),
                        )
                    ],
                )
            elif indicator.kumulatif is None and i > 0 and stated[0][1] != value:
                first_match, first_value = stated[0]
                earlier = "ya" if first_value else "tidak"
                yield ctx.report(
                    where,
                    msg(
                        "rule.realisasi.mode_conflict",
                        indicator=indicator.nama,
                        written=written,
                        other=earlier,
                    ),
                    hint=msg("hint.rule.realisasi.settings"),
                    related=[
                        (
                            year.in_realisasi(first_match.file, (*first_match.loc, "kumulatif")),
                            msg("rule.realisasi.mode_entry", value=earlier),
                        )
                    ],
                )
        formulas = [m for m in linked.entries_of(indicator) if m.entry.rumus is not None]
        for i, match in enumerate(formulas):
            where = year.in_realisasi(match.file, (*match.loc, "rumus"))
            formula = str(match.entry.rumus)
            if linked.polarity(indicator) is not cp.Polarity.NEGATIVE:
                yield ctx.report(
                    where,
                    msg(
                        "rule.realisasi.formula_positive", formula=formula, indicator=indicator.nama
                    ),
                    hint=msg("hint.rule.realisasi.settings"),
                )
            elif i > 0 and formulas[0].entry.rumus != match.entry.rumus:
                yield ctx.report(
                    where,
                    msg(
                        "rule.realisasi.formula_conflict",
                        indicator=indicator.nama,
                        formula=str(formulas[0].entry.rumus),
                        other=formula,
                    ),
                    hint=msg("hint.rule.realisasi.settings"),
                    related=[
                        (
                            year.in_realisasi(formulas[0].file, (*formulas[0].loc, "rumus")),
                            msg("related.realisasi.setting"),
                        )
                    ],
                )
