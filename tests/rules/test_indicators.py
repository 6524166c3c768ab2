"""RKT201-RKT213: a failing and a passing case each, pinned by position and code."""

from helpers import findings, plan_with

# Columns: "    - {no: N, indikator: " puts the indikator value at column 26.
THREE_TABLES = """\
tabel:
  indikator:
    - {no: 1, indikator: Persentase produk hukum, satuan: Lembaga, target: 97 %, anggaran: 8.195.000}
  program:
    - program: Program Penyelenggaraan Pemilu
      baris:
        - {no: 1, indikator: Persentase produk hukum, target: 93 %}
  rkt:
    - {no: 1, indikator: Persentase produk hukum, satuan: lembaga, target: 97%, anggaran: 8.195.000}
"""


def test_rkt201_target_mismatch_points_at_the_odd_one(tmp_path):
    assert findings(tmp_path, plan_with(THREE_TABLES), select="RKT201") == ["25:63 RKT201"]


def test_rkt201_same_target_written_differently_is_fine(tmp_path):
    source = plan_with(THREE_TABLES.replace("93 %", "97%"))
    assert findings(tmp_path, source, select="RKT201") == []


def test_rkt201_abbreviated_unit_is_the_same_target(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Jumlah laporan BMN, target: 5 Lap}
          rkt:
            - {no: 1, indikator: Jumlah laporan BMN, target: 5 Laporan}
        """)
    assert findings(tmp_path, source, select="RKT201") == []


def test_rkt202_satuan_mismatch(tmp_path):
    source = plan_with(THREE_TABLES.replace("satuan: Lembaga", "satuan: Satker"))
    assert findings(tmp_path, source, select="RKT202") == ["21:59 RKT202"]


def test_rkt202_quantity_and_case_do_not_count(tmp_path):
    source = plan_with(THREE_TABLES.replace("satuan: Lembaga", "satuan: 1 LEMBAGA"))
    assert findings(tmp_path, source, select="RKT202") == []


def test_rkt204_budget_line_tied_to_another_indicator(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase partisipasi pemilih, anggaran: 32.588.000}
          rkt:
            - {no: 1, indikator: Persentase partisipasi pemilih, anggaran: 32.588.000}
          apbn:
            - program: Program Penyelenggaraan Pemilu
              baris:
                - {no: 1, indikator: Persentase satker pendidikan pemilih, anggaran: 32.588.000}
        """)
    assert findings(tmp_path, source, select="RKT204") == ["27:30 RKT204"]


def test_rkt204_same_indicator_everywhere(tmp_path):
    assert findings(tmp_path, plan_with(THREE_TABLES), select="RKT204") == []


def test_rkt210_percentage_with_count_or_over_100(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, indikator: Persentase pemungutan suara, target: 13 kec}
            - {no: 2, indikator: Persentase logistik, target: 120%}
            - {no: 3, indikator: Persentase produk hukum, target: 97 %}
        """)
    assert findings(tmp_path, source, select="RKT210") == ["21:63 RKT210", "22:55 RKT210"]


def test_rkt210_in_single_source(tmp_path):
    source = plan_with("""\
        sasaran:
          - {id: S1, nama: Terwujudnya X}
        program:
          - nama: P
            kegiatan:
              - nama: K
                anggaran: 1.000
                indikator:
                  - {nama: Persentase X, sasaran: S1, satuan: Lembaga, target: 1 lembaga}
                  - {nama: Persentase Y, sasaran: S1, satuan: Lembaga, target: 100 %}
        """)
    assert findings(tmp_path, source, select="RKT210") == ["27:72 RKT210"]


def test_rkt211_count_with_percentage(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, indikator: Jumlah laporan keuangan, target: 100%}
            - {no: 2, indikator: Jumlah laporan kinerja, target: 2 lap}
        """)
    assert findings(tmp_path, source, select="RKT211") == ["21:59 RKT211"]


def test_rkt212_quantity_in_satuan(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, indikator: Persentase A, satuan: 1 lembaga, target: 97%}
            - {no: 2, indikator: Persentase B, satuan: Lembaga, target: 97%}
        """)
    assert findings(tmp_path, source, select="RKT212") == ["21:48 RKT212"]


def test_rkt213_unmeasurable_indicator(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, indikator: Pembentukan badan adhoc, target: 13 kec}
            - {no: 2, indikator: Jumlah badan adhoc yang dibentuk, target: 13 kec}
            - {no: 3, indikator: Indeks kepuasan layanan, target: "3,5"}
        """)
    assert findings(tmp_path, source, select="RKT213") == ["21:26 RKT213"]


def test_rkt203_anggaran_mismatch(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase sarana tersedia, anggaran: 2.005.355.000}
          rkt:
            - {no: 1, indikator: Persentase sarana tersedia, anggaran: 2.005.355.000}
            - {no: 2, indikator: Persentase sarana tersedia, anggaran: 281.247.000}
          apbn:
            - program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase sarana tersedia, anggaran: 2.286.602.000}
        """)
    assert findings(tmp_path, source, select="RKT203") == ["21:64 RKT203"]


def test_rkt203_equal_sums(tmp_path):
    assert findings(tmp_path, plan_with(THREE_TABLES), select="RKT203") == []
