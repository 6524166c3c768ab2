"""The Perjanjian Kinerja (PK) of a plan's year, as a document view in its layout.

The PK is a layout (templates/layouts/pk.yaml) like the RKT: its parts, sections and
tables are data. This module gives that layout what the plan's `pk:` part says: the
parties (`PartyView`), the signatures side by side (`SignaturesView`), the lampiran's
tables (sources `pk_kinerja`: No | Sasaran | Indikator Kinerja | Target | Satuan;
`pk_anggaran`: No | Program (Kegiatan, Sub Kegiatan) | Anggaran (Rp) with its Jumlah;
`pk_perubahan`: what a PK perubahan changes against the PK it replaces), and the facts its
texts (templates/text/pk_*.txt.j2) may name. What the PK carries is rktc.plan.pk's, the
same that the rules check.

A PK perubahan's changes are computed with rktc.diff by the caller (the pipeline is given
a function that does it) and reach this module as plain `Revision`s: the renderer never
imports the diff.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rktc.plan.document import Document
from rktc.plan.formatting import long_date, rupiah
from rktc.plan.hierarchy import hierarchy_of
from rktc.plan.pk import PkContent, content, format_nip, money
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.schema2 import PihakPk, Pk
from rktc.render.layout import PK, ColumnDef, Layout, TableDef, layout_for_plan
from rktc.render.text import TextTemplates
from rktc.render.view import (
    DATA,
    TOTAL,
    Column,
    DocumentView,
    ExtraSource,
    PartyView,
    RowView,
    Signature,
    SignaturesView,
    SignerView,
    TableView,
    build_view,
)

# The document's own words that are not paragraphs (those are templates/text/pk_*.txt.j2).
TITLE = "Perjanjian Kinerja"
TITLE_REVISED = "Perjanjian Kinerja Perubahan"
FIRST, SECOND = "PIHAK PERTAMA,", "PIHAK KEDUA,"
NAME, POSITION = "Nama", "Jabatan"
ACTING = {"plt": "Plt.", "plh": "Plh."}
NIP = "NIP."
NONE = "-"
KEEP_ROWS = 20  # a budget table of up to this many rows is printed whole on one page
# what a revision row says (rktc.diff's entity, kind and field)
_REVISION_LABELS = {
    ("indikator", "added"): "Indikator ditambahkan",
    ("indikator", "removed"): "Indikator dihapus",
    ("indikator", "renamed"): "Nama indikator",
    ("indikator", "target"): "Target",
    ("indikator", "satuan"): "Satuan",
    ("indikator", "sasaran"): "Sasaran",
    ("kegiatan", "added"): "Kegiatan ditambahkan",
    ("kegiatan", "removed"): "Kegiatan dihapus",
    ("kegiatan", "anggaran"): "Anggaran kegiatan",
    ("program", "added"): "Program ditambahkan",
    ("program", "removed"): "Program dihapus",
    ("program", "anggaran"): "Anggaran program",
    ("sasaran", "added"): "Sasaran ditambahkan",
    ("sasaran", "removed"): "Sasaran dihapus",
    ("sasaran", "renamed"): "Rumusan sasaran",
}


@dataclass(frozen=True)
class Revision:
    """One change of a PK perubahan against the PK it replaces (from rktc.diff)."""

    entity: str  # sasaran | program | kegiatan | indikator
    kind: str  # added | removed | renamed | changed
    name: str
    field: str | None = None
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True)
class Original:
    """The PK a perubahan replaces, as its texts name it."""

    path: str
    date: str  # its tanggal, as printed ("2 Januari 2023"), or ""
    revisions: tuple[Revision, ...] = ()


class FactTexts(TextTemplates):
    """Default texts with more facts than the plan's (the PK's, the year's)."""

    def __init__(self, user_dir: Path | None, extra: Mapping[str, Any]) -> None:
        super().__init__(user_dir)
        self.extra = dict(extra)

    def facts(self, plan: Plan, document: Document) -> dict[str, Any]:
        return {**super().facts(plan, document), **self.extra}


def pk_part(plan: Plan) -> Pk | None:
    """The plan's `pk:` part (format 2 only), or None."""
    found = getattr(plan, "pk", None)
    return found if isinstance(found, Pk) else None


def acting(party: PihakPk) -> str:
    """ "Plt. " or "Plh. " before the jabatan of an acting official, else ""."""
    for key, prefix in ACTING.items():
        if getattr(party, key):
            return prefix + " "
    return ""


