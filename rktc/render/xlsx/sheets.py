"""The document's tables as worksheets: typed cells, merges, outline levels, formulas.

Which tables exist, their order and their titles come from the outline (`workbook_tables`);
each table's columns and rows (data, group, subtotal, total; merged continuations) from
the view, so a layout for another kind of office gives its own workbook with no change
here. The view holds display strings; the cells of the columns that are not text
(`no`, `target`, `anggaran`) are read back into exact numbers with the same parsers
that read the plan (rktc.plan.values), which invert rktc.plan.formatting digit for digit.
Text columns are always written as text: a code such as `1.02.02.2.01` or `076` stays so.

A matrix of the plan's hierarchy (rows with `RowView.depth`) is written as a tree: a parent
row's amount is a SUM formula over its own children's cells (each parent refers only to its
children, the `Jumlah` only to the top rows, so no amount is ever counted twice), and a
parent whose printed amount is not its children's sum (a stated pagu that differs, RKT304;
a kegiatan whose sub kegiatan the table does not print) keeps that amount as a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from rktc.core.errors import RktcError
from rktc.plan.formatting import long_date
from rktc.plan.formatting import number as number_text
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.values import ValueProblem, parse_number, parse_target
from rktc.render.outline import (
    CAPTIONED_TABLES,
    TABLE,
    Outline,
    heading_lines,
    source_value,
    table_id,
)
from rktc.render.view import (
    DATA,
    GROUP,
    SUBTOTAL,
    TOTAL,
    Column,
    DocumentView,
    RowView,
    TableView,
)
from rktc.render.xlsx.ooxml import (
    LINE_HEIGHT,
    PageSetup,
    Sheet,
    Style,
    Workbook,
    cell_ref,
    column_letter,
    decimal_text,
)

# Excel keeps 15 significant digits of a number (IEEE double, shown to 15 digits): a value
# with more would be shown, summed and saved rounded. rktc refuses to write it instead.
EXCEL_DIGITS = 15
MAX_SHEET_NAME = 31
# Short tab names for the tables of rktc's layouts, by table id (a layout that extends one
# keeps its ids, and so its names); any other table is named after its section's heading.
SHEET_NAMES = {
    # kpu
    "indikator": "Indikator Kinerja",
    "programs": "Program",
    "rkt": "Matriks RKT",
    "apbn": "Matriks APBN",
    # every layout (printed when the plan has them)
    "tujuan": "Indikator Tujuan",
    "iku": "Indikator Kinerja Utama",
    # pemda
    "program_kegiatan": "Program dan Kegiatan",
    "matriks_rkt": "Matriks RKT",
    "renja": "Lampiran Renja",
    # kl
    "sasaran_program": "Sasaran Program (IKP)",
    "sasaran_kegiatan": "Sasaran Kegiatan (IKK)",
    "kegiatan_anggaran": "Kegiatan dan Anggaran",
    "rincian_output": "Rincian Output (RO)",
}
# A formula's limits in Excel: 255 arguments per function, 8,192 characters.
MAX_ARGUMENTS = 255
MAX_FORMULA = 8000
IDENTITY_SHEET = "Identitas"
TARGET_UNIT_HEADER = "Satuan Target"
WIDTH_SCALE = 1.3  # the view's relative widths -> Excel character widths
HEADER_FILL = "D9D9D9"
GROUP_FILL = "F2F2F2"
DATE_FORMAT = "[$-421]d mmmm yyyy"  # 421: Indonesian, so the month prints "Januari"
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class SheetTables:
    """A worksheet to write: its section's key, its title lines, its (caption, table) pairs,
    and the id of the layout's table it shows."""

    key: str
    title: list[str]
    tables: list[tuple[str | None, TableView]]
    table: str = ""


def workbook_tables(outline: Outline, view: DocumentView) -> list[SheetTables]:
    """One worksheet per table block of the outline, in reading order; captioned tables
    (section C: one table per program) share one worksheet, each under its caption."""
    found = []
    for _, section in outline.sections():
        for block in section.blocks:
            if block.kind == TABLE:
                tables: list[tuple[str | None, TableView]] = [
                    (None, source_value(view, block.source))
                ]
            elif block.kind == CAPTIONED_TABLES:
                tables = [
                    (f"{n}. {caption}", table)
                    for n, (caption, table) in enumerate(source_value(view, block.source), 1)
                ]
            else:
                continue
            found.append(
                SheetTables(
                    section.key, heading_lines(section, view), tables, table_id(block.source)
                )
            )
    return found


# --- cells -------------------------------------------------------------------------------

CHARS_PER_WIDTH = 1.0  # characters of wrapped text per unit of column width, with slack


