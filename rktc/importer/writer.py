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
        writer.top(key, data[key])
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


def _orphans(notes: dict[Path_, str], data: dict[str, Any]) -> list[Path_]:
    """The notes whose path is not a key or an item of `data`: the writer writes every
    key and item, each with the note on its path beside it."""
    return [path for path in notes if not _present(data, path)]


def _present(data: Any, path: Path_) -> bool:
    if not path:
        return False  # the plan as a whole has no line of its own
    for depth, step in enumerate(path):
        if isinstance(data, dict):
            if step not in data:
                return False
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
            if not isinstance(data, dict) and depth < len(path) - 1:
                return False  # an item that is not a mapping is written as one scalar
        else:
            return False
    return True


def _versioned(data: dict[str, Any]) -> dict[str, Any]:
    """The plan's data after its format version: 2 when it names its kind of office."""
    return {"rktc": 2 if "jenis" in data else 1, **data}


def _dotted(path: Path_) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)[1:]


_BITS = 32  # a span as rktc.plan.load packs it: line, column, end line, end column
# The longest key the YAML reader takes before its `:` (libyaml's simple keys, in
# characters); a longer one (a long column header) is written as an explicit `? key`.
SIMPLE_KEY_MOST = 1024
# A key this long is simple however it is written: an escape is at most 10 characters
# (\U0010FFFF), and quotes add two.
_SHORT_KEY = (SIMPLE_KEY_MOST - 2) // 10


def _span(line: int, column: int, end_line: int, end_column: int) -> int:
    return (((line << _BITS | column) << _BITS | end_line) << _BITS) | end_column


