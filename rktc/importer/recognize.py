"""Find the parts of an RKT in a block stream: cover, texts, signature, visi, tables.

The result is the plan's data in the published form (`tabel`), plus notes on what was
guessed (written as YAML comments beside the value) and what could not be placed: a page
header, an unknown table, each column the format does not have with the number of values
it held (listed in the plan's header and printed by `rktc import`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rktc.core.messages import Message, define_messages, msg
from rktc.importer import dialect as dialects
from rktc.importer import frontmatter, matrix
from rktc.importer.blocks import Block, Paragraph, Table
from rktc.importer.frontmatter import NUMBERED, norm
from rktc.plan.schema import Jumlah
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
TOTALLED_TABLES = frozenset(Jumlah.model_fields)  # the tables whose printed total is kept
_READ_APART = frozenset({*NUMERIC, "no", TARGET_UNIT_KEY})  # not simply a row's text
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
    jenis: Message | None = None  # the kind of office chosen, and why (reported first)

    def note(self, path: Path_, text: str) -> None:
        """A comment for the value at `path` (a second note on it is added, not lost)."""
        earlier = self.notes.get(path)
        if earlier is None:
            self.notes[path] = text
        elif text not in earlier.split("; "):
            self.notes[path] = f"{earlier}; {text}"


def recognize(blocks: list[Block], dialect: str = "auto", jenis: str | None = None) -> Imported:
    """The plan in `blocks`; `dialect` is the number dialect of every table (id, en,
    sipd), or "auto" to detect it per table; `jenis` the kind of office (kpu, pemda,
    kl), or None to tell it from the document."""
    if dialect not in dialects.DIALECTS:
        raise ValueError(f"unknown number dialect {dialect!r}")
    result = Imported()
    marks = _section_marks(blocks)
    frontmatter.cover(blocks, result)
    _front_texts(blocks, marks, result)
    _chapter_one(blocks, marks, result)
    _tables(blocks, marks, result, dialect, jenis)
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
    return marks


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
        _block_range(
            blocks, marks, "kata_pengantar", ("ringkasan_eksekutif", "daftar_isi", "bab1", "bab2")
        )
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


define_messages(
    "rktc.importer.recognize",
    {
        "import.table_unrecognised": (
            (
                "tabel ke-{number} tidak punya baris judul kolom dan isinya tidak menunjukkan "
                "tabel rencana yang mana (kolom yang dikenali: {found}); tabel itu tidak disalin: "
                "beri baris judul kolom (No, Indikator Kinerja, Target ...) lalu impor lagi: "
                "{preview}"
            ),
            (
                "table {number} has no header row and its contents do not show which table of "
                "the plan it is (columns recognised: {found}); it was left out: give it a header "
                "row (No, Indikator Kinerja, Target ...) and import again: {preview}"
            ),
        ),
        "import.table_no_kind": (
            (
                "tabel ke-{number} tidak disalin: kolomnya ({found}) bukan kolom tabel rencana "
                "mana pun, yang memerlukan kolom Indikator Kinerja (atau Sasaran, untuk daftar "
                "sasaran): {preview}"
            ),
            (
                "table {number} was left out: its columns ({found}) are not those of any table "
                "of the plan, which needs an Indikator Kinerja column (or Sasaran, for the list "
                "of sasaran): {preview}"
            ),
        ),
        "import.table_by_contents": (
            (
                "tabel {kind} (tabel ke-{number}): kolom berikut dikenali dari isinya, bukan "
                "dari judul kolom: {columns}; periksa"
            ),
            (
                "{kind} table (table {number}): these columns were recognised by their "
                "contents, not by a header: {columns}; check them"
            ),
        ),
        "import.table_continued": (
            (
                "tabel {kind} (tabel ke-{number}) tidak punya baris judul kolom: dibaca sebagai "
                "lanjutan tabel ke-{previous}"
            ),
            (
                "{kind} table (table {number}) has no header row: read as the rest of table "
                "{previous}"
            ),
        ),
    },
)

_SLASH = re.compile(r"\s*/\s*")


@functools.lru_cache(maxsize=4096)
def header_word(cell: str) -> str | None:
    """The field a header cell names ("Indikator Kinerja" -> indikator), or None."""
    if len(cell) > 80:
        return None  # a value, not a header
    text = _SLASH.sub("/", norm(cell)).rstrip(":").rstrip(".")
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
    return key


def header_columns(row: list[str]) -> list[str | None]:
    return [header_word(cell) for cell in row]


def _is_header(row: list[str]) -> bool:
    """A row of header cells: at least two fields named, and nothing that is a value."""
    keys = {k for k in header_columns(row) if k}
    if "indikator" in keys or ("no" in keys and "sasaran" in keys):
        return True
    return len(keys) >= 3 and not any(_shape(c) in _VALUE_SHAPES for c in row if c.strip())


# What a cell's text looks like, for telling columns apart by their contents.
ROW_NUMBER = re.compile(r"^\d{1,4}[.)]?$")
MONEY = re.compile(
    r"^(?:rp\.?\s*)?(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"
    r"|\d{5,}(?:[.,]\d{1,2})?)(?:,-)?$",
    re.IGNORECASE,
)
TARGET_VALUE = re.compile(
    r"^[<>≤≥]?\s*\d+(?:[.,]\d+)*\s*(?:-\s*\d+(?:[.,]\d+)*\s*)?"
    r"(?:%|persen|[^\W\d][\w./-]*(?:\s+[^\W\d][\w./-]*)?)?$",
    re.IGNORECASE,
)
SATUAN_VALUE = re.compile(r"^(?:%|[^\W\d][\w./%-]*(?:\s+[^\W\d][\w./%-]*){0,2})$")


def _word_set(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


# the first word of an indicator, of a sasaran (an outcome) and of a kegiatan (an activity)
INDICATOR_WORDS = _word_set(
    "persentase prosentase presentase jumlah indeks tingkat rasio nilai angka cakupan "
    "rata-rata proporsi capaian predikat opini skor banyaknya lama waktu",
)
SASARAN_WORDS = _word_set(
    "terwujudnya meningkatnya tersedianya terlaksananya tercapainya terselenggaranya "
    "terkelolanya menurunnya berkurangnya terpenuhinya terciptanya tersusunnya terbentuknya "
    "terjaminnya terjaganya optimalnya meningkatkan mewujudkan tersalurkannya terbinanya "
    "terkendalinya ketersediaan",
)
KEGIATAN_WORDS = _word_set(
    "dukungan layanan fasilitasi koordinasi pengelolaan penyusunan sosialisasi pembinaan "
    "penyediaan pelaksanaan penyelenggaraan pengembangan pemeliharaan pengadaan perencanaan "
    "pembentukan penyiapan pemutakhiran pemuktahiran administrasi peningkatan pengawasan "
    "pendidikan pelatihan bimbingan monitoring evaluasi pembangunan rehabilitasi "
    "pengendalian pengumpulan penyebarluasan penyuluhan pendataan pemberdayaan",
)
_VALUE_SHAPES = frozenset({"money", "target"})
YEAR = re.compile(r"(?:19|20)\d\d")
SAMPLE = 200  # cells of a column looked at to tell what it holds


@functools.lru_cache(maxsize=8192)
def _shape(cell: str) -> str:
    """What a cell holds: number, money, target, satuan, indikator, sasaran, kegiatan or
    text (and "" for an empty cell)."""
    text = cell.strip()
    if not text:
        return ""
    if ROW_NUMBER.match(text):
        return "number"
    if MONEY.match(text):
        return "money"
    if TARGET_VALUE.match(text):
        return "target"
    words = text.split()
    first = words[0].casefold().rstrip(",:")
    if len(words) >= 3 and first in INDICATOR_WORDS:
        return "indikator"
    if len(words) >= 2 and first in SASARAN_WORDS:
        return "sasaran"
    if len(words) >= 2 and first in KEGIATAN_WORDS:
        return "kegiatan"
    if len(text) <= 25 and SATUAN_VALUE.match(text):
        return "satuan"
    return "text"


@dataclass
class _Layout:
    """How a table is read: its kind, where its data starts, its header text and the field
    of each column (from the header's words, else from what the column holds)."""

    kind: str  # sasaran, indikator, program, rkt, apbn or unknown
    body: int = 0  # the first row after the header rows
    labels: list[str] = field(default_factory=list)  # header text per column ("" for none)
    roles: list[str | None] = field(default_factory=list)
    headed: bool = False  # a header row named the columns
    by_contents: list[int] = field(default_factory=list)  # columns told by their contents
    continues: int | None = None  # the table whose layout a headerless part continues


def _header_rows(table: Table) -> tuple[int, int] | None:
    """The first and the last header row: the first row of the first three that names
    fields, and the row under it when that is the second row of a merged header."""
    for r, row in enumerate(table.rows[:3]):
        if _is_header(row):
            below = r + 1
            if below < len(table.rows) and _sub_header(table, r, below):
                return r, below
            return r, r
    return None


def _sub_header(table: Table, top: int, below: int) -> bool:
    """The row under a header that names the parts of its merged cells ("Target" over
    "Volume" and "Satuan"): it has cells merged down from the header, or lies under a
    header cell spanning several columns (or, in a workbook, under an empty header cell),
    and holds labels only."""
    header, row = table.rows[top], table.rows[below]
    spanned = any(header[i].strip() and header[i] == header[i + 1] for i in range(len(header) - 1))
    merged = any((below, i) in table.continued for i in range(len(row)))
    # a workbook read without its merges leaves a merged header cell's other cells empty
    under_empty = any(
        c.strip() and i < len(header) and not header[i].strip() for i, c in enumerate(row)
    )
    if not (spanned or merged or under_empty) or _column_numbers(row):
        return False
    labels = [
        c.strip() for i, c in enumerate(row) if c.strip() and (below, i) not in table.continued
    ]
    return bool(labels) and all(_label(c) for c in labels)


def _label(cell: str) -> bool:
    """A header's text: a field's word, a year, "Rp", or a few words that are no value."""
    if header_word(cell) is not None or YEAR.fullmatch(cell):
        return True
    if norm(cell).strip("().") in ("rp", "rupiah"):
        return True
    return len(cell) <= 40 and len(cell.split()) <= 4 and _shape(cell) in ("text", "satuan")


def _column_numbers(row: list[str]) -> bool:
    """A row that numbers the columns under the header: 1, 2, 3 ... or (1), (2), (3) ..."""
    filled = [c.strip().strip("()") for c in row if c.strip()]
    return len(filled) >= 3 and filled == [str(i) for i in range(1, len(filled) + 1)]


def _merged_labels(table: Table, top: int, last: int) -> tuple[list[str], list[str | None]]:
    """Each column's header text and field; of two header rows the lower one's word
    decides, else the upper one's ("Target" over "Volume" is the target)."""
    width = max(len(r) for r in table.rows)
    upper = table.rows[top] + [""] * (width - len(table.rows[top]))
    labels = [c.strip() for c in upper]
    roles = [header_word(c) for c in labels]
    if last == top:
        return labels, roles
    lower = table.rows[last] + [""] * (width - len(table.rows[last]))
    for i, cell in enumerate(lower):
        text = cell.strip()
        if not text or (last, i) in table.continued or text == labels[i]:
            continue
        word = header_word(text)
        if word is None and norm(text).strip("().") in ("rp", "rupiah"):
            word = "anggaran"
        if roles[i] == "target" and word == "satuan":
            word = TARGET_UNIT_KEY  # the target's unit; a Satuan column of its own is below
        labels[i] = f"{labels[i]} {text}" if labels[i] else text
        roles[i] = word or roles[i]
    if TARGET_UNIT_KEY in roles and "satuan" not in roles:
        roles[roles.index(TARGET_UNIT_KEY)] = "satuan"  # the only satuan of the table
    return labels, roles


def _contents_role(table: Table, column: int, body: int) -> str | None:
    """The field a column holds, by its cells: row numbers that go up, amounts, targets,
    satuan words, or indicators, sasaran or kegiatan by their first word. Program and
    total rows (one text, or "Jumlah ...") and merged cells are not looked at."""
    values = []
    for r in range(body, len(table.rows)):
        row = table.rows[r]
        if column >= len(row) or (r, column) in table.continued or not row[column].strip():
            continue
        filled = {c.strip() for c in row if c.strip()}
        if len(filled) == 1 or norm(row[0]).startswith(("jumlah", "total")):
            continue
        values.append(row[column].strip())
        if len(values) >= SAMPLE:
            break
    if not values:
        return None
    shapes = [_shape(v) for v in values]
    share = {s: shapes.count(s) / len(values) for s in set(shapes)}
    if share.get("number", 0) >= 0.8:
        numbers = [int(v.rstrip(".)")) for v in values if ROW_NUMBER.match(v)]
        rising = sum(1 for a, b in itertools.pairwise(numbers) if b > a)
        if len(numbers) == 1 or rising >= 0.7 * (len(numbers) - 1):
            return "no"
    share["target"] = share.get("target", 0) + share.get("number", 0)  # counts are targets
    wanted = {"money": 0.6, "target": 0.6, "satuan": 0.6, "indikator": 0.5, "sasaran": 0.5}
    wanted["kegiatan"] = 0.5
    passing = [s for s, least in wanted.items() if share.get(s, 0) >= least]
    if not passing:
        return None
    best = max(passing, key=lambda s: share[s])
    return "anggaran" if best == "money" else best


def _layout(
    table: Table,
    captions: list[str],
    program: tuple[int | None, str] | None,
    heading: str,
    previous: tuple[int, _Layout, int] | None,
) -> _Layout:
    """What the table is and how its columns are read, from its header's words and its
    cells; the captions above it only settle what its columns leave open."""
    width = max((len(r) for r in table.rows), default=0)
    found = _header_rows(table)
    if found is None:
        if previous is not None and previous[2] == width and previous[1].kind != "unknown":
            number, earlier, _ = previous  # a table going on over a page, without its header
            return _Layout(
                earlier.kind,
                0,
                [""] * width,
                list(earlier.roles),
                headed=False,
                continues=number,
            )
        layout = _Layout("unknown", 0, [""] * width, [None] * width)
    else:
        top, last = found
        body = last + 1
        if body < len(table.rows) and _column_numbers(table.rows[body]):
            body += 1
        labels, roles = _merged_labels(table, top, last)
        layout = _Layout("unknown", body, labels, roles, headed=True)
    missing = {"no", "indikator", "sasaran", "kegiatan", "target", "anggaran", "satuan"}
    missing -= set(layout.roles)
    if layout.headed:
        missing -= {"satuan"}  # a header names its satuan column when it has one
    for i in range(width):
        if layout.roles[i] is not None or (layout.headed and header_word(layout.labels[i])):
            continue
        if layout.headed and layout.labels[i] and norm(layout.labels[i]) not in _UNTITLED:
            continue  # a column the header names, with a field the format does not have
        role = _contents_role(table, i, layout.body)
        if role in missing:
            layout.roles[i] = role
            layout.by_contents.append(i)
            missing.discard(role)
    layout.kind = _kind(table, layout, captions, program, heading)
    return layout


# header words that name no field, only that the column describes something
_UNTITLED = frozenset({"uraian", "nama", "rincian", "deskripsi"})


def _kind(
    table: Table,
    layout: _Layout,
    captions: list[str],
    program: tuple[int | None, str] | None,
    heading: str,
) -> str:
    roles = set(layout.roles) - {None}
    if "indikator" not in roles:
        if layout.headed and "sasaran" in roles:
            return "sasaran"
        if not layout.headed and _sasaran_list(table, heading):
            return "sasaran"
        return "unknown"
    if not layout.headed and not roles & {"target", "anggaran", "satuan"}:
        return "unknown"  # text columns only: nothing shows which table it is
    if not roles & {"sasaran", "kegiatan"}:
        return "indikator"
    groups = _has_group_rows(table)
    if groups:
        # program rows inside the table: the APBN matrix has anggaran, the BAB II C
        # table (as a workbook writes it) has not
        return "apbn" if "anggaran" in roles else "program"
    if program is not None:
        return "program"
    if any("berdasarkan apbn" in norm(c) for c in captions):
        return "apbn"
    return "rkt"


def _sasaran_list(table: Table, heading: str) -> bool:
    """A numbered list of sasaran in a table (one or two pairs of columns a row): under a
    Sasaran heading, or worded as outcomes ("Terwujudnya ...")."""
    pairs = []
    for row in table.rows:
        cells = [c.strip() for c in row if c.strip()]
        for i in range(0, len(cells) - 1, 2):
            if cells[i].rstrip(".").isdigit():
                pairs.append(cells[i + 1])
    if not pairs:
        return False
    outcomes = sum(1 for text in pairs if _shape(text) == "sasaran")
    return "sasaran" in heading or outcomes >= 0.5 * len(pairs)


JOINED = "rows split by a page break were joined"


@dataclass
class _Dropped:
    """Values of one table column that the plan format has no place for."""

    reason: str  # "unknown": a column the format does not have; or the field it repeats
    header: str  # the column's header text ("" when it has none)
    number: int  # the column's place in the table, from 1
    values: int = 0


@dataclass
class _Kept:
    """A total kept in the plan, with the rows it totals as they were counted then."""

    place: dict[str, Any]
    key: str
    rows: Callable[[], int]
    count: int
    kind: str


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
    # the totals kept: where, under which key, and the rows they total (counted then)
    totals: list[_Kept] = field(default_factory=list)

    def keep_total(
        self, place: dict[str, Any], key: str, amount: str, rows: Callable[[], int], kind: str
    ) -> bool:
        """Keep a total printed under `rows`; False when the place has one already."""
        if key in place:
            return False
        place[key] = amount
        self.totals.append(_Kept(place, key, rows, rows(), kind))
        return True

    def check_totals(self, result: Imported) -> None:
        """A total whose rows went on in a later table totals only a part of them: it is
        taken out of the plan and reported."""
        for kept in self.totals:
            if kept.rows() != kept.count:
                del kept.place[kept.key]
                result.unplaced.append(msg("import.unplaced_totals", kind=kept.kind, count=1))
        self.totals = []

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


def _tables(
    blocks: list[Block],
    marks: dict[str, int],
    result: Imported,
    dialect: str,
    jenis: str | None = None,
) -> None:
    tabel: dict[str, Any] = {}
    state = _Tables(dialect=dialect)
    program_heading: tuple[int | None, str] | None = None
    captions: list[str] = []  # the short lines since the table before
    last_heading = ""
    start = marks.get("bab2", 0)
    numbers = {
        i: n for n, i in enumerate((i for i, b in enumerate(blocks) if isinstance(b, Table)), 1)
    }
    identity = {i for i, b in enumerate(blocks) if isinstance(b, Table) and _is_identity(b)}
    instansi = _get(result.data, "instansi")
    matrices = matrix.read_matrices(
        blocks,
        start,
        dialect,
        identity,
        numbers,
        jenis,
        "" if instansi in (None, "?") else str(instansi),
        str(result.data.get("tahun", "")),
    )
    previous: tuple[int, _Layout, int] | None = None  # the table right before, if adjacent
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Paragraph):
            previous = None
            program_heading = _program_heading(blocks, index) or program_heading
            if len(block.text) < 150 and not block.text.endswith("."):
                captions.append(block.text)
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
        if index in matrices.claimed:
            previous, captions, program_heading = None, [], None
            continue  # a hierarchical matrix, read by rktc.importer.matrix
        state.number = numbers[index]
        layout = _layout(block, captions, program_heading, last_heading, previous)
        _place_table(block, layout, program_heading, tabel, state, result)
        width = max((len(r) for r in block.rows), default=0)
        previous = (state.number, layout, width)
        captions, program_heading = [], None  # a heading is a caption of the next table only
    matrix.place(matrices, result, tabel)
    if tabel:
        result.data["tabel"] = tabel
    for path, row in _table_rows(tabel):
        if id(row) in state.joined:
            result.note(("tabel", *path, state.joined[id(row)]), JOINED)
        for key, texts in state.value_notes.get(id(row), {}).items():
            for text in texts:
                result.note(("tabel", *path, key), text)
    state.check_totals(result)
    if isinstance(tabel.get("jumlah"), dict) and not tabel["jumlah"]:
        del tabel["jumlah"]  # (its totals were taken out)
    state.report(result)


