"""Hierarchical matrices: a Pemda RKT or Renja matrix, a K/L RO table -> `tabel.matriks` rows.

A table is a hierarchical matrix by what it holds: a Kode column of dotted codes (or codes
at the start of its Uraian cells), an Uraian column whose header names the levels
("Program/ Kegiatan/ Sub Kegiatan", "Rincian Output") or one column per level (Program |
Kegiatan | Sub Kegiatan), and the columns of its rows: indicators, satuan and targets,
money (pagu or anggaran), volume, the Renja columns (lokasi, sumber dana, kelompok sasaran
...). A code of a Pemda's or a K/L's shape, a level only they have (sub kegiatan, KRO, RO,
urusan), a second level column or a Renja column tells it from a KPU office's tables, which
`recognize` reads as before.

Each row becomes a `tabel.matriks` row: its code as written, its level (`tingkat`) from the
code's shape, the level column it stands in, a "Program ..." or "Kegiatan ..." label, or
the bold and indented rows above and below it; its indicators, one per line of the cell
(with the satuan and target on the same lines, or the whole cells kept when their lines do
not pair up, and reported); a total row ("Jumlah", "TOTAL", "Jumlah Program ...") as a
`jumlah: ya` row with its amount; every column the format does not model in `kolom`, under
its header as printed. Numbers of the target and money columns are read in the table's
dialect, as `recognize` reads a KPU table's. A table that goes on over a page (its header
repeated, or none) is one matrix; the other matrices of the document (a summary of the
programs' pagu, the Renja lampiran, a K/L table of sasaran program, the RO tables of each
KRO) are merged into the largest one row by row, by code or else by level and name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rktc.core.messages import Message, define_messages, msg
from rktc.importer import dialect as dialects
from rktc.importer.blocks import Block, Paragraph, Table
from rktc.importer.frontmatter import norm
from rktc.plan.schema2 import LEVELS
from rktc.plan.values import ValueProblem, parse_number, parse_rupiah

if TYPE_CHECKING:
    from rktc.importer.recognize import Imported

define_messages(
    "rktc.importer.matrix",
    {
        "import.matrix_found": (
            ("matriks berjenjang (tabel ke-{number}): {rows} baris, {levels}; kolom: {columns}"),
            ("hierarchical matrix (table {number}): {rows} rows, {levels}; columns: {columns}"),
        ),
        "import.matrix_continued": (
            "matriks (tabel ke-{number}) dibaca sebagai lanjutan tabel ke-{previous}",
            "matrix (table {number}) read as the rest of table {previous}",
        ),
        "import.matrix_merged": (
            (
                "matriks (tabel ke-{number}) digabung ke matriks tabel ke-{main} menurut kode "
                "atau nama: {matched} baris cocok, {added} baris ditambahkan"
            ),
            (
                "matrix (table {number}) merged into the matrix of table {main} by code or "
                "name: {matched} rows matched, {added} rows added"
            ),
        ),
        "import.matrix_conflict": (
            (
                "matriks: {field} baris '{row}' berbeda: {value} (tabel ke-{main}) dan "
                "{other} (tabel ke-{number}); yang kedua disimpan di kolom '{column}'"
            ),
            (
                "matrix: the {field} of the row '{row}' differs: {value} (table {main}) and "
                "{other} (table {number}); the second is kept in the column '{column}'"
            ),
        ),
        "import.matrix_numbers_dropped": (
            (
                "matriks (tabel ke-{number}): {count} nomor baris tabel itu sendiri tidak "
                "disalin (barisnya digabung ke matriks tabel ke-{main}, yang bernomor sendiri)"
            ),
            (
                "matrix (table {number}): {count} row numbers of its own were not kept (its "
                "rows were merged into the matrix of table {main}, which numbers its rows)"
            ),
        ),
        "import.matrix_lines_differ": (
            (
                "matriks: baris '{row}' memuat {indicators} indikator dalam satu sel, tetapi "
                "{column} punya {lines} baris; sel-selnya disalin utuh, tidak dipasangkan: "
                "periksa"
            ),
            (
                "matrix: the row '{row}' holds {indicators} indicators in one cell, but its "
                "{column} has {lines} lines; the cells were kept whole, not paired: check them"
            ),
        ),
        "import.matrix_level_unknown": (
            (
                "matriks: tingkat {count} baris tidak terbaca dari kode, kolom, label, huruf "
                "tebal atau inden (mis. '{row}'); ditulis tanpa `tingkat`: isi bila perlu"
            ),
            (
                "matrix: the level of {count} rows could not be told by code, column, label, "
                "bold or indent (e.g. '{row}'); written without `tingkat`: add it if needed"
            ),
        ),
        "import.matrix_unreadable": (
            (
                "matriks: {field} '{value}' baris '{row}' tidak terbaca; disimpan di kolom "
                "'{column}'"
            ),
            (
                "matrix: the {field} '{value}' of the row '{row}' cannot be read; kept in the "
                "column '{column}'"
            ),
        ),
        "import.jenis_detected": (
            "jenis instansi: {jenis} ({reason}); ubah dengan --jenis",
            "kind of office: {jenis} ({reason}); set it with --jenis",
        ),
        "import.bad_jenis": (
            "jenis instansi '{value}' tidak dikenal; pilih salah satu: {choices}",
            "unknown kind of office '{value}'; choose one of: {choices}",
        ),
        "import.single_table_left": (
            (
                "bentuk satu sumber: tabel {kind} ({rows} baris) tidak digabung ke hierarki "
                "matriks; lihat bentuk terbitnya"
            ),
            (
                "single-source form: the {kind} table ({rows} rows) is not merged into the "
                "matrix's hierarchy; see the published form"
            ),
        ),
        "import.jenis_chosen": (
            "jenis instansi: {jenis} (dipilih dengan --jenis)",
            "kind of office: {jenis} (set with --jenis)",
        ),
    },
)

Path_ = tuple[str | int, ...]

MONEY = ("pagu", "anggaran", "pagu_maju")
RENJA = (
    "lokasi",
    "sumber_dana",
    "kelompok_sasaran",
    "prioritas",
    "waktu_pelaksanaan",
    "penanggung_jawab",
)
# the fields of a matrix row, in the order they are written
ROW_FIELDS = (
    "no",
    "kode",
    "tingkat",
    "uraian",
    "indikator",
    "satuan",
    "target",
    "volume",
    "pagu",
    "anggaran",
    *RENJA,
    "pagu_maju",
    "jumlah",
    "kolom",
)
# fields that name the node a row is (its identity, for merged cells and continuation rows)
NODE_FIELDS = frozenset({"no", "kode", "uraian", "tingkat"})
INDICATOR_FIELDS = ("indikator", "satuan", "target")
TARGET_UNIT = "target_unit"  # "Satuan Target": joined to the target ("14" and "Dokumen")
ALL_LEVELS = ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan", "kro", "ro")

# --- codes ----------------------------------------------------------------------------------

# Pemda: urusan 1 (or X), bidang urusan 1.02, program 1.02.02, kegiatan 1.02.02.2.01, sub
# kegiatan 1.02.02.2.01.0001 (spaced, or with 02 for the kegiatan digit, as written)
PEMDA_CODE = re.compile(r"^(?:\d{1,2}|X)(?:(?:\.|\s+)(?:\d{1,4}|XX?))+$", re.IGNORECASE)
# K/L: program 054.01.GG, kegiatan 2886, KRO 2886.EBA, RO 2886.EBA.994
KL_PROGRAM = re.compile(r"^\d{3}\.\d{2}\.[A-Z]{2}$")
KL_KEGIATAN = re.compile(r"^\d{4}$")
KL_KRO = re.compile(r"^\d{4}\.[A-Z]{3}$")
KL_RO = re.compile(r"^\d{4}\.[A-Z]{3}\.\d{3}$")
# a code at the start of a cell's text ("1.02.02 PROGRAM ...", "2897.BMA Data ...")
CODE_IN_TEXT = re.compile(
    r"^((?:\d{1,4}|[A-Z]{2,3}|XX?)(?:\.(?:\d{1,4}|[A-Z]{2,3}|XX?))+)\s+(\S.*)$"
)
_CODE_PARTS = re.compile(r"[.\s]+")


def is_code(text: str) -> bool:
    """A code of a Pemda's or a K/L's shape (a lone number is not)."""
    text = text.strip()
    if not text or len(text) > 40:
        return False
    if KL_PROGRAM.match(text) or KL_KRO.match(text) or KL_RO.match(text):
        return True
    return bool(PEMDA_CODE.match(text)) and bool(_CODE_PARTS.search(text))


def code_kind(kode: str) -> str | None:
    """pemda or kl when a code's shape says so."""
    text = kode.strip()
    if KL_PROGRAM.match(text) or KL_KRO.match(text) or KL_RO.match(text):
        return "kl"
    if PEMDA_CODE.match(text) and len(_CODE_PARTS.split(text)) >= 3:
        return "pemda"
    return None


def _code_key(kode: str) -> str:
    """A code compared for merging: its parts, spacing and leading zeros aside."""
    return ".".join(
        str(int(part)) if part.isdigit() else part.casefold()
        for part in _CODE_PARTS.split(kode.strip())
        if part
    )


# --- what a header cell names ---------------------------------------------------------------

