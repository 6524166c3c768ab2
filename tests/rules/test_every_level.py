"""The existing rules (RKT1xx-RKT5xx) on format 2 plans of each kind of office: what each
reports at every level (tujuan, sasaran, program, kegiatan, sub kegiatan, KRO, RO), in the
single source and in a published matrix. Positions and codes, never wording; line numbers
count from the start of the plan (levels_plans.HEAD is 19 lines)."""

from __future__ import annotations

import pytest
from helpers import compile_yaml, findings

from rules.levels_plans import KPU, PEMDA_MATRIX, edit, kl, pemda, places, plan

# BAB II B as published beside a Pemda matrix: the program indicator and the IKU.
INDIKATOR_TABLE = """\
  indikator:
    - {no: 1, indikator: Persentase fasilitas kesehatan terakreditasi, satuan: "%", target: 80 - 90%, anggaran: 430.000.000}
"""


def with_table(source: str, table: str = INDIKATOR_TABLE) -> str:
    """A published matrix plan with another published table beside its matrix."""
    return edit(source, "tabel:\n", "tabel:\n" + table)


# --- RKT1xx ----------------------------------------------------------------------------------


def test_rkt101_a_matrix_numbered_straight_through(tmp_path):
    assert findings(tmp_path, pemda(PEMDA_MATRIX), "RKT101") == []
    source = edit(pemda(PEMDA_MATRIX), "    - no: 4\n", "    - no: 5\n")
    assert findings(tmp_path, source, "RKT101") == ["51:11 RKT101"]


def test_rkt101_a_matrix_numbered_within_each_parent(tmp_path):
    source = edit(pemda(PEMDA_MATRIX), "    - no: 2\n", "    - no: 1\n")
    source = edit(source, "    - no: 3\n", "    - no: 1\n")
    source = edit(source, "    - no: 4\n", "    - no: 2\n")
    assert findings(tmp_path, source, "RKT101") == []
    source = edit(source, "    - no: 2\n", "    - no: 3\n")
    assert findings(tmp_path, source, "RKT101") == ["51:11 RKT101"]


def test_rkt102_an_indicator_of_any_level_may_serve_no_sasaran(tmp_path):
    assert findings(tmp_path, kl(), "RKT102") == []  # none of its indicators says `sasaran:`
    source = edit(pemda(), "target: 1.190 Orang}", "target: 1.190 Orang, sasaran: S9}")
    assert places(tmp_path, source, "RKT102") == ["65:132 RKT102 <- 20:1"]


def test_rkt103_a_ref_at_a_kegiatan_to_an_iku(tmp_path):
    line = '          - {nama: Persentase ibu hamil dan bersalin yang dilayani sesuai standar, satuan: "%", target: 100%}\n'
    source = edit(pemda(), line, "          - ref: IKU1\n")
    assert findings(tmp_path, source) == []
    source = edit(source, "ref: IKU1", "ref: IKU9")
    assert findings(tmp_path, source, "RKT103") == ["48:18 RKT103"]


def test_rkt104_an_iku_id_used_again_at_a_sub_kegiatan(tmp_path):
    source = edit(pemda(), "{nama: Jumlah ibu bersalin", "{id: IKU1, nama: Jumlah ibu bersalin")
    assert places(tmp_path, source, "RKT104") == ["65:22 RKT104 <- 24:13"]


def test_rkt105_a_sasaran_s_own_iku_count_as_its_indicators(tmp_path):
    assert findings(tmp_path, pemda(), "RKT105") == []  # S1 has only its own IKU
    second = "  - id: S2\n    nama: Meningkatnya mutu pelayanan kesehatan rujukan\n"
    source = edit(pemda(), "pagu: 430.000.000\nprogram:", second + "pagu: 430.000.000\nprogram:")
    assert findings(tmp_path, source, "RKT105") == ["36:9 RKT105"]
    served = edit(source, "target: 1.190 Orang}", "target: 1.190 Orang, sasaran: S2}")
    assert findings(tmp_path, served, "RKT105") == []


def test_rkt105_a_published_plan_s_sasaran_without_iku(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "tabel:\n",
        "  - id: S2\n    nama: Meningkatnya mutu pelayanan kesehatan rujukan\ntabel:\n",
    )
    assert findings(tmp_path, source, "RKT105") == ["25:9 RKT105"]


def test_rkt107_a_matrix_is_not_a_table_an_indicator_must_be_in(tmp_path):
    # BAB II B lists the program indicator; the matrix also has kegiatan and sub kegiatan
    # indicators, which BAB II B does not list: no table lacks what it should have.
    assert findings(tmp_path, with_table(pemda(PEMDA_MATRIX))) == []


def test_rkt108_the_same_output_twice_at_one_level(tmp_path):
    name = "Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar"
    source = edit(pemda(), "Jumlah ibu bersalin yang mendapatkan pelayanan sesuai standar", name)
    assert findings(tmp_path, source, "RKT108") == []  # another target: another output
    source = edit(source, "target: 1.190 Orang}", "target: 1.250 Orang}")
    assert places(tmp_path, source, "RKT108") == ["65:24 RKT108 <- 57:24"]


