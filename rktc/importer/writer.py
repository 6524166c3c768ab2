"""Write imported plan data as a commented YAML plan that rktc reads back exactly.

Every text is written so that `rktc.plan.load` reads back the same characters: bare when
that is safe, as a literal block for multi-line text, else double-quoted with YAML escapes
(line breaks, control characters, NEL, LS and PS, which the YAML reader refuses or folds
when written raw). Notes become comments beside their value; a note whose place the
plan does not have is listed in the header comment, so none is lost.

A plan whose data names its kind of office (`jenis`) is written in format 2 (`rktc: 2`),
else in format 1. The rows of a hierarchical matrix (`tabel.matriks`) keep the format's
order of their fields, and a row's `kolom` its columns in the order printed.
"""

from __future__ import annotations

import functools
import re
import textwrap
from typing import Any

from rktc.core.messages import text as catalog_text
from rktc.importer.matrix import ROW_FIELDS as MATRIX_ORDER
from rktc.importer.recognize import Imported, Path_

KEY_ORDER = (
    "rktc",
    "jenis",
    "tahun",
    "judul",
    "instansi",
    "sampul",
    "renstra",
    "dasar_hukum",
    "kata_pengantar",
    "ringkasan_eksekutif",
    "visi",
    "misi",
    "tujuan",
    "sasaran",
    "program",
    "pagu",
    "tabel",
    "penandatangan",
)
ROW_ORDER = (
    "no",
    "id",
    "kode",
    "program",
    "judul",
    "nama",
    "sasaran",
    "kegiatan",
    "indikator",
    "satuan",
    "target",
    "anggaran",
    "baris",
    "singkatan",
    "instansi",
    "tahun",
    "induk",
    "kota",
    "periode",
    "keputusan",
    "teks",
    "makna",
    "kata",
    "arti",
    "tempat",
    "tanggal",
    "jabatan",
    "pangkat",
    "nip",
)
_SPECIAL_START = tuple("-?:,[]{}#&*!|>'\"%@`")
_NULLS = {"", "~", "null", "Null", "NULL"}
# What the YAML 1.1 reader (libyaml and PyYAML alike) takes as a character of a line:
# its printable set, less the line breaks NEL, LS and PS and the byte order mark. Any
# other character is written as an escape, inside double quotes.
_NOT_LITERAL = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_TO_ESCAPE = re.compile(f'["\\\\]|{_NOT_LITERAL.pattern}')
_NAMED_ESCAPES = {
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
    '"': '\\"',
    "\\": "\\\\",
}


def _escape(match: re.Match[str]) -> str:
    """One character as an escape of a double-quoted scalar.

    A lone surrogate (U+D800 to U+DFFF) cannot be encoded in a UTF-8 file and libyaml
    refuses its escape: it is written as U+FFFD, the replacement character, as a UTF-8
    decoder does with bytes it cannot read.
    """
    char = match.group(0)
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    if code < 0x100:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"


def quoted(text: str) -> str:
    """`text` as a double-quoted scalar on one line, which the loader reads back exactly."""
    return '"' + _TO_ESCAPE.sub(_escape, text) + '"'


def _plain(text: str) -> bool:
    """Whether `text` may be written bare and still be read back as exactly this text."""
    return (
        text not in _NULLS
        and text == text.strip()
        and not text.startswith(_SPECIAL_START)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and _NOT_LITERAL.search(text) is None
    )


def scalar(value: Any) -> str:
    """A YAML scalar that rktc's loader reads back as exactly `value` (as text)."""
    return _scalar(str(value))


@functools.lru_cache(maxsize=65_536)  # keys and most values repeat: a name in every table
def _scalar(text: str) -> str:
    return text if _plain(text) else quoted(text)


def _block_lines(text: str) -> list[str] | None:
    """The lines of a multi-line `text` as a literal block (`|2-`), or None to quote it.

    A literal block keeps its lines as written (indentation beyond its own, tabs, trailing
    spaces), but it cannot hold a character that needs an escape, and strip chomping drops
    a final line break: such text is quoted instead.
    """
    if text.endswith("\n") or _NOT_LITERAL.search(text.replace("\n", "").replace("\t", "")):
        return None
    return text.split("\n")


def comment(text: str) -> str:
    """`text` for a YAML comment: line breaks and control characters become their escapes,
    so no text from a document can end the comment and be read as plan data."""
    return _NOT_LITERAL.sub(lambda m: _escape(m).replace("\ufffd", "\\ufffd"), text)