def position(party: PihakPk) -> str:
    return acting(party) + party.jabatan


def signer_of(plan: Plan, pk: Pk | None) -> tuple[str, str, str | None]:
    """Who signs for the office (a Laporan Kinerja, the PK's pihak pertama): position,
    name, NIP as printed."""
    party = None if pk is None else (pk.pihak_pertama or pk.penandatangan)
    if party is None:
        signer = plan.penandatangan
        return signer.jabatan or "", signer.nama, signer.nip and format_nip(signer.nip)
    return position(party), party.nama, party.nip and format_nip(party.nip)


def place_date(plan: Plan, pk: Pk) -> str:
    signer = plan.penandatangan
    when = pk.tanggal or signer.tanggal
    return f"{pk.tempat or signer.tempat}, {long_date(when)}"


def text_facts(
    plan: Plan, pk: Pk, lampiran: PkContent, original: Original | None
) -> dict[str, Any]:
    """What the PK's texts may name besides the plan's facts."""
    first = pk.pihak_pertama or pk.penandatangan
    second = pk.pihak_kedua if pk.penandatangan is None else None
    perubahan = pk.perubahan
    return {
        "pk_tunggal": second is None,
        "pk_pihak_pertama": position(first) if first else "",
        "pk_pihak_kedua": position(second) if second else "",
        "pk_tingkat": lampiran.budget_header,
        "pk_sasaran": lampiran.goal_header,
        "pk_jumlah_indikator": len(lampiran.carried),
        "pk_perubahan": perubahan is not None,
        "pk_alasan": perubahan.alasan if perubahan else "",
        "pk_dasar": list(perubahan.dasar) if perubahan else [],
        "pk_semula_tanggal": original.date if original else "",
        "pk_ilustrasi": pk.ilustrasi,
        "pk_keterangan": pk.keterangan or "",
    }


def parties(pk: Pk, texts: Callable[[str], list[str]]) -> list[PartyView]:
    """The party blocks: each one's Nama and Jabatan, then what the agreement calls it."""
    found = []
    if pk.penandatangan is not None:
        return [PartyView(_party_lines(pk.penandatangan), [])]
    for party, role in ((pk.pihak_pertama, "pk_pihak_pertama"), (pk.pihak_kedua, "pk_pihak_kedua")):
        if party is not None:
            found.append(PartyView(_party_lines(party), texts(role)))
    return found


def _party_lines(party: PihakPk) -> list[tuple[str, str]]:
    return [(NAME, party.nama), (POSITION, position(party))]


def signatures(plan: Plan, pk: Pk) -> SignaturesView:
    """Place and date over the right column; left PIHAK KEDUA, right PIHAK PERTAMA (a single
    signer: on the right, without a label)."""
    when = place_date(plan, pk)
    if pk.penandatangan is not None:
        return SignaturesView(when, [_signer("", pk.penandatangan)])
    signers = []
    if pk.pihak_kedua is not None:
        signers.append(_signer(SECOND, pk.pihak_kedua))
    if pk.pihak_pertama is not None:
        signers.append(_signer(FIRST, pk.pihak_pertama))
    return SignaturesView(when, signers)


def _signer(label: str, party: PihakPk) -> SignerView:
    nip = f"{NIP} {format_nip(party.nip)}" if party.nip and party.nip.strip() else None
    return SignerView(label, position(party), party.nama, party.pangkat, nip)


# --- the lampiran's tables ---------------------------------------------------------------------

MakeColumn = Callable[[ColumnDef, str], Column]


def _columns(table: TableDef, make: MakeColumn, defaults: Mapping[str, str]) -> list[Column]:
    return [make(c, defaults.get(c.name, "")) for c in table.columns]


def targets_table(lampiran: PkContent) -> ExtraSource:
    """Table 1: a row per indicator carried, the sasaran (and its number) merged over its
    indicators."""

    def build(table: TableDef, make: MakeColumn) -> TableView:
        names = [c.name for c in table.columns]
        view = TableView(
            _columns(table, make, {"sasaran": lampiran.goal_header}), font_size=table.font_size
        )
        merged = frozenset(i for i, c in enumerate(table.columns) if c.merge)
        number = 0
        previous: str | None = None
        for row in lampiran.carried:
            first = row.goal != previous or previous is None
            if first:
                number += 1
            previous = row.goal
            ind = row.indicator
            values = {
                "no": str(number),
                "sasaran": row.goal,
                "indikator": ind.nama,
                "target": row.target_text,
                "satuan": ind.satuan or "",
            }
            cells = [values[n] if first or i not in merged else "" for i, n in enumerate(names)]
            source = ".".join(map(str, ind.path))
            view.rows.append(RowView(DATA, cells, frozenset() if first else merged, source))
        return view

    return build


