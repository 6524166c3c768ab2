"""Rules about what a target says, at every level: its direction against the baseline, a
range read backwards, a value off its scale, money written where a target belongs.

They read every indicator as written (`common.declared`): of the tujuan, of the sasaran
(IKU), of every level of the hierarchy, and the rows of the published tables and matrix.
Each target-like value of an indicator is checked where it stands: `target`, `baseline`,
`target_akhir`, and each year of `target_tahunan` and `realisasi_tahunan` and each quarter
of `target_triwulan`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from rktc.check.rules.base import Context, rule
from rktc.check.rules.common import Declared, declared
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import Message, define_messages, msg
from rktc.plan.formatting import number, rupiah
from rktc.plan.hierarchy import Indicator
from rktc.plan.names import first_word
from rktc.plan.values import BUILTIN_SCALES, Scale, Target, TargetKind, declare_scale

Loc = tuple[str | int, ...]

# Texts reported by several rules of this module.
define_messages(
    __name__,
    {
        "related.baseline": ("kondisi awal (baseline) {baseline}", "baseline {baseline}"),
        "related.polaritas": (
            "polaritas: negatif (makin rendah makin baik)",
            "polaritas: negatif (lower is better)",
        ),
    },
)


def _values(ind: Indicator) -> Iterator[tuple[Target, Loc]]:
    """Every target-like value of an indicator, with where it is written."""
    for name in ("target", "baseline", "target_akhir"):
        value = getattr(ind, name)
        if value is not None:
            yield value, ind.at(name)
    for name in ("target_tahunan", "realisasi_tahunan", "target_triwulan"):
        table: Mapping[int, Target] = getattr(ind, name)
        for key in sorted(table):
            yield table[key], (*ind.at(name), str(key))


@dataclass(frozen=True)
class _Span:
    """What a target aims at, as the interval of numbers it allows (a scale value: its rank)."""

    low: Decimal
    high: Decimal
    unit: str
    scale: str | None = None

    def comparable(self, other: _Span) -> bool:
        if self.scale != other.scale:
            return False
        return not self.unit or not other.unit or _unit_key(self.unit) == _unit_key(other.unit)


def _unit_key(unit: str) -> str:
    return " ".join(unit.casefold().rstrip(".").split())


def _span(target: Target) -> _Span | None:
    kind = target.kind
    if kind is TargetKind.NUMBER and target.value is not None:
        return _Span(target.value, target.value, target.unit)
    if kind is TargetKind.RANGE and target.lower is not None and target.upper is not None:
        if target.lower > target.upper:
            return None  # RKT216 reports it; its direction cannot be told
        return _Span(target.lower, target.upper, target.unit)
    if kind is TargetKind.BOUND and target.limit is not None:
        return _Span(target.limit, target.limit, target.unit)
    if kind is TargetKind.SCALE and target.rank is not None:
        rank = Decimal(target.rank)
        return _Span(rank, rank, "", target.scale)
    return None


def _worse(target: _Span, than: _Span, lower_is_better: bool) -> bool:
    """Whether every value the target allows is worse than every value of `than`."""
    if not target.comparable(than):
        return False
    return target.low > than.high if lower_is_better else target.high < than.low


def _yearly(ind: Indicator) -> list[tuple[int, Target, Loc]]:
    return [
        (year, ind.target_tahunan[year], (*ind.at("target_tahunan"), str(year)))
        for year in sorted(ind.target_tahunan)
    ]


@rule(
    "RKT214",
    "lower-is-better-target-rises",
    messages={
        "rule.negative_above_baseline": (
            (
                "target {target} indikator '{name}' lebih tinggi dari kondisi awal {baseline}, "
                "padahal makin rendah makin baik"
            ),
            "the target {target} of '{name}' is above its baseline {baseline}, though lower is better",
        ),
        "rule.negative_rising": (
            (
                "target tahun {year} indikator '{name}' ({target}) naik dari {previous} "
                "(tahun {previous_year}), padahal makin rendah makin baik"
            ),
            (
                "the {year} target of '{name}' ({target}) rises from {previous} "
                "({previous_year}), though lower is better"
            ),
        ),
        "hint.rule.negative_rising": (
            (
                "indikator 'makin rendah makin baik' menargetkan penurunan: periksa targetnya, "
                "atau `polaritas` bila sebenarnya makin tinggi makin baik"
            ),
            (
                "a lower-is-better indicator aims to go down: check its targets, or its "
                "`polaritas` if higher is in fact better"
            ),
        ),
        "related.previous_year": ("target tahun {year}: {target}", "the {year} target: {target}"),
    },
)
def lower_is_better_rises(ctx: Context) -> Iterator[Diagnostic]:
    """A lower-is-better indicator whose target is above its baseline, or rises year on year.

    A lower-is-better indicator says `polaritas: negatif`. Compared: the target and the target akhir with the baseline (kondisi awal), and each
    year of `target_tahunan` with the year before. A range is above when even its lower
    end is; values in different units, or on a scale, are not compared.

    ## Why is this bad?
    Angka kematian ibu, stunting, kasus, pengaduan, sisa perkara: for these indicators a
    higher figure is a worse result. A plan whose target is above where the indicator
    stands, or whose yearly targets climb, plans for things to get worse. Almost always
    the targets were written as if higher were better, or the polarity was set on the
    wrong indicator; either way the capaian will be computed the wrong way round (real
    reports show a 1667 % capaian for a reduction). It is an error because the plan says
    `polaritas: negatif` explicitly and then contradicts it. A target that really must
    stay above a freak low baseline is marked `# rktc: ignore[RKT214]` with the reason.

    ## Example
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - nama: Jumlah sengketa proses Pemilu
                satuan: Perkara
                polaritas: negatif
                baseline: 4 Perkara
                target: 6 Perkara

    ## Use instead
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - nama: Jumlah sengketa proses Pemilu
                satuan: Perkara
                polaritas: negatif
                baseline: 4 Perkara
                target: 3 Perkara
                target_tahunan: {2025: 3 Perkara, 2026: 2 Perkara}

    ## Fix
    Write targets that go down from the baseline and from year to year. If higher is in
    fact better for this indicator, remove `polaritas: negatif`.
    """
    for item in declared(ctx):
        ind = item.indicator
        if not ind.lower_is_better:
            continue
        related = [(ctx.at(ind.at("polaritas")), msg("related.polaritas"))]
        for target, where in _against_baseline(ind, lower_is_better=True):
            assert ind.baseline is not None
            yield ctx.report(
                where,
                msg(
                    "rule.negative_above_baseline",
                    target=target.text,
                    name=ind.nama,
                    baseline=ind.baseline.text,
                ),
                hint=msg("hint.rule.negative_rising"),
                related=[
                    (
                        ctx.at(ind.at("baseline")),
                        msg("related.baseline", baseline=ind.baseline.text),
                    ),
                    *related,
                ],
            )
        yearly = _yearly(ind)
        for (year0, before, at0), (year, after, where) in pairwise(yearly):
            span0, span = _span(before), _span(after)
            if span0 is None or span is None or span.scale or not _worse(span, span0, True):
                continue
            yield ctx.report(
                where,
                msg(
                    "rule.negative_rising",
                    year=year,
                    name=ind.nama,
                    target=after.text,
                    previous=before.text,
                    previous_year=year0,
                ),
                hint=msg("hint.rule.negative_rising"),
                related=[
                    (ctx.at(at0), msg("related.previous_year", year=year0, target=before.text)),
                    *related,
                ],
            )


def _against_baseline(ind: Indicator, *, lower_is_better: bool) -> Iterator[tuple[Target, Loc]]:
    """The target and the target akhir where they are worse than the baseline."""
    base = _span(ind.baseline) if ind.baseline is not None else None
    if base is None or (lower_is_better and base.scale):
        return
    for name in ("target", "target_akhir"):
        value: Target | None = getattr(ind, name)
        span = _span(value) if value is not None else None
        if value is not None and span is not None and _worse(span, base, lower_is_better):
            yield value, ind.at(name)


@rule(
    "RKT215",
    "target-below-baseline",
    Severity.WARNING,
    messages={
        "rule.positive_below_baseline": (
            "target {target} indikator '{name}' lebih rendah dari kondisi awal {baseline}",
            "the target {target} of '{name}' is below its baseline {baseline}",
        ),
        "hint.rule.positive_below_baseline": (
            (
                "bila makin rendah makin baik, tulis `polaritas: negatif`; bila tidak, periksa "
                "target atau kondisi awalnya"
            ),
            "if lower is better, write `polaritas: negatif`; otherwise check the target or the baseline",
        ),
    },
)
def target_below_baseline(ctx: Context) -> Iterator[Diagnostic]:
    """A higher-is-better indicator whose target is below its baseline (kondisi awal).

    Compared: the target and the target akhir with the baseline, as numbers in the same
    unit or as values of the same scale (a predikat `B` below a baseline `BB`). A range is
    below when even its upper end is.

    ## Why is this bad?
    A plan that aims below where the indicator already stands plans for a worse result.
    Usually the indicator is in fact lower-is-better and its `polaritas: negatif` was
    left out (every indicator is higher-is-better unless it says so), or the baseline or
    the target is a typing mistake. It is a warning, not an error like RKT214, because
    the polarity here is only the default, and a lower target can be deliberate (a
    coverage that falls with a cut budget); the reviewer asks, the plan answers.

    ## Example
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - nama: Persentase partisipasi pemilih
                satuan: "%"
                baseline: 81%
                target: 77,5%

    ## Use instead
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - nama: Persentase partisipasi pemilih
                satuan: "%"
                baseline: 81%
                target: 82%

    ## Fix
    Write `polaritas: negatif` for an indicator where lower is better; otherwise correct
    the target or the baseline.
    """
    for item in declared(ctx):
        ind = item.indicator
        if ind.lower_is_better:
            continue
        for target, where in _against_baseline(ind, lower_is_better=False):
            assert ind.baseline is not None
            yield ctx.report(
                where,
                msg(
                    "rule.positive_below_baseline",
                    target=target.text,
                    name=ind.nama,
                    baseline=ind.baseline.text,
                ),
                hint=msg("hint.rule.positive_below_baseline"),
                related=[
                    (
                        ctx.at(ind.at("baseline")),
                        msg("related.baseline", baseline=ind.baseline.text),
                    )
                ],
            )


@rule(
    "RKT216",
    "reversed-range",
    messages={
        "rule.range_reversed": (
            "rentang '{value}': batas bawah {lower} lebih besar dari batas atas {upper}",
            "range '{value}': its lower end {lower} is above its upper end {upper}",
        ),
        "hint.rule.range_reversed": (
            "tulis angka yang lebih kecil dulu: {suggestion}",
            "write the smaller number first: {suggestion}",
        ),
    },
)
def reversed_range(ctx: Context) -> Iterator[Diagnostic]:
    """A range target whose first (lower) number is above its second (`90 - 80%`).

    ## Why is this bad?
    A range says the target is met anywhere from its lower to its upper end; capaian is
    scored against the upper end when the realisasi is above the range and against the
    lower when below. Read backwards, no realisasi lies inside it, and which end was
    meant cannot be told: usually the numbers were swapped, sometimes one was mistyped.

    ## Example
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - {nama: Persentase partisipasi pemilih, satuan: "%", target: 85 - 80%}

    ## Use instead
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - {nama: Persentase partisipasi pemilih, satuan: "%", target: 80 - 85%}

    ## Fix
    Write the smaller number first (`80 - 85%`), or correct the one that was mistyped.
    """
    for item in declared(ctx):
        for value, where in _values(item.indicator):
            lower, upper = value.lower, value.upper
            if lower is None or upper is None or lower <= upper:
                continue  # a range has both ends; no other kind has them
            unit = value.unit if value.unit in ("", "%") else f" {value.unit}"
            yield ctx.report(
                where,
                msg(
                    "rule.range_reversed",
                    value=value.text,
                    lower=number(lower),
                    upper=number(upper),
                ),
                hint=msg(
                    "hint.rule.range_reversed",
                    suggestion=f"{number(upper)} - {number(lower)}{unit}",
                ),
            )


@rule(
    "RKT217",
    "target-outside-scale",
    messages={
        "rule.scale_unknown": ("skala '{scale}' tidak dikenal", "the scale '{scale}' is not known"),
        "hint.rule.scale_unknown": (
            "skala yang ada: {scales}; skala lain dideklarasikan di `skala:`",
            "known scales: {scales}; declare others under `skala:`",
        ),
        "rule.outside_scale": (
            "'{value}' bukan nilai skala '{scale}' indikator '{name}'",
            "'{value}' is not a value of the scale '{scale}' of '{name}'",
        ),
        "hint.rule.outside_scale": (
            "nilai skala '{scale}': {values}",
            "the values of '{scale}': {values}",
        ),
        "related.scale_declared": (
            "skala '{scale}' dideklarasikan di sini",
            "the scale '{scale}' is declared here",
        ),
    },
)
def target_outside_scale(ctx: Context) -> Iterator[Diagnostic]:
    """A qualitative target that is not a value of the scale its indicator names (`skala:`).

    The scale is a built-in one (`sakip`: D, C, CC, B, BB, A, AA; `opini`: TW, TMP, WDP,
    WTP) or one the plan declares under `skala:`. Checked: the target, the baseline, the
    target akhir and every year and quarter; "not applicable" (`NA`, `-`) is allowed.

    ## Why is this bad?
    A target on a scale can only be met by a value of that scale: a SAKIP predikat
    "Baik" or "B+" cannot be compared with the BB that the evaluation gives, and an
    audit opinion "WTP" on the SAKIP scale means the indicator and its target were
    mixed up. The capaian of such a target cannot be computed.

    ## Example
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - {nama: Nilai evaluasi SAKIP, satuan: Predikat, skala: sakip, target: B+}

    ## Use instead
        rktc: 2
        jenis: kpu
        sasaran:
          - id: S1
            nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
            indikator:
              - {nama: Nilai evaluasi SAKIP, satuan: Predikat, skala: sakip, target: BB}

    ## Fix
    Write a value of the scale (the hint lists them), name the scale the target is on, or
    declare the plan's own scale under `skala:`, lowest value first.
    """
    scales = _scales(ctx)
    for item in declared(ctx):
        ind = item.indicator
        if not ind.skala:
            continue
        scale = scales.get(ind.skala) or scales.get(ind.skala.casefold())
        if scale is None and not _declarations_readable(ctx):
            continue  # it may be declared in the part that could not be read
        if scale is None:
            yield ctx.report(
                ind.at("skala"),
                msg("rule.scale_unknown", scale=ind.skala),
                hint=msg("hint.rule.scale_unknown", scales=", ".join(sorted(set(scales)))),
            )
            continue
        declared_at = _declared_at(ctx, scale)
        for value, where in _values(ind):
            if value.kind is TargetKind.NA or scale.find(value.text) is not None:
                continue
            yield ctx.report(
                where,
                msg("rule.outside_scale", value=value.text, scale=scale.name, name=ind.nama),
                hint=msg(
                    "hint.rule.outside_scale", scale=scale.name, values=", ".join(scale.values)
                ),
                related=declared_at,
            )


def _scales(ctx: Context) -> dict[str, Scale]:
    """The scales by name: the plan's own (format 2 `skala:`), then the built-in ones."""
    found = {scale.name: scale for scale in BUILTIN_SCALES}
    for name, levels in _declared_scales(ctx).items():
        found[name] = declare_scale(name, levels)  # the schema refused bad declarations
    return found


