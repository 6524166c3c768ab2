"""Layouts: which chapters and tables a document has, and each table's columns, as data.

A layout is a YAML file (docs/layouts.md). rktc ships one per kind of office in
`templates/layouts/` (`kpu`, `pemda`, `kl`); an office may write its own, usually as a
few changes to one of them (`extends: pemda`). A layout holds:

* `bagian`: the document's parts (runs of pages with one orientation and one page
  numbering), their sections (headings, level, listed in the Daftar Isi or not) and each
  section's blocks (paragraphs, numbered lists, tables ...). This becomes the document's
  `Outline` (rktc.render.outline), which every renderer walks;
* `tabel`: the tables those blocks name. Each reads one source of the plan (`SOURCES`)
  and prints the columns it chooses from that source's vocabulary, each with its header,
  relative width, alignment and whether a repeated cell merges with the one above; and
  the table's total ("Jumlah") and subtotal rows.

What a column prints is decided in rktc.render.view; here are only the names, their
defaults and the checking. A layout file is read with rktc.plan.load (so every value keeps
its position) and checked like a plan: each problem is a positioned Diagnostic with a code
(RKT001-RKT009 as for any YAML file; RKT010 wrong shape, RKT011 missing key, RKT012
unknown key, RKT013 invalid value; RKT015 a name that is not in the vocabulary), with a
"did you mean" where a close name exists.
"""

from __future__ import annotations

import difflib
import functools
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rktc.core.diagnostics import Diagnostic, Location, Related, sort_diagnostics
from rktc.core.errors import RktcError
from rktc.core.messages import Message, define_messages, msg
from rktc.core.resources import templates_dir
from rktc.plan.load import Loaded, load_file, load_text
from rktc.plan.schema2 import LEVELS
from rktc.plan.values import ValueProblem, parse_yes_no
from rktc.render.outline import (
    CAPTIONED_TABLES,
    CONTENTS,
    COVER,
    DECIMAL,
    HEADING_FIELDS,
    LOGO,
    LOWER_ROMAN,
    NO_NUMBERS,
    NUMBERED,
    PARAGRAPHS,
    PARTIES,
    PICTURE,
    PICTURES,
    SIGNATURE,
    SIGNATURES,
    TABLE,
    TABLES,
    TEXTS,
    VISI,
    Block,
    Outline,
    Part,
    Section,
)

Loc = tuple[str | int, ...]

OFFICE_LAYOUTS = ("kpu", "pemda", "kl")  # the RKT of each kind of office
BUILTIN = (*OFFICE_LAYOUTS, "pk", "lkjip")
# The documents a plan builds (`rktc build --document`), and the built-in layout of each
# that is not the RKT (whose layout is its kind of office's).
RKT, PK, LKJIP = "rkt", "pk", "lkjip"
DOCUMENTS = (RKT, PK, LKJIP)
DOCUMENT_LAYOUTS = {PK: "pk", LKJIP: "lkjip"}
LAYOUT_FOLDER = "layouts"
UNKNOWN_CODE = "RKT015"  # a name that is not in the layout vocabulary

# --- the vocabulary ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnInfo:
    """A column a source can print, with the defaults a layout may change."""

    header: str  # "" for `uraian` of a matrix: the plan's level names
    width: int  # relative width
    numeric: bool = False  # holds numbers (right-aligned unless the layout says otherwise)
    merge: bool = False  # a repeated cell merges with the one above (`gabung`)
    lines: bool = False  # one line per indicator of the row (several indicators, one cell)


@dataclass(frozen=True)
class SourceInfo:
    """A table source: its columns, whether it gives one captioned table per group, and
    the table keys it takes besides the common ones."""

    columns: Mapping[str, ColumnInfo]
    captioned: bool = False
    options: frozenset[str] = frozenset()
    extras: bool = True  # can print the plan's own columns (`kolom:<Header>`, `kolom_lain`)
    document: str = "rkt"  # the document whose data the rows are (`dokumen` of a layout)


def _indicator_columns(lines: bool, indikator: str = "Indikator Kinerja") -> dict[str, ColumnInfo]:
    """The columns of an indicator: one value per row, or (`lines`) one line per indicator."""
    c = functools.partial(ColumnInfo, lines=lines)
    return {
        "indikator": c(indikator, 30),
        "satuan": c("Satuan", 9),
        "target": c("Target", 9, numeric=True),
        "baseline": c("Kondisi Awal", 9, numeric=True),
        "target_akhir": c("Target Akhir Periode Renstra", 10, numeric=True),
        "realisasi_n2": c("Realisasi Capaian Tahun n-2", 10, numeric=True),
        "capaian_n1": c("Prakiraan Capaian Tahun n-1", 10, numeric=True),
        "target_n1": c("Target Tahun n+1", 9, numeric=True),
        "target_tw1": c("Target TW I", 8, numeric=True),
        "target_tw2": c("Target TW II", 8, numeric=True),
        "target_tw3": c("Target TW III", 8, numeric=True),
        "target_tw4": c("Target TW IV", 8, numeric=True),
        "polaritas": c("Polaritas", 8),
        "definisi": c("Definisi Operasional", 24),
        "formula": c("Formula", 20),
        "sumber_data": c("Sumber Data", 14),
    }


# The rows of the KPU document's tables (rktc.plan.document), as a KPU office prints them.
_ROW_COLUMNS = {
    "no": ColumnInfo("No", 6, numeric=True),
    "sasaran": ColumnInfo("Sasaran Strategis", 24),
    "kegiatan": ColumnInfo("Kegiatan", 22),
    "indikator": ColumnInfo("Indikator Kinerja", 34),
    "satuan": ColumnInfo("Satuan", 10),
    "target": ColumnInfo("Target", 9, numeric=True),
    "anggaran": ColumnInfo("Anggaran (Rp)", 16, numeric=True),
    "program": ColumnInfo("Program", 22),
}
# In the tables that list a kegiatan's indicators one per row, its name and its anggaran
# are printed once, over all its rows.
_ROW_COLUMNS_MERGED = {
    **_ROW_COLUMNS,
    "kegiatan": ColumnInfo("Kegiatan", 22, merge=True),
    "anggaran": ColumnInfo("Anggaran (Rp)", 16, numeric=True, merge=True),
}

_LEVEL_COLUMNS = {
    "urusan": ColumnInfo("Urusan", 16, merge=True),
    "bidang_urusan": ColumnInfo("Bidang Urusan", 16, merge=True),
    "program": ColumnInfo("Program", 18, merge=True),
    "kegiatan": ColumnInfo("Kegiatan", 18, merge=True),
    "sub_kegiatan": ColumnInfo("Sub Kegiatan", 18, merge=True),
    "kro": ColumnInfo("KRO", 16, merge=True),
    "ro": ColumnInfo("RO", 16, merge=True),
}

