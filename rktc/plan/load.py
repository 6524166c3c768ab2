"""Read a YAML plan into plain data without losing or reinterpreting anything.

Every scalar stays text (`1.000`, `no` and `2023-01-30` reach the schema as
written); the schema decides what a value means. Positions of every key and
value are kept so later stages can point at the source. The parser is driven
event by event (libyaml when present), which is safe by construction: no tags
are resolved and no objects are built.
"""

from __future__ import annotations

import codecs
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rktc.core.diagnostics import Diagnostic, Location, Related
from rktc.core.messages import msg

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
STR_TAGS = frozenset({"tag:yaml.org,2002:str", "!!str", "!"})

Path_ = tuple[str | int, ...]

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NESTING_LIMIT = "maximum nesting depth"  # libyaml's words for its own depth limit


# A span is line, column, end line and end column packed into one int, 32 bits each (far
# more than a plan of at most MAX_BYTES needs): for a large plan, a third less memory than
# a tuple of four ints (measured: 32 -> 21 MB loading 10,000 indicators).
Span = int
_BITS = 32
_MASK = (1 << _BITS) - 1


def _pack(line: int, column: int, end_line: int, end_column: int) -> Span:
    """Positions from libyaml (counted from 0) as one span."""
    return (((line << _BITS | column) << _BITS | end_line) << _BITS) | end_column


def _unpack(span: Span) -> tuple[int, int, int, int]:
    """Line, column, end line and end column, counted from 1."""
    return (
        (span >> 3 * _BITS) + 1,
        (span >> 2 * _BITS & _MASK) + 1,
        (span >> _BITS & _MASK) + 1,
        (span & _MASK) + 1,
    )


class _Node:
    """Positions inside one mapping or sequence, shaped like the data."""

    __slots__ = ("items", "key_spans", "span")

    def __init__(self, span: Span, mapping: bool) -> None:
        self.span = span
        # sequence: the spans (or nodes) of its items; mapping: key -> span or node
        self.items: Any = {} if mapping else []
        self.key_spans: dict[str, Span] = {}


class SourceMap:
    """Positions of values and keys in one file, addressed by data paths.

    Stored as a tree that mirrors the data, so the loader records a position
    without building a path for every node; lookups (only for findings) walk it.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.root: Span | _Node | None = None

    def value(self, loc: Path_) -> Location:
        """Position of the value at `loc`, else of its nearest ancestor present in the file."""
        entry, _ = self._walk(loc)
        if entry is None:
            return Location(self.path, 1, 1)
        return Location(self.path, *_unpack(entry.span if isinstance(entry, _Node) else entry))

    def key(self, loc: Path_) -> Location:
        """Position of the key of `loc` (its value for list items), else the nearest ancestor."""
        if loc:
            parent, depth = self._walk(loc[:-1])
            if depth == len(loc) - 1 and isinstance(parent, _Node):
                span = parent.key_spans.get(loc[-1]) if isinstance(loc[-1], str) else None
                if span is not None:
                    return Location(self.path, *_unpack(span))
        return self.value(loc)

    def _walk(self, loc: Path_) -> tuple[Span | _Node | None, int]:
        """The deepest entry along `loc`, and how many steps of `loc` it took."""
        entry = self.root
        for depth, step in enumerate(loc):
            if not isinstance(entry, _Node):
                return entry, depth
            items = entry.items
            if isinstance(items, list):
                found = items[step] if isinstance(step, int) and 0 <= step < len(items) else None
            else:
                found = items.get(step) if isinstance(step, str) else None
            if found is None:
                return entry, depth
            entry = found
        return entry, len(loc)


@dataclass
class Loaded:
    """The outcome of reading one file: data (None if unreadable), positions, problems."""

    path: str
    data: Any
    source: SourceMap
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.diagnostics


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read `path`; problems with its bytes or YAML become diagnostics."""
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _failed(shown, "load.too_large", size=size, limit=MAX_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        return _failed(shown, "load.unreadable", reason=exc.strerror or str(exc))
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, path: str) -> Loaded:
    decoded = _decode(raw, path)
    if isinstance(decoded, Loaded):
        return decoded
    return load_text(decoded, path)


