"""The Renstra file (`dokumen: renstra`): the five-year targets that annual plans carry.

A Renstra file holds, per indicator, the kondisi awal (baseline), a target for each year
of the period, the kondisi akhir and, where the Renstra gives one, a pagu per year; and
the pagu indikatif of programs, kegiatan and sub kegiatan per year (`pendanaan`). An
indicator is the plan's indicator of the same `id` (or, for a plan whose indicators have
no ids, of the same `nama`). docs/sakip-year.md describes the file; the rules that hold
a plan to its Renstra are in rktc/check/rules/year.py.

This module also holds what the Renstra and realisasi files share: telling a year
document from a plan (`document_kind`), reading one against its model with every
problem at its place (the plan's own schema machinery, rktc.plan.validate), and finding
where a year or quarter key of a mapping is written.
"""

# No `from __future__ import annotations`: see rktc/plan/schema.py.

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    BaseModel,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from rktc.core.diagnostics import Diagnostic, Related
from rktc.core.messages import define_messages, msg
from rktc.plan import values
from rktc.plan.load import Loaded, SourceMap
from rktc.plan.names import name_key
from rktc.plan.schema import Id, Instansi, LongText, Model, Period, Rupiah, Text, Year
from rktc.plan.schema2 import (
    Kode,
    Polaritas,
    ScaleLevels,
    TargetValue,
    YesNo,
    validation_context,
)
from rktc.plan.validate import _diagnostic

Loc = tuple[str | int, ...]

DOCUMENT_KEY = "dokumen"
RENSTRA = "renstra"
REALISASI = "realisasi"
YEAR_DOCUMENTS = (RENSTRA, REALISASI)

define_messages(
    __name__,
    {
        "renstra.unnamed": (
            "entri tanpa id dan tanpa nama: tidak diketahui indikator mana yang dimaksud",
            "an entry with neither id nor nama: it is not known which indicator it is",
        ),
        "hint.renstra.unnamed": (
            "tulis id indikator pada rencana (id: IK1), atau namanya (nama: ...)",
            "write the indicator's id in the plan (id: IK1), or its name (nama: ...)",
        ),
        "renstra.unnamed_budget": (
            "entri pendanaan tanpa kode dan tanpa nama",
            "a pendanaan entry with neither kode nor nama",
        ),
        "hint.renstra.unnamed_budget": (
            "tulis kode atau nama program/kegiatan/sub kegiatan seperti pada rencana",
            "write the kode or the name of the program/kegiatan/sub kegiatan as in the plan",
        ),
        "renstra.year_outside": (
            "tahun {year} di luar periode Renstra {start}-{end}",
            "the year {year} is outside the Renstra period {start}-{end}",
        ),
        "renstra.duplicate": (
            "indikator '{name}' ditulis dua kali dalam Renstra (pertama di baris {line})",
            "the indicator '{name}' is written twice in the Renstra (first at line {line})",
        ),
        "related.renstra.first": ("ditulis pertama di sini", "first written here"),
        "renstra.not_found": (
            "berkas Renstra '{path}' tidak ditemukan",
            "the Renstra file '{path}' is not found",
        ),
        "renstra.not_a_renstra": (
            "'{path}' bukan berkas Renstra (dokumen: renstra)",
            "'{path}' is not a Renstra file (dokumen: renstra)",
        ),
    },
)

# `dokumen: renstra` or `dokumen: realisasi` at the top level of a file.
_DOCUMENT_LINE = re.compile(
    rb"^dokumen[ \t]*:[ \t]*[\"']?(renstra|realisasi)[\"']?[ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE
)


def document_kind(data: Any) -> str | None:
    """`renstra` or `realisasi` for loaded data of a year document; None for a plan."""
    if isinstance(data, dict):
        kind = data.get(DOCUMENT_KEY)
        if kind in YEAR_DOCUMENTS:
            return str(kind)
    return None


