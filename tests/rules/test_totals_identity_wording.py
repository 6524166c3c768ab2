"""RKT301-RKT302, RKT401-RKT404, RKT501-RKT502: failing and passing cases."""

from helpers import MINIMAL, compile_yaml, findings, plan_with

TOTALS = """\
tabel:
  indikator:
    - {no: 1, indikator: Persentase A, anggaran: 1.000.000}
    - {no: 2, indikator: Persentase B, anggaran: 500.000}
  rkt:
    - {no: 1, indikator: Persentase A, anggaran: 1.000.000}
    - {no: 2, indikator: Persentase B, anggaran: 500.000}
    - {no: 3, indikator: Persentase C, anggaran: 250.000}
  apbn:
    - program: Program Dukungan Manajemen
      baris:
        - {no: 1, indikator: Persentase A, anggaran: 1.000.000}
        - {no: 2, indikator: Persentase B, anggaran: 500.000}
        - {no: 3, indikator: Persentase C, anggaran: 250.000}
"""


def test_rkt301_total_differs_in_one_table(tmp_path):
    assert findings(tmp_path, plan_with(TOTALS), select="RKT301") == ["21:5 RKT301"]


def test_rkt301_equal_totals(tmp_path):
    source = plan_with(
        TOTALS.replace("    - {no: 3, indikator: Persentase C, anggaran: 250.000}\n", "")
    )
    assert findings(tmp_path, source, select="RKT301") == []


def test_rkt302_pagu(tmp_path):
    source = plan_with("pagu: 2.000.000\n" + TOTALS)
    assert findings(tmp_path, source, select="RKT302") == ["19:7 RKT302"]
    source = plan_with("pagu: Rp1.750.000\n" + TOTALS)
    assert findings(tmp_path, source, select="RKT302") == []


def test_rkt401_cover_and_signature(tmp_path):
    source = plan_with("""\
        judul: Rencana Kinerja Tahunan
        sampul:
          judul: Rencana Kerja Tahunan
          tahun: 2023
        """).replace("  nama: NAMA\n", "  nama: NAMA\n  instansi: Komisi Pemilihan Umum Kab\n")
    assert findings(tmp_path, source, select="RKT401") == ["19:13 RKT401", "22:10 RKT401"]


def test_rkt401_texts(tmp_path):
    source = plan_with("""\
        kata_pengantar: |
          Rencana Kerja Tahunan Komisi Pemilihan Umum Contoh Tahun 2022 ini disusun
          berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 dan Renstra Tahun 2020-2024.
        """)
    assert findings(tmp_path, source, select="RKT401") == [
        "20:3 RKT401",
        "20:25 RKT401",
        "20:54 RKT401",
    ]


def test_rkt401_consistent_texts(tmp_path):
    source = plan_with("""\
        kata_pengantar: |
          Rencana Kinerja Tahunan Komisi Pemilihan Umum Kabupaten Contoh Tahun 2023.
        """)
    assert findings(tmp_path, source, select="RKT401") == []


def test_rkt402_year_outside_renstra(tmp_path):
    assert findings(tmp_path, MINIMAL.replace("tahun: 2023", "tahun: 2025"), select="RKT402") == [
        "2:8 RKT402"
    ]
    assert findings(tmp_path, MINIMAL, select="RKT402") == []


def test_rkt403_signing_date(tmp_path):
    source = MINIMAL.replace("30 Januari 2023", "30 Januari 2021")
    assert findings(tmp_path, source, select="RKT403") == ["16:12 RKT403"]
    source = MINIMAL.replace("30 Januari 2023", "28 Desember 2022")
    assert findings(tmp_path, source, select="RKT403") == []


def test_rkt404_signature_without_position(tmp_path):
    source = MINIMAL.replace("  jabatan: Ketua\n", "")
    assert findings(tmp_path, source, select="RKT404") == ["14:1 RKT404"]
    assert findings(tmp_path, MINIMAL, select="RKT404") == []