_PUNCT = re.compile(r"[().:;,]")
_SLASHES = re.compile(r"\s*/\s*")
LEVEL_WORDS = {
    "urusan": "urusan",
    "bidang urusan": "bidang_urusan",
    "program": "program",
    "nama program": "program",
    "kegiatan": "kegiatan",
    "nama kegiatan": "kegiatan",
    "sub kegiatan": "sub_kegiatan",
    "subkegiatan": "sub_kegiatan",
    "nama sub kegiatan": "sub_kegiatan",
    "kro": "kro",
    "klasifikasi rincian output": "kro",
    "ro": "ro",
    "rincian output": "ro",
}
_KOLOM_TERMS = (
    "realisasi",
    "n-1",
    "n-2",
    "n - 1",
    "n - 2",
    "tahun lalu",
    "akhir periode",
    "kondisi awal",
    "kondisi akhir",
    "baseline",
    "prakiraan capaian",
    "capaian tahun",
)
_MONEY_WORDS = frozenset({"pagu", "anggaran", "dana", "biaya", "alokasi", "rp", "rupiah"})


def column_field(label: str) -> str | None:
    """The field a header names: a modelled field, `level:<level>` for a column of one
    level's names, or None (a column the format does not model: kept in `kolom`)."""
    if not label.strip() or len(label) > 90:
        return None
    text = _SLASHES.sub("/", norm(label))
    bare = " ".join(_PUNCT.sub(" ", text).split())
    words = set(bare.replace("/", " ").split())
    if "prakiraan maju" in bare or "n+1" in text or "n + 1" in text:
        return "pagu_maju" if words & _MONEY_WORDS else None
    if any(term in text for term in _KOLOM_TERMS):
        return None
    first = bare.split(" ", 1)[0] if bare else ""
    if first in ("kode", "kd"):
        return "kode"
    if bare in ("no", "nomor", "no urut"):
        return "no"
    if bare in ("tingkat", "level"):
        return "tingkat"
    for words_, name in (
        ("sumber dana", "sumber_dana"),
        ("kelompok sasaran", "kelompok_sasaran"),
        ("waktu pelaksanaan", "waktu_pelaksanaan"),
        ("penanggung jawab", "penanggung_jawab"),
    ):
        if words_ in bare:
            return name
    if first == "lokasi":
        return "lokasi"
    if first == "prioritas":
        return "prioritas"
    if bare in ("unit pelaksana", "pelaksana", "pj", "opd pelaksana", "perangkat daerah"):
        return "penanggung_jawab"
    if first == "indikator" or bare.startswith("tolok ukur"):
        return "indikator"
    if bare == "satuan target":
        return TARGET_UNIT  # the target's unit in a column of its own (rktc's workbook)
    if first in ("satuan", "sat"):
        return "satuan"
    if first in ("volume", "vol"):
        return "volume"
    if "pagu" in words:
        return "pagu"
    if words & _MONEY_WORDS:
        return "anggaran"
    if first == "target" or bare.startswith(("rencana capaian", "capaian kinerja")):
        return "target"
    if bare in ("kinerja", "target kinerja"):
        return "target"
    level = LEVEL_WORDS.get(bare)
    if level is not None:
        return f"level:{level}"
    parts = [" ".join(_PUNCT.sub(" ", p).split()) for p in text.split("/")]
    if len(parts) >= 2 and sum(1 for p in parts if p in LEVEL_WORDS) >= 2:
        return "uraian"
    if bare in ("uraian", "nomenklatur", "rincian", "uraian kegiatan", "program dan kegiatan"):
        return "uraian"
    if bare.startswith("program") and ("kegiatan" in bare or "kro" in bare):
        return "uraian"  # "Program, Kegiatan dan Sub Kegiatan"
    return None


def header_levels(label: str) -> tuple[str, ...]:
    """The levels an Uraian header names ("Program/ Kegiatan/ KRO/ RO")."""
    text = _SLASHES.sub("/", norm(label))
    found = []
    for part in re.split(r"/|,| dan ", text):
        level = LEVEL_WORDS.get(" ".join(_PUNCT.sub(" ", part).split()))
        if level is not None and level not in found:
            found.append(level)
    return tuple(found)


# --- reading a table --------------------------------------------------------------------------

TOTAL = re.compile(
    r"^(?:jumlah|total|sub\s*total|grand\s*total)\b", re.IGNORECASE
)  # "Jumlah", "TOTAL", "Jumlah Program ...", "Sub Total"
ROW_NUMBER = re.compile(r"^\d{1,4}[.)]?$")
_VALUE = re.compile(r"^[\d.,%\s()+-]+$")


@dataclass
class Column:
    index: int
    header: str  # as printed: the header rows' texts ("Upper: Lower")
    field: str | None  # a modelled field; None: kept in `kolom`
    level: str | None = None  # the level of a level column, or of its group of columns


@dataclass
class Layout:
    """How a matrix table is read."""

    body: int  # the first data row
    columns: list[Column]
    width: int
    header: tuple[str, ...] = ()
    headed: bool = True
    level_columns: list[int] = field(default_factory=list)  # one column per level
    uraian_levels: tuple[str, ...] = ()  # the levels an Uraian header names


@dataclass
class Row:
    """One matrix row being read: its fields (text), its indicators' lines, where it was."""

    values: dict[str, Any] = field(default_factory=dict)
    kolom: dict[str, str] = field(default_factory=dict)
    indikator: list[str] = field(default_factory=list)
    satuan: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    whole: bool = False  # indicator cells kept whole (their lines did not pair up)
    level: str | None = None  # as the document shows it
    hint: str | None = None  # the level of the column or header it was read from
    bold: bool = False
    indent: int = 0
    group: bool = False  # a row of one text spanning the table (a merged group row)
    total: bool = False
    table: int = 0  # the number of the table it was read from
    notes: dict[tuple[str | int, ...], list[str]] = field(default_factory=dict)
    own_no: str | None = None  # the row number of a merged table (not kept)

    @property
    def label(self) -> str:
        kode = self.values.get("kode")
        uraian = self.values.get("uraian") or (self.indikator[0] if self.indikator else "")
        return f"{kode} {uraian}".strip() if kode else str(uraian)


@dataclass
class Part:
    """A matrix table (or the rest of one over a page), read."""

    number: int
    layout: Layout
    rows: list[Row]
    numbers: dialects.TableNumbers
    continues: int | None = None


@dataclass
class Matrices:
    """The matrices of a document, read and merged."""

    claimed: set[int] = field(default_factory=set)  # block indexes read as matrices
    parts: list[Part] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)  # the merged matrix
    jenis: str | None = None
    reason: str = ""
    said: Message | None = None  # the kind of office chosen, and why
    goals: list[GoalTable] = field(default_factory=list)  # tujuan and sasaran tables
    report: list[Message] = field(default_factory=list)
    unplaced: list[Message] = field(default_factory=list)


def _header_rows(table: Table) -> tuple[int, int] | None:
    """The first and last header row of a matrix: the first of its first four rows that
    names a structural column (kode, uraian or a level) and one more field; and the row
    under it when that names the parts of its merged cells."""
    for r, row in enumerate(table.rows[:4]):
        fields = [column_field(c) for c in row]
        named = {f for f in fields if f}
        structural = any(f in ("kode", "uraian") or f.startswith("level:") for f in named)
        if not structural or len(named) < 2:
            continue
        if any(is_code(c) or _money_like(c) for c in row if c.strip()):
            continue  # a data row whose texts happen to be field words
        below = r + 1
        if below < len(table.rows) and _sub_header(table, r, below):
            return r, below
        return r, r
    return None


def _money_like(text: str) -> bool:
    return bool(re.fullmatch(r"(?:rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|\d{6,}", text))


def _sub_header(table: Table, top: int, below: int) -> bool:
    header, row = table.rows[top], table.rows[below]
    spanned = any(header[i].strip() and header[i] == header[i + 1] for i in range(len(header) - 1))
    merged = any((below, i) in table.continued for i in range(len(row)))
    under_empty = any(
        c.strip() and i < len(header) and not header[i].strip() for i, c in enumerate(row)
    )
    if not (spanned or merged or under_empty) or _column_numbers(row):
        return False
    labels = [
        c.strip() for i, c in enumerate(row) if c.strip() and (below, i) not in table.continued
    ]
    return bool(labels) and all(_labelish(c) for c in labels)


def _labelish(text: str) -> bool:
    return (
        len(text) <= 50
        and len(text.split()) <= 6
        and not is_code(text)
        and not _money_like(text)
        and not ROW_NUMBER.match(text)
    )


def _column_numbers(row: list[str]) -> bool:
    filled = [c.strip().strip("()") for c in row if c.strip()]
    return len(filled) >= 3 and filled == [str(i) for i in range(1, len(filled) + 1)]


def layout_of(table: Table) -> Layout | None:
    """How a table is read as a hierarchical matrix, or None when it is none."""
    found = _header_rows(table)
    if found is None:
        return None
    top, last = found
    width = max(len(r) for r in table.rows)
    upper = [*table.rows[top], *[""] * (width - len(table.rows[top]))]
    lower = [*table.rows[last], *[""] * (width - len(table.rows[last]))]
    columns: list[Column] = []
    for i in range(width):
        up = upper[i].strip()
        down = lower[i].strip() if last != top and (last, i) not in table.continued else ""
        if down and down != up:
            header = f"{up}: {down}" if up else down
            field_ = _two_row_field(up, down) if up else column_field(down)
        else:
            header, field_ = up, column_field(up)
        columns.append(Column(i, header, field_))
    body = last + 1
    if body < len(table.rows) and _column_numbers(table.rows[body]):
        body += 1
    layout = Layout(body, columns, width)
    _assign_groups(layout)
    _spanned_headers(columns)
    layout.header = tuple(c.header for c in columns)
    if not _is_matrix(table, layout):
        return None
    return layout


def _two_row_field(upper: str, lower: str) -> str | None:
    """The field of a column under a merged header cell: what both say together
    ("Target" over "Rp": the anggaran), else what the lower one says, unless the upper
    one names another year's or a kept column ("Prakiraan Maju n+1" over "Target",
    "Realisasi" over "Kinerja")."""
    found = column_field(f"{upper} {lower}")
    if found is not None:
        return found
    text = norm(upper)
    if any(term in text for term in (*_KOLOM_TERMS, "prakiraan maju", "n+1", "n + 1")):
        return None
    return column_field(lower)