_MATRIX_COLUMNS = {
    "no": ColumnInfo("No", 4, numeric=True),
    "kode": ColumnInfo("Kode", 12),
    "uraian": ColumnInfo("", 30),
    "tingkat": ColumnInfo("Tingkat", 9),
    **_LEVEL_COLUMNS,
    "sasaran": ColumnInfo("Sasaran", 20),
    **_indicator_columns(lines=True),
    "anggaran": ColumnInfo("Anggaran (Rp)", 14, numeric=True),
    "pagu": ColumnInfo("Pagu Indikatif (Rp)", 14, numeric=True),
    "pagu_n1": ColumnInfo("Pagu Indikatif Tahun n+1 (Rp)", 14, numeric=True),
    "lokasi": ColumnInfo("Lokasi", 12),
    "sumber_dana": ColumnInfo("Sumber Dana", 10),
    "kelompok_sasaran": ColumnInfo("Kelompok Sasaran", 12),
    "prioritas": ColumnInfo("Prioritas", 10),
    "waktu_pelaksanaan": ColumnInfo("Waktu Pelaksanaan", 10),
    "penanggung_jawab": ColumnInfo("Perangkat Daerah Penanggung Jawab", 14),
    "volume": ColumnInfo("Volume", 7, numeric=True),
    "satuan_volume": ColumnInfo("Satuan", 9),
}


def _goal_columns(name: str, header: str) -> dict[str, ColumnInfo]:
    return {
        "no": ColumnInfo("No", 6, numeric=True, merge=True),
        "kode": ColumnInfo("Kode", 7, merge=True),
        name: ColumnInfo(header, 28, merge=True),
        **_indicator_columns(lines=False),
        "penanggung_jawab": ColumnInfo("Penanggung Jawab", 14),
    }


def _level_goal_columns(level: str) -> dict[str, ColumnInfo]:
    label = {"program": "Program", "kegiatan": "Kegiatan"}[level]
    return {
        "no": ColumnInfo("No", 6, numeric=True, merge=True),
        "kode": ColumnInfo("Kode", 10, merge=True),
        "uraian": ColumnInfo(label, 24, merge=True),
        "sasaran": ColumnInfo(f"Sasaran {label}", 24, merge=True),
        **_indicator_columns(lines=False, indikator=f"Indikator Kinerja {label}"),
        "anggaran": ColumnInfo("Anggaran (Rp)", 14, numeric=True, merge=True),
    }


_TOTALS = frozenset({"jumlah"})
SOURCES: dict[str, SourceInfo] = {
    # the KPU document's tables (BAB II B, BAB II C, the RKT and APBN matrices)
    "indikator": SourceInfo(_ROW_COLUMNS, options=_TOTALS),
    "program": SourceInfo(_ROW_COLUMNS_MERGED, captioned=True, options=_TOTALS),
    "rkt": SourceInfo(_ROW_COLUMNS_MERGED, options=_TOTALS),
    "apbn": SourceInfo(_ROW_COLUMNS_MERGED, options=frozenset({"jumlah", "subjumlah"})),
    # the plan's hierarchy: a row per program, kegiatan, sub kegiatan, KRO, RO ...
    "matriks": SourceInfo(
        _MATRIX_COLUMNS, options=frozenset({"jumlah", "tingkat", "baris_per_indikator"})
    ),
    # goals with their indicators, one indicator per row
    "iku": SourceInfo(_goal_columns("sasaran", "Sasaran Strategis")),
    "tujuan": SourceInfo(_goal_columns("tujuan", "Tujuan")),
    # K/L: each program's (kegiatan's) own sasaran and indicators
    "sasaran_program": SourceInfo(_level_goal_columns("program"), options=_TOTALS),
    "sasaran_kegiatan": SourceInfo(_level_goal_columns("kegiatan"), options=_TOTALS),
    # K/L: the rincian output under their KRO
    "ro": SourceInfo(
        {
            "no": ColumnInfo("No", 7, numeric=True),
            "kode": ColumnInfo("Kode", 14),
            "uraian": ColumnInfo("Rincian Output", 34),
            "volume": ColumnInfo("Volume", 8, numeric=True),
            "satuan": ColumnInfo("Satuan", 10),
            "anggaran": ColumnInfo("Anggaran (Rp)", 16, numeric=True),
            "indikator": ColumnInfo("Indikator", 24, lines=True),
            "target": ColumnInfo("Target", 9, numeric=True, lines=True),
        },
        options=frozenset({"jumlah", "subjumlah"}),
    ),
}
# The Perjanjian Kinerja's tables (rktc.render.pk) and the Laporan Kinerja's
# (rktc.render.lkjip). Headers written "" are the view's: they name the PK's level
# (Sasaran Strategis, Sasaran Program ...; Program, Kegiatan ...) or the years compared.
_PK_TARGETS = {
    "no": ColumnInfo("No", 7, numeric=True, merge=True),
    "sasaran": ColumnInfo("", 30, merge=True),
    "indikator": ColumnInfo("Indikator Kinerja", 38),
    "target": ColumnInfo("Target", 12, numeric=True),
    "satuan": ColumnInfo("Satuan", 12),
}
_PK_BUDGET = {
    "no": ColumnInfo("No", 7, numeric=True),
    "kode": ColumnInfo("Kode", 12),
    "uraian": ColumnInfo("", 50),
    "anggaran": ColumnInfo("Anggaran (Rp)", 20, numeric=True),
}
_PK_CHANGES = {
    "no": ColumnInfo("No", 7, numeric=True),
    "uraian": ColumnInfo("Uraian", 40),
    "semula": ColumnInfo("Semula", 25),
    "menjadi": ColumnInfo("Menjadi", 25),
}
_CAPAIAN = {
    "no": ColumnInfo("No", 7, numeric=True),
    "sasaran": ColumnInfo("Sasaran", 20, merge=True),
    "indikator": ColumnInfo("Indikator Kinerja", 30),
    "satuan": ColumnInfo("Satuan", 9),
    "target": ColumnInfo("Target", 10, numeric=True),
    "realisasi": ColumnInfo("Realisasi", 10, numeric=True),
    "capaian": ColumnInfo("Capaian (%)", 9, numeric=True),
    "kategori": ColumnInfo("Kategori", 13),
    "rumus": ColumnInfo("Rumus / Keterangan", 20),
}
_COMPARED = {
    "no": ColumnInfo("No", 7, numeric=True),
    "indikator": ColumnInfo("Indikator Kinerja", 30),
    "realisasi_n2": ColumnInfo("", 10, numeric=True),
    "realisasi_n1": ColumnInfo("", 10, numeric=True),
    "target": ColumnInfo("", 10, numeric=True),
    "realisasi": ColumnInfo("", 10, numeric=True),
    "target_akhir": ColumnInfo("", 11, numeric=True),
    "capaian_akhir": ColumnInfo("Capaian terhadap Target Akhir Renstra (%)", 11, numeric=True),
}
_SPENT = {
    "no": ColumnInfo("No", 7, numeric=True),
    "kode": ColumnInfo("Kode", 10),
    "program": ColumnInfo("Program", 30),
    "pagu": ColumnInfo("Pagu (Rp)", 15, numeric=True),
    "realisasi": ColumnInfo("Realisasi (Rp)", 15, numeric=True),
    "serapan": ColumnInfo("Serapan (%)", 9, numeric=True),
    "capaian": ColumnInfo("Capaian Kinerja (%)", 9, numeric=True),
    "efisiensi": ColumnInfo("Efisiensi", 11),
}
SOURCES.update(
    {
        # the PK's lampiran: the targets (table 1), the budget (table 2); a PK perubahan's
        # changes against the PK it replaces
        "pk_kinerja": SourceInfo(_PK_TARGETS, extras=False, document=PK),
        "pk_anggaran": SourceInfo(_PK_BUDGET, options=_TOTALS, extras=False, document=PK),
        "pk_perubahan": SourceInfo(_PK_CHANGES, extras=False, document=PK),
        # the Laporan Kinerja: the PK's targets (BAB II), the capaian (BAB III A), the
        # comparison with earlier years and the Renstra, the realisasi anggaran (BAB III B);
        # and its lampiran, the PK
        "lkjip_capaian": SourceInfo(_CAPAIAN, extras=False, document=LKJIP),
        "lkjip_pembanding": SourceInfo(_COMPARED, extras=False, document=LKJIP),
        "lkjip_anggaran": SourceInfo(_SPENT, options=_TOTALS, extras=False, document=LKJIP),
    }
)
# A Laporan Kinerja prints its PK: the PK's sources are the LKjIP's too.
DOCUMENT_SOURCES = {RKT: (RKT,), PK: (PK,), LKJIP: (LKJIP, PK)}
# The pictures a `gambar:` block may show.
PICTURE_NAMES = ("capaian",)

