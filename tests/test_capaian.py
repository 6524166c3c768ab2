"""Capaian of the SAKIP year (rktc/plan/capaian.py): worked cases computed by hand, the same
cases as docs/capaian.md prints them (a test reads the docs' tables, so the two cannot
drift), and properties that hold for every value."""

from __future__ import annotations

import itertools
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rktc.core.catalog import CATALOG
from rktc.core.messages import owner_of
from rktc.plan.capaian import (
    BANDS_INSPEKTORAT,
    BANDS_MALUKU_TENGAH,
    DEFAULT_BANDS,
    DEFAULT_CAP,
    DEFAULT_LOWER_FORMULA,
    Band,
    Basis,
    Efficiency,
    Formula,
    LowerFormula,
    Polarity,
    capaian,
    check_bands,
    efisiensi,
    format_percent,
    kategori,
    parse_formula,
    realisasi_value,
    serapan,
    year_realisasi,
)
from rktc.plan.values import (
    BUILTIN_SCALES,
    ValueProblem,
    declare_scale,
    parse_number,
    parse_rupiah,
    parse_target,
)

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "capaian.md"
POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE
NO_VALUE = "—"  # a cell with nothing in it: no capaian, no year realisasi, the default formula
BLANK = "blank"  # a realisasi that was not filled in (not zero)


# --- the worked cases -----------------------------------------------------------------------


class Case(NamedTuple):
    """One capaian computed by hand. `hand` is the computation; when it (or its part after
    the last ": ") is arithmetic, the test evaluates it exactly and compares it with the
    formula's own result (before the clamp and the cap). `capaian` is the percentage as
    printed, `used` the formula code or the key of the reason for no capaian."""

    target: str
    realisasi: str
    polarity: str
    formula: str
    cap: str
    hand: str
    capaian: str
    met: str
    used: str


