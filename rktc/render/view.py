"""The document as it will be printed: plain strings in reading order.

Every renderer (docx, md, html, xlsx) consumes this one view, so the formats cannot show
different numbers. Values are formatted here, the Indonesian way.

Which tables the document has and what their columns print comes from its layout
(rktc.render.layout): each table reads one source and prints the columns the layout
chooses. This module says what each column of each source prints (`_ROW_CELLS`,
`_NODE_CELLS`, `_INDICATOR_CELLS`), builds every table the layout's outline shows, and
leaves out the sections that are printed only when their tables have something to show
(`jika_ada`). The renderers only walk the outline and print the TableViews.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any

from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, SASARAN, Document, Group, Row
from rktc.plan.formatting import long_date, number, rupiah, target
from rktc.plan.hierarchy import Goal, Hierarchy, Indicator, Node, hierarchy_of
from rktc.plan.schema2 import LEVEL_LABELS
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.values import Target
from rktc.render.layout import (
    EXTRA_COLUMNS,
    EXTRA_PREFIX,
    EXTRA_WIDTH,
    LEGACY_TABLES,
    ROW_SOURCES,
    ColumnDef,
    Layout,
    TableDef,
    drop_sections,
    layout_for_plan,
)
from rktc.render.outline import (
    CAPTIONED_TABLES,
    TABLE,
    Outline,
    Section,
    default_texts,
    table_id,
)

DATA, GROUP, SUBTOTAL, TOTAL = "data", "group", "subtotal", "total"


@dataclass(frozen=True)
class Column:
    key: str  # what the column holds: the layout's column name (`kolom` for the plan's own)
    header: str
    width: int  # relative width; renderers scale it to the page
    numeric: bool = False
    align: str = ""  # left, center or right as the layout says; "" as `key` and `numeric` have it
    lines: bool = False  # a cell may hold several lines, one per indicator


@dataclass(slots=True)  # 40,000 of them for 10,000 indicators: slots make them cheaper
class RowView:
    kind: str  # data | group | subtotal | total
    cells: list[str]
    continued: frozenset[int] = frozenset()  # columns that continue the cell above (merged)
    # Where a data row comes from in the plan, `program.0.kegiatan.1.indikator.0`: the HTML
    # edition writes it as `data-source`, so that `rktc preview` can mark rows by finding.
    source: str = ""
    bold: bool = False  # a data row of a matrix that heads the rows below it (a program)
    span: int = 1  # a group, subtotal or total row: the columns its label (cells[0]) covers
    # A matrix row of a node: how many of the table's rows it is printed under (0: a top
    # row, which the "Jumlah" sums; a row's children are the rows below it one deeper, up
    # to the next row not deeper than it). None: any other row (a node's second indicator
    # row, the rows of other sources). The XLSX writer makes parents' sums formulas by it.
    depth: int | None = None


@dataclass
class TableView:
    columns: list[Column]
    rows: list[RowView] = field(default_factory=list)
    font_size: float | None = None  # points; None: the document's table text
    # some rows are bold or some cells have several lines: the templates print such a
    # table's rows the slower way, and every other table's as fast as ever
    formatted: bool = False
    # a short table printed whole on one page (a PK's budget with its Jumlah): in the DOCX
    # every row keeps with the next
    keep_together: bool = False


@dataclass
class Signature:
    place_date: str
    institution: str
    position: str | None
    name: str
    nip: str | None


Captioned = list[tuple[str, TableView]]


# --- the Perjanjian Kinerja's and the Laporan Kinerja's own blocks (rktc.render.pk, lkjip) ---


@dataclass
class PartyView:
    """A party of a PK as its block prints it: label/value lines (Nama, Jabatan), then
    what the agreement calls it ("selanjutnya disebut pihak pertama")."""

    lines: list[tuple[str, str]]
    role: list[str]


@dataclass
class SignerView:
    """One column of the PK's signatures: "PIHAK KEDUA,", the jabatan (with "Plt."), the
    NAME (bold), the pangkat where given, "NIP. 19591128 198603 1 003" where there is one."""

    label: str
    position: str
    name: str
    rank: str | None = None
    nip: str | None = None


@dataclass
class SignaturesView:
    """Place and date over the right column; the signers left to right (pihak kedua, pihak
    pertama; a single signer: one, on the right)."""

    place_date: str
    signers: list[SignerView]


@dataclass
class Picture:
    """A picture the document shows (the capaian chart): PNG for DOCX and Markdown, SVG for
    HTML, both of the same drawing; `alt` says in words what it shows."""

    png: bytes
    png_base64: str
    svg: str
    alt: str
    caption: str
    width_cm: float


# A table source of another document (the PK's, the LKjIP's): its TableView, from the
# layout's table and a function that makes a printed column (`(column, default header)`).
ExtraSource = Callable[[TableDef, Callable[[ColumnDef, str], Column]], TableView]


@dataclass
class DocumentView:
    title: str
    year: int
    institution: str
    short_name: str
    parent: str | None
    logo: str | None
    cover_title: str
    cover_institution: str
    cover_parent: str | None
    kata_pengantar: list[str]
    ringkasan_eksekutif: list[str]
    signature: Signature
    renstra_period: str
    renstra_decree: str | None
    visi: str
    makna: list[tuple[str, str]]
    misi: list[str]
    tujuan: list[str]
    sasaran: list[str]
    # The KPU layout's tables keep fields of their own (`LEGACY_TABLES`); every other
    # table of a layout is in `tables`, by its id.
    indikator: TableView
    programs: Captioned
    rkt: TableView
    apbn: TableView
    texts: dict[str, list[str]] = field(default_factory=dict)
    tables: dict[str, TableView | Captioned] = field(default_factory=dict)
    dasar_hukum: list[str] = field(default_factory=list)
    outline: Outline = field(default_factory=lambda: Outline("", ()))
    # the PK and the LKjIP (rktc.render.pk, rktc.render.lkjip); an RKT has none of them
    document: str = "rkt"
    parties: list[PartyView] = field(default_factory=list)
    signatures: SignaturesView | None = None
    pictures: dict[str, Picture] = field(default_factory=dict)


def paragraphs(text: str | None) -> list[str]:
    """Split a text into paragraphs at blank lines; lines inside a paragraph are joined."""
    if not text:
        return []
    blocks = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in text.replace("\r\n", "\n").split("\n\n")
    ]
    return [b for b in blocks if b]


def _number_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _text(value: str | None) -> str:
    return value or ""


# Targets as printed, by identity, for one build (`build_view` clears it): a plan's targets
# are many and mostly distinct, too many for `formatting.target`'s cache, whose key is a
# Target's hash over all its fields (measured: 0.26 -> 0.05 s for a Pemda plan of 10,000).
_SHOWN: dict[int, tuple[Target, str]] = {}


def _target_text(value: Target | None) -> str:
    if value is None:
        return ""
    found = _SHOWN.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    shown = target(value)
    _SHOWN[id(value)] = (value, shown)
    return shown


def _rupiah_text(value: Decimal | None) -> str:
    return "" if value is None else rupiah(value)


def _decimal_text(value: Decimal | None) -> str:
    return "" if value is None else number(value)


# --- what the columns print --------------------------------------------------------------------

# The KPU document's rows (rktc.plan.document.Row): how the columns that do not hold text
# print their values (text columns use _text).
_CELL_FORMATS: dict[str, Callable[[Any], str]] = {
    "no": _number_text,
    "target": _target_text,
    "anggaran": _rupiah_text,
}


def _printed_target(ind: Indicator) -> str:
    return ind.target_tampil or _target_text(ind.target)


def _year(values: Mapping[int, Target], year: int) -> str:
    return _target_text(values.get(year))


def _capaian_n1(ind: Indicator, year: int) -> str:
    """Prakiraan capaian n-1: the year's realisasi when the plan gives it, else its target."""
    found = ind.realisasi_tahunan.get(year - 1) or ind.target_tahunan.get(year - 1)
    return _target_text(found)


