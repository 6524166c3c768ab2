"""The plan format, version 2: every kind of office, as pydantic models.

Format 1 (`rktc.plan.schema`) is the shape of one KPU office: program -> kegiatan, with
the money on the kegiatan and every indicator tied to a sasaran. Format 2 names the kind of
office (`jenis`) and so the levels of its hierarchy:

* `kpu`: program -> kegiatan (money on the kegiatan);
* `pemda`: [urusan -> bidang_urusan ->] program -> kegiatan -> sub_kegiatan (money on the
  sub kegiatan, with the Renja attributes);
* `kl`: program -> kegiatan -> kro -> ro (money and volume on the RO).

Every level has an optional `kode` (kept as written), its name, its own sasaran statement,
indicators and extra columns; a parent may state its `pagu`, a leaf holds `anggaran`.
`LEVELS` is the one place that says which levels a kind has and what each is called in a
plan file; the hierarchy, the layouts and the rules read it from here.
"""

# No `from __future__ import annotations`: see rktc/plan/schema.py.

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from rktc.plan import schema, values
from rktc.plan.schema import (
    Id,
    IndikatorRef,
    Instansi,
    LongText,
    Model,
    Pemeriksaan,
    Penandatangan,
    PlanDateValue,
    Renstra,
    RowNumber,
    Rupiah,
    Sampul,
    Tabel,
    Text,
    Visi,
    Year,
    _typed,
)

KINDS = ("kpu", "pemda", "kl")

# The levels of each kind, top to leaf, as plan files name them. A pemda plan may start
# at `urusan` or at `program` (its first level is then optional).
LEVELS: dict[str, tuple[str, ...]] = {
    "kpu": ("program", "kegiatan"),
    "pemda": ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan"),
    "kl": ("program", "kegiatan", "kro", "ro"),
}
# The levels a plan may start at (its top-level key).
TOP_LEVELS: dict[str, tuple[str, ...]] = {
    "kpu": ("program",),
    "pemda": ("urusan", "program"),
    "kl": ("program",),
}
# How documents name each level.
LEVEL_LABELS = {
    "urusan": "Urusan",
    "bidang_urusan": "Bidang Urusan",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
    "kro": "KRO",
    "ro": "RO",
}

_SCALES_CONTEXT = "scales"


def _scaled_target(raw: Any, info: ValidationInfo) -> values.Target:
    """A target read with the scales the plan declares (given as validation context)."""
    if not isinstance(raw, str):
        raise ValueError("expected text")  # noqa: TRY004  (see schema._text_parser)
    scales = (info.context or {}).get(_SCALES_CONTEXT, values.BUILTIN_SCALES)
    return values.parse_target(raw, scales)


TargetValue = Annotated[
    values.Target,
    PlainValidator(_scaled_target),
    WithJsonSchema(
        {
            "type": ["string", "integer", "number"],
            "description": "Target: 97%, 80 - 90%, ≤ 183/100.000 KH, WTP, BB, NA",
        }
    ),
]
YesNo = Annotated[
    bool,
    *_typed(values.parse_yes_no, {"type": ["string", "boolean"], "enum": ["ya", "tidak"]}),
]
Quarter = Annotated[
    int, *_typed(values.parse_quarter, {"type": ["integer", "string"], "enum": [1, 2, 3, 4]})
]
Number = Annotated[Decimal, *_typed(values.parse_number, {"type": ["string", "integer", "number"]})]
Kode = Annotated[
    str,
    *_typed(values.parse_code, {"type": ["string", "integer", "number"], "description": "Kode"}),
]
Columns = dict[Text, Text]
Polaritas = Literal["positif", "negatif"]


class _Deferred(Model):
    """Format 2's models are built on first use: a format 1 plan, and every command that
    does not read a plan, never pays for them (measured: 40 ms of every start)."""

    model_config = ConfigDict(defer_build=True)


