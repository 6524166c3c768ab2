"""The SAKIP year through the command line: `rktc capaian` and `rktc validate` with Renstra
and realisasi files. The capaian of docs/capaian.md's worked cases, read from its tables,
are computed again here end to end (plan file, realisasi file, CLI, JSON), and the
example year of KPU OKU 2023 against values computed by hand."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import PLANS, ROOT
from typer.testing import CliRunner

from rktc.check.engine import Selection
from rktc.cli.app import app
from rktc.pipeline.year import check_year
from rktc.plan.renstra import is_year_document
from rktc.plan.values import parse_number

runner = CliRunner()
D = Decimal
EXAMPLE_PLAN = PLANS / "kpu-oku-2023.yaml"
EXAMPLE_RENSTRA = PLANS / "kpu-oku-2023.renstra.yaml"
EXAMPLE_REALISASI = PLANS / "kpu-oku-2023.realisasi.yaml"
NO_VALUE = "—"


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], env={"RKTC_LANG": ""})


def capaian_json(*args: str | Path) -> dict:
    result = invoke("capaian", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def validate_json(*args: str | Path) -> tuple[int, list[str]]:
    result = invoke("validate", *args, "--format", "json")
    report = json.loads(result.stdout)
    found = [
        f"{Path(d['file']).name}:{d['line']}:{d['column']} {d['code']}"
        for d in report["diagnostics"]
    ]
    return result.exit_code, found


def docs_table(name: str) -> list[list[str]]:
    """The rows of the table after `<!-- cases: NAME -->` in docs/capaian.md."""
    text = (ROOT / "docs" / "capaian.md").read_text(encoding="utf-8")
    lines = text.split(f"<!-- cases: {name} -->", 1)[1].strip().splitlines()
    table = list(itertools.takewhile(lambda line: line.startswith("|"), lines))
    return [
        [re.sub(r"^`(.*)`$", r"\1", c.strip()) for c in line.strip().strip("|").split("|")]
        for line in table[2:]
    ]


def plan_of(indicators: list[dict[str, str]], kode_extra: str = "") -> str:
    """A format 2 KPU plan whose one kegiatan lists `indicators` (YAML mappings)."""
    lines = []
    for ind in indicators:
        first = True
        for key, value in ind.items():
            lines.append(f"          {'- ' if first else '  '}{key}: {json.dumps(value)}")
            first = False
    return (
        textwrap.dedent("""\
        rktc: 2
        jenis: kpu
        tahun: 2025
        instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh, kota: Contoh}
        renstra: {periode: 2025-2029}
        visi: {teks: Menjadi Penyelenggara Pemilu yang Mandiri}
        misi: [Meningkatkan kualitas penyelenggaraan Pemilu]
        tujuan: [Meningkatnya kualitas penyelenggaraan Pemilu]
        sasaran:
          - {id: S1, nama: Terwujudnya Tahapan Pemilu Sesuai Jadwal}
        program:
          - nama: Program Penyelenggaraan Pemilu
            kode: "01"
            kegiatan:
              - nama: Dukungan Kegiatan Perencanaan
                kode: "01.1"
                anggaran: 1.000.000.000
                indikator:
        """)
        + "\n".join(lines)
        + "\n"
        + kode_extra
        + textwrap.dedent("""\
        penandatangan: {tempat: Contoh, tanggal: 30 Januari 2025, jabatan: Ketua, nama: NAMA}
        """)
    )


def realisasi_of(entries: list[dict[str, str]], head: str = "") -> str:
    lines = ["rktc: 2", "dokumen: realisasi", "tahun: 2025", *head.splitlines()]
    lines.append("indikator:" if entries else "indikator: []")
    for entry in entries:
        lines.append("  - {" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in entry.items()) + "}")
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the worked cases of docs/capaian.md, end to end ------------------------------------------

CAPAIAN_CASES = docs_table("capaian")
# The realisasi file catches these before any capaian is computed (RKT624): the
# indicator has no capaian because a quarter's value cannot be used.
CAUGHT_BY_RKT624 = {"capaian.realisasi_not_number", "capaian.realisasi_not_on_scale"}


@pytest.mark.parametrize("cap", sorted({row[4] for row in CAPAIAN_CASES}))
def test_the_worked_capaian_cases_through_the_command_line(tmp_path, cap):
    rows = [row for row in CAPAIAN_CASES if row[4] == cap]
    indicators, entries = [], []
    for n, (target, realisasi, polaritas, rumus, *_rest) in enumerate(rows, start=1):
        indicators.append(
            {
                "id": f"K{n}",
                "nama": f"Indikator kasus {n}",
                "sasaran": "S1",
                "satuan": "Satuan",
                "polaritas": polaritas,
                "target": target,
            }
        )
        entry = {"id": f"K{n}"}
        if realisasi != "blank":
            entry["tw4"] = realisasi
        if polaritas == "negatif" and rumus != NO_VALUE:
            entry["rumus"] = rumus
        entries.append(entry)
    head = "capaian: {batas: tanpa}" if cap == "none" else f"capaian: {{batas: {cap}}}"
    plan = write(tmp_path, "plan.yaml", plan_of(indicators))
    real = write(tmp_path, "realisasi.yaml", realisasi_of(entries, head))
    report = capaian_json(plan, real)
    assert len(report["indikator"]) == len(rows)
    for row, got in zip(rows, report["indikator"], strict=True):
        target, realisasi, _, _, _, hand, capaian, met, used = row
        case = f"{target} / {realisasi} ({hand})"
        if used in CAUGHT_BY_RKT624:
            assert (got["capaian_tampil"], got["alasan_kode"]) == (NO_VALUE, "year.unusable"), case
            continue
        assert got["capaian_tampil"] == capaian, case
        if capaian == NO_VALUE:
            assert (got["alasan_kode"], got["terpenuhi"]) == (used, None), case
        else:
            assert (got["rumus"], got["terpenuhi"]) == (used, met == "yes"), case
            assert got["alasan"] is None


def test_values_the_realisasi_file_refuses_are_reported_at_their_place(tmp_path):
    plan = write(
        tmp_path,
        "plan.yaml",
        plan_of(
            [
                {
                    "id": "K1",
                    "nama": "Persentase a",
                    "sasaran": "S1",
                    "satuan": "%",
                    "target": "97%",
                },
                {"id": "K2", "nama": "Nilai b", "sasaran": "S1", "satuan": "Nilai", "target": "BB"},
            ]
        ),
    )
    real = write(
        tmp_path,
        "realisasi.yaml",
        realisasi_of([{"id": "K1", "tw1": "Baik"}, {"id": "K2", "tw1": "80"}]),
    )
    code, found = validate_json(plan, "--realisasi", real, "--select", "RKT6")
    assert (code, found) == (1, ["realisasi.yaml:5:21 RKT624", "realisasi.yaml:6:21 RKT624"])


YEAR_CASES = docs_table("year")


@pytest.mark.parametrize("row", YEAR_CASES, ids=lambda r: "-".join(r[:5]))
def test_the_year_from_its_quarters(tmp_path, row):
    *quarters, mode, hand, year = row
    words = [q for q in quarters if q != "blank" and not re.fullmatch(r"[\d,]+", q)]
    target = "100" if not words else ("WTP" if {"WDP", "WTP"} & set(words) else "BB")
    plan = write(
        tmp_path,
        "plan.yaml",
        plan_of(
            [
                {
                    "id": "K1",
                    "nama": "Indikator kasus",
                    "sasaran": "S1",
                    "satuan": "Satuan",
                    "kumulatif": "ya" if mode == "kumulatif" else "tidak",
                    "target": target,
                }
            ]
        ),
    )
    entry = {"id": "K1"}
    entry.update({f"tw{i}": q for i, q in enumerate(quarters, start=1) if q != "blank"})
    got = capaian_json(plan, write(tmp_path, "r.yaml", realisasi_of([entry])))["indikator"][0]
    assert got["mode"] == ("kumulatif" if mode == "kumulatif" else "akhir")
    if year == NO_VALUE:
        assert got["realisasi"] is None, hand
        assert got["alasan_kode"] == "capaian.no_realisasi"
    elif words:
        assert got["realisasi"] == year, hand
    else:
        assert D(got["realisasi"]) == parse_number(year), hand
    shown = [None if q == "blank" else q for q in quarters]
    assert [q if q is None or words else parse_number(q) for q in shown] == [
        q if q is None or words else D(q) for q in got["triwulan"]
    ]


def test_a_blank_quarter_is_not_zero_and_a_dash_is_blank(tmp_path):
    plan = write(
        tmp_path,
        "plan.yaml",
        plan_of(
            [{"id": "K1", "nama": "Persentase a", "sasaran": "S1", "satuan": "%", "target": "90%"}]
        ),
    )
    real = write(tmp_path, "r.yaml", realisasi_of([{"id": "K1", "tw3": "81", "tw4": "-"}]))
    got = capaian_json(plan, real)["indikator"][0]
    # TW IV "-" is not given: the year is TW III's 81, 81/90 = 90%
    assert (got["triwulan"], got["realisasi"], got["capaian_tampil"]) == (
        [None, None, "81", None],
        "81",
        "90%",
    )
    assert got["kategori"] == "Memuaskan"  # above 85


# --- the settings of a realisasi file ----------------------------------------------------------


def one_indicator(tmp_path, target: str, value: str, head: str = "", polaritas="positif"):
    plan = write(
        tmp_path,
        "plan.yaml",
        plan_of(
            [
                {
                    "id": "K1",
                    "nama": "Indikator a",
                    "sasaran": "S1",
                    "satuan": "Satuan",
                    "polaritas": polaritas,
                    "target": target,
                }
            ]
        ),
    )
    real = write(tmp_path, "r.yaml", realisasi_of([{"id": "K1", "tw1": value}], head))
    return capaian_json(plan, real)


def test_cap_formula_and_bands_are_the_realisasi_files_to_set(tmp_path):
    default = one_indicator(tmp_path, "1 dokumen", "12")
    assert (default["batas"], default["indikator"][0]["capaian_tampil"]) == ("120", "120%")
    free = one_indicator(tmp_path, "1 dokumen", "12", "capaian: {batas: tanpa}")
    assert (free["batas"], free["indikator"][0]["capaian_tampil"]) == (None, "1.200%")
    # T 10, R 8, lower is better: selisih 120 %, rasio 125 % (no cap)
    rasio = one_indicator(
        tmp_path, "10", "8", "capaian: {batas: tanpa, rumus_negatif: rasio}", "negatif"
    )["indikator"][0]
    assert (rasio["capaian_tampil"], rasio["notasi"]) == ("125%", "T/R x 100%")
    # 90,5 % is Memuaskan by default (above 85), Baik for the Inspektorat (91 not reached)
    assert one_indicator(tmp_path, "100", "90,5")["indikator"][0]["kategori"] == "Memuaskan"
    bands = one_indicator(tmp_path, "100", "90,5", "capaian: {kategori: inspektorat}")
    assert bands["indikator"][0]["kategori"] == "Baik"
    own = (
        "capaian:\n  kategori:\n    - {label: Berhasil, mulai: 100}\n    - {label: Belum, mulai: 0}"
    )
    assert one_indicator(tmp_path, "100", "90,5", own)["indikator"][0]["kategori"] == "Belum"
    assert one_indicator(tmp_path, "100", "100", own)["indikator"][0]["kategori"] == "Berhasil"


def test_a_bad_setting_is_reported_at_its_place(tmp_path):
    plan = write(
        tmp_path,
        "plan.yaml",
        plan_of(
            [
                {
                    "id": "K1",
                    "nama": "Indikator a",
                    "sasaran": "S1",
                    "satuan": "Satuan",
                    "target": "1",
                }
            ]
        ),
    )
    real = write(
        tmp_path,
        "r.yaml",
        realisasi_of(
            [{"id": "K1", "twx": "3"}],
            "capaian: {batas: 90%, rumus_negatif: kuadrat, kategori: lain}",
        ),
    )
    code, found = validate_json(plan, "--realisasi", real, "--select", "RKT0,RKT6")
    assert code == 1
    assert found == [
        "r.yaml:4:18 RKT013",  # a cap below 100
        "r.yaml:4:38 RKT013",  # no such formula
        "r.yaml:4:57 RKT013",  # no such bands
        "r.yaml:6:16 RKT012",  # twx: did you mean tw4?
    ]


# --- budget: serapan and efisiensi ------------------------------------------------------------


def test_budget_realisasi_serapan_and_efisiensi(tmp_path):
    second = textwrap.indent(
        textwrap.dedent("""\
          - nama: Dukungan Logistik
            kode: "01.2"
            anggaran: 500.000.000
            indikator:
              - {id: K2, nama: Jumlah dokumen, sasaran: S1, satuan: Dokumen, target: 4 dokumen}
        """),
        "      ",
    )
    plan = plan_of(
        [{"id": "K1", "nama": "Persentase a", "sasaran": "S1", "satuan": "%", "target": "80%"}],
        kode_extra=second,
    )
    plan_path = write(tmp_path, "plan.yaml", plan)
    real = write(
        tmp_path,
        "r.yaml",
        realisasi_of([{"id": "K1", "tw4": "72"}, {"id": "K2", "kumulatif": "ya", "tw1": "1"}])
        + 'anggaran:\n  - {kode: "01.1", tw1: 200.000.000, tw2: 250.000.000}\n',
    )
    report = capaian_json(plan_path, real)
    nodes = {n["kode"]: n for n in report["anggaran"]}
    # the kegiatan 01.1: 450.000.000 of 1.000.000.000, serapan 45 %; its capaian 72/80 = 90 %
    assert nodes["01.1"]["realisasi"] == "450000000"
    assert D(nodes["01.1"]["serapan"]) == D(45)
    assert nodes["01.1"]["efisiensi"] == "Efisien"  # 90 - 45 > 5 points
    # 01.2 has no budget realisasi: blank is not zero
    assert (nodes["01.2"]["realisasi"], nodes["01.2"]["serapan"]) == (None, None)
    # the program: what is known of its kegiatan (450.000.000 of 1.500.000.000), incomplete
    program = nodes["01"]
    assert (program["realisasi"], program["lengkap"]) == ("450000000", False)
    assert D(program["serapan"]) == D(30)
    # its capaian: the mean of its kegiatan's indicators, (90 + 25) / 2 = 57,5
    assert D(program["capaian"]) == D("57.5")
    assert program["efisiensi"] == "Efisien"  # 57,5 - 30 > 5
    text = invoke("capaian", plan_path, real, "--lang", "en").stdout
    assert "450.000.000 (incomplete)" in text


# --- the example year: KPU OKU 2023 -----------------------------------------------------------


def test_the_example_year_validates_clean():
    result = invoke(
        "validate",
        EXAMPLE_PLAN,
        "--renstra",
        EXAMPLE_RENSTRA,
        "--realisasi",
        EXAMPLE_REALISASI,
        "--ignore",
        "RKT5",
    )
    assert result.exit_code == 0, result.output
    assert "3 " in result.stdout.splitlines()[-1]  # three files checked


def test_every_year_document_among_the_examples_is_clean():
    documents = [p for p in sorted(PLANS.rglob("*.yaml")) if is_year_document(p)]
    assert EXAMPLE_RENSTRA in documents
    assert EXAMPLE_REALISASI in documents
    run = check_year(documents, Selection(ignore=("RKT5",)), always_link=True)
    assert [str(d.location) + " " + d.code for d in run.diagnostics] == []
    # every realisasi example found its plan (named in its `rencana:`)
    for plan in run.plans:
        assert plan.compiled.well_formed


def test_the_example_capaian_computed_by_hand():
    report = capaian_json(
        EXAMPLE_PLAN, "--renstra", EXAMPLE_RENSTRA, "--realisasi", EXAMPLE_REALISASI
    )
    assert report["ilustrasi"] is True
    assert report["renstra_ilustrasi"] is True
    by_name = {i["nama"]: i for i in report["indikator"]}
    hukum = by_name[
        "Persentase produk hukum yang dikelola dan didokumentasikan sesuai peraturan "
        "perundang-undangan"
    ]
    assert (hukum["realisasi"], hukum["capaian_tampil"]) == ("98", "101,03%")  # 98 / 97
    assert hukum["target_renstra"] == "97%"
    partisipasi = by_name["Persentase partisipasi pemilih dalam pemilu dan pemilihan"]
    assert partisipasi["triwulan"] == [None, None, None, "80.5"]
    assert partisipasi["capaian_tampil"] == "98,17%"  # 80,5 / 82
    pemungutan = by_name["Persentase pelaksanaan pemungutan sampai dengan penetapan hasil Pemilu"]
    assert pemungutan["alasan_kode"] == "capaian.no_realisasi"
    bmn = by_name[
        "Jumlah laporan barang milik negara berdasarkan SIMAK BMN yang datanya sesuai dengan SAK"
    ]
    assert (bmn["mode"], bmn["realisasi"], bmn["capaian_tampil"]) == ("kumulatif", "5", "100%")
    sarpras = next(i for i in report["indikator"] if i["id"] == "IK-SARPRAS")
    assert sarpras["oleh"] == ["Subbagian Keuangan, Umum dan Logistik"]
    programs = [n for n in report["anggaran"] if n["tingkat"] == "program"]
    first = programs[0]
    # 13.910.000.000 + 6.000.000 + 8.000.000 + 32.100.000 + 13.150.000.000 + 175.000.000
    # + 20.000.000 + 190.000.000 of the pagu 28.220.030.000
    assert first["realisasi"] == "27491100000"
    assert first["pagu_renstra"] == "28220030000"
    assert D(first["serapan"]).quantize(D("0.01")) == D("97.42")
    text = invoke("capaian", EXAMPLE_PLAN, EXAMPLE_REALISASI).stdout
    assert "ILUSTRASI" in text.splitlines()[1]


# --- files found, named and refused ----------------------------------------------------------


PLAN_V2_WITH_RENSTRA = plan_of(
    [{"id": "K1", "nama": "Persentase a", "sasaran": "S1", "satuan": "%", "target": "95%"}]
).replace("renstra: {periode: 2025-2029}", "renstra: {periode: 2025-2029, berkas: renstra.yaml}")
RENSTRA = """\
rktc: 2
dokumen: renstra
periode: 2025-2029
instansi: {nama: Komisi Pemilihan Umum Kabupaten Contoh}
indikator:
  - {id: K1, nama: Persentase a, target: {2025: 100%}}
