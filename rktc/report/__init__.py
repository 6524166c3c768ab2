"""The findings as people and CI read them: text, JSON, GitHub annotations and SARIF.

May import `rktc.check` (for the rules' names and documentation), `rktc.plan` and
`rktc.core`; knows nothing of rendering documents.
"""
