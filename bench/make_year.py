"""Write a plan with N indicators, its Perjanjian Kinerja and a year of realisasi.

    python bench/make_year.py 10000 -o /tmp/year-10k    # writes rkt.yaml, realisasi.yaml

The plan is make_plan's (a KPU-shaped plan of N indicators under a few sasaran) in format
2 with a `pk:` part (a Sekretaris and a Ketua, every indicator carried); the realisasi
file gives every indicator four quarters (a few blank, some below target, a few above)
and every kegiatan its budget spent per quarter, deterministic for a given N. Names match
the plan's (make_plan's indicators are unique by name), as a format 1 plan's would.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from make_plan import make_plan

PK_PART = """pk:
  tempat: Jakarta
  tanggal: 31 Januari 2025
  pihak_pertama:
    nama: NAMA SEKRETARIS
    jabatan: Sekretaris Jenderal
    pangkat: Pembina Utama (IV/e)
    nip: "196801011990031001"
  pihak_kedua:
    nama: NAMA MENTERI
    jabatan: Menteri Contoh
"""
_INDICATOR = re.compile(r"^ {10}- nama: (.+)$")
_TARGET = re.compile(r"^ {12}target: (.+)$")
_KEGIATAN = re.compile(r"^ {6}- nama: (.+)$")
_ANGGARAN = re.compile(r"^ {8}anggaran: ([\d.]+)$")


def _number(text: str) -> float:
    head = text.split()[0].rstrip("%").replace(".", "").replace(",", ".")
    return float(head)


def _shown(value: float, target: str) -> str:
    """A realisasi written as an office writes it: Indonesian decimals, the target's unit."""
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    if target.endswith("%"):
        return text + "%"
    parts = target.split()
    return f"{text} {parts[1]}" if len(parts) > 1 else text


def make_year(count: int, seed: int = 2025) -> tuple[str, str]:
    """The plan (with its `pk:`) and its realisasi file, as text."""
    plan = make_plan(count).replace("rktc: 1\n", "rktc: 2\njenis: kpu\n", 1) + PK_PART
    rng = random.Random(seed + count)
    out = [
        "rktc: 2",
        "dokumen: realisasi",
        "rencana: rkt.yaml",
        "tahun: 2025",
        "ilustrasi: ya",
        "indikator:",
    ]
    budget = ["anggaran:"]
    name = None
    kegiatan = None
    for line in plan.splitlines():
        if found := _KEGIATAN.match(line):
            kegiatan = found[1]
        elif (found := _ANGGARAN.match(line)) and kegiatan is not None:
            amount = int(found[1].replace(".", ""))
            spent = [amount * rng.randint(15, 26) // 100 for _ in range(4)]
            budget += [f"  - nama: {kegiatan}"]
            budget += [f"    tw{q}: {s:,}".replace(",", ".") for q, s in enumerate(spent, 1)]
        elif found := _INDICATOR.match(line):
            name = found[1]
        elif (found := _TARGET.match(line)) and name is not None:
            target = found[1]
            value = _number(target)
            out.append(f"  - nama: {name}")
            for quarter in (1, 2, 3, 4):
                if rng.random() < 0.05:
                    out.append(f"    tw{quarter}:")  # not given: blank is not zero
                    continue
                reached = value * rng.uniform(0.7, 1.1) * quarter / 4
                out.append(
                    f"    tw{quarter}: {_shown(reached if quarter < 4 else value * rng.uniform(0.8, 1.08), target)}"
                )
            name = None
    return plan, "\n".join(out + budget) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True, help="a folder")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    plan, realisasi = make_year(args.count)
    (args.output / "rkt.yaml").write_text(plan, encoding="utf-8")
    (args.output / "realisasi.yaml").write_text(realisasi, encoding="utf-8")


if __name__ == "__main__":
    main()