# Sources whose rows are the KPU document's (they know the plan's own columns only for a
# plan written as a single source, through the rows' places in the plan).
ROW_SOURCES = ("indikator", "program", "rkt", "apbn")

# The KPU layout's tables, which have fields of their own in the document view (every
# other table is in its `tables`, as `tables.<id>`).
LEGACY_TABLES = ("indikator", "programs", "rkt", "apbn")

EXTRA_PREFIX = "kolom:"  # `kolom:Keterangan`: the plan's own column "Keterangan"
EXTRA_COLUMNS = "kolom_lain"  # in `jika_ada`: the plan's own columns a table prints
EXTRA_WIDTH = 12

# What the blocks of a section may show (their key in a layout -> the outline's kind).
PLAIN_BLOCKS = {
    "sampul": COVER,
    "tanda_tangan": SIGNATURE,
    "daftar_isi": CONTENTS,
    "visi": VISI,
    "logo": LOGO,
    "pihak": PARTIES,
    "tanda_tangan_pihak": SIGNATURES,
}
PARAGRAPH_SOURCES = ("kata_pengantar", "ringkasan_eksekutif")
LIST_SOURCES = ("misi", "tujuan", "sasaran", "dasar_hukum")
SOURCE_BLOCKS = ("paragraf", "teks", "daftar", "tabel", "gambar")

NUMBERING = {"tanpa": NO_NUMBERS, "romawi": LOWER_ROMAN, "angka": DECIMAL}
ALIGNMENTS = {"kiri": "left", "tengah": "center", "kanan": "right"}
LEVEL_NAMES = tuple(dict.fromkeys(level for levels in LEVELS.values() for level in levels))
MAX_HEADING_LEVEL = 3
FONT_SIZES = (5.0, 14.0)  # points
MAX_WIDTH = 1000

TOP_KEYS = ("nama", "keterangan", "dokumen", "extends", "bagian", "tanpa", "tabel")
PART_KEYS = ("kunci", "lanskap", "nomor_halaman", "nomor_mulai_ulang", "isi")
SECTION_KEYS = (
    "kunci",
    "judul",
    "subjudul",
    "tingkat",
    "masuk_daftar_isi",
    "hanya_cetak",
    "jika_ada",
    "isi",
    "sub",
)
COMMON_TABLE_KEYS = ("sumber", "kolom", "kolom_lain", "ukuran_huruf")
TABLE_OPTIONS = ("jumlah", "subjumlah", "tingkat", "baris_per_indikator")
TABLE_KEYS = (*COMMON_TABLE_KEYS, *TABLE_OPTIONS)
COLUMN_KEYS = ("nama", "judul", "lebar", "rata", "gabung")
NO_TOTAL = "tidak"  # `jumlah: tidak`: no total row (to drop the one a base layout has)

# --- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnDef:
    """A column of a layout's table, its defaults filled in."""

    name: str  # a name of the source's vocabulary, or `kolom:<Header>`
    header: str  # "" for a matrix's `uraian`: the plan's level names (see rktc.render.view)
    width: int
    numeric: bool = False
    align: str = ""  # left, center or right; "" as the column's kind has it
    merge: bool = False
    lines: bool = False

    @property
    def extra(self) -> str | None:
        """The plan's own column this column prints (`kolom:<Header>`), if it is one."""
        return self.name[len(EXTRA_PREFIX) :] if self.name.startswith(EXTRA_PREFIX) else None


@dataclass(frozen=True)
class TableDef:
    id: str
    source: str
    columns: tuple[ColumnDef, ...]
    total: str | None = None  # the label of the total row ("Jumlah"); None: no total row
    subtotal: str | None = None  # the label before each group's name in its subtotal row
    levels: tuple[str, ...] = ()  # a matrix: the levels that get rows (all when empty)
    # a matrix: a row per indicator, the node's own cells merged over them (else SIPD's
    # way: the indicators of a node share its row's cells, one per line)
    indicator_rows: bool = False
    extra_columns: bool = True  # append the plan's own columns this table does not print
    font_size: float | None = None  # points; None: the document's table text


@dataclass(frozen=True)
class Layout:
    """A document's outline and the tables its blocks name."""

    name: str
    outline: Outline
    tables: tuple[TableDef, ...] = ()
    description: str = ""
    document: str = RKT  # the document it lays out: rkt, pk or lkjip (`dokumen`)

    @functools.cached_property
    def by_id(self) -> dict[str, TableDef]:
        return {table.id: table for table in self.tables}

    def table(self, table_id: str) -> TableDef:
        return self.by_id[table_id]