C = Case
CASES: list[Case] = [
    # --- higher is better: R/T x 100 ---
    C("97%", "87,3", "positif", "—", "none", "87,3 / 97 × 100", "90%", "no", "langsung"),
    C("13 kec", "13", "positif", "—", "none", "13 / 13 × 100", "100%", "yes", "langsung"),
    C("1 dokumen", "12", "positif", "—", "none", "12 / 1 × 100", "1.200%", "yes", "langsung"),
    C("1 dokumen", "12", "positif", "—", "200", "12 / 1 × 100", "200%", "yes", "langsung"),
    C("1 dokumen", "12", "positif", "—", "120", "12 / 1 × 100", "120%", "yes", "langsung"),
    C("80%", "90", "positif", "—", "120", "90 / 80 × 100", "112,5%", "yes", "langsung"),
    C("80%", "90", "positif", "—", "100", "90 / 80 × 100", "100%", "yes", "langsung"),
    C("10", "0", "positif", "—", "none", "0 / 10 × 100", "0%", "no", "langsung"),
    # a realisasi below zero (a growth rate that fell) gives less than 0: clamped at 0
    C("5%", "-1,5", "positif", "—", "none", "−1,5 / 5 × 100", "0%", "no", "langsung"),
    # --- lower is better: (2T - R)/T x 100 (selisih) or T/R x 100 (rasio) ---
    C("7", "6,5", "negatif", "selisih", "none", "(2×7 − 6,5) / 7 × 100", "107,14%", "yes", "selisih"),
    C("8", "9", "negatif", "selisih", "none", "(2×8 − 9) / 8 × 100", "87,5%", "no", "selisih"),
    C("10", "8", "negatif", "selisih", "none", "(2×10 − 8) / 10 × 100", "120%", "yes", "selisih"),
    C("10", "8", "negatif", "rasio", "none", "10 / 8 × 100", "125%", "yes", "rasio"),
    C("10", "8", "negatif", "rasio", "120", "10 / 8 × 100", "120%", "yes", "rasio"),
    C("10", "8", "negatif", "rasio", "100", "10 / 8 × 100", "100%", "yes", "rasio"),
    C("5 kasus", "11", "negatif", "selisih", "none", "(2×5 − 11) / 5 × 100", "0%", "no", "selisih"),
    C("5 kasus", "11", "negatif", "rasio", "none", "5 / 11 × 100", "45,45%", "no", "rasio"),
    C("5 kasus", "0", "negatif", "selisih", "none", "(2×5 − 0) / 5 × 100", "200%", "yes", "selisih"),
    C("5 kasus", "0", "negatif", "rasio", "none", "T/R divides by 0", "—", "—", "capaian.ratio_realisasi"),
    C(
        "183/100.000 KH", "150", "negatif", "selisih", "120",
        "(2×183 − 150) / 183 × 100", "118,03%", "yes", "selisih",
    ),
    # --- ranges: within -> 100; above -> against the upper end; below -> the lower end ---
    C("80 - 90%", "85", "positif", "—", "none", "within 80 - 90", "100%", "yes", "terpenuhi"),
    C("80 - 90%", "80", "positif", "—", "none", "within 80 - 90 (its end)", "100%", "yes", "terpenuhi"),
    C("80 - 90%", "92", "positif", "—", "none", "above, against 90: 92 / 90 × 100", "102,22%", "yes", "langsung"),
    C("80 - 90%", "70", "positif", "—", "none", "below, against 80: 70 / 80 × 100", "87,5%", "no", "langsung"),
    C(
        "7 - 8 bulan", "6,5", "negatif", "selisih", "none",
        "below, against 7: (2×7 − 6,5) / 7 × 100", "107,14%", "yes", "selisih",
    ),
    C(
        "7 - 8 bulan", "9", "negatif", "selisih", "none",
        "above, against 8: (2×8 − 9) / 8 × 100", "87,5%", "no", "selisih",
    ),
    C("7 - 8 bulan", "9", "negatif", "rasio", "none", "above, against 8: 8 / 9 × 100", "88,89%", "no", "rasio"),
    C("7 - 8 bulan", "8", "negatif", "selisih", "none", "within 7 - 8 (its end)", "100%", "yes", "terpenuhi"),
    C("0 - 5", "3", "negatif", "selisih", "none", "within 0 - 5", "100%", "yes", "terpenuhi"),
    C("90 - 80%", "85", "positif", "—", "none", "lower end above upper end", "—", "—", "capaian.range_reversed"),
    # --- bounds: holds -> 100; else against the limit, <= as lower is better, >= as higher ---
    C("≤ 5%", "4", "negatif", "selisih", "none", "4 ≤ 5 holds", "100%", "yes", "terpenuhi"),
    C("≤ 5%", "5", "negatif", "selisih", "none", "5 ≤ 5 holds", "100%", "yes", "terpenuhi"),
    C("≤ 5%", "6", "positif", "selisih", "none", "(2×5 − 6) / 5 × 100", "80%", "no", "selisih"),
    C("≤ 5%", "6", "negatif", "rasio", "none", "5 / 6 × 100", "83,33%", "no", "rasio"),
    C("≥ 80%", "95", "positif", "—", "none", "95 ≥ 80 holds", "100%", "yes", "terpenuhi"),
    C("≥ 80%", "60", "negatif", "selisih", "none", "60 / 80 × 100", "75%", "no", "langsung"),
    # a strict bound at its limit does not hold, although its ratio is 100
    C("< 10 kasus", "10", "negatif", "selisih", "none", "(2×10 − 10) / 10 × 100", "100%", "no", "selisih"),
    C("maks. 0 kasus", "0", "negatif", "selisih", "none", "0 ≤ 0 holds", "100%", "yes", "terpenuhi"),
    C("maks. 0 kasus", "2", "negatif", "selisih", "none", "against the limit 0", "—", "—", "capaian.target_zero"),
    # --- scale values: their ranks (1 = the lowest) in the formula of the polarity ---
    C("BB", "B", "positif", "—", "none", "rank 4 / rank 5 × 100: 4 / 5 × 100", "80%", "no", "langsung"),
    C("BB", "BB", "positif", "—", "none", "rank 5 / rank 5 × 100: 5 / 5 × 100", "100%", "yes", "langsung"),
    C("BB", "A", "positif", "—", "none", "rank 6 / rank 5 × 100: 6 / 5 × 100", "120%", "yes", "langsung"),
    C("BB", "AA", "positif", "—", "100", "rank 7 / rank 5 × 100: 7 / 5 × 100", "100%", "yes", "langsung"),
    C("WTP", "WDP", "positif", "—", "none", "rank 2 / rank 3 × 100: 2 / 3 × 100", "66,67%", "no", "langsung"),
    C("WTP", "TMP", "positif", "—", "none", "rank 1 / rank 3 × 100: 1 / 3 × 100", "33,33%", "no", "langsung"),
    C("WTP", "tw", "positif", "—", "none", "rank 1 / rank 3 × 100: 1 / 3 × 100", "33,33%", "no", "langsung"),
    C("BB", "WTP", "positif", "—", "none", "not a SAKIP grade", "—", "—", "capaian.realisasi_not_on_scale"),
    C("BB", "80", "positif", "—", "none", "a number, not a grade", "—", "—", "capaian.realisasi_not_on_scale"),
    # --- no capaian ---
    C("0", "5", "positif", "—", "none", "division by 0", "—", "—", "capaian.target_zero"),
    C("0 kasus", "0", "negatif", "selisih", "none", "division by 0", "—", "—", "capaian.target_zero"),
    C("-2 %", "-3", "positif", "—", "none", "a ratio to a target below 0", "—", "—", "capaian.target_negative"),
    C("NA", "5", "positif", "—", "none", "no target applies", "—", "—", "capaian.target_na"),
    C("Terlaksana", "Terlaksana", "positif", "—", "none", "text", "—", "—", "capaian.target_text"),
    C("97%", "blank", "positif", "—", "none", "blank is not 0", "—", "—", "capaian.no_realisasi"),
    C("BB", "blank", "positif", "—", "none", "blank is not D", "—", "—", "capaian.no_realisasi"),
    C("97%", "Baik", "positif", "—", "none", "words for a number", "—", "—", "capaian.realisasi_not_number"),
]  # fmt: skip


