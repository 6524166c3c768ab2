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

from rktc.importer.blocks import Block, Paragraph, Table
from rktc.plan.values import ValueProblem, parse_date, parse_rupiah

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
POSITIONS = (
    "ketua",
    "kepala",
    "sekretaris",
    "direktur",
    "plt",
    "plh",
    "kasubbag",
    "bupati",
    "walikota",
    "gubernur",
    "menteri",
    "pimpinan",
    "camat",
    "kabag",
)
SIGNATURE_LINE = re.compile(
    r"^(?P<place>[A-Z][\w .'-]{1,40}),\s*(?P<date>(?:\d{1,2}\s+)?"
    r"[A-Za-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})$"
)
NUMBERED = re.compile(r"^(\d{1,3})[.)]\s*(.*)$")
LETTERED = re.compile(r"^([A-H])\.\s+(.*)$")
PERIOD = re.compile(
    r"(?:rencana strategis|renstra)[^0-9]{0,40}?(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE
)
DECREE = re.compile(
    r"(Keputusan[^.]*?Nomor\s*:?\s*[^\s]+\s+tentang\s+Rencana Strategis[^.]*?"
    r"\d{4}\s*[-–]\s*\d{4})",
    re.IGNORECASE,
)
TITLE = re.compile(r"rencana\s+(kerja|kinerja)\s+tahunan", re.IGNORECASE)
YEAR = re.compile(r"\btahun\s+(\d{4})\b", re.IGNORECASE)
SMALL_WORDS = frozenset({"dan", "di", "ke", "dari", "yang", "atau", "untuk", "pada", "dalam"})


@dataclass
class Imported:
    data: dict[str, Any] = field(default_factory=dict)
    notes: dict[Path_, str] = field(default_factory=dict)  # guesses, as YAML comments
    unplaced: list[str] = field(default_factory=list)  # reported to the user

    def note(self, path: Path_, text: str) -> None:
        """A comment for the value at `path` (a second note on it is added, not lost)."""
        earlier = self.notes.get(path)
        if earlier is None:
            self.notes[path] = text
        elif text not in earlier.split("; "):
            self.notes[path] = f"{earlier}; {text}"


def norm(text: str) -> str:
    return " ".join(text.casefold().replace("*", "").split())


def title_case(text: str) -> str:
    """'KOMISI PEMILIHAN UMUM KABUPATEN OGAN KOMERING ULU' -> 'Komisi ... Komering Ulu'."""
    if not text.isupper():
        return text
    out = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if i and low in SMALL_WORDS:
            out.append(low)
        elif len(word) <= 3 and not any(ch in "AIUEO" for ch in word[1:]) and len(word) > 1:
            out.append(word)  # acronyms such as KPU, DKI keep their capitals
        else:
            out.append(word.capitalize())
    return " ".join(out)


def recognize(blocks: list[Block]) -> Imported:
    result = Imported()
    marks = _section_marks(blocks)
    _cover(blocks[: marks.get("kata_pengantar", len(blocks))], result)
    _front_texts(blocks, marks, result)
    _chapter_one(blocks, marks, result)
    _tables(blocks, marks, result)
    _renstra(blocks, result)
    return result


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
        if (
            "bab2" in marks
            and "rkt_matrix" not in marks
            and title
            and re.match(r"rencana (kerja|kinerja) tahunan \(rkt\)", text)
        ):
            marks["rkt_matrix"] = i
        if (
            "bab2" in marks
            and "apbn_matrix" not in marks
            and title
            and ("berdasarkan apbn" in text)
        ):
            marks["apbn_matrix"] = i
    return marks


