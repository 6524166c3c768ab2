"""One catalog of user-facing texts, in Bahasa Indonesia and English.

Code builds `Message(key, params)`; the CLI renders it in the reader's language
(`--lang`, else `RKTC_LANG`, else Indonesian). Tests compare keys and codes,
never the rendered words.
"""

from __future__ import annotations

import os
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
        template = CATALOG[self.key][0 if lang == "id" else 1]
        return template.format(**dict(self.params))


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