def _spanned_headers(columns: list[Column]) -> None:
    """A field named by two columns is read from the first (a header cell spanning the
    Kode's parts stays kode); the other is kept in `kolom`, under a header of its own
    ("Keterangan (2)" for a header printed twice)."""
    seen: set[tuple[str, str | None]] = set()
    for column in columns:
        name = column.field
        if name is None or name == "kode" or name.startswith("level:"):
            continue
        if (name, column.level) in seen:  # (a level's group of columns has its own)
            column.field = None
        else:
            seen.add((name, column.level))
    counts: dict[str, int] = {}
    for column in columns:
        if column.field is not None:
            continue
        name = column.header or f"#{column.index + 1}"
        counts[name] = counts.get(name, 0) + 1
        column.header = name if counts[name] == 1 else f"{name} ({counts[name]})"


def _assign_groups(layout: Layout) -> None:
    """One column per level: each level column and the columns after it, up to the next
    one, belong to that level (its indicators, targets, pagu); the columns before the
    first belong to the highest row of a line."""
    levels = [c for c in layout.columns if c.field and c.field.startswith("level:")]
    uraian = [c for c in layout.columns if c.field == "uraian"]
    if len(levels) >= 2 and not uraian:
        layout.level_columns = [c.index for c in levels]
        current: str | None = None
        for column in layout.columns:
            if column.field and column.field.startswith("level:"):
                current = column.field.split(":", 1)[1]
                column.level = current
            else:
                column.level = current
            if current is None and column.field not in ("no", None):
                column.field = None  # "Indikator Sasaran" before the levels: kept as printed
        return
    if len(levels) == 1 and not uraian:
        only = levels[0]  # "Rincian Output", "Program": the names of one level
        layout.uraian_levels = (only.field.split(":", 1)[1],)  # type: ignore[union-attr]
        only.field = "uraian"
    elif len(levels) >= 1:
        for column in levels:
            column.field = None  # beside an Uraian column: a column of its own
    if uraian:
        layout.uraian_levels = header_levels(uraian[0].header)
        for extra in uraian[1:]:
            extra.field = None


def _is_matrix(table: Table, layout: Layout) -> bool:
    """A matrix of a Pemda's or a K/L's shape: it has its names (an Uraian or level
    columns) and shows its hierarchy by codes, a level only they have, level columns or
    the Renja columns."""
    fields = {c.field for c in layout.columns if c.field}
    if not layout.level_columns and "uraian" not in fields:
        return False
    if layout.level_columns:
        return True
    levels = set(layout.uraian_levels)
    if levels & {"urusan", "bidang_urusan", "sub_kegiatan", "kro", "ro"} or levels == {"program"}:
        return True
    if fields & {"lokasi", "sumber_dana", "kelompok_sasaran", "pagu_maju"}:
        return True
    return _coded(table, layout)


def _coded(table: Table, layout: Layout) -> bool:
    """Whether the rows carry codes: in the Kode column, or at the start of the Uraian."""
    kode = [c.index for c in layout.columns if c.field == "kode"]
    uraian = next((c.index for c in layout.columns if c.field == "uraian"), None)
    seen = codes = 0
    for row in table.rows[layout.body : layout.body + 200]:
        if kode:
            text = ".".join(row[i].strip() for i in kode if i < len(row) and row[i].strip())
            if text:
                seen += 1
                codes += is_code(text) or bool(KL_KEGIATAN.match(text))
        elif uraian is not None and uraian < len(row) and row[uraian].strip():
            seen += 1
            codes += CODE_IN_TEXT.match(row[uraian].strip()) is not None
    return seen > 0 and codes >= 0.5 * seen


def headerless_layout(table: Table, previous: Layout) -> Layout | None:
    """A table without a header right after a matrix as wide: the rest of it."""
    width = max((len(r) for r in table.rows), default=0)
    if width != previous.width or _header_rows(table) is not None:
        return None
    return Layout(
        0,
        previous.columns,
        width,
        previous.header,
        headed=False,
        level_columns=previous.level_columns,
        uraian_levels=previous.uraian_levels,
    )


# --- rows ---------------------------------------------------------------------------------------