define_messages(
    __name__,
    {
        "layout.not_found": (
            "'{name}' bukan berkas tata letak maupun nama tata letak bawaan ({names})",
            "'{name}' is neither a layout file nor the name of a built-in layout ({names})",
        ),
        "layout.expected_mapping": (
            "{field}: di sini ditulis pemetaan (kunci: nilai), bukan {got}",
            "{field}: a mapping (key: value) belongs here, not {got}",
        ),
        "layout.expected_list": (
            "{field}: di sini ditulis daftar (butir diawali '- '), bukan {got}",
            "{field}: a list (items start with '- ') belongs here, not {got}",
        ),
        "layout.expected_text": (
            "{field}: di sini ditulis teks yang tidak kosong, bukan {got}",
            "{field}: a text that is not empty belongs here, not {got}",
        ),
        "layout.expected_lines": (
            "{field}: di sini ditulis teks atau daftar baris teks, bukan {got}",
            "{field}: a text or a list of lines belongs here, not {got}",
        ),
        "layout.expected_yes_no": (
            "{field}: tulis 'ya' atau 'tidak', bukan '{got}'",
            "{field}: write 'ya' or 'tidak', not '{got}'",
        ),
        "layout.missing": (
            "{field}: kunci '{key}' wajib ditulis",
            "{field}: the key '{key}' is required",
        ),
        "layout.unknown_key": (
            "kunci '{key}' tidak dikenal dalam {field}",
            "unknown key '{key}' in {field}",
        ),
        "layout.unknown_name": (
            "{field}: '{name}' tidak ada dalam kosakata tata letak ({kind})",
            "{field}: '{name}' is not in the layout vocabulary ({kind})",
        ),
        "layout.column_not_in_source": (
            "{field}: sumber '{source}' tidak mempunyai kolom '{name}'",
            "{field}: the source '{source}' has no column '{name}'",
        ),
        "layout.option_not_for_source": (
            "{field}: '{key}' tidak berlaku untuk sumber '{source}' (hanya untuk {sources})",
            "{field}: '{key}' does not apply to the source '{source}' (only to {sources})",
        ),
        "layout.extras_not_for_source": (
            "{field}: sumber '{source}' tidak mempunyai kolom lain dari rencana",
            "{field}: the source '{source}' has none of the plan's own columns",
        ),
        "layout.bad_width": (
            "{field}: lebar kolom ditulis sebagai bilangan bulat 1-{most}, bukan '{value}'",
            "{field}: a column's width is a whole number 1-{most}, not '{value}'",
        ),
        "layout.bad_font_size": (
            (
                "{field}: ukuran huruf ditulis dalam poin, {least}-{most} (mis. 7 atau 7,5), "
                "bukan '{value}'"
            ),
            (
                "{field}: a font size is written in points, {least}-{most} (e.g. 7 or 7,5), "
                "not '{value}'"
            ),
        ),
        "layout.bad_heading_level": (
            "{field}: tingkat judul 0-{most} (0: tanpa judul, seperti sampul), bukan '{value}'",
            "{field}: a heading level is 0-{most} (0: no heading, like the cover), not '{value}'",
        ),
        "layout.heading_without_text": (
            "{field}: bagian bertingkat {level} memerlukan 'judul'",
            "{field}: a section of level {level} needs a 'judul'",
        ),
        "layout.bad_heading_text": (
            (
                "{field}: kurung kurawal dalam judul tidak berpasangan: '{value}' "
                "(tulis '{{{{' untuk '{{')"
            ),
            "{field}: unbalanced braces in a heading: '{value}' (write '{{{{' for '{{')",
        ),
        "layout.duplicate": (
            "{field}: '{name}' sudah dipakai",
            "{field}: '{name}' is used already",
        ),
        "layout.first_use": ("dipakai pertama di sini", "first used here"),
        "layout.bad_block": (
            (
                "{field}: sebuah isi ditulis sebagai nama (mis. 'sampul') atau satu pasangan "
                "kunci: nilai (mis. 'tabel: rkt')"
            ),
            "{field}: a block is a name (e.g. 'sampul') or one key: value pair (e.g. 'tabel: rkt')",
        ),
        "layout.no_columns": (
            "{field}: tabel memerlukan sedikitnya satu kolom",
            "{field}: a table needs at least one column",
        ),
        "layout.no_parts": (
            "{field}: tata letak memerlukan 'bagian' (atau 'extends' tata letak bawaan)",
            "{field}: a layout needs 'bagian' (or 'extends' of a built-in layout)",
        ),
        "layout.empty_part": (
            "{field}: bagian ini tidak berisi bab apa pun",
            "{field}: this part holds no section",
        ),
        "layout.source_of_document": (
            (
                "{field}: sumber '{source}' adalah data dokumen {owner}, sedangkan tata letak "
                "ini untuk dokumen {document}"
            ),
            "{field}: the source '{source}' is data of the {owner}, but this layout is for the {document}",
        ),
        "layout.wrong_document": (
            (
                "tata letak '{name}' untuk dokumen {layout}, bukan {document}: pilih tata letak "
                "lain atau --document {layout}"
            ),
            (
                "the layout '{name}' is for the {layout}, not the {document}: choose another "
                "layout or --document {layout}"
            ),
        ),
        "hint.layout.choices": ("pilihan: {choices}", "choices: {choices}"),
        "hint.layout.column_spelling": (
            "tulis '- kolom:{name}' (tanpa spasi setelah titik dua) atau '- nama: kolom:{name}'",
            "write '- kolom:{name}' (no space after the colon) or '- nama: kolom:{name}'",
        ),
        "hint.layout.heading_fields": (
            "judul boleh memuat {fields}",
            "a heading may name {fields}",
        ),
        "hint.layout.extends": (
            "'extends' hanya menerima tata letak bawaan: {names}",
            "'extends' takes a built-in layout only: {names}",
        ),
    },
)

# --- reading -----------------------------------------------------------------------------------


