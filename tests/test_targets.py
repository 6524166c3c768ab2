"""Targets of every kind: numbers, ranges, bounds, scale values, "not applicable" and text,
read exactly (Decimal), compared in meaning, printed as written, refused with a catalog key."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from helpers import PLANS, compile_yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rktc.core.catalog import CATALOG
from rktc.core.messages import msg
from rktc.plan.formatting import number, target
from rktc.plan.values import (
    AUDIT_OPINIONS,
    BUILTIN_SCALES,
    SAKIP_GRADES,
    Comparison,
    Scale,
    Target,
    TargetKind,
    ValueProblem,
    declare_scale,
    parse_number,
    parse_target,
)

D = Decimal
NUMBER, RANGE, BOUND = TargetKind.NUMBER, TargetKind.RANGE, TargetKind.BOUND
LE, LT, GE, GT = Comparison.LE, Comparison.LT, Comparison.GE, Comparison.GT
MUTU = declare_scale("mutu", ["Kurang", "Cukup", "Baik", "Sangat Baik"])


# --- accepted, kind by kind ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("97%", "97", "%"),
        ("97 %", "97", "%"),
        ("97,5 %", "97.5", "%"),
        ("100 persen", "100", "%"),
        ("13 kec", "13", "kec"),
        ("1 dokumen", "1", "dokumen"),
        ("1.000 orang", "1000", "orang"),
        ("183/100.000 KH", "183", "/100.000 KH"),
        ("183 per 100.000 KH", "183", "per 100.000 KH"),
        ("5 SD", "5", "SD"),  # a unit that looks like the separator "sd" is still a unit
        ("-1,5 %", "-1.5", "%"),
    ],
)
def test_number_targets(text, value, unit):
    parsed = parse_target(text)
    assert (parsed.kind, parsed.value, parsed.unit) == (NUMBER, D(value), unit)
    assert (parsed.lower, parsed.upper, parsed.comparison, parsed.limit) == (None,) * 4


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("80 - 90%", "80", "90", "%"),
        ("80-90 %", "80", "90", "%"),
        ("80–90%", "80", "90", "%"),
        ("80 — 90%", "80", "90", "%"),
        ("80 s.d. 90%", "80", "90", "%"),
        ("80 s/d 90 %", "80", "90", "%"),
        ("80 sd 90%", "80", "90", "%"),
        ("80 sampai 90%", "80", "90", "%"),
        ("80 sampai dengan 90%", "80", "90", "%"),
        ("80 hingga 90%", "80", "90", "%"),
        ("80% - 90%", "80", "90", "%"),
        ("80 persen - 90 %", "80", "90", "%"),
        ("7 - 8 bulan", "7", "8", "bulan"),
        ("7 bulan - 8 bulan", "7", "8", "bulan"),
        ("7 Bulan s.d. 8 bulan", "7", "8", "bulan"),
        ("80% - 90", "80", "90", "%"),  # the unit written on the lower side only
        ("5,6-6,2 persen", "5.6", "6.2", "%"),
        ("0 - 5", "0", "5", ""),
        ("1.000 - 2.500 orang", "1000", "2500", "orang"),
        ("-5 - 5", "-5", "5", ""),
        ("90 - 80%", "90", "80", "%"),  # minimum above maximum: kept, a rule reports it
        ("100 - 120 /100.000 KH", "100", "120", "/100.000 KH"),
        ("100/100.000 KH - 120/100.000 KH", "100", "120", "/100.000 KH"),
        ("100 per 1.000 penduduk - 120 per 1.000 penduduk", "100", "120", "per 1.000 penduduk"),
    ],
)
def test_range_targets(text, lower, upper, unit):
    parsed = parse_target(text)
    assert (parsed.kind, parsed.lower, parsed.upper, parsed.unit) == (
        RANGE,
        D(lower),
        D(upper),
        unit,
    )
    assert (parsed.value, parsed.comparison, parsed.limit) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "comparison", "limit", "unit"),
    [
        ("≤ 183/100.000 KH", LE, "183", "/100.000 KH"),
        ("≤183/100.000 KH", LE, "183", "/100.000 KH"),
        ("<= 5%", LE, "5", "%"),
        ("≥ 90%", GE, "90", "%"),
        (">= 90 %", GE, "90", "%"),
        ("< 10 kasus", LT, "10", "kasus"),
        ("> 75", GT, "75", ""),
        ("maks. 5%", LE, "5", "%"),
        ("Maks 5%", LE, "5", "%"),
        ("maksimal 5 %", LE, "5", "%"),
        ("max. 5%", LE, "5", "%"),
        ("min. 90%", GE, "90", "%"),
        ("Minimal 90 persen", GE, "90", "%"),
        ("minimum 2 dokumen", GE, "2", "dokumen"),
        ("paling sedikit 90%", GE, "90", "%"),
        ("paling rendah 90%", GE, "90", "%"),
        ("sekurang-kurangnya 3 kali", GE, "3", "kali"),
        ("tidak kurang dari 90%", GE, "90", "%"),
        ("paling banyak 5 kasus", LE, "5", "kasus"),
        ("paling tinggi 5%", LE, "5", "%"),
        ("tidak lebih dari 2 hari", LE, "2", "hari"),
        ("kurang dari 10", LT, "10", ""),
        ("di bawah 10 %", LT, "10", "%"),
        ("lebih dari 90 %", GT, "90", "%"),
        ("di atas 90%", GT, "90", "%"),
        ("≤ 1.500 kasus", LE, "1500", "kasus"),
        ("≤ 0,5 %", LE, "0.5", "%"),
    ],
)
def test_bound_targets(text, comparison, limit, unit):
    parsed = parse_target(text)
    assert (parsed.kind, parsed.comparison, parsed.limit, parsed.unit) == (
        BOUND,
        comparison,
        D(limit),
        unit,
    )
    assert (parsed.value, parsed.lower, parsed.upper) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "scale", "rank", "spelling"),
    [
        ("AA", "sakip", 7, "AA"),
        ("A", "sakip", 6, "A"),
        ("bb", "sakip", 5, "BB"),
        ("B", "sakip", 4, "B"),
        ("CC", "sakip", 3, "CC"),
        ("C", "sakip", 2, "C"),
        ("D", "sakip", 1, "D"),
        ("WTP", "opini", 3, "WTP"),
        ("wdp", "opini", 2, "WDP"),
        ("TW", "opini", 1, "TW"),
        ("TMP", "opini", 1, "TMP"),
    ],
)
def test_builtin_scale_targets(text, scale, rank, spelling):
    parsed = parse_target(text)
    assert (parsed.kind, parsed.scale, parsed.rank, parsed.scale_value) == (
        TargetKind.SCALE,
        scale,
        rank,
        spelling,
    )
    assert (parsed.text, parsed.value, parsed.unit) == (text, None, "")


def test_builtin_scales_are_ordered():
    grades = [parse_target(g).rank for g in ("AA", "A", "BB", "B", "CC", "C", "D")]
    assert grades == sorted(grades, reverse=True)
    assert len(set(grades)) == 7
    opinions = {o: parse_target(o).rank for o in ("WTP", "WDP", "TW", "TMP")}
    assert opinions["WTP"] > opinions["WDP"] > opinions["TW"] == opinions["TMP"]
    assert BUILTIN_SCALES == (SAKIP_GRADES, AUDIT_OPINIONS)


@pytest.mark.parametrize("text", ["NA", "na", "N/A", "n.a.", "-", "–", "Tidak ada target"])
def test_not_applicable_targets(text):
    parsed = parse_target(text)
    assert (parsed.kind, parsed.value, parsed.unit, parsed.text) == (TargetKind.NA, None, "", text)


@pytest.mark.parametrize(
    "text",
    [
        "Opini WTP",  # not the bare value: kept as words (docs/targets.md)
        "Predikat BB",
        "Terlaksana",
        "Minggu ke-3",
        "Minimal",  # a bound word with no number after it
        "lebih dari target nasional",
        "≤ target nasional",
        "Tidak ada",
        "± 5%",
        "Baik",  # a value of a declared scale only when that scale is given
    ],
)
def test_text_targets(text):
    parsed = parse_target(text)
    assert (parsed.kind, parsed.value, parsed.unit, parsed.text) == (
        TargetKind.TEXT,
        None,
        "",
        text,
    )


def test_text_is_kept_as_written_with_whitespace_normalised():
    parsed = parse_target("  80  -\t90 %  ")
    assert parsed.text == "80 - 90 %"
    assert parse_target(" sangat   baik ", scales=[MUTU]).text == "sangat baik"


# --- scales a plan declares --------------------------------------------------------------------


def test_a_declared_scale_is_matched_case_insensitively_and_ranked_lowest_first():
    parsed = parse_target("sangat baik", scales=[MUTU])
    assert (parsed.kind, parsed.scale, parsed.rank, parsed.scale_value, parsed.text) == (
        TargetKind.SCALE,
        "mutu",
        4,
        "Sangat Baik",
        "sangat baik",
    )
    assert [MUTU.rank(v) for v in ("Kurang", "CUKUP", "baik")] == [1, 2, 3]
    assert MUTU.rank("Luar Biasa") is None
    assert MUTU.values == ("Kurang", "Cukup", "Baik", "Sangat Baik")


def test_scales_are_tried_in_the_order_given():
    letters = declare_scale("huruf", ["C", "B", "A"])
    assert parse_target("A", scales=(letters, *BUILTIN_SCALES)).scale == "huruf"
    assert parse_target("A").scale == "sakip"
    assert parse_target("A", scales=()).kind is TargetKind.TEXT
    assert parse_target("WTP", scales=[MUTU]).kind is TargetKind.TEXT


def test_a_declared_level_may_hold_equal_values():
    scale = declare_scale("status", [["Belum", "Tidak"], "Sebagian", "Ya"])
    assert scale.rank("belum") == scale.rank("Tidak") == 1
    assert scale.rank("Ya") == 3


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ([], "value.scale_empty"),
        (["Kurang", " "], "value.scale_blank"),
        (["Kurang", []], "value.scale_blank"),
        (["Kurang", "3 Baik"], "value.scale_numeric"),
        (["Kurang", 3], "value.scale_numeric"),
        (["Baik", "Cukup", "BAIK"], "value.scale_duplicate"),
        ([["Baik", "baik"]], "value.scale_duplicate"),
    ],
)
def test_bad_declared_scales_are_refused(values, key):
    with pytest.raises(ValueProblem) as caught:
        declare_scale("mutu", values)
    assert caught.value.key == key
    _renders(caught.value)


# --- refused ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "value.target_empty"),
        ("   ", "value.target_empty"),
        ("97.5%", "value.dot_decimal"),
        ("0.5", "value.dot_decimal"),
        ("5.6-6.2 persen", "value.dot_decimal"),
        ("80 - 92.5%", "value.dot_decimal"),
        ("≤ 5.5%", "value.dot_decimal"),
        ("1,000,000 orang", "value.english_grouping"),
        ("1,000,000 - 2,000,000", "value.english_grouping"),
        ("≥ 1,000,000", "value.english_grouping"),
        ("80% - 9 kec", "value.target_range_units"),
        ("7 bulan - 8 tahun", "value.target_range_units"),
        ("≤ 80 - 90%", "value.target_bound_range"),
        ("maks. 5 s.d. 6 kasus", "value.target_bound_range"),
        ("80 - 90 - 100%", "value.target_shape"),
        ("≥ 80 ≤ 90", "value.target_shape"),
        ("90 > 80", "value.target_shape"),
        ("14.271.302.00 - 1", "value.not_a_number"),
    ],
)
def test_refusals(text, key):
    with pytest.raises(ValueProblem) as caught:
        parse_target(text)
    assert caught.value.key == key
    _renders(caught.value)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("97.5%", "97,5%"),
        ("97.5 persen", "97,5 persen"),
        ("5.6-6.2 persen", "5,6-6,2 persen"),
        ("1.000 - 2.5 orang", "1.000 - 2,5 orang"),
        ("≤ 5.5%", "≤ 5,5%"),
    ],
)
def test_a_dot_decimal_refusal_suggests_the_comma(text, suggestion):
    with pytest.raises(ValueProblem) as caught:
        parse_target(text)
    assert caught.value.params == {"value": text, "suggestion": suggestion}


def test_range_unit_refusal_names_both_units():
    with pytest.raises(ValueProblem) as caught:
        parse_target("80% - 9 kec")
    assert caught.value.params == {"value": "80% - 9 kec", "lower_unit": "%", "upper_unit": "kec"}


def _renders(problem: ValueProblem) -> None:
    """The key has both texts and a hint, and both fill from the problem's params."""
    for key in (problem.key, "hint." + problem.key):
        assert key in CATALOG
        for lang in ("id", "en"):
            assert msg(key, **problem.params).render(lang)


