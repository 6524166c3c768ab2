"""`rktc import`: an existing RKT (Word or its text export) into a plan.

`blocks` reads the document into paragraphs and tables; `recognize` finds the plan in
them; `writer` writes it as YAML in the published form; `single` merges the published
tables into the single-source form; `run` is the import pipeline. May import
`rktc.pipeline` (to check what it wrote) and the stages below it; not `diff`, and not
the rules' internals.
"""