class _Writer:
    """The plan's lines, with each note as a comment on the line of the value it is about;
    and the plan as the loader reads those lines back, positions and all.

    A position is the reader's: a key or scalar from its first character to after its
    last (a quoted one with its quotes, a literal block from its `|` to the start of the
    line after it); a block mapping or sequence from its first key or `-` to the first
    token after it (the next line's first character, or the line after the last one);
    `{}` and `[]` as written. Lines are counted from 0, as libyaml counts them. Spans are
    packed as rktc.plan.load packs them (`_span`), inline where a plan has one per value.
    """

    def __init__(self, notes: dict[Path_, str], first_line: int) -> None:
        # the notes by the path of the mapping or sequence they are in, as comments
        self.notes: dict[Path_, dict[Any, str]] = {}
        for path, note in notes.items():
            if path:
                self.notes.setdefault(path[:-1], {})[path[-1]] = f"  # {comment(note)}"
        self.lines: list[str] = []
        self.first_line = first_line
        self.data: dict[str, Any] = {}
        self.root = _Node(_span(first_line, 0, first_line, 0), True)
        self.open: list[_Node] = []  # collections whose end is the next token written
        self.depth = 1
        self.exact = True
        # (line start, key) -> what its `key: text` lines share (see _head)
        self.heads: dict[tuple[str, str], tuple[str, str, int, int, int]] = {}

    def top(self, key: str, value: Any) -> None:
        """Write one part of the plan, at the top."""
        self.pair(key, value, 0, (key,), self.data, self.root, "", 0, self.notes.get(()))

    def loaded(self, text: str, display: str) -> Loaded:
        """The plan written, as the loader reads `text` (which is those lines) back."""
        self._close(self.first_line + len(self.lines), 0)  # the stream's end
        self.root.span = (self.root.span >> 2 * _BITS << 2 * _BITS) | (
            self.first_line + len(self.lines)
        ) << _BITS
        source = SourceMap(display)
        source.root = self.root
        return Loaded(display, self.data, source, text)

    def _close(self, row: int, column: int) -> None:
        """The collections written so far end at the token at `row` and `column`."""
        end = row << _BITS | column
        for node in self.open:
            node.span = (node.span >> 2 * _BITS << 2 * _BITS) | end
        self.open = []

    def pair(
        self,
        key: Any,
        value: Any,
        indent: int,
        path: Path_,
        container: dict[str, Any],
        node: _Node,
        lead: str,
        token: int,
        notes: dict[Any, str] | None,
    ) -> None:
        """Write `key: value` with the key at column `indent`, on a line that starts with
        `lead` (its indentation, or a sequence item's `- `) whose first token is at column
        `token`; add the value as read back to `container`, its positions to `node`.
        `path` is the value's; `notes` the comments of its mapping, by key."""
        name, written = _scalar(key if type(key) is str else str(key))
        column = indent + len(written) + 2  # the value's first column
        row = self.first_line + len(self.lines)
        if self.open:
            self._close(row, token)
        head = f"{lead}{written}:"
        if len(written) > SIMPLE_KEY_MOST:  # `? key`, then `: value` on the next line
            self.exact = False  # (its positions are the loader's)
            self.lines.append(f"{lead}? {written}")
            head = " " * indent + ":"
        if name in container:  # the reader reads two keys as one: the loader says so
            self.exact = False
        node.key_spans[name] = (((row << _BITS | indent) << _BITS | row) << _BITS) | column - 2
        note = notes.get(key, "") if notes else ""
        if (type(value) is str and "\n" not in value) or not isinstance(value, dict | list | str):
            read, shown = _scalar(value if type(value) is str else str(value))
            self.lines.append(f"{head} {shown}{note}")
            container[name] = read
            node.items[name] = (((row << _BITS | column) << _BITS | row) << _BITS) | column + len(
                shown
            )
            return
        if not value:  # an empty mapping or sequence, in flow style
            self._deeper()
            self.depth -= 1
            mapping = isinstance(value, dict)
            self.lines.append(f"{head} {'{}' if mapping else '[]'}{note}")
            container[name] = {} if mapping else []
            node.items[name] = _Node(_span(row, column, row, column + 2), mapping)
            return
        if isinstance(value, str):  # several lines
            block = _block_lines(value)
            if block is None:
                read, shown = _scalar(value)
                self.lines.append(f"{head} {shown}{note}")
                container[name] = read
                node.items[name] = _span(row, column, row, column + len(shown))
                return
            # the indentation indicator: the first line may itself start with spaces
            self.lines.append(f"{head} |2-{note}")
            pad = " " * (indent + 2)
            self.lines += [f"{pad}{line}" if line else "" for line in block]
            container[name] = value
            node.items[name] = _span(row, column, row + len(block) + 1, 0)
            return
        self.lines.append(f"{head}{note}")
        if isinstance(value, dict):
            container[name], node.items[name] = self.mapping(value, indent + 2, path)
        else:
            container[name], node.items[name] = self.sequence(value, indent + 2, path)

    def mapping(
        self, value: dict[Any, Any], indent: int, path: Path_, lead: str = "", token: int = -1
    ) -> tuple[dict[str, Any], _Node]:
        """A mapping's keys at column `indent`, each on its own line; the first line
        starts with `lead` and its first token is at `token` (a sequence item's `- `)."""
        self._deeper()
        row = self.first_line + len(self.lines)
        node = _Node(_span(row, indent, row, indent), True)
        inner: dict[str, Any] = {}
        pad = " " * indent
        if token < 0:
            lead, token = pad, indent
        notes = self.notes.get(path)
        keys, lists_last = _ordered(value, path)
        deferred = []
        lines, spans, key_spans, heads = self.lines, node.items, node.key_spans, self.heads
        for key in keys:
            sub = value[key]
            if (
                type(key) is str
                and ((type(sub) is str and "\n" not in sub) or type(sub) is int)
                and len(key) <= _SHORT_KEY
            ):  # `pair` of one line of text, inline: a table's rows have 200,000 of them
                head = heads.get((lead, key))
                if head is None:
                    head = heads[(lead, key)] = self._head(lead, key, indent)
                name, start, key_span, value_start, column = head
                read, shown = _scalar(sub if type(sub) is str else str(sub))
                row = self.first_line + len(lines)
                if self.open:
                    self._close(row, token)
                if name in inner:
                    self.exact = False
                note = notes.get(key, "") if notes else ""
                lines.append(f"{start}{shown}{note}")
                inner[name] = read
                rows = row << 3 * _BITS | row << _BITS  # the line, where it starts and ends
                key_spans[name] = rows | key_span
                spans[name] = rows | value_start | column + len(shown)
            elif lists_last and isinstance(sub, list):
                deferred.append(key)
                continue
            else:
                self.pair(key, sub, indent, (*path, key), inner, node, lead, token, notes)
            lead, token = pad, indent
        for key in deferred:
            self.pair(key, value[key], indent, (*path, key), inner, node, lead, token, notes)
            lead, token = pad, indent
        self.depth -= 1
        self.open.append(node)
        return inner, node

    def sequence(self, value: list[Any], indent: int, path: Path_) -> tuple[list[Any], _Node]:
        """A sequence's items, each `- ` at column `indent`."""
        self._deeper()
        row = self.first_line + len(self.lines)
        node = _Node(_span(row, indent, row, indent), False)
        items: list[Any] = []
        spans = node.items
        notes = self.notes.get(path)
        pad = " " * indent
        column = indent + 2
        for i, item in enumerate(value):
            note = notes.get(i, "") if notes else ""
            if isinstance(item, dict) and item:
                first = len(self.lines)
                inner, child = self.mapping(item, column, (*path, i), f"{pad}- ", indent)
                self.lines[first] += note
                items.append(inner)
                spans.append(child)
                continue
            row = self.first_line + len(self.lines)
            if self.open:
                self._close(row, indent)
            if isinstance(item, dict):
                self._deeper()
                self.depth -= 1
                self.lines.append(f"{pad}- {{}}{note}")
                items.append({})
                spans.append(_Node(_span(row, column, row, column + 2), True))
                continue
            read, shown = _scalar(item if type(item) is str else str(item))
            self.lines.append(f"{pad}- {shown}{note}")
            items.append(read)
            spans.append(((row << _BITS | column) << _BITS | row) << _BITS | column + len(shown))
        self.depth -= 1
        self.open.append(node)
        return items, node

    @staticmethod
    def _head(lead: str, key: str, indent: int) -> tuple[str, str, int, int, int]:
        """What every `key: text` line starting with `lead` shares: the key as read back,
        the line up to the text, the key's columns and the text's first column (as in a
        span, less the line), and that column."""
        name, written = _scalar(key)
        column = indent + len(written) + 2
        return (
            name,
            f"{lead}{written}: ",
            indent << 2 * _BITS | column - 2,
            column << 2 * _BITS,
            column,
        )

    def _deeper(self) -> None:
        """One mapping or sequence deeper (an empty one too, for the reader)."""
        if self.depth >= MAX_DEPTH:  # the reader refuses the plan: the loader says so
            self.exact = False
        self.depth += 1