def _table_rows(tabel: dict[str, Any]) -> list[tuple[Path_, dict[str, Any]]]:
    """Every row of the published tables with its path under `tabel`, as the writer writes it."""
    found: list[tuple[Path_, dict[str, Any]]] = []
    for kind, entries in tabel.items():
        if kind in ("matriks", "jumlah"):
            continue  # the matrix's notes are placed by rktc.importer.matrix; totals have none
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
    if norm(text).startswith("program ") and "berdasarkan apbn" not in norm(text):
        if number is None and index > 0 and isinstance(blocks[index - 1], Paragraph):
            before = NUMBERED.match(blocks[index - 1].text)  # type: ignore[union-attr]
            if before and not before.group(2):
                number = int(before.group(1))
        return number, text
    return None


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
    layout: _Layout,
    program: tuple[int | None, str] | None,
    tabel: dict[str, Any],
    state: _Tables,
    result: Imported,
) -> None:
    kind = layout.kind
    if kind == "sasaran" and not layout.headed:
        tabel["sasaran"] = _sasaran_rows(table)
        return
    if kind == "unknown":
        found = ", ".join(dict.fromkeys(r for r in layout.roles if r)) or "-"
        preview = " | ".join(next((r for r in table.rows if any(c.strip() for c in r)), []))
        where = {"number": state.number, "found": found, "preview": preview[:120]}
        if layout.headed:
            result.unplaced.append(msg("import.table_no_kind", **where))
        else:
            result.unplaced.append(msg("import.table_unrecognised", **where))
        return
    if layout.continues is not None:
        result.report.append(
            msg("import.table_continued", kind=kind, number=state.number, previous=layout.continues)
        )
    elif layout.by_contents:
        columns = ", ".join(
            f"{layout.labels[i] or f'#{i + 1}'} = {layout.roles[i]}" for i in layout.by_contents
        )
        result.report.append(
            msg("import.table_by_contents", kind=kind, number=state.number, columns=columns)
        )
    before = _rows_of_kind(tabel, kind)  # the rows earlier tables gave this kind
    rows, groups, totals = _data_rows(table, layout, state, result)
    # the entry of each group (-1: the group an earlier table began and this one continues)
    entries: dict[int, dict[str, Any]] = {}
    fresh: set[int] = set()  # the groups whose rows are all this table's (and so totalled)
    if kind == "program" and program is None and not groups and tabel.get("program"):
        tabel["program"][-1]["baris"].extend(rows)  # the rest of the table before
        entries[-1] = tabel["program"][-1]
        _table_total_of_group(totals, -1, kind, result)  # the rest of one program's table
    elif kind == "program" and program is None:
        for g, (label, group_rows) in enumerate(groups):  # a sheet's program rows inside
            number, name = _group_label(label) or (None, label)
            entry: dict[str, Any] = {"program": name, "baris": group_rows}
            entries[g] = {"no": number, **entry} if number is not None else entry
            fresh.add(g)
            tabel.setdefault("program", []).append(entries[g])
    elif kind == "program":
        assert program is not None
        entry = {"program": program[1], "baris": rows}
        if program[0] is not None:
            entry = {"no": program[0], **entry}
        tabel.setdefault("program", []).append(entry)
        entries[0], fresh = entry, {0}
        _table_total_of_group(totals, 0, kind, result)  # one program's table: its total
    elif kind == "apbn":
        ungrouped = len(rows) - sum(len(group_rows) for _, group_rows in groups)
        if ungrouped and layout.continues is not None and tabel.get("apbn"):
            tabel["apbn"][-1]["baris"].extend(rows[:ungrouped])  # the group went on
            entries[-1] = tabel["apbn"][-1]
            ungrouped = 0
        if ungrouped:
            state.ungrouped[kind] = state.ungrouped.get(kind, 0) + ungrouped
        for g, (label, group_rows) in enumerate(groups):
            name = (_group_label(label) or (None, label))[1]
            existing = next((e for e in tabel.get("apbn", []) if e["program"] == name), None)
            if existing is not None:
                existing["baris"].extend(group_rows)
            else:
                existing = {"program": name, "baris": group_rows}
                tabel.setdefault("apbn", []).append(existing)
                fresh.add(g)
            entries[g] = existing
    else:
        tabel.setdefault(kind, []).extend(rows)
    for g, amount in totals.groups.items():
        target = entries.get(g)
        kept = (
            target is not None
            and (g in fresh or g == -1)  # a group's rows, not a part of them
            and state.keep_total(target, "jumlah", amount, _counter(target["baris"]), kind)
        )
        if not kept:
            result.unplaced.append(msg("import.unplaced_totals", kind=kind, count=1))
    if totals.table is not None:
        whole = kind in TOTALLED_TABLES and (not before or layout.continues is not None)
        place = tabel.setdefault("jumlah", {}) if whole else {}
        counted = functools.partial(_rows_of_kind, tabel, kind)
        if not whole or not state.keep_total(place, kind, totals.table, counted, kind):
            result.unplaced.append(msg("import.unplaced_totals", kind=kind, count=1))


