"""Realisasi files (`dokumen: realisasi`): what was achieved and spent, quarter by quarter.

One file per quarter, or one that grows through the year, each entered by whoever holds
the data (`oleh`). An entry names a plan indicator by `id` (or `nama`) and gives its
quarters as `tw1` .. `tw4` or `triwulan: {1: .., 2: ..}`; a budget entry names a program,
kegiatan or sub kegiatan by `kode` (or `nama`) and gives the amounts spent in each
quarter. The values stay text here: whether `87,3` is a number, `BB` a level of a scale
or `95%` of the wrong unit depends on the target, which rktc.plan.year reads them
against. The optional `capaian:` part sets the cap, the lower-is-better formula and the
category bands of the capaian (docs/sakip-year.md).
"""

# No `from __future__ import annotations`: see rktc/plan/schema.py.

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from rktc.core.messages import define_messages
from rktc.plan import capaian as cp
from rktc.plan.load import Loaded
from rktc.plan.renstra import YearFile, read_model
from rktc.plan.schema import MAX_TEXT, Id, LongText, Model, Rupiah, Text, Year, _typed
from rktc.plan.schema2 import Kode, Number, Quarter, YesNo
from rktc.plan.values import ValueProblem, parse_number

define_messages(
    __name__,
    {
        "realisasi.unnamed": (
            "entri realisasi tanpa id dan tanpa nama: tidak diketahui indikator mana",
            "a realisasi entry with neither id nor nama: it is not known which indicator",
        ),
        "hint.realisasi.unnamed": (
            "tulis id indikator pada rencana (id: IK1), atau namanya (nama: ...)",
            "write the indicator's id in the plan (id: IK1), or its name (nama: ...)",
        ),
        "realisasi.unnamed_budget": (
            "entri realisasi anggaran tanpa kode dan tanpa nama",
            "a budget realisasi entry with neither kode nor nama",
        ),
        "hint.realisasi.unnamed_budget": (
            "tulis kode atau nama program/kegiatan/sub kegiatan seperti pada rencana",
            "write the kode or the name of the program/kegiatan/sub kegiatan as in the plan",
        ),
        "realisasi.bad_cap": (
            "batas capaian '{value}' tidak dapat dibaca",
            "the capaian cap '{value}' cannot be read",
        ),
        "hint.realisasi.bad_cap": (
            "tulis persen dari 100 ke atas (120%), atau 'tanpa' untuk tanpa batas",
            "write a percentage from 100 up (120%), or 'tanpa' for no cap",
        ),
        "realisasi.low_cap": (
            "batas capaian {value} di bawah 100%: memenuhi target akan tampak gagal",
            "the capaian cap {value} is below 100%: meeting the target would look like failing",
        ),
        "hint.realisasi.low_cap": (
            "tulis batas dari 100% ke atas, mis. 120%",
            "write a cap from 100% up, e.g. 120%",
        ),
        "realisasi.unknown_formula": (
            "rumus capaian '{value}' tidak dikenal",
            "unknown capaian formula '{value}'",
        ),
        "hint.realisasi.unknown_formula": (
            "tulis selisih ((2T - R)/T) atau rasio (T/R)",
            "write selisih ((2T - R)/T) or rasio (T/R)",
        ),
        "realisasi.unknown_bands": (
            "kategori capaian '{value}' tidak dikenal; yang dikenal: {known}",
            "unknown capaian categories '{value}'; known: {known}",
        ),
        "hint.realisasi.unknown_bands": (
            "tulis nama kategori bawaan, atau daftar kategori dengan label dan di_atas/mulai",
            "write a built-in set's name, or a list of bands with label and di_atas/mulai",
        ),
        "realisasi.band_bound": (
            "kategori '{label}' memerlukan tepat satu batas: di_atas atau mulai",
            "the category '{label}' needs exactly one bound: di_atas or mulai",
        ),
        "hint.realisasi.band_bound": (
            "di_atas: 85 berarti lebih dari 85; mulai: 0 berarti 0 ke atas",
            "di_atas: 85 means above 85; mulai: 0 means from 0 on",
        ),
        "realisasi.band_duplicate": (
            "dua kategori dengan batas bawah yang sama ({bound}): '{first}' dan '{second}'",
            "two categories with the same lower bound ({bound}): '{first}' and '{second}'",
        ),
        "hint.realisasi.band_duplicate": (
            "beri setiap kategori batas bawahnya sendiri",
            "give every category its own lower bound",
        ),
        "realisasi.plan_not_found": (
            "rencana '{path}' tidak ditemukan",
            "the plan '{path}' is not found",
        ),
    },
)

