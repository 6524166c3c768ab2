"""Stage 1 and 2, reading a plan: load -> schema -> the document's tables.

`load` turns YAML into plain data with every position kept (`SourceMap`); `values`
parses money, targets and dates exactly; `schema` is the plan format (pydantic) and
`validate` turns its complaints into positioned diagnostics; `document` derives the
tables the document prints (`Document`), which the checker and the renderers share.
`formatting` and `names` are the presentation of values and the folding of names that
several later stages use. May import `rktc.core` only.
"""
