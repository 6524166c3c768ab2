"""`rktc preview`: the document's HTML edition, rebuilt on every save and served locally.

`watch` notices saves of the plan file (by polling, so it works wherever Python does);
`rebuild` runs the `Pipeline` on the saved bytes and renders the HTML edition; `marks`
finds the document rows that the findings concern; `page` assembles the served page
(the document, the findings beside it, the script that refreshes the open tab);
`server` serves it on 127.0.0.1 and runs the watch loop. May import `rktc.pipeline`
and the stages below it; not `importer`, `diff` or `cli`.
"""