def test_rkt108_a_kegiatan_may_measure_what_its_sub_kegiatan_do(tmp_path):
    source = edit(
        pemda(),
        'Persentase ibu hamil dan bersalin yang dilayani sesuai standar, satuan: "%", target: 100%',
        "Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang",
    )
    assert findings(tmp_path, source, "RKT108") == []


def test_rkt108_one_node_listing_an_indicator_twice(tmp_path):
    line = "              - {nama: Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar, satuan: Orang, target: 1.250 Orang}\n"
    twice = line + line.replace("1.250 Orang", "1.300 Orang")
    source = edit(pemda(), line, twice)
    assert places(tmp_path, source, "RKT108") == ["58:24 RKT108 <- 57:24"]


def test_rkt108_kpu_offices_share_an_indicator_by_ref(tmp_path):
    source = edit(
        plan("kpu", KPU),
        "Persentase tahapan Pemilu yang tepat jadwal",
        "Persentase layanan perkantoran yang tepat waktu",
    )
    assert places(tmp_path, source, "RKT108") == ["36:20 RKT108 <- 31:20"]


def test_rkt108_a_matrix_row_listing_an_indicator_twice(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "Jumlah kunjungan ibu hamil K4]",
        "Jumlah ibu hamil yang mendapatkan pelayanan sesuai standar]",
    )
    assert places(tmp_path, source, "RKT108") == ["44:79 RKT108 <- 44:19"]


def test_rkt109_a_kro_without_ro_and_a_sub_kegiatan_without_indicator(tmp_path):
    source = kl().split("            ro:\n")[0] + "            ro: []\n"  # the RO were the end
    assert findings(tmp_path, source, "RKT109") == ["43:17 RKT109"]
    last = pemda().split("            indikator:\n")
    source = "            indikator:\n".join(last[:-1]) + "            indikator: []\n"
    assert findings(tmp_path, source, "RKT109") == ["64:24 RKT109"]


def test_rkt109_an_ro_needs_no_indicator(tmp_path):
    assert "indikator" not in kl().split("ro:")[1]
    assert findings(tmp_path, kl(), "RKT109") == []


# --- RKT2xx ----------------------------------------------------------------------------------


def test_rkt201_rkt202_a_matrix_against_bab_ii_b(tmp_path):
    table = INDIKATOR_TABLE.replace("target: 80 - 90%", "target: 85%").replace(
        'satuan: "%"', "satuan: Unit"
    )
    source = with_table(pemda(PEMDA_MATRIX), table)
    assert places(tmp_path, source, "RKT201") == ["34:15 RKT201 <- 27:94"]
    assert places(tmp_path, source, "RKT202") == ["33:15 RKT202 <- 27:80"]


def test_rkt201_a_matrix_whose_nodes_differ_among_themselves_is_not_compared(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "      indikator: Persentase ibu hamil dan bersalin yang dilayani sesuai standar\n",
        "      indikator: Persentase fasilitas kesehatan terakreditasi\n",
    )
    assert findings(tmp_path, with_table(source), "RKT201") == []


def test_rkt210_percentage_targets_of_a_program_and_an_iku(tmp_path):
    source = edit(pemda(), "target: 80 - 90%}", "target: 13 Puskesmas}")
    assert findings(tmp_path, source, "RKT210") == ["42:98 RKT210"]
    source = edit(kl(), "baseline: 88%, target: 90%}", "target: 120%}")
    assert findings(tmp_path, source, "RKT210") == ["24:73 RKT210"]


def test_rkt210_in_a_published_matrix(tmp_path):
    source = edit(pemda(PEMDA_MATRIX), "      target: 80 - 90%\n", "      target: 13 Puskesmas\n")
    assert findings(tmp_path, source, "RKT210") == ["32:15 RKT210"]


def test_rkt211_rkt212_a_kl_kegiatan_output(tmp_path):
    source = edit(
        kl(), "satuan: Publikasi, target: 3 Publikasi}", "satuan: 3 Publikasi, target: 100%}"
    )
    assert findings(tmp_path, source, "RKT211,RKT212") == ["37:65 RKT212", "37:86 RKT211"]


def test_rkt213_tujuan_indicators_are_indicators_too(tmp_path):
    tujuan = (
        "tujuan:\n  - nama: Meningkatnya kualitas pelayanan publik\n    indikator:\n"
        "      - {nama: Terwujudnya pelayanan prima, satuan: Predikat, target: Baik}\n"
        '      - {nama: Prevalensi balita stunting, satuan: "%", polaritas: negatif, target: 14%}\n'
        '      - {nama: Cakupan imunisasi dasar lengkap, satuan: "%", target: 95%}\n'
        "      - {nama: Usia harapan hidup, satuan: Tahun, target: '71,5 Tahun'}\n"
    )
    source = edit(pemda(), "tujuan:\n  - Meningkatnya kualitas pelayanan publik\n", tujuan)
    assert findings(tmp_path, source, "RKT213") == ["16:16 RKT213"]


