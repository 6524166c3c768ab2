"""The rules of every level, on format 2 plans of each kind of office (Pemda with codes,
K/L with KRO/RO), single source and published: the new rules (RKT110, RKT111, RKT214-219,
RKT304, RKT305) and what each existing rule reports there. Positions and codes, never
wording; line numbers count from the start of the plan (levels_plans.HEAD is 19 lines)."""

from __future__ import annotations

import pytest
from helpers import compile_yaml, findings, plan_with
from typer.testing import CliRunner

from rktc.cli.app import app
from rules.levels_plans import KL_MATRIX, KPU, PEMDA_MATRIX, edit, keys, kl, pemda, places, plan

# --- clean plans ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [pemda(), kl(), pemda(PEMDA_MATRIX), kl(KL_MATRIX)],
    ids=["pemda", "kl", "pemda-matrix", "kl-matrix"],
)
def test_a_clean_plan_of_each_kind_has_no_findings(tmp_path, source):
    assert findings(tmp_path, source) == []


@pytest.mark.parametrize("source", [pemda(), kl()], ids=["pemda", "kl"])
def test_rktc_validate_passes_a_clean_plan(tmp_path, source):
    path = tmp_path / "plan.yaml"
    path.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output


def test_rktc_validate_reports_a_new_rule_at_its_place(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(edit(pemda(), '"1.02.02.2.02.0002"', '"1.02.03.2.02.0002"'), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{path}:58:19: RKT110" in result.output


# --- RKT110 code-outside-parent --------------------------------------------------------------


def test_rkt110_a_sub_kegiatan_coded_under_another_kegiatan(tmp_path):
    source = edit(pemda(), '"1.02.02.2.02.0002"', '"1.02.03.2.02.0002"')
    assert places(tmp_path, source, "RKT110") == ["58:19 RKT110 <- 44:15"]


def test_rkt110_a_kegiatan_with_its_program_s_own_code(tmp_path):
    source = edit(pemda(), 'kode: "1.02.02.2.02"\n', 'kode: "1.02.02"\n')
    assert places(tmp_path, source, "RKT110") == ["44:15 RKT110 <- 38:11"]


def test_rkt110_spaced_codes_and_zero_padding_nest_alike(tmp_path):
    source = edit(pemda(), 'kode: "1.02.02"\n', 'kode: "1 02 02"\n')
    source = edit(source, 'kode: "1.02.02.2.02"\n', 'kode: "1 02 02 2.2"\n')
    assert findings(tmp_path, source, "RKT110") == []


def test_rkt110_a_code_part_with_a_digit_that_is_not_ascii_is_compared_as_written(tmp_path):
    source = edit(pemda(), '"1.02.02.2.02.0002"', '"1.02.02.2.02.000²"')
    assert findings(tmp_path, source, "RKT110") == []
    source = edit(source, 'kode: "1.02.02.2.02"\n', 'kode: "1.02.02.2.0²"\n')
    assert findings(tmp_path, source, "RKT110") == ["50:19 RKT110", "58:19 RKT110"]


def test_rkt110_without_a_parent_code_the_level_above_is_compared(tmp_path):
    source = edit(pemda(), '      - kode: "1.02.02.2.02"\n        nama:', "      - nama:")
    source = edit(source, '"1.02.02.2.02.0001"', '"1.02.03.2.02.0001"')
    assert places(tmp_path, source, "RKT110") == ["49:19 RKT110 <- 38:11"]


def test_rkt110_kl_codes_nest_from_the_kegiatan_down(tmp_path):
    assert findings(tmp_path, kl(), "RKT110") == []  # 054.01.GG -> 2896: not nested
    source = edit(kl(), "kode: 2896.BMA.006", "kode: 2896.BMB.006")
    assert places(tmp_path, source, "RKT110") == ["45:24 RKT110 <- 39:19"]


def test_rkt110_kpu_program_and_kegiatan_codes_do_not_nest(tmp_path):
    source = plan("kpu", KPU)
    assert findings(tmp_path, source) == []


def test_rkt110_a_published_matrix_row_under_another_kegiatan(tmp_path):
    source = edit(pemda(PEMDA_MATRIX), "kode: 1.02.02.2.02.0002", "kode: 1.02.02.2.03.0002")
    assert places(tmp_path, source, "RKT110") == ["52:13 RKT110 <- 35:13"]


# --- RKT111 empty-renja-field ----------------------------------------------------------------


def test_rkt111_a_renja_sub_kegiatan_without_sumber_dana_and_kelompok_sasaran(tmp_path):
    source = edit(
        pemda(), "            sumber_dana: DAK\n            kelompok_sasaran: Ibu bersalin\n", ""
    )
    assert places(tmp_path, source, "RKT111") == ["58:13 RKT111 <- 50:13"]


def test_rkt111_an_rkt_without_renja_columns_is_not_asked_for_them(tmp_path):
    source = pemda()
    for line in ("lokasi: Kabupaten Contoh", "sumber_dana: DAU", "sumber_dana: DAK"):
        source = source.replace(f"            {line}\n", "")
    source = edit(source, "            kelompok_sasaran: Ibu hamil\n", "")
    source = edit(source, "            kelompok_sasaran: Ibu bersalin\n", "")
    assert "lokasi" not in source
    assert findings(tmp_path, source) == []


def test_rkt111_one_renja_attribute_makes_the_plan_a_renja(tmp_path):
    source = pemda()
    for line in ("lokasi: Kabupaten Contoh", "sumber_dana: DAU", "sumber_dana: DAK"):
        source = source.replace(f"            {line}\n", "")
    source = edit(
        source, "            kelompok_sasaran: Ibu hamil\n", "            prioritas: Nasional\n"
    )
    source = edit(source, "            kelompok_sasaran: Ibu bersalin\n", "")
    assert places(tmp_path, source, "RKT111") == ["50:13 RKT111 <- ", "56:13 RKT111 <- "]


def test_rkt111_a_matrix_row_without_sumber_dana(tmp_path):
    source = edit(pemda(PEMDA_MATRIX), "      sumber_dana: DAK\n", "")
    assert places(tmp_path, source, "RKT111") == ["51:7 RKT111 <- 41:7"]


def test_rkt111_a_matrix_indicator_without_its_target(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX), "target: [1.250 Orang, 5.000 Kunjungan]", "target: [1.250 Orang]"
    )
    assert findings(tmp_path, source) == ["44:79 RKT111"]
    assert keys(tmp_path, source, "RKT111") == ["rule.matrix_no_target"]


def test_rkt111_a_matrix_sub_kegiatan_without_indicator_or_pagu(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "      indikator: Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar\n"
        "      satuan: Orang\n      target: 1.190 Orang\n      pagu: 180.000.000\n",
        "",
    )
    assert findings(tmp_path, source, "RKT111") == ["51:7 RKT111", "51:7 RKT111"]
    assert keys(tmp_path, source, "RKT111") == ["rule.matrix_no_indicator", "rule.renja_empty"]


def test_rkt111_a_kl_matrix_indicator_without_target(tmp_path):
    source = edit(
        kl(KL_MATRIX),
        "tingkat: kegiatan, uraian: Pengembangan dan Analisis Statistik}",
        "tingkat: kegiatan, uraian: Pengembangan dan Analisis Statistik, indikator: Jumlah publikasi}",
    )
    assert findings(tmp_path, source) == ["28:97 RKT111"]


# --- RKT214 lower-is-better-target-rises -----------------------------------------------------


def test_rkt214_a_lower_is_better_target_above_its_baseline(tmp_path):
    source = edit(pemda(), "target: ≤ 183/100.000 KH\n", "target: 205/100.000 KH\n")
    assert places(tmp_path, source, "RKT214") == ["29:17 RKT214 <- 28:19, 27:20"]


def test_rkt214_yearly_targets_that_rise(tmp_path):
    source = edit(pemda(), "2026: ≤ 178/100.000 KH", "2026: ≤ 190/100.000 KH")
    assert places(tmp_path, source, "RKT214") == ["30:56 RKT214 <- 30:32, 27:20"]
    assert keys(tmp_path, source, "RKT214") == ["rule.negative_rising"]


@pytest.mark.parametrize(
    ("target", "found"),
    [
        ("197 - 205/100.000 KH", ["29:17 RKT214"]),  # the whole range is above
        ("190 - 205/100.000 KH", []),  # its lower end is below the baseline
        ("5%", []),  # another unit: not compared
    ],
)
def test_rkt214_compares_ranges_and_units(tmp_path, target, found):
    source = edit(pemda(), "target: ≤ 183/100.000 KH\n", f"target: {target}\n")
    assert findings(tmp_path, source, "RKT214") == found


def test_rkt214_a_higher_is_better_indicator_may_rise(tmp_path):
    source = edit(pemda(), "        polaritas: negatif\n", "")
    source = edit(source, "baseline: 196/100.000 KH", "baseline: 170/100.000 KH")
    assert findings(tmp_path, source, "RKT214,RKT215") == []


# --- RKT215 target-below-baseline ------------------------------------------------------------


def test_rkt215_a_higher_is_better_target_below_its_baseline(tmp_path):
    source = edit(pemda(), "baseline: 72%, target: 80 - 90%", "baseline: 72%, target: 60 - 70%")
    assert places(tmp_path, source, "RKT215") == ["42:98 RKT215 <- 42:85"]


def test_rkt215_a_predikat_below_its_baseline(tmp_path):
    source = edit(pemda(), "        baseline: B\n", "        baseline: A\n")
    assert places(tmp_path, source, "RKT215") == ["35:17 RKT215 <- 34:19"]


def test_rkt215_an_overlapping_range_and_a_missing_baseline_pass(tmp_path):
    source = edit(pemda(), "baseline: 72%, target: 80 - 90%", "baseline: 72%, target: 70 - 90%")
    assert findings(tmp_path, source, "RKT215") == []
    source = edit(kl(), "baseline: 88%, target: 90%", "target: 80%")
    assert findings(tmp_path, source, "RKT215") == []


def test_rkt215_is_a_warning(tmp_path):
    source = edit(pemda(), "        baseline: B\n", "        baseline: A\n")
    compiled = compile_yaml(tmp_path, source, "RKT215")
    assert [d.severity.value for d in compiled.diagnostics] == ["warning"]


# --- RKT216 reversed-range -------------------------------------------------------------------


def test_rkt216_a_program_target_read_backwards(tmp_path):
    source = edit(pemda(), "target: 80 - 90%}", "target: 90 - 80%}")
    assert findings(tmp_path, source, "RKT216") == ["42:98 RKT216"]


def test_rkt216_a_yearly_target_read_backwards(tmp_path):
    source = edit(pemda(), "2026: ≤ 178/100.000 KH", "2026: 180 - 170/100.000 KH")
    assert findings(tmp_path, source, "RKT2") == ["30:56 RKT216"]


def test_rkt216_a_published_matrix_and_a_format_1_table(tmp_path):
    source = edit(pemda(PEMDA_MATRIX), "      target: 80 - 90%\n", "      target: 90 - 80%\n")
    assert findings(tmp_path, source, "RKT216") == ["32:15 RKT216"]
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase A, satuan: "%", target: 90 - 80%}
        """)
    assert findings(tmp_path, source, "RKT216") == ["21:61 RKT216"]


# --- RKT217 target-outside-scale -------------------------------------------------------------


def test_rkt217_a_target_off_its_scale(tmp_path):
    source = edit(pemda(), "        target: BB\n", "        target: WTP\n")
    assert places(tmp_path, source, "RKT217") == ["35:17 RKT217 <- "]


def test_rkt217_an_unknown_scale(tmp_path):
    source = edit(pemda(), "skala: sakip", "skala: sakipp")
    assert findings(tmp_path, source, "RKT217") == ["33:16 RKT217"]
    assert keys(tmp_path, source, "RKT217") == ["rule.scale_unknown"]


def test_rkt217_a_declared_scale_its_baseline_off_it_and_na_years(tmp_path):
    source = edit(
        pemda(),
        "pagu: 430.000.000\nprogram:",
        "skala:\n  predikat_ikm: [Tidak Baik, Kurang Baik, Baik, Sangat Baik]\n"
        "pagu: 430.000.000\nprogram:",
    )
    source = edit(
        source,
        "        target: BB\n",
        "        target: BB\n"
        "        target_tahunan: {2024: NA, 2025: BB}\n"
        "      - {nama: Indeks kepuasan masyarakat, satuan: Predikat, skala: predikat_ikm,"
        " baseline: Cukup, target: baik}\n",
    )
    assert places(tmp_path, source, "RKT217") == ["37:93 RKT217 <- 39:3"]


# --- RKT218 money-in-target ------------------------------------------------------------------


def test_rkt218_a_target_equal_to_the_anggaran(tmp_path):
    source = edit(pemda(), "target: 1.250 Orang}", "target: 250.000.000}")
    assert places(tmp_path, source, "RKT218") == ["57:107 RKT218 <- 52:23"]
    assert keys(tmp_path, source, "RKT218") == ["rule.target_is_anggaran"]


@pytest.mark.parametrize(
    "target", ["Rp 175.000.000", "Rp175.000.000,-", "175.000.000 rupiah"], ids=["rp", "rp-", "word"]
)
def test_rkt218_a_target_written_in_rupiah(tmp_path, target):
    source = edit(pemda(), "target: 1.190 Orang}", f'target: "{target}"}}')
    assert findings(tmp_path, source, "RKT218") == ["65:110 RKT218"]
    assert keys(tmp_path, source, "RKT218") == ["rule.money_in_target"]


def test_rkt218_millions_in_a_percentage_column(tmp_path):
    source = edit(pemda(), "target: 80 - 90%}", "target: 1.250.000.000}")
    assert findings(tmp_path, source, "RKT218") == ["42:98 RKT218"]


@pytest.mark.parametrize(
    ("satuan", "target"),
    [("Rupiah", "Rp 5.000.000.000"), ("Jiwa", "1.250.000"), ("Jiwa", "1.250.000 Jiwa")],
)
def test_rkt218_money_and_large_counts_in_their_own_satuan_pass(tmp_path, satuan, target):
    source = edit(
        pemda(),
        "satuan: Orang, target: 1.190 Orang}",
        f"satuan: {satuan}, target: {target}}}",
    )
    assert findings(tmp_path, source, "RKT218") == []


# --- RKT219 ro-satuan-differs-from-kro -------------------------------------------------------


def test_rkt219_an_ro_satuan_other_than_its_kro_s(tmp_path):
    source = edit(kl(), 'volume: "1", satuan: Publikasi', 'volume: "1", satuan: Laporan')
    assert places(tmp_path, source, "RKT219") == ["45:98 RKT219 <- 41:21"]


def test_rkt219_a_kro_without_satuan_takes_its_ro_s_majority(tmp_path):
    source = edit(kl(), "            satuan: Publikasi\n", "")
    assert findings(tmp_path, source, "RKT219") == []
    source = edit(source, 'volume: "1", satuan: Publikasi', 'volume: "1", satuan: Laporan')
    source = edit(source, 'volume: "2", satuan: Publikasi', 'volume: "2", satuan: publikasi')
    source = edit(
        source,
        "anggaran: 500.000.000}\n",
        "anggaran: 500.000.000}\n"
        '              - {kode: 2896.BMA.007, nama: Publikasi Statistik Kecamatan, volume: "3",'
        " satuan: Publikasi, anggaran: 100.000.000}\n",
    )
    assert places(tmp_path, source, "RKT219") == ["44:98 RKT219 <- 43:93"]


def test_rkt219_in_a_published_ro_table(tmp_path):
    source = edit(kl(KL_MATRIX), 'volume: "1", satuan: Publikasi', 'volume: "1", satuan: Laporan')
    assert places(tmp_path, source, "RKT219") == ["31:103 RKT219 <- 29:81"]


# --- RKT304 parent-pagu-mismatch -------------------------------------------------------------


def test_rkt304_a_program_pagu_that_is_not_the_sum(tmp_path):
    source = edit(pemda(), "\n    pagu: 430.000.000\n", "\n    pagu: 450.000.000\n")
    assert places(tmp_path, source, "RKT304") == ["40:11 RKT304 <- 46:15"]


def test_rkt304_a_wrong_kegiatan_pagu_is_reported_once_at_the_kegiatan(tmp_path):
    source = edit(pemda(), "        pagu: 430.000.000\n", "        pagu: 400.000.000\n")
    assert places(tmp_path, source, "RKT304") == ["46:15 RKT304 <- 52:23"]


def test_rkt304_a_kro_pagu_and_a_published_kegiatan_row(tmp_path):
    source = edit(kl(), "            pagu: 1.500.000.000\n", "            pagu: 1.400.000.000\n")
    assert places(tmp_path, source, "RKT304") == ["42:19 RKT304 <- 44:114"]
    source = edit(
        pemda(PEMDA_MATRIX),
        "      target: 100%\n      pagu: 430.000.000\n",
        "      target: 100%\n      pagu: 400.000.000\n",
    )
    assert places(tmp_path, source, "RKT304") == ["40:13 RKT304 <- 47:13"]


# --- RKT305 total-row-mismatch ---------------------------------------------------------------


def test_rkt305_the_jumlah_row_of_a_pemda_matrix(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "      jumlah: ya\n      pagu: 430.000.000\n",
        "      jumlah: ya\n      pagu: 450.000.000\n",
    )
    assert places(tmp_path, source, "RKT305") == ["63:13 RKT305 <- 26:3"]


def test_rkt305_a_jumlah_row_that_names_its_program(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "    - uraian: Jumlah\n",
        "    - {uraian: Jumlah 1.02.02, jumlah: ya, pagu: 420.000.000}\n    - uraian: Jumlah\n",
    )
    assert places(tmp_path, source, "RKT305") == ["61:50 RKT305 <- 27:7"]


def test_rkt305_the_total_of_a_kl_ro_table(tmp_path):
    source = edit(kl(KL_MATRIX), "anggaran: 1.500.000.000}", "anggaran: 1.400.000.000}")
    assert findings(tmp_path, source, "RKT305") == ["32:46 RKT305"]


def test_rkt217_says_nothing_of_a_scale_whose_declarations_could_not_be_read(tmp_path):
    source = edit(
        pemda(),
        "pagu: 430.000.000\nprogram:",
        "skala:\n  predikat_ikm: []\npagu: 430.000.000\nprogram:",
    )
    source = edit(source, "skala: sakip", "skala: predikat_ikm")
    assert [found.split()[1] for found in findings(tmp_path, source)] == ["RKT013"]


# --- urusan and bidang urusan ----------------------------------------------------------------


URUSAN = """\
pagu: 250.000.000
urusan:
  - kode: "1"
    nama: URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR
    bidang_urusan:
      - kode: "1.02"
        nama: URUSAN PEMERINTAHAN BIDANG KESEHATAN
        pagu: 250.000.000
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
            indikator:
              - {nama: Persentase fasilitas kesehatan terakreditasi, satuan: "%", target: 80 - 90%}
            kegiatan:
              - kode: "1.02.02.2.02"
                nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
                sub_kegiatan:
                  - kode: "1.02.02.2.02.0001"
                    nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil
                    anggaran: 250.000.000
                    indikator:
                      - {nama: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang}
"""


def test_a_pemda_plan_from_its_urusan_down(tmp_path):
    source = pemda(URUSAN)
    assert findings(tmp_path, source) == []
    wrong = edit(source, 'kode: "1"\n', 'kode: "2"\n')
    assert places(tmp_path, wrong, "RKT110") == ["25:15 RKT110 <- 22:11"]
    wrong = edit(source, "        pagu: 250.000.000\n", "        pagu: 260.000.000\n")
    assert findings(tmp_path, wrong, "RKT304") == ["27:15 RKT304"]


def test_rkt305_a_jumlah_row_that_names_its_program_by_the_first_words_of_its_name(tmp_path):
    # Printed totals shorten long names; the row still totals its program (related: the
    # program's row), not the whole matrix.
    source = edit(
        pemda(PEMDA_MATRIX),
        "    - uraian: Jumlah\n",
        "    - {uraian: Jumlah Program Pemenuhan Upaya Kesehatan, jumlah: ya, pagu: 420.000.000}\n"
        "    - uraian: Jumlah\n",
    )
    assert [p.split(" <- ")[1] for p in places(tmp_path, source, "RKT305")] == ["27:7"]