def test_a_bad_target_in_a_plan_is_a_positioned_rkt013(tmp_path):
    source = (PLANS / "kpu-oku-2023.yaml").read_text(encoding="utf-8")
    lines = source.splitlines()
    row = next(i for i, line in enumerate(lines) if re.match(r"\s+target: 13 kec", line))
    lines[row] = lines[row].replace("13 kec", "8 - 13 desa - 2")
    compiled = compile_yaml(tmp_path, "\n".join(lines) + "\n")
    [found] = [d for d in compiled.diagnostics if d.code == "RKT013"]
    assert (found.location.line, found.location.column) == (
        row + 1,
        lines[row].index("8 - 13") + 1,
    )
    assert found.message.key == "value.target_shape"
    assert found.hint is not None
    assert found.hint.key == "hint.value.target_shape"


# --- meaning, printing, hashing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("97 %", "97%"),
        ("97 persen", "97%"),
        ("5 Lap", "5 lap."),
        ("80 - 90%", "80-90 %"),
        ("80 - 90%", "80 s.d. 90 persen"),
        ("80% - 90%", "80–90%"),
        ("7 - 8 bulan", "7 Bulan sampai 8 bulan"),
        ("maks. 5%", "≤ 5 %"),
        ("paling sedikit 90%", ">= 90 persen"),
        ("kurang dari 10 kasus", "< 10 Kasus"),
        ("wtp", "WTP"),
        ("NA", "-"),
        ("N/A", "tidak ada target"),
        ("Opini  WTP", "opini wtp"),
    ],
)
def test_same_in_meaning(a, b):
    assert parse_target(a).same_as(parse_target(b))
    assert parse_target(b).same_as(parse_target(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("97 %", "93 %"),
        ("5 Lap", "5 Laporan"),
        ("80 - 90%", "80 - 95%"),
        ("80 - 90%", "80 - 90 kec"),
        ("80 - 80%", "80%"),
        ("≤ 5%", "< 5%"),
        ("≤ 5%", "5%"),
        ("≥ 5%", "≤ 5%"),
        ("≤ 5%", "≤ 5 kasus"),
        ("TW", "TMP"),  # equal rank, different opinions
        ("WTP", "Opini WTP"),
        ("NA", "0"),
        ("NA", "Tidak ada"),
    ],
)
def test_different_in_meaning(a, b):
    assert not parse_target(a).same_as(parse_target(b))
    assert not parse_target(b).same_as(parse_target(a))


