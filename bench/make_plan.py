"""Write a valid single-source plan with N indicators, deterministic for a given N.

    python bench/make_plan.py 10000 -o /tmp/plan-10k.yaml               # format 1 (KPU shape)
    python bench/make_plan.py 10000 --kind pemda -o /tmp/pemda-10k.yaml  # format 2, Pemda OPD
    python bench/make_plan.py 10000 --kind kl -o /tmp/kl-10k.yaml        # format 2, K/L satker

Texts are Indonesian and of realistic length, numbers are written the Indonesian way, and
the plan has several programs, many kegiatan and a few sasaran, like a ministry's RKT. The
Pemda plan has N sub kegiatan indicators (one or two per sub kegiatan) with Kepmendagri
style codes, Renja attributes and pagu, and indicators and stated pagu on every program and
kegiatan; the K/L plan has N RO, each with volume, satuan, anggaran and an indicator, under
KRO, kegiatan and programs with their sasaran and IKP/IKK.
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


SUMBER_DANA = ["DAU", "DAK Non Fisik", "BLUD", "Pajak Rokok", "DBH Cukai Hasil Tembakau"]
KELOMPOK = ["Ibu hamil", "Balita", "Lansia", "Remaja", "Tenaga kesehatan", "Masyarakat umum"]


def _header(kind: str, count: int, name: str, city: str) -> list[str]:
    return [
        "rktc: 2",
        f"jenis: {kind}",
        "tahun: 2025",
        "instansi:",
        f"  nama: {name} ({count} indikator)",
        f"  kota: {city}",
        "renstra:",
        "  periode: 2021-2026",
        "visi:",
        "  teks: Terwujudnya Masyarakat Sehat, Sejahtera dan Berdaya Saing",
        "misi:",
        "  - Meningkatkan kualitas pelayanan publik",
        "tujuan:",
        "  - nama: Meningkatnya derajat kesehatan masyarakat",
        "    indikator:",
        "      - {nama: Indeks kepuasan masyarakat, satuan: Indeks, target: '82,5'}",
        "sasaran:",
        "  - id: S1",
        "    nama: Meningkatnya kualitas pelayanan kesehatan",
        "    indikator:",
        "      - nama: Angka kematian ibu",
        "        satuan: per 100.000 KH",
        "        target: 183/100.000 KH",
        "        polaritas: negatif",
        "        baseline: 190/100.000 KH",
    ]


def _indicator(rng: random.Random, indent: str, made: int, level: str = "") -> list[str]:
    measure = rng.choice(MEASURES)
    value, satuan = target(rng, measure)
    return [
        f"{indent}- nama: {measure} {rng.choice(OBJECTS)} {level}tahap {made}",
        f"{indent}  satuan: {satuan}",
        f"{indent}  target: {value}",
    ]


def _footer(place: str, jabatan: str) -> list[str]:
    return [
        "penandatangan:",
        f"  tempat: {place}",
        "  tanggal: 2 Januari 2025",
        f"  jabatan: {jabatan}",
        "  nama: NAMA PEJABAT",
        "  nip: 197001012000031001",
    ]


def make_pemda_plan(count: int, seed: int = 2025) -> str:
    """A Dinas plan: program -> kegiatan -> sub kegiatan, `count` sub kegiatan indicators."""
    rng = random.Random(seed + count)
    out = _header("pemda", count, "Dinas Kesehatan Kabupaten Contoh", "Contoh")
    out.append("program:")
    programs = max(3, min(12, count // 800 + 3))
    per_program = -(-count // programs)
    made = 0
    for p in range(1, programs + 1):
        program_code = f"1.02.{p:02d}"
        body: list[str] = []
        program_total = 0
        goal = min(count, p * per_program)
        k = 0
        while made < goal:
            k += 1
            kegiatan_code = f"{program_code}.2.{k:02d}"
            subs: list[str] = []
            kegiatan_total = 0
            for s in range(1, rng.randint(3, 12) + 1):
                if made >= goal:
                    break
                amount = rng.randint(5, 2_000) * 1_000_000
                kegiatan_total += amount
                subs += [
                    f"          - kode: {kegiatan_code}.{s:04d}",
                    f"            nama: {rng.choice(ACTIVITIES)} {rng.choice(TOPICS)} {made + 1}",
                    f"            anggaran: {rupiah(amount)}",
                    f"            lokasi: Kecamatan {rng.choice(PLACES)}",
                    f"            sumber_dana: {rng.choice(SUMBER_DANA)}",
                    f"            kelompok_sasaran: {rng.choice(KELOMPOK)}",
                    "            waktu_pelaksanaan: Januari - Desember",
                    f"            pagu_maju: {rupiah(amount + 1_000_000)}",
                    "            indikator:",
                ]
                for _ in range(min(rng.randint(1, 2), goal - made)):
                    made += 1
                    subs += _indicator(rng, "              ", made)
            program_total += kegiatan_total
            body += [
                f"      - kode: {kegiatan_code}",
                f"        nama: {rng.choice(ACTIVITIES)} {rng.choice(TOPICS)} Kegiatan {k}",
                f"        pagu: {rupiah(kegiatan_total)}",
                "        indikator:",
                *_indicator(rng, "          ", made, f"kegiatan {kegiatan_code} "),
                "        sub_kegiatan:",
                *subs,
            ]
        out += [
            f"  - kode: {program_code}",
            f"    nama: PROGRAM {rng.choice(TOPICS).upper()} {p}",
            f"    pagu: {rupiah(program_total)}",
            "    indikator:",
            *_indicator(rng, "      ", made, f"program {program_code} "),
            "    kegiatan:",
            *body,
        ]
    out += _footer("Contoh", "Kepala Dinas Kesehatan")
    return "\n".join(out) + "\n"


def make_kl_plan(count: int, seed: int = 2025) -> str:
    """A K/L satker plan: program -> kegiatan -> KRO -> RO, `count` RO with an indicator."""
    rng = random.Random(seed + count)
    out = _header("kl", count, "Badan Pusat Statistik Kabupaten Contoh", "Contoh")
    out.append("program:")
    programs = max(2, min(8, count // 1500 + 2))
    per_program = -(-count // programs)
    made = 0
    for p in range(1, programs + 1):
        out += [
            f"  - kode: 054.01.{chr(ord('A') + p - 1)}A",
            f"    nama: Program {rng.choice(TOPICS)} {p}",
            "    sasaran: Meningkatnya kualitas data statistik",
            "    indikator:",
            *_indicator(rng, "      ", made, f"program {p} "),
            "    kegiatan:",
        ]
        goal = min(count, p * per_program)
        k = 0
        while made < goal:
            k += 1
            kegiatan_code = f"{2880 + p * 100 + k}"
            out += [
                f"      - kode: '{kegiatan_code}'",
                f"        nama: {rng.choice(ACTIVITIES)} {rng.choice(TOPICS)} {k}",
                "        sasaran: Tersedianya data statistik yang berkualitas",
                "        indikator:",
                *_indicator(rng, "          ", made, f"kegiatan {kegiatan_code} "),
                "        kro:",
            ]
            for kro in range(rng.randint(1, 4)):
                if made >= goal:
                    break
                satuan = rng.choice(["Publikasi", "Layanan", "Dokumen"])
                kro_code = f"{kegiatan_code}.{chr(ord('A') + kro)}BA"
                out += [
                    f"          - kode: {kro_code}",
                    f"            nama: {satuan} {rng.choice(TOPICS)}",
                    f"            satuan: {satuan}",
                    "            ro:",
                ]
                for ro in range(1, rng.randint(2, 10) + 1):
                    if made >= goal:
                        break
                    made += 1
                    out += [
                        f"              - kode: {kro_code}.{ro:03d}",
                        f"                nama: {satuan} {rng.choice(OBJECTS)} {made}",
                        f"                volume: {rng.randint(1, 12)}",
                        f"                satuan: {satuan}",
                        f"                anggaran: {rupiah(rng.randint(5, 900) * 1_000_000)}",
                        "                indikator:",
                        *_indicator(rng, "                  ", made),
                    ]
    out += _footer("Contoh", "Kepala BPS Kabupaten Contoh")
    return "\n".join(out) + "\n"


MAKERS = {"kpu": make_plan, "pemda": make_pemda_plan, "kl": make_kl_plan}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of indicators")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--kind", choices=sorted(MAKERS), default="kpu", help="kind of office")
    args = parser.parse_args()
    args.output.write_text(MAKERS[args.kind](args.count), encoding="utf-8")


if __name__ == "__main__":
    main()