class Indikator(_Deferred):
    id: Id | None = Field(None, description="Kode, bila indikator dirujuk dari tempat lain")
    nama: Text = Field(description="Nama indikator kinerja")
    satuan: Text = Field(description="Satuan, mis. %, Dokumen, per 100.000 KH")
    target: TargetValue = Field(description="Target tahun rencana")
    sasaran: Id | None = Field(None, description="id sasaran strategis yang didukung")
    target_tampil: Text | None = Field(
        None, description="Target seperti dicetak bila berbeda, mis. '1 Laporan'"
    )
    polaritas: Polaritas = Field(
        "positif",
        description="positif: makin tinggi makin baik; negatif: makin rendah makin baik",
    )
    kumulatif: YesNo | None = Field(
        None, description="ya: realisasi triwulan dijumlahkan; tidak: nilai terakhir"
    )
    skala: Text | None = Field(None, description="Skala target kualitatif: sakip, opini, ...")
    definisi: Text | None = Field(None, description="Definisi operasional")
    formula: Text | None = Field(None, description="Formula / cara menghitung")
    sumber_data: Text | None = Field(None, description="Sumber data")
    baseline: TargetValue | None = Field(None, description="Kondisi awal (baseline)")
    target_tahunan: dict[Year, TargetValue] = Field(
        default_factory=dict, description="Target per tahun periode Renstra"
    )
    target_akhir: TargetValue | None = Field(None, description="Target akhir periode Renstra")
    realisasi_tahunan: dict[Year, TargetValue] = Field(
        default_factory=dict, description="Realisasi tahun-tahun sebelumnya"
    )
    target_triwulan: dict[Quarter, TargetValue] = Field(
        default_factory=dict, description="Target per triwulan (1-4)"
    )
    penanggung_jawab: Text | None = Field(None, description="Penanggung jawab")
    kolom: Columns = Field(default_factory=dict, description="Kolom lain seperti dicetak")


def _indikator_kind(raw: Any) -> str:
    return "~ref" if isinstance(raw, dict) and "ref" in raw else "~decl"


IndikatorEntry = Annotated[
    Annotated[Indikator, Tag("~decl")] | Annotated[IndikatorRef, Tag("~ref")],
    Discriminator(_indikator_kind),
]


class _Node(_Deferred):
    kode: Kode | None = Field(None, description="Kode, ditulis persis seperti dokumen")
    nama: Text = Field(description="Nomenklatur")
    sasaran: Text | None = Field(None, description="Sasaran tingkat ini (sasaran program, ...)")
    indikator: list[IndikatorEntry] = Field(
        default_factory=list, description="Indikator tingkat ini (outcome / output)"
    )
    kolom: Columns = Field(default_factory=dict, description="Kolom lain seperti dicetak")


class _Parent(_Node):
    pagu: Rupiah | None = Field(None, description="Pagu yang dinyatakan; diperiksa dengan jumlah")


class _Leaf(_Node):
    anggaran: Rupiah = Field(description="Anggaran (pagu) dalam rupiah")


# --- KPU -------------------------------------------------------------------------------------


class KegiatanKpu(_Leaf):
    pass


class ProgramKpu(_Parent):
    kegiatan: list[KegiatanKpu] = Field(description="Kegiatan dalam program ini")


# --- Pemda -----------------------------------------------------------------------------------


class SubKegiatan(_Leaf):
    lokasi: Text | None = Field(None, description="Lokasi")
    sumber_dana: Text | None = Field(None, description="Sumber dana, mis. DAU, DAK")
    kelompok_sasaran: Text | None = Field(None, description="Kelompok sasaran")
    prioritas: Text | None = Field(None, description="Prioritas nasional / daerah")
    waktu_pelaksanaan: Text | None = Field(None, description="Waktu pelaksanaan")
    penanggung_jawab: Text | None = Field(None, description="Perangkat daerah penanggung jawab")
    pagu_maju: Rupiah | None = Field(None, description="Prakiraan maju: pagu tahun n+1")


class KegiatanPemda(_Parent):
    sub_kegiatan: list[SubKegiatan] = Field(description="Sub kegiatan dalam kegiatan ini")


class ProgramPemda(_Parent):
    kegiatan: list[KegiatanPemda] = Field(description="Kegiatan dalam program ini")