def test_same_letters_on_different_scales_differ():
    letters = declare_scale("huruf", ["C", "B", "A"])
    assert not parse_target("A", scales=[letters]).same_as(parse_target("A"))


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("97 %", "97%"),
        ("97,50 persen", "97,50%"),
        ("1000 orang", "1.000 orang"),
        ("3,5", "3,5"),
        ("80 - 90 %", "80 - 90 %"),
        ("80  s.d.  90%", "80 s.d. 90%"),
        ("≤ 183/100.000 KH", "≤ 183/100.000 KH"),
        ("maks.   5%", "maks. 5%"),
        ("bb", "bb"),
        ("n/a", "n/a"),
        ("Opini  WTP", "Opini WTP"),
    ],
)
def test_printing(text, printed):
    assert target(parse_target(text)) == printed


def test_is_percent_and_is_count_follow_the_unit_of_every_numeric_kind():
    assert parse_target("97 %").is_percent
    assert not parse_target("97 %").is_count
    assert parse_target("13 kec").is_count
    assert not parse_target("13 kec").is_percent
    assert parse_target("80 - 90%").is_percent
    assert parse_target("7 - 8 bulan").is_count
    assert parse_target("≤ 5 persen").is_percent
    assert parse_target("< 10 kasus").is_count
    for words in ("3,5", "0 - 5", "WTP", "NA", "Terlaksana"):
        assert not parse_target(words).is_percent
        assert not parse_target(words).is_count


