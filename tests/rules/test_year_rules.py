"""RKT601-RKT606 (a plan against its Renstra) and RKT621-RKT626 (its realisasi files):
each through `rktc validate --renstra --realisasi`, pinned by file, line, column and code."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from rktc.cli.app import app

runner = CliRunner()

# A format 2 KPU plan; the comments give line numbers (the positions the tests pin).
PLAN = """\
rktc: 2
jenis: kpu
tahun: 2025
instansi:
  nama: Komisi Pemilihan Umum Kabupaten Contoh
  kota: Contoh
renstra:
  periode: 2025-2029
  hubungan: {hubungan}
visi:
  teks: Menjadi Penyelenggara Pemilu yang Mandiri
misi:
  - Meningkatkan kualitas penyelenggaraan Pemilu
tujuan:
  - Meningkatnya kualitas penyelenggaraan Pemilu
sasaran:
  - id: S1
    nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
program:
  - nama: Program Penyelenggaraan Pemilu
    kegiatan:
      - nama: Dukungan Kegiatan Perencanaan
        kode: "01"
        anggaran: 1.000.000.000
        indikator:
          - id: IK1
            nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
            sasaran: S1
            satuan: "%"
            target: {ik1}
          - id: IK2
            nama: Rata-rata waktu penyelesaian sengketa
            sasaran: S1
            satuan: hari
            polaritas: negatif
            target: {ik2}
      - nama: Dukungan Logistik
        kode: "02"
        anggaran: 500.000.000
        indikator:
          - id: IK3
            nama: Jumlah dokumen rencana yang disusun
            sasaran: S1
            satuan: Dokumen
            kumulatif: ya
            target: 4 dokumen
penandatangan:
  tempat: Contoh
  tanggal: 30 Januari 2025
  jabatan: Ketua
  nama: NAMA
"""
# Lines of PLAN: IK1 target 30, IK2 target 36, IK3 nama 42, IK3 kumulatif 45.
TARGET_COLUMN = 21  # "            target: " is 20 characters

RENSTRA = """\
rktc: 2
dokumen: renstra
periode: {periode}
instansi: {{nama: Komisi Pemilihan Umum Kabupaten Contoh}}
indikator:
  - id: IK1
    nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
    target:
      2025: {ik1}
  - id: IK2
    nama: Rata-rata waktu penyelesaian sengketa
    polaritas: negatif
    target:
      2025: {ik2}
  - id: IK3
    nama: Jumlah dokumen rencana yang disusun
    target:
      2025: 4 dokumen