class YearCase(NamedTuple):
    """The year's realisasi from TW I-IV; `mode` kumulatif (the sum) or akhir (the last
    value given)."""

    tw1: str
    tw2: str
    tw3: str
    tw4: str
    mode: str
    hand: str
    year: str


Y = YearCase
YEAR_CASES: list[YearCase] = [
    Y("10", "20", "30", "40", "kumulatif", "10 + 20 + 30 + 40", "100"),
    Y("10", "blank", "30", "blank", "kumulatif", "10 + 30", "40"),
    Y("12,5", "7,25", "blank", "0,25", "kumulatif", "12,5 + 7,25 + 0,25", "20"),
    Y("0", "0", "0", "0", "kumulatif", "0 + 0 + 0 + 0 (zeros are values)", "0"),
    Y("blank", "blank", "blank", "blank", "kumulatif", "nothing given", "—"),
    Y("85", "90", "blank", "95", "akhir", "the last value given, TW IV", "95"),
    Y("85", "90", "92", "blank", "akhir", "the last value given, TW III (a blank TW IV is not 0)", "92"),
    Y("4", "3", "2", "2", "akhir", "the last value given (a lower-is-better count)", "2"),
    Y("blank", "blank", "blank", "blank", "akhir", "nothing given", "—"),
    Y("B", "BB", "blank", "blank", "akhir", "the last level given, TW II", "BB"),
    Y("WDP", "blank", "blank", "WTP", "akhir", "the last level given, TW IV", "WTP"),
]  # fmt: skip


class BandCase(NamedTuple):
    capaian: str
    maluku_tengah: str
    inspektorat: str


B = BandCase
BAND_CASES: list[BandCase] = [
    B("130", "Memuaskan", "Sangat Baik"),
    B("100", "Memuaskan", "Sangat Baik"),
    B("91", "Memuaskan", "Sangat Baik"),
    B("90,5", "Memuaskan", "Baik"),
    B("85,01", "Memuaskan", "Baik"),
    B("85", "Sangat Baik", "Baik"),
    B("76", "Sangat Baik", "Baik"),
    B("75,5", "Sangat Baik", "Cukup"),
    B("75", "Baik", "Cukup"),
    B("66", "Baik", "Cukup"),
    B("65", "Cukup Baik", "Kurang"),
    B("51", "Cukup Baik", "Kurang"),
    B("50,5", "Cukup Baik", "Sangat Kurang"),
    B("50", "Agak Kurang", "Sangat Kurang"),
    B("30,01", "Agak Kurang", "Sangat Kurang"),
    B("30", "Kurang", "Sangat Kurang"),
    B("0", "Kurang", "Sangat Kurang"),
]


class BudgetCase(NamedTuple):
    """Serapan = realisasi anggaran / pagu x 100; efisiensi from capaian - serapan."""

    capaian: str
    realisasi_anggaran: str
    pagu: str
    hand: str
    serapan: str
    efisiensi: str


G = BudgetCase
BUDGET_CASES: list[BudgetCase] = [
    G("100", "90.000.000", "100.000.000", "100 − 90 = 10 > 5", "90%", "Efisien"),
    G("95,01", "90.000.000", "100.000.000", "95,01 − 90 = 5,01 > 5", "90%", "Efisien"),
    G("95", "90.000.000", "100.000.000", "95 − 90 = 5, within ±5", "90%", "Cukup Efisien"),
    G("85", "90.000.000", "100.000.000", "85 − 90 = −5, within ±5", "90%", "Cukup Efisien"),
    G("84,99", "90.000.000", "100.000.000", "84,99 − 90 = −5,01 < −5", "90%", "Tidak Efisien"),
    G("80", "14.271.302.000", "14.271.302.000", "80 − 100 = −20 < −5", "100%", "Tidak Efisien"),
    G("120", "13.000.000.000", "14.000.000.000", "120 − 92,857... = 27,14 > 5", "92,86%", "Efisien"),
    G("100", "1.000", "0", "a pagu of 0 has no serapan", "—", "—"),
]  # fmt: skip


