"""Find the parts of an RKT in a block stream: cover, texts, signature, visi, tables.

The result is the plan's data in the published form (`tabel`), plus notes on what was
guessed (written as YAML comments beside the value) and what could not be placed: a page
header, an unknown table, each column the format does not have with the number of values
it held (listed in the plan's header and printed by `rktc import`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rktc.core.messages import Message, msg
from rktc.importer import dialect as dialects
from rktc.importer import frontmatter
from rktc.importer.blocks import Block, Paragraph, Table
from rktc.importer.frontmatter import NUMBERED, norm
from rktc.plan.values import ValueProblem, parse_rupiah

Path_ = tuple[str | int, ...]

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "no": ("no", "nomor", "no urut"),
    "sasaran": ("sasaran strategis", "sasaran", "sasaran program", "sasaran kegiatan"),
    "kegiatan": ("kegiatan", "program/kegiatan", "nama kegiatan", "kegiatan/sub kegiatan"),
    "indikator": (
        "indikator kinerja",
        "indikator",
        "indikator kinerja utama",
        "iku",
        "indikator kinerja sasaran",
        "indikator kinerja kegiatan",
    ),
    "satuan": ("satuan", "sat", "satuan target"),
    "target": ("target", "target kinerja", "rencana capaian", "target capaian"),
    "anggaran": (
        "anggaran",
        "anggaran (rp)",
        "anggaran (rp.)",
        "pagu",
        "pagu anggaran",
        "pagu (rp)",
        "jumlah anggaran",
        "alokasi anggaran",
        "anggaran rp",
    ),
}
TARGET_UNIT = "satuan target"  # a column after Target with the target's unit
TARGET_UNIT_KEY = "target unit"
NUMERIC = ("target", "anggaran")  # the columns whose numbers are read in the table's dialect
LETTERED = re.compile(r"^([A-H])\.\s+(.*)$")
PERIOD = re.compile(
    r"(?:rencana strategis|renstra)[^0-9]{0,40}?(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE
)
DECREE = re.compile(
    r"(Keputusan[^.]*?Nomor\s*:?\s*[^\s]+\s+tentang\s+Rencana Strategis[^.]*?"
    r"\d{4}\s*[-–]\s*\d{4})",
    re.IGNORECASE,
)


@dataclass
class Imported:
    data: dict[str, Any] = field(default_factory=dict)
    notes: dict[Path_, str] = field(default_factory=dict)  # guesses, as YAML comments
    unplaced: list[Message] = field(default_factory=list)  # reported to the user
    report: list[Message] = field(default_factory=list)  # how the numbers were read

    def note(self, path: Path_, text: str) -> None:
        """A comment for the value at `path` (a second note on it is added, not lost)."""
        earlier = self.notes.get(path)
        if earlier is None:
            self.notes[path] = text
        elif text not in earlier.split("; "):
            self.notes[path] = f"{earlier}; {text}"


def recognize(blocks: list[Block], dialect: str = "auto") -> Imported:
    """The plan in `blocks`; `dialect` is the number dialect of every table (id, en,
    sipd), or "auto" to detect it per table."""
    if dialect not in dialects.DIALECTS:
        raise ValueError(f"unknown number dialect {dialect!r}")
    result = Imported()
    marks = _section_marks(blocks)
    frontmatter.cover(blocks, result)
    _front_texts(blocks, marks, result)
    _chapter_one(blocks, marks, result)
    _tables(blocks, marks, result, dialect)
    _renstra(blocks, result)
    _identity(blocks, result)
    return result


# The identity sheet of a workbook rktc writes (rktc/render/xlsx/sheets.py): a label and
# a value per row under "Keterangan | Isi". label -> where its value goes in the plan.
IDENTITY: dict[str, tuple[str, ...]] = {
    "judul": ("judul",),
    "tahun": ("tahun",),
    "instansi": ("instansi", "nama"),
    "singkatan": ("instansi", "singkatan"),
    "instansi induk": ("instansi", "induk"),
    "kota": ("instansi", "kota"),
    "periode renstra": ("renstra", "periode"),
    "keputusan renstra": ("renstra", "keputusan"),
    "pagu anggaran (rp)": ("pagu",),
    "penandatangan": ("penandatangan", "nama"),
    "jabatan": ("penandatangan", "jabatan"),
    "nip": ("penandatangan", "nip"),
    "instansi penandatangan": ("penandatangan", "instansi"),
    "tempat": ("penandatangan", "tempat"),
    "tanggal": ("penandatangan", "tanggal"),
}


def _get(data: dict[str, Any], key: str) -> Any:
    value = data.get(key)
    return value.get("nama") if isinstance(value, dict) else value


def _is_identity(table: Table) -> bool:
    return bool(table.rows) and [norm(c) for c in table.rows[0][:2]] == ["keterangan", "isi"]


def _identity(blocks: list[Block], result: Imported) -> None:
    """A workbook's identity table gives the front matter it holds; what it states
    replaces what was searched for (and the note that it was not found)."""
    for block in blocks:
        if not isinstance(block, Table) or not _is_identity(block):
            continue
        for row in block.rows[1:]:
            where = IDENTITY.get(norm(row[0]).rstrip(":")) if row else None
            value = row[1].strip() if len(row) > 1 else ""
            if where is None and value:
                result.unplaced.append(msg("import.unplaced", item=f"{row[0].strip()}: {value}"))
            if where is None or not value:
                continue
            if where == ("penandatangan", "instansi") and value == _get(result.data, "instansi"):
                continue  # the signer's institution is the plan's unless it says otherwise
            target = result.data
            for key in where[:-1]:
                if not isinstance(target.get(key), dict):
                    target[key] = {}
                target = target[key]
            target[where[-1]] = value
            for path in [
                p for p in result.notes if where[: len(p)] == p or p[: len(where)] == where
            ]:
                del result.notes[path]
        return


_PAGE_NUMBER = re.compile(r"[\s.\u2026]*\b[ivxlc\d]+$", re.IGNORECASE)


def _toc_entries(blocks: list[Block]) -> set[int]:
    """Indexes of the table of contents' entries: the paragraphs after "Daftar Isi" that
    repeat a heading found later in the document (page numbers and leaders ignored)."""
    start = next(
        (
            i
            for i, b in enumerate(blocks)
            if isinstance(b, Paragraph) and norm(b.text) == "daftar isi"
        ),
        None,
    )
    if start is None:
        return set()
    seen: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, Paragraph):
            key = norm(_PAGE_NUMBER.sub("", block.text))
            seen[key] = seen.get(key, 0) + 1
    entries: set[int] = set()
    listed: set[str] = set()
    for i in range(start + 1, len(blocks)):
        block = blocks[i]
        if not isinstance(block, Paragraph):
            break
        key = norm(_PAGE_NUMBER.sub("", block.text))
        if seen[key] < 2 or key in listed:
            break  # a heading the contents list already named: the body has begun
        listed.add(key)
        entries.add(i)
    return entries


def _section_marks(blocks: list[Block]) -> dict[str, int]:
    marks: dict[str, int] = {}
    toc = _toc_entries(blocks)
    chapterless = not any(
        isinstance(b, Paragraph) and re.search(r"^bab ii\b(?!i)", norm(b.text)) for b in blocks
    )
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or i in toc:
            continue
        text = norm(block.text)
        for name, pattern in (
            ("kata_pengantar", r"^kata pengantar$"),
            ("ringkasan_eksekutif", r"^ringkasan eksekutif$"),
            ("daftar_isi", r"^daftar isi$"),
            ("bab1", r"^bab i\b(?!i)"),
            ("bab2", r"^bab ii\b(?!i)"),
        ):
            if name not in marks and re.search(pattern, text):
                marks[name] = i
        title = len(text) < 150 and not text.endswith(".")
        # a workbook has no chapters: a matrix's title lines head its sheet's table
        chapter = "bab2" in marks or (chapterless and _heads_table(blocks, i))
        if (
            chapter
            and "rkt_matrix" not in marks
            and title
            and re.match(r"rencana (kerja|kinerja) tahunan \(rkt\)", text)
        ):
            marks["rkt_matrix"] = i
        if chapter and "apbn_matrix" not in marks and title and ("berdasarkan apbn" in text):
            marks["apbn_matrix"] = i
    return marks


def _heads_table(blocks: list[Block], index: int, lines: int = 3) -> bool:
    """The paragraph at `index` is one of at most `lines` title lines right above a table."""
    return any(isinstance(block, Table) for block in blocks[index + 1 : index + 1 + lines])


def _paragraphs(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def _block_range(
    blocks: list[Block], marks: dict[str, int], start: str, ends: tuple[str, ...]
) -> list[Block]:
    if start not in marks:
        return []
    first = marks[start] + 1
    stops = [marks[e] for e in ends if e in marks and marks[e] > marks[start]]
    return blocks[first : min(stops) if stops else len(blocks)]


def _front_texts(blocks: list[Block], marks: dict[str, int], result: Imported) -> None:
    preface = _paragraphs(
        _block_range(blocks, marks, "kata_pengantar", ("ringkasan_eksekutif", "daftar_isi", "bab1"))
    )
    start = marks.get("kata_pengantar", -1)
    after = start + 1 + len(preface)
    elsewhere = _paragraphs(blocks[: max(start, 0)]) + _paragraphs(blocks[after:])
    found = frontmatter.find_signature(preface, elsewhere)
    end = found[1] if found is not None and found[0] is preface else len(preface)
    body: list[str] = []
    for line in preface[:end]:
        if line.isupper() and len(line) < 60 and not body:
            result.unplaced.append(msg("import.unplaced_page_header", text=line))
            continue
        body.append(line)
    if found is not None:
        lines, _, place_and_date, next_line = found
        frontmatter.signature(place_and_date, lines[next_line:], result)
    else:
        frontmatter.no_signature(result)
    if body:
        result.data["kata_pengantar"] = "\n\n".join(body)
    summary = _paragraphs(
        _block_range(blocks, marks, "ringkasan_eksekutif", ("daftar_isi", "bab1"))
    )
    if summary:
        result.data["ringkasan_eksekutif"] = "\n\n".join(summary)


def _chapter_one(blocks: list[Block], marks: dict[str, int], result: Imported) -> None:
    """Chapter I; a document without "BAB I" has its visi, misi and tujuan before the
    tables, outside the kata pengantar and the ringkasan eksekutif."""
    if "bab1" in marks:
        chosen = _block_range(blocks, marks, "bab1", ("bab2",))
    else:
        tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
        stop = marks.get("bab2", tables[0] if tables else len(blocks))
        skipped: set[int] = set()
        for name in ("kata_pengantar", "ringkasan_eksekutif"):
            if name in marks:
                length = len(
                    _block_range(blocks, marks, name, ("ringkasan_eksekutif", "daftar_isi"))
                )
                skipped.update(range(marks[name], marks[name] + 1 + length))
        chosen = [b for i, b in enumerate(blocks[:stop]) if i not in skipped]
    frontmatter.chapter_one([b for b in chosen if isinstance(b, Paragraph)], result)


def _renstra(blocks: list[Block], result: Imported) -> None:
    text = " ".join(_paragraphs(blocks))
    period = PERIOD.search(text)
    renstra: dict[str, Any] = {"periode": f"{period.group(1)}-{period.group(2)}" if period else "?"}
    if period is None:
        result.note(("renstra", "periode"), "the Renstra period was not found: fill it in")
    decree = DECREE.search(text)
    if decree:
        renstra["keputusan"] = " ".join(decree.group(1).split())
    result.data["renstra"] = renstra


# --- tables -----------------------------------------------------------------------------------


def header_columns(row: list[str]) -> list[str | None]:
    out: list[str | None] = []
    for cell in row:
        text = norm(cell).rstrip(":").rstrip(".")
        key = next((k for k, words in HEADER_WORDS.items() if text in words), None)
        if key is None and text:
            key = next(
                (
                    k
                    for k, words in HEADER_WORDS.items()
                    if any(text.startswith(w) for w in words if len(w) > 3)
                ),
                None,
            )
        out.append(key)
    return out


def _is_header(row: list[str]) -> bool:
    keys = [k for k in header_columns(row) if k]
    return "indikator" in keys or ("no" in keys and "sasaran" in keys)


JOINED = "rows split by a page break were joined"


@dataclass
class _Dropped:
    """Values of one table column that the plan format has no place for."""

    reason: str  # "unknown": a column the format does not have; or the field it repeats
    header: str  # the column's header text ("" when it has none)
    number: int  # the column's place in the table, from 1
    values: int = 0


@dataclass
class _Tables:
    """What the table readers learn across tables (a table continued on the next page is
    read as two): rows joined across a page break, and columns left out."""

    joined: dict[int, str] = field(default_factory=dict)  # row id -> the column that went on
    dropped: dict[tuple[str, str], _Dropped] = field(default_factory=dict)  # (kind, column)
    ungrouped: dict[str, int] = field(default_factory=dict)  # kind -> rows before a program
    dialect: str = "auto"  # the --dialect option
    number: int = 0  # of the table being read, counting every table of the document
    # the header, number and dialect of the last table read: a table continued on the
    # next page repeats its header, and its part there may hold no telling number
    previous: tuple[list[str], int, dialects.Decision] | None = None
    # row id -> column -> what reading its numbers noted (printed spelling, two readings)
    value_notes: dict[int, dict[str, list[str]]] = field(default_factory=dict)

    def report(self, result: Imported) -> None:
        for (kind, _), dropped in self.dropped.items():
            column, values = dropped.header, dropped.values
            if dropped.reason == "unknown" and column:
                result.unplaced.append(
                    msg("import.unplaced_column", kind=kind, column=column, values=values)
                )
            elif dropped.reason == "unknown":
                number = dropped.number
                result.unplaced.append(
                    msg("import.unplaced_unnamed_column", kind=kind, number=number, values=values)
                )
            elif values:
                result.unplaced.append(
                    msg(
                        "import.unplaced_repeated_column",
                        kind=kind,
                        column=column,
                        repeats=dropped.reason,
                        values=values,
                    )
                )
        for kind, count in self.ungrouped.items():
            result.unplaced.append(msg("import.unplaced_before_program", kind=kind, count=count))


def _tables(blocks: list[Block], marks: dict[str, int], result: Imported, dialect: str) -> None:
    tabel: dict[str, Any] = {}
    state = _Tables(dialect=dialect)
    program_heading: tuple[int | None, str] | None = None
    last_heading = ""
    start = marks.get("bab2", 0)
    numbers = {
        i: n for n, i in enumerate((i for i, b in enumerate(blocks) if isinstance(b, Table)), 1)
    }
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Paragraph):
            program_heading = _program_heading(blocks, index) or program_heading
            if LETTERED.match(block.text) or block.text.isupper():
                last_heading = norm(block.text)
            elif last_heading.startswith("a. sasaran") and NUMBERED.match(block.text):
                match = NUMBERED.match(block.text)
                assert match is not None
                if match.group(2):
                    tabel.setdefault("sasaran", []).append(
                        {"no": int(match.group(1)), "sasaran": match.group(2)}
                    )
            continue
        if _is_identity(block):
            continue  # front matter, read by _identity
        kind = _table_kind(block, index, marks, last_heading, program_heading)
        state.number = numbers[index]
        _place_table(block, kind, index, program_heading, tabel, state, result)
        if kind == "program":
            program_heading = None
    if tabel:
        result.data["tabel"] = tabel
    for path, row in _table_rows(tabel):
        if id(row) in state.joined:
            result.note(("tabel", *path, state.joined[id(row)]), JOINED)
        for key, texts in state.value_notes.get(id(row), {}).items():
            for text in texts:
                result.note(("tabel", *path, key), text)
    state.report(result)


def _table_rows(tabel: dict[str, Any]) -> list[tuple[Path_, dict[str, Any]]]:
    """Every row of the published tables with its path under `tabel`, as the writer writes it."""
    found: list[tuple[Path_, dict[str, Any]]] = []
    for kind, entries in tabel.items():
        for i, entry in enumerate(entries):
            if kind in ("program", "apbn"):
                found += [((kind, i, "baris", j), row) for j, row in enumerate(entry["baris"])]
            else:
                found.append(((kind, i), entry))
    return found


def _program_heading(blocks: list[Block], index: int) -> tuple[int | None, str] | None:
    block = blocks[index]
    assert isinstance(block, Paragraph)
    match = NUMBERED.match(block.text)
    text = match.group(2) if match else block.text
    number = int(match.group(1)) if match else None
    if norm(text).startswith("program "):
        if number is None and index > 0 and isinstance(blocks[index - 1], Paragraph):
            before = NUMBERED.match(blocks[index - 1].text)  # type: ignore[union-attr]
            if before and not before.group(2):
                number = int(before.group(1))
        return number, text
    return None


def _table_kind(
    table: Table,
    index: int,
    marks: dict[str, int],
    heading: str,
    program: tuple[int | None, str] | None,
) -> str:
    header = next((header_columns(r) for r in table.rows[:2] if _is_header(r)), None)
    if header is None:
        numbers = sum(1 for row in table.rows for c in row[::2] if c.strip().isdigit())
        return "sasaran" if numbers and "sasaran" in heading else "unknown"
    keys = set(header) - {None}
    if "apbn_matrix" in marks and index > marks["apbn_matrix"]:
        return "apbn"
    if "rkt_matrix" in marks and index > marks["rkt_matrix"]:
        return "rkt"
    if {"sasaran", "kegiatan"} & keys:
        if program is None and _has_group_rows(table):
            # a sheet groups its rows under program rows: the BAB II C table has no
            # anggaran, the APBN matrix has
            return "apbn" if "anggaran" in keys else "program"
        return "program" if program is not None else "rkt"
    return "indikator"


def _group_label(text: str) -> tuple[int | None, str] | None:
    """A program row's number and name ("1. Program ..." or "Program ...")."""
    match = NUMBERED.match(text.strip())
    number, name = (int(match.group(1)), match.group(2)) if match else (None, text.strip())
    return (number, name) if norm(name).startswith("program") else None


