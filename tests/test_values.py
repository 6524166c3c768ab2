"""Indonesian numbers, money, targets and dates become exact values or clear refusals."""

from decimal import Decimal

import pytest

from rktc.plan.values import (
    PlanDate,
    ValueProblem,
    parse_count,
    parse_date,
    parse_number,
    parse_period,
    parse_rupiah,
    parse_target,
    parse_year,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.271.302.000", 14271302000),
        ("Rp 14.271.302.000", 14271302000),
        ("Rp14.271.302.000", 14271302000),
        ("Rp. 14.271.302.000", 14271302000),
        ("rp14.271.302.000,-", 14271302000),
        ("14271302000", 14271302000),
        ("8.195", 8195),
        ("500.000", 500000),
        ("1.000", 1000),
        ("0", 0),
    ],
)
def test_rupiah(text, expected):
    value = parse_rupiah(text)
    assert value == expected
    assert isinstance(value, Decimal)


def test_rupiah_keeps_sen_exactly():
    assert parse_rupiah("1.500,50") == Decimal("1500.50")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("8,195", "value.money_ambiguous"),
        ("1,000,000", "value.english_grouping"),
        ("8.19", "value.dot_decimal"),
        ("1.5", "value.dot_decimal"),
        ("-5.000", "value.money_negative"),
        ("1.500,505", "value.money_sen"),
        ("lima juta", "value.not_a_number"),
        ("14.271.302.00", "value.not_a_number"),
        ("", "value.not_a_number"),
    ],
)
def test_rupiah_refusals(text, key):
    with pytest.raises(ValueProblem) as caught:
        parse_rupiah(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("97 %", "97", "%"),
        ("82%", "82", "%"),
        ("97,5%", "97.5", "%"),
        ("100 persen", "100", "%"),
        ("13 kec", "13", "kec"),
        ("13 Kec", "13", "Kec"),
        ("5 Lap", "5", "Lap"),
        ("1 dokumen", "1", "dokumen"),
        ("10 kali", "10", "kali"),
        ("1.000 orang", "1000", "orang"),
        ("3,5", "3.5", ""),
    ],
)
def test_target_number_and_unit(text, value, unit):
    target = parse_target(text)
    assert target.value == Decimal(value)
    assert target.unit == unit
    assert target.text == text


def test_qualitative_target_keeps_its_text():
    target = parse_target("WTP")
    assert (target.value, target.text) == (None, "WTP")


def test_target_kinds_and_equivalence():
    assert parse_target("97 %").is_percent
    assert parse_target("13 kec").is_count
    assert parse_target("97 %").same_as(parse_target("97%"))
    assert parse_target("5 Lap").same_as(parse_target("5 lap"))
    assert not parse_target("97 %").same_as(parse_target("93 %"))
    assert not parse_target("5 Lap").same_as(parse_target("5 Laporan"))


@pytest.mark.parametrize("text", ["97.5%", "0.5"])
def test_target_dot_decimal_is_refused(text):
    with pytest.raises(ValueProblem) as caught:
        parse_target(text)
    assert caught.value.key == "value.dot_decimal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-01-30", PlanDate(2023, 1, 30)),
        ("30 Januari 2023", PlanDate(2023, 1, 30)),
        ("30 januari 2023", PlanDate(2023, 1, 30)),
        ("1 Pebruari 2024", PlanDate(2024, 2, 1)),
        ("Januari 2023", PlanDate(2023, 1, None)),
        ("29 Februari 2024", PlanDate(2024, 2, 29)),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31 Februari 2023", "value.impossible_date"),
        ("29 Februari 2023", "value.impossible_date"),
        ("2023-13-01", "value.impossible_date"),
        ("30 January 2023", "value.unknown_month"),
        ("30/01/2023", "value.not_a_date"),
        ("kemarin", "value.not_a_date"),
    ],
)
def test_date_refusals(text, key):
    with pytest.raises(ValueProblem) as caught:
        parse_date(text)
    assert caught.value.key == key


def test_year_period_count():
    assert parse_year("2023") == 2023
    assert parse_period("2020-2024") == (2020, 2024)
    assert parse_period("2020 - 2024") == (2020, 2024)
    assert parse_count("8") == 8
    for parse, bad in ((parse_year, "23"), (parse_period, "2024-2020"), (parse_count, "8a")):
        with pytest.raises(ValueProblem):
            parse(bad)


def test_plain_numbers():
    assert parse_number("97,5") == Decimal("97.5")
    assert parse_number("-3") == Decimal(-3)