# --- reading the cases ------------------------------------------------------------------------

_ID_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_ARITHMETIC = re.compile(r"[\d.,\s()+×/−-]+")


def realisasi_of(cell: str) -> Decimal | str | None:
    """A realisasi cell: `blank`, an Indonesian number, or a scale value (text)."""
    if cell == BLANK:
        return None
    if _ID_NUMBER.fullmatch(cell):
        return parse_number(cell.replace("−", "-"))
    return cell


def hand_value(hand: str) -> Fraction | None:
    """The exact value of a hand computation (`(2×7 − 6,5) / 7 × 100`), or of its part after
    the last ": "; None when it is words."""
    expression = hand.rsplit(": ", 1)[-1]
    if not _ARITHMETIC.fullmatch(expression) or not re.search(r"\d", expression):
        return None
    numbers: list[Fraction] = []

    def name(match: re.Match[str]) -> str:
        numbers.append(Fraction(parse_number(match[0])))
        return f"n[{len(numbers) - 1}]"

    python = re.sub(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?", name, expression)
    python = python.replace("×", "*").replace("−", "-")
    assert re.fullmatch(r"[n\[\]\d\s()+*/-]+", python), python
    value = eval(python, {"__builtins__": {}}, {"n": numbers})
    assert isinstance(value, Fraction)
    return value


def assert_exact(actual: Decimal | None, expected: Fraction) -> None:
    """`actual` is `expected` exactly when a decimal can hold it, else to 28 digits."""
    assert actual is not None
    difference = abs(Fraction(actual) - expected)
    denominator = expected.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    if denominator == 1:
        assert difference == 0, (actual, expected)
    else:
        assert difference <= abs(expected) / 10**26, (actual, expected)


def cap_of(cell: str) -> Decimal | None:
    return None if cell == "none" else D(cell)


def formula_of(cell: str) -> LowerFormula:
    return DEFAULT_LOWER_FORMULA if cell == NO_VALUE else parse_formula(cell)


def check_case(case: Case) -> None:
    target = parse_target(case.target)
    result = capaian(
        target,
        realisasi_of(case.realisasi),
        Polarity(case.polarity),
        formula_of(case.formula),
        cap=cap_of(case.cap),
    )
    if case.capaian == NO_VALUE:
        assert result.percent is None
        assert result.formula is None
        assert result.reason is not None
        assert result.reason.key == case.used
        assert case.met == NO_VALUE
        for lang in ("id", "en"):
            assert result.reason.render(lang)
        return
    assert result.reason is None
    assert result.formula == Formula(case.used)
    assert result.percent is not None
    assert format_percent(result.percent) == case.capaian
    assert result.met is {"yes": True, "no": False}[case.met]
    by_hand = hand_value(case.hand)
    if by_hand is None:
        assert result.formula is Formula.MET, "a computed capaian needs its arithmetic"
        assert result.raw == 100
    else:
        assert_exact(result.raw, by_hand)
    assert result.percent == min(max(result.raw or D(0), D(0)), cap_of(case.cap) or D("Infinity"))


def check_year(case: YearCase) -> None:
    quarters = [realisasi_of(cell) for cell in (case.tw1, case.tw2, case.tw3, case.tw4)]
    year = year_realisasi(quarters, cumulative={"kumulatif": True, "akhir": False}[case.mode])
    assert year == (None if case.year == NO_VALUE else realisasi_of(case.year))
    by_hand = hand_value(case.hand.split(" (")[0])
    if case.mode == "kumulatif" and year is not None:
        assert by_hand is not None
        assert Fraction(year) == by_hand
    else:
        assert by_hand is None


def check_band(case: BandCase) -> None:
    value = parse_number(case.capaian)
    assert kategori(value) == case.maluku_tengah
    assert kategori(value, BANDS_MALUKU_TENGAH) == case.maluku_tengah
    assert kategori(value, BANDS_INSPEKTORAT) == case.inspektorat


def check_budget(case: BudgetCase) -> None:
    spent = serapan(parse_rupiah(case.realisasi_anggaran), parse_rupiah(case.pagu))
    if case.serapan == NO_VALUE:
        assert spent is None
        assert case.efisiensi == NO_VALUE
        return
    assert spent is not None
    assert format_percent(spent) == case.serapan
    assert efisiensi(parse_number(case.capaian), spent) == Efficiency(case.efisiensi)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.target}|{c.realisasi}|{c.formula}")
