"""Property-based tests: random input never crashes rktc, and nothing is silently lost.

Bounded (max_examples) so that CI time stays predictable; raise RKTC_FUZZ_EXAMPLES locally
for a longer run.
"""

import contextlib
import os
import string
from decimal import Decimal
from pathlib import Path

from helpers import PLANS
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rktc.core.errors import RktcError
from rktc.pipeline.build import BuildOptions
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.formatting import number, rupiah, target
from rktc.plan.load import load_bytes, load_text
from rktc.plan.values import ValueProblem, parse_date, parse_number, parse_rupiah, parse_target

EXAMPLES = int(os.environ.get("RKTC_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CLEAN = (PLANS / "kpu-oku-2023.yaml").read_text(encoding="utf-8")
PUBLISHED = (PLANS / "published" / "kpu-oku-2023.yaml").read_text(encoding="utf-8")


# --- the loader and the value parsers ----------------------------------------------------------


@FUZZ
@given(st.binary(max_size=400))
def test_loader_never_raises_on_bytes(raw):
    loaded = load_bytes(raw, "fuzz.yaml")
    assert loaded.data is None or isinstance(loaded.data, dict)


@FUZZ
@given(st.text(alphabet=string.printable + "ÄéßŋĀ\u00a0", max_size=300))
def test_loader_never_raises_on_text(text):
    load_text(text, "fuzz.yaml")


@FUZZ
@given(st.text(max_size=40))
def test_value_parsers_answer_or_refuse(text):
    for parse in (parse_rupiah, parse_target, parse_date, parse_number):
        with contextlib.suppress(ValueProblem):
            parse(text)


@FUZZ
@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False))
def test_money_round_trip_is_exact(amount):
    assert parse_rupiah(rupiah(amount)) == amount
    assert parse_rupiah("Rp" + number(amount)) == amount


@FUZZ
@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))
def test_percent_round_trip_is_exact(value):
    parsed = parse_target(f"{number(value)}%")
    assert parsed.value == value
    assert parse_target(target(parsed)).value == value


# --- mutated plans -------------------------------------------------------------------------


def mutate(text: str, data) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(
            st.sampled_from(["delete", "duplicate", "indent", "dedent", "value", "insert", "swap"])
        )
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "dedent":
            lines[index] = line[2:]
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            value = data.draw(
                st.sampled_from(
                    [
                        "",
                        "0",
                        "8,195",
                        "1.000",
                        "no",
                        "~",
                        "[]",
                        "{}",
                        "97.5%",
                        "-1",
                        "x" * 50,
                        "31 Februari 2023",
                        "S99",
                        "13 kec",
                        "'quoted'",
                        "&a x",
                        "*a",
                        "!!str 1",
                    ]
                )
            )
            lines[index] = f"{key}: {value}"
        elif action == "insert":
            junk = data.draw(st.text(alphabet=string.printable, max_size=12))
            cut = data.draw(st.integers(0, len(line)))
            lines[index] = line[:cut] + junk + line[cut:]
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@FUZZ
@given(st.data(), st.sampled_from([CLEAN, PUBLISHED]))
def test_mutated_plans_never_crash_and_valid_ones_build(tmp_path, data, source):
    plan = tmp_path / "plan.yaml"
    plan.write_text(mutate(source, data), encoding="utf-8")
    compiled = Pipeline().validate(plan)  # must not raise
    if compiled.failed():
        return
    for fmt in ("md", "docx"):
        out = tmp_path / f"out.{fmt}"
        try:
            built = Pipeline().build(plan, BuildOptions(fmt=fmt), output=out)
        except RktcError as exc:  # only a missing logo may stop a valid plan
            stopped_by = exc.message.key
        else:
            stopped_by = None
            assert built.output == out
        assert stopped_by is None or stopped_by.startswith("build.logo"), stopped_by


# --- generated valid plans: deterministic and nothing lost ---------------------------------------

NAME_WORDS = [
    "layanan",
    "laporan",
    "data",
    "pemilih",
    "logistik",
    "hukum",
    "sarana",
    "keuangan",
    "partisipasi",
    "tahapan",
    "pengelolaan",
    "dokumen",
]
name_text = st.lists(st.sampled_from(NAME_WORDS), min_size=2, max_size=6).map(" ".join)


@st.composite
def plans(draw):
    used: set[str] = set()

    def fresh(prefix: str) -> str:
        name = f"{prefix} {draw(name_text)}"
        assume(name not in used)
        used.add(name)
        return name

    programs = []
    for p in range(draw(st.integers(1, 2))):
        kegiatan = []
        for k in range(draw(st.integers(1, 3))):
            indicators = []
            for _ in range(draw(st.integers(1, 2))):
                percent = draw(st.booleans())
                value = (
                    draw(st.decimals(0, 100, places=1, allow_nan=False))
                    if percent
                    else (draw(st.integers(1, 5000)))
                )
                indicators.append(
                    {
                        "nama": fresh("Persentase" if percent else "Jumlah"),
                        "target": f"{number(Decimal(value))}%"
                        if percent
                        else f"{number(Decimal(value))} dokumen",
                    }
                )
            # above every target: a target equal to its anggaran is RKT218's error
            amount = Decimal(draw(st.integers(10**4, 10**12)))
            kegiatan.append(
                {
                    "nama": f"Kegiatan {p}-{k} {draw(name_text)}",
                    "anggaran": amount,
                    "indikator": indicators,
                }
            )
        programs.append({"nama": f"Program {p} {draw(name_text)}", "kegiatan": kegiatan})
    return programs


def plan_yaml(programs) -> str:
    from helpers import MINIMAL

    out = [
        MINIMAL.rstrip("\n"),
        "sasaran:",
        "  - id: S1",
        "    nama: Terwujudnya Rencana Uji",
        "program:",
    ]
    for program in programs:
        out += [f"  - nama: {program['nama']}", "    kegiatan:"]
        for kegiatan in program["kegiatan"]:
            out += [
                f"      - nama: {kegiatan['nama']}",
                f"        anggaran: {rupiah(kegiatan['anggaran'])}",
                "        indikator:",
            ]
            for ind in kegiatan["indikator"]:
                out += [
                    f"          - nama: {ind['nama']}",
                    "            sasaran: S1",
                    "            satuan: Lembaga",
                    f'            target: "{ind["target"]}"',
                ]
    return "\n".join(out) + "\n"


@FUZZ
@given(plans())
def test_every_value_appears_and_builds_are_deterministic(tmp_path, programs):
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_yaml(programs), encoding="utf-8")
    compiled = Pipeline().validate(plan)
    assert not compiled.failed(), [f"{d.code} {d.message}" for d in compiled.diagnostics]
    md = Pipeline().build(plan, BuildOptions(fmt="md"), output=tmp_path / "a.md").output
    assert md is not None
    text = md.read_text(encoding="utf-8")
    for program in programs:
        assert program["nama"] in text
        for kegiatan in program["kegiatan"]:
            assert kegiatan["nama"] in text
            assert rupiah(kegiatan["anggaran"]) in text
            for ind in kegiatan["indikator"]:
                assert ind["nama"] in text
                assert target(parse_target(ind["target"])) in text
    docs = [
        Pipeline().build(plan, BuildOptions(), output=tmp_path / f"{i}.docx").output
        for i in range(2)
    ]
    assert all(isinstance(d, Path) for d in docs)
    assert docs[0].read_bytes() == docs[1].read_bytes()  # type: ignore[union-attr]
