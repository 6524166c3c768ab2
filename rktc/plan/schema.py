"""The plan format (version 1) as pydantic models.

Field descriptions are the reference for plan authors: `rktc schema` exports
them as JSON Schema for editors, and docs/plan-format.md explains the whole.
Two ways of writing the plan tables share one file:

* single source: `sasaran` and `program -> kegiatan -> indikator`; every table
  of the document is derived from them, so they cannot disagree;
* as published: `tabel`, the document's tables row by row as printed, kept
  literally so that the checker can show where they disagree.
"""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built (measured: 47 -> 36 ms at each start).

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StringConstraints,
    Tag,
    WithJsonSchema,
)

from rktc.plan import values


def _text_parser(parse: Any) -> Any:
    def validate(raw: Any) -> Any:
        if not isinstance(raw, str):
            # pydantic turns only ValueError into a validation error; rktc.plan.validate
            # reports it as a type error.
            raise ValueError("expected text")  # noqa: TRY004
        return parse(raw)

    return validate


def _typed(parse: Any, schema: dict[str, Any]) -> list[Any]:
    return [PlainValidator(_text_parser(parse)), WithJsonSchema(schema)]


_NUMBERISH = {"type": ["string", "integer", "number"]}
MAX_TEXT = 2_000  # a name, a sentence: longer text is pasted by mistake
MAX_LONG_TEXT = 100_000  # kata pengantar, ringkasan eksekutif
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LONG_TEXT)]
Rupiah = Annotated[
    Decimal,
    *_typed(
        values.parse_rupiah,
        {**_NUMBERISH, "description": "Rupiah: 14.271.302.000 atau Rp14.271.302.000"},
    ),
]
TargetValue = Annotated[
    values.Target,
    *_typed(
        values.parse_target,
        {**_NUMBERISH, "description": "Target: 97%, 97,5%, 13 kec, 1 dokumen, WTP"},
    ),
]
PlanDateValue = Annotated[
    values.PlanDate,
    *_typed(
        values.parse_date, {"type": "string", "description": "30 Januari 2023 atau 2023-01-30"}
    ),
]
Year = Annotated[int, *_typed(values.parse_year, {"type": ["integer", "string"]})]
Period = Annotated[
    tuple[int, int],
    *_typed(values.parse_period, {"type": "string", "pattern": r"^\d{4}\s*-\s*\d{4}$"}),
]
RowNumber = Annotated[int, *_typed(values.parse_count, {"type": ["integer", "string"]})]
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
Version = Annotated[Literal["1"], WithJsonSchema({"enum": [1, "1"]})]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True
    )


class Instansi(Model):
    nama: Text = Field(description="Nama lengkap satuan kerja, seperti pada sampul")
    singkatan: Text | None = Field(None, description="Nama singkat, mis. KPU Kabupaten OKU")
    induk: Text | None = Field(None, description="Instansi induk, mis. Komisi Pemilihan Umum RI")
    kota: Text | None = Field(None, description="Kota kedudukan satuan kerja")
    logo: Text | None = Field(None, description="Berkas gambar logo, relatif terhadap rencana")


class Renstra(Model):
    periode: Period = Field(description="Periode Renstra, mis. 2020-2024")
    keputusan: Text | None = Field(None, description="Keputusan yang menetapkan Renstra")


class Makna(Model):
    kata: Text = Field(description="Kata kunci visi, mis. Mandiri")
    arti: Text = Field(description="Pengertian kata itu")


class Visi(Model):
    teks: Text = Field(description="Rumusan visi")
    makna: list[Makna] = Field(default_factory=list, description="Pengertian kata kunci visi")


class Sasaran(Model):
    id: Id = Field(description="Kode singkat untuk dirujuk indikator, mis. S1")
    nama: Text = Field(description="Rumusan sasaran strategis (Terwujudnya ... / Meningkatnya ...)")


class Indikator(Model):
    id: Id | None = Field(None, description="Kode, hanya bila indikator dirujuk kegiatan lain")
    nama: Text = Field(description="Nama indikator kinerja")
    sasaran: Id = Field(description="id sasaran yang didukung indikator ini")
    satuan: Text = Field(description="Satuan, mis. Lembaga, Dokumen, %")
    target: TargetValue = Field(description="Target tahun ini, mis. 97%, 13 kec")


class IndikatorRef(Model):
    ref: Id = Field(description="id indikator yang sudah ditulis di kegiatan lain")


def _indikator_kind(raw: Any) -> str:
    return "~ref" if isinstance(raw, dict) and "ref" in raw else "~decl"


IndikatorEntry = Annotated[
    Annotated[Indikator, Tag("~decl")] | Annotated[IndikatorRef, Tag("~ref")],
    Discriminator(_indikator_kind),
]


class Kegiatan(Model):
    nama: Text = Field(description="Nama kegiatan")
    anggaran: Rupiah = Field(description="Anggaran kegiatan dalam rupiah")
    indikator: list[IndikatorEntry] = Field(description="Indikator kinerja kegiatan ini")


class Program(Model):
    nama: Text = Field(description="Nama program")
    kegiatan: list[Kegiatan] = Field(description="Kegiatan dalam program ini")


