"""Capaian (achievement) of the SAKIP year: the year's realisasi, the capaian of a target,
its kategori, the serapan of a budget and the efisiensi of a program.

Pure functions over exact values: every number is a `Decimal` computed in a fixed context
(28 significant digits, whatever the caller's context), so a capaian that ends (87,5) is
exact and one that repeats (107,142857...) is correctly rounded far below any display.
Only `format_percent` rounds, for display. docs/capaian.md states the rules, the defaults
and a table of worked cases that tests/test_capaian.py checks against this code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from enum import StrEnum
from itertools import pairwise
from typing import Any, Literal, overload

from rktc.core.messages import Message, define_messages, msg
from rktc.plan.formatting import number
from rktc.plan.values import BUILTIN_SCALES, Comparison, Scale, Target, TargetKind, ValueProblem

# The context of every computation here; the caller's decimal context never changes a result.
_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
_DISPLAY = Context(prec=60, rounding=ROUND_HALF_UP)
HUNDRED = Decimal(100)

define_messages(
    __name__,
    {
        # --- the formula a capaian used (Capaian.description, Capaian.basis_text) ---
        "capaian.formula.langsung": (
            "realisasi dibagi target, dikali 100% (semakin tinggi semakin baik)",
            "the realisasi divided by the target, times 100% (higher is better)",
        ),
        "capaian.formula.selisih": (
            (
                "dua kali target dikurangi realisasi, dibagi target, dikali 100%"
                " (semakin rendah semakin baik)"
            ),
            (
                "twice the target minus the realisasi, divided by the target, times 100%"
                " (lower is better)"
            ),
        ),
        "capaian.formula.rasio": (
            "target dibagi realisasi, dikali 100% (semakin rendah semakin baik)",
            "the target divided by the realisasi, times 100% (lower is better)",
        ),
        "capaian.formula.terpenuhi": (
            "target terpenuhi: capaian 100%",
            "the target is met: capaian 100%",
        ),
        "capaian.basis.target": ("T adalah target {value}", "T is the target {value}"),
        "capaian.basis.lower": (
            "realisasi di bawah rentang target {target}: T adalah batas bawahnya {value}",
            "the realisasi is below the target range {target}: T is its lower end {value}",
        ),
        "capaian.basis.upper": (
            "realisasi di atas rentang target {target}: T adalah batas atasnya {value}",
            "the realisasi is above the target range {target}: T is its upper end {value}",
        ),
        "capaian.basis.range": (
            "realisasi di dalam rentang target {target}",
            "the realisasi is within the target range {target}",
        ),
        "capaian.basis.limit": (
            "T adalah batas target {target}: {value}",
            "T is the limit of the target {target}: {value}",
        ),
        "capaian.basis.rank": (
            (
                "R dan T adalah peringkat pada skala {scale} (1 = terendah): R = {realisasi},"
                " T = {value}"
            ),
            "R and T are ranks on the scale {scale} (1 = the lowest): R = {realisasi}, T = {value}",
        ),
        # --- why there is no capaian (Capaian.reason) ---
        "capaian.target_na": (
            "target '{target}' tidak berlaku: tidak ada capaian",
            "the target '{target}' does not apply: there is no capaian",
        ),
        "capaian.target_text": (
            (
                "target '{target}' berupa teks, bukan angka atau nilai skala:"
                " capaian tidak dapat dihitung"
            ),
            (
                "the target '{target}' is text, not a number or a scale value:"
                " no capaian can be computed"
            ),
        ),
        "capaian.target_zero": (
            "target '{target}' bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol)",
            "the target '{target}' is 0: no capaian can be computed (division by zero)",
        ),
        "capaian.target_negative": (
            "target '{target}' di bawah nol: perbandingan dengan target tidak bermakna",
            "the target '{target}' is below zero: a ratio to it has no meaning",
        ),
        "capaian.range_reversed": (
            "rentang target '{target}' terbalik (batas bawah di atas batas atas)",
            "the target range '{target}' is reversed (its lower end is above its upper end)",
        ),
        "capaian.unknown_scale": (
            "skala '{scale}' dari target '{target}' tidak dikenal",
            "the scale '{scale}' of the target '{target}' is not known",
        ),
        "capaian.no_realisasi": (
            "belum ada realisasi (kosong tidak sama dengan nol)",
            "there is no realisasi yet (blank is not zero)",
        ),
        "capaian.realisasi_not_number": (
            "realisasi '{realisasi}' bukan angka, padahal target '{target}' berupa angka",
            "the realisasi '{realisasi}' is not a number, but the target '{target}' is",
        ),
        "capaian.realisasi_not_on_scale": (
            "realisasi '{realisasi}' bukan nilai skala {scale} ({values})",
            "the realisasi '{realisasi}' is not a value of the scale {scale} ({values})",
        ),
        "capaian.ratio_realisasi": (
            (
                "rumus target/realisasi memerlukan realisasi di atas 0 (realisasi {realisasi});"
                " rumus selisih tidak"
            ),
            (
                "the target/realisasi formula needs a realisasi above 0 (realisasi {realisasi});"
                " the selisih formula does not"
            ),
        ),
        # --- values that cannot be used (ValueProblem keys) ---
        "capaian.cumulative_text": (
            (
                "realisasi '{value}' berupa teks dan tidak dapat dijumlahkan:"
                " indikator kumulatif memerlukan angka"
            ),
            (
                "the realisasi '{value}' is text and cannot be added up:"
                " a cumulative indicator needs numbers"
            ),
        ),
        "capaian.unknown_formula": (
            "rumus capaian '{value}' tidak dikenal; yang dikenal: {known}",
            "unknown capaian formula '{value}'; known: {known}",
        ),
        "capaian.band_duplicate": (
            "dua kategori capaian dengan batas bawah yang sama ({bound}): '{first}' dan '{second}'",
            "two capaian categories with the same lower bound ({bound}): '{first}' and '{second}'",
        ),
    },
)


class Polarity(StrEnum):
    """Which way an indicator improves (polaritas)."""

    POSITIVE = "positif"  # higher is better
    NEGATIVE = "negatif"  # lower is better


class Formula(StrEnum):
    """How a capaian was computed; the value is the short code."""

    DIRECT = "langsung"  # R / T x 100%
    DIFFERENCE = "selisih"  # (2T - R) / T x 100%
    RATIO = "rasio"  # T / R x 100%
    MET = "terpenuhi"  # 100%: the realisasi is within the range, or the bound holds

    @property
    def notation(self) -> str:
        """The formula in symbols, the same in both languages: "(2T - R)/T x 100%"."""
        return _NOTATION[self]

    @property
    def description(self) -> Message:
        """The formula in words, Indonesian and English."""
        return msg(f"capaian.formula.{self.value}")


_NOTATION = {
    Formula.DIRECT: "R/T x 100%",
    Formula.DIFFERENCE: "(2T - R)/T x 100%",
    Formula.RATIO: "T/R x 100%",
    Formula.MET: "100%",
}
# The formulas a lower-is-better indicator may name.
LowerFormula = Literal[Formula.DIFFERENCE, Formula.RATIO]
DEFAULT_LOWER_FORMULA: LowerFormula = Formula.DIFFERENCE
_FORMULA_NAMES: dict[str, LowerFormula] = {
    "selisih": Formula.DIFFERENCE,
    "2t-r": Formula.DIFFERENCE,
    "(2t-r)/t": Formula.DIFFERENCE,
    "rasio": Formula.RATIO,
    "invers": Formula.RATIO,
    "inverse": Formula.RATIO,
    "t/r": Formula.RATIO,
}


def parse_formula(text: str) -> LowerFormula:
    """The lower-is-better formula a plan names: `selisih` (also `2T-R`, `(2T - R)/T`) or
    `rasio` (also `invers`, `inverse`, `T/R`), in any letter case and spacing, with or
    without a trailing `x 100%`. Anything else is a `ValueProblem`."""
    key = "".join(text.casefold().split())
    for suffix in ("x100%", "×100%", "*100%"):
        key = key.removesuffix(suffix)
    found = _FORMULA_NAMES.get(key)
    if found is None:
        raise ValueProblem("capaian.unknown_formula", value=text, known="selisih, rasio")
    return found


class Basis(StrEnum):
    """What T stands for in the formula of a capaian."""

    TARGET = "target"  # the number of a NUMBER target
    LOWER = "lower"  # the lower end of a RANGE (the realisasi is below it)
    UPPER = "upper"  # the upper end of a RANGE (the realisasi is above it)
    RANGE = "range"  # the whole RANGE (the realisasi is within it)
    LIMIT = "limit"  # the limit of a BOUND
    RANK = "rank"  # the rank of a SCALE value (and R the rank of the realisasi)


# A cap on capaian (docs/capaian.md, "Cap"): over-achievement stays visible up to +20 points,
# and one indicator with a tiny target (1 dokumen, realisasi 12: 1.200%) cannot swamp an
# average or the efisiensi of its program.
DEFAULT_CAP = Decimal(120)

Realisasi = Decimal | str | None


@dataclass(slots=True)  # not frozen: one per indicator (see hierarchy.Indicator)
class Capaian:
    """The capaian of one target: `percent` (after the clamp at 0 and the cap), or None
    with a `reason` saying why there is none.

    `raw` is the formula's own result (it may be below 0 or above the cap); `formula`
    the formula used, `basis` what T stood for, `reference` the T used and `measured`
    the R used (for a scale both are ranks); `met` whether the target was reached;
    `cap` the cap applied (None: no cap)."""

    target: Target
    realisasi: Realisasi
    percent: Decimal | None = None
    raw: Decimal | None = None
    formula: Formula | None = None
    basis: Basis | None = None
    reference: Decimal | None = None
    measured: Decimal | None = None
    met: bool | None = None
    cap: Decimal | None = None
    reason: Message | None = None

    @property
    def clamped(self) -> bool:
        """The formula gave less than 0 and the capaian is 0."""
        return self.raw is not None and self.raw < 0

    @property
    def capped(self) -> bool:
        """The formula gave more than the cap and the capaian is the cap."""
        return self.raw is not None and self.cap is not None and self.raw > self.cap

    @property
    def notation(self) -> str | None:
        return None if self.formula is None else self.formula.notation

    @property
    def description(self) -> Message | None:
        return None if self.formula is None else self.formula.description

    @property
    def basis_text(self) -> Message | None:
        """What T (and for a scale, R) stood for, Indonesian and English."""
        if self.basis is None:
            return None
        target = self.target.text
        if self.basis is Basis.RANGE:
            return msg("capaian.basis.range", target=target)
        value = "" if self.reference is None else number(self.reference)
        if self.basis is Basis.TARGET:
            return msg("capaian.basis.target", value=value)
        if self.basis is Basis.RANK:
            measured = "" if self.measured is None else number(self.measured)
            return msg(
                "capaian.basis.rank", scale=self.target.scale, realisasi=measured, value=value
            )
        return msg(f"capaian.basis.{self.basis.value}", target=target, value=value)


def capaian(
    target: Target,
    realisasi: Realisasi,
    polarity: Polarity,
    formula: LowerFormula = DEFAULT_LOWER_FORMULA,
    cap: Decimal | int | None = DEFAULT_CAP,
    scales: Iterable[Scale] = BUILTIN_SCALES,
) -> Capaian:
    """The capaian of `target` for the year's `realisasi` (docs/capaian.md).

    Higher is better: R/T x 100%. Lower is better: `formula`, (2T - R)/T x 100%
    (`Formula.DIFFERENCE`, the default) or T/R x 100% (`Formula.RATIO`). A range is met
    (100%) when the realisasi is within it, else compared with the end it passed; a bound
    is met (100%) when it holds, else compared with its limit in the bound's own direction
    (`<=`, `<` as lower is better, `>=`, `>` as higher is better; `polarity` is not used).
    A scale value compares the ranks, with `polarity` and `formula` as for numbers; its
    realisasi is a value of the same scale, found in `scales` by the target's scale name.
    A result below 0 is 0; one above `cap` (None: no cap; at least 100) is the cap.
    """
    limit = _check_cap(cap)
    if formula not in (Formula.DIFFERENCE, Formula.RATIO):
        raise ValueError(f"a lower-is-better formula is selisih or rasio, not {formula!r}")

    def none(key: str, **params: str) -> Capaian:
        return Capaian(target, realisasi, cap=limit, reason=msg(key, **params))

    kind, text = target.kind, target.text
    if kind is TargetKind.NA:
        return none("capaian.target_na", target=text)
    if kind is TargetKind.TEXT:
        return none("capaian.target_text", target=text)
    if kind is TargetKind.RANGE and _lower(target) > _upper(target):
        return none("capaian.range_reversed", target=text)
    scale = None
    if kind is TargetKind.SCALE:
        scale = next((s for s in scales if s.name == target.scale), None)
        if scale is None:
            return none("capaian.unknown_scale", scale=str(target.scale), target=text)
    if kind is TargetKind.NUMBER:
        problem = _reference_problem(_value(target))
        if problem is not None:
            return none(problem, target=text)
    if realisasi is None or (isinstance(realisasi, str) and not realisasi.strip()):
        return none("capaian.no_realisasi")
    shown = _shown(realisasi)

    if scale is not None:
        rank = scale.rank(realisasi) if isinstance(realisasi, str) else None
        if rank is None:
            values = ", ".join(scale.values)
            return none(
                "capaian.realisasi_not_on_scale", realisasi=shown, scale=scale.name, values=values
            )
        reference, measured = Decimal(target.rank or 0), Decimal(rank)
        return _compute(
            target, realisasi, measured, reference, Basis.RANK, polarity, formula, limit
        )

    if not isinstance(realisasi, Decimal) or not realisasi.is_finite():
        return none("capaian.realisasi_not_number", realisasi=shown, target=text)
    value = realisasi
    if kind is TargetKind.NUMBER:
        reference = _value(target)
        return _compute(target, value, value, reference, Basis.TARGET, polarity, formula, limit)
    if kind is TargetKind.RANGE:
        lower, upper = _lower(target), _upper(target)
        if lower <= value <= upper:
            return _met(target, value, None, Basis.RANGE, limit)
        reference, basis = (upper, Basis.UPPER) if value > upper else (lower, Basis.LOWER)
    else:  # BOUND
        comparison, reference, basis = _comparison(target), _limit(target), Basis.LIMIT
        if comparison.holds(value, reference):
            return _met(target, value, reference, basis, limit)
        lower_is_better = comparison in (Comparison.LE, Comparison.LT)
        polarity = Polarity.NEGATIVE if lower_is_better else Polarity.POSITIVE
    problem = _reference_problem(reference)
    if problem is not None:
        return none(problem, target=text)
    result = _compute(target, value, value, reference, basis, polarity, formula, limit)
    if kind is TargetKind.BOUND and result.met:
        # A bound that does not hold is not met, even where its ratio is 100% (`< 10`, R 10).
        return replace(result, met=False)
    return result


def _compute(
    target: Target,
    realisasi: Decimal | str,
    measured: Decimal,
    reference: Decimal,
    basis: Basis,
    polarity: Polarity,
    formula: LowerFormula,
    cap: Decimal | None,
) -> Capaian:
    """R (`measured`) against T (`reference`, above 0) by the formula of `polarity`."""
    used: Formula = Formula.DIRECT if polarity is Polarity.POSITIVE else formula
    if used is Formula.RATIO and measured <= 0:
        return Capaian(
            target,
            realisasi,
            cap=cap,
            reason=msg("capaian.ratio_realisasi", realisasi=number(measured)),
        )
    with localcontext(_CONTEXT):
        if used is Formula.DIRECT:
            raw = measured * HUNDRED / reference
        elif used is Formula.DIFFERENCE:
            raw = (2 * reference - measured) * HUNDRED / reference
        else:
            raw = reference * HUNDRED / measured
    return Capaian(
        target,
        realisasi,
        percent=_bounded(raw, cap),
        raw=raw,
        formula=used,
        basis=basis,
        reference=reference,
        measured=measured,
        met=raw >= HUNDRED,
        cap=cap,
    )


def _met(
    target: Target, value: Decimal, reference: Decimal | None, basis: Basis, cap: Decimal | None
) -> Capaian:
    return Capaian(
        target,
        value,
        percent=_bounded(HUNDRED, cap),
        raw=HUNDRED,
        formula=Formula.MET,
        basis=basis,
        reference=reference,
        measured=value,
        met=True,
        cap=cap,
    )


def _shown(realisasi: Decimal | str) -> str:
    if isinstance(realisasi, str):
        return realisasi
    return number(realisasi) if realisasi.is_finite() else str(realisasi)


def _bounded(raw: Decimal, cap: Decimal | None) -> Decimal:
    """Clamp at 0 (never "-0") and cap."""
    percent = raw if raw > 0 else Decimal(0)
    return cap if cap is not None and percent > cap else percent


def _reference_problem(reference: Decimal) -> str | None:
    if reference == 0:
        return "capaian.target_zero"
    if reference < 0:
        return "capaian.target_negative"
    return None


def _check_cap(cap: Decimal | int | None) -> Decimal | None:
    if cap is None:
        return None
    limit = Decimal(cap)
    if not limit.is_finite() or limit < HUNDRED:
        raise ValueError(f"a capaian cap is at least 100 (%), not {cap!r}")
    return limit


# The Target fields of each kind (Target.__post_init__ guarantees them; mypy cannot know).
def _value(target: Target) -> Decimal:
    assert target.value is not None
    return target.value


def _lower(target: Target) -> Decimal:
    assert target.lower is not None
    return target.lower


def _upper(target: Target) -> Decimal:
    assert target.upper is not None
    return target.upper


def _limit(target: Target) -> Decimal:
    assert target.limit is not None
    return target.limit


def _comparison(target: Target) -> Comparison:
    assert target.comparison is not None
    return target.comparison


def realisasi_value(written: Target) -> Realisasi:
    """A realisasi written as a target is written (a plan's `realisasi_tahunan`, read with
    `parse_target`) as `capaian` takes it: a number's value, a scale value in the scale's
    spelling, None for "not applicable" (`NA`, `-`), and the text of anything else (words,
    a range, a bound), which `capaian` then reports as no number or no scale value."""
    if written.kind is TargetKind.NUMBER:
        return _value(written)
    if written.kind is TargetKind.SCALE:
        return written.scale_value or written.text
    if written.kind is TargetKind.NA:
        return None
    return written.text


# --- the year's realisasi --------------------------------------------------------------------


@overload
def year_realisasi(quarters: Sequence[Decimal | None], cumulative: bool) -> Decimal | None: ...


@overload
def year_realisasi(
    quarters: Sequence[Decimal | str | None], cumulative: bool
) -> Decimal | str | None: ...


def year_realisasi(
    quarters: Sequence[Decimal | str | None], cumulative: bool
) -> Decimal | str | None:
    """The year's realisasi from the quarters' (TW I-IV, or any periods in order): the sum
    of the values given when `cumulative`, else the last value given. A blank quarter
    (None, or text that is only spaces) is left out, never read as 0; no value at all
    gives None. A scale level or other text is a value too, for the last value; a
    cumulative indicator with text is a `ValueProblem`."""
    if isinstance(quarters, str):
        raise TypeError("year_realisasi takes a sequence of quarters, not one text")
    given = [q for q in quarters if q is not None and not (isinstance(q, str) and not q.strip())]
    if not given:
        return None
    if not cumulative:
        return given[-1]
    total = Decimal(0)
    with localcontext(_CONTEXT):
        for value in given:
            if not isinstance(value, Decimal):
                raise ValueProblem("capaian.cumulative_text", value=value)
            total += value
    return total


# --- kategori --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """A capaian category from `lower` up: above it, or from it on when `inclusive`."""

    lower: Decimal
    label: str
    inclusive: bool = False

    def admits(self, value: Decimal) -> bool:
        return value >= self.lower if self.inclusive else value > self.lower


def _band(lower: int, label: str, inclusive: bool = False) -> Band:
    return Band(Decimal(lower), label, inclusive)


# LKjIP Kabupaten Maluku Tengah: > 85-100 Memuaskan ... 0-30 Kurang (no gaps: the default).
BANDS_MALUKU_TENGAH: tuple[Band, ...] = (
    _band(85, "Memuaskan"),
    _band(75, "Sangat Baik"),
    _band(65, "Baik"),
    _band(50, "Cukup Baik"),
    _band(30, "Agak Kurang"),
    _band(0, "Kurang", inclusive=True),
)
# An Inspektorat: 91-100 Sangat Baik, 76-90 Baik, 66-75 Cukup, 51-65 Kurang, <= 50 Sangat
# Kurang. Each band starts at its written lower number; the whole-number gaps (90 < x < 91)
# belong to the band below.
BANDS_INSPEKTORAT: tuple[Band, ...] = (
    _band(91, "Sangat Baik", inclusive=True),
    _band(76, "Baik", inclusive=True),
    _band(66, "Cukup", inclusive=True),
    _band(51, "Kurang", inclusive=True),
    _band(0, "Sangat Kurang", inclusive=True),
)
DEFAULT_BANDS = BANDS_MALUKU_TENGAH


def check_bands(bands: Iterable[Band]) -> tuple[Band, ...]:
    """The bands from the highest down (`> 85` above `>= 85`); two bands that start at the
    same place are a `ValueProblem`."""
    ordered = sorted(bands, key=lambda b: (b.lower, not b.inclusive), reverse=True)
    for higher, lower in pairwise(ordered):
        if (higher.lower, higher.inclusive) == (lower.lower, lower.inclusive):
            raise ValueProblem(
                "capaian.band_duplicate",
                bound=number(higher.lower),
                first=higher.label,
                second=lower.label,
            )
    return tuple(ordered)


def kategori(value: Decimal, bands: Iterable[Band] = DEFAULT_BANDS) -> str | None:
    """The label of the highest band that `value` (a capaian, unrounded) reaches, or None
    when it reaches none (the bands given in any order)."""
    for band in _ordered(bands):
        if band.admits(value):
            return band.label
    return None


_last_ordered: list[Any] = [None, ()]  # the bands last ordered, and their order


def _ordered(bands: Iterable[Band]) -> tuple[Band, ...]:
    """check_bands, once for the bands of a whole year (asked for each of its indicators)."""
    if bands is not _last_ordered[0] or not isinstance(bands, tuple):
        _last_ordered[:] = [bands, check_bands(bands)]
    ordered: tuple[Band, ...] = _last_ordered[1]
    return ordered


# --- anggaran: serapan and efisiensi ---------------------------------------------------------


def serapan(realisasi_anggaran: Decimal, pagu: Decimal) -> Decimal | None:
    """Realisasi anggaran / pagu x 100% (not capped: spending over the pagu shows over 100);
    None for a pagu of 0."""
    if realisasi_anggaran < 0 or pagu < 0:
        raise ValueError("realisasi anggaran and pagu are not negative")
    if pagu == 0:
        return None
    with localcontext(_CONTEXT):
        return realisasi_anggaran * HUNDRED / pagu


class Efficiency(StrEnum):
    """Efisiensi of a program or kegiatan, as the LKjIP prints it."""

    EFFICIENT = "Efisien"
    FAIRLY_EFFICIENT = "Cukup Efisien"
    NOT_EFFICIENT = "Tidak Efisien"


# Points of capaian above serapan that make a program efficient (e-sakip-bna).
EFFICIENCY_MARGIN = Decimal(5)


def efisiensi(
    capaian: Decimal, serapan: Decimal, margin: Decimal = EFFICIENCY_MARGIN
) -> Efficiency:
    """Efficient when capaian - serapan > `margin` points, fairly efficient within
    -`margin`..+`margin` (both ends included), not efficient below."""
    with localcontext(_CONTEXT):
        difference = capaian - serapan
    if difference > margin:
        return Efficiency.EFFICIENT
    if difference >= -margin:
        return Efficiency.FAIRLY_EFFICIENT
    return Efficiency.NOT_EFFICIENT


# --- display ---------------------------------------------------------------------------------


def format_percent(value: Decimal, places: int = 2) -> str:
    """A percentage the Indonesian way, rounded half up to at most `places` decimals, with
    the project's percent spelling (formatting.target: "97%"): 107,14%; 87,5%; 1.250%."""
    rounded = value.quantize(Decimal(1).scaleb(-places), context=_DISPLAY)
    if rounded == 0:
        rounded = Decimal(0)  # no "-0%"
    return f"{number(rounded.normalize(_DISPLAY))}%"