"""
# Lines of RENSTRA: IK1's 2025 target 9 (value at column 13), IK2's 14.


def plan_text(ik1: str = "100%", ik2: str = "5 hari", hubungan: str = "sama") -> str:
    return PLAN.format(ik1=ik1, ik2=ik2, hubungan=hubungan)


def renstra_text(ik1: str = "100%", ik2: str = "5 hari", periode: str = "2025-2029") -> str:
    return RENSTRA.format(ik1=ik1, ik2=ik2, periode=periode)


def realisasi_text(body: str, tahun: str = "2025", head: str = "") -> str:
    return f"rktc: 2\ndokumen: realisasi\ntahun: {tahun}\n{head}" + textwrap.dedent(body)


def check(
    tmp_path: Path,
    plan: str | None = None,
    renstra: str | None = None,
    realisasi: tuple[str, ...] = (),
    select: str = "RKT6",
    related: bool = False,
) -> list[str]:
    """`rktc validate` of the plan with its year; `["file:line:col CODE", ...]` (file names
    without their folder), the related locations too when `related`."""
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(plan if plan is not None else plan_text(), encoding="utf-8")
    args = ["validate", str(plan_path), "--format", "json", "--select", select]
    if renstra is not None:
        (tmp_path / "renstra.yaml").write_text(renstra, encoding="utf-8")
        args += ["--renstra", str(tmp_path / "renstra.yaml")]
    for i, text in enumerate(realisasi, start=1):
        path = tmp_path / f"realisasi-{i}.yaml"
        path.write_text(text, encoding="utf-8")
        args += ["--realisasi", str(path)]
    result = runner.invoke(app, args, env={"RKTC_LANG": ""})
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    found = []
    for d in report["diagnostics"]:
        found.append(f"{Path(d['file']).name}:{d['line']}:{d['column']} {d['code']}")
        if related:
            found += [f"  {Path(r['file']).name}:{r['line']}:{r['column']}" for r in d["related"]]
    return found


# --- RKT601 renstra-target-differs ----------------------------------------------------------


def test_rkt601_the_plan_target_differs_from_the_renstra(tmp_path):
    found = check(tmp_path, plan_text(ik1="95%"), renstra_text(), related=True)
    assert found == [f"plan.yaml:30:{TARGET_COLUMN} RKT601", "  renstra.yaml:9:13"]


def test_rkt601_is_exact_without_tolerance(tmp_path):
    # e-sakip-bna tolerates 0,0001; rktc compares exact decimals
    found = check(tmp_path, plan_text(ik1="100,0001%"), renstra_text())
    assert found == [f"plan.yaml:30:{TARGET_COLUMN} RKT601"]


def test_rkt601_the_same_target_written_differently_is_equal(tmp_path):
    assert check(tmp_path, plan_text(ik1="100 %"), renstra_text(ik1="100 persen")) == []


def test_rkt601_another_unit_is_another_target(tmp_path):
    found = check(tmp_path, plan_text(ik2="5 bulan"), renstra_text())
    assert found == [f"plan.yaml:36:{TARGET_COLUMN} RKT601"]


def test_rkt601_yearly_targets_baseline_and_final_condition_of_the_plan(tmp_path):
    plan = plan_text().replace(
        "            target: 100%\n",
        "            target: 100%\n"
        "            baseline: 80%\n"
        "            target_tahunan: {2025: 100%, 2026: 95%}\n"
        "            target_akhir: 100%\n",
    )
    renstra = renstra_text().replace(
        "      2025: 100%\n",
        "      2025: 100%\n      2026: 100%\n    kondisi_awal: 85%\n    kondisi_akhir: 100%\n",
    )
    found = check(tmp_path, plan, renstra, related=True)
    # baseline 31:23 (80% vs 85%), target_tahunan 2026 32:48 (95% vs 100%)
    assert found == [
        "plan.yaml:31:23 RKT601",
        "  renstra.yaml:11:19",
        "plan.yaml:32:48 RKT601",
        "  renstra.yaml:10:13",
    ]


def test_rkt601_does_not_apply_under_not_below(tmp_path):
    found = check(tmp_path, plan_text(ik1="100%", hubungan="tidak_di_bawah"), renstra_text("95%"))
    assert found == []


def test_rkt601_a_format_1_plan_matched_by_name(tmp_path):
    plan = textwrap.dedent("""\
        rktc: 1
        tahun: 2025
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        renstra: {periode: 2025-2029}
        visi: {teks: Menjadi Penyelenggara Pemilu yang Mandiri}
        misi: [Meningkatkan kualitas penyelenggaraan Pemilu]
        tujuan: [Meningkatnya kualitas penyelenggaraan Pemilu]
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan
                anggaran: 1.000.000.000
                indikator:
                  - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 95%
        penandatangan: {tempat: Contoh, tanggal: 30 Januari 2025, jabatan: Ketua, nama: NAMA}
        """)
    renstra = textwrap.dedent("""\
        rktc: 2
        dokumen: renstra
        periode: 2025-2029
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
        indikator:
          - nama: persentase tahapan pemilu yang terlaksana  sesuai jadwal
            target: {2025: 100%}
        """)
    assert check(tmp_path, plan, renstra) == ["plan.yaml:19:21 RKT601"]


# --- RKT602 renstra-target-below --------------------------------------------------------------


def below(tmp_path, ik1="100%", ik2="5 hari", renstra_ik1="100%", renstra_ik2="5 hari"):
    plan = plan_text(ik1=ik1, ik2=ik2, hubungan="tidak_di_bawah")
    return check(tmp_path, plan, renstra_text(renstra_ik1, renstra_ik2), select="RKT602")


def test_rkt602_a_positif_target_below_the_national_one(tmp_path):
    assert below(tmp_path, ik1="95%") == [f"plan.yaml:30:{TARGET_COLUMN} RKT602"]
    assert below(tmp_path, ik1="100%", renstra_ik1="95%") == []  # above it is fine


def test_rkt602_for_a_negatif_indicator_not_below_means_not_above(tmp_path):
    # lower is better: 6 days is worse than the national 5, 4 days is better
    assert below(tmp_path, ik2="6 hari") == [f"plan.yaml:36:{TARGET_COLUMN} RKT602"]
    assert below(tmp_path, ik2="4 hari") == []


def test_rkt602_a_bound_is_better_in_its_own_direction(tmp_path):
    assert below(tmp_path, ik2="4 hari", renstra_ik2="≤ 5 hari") == []
    assert below(tmp_path, ik2="maks. 6 hari", renstra_ik2="≤ 5 hari") == [
        f"plan.yaml:36:{TARGET_COLUMN} RKT602"
    ]
    assert below(tmp_path, ik1="≥ 95%", renstra_ik1="≥ 90%") == []


def test_rkt602_a_range_counts_by_its_worse_end(tmp_path):
    assert below(tmp_path, ik1="90 - 100%", renstra_ik1="95%") == [
        f"plan.yaml:30:{TARGET_COLUMN} RKT602"
    ]
    assert below(tmp_path, ik1="95 - 100%", renstra_ik1="95%") == []
    # lower is better: the upper end is the worse one
    assert below(tmp_path, ik2="3 - 6 hari") == [f"plan.yaml:36:{TARGET_COLUMN} RKT602"]


def test_rkt602_a_scale_value_by_its_rank(tmp_path):
    assert below(tmp_path, ik1="BB", renstra_ik1="A") == [f"plan.yaml:30:{TARGET_COLUMN} RKT602"]
    assert below(tmp_path, ik1="A", renstra_ik1="BB") == []


def test_rkt602_targets_that_cannot_be_compared(tmp_path, monkeypatch):
    assert below(tmp_path, ik1="100%", renstra_ik1="4 dokumen") == [
        f"plan.yaml:30:{TARGET_COLUMN} RKT602"
    ]
    assert below(tmp_path, ik1="Terlaksana", renstra_ik1="100%") == [
        f"plan.yaml:30:{TARGET_COLUMN} RKT602"
    ]


def test_rkt602_says_which_way_is_worse(tmp_path):
    plan = plan_text(ik2="6 hari", hubungan="tidak_di_bawah")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "renstra.yaml").write_text(renstra_text(), encoding="utf-8")
    args = ["validate", str(tmp_path / "plan.yaml"), "--renstra", str(tmp_path / "renstra.yaml")]
    result = runner.invoke(app, [*args, "--lang", "en"], env={"RKTC_LANG": ""})
    assert "is above the Renstra's 5 hari, but lower is better" in result.stdout


# --- RKT603 / RKT604: one side only -----------------------------------------------------------


def test_rkt603_a_renstra_indicator_missing_from_the_plan(tmp_path):
    renstra = renstra_text() + textwrap.dedent("""\
          - id: IK9
            target: {2025: 80%}
          - id: IK8
            target: {2025: NA, 2026: 80%}
          - id: IK7
            target: {2026: 80%}
        pendanaan:
          - kode: "09"
            pagu: {2025: 1.000.000}
          - kode: "01"
            pagu: {2025: 1.000.000.000}
        """)
    # only IK9 has a 2025 target; only kode 09 is not in the plan
    assert check(tmp_path, plan_text(), renstra) == [
        "renstra.yaml:19:9 RKT603",
        "renstra.yaml:26:11 RKT603",
    ]


def test_rkt603_a_name_that_several_plan_indicators_share(tmp_path):
    plan = plan_text().replace("nama: Jumlah dokumen rencana yang disusun", "nama: Dokumen")
    plan = plan.replace("nama: Rata-rata waktu penyelesaian sengketa", "nama: Dokumen")
    renstra = renstra_text() + "  - nama: Dokumen\n    target: {2025: 1 dokumen}\n"
    found = check(tmp_path, plan, renstra, select="RKT603")
    assert found == ["renstra.yaml:19:11 RKT603"]


def test_rkt604_a_plan_indicator_absent_from_the_renstra(tmp_path):
    renstra = renstra_text().split("  - id: IK3")[0]
    assert check(tmp_path, plan_text(), renstra) == ["plan.yaml:42:19 RKT604"]


def test_rkt604_needs_a_renstra(tmp_path):
    assert check(tmp_path, plan_text()) == []


# --- RKT605 plan-outside-renstra-period ---------------------------------------------------------


def test_rkt605_another_renstra_period(tmp_path):
    renstra = renstra_text(periode="2020-2024").replace("2025:", "2024:")
    found = check(tmp_path, plan_text(), renstra, related=True)
    assert found == [
        "plan.yaml:3:8 RKT605",
        "  renstra.yaml:3:10",
        "plan.yaml:8:12 RKT605",
        "  renstra.yaml:3:10",
    ]


def test_rkt605_a_revised_period_that_still_holds_the_year(tmp_path):
    renstra = renstra_text(periode="2024-2028")
    assert check(tmp_path, plan_text(), renstra) == ["plan.yaml:8:12 RKT605"]


# --- RKT606 renstra-indicator-differs -----------------------------------------------------------


def test_rkt606_same_id_other_name_satuan_polaritas(tmp_path):
    renstra = renstra_text().replace(
        "    nama: Rata-rata waktu penyelesaian sengketa\n    polaritas: negatif\n",
        "    nama: Rata-rata waktu penyelesaian perkara\n    satuan: Hari.\n"
        "    polaritas: positif\n",
    )
    renstra = renstra.replace("    nama: Jumlah dokumen rencana yang disusun\n", "")
    found = check(tmp_path, plan_text(), renstra, related=True, select="RKT606")
    # the name differs (the satuan only by case and a dot, which is the same satuan)
    assert found == [
        "renstra.yaml:11:11 RKT606",
        "  plan.yaml:32:19",
        "renstra.yaml:13:16 RKT606",
        "  plan.yaml:35:24",
    ]


# --- RKT621-RKT626: realisasi ---------------------------------------------------------------------


def test_rkt621_unknown_indicator_and_budget_line(tmp_path):
    realisasi = realisasi_text("""\
        indikator:
          - {id: IK1, tw1: 90}
          - {id: IK01, tw1: 90}
          - {nama: Indikator yang tidak ada, tw1: 1}
        anggaran:
          - {kode: "01", tw1: 100.000.000}
          - {kode: "03", tw1: 100.000.000}
        """)
    assert check(tmp_path, realisasi=(realisasi,)) == [
        "realisasi-1.yaml:6:10 RKT621",
        "realisasi-1.yaml:7:12 RKT621",
        "realisasi-1.yaml:10:12 RKT621",
    ]


def test_rkt622_a_count_for_a_percentage(tmp_path):
    realisasi = realisasi_text("""\
        indikator:
          - id: IK1
            tw1: 13 Lembaga
            tw2: 95%
            tw3: 96 persen
          - id: IK3
            tw1: 1 dokumen
            tw2: 10%
        """)
    assert check(tmp_path, realisasi=(realisasi,)) == [
        "realisasi-1.yaml:6:10 RKT622",
        "realisasi-1.yaml:11:10 RKT622",
    ]


def test_rkt623_a_quarter_given_twice_across_two_files(tmp_path):
    first = realisasi_text("indikator:\n  - {id: IK1, tw1: 90, tw2: }\n")
    second = realisasi_text("indikator:\n  - id: IK1\n    tw1: 91\n    tw2: 95\n")
    found = check(tmp_path, realisasi=(first, second), related=True)
    # the blank TW II of the first file is not a value: only TW I is given twice
    assert found == [
        "realisasi-1.yaml:5:20 RKT623",
        "  realisasi-2.yaml:6:10",
        "realisasi-2.yaml:6:10 RKT623",
        "  realisasi-1.yaml:5:20",
    ]


def test_rkt623_twice_in_one_entry_and_budget_twice_or_nested(tmp_path):
    realisasi = realisasi_text("""\
        indikator:
          - id: IK1
            tw1: 90
            triwulan: {I: 91, 2: 92}
        anggaran:
          - {kode: "01", tw1: 1.000.000}
          - {nama: Dukungan Kegiatan Perencanaan, triwulan: {1: 2.000.000}}
          - {nama: Program Penyelenggaraan Pemilu, tw3: 5.000.000}
        """)
    assert check(tmp_path, realisasi=(realisasi,)) == [
        "realisasi-1.yaml:6:10 RKT623",  # tw1 and triwulan I
        "realisasi-1.yaml:7:19 RKT623",
        "realisasi-1.yaml:9:12 RKT623",  # kode 01 lies inside the program of line 11
        "realisasi-1.yaml:9:23 RKT623",  # its TW I, again on line 10
        "realisasi-1.yaml:10:12 RKT623",  # inside the program too
        "realisasi-1.yaml:10:57 RKT623",
    ]


def test_rkt624_values_that_are_not_what_the_target_needs(tmp_path):
    plan = plan_text(ik2="BB").replace("            polaritas: negatif\n", "")
    realisasi = realisasi_text("""\
        indikator:
          - id: IK1
            tw1: tercapai
            tw2: 97.5
            tw3: "-"
            tw4: 97,5
          - id: IK2
            tw1: WTP
            tw2: bb
          - id: IK3
            tw1: dua
        """)
    assert check(tmp_path, plan, realisasi=(realisasi,)) == [
        "realisasi-1.yaml:6:10 RKT624",
        "realisasi-1.yaml:7:10 RKT624",
        "realisasi-1.yaml:11:10 RKT624",
        "realisasi-1.yaml:14:10 RKT624",
    ]


def test_rkt624_a_level_cannot_be_added_up(tmp_path):
    plan = plan_text(ik2="BB").replace("            polaritas: negatif\n", "")
    realisasi = realisasi_text("indikator:\n  - {id: IK2, kumulatif: ya, tw1: B, tw2: BB}\n")
    assert check(tmp_path, plan, realisasi=(realisasi,), select="RKT624") == [
        "realisasi-1.yaml:5:35 RKT624",
        "realisasi-1.yaml:5:43 RKT624",
    ]


def test_rkt625_another_year_and_another_plan(tmp_path):
    (tmp_path / "other.yaml").write_text(plan_text(), encoding="utf-8")
    realisasi = realisasi_text("indikator: []\n", tahun="2024", head="rencana: other.yaml\n")
    assert check(tmp_path, realisasi=(realisasi,)) == [
        "realisasi-1.yaml:3:8 RKT625",
        "realisasi-1.yaml:4:10 RKT625",
    ]
    same = realisasi_text("indikator: []\n", head="rencana: ./plan.yaml\n")
    assert check(tmp_path, realisasi=(same,)) == []


def test_rkt626_conflicting_settings(tmp_path):
    first = realisasi_text(
        "capaian: {batas: 120%, kategori: inspektorat}\n"
        "indikator:\n  - {id: IK3, kumulatif: tidak, tw1: 1}\n  - {id: IK1, rumus: rasio}\n"
    )
    second = realisasi_text(
        "capaian: {batas: 120, kategori: maluku_tengah}\n"
        "indikator:\n  - {id: IK2, rumus: rasio}\n  - {id: IK2, rumus: selisih}\n"
    )
    assert check(tmp_path, realisasi=(first, second), related=True) == [
        "realisasi-1.yaml:6:26 RKT626",  # kumulatif: tidak, the plan says ya
        "  plan.yaml:45:24",
        "realisasi-1.yaml:7:22 RKT626",  # rasio for a positif indicator
        "realisasi-2.yaml:4:23 RKT626",  # kategori differs (batas 120 is 120%)
        "  realisasi-1.yaml:4:24",
        "realisasi-2.yaml:7:22 RKT626",
        "  realisasi-2.yaml:6:22",
    ]


# --- suppression, and the switches -----------------------------------------------------------------


def test_ignore_comments_work_in_every_file(tmp_path):
    plan = plan_text(ik1="95%").replace(
        "target: 95%", "target: 95%  # rktc: ignore[RKT601]  decided with the inspektorat"
    )
    realisasi = realisasi_text("indikator:\n  - {id: IK01, tw1: 9}  # rktc: ignore[RKT621]\n")
    assert check(tmp_path, plan, renstra_text(), (realisasi,), select="RKT0,RKT6") == []
    realisasi = realisasi_text("indikator:\n  - {id: IK1, tw1: 9}  # rktc: ignore[RKT621]\n")
    assert check(tmp_path, plan_text(), renstra_text(), (realisasi,), select="RKT0,RKT6") == [
        "realisasi-1.yaml:5:24 RKT090"
    ]


def test_the_plan_may_switch_year_rules_off(tmp_path):
    plan = plan_text(ik1="95%") + "pemeriksaan: {abaikan: [RKT601]}\n"
    assert check(tmp_path, plan, renstra_text()) == []