class LayoutProblems(Exception):
    """A layout file that cannot be used; `diagnostics` says where and why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} problem(s) in the layout")
        self.diagnostics = diagnostics


class _File:
    """One layout file being read: its positions and the problems found in it."""

    def __init__(self, loaded: Loaded, problems: list[Diagnostic]) -> None:
        self.source = loaded.source
        self.problems = problems


@dataclass(frozen=True)
class _At:
    """A place in a layout file, for reading the value there and reporting on it."""

    file: _File
    path: Loc

    def __truediv__(self, step: str | int) -> _At:
        return _At(self.file, (*self.path, step))

    @property
    def field(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out or "(layout)"

    def location(self, *, key: bool = False) -> Location:
        source = self.file.source
        return source.key(self.path) if key else source.value(self.path)

    def report(
        self,
        code: str,
        key: str,
        /,
        *,
        on_key: bool = False,
        hint: Message | None = None,
        related: tuple[Related, ...] = (),
        **params: Any,
    ) -> None:
        self.file.problems.append(
            Diagnostic(
                code,
                self.location(key=on_key),
                msg(key, **{"field": self.field, **params}),
                hint=hint,
                related=related,
            )
        )

    def unknown(self, name: str, choices: Sequence[str], kind: str) -> None:
        """`name` is not one of `choices`: RKT015, with the closest choice as a hint."""
        self.report(
            UNKNOWN_CODE, "layout.unknown_name", name=name, kind=kind, hint=_hint(name, choices)
        )


def _hint(name: str, choices: Sequence[str]) -> Message:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    if close:
        return msg("hint.schema.did_you_mean", suggestion=close[0])
    return msg("hint.layout.choices", choices=", ".join(choices) or "-")


def _shape(value: Any) -> str:
    if value is None:
        return "kosong/empty"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return f"'{value}'"


def _mapping(value: Any, at: _At, keys: Sequence[str]) -> dict[str, Any] | None:
    """`value` as a mapping whose keys are all among `keys` (unknown ones reported)."""
    if not isinstance(value, dict):
        at.report("RKT010", "layout.expected_mapping", got=_shape(value))
        return None
    for key in value:
        if key not in keys:
            (at / key).report(
                "RKT012",
                "layout.unknown_key",
                on_key=True,
                key=key,
                field=at.field,
                hint=_hint(key, keys),
            )
    return value


def _list(value: Any, at: _At) -> list[Any] | None:
    if not isinstance(value, list):
        at.report("RKT010", "layout.expected_list", got=_shape(value))
        return None
    return value


def _text(value: Any, at: _At) -> str | None:
    if not isinstance(value, str) or not value.strip():
        at.report("RKT010", "layout.expected_text", got=_shape(value))
        return None
    return value.strip()


def _lines(value: Any, at: _At) -> tuple[str, ...] | None:
    """A heading: one text, or a list of lines."""
    if isinstance(value, str) and value.strip():
        lines = [(value.strip(), at)]
    elif isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        lines = [(v.strip(), at / i) for i, v in enumerate(value)]
    else:
        at.report("RKT010", "layout.expected_lines", got=_shape(value))
        return None
    fine = True
    for line, where in lines:
        fine = _heading_fields(line, where) and fine
    return tuple(line for line, _ in lines) if fine else None


def _heading_fields(line: str, at: _At) -> bool:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(line) if name is not None]
    except ValueError:
        at.report("RKT013", "layout.bad_heading_text", value=line)
        return False
    fine = True
    for name in names:
        if name not in HEADING_FIELDS:
            fields = ", ".join("{" + f + "}" for f in HEADING_FIELDS)
            at.report(
                UNKNOWN_CODE,
                "layout.unknown_name",
                name="{" + name + "}",
                kind="judul / heading",
                hint=_hint(name, HEADING_FIELDS)
                if difflib.get_close_matches(name, HEADING_FIELDS, n=1, cutoff=0.6)
                else msg("hint.layout.heading_fields", fields=fields),
            )
            fine = False
    return fine


def _yes_no(value: Any, at: _At) -> bool | None:
    if isinstance(value, str):
        try:
            return parse_yes_no(value)
        except ValueProblem:
            pass
    at.report("RKT010", "layout.expected_yes_no", got=_shape(value).strip("'"))
    return None


def _choice(value: Any, at: _At, choices: Sequence[str], kind: str) -> str | None:
    text = _text(value, at)
    if text is None:
        return None
    if text not in choices:
        at.unknown(text, choices, kind)
        return None
    return text


_WHOLE = re.compile(r"\d{1,4}")
_POINTS = re.compile(r"(\d{1,2})(?:[,.](\d))?")


def _width(value: Any, at: _At) -> int | None:
    text = value.strip() if isinstance(value, str) else ""
    if _WHOLE.fullmatch(text) and 1 <= int(text) <= MAX_WIDTH:
        return int(text)
    at.report("RKT013", "layout.bad_width", value=_shape(value).strip("'"), most=MAX_WIDTH)
    return None


def _font_size(value: Any, at: _At) -> float | None:
    text = value.strip() if isinstance(value, str) else ""
    found = _POINTS.fullmatch(text)
    least, most = FONT_SIZES
    if found:
        size = int(found[1]) + int(found[2] or 0) / 10
        if least <= size <= most and size * 2 == int(size * 2):  # Word sizes are half points
            return size
    at.report(
        "RKT013",
        "layout.bad_font_size",
        value=_shape(value).strip("'"),
        least=f"{least:g}",
        most=f"{most:g}",
    )
    return None


# --- tables ------------------------------------------------------------------------------------


def _table(table_id: str, entries: dict[str, tuple[Any, _At]], at: _At) -> TableDef | None:
    """A table from its keys (each with the place it was written: a layout that extends
    another writes some keys, the base the rest)."""
    if "sumber" not in entries:
        at.report("RKT011", "layout.missing", key="sumber", on_key=True)
        return None
    raw_source, source_at = entries["sumber"]
    source = _choice(raw_source, source_at, list(SOURCES), "sumber / source")
    if source is None:
        return None
    if "kolom" not in entries:
        at.report("RKT011", "layout.missing", key="kolom", on_key=True)
        return None
    info = SOURCES[source]
    fine = True
    for key in TABLE_OPTIONS:
        if key in entries and key not in info.options:
            where = entries[key][1]
            sources = ", ".join(name for name, s in SOURCES.items() if key in s.options)
            where.report(
                "RKT013", "layout.option_not_for_source", key=key, source=source, sources=sources
            )
            fine = False
    columns = _columns(source, *entries["kolom"])
    fine = fine and columns is not None
    labels: dict[str, str | None] = {"jumlah": None, "subjumlah": None}
    for key in labels:
        if key in entries:
            label = _text(*entries[key])
            fine = fine and label is not None
            labels[key] = None if label is None or label.casefold() == NO_TOTAL else label
    total, subtotal = labels["jumlah"], labels["subjumlah"]
    levels: tuple[str, ...] = ()
    if "tingkat" in entries:
        value, where = entries["tingkat"]
        items = _list(value, where)
        found = []
        for i, item in enumerate(items or []):
            level = _choice(item, where / i, LEVEL_NAMES, "tingkat / level")
            fine = fine and level is not None
            if level is not None:
                found.append(level)
        levels = tuple(found)
        fine = fine and items is not None
    indicator_rows = False
    if "baris_per_indikator" in entries:
        answer = _yes_no(*entries["baris_per_indikator"])
        fine = fine and answer is not None
        indicator_rows = bool(answer)
    extra_columns = True
    if "kolom_lain" in entries:
        answer = _yes_no(*entries["kolom_lain"])
        fine = fine and answer is not None
        extra_columns = bool(answer) and info.extras
    font_size = None
    if "ukuran_huruf" in entries:
        font_size = _font_size(*entries["ukuran_huruf"])
        fine = fine and font_size is not None
    if not fine or columns is None:
        return None
    return TableDef(
        table_id,
        source,
        columns,
        total=total,
        subtotal=subtotal,
        levels=levels,
        extra_columns=extra_columns,
        indicator_rows=indicator_rows,
        font_size=font_size,
    )


def _columns(source: str, value: Any, at: _At) -> tuple[ColumnDef, ...] | None:
    items = _list(value, at)
    if items is None:
        return None
    if not items:
        at.report("RKT013", "layout.no_columns")
        return None
    info = SOURCES[source]
    columns: list[ColumnDef] = []
    seen: dict[str, _At] = {}
    fine = True
    for i, item in enumerate(items):
        column = _column(source, info, item, at / i)
        if column is None:
            fine = False
            continue
        if column.name in seen:
            first = seen[column.name]
            (at / i).report(
                "RKT013",
                "layout.duplicate",
                name=column.name,
                related=(Related(first.location(), msg("layout.first_use")),),
            )
            fine = False
            continue
        seen[column.name] = at / i
        columns.append(column)
    return tuple(columns) if fine else None


def _column(source: str, info: SourceInfo, item: Any, at: _At) -> ColumnDef | None:
    entries: dict[str, Any]
    if isinstance(item, str):
        entries, name_at = {"nama": item}, at
    elif isinstance(item, dict):
        if "kolom" in item and "nama" not in item:  # `- kolom: Keterangan`, meant as a name
            (at / "kolom").report(
                "RKT012",
                "layout.unknown_key",
                on_key=True,
                key="kolom",
                hint=msg("hint.layout.column_spelling", name=str(item["kolom"])),
            )
            return None
        mapping = _mapping(item, at, COLUMN_KEYS)
        if mapping is None:
            return None
        if "nama" not in mapping:
            at.report("RKT011", "layout.missing", key="nama")
            return None
        entries, name_at = mapping, at / "nama"
    else:
        at.report("RKT010", "layout.expected_mapping", got=_shape(item))
        return None
    name = _text(entries["nama"], name_at)
    if name is None:
        return None
    if name.startswith(EXTRA_PREFIX):
        header = name[len(EXTRA_PREFIX) :].strip()
        if not info.extras:
            name_at.report("RKT013", "layout.extras_not_for_source", source=source)
            return None
        if not header:
            name_at.report("RKT010", "layout.expected_text", got=f"'{name}'")
            return None
        name = EXTRA_PREFIX + header
        known = ColumnInfo(header, EXTRA_WIDTH)
    elif name in info.columns:
        known = info.columns[name]
    else:
        close = difflib.get_close_matches(name, list(info.columns), n=1, cutoff=0.6)
        name_at.report(
            UNKNOWN_CODE,
            "layout.column_not_in_source",
            name=name,
            source=source,
            hint=msg("hint.schema.did_you_mean", suggestion=close[0])
            if close
            else msg("hint.layout.choices", choices=", ".join(info.columns)),
        )
        return None
    fine = True
    header = known.header
    if "judul" in entries:
        written = _lines(entries["judul"], at / "judul")
        fine = written is not None
        header = "\n".join(written or ())
    width = known.width
    if "lebar" in entries:
        found_width = _width(entries["lebar"], at / "lebar")
        fine = fine and found_width is not None
        width = found_width or width
    align = ""
    if "rata" in entries:
        chosen = _choice(entries["rata"], at / "rata", list(ALIGNMENTS), "rata / alignment")
        fine = fine and chosen is not None
        align = ALIGNMENTS.get(chosen or "", "")
    merge = known.merge
    if "gabung" in entries:
        answer = _yes_no(entries["gabung"], at / "gabung")
        fine = fine and answer is not None
        merge = bool(answer)
    if not fine:
        return None
    return ColumnDef(name, header, width, known.numeric, align, merge, known.lines)


# --- parts, sections, blocks -------------------------------------------------------------------


@dataclass
class _Outline:
    """What reading the parts collects beside them: section keys and table references."""

    sections: dict[str, _At] = field(default_factory=dict)
    tables: list[tuple[str, _At]] = field(default_factory=list)
    texts: list[tuple[str, _At]] = field(default_factory=list)
    # `jika_ada`: the tables of the section (and its sub-sections), the columns it names
    conditions: list[tuple[list[str], list[tuple[str, _At]]]] = field(default_factory=list)


def _parts(value: Any, at: _At, found: _Outline) -> tuple[Part, ...] | None:
    items = _list(value, at)
    if items is None:
        return None
    parts: list[Part] = []
    keys: dict[str, _At] = {}
    fine = True
    for i, item in enumerate(items):
        part = _part(item, at / i, i, found, keys)
        fine = fine and part is not None
        if part is not None:
            parts.append(part)
    if not parts and fine:
        at.report("RKT013", "layout.no_parts")
        return None
    return tuple(parts) if fine else None


def _part(item: Any, at: _At, index: int, found: _Outline, keys: dict[str, _At]) -> Part | None:
    mapping = _mapping(item, at, PART_KEYS)
    if mapping is None:
        return None
    fine = True
    key = f"bagian{index + 1}"
    if "kunci" in mapping:
        written = _text(mapping["kunci"], at / "kunci")
        fine = written is not None
        key = written or key
        if written in keys:
            (at / "kunci").report(
                "RKT013",
                "layout.duplicate",
                name=written,
                related=(Related(keys[written].location(), msg("layout.first_use")),),
            )
            fine = False
        keys[key] = at / "kunci"
    landscape = False
    if "lanskap" in mapping:
        answer = _yes_no(mapping["lanskap"], at / "lanskap")
        fine = fine and answer is not None
        landscape = bool(answer)
    numbering = NO_NUMBERS
    if "nomor_halaman" in mapping:
        chosen = _choice(
            mapping["nomor_halaman"], at / "nomor_halaman", list(NUMBERING), "nomor_halaman"
        )
        fine = fine and chosen is not None
        numbering = NUMBERING.get(chosen or "tanpa")
    restart = False
    if "nomor_mulai_ulang" in mapping:
        answer = _yes_no(mapping["nomor_mulai_ulang"], at / "nomor_mulai_ulang")
        fine = fine and answer is not None
        restart = bool(answer)
    if "isi" not in mapping:
        at.report("RKT011", "layout.missing", key="isi")
        return None
    sections = _sections(mapping["isi"], at / "isi", 1, found)
    if sections is None or not fine:
        return None
    if not sections:
        (at / "isi").report("RKT013", "layout.empty_part")
        return None
    return Part(key, sections, landscape, numbering, restart)


def _sections(value: Any, at: _At, level: int, found: _Outline) -> tuple[Section, ...] | None:
    items = _list(value, at)
    if items is None:
        return None
    sections = []
    fine = True
    for i, item in enumerate(items):
        section = _section(item, at / i, level, found)
        fine = fine and section is not None
        if section is not None:
            sections.append(section)
    return tuple(sections) if fine else None


def _section(item: Any, at: _At, default_level: int, found: _Outline) -> Section | None:
    mapping = _mapping(item, at, SECTION_KEYS)
    if mapping is None:
        return None
    if "kunci" not in mapping:
        at.report("RKT011", "layout.missing", key="kunci")
        return None
    key = _text(mapping["kunci"], at / "kunci")
    if key is None:
        return None
    fine = True
    if key in found.sections:
        (at / "kunci").report(
            "RKT013",
            "layout.duplicate",
            name=key,
            related=(Related(found.sections[key].location(), msg("layout.first_use")),),
        )
        fine = False
    found.sections[key] = at / "kunci"
    level = default_level
    if "tingkat" in mapping:
        raw = mapping["tingkat"]
        text = raw.strip() if isinstance(raw, str) else ""
        if text.isdigit() and int(text) <= MAX_HEADING_LEVEL:
            level = int(text)
        else:
            (at / "tingkat").report(
                "RKT013",
                "layout.bad_heading_level",
                value=_shape(raw).strip("'"),
                most=MAX_HEADING_LEVEL,
            )
            fine = False
    heading: tuple[str, ...] = ()
    if "judul" in mapping:
        lines = _lines(mapping["judul"], at / "judul")
        fine = fine and lines is not None
        heading = lines or ()
    elif level > 0 and fine:
        at.report("RKT011", "layout.heading_without_text", level=level)
        fine = False
    subtitle: tuple[str, ...] = ()
    if "subjudul" in mapping:
        lines = _lines(mapping["subjudul"], at / "subjudul")
        fine = fine and lines is not None
        subtitle = lines or ()
    flags = {"masuk_daftar_isi": True, "hanya_cetak": False}
    for flag, default in flags.items():
        if flag in mapping:
            answer = _yes_no(mapping[flag], at / flag)
            fine = fine and answer is not None
            flags[flag] = default if answer is None else answer
    conditions: list[tuple[str, _At]] = []
    if "jika_ada" in mapping:
        names = _list(mapping["jika_ada"], at / "jika_ada")
        fine = fine and names is not None
        for i, written in enumerate(names or []):
            condition = _text(written, at / "jika_ada" / i)
            fine = fine and condition is not None
            if condition is not None:
                conditions.append((condition, at / "jika_ada" / i))
    first_table = len(found.tables)
    blocks: tuple[Block, ...] = ()
    if "isi" in mapping:
        read = _blocks(mapping["isi"], at / "isi", found)
        fine = fine and read is not None
        blocks = read or ()
    children: tuple[Section, ...] = ()
    if "sub" in mapping:
        read_children = _sections(mapping["sub"], at / "sub", max(level, 0) + 1, found)
        fine = fine and read_children is not None
        children = read_children or ()
    if conditions:
        found.conditions.append(([n for n, _ in found.tables[first_table:]], conditions))
    if not fine:
        return None
    return Section(
        key,
        heading if level > 0 else (),
        level,
        blocks,
        children,
        subtitle,
        in_contents=flags["masuk_daftar_isi"] and level > 0,
        paged_only=flags["hanya_cetak"],
        only_if=tuple(name for name, _ in conditions),
    )


def _blocks(value: Any, at: _At, found: _Outline) -> tuple[Block, ...] | None:
    items = _list(value, at)
    if items is None:
        return None
    blocks = []
    fine = True
    for i, item in enumerate(items):
        block = _block(item, at / i, found)
        fine = fine and block is not None
        if block is not None:
            blocks.append(block)
    return tuple(blocks) if fine else None


def _block(item: Any, at: _At, found: _Outline) -> Block | None:
    names = [*PLAIN_BLOCKS, *SOURCE_BLOCKS]
    if isinstance(item, str):
        if item.strip() in PLAIN_BLOCKS:
            return Block(PLAIN_BLOCKS[item.strip()])
        at.unknown(item.strip(), names, "isi / block")
        return None
    if not isinstance(item, dict) or len(item) != 1:
        at.report("RKT010", "layout.bad_block")
        return None
    ((kind, value),) = item.items()
    where = at / kind
    if kind not in SOURCE_BLOCKS:
        (at / kind).report(
            UNKNOWN_CODE,
            "layout.unknown_name",
            on_key=True,
            name=kind,
            kind="isi / block",
            hint=_hint(kind, names),
        )
        return None
    name = _text(value, where)
    if name is None:
        return None
    if kind == "paragraf":
        if name not in PARAGRAPH_SOURCES:
            where.unknown(name, PARAGRAPH_SOURCES, "paragraf")
            return None
        return Block(PARAGRAPHS, name)
    if kind == "teks":
        found.texts.append((name, where))
        return Block(PARAGRAPHS, TEXTS + name)
    if kind == "daftar":
        if name not in LIST_SOURCES:
            where.unknown(name, LIST_SOURCES, "daftar / list")
            return None
        return Block(NUMBERED, name)
    if kind == "gambar":
        if name not in PICTURE_NAMES:
            where.unknown(name, PICTURE_NAMES, "gambar / picture")
            return None
        return Block(PICTURE, PICTURES + name)
    found.tables.append((name, where))
    return Block(TABLE, name)  # made CAPTIONED_TABLES once the table's source is known


# --- a whole layout ----------------------------------------------------------------------------


def read_layout(
    path: Path, templates: Path | None = None, display: str | None = None
) -> tuple[Layout | None, list[Diagnostic]]:
    """The layout in the file `path`, or None and the problems that keep it from use.

    `templates` is the folder of `--templates`, whose `text/NAME.txt.j2` a `teks:` block
    may name besides rktc's own texts."""
    return _read(load_file(path, display or str(path)), templates)


