"""Rewrite a format 1 plan as format 2, changing nothing else in the file.

A format 1 plan is a KPU office's plan: program -> kegiatan, money on the kegiatan, each
indicator tied to a sasaran. Format 2 reads exactly that shape as `jenis: kpu`, so the
migration is an edit of two lines: the version becomes 2 and `jenis: kpu` follows it.
Comments, order, quoting and every value stay as the planner wrote them. The result is
read back before it is given out: its data must be the old data plus `jenis`, value for
value, or nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rktc.core.diagnostics import Diagnostic
from rktc.core.messages import Message, define_messages, msg
from rktc.plan.load import Loaded, load_text
from rktc.plan.validate import FORMAT_VERSION_KEY, KIND_KEY, validate_plan

define_messages(
    __name__,
    {
        "migrate.already": (
            "sudah format {version}; tidak ada yang diubah",
            "already format {version}; nothing to change",
        ),
        "migrate.migrated": (
            "diubah ke format 2 (jenis: kpu)",
            "migrated to format 2 (jenis: kpu)",
        ),
        "migrate.would": (
            "masih format 1; `rktc migrate` akan mengubahnya ke format 2",
            "still format 1; `rktc migrate` would migrate it to format 2",
        ),
        "migrate.unreadable": (
            "rencana ini belum terbaca sebagai format 1; perbaiki dulu galat skemanya",
            "this plan cannot be read as format 1 yet; fix its schema errors first",
        ),
        "migrate.layout": (
            "baris `rktc:` tidak ditulis di awal baris; tulis `rktc: 2` dan `jenis: kpu` sendiri",
            "the `rktc:` line does not start its line; write `rktc: 2` and `jenis: kpu` by hand",
        ),
        "migrate.lost": (
            "hasil migrasi tidak memuat data yang sama ({detail}); berkas tidak diubah",
            "the migrated plan does not hold the same data ({detail}); the file is unchanged",
        ),
    },
)


MIGRATED, ALREADY, UNREADABLE, LAYOUT, LOST = "migrated", "already", "unreadable", "layout", "lost"


@dataclass(frozen=True)
class Migration:
    """The outcome for one plan: its format 2 text (when `outcome` is MIGRATED), the
    problems that kept it from being read, and what to tell the user (`message`)."""

    outcome: str
    text: str | None = None
    problems: tuple[Diagnostic, ...] = ()
    detail: str = ""

    @property
    def message(self) -> Message:
        if self.outcome == ALREADY:
            return msg("migrate.already", version=2)
        return msg(f"migrate.{self.outcome}", detail=self.detail)


def migrate(loaded: Loaded) -> Migration:
    """The text of `loaded` (a format 1 plan) as a format 2 `jenis: kpu` plan."""
    if loaded.data is None:
        return Migration(UNREADABLE, problems=tuple(loaded.diagnostics))
    data = loaded.data
    if isinstance(data, dict) and data.get(FORMAT_VERSION_KEY) == "2":
        return Migration(ALREADY)
    validated = validate_plan(loaded)
    if validated.plan is None or validated.problems:
        return Migration(UNREADABLE, problems=tuple(validated.problems))
    edited = _edit(loaded)
    if edited is None:
        return Migration(LAYOUT)
    lost = _compare(loaded, load_text(edited, loaded.path))
    if lost:
        return Migration(LOST, detail=lost)
    return Migration(MIGRATED, edited)


def _edit(loaded: Loaded) -> str | None:
    """The version value replaced by 2, and `jenis: kpu` on the next line."""
    where = loaded.source.value((FORMAT_VERSION_KEY,))
    # Split where YAML breaks lines, so that line numbers mean what the loader's mean.
    parts = _LINE_BREAK.split(loaded.text)
    bodies, breaks = parts[0::2], [*parts[1::2], ""]
    index = where.line - 1
    if (
        not 0 <= index < len(bodies)
        or not bodies[index].startswith(FORMAT_VERSION_KEY)
        or where.end_line != where.line
        or where.end_column is None
    ):
        return None
    body = bodies[index]
    start, end = where.column - 1, where.end_column - 1
    written = breaks[index]  # "" when the version is on the file's last line
    bodies[index] = body[:start] + "2" + body[end:]
    breaks[index] = written or ("\r\n" if "\r\n" in loaded.text else "\n")
    bodies.insert(index + 1, f"{KIND_KEY}: kpu")
    breaks.insert(index + 1, written)
    return "".join(b + n for b, n in zip(bodies, breaks, strict=True))


_LINE_BREAK = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")


def _compare(before: Loaded, after: Loaded) -> str:
    """What differs between the two plans' data, other than the version and the kind."""
    if after.data is None or after.diagnostics:
        return "YAML"
    old = dict(before.data)
    new = dict(after.data)
    if new.pop(KIND_KEY, None) != "kpu" or new.pop(FORMAT_VERSION_KEY, None) != "2":
        return f"{FORMAT_VERSION_KEY}/{KIND_KEY}"
    old.pop(FORMAT_VERSION_KEY, None)
    differing = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    if differing:
        return ", ".join(differing)
    if list(old) != list(new):
        return "order"
    validated = validate_plan(after)
    if validated.plan is None or validated.problems:
        return "format 2"
    return ""