# An indicator's fields as the layout's column names (`year`: the plan's year).
_INDICATOR_CELLS: dict[str, Callable[[Indicator, int], str]] = {
    "indikator": lambda ind, _: ind.nama,
    "satuan": lambda ind, _: ind.satuan or "",
    "target": lambda ind, _: _printed_target(ind),
    "baseline": lambda ind, _: _target_text(ind.baseline),
    "target_akhir": lambda ind, _: _target_text(ind.target_akhir),
    "realisasi_n2": lambda ind, year: _year(ind.realisasi_tahunan, year - 2),
    "capaian_n1": _capaian_n1,
    "target_n1": lambda ind, year: _year(ind.target_tahunan, year + 1),
    "target_tw1": lambda ind, _: _year(ind.target_triwulan, 1),
    "target_tw2": lambda ind, _: _year(ind.target_triwulan, 2),
    "target_tw3": lambda ind, _: _year(ind.target_triwulan, 3),
    "target_tw4": lambda ind, _: _year(ind.target_triwulan, 4),
    "polaritas": lambda ind, _: ind.polaritas,
    "definisi": lambda ind, _: ind.definisi or "",
    "formula": lambda ind, _: ind.formula or "",
    "sumber_data": lambda ind, _: ind.sumber_data or "",
    "penanggung_jawab": lambda ind, _: ind.penanggung_jawab or "",
}
_RENJA = ("lokasi", "sumber_dana", "kelompok_sasaran", "prioritas", "waktu_pelaksanaan")
_MONEY = ("anggaran", "pagu", "pagu_n1")  # columns that hold an amount, and are summed