def test_capaian_case(case):
    check_case(case)


@pytest.mark.parametrize("case", YEAR_CASES)
def test_year_case(case):
    check_year(case)


@pytest.mark.parametrize("case", BAND_CASES, ids=lambda c: c.capaian)
def test_band_case(case):
    check_band(case)


@pytest.mark.parametrize("case", BUDGET_CASES, ids=lambda c: f"{c.capaian}|{c.pagu}")
def test_budget_case(case):
    check_budget(case)


# --- the docs' tables are these cases ---------------------------------------------------------


def docs_table(name: str) -> list[list[str]]:
    """The rows of the table after `<!-- cases: NAME -->` in docs/capaian.md, cells without
    their backticks."""
    text = DOCS.read_text(encoding="utf-8")
    marker = f"<!-- cases: {name} -->"
    assert text.count(marker) == 1, f"docs/capaian.md needs one {marker}"
    lines = text.split(marker, 1)[1].strip().splitlines()
    table = list(itertools.takewhile(lambda line: line.startswith("|"), lines))
    assert len(table) > 2, f"no table after {marker}"
    rows = []
    for line in table[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append([re.sub(r"^`(.*)`$", r"\1", cell) for cell in cells])
    return rows


@pytest.mark.parametrize(
    ("name", "cases", "check"),
    [
        ("capaian", CASES, check_case),
        ("year", YEAR_CASES, check_year),
        ("kategori", BAND_CASES, check_band),
        ("anggaran", BUDGET_CASES, check_budget),
    ],
)
def test_docs_tables_are_the_worked_cases_and_hold(name, cases, check):
    kind = type(cases[0])
    documented = [kind(*row) for row in docs_table(name)]
    for row in documented:  # every documented row, checked against the code
        check(row)
    assert documented == cases, "docs/capaian.md and tests/test_capaian.py list other cases"


def test_docs_state_the_defaults():
    text = DOCS.read_text(encoding="utf-8")
    assert DEFAULT_CAP == 120
    assert "default cap is **120%**" in text
    assert DEFAULT_LOWER_FORMULA is Formula.DIFFERENCE
    assert "default is **selisih**" in text
    assert DEFAULT_BANDS == BANDS_MALUKU_TENGAH
    assert "default bands are **Maluku Tengah**" in text


def test_every_worked_case_kind_is_covered():
    used = {case.used for case in CASES}
    ours = {key for key in CATALOG if owner_of(key) == "rktc.plan.capaian"}
    reasons = {key for key in ours if not key.startswith(("capaian.formula.", "capaian.basis."))}
    reasons -= {"capaian.cumulative_text", "capaian.unknown_formula", "capaian.band_duplicate"}
    reasons -= {"capaian.unknown_scale"}  # a declared scale: test_a_scale_not_given_...
    assert len(reasons) == 9
    assert reasons <= used  # every reason for no capaian has a worked case
    assert {f.value for f in Formula} <= used
    assert {case.cap for case in CASES} >= {"none", "100", "120", "200"}


# --- the API around the cases -----------------------------------------------------------------


def test_the_default_cap_is_120():
    result = capaian(parse_target("1 dokumen"), D(12), POS)
    assert (result.percent, result.raw, result.capped, result.cap) == (120, 1200, True, 120)


def test_clamped_and_capped_say_what_happened():
    clamped = capaian(parse_target("5 kasus"), D(11), NEG, cap=None)
    assert (clamped.percent, clamped.raw, clamped.clamped, clamped.capped) == (0, -20, True, False)
    capped = capaian(parse_target("10"), D(8), NEG, Formula.RATIO, cap=100)
    assert (capped.percent, capped.raw, capped.clamped, capped.capped) == (100, 125, False, True)
    neither = capaian(parse_target("8"), D(9), NEG)
    assert (neither.clamped, neither.capped) == (False, False)


def test_the_result_names_its_formula_in_symbols_and_both_languages():
    result = capaian(parse_target("7"), D("6.5"), NEG)
    assert result.notation == "(2T - R)/T x 100%"
    assert result.description is not None
    assert result.description.key == "capaian.formula.selisih"
    assert {f.notation for f in Formula} == {
        "R/T x 100%",
        "(2T - R)/T x 100%",
        "T/R x 100%",
        "100%",
    }
    for formula in Formula:
        indonesian, english = (formula.description.render(lang) for lang in ("id", "en"))
        assert indonesian != english
    none = capaian(parse_target("NA"), D(1), POS)
    assert (none.notation, none.description, none.basis_text) == (None, None, None)


@pytest.mark.parametrize(
    ("target", "realisasi", "basis", "reference", "key"),
    [
        ("7", D("6.5"), Basis.TARGET, D(7), "capaian.basis.target"),
        ("7 - 8 bulan", D("6.5"), Basis.LOWER, D(7), "capaian.basis.lower"),
        ("7 - 8 bulan", D(9), Basis.UPPER, D(8), "capaian.basis.upper"),
        ("7 - 8 bulan", D("7.5"), Basis.RANGE, None, "capaian.basis.range"),
        ("≤ 5%", D(6), Basis.LIMIT, D(5), "capaian.basis.limit"),
        ("≤ 5%", D(4), Basis.LIMIT, D(5), "capaian.basis.limit"),
        ("BB", "B", Basis.RANK, D(5), "capaian.basis.rank"),
    ],
)
def test_the_basis_says_what_t_stood_for(target, realisasi, basis, reference, key):
    result = capaian(parse_target(target), realisasi, NEG)
    assert (result.basis, result.reference) == (basis, reference)
    assert result.basis_text is not None
    assert result.basis_text.key == key
    for lang in ("id", "en"):
        assert result.basis_text.render(lang)


def test_a_scale_value_is_compared_by_ranks_and_its_realisasi_keeps_its_spelling():
    result = capaian(parse_target("BB"), "b", POS)
    assert (result.reference, result.measured, result.realisasi) == (5, 4, "b")
    assert result.percent == 80


def test_a_declared_scale_follows_the_polarity():
    risiko = declare_scale("risiko", ["Rendah", "Sedang", "Tinggi"])  # lower is better
    scales = (risiko, *BUILTIN_SCALES)
    target = parse_target("Sedang", scales)
    # rank(Sedang) 2, rank(Rendah) 1: (2×2 − 1) / 2 × 100 = 150
    assert capaian(target, "Rendah", NEG, cap=None, scales=scales).percent == 150
    # T/R on ranks: 2 / 3 × 100 = 66,67
    worse = capaian(target, "tinggi", NEG, Formula.RATIO, scales=scales)
    assert format_percent(worse.percent or D(0)) == "66,67%"
    assert worse.met is False
    # higher is better on the same ranks: 3 / 2 × 100 = 150, capped at the default 120
    assert capaian(target, "Tinggi", POS, scales=scales).percent == 120


def test_a_scale_not_given_has_no_capaian():
    mutu = declare_scale("mutu", ["Kurang", "Cukup", "Baik"])
    target = parse_target("Baik", [mutu])
    result = capaian(target, "Baik", POS)  # the built-in scales only
    assert result.reason is not None
    assert result.reason.key == "capaian.unknown_scale"
    assert capaian(target, "Baik", POS, scales=[mutu]).percent == 100


@pytest.mark.parametrize("realisasi", [D("NaN"), D("Infinity"), "   ", ""])
def test_a_realisasi_that_is_no_number_or_blank_text(realisasi):
    result = capaian(parse_target("97%"), realisasi, POS)
    expected = (
        "capaian.no_realisasi" if isinstance(realisasi, str) else "capaian.realisasi_not_number"
    )
    assert result.reason is not None
    assert result.reason.key == expected


def test_target_problems_come_before_a_missing_realisasi():
    assert capaian(parse_target("0"), None, POS).reason.key == "capaian.target_zero"
    assert capaian(parse_target("NA"), None, POS).reason.key == "capaian.target_na"
    reversed_range = capaian(parse_target("9 - 8"), None, POS)
    assert reversed_range.reason.key == "capaian.range_reversed"


@pytest.mark.parametrize(
    ("written", "value", "key"),
    [
        ("87,3", D("87.3"), None),
        ("87,3 %", D("87.3"), None),
        ("bb", "BB", None),  # the scale's spelling
        ("NA", None, "capaian.no_realisasi"),
        ("-", None, "capaian.no_realisasi"),
        ("Terlaksana", "Terlaksana", "capaian.realisasi_not_number"),
        ("80 - 90%", "80 - 90%", "capaian.realisasi_not_number"),
        ("≥ 80%", "≥ 80%", "capaian.realisasi_not_number"),
    ],
)
def test_a_realisasi_written_as_a_target(written, value, key):
    realisasi = realisasi_value(parse_target(written))
    assert realisasi == value
    assert type(realisasi) is type(value)
    result = capaian(parse_target("97%" if value != "BB" else "BB"), realisasi, POS)
    assert (result.reason.key if result.reason else None) == key


@pytest.mark.parametrize("cap", [99, D("99.99"), 0, D("NaN")])
def test_a_cap_below_100_is_refused(cap):
    with pytest.raises(ValueError, match="cap"):
        capaian(parse_target("97%"), D(97), POS, cap=cap)


def test_only_a_lower_is_better_formula_may_be_named():
    with pytest.raises(ValueError, match="selisih or rasio"):
        capaian(parse_target("97%"), D(97), NEG, Formula.DIRECT)


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("selisih", Formula.DIFFERENCE),
        ("Selisih", Formula.DIFFERENCE),
        ("2T-R", Formula.DIFFERENCE),
        ("(2T - R) / T", Formula.DIFFERENCE),
        ("(2T - R)/T x 100%", Formula.DIFFERENCE),
        ("rasio", Formula.RATIO),
        ("invers", Formula.RATIO),
        ("Inverse", Formula.RATIO),
        ("T/R", Formula.RATIO),
        ("T / R × 100%", Formula.RATIO),
    ],
)
def test_parse_formula(text, formula):
    assert parse_formula(text) is formula


