"""Turn a plan in the published form into the single-source form.

Values the tables agree on are merged. Where they disagree, the value most tables use is
taken (ties: the RKT matrix) and every value with its tables is written beside it as a
`# CONFLICT` comment for the planner to decide. Indicators that have no budget line in any
table cannot be placed under a kegiatan; they are listed in the file's header comment.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rktc.core.messages import msg
from rktc.importer.recognize import Imported, Path_
from rktc.importer.writer import KEY_ORDER
from rktc.plan.document import (
    APBN,
    INDIKATOR,
    PROGRAM,
    RKT,
    SASARAN,
    TABLE_LABELS,
    Document,
    Row,
)
from rktc.plan.formatting import long_date, rupiah
from rktc.plan.formatting import target as format_target
from rktc.plan.names import Clusters
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.values import unit_of

TABLE_ORDER = (RKT, APBN, INDIKATOR, PROGRAM)
# The plan's own parts, copied as they are: everything but the tables and the cover.
NARRATIVE = tuple(
    k for k in KEY_ORDER if k not in ("rktc", "sampul", "sasaran", "program", "tabel")
)


class SingleSourceError(ValueError):
    pass


def single_source(
    plan: Plan, document: Document, notes: dict[Path_, str] | None = None
) -> Imported:
    """The plan in the single-source form. `notes` (the importer's, on the published form)
    are kept: beside the plan's own parts, which are copied as they are, and in the header
    for table rows, which the merge replaces."""
    result = Imported(notes=dict(notes or {}))
    for key in NARRATIVE:
        if key in plan.model_fields_set and getattr(plan, key) is not None:
            result.data[key] = _raw(plan, key)
    rows = [(kind, row) for kind in TABLE_ORDER for row in _rows(document, kind)]
    names = Clusters(r.indikator for _, r in rows if r.indikator)
    backbone = _backbone(document, names, result)
    if not backbone:
        raise SingleSourceError("no table with anggaran (RKT or APBN matrix)")
    sasaran_names = Clusters(
        [r.sasaran for _, r in rows if r.sasaran]
        + [r.sasaran for r in _rows(document, SASARAN) if r.sasaran]
    )
    sasaran_ids = _sasaran(document, rows, backbone, sasaran_names, result)
    result.data["program"] = _programs(backbone, rows, names, sasaran_names, sasaran_ids, result)
    _unplaced_indicators(backbone, rows, names, result)
    _unplaced_totals(document, result)
    return result


def _unplaced_totals(document: Document, result: Imported) -> None:
    """The totals printed under the published tables: the single source has no place for
    them (rktc adds up its own), so the report names them."""
    for kind in TABLE_ORDER:
        table = document.table(kind)
        if table is None:
            continue
        count = sum(g.jumlah is not None for g in table.groups) + (table.jumlah is not None)
        if count:
            result.unplaced.append(msg("import.unplaced_totals", kind=kind, count=count))


def _raw(plan: Plan, key: str) -> Any:
    """The plan's own text for a narrative field (dates and amounts as Indonesians write)."""
    value = getattr(plan, key)
    if key == "tahun":
        return str(value)
    if key == "renstra":
        start, end = value.periode
        out: dict[str, Any] = {"periode": f"{start}-{end}"}
        if value.keputusan:
            out["keputusan"] = value.keputusan
        return out
    if key == "pagu":
        return rupiah(value)
    if key == "penandatangan":
        signer = {
            "tempat": value.tempat,
            "tanggal": long_date(value.tanggal),
            "jabatan": value.jabatan,
            "nama": value.nama,
            "pangkat": value.pangkat,
            "nip": value.nip,
            "instansi": value.instansi,
        }
        return {k: v for k, v in signer.items() if v is not None}
    if hasattr(value, "model_dump"):
        return value.model_dump(exclude_none=True)
    return value


def _rows(document: Document, kind: str) -> list[Row]:
    table = document.table(kind)
    return table.all_rows() if table else []


def _backbone(document: Document, names: Clusters, result: Imported) -> list[tuple[str, Row]]:
    """The budget lines in order, with their program.

    The APBN matrix groups them by program. Without it, the RKT matrix gives the lines
    and each takes the program of the BAB II C table that lists its indicator (or its
    kegiatan); a line no program table names is marked for the planner.
    """
    apbn = document.table(APBN)
    if apbn is not None and apbn.groups:
        return [(group.program, row) for group in apbn.groups for row in group.rows]
    program_table = document.table(PROGRAM)
    groups = program_table.groups if program_table else []
    by_indicator = {
        names.group(r.indikator): g.program for g in groups for r in g.rows if r.indikator
    }
    by_kegiatan = {
        (r.kegiatan or "").casefold(): g.program for g in groups for r in g.rows if r.kegiatan
    }
    only = groups[0].program if len(groups) == 1 else None
    backbone = []
    for row in _rows(document, RKT):
        program = (
            (by_indicator.get(names.group(row.indikator)) if row.indikator else None)
            or (by_kegiatan.get((row.kegiatan or "").casefold()))
            or only
        )
        if program is None:
            program = "Program"
            result.unplaced.append(msg("import.unplaced_kegiatan", kegiatan=row.kegiatan))
        backbone.append((program, row))
    backbone.sort(
        key=lambda item: (
            [g.program for g in groups].index(item[0])
            if item[0] in [g.program for g in groups]
            else len(groups)
        )
    )
    return backbone


def _majority(values: list[tuple[str, str]]) -> tuple[str, str | None]:
    """The most used value (ties: the first table in TABLE_ORDER), and a conflict note."""
    counts = Counter(v for _, v in values)
    best = max(
        counts,
        key=lambda v: (
            counts[v],
            -min(TABLE_ORDER.index(t) if t in TABLE_ORDER else 9 for t, w in values if w == v),
        ),
    )
    if len(counts) < 2:
        return best, None
    listing = "; ".join(
        f"{v} ({', '.join(sorted({TABLE_LABELS.get(t, t) for t, w in values if w == v}))})"
        for v in counts
    )
    return best, f"CONFLICT: {listing}"


def _sasaran(
    document: Document,
    rows: list[tuple[str, Row]],
    backbone: list[tuple[str, Row]],
    clusters: Clusters,
    result: Imported,
) -> dict[str, str]:
    """One sasaran per group of sasaran texts that BAB II A declares or a budget line uses;
    the wording most tables use. Returns group -> id."""
    declared_rows = _rows(document, SASARAN)
    wanted = {clusters.group(r.sasaran) for r in declared_rows if r.sasaran}
    wanted |= {clusters.group(r.sasaran) for _, r in backbone if r.sasaran}
    texts: dict[str, list[tuple[str, str]]] = {}
    for kind, row in [(SASARAN, r) for r in declared_rows] + rows:
        if row.sasaran and clusters.group(row.sasaran) in wanted:
            texts.setdefault(clusters.group(row.sasaran), []).append((kind, row.sasaran))
    declared = []
    ids: dict[str, str] = {}
    for number, (group, values) in enumerate(texts.items(), start=1):
        ids[group] = f"S{number}"
        name, conflict = _majority(values)
        declared.append({"id": ids[group], "nama": name})
        if conflict:
            result.note(("sasaran", number - 1, "nama"), conflict)
    result.data["sasaran"] = declared
    return ids


def _programs(
    backbone: list[tuple[str, Row]],
    rows: list[tuple[str, Row]],
    names: Clusters,
    sasaran_names: Clusters,
    sasaran_ids: dict[str, str],
    result: Imported,
) -> list[dict[str, Any]]:
    programs: list[dict[str, Any]] = []
    declared: dict[str, str] = {}  # indicator group -> id, once declared
    for program_name, row in backbone:
        if not programs or programs[-1]["nama"] != program_name:
            programs.append({"nama": program_name, "kegiatan": []})
        kegiatan = programs[-1]["kegiatan"]
        if row.anggaran is not None or not kegiatan:
            kegiatan.append(
                {
                    "nama": row.kegiatan or "?",
                    "anggaran": rupiah(row.anggaran) if row.anggaran else "0",
                    "indikator": [],
                }
            )
            if row.anggaran is None:
                where = ("program", len(programs) - 1, "kegiatan", len(kegiatan) - 1, "anggaran")
                result.note(where, "no anggaran in the tables: fill it in")
        entries = kegiatan[-1]["indikator"]
        if not row.indikator:
            continue
        group = names.group(row.indikator)
        if group in declared:
            entries.append({"ref": declared[group]})
            continue
        path = (
            "program",
            len(programs) - 1,
            "kegiatan",
            len(kegiatan) - 1,
            "indikator",
            len(entries),
        )
        entries.append(
            _indicator(group, row, rows, names, sasaran_names, sasaran_ids, path, result)
        )
        declared[group] = f"IK{len(declared) + 1}"
        entries[-1]["id"] = declared[group]
    return programs


def _indicator(
    group: str,
    row: Row,
    rows: list[tuple[str, Row]],
    names: Clusters,
    sasaran_names: Clusters,
    sasaran_ids: dict[str, str],
    path: tuple[Any, ...],
    result: Imported,
) -> dict[str, Any]:
    same = [(kind, r) for kind, r in rows if r.indikator and names.group(r.indikator) == group]
    name, conflict = _majority([(k, r.indikator or "") for k, r in same])
    out: dict[str, Any] = {"nama": name}
    if conflict:
        result.note((*path, "nama"), conflict)
    sasaran = row.sasaran or next((r.sasaran for _, r in same if r.sasaran), None)
    out["sasaran"] = sasaran_ids.get(sasaran_names.group(sasaran), "?") if sasaran else "?"
    satuan_values = [(k, _unit(r.satuan)) for k, r in same if r.satuan]
    if satuan_values:
        out["satuan"], conflict = _majority(satuan_values)
        if conflict:
            result.note((*path, "satuan"), conflict)
    else:
        out["satuan"] = "?"
        result.note((*path, "satuan"), "no table gives a satuan: fill it in")
    targets = [(k, format_target(r.target)) for k, r in same if r.target is not None]
    out["target"], conflict = _majority(targets) if targets else ("?", None)
    if conflict:
        result.note((*path, "target"), conflict)
    return out


def _unit(satuan: str) -> str:
    """The satuan without a written quantity, capitalised: "1 lembaga" -> "Lembaga"."""
    unit = unit_of(satuan)
    return unit[:1].upper() + unit[1:] if unit else satuan


def _unplaced_indicators(
    backbone: list[tuple[str, Row]], rows: list[tuple[str, Row]], names: Clusters, result: Imported
) -> None:
    placed = {names.group(r.indikator) for _, r in backbone if r.indikator}
    seen: set[str] = set()
    for kind, row in rows:
        if row.indikator and names.group(row.indikator) not in placed | seen:
            seen.add(names.group(row.indikator))
            result.unplaced.append(
                msg("import.unplaced_indikator", indikator=row.indikator, table=TABLE_LABELS[kind])
            )
