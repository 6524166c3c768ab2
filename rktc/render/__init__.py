"""Stage 4, rendering: a read plan's document as DOCX, Markdown, HTML or PDF.

`outline` says once what the document contains and in which order; `view` turns the
plan into display strings; `text` renders the narrative templates; `markup` writes
Markdown and HTML; `docx` writes Word; `pdf` converts DOCX with LibreOffice. May
import `rktc.plan` and `rktc.core`; never the checker.
"""
