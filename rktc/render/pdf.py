"""PDF: the DOCX converted by LibreOffice, with its table of contents filled in.

`soffice --convert-to pdf` prints a Word TOC field as the DOCX holds it, without page
numbers (rktc cannot know them: they need a layout). So the conversion runs a small Basic
macro instead: it opens the DOCX hidden, updates every index of the document (the table of
contents gets LibreOffice's page numbers and dotted leaders; twice, since the first update
can move what follows), and exports the PDF. Basic is part of LibreOffice's core (Debian:
libreoffice-writer-nogui is enough; Python-UNO is not needed).

The macro lives in a private profile made for each conversion, so a running office does not
interfere and nothing of the user's profile is read or changed. The profile is marked as
already set up, or LibreOffice's first start would copy its presets over the macro library.
A macro of the user's own profile runs whatever the macro security level, which applies to
macros in documents.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from rktc.core.errors import RktcError

PDF_TIMEOUT = 600
MODULE = "RktcPdf"

_LIBRARY_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:{kind} PUBLIC '
    '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">\n'
)
_CONTAINER = (
    _LIBRARY_HEAD + '<library:libraries xmlns:library="http://openoffice.org/2000/library" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    ' <library:library library:name="Standard" library:link="false"/>\n'
    "</library:libraries>\n"
)
_LIBRARY = (
    _LIBRARY_HEAD + '<library:library xmlns:library="http://openoffice.org/2000/library" '
    'library:name="Standard" library:readonly="false" library:passwordprotected="false">\n'
    "{elements}</library:library>\n"
)
# Arguments are file URLs (percent-encoded: no quote or comma can end an argument early).
_MACRO = """Sub ExportPdf(source As String, target As String, report As String)
  On Error GoTo Failed
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, load())
  indexes = doc.getDocumentIndexes()
  For pass = 1 To 2
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
  Next pass
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "writer_pdf_Export"
  doc.storeToURL(target, store())
  doc.close(True)
  Exit Sub
Failed:
  n = FreeFile
  Open ConvertFromURL(report) For Output As #n
  Print #n, "LibreOffice Basic error " & Err & " at line " & Erl & ": " & Error$
  Close #n
End Sub
"""
_MODULE_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC '
    '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" '
    f'script:name="{MODULE}" script:language="StarBasic">'
    + escape(_MACRO, {'"': "&quot;"})
    + "</script:module>\n"
)
_REGISTRY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    '<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" '
    'oor:op="fuse"><value>true</value></prop></item>\n'
    '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" '
    'oor:op="fuse"><value>false</value></prop></item>\n'
    "</oor:items>\n"
)


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_profile(folder: Path) -> None:
    """A LibreOffice user profile holding only the conversion macro (in "My Macros")."""
    user = folder / "user"
    basic = user / "basic"
    (basic / "Standard").mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    for kind in ("script", "dialog"):
        (basic / f"{kind}.xlc").write_text(
            _CONTAINER.format(kind="libraries", dtd="libraries.dtd"), encoding="utf-8"
        )
    element = f' <library:element library:name="{MODULE}"/>\n'
    (basic / "Standard" / "script.xlb").write_text(
        _LIBRARY.format(kind="library", dtd="library.dtd", elements=element), encoding="utf-8"
    )
    (basic / "Standard" / "dialog.xlb").write_text(
        _LIBRARY.format(kind="library", dtd="library.dtd", elements=""), encoding="utf-8"
    )
    (basic / "Standard" / f"{MODULE}.xba").write_text(_MODULE_XML, encoding="utf-8")


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of `docx`, its table of contents updated by LibreOffice (see above)."""
    office = libreoffice()
    if office is None:
        raise RktcError("build.no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="rktc-pdf-") as tmp:
        folder = Path(tmp)
        source, target, report = folder / "rkt.docx", folder / "rkt.pdf", folder / "error.txt"
        source.write_bytes(docx)
        profile = folder / "profile"
        write_profile(profile)
        arguments = ",".join(f'"{path.as_uri()}"' for path in (source, target, report))
        command = [
            office,
            "--headless",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={profile.as_uri()}",
            f"macro:///Standard.{MODULE}.ExportPdf({arguments})",
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise RktcError("build.pdf_failed", detail=f"timeout {PDF_TIMEOUT}s") from None
        if done.returncode != 0 or not target.is_file():
            detail = report.read_text("utf-8", "replace") if report.is_file() else ""
            detail = detail or (done.stderr or done.stdout).decode("utf-8", "replace")
            raise RktcError(
                "build.pdf_failed", detail=detail.strip()[-300:] or f"exit {done.returncode}"
            )
        return target.read_bytes()