def test_rkt213_in_a_published_matrix(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "indikator: Persentase fasilitas kesehatan terakreditasi",
        "indikator: Akreditasi fasilitas kesehatan",
    )
    assert findings(tmp_path, source, "RKT213") == ["30:18 RKT213"]


# --- RKT3xx ----------------------------------------------------------------------------------


def test_rkt301_a_matrix_total_against_bab_ii_b(tmp_path):
    source = with_table(pemda(PEMDA_MATRIX), INDIKATOR_TABLE.replace("430.000.000", "400.000.000"))
    assert places(tmp_path, source, "RKT301") == ["29:5 RKT301 <- 27:5"]


def test_rkt302_the_pagu_of_every_kind_against_its_leaves(tmp_path):
    source = edit(pemda(), "pagu: 430.000.000\nprogram:", "pagu: 500.000.000\nprogram:")
    assert places(tmp_path, source, "RKT302") == ["36:7 RKT302 <- 37:1"]
    source = edit(kl(), "pagu: 1.500.000.000\nprogram:", "pagu: 1.400.000.000\nprogram:")
    assert places(tmp_path, source, "RKT302") == ["25:7 RKT302 <- 26:1"]


def test_rkt302_a_published_matrix(tmp_path):
    source = edit(pemda(PEMDA_MATRIX), "tabel:\n", "pagu: 430.000.000\ntabel:\n")
    assert findings(tmp_path, source, "RKT302") == []
    source = edit(source, "pagu: 430.000.000\ntabel:", "pagu: 500.000.000\ntabel:")
    assert places(tmp_path, source, "RKT302") == ["25:7 RKT302 <- 27:3"]


def test_rkt303_a_zero_ro_and_a_zero_matrix_row(tmp_path):
    source = edit(kl(), "anggaran: 500.000.000}", "anggaran: 0}")
    assert findings(tmp_path, source, "RKT303") == ["45:119 RKT303"]
    source = edit(pemda(PEMDA_MATRIX), "      pagu: 250.000.000\n", "      pagu: 0\n")
    assert findings(tmp_path, source, "RKT303") == ["47:13 RKT303"]


# --- RKT4xx, RKT5xx --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["pemda", "kl"])
def test_rkt4xx_identity_on_every_kind(tmp_path, kind):
    source = (pemda() if kind == "pemda" else kl()).replace("tahun: 2025", "tahun: 2031", 1)
    source = source.replace("tanggal: 30 Januari 2025", "tanggal: 30 Januari 2023")
    source = source.replace("  jabatan: Kepala\n", "")
    assert findings(tmp_path, source, "RKT4") == ["3:8 RKT402", "15:1 RKT404", "17:12 RKT403"]


def test_rkt501_a_kl_sasaran_program_worded_as_work(tmp_path):
    source = edit(
        kl(), "sasaran: Meningkatnya kualitas data statistik", "sasaran: Penyediaan data statistik"
    )
    assert findings(tmp_path, source, "RKT501") == ["29:14 RKT501"]


def test_rkt502_a_sub_kegiatan_name_with_a_typo(tmp_path):
    source = edit(
        pemda(),
        "nama: Pengelolaan Pelayanan Kesehatan Ibu Bersalin",
        "nama: Pengelolaan Pelayanan Kesehatan Ibu Hamill",
    )
    assert places(tmp_path, source, "RKT502") == ["59:19 RKT502 <- 51:19"]
    [finding] = compile_yaml(tmp_path, source, "RKT502").diagnostics
    assert dict(finding.message.params)["field"] == "sub kegiatan"


def test_rkt502_a_kro_and_an_indicator_of_a_published_matrix(tmp_path):
    source = edit(
        pemda(PEMDA_MATRIX),
        "indikator: Persentase ibu hamil dan bersalin yang dilayani sesuai standar",
        "indikator: Persentase fasilitas kesehatan terakreditas",
    )
    assert findings(tmp_path, source, "RKT502") == ["37:18 RKT502"]


def test_rkt105_a_published_table_that_prints_indicators_under_a_sasaran(tmp_path):
    row = "  rkt:\n    - {no: 1, sasaran: %s, indikator: Persentase pelayanan, target: 100%%}\n"
    name = "Meningkatnya kualitas kesehatan ibu dan anak"
    source = edit(
        pemda(PEMDA_MATRIX),
        '      - {nama: Persentase ibu hamil yang dilayani sesuai standar, satuan: "%", target: 100%}\n',
        "",
    )
    source = edit(source, "    indikator:\ntabel:\n", "tabel:\n" + row % name)
    assert findings(tmp_path, source, "RKT105") == []
    source = source.replace("sasaran: " + name + ",", "sasaran: Meningkatnya gizi balita,")
    assert findings(tmp_path, source, "RKT105") == ["21:9 RKT105"]