class _Context:
    """What the tables of one document are made from, each computed once."""

    def __init__(self, plan: Plan, document: Document, title: str | None = None) -> None:
        self.plan = plan
        self.document = document
        self.year = plan.tahun
        self.merge = not document.literal
        self.facts = {
            "year": str(plan.tahun),
            "SHORT_NAME": (plan.instansi.singkatan or plan.instansi.nama).upper(),
            "INSTITUTION": plan.instansi.nama.upper(),
            "TITLE": (title or plan.judul).upper(),
        }
        self._money: dict[int, Decimal | None] = {}
        self._ahead: dict[int, Decimal | None] = {}

    @functools.cached_property
    def hierarchy(self) -> Hierarchy:
        return hierarchy_of(self.plan)

    @functools.cached_property
    def levels_present(self) -> set[str]:
        return {node.level for node in self.hierarchy.nodes()}

    @functools.cached_property
    def extras_by_path(self) -> dict[tuple[str | int, ...], Mapping[str, str]]:
        """The plan's own columns of every node and indicator that has some, by the path
        of its name (`Row.paths` of the KPU tables point there)."""
        found: dict[tuple[str | int, ...], Mapping[str, str]] = {}
        for node in self.hierarchy.nodes():
            if node.extra:
                found[node.at("nama")] = node.extra
            for use in node.indicators:
                if use.indicator.extra:
                    found[use.indicator.at("nama")] = use.indicator.extra
        return found

    def header(self, text: str) -> str:
        return text.format(**self.facts) if "{" in text else text

    def money(self, node: Node) -> Decimal | None:
        """A leaf's anggaran; a parent's stated pagu, else the sum of its children's."""
        key = id(node)
        if key not in self._money:
            if node.leaf:
                self._money[key] = node.anggaran
            elif node.pagu is not None:
                self._money[key] = node.pagu
            else:
                self._money[key] = _sum_known(self.money(c) for c in node.children)
        return self._money[key]

    def money_ahead(self, node: Node) -> Decimal | None:
        """Prakiraan maju: a leaf's pagu n+1, a parent's the sum of its children's."""
        key = id(node)
        if key not in self._ahead:
            if node.leaf or not node.children:
                self._ahead[key] = node.pagu_maju
            else:
                self._ahead[key] = _sum_known(self.money_ahead(c) for c in node.children)
        return self._ahead[key]


