"""Stage 3, checking: the consistency rules and the engine that runs them.

`engine` runs every enabled rule over a read plan and applies `# rktc: ignore[...]`;
`rules/` holds one module per family of rules, each rule with its messages and its
documentation; `docs` generates docs/rules.md from them. May import `rktc.plan` and
`rktc.core`.
"""
