"""Schema problems are reported at the exact line and column, by code."""

import pytest
from helpers import findings, plan_with

from rktc.plan.schema import json_schema


def test_minimal_plan_is_valid(tmp_path):
    assert findings(tmp_path, plan_with(""), select="RKT0") == []


def test_unknown_key_points_at_the_key(tmp_path):
    source = plan_with("""\
        program:
          - nama: P
            kegiatan:
              - nama: K
                anggran: 6.178.000
                indikator: []
        """)
    assert "23:9 RKT012" in findings(tmp_path, source)


def test_unknown_key_suggests_the_close_one(tmp_path):
    from helpers import compile_yaml

    compiled = compile_yaml(tmp_path, plan_with("pgau: 1.000\n"), select="RKT0")
    diag = compiled.diagnostics[0]
    assert (diag.code, diag.hint.key, dict(diag.hint.params)["suggestion"]) == (
        "RKT012",
        "hint.schema.did_you_mean",
        "pagu",
    )


def test_missing_field_points_at_the_parent(tmp_path):
    source = plan_with("""\
        sasaran:
          - id: S1
        """)
    assert findings(tmp_path, source, select="RKT0") == ["20:5 RKT011"]


def test_invalid_values_point_at_the_value(tmp_path):
    source = plan_with("""\
        pagu: 8,195
        sasaran:
          - id: S1
            nama: Terwujudnya X
        program:
          - nama: P
            kegiatan:
              - nama: K
                anggaran: 1.5
                indikator:
                  - nama: Persentase X
                    sasaran: S1
                    satuan: Lembaga
                    target: 97.5%
        """)
    assert findings(tmp_path, source, select="RKT0") == [
        "19:7 RKT013",
        "27:19 RKT013",
        "32:21 RKT013",
    ]


def test_list_where_mapping_belongs_and_text_where_list_belongs(tmp_path):
    source = plan_with("""\
        sasaran: Terwujudnya X
        program:
          - - nama: P
        """)
    assert findings(tmp_path, source, select="RKT0") == ["19:10 RKT010", "21:5 RKT010"]


def test_format_version(tmp_path):
    source = plan_with("").replace("rktc: 1", "rktc: 3")
    assert findings(tmp_path, source) == ["1:7 RKT014"]


def test_format_2_needs_its_kind_of_office(tmp_path):
    # Without `jenis` the hierarchy cannot be read: that one problem, at the plan's top.
    source = plan_with("").replace("rktc: 1", "rktc: 2")
    assert findings(tmp_path, source) == ["1:1 RKT011"]


def test_format_2_misspelled_kind_is_pointed_at(tmp_path):
    source = plan_with("").replace("rktc: 1", "rktc: 2\njenis: pemdaa")
    assert findings(tmp_path, source) == ["2:8 RKT010"]


def test_bad_id(tmp_path):
    source = plan_with("""\
        sasaran:
          - id: S 1
            nama: Terwujudnya X
        """)
    assert findings(tmp_path, source, select="RKT0") == ["20:9 RKT010"]


def test_every_problem_is_reported_in_one_run(tmp_path):
    source = plan_with("tahun2: 2023\npagu: abc\n").replace("kota: Contoh", "kota: [a]")
    assert len(findings(tmp_path, source, select="RKT0")) == 3


def test_json_schema_describes_the_format():
    schema = json_schema()
    assert schema["title"].startswith("rktc plan")
    assert {"rktc", "tahun", "instansi", "penandatangan"} <= set(schema["required"])
    kegiatan = schema["$defs"]["Kegiatan"]
    assert kegiatan["additionalProperties"] is False
    assert "anggaran" in kegiatan["required"]


def _codes_and_places(compiled):
    return sorted((d.code, d.location.line, d.location.column) for d in compiled.diagnostics)


def test_a_schema_error_does_not_hide_the_other_findings(tmp_path):
    """Without `tahun:` the published plan still reports everything else it has."""
    from helpers import PLANS, Pipeline

    published = PLANS / "published" / "kpu-oku-2023.yaml"
    whole = Pipeline().validate(published)
    text = published.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines()) if row.startswith("tahun:"))
    without = tmp_path / "kpu.yaml"
    without.write_text(text.replace("tahun: 2023\n", "", 1), encoding="utf-8")
    partial = Pipeline().validate(without)

    def shifted(place):  # the deleted line moves every later finding up by one
        code, row, column = place
        return (code, row - 1 if row > line + 1 else row, column)

    found = _codes_and_places(partial)
    assert ("RKT011", 8, 1) in found  # the plan mapping, which lacks the key
    assert not partial.well_formed
    expected = {shifted(p) for p in _codes_and_places(whole)}
    assert len(expected) == 77
    assert expected <= set(found)


