"""All rules, in code order. Importing a rule module registers its rules."""

from __future__ import annotations

from rktc.check.rules import (  # noqa: F401  (imported for their registrations)
    identity,
    indicators,
    input_problems,
    structure,
    suppression,
    totals,
    wording,
)
from rktc.check.rules.base import REGISTRY, Rule


def all_rules() -> list[Rule]:
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def find_rule(code: str) -> Rule | None:
    return REGISTRY.get(code.upper())
