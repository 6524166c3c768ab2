"""All rules, in code order. Importing a rule module registers its rules and their texts.

Where to add a rule:

1. Pick the module of its family (the code's hundreds): `input_problems` RKT0xx (found
   while reading; documented here, reported by rktc.plan), `structure` RKT1xx,
   `indicators` RKT2xx, `totals` RKT3xx, `identity` RKT4xx, `wording` RKT5xx;
   `suppression` is RKT090; `year` the SAKIP year's RKT6xx; `pk` the Perjanjian
   Kinerja's RKT70x. Two modules hold rules of every level of the hierarchy,
   whatever their family: `levels` (codes, Renja cells, RO satuan, stated sums: RKT110,
   RKT111, RKT219, RKT304, RKT305) and `targets` (what a target says: RKT214-RKT218).
   A new family gets a new module, imported below.
2. Write the check function with `@rule(code, name, severity, messages={...})`: the
   messages are its texts, key -> (Indonesian, English), defined nowhere else (a key
   defined twice fails at import). Report through `ctx.report(where, msg(key, ...))`,
   with a `related=` location for every other place the finding involves.
3. Its docstring is its documentation: a one-line summary, then `## Why is this bad?`,
   `## Example` (a YAML snippet that fires the rule), `## Use instead` (one that does
   not) and `## Fix`. tests/test_rule_examples.py runs both snippets through
   `rktc validate`; regenerate docs/rules.md with `rktc rules --format markdown`.
4. Pin its positions and codes in tests/rules/ (tests/test_docs.py fails for a rule
   code that no test names).
"""

from __future__ import annotations

from rktc.check.rules import (  # noqa: F401  (imported for their registrations)
    identity,
    indicators,
    input_problems,
    levels,
    pk,
    structure,
    suppression,
    targets,
    totals,
    wording,
    year,
)
from rktc.check.rules.base import REGISTRY, Rule


def all_rules() -> list[Rule]:
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def find_rule(code: str) -> Rule | None:
    return REGISTRY.get(code.upper())