class _Reader:
    """Reads the rows of one matrix table."""

    def __init__(self, table: Table, layout: Layout, number: int, chosen: str) -> None:
        self.table, self.layout, self.number = table, layout, number
        self.rows: list[Row] = []
        self.numbers = dialects.TableNumbers(self._decide(chosen))
        self.by_field: dict[str, list[Column]] = {}
        for column in layout.columns:
            self.by_field.setdefault(column.field or "", []).append(column)
        self.open: dict[str, Row] = {}  # level -> the open row of that level (level columns)
        # what could not be read as printed: (kind, field, value, column, row)
        self.problems: list[tuple[str, str, str, str, Row]] = []

    def _decide(self, chosen: str) -> dialects.Decision:
        numeric = [
            (c.index, c.field in MONEY)
            for c in self.layout.columns
            if c.field in ("target", "volume", *MONEY)
        ]
        table = self.table
        skipped = table.continued | table.typed
        cells = []
        for r in range(self.layout.body, len(table.rows)):
            row = table.rows[r]
            for i, money in numeric:
                if i < len(row) and row[i].strip() and (r, i) not in skipped:
                    for line in table.lines.get((r, i), (row[i],)):
                        cells.append((line, money))
        return dialects.decide(cells, chosen)

    def read(self) -> list[Row]:
        table, layout = self.table, self.layout
        header = list(layout.header)
        for r in range(layout.body, len(table.rows)):
            cells = [*table.rows[r], *[""] * (layout.width - len(table.rows[r]))]
            if not any(c.strip() for c in cells):
                continue
            if layout.headed and r > layout.body and _repeats(cells, header, table, r):
                continue  # the header again: the table goes on over a page
            if _column_numbers(cells):
                continue
            if layout.level_columns:
                self._level_columns(r, cells)
            else:
                self._row(r, cells)
        return self.rows

    # a row of a matrix with one Uraian column

    def _row(self, r: int, cells: list[str]) -> None:
        table = self.table
        filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
        first_i, first = filled[0]
        uraian_i = next((c.index for c in self.by_field.get("uraian", [])), None)
        name_end = max(
            (c.index for c in self.layout.columns if c.field in ("no", "kode", "uraian")),
            default=0,
        )
        if TOTAL.match(first) and self._total_row(r, cells, first_i, name_end):
            self.rows.append(self._total(r, cells, first))
            return
        distinct = {text for _, text in filled}
        if len(distinct) == 1 and (first_i <= name_end or len(filled) > 1):
            self.rows.append(self._group(r, first, first_i))
            return
        continued = self._continues_node(r, cells)
        if continued and self.rows and not self.rows[-1].total:
            self._more_indicators(self.rows[-1], r, cells)
            return
        row = Row(table=self.number)
        row.hint = self.layout.uraian_levels[0] if len(self.layout.uraian_levels) == 1 else None
        self._fill(row, r, cells, self.layout.columns)
        if uraian_i is not None:
            row.bold = (r, uraian_i) in table.bold
            row.indent = table.indent.get((r, uraian_i), 0)
        if self._broken(row):
            self._join(self.rows[-1], row)
            return
        self.rows.append(row)

    def _total_row(self, r: int, cells: list[str], label: int, name_end: int) -> bool:
        """A row whose first text says "Jumlah" or "Total" is a total row when it has no
        code and the label stands in the name columns, or else only numbers follow it (a
        "Jumlah" in the indicator column is no indicator)."""
        if self._coded_row(r, cells):
            return False
        if label <= name_end:
            return True
        numeric = {c.index for c in self.layout.columns if c.field in (*MONEY, "volume")}
        return all(
            i in numeric or text.strip() == cells[label].strip()
            for i, text in enumerate(cells)
            if text.strip() and i != label
        )

    def _coded_row(self, r: int, cells: list[str]) -> bool:
        return any(
            is_code(cells[c.index]) for c in self.by_field.get("kode", []) if c.index < len(cells)
        )

    def _continues_node(self, r: int, cells: list[str]) -> bool:
        """A row that names no node of its own (its kode and uraian are empty or merged
        from the row above) but has an indicator: another indicator of that row."""
        names = [c for c in self.layout.columns if c.field in ("kode", "uraian")]
        if not names:
            return False
        for column in names:
            i = column.index
            if cells[i].strip() and (r, i) not in self.table.continued:
                return False
        return any(
            cells[c.index].strip() and (r, c.index) not in self.table.continued
            for c in self.by_field.get("indikator", [])
        )

    def _broken(self, row: Row) -> bool:
        """A row broken over a page: only a name going on in lower case."""
        if not self.rows or self.rows[-1].total or self.rows[-1].group:
            return False
        uraian = row.values.get("uraian", "")
        others = {k for k in row.values if k != "uraian"}
        return bool(uraian[:1].islower()) and not others and not row.indikator and not row.kolom

    def _join(self, above: Row, row: Row) -> None:
        above.values["uraian"] = f"{above.values.get('uraian', '')} {row.values['uraian']}".strip()
        above.notes.setdefault(("uraian",), []).append("rows split by a page break were joined")

    def _total(self, r: int, cells: list[str], label: str) -> Row:
        row = Row(table=self.number, total=True)
        row.values["uraian"] = label
        row.values["jumlah"] = "ya"
        rest = [
            c
            for c in self.layout.columns
            if cells[c.index].strip()
            and cells[c.index].strip() != label
            and (r, c.index) not in self.table.continued
        ]
        self._fill(row, r, cells, rest, total=True)
        return row

    def _group(self, r: int, text: str, column: int) -> Row:
        row = Row(table=self.number, group=True)
        found = CODE_IN_TEXT.match(text)
        if found is not None and is_code(found.group(1)):
            row.values["kode"], row.values["uraian"] = found.group(1), found.group(2)
        elif is_code(text):
            row.values["kode"] = text
        else:
            row.values["uraian"] = text
        row.bold = (r, column) in self.table.bold
        row.indent = self.table.indent.get((r, column), 0)
        return row

    def _fill(
        self, row: Row, r: int, cells: list[str], columns: list[Column], total: bool = False
    ) -> None:
        """A row's cells into its fields; the rest under their headers in `kolom`."""
        table = self.table
        kode_parts: list[str] = []
        units: list[str] = []
        for column in columns:
            i = column.index
            text = cells[i].strip()
            if not text:
                continue
            continued = (r, i) in table.continued
            name = column.field
            if continued and (name in MONEY or name in ("volume", "no") or name is None):
                continue  # a merged amount or note belongs to the first row only
            lines = table.lines.get((r, i), (text,))
            if name is None or name.startswith("level:"):
                row.kolom[column.header or f"#{i + 1}"] = "\n".join(lines)
            elif name == "kode":
                kode_parts.append(text)
            elif name == TARGET_UNIT:
                units.extend(lines)
            elif name == "uraian":
                self._uraian(row, text)
            elif name in INDICATOR_FIELDS:
                getattr(row, name).extend(
                    self._number(line, column, r, row, (name,)) if name == "target" else line
                    for line in lines
                )
            elif name == "no":
                digits = text.rstrip(".)")
                if digits.isdigit():
                    row.values["no"] = digits
                else:
                    row.kolom[column.header or "No"] = text
            else:
                value = " ".join(lines)
                if name in MONEY or name == "volume":
                    value = self._number(value, column, r, row, (name,))
                    if not self._readable(name, value):
                        header = column.header or f"#{i + 1}"
                        self.problems.append(("unreadable", name, text, header, row))
                        row.kolom[header] = text
                        row.notes.pop((name,), None)
                        continue
                row.values[name] = value
        if kode_parts:
            row.values["kode"] = ".".join(kode_parts)
        if units and len(units) == len(row.target):
            row.target = [f"{value} {unit}" for value, unit in zip(row.target, units, strict=True)]
        elif units:
            row.kolom[next(c.header for c in columns if c.field == TARGET_UNIT)] = "\n".join(units)
        if total:
            return
        self._pair_indicators(row)

    def _uraian(self, row: Row, text: str) -> None:
        found = CODE_IN_TEXT.match(text)
        if found is not None and is_code(found.group(1)) and "kode" not in row.values:
            row.values["kode"], text = found.group(1), found.group(2)
        row.values["uraian"] = text

    def _number(self, text: str, column: Column, r: int, row: Row, path: Path_) -> str:
        if (r, column.index) in self.table.typed:
            return text
        value, notes = self.numbers.read(text, column.field in MONEY)
        if notes:
            key = path if column.field != "target" else ("target", len(row.target))
            row.notes.setdefault(key, []).extend(notes)
        return value

    @staticmethod
    def _readable(name: str, value: str) -> bool:
        try:
            if name == "volume":
                parse_number(value)
            else:
                parse_rupiah(value)
        except ValueProblem:
            return False
        return True

    def _pair_indicators(self, row: Row) -> None:
        """Several indicators in one cell pair with the satuan and target on their lines;
        cells whose lines do not pair up are kept whole and reported."""
        count = len(row.indikator)
        if count <= 1:
            for name in ("satuan", "target"):
                values = getattr(row, name)
                if len(values) > 1:
                    setattr(row, name, [" ".join(values)])
                    self._merge_notes(row, name)
            return
        for name in ("satuan", "target"):
            values = getattr(row, name)
            if values and len(values) != count:
                self.problems.append(("lines", name, str(len(values)), str(count), row))
                row.whole = True
        if row.whole:
            for name in INDICATOR_FIELDS:
                values = getattr(row, name)
                if values:
                    setattr(row, name, ["\n".join(values)])
                    self._merge_notes(row, name)

    @staticmethod
    def _merge_notes(row: Row, name: str) -> None:
        """The notes on the lines of a cell kept whole go to the cell."""
        merged = [
            text
            for key in sorted(k for k in row.notes if k[:1] == (name,) and len(k) == 2)
            for text in row.notes.pop(key)
        ]
        if merged:
            row.notes.setdefault((name,), []).extend(merged)

    def _more_indicators(self, above: Row, r: int, cells: list[str]) -> None:
        """Another indicator of the row above (on a row of its own, the node's cells merged
        down or left empty)."""
        extra = Row(table=self.number)
        self._fill(extra, r, cells, [c for c in self.layout.columns if c.field not in NODE_FIELDS])
        _add_indicators(above, extra)

    # a matrix with one column per level

    def _level_columns(self, r: int, cells: list[str]) -> None:
        """A line of a matrix with a column per level: a new row for each level whose name
        starts here, the columns of its group to it; the columns before the first level
        column to the highest row of the line."""
        table, layout = self.table, self.layout
        filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
        first_i, first = filled[0]
        if TOTAL.match(first) and first_i <= layout.level_columns[-1]:
            self.rows.append(self._total(r, cells, first))
            return
        made: list[Row] = []
        for i in layout.level_columns:
            column = layout.columns[i]
            level = column.level or ""
            text = cells[i].strip()
            if not text or (r, i) in table.continued:
                continue
            open_row = self.open.get(level)
            if open_row is not None and open_row.values.get("uraian") == _strip_code(text)[1]:
                continue  # the same name repeated on every line
            row = Row(table=self.number, level=level)
            kode, name = _strip_code(text)
            if kode:
                row.values["kode"] = kode
            row.values["uraian"] = name
            row.bold = (r, i) in table.bold
            group = [c for c in layout.columns if c.level == level and c.index != i]
            self._fill(row, r, cells, group)
            self.open[level] = row
            below = False
            for deeper in layout.level_columns:
                if below:
                    self.open.pop(layout.columns[deeper].level or "", None)
                below = below or deeper == i
            made.append(row)
            self.rows.append(row)
        outside = [c for c in layout.columns if c.level is None]
        if not made:
            leaf_level = layout.columns[layout.level_columns[-1]].level or ""
            leaf = self.open.get(leaf_level)
            extra = Row(table=self.number)
            group = [c for c in layout.columns if c.level == leaf_level and c.field != "kode"]
            self._fill(extra, r, cells, [c for c in group if not _is_level(c)])
            if leaf is not None and (extra.indikator or extra.kolom):
                _add_indicators(leaf, extra)
            target = self.rows[-1] if self.rows else None
        else:
            target = made[0]
        if target is not None:
            self._fill(target, r, cells, outside)


def _is_level(column: Column) -> bool:
    return bool(column.field and column.field.startswith("level:"))


def _strip_code(text: str) -> tuple[str | None, str]:
    found = CODE_IN_TEXT.match(text)
    if found is not None and is_code(found.group(1)):
        return found.group(1), found.group(2)
    return None, text


def _repeats(cells: list[str], header: list[str], table: Table, r: int) -> bool:
    same = sum(1 for c, h in zip(cells, header, strict=False) if h and c.strip() == h)
    return same >= max(2, len([h for h in header if h]) // 2)


def _add_indicators(row: Row, extra: Row) -> None:
    """`extra`'s indicators (and their satuan and targets) after `row`'s, kept aligned."""
    if row.whole:
        for name in INDICATOR_FIELDS:
            more = getattr(extra, name)
            if more:
                values = getattr(row, name)
                setattr(row, name, ["\n".join([*values, *more])])
        row.kolom.update({k: v for k, v in extra.kolom.items() if k not in row.kolom})
        return
    count = len(row.indikator)
    for name in ("satuan", "target"):
        values = getattr(row, name)
        if len(values) < count and (getattr(extra, name) or values):
            values += ["?"] * (count - len(values))
            row.notes.setdefault((name, count - 1), []).append(
                "no value in the document for this indicator: fill it in"
            )
    offset = len(row.target)
    for key, texts in extra.notes.items():
        if key[:1] == ("target",):
            row.notes.setdefault(("target", offset + (int(key[1]) if len(key) > 1 else 0)), [])
            row.notes[("target", offset + (int(key[1]) if len(key) > 1 else 0))] += texts
    row.indikator += extra.indikator
    for name in ("satuan", "target"):
        more = getattr(extra, name)
        values = getattr(row, name)
        if more or values:
            more = more or []
            if len(more) < len(extra.indikator):
                more = [*more, *["?"] * (len(extra.indikator) - len(more))]
                row.notes.setdefault((name, len(values) + len(more) - 1), []).append(
                    "no value in the document for this indicator: fill it in"
                )
            values += more
    for column, value in extra.kolom.items():
        if column in row.kolom and row.kolom[column] != value:
            row.kolom[column] = f"{row.kolom[column]}\n{value}"
        else:
            row.kolom.setdefault(column, value)
    for name in ("volume", *MONEY, *RENJA):
        if name in extra.values and name not in row.values:
            row.values[name] = extra.values[name]


# --- the matrices of a document -----------------------------------------------------------------


def read_matrices(
    blocks: list[Block],
    start: int,
    chosen_dialect: str,
    skip: set[int],
    numbers: dict[int, int],
    chosen_jenis: str | None = None,
    instansi: str = "",
    tahun: str = "",
) -> Matrices:
    """Every hierarchical matrix from block `start` on (the blocks in `skip` aside), each
    part read, the parts of a table that goes on over a page joined; `numbers` gives
    each table block its number in the document. Then the kind of office, and in a
    Pemda's or a K/L's document the tables of tujuan and sasaran with their indicators,
    and the tables of kegiatan that name the matrix's kegiatan (their sasaran and
    indicators go to its rows)."""
    found = Matrices()
    last: Part | None = None  # the last matrix part
    adjacent = False  # and nothing but it since
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Paragraph):
            adjacent = False
            continue
        if index in skip or not block.rows:
            last, adjacent = None, False
            continue
        layout = layout_of(block)
        continues: int | None = None
        if layout is not None and last is not None and layout.header == last.layout.header:
            continues = last.number  # the header repeated on the next page
        elif layout is None and last is not None and adjacent:
            layout = headerless_layout(block, last.layout)
            continues = last.number if layout is not None else None
        if layout is None:
            last, adjacent = None, False
            continue
        part = _read_part(block, layout, numbers[index], chosen_dialect, found, last, continues)
        found.claimed.add(index)
        last, adjacent = part, True
    decide_jenis(found, chosen_jenis, instansi)
    if found.parts and found.jenis in ("pemda", "kl"):
        _other_tables(blocks, chosen_dialect, skip, numbers, tahun, found)
    return found