def _table_total_of_group(totals: _Totals, group: int, kind: str, result: Imported) -> None:
    """A table that is one program's rows: its total is that program's."""
    if totals.table is None:
        return
    if group in totals.groups:  # two totals of the one program
        result.unplaced.append(msg("import.unplaced_totals", kind=kind, count=1))
    else:
        totals.groups[group] = totals.table
    totals.table = None


def _rows_of_kind(tabel: dict[str, Any], kind: str) -> int:
    """How many rows the published table `kind` has so far (its groups' rows too)."""
    entries = tabel.get(kind)
    if not isinstance(entries, list):
        return 0
    return sum(len(e["baris"]) if "baris" in e else 1 for e in entries if isinstance(e, dict))


def _counter(rows: list[Any]) -> Callable[[], int]:
    return rows.__len__


def _sasaran_rows(table: Table) -> list[dict[str, Any]]:
    """A numbered list of sasaran, possibly printed in two columns (1-3 left, 4-6 right)."""
    found: list[tuple[int, str]] = []
    for row in table.rows:
        cells = [c for c in row if c.strip()]
        for i in range(0, len(cells) - 1, 2):
            if cells[i].strip().rstrip(".").isdigit():
                found.append((int(cells[i].strip().rstrip(".")), cells[i + 1]))
    return [{"no": n, "sasaran": text} for n, text in sorted(found)]


