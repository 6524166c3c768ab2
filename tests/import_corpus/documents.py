"""The corpus: twelve documents of four kinds of office, as their offices lay them out.

| document | office | source | what it shows |
|---|---|---|---|
| kpu_kabupaten | KPU kabupaten | .docx | the KPU tables; merged sasaran and kegiatan; Plh. signer with pangkat |
| kpu_kota | KPU kota | .xlsx | the RKT matrix in another column order; number cells (0%, #,##0) |
| dinkes_renja | Dinas Kesehatan | SIPD .xls | Renja T-C.33: two header rows, urusan rows, dot decimals, <br> |
| kecamatan | Kecamatan | .docx | codes, bold rows, a table split over a page, Jumlah Program rows |
| bappeda | Bappeda | .xlsx | one column per level (E-Sakip), merged cells, number cells |
| dinas_pupr | Dinas PUPR | .docx | no codes: levels by label and indent; English numbers |
| bps | BPS kabupaten | .docx | KRO/RO matrix, sasaran program table, RO tables per KRO |
| kejaksaan | Kejaksaan Negeri | .xlsx | an RO workbook with merged KRO rows and TOTAL |
| bpkp | BPKP perwakilan | .docx | sasaran program/kegiatan tables, RO table; no visi or misi |
| rsud | RSUD (BLUD) | .docx | Renja columns, pagu n+1, indicators that do not pair up, mixed numbers |
| bapenda | Bapenda provinsi | SIPD .xls | provincial codes, a table continued with its header, a code misplaced |
| dinsos | Dinas Sosial | .xlsx | no front matter; Target over Kinerja and Rp; a part without header |

Each is made by `build(name, folder)`; `DOCUMENTS[name]` says its office, its source
format and the document as described for `builders`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from import_corpus.builders import WRITERS, Cell, Document, Num, TableSpec


@dataclass(frozen=True)
class Entry:
    office: str  # the kind of office: kpu, pemda, kl, other (a BLUD, a provincial badan)
    fmt: str  # docx, xlsx or xls
    document: Document


def B(text: str | Num, **kw: int | bool) -> Cell:  # a bold cell, short to read
    return Cell(text, bold=True, **kw)  # type: ignore[arg-type]


def money(value: int) -> Num:
    """An amount in a workbook number cell (#,##0); printed with dots in Word."""
    return Num(value, "#,##0", f"{value:,}".replace(",", "."))


def percent(value: float) -> Num:
    """A percentage in a workbook number cell (0%)."""
    shown = f"{round(value * 100, 6):g}".replace(".", ",")
    return Num(value, "0%", f"{shown}%")


# --- KPU ------------------------------------------------------------------------------------------

KPU_KABUPATEN = Document(
    [
        "RENCANA KINERJA TAHUNAN",
        "KOMISI PEMILIHAN UMUM",
        "KABUPATEN MUARA INDAH",
        "TAHUN 2025",
        "KATA PENGANTAR",
        (
            "Rencana Kinerja Tahunan ini menjabarkan Rencana Strategis 2025-2029 Komisi Pemilihan "
            "Umum Kabupaten Muara Indah untuk tahun 2025."
        ),
        "Muara Indah, 13 Januari 2025",
        "Plh. SEKRETARIS KOMISI PEMILIHAN UMUM",
        "KABUPATEN MUARA INDAH,",
        "RAHMAT HIDAYAT, S.H., M.H.",
        "Pembina (IV/a)",
        "NIP. 19720315 199803 1 004",
        "BAB I",
        "A. Visi",
        "\u201cMenjadi Penyelenggara Pemilu yang Mandiri, Profesional, dan Berintegritas\u201d",
        "B. Misi",
        "1. Menyelenggarakan pemilu dan pemilihan yang demokratis",
        "2. Meningkatkan partisipasi dan pendidikan pemilih",
        "C. Tujuan",
        "1. Meningkatnya kualitas penyelenggaraan pemilu dan pemilihan",
        "BAB II",
        "A. Sasaran Strategis",
        "1. Terwujudnya penyelenggaraan pemilu yang berkualitas",
        "2. Terwujudnya tata kelola yang akuntabel",
        "B. Indikator Kinerja",
        TableSpec(
            [
                ["No", "Indikator Kinerja", "Satuan", "Target", "Anggaran (Rp)"],
                ["1", "Persentase tahapan pemilihan sesuai jadwal", "%", "100%", "1.250.000.000"],
                ["2", "Persentase partisipasi pemilih", "%", "77,5%", "350.000.000"],
                ["3", "Nilai evaluasi SAKIP satuan kerja", "Nilai", "75", "85.000.000"],
            ]
        ),
        "C. Matriks Rencana Kinerja Tahunan",
        TableSpec(
            [
                [
                    "No",
                    "Sasaran Strategis",
                    "Kegiatan",
                    "Indikator Kinerja",
                    "Satuan",
                    "Target",
                    "Anggaran (Rp)",
                ],
                [
                    "1",
                    Cell("Terwujudnya penyelenggaraan pemilu yang berkualitas", down=2),
                    "Dukungan Penyelenggaraan Tahapan Pemilihan",
                    "Persentase tahapan pemilihan sesuai jadwal",
                    "%",
                    "100%",
                    "1.250.000.000",
                ],
                [
                    "2",
                    None,
                    "Sosialisasi dan Pendidikan Pemilih",
                    "Persentase partisipasi pemilih",
                    "%",
                    "77,5%",
                    "350.000.000",
                ],
                [
                    "3",
                    "Terwujudnya tata kelola yang akuntabel",
                    "Layanan Perencanaan dan Pelaporan",
                    "Nilai evaluasi SAKIP satuan kerja",
                    "Nilai",
                    "75",
                    "85.000.000",
                ],
            ]
        ),
        "D. Matriks Program dan Rencana Kerja Kegiatan berdasarkan APBN",
        TableSpec(
            [
                [
                    "No",
                    "Sasaran Strategis",
                    "Kegiatan",
                    "Indikator Kinerja",
                    "Satuan",
                    "Target",
                    "Anggaran (Rp)",
                ],
                [Cell("Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", span=7)]
                + [None] * 6,
                [
                    "1",
                    "Terwujudnya penyelenggaraan pemilu yang berkualitas",
                    "Dukungan Penyelenggaraan Tahapan Pemilihan",
                    "Persentase tahapan pemilihan sesuai jadwal",
                    "%",
                    "100%",
                    "1.250.000.000",
                ],
                [
                    "2",
                    "Terwujudnya penyelenggaraan pemilu yang berkualitas",
                    "Sosialisasi dan Pendidikan Pemilih",
                    "Persentase partisipasi pemilih",
                    "%",
                    "77,5%",
                    "350.000.000",
                ],
                [Cell("Program Dukungan Manajemen", span=7)] + [None] * 6,
                [
                    "3",
                    "Terwujudnya tata kelola yang akuntabel",
                    "Layanan Perencanaan dan Pelaporan",
                    "Nilai evaluasi SAKIP satuan kerja",
                    "Nilai",
                    "75",
                    "85.000.000",
                ],
            ]
        ),
    ]
)

KPU_KOTA = Document(
    [
        "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025",
        "KOMISI PEMILIHAN UMUM KOTA BATU PUTIH",
        "BAB I",
        "Visi: Menjadi penyelenggara pemilu yang mandiri dan terpercaya",
        "Misi:",
        "1. Menyelenggarakan pemilihan yang jujur dan adil",
        "Tujuan:",
        "1. Meningkatnya kepercayaan publik terhadap penyelenggaraan pemilu",
        "Matriks",
        "MATRIKS RENCANA KINERJA TAHUNAN 2025",
        TableSpec(
            [
                [
                    "No",
                    "Kegiatan",
                    "Indikator Kinerja",
                    "Target",
                    "Satuan",
                    "Sasaran Strategis",
                    "Anggaran (Rp)",
                ],
                [
                    "1",
                    "Dukungan Pemutakhiran Data Pemilih",
                    "Persentase data pemilih yang mutakhir",
                    percent(0.95),
                    "%",
                    "Terwujudnya data pemilih yang akurat",
                    money(742500000),
                ],
                [
                    "2",
                    "Layanan Perkantoran",
                    "Persentase layanan perkantoran yang terpenuhi",
                    percent(1),
                    "%",
                    "Terwujudnya dukungan manajemen yang andal",
                    money(1985000000),
                ],
                [
                    "3",
                    "Layanan Hukum dan Pengawasan",
                    "Jumlah produk hukum yang didokumentasikan",
                    "12 produk",
                    "Produk",
                    "Terwujudnya dukungan manajemen yang andal",
                    money(96400000),
                ],
            ]
        ),
    ],
    sheets=["Pendahuluan", "Matriks"],
)

# --- Pemda OPD ------------------------------------------------------------------------------------

_TC33_TOP = [
    Cell("No", down=2),
    Cell("Kode", down=2),
    Cell("Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", down=2),
    Cell("Indikator Program/ Kegiatan/ Sub Kegiatan", down=2),
    Cell("Target Akhir Periode Renstra", down=2),
    Cell("Realisasi Capaian Tahun n-2", down=2),
    Cell("Prakiraan Capaian Tahun n-1", down=2),
    Cell("Rencana Tahun 2025", span=2),
    None,
    Cell("Lokasi", down=2),
    Cell("Sumber Dana", down=2),
    Cell("Prioritas (Nasional, Daerah)", down=2),
    Cell("Kelompok Sasaran", down=2),
    Cell("Prakiraan Maju Rencana Tahun n+1", span=2),
    None,
    Cell("Perangkat Daerah Penanggung Jawab", down=2),
]
_TC33_BOTTOM = [
    *[None] * 7,
    "Target",
    "Pagu Indikatif (Rp)",
    *[None] * 4,
    "Target",
    "Pagu Indikatif (Rp)",
    None,
]

DINKES_RENJA = Document(
    [
        "Tabel T-C.33",
        "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2025",
        "Dinas Kesehatan Kabupaten Tanjung Sari",
        TableSpec(
            [
                _TC33_TOP,
                _TC33_BOTTOM,
                [str(i) for i in range(1, 17)],
                [
                    "1",
                    "1",
                    B("URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"),
                    *[""] * 13,
                ],
                ["2", "1.02", B("URUSAN PEMERINTAHAN BIDANG KESEHATAN"), *[""] * 13],
                [
                    "3",
                    "1.02.02",
                    B(
                        "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN "
                        "MASYARAKAT"
                    ),
                    (
                        "Indeks Keluarga Sehat\nPersentase penduduk yang mendapat pelayanan "
                        "kesehatan sesuai standar"
                    ),
                    "0.45\n100 %",
                    "0.32\n88.6 %",
                    "0.36\n92.4 %",
                    "0.4 Indeks\n96.5 %",
                    "296187500",
                    "",
                    "",
                    "",
                    "",
                    "0.42 Indeks\n98 %",
                    "310000000",
                    "Dinas Kesehatan",
                ],
                [
                    "4",
                    "1.02.02.2.02",
                    B(
                        "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                        "Kabupaten/Kota"
                    ),
                    "Persentase fasilitas kesehatan yang memberikan layanan sesuai standar",
                    "100 %",
                    "",
                    "90 %",
                    "95.5 %",
                    "296187500",
                    "",
                    "",
                    "",
                    "",
                    "97 %",
                    "310000000",
                    "Dinas Kesehatan",
                ],
                [
                    "5",
                    "1.02.02.2.02.0001",
                    "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                    "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar",
                    "",
                    "1180",
                    "1210",
                    "1250 Orang",
                    "171187500",
                    "Kabupaten Tanjung Sari",
                    "DAU",
                    "Nasional: SPM Kesehatan",
                    "Ibu hamil",
                    "1275 Orang",
                    "180000000",
                    "Dinas Kesehatan",
                ],
                [
                    "6",
                    "1.02.02.2.02.0002",
                    "Pengelolaan Pelayanan Kesehatan Ibu Bersalin",
                    "Jumlah ibu bersalin yang mendapatkan pelayanan kesehatan sesuai standar",
                    "",
                    "1120",
                    "1160",
                    "1190 Orang",
                    "125000000",
                    "",
                    "DAK Non Fisik",
                    "Nasional: SPM Kesehatan",
                    "Ibu bersalin",
                    "1210 Orang",
                    "130000000",
                    "Dinas Kesehatan",
                ],
                [Cell("JUMLAH", span=8), *[None] * 7, "296187000", *[""] * 5, "310000000", ""],
            ],
            header_rows=3,
        ),
    ]
)

KECAMATAN_HEADER = [
    "No",
    "Kode",
    "Program/ Kegiatan/ Sub Kegiatan",
    "Pagu (Rp)",
    "Indikator Kinerja",
    "Satuan",
    "Target",
    "Keterangan",
]

KECAMATAN = Document(
    [
        "RENCANA KINERJA TAHUNAN",
        "KECAMATAN SUKA DAMAI",
        "KABUPATEN TANJUNG SARI",
        "TAHUN 2025",
        "KATA PENGANTAR",
        (
            "Rencana ini menjabarkan Rencana Strategis Kecamatan Suka Damai 2021-2026 untuk "
            "tahun 2025."
        ),
        "Suka Damai, 6 Januari 2025",
        "CAMAT SUKA DAMAI,",
        "Drs. AHMAD MUNAWAR, M.Si.",
        "Penata Tk. I (III/d)",
        "NIP : 19750505 200003 1 002",
        "BAB I",
        "Visi",
        "\u201cSuka Damai Tertib, Melayani dan Sejahtera\u201d",
        "Misi",
        "a. Meningkatkan kualitas pelayanan publik",
        "b. Memperkuat ketenteraman dan ketertiban umum",
        "Tujuan",
        "\u2022 Meningkatnya kualitas pelayanan administrasi kecamatan",
        "BAB II",
        "A. Sasaran dan Indikator Kinerja Utama",
        TableSpec(
            [
                [
                    "No",
                    "Sasaran",
                    "Indikator Sasaran",
                    "Satuan",
                    "Target 2025",
                    "Target 2026",
                    "Sumber Data",
                ],
                [
                    Cell("1", down=2),
                    Cell("Meningkatnya kualitas pelayanan publik kecamatan", down=2),
                    "Indeks Kepuasan Masyarakat",
                    "Indeks",
                    "82,5",
                    "83",
                    "Survei Kepuasan Masyarakat",
                ],
                [
                    None,
                    None,
                    "Persentase layanan PATEN yang selesai tepat waktu",
                    "%",
                    "95%",
                    "97%",
                    "Laporan PATEN",
                ],
            ]
        ),
        "B. Matriks Program dan Kegiatan",
        TableSpec(
            [
                KECAMATAN_HEADER,
                [
                    "1",
                    B("7.01.01"),
                    B("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                    B("150.000.000"),
                    "Persentase dokumen perencanaan dan pelaporan yang tepat waktu",
                    "%",
                    "100%",
                    "",
                ],
                [
                    "2",
                    B("7.01.01.2.01"),
                    B("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
                    B("60.000.000"),
                    "Jumlah dokumen perencanaan dan evaluasi yang disusun",
                    "Dokumen",
                    "5 Dokumen",
                    "",
                ],
                [
                    Cell("3", down=2),
                    Cell("7.01.01.2.01.0001", down=2),
                    Cell("Penyusunan Dokumen Perencanaan Perangkat Daerah", down=2),
                    Cell("35.000.000", down=2),
                    "Jumlah dokumen Renstra dan Renja yang disusun",
                    "Dokumen",
                    "2 Dokumen",
                    "Renja dan RKT",
                ],
                [
                    None,
                    None,
                    None,
                    None,
                    "Persentase dokumen perencanaan yang disahkan tepat waktu",
                    "%",
                    "100%",
                    "",
                ],
                [
                    "4",
                    "7.01.01.2.01.0007",
                    "Evaluasi Kinerja Perangkat Daerah",
                    "25.000.000",
                    "Jumlah laporan evaluasi kinerja\nJumlah laporan capaian kinerja",
                    "Laporan\nLaporan",
                    "4 Laporan\n2 Laporan",
                    "",
                ],
                [
                    "5",
                    B("7.01.01.2.02"),
                    B("Administrasi Keuangan Perangkat Daerah"),
                    B("95.000.000"),
                    "Jumlah laporan keuangan yang disusun",
                    "Laporan",
                    "12 Laporan",
                    "",
                ],
                [
                    "6",
                    "7.01.01.2.02.0001",
                    "Penyediaan Gaji dan Tunjangan ASN",
                    "80.000.000",
                    "Jumlah orang yang menerima gaji dan tunjangan ASN",
                    "Orang",
                    "24 Orang",
                    "",
                ],
            ]
        ),
        TableSpec(
            [
                KECAMATAN_HEADER,
                [
                    "7",
                    "7.01.01.2.02.0005",
                    "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                    "10.000.000",
                    "Jumlah laporan keuangan akhir tahun",
                    "Laporan",
                    "1 Laporan",
                    "",
                ],
                [
                    Cell(
                        "Jumlah Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", span=3
                    ),
                    None,
                    None,
                    "150.000.000",
                    "",
                    "",
                    "",
                    "",
                ],
                [
                    "8",
                    B("7.01.02"),
                    B("PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"),
                    B("45.000.000"),
                    "Persentase layanan administrasi yang selesai sesuai standar",
                    "%",
                    "95%",
                    "",
                ],
                [
                    "9",
                    B("7.01.02.2.01"),
                    B("Penyelenggaraan Urusan Pemerintahan Umum"),
                    B("45.000.000"),
                    "Jumlah layanan administrasi umum",
                    "Layanan",
                    "1.200 Layanan",
                    "",
                ],
                [
                    "10",
                    "7.01.02.2.01.0003",
                    "Penyelenggaraan Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
                    "45.000.000",
                    "Jumlah layanan PATEN yang diselesaikan",
                    "Layanan",
                    "1.200 Layanan",
                    "",
                ],
                [Cell("JUMLAH", span=3), None, None, "195.000.000", "", "", "", ""],
            ],
            break_before=True,
        ),
    ]
)

BAPPEDA = Document(
    [
        "RENCANA KINERJA TAHUNAN",
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        "KABUPATEN SUNGAI LESTARI",
        "TAHUN 2025",
        "Sungai Lestari, 3 Januari 2025",
        "KEPALA BAPPEDA KABUPATEN SUNGAI LESTARI,",
        "Ir. SITI NURHALIZA, M.T.",
        "NIP. 19700202 199503 2 001",
        "Matriks",
        "RENCANA KINERJA TAHUNAN BAPPEDA TAHUN 2025",
        TableSpec(
            [
                [
                    "No",
                    "Tahun",
                    "Sasaran",
                    "Indikator Sasaran",
                    "Program",
                    "Kegiatan",
                    "Sub Kegiatan",
                    "Indikator Sub Kegiatan",
                    "Target",
                    "Target Anggaran",
                ],
                [
                    Cell("1", down=3),
                    Cell("2025", down=3),
                    Cell("Meningkatnya kualitas perencanaan pembangunan daerah", down=3),
                    Cell("Persentase program RPJMD yang diakomodasi dalam RKPD", down=3),
                    Cell(
                        "PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH",
                        down=3,
                    ),
                    Cell("Penyusunan Perencanaan dan Pendanaan", down=2),
                    "Analisis Data dan Informasi Perencanaan Pembangunan Daerah",
                    "Jumlah dokumen hasil analisis data dan informasi",
                    "3 Dokumen",
                    money(120000000),
                ],
                [
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    "Penyusunan Dokumen Perencanaan Pembangunan Daerah",
                    (
                        "Jumlah dokumen RKPD yang disusun\nPersentase usulan musrenbang "
                        "yang diakomodasi"
                    ),
                    "1 Dokumen\n60%",
                    money(245000000),
                ],
                [
                    None,
                    None,
                    None,
                    None,
                    None,
                    "Pengendalian, Evaluasi dan Pelaporan",
                    "Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
                    "Persentase capaian kinerja program yang dievaluasi",
                    percent(0.95),
                    money(80000000),
                ],
            ]
        ),
        TableSpec(
            [
                [
                    "2",
                    "2025",
                    "Meningkatnya akuntabilitas kinerja Bappeda",
                    "Nilai SAKIP Bappeda",
                    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                    "Administrasi Keuangan Perangkat Daerah",
                    "Penyediaan Gaji dan Tunjangan ASN",
                    "Jumlah orang yang menerima gaji dan tunjangan ASN",
                    "42 Orang",
                    money(2150000000),
                ],
            ],
            header_rows=0,
        ),
    ],
    sheets=["Sampul", "Matriks"],
)

DINAS_PUPR = Document(
    [
        "PEMERINTAH KABUPATEN BUKIT HIJAU",
        "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025",
        "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
        "KATA PENGANTAR",
        "Dokumen ini disusun berdasarkan Rencana Strategis 2021-2026.",
        "Bukit Hijau, 10 Januari 2025",
        "KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
        "KABUPATEN BUKIT HIJAU,",
        "Dr. Ir. H. BAMBANG SUTRISNO, M.T.",
        "Pembina Utama Muda (IV/c)",
        "NIP. 19680808 199303 1 005",
        "BAB I",
        "Visi: Bukit Hijau yang Terhubung, Tertata dan Berkelanjutan",
        "Misi:",
        "1. Membangun infrastruktur jalan yang mantap",
        "2. Menata ruang wilayah secara berkelanjutan",
        "Tujuan : Meningkatnya kemantapan jalan kabupaten",
        "BAB II",
        TableSpec(
            [
                ["Uraian", "Indikator Kinerja", "Target", "Anggaran (Rp)", "Sumber Dana"],
                [
                    B("PROGRAM PENYELENGGARAAN JALAN"),
                    "Persentase jalan kabupaten dalam kondisi mantap",
                    "72.5%",
                    "14,250,000,000",
                    "",
                ],
                [
                    Cell("Penyelenggaraan Jalan Kabupaten/Kota", bold=True, indent=5),
                    "Panjang jalan yang ditingkatkan",
                    "12.5 Km",
                    "14,250,000,000",
                    "",
                ],
                [
                    Cell("Pembangunan Jalan", indent=10),
                    "Panjang jalan yang dibangun",
                    "4.2 Km",
                    "6,000,000,000",
                    "DAK Fisik",
                ],
                [
                    Cell("Rekonstruksi Jalan", indent=10),
                    "Panjang jalan yang direkonstruksi",
                    "8.3 Km",
                    "8,250,000,000",
                    "DAU",
                ],
                [Cell("Total", span=3), None, None, "14,250,000,000", ""],
            ]
        ),
    ]
)

DINSOS = Document(
    [
        TableSpec(
            [
                [
                    Cell("Kode", down=2),
                    Cell("Uraian", down=2),
                    Cell("Indikator", down=2),
                    Cell("Target", span=2),
                    None,
                    Cell("Keterangan", down=2),
                ],
                [None, None, None, "Kinerja", "Rp", None],
                [
                    B("1.06.04"),
                    B("PROGRAM REHABILITASI SOSIAL"),
                    "Persentase PPKS yang tertangani",
                    percent(0.85),
                    money(640000000),
                    "",
                ],
                [
                    B("1.06.04.2.01"),
                    B("Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar"),
                    "Persentase penyandang disabilitas terlantar yang direhabilitasi",
                    percent(0.8),
                    money(640000000),
                    "",
                ],
            ],
            header_rows=2,
        ),
        TableSpec(
            [
                [
                    "1.06.04.2.01.0001",
                    "Penyediaan Permakanan",
                    "Jumlah penyandang disabilitas yang mendapat permakanan",
                    "150 Orang",
                    money(390000000),
                    "Dalam panti",
                ],
                [
                    "1.06.04.2.01.0004",
                    "Pemberian Alat Bantu",
                    "Jumlah alat bantu yang diberikan",
                    "60 Unit",
                    money(250000000),
                    "",
                ],
            ],
            header_rows=0,
        ),
    ],
    sheets=["Matriks Renja"],
)

# --- K/L satker -----------------------------------------------------------------------------------

BPS = Document(
    [
        "RENCANA KINERJA TAHUNAN",
        "BADAN PUSAT STATISTIK KABUPATEN TELUK BIRU",
        "TAHUN 2025",
        "KATA PENGANTAR",
        "Dokumen ini menjabarkan Rencana Strategis 2025-2029 ke dalam target tahun 2025.",
        "Teluk Biru, 8 Januari 2025",
        "Kepala Badan Pusat Statistik",
        "Kabupaten Teluk Biru",
        "HENDRA SAPUTRA, S.Si., M.E.",
        "NIP. 19780315 200112 1 003",
        "BAB I",
        "1. Visi",
        "\u201cPenyedia Data Statistik Berkualitas untuk Indonesia Maju\u201d",
        "2. Misi",
        "1. Menyediakan statistik berkualitas yang berstandar nasional dan internasional",
        "3. Tujuan",
        "1. Meningkatnya penyediaan data statistik berkualitas",
        "4. Indikator Tujuan",
        TableSpec(
            [
                ["No", "Tujuan", "Indikator Tujuan", "Satuan", "Target"],
                [
                    "1",
                    "Meningkatnya penyediaan data statistik berkualitas",
                    "Persentase perangkat daerah yang menggunakan data BPS",
                    "%",
                    "85%",
                ],
            ]
        ),
        "BAB II",
        "A. Sasaran Strategis dan Indikator Kinerja Utama",
        TableSpec(
            [
                ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target"],
                [
                    "1",
                    "Meningkatnya pemanfaatan data statistik yang berkualitas",
                    "Persentase konsumen yang puas terhadap kualitas data",
                    "%",
                    "92%",
                ],
            ]
        ),
        "B. Sasaran Program dan Indikator Kinerja Program",
        TableSpec(
            [
                [
                    "No",
                    "Program",
                    "Sasaran Program",
                    "Indikator Kinerja Program",
                    "Satuan",
                    "Target",
                ],
                [
                    "1",
                    "Program Penyediaan dan Pelayanan Informasi Statistik",
                    "Meningkatnya kualitas pelayanan data dan informasi statistik",
                    "Persentase rilis data statistik yang tepat waktu",
                    "%",
                    "100%",
                ],
            ]
        ),
        "C. Rencana Kinerja dan Anggaran",
        TableSpec(
            [
                [
                    "No",
                    "Kode",
                    "Program/ Kegiatan/ KRO/ RO",
                    "Indikator Kinerja",
                    "Target",
                    "Volume",
                    "Satuan",
                    "Anggaran (Rp)",
                    "Keterangan",
                ],
                [
                    "1",
                    B("054.01.GG"),
                    B("Program Penyediaan dan Pelayanan Informasi Statistik"),
                    "Persentase rilis data statistik yang tepat waktu",
                    "100%",
                    "",
                    "",
                    B("263.450.000"),
                    "",
                ],
                [
                    "2",
                    B("2897"),
                    B("Pelayanan dan Pengembangan Diseminasi Informasi Statistik"),
                    (
                        "Persentase konsumen yang puas terhadap pelayanan data\v"
                        "Jumlah publikasi yang terbit tepat waktu"
                    ),
                    "93%\v3 Publikasi",
                    "",
                    "",
                    B("263.450.000"),
                    "",
                ],
                [
                    "3",
                    "2897.BMA",
                    "Data dan Informasi Publik",
                    "",
                    "",
                    "",
                    "Publikasi",
                    "199.150.000",
                    "",
                ],
                [
                    "4",
                    "2897.BMA.004",
                    "Publikasi Kabupaten Teluk Biru Dalam Angka",
                    "",
                    "",
                    "1",
                    "Publikasi",
                    "86.450.000",
                    "",
                ],
                [
                    "5",
                    "2897.BMA.005",
                    "Publikasi Kecamatan Dalam Angka",
                    "",
                    "",
                    "14",
                    "Publikasi",
                    "112.700.000",
                    "satu publikasi untuk setiap kecamatan",
                ],
                [
                    "6",
                    "2897.QMA",
                    "Data dan Informasi Publik",
                    "",
                    "",
                    "",
                    "Layanan",
                    "64.300.000",
                    "",
                ],
                [
                    "7",
                    "2897.QMA.006",
                    "Layanan Pelayanan Statistik Terpadu",
                    "",
                    "",
                    "1",
                    "Layanan",
                    "64.300.000",
                    "",
                ],
            ]
        ),
        "D. Rincian Output",
        TableSpec(
            [
                ["No", "Kode", "Rincian Output", "Volume", "Satuan", "Anggaran (Rp)"],
                [Cell("2897.BMA Data dan Informasi Publik", span=6), *[None] * 5],
                [
                    "1",
                    "2897.BMA.004",
                    "Publikasi Kabupaten Teluk Biru Dalam Angka",
                    "1",
                    "Publikasi",
                    "86.450.000",
                ],
                [
                    "2",
                    "2897.BMA.005",
                    "Publikasi Kecamatan Dalam Angka",
                    "14",
                    "Publikasi",
                    "112.700.000",
                ],
                [
                    Cell("Jumlah 2897.BMA Data dan Informasi Publik", span=5),
                    *[None] * 4,
                    "199.150.000",
                ],
            ]
        ),
    ]
)

KEJAKSAAN = Document(
    [
        "RENCANA KINERJA TAHUNAN 2025",
        "KEJAKSAAN NEGERI KOTA PADANG RAYA",
        "Padang Raya, 15 Januari 2025",
        "KEPALA KEJAKSAAN NEGERI KOTA PADANG RAYA",
        "SUGENG RIYADI, S.H., M.H.",
        "Jaksa Utama Pratama (IV/b)",
        "NIP. 19700707 199503 1 001",
        "RO",
        "RINCIAN OUTPUT TAHUN ANGGARAN 2025",
        TableSpec(
            [
                ["Kode", "Program/ Kegiatan/ KRO/ RO", "Volume", "Satuan", "Anggaran (Rp)"],
                [B("006.01.WA"), B("Program Dukungan Manajemen"), "", "", money(1450000000)],
                [
                    B("1056"),
                    B("Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya"),
                    "",
                    "",
                    money(1450000000),
                ],
                [
                    B("1056.EBA"),
                    B("Layanan Dukungan Manajemen Internal"),
                    "",
                    "Layanan",
                    money(1100000000),
                ],
                [
                    "1056.EBA.994",
                    "Layanan Perkantoran",
                    Num(1, "0", "1"),
                    "Layanan",
                    money(1100000000),
                ],
                [
                    B("1056.EBB"),
                    B("Layanan Sarana dan Prasarana Internal"),
                    "",
                    "Unit",
                    money(350000000),
                ],
                [
                    "1056.EBB.951",
                    "Layanan Sarana Internal",
                    Num(4, "0", "4"),
                    "Unit",
                    money(350000000),
                ],
                [Cell("TOTAL", span=4), None, None, None, money(1450000000)],
            ]
        ),
        "IKK",
        "SASARAN KEGIATAN DAN INDIKATOR KINERJA KEGIATAN",
        TableSpec(
            [
                ["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"],
                [
                    "1",
                    "Terwujudnya dukungan manajemen yang akuntabel",
                    "Nilai Indikator Kinerja Pelaksanaan Anggaran",
                    "95.5",
                ],
            ]
        ),
    ],
    sheets=["Sampul", "RO", "IKK"],
)

BPKP = Document(
    [
        "RENCANA KINERJA TAHUNAN",
        "BPKP PERWAKILAN PROVINSI LAUT TENANG",
        "KATA PENGANTAR",
        "Rencana ini disusun berdasarkan Rencana Strategis BPKP 2025-2029.",
        "BAB II",
        "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025",
        TableSpec(
            [
                ["No", "Sasaran Program", "Indikator Kinerja Program", "Target"],
                [
                    "1",
                    "Meningkatnya kualitas akuntabilitas keuangan dan pembangunan daerah",
                    "Persentase pemda dengan maturitas SPIP level 3",
                    "80%",
                ],
            ]
        ),
        TableSpec(
            [
                ["Kode", "Rincian Output", "Volume", "Satuan", "Anggaran (Rp)"],
                [Cell("3615.QDC Layanan Pengawasan", span=5), *[None] * 4],
                [
                    "3615.QDC.001",
                    "Pengawasan Akuntabilitas Keuangan Daerah",
                    "12",
                    "Laporan",
                    "420.000.000",
                ],
                [
                    "3615.QDC.002",
                    "Pengawasan Pembangunan Daerah",
                    "8",
                    "Laporan",
                    "315.000.000",
                ],
                [Cell("Jumlah", span=4), None, None, None, "745.000.000"],
            ]
        ),
    ]
)

# --- another kind: a BLUD hospital, a provincial badan --------------------------------------------

RSUD = Document(
    [
        "RENCANA KINERJA TAHUNAN",
        "RUMAH SAKIT UMUM DAERAH KABUPATEN TANJUNG SARI",
        "TAHUN 2025",
        "KATA PENGANTAR",
        "Rencana ini disusun berdasarkan Rencana Strategis 2021-2026.",
        "Tanjung Sari, 2 Januari 2025",
        "Plh. DIREKTUR RUMAH SAKIT UMUM DAERAH",
        "KABUPATEN TANJUNG SARI,",
        "dr. H. ANDI PRATAMA, Sp.PD., M.Kes.",
        "Pembina Tk. I (IV/b)",
        "NIP 19750101 200212 1 002",
        "BAB I",
        "Visi",
        "Rumah sakit pilihan masyarakat yang bermutu dan terjangkau",
        "Misi",
        "1. Memberikan pelayanan kesehatan rujukan yang bermutu",
        "Tujuan",
        "1. Meningkatnya mutu pelayanan rumah sakit",
        "BAB II",
        TableSpec(
            [
                [
                    "Kode",
                    "No",
                    "Program/ Kegiatan/ Sub Kegiatan",
                    "Indikator",
                    "Target",
                    "Satuan",
                    "Pagu Indikatif (Rp)",
                    "Sumber Dana",
                    "Lokasi",
                    "Kelompok Sasaran",
                    "Pagu Indikatif Tahun n+1 (Rp)",
                ],
                [
                    B("1.02.02"),
                    "1",
                    B(
                        "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN "
                        "MASYARAKAT"
                    ),
                    "Persentase pasien yang puas\nAngka kematian pasien lebih dari 48 jam",
                    "88.6%",
                    "%\nper mil",
                    B("749.930.215"),
                    "",
                    "",
                    "",
                    "790.000.000",
                ],
                [
                    B("1.02.02.2.03"),
                    "2",
                    B("Peningkatan Pelayanan BLUD"),
                    "Persentase pendapatan BLUD terhadap belanja",
                    "75%",
                    "%",
                    B("749.930.215"),
                    "",
                    "",
                    "",
                    "790.000.000",
                ],
                [
                    "1.02.02.2.03.0001",
                    "3",
                    "Pelayanan dan Penunjang Pelayanan BLUD",
                    "Jumlah BLUD yang menyediakan pelayanan dan penunjang",
                    "1",
                    "Unit Kerja",
                    "749.930.215",
                    "BLUD",
                    "RSUD Tanjung Sari",
                    "Pasien rumah sakit",
                    "790.000.000",
                ],
                [Cell("Total", span=6), *[None] * 5, "749.930.215", "", "", "", "790.000.000"],
            ]
        ),
    ]
)

_BAPENDA_HEADER = [
    "No",
    "Kode",
    "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan",
    "Indikator Kinerja",
    "Target",
    "Pagu Indikatif (Rp)",
    "Lokasi",
    "Sumber Dana",
    "Kelompok Sasaran",
]

BAPENDA = Document(
    [
        "RENCANA KERJA TAHUNAN",
        "BADAN PENDAPATAN DAERAH PROVINSI LAUT TENANG",
        "TAHUN ANGGARAN 2025",
        TableSpec(
            [
                _BAPENDA_HEADER,
                ["1", "5", B("UNSUR PENUNJANG URUSAN PEMERINTAHAN"), *[""] * 6],
                ["2", "5.02", B("KEUANGAN"), *[""] * 6],
                [
                    "3",
                    "5.02.02",
                    B("PROGRAM PENGELOLAAN PENDAPATAN DAERAH"),
                    "Persentase realisasi pendapatan asli daerah",
                    "100.5 %",
                    "1500000000",
                    "",
                    "",
                    "",
                ],
                [
                    "4",
                    "5.02.02.1.01",
                    B("Perencanaan Pengelolaan Retribusi Daerah"),
                    "Jumlah dokumen perencanaan retribusi",
                    "2 Dokumen",
                    "400000000",
                    "",
                    "",
                    "",
                ],
                [
                    "5",
                    "5.02.02.1.01.0001",
                    "Penyusunan Kebijakan Retribusi Daerah",
                    "Jumlah kebijakan retribusi daerah yang disusun",
                    "2 Dokumen",
                    "400000000",
                    "Provinsi Laut Tenang",
                    "PAD",
                    "Wajib retribusi",
                ],
            ]
        ),
        TableSpec(
            [
                _BAPENDA_HEADER,
                [
                    "6",
                    "5.02.02.1.02",
                    B("Analisa dan Pengembangan Retribusi Daerah"),
                    "Jumlah kajian potensi retribusi",
                    "1 Dokumen",
                    "1100000000",
                    "",
                    "",
                    "",
                ],
                [
                    "7",
                    "5.02.03.1.02.0001",
                    "Analisa dan Pengembangan Potensi Retribusi",
                    "Jumlah kajian yang disusun",
                    "1 Dokumen",
                    "1100000000",
                    "Provinsi Laut Tenang",
                    "PAD",
                    "Wajib retribusi",
                ],
                [Cell("Jumlah", span=5), *[None] * 4, "1500000000", "", "", ""],
            ]
        ),
    ]
)

DOCUMENTS: dict[str, Entry] = {
    "kpu_kabupaten": Entry("kpu", "docx", KPU_KABUPATEN),
    "kpu_kota": Entry("kpu", "xlsx", KPU_KOTA),
    "dinkes_renja": Entry("pemda", "xls", DINKES_RENJA),
    "kecamatan": Entry("pemda", "docx", KECAMATAN),
    "bappeda": Entry("pemda", "xlsx", BAPPEDA),
    "dinas_pupr": Entry("pemda", "docx", DINAS_PUPR),
    "dinsos": Entry("pemda", "xlsx", DINSOS),
    "bps": Entry("kl", "docx", BPS),
    "kejaksaan": Entry("kl", "xlsx", KEJAKSAAN),
    "bpkp": Entry("kl", "docx", BPKP),
    "rsud": Entry("other", "docx", RSUD),
    "bapenda": Entry("other", "xls", BAPENDA),
}


def build(name: str, folder: Path) -> Path:
    """The document `name` written into `folder` in its source format."""
    entry = DOCUMENTS[name]
    path = folder / f"{name}.{entry.fmt}"
    return WRITERS[entry.fmt](entry.document, path)  # type: ignore[no-any-return]
