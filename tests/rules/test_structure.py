"""RKT101-RKT109: a failing and a passing case each, pinned by position and code."""

from helpers import compile_yaml, findings, plan_with

SINGLE = """\
sasaran:
  - id: S1
    nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal
  - id: S2
    nama: Terwujudnya Logistik Tepat Waktu
program:
  - nama: Program Penyelenggaraan Pemilu
    kegiatan:
      - nama: Dukungan Tahapan
        anggaran: 1.000.000
        indikator:
          - id: IK1
            nama: Persentase tahapan tepat jadwal
            sasaran: S1
            satuan: Lembaga
            target: 100%
      - nama: Logistik
        anggaran: 2.000.000
        indikator:
          - nama: Persentase logistik tepat waktu
            sasaran: S2
            satuan: Lembaga
            target: 100%
          - ref: IK1
"""
# Line numbers below count from the start of the plan: MINIMAL has 18 lines.


def test_clean_single_source_plan(tmp_path):
    assert findings(tmp_path, plan_with(SINGLE), select="RKT1") == []


def test_rkt101_numbering(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase A}
            - {no: 2, indikator: Persentase B}
            - {no: 2, indikator: Persentase C}
            - {no: 5, indikator: Persentase D}
            - {indikator: Persentase E}
            - {no: 6, indikator: Persentase F}
        """)
    assert findings(tmp_path, source, select="RKT101") == [
        "23:12 RKT101",
        "24:12 RKT101",
        "25:7 RKT101",
    ]


def test_rkt101_passes_in_order(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase A}
            - {no: 2, indikator: Persentase B}
        """)
    assert findings(tmp_path, source, select="RKT101") == []


def test_rkt102_unknown_sasaran(tmp_path):
    source = plan_with(SINGLE.replace("sasaran: S2", "sasaran: S9"))
    assert findings(tmp_path, source, select="RKT102") == ["39:22 RKT102"]


def test_rkt103_unknown_ref(tmp_path):
    source = plan_with(SINGLE.replace("ref: IK1", "ref: IK9"))
    assert findings(tmp_path, source, select="RKT103") == ["42:18 RKT103"]


def test_rkt104_duplicate_id(tmp_path):
    source = plan_with(SINGLE.replace("id: S2", "id: S1"))
    assert findings(tmp_path, source, select="RKT104") == ["22:9 RKT104"]


def test_rkt105_sasaran_without_indicator(tmp_path):
    source = plan_with(SINGLE.replace("sasaran: S2", "sasaran: S1"))
    assert findings(tmp_path, source, select="RKT105") == ["22:9 RKT105"]


def test_rkt105_published_sasaran_unused(tmp_path):
    source = plan_with("""\
        tabel:
          sasaran:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu}
            - {no: 2, sasaran: Terwujudnya Pemilu Damai}
          rkt:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu, indikator: Persentase A}
        """)
    assert findings(tmp_path, source, select="RKT105") == ["22:24 RKT105"]


def test_rkt106_undeclared_sasaran(tmp_path):
    source = plan_with("""\
        tabel:
          sasaran:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu}
          rkt:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu, indikator: Persentase A}
            - {no: 2, sasaran: Ketersediaan Suara Pemilih, indikator: Persentase B}
        """)
    assert findings(tmp_path, source, select="RKT106") == ["24:24 RKT106"]


def test_rkt107_indicator_missing_from_table(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase A}
          rkt:
            - {no: 1, indikator: Persentase A}
            - {no: 2, indikator: Jumlah laporan keuangan}
        """)
    assert findings(tmp_path, source, select="RKT107") == ["24:26 RKT107"]


def test_rkt108_duplicate_indicator_in_table(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase sarana tersedia}
            - {no: 2, indikator: "Persentase  sarana tersedia."}
        """)
    assert findings(tmp_path, source, select="RKT108") == ["22:26 RKT108"]


def test_rkt108_same_indicator_under_two_kegiatan_is_fine(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, kegiatan: Layanan Perkantoran, indikator: Persentase sarana tersedia}
            - {no: 2, kegiatan: Layanan Internal, indikator: Persentase sarana tersedia}
        """)
    assert findings(tmp_path, source, select="RKT108") == []


def test_rkt108_declared_twice_instead_of_ref(tmp_path):
    source = plan_with(
        SINGLE.replace(
            "nama: Persentase logistik tepat waktu", "nama: Persentase tahapan tepat jadwal"
        )
    )
    assert findings(tmp_path, source, select="RKT108") == ["38:19 RKT108"]


def test_rkt109_empty_sections(tmp_path):
    source = (
        plan_with(SINGLE + "        ")
        .replace("  - Meningkatkan kualitas penyelenggaraan Pemilu\n", "  []\n", 1)
        .replace("misi:\n  []", "misi: []")
    )
    assert findings(tmp_path, source, select="RKT109") == ["10:7 RKT109"]


def test_rkt109_program_without_kegiatan(tmp_path):
    source = plan_with("""\
        program:
          - nama: Program Dukungan Manajemen
            kegiatan: []
        """)
    assert findings(tmp_path, source, select="RKT109") == ["21:15 RKT109"]


def places(tmp_path, source, select):
    """`["line:col CODE <- line:col, ...", ...]`: each finding and its related places."""
    compiled = compile_yaml(tmp_path, source, select)
    return [
        f"{d.location.line}:{d.location.column} {d.code} <- "
        + ", ".join(f"{r.location.line}:{r.location.column}" for r in d.related)
        for d in compiled.diagnostics
    ]


def test_rkt102_points_at_the_declared_sasaran(tmp_path):
    source = plan_with(SINGLE.replace("sasaran: S2", "sasaran: S9"))
    assert places(tmp_path, source, "RKT102") == ["39:22 RKT102 <- 19:1"]


def test_rkt106_points_at_the_sasaran_list_that_lacks_it(tmp_path):
    source = plan_with("""\
        tabel:
          sasaran:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu}
          rkt:
            - {no: 1, sasaran: Terwujudnya Tahapan Pemilu, indikator: Persentase A}
            - {no: 2, sasaran: Ketersediaan Suara Pemilih, indikator: Persentase B}
          program:
            - program: Program Dukungan Manajemen
              baris:
                - {no: 1, sasaran: Ketersediaan Suara Pemilih, indikator: Persentase B}
        """)
    # the row, then BAB II A (where it should be declared) and the other table using it
    assert places(tmp_path, source, "RKT106") == ["28:28 RKT106 <- 20:3, 24:24"]


def test_rkt107_points_at_the_table_that_lacks_it(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase A}
          rkt:
            - {no: 1, indikator: Persentase A}
            - {no: 2, indikator: Jumlah laporan keuangan}
          program:
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase A}
                - {no: 2, indikator: Jumlah laporan keuangan}
        """)
    # in BAB II C and the RKT matrix; BAB II B (line 20) lacks it
    assert places(tmp_path, source, "RKT107") == ["30:30 RKT107 <- 24:26, 20:3"]


def test_rkt107_points_at_the_program_heading_of_a_grouped_table(tmp_path):
    source = plan_with("""\
        tabel:
          program:
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase A}
                - {no: 2, indikator: Persentase B}
          apbn:
            - no: 1
              program: Program Dukungan Manajemen
              baris:
                - {no: 1, indikator: Persentase A}
        """)
    # the APBN matrix has the program (line 28) but not the indicator
    assert places(tmp_path, source, "RKT107") == ["25:30 RKT107 <- 28:7"]
