"""Stage 4, rendering: a read plan's document as DOCX, Markdown, HTML, PDF or XLSX.

`outline` says once what the document contains and in which order; `view` turns the
plan into display strings; `text` renders the narrative templates; `markup` writes
Markdown and HTML; `docx` writes Word; `pdf` converts DOCX with LibreOffice; `xlsx`
writes the document's tables as a workbook; `reproducible` is the build time every
format stamps. May import `rktc.plan` and `rktc.core`; never the checker.
"""