@pytest.mark.parametrize("text", ["langsung", "R/T", "", "terbalik"])
def test_parse_formula_refuses_other_names(text):
    with pytest.raises(ValueProblem) as caught:
        parse_formula(text)
    assert caught.value.key == "capaian.unknown_formula"
    assert caught.value.params["value"] == text


def test_a_cumulative_indicator_with_text_is_a_value_problem():
    with pytest.raises(ValueProblem) as caught:
        year_realisasi([D(1), "BB", None], cumulative=True)
    assert (caught.value.key, caught.value.params) == ("capaian.cumulative_text", {"value": "BB"})


def test_year_realisasi_wants_quarters_not_one_text():
    with pytest.raises(TypeError):
        year_realisasi("BB", cumulative=False)


def test_year_realisasi_takes_any_number_of_periods():
    months = [D(1)] * 12
    assert year_realisasi(months, cumulative=True) == 12
    assert year_realisasi([], cumulative=True) is None
    assert year_realisasi(["  ", D(3)], cumulative=False) == 3


def test_bands_in_any_order_and_a_duplicate_start_is_refused():
    assert check_bands(reversed(BANDS_INSPEKTORAT)) == BANDS_INSPEKTORAT
    both = (Band(D(85), "above"), Band(D(85), "from", inclusive=True))
    assert kategori(D(85), both) == "from"
    assert kategori(D("85.001"), reversed(both)) == "above"
    with pytest.raises(ValueProblem) as caught:
        check_bands((Band(D(50), "a"), Band(D(50), "b")))
    assert caught.value.key == "capaian.band_duplicate"
    assert kategori(D(-1)) is None  # below every band