def test_targets_are_frozen_and_hashable():
    parsed = parse_target("80 - 90%")
    with pytest.raises(AttributeError):
        parsed.lower = D(1)  # type: ignore[misc]
    kinds = {parse_target(t) for t in ("97%", "80 - 90%", "≤ 5%", "WTP", "NA", "Opini WTP")}
    assert len(kinds) == 6
    assert hash(MUTU) == hash(declare_scale("mutu", ["Kurang", "Cukup", "Baik", "Sangat Baik"]))
    assert parse_target("baik", scales=[MUTU]) is parse_target("baik", scales=(MUTU,))


def test_an_inconsistent_target_cannot_be_made():
    with pytest.raises(ValueError, match="inconsistent"):
        Target("80 - 90%", D(80), "%", TargetKind.RANGE, lower=D(80), upper=D(90))
    with pytest.raises(ValueError, match="inconsistent"):
        Target("≤ 5%", None, "%", TargetKind.BOUND, limit=D(5))
    with pytest.raises(ValueError, match="inconsistent"):
        Target("x", None, "", TargetKind.SCALE, scale="s")


@pytest.mark.parametrize(
    ("comparison", "met", "missed"),
    [
        (LE, ["4", "5"], ["5,1"]),
        (LT, ["4,9"], ["5"]),
        (GE, ["5", "6"], ["4,9"]),
        (GT, ["6"], ["5"]),
    ],
)
def test_a_bound_says_when_a_realisasi_meets_it(comparison, met, missed):
    assert all(comparison.holds(parse_number(v), D(5)) for v in met)
    assert not any(comparison.holds(parse_number(v), D(5)) for v in missed)


