"""Small format 2 plans of each kind of office, clean, for the rules of every level.

Each is a whole plan: HEAD (19 lines, the parts every plan has) and a body. Line numbers
in the tests count from the start of the plan."""

from __future__ import annotations

from helpers import compile_yaml

HEAD = """\
rktc: 2
jenis: {kind}
tahun: 2025
instansi:
  nama: {nama}
  kota: Contoh
renstra:
  periode: 2025-2029
visi:
  teks: Kabupaten Contoh yang Sehat dan Sejahtera
misi:
  - Meningkatkan kualitas pelayanan publik
tujuan:
  - Meningkatnya kualitas pelayanan publik
penandatangan:
  tempat: Contoh
  tanggal: 30 Januari 2025
  jabatan: Kepala
  nama: NAMA KEPALA
"""

PEMDA = """\
sasaran:
  - id: S1
    nama: Meningkatnya kualitas kesehatan ibu dan anak
    indikator:
      - id: IKU1
        nama: Angka kematian ibu
        satuan: per 100.000 KH
        polaritas: negatif
        baseline: 196/100.000 KH
        target: ≤ 183/100.000 KH
        target_tahunan: {2025: ≤ 183/100.000 KH, 2026: ≤ 178/100.000 KH}
      - nama: Nilai evaluasi SAKIP
        satuan: Predikat
        skala: sakip
        baseline: B
        target: BB
pagu: 430.000.000
program:
  - kode: "1.02.02"
    nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
    pagu: 430.000.000
    indikator:
      - {nama: Persentase fasilitas kesehatan terakreditasi, satuan: "%", baseline: 72%, target: 80 - 90%}
    kegiatan:
      - kode: "1.02.02.2.02"
        nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
        pagu: 430.000.000
        indikator:
          - {nama: Persentase ibu hamil dan bersalin yang dilayani sesuai standar, satuan: "%", target: 100%}
        sub_kegiatan:
          - kode: "1.02.02.2.02.0001"
            nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil
            anggaran: 250.000.000
            lokasi: Kabupaten Contoh
            sumber_dana: DAU
            kelompok_sasaran: Ibu hamil
            indikator:
              - {nama: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang}
          - kode: "1.02.02.2.02.0002"
            nama: Pengelolaan Pelayanan Kesehatan Ibu Bersalin
            anggaran: 180.000.000
            lokasi: Kabupaten Contoh
            sumber_dana: DAK
            kelompok_sasaran: Ibu bersalin
            indikator:
              - {nama: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.190 Orang}
"""

KL = """\
sasaran:
  - id: SS1
    nama: Meningkatnya pemanfaatan data statistik yang berkualitas
    indikator:
      - {nama: Persentase pengguna data yang puas, satuan: "%", baseline: 88%, target: 90%}
pagu: 1.500.000.000
program:
  - kode: 054.01.GG
    nama: Program Penyediaan dan Pelayanan Informasi Statistik
    sasaran: Meningkatnya kualitas data statistik
    indikator:
      - {nama: Indeks kepuasan pengguna data, satuan: Indeks, target: "3,5"}
    kegiatan:
      - kode: "2896"
        nama: Pengembangan dan Analisis Statistik
        sasaran: Tersedianya analisis statistik yang berkualitas
        indikator:
          - {nama: Jumlah publikasi analisis statistik, satuan: Publikasi, target: 3 Publikasi}
        kro:
          - kode: 2896.BMA
            nama: Data dan Informasi Publik
            satuan: Publikasi
            pagu: 1.500.000.000
            ro:
              - {kode: 2896.BMA.004, nama: Publikasi Statistik Daerah, volume: "2", satuan: Publikasi, anggaran: 1.000.000.000}
              - {kode: 2896.BMA.006, nama: Publikasi Kabupaten Dalam Angka, volume: "1", satuan: Publikasi, anggaran: 500.000.000}
"""

