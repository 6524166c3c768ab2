"""The import pipeline: read blocks, recognise the plan, write YAML (or the single source)."""

from __future__ import annotations

from pathlib import Path

from rktc.core.errors import RktcError
from rktc.core.messages import Message
from rktc.importer import matrix
from rktc.importer.blocks import read_blocks
from rktc.importer.recognize import recognize
from rktc.importer.single import SingleSourceError, single_source
from rktc.importer.writer import write_plan
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.load import Loaded, load_file


def import_document(
    source: Path,
    single: bool,
    dialect: str = "auto",
    lang: str = "en",
    jenis: str | None = None,
) -> tuple[str, list[str | Message]]:
    """The plan text to write (its header comment in `lang`), and the import report: the
    kind of office chosen (`jenis`, or told from the document when None) and why, how the
    tables were read and their numbers, then what could not be placed."""
    written, report = imported_plan(source, single, dialect, lang, jenis)
    return written.text, report


def imported_plan(
    source: Path,
    single: bool,
    dialect: str = "auto",
    lang: str = "en",
    jenis: str | None = None,
    display: str = "",
) -> tuple[Loaded, list[str | Message]]:
    """As `import_document`, with the plan as the loader would read its text back from a
    file named `display`: checking it needs no second reading (see writer.write_plan)."""
    notes: dict[tuple[str | int, ...], str] = {}
    kind: list[str | Message] = []
    if source.suffix.lower() in (".yaml", ".yml"):
        if not single:
            raise RktcError("import.yaml_needs_single", path=str(source))
        compiled = Pipeline().validate(source)
        data = load_file(source).data
        unplaced: list[Message] = []
        report: list[Message] = []
    else:
        imported = recognize(read_blocks(source), dialect, jenis)
        kind = [imported.jenis] if imported.jenis is not None else []
        if not single:
            published = write_plan(imported, source.name, lang=lang, display=display)
            return published, [*kind, *imported.report, *imported.unplaced]
        published = write_plan(imported, source.name, lang=lang, display=str(source))
        compiled = Pipeline().validate_written(published)
        data = published.data  # the checks read a plan's data, and never change it
        unplaced, notes, report = list(imported.unplaced), imported.notes, imported.report
    if compiled.plan is None or compiled.document is None or not compiled.well_formed:
        raise RktcError("import.not_readable", path=str(source))
    if not compiled.document.literal:
        raise RktcError("import.already_single", path=str(source))
    tabel = data.get("tabel") if isinstance(data, dict) else None
    if isinstance(tabel, dict) and tabel.get("matriks"):  # a hierarchical matrix
        merged = matrix.single_source(data, compiled.plan, notes)
    else:
        try:
            merged = single_source(compiled.plan, compiled.document, notes=notes)
        except SingleSourceError as exc:
            raise RktcError("import.no_budget", path=str(source), detail=str(exc)) from None
    merged.unplaced, merged.report = unplaced + merged.unplaced, report
    if kind and isinstance(kind[0], Message):
        merged.jenis = kind[0]
    written = write_plan(merged, source.name, form="single", lang=lang, display=display)
    return written, [*kind, *report, *merged.unplaced]
