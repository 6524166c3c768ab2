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
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
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


@dataclass(frozen=True)
class Target:
    """A target as written (`97 %`, `13 kec`, `WTP`): a number and a unit, or a text."""

    text: str
    value: Decimal | None
    unit: str
    is_percent: bool = field(init=False, repr=False, compare=False)
    is_count: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        percent = self.value is not None and self.unit.casefold() in PERCENT_WORDS
        object.__setattr__(self, "is_percent", percent)
        object.__setattr__(
            self, "is_count", self.value is not None and not percent and self.unit != ""
        )

    def same_as(self, other: Target) -> bool:
        """Equal in meaning: `97 %` = `97%`; `5 Lap` = `5 lap`."""
        if self.value is None or other.value is None:
            return _fold(self.text) == _fold(other.text)
        return self.value == other.value and _unit_key(self.unit) == _unit_key(other.unit)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _unit_key(unit: str) -> str:
    folded = unit.casefold().strip().rstrip(".")
    return "%" if folded in PERCENT_WORDS else folded


@functools.lru_cache(maxsize=4096)  # plans repeat a few targets (97%, 1 dokumen) many times
def parse_target(text: str) -> Target:
    """Split a target into number and unit; text with no leading number is qualitative."""
    raw = " ".join(text.split())
    if not raw:
        raise ValueProblem("value.target_empty")
    match = _NUMBER_PREFIX.match(raw)
    if match is None:
        return Target(raw, None, "")
    number, unit = match.group(0), raw[match.end() :].strip()
    try:
        value = parse_number(number)
    except ValueProblem as problem:
        problem.params["value"] = text
        if problem.key == "value.dot_decimal":
            problem.params["suggestion"] = number.replace(".", ",") + (
                unit if unit == "%" else f" {unit}" if unit else ""
            )
        raise
    return Target(raw, value, "%" if unit.casefold() in PERCENT_WORDS else unit)


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