@dataclass
class _Totals:
    """The total rows of one table as placed: the amount printed under each of its
    program groups (by the group's index), and under the whole table."""

    groups: dict[int, str] = field(default_factory=dict)
    table: str | None = None


@dataclass
class _Printed:
    """A total row as read: its label, amount (Indonesian spelling), the group open
    above it (its index), and whether rows of that group came since the total before."""

    label: str
    amount: str | None
    group: int | None
    after_rows: bool


def _data_rows(
    table: Table, layout: _Layout, state: _Tables, result: Imported
) -> tuple[list[dict[str, Any]], list[tuple[str, list[dict[str, Any]]]], _Totals]:
    kind, body, header, known = layout.kind, layout.body, layout.labels, layout.roles
    columns = list(known)
    first_of: dict[str, int] = {}  # field -> the column read for it (the first one)
    for i, key in enumerate(columns):
        if key is not None and first_of.setdefault(key, i) != i:
            columns[i] = None  # a second column for the same field: named, not read
    for i in range(1, len(columns)):
        if norm(header[i]) == TARGET_UNIT and known[i - 1] == "target":
            columns[i] = TARGET_UNIT_KEY  # rktc's workbook splits "13 kec" in two columns
    numbers = _table_numbers(table, body, known, state.dialect)
    if state.previous is not None and state.previous[0] == header:
        numbers.decision.continue_from(state.previous[1], state.previous[2])
    state.previous = (header, state.number, numbers.decision)
    rows: list[dict[str, Any]] = []
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    printed: list[_Printed] = []
    after_rows = False  # rows came since the last total or group heading
    above: dict[int, str] = {}  # the last text of each column, for merged cells
    unread = [i for i, key in enumerate(columns) if not key]  # (few: most tables have none)
    fields = [(i, key) for i, key in enumerate(columns) if key is not None]  # those read
    for r, cells in enumerate(table.rows[body:], start=body):
        stripped = [c.strip() for c in cells]
        filled = {c for c in stripped if c}
        if not filled or _repeats_header(cells, header):
            continue  # an empty row, or the header again (a page break in a text export)
        first = stripped[0]
        if len(filled) == 1 and _group_label(first) is not None:
            groups.append((first, []))
            after_rows = False
            continue
        if len(filled) <= 2:
            label = next(c for c in stripped if c)
            if norm(label).startswith(("jumlah", "total")):
                # a total or subtotal row: a label (anywhere) and an amount
                amount = _printed_amount(stripped, first_of.get("anggaran"), label, numbers)
                group = len(groups) - 1 if groups else None
                printed.append(_Printed(label, amount, group, after_rows))
                after_rows = False
                continue
        if unread or len(cells) > len(columns):
            _count_dropped(cells, r, header, known, (unread, first_of), table, kind, state)
        noted: dict[str, list[str]] = {}
        row = _row(stripped, fields, table, r, result, kind, above, (numbers, noted))
        if row is None:
            continue
        if noted:
            state.value_notes[id(row)] = noted
        if _continues(row, rows):
            _join(rows[-1], row)
            state.joined.setdefault(id(rows[-1]), min(row, key=_row_order))
            continue
        rows.append(row)
        after_rows = True
        if groups:
            groups[-1][1].append(row)
    for i, label in enumerate(header):
        if columns[i] is None and label.strip():  # named in the report even when empty
            _dropped_column(header, i, known[i], kind, state)
    totals, left = _place_totals(
        printed, [label for label, _ in groups], layout.continues is not None
    )
    if left:
        result.unplaced.append(msg("import.unplaced_totals", kind=kind, count=left))
    if kind != "sasaran":  # a list of sasaran has no numbers to read
        result.report += numbers.report(kind, state.number)
    return rows, groups, totals