def _declarations_readable(ctx: Context) -> bool:
    return "skala" not in type(ctx.plan).model_fields or ctx.readable("skala")


def _declared_scales(ctx: Context) -> dict[str, list[str | list[str]]]:
    """The plan's own scales (format 2 only; none when the part could not be read)."""
    if "skala" not in type(ctx.plan).model_fields or not ctx.readable("skala"):
        return {}
    found: dict[str, list[str | list[str]]] = getattr(ctx.plan, "skala")  # noqa: B009
    return found


def _declared_at(ctx: Context, scale: Scale) -> list[tuple[Location, Message]] | None:
    written = _declared_scales(ctx)
    if scale.name not in written:
        return None
    return [
        (ctx.source.key(("skala", scale.name)), msg("related.scale_declared", scale=scale.name))
    ]


_RUPIAH = re.compile(r"(?<![^\W\d_])(?:rp|rupiah)(?![^\W\d_])", re.IGNORECASE)
_RUPIAH_TARGET = re.compile(r"^rp\.?\s*\d", re.IGNORECASE)
# Satuan in which no target runs into millions: a bare amount that large is money.
_SMALL_SATUAN = frozenset({"%", "persen", "indeks", "index", "nilai", "skor", "poin", "rasio"})
_PERCENT_NAMES = frozenset({"persentase", "prosentase", "presentase"})
LARGE_AMOUNT = Decimal(1_000_000)
SMALL_AMOUNT = Decimal(1_000)