"""


def test_a_plan_names_its_renstra(tmp_path):
    plan = write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    write(tmp_path, "renstra.yaml", RENSTRA)
    code, found = validate_json(plan, "--select", "RKT6")
    assert (code, found) == (1, ["plan.yaml:23:21 RKT601"])
    # --renstra overrides the plan's own
    other = write(tmp_path, "other.yaml", RENSTRA.replace("100%", "95%"))
    assert validate_json(plan, "--renstra", other, "--select", "RKT6") == (0, [])


def test_a_renstra_file_that_is_not_there(tmp_path):
    plan = write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    assert validate_json(plan) == (1, ["plan.yaml:5:39 RKT013"])


def test_a_realisasi_file_alone_is_checked_with_the_plan_it_names(tmp_path):
    write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    write(tmp_path, "renstra.yaml", RENSTRA.replace("100%", "95%"))
    real = write(tmp_path, "r.yaml", realisasi_of([{"id": "K9", "tw1": "1"}], "rencana: plan.yaml"))
    result = invoke("validate", real, "--format", "json", "--select", "RKT6")
    report = json.loads(result.stdout)
    assert [Path(f).name for f in report["files"]] == ["r.yaml", "plan.yaml", "renstra.yaml"]
    assert [d["code"] for d in report["diagnostics"]] == ["RKT621"]
    missing = write(tmp_path, "r.yaml", realisasi_of([], "rencana: hilang.yaml"))
    assert validate_json(missing) == (1, ["r.yaml:4:10 RKT013"])


def test_a_realisasi_file_without_a_plan_is_a_usage_error(tmp_path):
    real = write(tmp_path, "r.yaml", realisasi_of([{"id": "K1", "tw1": "1"}]))
    result = invoke("validate", real)
    assert result.exit_code == 2
    assert "rencana" in result.output
    assert "Traceback" not in result.output


def test_a_folder_of_plans_and_year_files(tmp_path):
    write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    write(tmp_path, "renstra.yaml", RENSTRA.replace("100%", "95%"))
    head = "rencana: plan.yaml"
    write(tmp_path, "r1.yaml", realisasi_of([{"id": "K1", "tw1": "90"}], head))
    write(tmp_path, "r2.yaml", realisasi_of([{"id": "K1", "tw1": "91", "tw2": "95"}], head))
    code, found = validate_json(tmp_path, "--select", "RKT0,RKT6")
    assert (code, found) == (1, ["r1.yaml:6:21 RKT623", "r2.yaml:6:21 RKT623"])
    report = capaian_json(tmp_path / "plan.yaml", tmp_path / "r1.yaml", tmp_path / "r2.yaml")
    assert report["indikator"][0]["alasan_kode"] == "year.given_twice"
    # a build of the folder builds the plan, not the year's files
    out = tmp_path / "out"
    result = invoke("build", tmp_path, "--format", "md", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["plan.md"]


def test_every_report_format_points_into_the_year_files(tmp_path):
    plan = write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    write(tmp_path, "renstra.yaml", RENSTRA + "  - {id: K7, target: {2025: 1 dokumen}}\n")
    github = invoke("validate", plan, "--format", "github", "--select", "RKT603").stdout
    assert f"file={tmp_path / 'renstra.yaml'},line=7,col=10" in github
    sarif = json.loads(invoke("validate", plan, "--format", "sarif").stdout)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert any(uri.endswith("renstra.yaml") for uri in uris)


def test_broken_year_files_are_positioned_problems(tmp_path):
    plan = write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    write(tmp_path, "renstra.yaml", RENSTRA)
    broken = write(tmp_path, "r.yaml", "rktc: 2\ndokumen: realisasi\ntahun: 2025\nindikator: [\n")
    result = invoke("validate", plan, "--realisasi", broken, "--format", "json")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert ("r.yaml", "RKT001") in {
        (Path(d["file"]).name, d["code"]) for d in report["diagnostics"]
    }
    wrong = invoke("validate", plan, "--renstra", plan, "--format", "json")
    codes = {(d["line"], d["column"], d["code"]) for d in json.loads(wrong.stdout)["diagnostics"]}
    assert (1, 1, "RKT010") in codes  # a plan given as the Renstra


def test_capaian_usage_errors(tmp_path):
    plan = write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA)
    other = write(tmp_path, "other.yaml", PLAN_V2_WITH_RENSTRA)
    assert invoke("capaian", plan, other).exit_code == 2  # two plans
    assert invoke("capaian", plan, "--format", "xml").exit_code == 2
    assert invoke("capaian", tmp_path / "hilang.yaml").exit_code == 2


def test_capaian_headers_in_both_languages(tmp_path):
    plan = write(
        tmp_path,
        "plan.yaml",
        plan_of(
            [{"id": "K1", "nama": "Persentase a", "sasaran": "S1", "satuan": "%", "target": "95%"}]
        ),
    )
    indonesian = invoke("capaian", plan, "--format", "md").stdout
    english = invoke("capaian", plan, "--format", "md", "--lang", "en").stdout
    assert "| No | Indikator | Target | Realisasi | Capaian | Kategori | Rumus |" in indonesian
    assert "| No | Indicator | Target | Realisasi | Capaian | Category | Formula |" in english
    assert "belum ada realisasi" in indonesian
    assert "there is no realisasi yet" in english


# --- the API the PK and LKjIP documents use ---------------------------------------------------


def test_the_year_of_a_plan_for_documents():
    run = check_year(
        [EXAMPLE_PLAN], Selection(), EXAMPLE_RENSTRA, [EXAMPLE_REALISASI], always_link=True
    )
    year = run.plans[0].year()
    assert year is not None
    assert year.tahun == 2023
    assert year.ilustrasi
    sarpras = year.indicator("IK-SARPRAS")
    assert sarpras is not None
    assert sarpras.quarters == (D(85), D(90), D(95), D(97))
    assert sarpras.percent == D(97)
    assert sarpras.kategori == "Memuaskan"
    assert sarpras.notation == "R/T x 100%"
    assert sarpras.renstra_target is not None
    assert [p.node.nama for p in year.programs()] == [
        "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
        "Program Dukungan Manajemen",
    ]
    assert year.pagu() == D("30577023000")


PEMDA = PLANS / "pemda-dinkes-2025.yaml"
PEMDA_RENSTRA = PLANS / "pemda-dinkes-2025.renstra.yaml"
PEMDA_REALISASI = PLANS / "pemda-dinkes-2025.realisasi.yaml"


def test_the_pemda_example_year():
    result = invoke("validate", PEMDA, "--renstra", PEMDA_RENSTRA, "--realisasi", PEMDA_REALISASI)
    assert result.exit_code == 0, result.output
    report = capaian_json(PEMDA, "--renstra", PEMDA_RENSTRA, "--realisasi", PEMDA_REALISASI)
    by_name = {i["nama"]: i for i in report["indikator"]}
    aki = by_name["Angka Kematian Ibu"]  # ≤ 183, realisasi 181: the bound holds
    assert (aki["capaian_tampil"], aki["rumus"], aki["terpenuhi"]) == ("100%", "terpenuhi", True)
    stunting = by_name["Prevalensi Balita Stunting"]  # (2 x 14 - 14,6) / 14
    assert (stunting["capaian_tampil"], stunting["rumus"]) == ("95,71%", "selisih")
    ikm = by_name["Indeks Kepuasan Masyarakat terhadap pelayanan Puskesmas"]
    # rank 4 (Sangat Baik) / rank 3 (Baik) = 133,33 %, capped at 120 %
    assert (ikm["realisasi"], ikm["capaian_tampil"]) == ("Sangat Baik", "120%")
    assert {n["kode"] for n in report["anggaran"] if n["pagu_renstra"]} == {
        "1.02.01",
        "1.02.02",
        "1.02.03",
        "1.02.04",
        "1.02.05",
    }


def test_the_example_of_docs_sakip_year_is_what_rktc_prints(tmp_path):
    text = (ROOT / "docs" / "sakip-year.md").read_text(encoding="utf-8")
    files = re.findall(r"```yaml\n# file: (\S+)\n(.*?)```", text, re.DOTALL)
    assert [name for name, _ in files] == [
        "rkt-2025.yaml",
        "renstra-2025-2029.yaml",
        "realisasi-2025.yaml",
    ]
    for name, body in files:
        write(tmp_path, name, body)
    plan, real = tmp_path / "rkt-2025.yaml", tmp_path / "realisasi-2025.yaml"
    assert validate_json(plan, "--realisasi", real) == (0, [])
    shown = text.split("<!-- capaian output -->\n```text\n", 1)[1].split("```", 1)[0]
    result = invoke("capaian", plan, real, "--lang", "en")
    assert (result.exit_code, result.stdout) == (0, shown)


def test_a_plan_whose_year_cannot_be_read_has_no_capaian(tmp_path):
    plan = write(tmp_path, "plan.yaml", PLAN_V2_WITH_RENSTRA.replace("tahun: 2025", "tahun: 20x5"))
    write(tmp_path, "renstra.yaml", RENSTRA)
    result = invoke("capaian", plan)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "RKT013" in result.output
    assert "internal" not in result.output