class BidangUrusan(_Parent):
    program: list[ProgramPemda] = Field(description="Program dalam bidang urusan ini")


class Urusan(_Parent):
    bidang_urusan: list[BidangUrusan] = Field(description="Bidang urusan")


# --- K/L -------------------------------------------------------------------------------------


class Ro(_Leaf):
    volume: Number | None = Field(None, description="Volume rincian output, mis. 12")
    satuan: Text | None = Field(None, description="Satuan volume, mis. Publikasi, Layanan")


class Kro(_Parent):
    satuan: Text | None = Field(None, description="Satuan KRO; satuan setiap RO sama dengannya")
    ro: list[Ro] = Field(description="Rincian output (RO)")


class KegiatanKl(_Parent):
    kro: list[Kro] = Field(description="Klasifikasi rincian output (KRO)")


class ProgramKl(_Parent):
    kegiatan: list[KegiatanKl] = Field(description="Kegiatan dalam program ini")


# --- the rest of the plan --------------------------------------------------------------------


class Tujuan(_Deferred):
    kode: Kode | None = Field(None, description="Kode tujuan")
    nama: Text = Field(description="Rumusan tujuan")
    indikator: list[IndikatorEntry] = Field(default_factory=list, description="Indikator tujuan")


class Sasaran(schema.Sasaran):
    model_config = ConfigDict(defer_build=True)

    indikator: list[IndikatorEntry] = Field(
        default_factory=list, description="Indikator kinerja utama (IKU) sasaran ini"
    )


ScaleLevels = list[Text | list[Text]]


class MatriksRow(_Deferred):
    """A row of a hierarchical matrix as printed (Pemda RKT/Renja matrix, K/L RO table)."""

    no: RowNumber | None = None
    kode: Kode | None = None
    tingkat: Text | None = Field(None, description="Tingkat baris: program, kegiatan, ...")
    uraian: Text | None = Field(None, description="Program / kegiatan / sub kegiatan")
    indikator: Text | list[Text] | None = None
    satuan: Text | list[Text] | None = None
    target: TargetValue | list[TargetValue] | None = None
    pagu: Rupiah | None = None
    anggaran: Rupiah | None = None
    volume: Number | None = None
    lokasi: Text | None = None
    sumber_dana: Text | None = None
    kelompok_sasaran: Text | None = None
    prioritas: Text | None = None
    waktu_pelaksanaan: Text | None = None
    penanggung_jawab: Text | None = None
    pagu_maju: Rupiah | None = None
    jumlah: YesNo = Field(False, description="ya: baris jumlah, diperiksa dengan penjumlahan")
    kolom: Columns = Field(default_factory=dict, description="Kolom lain seperti dicetak")


class TabelV2(Tabel):
    """Format 1's published tables, and the hierarchical matrix."""

    model_config = ConfigDict(defer_build=True)

    matriks: list[MatriksRow] = Field(
        default_factory=list, description="Matriks berjenjang seperti diterbitkan"
    )


class RenstraV2(Renstra):
    """Format 2's `renstra:`: format 1's, and optionally the Renstra file with its targets."""

    model_config = ConfigDict(defer_build=True)

    berkas: Text | None = Field(
        None,
        description="Berkas Renstra (dokumen: renstra), relatif terhadap rencana; "
        "rktc validate memeriksa target rencana terhadapnya",
    )
    hubungan: Literal["sama", "tidak_di_bawah"] = Field(
        "sama",
        description="sama: target tahun rencana sama dengan target Renstra; tidak_di_bawah: "
        "tidak lebih buruk dari target Renstra (mis. KPU daerah terhadap Renstra KPU RI)",
    )


# --- the Perjanjian Kinerja -----------------------------------------------------------------


