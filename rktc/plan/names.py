"""Which names in a plan mean the same thing, without comparing every pair.

Two texts are the *same name* when they match after folding case, spaces and
punctuation ("Pemilu/ Pemilihan" = "Pemilu/Pemilihan"). They are *variants*
when, word by word, they differ only by typos ("praserana"/"prasarana") or by a
few words added at the end ("Program Dukungan"/"Program Dukungan Manajemen"),
never by a different word ("laporan keuangan"/"laporan kinerja"), a different
number ("tahap 27"/"tahap 271") or a word added inside ("Kecamatan
Peninjauan"/"Kecamatan Sinar Peninjauan", which are two places). Candidates for the
variant test share one of their rarest words, so the work grows with the
number of names, not its square.
"""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import chain

_WORD = re.compile(r"[^\W_]+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
RARE_WORDS_PER_NAME = 3
MAX_BUCKET = 32
MIN_WORD = 4
TYPO_RATIO = 0.75
MAX_INSERTED_SHARE = 0.34


def name_key(text: str) -> str:
    """Case, spacing and punctuation folded away: the identity of a name."""
    folded = text.casefold()
    joined = _spaced_words(folded)
    return joined if joined is not None else _NOT_ALNUM.sub("", folded)


def words(text: str) -> list[str]:
    """The words of a text, case folded: its runs of letters and digits."""
    folded = text.casefold()
    return folded.split() if _spaced_words(folded) is not None else _WORD.findall(folded)


def _spaced_words(folded: str) -> str | None:
    """The words of `folded` run together, when only spaces separate them (most names);
    None when the regular expressions must find them. Exact: re's \\w is what isalnum
    accepts, and "_", which isalnum refuses; splitting is then 3x faster."""
    joined = folded.replace(" ", "")
    return joined if joined.isalnum() else None


def first_word(text: str) -> str | None:
    """words(text)[0], without finding the others."""
    found = _WORD.search(text.casefold())
    return found.group() if found else None


def is_variant(a: list[str], b: list[str]) -> bool:
    """True when word lists `a` and `b` differ only by typos or a few words added at the end."""
    if not a or not b or not _could_be_variant(a, b, set(a), set(b)):
        return False
    inserted = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("insert", "delete"):
            if i2 < len(a) or j2 < len(b):
                return False  # words added inside the name make another name
            inserted += (i2 - i1) + (j2 - j1)
        elif op == "replace" and not _typo(a[i1:i2], b[j1:j2]):
            return False
    return inserted <= MAX_INSERTED_SHARE * max(len(a), len(b))


def _could_be_variant(a: list[str], b: list[str], set_a: set[str], set_b: set[str]) -> bool:
    """Cheap necessary conditions, so most candidate pairs never reach SequenceMatcher.

    Cheapest first: most pairs share a rare word and little else.
    """
    length_a, length_b = len(a), len(b)
    longer = max(length_b, length_a)
    if abs(length_a - length_b) > MAX_INSERTED_SHARE * longer:
        return False
    shared = len(set_a & set_b)
    if shared < 0.5 * longer:
        return False
    if len(set_a) + len(set_b) - 2 * shared > max(2, 2 * MAX_INSERTED_SHARE * longer):
        return False  # too many words in only one of them
    return not _DIGIT.search(" ".join(set_a ^ set_b))  # a different number: a different name


def _typo(left: list[str], right: list[str]) -> bool:
    if _DIGIT.search(" ".join((*left, *right))):
        return False  # numbers differ: "tahap 27" is not "tahap 271"
    if len(left) == len(right):
        return all(
            SequenceMatcher(None, x, y).ratio() >= TYPO_RATIO
            for x, y in zip(left, right, strict=True)
        )
    return SequenceMatcher(None, "".join(left), "".join(right)).ratio() >= TYPO_RATIO + 0.05


class Clusters:
    """Union of names into groups that mean the same thing; keyed by `name_key`."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.counts = Counter(texts)  # the texts grouped, in the order first met
        self.variants: dict[str, dict[str, int]] = {}  # key -> raw texts -> how often
        self._keys: dict[str, str] = {}  # raw text -> key, computed once per distinct text
        tokens: dict[str, list[str]] = {}  # key -> the words of its first text
        for text, count in self.counts.items():
            word_list = words(text)
            key = self._keys[text] = "".join(word_list)  # the same as name_key(text)
            spellings = self.variants.get(key)
            if spellings is None:
                self.variants[key] = {text: count}
                tokens[key] = word_list
            else:
                spellings[text] = count
        self._parent = {key: key for key in self.variants}
        self._link_variants(tokens)
        self._group_of: dict[str, str] = {}  # raw text -> its group, once asked for

    def recounted(self, counts: Counter[str]) -> Clusters | None:
        """These groups with `counts` (how often each text is written), without grouping
        again: None unless `counts` has the same texts, first met in the same order (which
        decides the groups once a word's bucket is full)."""
        if list(counts) != list(self.counts):
            return None
        if counts == self.counts:
            return self
        other = copy.copy(self)  # the groups, and the caches of keys and groups, shared
        other.counts = counts
        other.variants = {
            key: {text: counts[text] for text in spellings}
            for key, spellings in self.variants.items()
        }
        return other

    def key(self, text: str) -> str:
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = name_key(text)
        return found

    def group(self, text: str) -> str:
        """A stable id of the group that `text` belongs to."""
        found = self._group_of.get(text)
        if found is None:
            found = self._group_of[text] = self._find(self.key(text))
        return found

    def groups(self) -> dict[str, list[str]]:
        """Group id -> the distinct keys in it (only groups of two or more keys)."""
        members: dict[str, list[str]] = defaultdict(list)
        for key in self.variants:
            members[self._find(key)].append(key)
        return {root: keys for root, keys in members.items() if len(keys) > 1}

    def _find(self, key: str) -> str:
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def _link_variants(self, tokens: dict[str, list[str]]) -> None:
        sets: dict[str, set[str]] = {}
        long_words: dict[str, list[str]] = {}
        for key, word_list in tokens.items():
            word_set = sets[key] = set(word_list)
            long_words[key] = sorted(w for w in word_set if len(w) >= MIN_WORD)
        frequency = Counter(chain.from_iterable(long_words.values()))
        rarity = frequency.__getitem__
        # word -> the names sharing it, split by their numbers: names whose numbers differ
        # are never variants (see _could_be_variant), so they are not compared at all
        buckets: dict[str, dict[frozenset[str], list[str]]] = defaultdict(dict)
        sizes: Counter[str] = Counter()
        for key, word_set in sets.items():
            # rarest first, ties alphabetical (the stable sort keeps the order above)
            rare = sorted(long_words[key], key=rarity)[:RARE_WORDS_PER_NAME]
            mine, numbers = tokens[key], _numbers(word_set)
            for word in rare:
                if sizes[word] >= MAX_BUCKET:
                    continue
                sizes[word] += 1
                bucket = buckets[word].setdefault(numbers, [])
                for other in bucket:
                    if _could_be_variant(mine, tokens[other], word_set, sets[other]) and (
                        self._find(other) != self._find(key) and is_variant(mine, tokens[other])
                    ):
                        self._union(key, other)
                bucket.append(key)


_NO_NUMBERS: frozenset[str] = frozenset()


def _numbers(word_set: set[str]) -> frozenset[str]:
    """The words of a name that hold a digit."""
    found = [w for w in word_set if not w.isalpha() and _DIGIT.search(w)]
    return frozenset(found) if found else _NO_NUMBERS