# Built-in category bands a realisasi file may name (docs/capaian.md, "Kategori").
BAND_SETS: dict[str, tuple[cp.Band, ...]] = {
    "maluku_tengah": cp.BANDS_MALUKU_TENGAH,
    "inspektorat": cp.BANDS_INSPEKTORAT,
}
NO_CAP_WORDS = frozenset({"tanpa", "tanpa batas", "tidak ada", "none", "-"})


@dataclass(frozen=True)
class Cap:
    """A cap as written: `percent` None means no cap at all (`batas: tanpa`)."""

    percent: Decimal | None


def parse_cap(text: str) -> Cap:
    """`120`, `120%`, `200 %`; `tanpa` (also `tidak ada`) for no cap. From 100 up."""
    raw = " ".join(text.split())
    if raw.casefold() in NO_CAP_WORDS:
        return Cap(None)
    number = raw.removesuffix("%").strip()
    try:
        value = parse_number(number)
    except ValueProblem:
        raise ValueProblem("realisasi.bad_cap", value=text) from None
    if value < cp.HUNDRED:
        raise ValueProblem("realisasi.low_cap", value=text)
    return Cap(value)


def parse_lower_formula(text: str) -> cp.LowerFormula:
    try:
        return cp.parse_formula(text)
    except ValueProblem:
        raise ValueProblem("realisasi.unknown_formula", value=text) from None


def parse_band_set(text: str) -> tuple[cp.Band, ...]:
    found = BAND_SETS.get(text.strip().casefold().replace(" ", "_").replace("-", "_"))
    if found is None:
        raise ValueProblem("realisasi.unknown_bands", value=text, known=", ".join(BAND_SETS))
    return found


CapValue = Annotated[
    Cap, *_typed(parse_cap, {"type": ["string", "integer", "number"], "examples": ["120%"]})
]
LowerFormulaValue = Annotated[
    cp.Formula, *_typed(parse_lower_formula, {"type": "string", "enum": ["selisih", "rasio"]})
]
BandSet = Annotated[
    tuple[cp.Band, ...],
    *_typed(parse_band_set, {"type": "string", "enum": sorted(BAND_SETS)}),
]
# A quarter's realisasi as written: any text, or nothing (blank is not zero).
Cell = Annotated[str, StringConstraints(max_length=MAX_TEXT)] | None


class Kategori(Model):
    label: Text = Field(description="Kategori, mis. Sangat Baik")
    di_atas: Number | None = Field(None, description="Capaian lebih dari angka ini")
    mulai: Number | None = Field(None, description="Capaian dari angka ini ke atas")

    @model_validator(mode="after")
    def _one_bound(self) -> "Kategori":
        if (self.di_atas is None) == (self.mulai is None):
            raise ValueProblem("realisasi.band_bound", label=self.label)
        return self

    def band(self) -> cp.Band:
        if self.mulai is not None:
            return cp.Band(self.mulai, self.label, inclusive=True)
        assert self.di_atas is not None
        return cp.Band(self.di_atas, self.label)


BandsValue = Annotated[
    Annotated[BandSet, Tag("~set")] | Annotated[list[Kategori], Tag("~list")],
    Discriminator(lambda raw: "~set" if isinstance(raw, str) else "~list"),
]


class CapaianSetting(Model):
    """How capaian is computed and categorised (docs/capaian.md for the defaults)."""

    batas: CapValue | None = Field(None, description="Batas capaian (cap): 120%, atau tanpa")
    rumus_negatif: LowerFormulaValue | None = Field(
        None, description="Rumus indikator negatif: selisih ((2T - R)/T) atau rasio (T/R)"
    )
    kategori: BandsValue | None = Field(
        None, description="Kategori capaian: maluku_tengah, inspektorat, atau daftar"
    )

    @field_validator("kategori")
    @classmethod
    def _distinct(cls, kategori: Any) -> Any:
        if isinstance(kategori, list):
            try:
                cp.check_bands(k.band() for k in kategori)
            except ValueProblem as problem:
                raise ValueProblem("realisasi.band_duplicate", **problem.params) from None
        return kategori

    def bands(self) -> tuple[cp.Band, ...] | None:
        if self.kategori is None:
            return None
        if isinstance(self.kategori, tuple):
            return self.kategori
        return tuple(k.band() for k in self.kategori)


