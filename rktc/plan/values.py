"""Indonesian values written by people: money, targets, numbers, dates, periods.

Each parser takes the text exactly as it stood in the YAML file and returns an
exact value (`Decimal`, never float) or raises `ValueProblem` naming the
catalog message that explains the mistake. "." groups thousands and "," marks
decimals, as an Indonesian writer means them; anything that could be read two
ways is refused rather than guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_MONTH_NUMBER = {name.casefold(): i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({"pebruari": 2, "nopember": 11, "agustus": 8})

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:,\d+)?")
_ENGLISH_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_DECIMAL = re.compile(r"\d+\.\d+")
_NUMBER_PREFIX = re.compile(r"[-+]?[\d.,]*\d")
_RUPIAH_PREFIX = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LONG_DATE = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\s+(\d{4})")
_PERIOD = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")
PERCENT_WORDS = frozenset({"%", "persen", "percent"})
# Ten times the whole national budget (APBN 2023: about Rp3.061 trillion x 1,000): larger
# amounts are typing mistakes, not plans.
MAX_RUPIAH = Decimal(10) ** 16


class ValueProblem(ValueError):
    """A value that cannot be read; `key` names the catalog message, `params` fill it."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def parse_number(text: str) -> Decimal:
    """Read an Indonesian number: `14.271.302.000`, `97,5`, `1.000` (one thousand)."""
    raw = text.strip()
    sign = ""
    if raw[:1] and raw[0] in "+-":
        sign, raw = raw[0], raw[1:].strip()
    if _GROUPED.fullmatch(raw) or _PLAIN.fullmatch(raw):
        return Decimal(sign + raw.replace(".", "").replace(",", "."))
    if _ENGLISH_GROUPED.fullmatch(raw):
        raise ValueProblem("value.english_grouping", value=text)
    if _DOT_DECIMAL.fullmatch(raw):
        raise ValueProblem("value.dot_decimal", value=text, suggestion=raw.replace(".", ","))
    raise ValueProblem("value.not_a_number", value=text)


@functools.lru_cache(maxsize=4096)
def parse_rupiah(text: str) -> Decimal:
    """Read an amount in rupiah: `Rp14.271.302.000`, `Rp 14.271.302.000,-`, `14271302000`."""
    raw = _RUPIAH_PREFIX.sub("", text.strip())
    raw = raw.removesuffix(",-")
    if re.fullmatch(r"\d{1,3},\d{3}", raw):
        raise ValueProblem("value.money_ambiguous", value=text, thousands=raw.replace(",", "."))
    try:
        amount = parse_number(raw)
    except ValueProblem as problem:
        problem.params["value"] = text
        raise
    if amount < 0:
        raise ValueProblem("value.money_negative", value=text)
    if amount > MAX_RUPIAH:
        raise ValueProblem("value.money_absurd", value=text)
    if -amount.as_tuple().exponent > 2:  # type: ignore[operator]
        raise ValueProblem("value.money_sen", value=text)
    return amount


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _unit_key(unit: str) -> str:
    folded = unit.casefold().strip().rstrip(".")
    return "%" if folded in PERCENT_WORDS else folded


class TargetKind(StrEnum):
    """What a target says: one number, a range, a bound, a level of a scale, nothing, or words."""

    NUMBER = "number"  # 97%, 13 kec, 183/100.000 KH
    RANGE = "range"  # 80 - 90%, 7 - 8 bulan, 0 - 5
    BOUND = "bound"  # ≤ 183/100.000 KH, maks. 5%, paling sedikit 90%
    SCALE = "scale"  # BB (SAKIP), WTP (opini BPK), Baik (a scale the plan declares)
    NA = "na"  # NA, N/A, -, tidak ada target
    TEXT = "text"  # anything else with no leading number: "Opini WTP", "Terlaksana"


class Comparison(StrEnum):
    """The comparison of a bound: the realisasi meets the target when `holds(realisasi)`."""

    LE = "<="
    LT = "<"
    GE = ">="
    GT = ">"

    def holds(self, value: Decimal, limit: Decimal) -> bool:
        if self is Comparison.LE:
            return value <= limit
        if self is Comparison.LT:
            return value < limit
        if self is Comparison.GE:
            return value >= limit
        return value > limit