def load_text(text: str, path: str) -> Loaded:
    if not text.strip():
        return _failed(path, "load.empty", text=text)
    builder = _TreeBuilder(path)
    collecting = gc.isenabled()
    gc.disable()  # the tree is all new, long-lived objects: collections would only cost time
    try:
        try:
            builder.run(_Parser(text))
        except yaml.MarkedYAMLError as exc:
            if _NESTING_LIMIT not in str(exc.problem):
                raise
            # libyaml (PyYAML 6.0.4 and later) scans a flow collection ahead and stops at
            # its own depth limit before rktc sees the level that is too deep; the pure
            # Python parser streams it, so the answer is RKT007 at the same place with
            # every PyYAML.
            builder = _TreeBuilder(path)
            builder.run(yaml.SafeLoader(text))
    except yaml.MarkedYAMLError as exc:
        builder.diagnostics.append(_syntax_error(exc, path, text))
        return Loaded(path, None, builder.source, text, builder.diagnostics)
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        diag = Diagnostic(
            "RKT005",
            Location(path, line, col),
            msg(
                "load.bad_char",
                char=f"U+{exc.character:04X}"
                if isinstance(exc.character, int)
                else repr(exc.character),
            ),
            hint=msg("hint.bad_char"),
        )
        return Loaded(path, None, builder.source, text, [diag])
    except yaml.YAMLError as exc:
        diag = Diagnostic("RKT001", Location(path, 1, 1), msg("load.syntax", problem=str(exc)))
        return Loaded(path, None, builder.source, text, [diag])
    finally:
        if collecting:
            gc.enable()
    data = builder.result
    if builder.aborted:
        data = None
    elif data is None and not builder.diagnostics:  # only comments, or a bare "~"
        return _failed(path, "load.empty", text=text)
    elif not isinstance(data, dict):
        builder.diagnostics.append(
            Diagnostic(
                "RKT010",
                builder.source.value(()),
                msg("load.top_not_mapping"),
                hint=msg("hint.top_not_mapping"),
            )
        )
        data = None
    return Loaded(path, data, builder.source, text, builder.diagnostics)


def _failed(path: str, key: str, text: str = "", **params: Any) -> Loaded:
    code = {"load.too_large": "RKT006", "load.empty": "RKT009"}.get(key, "RKT005")
    diag = Diagnostic(
        code, Location(path, 1, 1), msg(key, **params), hint=msg("hint." + key.split(".", 1)[1])
    )
    return Loaded(path, None, SourceMap(path), text, [diag])


_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _decode(raw: bytes, path: str) -> str | Loaded:
    """Decode UTF-8 (a BOM is fine); anything else gets a position and a way out."""
    for bom, name in _FOREIGN_BOMS:
        if raw.startswith(bom):
            return _failed(path, "load.utf16", encoding=name)
    raw = raw.removeprefix(codecs.BOM_UTF8)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_line_col(raw, nul)
        loaded = _failed(path, "load.binary")
        loaded.diagnostics[0] = _moved(loaded.diagnostics[0], line, col)
        return loaded
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_line_col(raw, exc.start)
        bad = raw[exc.start : exc.start + 1]
        guess = bad.decode("cp1252", errors="replace")
        loaded = _failed(path, "load.not_utf8", byte=f"0x{bad.hex().upper()}", guess=guess)
        loaded.diagnostics[0] = _moved(loaded.diagnostics[0], line, col)
        return loaded


def _moved(diag: Diagnostic, line: int, col: int) -> Diagnostic:
    return Diagnostic(
        diag.code,
        Location(diag.location.path, line, col),
        diag.message,
        diag.severity,
        diag.hint,
        diag.related,
    )


def _byte_line_col(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset].decode("utf-8", errors="replace")
    return raw.count(b"\n", 0, offset) + 1, len(prefix) + 1