def test_serapan_refuses_negative_amounts():
    with pytest.raises(ValueError, match="not negative"):
        serapan(D(-1), D(10))


def test_efisiensi_margin_is_configurable():
    assert efisiensi(D(100), D(90), margin=D(10)) is Efficiency.FAIRLY_EFFICIENT
    assert efisiensi(D(100), D(90), margin=D("9.99")) is Efficiency.EFFICIENT


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D(750) / 7, "107,14%"),
        (D("87.5"), "87,5%"),
        (D("100.00"), "100%"),
        (D("107.145"), "107,15%"),  # half up
        (D("107.144999"), "107,14%"),
        (D("0.004"), "0%"),
        (D("-0.004"), "0%"),  # never "-0%"
        (D(1250), "1.250%"),
        (D("1E+3"), "1.000%"),
        (D("-12.5"), "-12,5%"),
    ],
)
def test_format_percent(value, text):
    assert format_percent(value) == text


def test_format_percent_places():
    assert format_percent(D(750) / 7, places=0) == "107%"
    assert format_percent(D(750) / 7, places=4) == "107,1429%"


def test_the_callers_decimal_context_changes_nothing():
    target = parse_target("7")
    expected = capaian(target, D("6.5"), NEG, cap=None)
    third = serapan(D(1), D(3))
    with localcontext() as context:
        context.prec = 3
        context.rounding = ROUND_DOWN
        assert capaian(target, D("6.5"), NEG, cap=None) == expected
        assert year_realisasi([D("0.0001"), D(1000)], cumulative=True) == D("1000.0001")
        assert serapan(D(1), D(3)) == third
        assert efisiensi(D("100.001"), D("95.0009")) is Efficiency.EFFICIENT  # 5,0001 > 5
    assert str(expected.percent) == "107.1428571428571428571428571"
    assert str(third) == "33.33333333333333333333333333"


# --- properties ---------------------------------------------------------------------------------

amounts = st.decimals(min_value=D("-1000"), max_value=D("100000"), places=2)
targets = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2)
caps = st.sampled_from([None, D(100), D(120), D(200)])
lower_formulas = st.sampled_from([Formula.DIFFERENCE, Formula.RATIO])