def _has_group_rows(table: Table) -> bool:
    for row in table.rows:
        filled = {c.strip() for c in row if c.strip()}
        if len(filled) == 1 and _group_label(row[0]) is not None:
            return True
    return False


def _place_table(
    table: Table,
    kind: str,
    index: int,
    program: tuple[int | None, str] | None,
    tabel: dict[str, Any],
    state: _Tables,
    result: Imported,
) -> None:
    if kind == "sasaran":
        tabel["sasaran"] = _sasaran_rows(table)
        return
    if kind == "unknown":
        preview = " | ".join(table.rows[0]) if table.rows else ""
        result.unplaced.append(msg("import.unplaced_table", preview=preview[:120]))
        return
    rows, groups = _data_rows(table, kind, state, result)
    if kind == "program" and program is None:
        for label, group_rows in groups:  # a sheet's program rows inside the table
            number, name = _group_label(label) or (None, label)
            entry: dict[str, Any] = {"program": name, "baris": group_rows}
            tabel.setdefault("program", []).append(
                {"no": number, **entry} if number is not None else entry
            )
    elif kind == "program":
        assert program is not None
        entry = {"program": program[1], "baris": rows}
        if program[0] is not None:
            entry = {"no": program[0], **entry}
        tabel.setdefault("program", []).append(entry)
    elif kind == "apbn":
        ungrouped = len(rows) - sum(len(group_rows) for _, group_rows in groups)
        if ungrouped:
            state.ungrouped[kind] = state.ungrouped.get(kind, 0) + ungrouped
        for label, group_rows in groups:
            name = (_group_label(label) or (None, label))[1]
            existing = next((g for g in tabel.get("apbn", []) if g["program"] == name), None)
            if existing is not None:
                existing["baris"].extend(group_rows)
            else:
                tabel.setdefault("apbn", []).append({"program": name, "baris": group_rows})
    else:
        tabel.setdefault(kind, []).extend(rows)