def _ordered(value: dict[Any, Any], path: Path_) -> tuple[tuple[Any, ...], bool]:
    """The keys of a mapping in the order they are written, and whether those whose value
    is a list go after the others: a matrix row's fields in the format's order and its
    `kolom` as printed; a hierarchy node's fields, its children last; elsewhere the rows'
    order, lists last."""
    if path[-1:] == ("kolom",):
        return tuple(value), False
    keys = tuple(value)
    types = tuple(map(type, keys))  # 1 and True are one key of a cache, not of a mapping
    if path[:2] == ("tabel", "matriks") and len(path) == 3:
        return _in_order(keys, types, "matrix"), False
    if len(path) >= 2 and path[-2] in LEVEL_NAMES and path[0] != "tabel":
        return _in_order(keys, types, "node"), False
    if path == ("tabel",) and "jumlah" in value:  # the totals after the tables they total
        order = _in_order(keys, types, "row")
        tables = [k for k in order if k != "jumlah" and isinstance(value[k], list)]
        rest = [k for k in order if k != "jumlah" and k not in tables]
        return (*rest, *tables, "jumlah"), False
    return _in_order(keys, types, "row"), True


@functools.lru_cache(maxsize=4096)  # the rows of a table have the same keys
def _in_order(keys: tuple[Any, ...], types: tuple[type, ...], kind: str) -> tuple[Any, ...]:
    """The order of `keys` (of `types`, which tell equal keys of two types apart)."""
    if kind == "matrix":
        found = sorted(keys, key=lambda k: MATRIX_ORDER.index(k) if k in MATRIX_ORDER else 99)
    elif kind == "node":
        found = sorted(
            keys, key=lambda k: (k in LEVEL_NAMES, NODE_ORDER.index(k) if k in NODE_ORDER else 99)
        )
    else:
        found = sorted(keys, key=_row_key)
    return tuple(found)


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