class PihakPk(_Deferred):
    """A party to the Perjanjian Kinerja, or its single signer."""

    nama: Text = Field(description="Nama, seperti pada tanda tangan")
    jabatan: Text = Field(description="Jabatan, mis. Sekretaris KPU Kabupaten Ogan Komering Ulu")
    pangkat: Text | None = Field(None, description="Pangkat/golongan, mis. Pembina (IV/a)")
    nip: Text | None = Field(
        None, description="NIP, 18 angka (dicetak 19591128 198603 1 003); kosong bila tidak ada"
    )
    plt: YesNo = Field(False, description="ya: pelaksana tugas (dicetak 'Plt.' di depan jabatan)")
    plh: YesNo = Field(False, description="ya: pelaksana harian (dicetak 'Plh.' di depan jabatan)")


class PkIndikator(_Deferred):
    """An indicator the PK carries: the plan's, by id or name; with a target when the PK
    states one of its own (a transcribed PK), which must equal the plan's."""

    id: Id | None = Field(None, description="id indikator dalam rencana")
    nama: Text | None = Field(None, description="Nama indikator, bila tidak ber-id")
    target: TargetValue | None = Field(None, description="Target seperti tertulis dalam PK")


def _pk_indikator_kind(raw: Any) -> str:
    return "~entry" if isinstance(raw, dict) else "~id"


PkIndikatorEntry = Annotated[
    Annotated[Id, Tag("~id")] | Annotated[PkIndikator, Tag("~entry")],
    Discriminator(_pk_indikator_kind),
]


class PerubahanPk(_Deferred):
    alasan: LongText = Field(description="Alasan perubahan, mis. pergantian pejabat")
    dasar: list[Text] = Field(default_factory=list, description="Dasar perubahan (ketentuan)")
    semula: Text = Field(description="Berkas rencana PK semula, relatif terhadap rencana ini")


class Pk(_Deferred):
    """The Perjanjian Kinerja of the plan's year (`rktc build --document pk`)."""

    tingkat: Text | None = Field(
        None,
        description="Tingkat lampiran: program (sasaran strategis, program), kegiatan, "
        "sub_kegiatan, ...; bawaan: menurut eselon, atau program",
    )
    eselon: Literal["I", "II", "III", "IV"] | None = Field(
        None, description="Eselon pihak pertama: I/II program, III kegiatan, IV di bawahnya"
    )
    tempat: Text | None = Field(None, description="Tempat penandatanganan (bawaan: penandatangan)")
    tanggal: PlanDateValue | None = Field(None, description="Tanggal penandatanganan PK")
    pihak_pertama: PihakPk | None = Field(None, description="Pihak pertama (yang berjanji)")
    pihak_kedua: PihakPk | None = Field(None, description="Pihak kedua (atasan pihak pertama)")
    penandatangan: PihakPk | None = Field(
        None, description="Penandatangan tunggal (menteri, bupati): hanya pernyataan janji"
    )
    indikator: list[PkIndikatorEntry] = Field(
        default_factory=list,
        description="Indikator yang dimuat PK (id, atau {id/nama, target}); bawaan: semua",
    )
    perubahan: PerubahanPk | None = Field(None, description="PK perubahan: alasan, dasar, semula")
    ilustrasi: YesNo = Field(False, description="ya: data penandatangan contoh, bukan data")
    keterangan: Text | None = Field(None, description="Catatan yang dicetak di bawah PK")