def test_rkt501_outcome_wording(tmp_path):
    source = plan_with("""\
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu}
          - {id: S2, nama: Pembentukan Badan Adhoc}
          - {id: S3, nama: Meningkatnya partisipasi pemilih}
        """)
    assert findings(tmp_path, source, select="RKT501") == ["21:20 RKT501"]


def test_rkt502_near_duplicate_names(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, kegiatan: Layanan Prasarana Internal, indikator: Jumlah laporan BMN}
            - {no: 2, kegiatan: Layanan Praserana Internal, indikator: Persentase sarana dan prasarana}
            - {no: 3, kegiatan: Layanan Keuangan, indikator: Jumlah laporan keuangan}
            - {no: 4, kegiatan: Layanan Kinerja, indikator: Jumlah laporan kinerja}
        """)
    assert findings(tmp_path, source, select="RKT502") == ["22:25 RKT502"]


def test_suppression_comment_and_unused_suppression(tmp_path):
    source = plan_with("""\
        sasaran:
          - {id: S1, nama: Pembentukan Badan Adhoc}  # rktc: ignore[RKT501]
          - {id: S2, nama: Terwujudnya Tahapan Pemilu}  # rktc: ignore[RKT501]
        """)
    assert findings(tmp_path, source, select="RKT501,RKT090") == ["21:49 RKT090"]


def test_select_and_ignore_in_the_plan(tmp_path):
    source = plan_with("""\
        pemeriksaan:
          abaikan: [RKT501]
        sasaran:
          - {id: S1, nama: Pembentukan Badan Adhoc}
        """)
    assert "RKT501" not in " ".join(findings(tmp_path, source))


def places(tmp_path, source, select):
    """`["line:col CODE <- line:col, ...", ...]`: each finding and its related places."""
    compiled = compile_yaml(tmp_path, source, select)
    return [
        f"{d.location.line}:{d.location.column} {d.code} <- "
        + ", ".join(f"{r.location.line}:{r.location.column}" for r in d.related)
        for d in compiled.diagnostics
    ]


def test_rkt302_points_at_what_was_added_up(tmp_path):
    # the first budget table: the RKT matrix, whose key is on line 24
    assert places(tmp_path, plan_with("pagu: 2.000.000\n" + TOTALS), "RKT302") == [
        "19:7 RKT302 <- 24:3"
    ]
    single = """\
        pagu: 2.000.000
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu}
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Layanan Perkantoran
                anggaran: 1.000.000
                indikator:
                  - {nama: Persentase layanan, sasaran: S1, satuan: Lembaga, target: 100%}
        """
    assert places(tmp_path, plan_with(single), "RKT302") == ["19:7 RKT302 <- 22:1"]


def test_rkt401_points_at_the_value_it_is_compared_with(tmp_path):
    source = plan_with("""\
        judul: Rencana Kinerja Tahunan
        sampul:
          judul: Rencana Kerja Tahunan
        kata_pengantar: |
          Rencana Kinerja Tahunan Komisi Pemilihan Umum Contoh Tahun 2022.
        """)
    assert places(tmp_path, source, "RKT401") == [
        "21:10 RKT401 <- 19:8",  # the cover's title, and the plan's `judul`
        "23:27 RKT401 <- 4:9",  # the institution's name, and `instansi.nama`
        "23:56 RKT401 <- 2:8",  # the year, and `tahun`
    ]
    # a plan that leaves `judul` out has the default title, written nowhere
    source = plan_with("""\
        sampul:
          judul: Rencana Kerja Tahunan
        """)
    assert places(tmp_path, source, "RKT401") == ["20:10 RKT401 <- "]


def test_rkt402_points_at_the_renstra_period(tmp_path):
    source = MINIMAL.replace("tahun: 2023", "tahun: 2025")
    assert places(tmp_path, source, "RKT402") == ["2:8 RKT402 <- 7:12"]


def test_rkt403_points_at_the_plan_year(tmp_path):
    source = MINIMAL.replace("30 Januari 2023", "30 Januari 2021")
    assert places(tmp_path, source, "RKT403") == ["16:12 RKT403 <- 2:8"]


def test_rkt303_zero_anggaran_of_a_kegiatan(tmp_path):
    single = """\
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu}
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Layanan Perkantoran
                anggaran: Rp0
                indikator:
                  - {nama: Persentase layanan, sasaran: S1, satuan: Lembaga, target: 100%}
              - nama: Layanan Keuangan
                anggaran: 1.000.000
                indikator:
                  - {nama: Persentase laporan, sasaran: S1, satuan: Lembaga, target: 100%}
        """
    compiled = compile_yaml(tmp_path, plan_with(single))
    assert [(d.location.line, d.location.column, d.code) for d in compiled.diagnostics] == [
        (25, 19, "RKT303")
    ]
    assert compiled.diagnostics[0].severity.value == "warning"
    assert findings(tmp_path, plan_with(single.replace("Rp0", "500.000")), "RKT303") == []


def test_rkt303_zero_anggaran_in_the_published_tables(tmp_path):
    source = plan_with("""\
        tabel:
          indikator:
            - {no: 1, indikator: Persentase A, anggaran: 0}
            - {no: 2, indikator: Persentase B}
          rkt:
            - {no: 1, kegiatan: Layanan A, indikator: Persentase A, anggaran: "Rp 0,-"}
            - {no: 2, kegiatan: Layanan B, indikator: Persentase B, anggaran: 500.000}
          apbn:
            - program: Program Dukungan Manajemen
              baris:
                - {no: 1, kegiatan: Layanan A, indikator: Persentase A, anggaran: "0,00"}
        """)
    # a row that leaves anggaran out (Persentase B in BAB II B) is not a 0
    assert findings(tmp_path, source, select="RKT303") == [
        "21:50 RKT303",
        "24:71 RKT303",
        "29:75 RKT303",
    ]


def test_rkt303_can_be_silenced_where_the_zero_is_deliberate(tmp_path):
    source = plan_with("""\
        tabel:
          rkt:
            - {no: 1, kegiatan: Layanan A, indikator: Persentase A, anggaran: 0}  # rktc: ignore[RKT303]
        """)
    assert findings(tmp_path, source) == []


def test_rkt502_on_the_published_tables_finds_alike_with_the_shared_name_groups(
    tmp_path, monkeypatch
):
    # a published plan with its sasaran: RKT502 recounts the groups the other rules made
    # of the tables' names rather than grouping them again; the findings must not differ
    from helpers import PLANS

    from rktc.check.rules import wording
    from rktc.pipeline.orchestrator import Pipeline

    def found() -> list[str]:
        compiled = Pipeline().validate(PLANS / "published" / "kpu-oku-2023.yaml")
        return [str(d) for d in compiled.diagnostics if d.code == "RKT502"]

    shared = found()
    assert shared  # the seed's typos ("Praserana") are there
    monkeypatch.setattr(wording, "made_clusters", lambda ctx, field: None)
    assert found() == shared


STATED = """\
tabel:
  rkt:
    - {no: 1, indikator: Persentase A, anggaran: 1.000.000}
    - {no: 2, indikator: Persentase B, anggaran: 500.000}
  apbn:
    - program: Program Dukungan Manajemen
      jumlah: 1.500.000
      baris:
        - {no: 1, indikator: Persentase A, anggaran: 1.000.000}
        - {no: 2, indikator: Persentase B, anggaran: 500.000}
  jumlah:
    rkt: 1.500.000
    apbn: 1.500.000
"""


def test_rkt305_totals_printed_under_the_kpu_tables_that_add_up(tmp_path):
    assert findings(tmp_path, plan_with(STATED), select="RKT305") == []


def test_rkt305_a_program_s_and_a_table_s_printed_total_that_do_not_add_up(tmp_path):
    source = plan_with(
        STATED.replace("      jumlah: 1.500.000", "      jumlah: 1.400.000").replace(
            "    rkt: 1.500.000", "    rkt: 1.250.000"
        )
    )
    assert findings(tmp_path, source, select="RKT305") == ["25:15 RKT305", "30:10 RKT305"]
