"""Print a plan diff as text, Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

import json
from decimal import Decimal

from rktc.core.messages import text
from rktc.diff.compare import Change, PlanDiff
from rktc.plan.formatting import rupiah

DIFF_FORMATS = ("text", "markdown", "json")
ENTITIES = ("sasaran", "program", "kegiatan", "indikator")
SIGNS = {"added": "+", "removed": "-", "renamed": "~", "changed": "~"}


def signed(value: Decimal) -> str:
    return ("+" if value > 0 else "-" if value < 0 else "±") + rupiah(abs(value))


def describe(change: Change, lang: str) -> str:
    """One change as a sentence in the reader's language."""
    where = f" ({change.program})" if change.program else ""
    if change.kind == "renamed":
        return text("diff.renamed", lang, old=change.old, new=change.new)
    if change.kind == "changed" and change.field == "anggaran" and change.delta is not None:
        return text(
            "diff.anggaran",
            lang,
            name=change.name,
            where=where,
            old=change.old,
            new=change.new,
            delta=signed(change.delta),
        )
    if change.kind == "changed":
        return text(
            "diff.field",
            lang,
            name=change.name,
            field=change.field,
            old=change.old or "-",
            new=change.new or "-",
        )
    value = change.new if change.kind == "added" else change.old
    detail = f": {value}" if value else ""
    return f"{change.name}{where}{detail}"


def render_diff(result: PlanDiff, fmt: str, lang: str) -> str:
    return {"text": _text, "markdown": _markdown, "json": _json}[fmt](result, lang)


def _text(result: PlanDiff, lang: str) -> str:
    lines = [text("diff.title", lang, old=result.old_path, new=result.new_path)]
    if not result.changed:
        lines.append(text("diff.none", lang))
        return "\n".join(lines)
    for entity in ENTITIES:
        group = [c for c in result.changes if c.entity == entity]
        if group:
            lines.append(f"{entity.capitalize()}:")
            lines += [f"  {SIGNS[c.kind]} {describe(c, lang)}" for c in group]
    lines.append(text("diff.anggaran_title", lang) + ":")
    for name, old, new in result.totals.programs:
        if old != new:
            lines.append(f"  {name}: {rupiah(old)} -> {rupiah(new)} ({signed(new - old)})")
    old, new = result.totals.old, result.totals.new
    lines.append(
        f"  {text('diff.total', lang)}: {rupiah(old)} -> {rupiah(new)} ({signed(new - old)})"
    )
    return "\n".join(lines)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _markdown(result: PlanDiff, lang: str) -> str:
    lines = [f"### {text('diff.title', lang, old=result.old_path, new=result.new_path)}", ""]
    if not result.changed:
        return "\n".join([*lines, text("diff.none", lang), ""])
    counts = {kind: sum(c.kind == kind for c in result.changes) for kind in SIGNS}
    lines += [text("diff.counts", lang, **counts), ""]
    for entity in ENTITIES:
        group = [c for c in result.changes if c.entity == entity]
        if group:
            lines += [f"**{entity.capitalize()}**", "", "| | |", "|---|---|"]
            lines += [f"| {SIGNS[c.kind]} | {_cell(describe(c, lang))} |" for c in group]
            lines.append("")
    lines += [
        f"**{text('diff.anggaran_title', lang)}**",
        "",
        text("diff.table_header", lang),
        "|---|---:|---:|---:|",
    ]
    for name, old, new in result.totals.programs:
        lines.append(f"| {_cell(name)} | {rupiah(old)} | {rupiah(new)} | {signed(new - old)} |")
    old, new = result.totals.old, result.totals.new
    lines.append(
        f"| **{text('diff.total', lang)}** | **{rupiah(old)}** | **{rupiah(new)}** | "
        f"**{signed(new - old)}** |"
    )
    return "\n".join(lines) + "\n"


def _json(result: PlanDiff, lang: str) -> str:
    payload = {
        "version": 1,
        "old": result.old_path,
        "new": result.new_path,
        "changed": result.changed,
        "changes": [
            {
                "entity": c.entity,
                "kind": c.kind,
                "name": c.name,
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "delta": str(c.delta) if c.delta is not None else None,
                "program": c.program,
                "description": describe(c, lang),
            }
            for c in result.changes
        ],
        "anggaran": {
            "programs": [
                {"program": n, "old": str(o), "new": str(w), "delta": str(w - o)}
                for n, o, w in result.totals.programs
            ],
            "total": {
                "old": str(result.totals.old),
                "new": str(result.totals.new),
                "delta": str(result.totals.new - result.totals.old),
            },
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