# The Pemda matrix as published (Renja columns), closed by its "Jumlah" row.
PEMDA_MATRIX = """\
sasaran:
  - id: S1
    nama: Meningkatnya kualitas kesehatan ibu dan anak
    indikator:
      - {nama: Persentase ibu hamil yang dilayani sesuai standar, satuan: "%", target: 100%}
tabel:
  matriks:
    - no: 1
      kode: "1.02.02"
      uraian: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
      indikator: Persentase fasilitas kesehatan terakreditasi
      satuan: "%"
      target: 80 - 90%
      pagu: 430.000.000
    - no: 2
      kode: 1.02.02.2.02
      uraian: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
      indikator: Persentase ibu hamil dan bersalin yang dilayani sesuai standar
      satuan: "%"
      target: 100%
      pagu: 430.000.000
    - no: 3
      kode: 1.02.02.2.02.0001
      uraian: Pengelolaan Pelayanan Kesehatan Ibu Hamil
      indikator: [Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, Jumlah kunjungan ibu hamil K4]
      satuan: [Orang, Kunjungan]
      target: [1.250 Orang, 5.000 Kunjungan]
      pagu: 250.000.000
      lokasi: Kabupaten Contoh
      sumber_dana: DAU
      kelompok_sasaran: Ibu hamil
    - no: 4
      kode: 1.02.02.2.02.0002
      uraian: Pengelolaan Pelayanan Kesehatan Ibu Bersalin
      indikator: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar
      satuan: Orang
      target: 1.190 Orang
      pagu: 180.000.000
      lokasi: Kabupaten Contoh
      sumber_dana: DAK
      kelompok_sasaran: Ibu bersalin
    - uraian: Jumlah
      jumlah: ya
      pagu: 430.000.000
"""

# A K/L RO table as published: Kode | Rincian Output | Volume | Satuan | Anggaran.
KL_MATRIX = """\
sasaran:
  - id: SS1
    nama: Meningkatnya pemanfaatan data statistik yang berkualitas
    indikator:
      - {nama: Persentase pengguna data yang puas, satuan: "%", target: 90%}
tabel:
  matriks:
    - {kode: 054.01.GG, tingkat: program, uraian: Program Penyediaan dan Pelayanan Informasi Statistik}
    - {kode: "2896", tingkat: kegiatan, uraian: Pengembangan dan Analisis Statistik}
    - {kode: 2896.BMA, tingkat: kro, uraian: Data dan Informasi Publik, satuan: Publikasi}
    - {kode: 2896.BMA.004, tingkat: ro, uraian: Publikasi Statistik Daerah, volume: "2", satuan: Publikasi, anggaran: 1.000.000.000}
    - {kode: 2896.BMA.006, tingkat: ro, uraian: Publikasi Kabupaten Dalam Angka, volume: "1", satuan: Publikasi, anggaran: 500.000.000}
    - {uraian: Jumlah, jumlah: ya, anggaran: 1.500.000.000}
"""

NAMES = {
    "kpu": "Komisi Pemilihan Umum Kabupaten Contoh",
    "pemda": "Dinas Kesehatan Kabupaten Contoh",
    "kl": "Badan Pusat Statistik Kabupaten Contoh",
}


def plan(kind: str, body: str) -> str:
    """A whole format 2 plan of `kind` with `body` after the common head."""
    return HEAD.format(kind=kind, nama=NAMES[kind]) + body


def pemda(body: str = PEMDA) -> str:
    return plan("pemda", body)


def kl(body: str = KL) -> str:
    return plan("kl", body)


# A KPU office in format 2: APBN codes, which do not nest from program to kegiatan.
KPU = """\
sasaran:
  - id: S1
    nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
program:
  - kode: 076.01.WA
    nama: Program Dukungan Manajemen
    kegiatan:
      - kode: "2886"
        nama: Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya
        anggaran: 1.250.000.000
        indikator:
          - {nama: Persentase layanan perkantoran yang tepat waktu, sasaran: S1, satuan: "%", target: 100%}
      - kode: "2887"
        nama: Dukungan Penyelenggaraan Tahapan Pemilu
        anggaran: 750.000.000
        indikator:
          - {nama: Persentase tahapan Pemilu yang tepat jadwal, sasaran: S1, satuan: "%", target: 100%}
"""


def edit(source: str, old: str, new: str, count: int = 1) -> str:
    """`source` with `old` replaced by `new`; `old` must occur exactly `count` times."""
    assert source.count(old) == count, (old, source.count(old))
    return source.replace(old, new)


def places(tmp_path, source, select):
    """`["line:col CODE <- line:col, ...", ...]`: each finding and its related places."""
    compiled = compile_yaml(tmp_path, source, select)
    return [
        f"{d.location.line}:{d.location.column} {d.code} <- "
        + ", ".join(f"{r.location.line}:{r.location.column}" for r in d.related)
        for d in compiled.diagnostics
    ]


def keys(tmp_path, source, select):
    """The message keys of the findings, in order (which of a rule's checks fired)."""
    return [d.message.key for d in compile_yaml(tmp_path, source, select).diagnostics]