def test_scale_find_answers_its_own_spelling():
    assert Scale("s", (("x",), ("Y y",))).find(" y  Y ") == (2, "Y y")


# --- round trips in Indonesian spelling ----------------------------------------------------------

AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
UNITS = st.sampled_from(["%", "persen", "kec", "dokumen", "bulan", "/100.000 KH", "kasus", ""])
SEPARATORS = st.sampled_from([" - ", "-", "–", " – ", " s.d. ", " s/d ", " sampai ", " hingga "])
BOUND_WORDS = {
    LE: ["≤", "<=", "maks.", "maksimal", "paling banyak", "tidak lebih dari"],
    LT: ["<", "kurang dari", "di bawah"],
    GE: ["≥", ">=", "min.", "minimal", "paling sedikit", "sekurang-kurangnya"],
    GT: [">", "lebih dari", "di atas"],
}
BOUNDS = st.sampled_from([(c, w) for c, words in BOUND_WORDS.items() for w in words])


def _with_unit(amount: Decimal, unit: str) -> str:
    if unit in ("%", "") or unit.startswith("/"):
        return f"{number(amount)}{unit}"
    return f"{number(amount)} {unit}"


def _unit(unit: str) -> str:
    return "%" if unit == "persen" else unit


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, UNITS)
def test_number_round_trip(amount, unit):
    parsed = parse_target(_with_unit(amount, unit))
    assert (parsed.kind, parsed.value, parsed.unit) == (NUMBER, amount, _unit(unit))
    assert parse_target(target(parsed)).same_as(parsed)


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, AMOUNTS, UNITS, SEPARATORS, st.booleans())
def test_range_round_trip(lower, upper, unit, separator, unit_twice):
    lower_text = _with_unit(lower, unit) if unit_twice else number(lower)
    parsed = parse_target(lower_text + separator + _with_unit(upper, unit))
    assert (parsed.kind, parsed.lower, parsed.upper, parsed.unit) == (
        RANGE,
        lower,
        upper,
        _unit(unit),
    )


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, UNITS, BOUNDS, st.sampled_from(["", " "]))
def test_bound_round_trip(limit, unit, bound, space):
    comparison, word = bound
    space = " " if word[-1].isalpha() else space
    parsed = parse_target(word + space + _with_unit(limit, unit))
    assert (parsed.kind, parsed.comparison, parsed.limit, parsed.unit) == (
        BOUND,
        comparison,
        limit,
        _unit(unit),
    )