def _sasaran_rows(table: Table) -> list[dict[str, Any]]:
    """A numbered list of sasaran, possibly printed in two columns (1-3 left, 4-6 right)."""
    found: list[tuple[int, str]] = []
    for row in table.rows:
        cells = [c for c in row if c.strip()]
        for i in range(0, len(cells) - 1, 2):
            if cells[i].strip().rstrip(".").isdigit():
                found.append((int(cells[i].strip().rstrip(".")), cells[i + 1]))
    return [{"no": n, "sasaran": text} for n, text in sorted(found)]


def _data_rows(
    table: Table, kind: str, state: _Tables, result: Imported
) -> tuple[list[dict[str, Any]], list[tuple[str, list[dict[str, Any]]]]]:
    header_at = next(i for i, r in enumerate(table.rows) if _is_header(r))
    header = table.rows[header_at]
    known = header_columns(header)
    columns = list(known)
    first_of: dict[str, int] = {}  # field -> the column read for it (the first one)
    for i, key in enumerate(columns):
        if key is not None and first_of.setdefault(key, i) != i:
            columns[i] = None  # a second column for the same field: named, not read
    for i in range(1, len(columns)):
        if norm(header[i]) == TARGET_UNIT and known[i - 1] == "target":
            columns[i] = TARGET_UNIT_KEY  # rktc's workbook splits "13 kec" in two columns
    numbers = _table_numbers(table, header_at, known, state.dialect)
    if state.previous is not None and state.previous[0] == header:
        numbers.decision.continue_from(state.previous[1], state.previous[2])
    state.previous = (header, state.number, numbers.decision)
    rows: list[dict[str, Any]] = []
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    skipped_totals = 0
    above: dict[int, str] = {}  # the last text of each column, for merged cells
    for r, cells in enumerate(table.rows[header_at + 1 :], start=header_at + 1):
        if _is_header(cells) or not any(c.strip() for c in cells):
            continue
        first = cells[0].strip()
        filled = {c.strip() for c in cells if c.strip()}
        if len(filled) == 1 and _group_label(first) is not None:
            groups.append((first, []))
            continue
        if norm(first).startswith("jumlah") and len(filled) <= 2:
            skipped_totals += 1  # a total or subtotal row: a label and an amount
            continue
        _count_dropped(cells, r, header, known, columns, first_of, table, kind, state)
        noted: dict[str, list[str]] = {}
        row = _row(cells, columns, table, r, result, kind, above, (numbers, noted))
        if row is None:
            continue
        if noted:
            state.value_notes[id(row)] = noted
        if _continues(row, rows):
            _join(rows[-1], row)
            state.joined.setdefault(id(rows[-1]), min(row, key=_row_order))
            continue
        rows.append(row)
        if groups:
            groups[-1][1].append(row)
    for i, label in enumerate(header):
        if columns[i] is None and label.strip():  # named in the report even when empty
            _dropped_column(header, i, known[i], kind, state)
    if skipped_totals:
        result.unplaced.append(msg("import.unplaced_totals", kind=kind, count=skipped_totals))
    result.report += numbers.report(kind, state.number)
    return rows, groups


