"""Small helpers shared by the tests: run the real pipeline on inline YAML."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from rktc.check.engine import Selection
from rktc.pipeline.compile import Compiled
from rktc.pipeline.orchestrator import Pipeline

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"

MINIMAL = """\
rktc: 1
tahun: 2023
instansi:
  nama: Komisi Pemilihan Umum Kabupaten Contoh
  kota: Contoh
renstra:
  periode: 2020-2024
visi:
  teks: Menjadi Penyelenggara Pemilu yang Mandiri
misi:
  - Meningkatkan kualitas penyelenggaraan Pemilu
tujuan:
  - Meningkatnya kualitas penyelenggaraan Pemilu
penandatangan:
  tempat: Contoh
  tanggal: 30 Januari 2023
  jabatan: Ketua
  nama: NAMA
"""


def compile_yaml(
    tmp_path: Path, source: str, select: str | None = None, name: str = "plan.yaml"
) -> Compiled:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    selection = Selection(select=tuple(select.split(","))) if select else Selection()
    return Pipeline(selection).validate(path, display=name)


def findings(tmp_path: Path, source: str, select: str | None = None) -> list[str]:
    """`["line:col CODE", ...]` for the plan; positions and codes, never wording."""
    compiled = compile_yaml(tmp_path, source, select)
    return [f"{d.location.line}:{d.location.column} {d.code}" for d in compiled.diagnostics]


def plan_with(extra: str) -> str:
    """The minimal valid plan followed by `extra` (dedented YAML at top level)."""
    return MINIMAL + textwrap.dedent(extra)


def make_document(path: Path, blocks: list[Any]) -> Path:
    """A .docx of paragraphs (str, or (text, style)) and tables (lists of rows), in order."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, tuple):
            document.add_paragraph(block[0], style=block[1])
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, text in enumerate(row):
                    table.rows[r].cells[c].text = text
    document.save(str(path))
    return path


def positions(loaded: Any) -> dict[tuple[str | int, ...], tuple[Any, Any]]:
    """Where a finding about each value of a loaded plan would point: its value's and its
    key's place (line, column, end line, end column), by data path."""
    found: dict[tuple[str | int, ...], tuple[Any, Any]] = {}
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), loaded.data)]
    while stack:
        path, value = stack.pop()
        found[path] = (loaded.source.value(path), loaded.source.key(path))
        if isinstance(value, dict):
            stack += [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*path, i), item) for i, item in enumerate(value)]
    return found
