"""One catalog of user-facing texts, in Bahasa Indonesia and English.

Code builds `Message(key, params)`; the CLI renders it in the reader's language
(`--lang`, else `RKTC_LANG`, else Indonesian). Tests compare keys and codes,
never the rendered words.

The texts of the lower layers are written in `rktc/core/catalog.py`. A module of a
higher layer may keep its own texts beside the code that uses them and add them with
`define_messages` when it is imported (each rule does, through `@rule(messages=...)`):
a key is defined once, wherever it is written, and a second definition fails at import.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rktc.core.catalog import CATALOG

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


@dataclass(frozen=True)
class Message:
    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        texts = CATALOG.get(self.key)
        if texts is None:  # made in another process, and its module is not imported here
            raise KeyError(f"message {self.key!r} is not defined in this process")
        return texts[0 if lang == "id" else 1].format(**dict(self.params))


Texts = Mapping[str, tuple[str, str]]
CATALOG_FILE = "rktc/core/catalog.py"
_OWNERS: dict[str, str] = {}


def define_messages(owner: str, texts: Texts) -> None:
    """Add `texts` (key -> (Indonesian, English)) to the one catalog, on behalf of `owner`.

    Fails, adding nothing, if a key is already defined (in the catalog file or by
    another owner), or if a text is missing or its two languages name different fields.
    """
    for key, pair in texts.items():
        if key in CATALOG:
            first = _OWNERS.get(key, CATALOG_FILE)
            raise ValueError(f"message {key!r} of {owner} is already defined by {first}")
        if len(pair) != 2 or not all(isinstance(t, str) and t.strip() for t in pair):
            raise ValueError(f"message {key!r} of {owner} needs an Indonesian and an English text")
        if fields(pair[0]) != fields(pair[1]):
            raise ValueError(f"message {key!r} of {owner} names different fields in id and en")
    for key, pair in texts.items():
        CATALOG[key] = pair
        _OWNERS[key] = owner


def owner_of(key: str) -> str:
    """Who defined message `key`: the catalog file, or the module or rule that added it."""
    if key not in CATALOG:
        raise KeyError(f"message {key!r} is not in the catalog")
    return _OWNERS.get(key, CATALOG_FILE)


def fields(template: str) -> set[str]:
    """The `str.format` fields a template names."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def msg(key: str, /, **params: Any) -> Message:
    if key not in CATALOG:
        raise KeyError(f"message {key!r} is not in the catalog")
    return Message(key, tuple(sorted(params.items())))


def text(key: str, lang: str, /, **params: Any) -> str:
    """Render catalog entry `key` directly (for CLI lines that are not diagnostics)."""
    return msg(key, **params).render(lang)


def resolve_language(option: str | None, env: Mapping[str, str] = os.environ) -> str:
    """Pick the language: the option, then RKTC_LANG, then Indonesian."""
    for candidate in (option, env.get("RKTC_LANG")):
        if candidate:
            short = candidate.strip().lower()[:2]
            if short in LANGUAGES:
                return short
    return DEFAULT_LANGUAGE