def to_yaml(imported: Imported, source: str, form: str = "published", lang: str = "en") -> str:
    """The plan as YAML, with a header in `lang` that names its `form` ("published": every
    table as printed, or "single": the tables merged) and lists the import report."""
    writer = _Writer(imported.notes)
    data = _versioned(imported.data)
    for key in sorted(data, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else 99):
        writer.emit(key, data[key], 0, (key,))
    header = catalog_text(f"import.header_{form}", lang, source=comment(source))
    lines = ["# " + line for line in textwrap.wrap(header, 88, break_on_hyphens=False)]
    if imported.unplaced:
        lines += ["#", "# " + catalog_text("import.header_unplaced", lang)]
        lines += [f"#   - {comment(item.render(lang))}" for item in imported.unplaced]
    report = [imported.jenis, *imported.report] if imported.jenis else imported.report
    if report:
        lines += ["#", "# " + catalog_text("import.header_report", lang)]
        lines += [f"#   - {comment(message.render(lang))}" for message in report]
    orphans = unplaced_notes(imported, writer)
    if orphans:
        lines += ["#", "# " + catalog_text("import.header_orphans", lang)]
        lines += [
            f"#   - {comment(_dotted(path))}: {comment(imported.notes[path])}" for path in orphans
        ]
    return "\n".join(lines + writer.lines) + "\n"


def unplaced_notes(imported: Imported, writer: _Writer | None = None) -> list[Path_]:
    """The paths of notes that no written value carries (each is listed in the header)."""
    if writer is None:
        writer = _Writer(imported.notes)
        for key, value in _versioned(imported.data).items():
            writer.emit(key, value, 0, (key,))
    return [path for path in imported.notes if path not in writer.placed]


def _versioned(data: dict[str, Any]) -> dict[str, Any]:
    """The plan's data after its format version: 2 when it names its kind of office."""
    return {"rktc": 2 if "jenis" in data else 1, **data}


def _dotted(path: Path_) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)[1:]


class _Writer:
    """The plan's lines, with each note as a comment on the line of the value it is about."""

    def __init__(self, notes: dict[Path_, str]) -> None:
        self.notes = notes
        self.lines: list[str] = []
        self.placed: set[Path_] = set()

    def _comment(self, path: Path_) -> str:
        if path not in self.notes:
            return ""
        self.placed.add(path)
        return f"  # {comment(self.notes[path])}"

    def emit(self, key: str, value: Any, indent: int, path: Path_) -> None:
        pad = " " * indent
        head = f"{pad}{scalar(key)}:"
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{head} {{}}{self._comment(path)}")
                return
            self.lines.append(f"{head}{self._comment(path)}")
            for child in _ordered(value, path):
                self.emit(child, value[child], indent + 2, (*path, child))
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []{self._comment(path)}")
                return
            self.lines.append(f"{head}{self._comment(path)}")
            for i, item in enumerate(value):
                self.emit_item(item, indent + 2, (*path, i))
        elif isinstance(value, str) and "\n" in value and (block := _block_lines(value)):
            # the indentation indicator: the first line may itself start with spaces
            self.lines.append(f"{head} |2-{self._comment(path)}")
            self.lines += [f"{pad}  {line}" if line else "" for line in block]
        else:
            self.lines.append(f"{head} {scalar(value)}{self._comment(path)}")

    def emit_item(self, item: Any, indent: int, path: Path_) -> None:
        pad = " " * indent
        if not isinstance(item, dict):
            self.lines.append(f"{pad}- {scalar(item)}{self._comment(path)}")
            return
        if not item:
            self.lines.append(f"{pad}- {{}}{self._comment(path)}")
            return
        first = len(self.lines)
        for key in _ordered(item, path):
            self.emit(key, item[key], indent + 2, (*path, key))
        self.lines[first] = f"{pad}- {self.lines[first][indent + 2 :]}{self._comment(path)}"


def _ordered(value: dict[str, Any], path: Path_) -> list[str]:
    """The keys of a mapping in the order they are written: a matrix row's fields in the
    format's order and its `kolom` as printed; elsewhere the rows' order, lists last."""
    if path[-1:] == ("kolom",):
        return list(value)
    if path[:2] == ("tabel", "matriks") and len(path) == 3:
        return sorted(value, key=lambda k: MATRIX_ORDER.index(k) if k in MATRIX_ORDER else 99)
    if (
        len(path) >= 2 and path[-2] in LEVEL_NAMES and path[0] != "tabel"
    ):  # a node, its children last
        return sorted(
            value,
            key=lambda k: (k in LEVEL_NAMES, NODE_ORDER.index(k) if k in NODE_ORDER else 99),
        )
    return sorted(value, key=lambda k: (isinstance(value[k], list), _row_key(k)))


LEVEL_NAMES = frozenset(
    ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan", "kro", "ro")
)
NODE_ORDER = (
    "kode",
    "nama",
    "sasaran",
    "pagu",
    "anggaran",
    "volume",
    "satuan",
    "indikator",
    "lokasi",
    "sumber_dana",
    "kelompok_sasaran",
    "prioritas",
    "waktu_pelaksanaan",
    "penanggung_jawab",
    "pagu_maju",
    "kolom",
)


def _row_key(key: str) -> int:
    found = _ROW_RANKS.get(key)
    if found is None:
        found = len(ROW_ORDER) + (KEY_ORDER.index(key) if key in KEY_ORDER else 0)
    return found


_ROW_RANKS = {key: rank for rank, key in enumerate(ROW_ORDER)}