def text_lines(text: str, width: float) -> int:
    """Lines `text` takes wrapped in a column `width` wide (an estimate that errs long:
    readers do not fit row heights to wrapped text themselves, LibreOffice among them)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    if "\n" not in text:
        return max(1, -(-len(text) // per_line))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def row_height(lines: int) -> float | None:
    return None if lines <= 1 else round(lines * LINE_HEIGHT + 2, 2)


def column_lines(texts: list[str], width: float) -> list[int]:
    """text_lines of each text of a column, in one pass (most texts have no line break)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    return [
        text_lines(t, width) if "\n" in t else (len(t) + per_line - 1) // per_line or 1
        for t in texts
    ]


def _heights(
    lines: dict[int, list[int]], merged: list[tuple[int, int, int]], count: int
) -> list[float | None]:
    """Each row's height: the most lines any of its cells needs. A merged cell's lines are
    spread over the rows it spans; its last row grows when they do not suffice."""
    needs = [(col, first, last, lines[col][first]) for col, first, last in merged if col in lines]
    for col, first, _, _ in needs:
        lines[col][first] = 1
    rows = list(map(max, zip(*lines.values(), strict=True))) if lines else [1] * count
    for _, first, last, need in needs:
        have = sum(rows[first : last + 1])
        if need > have:
            rows[last] += need - have
    return [None if n <= 1 else row_height(n) for n in rows]


def _single_number(text: str, value: Decimal, percent: bool, unit: str) -> bool:
    """Whether the printed target is exactly one number (and its unit): only then is its
    cell a number. A target that says more (a range `80 - 90%`, a bound `maks. 5%`) stays
    the text it prints, whatever number a parser takes from it."""
    shown = number_text(value)
    if percent:
        return text == f"{shown}%"
    return text == (f"{shown} {unit}" if unit else shown)


def significant_digits(value: Decimal) -> int:
    return len(value.normalize().as_tuple().digits)


def decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # parsed values are finite
    return max(0, -exponent)


def _fraction_format(base: str, places: int, suffix: str = "") -> str:
    return f"{base}.{'0' * places}{suffix}" if places else f"{base}{suffix}"


def money_format(places: int) -> str:
    return _fraction_format("#,##0", places)


def percent_format(places: int) -> str:
    return _fraction_format("0", places, "%")


@dataclass(frozen=True)
class SheetColumn:
    """A worksheet column: a view column, or the unit split off the view's target column."""

    key: str  # the view column's key; "target_unit" for the split-off unit
    header: str
    width: float
    view_index: int


def sheet_columns(columns: list[Column]) -> list[SheetColumn]:
    result = []
    for i, column in enumerate(columns):
        result.append(SheetColumn(column.key, column.header, column.width * WIDTH_SCALE, i))
        if column.key == "target":  # counts keep their satuan in their own column
            result.append(SheetColumn("target_unit", TARGET_UNIT_HEADER, 12.0, i))
    return result


@dataclass
class ReadValues:
    """Targets and amounts as read for their cells, by their text, for the whole workbook
    (plans repeat them: 97%, 100%; the four tables repeat every kegiatan's anggaran)."""

    # text -> (the target cell's XML after its reference, the unit's text or "", whether
    # the cell is a text: a qualitative target)
    targets: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    # the same in the rows in bold (a matrix's parents)
    bold_targets: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    # text -> (the amount, its decimals, the cell's XML after its reference)
    amounts: dict[str, tuple[Decimal, int, str]] = field(default_factory=dict)


class CellWriter:
    """Typed cells with cached styles; checks every number fits Excel's precision."""

    def __init__(self, book: Workbook, sheet: Sheet, read: ReadValues | None = None) -> None:
        self.book = book
        self.sheet = sheet
        self.read = read or ReadValues()
        self._styles: dict[tuple[object, ...], int] = {}

    def style(self, **attrs: object) -> int:
        key = tuple(sorted(attrs.items()))
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = self.book.style(Style(**attrs))  # type: ignore[arg-type]
        return found

    def exact(self, value: Decimal, shown: str, row: int, col: int) -> str:
        """`value`'s decimal text, or a refusal when Excel could not hold it exactly."""
        digits = significant_digits(value)
        if digits > EXCEL_DIGITS:
            raise RktcError(
                "build.xlsx_inexact",
                value=shown,
                cell=f"'{self.sheet.name}'!{cell_ref(row, col)}",
                digits=digits,
            )
        return decimal_text(value)


# --- tables ------------------------------------------------------------------------------