def _paragraphs(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def _cover(blocks: list[Block], result: Imported) -> None:
    lines = _paragraphs(blocks)
    title_at = next((i for i, line in enumerate(lines) if TITLE.search(line)), None)
    year_at = next(
        (
            i
            for i, line in enumerate(lines)
            if YEAR.search(line) and (title_at is None or i > title_at)
        ),
        None,
    )
    sampul: dict[str, Any] = {}
    if title_at is not None:
        match = TITLE.search(lines[title_at])
        assert match is not None
        sampul["judul"] = title_case(match.group(0).upper())
        result.data["judul"] = "Rencana Kinerja Tahunan"
    if year_at is not None:
        found = YEAR.search(lines[year_at])
        assert found is not None
        sampul["tahun"] = found.group(1)
        result.data["tahun"] = found.group(1)
    if title_at is not None:
        end = year_at if year_at is not None else len(lines)
        name_lines = lines[title_at + 1 : end] or lines[:title_at]
        if name_lines:
            sampul["instansi"] = " ".join(name_lines)
        if year_at is not None and year_at + 1 < len(lines):
            sampul["induk"] = " ".join(lines[year_at + 1 :])
    if sampul.get("instansi"):
        result.data["instansi"] = {"nama": title_case(sampul["instansi"])}
        result.note(("instansi", "nama"), "from the cover; check capitalisation")
    if sampul.get("induk"):
        result.data.setdefault("instansi", {})["induk"] = title_case(sampul["induk"])
    if sampul:
        result.data["sampul"] = {k: title_case(v) for k, v in sampul.items()}


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
    body: list[str] = []
    for index, line in enumerate(preface):
        if SIGNATURE_LINE.match(line):
            _signature(line, preface[index + 1 :], result)
            break
        if line.isupper() and len(line) < 60 and not body:
            result.unplaced.append(f"kata pengantar: '{line}' (a page header?)")
            continue
        body.append(line)
    if body:
        result.data["kata_pengantar"] = "\n\n".join(body)
    summary = _paragraphs(
        _block_range(blocks, marks, "ringkasan_eksekutif", ("daftar_isi", "bab1"))
    )
    if summary:
        result.data["ringkasan_eksekutif"] = "\n\n".join(summary)


def _signature(line: str, rest: list[str], result: Imported) -> None:
    match = SIGNATURE_LINE.match(line)
    assert match is not None
    signer: dict[str, Any] = {"tempat": match.group("place"), "tanggal": match.group("date")}
    try:
        parse_date(match.group("date"))
    except ValueProblem:
        result.note(("penandatangan", "tanggal"), "could not read this date; check it")
    institution: list[str] = []
    for text in rest[:8]:
        low = norm(text)
        if low.startswith("nip"):
            signer["nip"] = text.split(".", 1)[-1].strip() if "." in text[:5] else text[3:].strip()
            break
        if text.isupper() and len(text.split()) <= 6:
            signer["nama"] = text
            continue
        if low.split(" ")[0] in POSITIONS and "jabatan" not in signer:
            signer["jabatan"] = text
            continue
        if "nama" in signer:
            break
        institution.append(text)
    if institution:
        signer["instansi"] = " ".join(institution)
    if "nama" not in signer:
        signer["nama"] = "?"
        result.note(("penandatangan", "nama"), "the signer's name was not found: fill it in")
    result.data["penandatangan"] = signer


def _numbered_items(lines: list[str]) -> list[str]:
    """Items of a numbered list, whether "1. text" or "1." then "text" on the next line."""
    items: list[str] = []
    pending = False
    for line in lines:
        match = NUMBERED.match(line)
        if match:
            if match.group(2):
                items.append(match.group(2))
                pending = False
            else:
                pending = True
        elif pending:
            items.append(line)
            pending = False
    return items


def _chapter_one(blocks: list[Block], marks: dict[str, int], result: Imported) -> None:
    lines = _paragraphs(_block_range(blocks, marks, "bab1", ("bab2",)))
    visi = next((line for line in lines if line[:1] in '\u201c"' and line[-1:] in '\u201d"'), None)
    if visi is None:
        result.note(("visi", "teks"), "the visi was not found: fill it in")
    result.data["visi"] = {"teks": (visi or "?").strip('\u201c\u201d" ')}
    makna: list[dict[str, str]] = []
    sections = _subsections(lines)
    for item in _numbered_items(sections.get("visi", [])):
        word, _, meaning = item.partition(":") if ":" in item[:40] else item.partition(",")
        if meaning.strip():
            makna.append({"kata": word.strip(), "arti": meaning.strip()})
    if makna:
        result.data["visi"]["makna"] = makna
    for name in ("misi", "tujuan"):
        items = _numbered_items(sections.get(name, []))
        result.data[name] = items
        if not items:
            result.note((name,), f"no {name} list was found in the document: fill it in")


def _subsections(lines: list[str]) -> dict[str, list[str]]:
    """Split chapter I at its headings ("1. Visi ...", "Misi Komisi ...")."""
    found: dict[str, list[str]] = {}
    current = None
    for line in lines:
        low = norm(NUMBERED.sub(r"\2", line))
        key = next(
            (k for k in ("visi", "misi", "tujuan") if low.startswith(k) and len(low) < 70), None
        )
        if key is not None:
            current = key
            found.setdefault(key, [])
            continue
        if current:
            found[current].append(line)
    return found


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
    values: int = 0


@dataclass
class _Tables:
    """What the table readers learn across tables (a table continued on the next page is
    read as two): rows joined across a page break, and columns left out."""

    joined: dict[int, str] = field(default_factory=dict)  # row id -> the column that went on
    dropped: dict[tuple[str, str], _Dropped] = field(default_factory=dict)  # (kind, column)
    ungrouped: dict[str, int] = field(default_factory=dict)  # kind -> rows before a program

    def report(self, result: Imported) -> None:
        for (kind, label), dropped in self.dropped.items():
            if dropped.reason == "unknown":
                result.unplaced.append(
                    f"{kind} table: column {label} is not in the plan format; "
                    f"{dropped.values} value(s) in it were left out"
                )
            elif dropped.values:
                result.unplaced.append(
                    f"{kind} table: column {label} repeats the {dropped.reason} column; "
                    f"{dropped.values} value(s) in it that differ from the first were left out"
                )
        for kind, count in self.ungrouped.items():
            result.unplaced.append(
                f"{kind} table: {count} row(s) before its first 'Program ...' row were left "
                "out: no program to place them under"
            )


def _tables(blocks: list[Block], marks: dict[str, int], result: Imported) -> None:
    tabel: dict[str, Any] = {}
    state = _Tables()
    program_heading: tuple[int | None, str] | None = None
    last_heading = ""
    start = marks.get("bab2", 0)
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
        kind = _table_kind(block, index, marks, last_heading, program_heading)
        _place_table(block, kind, index, program_heading, tabel, state, result)
        if kind == "program":
            program_heading = None
    if tabel:
        result.data["tabel"] = tabel
    for path, row in _table_rows(tabel):
        if id(row) in state.joined:
            result.note(("tabel", *path, state.joined[id(row)]), JOINED)
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
        return "program" if program is not None else "rkt"
    return "indikator"


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
        result.unplaced.append(f"a table with no recognised header: {preview[:120]}")
        return
    rows, groups = _data_rows(table, kind, state, result)
    if kind == "program":
        assert program is not None
        entry: dict[str, Any] = {"program": program[1], "baris": rows}
        if program[0] is not None:
            entry = {"no": program[0], **entry}
        tabel.setdefault("program", []).append(entry)
    elif kind == "apbn":
        ungrouped = len(rows) - sum(len(group_rows) for _, group_rows in groups)
        if ungrouped:
            state.ungrouped[kind] = state.ungrouped.get(kind, 0) + ungrouped
        for name, group_rows in groups:
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
    rows: list[dict[str, Any]] = []
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    skipped_totals = 0
    above: dict[int, str] = {}  # the last text of each column, for merged cells
    for r, cells in enumerate(table.rows[header_at + 1 :], start=header_at + 1):
        if _is_header(cells) or not any(c.strip() for c in cells):
            continue
        first = cells[0].strip()
        filled = {c.strip() for c in cells if c.strip()}
        if norm(first).startswith("program") and len(filled) == 1:
            groups.append((first, []))
            continue
        if norm(first).startswith("jumlah") and len(filled) <= 2:
            skipped_totals += 1  # a total or subtotal row: a label and an amount
            continue
        _count_dropped(cells, r, header, known, columns, first_of, table, kind, state)
        row = _row(cells, columns, table, r, result, kind, above)
        if row is None:
            continue
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
        result.unplaced.append(
            f"{kind} table: {skipped_totals} total row(s) were not copied; rktc computes totals"
        )
    return rows, groups


def _dropped_column(
    header: list[str], i: int, repeats: str | None, kind: str, state: _Tables
) -> _Dropped:
    text = header[i].strip() if i < len(header) else ""
    label = f"'{text}'" if text else f"{i + 1} (no header)"
    return state.dropped.setdefault((kind, label), _Dropped(repeats or "unknown"))


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
) -> dict[str, Any] | None:
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
        if key == "no":
            digits = value.rstrip(".")
            if digits.isdigit():
                row["no"] = int(digits)
            else:
                result.unplaced.append(f"{kind} table: row number '{value}' could not be read")
            continue
        if key == "anggaran":
            try:
                parse_rupiah(value)
            except ValueProblem:
                result.unplaced.append(f"{kind} table: anggaran '{value}' could not be read")
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