_TW = ((1, "tw1"), (2, "tw2"), (3, "tw3"), (4, "tw4"))


class _Quarters(Model):
    def quarters(self) -> list[tuple[int, Any, tuple[str | int, ...]]]:
        """(quarter, value, path inside the entry) of every quarter written, blank ones
        too, in the order tw1..tw4 and then `triwulan`."""
        written, given = self.model_fields_set, self.__dict__
        found: list[tuple[int, Any, tuple[str | int, ...]]] = [
            (quarter, given[name], (name,)) for quarter, name in _TW if name in written
        ]
        triwulan: dict[int, Any] = given.get("triwulan", {})
        found += [(quarter, value, ("triwulan", quarter)) for quarter, value in triwulan.items()]
        return found


class RealisasiIndikator(_Quarters):
    id: Id | None = Field(None, description="id indikator pada rencana")
    nama: Text | None = Field(None, description="Nama indikator (bila tanpa id)")
    tw1: Cell = Field(None, description="Realisasi triwulan I")
    tw2: Cell = Field(None, description="Realisasi triwulan II")
    tw3: Cell = Field(None, description="Realisasi triwulan III")
    tw4: Cell = Field(None, description="Realisasi triwulan IV")
    triwulan: dict[Quarter, Cell] = Field(
        default_factory=dict, description="Realisasi per triwulan: {1: .., 2: ..}"
    )
    kumulatif: YesNo | None = Field(
        None, description="ya: triwulan dijumlahkan; tidak: nilai terakhir (bila rencana diam)"
    )
    rumus: LowerFormulaValue | None = Field(
        None, description="Rumus capaian indikator negatif ini: selisih atau rasio"
    )
    oleh: Text | None = Field(None, description="Yang mengisi realisasi ini")
    catatan: LongText | None = Field(None, description="Penjelasan capaian (LKjIP)")

    @model_validator(mode="after")
    def _named(self) -> "RealisasiIndikator":
        if not self.id and not self.nama:
            raise ValueProblem("realisasi.unnamed")
        return self


class RealisasiAnggaran(_Quarters):
    kode: Kode | None = Field(None, description="Kode program/kegiatan/sub kegiatan")
    nama: Text | None = Field(None, description="Nama program/kegiatan/sub kegiatan")
    tw1: Rupiah | None = Field(None, description="Realisasi anggaran dalam triwulan I")
    tw2: Rupiah | None = Field(None, description="Realisasi anggaran dalam triwulan II")
    tw3: Rupiah | None = Field(None, description="Realisasi anggaran dalam triwulan III")
    tw4: Rupiah | None = Field(None, description="Realisasi anggaran dalam triwulan IV")
    triwulan: dict[Quarter, Rupiah] = Field(
        default_factory=dict, description="Realisasi anggaran per triwulan"
    )
    oleh: Text | None = Field(None, description="Yang mengisi realisasi ini")

    @model_validator(mode="after")
    def _named(self) -> "RealisasiAnggaran":
        if not self.kode and not self.nama:
            raise ValueProblem("realisasi.unnamed_budget")
        return self


class RealisasiDokumen(Model):
    """Realisasi of a plan's indicators and budget, by quarter."""

    rktc: Annotated[Literal["2"], WithJsonSchema({"enum": [2, "2"]})] = Field(
        description="Versi format berkas"
    )
    dokumen: Literal["realisasi"] = Field(description="Jenis dokumen: realisasi")
    rencana: Text | None = Field(
        None, description="Berkas rencana (RKT) yang direalisasikan, relatif terhadap berkas ini"
    )
    tahun: Year = Field(description="Tahun realisasi (tahun rencana)")
    oleh: Text | None = Field(None, description="Yang mengisi berkas ini")
    ilustrasi: YesNo = Field(
        False, description="ya: angka ilustrasi, bukan data; dokumen mencetaknya sebagai ilustrasi"
    )
    keterangan: LongText | None = Field(None, description="Keterangan berkas ini")
    capaian: CapaianSetting | None = Field(None, description="Cara menghitung capaian")
    indikator: list[RealisasiIndikator] = Field(
        default_factory=list, description="Realisasi indikator per triwulan"
    )
    anggaran: list[RealisasiAnggaran] = Field(
        default_factory=list, description="Realisasi anggaran per triwulan"
    )


RealisasiFile = YearFile[RealisasiDokumen]


def read_realisasi(loaded: Loaded) -> RealisasiFile:
    return read_model(loaded, RealisasiDokumen)