def write_table_sheet(
    book: Workbook, spec: SheetTables, name: str, paper: str, read: ReadValues
) -> None:
    first = spec.tables[0][1] if spec.tables else TableView([])
    columns = sheet_columns(first.columns)
    sheet = book.add_sheet(name)
    sheet.widths = [c.width for c in columns]
    sheet.last_col = len(columns) - 1
    sheet.page = PageSetup(paper=paper, landscape=True, header=" ".join(spec.title))
    cells = CellWriter(book, sheet, read)
    last = max(len(columns) - 1, 0)
    title = cells.style(bold=True, size=12, horizontal="center", vertical="center")
    for line in spec.title:
        r = sheet.row([sheet.text(sheet.next_row, 0, line, title)])
        sheet.merge(r, 0, r, last)
    sheet.row([])
    header_row = _header(sheet, cells, columns)
    sheet.freeze_rows = header_row + 1
    sheet.print_title_rows = (header_row, header_row)
    table_rows = _TableRows(sheet, cells, columns)
    for caption, table in spec.tables:
        if caption is not None:
            if sheet_columns(table.columns) != columns:  # a table with other columns
                columns = sheet_columns(table.columns)
                table_rows = _TableRows(sheet, cells, columns)
                _header(sheet, cells, columns)
            table_rows.caption(caption)
        table_rows.write(table, grouped=caption is not None)
    data_end = table_rows.last_data_row
    if data_end is not None and data_end > header_row:
        sheet.autofilter = (header_row, 0, data_end, last)
    book.finish(sheet)


def _header(sheet: Sheet, cells: CellWriter, columns: list[SheetColumn]) -> int:
    style = cells.style(
        bold=True,
        fill=HEADER_FILL,
        border=True,
        horizontal="center",
        vertical="center",
        wrap=True,
    )
    r = sheet.next_row
    lines = max((text_lines(c.header, c.width) for c in columns), default=1)
    cells_xml = [sheet.text(r, i, c.header, style) for i, c in enumerate(columns)]
    return sheet.row(cells_xml, height=row_height(lines))


MONEY = ("anggaran", "pagu", "pagu_n1")  # view columns that hold amounts (summed by totals)
# view columns whose cells are read as numbers
_TYPED = frozenset({"no", "target", "volume", *MONEY})
MAX_OUTLINE_LEVEL = 7  # Excel's deepest row outline


class _Sums:
    """Running sums of the amounts written, per column, and the most decimals among them."""

    def __init__(self) -> None:
        self.sums: dict[int, Decimal] = {}
        self.places: dict[int, int] = {}

    def add(self, col: int, value: Decimal, places: int) -> None:
        sums = self.sums
        sums[col] = sums[col] + value if col in sums else value
        if places > self.places.get(col, 0):
            self.places[col] = places

    def total(self, col: int) -> tuple[Decimal, int]:
        return self.sums.get(col, Decimal(0)), self.places.get(col, 0)


@dataclass
class _Tree:
    """A matrix's rows as the tree the view's depths give (offsets into a block of rows)."""

    children: dict[int, list[int]]  # a node's row -> its children's rows, in order
    tops: list[int]  # the rows no row is above: what the "Jumlah" sums
    own_end: list[int]  # a row's last own row (a node's rows for its second indicators)
    depths: list[int]  # each row's depth (a node's second indicator rows: the node's)


def tree_of(rows: Sequence[RowView]) -> _Tree:
    children: dict[int, list[int]] = {}
    tops: list[int] = []
    own_end = list(range(len(rows)))
    depths = [0] * len(rows)
    open_rows: list[tuple[int, int]] = []  # (depth, row) of the nodes above this row
    last: int | None = None
    for i, row in enumerate(rows):
        depth = row.depth
        if depth is None:  # a node's next indicator row: one of the node's own rows
            if last is not None:
                own_end[last] = i
                depths[i] = depths[last]
            continue
        while open_rows and open_rows[-1][0] >= depth:
            open_rows.pop()
        if open_rows:
            children.setdefault(open_rows[-1][1], []).append(i)
        else:
            tops.append(i)
        depths[i] = len(open_rows)
        open_rows.append((depth, i))
        last = i
    return _Tree(children, tops, own_end, depths)


def row_runs(rows: Sequence[int], own_end: Sequence[int]) -> list[tuple[int, int]]:
    """`rows` (in order) as runs of adjacent rows: (first, last) each, where a row is
    adjacent to the one before when it starts right after that one's own rows."""
    runs: list[list[int]] = []
    for i in rows:
        if runs and own_end[runs[-1][1]] + 1 == i:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(first, last) for first, last in runs]