_NUMERIC_KINDS = frozenset({TargetKind.NUMBER, TargetKind.RANGE, TargetKind.BOUND})


@dataclass(frozen=True)
class Scale:
    """An ordered scale of qualitative values, `levels` from the lowest to the highest.

    Values on one level rank equal (the audit opinions TW and TMP). A value matches
    case-insensitively and with its whitespace normalised; `rank` 1 is the lowest level.
    Build a scale that a plan declares with `declare_scale`, which refuses bad ones.
    """

    name: str
    levels: tuple[tuple[str, ...], ...]
    _index: dict[str, tuple[int, str]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for rank, level in enumerate(self.levels, start=1):
            for value in level:
                self._index.setdefault(_fold(value), (rank, value))

    @property
    def values(self) -> tuple[str, ...]:
        """Every value, lowest level first."""
        return tuple(value for level in self.levels for value in level)

    def find(self, text: str) -> tuple[int, str] | None:
        """The rank and the scale's own spelling of `text`, or None when it is not a value."""
        return self._index.get(_fold(text))

    def rank(self, text: str) -> int | None:
        found = self.find(text)
        return None if found is None else found[0]


# Nilai/predikat hasil evaluasi SAKIP (PermenPAN-RB 88/2021): AA > A > BB > B > CC > C > D.
SAKIP_GRADES = Scale("sakip", (("D",), ("C",), ("CC",), ("B",), ("BB",), ("A",), ("AA",)))
# Opini BPK (UU 15/2004, penjelasan Pasal 16 ayat 1). WTP > WDP > {TW, TMP}: neither the law
# nor BPK ranks tidak wajar against tidak menyatakan pendapat (both fail to give the assurance
# a target asks for), so they share the lowest level and rank equal; see docs/targets.md.
AUDIT_OPINIONS = Scale("opini", (("TW", "TMP"), ("WDP",), ("WTP",)))
BUILTIN_SCALES: tuple[Scale, ...] = (SAKIP_GRADES, AUDIT_OPINIONS)


def declare_scale(name: str, values: Sequence[str | Sequence[str]]) -> Scale:
    """A scale a plan declares, lowest value first (`["Kurang", "Cukup", "Baik"]`); a list
    in place of a value puts several values on one level. Refused: no values, a blank
    value, a value that starts with a number (it would be read as a number), a repeat."""
    levels: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for entry in values:
        level = tuple(entry) if isinstance(entry, list | tuple) else (entry,)
        if not level:
            raise ValueProblem("value.scale_blank", scale=name)
        cleaned: list[str] = []
        for value in level:
            written = " ".join(str(value).split())
            if not written:
                raise ValueProblem("value.scale_blank", scale=name)
            if _NUMBER_PREFIX.match(written):
                raise ValueProblem("value.scale_numeric", scale=name, level=written)
            if _fold(written) in seen:
                raise ValueProblem("value.scale_duplicate", scale=name, level=written)
            seen.add(_fold(written))
            cleaned.append(written)
        levels.append(tuple(cleaned))
    if not levels:
        raise ValueProblem("value.scale_empty", scale=name)
    return Scale(name, tuple(levels))


@dataclass(frozen=True)
class Target:
    """A target as written: its `text` (whitespace normalised) and what it means.

    By `kind`:
    * NUMBER: `value` and `unit` (`97 %` -> 97, "%"; `183/100.000 KH` -> 183, "/100.000 KH");
    * RANGE: `lower`, `upper` and `unit` (`80 - 90%`); lower > upper is kept for a rule;
    * BOUND: `comparison`, `limit` and `unit` (`≤ 5%` -> <=, 5, "%");
    * SCALE: `scale` (its name), `rank` (1 = lowest) and `scale_value` (the scale's spelling);
    * NA and TEXT: the text only.
    `value` is set for NUMBER only, so code that knows only numbers treats every other kind
    as it treats words. A percentage's unit is always "%" ("persen" too).
    """

    text: str
    value: Decimal | None
    unit: str
    kind: TargetKind
    lower: Decimal | None = None
    upper: Decimal | None = None
    comparison: Comparison | None = None
    limit: Decimal | None = None
    scale: str | None = None
    rank: int | None = None
    scale_value: str | None = None
    is_percent: bool = field(init=False, repr=False, compare=False)
    is_count: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kind = self.kind
        shape = {
            TargetKind.NUMBER: self.value is not None,
            TargetKind.RANGE: self.lower is not None and self.upper is not None,
            TargetKind.BOUND: self.comparison is not None and self.limit is not None,
            TargetKind.SCALE: self.scale is not None and self.rank is not None,
        }
        if not shape.get(kind, True) or (self.value is not None) != (kind is TargetKind.NUMBER):
            raise ValueError(f"inconsistent {kind} target: {self!r}")
        numeric = kind in _NUMERIC_KINDS
        percent = numeric and self.unit.casefold() in PERCENT_WORDS
        object.__setattr__(self, "is_percent", percent)
        object.__setattr__(self, "is_count", numeric and not percent and self.unit != "")

    def same_as(self, other: Target) -> bool:
        """Equal in meaning: `97 %` = `97%`; `5 Lap` = `5 lap`; `80 - 90%` = `80 s.d. 90 %`;
        `maks. 5%` = `≤ 5 %`; `wtp` = `WTP`; `NA` = `-`."""
        kind = self.kind
        if kind is not other.kind:
            return False
        if kind is TargetKind.TEXT:
            return _fold(self.text) == _fold(other.text)
        if kind is TargetKind.SCALE:
            return (self.scale, self.scale_value) == (other.scale, other.scale_value)
        if kind is TargetKind.NA:
            return True
        return (
            self.value == other.value
            and self.lower == other.lower
            and self.upper == other.upper
            and self.comparison == other.comparison
            and self.limit == other.limit
            and _unit_key(self.unit) == _unit_key(other.unit)
        )


def _unit(written: str) -> str:
    unit = written.strip()
    return "%" if unit.casefold() in PERCENT_WORDS else unit


# Said instead of a target where none applies (a year before the indicator starts).
NA_SPELLINGS = frozenset({"na", "n/a", "n.a.", "n.a", "-", "–", "—", "tidak ada target"})
_NUMBER = r"[-+]?[\d.,]*\d"
_RANGE_SEPARATOR = r"(?:-|–|—|s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga)"
# What may follow the first number of a range: its unit (optional: "%", up to three words
# without digits, or a ratio such as "/100.000 KH"), a separator, the second number and the
# unit.
_WORDS = r"[^\W\d_][^\d\s]*(?:\s[^\W\d_][^\d\s]*){0,2}"
_LOWER_UNIT = rf"%|{_WORDS}|(?:/\s?|per\s)[\d.,]*\d(?:\s{_WORDS})?"
_RANGE_REST = re.compile(
    rf"\s*(?P<unit>{_LOWER_UNIT})?\s*{_RANGE_SEPARATOR}\s*(?P<upper>{_NUMBER})(?P<rest>.*)",
    re.IGNORECASE,
)
_BOUND_PREFIX = re.compile(
    r"(?P<le>≤|<=|=<|⩽)|(?P<ge>≥|>=|=>|⩾)|(?P<lt><)|(?P<gt>>)"
    r"|(?:(?P<le_word>maks(?:imal|imum)?|max|paling\s+(?:banyak|tinggi)|sebanyak-banyaknya"
    r"|setinggi-tingginya|tidak\s+lebih\s+dari)"
    r"|(?P<ge_word>min(?:imal|imum)?|paling\s+(?:sedikit|rendah)|sekurang-kurangnya"
    r"|serendah-rendahnya|tidak\s+kurang\s+dari)"
    r"|(?P<lt_word>kurang\s+dari|di\s+bawah)|(?P<gt_word>lebih\s+dari|di\s+atas))"
    r"\.?(?![^\W\d_])",
    re.IGNORECASE,
)
_BOUND_COMPARISON = {
    "le": Comparison.LE,
    "ge": Comparison.GE,
    "lt": Comparison.LT,
    "gt": Comparison.GT,
}
# The unit of a range or a bound that holds another separated number ("80 - 90 - 100%"), or
# starts with a comparison ("≥ 80 ≤ 90"), means the target is mis-shaped.
_EXTRA_NUMBER = re.compile(rf"(?:^|(?<=\s)){_RANGE_SEPARATOR}\s*{_NUMBER}", re.IGNORECASE)
_EXTRA_COMPARISON = re.compile(r"[<>≤≥=⩽⩾]")
_DOT_DECIMAL_TOKEN = re.compile(r"[\d.,]*\d")


def parse_target(text: str, scales: Iterable[Scale] = BUILTIN_SCALES) -> Target:
    """Read a target: a number and its unit, a range, a bound, a value of one of `scales`
    (tried in the order given: put an indicator's own scale first), "not applicable", or
    qualitative text (no leading number). Refusals are `ValueProblem`s."""
    return _parse_target(text, scales if isinstance(scales, tuple) else tuple(scales))


@functools.lru_cache(maxsize=4096)  # plans repeat a few targets (97%, 1 dokumen) many times
def _parse_target(text: str, scales: tuple[Scale, ...]) -> Target:
    raw = " ".join(text.split())
    if not raw:
        raise ValueProblem("value.target_empty")
    for scale in scales:
        found = scale.find(raw)
        if found is not None:
            rank, spelling = found
            return Target(
                raw, None, "", TargetKind.SCALE, scale=scale.name, rank=rank, scale_value=spelling
            )
    if raw.casefold() in NA_SPELLINGS:
        return Target(raw, None, "", TargetKind.NA)
    bound = _BOUND_PREFIX.match(raw)
    if bound is not None:
        rest = raw[bound.end() :].lstrip()
        limit = _NUMBER_PREFIX.match(rest)
        if limit is not None:
            comparison = _BOUND_COMPARISON[(bound.lastgroup or "").split("_")[0]]
            return _bound(text, raw, limit, comparison)
    match = _NUMBER_PREFIX.match(raw)
    if match is None:
        return Target(raw, None, "", TargetKind.TEXT)
    number, after = match.group(0), raw[match.end() :]
    span = _RANGE_REST.fullmatch(after)
    if span is not None:
        return _range(text, raw, number, span)
    unit = after.strip()
    _refuse_extra(text, unit, anywhere=False)
    try:
        value = parse_number(number)
    except ValueProblem as problem:
        problem.params["value"] = text
        if problem.key == "value.dot_decimal":
            problem.params["suggestion"] = number.replace(".", ",") + (
                unit if unit == "%" else f" {unit}" if unit else ""
            )
        raise
    return Target(raw, value, _unit(unit), TargetKind.NUMBER)


def _range(text: str, raw: str, number: str, span: re.Match[str]) -> Target:
    lower_unit, unit = (span["unit"] or "").strip(), span["rest"].strip()
    _refuse_extra(text, unit)
    if lower_unit and unit and _unit_key(lower_unit) != _unit_key(unit):
        raise ValueProblem(
            "value.target_range_units", value=text, lower_unit=lower_unit, upper_unit=unit
        )
    lower, upper = _exact(text, raw, number), _exact(text, raw, span["upper"])
    return Target(raw, None, _unit(unit or lower_unit), TargetKind.RANGE, lower=lower, upper=upper)


def _bound(text: str, raw: str, match: re.Match[str], comparison: Comparison) -> Target:
    number, after = match.group(0), match.string[match.end() :]
    if _RANGE_REST.fullmatch(after):
        raise ValueProblem("value.target_bound_range", value=text)
    unit = after.strip()
    _refuse_extra(text, unit)
    limit = _exact(text, raw, number)
    return Target(raw, None, _unit(unit), TargetKind.BOUND, comparison=comparison, limit=limit)


def _refuse_extra(text: str, unit: str, anywhere: bool = True) -> None:
    """Refuse a unit that holds a further number or comparison; a plain number's unit is
    checked at its start only (it was free text before ranges were read)."""
    extra = _EXTRA_NUMBER.search(unit) if anywhere else _EXTRA_NUMBER.match(unit)
    if extra is not None or _EXTRA_COMPARISON.match(unit):
        raise ValueProblem("value.target_shape", value=text)


def _dot_decimal(number: str) -> bool:
    return _DOT_DECIMAL.fullmatch(number) is not None and _GROUPED.fullmatch(number) is None


def _exact(text: str, raw: str, number: str) -> Decimal:
    """One number of a range or a bound; a refusal names the whole target."""
    try:
        return parse_number(number)
    except ValueProblem as problem:
        problem.params["value"] = text
        if problem.key == "value.dot_decimal":
            problem.params["suggestion"] = _DOT_DECIMAL_TOKEN.sub(
                lambda m: m[0].replace(".", ",") if _dot_decimal(m[0]) else m[0], raw
            )
        raise


@dataclass(frozen=True, order=True)
class PlanDate:
    """A date as Indonesian documents give it: a day is optional ("Januari 2023")."""

    year: int
    month: int
    day: int | None = None

    def as_date(self) -> date:
        return date(self.year, self.month, self.day or 1)


def parse_date(text: str) -> PlanDate:
    """Read `2023-01-30`, `30 Januari 2023` or `Januari 2023`; impossible dates are refused."""
    raw = " ".join(text.split())
    iso = _ISO_DATE.fullmatch(raw)
    if iso:
        return _checked_date(text, int(iso[1]), int(iso[2]), int(iso[3]))
    long = _LONG_DATE.fullmatch(raw)
    if long:
        month = _MONTH_NUMBER.get(long[2].casefold())
        if month is None:
            raise ValueProblem("value.unknown_month", value=text, month=long[2])
        day = int(long[1]) if long[1] else None
        return _checked_date(text, int(long[3]), month, day)
    raise ValueProblem("value.not_a_date", value=text)


def _checked_date(text: str, year: int, month: int, day: int | None) -> PlanDate:
    try:
        date(year, month, day or 1)
    except ValueError:
        raise ValueProblem("value.impossible_date", value=text) from None
    return PlanDate(year, month, day)


def parse_year(text: str) -> int:
    raw = text.strip()
    if not re.fullmatch(r"\d{4}", raw):
        raise ValueProblem("value.not_a_year", value=text)
    return int(raw)


def parse_period(text: str) -> tuple[int, int]:
    """Read a Renstra period such as `2020-2024`."""
    match = _PERIOD.fullmatch(text.strip())
    if not match or int(match[1]) > int(match[2]):
        raise ValueProblem("value.not_a_period", value=text)
    return int(match[1]), int(match[2])


def parse_count(text: str) -> int:
    """Read a whole number used for numbering ("No" columns)."""
    raw = text.strip().rstrip(".")
    if not raw.isdigit():
        raise ValueProblem("value.not_a_count", value=text)
    return int(raw)


def unit_of(satuan: str) -> str:
    """The unit of a satuan, without a quantity written into it ("1 Lembaga" -> "Lembaga")."""
    return satuan.lstrip("0123456789.,").strip()


_YES = frozenset({"ya", "y", "yes", "true"})
_NO = frozenset({"tidak", "t", "no", "false"})


def parse_yes_no(text: str) -> bool:
    """Read `ya` / `tidak` (also `yes` / `no`, `true` / `false`)."""
    raw = text.strip().casefold()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise ValueProblem("value.not_yes_no", value=text)


_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_quarter(text: str) -> int:
    """Read a quarter (triwulan): 1-4, I-IV, or `TW I`, `TW 2`."""
    raw = text.strip().casefold().removeprefix("tw").strip()
    if raw not in _QUARTERS:
        raise ValueProblem("value.not_a_quarter", value=text)
    return _QUARTERS[raw]


MAX_CODE = 100


def parse_code(text: str) -> str:
    """A code (`1.02.02.2.01.0001`, `2886.EBA.994`) exactly as written; only blank or
    absurdly long text is refused."""
    if not text.strip():
        raise ValueProblem("value.code_blank")
    if len(text) > MAX_CODE:
        raise ValueProblem("value.code_too_long", value=text[:40] + "…")
    return text
