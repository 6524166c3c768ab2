"""rktc.plan.names: the words of a name, and which names are variants of one another."""

from __future__ import annotations

import random
import re

import pytest

from rktc.plan.names import Clusters, name_key, words

_RUNS_OF_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")


@pytest.mark.parametrize(
    "text",
    [
        "Persentase Layanan Perkantoran",
        "Pemilu/ Pemilihan",
        "snake_case words",
        "tab\tseparated",
        "no-break\u00a0space",
        "combining e\u0301 accent",
        "Ⅻ roman and ² superscript",
        "  leading and trailing  ",
        "",
        "ÉCOLE Straße",
    ],
)
def test_words_are_the_runs_of_letters_and_digits(text):
    assert words(text) == _RUNS_OF_LETTERS_AND_DIGITS.findall(text.casefold())


def test_words_agree_with_the_expression_on_random_texts():
    rnd = random.Random(7)
    alphabet = "abAB éÉ_-/.,0123\u00a0\u0301ñ\t²Ⅻ"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert words(text) == _RUNS_OF_LETTERS_AND_DIGITS.findall(text.casefold()), text


def test_a_typo_is_a_variant_and_a_different_number_is_not():
    names = [
        "Layanan Prasarana Internal",
        "Layanan Praserana Internal",
        "Pelaksanaan tahapan pemilihan tahap 27",
        "Pelaksanaan tahapan pemilihan tahap 271",
        "Pelaksanaan tahapan pemilihan tahap 27",
    ]
    groups = Clusters(names)
    assert groups.group(names[0]) == groups.group(names[1])
    assert groups.group(names[2]) != groups.group(names[3])
    assert groups.group(names[2]) == groups.group(names[4])
    assert sorted(map(sorted, groups.groups().values())) == [
        ["layananprasaranainternal", "layananpraseranainternal"]
    ]


def test_names_with_the_same_numbers_are_still_compared():
    # Both carry "2024": a typo elsewhere still makes them one name.
    groups = Clusters(
        [
            "Laporan kinerja instansi pemerintah tahun 2024",
            "Laporan kinerja instansi pemerintha tahun 2024",
        ]
    )
    assert len(groups.groups()) == 1


def test_name_key_is_the_text_without_case_spaces_and_punctuation():
    rnd = random.Random(11)
    alphabet = "abAB éÉ_-/.,0123\u00a0\u0301ñ\t²Ⅻ"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert name_key(text) == re.sub(r"[\W_]+", "", text.casefold()), text


def test_groups_recounted_are_the_groups_made_from_the_same_texts_so_counted():
    from collections import Counter

    texts = ["Layanan Prasarana", "Layanan Praserana", "Laporan Keuangan", "Layanan Prasarana"]
    made = Clusters(texts)
    again = Counter([*texts, "Layanan Praserana", "Layanan Praserana"])
    recounted = made.recounted(again)
    assert recounted is not None
    fresh = Clusters([*texts, "Layanan Praserana", "Layanan Praserana"])
    assert recounted.variants == fresh.variants
    assert recounted.groups() == fresh.groups()
    assert made.variants == Clusters(texts).variants  # the groups recounted are left alone
    assert made.recounted(Counter(texts)) is made
    # other texts, or the same ones first met in another order, are grouped again
    assert made.recounted(Counter([*texts, "Laporan Kinerja"])) is None
    assert made.recounted(Counter(reversed(texts))) is None