def budget_table(lampiran: PkContent) -> ExtraSource:
    """Table 2: a row per program (kegiatan, sub kegiatan) with its anggaran; the Jumlah."""

    def build(table: TableDef, make: MakeColumn) -> TableView:
        names = [c.name for c in table.columns]
        view = TableView(
            _columns(table, make, {"uraian": lampiran.budget_header}), font_size=table.font_size
        )
        amounts = []
        for number, node in enumerate(lampiran.budget, start=1):
            amount = money(node)
            if amount is not None:
                amounts.append(amount)
            values = {
                "no": str(number),
                "kode": node.kode or "",
                "uraian": node.nama,
                "anggaran": rupiah(amount) if amount is not None else "",
            }
            source = ".".join(map(str, node.path))
            view.rows.append(RowView(DATA, [values[n] for n in names], source=source))
        if table.total is not None and "anggaran" in names:
            view.rows.append(total_row(table.total, names, {"anggaran": amounts}))
        view.keep_together = len(view.rows) <= KEEP_ROWS
        return view

    return build


def total_row(label: str, names: list[str], sums: Mapping[str, list[Decimal]]) -> RowView:
    """A Jumlah row: the label over the columns before the first summed one, each sum under
    its column."""
    first = min(names.index(n) for n in sums if n in names)
    cells = [label] + [""] * (len(names) - 1)
    for name, amounts in sums.items():
        if name in names and names.index(name) >= max(first, 1):
            cells[names.index(name)] = rupiah(sum(amounts, Decimal(0)))
    return RowView(TOTAL, cells, span=max(first, 1))


def changes_table(original: Original | None) -> ExtraSource:
    """A PK perubahan's changes: No | Uraian | Semula | Menjadi."""

    def build(table: TableDef, make: MakeColumn) -> TableView:
        names = [c.name for c in table.columns]
        view = TableView(_columns(table, make, {}), font_size=table.font_size)
        for number, change in enumerate(original.revisions if original else (), start=1):
            values = {
                "no": str(number),
                "uraian": revision_text(change),
                "semula": change.old or NONE,
                "menjadi": change.new or NONE,
            }
            view.rows.append(RowView(DATA, [values[n] for n in names]))
        view.keep_together = len(view.rows) <= KEEP_ROWS
        return view

    return build


def revision_text(change: Revision) -> str:
    key = (change.entity, (change.field or "") if change.kind == "changed" else change.kind)
    label = _REVISION_LABELS.get(key, f"{change.entity} {change.kind}".capitalize())
    return label if change.kind == "renamed" else f"{label}: {change.name}"


def pk_sources(lampiran: PkContent, original: Original | None) -> dict[str, ExtraSource]:
    return {
        "pk_kinerja": targets_table(lampiran),
        "pk_anggaran": budget_table(lampiran),
        "pk_perubahan": changes_table(original),
    }


# --- the document ------------------------------------------------------------------------------


def pk_title(pk: Pk) -> str:
    return TITLE_REVISED if pk.perubahan is not None else TITLE


def build_pk_view(
    plan: Plan,
    document: Document,
    pk: Pk,
    templates: Path | None = None,
    layout: Layout | None = None,
    original: Original | None = None,
) -> DocumentView:
    """The PK of `plan` in `layout` (default: templates/layouts/pk.yaml)."""
    lampiran = content(pk, hierarchy_of(plan))
    texts = FactTexts(templates, text_facts(plan, pk, lampiran, original))
    view = build_view(
        plan,
        document,
        texts,
        layout or layout_for_plan(plan, PK),
        sources=pk_sources(lampiran, original),
        title=pk_title(pk),
    )
    add_pk(view, plan, document, pk, texts)
    return view


def add_pk(view: DocumentView, plan: Plan, document: Document, pk: Pk, texts: FactTexts) -> None:
    """The PK's parties and signatures in `view` (a PK's, or a Laporan Kinerja's lampiran)."""
    view.parties = parties(pk, lambda name: texts(name, plan, document))
    view.signatures = signatures(plan, pk)
    where, name, nip = signer_of(plan, pk)
    view.signature = Signature(place_date(plan, pk), plan.instansi.nama, where, name, nip)