def sum_formula(letter: str, runs: Sequence[tuple[int, int]]) -> str | None:
    """SUM over the cells of column `letter` in the (1-based) row runs; None when Excel
    could not hold it (more than 255 x 255 arguments, or 8,000 characters)."""
    args = [f"{letter}{a}" if a == b else f"{letter}{a}:{letter}{b}" for a, b in runs]
    if len(args) > MAX_ARGUMENTS:
        chunks = [args[k : k + MAX_ARGUMENTS] for k in range(0, len(args), MAX_ARGUMENTS)]
        if len(chunks) > MAX_ARGUMENTS:
            return None
        args = [f"SUM({','.join(chunk)})" for chunk in chunks]
    formula = f"SUM({','.join(args)})"
    return formula if len(formula) <= MAX_FORMULA else None


class _TableRows:
    """Writes a table's rows: data cells by column kind, group and caption rows merged
    across the table, subtotal and total rows as SUBTOTAL(9, ...) formulas; a matrix's
    rows as a tree (parents' amounts and the total as SUMs over the rows below them)."""

    def __init__(self, sheet: Sheet, cells: CellWriter, columns: list[SheetColumn]) -> None:
        self.sheet = sheet
        self.cells = cells
        self.columns = columns
        self.last_data_row: int | None = None
        self.table_sums = _Sums()
        self.group_sums = _Sums()
        # a matrix: the top rows (0-based runs on the sheet) and their amounts
        self.top_runs: list[tuple[int, int]] = []
        self.top_sums = _Sums()
        s = cells.style
        self.text_style = s(border=True, vertical="top", wrap=True)
        self.bold_text_style = s(bold=True, border=True, vertical="top", wrap=True)
        self.no_style = s(border=True, vertical="top", horizontal="center")
        self.bold_no_style = s(bold=True, border=True, vertical="top", horizontal="center")
        self.group_style = s(bold=True, fill=GROUP_FILL, border=True, vertical="top", wrap=True)
        self.label_style = s(bold=True, border=True, vertical="top", wrap=True)
        self.blank_bold = s(bold=True, border=True)
        self.amount_cols = [i for i, c in enumerate(columns) if c.key in MONEY]
        # the columns a data row writes in turn (a target writes its unit's column too)
        self.written = [
            (i, c.key if c.key in _TYPED else "text", c.view_index, c.width, column_letter(i))
            for i, c in enumerate(columns)
            if c.key != "target_unit"
        ]
        self._targets = cells.read.targets
        self._bold_targets = cells.read.bold_targets
        self._amounts = cells.read.amounts

    def caption(self, text: str) -> None:
        self._group_row(text)

    def write(self, table: TableView, grouped: bool) -> None:
        """The table's rows; `grouped`: under a caption, so its rows are outlined."""
        sheet = self.sheet
        level = 1 if grouped else 0
        table_first: int | None = None  # the table's first data row
        group_first: int | None = None  # the current group's first data row
        self.table_sums = _Sums()
        self.group_sums = _Sums()
        self.top_runs = []
        self.top_sums = _Sums()
        block: list[RowView] = []
        for view_row in [*table.rows, None]:
            if view_row is not None and view_row.kind == DATA:
                block.append(view_row)
                continue
            if block:
                r = sheet.next_row
                table_first = r if table_first is None else table_first
                group_first = r if group_first is None else group_first
                self._data_block(block, level)
                block = []
            if view_row is None:
                break
            r = sheet.next_row
            if view_row.kind == GROUP:
                self._group_row(view_row.cells[0] if view_row.cells else "")
                level = 1
            elif view_row.kind == SUBTOTAL:
                self._sum_row(view_row.cells, group_first, r - 1, self.group_sums)
                level = 1 if grouped else 0
            elif view_row.kind == TOTAL:
                if self.top_runs:  # a matrix: the top rows, each once
                    self._sum_row(view_row.cells, table_first, r - 1, self.top_sums, True)
                else:
                    self._sum_row(view_row.cells, table_first, r - 1, self.table_sums)
            group_first = None
            self.group_sums = _Sums()

    # data rows

    def _data_block(self, rows: list[RowView], level: int) -> None:
        """Consecutive data rows, written column by column: the writer's hot path (40,000
        rows of 8 cells for 10,000 indicators), where a comprehension per column costs
        about a third of visiting each cell of each row."""
        sheet = self.sheet
        r0 = sheet.next_row
        numbers = range(r0 + 1, r0 + len(rows) + 1)  # the rows' 1-based numbers
        ids = sheet.strings.ids
        tree = tree_of(rows) if any(row.depth is not None for row in rows) else None
        bolds = [row.bold for row in rows] if any(row.bold for row in rows) else None
        if tree is not None:
            self.top_runs.extend((r0 + a, r0 + b) for a, b in row_runs(tree.tops, tree.own_end))
        columns: list[list[str]] = []
        lines: dict[int, list[int]] = {}  # column -> lines of each row's text
        merged: list[tuple[int, int, int]] = []  # column, first and last offset
        continuing = frozenset().union(*(row.continued for row in rows))
        for col, key, view_index, width, letter in self.written:
            texts = [row.cells[view_index] for row in rows]
            if key == "text":
                sheet.strings.count += len(texts) - texts.count("")
                if bolds is None:
                    ts = self.text_style
                    columns.append(
                        [
                            f'<c r="{letter}{n}" s="{ts}" t="s"><v>{ids[t]}</v></c>'
                            if t
                            else f'<c r="{letter}{n}" s="{ts}"/>'
                            for n, t in zip(numbers, texts, strict=True)
                        ]
                    )
                else:
                    styles = self._styles(bolds, self.text_style, self.bold_text_style, len(rows))
                    columns.append(
                        [
                            f'<c r="{letter}{n}" s="{s}" t="s"><v>{ids[t]}</v></c>'
                            if t
                            else f'<c r="{letter}{n}" s="{s}"/>'
                            for n, t, s in zip(numbers, texts, styles, strict=True)
                        ]
                    )
            elif key == "no":
                styles = self._styles(bolds, self.no_style, self.bold_no_style, len(rows))
                columns.append(
                    [
                        f'<c r="{letter}{n}" s="{s}"><v>{t}</v></c>'
                        if t.isdigit()
                        else self._no(n - 1, col, t, s)
                        for n, t, s in zip(numbers, texts, styles, strict=True)
                    ]
                )
            elif key == "target":
                columns.extend(self._targets_column(r0, col, texts, bolds))
            elif key == "volume":
                columns.append(self._numbers_column(r0, col, texts, bolds))
            elif tree is not None:
                columns.append(self._tree_amounts_column(r0, col, texts, tree, bolds))
            else:
                columns.append(self._amounts_column(r0, col, texts, bolds))
            if key in ("text", "target"):
                lines[col] = column_lines(texts, width)
            if view_index in continuing:
                runs = self._merge_continued(rows, r0, col, view_index, key == "target")
                merged.extend((col, first, last) for first, last in runs)
        sheet.rows.extend(map("".join, zip(*columns, strict=True)))
        if tree is None:
            sheet.levels.extend([level] * len(rows))
        else:
            sheet.levels.extend(min(level + d, MAX_OUTLINE_LEVEL) for d in tree.depths)
        sheet.heights.extend(_heights(lines, merged, len(rows)))
        if level or (tree is not None and any(tree.depths)):
            sheet.outlined = True
        self.last_data_row = sheet.next_row - 1

    @staticmethod
    def _styles(bolds: list[bool] | None, plain: int, bold: int, count: int) -> list[int]:
        """Each row's style: `bold` for the rows in bold."""
        if bolds is None:
            return [plain] * count
        return [bold if b else plain for b in bolds]

    def _merge_continued(
        self, rows: list[RowView], r0: int, col: int, view_index: int, with_unit: bool
    ) -> list[tuple[int, int]]:
        """Merge each cell with the rows below it that continue it (a kegiatan's rows);
        returns the merged runs as first and last offsets into `rows`."""
        runs = []
        first: int | None = None
        for i, row in enumerate([*rows, None]):
            if row is not None and view_index in row.continued:
                first = max(i - 1, 0) if first is None else first
                continue
            if first is not None:
                runs.append((first, i - 1))
                self.sheet.merge(r0 + first, col, r0 + i - 1, col)
                if with_unit:
                    self.sheet.merge(r0 + first, col + 1, r0 + i - 1, col + 1)
                first = None
        return runs

    def _no(self, r: int, col: int, text: str, style: int) -> str:
        if text.isdigit():
            return self.sheet.number(r, col, text, style)
        if text:
            return self.sheet.text(r, col, text, style)
        return self.sheet.blank(r, col, style)

    def _targets_column(
        self, r0: int, col: int, texts: list[str], bolds: list[bool] | None
    ) -> list[list[str]]:
        """A target column as two: the number (or the text, when the target does not
        start with one) and the unit written after the number."""
        sheet = self.sheet
        flags: Sequence[bool] = bolds if bolds is not None else [False] * len(texts)
        for i, (text, bold) in enumerate(zip(texts, flags, strict=True)):
            cache = self._bold_targets if bold else self._targets
            if text and text not in cache:
                cache[text] = self._read_target(r0 + i, col, text, bold)
        target_letter, unit_letter = column_letter(col), column_letter(col + 1)
        styles = {False: self.text_style, True: self.bold_text_style}
        found = [
            (self._bold_targets if b else self._targets)[t]
            if t
            else (f' s="{styles[b]}"/>', "", False)
            for t, b in zip(texts, flags, strict=True)
        ]
        ids = sheet.strings.ids
        units = [unit for _, unit, _ in found]
        qualitative = sum(1 for _, _, is_text in found if is_text)
        sheet.strings.count += len(units) - units.count("") + qualitative
        numbers = range(r0 + 1, r0 + len(texts) + 1)
        return [
            [
                f'<c r="{target_letter}{n}"{cell}'
                for n, (cell, _, _) in zip(numbers, found, strict=True)
            ],
            [
                f'<c r="{unit_letter}{n}" s="{styles[b]}" t="s"><v>{ids[u]}</v></c>'
                if u
                else f'<c r="{unit_letter}{n}" s="{styles[b]}"/>'
                for n, u, b in zip(numbers, units, flags, strict=True)
            ],
        ]

    def _read_target(self, r: int, col: int, text: str, bold: bool) -> tuple[str, str, bool]:
        """A percentage (97,5% -> 0.975 shown 97,5%), a count (its number, and its unit)
        or a qualitative target (its text): the cell's XML after its reference, the unit."""
        cells = self.cells
        parsed = parse_target(text)
        value = parsed.value
        if value is None or not _single_number(text, value, parsed.is_percent, parsed.unit):
            index = self.sheet.strings.ids[text]
            style = self.bold_text_style if bold else self.text_style
            return f' s="{style}" t="s"><v>{index}</v></c>', "", True
        places = decimals(value)
        if parsed.is_percent:
            style = cells.style(
                num_format=percent_format(places), bold=bold, border=True, vertical="top"
            )
            shown, unit = cells.exact(value.scaleb(-2), text, r, col), ""
        else:
            style = cells.style(
                num_format=money_format(places), bold=bold, border=True, vertical="top"
            )
            shown, unit = cells.exact(value, text, r, col), parsed.unit
        return f' s="{style}"><v>{shown}</v></c>', unit, False

    def _amount(self, text: str, r: int, col: int) -> tuple[Decimal, int, str]:
        """An amount's value, its decimals and its (plain) cell's XML after its reference."""
        found = self._amounts.get(text)
        if found is None:
            cells = self.cells
            value = parse_number(text)
            places = decimals(value)
            style = cells.style(num_format=money_format(places), border=True, vertical="top")
            shown = cells.exact(value, text, r, col)
            found = self._amounts[text] = (value, places, f' s="{style}"><v>{shown}</v></c>')
        return found

    def _amounts_column(
        self, r0: int, col: int, texts: list[str], bolds: list[bool] | None
    ) -> list[str]:
        letter = column_letter(col)
        out = []
        for i, text in enumerate(texts):
            n = r0 + i + 1
            bold = bolds is not None and bolds[i]
            if not text:
                style = self.bold_text_style if bold else self.text_style
                out.append(f'<c r="{letter}{n}" s="{style}"/>')
                continue
            value, places, cell = self._amount(text, n - 1, col)
            self.table_sums.add(col, value, places)
            self.group_sums.add(col, value, places)
            if bold:
                out.append(self._number_cell(n - 1, col, value, places, text, True))
            else:
                out.append(f'<c r="{letter}{n}"{cell}')
        return out

    def _number_cell(
        self, r: int, col: int, value: Decimal, places: int, shown: str, bold: bool
    ) -> str:
        cells = self.cells
        style = cells.style(num_format=money_format(places), bold=bold, border=True, vertical="top")
        return self.sheet.number(r, col, cells.exact(value, shown, r, col), style)

    def _tree_amounts_column(
        self, r0: int, col: int, texts: list[str], tree: _Tree, bolds: list[bool] | None
    ) -> list[str]:
        """A matrix's amounts: a leaf's (and a row whose children the table does not
        print) as a number; a parent's as SUM over its children's cells when it is their
        sum, else (a stated pagu that differs) the number printed."""
        sheet, cells = self.sheet, self.cells
        letter = column_letter(col)
        values = [
            self._amount(text, r0 + i, col)[:2] if text else None for i, text in enumerate(texts)
        ]
        out = []
        for i, found in enumerate(values):
            r = r0 + i
            bold = bolds is not None and bolds[i]
            if found is None:
                out.append(sheet.blank(r, col, self.bold_text_style if bold else self.text_style))
                continue
            value, places = found
            self.table_sums.add(col, value, places)
            formula = None
            kids = tree.children.get(i)
            known = [v for v in (values[k] for k in kids or ()) if v is not None]
            if known and sum((v for v, _ in known), Decimal(0)) == value:
                places = max(places, *(p for _, p in known))
                runs = row_runs(kids or [], tree.own_end)
                formula = sum_formula(letter, [(r0 + a + 1, r0 + b + 1) for a, b in runs])
            if formula is None:
                out.append(self._number_cell(r, col, value, places, texts[i], bold))
                continue
            style = cells.style(
                num_format=money_format(places), bold=bold, border=True, vertical="top"
            )
            out.append(sheet.formula(r, col, formula, cells.exact(value, texts[i], r, col), style))
        for i in tree.tops:
            found = values[i]
            if found is not None:
                self.top_sums.add(col, *found)
        return out

    def _numbers_column(
        self, r0: int, col: int, texts: list[str], bolds: list[bool] | None
    ) -> list[str]:
        """Numbers that are not summed (an RO's volume); a text that is none stays text."""
        sheet = self.sheet
        out = []
        for i, text in enumerate(texts):
            r = r0 + i
            bold = bolds is not None and bolds[i]
            style = self.bold_text_style if bold else self.text_style
            if not text:
                out.append(sheet.blank(r, col, style))
                continue
            try:
                value = parse_number(text)
            except ValueProblem:
                out.append(sheet.text(r, col, text, style))
                continue
            out.append(self._number_cell(r, col, value, decimals(value), text, bold))
        return out

    # group, subtotal and total rows

    def _group_row(self, label: str) -> None:
        sheet = self.sheet
        r = sheet.next_row
        last = len(self.columns) - 1
        row = [sheet.text(r, 0, label, self.group_style)]
        row += [sheet.blank(r, c, self.group_style) for c in range(1, last + 1)]
        width = sum(c.width for c in self.columns)
        sheet.row(row, height=row_height(text_lines(label, width)))
        sheet.merge(r, 0, r, last)

    def _sum_row(
        self, texts: list[str], first: int | None, last: int, sums: _Sums, tops: bool = False
    ) -> None:
        """`Jumlah ...`: SUBTOTAL(9, range) per amount column over the data rows above
        (SUBTOTAL is SUM that leaves out other SUBTOTALs, so a total over a range that
        holds subtotals counts each amount once), with the sum as its cached result.
        `tops`: a matrix's total, SUM over its top rows (`top_runs`) only."""
        sheet, cells = self.sheet, self.cells
        r = sheet.next_row
        label_end = (self.amount_cols[0] if self.amount_cols else len(self.columns)) - 1
        row = [sheet.text(r, 0, texts[0] if texts else "", self.label_style)]
        row += [sheet.blank(r, c, self.label_style) for c in range(1, label_end + 1)]
        for col in range(label_end + 1, len(self.columns)):
            if col not in self.amount_cols:
                row.append(sheet.blank(r, col, self.blank_bold))
                continue
            shown = texts[self.columns[col].view_index] if texts else ""
            if first is None or first > last or (tops and col not in sums.sums):
                row.append(sheet.blank(r, col, self.blank_bold))
                continue
            total, places = sums.total(col)
            if tops:
                places = self.table_sums.total(col)[1]
            if shown and parse_number(shown) != total:
                raise AssertionError(f"xlsx: {shown!r} printed, the rows above sum to {total}")
            style = cells.style(
                num_format=money_format(places), bold=True, border=True, vertical="top"
            )
            if tops:
                letter = column_letter(col)
                formula = sum_formula(letter, [(a + 1, b + 1) for a, b in self.top_runs])
            else:
                formula = f"SUBTOTAL(9,{cell_ref(first, col)}:{cell_ref(last, col)})"
            cached = cells.exact(total, number_text(total), r, col)
            if formula is None:
                row.append(sheet.number(r, col, cached, style))
            else:
                row.append(sheet.formula(r, col, formula, cached, style))
        width = sum(c.width for c in self.columns[: label_end + 1])
        sheet.row(row, height=row_height(text_lines(texts[0] if texts else "", width)))
        sheet.merge(r, 0, r, max(label_end, 0))