# --- format 1 plans read exactly as before -------------------------------------------------------

_LEGACY_NUMBER = re.compile(r"[-+]?[\d.,]*\d")


def _legacy(text: str) -> tuple[str, Decimal | None, str]:
    """How rktc read a target before targets had kinds: a leading number and the rest."""
    raw = " ".join(text.split())
    match = _LEGACY_NUMBER.match(raw)
    if match is None:
        return raw, None, ""
    unit = raw[match.end() :].strip()
    return (
        raw,
        parse_number(match.group(0)),
        "%" if unit.casefold() in ("%", "persen", "percent") else unit,
    )


def _targets(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [str(v) for k, v in node.items() if k == "target" and isinstance(v, str | int)]
        return found + [t for v in node.values() for t in _targets(v)]
    if isinstance(node, list):
        return [t for v in node for t in _targets(v)]
    return []


# The plans written before targets had kinds: format 1, and the seed migrated to format 2
# (`jenis: kpu`, the same data).
FORMAT_1_PLANS = [
    p
    for p in sorted([*PLANS.glob("*.yaml"), *PLANS.glob("published/*.yaml")])
    if str(yaml.safe_load(p.read_text(encoding="utf-8")).get("rktc")) == "1"
    or yaml.safe_load(p.read_text(encoding="utf-8")).get("jenis") == "kpu"
]


def test_there_are_format_1_plans_with_targets():
    assert len(FORMAT_1_PLANS) >= 2
    assert all(
        len(_targets(yaml.safe_load(p.read_text(encoding="utf-8")))) >= 10 for p in FORMAT_1_PLANS
    )


@pytest.mark.parametrize("path", FORMAT_1_PLANS, ids=lambda p: str(p.relative_to(PLANS)))
def test_every_target_of_a_format_1_plan_reads_as_before(path: Path):
    texts = _targets(yaml.safe_load(path.read_text(encoding="utf-8")))
    parsed = [parse_target(t) for t in texts]
    for text, new in zip(texts, parsed, strict=True):
        raw, value, unit = _legacy(text)
        assert (new.text, new.value, new.unit) == (raw, value, unit), text
        assert new.kind is (NUMBER if value is not None else TargetKind.TEXT), text
    for a in texts:
        for b in texts:
            assert parse_target(a).same_as(parse_target(b)) == _legacy_same(a, b), (a, b)


def _legacy_same(a: str, b: str) -> bool:
    (text_a, value_a, unit_a), (text_b, value_b, unit_b) = _legacy(a), _legacy(b)
    if value_a is None or value_b is None:
        return text_a.casefold() == text_b.casefold()
    key_a, key_b = (u.casefold().strip().rstrip(".") for u in (unit_a, unit_b))
    return value_a == value_b and key_a == key_b
