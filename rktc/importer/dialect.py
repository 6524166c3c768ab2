"""Number dialects of a table: Indonesian, English or SIPD, detected or chosen, read exactly.

Indonesian groups thousands with "." and writes "," for decimals (`14.271.302.000`,
`97,5`); English the other way round (`14,271,302,000`, `97.5`); SIPD's exports write
dot decimals (`8.3`, `90.79`), plain digits for money (`296187500`) and `100 %`.

Each number in a table's target and anggaran cells is classed by its shape. Most shapes can
be read one way only (`1.234.567` and `97,5` are Indonesian, `1,234,567` and `1,234.5`
English, `8.3` a dot decimal); they are the evidence for the table's dialect and are read
as their shape says. A money amount cannot have three decimals, so `1.234` in an anggaran
column is a grouping too. `1.234` or `1,234` as a target can be read two ways: the
table's dialect decides, and when the table has no evidence (or contradicting evidence)
the value is kept as printed and marked for the user, never guessed silently.

Values are written in rktc's Indonesian spelling, digit for digit (no float anywhere).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rktc.core.messages import Message, msg

DIALECTS = ("auto", "id", "en", "sipd")
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_ID_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_THREE = re.compile(r"\d{1,3}[.,]\d{3}")
PLAIN_MONEY_DIGITS = 4  # plain digits from this length on are an amount written ungrouped


class Shape(StrEnum):
    """What a number's spelling says about its dialect."""

    PLAIN = "plain"  # 97, 296187500: the same in every dialect
    ID = "id"  # 1.234.567, 97,5, 1.234,5 (and 1.234 as money): Indonesian only
    EN = "en"  # 1,234,567, 1,234.5 (and 1,234 as money): English only
    DOT = "dot"  # 8.3, 90.79, 1234.5: a dot decimal (English or SIPD)
    DOT_THREE = "dot_three"  # 1.234 as a target: one thousand (id) or one point (en)
    COMMA_THREE = "comma_three"  # 1,234 as a target: one point (id) or one thousand (en)
    INVALID = "invalid"  # 1.2.3, 12,34,567: no dialect reads it


AMBIGUOUS = frozenset({Shape.DOT_THREE, Shape.COMMA_THREE})


@functools.lru_cache(maxsize=65_536)  # a table's numbers repeat (targets, satuan, amounts)
def shape(token: str, money: bool) -> Shape:
    """The shape of a number token (digits with "." and "," between them)."""
    dots, commas = token.count("."), token.count(",")
    if not dots and not commas:
        return Shape.PLAIN
    if _THREE.fullmatch(token):
        if money:
            return Shape.ID if dots else Shape.EN
        return Shape.DOT_THREE if dots else Shape.COMMA_THREE
    if _ID_GROUPED.fullmatch(token):
        return Shape.ID
    if _EN_GROUPED.fullmatch(token):
        return Shape.EN
    if dots == 1 and not commas:
        return Shape.DOT
    if commas == 1 and not dots:
        return Shape.ID
    return Shape.INVALID


def indonesian(token: str, decimal: str) -> str:
    """`token` written in Indonesian spelling, reading `decimal` as its decimal mark; the
    grouping is kept when the token had one, the digits are kept exactly."""
    whole, _, fraction = token.partition(decimal) if decimal in token else (token, "", "")
    digits = whole.replace(".", "").replace(",", "")
    grouped = any(mark in whole for mark in ".,")
    if grouped:
        head = len(digits) % 3 or 3
        parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
        digits = ".".join(parts)
    return f"{digits},{fraction}" if fraction else digits


@dataclass
class Decision:
    """The dialect a table is read in, and why."""

    dialect: str  # id, en, sipd; "mixed" or "none" when detected without a single answer
    chosen: bool = False  # set with --dialect rather than detected
    evidence: dict[Shape, list[str]] = field(default_factory=dict)  # shape -> values seen
    plain_money: list[str] = field(default_factory=list)
    continues: int | None = None  # the number of the table this one continues

    def continue_from(self, number: int, earlier: Decision) -> None:
        """A table continued from table `number` (its header repeated) with no evidence of
        its own is read as that table was."""
        if self.chosen or self.dialect != "none" or earlier.dialect == "none":
            return
        self.dialect, self.continues = earlier.dialect, number

    def examples(self, *shapes: Shape, limit: int = 3) -> list[str]:
        seen: list[str] = []
        for wanted in shapes:
            for value in self.evidence.get(wanted, []):
                if len(seen) >= limit:  # enough: a list of every value is quadratic
                    return seen
                if value not in seen:
                    seen.append(value)
        return seen

    def count(self, *shapes: Shape) -> int:
        return sum(len(self.evidence.get(s, [])) for s in shapes)


def decide(cells: list[tuple[str, bool]], chosen: str = "auto") -> Decision:
    """The dialect of a table from its (text, is money) number cells, or the one chosen."""
    decision = Decision("none")
    for text, money in cells:
        for token in NUMBER_TOKEN.findall(text):
            found = shape(token, money)
            if found is Shape.PLAIN:
                if money and len(token) >= PLAIN_MONEY_DIGITS:
                    decision.plain_money.append(text)
                continue
            decision.evidence.setdefault(found, []).append(text)
    if chosen != "auto":
        decision.dialect, decision.chosen = chosen, True
        return decision
    indonesian_ = decision.count(Shape.ID)
    english, dot = decision.count(Shape.EN), decision.count(Shape.DOT)
    if indonesian_ and (english or dot):
        decision.dialect = "mixed"
    elif english:
        decision.dialect = "en"
    elif dot:
        decision.dialect = "sipd"
    elif indonesian_:
        decision.dialect = "id"
    return decision


