"""The orchestrator: one `Pipeline` that validate, build, batch and import all run through.

`compile` runs load -> schema -> check for one plan; `build` adds rendering and the
atomic write; `batch` builds many plans in worker processes; `forked` runs the rules
beside the renderer on a second core. May import every stage below it (`render`,
`report`, `check`, `plan`, `core`).
"""