def read_layout_text(
    text: str, name: str, templates: Path | None = None
) -> tuple[Layout | None, list[Diagnostic]]:
    return _read(load_text(text, name), templates)


def _read(loaded: Loaded, templates: Path | None) -> tuple[Layout | None, list[Diagnostic]]:
    problems = list(loaded.diagnostics)
    if loaded.data is None or problems:
        return None, problems
    layout = _layout(loaded, problems, templates)
    if problems:
        return None, sort_diagnostics(problems)
    return layout, []


def _layout(loaded: Loaded, problems: list[Diagnostic], templates: Path | None) -> Layout | None:
    file = _File(loaded, problems)
    top = _At(file, ())
    data = _mapping(loaded.data, top, TOP_KEYS)
    if data is None:
        return None
    base_data: dict[str, Any] = {}
    base_top: _At | None = None
    if "extends" in data:  # a base that is not there: the rest is still checked
        name = _text(data["extends"], top / "extends")
        if name is not None and name not in BUILTIN:
            (top / "extends").report(
                UNKNOWN_CODE,
                "layout.unknown_name",
                name=name,
                kind="extends",
                hint=_hint(name, BUILTIN)
                if difflib.get_close_matches(name, BUILTIN, n=1, cutoff=0.6)
                else msg("hint.layout.extends", names=", ".join(BUILTIN)),
            )
        elif name is not None:
            base = _builtin_loaded(name)
            base_top = _At(_File(base, problems), ())
            base_data = base.data
    name = _text(data["nama"], top / "nama") if "nama" in data else None
    description = _text(data["keterangan"], top / "keterangan") if "keterangan" in data else None
    document: str | None = RKT
    if "dokumen" in data:
        document = _choice(data["dokumen"], top / "dokumen", DOCUMENTS, "dokumen / document")
    elif base_top is not None and "dokumen" in base_data:
        document = str(base_data["dokumen"]).strip()
    # the tables: the base's, each key overridden by the layout's own
    entries: dict[str, dict[str, tuple[Any, _At]]] = {}
    places: dict[str, _At] = {}
    for tables_of, at in ((base_data, base_top), (data, top)):
        if at is None or "tabel" not in tables_of:
            continue
        written = tables_of["tabel"]
        tables = _mapping(written, at / "tabel", list(written) if isinstance(written, dict) else [])
        for table_id, spec in (tables or {}).items():
            where = at / "tabel" / table_id
            mapping = _mapping(spec, where, TABLE_KEYS)
            if mapping is None:
                continue
            places[table_id] = where
            if "sumber" in mapping:  # a table with its own source replaces the base's
                entries[table_id] = {}
            merged = entries.setdefault(table_id, {})
            merged.update({key: (value, where / key) for key, value in mapping.items()})
    defs = {}
    for table_id, table_entries in entries.items():
        table = _table(table_id, table_entries, places[table_id])
        if table is not None:
            defs[table_id] = table
    # the parts: the layout's own, else the base's
    found = _Outline()
    parts: tuple[Part, ...] | None
    if "bagian" in data:
        parts = _parts(data["bagian"], top / "bagian", found)
    elif base_top is not None and "bagian" in base_data:
        parts = _parts(base_data["bagian"], base_top / "bagian", found)
    else:
        top.report("RKT011", "layout.no_parts")
        return None
    # what the parts name, checked even where a part could not be read
    fine = _check_tables(found, defs, entries) and len(defs) == len(entries)
    fine = document is not None and _check_documents(document, defs, entries) and fine
    fine = _check_texts(found, templates) and fine
    fine = _check_conditions(found, defs) and fine
    if parts is not None and fine:
        parts = _resolve_tables(parts, defs)
    if "tanpa" in data and parts is not None:
        parts = _without(parts, data["tanpa"], top / "tanpa", found)
    if parts is None or not fine:
        return None
    name = name or (str(data["extends"]) if base_top is not None else "layout")
    assert document is not None
    return Layout(name, Outline(name, parts), tuple(defs.values()), description or "", document)