@dataclass(frozen=True)
class Reading:
    """A cell's text in Indonesian spelling, and what happened on the way."""

    text: str
    converted: bool = False  # written differently from the print
    ambiguous: tuple[str, ...] = ()  # numbers that could be read two ways (kept as printed)
    foreign: tuple[str, ...] = ()  # numbers not in the chosen dialect's spelling (kept)


@functools.lru_cache(maxsize=65_536)  # as shape: a Reading is immutable
def read_cell(text: str, money: bool, dialect: str) -> Reading:
    """`text` with each number written in Indonesian spelling as `dialect` reads it."""
    ambiguous: list[str] = []
    foreign: list[str] = []

    def convert(match: re.Match[str]) -> str:
        token = match.group(0)
        found = shape(token, money)
        if found in (Shape.PLAIN, Shape.INVALID):
            return token
        if found in AMBIGUOUS:
            if dialect == "id":
                return token
            if dialect in ("en", "sipd"):
                return indonesian(token, ".")
            ambiguous.append(token)
            return token
        if dialect == "id" and found in (Shape.EN, Shape.DOT):
            foreign.append(token)
            return token
        if dialect in ("en", "sipd") and found is Shape.ID:
            foreign.append(token)  # kept: the loader reads it the one way its shape allows
            return token
        return token if found is Shape.ID else indonesian(token, ".")

    written = NUMBER_TOKEN.sub(convert, text)
    return Reading(written, written != text, tuple(ambiguous), tuple(foreign))


# The spelling a value was read in, for the note beside it: in a mixed table only dot
# decimals and English groupings are rewritten.
LABELS = {"id": "Indonesian", "en": "English", "sipd": "SIPD", "mixed": "English or SIPD"}
_TWO_WAYS = {
    Shape.DOT_THREE: "thousands in Indonesian, a decimal in English or SIPD",
    Shape.COMMA_THREE: "a decimal in Indonesian, thousands in English",
}


@dataclass
class TableNumbers:
    """Reads the numbers of one table in its dialect, and says what it did."""

    decision: Decision
    converted: int = 0
    ambiguous: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def read(self, text: str, money: bool) -> tuple[str, list[str]]:
        """The cell in Indonesian spelling, and the notes to write beside it."""
        reading = read_cell(text, money, self.decision.dialect)
        notes: list[str] = []
        if reading.converted:
            self.converted += 1
            label = LABELS.get(self.decision.dialect, self.decision.dialect)
            notes.append(f"printed '{text}'; read in the {label} spelling")
        for token in reading.ambiguous:
            self.ambiguous.append(token)
            notes.append(
                f"'{token}' can be read two ways ({_TWO_WAYS[shape(token, money)]}) and this "
                "table does not say which; kept as printed, which rktc reads the Indonesian "
                "way: check it"
            )
        for token in reading.foreign:
            self.foreign.append(token)
            label = LABELS.get(self.decision.dialect, self.decision.dialect)
            notes.append(f"'{token}' is not in the {label} spelling chosen; kept as printed")
        return reading.text, notes

    def report(self, kind: str, number: int) -> list[Message]:
        """The import report's lines on this table (catalog messages)."""
        where = {"kind": kind, "number": number}
        decision = self.decision
        lines = []
        if decision.chosen:
            lines.append(msg("import.dialect_chosen", **where, dialect=decision.dialect))
        elif decision.continues is not None:
            lines.append(
                msg(
                    "import.dialect_continued",
                    **where,
                    previous=decision.continues,
                    dialect=decision.dialect,
                )
            )
        elif decision.dialect in ("id", "en", "sipd"):
            shapes = {"id": (Shape.ID,), "en": (Shape.EN, Shape.DOT), "sipd": (Shape.DOT,)}
            wanted = shapes[decision.dialect]
            said: dict[str, Any] = {
                "count": decision.count(*wanted),
                "examples": ", ".join(decision.examples(*wanted)),
            }
            if decision.dialect == "sipd":
                said["plain"] = ", ".join(decision.plain_money[:3]) or "-"
            lines.append(msg(f"import.dialect_{decision.dialect}", **where, **said))
        elif decision.dialect == "mixed":
            lines.append(
                msg(
                    "import.dialect_mixed",
                    **where,
                    indonesian=", ".join(decision.examples(Shape.ID)),
                    other=", ".join(decision.examples(Shape.EN, Shape.DOT)),
                )
            )
        else:
            lines.append(msg("import.dialect_none", **where))
        if self.converted:
            lines.append(msg("import.dialect_converted", **where, count=self.converted))
        if self.ambiguous:
            lines.append(
                msg(
                    "import.dialect_ambiguous",
                    **where,
                    count=len(self.ambiguous),
                    examples=", ".join(list(dict.fromkeys(self.ambiguous))[:3]),
                )
            )
        if self.foreign:
            lines.append(
                msg(
                    "import.dialect_foreign",
                    **where,
                    count=len(self.foreign),
                    dialect=decision.dialect,
                    examples=", ".join(list(dict.fromkeys(self.foreign))[:3]),
                )
            )
        return lines
