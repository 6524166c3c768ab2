"""`rktc init --jenis` and `rktc schema --jenis`: a starter and a JSON Schema per kind.

Every starter and every example plan is checked twice: by rktc (no finding) and by the
`jsonschema` package against the schema `rktc schema` prints, as an editor would. An
editor reads YAML 1.2 (`2025` a number, `1.02` a float, `ya` text), rktc reads text: the
schema must accept both readings of a plan that rktc accepts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from helpers import PLANS, ROOT
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.cli.commands import DEFAULT_KIND, STARTERS, any_plan_schema
from rktc.core.resources import template_text
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan import schema2
from rktc.plan.load import load_file

TEMPLATES = ROOT / "templates"
EXAMPLES = {
    "kpu": PLANS / "kpu-oku-2023.yaml",
    "pemda": PLANS / "pemda-dinkes-2025.yaml",
    "kl": PLANS / "kl-bps-2025.yaml",
}
FORMAT_1 = [
    p for p in sorted(PLANS.rglob("*.yaml")) if p.read_text(encoding="utf-8").count("rktc: 1")
]
FORMAT_1.append(TEMPLATES / "starter.yaml")
PUBLISHED_FORMAT_1 = PLANS / "published" / "kpu-oku-2023.yaml"


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's typing, as editors read plans: no dates, no
    `yes`/`no` booleans, no sexagesimal numbers."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"true|True|TRUE|false|False|FALSE", list("tTfF")),
    ("tag:yaml.org,2002:int", r"[-+]?[0-9]+", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?",
        list("-+.0123456789"),
    ),
):
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(rf"^(?:{_pattern})$"), _first)


def editor_data(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)


def rktc_data(path: Path) -> Any:
    loaded = load_file(path)
    assert loaded.data is not None
    return loaded.data


def schema_errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


def printed_schema(*args: str) -> dict[str, Any]:
    result = invoke("schema", *args)
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


# --- rktc init ------------------------------------------------------------------------------


def test_there_is_a_starter_for_every_kind_of_office():
    assert set(STARTERS) == set(schema2.KINDS)
    assert DEFAULT_KIND == "kpu"


@pytest.mark.parametrize("kind", schema2.KINDS)
def test_init_writes_the_starter_of_the_kind_and_it_validates_clean(kind, tmp_path):
    target = tmp_path / "rencana.yaml"
    result = invoke("init", str(target), "--jenis", kind)
    assert result.exit_code == 0, result.output
    assert str(target) in result.output
    assert target.read_text(encoding="utf-8") == template_text(STARTERS[kind])
    data = rktc_data(target)
    assert (data["rktc"], data["jenis"]) == ("2", kind)
    compiled = Pipeline().validate(target)
    assert isinstance(compiled.plan, schema2.PLAN_MODELS[kind])
    assert [str(d) for d in compiled.diagnostics] == []
    assert invoke("validate", "--strict", str(target)).exit_code == 0


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("kind", schema2.KINDS)
def test_each_starter_builds(kind, fmt, tmp_path):
    plan = tmp_path / "rencana.yaml"
    assert invoke("init", str(plan), "--jenis", kind).exit_code == 0
    out = tmp_path / f"rencana.{fmt}"
    result = invoke("build", str(plan), "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_init_without_jenis_writes_the_kpu_starter(tmp_path):
    target = tmp_path / "rencana.yaml"
    assert invoke("init", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == template_text("starter-kpu.yaml")


def test_the_kpu_starter_is_the_format_1_starter_migrated():
    """The two starters say the same; starter.yaml stays, as the format 1 starter the rule
    examples (tests/test_rule_examples.py) are laid over."""
    old = rktc_data(TEMPLATES / "starter.yaml")
    new = rktc_data(TEMPLATES / "starter-kpu.yaml")
    assert new == {**old, "rktc": "2", "jenis": "kpu"}
    assert list(new) == ["rktc", "jenis", *list(old)[1:]]


def test_jenis_is_read_in_any_letter_case(tmp_path):
    target = tmp_path / "rencana.yaml"
    assert invoke("init", str(target), "--jenis", "Pemda").exit_code == 0
    assert rktc_data(target)["jenis"] == "pemda"


@pytest.mark.parametrize(("lang", "words"), [("id", "tidak dikenal"), ("en", "unknown jenis")])
def test_an_unknown_jenis_is_a_usage_error_in_both_languages(lang, words, tmp_path):
    target = tmp_path / "rencana.yaml"
    result = invoke("init", str(target), "--jenis", "kabupaten", "--lang", lang)
    assert result.exit_code == 2
    assert words in result.output
    assert "kpu, pemda, kl" in result.output
    assert not target.exists()
    result = invoke("schema", "--jenis", "k/l", "--lang", lang)
    assert result.exit_code == 2
    assert words in result.output


def test_init_refuses_to_overwrite_and_says_when_it_cannot_write(tmp_path):
    target = tmp_path / "rencana.yaml"
    target.write_text("punya saya\n", encoding="utf-8")
    result = invoke("init", str(target), "--jenis", "kl")
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "punya saya\n"
    assert invoke("init", str(target), "--jenis", "kl", "--force").exit_code == 0
    assert rktc_data(target)["jenis"] == "kl"
    result = invoke("init", str(tmp_path / "missing" / "rencana.yaml"), "--lang", "en")
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


# --- rktc schema ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", schema2.KINDS)
def test_schema_of_a_kind_is_the_format_2_schema_of_that_kind(kind, tmp_path):
    assert printed_schema("--jenis", kind) == schema2.json_schema(kind)
    out = tmp_path / "schema.json"
    assert invoke("schema", "--jenis", kind, "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == schema2.json_schema(kind)


def test_schema_without_jenis_covers_both_formats_and_every_kind(tmp_path):
    document = printed_schema()
    assert document == any_plan_schema()
    assert document["title"].startswith("rktc plan")
    assert document["type"] == "object"
    assert {"format1", *(f"format2-{k}" for k in schema2.KINDS)} <= set(document["$defs"])
    out = tmp_path / "schema.json"
    assert invoke("schema", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == document


PLANS_OF_KIND = [
    *((kind, TEMPLATES / name) for kind, name in STARTERS.items()),
    *((kind, path) for kind, path in EXAMPLES.items() if kind != "kpu"),
]


@pytest.mark.parametrize("read", [rktc_data, editor_data], ids=["as-text", "as-yaml-1.2"])
@pytest.mark.parametrize(("kind", "path"), PLANS_OF_KIND, ids=lambda v: getattr(v, "name", v))
def test_starters_and_examples_satisfy_their_json_schema(kind, path, read):
    assert [str(d) for d in Pipeline().validate(path).diagnostics] == []
    data = read(path)
    assert schema_errors(schema2.json_schema(kind), data) == []
    assert schema_errors(any_plan_schema(), data) == []


@pytest.mark.parametrize("read", [rktc_data, editor_data], ids=["as-text", "as-yaml-1.2"])
@pytest.mark.parametrize("path", FORMAT_1, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_format_1_plans_satisfy_the_schema_for_every_plan(path, read):
    assert schema_errors(any_plan_schema(), read(path)) == []


def test_a_migrated_plan_satisfies_the_kpu_schema_and_the_schema_for_every_plan():
    data = {**rktc_data(PUBLISHED_FORMAT_1), "rktc": "2", "jenis": "kpu"}
    assert schema_errors(schema2.json_schema("kpu"), data) == []
    assert schema_errors(any_plan_schema(), data) == []


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_level_of_another_kind_is_refused_by_the_schema_and_by_rktc(tmp_path):
    data = rktc_data(EXAMPLES["pemda"])
    kegiatan = data["program"][0]["kegiatan"][0]
    kegiatan["kro"] = kegiatan.pop("sub_kegiatan")  # a K/L level inside a Pemda plan
    for schema in (schema2.json_schema("pemda"), any_plan_schema()):
        errors = schema_errors(schema, data)
        assert errors
        assert any("kro" in error for error in errors), errors
    result = invoke("validate", "--lang", "en", str(write(tmp_path, data)))
    assert result.exit_code == 1
    assert "kro" in result.output


def test_the_jenis_chooses_the_schema_a_plan_is_held_to(tmp_path):
    data = rktc_data(EXAMPLES["kl"])
    assert schema_errors(any_plan_schema(), data) == []
    as_pemda = {**data, "jenis": "pemda"}  # K/L levels under a Pemda plan's name
    assert schema_errors(any_plan_schema(), as_pemda)
    assert invoke("validate", str(write(tmp_path, as_pemda))).exit_code == 1


def test_format_2_without_jenis_and_format_1_with_it_are_refused(tmp_path):
    data = rktc_data(EXAMPLES["kl"])
    del data["jenis"]
    assert any("jenis" in e for e in schema_errors(any_plan_schema(), data))
    assert invoke("validate", str(write(tmp_path, data))).exit_code == 1
    old = {**rktc_data(PUBLISHED_FORMAT_1), "jenis": "kpu"}
    assert any("jenis" in e for e in schema_errors(any_plan_schema(), old))
    assert invoke("validate", str(write(tmp_path, old))).exit_code == 1


def test_a_target_that_is_neither_text_nor_a_number_is_refused():
    data = editor_data(TEMPLATES / "starter-pemda.yaml")
    data["sasaran"][0]["indikator"][0]["target"] = ["≤ 183/100.000 KH"]
    validator = jsonschema.Draft202012Validator(any_plan_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    assert error is not None
    assert list(error.absolute_path) == ["sasaran", 0, "indikator", 0, "target"]


# --- docs/plan-format.md --------------------------------------------------------------------

DOC = ROOT / "docs" / "plan-format.md"
EXAMPLE_BLOCK = re.compile(r"<!-- example: (\w+) -->\n```yaml\n(.*?)```", re.DOTALL)
TOP_LEVEL_KEY = re.compile(r"^([a-z_]+):", re.MULTILINE)


def format_2_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text[text.index("## Format 2") : text.index("## Versioning")]


def models_of_format_2() -> list[type[Any]]:
    from pydantic import BaseModel

    return [
        value
        for value in vars(schema2).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == schema2.__name__
    ]


def test_the_docs_name_every_key_of_format_2():
    section = format_2_section()
    missing = {
        f"{model.__name__}.{name}"
        for model in models_of_format_2()
        for name in model.model_fields
        if f"`{name}`" not in section
    }
    assert missing == set()
    for kind, levels in schema2.LEVELS.items():
        assert f"`{kind}`" in section
        assert all(f"`{level}`" in section for level in levels)


def over_starter(kind: str, fragment: str) -> str:
    """The starter of `kind` with the top-level keys `fragment` writes replaced by it."""
    keys = set(TOP_LEVEL_KEY.findall(fragment))
    if keys & {"tabel", "urusan"}:
        keys |= {"program"}
    kept: list[str] = []
    dropping = False
    for line in template_text(STARTERS[kind]).splitlines(keepends=True):
        if line[:1] not in ("", " ", "\n", "#"):
            match = TOP_LEVEL_KEY.match(line)
            dropping = bool(match and match.group(1) in keys)
        if not dropping:
            kept.append(line)
    return "".join(kept) + fragment


EXAMPLE_BLOCKS = EXAMPLE_BLOCK.findall(format_2_section())


def test_the_docs_show_an_example_of_every_kind_and_of_the_matrix():
    assert {kind for kind, _ in EXAMPLE_BLOCKS} == set(schema2.KINDS)
    assert any("matriks:" in block for _, block in EXAMPLE_BLOCKS)
    assert any(block.startswith("urusan:") for _, block in EXAMPLE_BLOCKS)


@pytest.mark.parametrize(("kind", "block"), EXAMPLE_BLOCKS, ids=lambda v: v[:20])
def test_each_example_of_the_docs_is_a_clean_plan_of_its_kind(kind, block, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(over_starter(kind, block), encoding="utf-8")
    compiled = Pipeline().validate(path)
    assert isinstance(compiled.plan, schema2.PLAN_MODELS[kind])
    assert [str(d) for d in compiled.diagnostics] == []
    assert schema_errors(any_plan_schema(), editor_data(path)) == []
