"""The RKT's tables as an Excel workbook (`rktc build --format xlsx`).

A sheet with the plan's identity, then one sheet per table of the document's outline, in
its order: numbers as numbers with formats (money `#,##0`, percentages `0%`, counts with
their unit beside them), codes and texts as text, group rows merged and outlined,
subtotals and totals as formulas with cached results. docs/xlsx.md describes the workbook.

Layers: `ooxml` writes SpreadsheetML (styles, shared strings, sheets, the package);
`sheets` turns the outline and the view into typed cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from rktc.plan.schema2 import AnyPlan as Plan
from rktc.render.outline import Outline, outline_for
from rktc.render.reproducible import build_time
from rktc.render.view import DocumentView
from rktc.render.xlsx.ooxml import PAPER_SIZES, Properties, Workbook
from rktc.render.xlsx.sheets import workbook_tables, write_workbook

__all__ = ["PAPER_SIZES", "XlsxOptions", "render_xlsx"]


@dataclass(frozen=True)
class XlsxOptions:
    paper: str = "a4"


def render_xlsx(
    view: DocumentView, plan: Plan, options: XlsxOptions, outline: Outline | None = None
) -> bytes:
    """The workbook's bytes; the same plan gives the same bytes when SOURCE_DATE_EPOCH is set."""
    outline = outline or outline_for(view)
    book = Workbook(1 + len(workbook_tables(outline, view)))
    try:
        write_workbook(book, outline, view, plan, options.paper)
    except BaseException:
        book.discard()
        raise
    properties = Properties(
        title=f"{view.title} {view.institution} Tahun {view.year}",
        author=view.institution,
        company=view.parent or view.institution,
        created=build_time(),
    )
    return book.save(properties)