def _table_numbers(
    table: Table, header_at: int, known: list[str | None], chosen: str
) -> dialects.TableNumbers:
    """The dialect of a table, from every target and anggaran cell below its header
    (second columns for a field and total rows too: they were printed by the same hand)."""
    numeric = [(i, key == "anggaran") for i, key in enumerate(known) if key in NUMERIC]
    skipped = table.continued | table.typed  # number cells are spelled by rktc, not the table
    cells = [
        (row[i], money)
        for r, row in enumerate(table.rows[header_at + 1 :], start=header_at + 1)
        for i, money in numeric
        if i < len(row) and row[i].strip() and (r, i) not in skipped
    ]
    return dialects.TableNumbers(dialects.decide(cells, chosen))


def _dropped_column(
    header: list[str], i: int, repeats: str | None, kind: str, state: _Tables
) -> _Dropped:
    text = header[i].strip() if i < len(header) else ""
    label = text or f"#{i + 1}"  # columns without a header are told apart by their place
    return state.dropped.setdefault((kind, label), _Dropped(repeats or "unknown", text, i + 1))


def _count_dropped(
    cells: list[str],
    r: int,
    header: list[str],
    known: list[str | None],
    columns: list[str | None],
    first_of: dict[str, int],
    table: Table,
    kind: str,
    state: _Tables,
) -> None:
    """Count the values of this row in columns that are not read: unknown ones, a second
    column for a field (when its value differs from the first's), cells beyond the header."""
    for i, cell in enumerate(cells):
        value = cell.strip()
        if not value or (r, i) in table.continued or (i < len(columns) and columns[i]):
            continue
        repeats = known[i] if i < len(known) else None
        if repeats is not None and cells[first_of[repeats]].strip() == value:
            continue  # a cell spanning both columns: nothing is lost
        _dropped_column(header, i, repeats, kind, state).values += 1


