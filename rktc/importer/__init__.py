"""`rktc import`: an existing RKT (Word, its text export, a workbook, SIPD's .xls) into a plan.

`blocks` (and `sheets`, for workbooks and SIPD's HTML) reads the document into paragraphs
and tables; `recognize` finds the plan in them, with `frontmatter` for the cover, the
signature and chapter I, `dialect` for the numbers and `matrix` for the hierarchical
matrices of Pemda and K/L offices (and the kind of office); `writer` writes it as YAML in
the published form; `single` merges the published tables into the single-source form (a
matrix's by `matrix.single_source`); `run` is the import pipeline. May import
`rktc.pipeline` (to check what it wrote) and the stages below it; not `diff`, and not
the rules' internals.
"""