def number_target(value: Decimal) -> object:
    return parse_target(f"{value:f}".replace(".", ","))


@settings(max_examples=300, deadline=None)
@given(targets, amounts, amounts, caps)
def test_higher_is_better_is_monotone_in_the_realisasi(t, r1, r2, cap):
    low, high = sorted((r1, r2))
    target = number_target(t)
    first = capaian(target, low, POS, cap=cap)
    second = capaian(target, high, POS, cap=cap)
    assert first.percent is not None
    assert second.percent is not None
    assert first.percent <= second.percent


@settings(max_examples=300, deadline=None)
@given(targets, amounts, amounts, caps, lower_formulas)
def test_lower_is_better_is_antitone_in_the_realisasi(t, r1, r2, cap, formula):
    low, high = sorted((r1, r2))
    target = number_target(t)
    first = capaian(target, low, NEG, formula, cap)
    second = capaian(target, high, NEG, formula, cap)
    if formula is Formula.RATIO and low <= 0:
        assert first.reason is not None
        assert first.reason.key == "capaian.ratio_realisasi"
        return
    assert first.percent is not None
    assert second.percent is not None
    assert first.percent >= second.percent


@settings(max_examples=300, deadline=None)
@given(targets, amounts, st.sampled_from([POS, NEG]), lower_formulas, caps)
def test_capaian_lies_between_0_and_the_cap_and_met_means_100(t, r, polarity, formula, cap):
    result = capaian(number_target(t), r, polarity, formula, cap)
    if result.percent is None:
        return
    assert result.percent >= 0
    if cap is not None:
        assert result.percent <= cap
    assert result.raw is not None
    assert result.met is (result.raw >= 100)
    assert result.met is (r >= t if polarity is POS else r <= t)


@settings(max_examples=300, deadline=None)
@given(targets, targets, amounts, st.sampled_from([POS, NEG]), lower_formulas, caps)
def test_a_range_is_its_nearer_end(a, b, r, polarity, formula, cap):
    lower, upper = sorted((a, b))
    text = f"{lower:f} - {upper:f}".replace(".", ",")
    result = capaian(parse_target(text), r, polarity, formula, cap)
    if lower <= r <= upper:
        assert (result.raw, result.formula, result.met) == (100, Formula.MET, True)
        return
    end = upper if r > upper else lower
    alone = capaian(number_target(end), r, polarity, formula, cap)
    assert (result.percent, result.raw, result.formula) == (alone.percent, alone.raw, alone.formula)


@settings(max_examples=300, deadline=None)
@given(targets, amounts, st.sampled_from(["≤", "<", "≥", ">"]), st.sampled_from([POS, NEG]))
def test_a_bound_is_met_or_its_limit_in_its_own_direction(limit, r, sign, polarity):
    target = parse_target(f"{sign} {limit:f}".replace(".", ","))
    result = capaian(target, r, polarity, cap=None)
    assert target.comparison is not None
    if target.comparison.holds(r, limit):
        assert (result.percent, result.formula, result.met) == (100, Formula.MET, True)
        return
    direction = NEG if sign in "≤<" else POS
    alone = capaian(number_target(limit), r, direction, cap=None)
    assert (result.percent, result.formula) == (alone.percent, alone.formula)
    assert result.met is False


quarter = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=1000, places=3))


@settings(max_examples=300, deadline=None)
@given(st.lists(quarter, max_size=12), st.lists(st.integers(0, 12), max_size=6))
def test_blank_quarters_change_nothing(quarters, blanks):
    with_blanks: list[Decimal | None] = list(quarters)
    for position in blanks:
        with_blanks.insert(min(position, len(with_blanks)), None)
    given_only = [q for q in quarters if q is not None]
    for cumulative in (True, False):
        assert year_realisasi(with_blanks, cumulative) == year_realisasi(given_only, cumulative)
    total = year_realisasi(with_blanks, cumulative=True)
    if given_only:
        assert total is not None
        assert Fraction(total) == sum(Fraction(q) for q in given_only)
        assert year_realisasi(with_blanks, cumulative=False) == given_only[-1]
    else:
        assert total is None


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-100000, max_value=100000, places=6))
def test_format_percent_reads_back_as_the_value_rounded(value):
    shown = format_percent(value)
    assert shown.endswith("%")
    assert parse_number(shown[:-1]) == value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=200, places=3), st.permutations(BANDS_INSPEKTORAT))
def test_kategori_does_not_depend_on_the_order_of_the_bands(value, bands):
    assert kategori(value, bands) == kategori(value, BANDS_INSPEKTORAT)
    assert kategori(value) is not None