def _check_documents(
    document: str, defs: dict[str, TableDef], entries: Mapping[str, dict[str, tuple[Any, _At]]]
) -> bool:
    """Each table reads a source of the layout's document (a PK's tables need the PK's
    data, which an RKT build does not have)."""
    fine = True
    for table_id, table in defs.items():
        owner = SOURCES[table.source].document
        if owner not in DOCUMENT_SOURCES[document]:
            entries[table_id]["sumber"][1].report(
                "RKT013",
                "layout.source_of_document",
                source=table.source,
                owner=owner,
                document=document,
            )
            fine = False
    return fine


def _check_tables(
    found: _Outline, defs: dict[str, TableDef], entries: Mapping[str, object]
) -> bool:
    """Each table block names a table of the layout (one that could not be read is
    reported where it is written, not again here)."""
    fine = True
    for name, at in found.tables:
        if name not in entries:
            at.unknown(name, list(entries), "tabel")
            fine = False
        elif name not in defs:
            fine = False
    return fine


def _resolve_tables(parts: tuple[Part, ...], defs: dict[str, TableDef]) -> tuple[Part, ...]:
    """The table blocks as the outline names them, the captioned ones with their kind."""
    captioned = {t.id for t in defs.values() if SOURCES[t.source].captioned}
    return tuple(_map_blocks(part, captioned) for part in parts)