def _row(
    cells: list[str],
    columns: list[str | None],
    table: Table,
    r: int,
    result: Imported,
    kind: str,
    above: dict[int, str],
    numbers: tuple[dialects.TableNumbers, dict[str, list[str]]],
) -> dict[str, Any] | None:
    """One row's fields; its numbers in Indonesian spelling, with what reading them noted
    (by field) in `numbers[1]`."""
    row: dict[str, Any] = {}
    for i, key in enumerate(columns):
        if key is None or i >= len(cells):
            continue
        value = cells[i].strip()
        if (r, i) in table.continued:
            if key == "anggaran":
                continue  # a merged amount belongs to the first row only
            value = value or above.get(i, "")
        elif value:
            above[i] = value
        if not value:
            continue
        if key == TARGET_UNIT_KEY:
            if "target" in row:
                row["target"] = f"{row['target']} {value}"
            continue
        if key == "no":
            digits = value.rstrip(".")
            if digits.isdigit():
                row["no"] = int(digits)
            else:
                result.unplaced.append(msg("import.unplaced_row_number", kind=kind, value=value))
            continue
        if key in NUMERIC and (r, i) not in table.typed:  # a number cell is already spelled
            value, notes = numbers[0].read(value, key == "anggaran")
            if notes:
                numbers[1][key] = notes
        if key == "anggaran":
            try:
                parse_rupiah(value)
            except ValueProblem:
                result.unplaced.append(msg("import.unplaced_anggaran", kind=kind, value=value))
                numbers[1].pop(key, None)  # the report names it; no value to note beside
                continue
        row[key] = value
    return row or None


def _continues(row: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    """A row broken across pages: no number, no target, text that goes on in lower case."""
    if not rows or "no" in row or "target" in row or "anggaran" in row:
        return False
    texts = [v for k, v in row.items() if isinstance(v, str)]
    return bool(texts) and all(t[:1].islower() for t in texts[:1])


def _row_order(key: str) -> int:
    """Columns in the order the writer writes a row's keys."""
    return list(HEADER_WORDS).index(key)


def _join(previous: dict[str, Any], row: dict[str, Any]) -> None:
    for key, value in row.items():
        previous[key] = f"{previous[key]} {value}" if key in previous else value