# --- sheet names -------------------------------------------------------------------------

# A heading's numbering (`B.`, `4.`, `BAB II`), and lines that name no table on their own.
_NUMBERING = re.compile(r"^(?:BAB\s+[IVXLCDM]+|[A-Za-z]|[IVXLCDM]+|\d+(?:\.\d+)*)[.)]\s+")
_GENERIC = re.compile(
    r"^(?:BAB\s+[IVXLCDM]+|LAMPIRAN(?:\s+[IVXLCDM\d]+)?|TAHUN\s+\d{4})$", re.IGNORECASE
)
# words a name cut short does not end with
_DANGLING = frozenset({"dan", "serta", "atau", "di", "ke", "dari", "untuk", "yang", "pada"})
_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def short_name(text: str, limit: int = MAX_SHEET_NAME) -> str:
    """`text` in at most `limit` characters, cut after a whole word (and not after `dan`)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    words = (head.rsplit(" ", 1)[0] if " " in head else text[:limit]).split()
    while len(words) > 1 and words[-1].casefold().strip(",;:-") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:-& ")


def heading_name(title: Sequence[str]) -> str:
    """A tab name from a section's heading lines: its first line that names something,
    without its numbering (`B. Indikator Kinerja Utama dan Rencana Capaian` ->
    `Indikator Kinerja Utama`)."""
    lines = [_NUMBERING.sub("", " ".join(line.split())) for line in title]
    named = [line for line in lines if line and not _GENERIC.match(line)]
    return short_name((named or lines or [""])[0].translate(_FORBIDDEN))


def _unique_names(specs: list[SheetTables]) -> Iterator[str]:
    used = {IDENTITY_SHEET.casefold()}
    for spec in specs:
        base = SHEET_NAMES.get(spec.table) or heading_name(spec.title) or spec.key
        base = short_name(base.translate(_FORBIDDEN)).strip(" '") or "Tabel"
        name, n = base, 2
        while name.casefold() in used:
            suffix = f" ({n})"
            name, n = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix, n + 1
        used.add(name.casefold())
        yield name


# --- the plan's identity -----------------------------------------------------------------


def write_identity_sheet(book: Workbook, view: DocumentView, plan: Plan, paper: str) -> None:
    """Who made the plan and for when: a label and a value per row."""
    sheet = book.add_sheet(IDENTITY_SHEET)
    sheet.widths = [30.0, 90.0]
    sheet.last_col = 1
    sheet.page = PageSetup(paper=paper, header=f"{view.title} {view.institution} Tahun {view.year}")
    cells = CellWriter(book, sheet)
    label = cells.style(bold=True, border=True, vertical="top")
    text = cells.style(border=True, vertical="top", wrap=True)
    header = cells.style(bold=True, fill=HEADER_FILL, border=True, horizontal="center")
    sheet.row([sheet.text(0, 0, "Keterangan", header), sheet.text(0, 1, "Isi", header)])
    sheet.freeze_rows = 1
    signer = plan.penandatangan
    tanggal = signer.tanggal
    rows: list[tuple[str, str | int | Decimal | date | None]] = [
        ("Judul", view.title),
        ("Tahun", view.year),
        ("Instansi", view.institution),
        ("Singkatan", plan.instansi.singkatan),
        ("Instansi induk", view.parent),
        ("Kota", plan.instansi.kota),
        ("Periode Renstra", view.renstra_period),
        ("Keputusan Renstra", view.renstra_decree),
        ("Pagu anggaran (Rp)", plan.pagu),
        ("Penandatangan", signer.nama),
        ("Jabatan", signer.jabatan),
        ("NIP", signer.nip),
        ("Instansi penandatangan", view.signature.institution),
        ("Tempat", signer.tempat),
        (
            "Tanggal",
            tanggal.as_date() if tanggal.day else long_date(tanggal),
        ),
    ]
    for name, value in rows:
        r = sheet.next_row
        cell: str
        if value is None:
            cell = sheet.blank(r, 1, text)
        elif isinstance(value, bool):
            raise TypeError(name)
        elif isinstance(value, int):  # the year: a number, shown without grouping
            style = cells.style(num_format="0", border=True, horizontal="left")
            cell = sheet.number(r, 1, str(value), style)
        elif isinstance(value, Decimal):
            places = decimals(value)
            style = cells.style(num_format=money_format(places), border=True, horizontal="left")
            cell = sheet.number(r, 1, cells.exact(value, number_text(value), r, 1), style)
        elif isinstance(value, date):
            serial = str((value - EXCEL_EPOCH).days)
            style = cells.style(num_format=DATE_FORMAT, border=True, horizontal="left")
            cell = sheet.number(r, 1, serial, style)
        else:
            cell = sheet.text(r, 1, value, text)
        lines = text_lines(value, sheet.widths[1]) if isinstance(value, str) else 1
        sheet.row([sheet.text(r, 0, name, label), cell], height=row_height(lines))
    book.finish(sheet)


def write_workbook(
    book: Workbook, outline: Outline, view: DocumentView, plan: Plan, paper: str
) -> None:
    write_identity_sheet(book, view, plan, paper)
    specs = workbook_tables(outline, view)
    read = ReadValues()
    for spec, name in zip(specs, _unique_names(specs), strict=True):
        write_table_sheet(book, spec, name, paper, read)