def _printed_amount(
    cells: list[str], column: int | None, label: str, numbers: dialects.TableNumbers
) -> str | None:
    """The amount of a total row, in Indonesian spelling; None when it has none that reads
    as rupiah (in the anggaran column, or the one cell beside its label where the label
    is merged across that column), or the table has no anggaran column."""
    if column is None:
        return None  # a count or a target is no amount of money: the row is reported
    found = cells[column] if column < len(cells) else ""
    if not found or found == label:
        found = next((c for c in reversed(cells) if c and c != label), "")
    if not found:
        return None
    value, _ = numbers.read(found, True)
    try:
        parse_rupiah(value)
    except ValueProblem:
        return None
    return value


def _place_totals(
    printed: list[_Printed], groups: list[str], continues: bool
) -> tuple[_Totals, int]:
    """Which total rows total a program group and which the whole table, and how many
    could be neither (a second total of the same thing, or one without an amount).

    A total right under a group's rows is that group's, unless it is the table's last
    and says nothing of a program ("Jumlah", "TOTAL") where the groups' totals before it
    did not say so either: then it is the table's. A total right under another total is
    the table's. In a table that `continues` the one before, a total naming a program
    under the rows before its first group is the continued group's (-1)."""
    totals, left = _Totals(), 0
    plain_subtotals = any(
        t.group is not None and t.after_rows and not _names_program(t, groups) for t in printed[:-1]
    )
    for i, total in enumerate(printed):
        last = i == len(printed) - 1
        if total.group is None and total.after_rows and continues and _names_program(total, []):
            total.group = -1  # under the rows that continue a group of the table before
        subtotal = total.group is not None and total.after_rows
        if subtotal and last and not _names_program(total, groups):
            subtotal = plain_subtotals
        if total.amount is None:
            left += 1
        elif subtotal and total.group is not None and total.group not in totals.groups:
            totals.groups[total.group] = total.amount
        elif not subtotal and last and totals.table is None:
            totals.table = total.amount
        else:
            left += 1
    return totals, left