class Penandatangan(Model):
    tempat: Text = Field(description="Tempat penandatanganan, mis. Baturaja")
    tanggal: PlanDateValue = Field(description="Tanggal penandatanganan")
    jabatan: Text | None = Field(None, description="Jabatan, mis. Ketua")
    nama: Text = Field(description="Nama penandatangan")
    nip: Text | None = Field(None, description="NIP, bila ada")
    pangkat: Text | None = Field(
        None, description="Pangkat/golongan, mis. Pembina Utama Muda (IV/c), bila dicetak"
    )
    instansi: Text | None = Field(
        None, description="Baris instansi di atas tanda tangan bila berbeda dari instansi.nama"
    )


class Sampul(Model):
    """The cover as published, when it is transcribed rather than derived."""

    judul: Text | None = Field(None, description="Judul pada sampul")
    instansi: Text | None = Field(None, description="Nama instansi pada sampul")
    tahun: Year | None = Field(None, description="Tahun pada sampul")
    induk: Text | None = Field(None, description="Instansi induk pada sampul")


class Pemeriksaan(Model):
    pilih: list[Text] = Field(default_factory=list, description="Kode aturan yang dijalankan")
    abaikan: list[Text] = Field(default_factory=list, description="Kode aturan yang diabaikan")


# --- the document's tables, as published ---------------------------------------------------


class SasaranRow(Model):
    no: RowNumber | None = None
    sasaran: Text


class IndikatorRow(Model):
    no: RowNumber | None = None
    indikator: Text
    satuan: Text | None = None
    target: TargetValue | None = None
    anggaran: Rupiah | None = None


class MatrixRow(Model):
    no: RowNumber | None = None
    sasaran: Text | None = None
    kegiatan: Text | None = None
    indikator: Text | None = None
    satuan: Text | None = None
    target: TargetValue | None = None
    anggaran: Rupiah | None = None


class ProgramTable(Model):
    no: RowNumber | None = None
    program: Text
    baris: list[MatrixRow]
    jumlah: Rupiah | None = Field(
        None, description="Jumlah anggaran yang dicetak di bawah program ini (diperiksa, RKT305)"
    )


class Jumlah(Model):
    """The "JUMLAH" row printed under a published table, as printed."""

    indikator: Rupiah | None = None
    program: Rupiah | None = None
    rkt: Rupiah | None = None
    apbn: Rupiah | None = None


class Tabel(Model):
    sasaran: list[SasaranRow] = Field(default_factory=list, description="BAB II A: sasaran")
    indikator: list[IndikatorRow] = Field(
        default_factory=list, description="BAB II B: Indikator Kinerja dan Rencana Capaian"
    )
    program: list[ProgramTable] = Field(
        default_factory=list, description="BAB II C: satu tabel per program"
    )
    rkt: list[MatrixRow] = Field(default_factory=list, description="Matriks RKT")
    apbn: list[ProgramTable] = Field(
        default_factory=list, description="Matriks Program dan Rencana Kerja Kegiatan (APBN)"
    )
    jumlah: Jumlah | None = Field(
        None, description="Baris JUMLAH tiap tabel seperti dicetak (diperiksa, RKT305)"
    )


class Plan(Model):
    """An annual performance plan (Rencana Kinerja Tahunan)."""

    rktc: Version = Field(description="Versi format berkas rencana; saat ini 1")
    tahun: Year = Field(description="Tahun rencana")
    judul: Text = Field("Rencana Kinerja Tahunan", description="Judul dokumen")
    instansi: Instansi = Field(description="Satuan kerja penyusun rencana")
    sampul: Sampul | None = Field(None, description="Sampul seperti diterbitkan (literal)")
    renstra: Renstra = Field(description="Rencana Strategis yang dijabarkan rencana ini")
    dasar_hukum: list[Text] = Field(default_factory=list, description="Dasar hukum")
    kata_pengantar: LongText | None = Field(
        None, description="Kata pengantar (kosong: dari templat)"
    )
    ringkasan_eksekutif: LongText | None = Field(
        None, description="Ringkasan eksekutif (kosong: dari templat)"
    )
    visi: Visi = Field(description="Visi dan pengertian kata kuncinya")
    misi: list[Text] = Field(description="Daftar misi, satu butir per baris '- '")
    tujuan: list[Text] = Field(description="Daftar tujuan, satu butir per baris '- '")
    sasaran: list[Sasaran] = Field(
        default_factory=list, description="Sasaran strategis, masing-masing dengan id"
    )
    program: list[Program] = Field(
        default_factory=list, description="Program, kegiatan dan indikatornya"
    )
    pagu: Rupiah | None = Field(None, description="Pagu anggaran (DIPA) untuk memeriksa jumlah")
    penandatangan: Penandatangan = Field(description="Blok tanda tangan")
    tabel: Tabel | None = Field(None, description="Tabel dokumen seperti diterbitkan (literal)")
    pemeriksaan: Pemeriksaan | None = Field(None, description="Pilihan aturan pemeriksaan")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the plan format, for editors."""
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "rktc plan (format 1)"
    return schema
