"""A readable text projection of a .docx for golden tests (never compare .docx bytes)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def project(path: Path) -> str:
    document = docx.Document(str(path))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            paragraph = Paragraph(child, document._body)
            text = paragraph.text.replace("\n", " / ")
            if text.strip():
                lines.append(f"[{paragraph.style.name}] {text}")
            if child.find(f".//{W}sectPr") is not None:
                lines.append("--- section break ---")
        elif child.tag == W + "tbl":
            table = Table(child, document._body)
            for row in table.rows:
                cells = ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in row._tr.tc_lst]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines) + "\n"
