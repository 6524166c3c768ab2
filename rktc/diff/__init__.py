"""`rktc diff`: what changed between two versions of a plan, in planning terms.

`compare` computes the changes from two read plans; `report` prints them as text,
Markdown or JSON. May import `rktc.pipeline` and the stages below it; not `importer`.
"""