def _read_part(
    table: Table,
    layout: Layout,
    number: int,
    chosen_dialect: str,
    found: Matrices,
    last: Part | None = None,
    continues: int | None = None,
) -> Part:
    reader = _Reader(table, layout, number, chosen_dialect)
    if continues is not None and last is not None:
        reader.numbers.decision.continue_from(last.number, last.numbers.decision)
    rows = reader.read()
    part = Part(number, layout, rows, reader.numbers, continues)
    found.parts.append(part)
    _problems(reader.problems, found)
    return part


def _other_tables(
    blocks: list[Block],
    chosen_dialect: str,
    skip: set[int],
    numbers: dict[int, int],
    tahun: str,
    found: Matrices,
) -> None:
    names = {
        _name_key(str(row.values["uraian"]))
        for part in found.parts
        for row in part.rows
        if row.values.get("uraian")
    }
    for index, block in enumerate(blocks):  # chapter I's table of tujuan too
        if not isinstance(block, Table) or index in skip or index in found.claimed:
            continue
        goals = goal_table(block, numbers[index], tahun, chosen_dialect)
        if goals is not None:
            found.goals.append(goals)
            found.claimed.add(index)
            continue
        layout = _level_table(block, names)
        if layout is not None:
            _read_part(block, layout, numbers[index], chosen_dialect, found)
            found.claimed.add(index)


def _level_table(table: Table, names: set[str]) -> Layout | None:
    """A table of one level's names with their sasaran and indicators ("No | Kegiatan |
    Sasaran Kegiatan | Indikator Kinerja Kegiatan | Satuan | Target"), most of whose
    names are rows of the matrix: read as a matrix, to be merged into it."""
    for top in range(min(3, len(table.rows))):
        fields = [column_field(c) for c in table.rows[top]]
        levels = [i for i, f in enumerate(fields) if f and f.startswith("level:")]
        if len(levels) == 1 and "indikator" in fields and "uraian" not in fields:
            break
    else:
        return None
    width = max(len(r) for r in table.rows)
    header = [*table.rows[top], *[""] * (width - len(table.rows[top]))]
    columns = [Column(i, c.strip(), column_field(c)) for i, c in enumerate(header)]
    level = str(columns[levels[0]].field).split(":", 1)[1]
    columns[levels[0]].field = "uraian"
    _spanned_headers(columns)
    layout = Layout(top + 1, columns, width, tuple(c.header for c in columns))
    layout.uraian_levels = (level,)
    cells = [
        _name_key(row[levels[0]])
        for row in table.rows[top + 1 :]
        if levels[0] < len(row) and row[levels[0]].strip()
    ]
    matched = sum(1 for name in cells if name in names)
    return layout if cells and matched >= 0.5 * len(cells) else None


def _problems(problems: list[tuple[str, str, str, str, Row]], found: Matrices) -> None:
    for kind, name, first, second, row in problems:
        if kind == "lines":
            found.unplaced.append(
                msg(
                    "import.matrix_lines_differ",
                    row=row.label,
                    indicators=int(second),
                    column=name,
                    lines=int(first),
                )
            )
        else:
            found.unplaced.append(
                msg(
                    "import.matrix_unreadable",
                    field=name,
                    value=first,
                    row=row.label,
                    column=second,
                )
            )


def _matrices(found: Matrices) -> list[list[Part]]:
    """The parts grouped by table: a part that continues another joins its group."""
    groups: list[list[Part]] = []
    for part in found.parts:
        if part.continues is not None and groups:
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def decide_jenis(found: Matrices, chosen: str | None, instansi: str) -> None:
    """The kind of office: chosen, or from the matrices' codes and levels, or from the
    office on the cover; without a matrix, a KPU office's tables."""
    if chosen:
        found.jenis, found.reason = chosen, ""
        found.said = msg("import.jenis_chosen", jenis=chosen)
        return
    if not found.parts:
        found.jenis = "kpu"
        found.reason = "KPU tables (sasaran, indikator, program, RKT, APBN), no hierarchical matrix"
        found.said = msg("import.jenis_detected", jenis="kpu", reason=found.reason)
        return
    votes = {"pemda": 0, "kl": 0}
    said: dict[str, list[str]] = {"pemda": [], "kl": []}
    for part in found.parts:
        for row in part.rows:
            kode = row.values.get("kode")
            kind = code_kind(kode) if kode else None
            if kind is not None:
                votes[kind] += 1
                if len(said[kind]) < 2:
                    said[kind].append(f"code {kode}")
        levels = set(part.layout.uraian_levels) | {
            c.level or "" for c in part.layout.columns if _is_level(c)
        }
        fields = {c.field for c in part.layout.columns}
        if levels & {"sub_kegiatan", "urusan", "bidang_urusan"} or fields & {
            "lokasi",
            "sumber_dana",
            "kelompok_sasaran",
            "pagu_maju",
        }:
            votes["pemda"] += 1
            said["pemda"].append(f"the columns of table {part.number}")
        if levels & {"kro", "ro"}:
            votes["kl"] += 1
            said["kl"].append(f"the columns of table {part.number}")
    if votes["pemda"] or votes["kl"]:
        jenis = "pemda" if votes["pemda"] >= votes["kl"] else "kl"
        reason = ", ".join(dict.fromkeys(said[jenis][:3]))
    else:
        jenis, reason = _office_kind(instansi)
    found.jenis, found.reason = jenis, reason
    found.said = msg("import.jenis_detected", jenis=jenis, reason=reason)


_KL_OFFICES = (
    "kementerian",
    "badan pusat statistik",
    "kejaksaan",
    "bpkp",
    "badan pengawasan keuangan",
    "kepolisian",
    "polres",
    "pengadilan",
    "kantor wilayah",
    "kanwil",
    "balai besar",
    "bps",
)


def _office_kind(instansi: str) -> tuple[str, str]:
    text = norm(instansi)
    if any(word in text for word in _KL_OFFICES):
        return "kl", f"the office on the cover: {instansi}"
    return "pemda", (
        f"a matrix without codes of a K/L's shape; the office on the cover: {instansi or '?'}"
    )


# --- levels ---------------------------------------------------------------------------------------


def _kl_level(kode: str) -> str | None:
    text = kode.strip()
    for pattern, level in (
        (KL_PROGRAM, "program"),
        (KL_KEGIATAN, "kegiatan"),
        (KL_KRO, "kro"),
        (KL_RO, "ro"),
    ):
        if pattern.match(text):
            return level
    return None


