"""WordprocessingML as text: namespaces, escaping, runs. What every other layer writes with."""

from __future__ import annotations

import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: str) -> str:
    """`value` as XML character data: markup escaped, characters XML forbids dropped.

    A plan's text reaches the document only through here, as character data: it can
    never become an element, so it cannot forge structure (see tables.TABLE_SLOT).
    """
    return (
        INVALID_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )


def runs(value: str, bold: bool = False, size: int | None = None) -> str:
    """`value` as runs; a line break in it becomes `w:br`."""
    props = ""
    if bold or size:
        props = (
            "<w:rPr>"
            + ("<w:b/>" if bold else "")
            + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
            + "</w:rPr>"
        )
    if "\n" not in value:
        return f'<w:r>{props}<w:t xml:space="preserve">{text(value)}</w:t></w:r>'
    out = []
    for i, line in enumerate(value.split("\n")):
        if i:
            out.append(f"<w:r>{props}<w:br/></w:r>")
        out.append(f'<w:r>{props}<w:t xml:space="preserve">{text(line)}</w:t></w:r>')
    return "".join(out)