@rule(
    "RKT218",
    "money-in-target",
    messages={
        "rule.money_in_target": (
            "target '{value}' indikator '{name}' tampaknya uang, bukan target kinerja",
            "the target '{value}' of '{name}' looks like money, not a performance target",
        ),
        "rule.target_is_anggaran": (
            "target '{value}' indikator '{name}' sama dengan anggarannya {anggaran}",
            "the target '{value}' of '{name}' equals its anggaran {anggaran}",
        ),
        "hint.rule.money_in_target": (
            (
                "tulis target kinerjanya (mis. 100%, 4 Dokumen); uang masuk ke kolom anggaran "
                "atau pagu"
            ),
            "write the performance target (e.g. 100%, 4 Dokumen); money belongs in the anggaran or pagu",
        ),
        "related.anggaran_here": ("anggaran {anggaran}", "anggaran {anggaran}"),
    },
)
def money_in_target(ctx: Context) -> Iterator[Diagnostic]:
    """Money written into a target column: a target in rupiah, or equal to the anggaran.

    Flagged, unless the satuan is itself money (`Rp`, `Rupiah`, `Juta Rupiah`): a target
    written as rupiah (`Rp 1.250.000.000`, `250.000.000 rupiah`); a target of one million
    or more without a unit where the satuan is a percentage, an index or a score (or
    there is none, or the indicator is a "Persentase ..."); a target equal to the anggaran
    or pagu of its own program, kegiatan, sub kegiatan or RO (or of its table row).

    ## Why is this bad?
    A matrix prints the target beside the anggaran, and a pasted row easily shifts one
    column: the target then says how much is spent, not what is achieved, and the
    capaian measured against it means nothing. Reviewers look for it in every Renja.

    ## Example
        rktc: 2
        jenis: kpu
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 1.250.000.000

    ## Use instead
        rktc: 2
        jenis: kpu
        program:
          - nama: Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan dan Regulasi
                anggaran: 1.250.000.000
                indikator:
                  - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%

    ## Fix
    Write the target as the result to reach (`100%`, `4 Dokumen`); the money belongs in
    `anggaran` (a leaf) or `pagu` (a parent).
    """
    for item in declared(ctx):
        ind = item.indicator
        if ind.satuan and _RUPIAH.search(ind.satuan):
            continue  # an indicator counted in rupiah (pendapatan asli daerah, ...)
        target = ind.target
        if target is not None and _equals_money(target, item):
            assert item.anggaran is not None
            amount = rupiah(item.anggaran)
            yield ctx.report(
                ind.at("target"),
                msg("rule.target_is_anggaran", value=target.text, name=ind.nama, anggaran=amount),
                hint=msg("hint.rule.money_in_target"),
                related=[(ctx.at(item.anggaran_at), msg("related.anggaran_here", anggaran=amount))]
                if item.anggaran_at
                else None,
            )
            continue
        for value, where in _money_values(ind):
            yield ctx.report(
                where,
                msg("rule.money_in_target", value=value.text, name=ind.nama),
                hint=msg("hint.rule.money_in_target"),
            )


