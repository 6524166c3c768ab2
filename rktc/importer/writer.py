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
from rktc.plan.load import MAX_DEPTH, Loaded, SourceMap, _Node, load_text

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
    return _scalar(str(value))[1]


@functools.lru_cache(maxsize=65_536)  # keys and most values repeat: a name in every table
def _scalar(text: str) -> tuple[str, str]:
    """`text` as the loader reads it back, and as it is written."""
    if _plain(text):
        return text, text
    return _SURROGATE.sub("\ufffd", text), quoted(text)


_SURROGATE = re.compile("[\ud800-\udfff]")  # written, and so read back, as U+FFFD


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
    return write_plan(imported, source, form, lang).text


def write_plan(
    imported: Imported,
    source: str,
    form: str = "published",
    lang: str = "en",
    display: str = "",
) -> Loaded:
    """The plan as `to_yaml` writes it, and as `rktc.plan.load` reads that text back: its
    data (every value as text) and the position of every key and value, so the plan can
    be checked without parsing what was just written. `display` names the file in the
    positions.

    The positions are the YAML reader's own (libyaml's marks), tested against it on
    every document of the import corpus and on random data. What the writer cannot place
    as the reader would (two keys that read back as one, nesting deeper than the reader
    takes) is read back by the loader instead.
    """
    data = _versioned(imported.data)
    header = _header(imported, data, source, form, lang)
    writer = _Writer(imported.notes, len(header))
    for key in sorted(data, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else 99):
        writer.emit(key, data[key], 0, (key,), writer.data, writer.root, "", 0)
    text = "\n".join(header + writer.lines) + "\n"
    if not writer.exact:
        return load_text(text, display)
    return writer.loaded(text, display)


def _header(
    imported: Imported, data: dict[str, Any], source: str, form: str, lang: str
) -> list[str]:
    """The comment lines above the plan: what it is, then the import report."""
    header = catalog_text(f"import.header_{form}", lang, source=comment(source))
    lines = ["# " + line for line in textwrap.wrap(header, 88, break_on_hyphens=False)]
    if imported.unplaced:
        lines += ["#", "# " + catalog_text("import.header_unplaced", lang)]
        lines += [f"#   - {comment(item.render(lang))}" for item in imported.unplaced]
    report = [imported.jenis, *imported.report] if imported.jenis else imported.report
    if report:
        lines += ["#", "# " + catalog_text("import.header_report", lang)]
        lines += [f"#   - {comment(message.render(lang))}" for message in report]
    orphans = _orphans(imported.notes, data)
    if orphans:
        lines += ["#", "# " + catalog_text("import.header_orphans", lang)]
        lines += [
            f"#   - {comment(_dotted(path))}: {comment(imported.notes[path])}" for path in orphans
        ]
    return lines


def unplaced_notes(imported: Imported) -> list[Path_]:
    """The paths of notes that no written value carries (each is listed in the header)."""
    return _orphans(imported.notes, _versioned(imported.data))


def _orphans(notes: dict[Path_, str], data: dict[str, Any]) -> list[Path_]:
    """The notes whose path is not a key or an item of `data`: the writer writes every
    key and item, each with the note on its path beside it."""
    return [path for path in notes if not _present(data, path)]


def _present(data: Any, path: Path_) -> bool:
    if not path:
        return False  # the plan as a whole has no line of its own
    for step in path:
        if isinstance(data, dict):
            if step not in data:
                return False
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return False
    return True


def _versioned(data: dict[str, Any]) -> dict[str, Any]:
    """The plan's data after its format version: 2 when it names its kind of office."""
    return {"rktc": 2 if "jenis" in data else 1, **data}


def _dotted(path: Path_) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)[1:]


_BITS = 32  # a span as rktc.plan.load packs it: line, column, end line, end column


def _span(line: int, column: int, end_line: int, end_column: int) -> int:
    return (((line << _BITS | column) << _BITS | end_line) << _BITS) | end_column


# Deeper than this, the reader refuses the plan (load.MAX_DEPTH): the loader says so.
_DEEPEST = MAX_DEPTH - 1