def test_a_part_that_could_not_be_read_is_not_reported_as_empty(tmp_path):
    from helpers import MINIMAL

    source = MINIMAL.replace(
        "misi:\n  - Meningkatkan kualitas penyelenggaraan Pemilu\n", "misi: {a: b}\n"
    )
    assert source != MINIMAL
    # misi is unreadable, not empty; the rules still check the rest (there is no program)
    assert findings(tmp_path, source) == ["1:1 RKT109", "10:7 RKT010"]


def test_a_partial_plan_is_never_built(tmp_path):
    from helpers import Pipeline

    from rktc.pipeline.build import BuildOptions

    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_with("pagu: abc\n"), encoding="utf-8")
    built = Pipeline().build(plan, BuildOptions(force=True), output=tmp_path / "x.docx")
    assert built.output is None
    assert built.compiled.plan is not None
    assert built.compiled.unreadable == {"pagu"}
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("table", ["indikator", "program", "rkt", "apbn"])
def test_a_bad_cell_leaves_out_only_its_published_table(tmp_path, table):
    """One unreadable number in a table: every other table is still checked, nothing false."""
    from helpers import PLANS, Pipeline

    lines = (PLANS / "published" / "kpu-oku-2023.yaml").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  {table}:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    bad = next(i for i in range(start, end) if lines[i].lstrip().startswith("- no: "))
    broken = [*lines]
    broken[bad] = broken[bad].split("no:")[0] + "no: satu"
    # the same plan without that table, every line in its place
    without = [*lines[:start], f"  {table}: []", *["#"] * (end - start - 1), *lines[end:]]
    (tmp_path / "broken.yaml").write_text("\n".join(broken), encoding="utf-8")
    (tmp_path / "without.yaml").write_text("\n".join(without), encoding="utf-8")
    partial = Pipeline().validate(tmp_path / "broken.yaml")
    expected = Pipeline().validate(tmp_path / "without.yaml")

    assert partial.unreadable == {f"tabel.{table}"}
    assert not partial.well_formed
    assert _codes_and_places(partial) == sorted(
        [("RKT013", bad + 1, broken[bad].index("satu") + 1), *_codes_and_places(expected)]
    )
    assert len(expected.diagnostics) > 10  # the other tables' findings are all there


def test_a_pemda_plan_writes_programs_under_urusan_or_at_the_top_not_both(tmp_path):
    # Both lists would leave one of them out of the document: refused at `program`.
    source = plan_with("""\
        urusan:
          - kode: "1"
            nama: URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR
            bidang_urusan:
              - kode: "1.02"
                nama: URUSAN PEMERINTAHAN BIDANG KESEHATAN
                program: []
        program:
          - kode: "1.02.02"
            nama: PROGRAM PEMENUHAN UPAYA KESEHATAN
            kegiatan: []
        """).replace("rktc: 1", "rktc: 2\njenis: pemda")
    program_line = source.splitlines().index("program:") + 1
    assert findings(tmp_path, source, select="RKT0") == [f"{program_line + 1}:3 RKT013"]


def test_the_schema_of_one_kind_accepts_only_that_kind():
    from rktc.plan.schema2 import json_schema

    assert json_schema("pemda")["properties"]["jenis"]["const"] == "pemda"


def test_a_signer_may_have_a_pangkat(tmp_path):
    source = plan_with("").replace("  nama: NAMA", "  nama: NAMA\n  pangkat: Pembina (IV/a)")
    assert "pangkat: Pembina" in source
    assert findings(tmp_path, source, select="RKT0") == []


@pytest.mark.parametrize(
    ("written", "where"), [("{}", "2:8"), ("[pemda]", "2:8"), ("", "2:7"), ("2", "2:8")]
)
def test_a_kind_that_is_not_a_word_is_pointed_at(tmp_path, written, where):
    source = plan_with("").replace("rktc: 1", f"rktc: 2\njenis: {written}")
    assert findings(tmp_path, source) == [f"{where} RKT010"]
