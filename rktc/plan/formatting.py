"""Indonesian presentation of values: 14.271.302.000; 97,5%; 30 Januari 2023."""

from __future__ import annotations

import functools
from decimal import Decimal

from rktc.plan.values import MONTHS, PlanDate, Target, TargetKind


def number(value: Decimal | int) -> str:
    """Group thousands with dots and use a decimal comma, keeping every written digit."""
    value = Decimal(value)
    sign = "-" if value < 0 else ""
    # `,f`: every digit, thousands grouped by commas; then the Indonesian marks swapped in
    return sign + f"{abs(value):,f}".translate(_INDONESIAN_MARKS)


_INDONESIAN_MARKS = str.maketrans({",": ".", ".": ","})


@functools.lru_cache(maxsize=4096)
def rupiah(value: Decimal) -> str:
    """An amount as printed under "Anggaran (Rp)": 14.271.302.000 (sen only when written)."""
    return number(value)


@functools.lru_cache(maxsize=4096)
def target(value: Target) -> str:
    """A number target in the standard spelling: "97%", "97,5%", "13 kec"; every other kind
    (range, bound, scale, NA, text) as written, its whitespace normalised."""
    if value.kind is not TargetKind.NUMBER or value.value is None:
        return value.text
    if value.is_percent:
        return f"{number(value.value)}%"
    return f"{number(value.value)} {value.unit}".strip()


def long_date(value: PlanDate) -> str:
    month = MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"