class _PlanV2(_Deferred):
    """An annual performance plan (Rencana Kinerja Tahunan), format 2."""

    rktc: Annotated[Literal["2"], WithJsonSchema({"enum": [2, "2"]})] = Field(
        description="Versi format berkas rencana"
    )
    jenis: Literal["kpu", "pemda", "kl"] = Field(description="Jenis instansi: kpu, pemda, kl")
    tahun: Year = Field(description="Tahun rencana")
    judul: Text = Field("Rencana Kinerja Tahunan", description="Judul dokumen")
    instansi: Instansi = Field(description="Satuan kerja / perangkat daerah penyusun rencana")
    sampul: Sampul | None = Field(None, description="Sampul seperti diterbitkan (literal)")
    renstra: RenstraV2 = Field(description="Rencana Strategis yang dijabarkan rencana ini")
    dasar_hukum: list[Text] = Field(default_factory=list, description="Dasar hukum")
    kata_pengantar: LongText | None = Field(None, description="Kata pengantar")
    ringkasan_eksekutif: LongText | None = Field(None, description="Ringkasan eksekutif")
    visi: Visi = Field(description="Visi dan pengertian kata kuncinya")
    misi: list[Text] = Field(description="Daftar misi")
    tujuan: list[Text | Tujuan] = Field(description="Tujuan: teks, atau nama dengan indikator")
    sasaran: list[Sasaran] = Field(default_factory=list, description="Sasaran strategis (IKU)")
    skala: dict[Text, ScaleLevels] = Field(
        default_factory=dict, description="Skala kualitatif yang dipakai target, terendah dulu"
    )
    pagu: Rupiah | None = Field(None, description="Pagu anggaran (DIPA/DPA) untuk memeriksa jumlah")
    penandatangan: Penandatangan = Field(description="Blok tanda tangan")
    tabel: TabelV2 | None = Field(None, description="Tabel dokumen seperti diterbitkan (literal)")
    pemeriksaan: Pemeriksaan | None = Field(None, description="Pilihan aturan pemeriksaan")
    pk: Pk | None = Field(None, description="Perjanjian Kinerja tahun rencana (pilihan)")

    @field_validator("skala")
    @classmethod
    def _check_scales(cls, skala: dict[str, Any]) -> dict[str, Any]:
        for name, levels in skala.items():
            values.declare_scale(name, levels)
        return skala


class PlanKpu(_PlanV2):
    program: list[ProgramKpu] = Field(default_factory=list, description="Program -> kegiatan")


class PlanPemda(_PlanV2):
    urusan: list[Urusan] = Field(
        default_factory=list, description="Urusan -> bidang urusan -> program (pilihan)"
    )
    program: list[ProgramPemda] = Field(
        default_factory=list, description="Program -> kegiatan -> sub kegiatan"
    )

    @field_validator("program")
    @classmethod
    def _one_top_level(cls, program: list[Any], info: ValidationInfo) -> list[Any]:
        """Programs are written under `urusan` or at the top, never both: one of the two
        lists would otherwise be left out of the document."""
        if program and info.data.get("urusan"):
            raise values.ValueProblem("value.urusan_and_program")
        return program


class PlanKl(_PlanV2):
    program: list[ProgramKl] = Field(
        default_factory=list, description="Program -> kegiatan -> KRO -> RO"
    )


PLAN_MODELS: dict[str, type[_PlanV2]] = {"kpu": PlanKpu, "pemda": PlanPemda, "kl": PlanKl}
PlanV2 = PlanKpu | PlanPemda | PlanKl
AnyPlan = schema.Plan | PlanV2  # a plan of either format: what later stages receive


def validation_context(data: Any) -> dict[str, Any]:
    """The scales a plan's targets are read with: its own declared ones, then the built-in.

    A declaration that is not well formed is left out here; the schema reports it at its
    place (see `_check_scales`)."""
    declared: list[values.Scale] = []
    raw = data.get("skala") if isinstance(data, dict) else None
    if isinstance(raw, dict):
        for name, levels in raw.items():
            try:
                declared.append(values.declare_scale(str(name), levels))
            except (values.ValueProblem, TypeError):
                continue
    return {_SCALES_CONTEXT: (*declared, *values.BUILTIN_SCALES)}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a format 2 plan of one kind of office, for editors."""
    schema = PLAN_MODELS[kind].model_json_schema(mode="validation")
    schema["properties"]["jenis"] = {"const": kind, "description": f"Jenis instansi: {kind}"}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"rktc plan (format 2, jenis: {kind})"
    return schema


__all__ = [
    "KINDS",
    "LEVELS",
    "LEVEL_LABELS",
    "PLAN_MODELS",
    "TOP_LEVELS",
    "AnyPlan",
    "Indikator",
    "MatriksRow",
    "PerubahanPk",
    "PihakPk",
    "Pk",
    "PkIndikator",
    "PlanDateValue",
    "PlanKl",
    "PlanKpu",
    "PlanPemda",
    "PlanV2",
    "RenstraV2",
    "Sasaran",
    "Tujuan",
]