def table_source(table_id: str) -> str:
    """How a block names a table: `tables.<id>`, or a KPU table's own field."""
    return table_id if table_id in LEGACY_TABLES else TABLES + table_id


def _map_blocks(part: Part, captioned: set[str]) -> Part:
    def block(b: Block) -> Block:
        if b.kind != TABLE:
            return b
        kind = CAPTIONED_TABLES if b.source in captioned else TABLE
        return Block(kind, table_source(b.source))

    def fix(section: Section) -> Section:
        blocks = tuple(block(b) for b in section.blocks)
        return _replace_section(section, blocks, tuple(fix(s) for s in section.sections))

    return Part(
        part.key,
        tuple(fix(s) for s in part.sections),
        part.landscape,
        part.numbering,
        part.restart_numbering,
    )


def _replace_section(
    section: Section, blocks: tuple[Block, ...], sections: tuple[Section, ...]
) -> Section:
    return Section(
        section.key,
        section.heading,
        section.level,
        blocks,
        sections,
        section.subtitle,
        section.in_contents,
        section.paged_only,
        section.only_if,
    )


def _check_texts(found: _Outline, templates: Path | None) -> bool:
    available = set(text_names(templates))
    fine = True
    for name, at in found.texts:
        if name not in available:
            at.unknown(name, sorted(available), "teks / templates/text")
            fine = False
    return fine


def text_names(templates: Path | None = None) -> list[str]:
    """The default texts a `teks:` block may name: `text/NAME.txt.j2` of rktc's templates
    and of the user's `--templates` folder."""
    names: list[str] = []
    for folder in (templates, templates_dir()):
        if folder is not None and (folder / "text").is_dir():
            names.extend(p.name.removesuffix(".txt.j2") for p in (folder / "text").glob("*.txt.j2"))
    return sorted(set(names))


def _check_conditions(found: _Outline, defs: dict[str, TableDef]) -> bool:
    """`jika_ada` names columns of the section's own tables (or `kolom_lain`)."""
    fine = True
    for table_ids, conditions in found.conditions:
        names = {EXTRA_COLUMNS}
        tables = [defs.get(table_id) for table_id in table_ids]
        if None in tables:
            continue  # a table that could not be read (reported) or is not there (reported)
        for table in tables:
            assert table is not None
            names.update(c.name for c in table.columns)
            names.update(SOURCES[table.source].columns)
        for name, at in conditions:
            if name not in names:
                at.unknown(name, sorted(names), "jika_ada")
                fine = False
    return fine


def _without(
    parts: tuple[Part, ...], value: Any, at: _At, found: _Outline
) -> tuple[Part, ...] | None:
    """The parts without the sections `tanpa` names; a part left empty goes too."""
    items = _list(value, at)
    if items is None:
        return None
    dropped = set()
    fine = True
    for i, item in enumerate(items):
        name = _text(item, at / i)
        if name is None:
            fine = False
        elif name not in found.sections:
            (at / i).unknown(name, list(found.sections), "tanpa / bab")
            fine = False
        else:
            dropped.add(name)
    if not fine:
        return None
    return drop_sections(parts, dropped)


def drop_sections(parts: tuple[Part, ...], dropped: set[str]) -> tuple[Part, ...]:
    """`parts` without the sections whose keys are in `dropped` (and parts left empty)."""

    def keep(section: Section) -> Section | None:
        if section.key in dropped:
            return None
        children = tuple(c for c in (keep(s) for s in section.sections) if c is not None)
        return _replace_section(section, section.blocks, children)

    result = []
    for part in parts:
        sections = tuple(s for s in (keep(s) for s in part.sections) if s is not None)
        if sections:
            result.append(
                Part(part.key, sections, part.landscape, part.numbering, part.restart_numbering)
            )
    return tuple(result)


# --- the built-in layouts and choosing one -----------------------------------------------------


def builtin_path(name: str) -> Path:
    return templates_dir() / LAYOUT_FOLDER / f"{name}.yaml"


@functools.cache
def _builtin_loaded(name: str) -> Loaded:
    path = builtin_path(name)
    return load_file(path, f"{LAYOUT_FOLDER}/{name}.yaml")


@functools.cache
def builtin_layout(name: str) -> Layout:
    """A layout rktc ships (`kpu`, `pemda`, `kl`); its problems are rktc's bug."""
    layout, problems = _read(_builtin_loaded(name), None)
    if layout is None:
        raise AssertionError(
            f"built-in layout {name}: " + "; ".join(f"{d.location} {d.code}" for d in problems)
        )
    return layout


def layout_for_plan(plan: Any, document: str = RKT) -> Layout:
    """The built-in layout of `document` (the RKT: of the plan's kind of office, `jenis`,
    or kpu for format 1)."""
    if document in DOCUMENT_LAYOUTS:
        return builtin_layout(DOCUMENT_LAYOUTS[document])
    kind = getattr(plan, "jenis", "kpu")
    return builtin_layout(kind if kind in OFFICE_LAYOUTS else "kpu")


def find_layout(value: str, templates: Path | None = None) -> Layout:
    """The layout `--layout` names: a file, else a built-in layout's name.

    Raises LayoutProblems when the file has problems, RktcError when it names nothing."""
    path = Path(value)
    if path.is_file():
        layout, problems = read_layout(path, templates, value)
        if layout is None:
            raise LayoutProblems(problems)
        return layout
    if value in BUILTIN:
        return builtin_layout(value)
    raise RktcError("layout.not_found", name=value, names=", ".join(BUILTIN))


def default_outline(name: str = "kpu") -> Outline:
    """A built-in layout's outline as printed for a plan with nothing optional: without
    the sections that are printed only when their tables have something (`jika_ada`)."""
    outline = builtin_layout(name).outline

    def conditional(section: Section) -> Iterator[str]:
        if section.only_if:
            yield section.key
        for child in section.sections:
            yield from conditional(child)

    dropped = {key for part in outline.parts for s in part.sections for key in conditional(s)}
    return Outline(outline.name, drop_sections(outline.parts, dropped))
