"""Write a valid single-source plan with N indicators, deterministic for a given N.

    python bench/make_plan.py 10000 -o /tmp/plan-10k.yaml

Texts are Indonesian and of realistic length, numbers are written the Indonesian way, and
the plan has several programs, many kegiatan and a few sasaran, like a ministry's RKT.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

MEASURES = ["Persentase", "Jumlah", "Indeks", "Persentase", "Persentase", "Jumlah"]
OBJECTS = [
    "satuan kerja yang menyelenggarakan tahapan pemilihan sesuai jadwal",
    "laporan keuangan yang disusun tepat waktu dan sesuai standar akuntansi pemerintahan",
    "dokumen perencanaan dan penganggaran yang ditetapkan tepat waktu",
    "pemilih yang terdaftar dalam daftar pemilih tetap hasil pemutakhiran berkelanjutan",
    "produk hukum yang dikelola dan didokumentasikan sesuai peraturan perundang-undangan",
    "sarana dan prasarana perkantoran yang tersedia untuk memenuhi kebutuhan kerja pegawai",
    "badan penyelenggara adhoc yang dibentuk melalui seleksi terbuka",
    "logistik pemilihan yang didistribusikan tepat sasaran, tepat jumlah dan tepat waktu",
    "pegawai yang mengikuti peningkatan kapasitas dan bimbingan teknis",
    "layanan informasi publik yang diselesaikan sesuai standar pelayanan",
]
PLACES = [
    "Baturaja Timur",
    "Baturaja Barat",
    "Lengkiti",
    "Pengandonan",
    "Semidang Aji",
    "Ulu Ogan",
    "Lubuk Batang",
    "Sinar Peninjauan",
    "Peninjauan",
    "Kedaton",
    "Sosoh Buay Rayap",
    "Lubuk Raja",
    "Muara Jaya",
]
ACTIVITIES = [
    "Dukungan Kegiatan",
    "Layanan",
    "Fasilitasi",
    "Koordinasi",
    "Pengelolaan",
    "Penyusunan",
    "Sosialisasi",
    "Pembinaan",
]
TOPICS = [
    "Perencanaan dan Penganggaran",
    "Data dan Informasi",
    "Logistik Pemilihan",
    "Hukum dan Pengawasan",
    "Partisipasi Masyarakat",
    "Teknis Penyelenggaraan",
    "Sumber Daya Manusia",
    "Keuangan dan Barang Milik Negara",
]
SATUAN = ["Lembaga", "Dokumen", "Laporan", "Layanan", "Orang", "Satker"]
UNITS = ["dokumen", "laporan", "kec", "kali", "orang"]


def rupiah(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def target(rng: random.Random, measure: str) -> tuple[str, str]:
    if measure == "Persentase":
        whole = rng.choice([80, 85, 90, 95, 97, 100])
        value = f"{whole},5%" if whole < 100 and rng.random() < 0.2 else f"{whole}%"
        return value, rng.choice(SATUAN)
    if measure == "Indeks":
        return f"{rng.randint(2, 4)},{rng.randint(0, 9)}", "Indeks"
    unit = rng.choice(UNITS)
    return f"{rng.randint(1, 1500):,}".replace(",", ".") + f" {unit}", unit.capitalize()


def make_plan(count: int, seed: int = 2023) -> str:
    rng = random.Random(seed + count)
    sasaran = 5 + count // 1000
    programs = max(2, min(12, count // 800 + 2))
    out = [
        "rktc: 1",
        "tahun: 2025",
        "instansi:",
        f"  nama: Kementerian Contoh Perencanaan Kinerja ({count} indikator)",
        "  singkatan: Kementerian Contoh",
        "  induk: Pemerintah Republik Indonesia",
        "  kota: Jakarta",
        "renstra:",
        "  periode: 2025-2029",
        "  keputusan: Peraturan Menteri Contoh Nomor 1 Tahun 2025 tentang Rencana Strategis",
        "visi:",
        "  teks: Terwujudnya Tata Kelola Pemerintahan yang Efektif dan Akuntabel",
        "misi:",
        "  - Meningkatkan kualitas perencanaan dan penganggaran berbasis kinerja",
        "tujuan:",
        "  - Meningkatnya akuntabilitas kinerja instansi pemerintah",
        "sasaran:",
    ]
    for s in range(1, sasaran + 1):
        out += [
            f"  - id: S{s}",
            f"    nama: Meningkatnya Kualitas {rng.choice(TOPICS)} Wilayah {s}",
        ]
    out.append("program:")
    made = 0
    per_program = -(-count // programs)
    kegiatan_no = 0
    for p in range(1, programs + 1):
        out += [f"  - nama: Program {rng.choice(TOPICS)} {p}", "    kegiatan:"]
        target_made = min(count, p * per_program)
        while made < target_made:
            kegiatan_no += 1
            out += [
                f"      - nama: {rng.choice(ACTIVITIES)} {rng.choice(TOPICS)} Nomor {kegiatan_no}",
                f"        anggaran: {rupiah(rng.randint(10, 20_000) * 1_000_000)}",
                "        indikator:",
            ]
            for _ in range(min(rng.randint(1, 4), target_made - made)):
                made += 1
                measure = rng.choice(MEASURES)
                value, satuan = target(rng, measure)
                name = (
                    f"{measure} {rng.choice(OBJECTS)} di Kecamatan {rng.choice(PLACES)} "
                    f"tahap {made}"
                )
                drawn = rng.randint(1, sasaran)
                # the first indicators go to each sasaran in turn, so none is left without
                # one (RKT105) whatever the seed; drawing anyway keeps the rest as it was
                serves = made if made <= sasaran else drawn
                out += [
                    f"          - nama: {name}",
                    f"            sasaran: S{serves}",
                    f"            satuan: {satuan}",
                    f"            target: {value}",
                ]
    out += [
        "penandatangan:",
        "  tempat: Jakarta",
        "  tanggal: 2 Januari 2025",
        "  jabatan: Sekretaris Jenderal",
        "  nama: NAMA PEJABAT",
    ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of indicators")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    args.output.write_text(make_plan(args.count), encoding="utf-8")


if __name__ == "__main__":
    main()