class _Writer:
    """The plan's lines, with each note as a comment on the line of the value it is about;
    and the plan as the loader reads those lines back, positions and all.

    A position is the reader's: a key or scalar from its first character to after its
    last (a quoted one with its quotes, a literal block from its `|` to the start of the
    line after it); a block mapping or sequence from its first key or `-` to the first
    token after it (the next line's first character, or the line after the last one);
    `{}` and `[]` as written. Lines are counted from 0, as libyaml counts them.
    """

    def __init__(self, notes: dict[Path_, str], first_line: int) -> None:
        self.notes = notes
        self.lines: list[str] = []
        self.first_line = first_line
        self.data: dict[str, Any] = {}
        self.root = _Node(_span(first_line, 0, first_line, 0), True)
        self.open: list[_Node] = []  # collections whose end is the next token written
        self.depth = 1
        self.exact = True

    def _comment(self, path: Path_) -> str:
        if path not in self.notes:
            return ""
        return f"  # {comment(self.notes[path])}"

    def _line(self, text: str, column: int) -> int:
        """Add a line whose first token is at `column`; the collections it closes end
        there. Its number."""
        row = self.first_line + len(self.lines)
        if self.open:
            end = row << _BITS | column
            for node in self.open:
                node.span = (node.span >> 2 * _BITS << 2 * _BITS) | end
            self.open = []
        self.lines.append(text)
        return row

    def loaded(self, text: str, display: str) -> Loaded:
        end = (self.first_line + len(self.lines)) << _BITS  # the stream's end: after the last line
        for node in (*self.open, self.root):
            node.span = (node.span >> 2 * _BITS << 2 * _BITS) | end
        self.open = []
        source = SourceMap(display)
        source.root = self.root
        return Loaded(display, self.data, source, text)

    def _key(self, container: dict[str, Any], node: _Node, key: str, key_span: int) -> None:
        """Place a key; one that reads back as a key already there is the loader's to
        report (RKT002), so the text is read back by the loader."""
        if key in container:
            self.exact = False
        node.key_spans[key] = key_span

    def emit(
        self,
        key: Any,
        value: Any,
        indent: int,
        path: Path_,
        container: dict[str, Any],
        node: _Node,
        lead: str,
        token: int,
    ) -> int:
        """Write `key: value` at `indent`, the line starting with `lead` (its indentation,
        or a sequence item's `- `) whose first token is at column `token`; add the value
        read back to `container` and its positions to `node`. The number of its line."""
        name, written = _scalar(str(key))
        head = f"{lead}{written}:"
        end_of_key = indent + len(written)
        comment_ = self._comment(path) if self.notes else ""
        if isinstance(value, dict | list) and value:
            row = self._line(f"{head}{comment_}", token)
            self._key(container, node, name, _span(row, indent, row, end_of_key))
            at = _span(row + 1, indent + 2, row + 1, indent + 2)
            if self.depth >= _DEEPEST:
                self.exact = False
            self.depth += 1
            if isinstance(value, dict):
                child = _Node(at, True)
                inner: dict[str, Any] = {}
                pad = " " * (indent + 2)
                for sub in _ordered(value, path):
                    self.emit(
                        sub, value[sub], indent + 2, (*path, sub), inner, child, pad, indent + 2
                    )
                container[name] = inner
            else:
                child = _Node(at, False)
                items: list[Any] = []
                for i, item in enumerate(value):
                    self.emit_item(item, indent + 2, (*path, i), items, child)
                container[name] = items
            self.depth -= 1
            node.items[name] = child
            self.open.append(child)
            return row
        column = len(head) + 1  # the value's first column
        if isinstance(value, dict | list):  # empty
            row = self._line(f"{head} {'{}' if isinstance(value, dict) else '[]'}{comment_}", token)
            self._key(container, node, name, _span(row, indent, row, end_of_key))
            container[name] = {} if isinstance(value, dict) else []
            node.items[name] = _Node(_span(row, column, row, column + 2), isinstance(value, dict))
            return row
        if isinstance(value, str) and "\n" in value and (block := _block_lines(value)):
            # the indentation indicator: the first line may itself start with spaces
            row = self._line(f"{head} |2-{comment_}", token)
            pad = " " * (indent + 2)
            self.lines += [f"{pad}{line}" if line else "" for line in block]
            self._key(container, node, name, _span(row, indent, row, end_of_key))
            container[name] = value
            node.items[name] = _span(row, column, row + len(block) + 1, 0)
            return row
        read, shown = _scalar(str(value))
        row = self._line(f"{head} {shown}{comment_}", token)
        self._key(container, node, name, _span(row, indent, row, end_of_key))
        container[name] = read
        node.items[name] = _span(row, column, row, column + len(shown))
        return row

    def emit_item(self, item: Any, indent: int, path: Path_, items: list[Any], node: _Node) -> None:
        """Write one item of a sequence (its `-` at `indent`), and add it read back."""
        pad = " " * indent
        comment_ = self._comment(path) if self.notes else ""
        column = indent + 2
        if not isinstance(item, dict):
            read, shown = _scalar(str(item))
            row = self._line(f"{pad}- {shown}{comment_}", indent)
            items.append(read)
            node.items.append(_span(row, column, row, column + len(shown)))
            return
        if not item:
            row = self._line(f"{pad}- {{}}{comment_}", indent)
            items.append({})
            node.items.append(_Node(_span(row, column, row, column + 2), True))
            return
        if self.depth >= _DEEPEST:
            self.exact = False
        self.depth += 1
        first = len(self.lines)
        row = self.first_line + first
        child = _Node(_span(row, column, row, column), True)
        inner: dict[str, Any] = {}
        lead, token = f"{pad}- ", indent  # the first key shares the item's line
        for key in _ordered(item, path):
            self.emit(key, item[key], column, (*path, key), inner, child, lead, token)
            lead, token = " " * column, column
        self.depth -= 1
        self.lines[first] += comment_
        items.append(inner)
        node.items.append(child)
        self.open.append(child)


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