def _equals_money(target: Target, item: Declared) -> bool:
    value = target.value
    return value is not None and value >= SMALL_AMOUNT and value == item.anggaran


def _money_values(ind: Indicator) -> Iterator[tuple[Target, Loc]]:
    """The target, target akhir and yearly targets that are written as money."""
    candidates: list[tuple[str | int, Target]] = [
        (name, value)
        for name, value in (("target", ind.target), ("target_akhir", ind.target_akhir))
        if value is not None
    ]
    candidates.extend((year, ind.target_tahunan[year]) for year in sorted(ind.target_tahunan))
    small: bool | None = None  # decided once, for the first large bare amount
    for name, value in candidates:
        rupiah_written = _RUPIAH_TARGET.match(value.text) or (
            value.kind is TargetKind.NUMBER and value.unit and _RUPIAH.search(value.unit)
        )
        large_bare = (
            value.kind is TargetKind.NUMBER
            and not value.unit
            and value.value is not None
            and value.value >= LARGE_AMOUNT
        )
        if large_bare and small is None:
            small = _small_satuan(ind)
        if rupiah_written or (large_bare and small):
            where = (
                ind.at(name) if isinstance(name, str) else (*ind.at("target_tahunan"), str(name))
            )
            yield value, where


def _small_satuan(ind: Indicator) -> bool:
    """Whether no target of this indicator runs into millions (a percentage, an index)."""
    return (
        not ind.satuan
        or (first_word(ind.satuan) or ind.satuan.strip()) in _SMALL_SATUAN
        or ind.satuan.strip() == "%"
        or first_word(ind.nama) in _PERCENT_NAMES
    )
