"""Renderers: the plan's document view into DOCX, Markdown, HTML or PDF."""