def _sum_known(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the amounts that are there; None when none is."""
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def _lines(
    indicators: Iterable[Indicator], show: Callable[[Indicator, int], str], year: int
) -> str:
    """One line per indicator (SIPD: several indicators of a row share one cell)."""
    texts = [show(ind, year) for ind in indicators]
    return "\n".join(texts) if any(texts) else ""


def _node_money(ctx: _Context, node: Node, _: tuple[Node, ...]) -> str:
    return _rupiah_text(ctx.money(node))


def _level_cell(level: str) -> Callable[[_Context, Node, tuple[Node, ...]], str]:
    def show(ctx: _Context, node: Node, ancestors: tuple[Node, ...]) -> str:
        found = _at_level(node, ancestors, level)
        return found.nama if found is not None else ""

    return show


def _at_level(node: Node, ancestors: tuple[Node, ...], level: str) -> Node | None:
    if node.level == level:
        return node
    return next((a for a in ancestors if a.level == level), None)


def _attr_cell(name: str) -> Callable[[_Context, Node, tuple[Node, ...]], str]:
    return lambda ctx, node, _: node.attrs.get(name, "")


# A node's fields as the layout's column names (the matrix, the K/L tables).
_NODE_CELLS: dict[str, Callable[[_Context, Node, tuple[Node, ...]], str]] = {
    "kode": lambda ctx, node, _: node.kode or "",
    "uraian": lambda ctx, node, _: node.nama,
    "tingkat": lambda ctx, node, _: LEVEL_LABELS.get(node.level, node.level),
    "sasaran": lambda ctx, node, _: node.sasaran or "",
    "anggaran": _node_money,
    "pagu": _node_money,
    "pagu_n1": lambda ctx, node, _: _rupiah_text(ctx.money_ahead(node)),
    "volume": lambda ctx, node, _: _decimal_text(node.volume),
    "satuan_volume": lambda ctx, node, _: node.satuan or "",
    "penanggung_jawab": _attr_cell("penanggung_jawab"),
    **{name: _attr_cell(name) for name in _RENJA},
    **{level: _level_cell(level) for level in LEVEL_LABELS},
}


# --- building the tables -----------------------------------------------------------------------


@dataclass
class _Built:
    """A table (or captioned tables) and the layout name of each of its columns."""

    value: TableView | Captioned
    names: list[str]

    def tables(self) -> list[TableView]:
        return [t for _, t in self.value] if isinstance(self.value, list) else [self.value]


def _view_column(
    ctx: _Context, column: ColumnDef, default_header: str = "", key: str | None = None
) -> Column:
    """The printed column: its key (`kolom` for the plan's own columns) and its header,
    with the document's facts filled in."""
    if key is None:
        key = "kolom" if column.extra is not None else column.name
    header = ctx.header(column.header or default_header)
    return Column(key, header, column.width, column.numeric, column.align, column.lines)


def _with_extras(
    table: TableDef, found: Iterable[Mapping[str, str]], absorbed: Iterable[str] = ()
) -> list[ColumnDef]:
    """The table's columns, and after them the plan's own columns it does not print
    (when the layout lets it: `kolom_lain`), in the order the plan first writes them.
    `absorbed`: headers of the plan's own columns that a column of the table prints."""
    columns = list(table.columns)
    if not table.extra_columns:
        return columns
    printed = {c.extra for c in columns if c.extra is not None} | set(absorbed)
    headers: dict[str, None] = {}
    for extra in found:
        headers.update(dict.fromkeys(h for h in extra if h not in printed))
    if not headers:
        return columns
    # each as wide as the table's columns are on average, its room taken (up to two thirds
    # of what they have over that) from the wider text columns (names, indicators), so that
    # a code or an amount keeps the width the layout gives it on the page; the rest of the
    # room, from all columns alike (widths are relative to each other)
    total = sum(c.width for c in columns)
    width = max(EXTRA_WIDTH, round(total / max(len(columns), 1)))
    wide = {
        c.name
        for c in columns
        if c.width > width and not c.numeric and c.name not in ("no", "kode")
    }
    room = sum(c.width - width for c in columns if c.name in wide)
    needed = min(width * len(headers), room * 2 // 3)
    columns = [
        _narrowed(c, needed * (c.width - width) // room) if c.name in wide else c for c in columns
    ]
    columns.extend(ColumnDef(EXTRA_PREFIX + h, h, width) for h in headers)
    return columns


def _narrowed(column: ColumnDef, by: int) -> ColumnDef:
    return ColumnDef(
        column.name,
        column.header,
        column.width - by,
        column.numeric,
        column.align,
        column.merge,
        column.lines,
    )


def _folded(header: str) -> str:
    """A header compared with another: its letters and digits, in lower case."""
    return "".join(ch for ch in header.casefold() if ch.isalnum())


def _total_row(
    kind: str, label: str, columns: list[ColumnDef], amounts: dict[str, Decimal | None]
) -> RowView | None:
    """A "Jumlah" row: the label over the columns before the first amount, then the sum of
    each money column (`amounts`, by column name). None when the table has no money column
    or nothing to sum."""
    money = [i for i, c in enumerate(columns) if c.name in amounts]
    if not money or all(amounts[columns[i].name] is None for i in money):
        return None
    cells = [label] + [""] * (len(columns) - 1)
    span = max(money[0], 1)
    for i in money:
        if i >= span:
            cells[i] = _rupiah_text(amounts[columns[i].name])
    return RowView(kind, cells, span=span)


def _group_row(label: str, width: int) -> RowView:
    return RowView(GROUP, [label] + [""] * (width - 1), span=width)


# the KPU document's rows ------------------------------------------------------------------------


def _rows(ctx: _Context, rows: list[Row], columns: list[ColumnDef]) -> list[RowView]:
    """Data rows; a kegiatan's later rows continue the cells of the merging columns (its
    kegiatan and anggaran) in a plan written as a single source.

    Formatted column by column, one map over each column: cheaper than visiting each
    cell of each row (measured: 0.2 -> 0.14 s for the 40,000 rows of 10,000 indicators).
    """
    merged = frozenset(i for i, c in enumerate(columns) if c.merge)
    continues = _continues(rows) if ctx.merge and merged else [False] * len(rows)
    texts = []
    for i, column in enumerate(columns):
        if column.extra is not None:
            column_texts = _row_extras(ctx, rows, column.extra)
        else:
            show = _CELL_FORMATS.get(column.name, _text)
            column_texts = list(map(show, map(attrgetter(column.name), rows)))
        if i in merged:
            column_texts = [
                "" if c else text for text, c in zip(column_texts, continues, strict=True)
            ]
        texts.append(column_texts)
    none: frozenset[int] = frozenset()
    sources = map(_source, [row.paths["row"] for row in rows])
    return [
        RowView(DATA, list(cells), merged if c else none, source)
        for cells, c, source in zip(zip(*texts, strict=True), continues, sources, strict=True)
    ]


def _row_extras(ctx: _Context, rows: list[Row], header: str) -> list[str]:
    """A column of the plan's own: the kegiatan's value, else its indicator's."""
    if ctx.document.literal:
        return [""] * len(rows)
    by_path = ctx.extras_by_path
    out = []
    for row in rows:
        node = by_path.get(row.paths.get("kegiatan", ()), {})
        indicator = by_path.get(row.paths.get("indikator", ()), {})
        out.append(node.get(header) or indicator.get(header) or "")
    return out


def _row_extra_headers(ctx: _Context, rows: list[Row]) -> Iterator[Mapping[str, str]]:
    if ctx.document.literal or not ctx.extras_by_path:
        return
    by_path = ctx.extras_by_path
    for row in rows:
        for name in ("kegiatan", "indikator"):
            found = by_path.get(row.paths.get(name, ()))
            if found:
                yield found


@functools.lru_cache(maxsize=1 << 16)
def _source(path: tuple[str | int, ...]) -> str:
    """A row's place in the plan as text; cached, as each indicator prints in several tables."""
    return ".".join(map(str, path))


def _continues(rows: list[Row]) -> list[bool]:
    """Rows that continue the kegiatan above them (the kegiatan's anggaran is printed once)."""
    kegiatan = [row.paths.get("kegiatan") for row in rows]
    return [
        i > 0 and row.anggaran is None and kegiatan[i] == kegiatan[i - 1]
        for i, row in enumerate(rows)
    ]


def _sum(rows: list[Row]) -> Decimal | None:
    known = [r.anggaran for r in rows if r.anggaran is not None]
    return sum(known, Decimal(0)) if known else None


def _row_table(ctx: _Context, table: TableDef, rows: list[Row]) -> tuple[TableView, list[str]]:
    columns = _with_extras(table, _row_extra_headers(ctx, rows))
    view = TableView(
        [_view_column(ctx, c) for c in columns], _rows(ctx, rows, columns), table.font_size
    )
    if table.total is not None:
        total = _total_row(TOTAL, table.total, columns, {"anggaran": _sum(rows)})
        if total is not None:
            view.rows.append(total)
    return view, [c.name for c in columns]


def _grouped_rows(ctx: _Context, table: TableDef, groups: list[Group]) -> _Built:
    """The APBN matrix: a heading row per program, its rows, its subtotal; the total."""
    everything = [row for group in groups for row in group.rows]
    columns = _with_extras(table, _row_extra_headers(ctx, everything))
    view = TableView([_view_column(ctx, c) for c in columns], font_size=table.font_size)
    for group in groups:
        view.rows.append(_group_row(group.program, len(columns)))
        view.rows.extend(_rows(ctx, group.rows, columns))
        if table.subtotal is not None:
            label = f"{table.subtotal} {group.program}"
            sub = _total_row(SUBTOTAL, label, columns, {"anggaran": _sum(group.rows)})
            if sub is not None:
                view.rows.append(sub)
    if table.total is not None:
        total = _total_row(TOTAL, table.total, columns, {"anggaran": _sum(everything)})
        if total is not None:
            view.rows.append(total)
    return _Built(view, [c.name for c in columns])


def _document_table(ctx: _Context, table: TableDef) -> _Built:
    kind = {"indikator": INDIKATOR, "program": PROGRAM, "rkt": RKT, "apbn": APBN}[table.source]
    found = ctx.document.table(kind)
    if table.source == "apbn":
        return _grouped_rows(ctx, table, found.groups if found else [])
    if table.source == "program":
        captioned: Captioned = []
        names: list[str] = []
        for group in found.groups if found else []:
            view, names = _row_table(ctx, table, group.rows)
            captioned.append((group.program, view))
        return _Built(captioned, names)
    view, names = _row_table(ctx, table, found.rows if found else [])
    return _Built(view, names)


# the hierarchy ----------------------------------------------------------------------------------


NodeCell = Callable[[Node, tuple[Node, ...]], str]


def _node_cells(ctx: _Context, columns: list[ColumnDef]) -> list[NodeCell]:
    """How each column shows a node: its own field, or its indicators one per line."""
    return [_node_cell(ctx, column) for column in columns]


def _node_cell(ctx: _Context, column: ColumnDef) -> NodeCell:
    year = ctx.year
    header = column.extra
    if header is not None:
        return functools.partial(_node_extra, header=header, year=year)
    if column.name in _NODE_CELLS:
        return functools.partial(_NODE_CELLS[column.name], ctx)
    if column.name == "no":
        return _blank  # numbered by the caller
    show = _INDICATOR_CELLS[column.name]

    def indicators(node: Node, ancestors: tuple[Node, ...]) -> str:
        uses = node.indicators
        if len(uses) == 1:  # most nodes: no lines to join
            return show(uses[0].indicator, year)
        return _lines([use.indicator for use in uses], show, year)

    return indicators


def _blank(node: Node, ancestors: tuple[Node, ...]) -> str:
    return ""


def _node_extra(node: Node, ancestors: tuple[Node, ...], header: str, year: int) -> str:
    """A column of the plan's own: the node's value, else its indicators', one per line."""
    if header in node.extra:
        return node.extra[header]
    return _lines(
        (use.indicator for use in node.indicators),
        lambda ind, _: ind.extra.get(header, ""),
        year,
    )


def _node_extras(nodes: Iterable[Node]) -> Iterator[Mapping[str, str]]:
    for node in nodes:
        if node.extra:
            yield node.extra
        for use in node.indicators:
            if use.indicator.extra:
                yield use.indicator.extra


def _uraian_header(ctx: _Context, table: TableDef) -> str:
    """A matrix's `uraian` column named after the levels it lists: Program/ Kegiatan/ ..."""
    present = ctx.levels_present
    levels = [
        level
        for level in ctx.hierarchy.levels
        if level in present and (not table.levels or level in table.levels)
    ]
    return "/ ".join(LEVEL_LABELS.get(level, level) for level in levels) or "Uraian"


def _matrix(ctx: _Context, table: TableDef) -> _Built:
    """A row per node in plan order (of the levels `tingkat` names): codes, names, their
    indicators one per line, money; rows that head others in bold; a "Jumlah" row."""
    wanted = set(table.levels)
    entries: list[tuple[Node, tuple[Node, ...], bool]] = []  # node, ancestors, a top row

    def visit(node: Node, ancestors: tuple[Node, ...], printed_above: bool) -> None:
        shown = not wanted or node.level in wanted
        if shown:
            entries.append((node, ancestors, not printed_above))
        for child in node.children:
            visit(child, (*ancestors, node), printed_above or shown)

    for root in ctx.hierarchy.roots:
        visit(root, (), False)
    # the rows that head rows printed below them are in bold (a program over its kegiatan)
    printed = {id(node) for node, _, _ in entries}
    heads = {id(a) for _, ancestors, _ in entries for a in ancestors if id(a) in printed}
    header = _uraian_header(ctx, table)
    # a published matrix keeps the columns the format does not model as its own; one whose
    # header is a column's of this table (SIPD's "Realisasi Capaian Tahun n-2") fills it
    by_header = {
        _folded(ctx.header(c.header or header)): i
        for i, c in enumerate(table.columns)
        if c.extra is None
    }
    absorbing: dict[str, int] = {}
    for extra in _node_extras(node for node, _, _ in entries):
        for key in extra:
            if _folded(key) in by_header:
                absorbing[key] = by_header[_folded(key)]
    columns = _with_extras(table, _node_extras(node for node, _, _ in entries), absorbing)
    shows = _node_cells(ctx, columns)
    # the matrix's money is not summed down its column (a program's pagu is the sum of its
    # kegiatan's): its key is `pagu`, never the `anggaran` of a table of summands
    view = TableView(
        [
            _view_column(
                ctx,
                c,
                header if c.name == "uraian" else "",
                "pagu" if c.name in ("anggaran", "pagu") else None,
            )
            for c in columns
        ],
        font_size=table.font_size,
    )
    numbered = [i for i, c in enumerate(columns) if c.name == "no"]
    level_columns = [
        (i, c.name) for i, c in enumerate(columns) if c.merge and c.name in LEVEL_LABELS
    ]
    # with `baris_per_indikator`: the columns that show an indicator, a row for each
    per_indicator = [
        i
        for i, c in enumerate(columns)
        if table.indicator_rows and (c.name in _INDICATOR_CELLS or c.extra is not None)
    ]
    above: set[int] = set()  # the row above and the rows it is under (ids)
    for number_, (node, ancestors, _) in enumerate(entries, start=1):
        cells = [show(node, ancestors) for show in shows]
        for i in numbered:
            cells[i] = str(number_)
        if absorbing and node.extra:
            for key, i in absorbing.items():
                if not cells[i] and node.extra.get(key):
                    cells[i] = node.extra[key]
        continued = frozenset(
            i
            for i, level in level_columns
            if (found := _at_level(node, ancestors, level)) is not None
            and found is not node
            and id(found) in above
        )
        for i in continued:
            cells[i] = ""
        source = _source(node.path)
        depth = sum(1 for a in ancestors if id(a) in printed)
        if len(node.indicators) < 2 or not per_indicator:
            view.rows.append(
                RowView(DATA, cells, continued, source, bold=id(node) in heads, depth=depth)
            )
        else:
            view.rows.extend(
                _indicator_rows_of(
                    ctx, node, cells, continued, columns, per_indicator, id(node) in heads, depth
                )
            )
        above = {id(n) for n in (*ancestors, node)}
    if table.total is not None:
        tops = [node for node, _, top in entries if top]
        amounts = {
            "anggaran": _sum_known(ctx.money(n) for n in tops),
            "pagu": _sum_known(ctx.money(n) for n in tops),
            "pagu_n1": _sum_known(ctx.money_ahead(n) for n in tops),
        }
        total = _total_row(TOTAL, table.total, columns, amounts)
        if total is not None:
            view.rows.append(total)
    return _Built(view, [c.name for c in columns])


ItemCell = Callable[[Any], str]


def _indicator_rows_of(
    ctx: _Context,
    node: Node,
    cells: list[str],
    continued: frozenset[int],
    columns: list[ColumnDef],
    per_indicator: list[int],
    bold: bool,
    depth: int,
) -> Iterator[RowView]:
    """A node's row split into a row per indicator: the node's cells on the first, merged
    over the others; each indicator column shows one indicator per row (a column of the
    plan's own that the node itself fills is the node's)."""
    own = [i for i in per_indicator if (columns[i].extra or "") not in node.extra]
    merged_below = continued | (frozenset(range(len(columns))) - frozenset(own))
    for k, use in enumerate(node.indicators):
        ind = use.indicator
        row = list(cells) if k == 0 else [""] * len(cells)
        for i in own:
            header = columns[i].extra
            if header is not None:
                row[i] = ind.extra.get(header, "")
            else:
                row[i] = _INDICATOR_CELLS[columns[i].name](ind, ctx.year)
        source = _source(node.path if k == 0 else use.entry_path)
        yield RowView(
            DATA,
            row,
            merged_below if k else continued,
            source,
            bold=bold,
            depth=None if k else depth,
        )


def _indicator_rows(
    ctx: _Context,
    table: TableDef,
    items: list[tuple[Any, list[Indicator], list[str]]],
    item_cells: Mapping[str, ItemCell],
    item_extras: Callable[[Any], Mapping[str, str]],
) -> tuple[TableView, list[ColumnDef]]:
    """One row per indicator of each item (a goal, a program ...), the item's own cells
    printed on its first row and continued (merged) below where the column merges; an
    item without indicators gets one row. `items`: (item, its indicators, their sources).
    A column of the plan's own prints the item's value if it has one, else the indicator's."""
    found: list[Mapping[str, str]] = []
    for item, indicators, _ in items:
        found.append(item_extras(item))
        found.extend(ind.extra for ind in indicators)
    columns = _with_extras(table, found)
    view = TableView([_view_column(ctx, c) for c in columns], font_size=table.font_size)
    year = ctx.year
    for number_, (item, indicators, sources) in enumerate(items, start=1):
        extras = item_extras(item)
        own: dict[int, str] = {}  # the item's cells, by column
        for i, column in enumerate(columns):
            if column.name == "no":
                own[i] = str(number_)
            elif column.name in item_cells:
                own[i] = item_cells[column.name](item)
            elif column.extra is not None and column.extra in extras:
                own[i] = extras[column.extra]
        merged = frozenset(i for i in own if columns[i].merge)
        for k, ind in enumerate(indicators or [None]):
            cells = []
            for i, column in enumerate(columns):
                if i in own:
                    cells.append("" if k and i in merged else own[i])
                elif ind is None:
                    cells.append("")
                elif column.extra is not None:
                    cells.append(ind.extra.get(column.extra, ""))
                else:
                    cells.append(_INDICATOR_CELLS[column.name](ind, year))
            source = sources[k] if ind is not None else ""
            view.rows.append(RowView(DATA, cells, merged if k else frozenset(), source))
    return view, columns


def _item_cell(ctx: _Context, name: str) -> ItemCell:
    show = _NODE_CELLS[name]

    def cell(node: Any) -> str:
        return show(ctx, node, ())

    return cell


def _no_extras(item: Any) -> Mapping[str, str]:
    return {}


def _goal_table(ctx: _Context, table: TableDef, goals: list[Goal], name: str) -> _Built:
    """Tujuan or sasaran strategis with their indicators (IKU), one indicator per row."""
    items = [
        (
            goal,
            [use.indicator for use in goal.indicators],
            [_source(use.entry_path) for use in goal.indicators],
        )
        for goal in goals
    ]
    cells: dict[str, ItemCell] = {
        "kode": lambda goal: goal.kode or goal.id or "",
        name: lambda goal: goal.nama,
    }
    view, columns = _indicator_rows(ctx, table, items, cells, _no_extras)
    return _Built(view, [c.name for c in columns])


def _level_table(ctx: _Context, table: TableDef, level: str) -> _Built:
    """K/L: each program's (kegiatan's) sasaran and its indicators, one per row."""
    nodes = [node for node in ctx.hierarchy.nodes() if node.level == level]
    items = [
        (
            node,
            [use.indicator for use in node.indicators],
            [_source(use.entry_path) for use in node.indicators],
        )
        for node in nodes
    ]
    cells = {name: _item_cell(ctx, name) for name in ("kode", "uraian", "sasaran", "anggaran")}
    view, columns = _indicator_rows(ctx, table, items, cells, attrgetter("extra"))
    if table.total is not None:
        money = _sum_known(ctx.money(n) for n in nodes)
        total = _total_row(TOTAL, table.total, columns, {"anggaran": money})
        if total is not None:
            view.rows.append(total)
    return _Built(view, [c.name for c in columns])


def _leaf_groups(ctx: _Context, table: TableDef) -> _Built:
    """K/L: the rincian output (the leaves) under a heading row per KRO (their parent),
    each KRO's subtotal, and the total."""
    groups: list[tuple[Node, list[Node]]] = []
    for node in ctx.hierarchy.nodes():
        leaves = [child for child in node.children if child.leaf]
        if leaves and any(child.level == "ro" for child in leaves):
            groups.append((node, leaves))
    columns = _with_extras(table, _node_extras(leaf for _, leaves in groups for leaf in leaves))
    shows = [
        _ro_satuan if c.name == "satuan" else show
        for c, show in zip(columns, _node_cells(ctx, columns), strict=True)
    ]
    view = TableView([_view_column(ctx, c) for c in columns], font_size=table.font_size)
    numbered = [i for i, c in enumerate(columns) if c.name == "no"]
    count = 0
    everything: list[Node] = []
    for parent, leaves in groups:
        label = " ".join(part for part in (parent.kode, parent.nama) if part)
        view.rows.append(_group_row(label, len(columns)))
        for leaf in leaves:
            count += 1
            cells = [show(leaf, (parent,)) for show in shows]
            for i in numbered:
                cells[i] = str(count)
            view.rows.append(RowView(DATA, cells, source=_source(leaf.path)))
        if table.subtotal is not None:
            amounts = {"anggaran": _sum_known(ctx.money(leaf) for leaf in leaves)}
            sub = _total_row(SUBTOTAL, f"{table.subtotal} {label}", columns, amounts)
            if sub is not None:
                view.rows.append(sub)
        everything.extend(leaves)
    if table.total is not None:
        amounts = {"anggaran": _sum_known(ctx.money(leaf) for leaf in everything)}
        total = _total_row(TOTAL, table.total, columns, amounts)
        if total is not None:
            view.rows.append(total)
    return _Built(view, [c.name for c in columns])


def _ro_satuan(node: Node, ancestors: tuple[Node, ...]) -> str:
    return node.satuan or ""


def _build(
    ctx: _Context, table: TableDef, sources: Mapping[str, ExtraSource] | None = None
) -> _Built:
    if sources is not None and table.source in sources:
        made = sources[table.source](table, functools.partial(_view_column, ctx))
        built = _Built(made, [c.name for c in table.columns])
    else:
        built = _build_rows(ctx, table)
    for view in built.tables():
        view.formatted = any(c.lines for c in view.columns) or any(r.bold for r in view.rows)
    return built


def _build_rows(ctx: _Context, table: TableDef) -> _Built:
    source = table.source
    if source in ROW_SOURCES:
        return _document_table(ctx, table)
    if source == "matriks":
        return _matrix(ctx, table)
    if source == "iku":
        return _goal_table(ctx, table, ctx.hierarchy.sasaran, "sasaran")
    if source == "tujuan":
        return _goal_table(ctx, table, ctx.hierarchy.tujuan, "tujuan")
    if source == "sasaran_program":
        return _level_table(ctx, table, "program")
    if source == "sasaran_kegiatan":
        return _level_table(ctx, table, "kegiatan")
    return _leaf_groups(ctx, table)


# --- the printed outline -----------------------------------------------------------------------


def _used_tables(outline: Outline) -> list[str]:
    return list(
        dict.fromkeys(
            table_id(block.source)
            for _, section in outline.sections()
            for block in section.blocks
            if block.kind in (TABLE, CAPTIONED_TABLES)
        )
    )


def _shows_something(section: Section, built: Mapping[str, _Built]) -> bool:
    """Whether a section's tables have a value in a column its `jika_ada` names."""
    wanted = set(section.only_if)
    for name in _section_tables(section):
        found = built.get(name)
        if found is None:
            continue
        indices = [
            i
            for i, name in enumerate(found.names)
            if name in wanted or (EXTRA_COLUMNS in wanted and name.startswith(EXTRA_PREFIX))
        ]
        for table in found.tables():
            for row in table.rows:
                if row.kind == DATA and any(row.cells[i] for i in indices):
                    return True
    return False


def _section_tables(section: Section) -> Iterator[str]:
    for block in section.blocks:
        if block.kind in (TABLE, CAPTIONED_TABLES):
            yield table_id(block.source)
    for child in section.sections:
        yield from _section_tables(child)


def _printed(outline: Outline, built: Mapping[str, _Built]) -> Outline:
    """The outline without the sections that have nothing to show (`jika_ada`)."""
    dropped = {
        section.key
        for _, section in outline.sections()
        if section.only_if and not _shows_something(section, built)
    }
    if not dropped:
        return outline
    return Outline(outline.name, drop_sections(outline.parts, dropped))


# --- the view ----------------------------------------------------------------------------------


def build_view(
    plan: Plan,
    document: Document,
    text_for: Callable[[str, Plan, Document], list[str]],
    layout: Layout | None = None,
    *,
    sources: Mapping[str, ExtraSource] | None = None,
    title: str | None = None,
) -> DocumentView:
    """Assemble the printed document in `layout` (by default the one of the plan's kind of
    office); `text_for(name, ...)` supplies default texts: the kata pengantar and ringkasan
    a plan does not write, and those the layout's outline shows. `sources` builds the
    tables of another document's sources (the PK's, the LKjIP's: rktc.render.pk, lkjip),
    `title` is that document's (the `{TITLE}` of headings; default: the plan's `judul`)."""
    layout = layout or layout_for_plan(plan)
    _SHOWN.clear()
    ctx = _Context(plan, document, title)
    built = {
        name: _build(ctx, layout.table(name), sources) for name in _used_tables(layout.outline)
    }
    outline = _printed(layout.outline, built)
    legacy: dict[str, Any] = {
        "indikator": TableView([]),
        "programs": [],
        "rkt": TableView([]),
        "apbn": TableView([]),
    }
    tables: dict[str, TableView | Captioned] = {}
    for name, found in built.items():
        if name in LEGACY_TABLES:
            legacy[name] = found.value
        else:
            tables[name] = found.value
    sasaran_t = document.table(SASARAN)
    sampul = plan.sampul
    signer = plan.penandatangan
    return DocumentView(
        title=title or plan.judul,
        year=plan.tahun,
        institution=plan.instansi.nama,
        short_name=plan.instansi.singkatan or plan.instansi.nama,
        parent=plan.instansi.induk,
        logo=plan.instansi.logo,
        cover_title=(sampul.judul if sampul and sampul.judul else plan.judul),
        cover_institution=(sampul.instansi if sampul and sampul.instansi else plan.instansi.nama),
        cover_parent=(sampul.induk if sampul and sampul.induk else plan.instansi.induk),
        kata_pengantar=paragraphs(plan.kata_pengantar)
        or text_for("kata_pengantar", plan, document),
        ringkasan_eksekutif=paragraphs(plan.ringkasan_eksekutif)
        or text_for("ringkasan_eksekutif", plan, document),
        signature=Signature(
            place_date=f"{signer.tempat}, {long_date(signer.tanggal)}",
            institution=signer.instansi or plan.instansi.nama,
            position=signer.jabatan,
            name=signer.nama,
            nip=signer.nip,
        ),
        renstra_period="{}-{}".format(*plan.renstra.periode),
        renstra_decree=plan.renstra.keputusan,
        visi=plan.visi.teks,
        makna=[(m.kata, m.arti) for m in plan.visi.makna],
        misi=list(plan.misi),
        tujuan=[t if isinstance(t, str) else t.nama for t in plan.tujuan],
        sasaran=[r.sasaran or "" for r in (sasaran_t.rows if sasaran_t else [])],
        texts={name: text_for(name, plan, document) for name in default_texts(outline)},
        tables=tables,
        dasar_hukum=list(plan.dasar_hukum),
        outline=outline,
        document=layout.document,
        **legacy,
    )