def _line_col(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _syntax_error(exc: yaml.MarkedYAMLError, path: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "?"
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    if at_tab or "'\\t'" in problem:
        return Diagnostic(
            "RKT001", Location(path, line, col), msg("load.tab"), hint=msg("hint.tab")
        )
    return Diagnostic(
        "RKT001",
        Location(path, line, col),
        msg("load.syntax", problem=problem),
        hint=msg("hint.syntax"),
    )


def _mark(path: str, event: Any) -> Location:
    return Location(path, *_unpack(_span(event)))


def _span(event: Any) -> Span:
    start, end = event.start_mark, event.end_mark
    return _pack(start.line, start.column, end.line, end.column)


class _TreeBuilder:
    """Turn parser events into dicts, lists and strings, recording positions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.source = SourceMap(path)
        self.diagnostics: list[Diagnostic] = []
        self.result: Any = None
        self.aborted = False
        self._documents = 0
        # Each frame: [container, its _Node, pending key (mappings), the key's span]
        self._stack: list[list[Any]] = []

    def run(self, parser: Any) -> None:
        """Consume the parser's events. Scalars and the opening and closing of mappings and
        sequences, nearly all of them, are handled right here (a method call per event
        was a third of the loading time); the rest goes through `feed`."""
        get_event = parser.get_event
        scalar_event, mapping_start, sequence_start = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
        )
        closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        stack, bits = self._stack, _BITS  # spans packed as in _pack, inline
        while (event := get_event()) is not None:
            kind = type(event)
            if not stack:  # the document's top: its start, its one node
                if kind is yaml.StreamEndEvent or not self.feed(event):
                    return
                continue
            frame = stack[-1]
            container = frame[0]
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    self._check_node(event)
                start, end = event.start_mark, event.end_mark
                span = (
                    ((start.line << bits | start.column) << bits | end.line) << bits
                ) | end.column
                value: str | None = event.value
                if type(container) is dict and frame[2] is None:
                    frame[2], frame[3] = value, span  # a key
                    continue
                if value in NULL_WORDS and event.implicit[0] and not event.style:
                    value = None
                node = frame[1]
                if type(container) is list:
                    container.append(value)
                    node.items.append(span)
                    continue
                key, key_span = frame[2], frame[3]
                frame[2] = frame[3] = None
                if key in container:
                    self._duplicate_key(key, node.key_spans[key], key_span)
                    continue
                container[key] = value
                node.items[key] = span
                node.key_spans[key] = key_span
            elif kind in closing:
                closed = stack.pop()[1]
                end = event.end_mark
                closed.span = (closed.span >> 2 * bits << 2 * bits) | (
                    end.line << bits | end.column
                )
            elif (kind is mapping_start or kind is sequence_start) and (
                event.anchor is None
                and event.tag is None
                and (type(container) is list or frame[2] is not None)
                and len(stack) < MAX_DEPTH
            ):  # an ordinary mapping or sequence, as an item or a key's value
                start, end = event.start_mark, event.end_mark
                mapping = kind is mapping_start
                opened: dict[str, Any] | list[Any] = {} if mapping else []
                child = _Node(
                    (((start.line << bits | start.column) << bits | end.line) << bits) | end.column,
                    mapping,
                )
                if type(container) is list:
                    container.append(opened)
                    frame[1].items.append(child)
                else:
                    key, key_span = frame[2], frame[3]
                    frame[2] = frame[3] = None
                    if key in container:
                        node = frame[1]
                        self._duplicate_key(key, node.key_spans[key], key_span)
                    else:
                        container[key] = opened
                        node = frame[1]
                        node.items[key] = child
                        node.key_spans[key] = key_span
                stack.append([opened, child, None, None])
            elif not self.feed(event):
                return

    def feed(self, event: Any) -> bool:
        """Consume one event; False stops the parse (the rest cannot be trusted)."""
        if isinstance(event, yaml.ScalarEvent):  # a document that is a single scalar
            self._check_node(event)
            value: str | None = event.value
            if value in NULL_WORDS and event.implicit[0] and not event.style:
                value = None
            self._add(event, value)
            return True
        if isinstance(event, yaml.DocumentStartEvent):
            self._documents += 1
            if self._documents > 1:
                self._error("RKT008", event, "load.multiple_documents", "hint.multiple_documents")
                self.aborted = True
                return False
        elif isinstance(event, yaml.AliasEvent):
            self._error("RKT003", event, "load.alias", "hint.alias", name=event.anchor)
            self._add(event, None)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            return self._open(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._close(event)
        return True

    def _check_node(self, event: Any) -> None:
        if event.anchor is not None:
            self._error("RKT003", event, "load.anchor", "hint.alias", name=event.anchor)
        if event.tag is not None and event.tag not in STR_TAGS:
            self._error("RKT004", event, "load.tag", "hint.tag", tag=event.tag)

    def _awaiting_key(self) -> bool:
        return (
            bool(self._stack)
            and isinstance(self._stack[-1][0], dict)
            and (self._stack[-1][2] is None)
        )

    def _open(self, event: Any) -> bool:
        self._check_node(event)
        if self._awaiting_key():
            self._error("RKT010", event, "load.complex_key", "hint.complex_key")
            self.aborted = True
            return False
        if len(self._stack) >= MAX_DEPTH:
            self._error("RKT007", event, "load.too_deep", "hint.too_deep", limit=MAX_DEPTH)
            self.aborted = True
            return False
        mapping = isinstance(event, yaml.MappingStartEvent)
        container: dict[str, Any] | list[Any] = {} if mapping else []
        node = _Node(_span(event), mapping)
        self._add(event, container, node)
        self._stack.append([container, node, None, None])
        return True

    def _close(self, event: Any) -> None:
        node = self._stack.pop()[1]
        end = event.end_mark
        node.span = (node.span >> 2 * _BITS << 2 * _BITS) | _pack(0, 0, end.line, end.column)

    def _add(self, event: Any, value: Any, node: _Node | None = None) -> None:
        """Place `value` (with `node`, the positions inside it) in the open container.

        `run` does the same inline for scalars and for ordinary mappings and sequences (a
        call per event was a third of the loading time): a change to how values are placed
        goes in both.
        """
        entry = node if node is not None else _span(event)
        if not self._stack:
            self.result = value
            self.source.root = entry
            return
        frame = self._stack[-1]
        container, parent = frame[0], frame[1]
        if isinstance(container, list):
            container.append(value)
            parent.items.append(entry)
            return
        if frame[2] is None:
            self._take_key(frame, value, _span(event))
            return
        key, key_span = frame[2], frame[3]
        frame[2] = frame[3] = None
        if key in container:
            # the first value stays (the error blocks any build); this one's positions are
            # kept apart so they cannot be mistaken for the first one's
            self._duplicate_key(key, parent.key_spans[key], key_span)
            return
        container[key] = value
        parent.items[key] = entry
        parent.key_spans[key] = key_span

    def _duplicate_key(self, key: str, first: Span, again: Span) -> None:
        first_at = Location(self.path, *_unpack(first))
        again_at = Location(self.path, *_unpack(again))
        self.diagnostics.append(
            Diagnostic(
                "RKT002",
                again_at,
                msg("load.duplicate_key", key=key, line=first_at.line),
                hint=msg("hint.duplicate_key"),
                related=(Related(first_at, msg("related.first_key", key=key)),),
            )
        )

    def _take_key(self, frame: list[Any], value: Any, span: Span) -> None:
        if not isinstance(value, str):  # an alias used as a key
            line, column, _, _ = _unpack(span)
            value = f"<{line}:{column}>"
        frame[2], frame[3] = value, span

    def _error(self, code: str, event: Any, key: str, hint: str, **params: Any) -> None:
        self.diagnostics.append(
            Diagnostic(code, _mark(self.path, event), msg(key, **params), hint=msg(hint))
        )