def _names_program(total: _Printed, groups: list[str]) -> bool:
    """Whether a total row's label names a program ("Jumlah Program ...", its name)."""
    label = norm(total.label)
    if "program" in label:
        return True
    if total.group is None:
        return False
    if total.group < 0:
        return False
    name = norm((_group_label(groups[total.group]) or (None, groups[total.group]))[1])
    return bool(name) and name in label


def _repeats_header(cells: list[str], header: list[str]) -> bool:
    """A header row again: one that shares a cell with the table's header (cheap to
    compare; most rows share none) and is a header row."""
    shared = any(c == h and h for c, h in zip(cells, header, strict=False))
    return (shared or not any(header)) and _is_header(cells)


def _table_numbers(
    table: Table, body: int, known: list[str | None], chosen: str
) -> dialects.TableNumbers:
    """The dialect of a table, from every target and anggaran cell below its header
    (second columns for a field and total rows too: they were printed by the same hand)."""
    numeric = [(i, key == "anggaran") for i, key in enumerate(known) if key in NUMERIC]
    skipped = table.continued | table.typed  # number cells are spelled by rktc, not the table
    cells = [
        (row[i], money)
        for r, row in enumerate(table.rows[body:], start=body)
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
    columns: tuple[list[int], dict[str, int]],
    table: Table,
    kind: str,
    state: _Tables,
) -> None:
    """Count the values of this row in columns that are not read: unknown ones, a second
    column for a field (when its value differs from the first's), cells beyond the header.
    `columns`: the columns not read, and the column read for each field."""
    unread, first_of = columns
    for i in [*unread, *range(len(known), len(cells))]:
        if i >= len(cells):
            break
        value = cells[i].strip()
        if not value or (r, i) in table.continued:
            continue
        repeats = known[i] if i < len(known) else None
        if repeats is not None and cells[first_of[repeats]].strip() == value:
            continue  # a cell spanning both columns: nothing is lost
        _dropped_column(header, i, repeats, kind, state).values += 1


def _row(
    cells: list[str],
    fields: list[tuple[int, str]],
    table: Table,
    r: int,
    result: Imported,
    kind: str,
    above: dict[int, str],
    numbers: tuple[dialects.TableNumbers, dict[str, list[str]]],
) -> dict[str, Any] | None:
    """One row's fields from its `cells` (stripped), by the columns read for them
    (`fields`, in column order); its numbers in Indonesian spelling, with what reading
    them noted (by field) in `numbers[1]`."""
    row: dict[str, Any] = {}
    continued, typed = table.continued, table.typed  # (empty in most tables)
    for i, key in fields:
        if i >= len(cells):
            break
        value = cells[i]
        if continued:  # `above`: the last text of each column, for the cells merged down
            if (r, i) in continued:
                if key == "anggaran":
                    continue  # a merged amount belongs to the first row only
                value = value or above.get(i, "")
            elif value:
                above[i] = value
        if not value:
            continue
        if key not in _READ_APART:
            row[key] = value
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
        if key in NUMERIC and not (typed and (r, i) in typed):  # a number cell is spelled
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
