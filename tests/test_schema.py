"""Schema problems are reported at the exact line and column, by code."""

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
    source = plan_with("").replace("rktc: 1", "rktc: 2")
    assert findings(tmp_path, source) == ["1:7 RKT014"]


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