def file_kind(path: Path) -> str | None:
    """`renstra` or `realisasi` when `path` is a year document rather than a plan, from
    its text alone (a top-level `dokumen: renstra|realisasi` line): cheap enough for
    folder walks, and it tells even a file whose YAML is broken."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    found = _DOCUMENT_LINE.search(raw)
    return found.group(1).decode("ascii") if found is not None else None


def is_year_document(path: Path) -> bool:
    return file_kind(path) is not None


# --- the Renstra model ---------------------------------------------------------------------


class RenstraIndikator(Model):
    id: Id | None = Field(None, description="id indikator pada rencana (RKT) yang memuatnya")
    nama: Text | None = Field(None, description="Nama indikator (untuk laporan)")
    satuan: Text | None = Field(None, description="Satuan")
    sasaran: Text | None = Field(None, description="Sasaran (id atau rumusan) yang didukung")
    polaritas: Polaritas | None = Field(
        None, description="positif: makin tinggi makin baik; negatif: makin rendah makin baik"
    )
    kondisi_awal: TargetValue | None = Field(None, description="Kondisi awal (baseline)")
    target: dict[Year, TargetValue] = Field(
        default_factory=dict, description="Target per tahun periode Renstra"
    )
    kondisi_akhir: TargetValue | None = Field(None, description="Kondisi akhir periode Renstra")
    pagu: dict[Year, Rupiah] = Field(
        default_factory=dict, description="Pagu indikatif per tahun (kegiatan, sub kegiatan)"
    )

    @model_validator(mode="after")
    def _named(self) -> "RenstraIndikator":
        if not self.id and not self.nama:
            raise values.ValueProblem("renstra.unnamed")
        return self


class RenstraPendanaan(Model):
    kode: Kode | None = Field(None, description="Kode program/kegiatan/sub kegiatan")
    nama: Text | None = Field(None, description="Nama program/kegiatan/sub kegiatan")
    pagu: dict[Year, Rupiah] = Field(
        default_factory=dict, description="Pagu indikatif per tahun periode Renstra"
    )

    @model_validator(mode="after")
    def _named(self) -> "RenstraPendanaan":
        if not self.kode and not self.nama:
            raise values.ValueProblem("renstra.unnamed_budget")
        return self


class RenstraDokumen(Model):
    """A Rencana Strategis: per indicator its baseline, yearly targets and final condition."""

    rktc: Annotated[Literal["2"], WithJsonSchema({"enum": [2, "2"]})] = Field(
        description="Versi format berkas"
    )
    dokumen: Literal["renstra"] = Field(description="Jenis dokumen: renstra")
    periode: Period = Field(description="Periode Renstra, mis. 2020-2024")
    instansi: Instansi = Field(description="Instansi yang menetapkan Renstra")
    keputusan: Text | None = Field(None, description="Keputusan yang menetapkan Renstra")
    ilustrasi: YesNo = Field(
        False, description="ya: angka ilustrasi, bukan data; dokumen mencetaknya sebagai ilustrasi"
    )
    keterangan: LongText | None = Field(None, description="Keterangan berkas ini")
    skala: dict[Text, ScaleLevels] = Field(
        default_factory=dict, description="Skala kualitatif yang dipakai target, terendah dulu"
    )
    indikator: list[RenstraIndikator] = Field(
        default_factory=list, description="Indikator dengan target per tahun"
    )
    pendanaan: list[RenstraPendanaan] = Field(
        default_factory=list, description="Pagu indikatif program/kegiatan per tahun"
    )

    @field_validator("skala")
    @classmethod
    def _check_scales(cls, skala: dict[str, Any]) -> dict[str, Any]:
        for name, levels in skala.items():
            values.declare_scale(name, levels)
        return skala


# --- reading a year document ----------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


@dataclass
class YearFile(Generic[M]):
    """A Renstra or realisasi file as read: its model (None when it could not be read
    whole), the problems found reading it, and its text and positions."""

    loaded: Loaded
    model: M | None
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.loaded.path

    @property
    def source(self) -> SourceMap:
        return self.loaded.source

    @property
    def data(self) -> Any:
        return self.loaded.data

    def raw(self, loc: Loc) -> Any:
        """The loaded (text) data at `loc`, or None."""
        value = self.loaded.data
        for step in loc:
            if isinstance(value, dict) and isinstance(step, str):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
                value = value[step]
            else:
                return None
        return value

    def key_of(self, loc: Loc, parse: Callable[[str], Any], wanted: Any) -> Loc:
        """The path of the entry of the mapping at `loc` whose key, read by `parse`, is
        `wanted` (a year written `2023` or `"2023"`, a quarter `1`, `I` or `TW I`)."""
        mapping = self.raw(loc)
        if isinstance(mapping, dict):
            for key in mapping:
                try:
                    if parse(key) == wanted:
                        return (*loc, key)
                except values.ValueProblem:
                    continue
        return loc


RenstraFile = YearFile[RenstraDokumen]


def read_model(loaded: Loaded, model: type[M]) -> YearFile[M]:
    """`loaded` against `model`, every problem a diagnostic at its place (RKT0xx, as for
    a plan). A file with a problem has no model: a year document is small, and checking
    a plan against half a Renstra would report what is not there."""
    if loaded.data is None:
        return YearFile(loaded, None, list(loaded.diagnostics))
    problems = list(loaded.diagnostics)
    try:
        read = model.model_validate(loaded.data, context=validation_context(loaded.data))
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems += [_diagnostic(err, loaded.data, loaded.source, model) for err in errors]
        return YearFile(loaded, None, problems)
    return YearFile(loaded, read, problems)


def read_renstra(loaded: Loaded) -> RenstraFile:
    """A Renstra file read and checked in itself: years inside its period, each
    indicator written once."""
    read = read_model(loaded, RenstraDokumen)
    if read.model is not None:
        read.problems += _renstra_problems(read, read.model)
    return read


def _renstra_problems(read: RenstraFile, renstra: RenstraDokumen) -> list[Diagnostic]:
    start, end = renstra.periode
    found: list[Diagnostic] = []

    def outside(loc: Loc, years: Mapping[int, Any]) -> None:
        for year in years:
            if not start <= year <= end:
                where = read.source.key(read.key_of(loc, values.parse_year, year))
                found.append(
                    Diagnostic(
                        "RKT013",
                        where,
                        msg("renstra.year_outside", year=year, start=start, end=end),
                    )
                )

    first: dict[str, Loc] = {}
    for i, entry in enumerate(renstra.indikator):
        base: Loc = ("indikator", i)
        outside((*base, "target"), entry.target)
        outside((*base, "pagu"), entry.pagu)
        name = f"id:{entry.id}" if entry.id else f"nama:{name_key(entry.nama or '')}"
        loc = (*base, "id") if entry.id else (*base, "nama")
        earlier = first.setdefault(name, loc)
        if earlier != loc:
            at = read.source.value(earlier)
            found.append(
                Diagnostic(
                    "RKT013",
                    read.source.value(loc),
                    msg("renstra.duplicate", name=entry.id or entry.nama or "", line=at.line),
                    related=(Related(at, msg("related.renstra.first")),),
                )
            )
    for i, budget in enumerate(renstra.pendanaan):
        outside(("pendanaan", i, "pagu"), budget.pagu)
    return found
