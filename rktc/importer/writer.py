"""Write imported plan data as a commented YAML plan that rktc reads back exactly."""

from __future__ import annotations

import json
from typing import Any

from rktc.importer.recognize import Imported, Path_

KEY_ORDER = (
    "rktc",
    "tahun",
    "judul",
    "instansi",
    "sampul",
    "renstra",
    "dasar_hukum",
    "kata_pengantar",
    "ringkasan_eksekutif",
    "visi",
    "misi",
    "tujuan",
    "sasaran",
    "program",
    "pagu",
    "tabel",
    "penandatangan",
)
ROW_ORDER = (
    "no",
    "program",
    "judul",
    "nama",
    "sasaran",
    "kegiatan",
    "indikator",
    "satuan",
    "target",
    "anggaran",
    "baris",
    "singkatan",
    "instansi",
    "tahun",
    "induk",
    "kota",
    "periode",
    "keputusan",
    "teks",
    "makna",
    "kata",
    "arti",
    "tempat",
    "tanggal",
    "jabatan",
    "nip",
)
_SPECIAL_START = tuple("-?:,[]{}#&*!|>'\"%@`")
_NULLS = {"", "~", "null", "Null", "NULL"}


def scalar(value: Any) -> str:
    """A YAML scalar that rktc's loader reads back as exactly `value` (as text)."""
    text = str(value)
    plain = (
        text not in _NULLS
        and text == text.strip()
        and not text.startswith(_SPECIAL_START)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\t" not in text
        and "\n" not in text
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def to_yaml(imported: Imported, source: str) -> str:
    data = {"rktc": 1, **imported.data}
    lines = [
        f"# Imported by `rktc import` from {source}, in the published form: every table as",
        "# printed. Comments mark what the importer guessed; check them before relying on",
        "# the plan. `rktc validate` shows where the tables disagree.",
    ]
    if imported.unplaced:
        lines.append("#")
        lines.append("# Not placed in the plan (see the import report):")
        lines += [f"#   - {item}" for item in imported.unplaced]
    for key in sorted(data, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else 99):
        _emit(lines, key, data[key], 0, (key,), imported.notes)
    return "\n".join(lines) + "\n"


def _comment(notes: dict[Path_, str], path: Path_) -> str:
    return f"  # {notes[path]}" if path in notes else ""


def _emit(
    lines: list[str], key: str, value: Any, indent: int, path: Path_, notes: dict[Path_, str]
) -> None:
    pad = " " * indent
    note = _comment(notes, path)
    if isinstance(value, dict):
        lines.append(f"{pad}{key}:{note}")
        for child in sorted(value, key=lambda k: (isinstance(value[k], list), _row_key(k))):
            _emit(lines, child, value[child], indent + 2, (*path, child), notes)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{pad}{key}: []{note}")
            return
        lines.append(f"{pad}{key}:{note}")
        for i, item in enumerate(value):
            _emit_item(lines, item, indent + 2, (*path, i), notes)
    elif isinstance(value, str) and "\n" in value:
        lines.append(f"{pad}{key}: |{note}")
        lines += [f"{pad}  {line}" if line else "" for line in value.split("\n")]
    else:
        lines.append(f"{pad}{key}: {scalar(value)}{note}")


def _emit_item(
    lines: list[str], item: Any, indent: int, path: Path_, notes: dict[Path_, str]
) -> None:
    pad = " " * indent
    if not isinstance(item, dict):
        lines.append(f"{pad}- {scalar(item)}{_comment(notes, path)}")
        return
    first = True
    for key in sorted(item, key=lambda k: (isinstance(item[k], list), _row_key(k))):
        sub: list[str] = []
        _emit(sub, key, item[key], indent + 2, (*path, key), notes)
        if first:
            sub[0] = f"{pad}- {sub[0][indent + 2 :]}"
            first = False
        lines += sub


def _row_key(key: str) -> int:
    return (
        ROW_ORDER.index(key)
        if key in ROW_ORDER
        else len(ROW_ORDER) + (KEY_ORDER.index(key) if key in KEY_ORDER else 0)
    )