_PEMDA_PARTS = {1: "urusan", 2: "bidang_urusan", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
_PREFIXES = (
    ("bidang urusan", "bidang_urusan"),
    ("urusan", "urusan"),
    ("sub kegiatan", "sub_kegiatan"),
    ("subkegiatan", "sub_kegiatan"),
    ("program", "program"),
    ("kegiatan", "kegiatan"),
    ("kro", "kro"),
    ("ro ", "ro"),
)


def assign_levels(rows: list[Row], jenis: str) -> int:
    """Each row's level (its `tingkat`), from what the document shows: a Tingkat column
    or the level column it stands in, its code's shape, a "Program ..." label, the one
    level its column's header names, or the bold, indented and merged group rows. Returns
    how many rows stay without one."""
    levels = LEVELS[jenis]
    below_program = levels[levels.index("program") :]
    pemda_counts = _pemda_counts(rows) if jenis == "pemda" else {}
    unknown: list[Row] = []
    for row in rows:
        if row.total:
            continue
        stated = str(row.values.pop("tingkat", "")).strip().casefold().replace(" ", "_")
        if stated in levels:
            row.level = stated
        if row.level is not None:
            continue
        kode = row.values.get("kode")
        if kode:
            if jenis == "pemda":
                row.level = pemda_counts.get(len([p for p in _CODE_PARTS.split(kode) if p]))
            else:
                row.level = _kl_level(kode)
                if row.level is not None and row.level not in levels:
                    row.level = None
        if row.level is None:
            text = norm(str(row.values.get("uraian", "")))
            row.level = next(
                (lvl for word, lvl in _PREFIXES if text.startswith(word) and lvl in levels), None
            )
        if row.level is None and row.hint in levels and not row.group:
            row.level = row.hint
        if row.level is None:
            unknown.append(row)
    if unknown:
        _by_looks(unknown, rows, below_program)
    return sum(1 for row in rows if not row.total and row.level is None)


def _pemda_counts(rows: list[Row]) -> dict[int, str]:
    """The level of a Pemda code by its number of parts: 1 urusan, 2 bidang urusan, 3
    program, 5 kegiatan, 6 sub kegiatan; other part counts (the old 1.02.01.32.05) by
    their order, from the program down."""
    counts = sorted(
        {
            len([p for p in _CODE_PARTS.split(str(r.values["kode"])) if p])
            for r in rows
            if r.values.get("kode") and not r.total
        }
    )
    if set(counts) <= set(_PEMDA_PARTS):
        return dict(_PEMDA_PARTS)
    names = ("program", "kegiatan", "sub_kegiatan")
    above = ("urusan", "bidang_urusan")
    ordered = [*above[: max(0, len(counts) - len(names))], *names]
    return {count: ordered[min(i, len(ordered) - 1)] for i, count in enumerate(counts)}


def _by_looks(unknown: list[Row], rows: list[Row], levels: tuple[str, ...]) -> None:
    """Rows without a code or label: indented rows by their indent (least indented
    highest); else bold and merged group rows are parents (the level under the program)
    and the others the leaves, when the table shows parents so."""
    indents = sorted({row.indent for row in rows if not row.total})
    if len({row.indent for row in unknown}) >= 2 or (len(indents) >= 2 and len(unknown) > 1):
        for row in unknown:  # the least indented rows highest, known rows counted too
            row.level = levels[min(indents.index(row.indent), len(levels) - 1)]
        return
    marked = [row for row in unknown if row.bold or row.group]
    parents = any(r.level in levels[:-1] for r in rows if not r.total) or marked
    if not parents or len(marked) == len(unknown):
        if marked and len(levels) > 1:
            for row in marked:
                row.level = levels[1] if any(r.level == "program" for r in rows) else levels[0]
        return
    for row in unknown:
        row.level = (levels[1] if len(levels) > 2 else levels[0]) if row in marked else levels[-1]


def _depth(row: Row, jenis: str) -> int:
    levels = LEVELS[jenis]
    if row.total:
        return -1
    return levels.index(row.level) if row.level in levels else len(levels)


# --- merging the matrices of a document -----------------------------------------------------------


def _name_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _keys(row: Row) -> list[str]:
    """What a row is matched by in another matrix: its code, else its level and name."""
    keys = []
    kode = row.values.get("kode")
    if kode:
        keys.append("kode:" + _code_key(str(kode)))
    uraian = row.values.get("uraian")
    if uraian:
        keys.append(f"nama:{row.level or ''}:{_name_key(str(uraian))}")
    return keys


def _header_of(part: Part, name: str) -> str:
    column = next((c for c in part.layout.columns if c.field == name), None)
    return column.header if column is not None and column.header else name


class _Merge:
    """The other matrices of the document, merged row by row into the main one."""

    def __init__(self, main: list[Row], jenis: str, found: Matrices, main_number: int) -> None:
        self.main, self.jenis, self.found, self.main_number = main, jenis, found, main_number
        self.after: dict[int, list[Row]] = {}  # index of a main row -> rows inserted after it
        self.keys: dict[str, Row] = {}
        self.position: dict[int, int] = {}  # id of a row -> the main index it stands after
        for i, row in enumerate(main):
            self._index(row)
            self.position[id(row)] = i
        self.ends = self._subtree_ends()

    def _subtree_ends(self) -> list[int]:
        """The index of the last row under each main row (its own when it has none)."""
        ends = list(range(len(self.main)))
        stack: list[tuple[int, int]] = []  # (depth, index)
        for i, row in enumerate(self.main):
            depth = _depth(row, self.jenis)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            for _, j in stack:
                ends[j] = i
            if depth >= 0:
                stack.append((depth, i))
            else:
                stack.clear()  # a total row closes what is open
        return ends

    def _index(self, row: Row) -> None:
        if row.total:
            return
        for key in _keys(row):
            self.keys.setdefault(key, row)
            if key.startswith("nama:") and row.level:
                self.keys.setdefault(f"nama::{key.split(':', 2)[2]}", row)

    def lookup(self, row: Row) -> Row | None:
        """The main row that `row` is: by code when it has one, else by level and name."""
        keys = _keys(row)
        if not keys:
            return None
        if keys[0].startswith("kode:"):
            return self.keys.get(keys[0])
        found = self.keys.get(keys[0])
        if found is None:
            found = self.keys.get(f"nama::{keys[0].split(':', 2)[2]}")
        return found

    def merge(self, part_rows: list[Row], part: Part) -> None:
        matched = added = dropped = 0
        stack: list[tuple[int, Row]] = []  # (depth, row in the merged matrix) of this table
        for row in part_rows:
            depth = _depth(row, self.jenis)
            if row.total:
                self._total(row)
                continue
            found = self.lookup(row)
            if found is not None:
                matched += 1
                dropped += self._merge_row(found, row, part)
                target = found
            else:
                added += 1
                while stack and stack[-1][0] >= depth:
                    stack.pop()
                self._insert(row, stack[-1][1] if stack else None)
                if row.own_no is not None:
                    dropped += 1
                target = row
                self._index(row)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            stack.append((depth, target))
        self.found.report.append(
            msg(
                "import.matrix_merged",
                number=part.number,
                main=self.main_number,
                matched=matched,
                added=added,
            )
        )
        if dropped:
            self.found.report.append(
                msg(
                    "import.matrix_numbers_dropped",
                    number=part.number,
                    main=self.main_number,
                    count=dropped,
                )
            )

    def _insert(self, row: Row, parent: Row | None) -> None:
        """A row the main matrix lacks, after the last row under its parent."""
        if row.values.get("no"):
            row.own_no = str(row.values.pop("no"))
        if parent is None:
            last = max((i for i, r in enumerate(self.main) if not r.total), default=-1)
            place = self.ends[last] if last >= 0 else len(self.main) - 1
        elif id(parent) in self.position:
            place = self.ends[self.position[id(parent)]]
        else:
            place = self.position.get(id(parent), len(self.main) - 1)
        self.after.setdefault(place, []).append(row)
        self.position[id(row)] = place

    def _total(self, row: Row) -> None:
        label = str(row.values.get("uraian", ""))
        amount = next((row.values[m] for m in ("pagu", "anggaran") if m in row.values), None)
        for existing in self.main:
            if existing.total and existing.values.get("uraian") == label:
                same = next(
                    (existing.values[m] for m in ("pagu", "anggaran") if m in existing.values),
                    None,
                )
                if same == amount:
                    return  # the same total printed twice
        scope = _named(label, self.main)
        row.own_no = str(row.values.pop("no")) if row.values.get("no") else None
        if scope is not None and id(scope) in self.position:
            self.after.setdefault(self.ends[self.position[id(scope)]], []).append(row)
        else:
            self.after.setdefault(len(self.main) - 1, []).append(row)

    def _merge_row(self, main: Row, other: Row, part: Part) -> int:
        """`other`'s values into `main`'s: what it lacks is added, what differs is kept
        in `kolom` and reported. Returns 1 when `other`'s own row number was left out."""
        dropped = 0
        label = main.label
        for name, value in other.values.items():
            if name == "no" and main.values.get("no") not in (None, value):
                dropped = 1
                continue
            if name not in main.values:
                main.values[name] = value
                for key, notes in other.notes.items():
                    if key[:1] == (name,):
                        main.notes.setdefault(key, []).extend(notes)
            elif not _same(name, str(main.values[name]), str(value)):
                self._conflict(main, name, str(main.values[name]), str(value), part, label)
        for column, text in other.kolom.items():
            if column not in main.kolom:
                main.kolom[column] = text
            elif main.kolom[column] != text:
                self._conflict(main, column, main.kolom[column], text, part, label, own=True)
        if main.level is None:
            main.level = other.level
        self._merge_indicators(main, other, part, label)
        return dropped

    def _merge_indicators(self, main: Row, other: Row, part: Part, label: str) -> None:
        if not other.indikator:
            return
        if main.whole or other.whole:
            if "\n".join(main.indikator) != "\n".join(other.indikator):
                for name in INDICATOR_FIELDS:
                    values = getattr(other, name)
                    if values:
                        header = f"{_header_of(part, name)} (table {part.number})"
                        main.kolom[header] = "\n".join(values)
            return
        names = [_name_key(n) for n in main.indikator]
        extra = Row(table=other.table)
        for i, name in enumerate(other.indikator):
            if _name_key(name) not in names:
                extra.indikator.append(name)
                for field_ in ("satuan", "target"):
                    values = getattr(other, field_)
                    if i < len(values):
                        getattr(extra, field_).append(values[i])
                continue
            j = names.index(_name_key(name))
            for field_ in ("satuan", "target"):
                mine, theirs = getattr(main, field_), getattr(other, field_)
                if i >= len(theirs):
                    continue
                if j >= len(mine) and j == len(mine):
                    mine.append(theirs[i])
                elif j < len(mine) and not _same(field_, mine[j], theirs[i]):
                    self._conflict(main, field_, mine[j], theirs[i], part, f"{label}: {name}")
        if extra.indikator:
            _add_indicators(main, extra)

    def _conflict(
        self,
        main: Row,
        name: str,
        value: str,
        other: str,
        part: Part,
        label: str,
        own: bool = False,
    ) -> None:
        header = name if own else _header_of(part, name)
        column = f"{header} (table {part.number})"
        main.kolom[column] = other
        self.found.unplaced.append(
            msg(
                "import.matrix_conflict",
                field=name,
                row=label,
                value=value,
                other=other,
                main=self.main_number,
                number=part.number,
                column=column,
            )
        )

    def rows(self) -> list[Row]:
        out: list[Row] = []
        for i, row in enumerate(self.main):
            out.append(row)
            out += self.after.get(i, [])
        out += self.after.get(-1, [])
        return out


def _named(label: str, rows: list[Row]) -> Row | None:
    """The row a total row's label names: the longest code in it, else a name in it (the
    last such row, nearest the total)."""
    words = set(re.split(r"\s+", label))
    coded = [r for r in rows if not r.total and r.values.get("kode") in words]
    if coded:
        return max(coded, key=lambda r: len(str(r.values["kode"])))
    folded = label.casefold()
    named = [
        r
        for r in rows
        if not r.total and r.values.get("uraian") and str(r.values["uraian"]).casefold() in folded
    ]
    return named[-1] if named else None


def _same(name: str, first: str, second: str) -> bool:
    if first == second:
        return True
    if name in MONEY:
        try:
            return parse_rupiah(first) == parse_rupiah(second)
        except ValueProblem:
            return False
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def combine(found: Matrices) -> None:
    """The parts read, their levels told, merged into one matrix (the largest first)."""
    jenis = found.jenis or "pemda"
    groups = _matrices(found)
    if not groups:
        return
    tables: list[tuple[list[Part], list[Row]]] = []
    unknown = 0
    example = ""
    for group in groups:
        rows = [row for part in group for row in part.rows]
        missing = assign_levels(rows, jenis)
        if missing and not example:
            example = next(r.label for r in rows if not r.total and r.level is None)
        unknown += missing
        tables.append((group, rows))
    main_group, main_rows = max(tables, key=lambda item: sum(1 for row in item[1] if not row.total))
    merged = Matrices()  # what merging says, reported after what each matrix is
    merge = _Merge(main_rows, jenis, merged, main_group[0].number)
    for group, rows in tables:
        if group is not main_group:
            merge.merge(rows, group[0])
    found.rows = merge.rows()
    found.unplaced += merged.unplaced
    for group, rows in tables:
        first = group[0]
        counts: dict[str, int] = {}
        for row in rows:
            if not row.total:
                counts[row.level or "?"] = counts.get(row.level or "?", 0) + 1
        levels = ", ".join(f"{level} {count}" for level, count in counts.items()) or "-"
        columns = ", ".join(
            f"{c.header or f'#{c.index + 1}'} = {c.field or 'kolom'}" for c in first.layout.columns
        )
        found.report.append(
            msg(
                "import.matrix_found",
                number=first.number,
                rows=len(rows),
                levels=levels,
                columns=columns,
            )
        )
        for part in group:
            if part.continues is not None:
                found.report.append(
                    msg("import.matrix_continued", number=part.number, previous=part.continues)
                )
            found.report += part.numbers.report("matriks", part.number)
    found.report += merged.report
    if unknown:
        found.unplaced.append(msg("import.matrix_level_unknown", count=unknown, row=example))


# --- the rows written -------------------------------------------------------------------------------


def row_data(row: Row) -> tuple[dict[str, Any], dict[Path_, list[str]]]:
    """A matrix row as plan data (text values, in the format's order) and its notes by
    path inside the row."""
    data: dict[str, Any] = {}
    notes: dict[Path_, list[str]] = {}
    values = row.values
    many = len(row.indikator) > 1
    for name in ROW_FIELDS:
        if name == "tingkat":
            if row.level and not row.total:
                data["tingkat"] = row.level
            continue
        if name in INDICATOR_FIELDS:
            items = getattr(row, name)
            if not items:
                continue
            if many:
                data[name] = list(items)
                for (key, *rest), texts in row.notes.items():
                    if key == name and rest:
                        notes[(name, rest[0])] = texts
                    elif key == name:
                        notes[(name, 0)] = texts
            else:
                data[name] = items[0] if len(items) == 1 else "\n".join(items)
                for (key, *_), texts in row.notes.items():
                    if key == name:
                        notes.setdefault((name,), []).extend(texts)
            continue
        if name == "kolom":
            if row.kolom:
                data["kolom"] = dict(row.kolom)
            continue
        if name in values:
            data[name] = values[name]
            if (name,) in row.notes:
                notes[(name,)] = row.notes[(name,)]
    return data, notes


def place(found: Matrices, result: Imported, tabel: dict[str, Any]) -> None:
    """The kind of office and what was read, into the imported plan: `jenis`, the rows in
    `tabel.matriks`, the tujuan and sasaran with their indicators, their notes; the
    report."""
    assert found.jenis is not None
    result.data["jenis"] = found.jenis
    result.jenis = found.said
    combine(found)
    if found.rows:
        rows = []
        for i, row in enumerate(found.rows):
            data, notes = row_data(row)
            rows.append(data)
            for key, texts in notes.items():
                for text in texts:
                    result.note(("tabel", "matriks", i, *key), text)
        tabel["matriks"] = rows
    for goals in found.goals:
        _place_goals(goals, result)
        result.report += goals.numbers.report(goals.kind, goals.number)
        result.unplaced += goals.unplaced
    listed = [_name_key(str(e.get("nama"))) for e in result.data.get("sasaran") or []]
    if tabel.get("sasaran") and all(
        _name_key(str(row.get("sasaran"))) in listed for row in tabel["sasaran"]
    ):
        del tabel["sasaran"]  # BAB II's list of the sasaran its table of IKU gives
    result.report += found.report
    result.unplaced += found.unplaced


def _place_goals(goals: GoalTable, result: Imported) -> None:
    """A table's tujuan (beside those chapter I lists, which it gives indicators) or
    sasaran strategis."""
    existing = list(result.data.get(goals.kind) or [])
    if goals.kind == "tujuan":
        by_name = {_name_key(e["nama"]): i for i, e in enumerate(goals.entries)}
        merged: list[Any] = []
        used: set[int] = set()
        for item in existing:
            i = by_name.get(_name_key(item if isinstance(item, str) else str(item.get("nama"))))
            if i is None:
                merged.append(item)
            else:
                merged.append(goals.entries[i])
                used.add(i)
        offset: dict[int, int] = {}
        for i, entry in enumerate(goals.entries):
            if i not in used:
                merged.append(entry)
        for i, entry in enumerate(goals.entries):
            offset[i] = next(k for k, item in enumerate(merged) if item is entry)
    else:
        merged = [*existing, *goals.entries]
        offset = {i: len(existing) + i for i in range(len(goals.entries))}
    result.data[goals.kind] = merged
    if goals.kind == "tujuan" and existing:
        result.notes.pop(("tujuan",), None)
    for (index, *rest), texts in goals.notes.items():
        for text in texts:
            result.note((goals.kind, offset[int(index)], *rest), text)


# --- tujuan and sasaran tables of a Pemda's or a K/L's plan -------------------------------------

_YEAR_IN = re.compile(r"\b((?:19|20)\d\d)\b")


def goal_field(label: str, tahun: str) -> str | None:
    """What a column of a table of tujuan or sasaran (with their indicators) holds: the
    goal's name, its number, an indicator's field (`target_tahunan:2026`,
    `realisasi_tahunan:2023` for a year's column), or None (kept in `kolom`)."""
    text = " ".join(_PUNCT.sub(" ", _SLASHES.sub("/", norm(label))).split())
    if not text or len(label) > 90:
        return None
    year = _YEAR_IN.search(text)
    first = text.split(" ", 1)[0]
    if text in ("no", "nomor", "no urut"):
        return "no"
    if first == "tujuan":
        return "tujuan"
    if text in ("sasaran", "sasaran strategis", "sasaran strategis iku", "sasaran pd"):
        return "sasaran"
    if first == "indikator" or text in ("iku", "indikator kinerja utama iku"):
        return "nama"
    if text == "satuan target":
        return TARGET_UNIT
    if first in ("satuan", "sat"):
        return "satuan"
    if text.startswith(("kondisi awal", "baseline", "capaian awal")):
        return "baseline"
    if text.startswith(("target akhir", "kondisi akhir")):
        return "target_akhir"
    if first == "realisasi" and year is not None:
        return f"realisasi_tahunan:{year.group(1)}"
    if first == "target" or text.startswith("rencana capaian"):
        if year is not None and year.group(1) != tahun:
            return f"target_tahunan:{year.group(1)}"
        return "target"
    if text.startswith(("formula", "rumus", "cara pengukuran", "cara perhitungan")):
        return "formula"
    if text.startswith("definisi"):
        return "definisi"
    if text.startswith("sumber data"):
        return "sumber_data"
    if "penanggung jawab" in text:
        return "penanggung_jawab"
    return None


_GOAL_NUMBERS = ("target", "baseline", "target_akhir")


def _numeric_goal_field(name: str) -> bool:
    return name in _GOAL_NUMBERS or name.startswith(("target_tahunan:", "realisasi_tahunan:"))


@dataclass
class GoalTable:
    kind: str  # tujuan or sasaran
    number: int
    entries: list[dict[str, Any]]
    notes: dict[Path_, list[str]]  # by path inside `entries`
    numbers: dialects.TableNumbers
    unplaced: list[Message] = field(default_factory=list)


def goal_table(table: Table, number: int, tahun: str, chosen: str) -> GoalTable | None:
    """A table of tujuan or of sasaran strategis with their indicators (IKU), or None."""
    for top in range(min(3, len(table.rows))):
        header = table.rows[top]
        fields = [goal_field(c, tahun) for c in header]
        if "nama" in fields and ("tujuan" in fields) != ("sasaran" in fields):
            break
    else:
        return None
    kind = "tujuan" if "tujuan" in fields else "sasaran"
    body = top + 1
    if body < len(table.rows) and _column_numbers(table.rows[body]):
        body += 1
    labels = [c.strip() or f"#{i + 1}" for i, c in enumerate(header)]
    seen: set[str] = set()
    for i, name in enumerate(fields):
        if name is not None and name in seen:
            fields[i] = None  # a second column for a field: kept in `kolom`
        elif name is not None:
            seen.add(name)
    numeric = [i for i, f in enumerate(fields) if f and _numeric_goal_field(f)]
    cells = [
        (line, False)
        for r in range(body, len(table.rows))
        for i in numeric
        if i < len(table.rows[r]) and table.rows[r][i].strip() and (r, i) not in table.typed
        for line in table.lines.get((r, i), (table.rows[r][i],))
    ]
    numbers = dialects.TableNumbers(dialects.decide(cells, chosen))
    found = GoalTable(kind, number, [], {}, numbers)
    name_at = fields.index(kind)
    no_at = fields.index("no") if "no" in fields else None
    for r in range(body, len(table.rows)):
        row = [*table.rows[r], *[""] * (len(header) - len(table.rows[r]))]
        if not any(c.strip() for c in row) or _repeats(row, header, table, r):
            continue
        name = row[name_at].strip()
        if (
            name
            and (r, name_at) not in table.continued
            and (not found.entries or found.entries[-1]["nama"] != name)
        ):
            entry: dict[str, Any] = {"nama": name, "indikator": []}
            if no_at is not None and row[no_at].strip() and (r, no_at) not in table.continued:
                entry["kode" if kind == "tujuan" else "id"] = row[no_at].strip().rstrip(".)")
            found.entries.append(entry)
        if found.entries:
            _goal_indicators(found, table, r, row, fields, labels)
    for i, entry in enumerate(found.entries):
        if kind == "sasaran" and "id" not in entry:
            entry["id"] = f"S{i + 1}"
        if not entry["indikator"]:
            del entry["indikator"]
    return found


def _goal_indicators(
    found: GoalTable,
    table: Table,
    r: int,
    row: list[str],
    fields: list[str | None],
    labels: list[str],
) -> None:
    """The indicators on one line of a goal table (several when its cells hold one per
    line), with their fields and the columns the format does not model."""
    entry = found.entries[-1]
    at = {name: i for i, name in enumerate(fields) if name}
    if "nama" not in at or not row[at["nama"]].strip() or (r, at["nama"]) in table.continued:
        return
    names = list(table.lines.get((r, at["nama"]), (row[at["nama"]].strip(),)))
    per_line: dict[str, list[str]] = {}
    whole = False
    for name, i in at.items():
        if name in ("no", "tujuan", "sasaran", "nama") or not row[i].strip():
            continue
        lines = list(table.lines.get((r, i), (row[i].strip(),)))
        if len(names) > 1 and len(lines) != len(names):
            whole = True
            found.unplaced.append(
                msg(
                    "import.matrix_lines_differ",
                    row=entry["nama"],
                    indicators=len(names),
                    column=name,
                    lines=len(lines),
                )
            )
        per_line[name] = lines
    if whole:
        names = ["\n".join(names)]
        per_line = {name: ["\n".join(lines)] for name, lines in per_line.items()}
    elif len(names) == 1:
        per_line = {name: [" ".join(lines)] for name, lines in per_line.items()}
    start = len(entry["indikator"])
    index = len(found.entries) - 1
    for k, name in enumerate(names):
        indicator: dict[str, Any] = {"nama": name}
        path: Path_ = (index, "indikator", start + k)
        for field_, lines in per_line.items():
            value = lines[k]
            column_i = at[field_]
            if _numeric_goal_field(field_) and (r, at[field_]) not in table.typed:
                value, notes = found.numbers.read(value, False)
                if notes:
                    found.notes.setdefault(_goal_path(path, field_), []).extend(notes)
            if ":" in field_:
                group, year = field_.split(":", 1)
                indicator.setdefault(group, {})[year] = value
            elif field_ == TARGET_UNIT and "target" in per_line:
                indicator["target"] = f"{indicator.get('target', lines[k])} {value}"
            elif field_ == TARGET_UNIT:
                indicator.setdefault("kolom", {})[labels[column_i]] = value
            else:
                indicator[field_] = value
        kolom = {
            labels[i]: "\n".join(table.lines.get((r, i), (row[i].strip(),)))
            for i, name_ in enumerate(fields)
            if name_ is None and row[i].strip() and (r, i) not in table.continued
        }
        if kolom and k == 0:
            indicator["kolom"] = kolom
        for required in ("satuan", "target"):
            if required not in indicator:
                indicator[required] = "?"
                found.notes.setdefault((*path, required), []).append(
                    f"no {required} in the document for this indicator: fill it in"
                )
        entry["indikator"].append(indicator)


def _goal_path(path: Path_, field_: str) -> Path_:
    if ":" in field_:
        group, year = field_.split(":", 1)
        return (*path, group, year)
    return (*path, field_)


# --- the single-source form of a matrix ---------------------------------------------------------

# Renja cells only a sub kegiatan holds; on another row they are kept as a column
_LEAF_ONLY = (*RENJA, "pagu_maju")
_LABELS = {
    "lokasi": "Lokasi",
    "sumber_dana": "Sumber Dana",
    "kelompok_sasaran": "Kelompok Sasaran",
    "prioritas": "Prioritas",
    "waktu_pelaksanaan": "Waktu Pelaksanaan",
    "penanggung_jawab": "Penanggung Jawab",
    "pagu_maju": "Pagu Indikatif n+1 (Rp)",
    "volume": "Volume",
    "satuan": "Satuan",
}


def single_source(data: dict[str, Any], plan: Any, notes: dict[Path_, str]) -> Imported:
    """A published matrix plan (its data as written, and as read) in the single-source
    form of its kind: the hierarchy as nested levels (program -> kegiatan -> sub
    kegiatan, or -> KRO -> RO), each with its code, name, indicators, money and columns;
    the rest of the plan as it is. A total row of the whole matrix becomes the plan's
    `pagu`, one of a node its `pagu` when it states none. The importer's notes go with
    their values; the other published tables, which the hierarchy replaces, are named in
    the report."""
    from rktc.importer.recognize import Imported
    from rktc.plan.hierarchy import hierarchy_of

    result = Imported()
    for key, value in data.items():
        if key not in ("rktc", "tabel"):
            result.data[key] = value
    rows = data["tabel"]["matriks"]
    for kind, entries in data["tabel"].items():
        if kind == "jumlah":  # the totals printed under the other tables, by table
            for table in entries:
                result.unplaced.append(msg("import.unplaced_totals", kind=table, count=1))
        elif kind != "matriks" and entries:
            result.unplaced.append(msg("import.single_table_left", kind=kind, rows=len(entries)))
    hierarchy = hierarchy_of(plan)
    moved: dict[Path_, Path_] = {}  # a published row's path -> its node's path
    levels = LEVELS[hierarchy.kind]
    top = hierarchy.roots[0].level if hierarchy.roots else "program"
    result.data[top] = [
        _node_data(node, rows, levels, (top, i), moved, result)
        for i, node in enumerate(hierarchy.roots)
    ]
    for stated in hierarchy.totals:
        if stated.amount is None:
            continue
        amount = rows[int(stated.path[2])][str(stated.path[3])]
        if stated.scope is None and "pagu" not in result.data:
            result.data["pagu"] = amount
        elif stated.scope is not None:
            target = _find(result.data, moved.get(stated.scope.path[:3]))
            if target is not None and "pagu" not in target and not stated.scope.leaf:
                target["pagu"] = amount
    for path, text in notes.items():
        if path[:2] != ("tabel", "matriks") or len(path) < 4:
            result.notes[path] = text  # beside the plan's own parts, or in the header
            continue
        where = moved.get(path[:3])
        field_ = {"uraian": "nama"}.get(str(path[3]), str(path[3]))
        if where is None:
            result.notes[path] = text
        elif field_ in INDICATOR_FIELDS:
            index = int(path[4]) if len(path) > 4 else 0
            name = "nama" if field_ == "indikator" else field_
            result.notes[(*where, "indikator", index, name)] = text
        else:
            result.notes[(*where, field_)] = text
    return result


def _find(data: dict[str, Any], path: Path_ | None) -> dict[str, Any] | None:
    if path is None:
        return None
    found: Any = data
    for step in path:
        found = found[step]
    return found if isinstance(found, dict) else None


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _node_data(
    node: Any,
    rows: list[dict[str, Any]],
    levels: tuple[str, ...],
    path: Path_,
    moved: dict[Path_, Path_],
    result: Imported,
) -> dict[str, Any]:
    row = rows[int(node.path[2])]
    moved[tuple(node.path[:3])] = path
    out: dict[str, Any] = {}
    if row.get("kode"):
        out["kode"] = row["kode"]
    out["nama"] = row.get("uraian") or "?"
    names, satuan, targets = (_listed(row.get(f)) for f in INDICATOR_FIELDS)
    indicators = []
    for k, name in enumerate(names):
        indicator = {"nama": name}
        for field_, values in (("satuan", satuan), ("target", targets)):
            indicator[field_] = values[k] if k < len(values) else "?"
            if k >= len(values):
                result.notes[(*path, "indikator", k, field_)] = (
                    f"no {field_} in the document for this indicator: fill it in"
                )
        indicators.append(indicator)
    if indicators:
        out["indikator"] = indicators
    money = row.get("pagu", row.get("anggaran"))
    kolom = dict(row.get("kolom") or {})
    level = node.level
    leaf = level == levels[-1]
    if leaf:
        out["anggaran"] = money if money is not None else "0"
        if money is None:
            result.notes[(*path, "anggaran")] = "no anggaran in the document: fill it in"
    elif money is not None:
        out["pagu"] = money
    for name in (*_LEAF_ONLY, "volume"):
        if name not in row:
            continue
        if (name in _LEAF_ONLY and level == "sub_kegiatan") or (name == "volume" and level == "ro"):
            out[name] = row[name]
        else:
            kolom[_LABELS[name]] = row[name]
    if isinstance(row.get("satuan"), str) and not names:
        if level in ("kro", "ro"):
            out["satuan"] = row["satuan"]
        else:
            kolom[_LABELS["satuan"]] = row["satuan"]
    if kolom:
        out["kolom"] = kolom
    if not leaf:
        child = levels[levels.index(level) + 1]
        out[child] = [
            _node_data(c, rows, levels, (*path, child, i), moved, result)
            for i, c in enumerate(node.children)
        ]
    return out
