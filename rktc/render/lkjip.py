"""The Laporan Kinerja (LKjIP) of a plan's year, as a document view in its layout.

The chapters (Ikhtisar Eksekutif; BAB I Pendahuluan; BAB II Perencanaan Kinerja; BAB III
Akuntabilitas Kinerja; BAB IV Penutup; the PK as lampiran) are templates/layouts/lkjip.yaml.
This module gives it the year (rktc.plan.year.Year: the realisasi, capaian and kategori of
every indicator, the serapan and efisiensi of every program) as the layout's tables:

* `lkjip_capaian`: per indicator the PK carries, grouped by sasaran: target, realisasi,
  capaian (%), kategori and the formula used; a value that is missing prints a dash and
  the reason ("belum ada realisasi"), never 0;
* `lkjip_pembanding`: the realisasi of the two years before (the plan's
  `realisasi_tahunan`), this year's target and realisasi, the Renstra's final target and
  the capaian against it;
* `lkjip_anggaran`: per program pagu, realisasi, serapan, capaian, efisiensi; the Jumlah;

the chart of capaian (rktc.render.chart), the PK's own tables and blocks (rktc.render.pk),
and the facts its texts (templates/text/lkjip_*.txt.j2) may name: how many targets were
reached, the formulas, the bands, whether the figures are illustrative.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from rktc.plan import capaian as cp
from rktc.plan.document import Document
from rktc.plan.formatting import number, rupiah
from rktc.plan.hierarchy import hierarchy_of
from rktc.plan.pk import Carried, PkContent, content
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.plan.schema2 import Pk
from rktc.plan.values import Target
from rktc.plan.year import IndicatorYear, Year, plan_scales, value_text
from rktc.render.chart import (
    MAX_BARS,
    PNG,
    SVG,
    Bar,
    ChartDrawer,
    ChartRequest,
    draw_here,
)
from rktc.render.layout import LKJIP, ColumnDef, Layout, TableDef, layout_for_plan
from rktc.render.pk import (
    KEEP_ROWS,
    FactTexts,
    Original,
    add_pk,
    pk_sources,
    text_facts,
    total_row,
)
from rktc.render.view import (
    DATA,
    GROUP,
    Column,
    DocumentView,
    ExtraSource,
    RowView,
    TableView,
    build_view,
)

TITLE = "Laporan Kinerja"
COVER_TITLE = "Laporan Kinerja Instansi Pemerintah"
DASH = "—"
ILLUSTRATIVE_MARK = " *"  # after a realisasi that is illustrative (the note says so)
INCOMPLETE = "belum lengkap"
NO_SASARAN = "Indikator lain"
CAPTION = "Grafik capaian kinerja tahun {year}"
CAPTION_GOALS = "Grafik rata-rata capaian kinerja per sasaran tahun {year}"
CAPTION_LOWEST = (
    "Grafik rata-rata capaian kinerja per sasaran tahun {year}: {shown} sasaran dengan "
    "capaian terendah dari {total}"
)
ALT = "Capaian kinerja per indikator: {items}"
ALT_GOALS = "Rata-rata capaian kinerja per sasaran: {items}"
# The report is signed early in the next year, on a day the plan cannot know: its date is
# left for the signer to write in ("Baturaja, ................ 2024").
REPORT_DATE = "{place}, ................ {year}"

MakeColumn = Callable[[ColumnDef, str], Column]


def _percent(value: Decimal | None) -> str:
    return cp.format_percent(value) if value is not None else DASH


def _target(value: Target | None) -> str:
    return value.text if value is not None else DASH


class _Year:
    """The year as the LKjIP's tables read it: each carried indicator with its year."""

    def __init__(self, plan: Plan, year: Year, lampiran: PkContent) -> None:
        self.plan = plan
        self.year = year
        self.lampiran = lampiran
        by_path = {item.indicator.path: item for item in year.indicators}
        self.rows: list[tuple[Carried, IndicatorYear | None]] = [
            (c, by_path.get(c.indicator.path)) for c in lampiran.carried
        ]

    def realisasi(self, item: IndicatorYear | None) -> str:
        if item is None or item.realisasi is None:
            return DASH
        shown = value_text(item.realisasi, item.target)
        return shown + ILLUSTRATIVE_MARK if item.ilustrasi else shown

    def explained(self, item: IndicatorYear | None) -> str:
        """The formula and how the quarters made the year; or why there is no capaian;
        and the realisasi file's explanation (`catatan`)."""
        if item is None:
            return DASH
        reason = item.reason
        said = reason.render("id") if reason is not None else f"{item.notation}; "
        if reason is None:
            said += item.mode.render("id")
        return "; ".join([said, *item.catatan])


def _columns(table: TableDef, make: MakeColumn, defaults: Mapping[str, str]) -> list[Column]:
    return [make(c, defaults.get(c.name, "")) for c in table.columns]


def capaian_table(data: _Year) -> ExtraSource:
    """BAB III A: a row per indicator under its sasaran (a heading row, or a merged column
    when the layout prints `sasaran`)."""

    def build(table: TableDef, make: MakeColumn) -> TableView:
        names = [c.name for c in table.columns]
        view = TableView(_columns(table, make, {}), font_size=table.font_size)
        merged = frozenset(i for i, c in enumerate(table.columns) if c.merge)
        grouped = "sasaran" not in names
        previous: str | None = None
        for number_, (carried, item) in enumerate(data.rows, start=1):
            first = carried.goal != previous
            previous = carried.goal
            if first and grouped:
                view.rows.append(_group(carried.goal or NO_SASARAN, len(names)))
            ind = carried.indicator
            values = {
                "no": str(number_),
                "sasaran": carried.goal if first else "",
                "indikator": ind.nama,
                "satuan": ind.satuan or "",
                "target": carried.target_text,
                "realisasi": data.realisasi(item),
                "capaian": _percent(item.percent if item else None),
                "kategori": (item.kategori if item else None) or DASH,
                "rumus": data.explained(item),
            }
            continued = merged if not first and not grouped else frozenset()
            source = ".".join(map(str, ind.path))
            view.rows.append(RowView(DATA, [values[n] for n in names], continued, source))
        return view

    return build


def _group(label: str, width: int) -> RowView:
    return RowView(GROUP, [label] + [""] * (width - 1), span=width)


def compared_table(data: _Year) -> ExtraSource:
    """BAB III A: against the years before and the Renstra's final target."""
    year = data.year.tahun
    end = data.year.renstra_periode[1] if data.year.renstra_periode else None
    if end is None:
        end = data.plan.renstra.periode[1]
    defaults = {
        "realisasi_n2": f"Realisasi {year - 2}",
        "realisasi_n1": f"Realisasi {year - 1}",
        "target": f"Target {year}",
        "realisasi": f"Realisasi {year}",
        "target_akhir": f"Target Akhir Renstra ({end})",
    }
    scales = plan_scales(data.plan)

    def build(table: TableDef, make: MakeColumn) -> TableView:
        names = [c.name for c in table.columns]
        view = TableView(_columns(table, make, defaults), font_size=table.font_size)
        for number_, (carried, item) in enumerate(data.rows, start=1):
            ind = carried.indicator
            final = item.kondisi_akhir if item is not None else ind.target_akhir
            against: Decimal | None = None
            if final is not None and item is not None:
                reached = cp.capaian(
                    final, item.realisasi, item.polarity, item.lower_formula, data.year.cap, scales
                )
                against = reached.percent
            values = {
                "no": str(number_),
                "indikator": ind.nama,
                "realisasi_n2": _target(ind.realisasi_tahunan.get(year - 2)),
                "realisasi_n1": _target(ind.realisasi_tahunan.get(year - 1)),
                "target": carried.target_text,
                "realisasi": data.realisasi(item),
                "target_akhir": _target(final),
                "capaian_akhir": _percent(against),
            }
            source = ".".join(map(str, ind.path))
            view.rows.append(RowView(DATA, [values[n] for n in names], source=source))
        return view

    return build


def budget_table(data: _Year) -> ExtraSource:
    """BAB III B: per program pagu, realisasi, serapan, capaian, efisiensi; the Jumlah."""

    def build(table: TableDef, make: MakeColumn) -> TableView:
        names = [c.name for c in table.columns]
        view = TableView(_columns(table, make, {}), font_size=table.font_size)
        pagu: list[Decimal] = []
        spent: list[Decimal] = []
        for number_, item in enumerate(data.year.programs(), start=1):
            if item.pagu is not None:
                pagu.append(item.pagu)
            if item.realisasi is not None:
                spent.append(item.realisasi)
            realisasi = rupiah(item.realisasi) if item.realisasi is not None else DASH
            if item.realisasi is not None and not item.complete:
                realisasi += f" ({INCOMPLETE})"
            if item.ilustrasi and item.realisasi is not None:
                realisasi += ILLUSTRATIVE_MARK
            values = {
                "no": str(number_),
                "kode": item.node.kode or "",
                "program": item.node.nama,
                "pagu": rupiah(item.pagu) if item.pagu is not None else DASH,
                "realisasi": realisasi,
                "serapan": _percent(item.serapan),
                "capaian": _percent(item.capaian),
                "efisiensi": item.efisiensi.value if item.efisiensi is not None else DASH,
            }
            source = ".".join(map(str, item.node.path))
            view.rows.append(RowView(DATA, [values[n] for n in names], source=source))
        if table.total is not None and ("pagu" in names or "realisasi" in names):
            sums = {"pagu": pagu, "realisasi": spent}
            total = total_row(table.total, names, {k: v for k, v in sums.items() if k in names})
            if "serapan" in names:
                total.cells[names.index("serapan")] = _percent(data.year.serapan())
            view.rows.append(total)
        view.keep_together = len(view.rows) <= KEEP_ROWS
        return view

    return build


def chart(data: _Year, formats: Sequence[str] = (PNG, SVG)) -> ChartRequest:
    """What the capaian chart shows: a bar per indicator; with more than MAX_BARS, a bar
    per sasaran (the mean of its indicators' capaian), the lowest first shown when even
    they are too many."""
    year = data.year
    rows = data.rows
    if len(rows) <= MAX_BARS:
        bars = [
            Bar(f"{n}. {c.indicator.nama}", item.percent if item else None)
            for n, (c, item) in enumerate(rows, start=1)
        ]
        caption = CAPTION.format(year=year.tahun)
    else:
        groups: dict[str, list[Decimal]] = {}
        for c, item in rows:
            found = groups.setdefault(c.goal or NO_SASARAN, [])
            if item is not None and item.percent is not None:
                found.append(item.percent)
        means = [
            Bar(goal, sum(values, Decimal(0)) / len(values) if values else None)
            for goal, values in groups.items()
        ]
        caption = CAPTION_GOALS.format(year=year.tahun)
        if len(means) > MAX_BARS:
            means = sorted(means, key=lambda b: b.percent if b.percent is not None else -1)
            caption = CAPTION_LOWEST.format(year=year.tahun, shown=MAX_BARS, total=len(means))
            means = means[:MAX_BARS]
        bars = means
    shown = "; ".join(f"{b.label}: {_percent(b.percent)}" for b in bars[:MAX_BARS])
    alt = (ALT if len(rows) <= MAX_BARS else ALT_GOALS).format(items=shown)
    return (bars, caption, alt, year.cap, tuple(formats))


def year_facts(data: _Year) -> dict[str, Any]:
    """What the LKjIP's texts may name about the year."""
    year = data.year
    items = [item for _, item in data.rows]
    percents = [i.percent for i in items if i is not None and i.percent is not None]
    bands = cp.check_bands(year.bands)
    counts: dict[str, int] = {}
    for item in items:
        if item is not None and item.kategori:
            counts[item.kategori] = counts.get(item.kategori, 0) + 1
    mean = sum(percents, Decimal(0)) / len(percents) if percents else None
    pagu, spent = year.pagu(), year.realisasi_anggaran()
    return {
        "lkjip_tahun_laporan": year.tahun + 1,
        "lkjip_jumlah_indikator": len(data.rows),
        "lkjip_jumlah_tercapai": sum(1 for p in percents if p >= 100),
        "lkjip_jumlah_dinilai": len(percents),
        "lkjip_jumlah_tanpa_capaian": len(data.rows) - len(percents),
        "lkjip_rata_rata": _percent(mean),
        "lkjip_kategori": [
            {"label": b.label, "jumlah": counts.get(b.label, 0)} for b in bands if b.label in counts
        ],
        "lkjip_batas": cp.format_percent(year.cap) if year.cap is not None else "",
        "lkjip_rumus_negatif": year.lower_formula.value,
        "lkjip_pita": ", ".join(
            f"{'≥' if b.inclusive else '>'} {number(b.lower)}% {b.label}" for b in bands
        ),
        "lkjip_pagu": rupiah(pagu) if pagu is not None else "",
        "lkjip_realisasi_anggaran": rupiah(spent) if spent is not None else "",
        "lkjip_serapan": _percent(year.serapan()),
        "lkjip_jumlah_program": len(year.programs()),
        "lkjip_ilustrasi": year.ilustrasi,
        "lkjip_renstra_ilustrasi": year.renstra_ilustrasi,
        "lkjip_keterangan": list(year.keterangan),
    }


def lkjip_sources(data: _Year, original: Original | None) -> dict[str, ExtraSource]:
    return {
        **pk_sources(data.lampiran, original),
        "lkjip_capaian": capaian_table(data),
        "lkjip_pembanding": compared_table(data),
        "lkjip_anggaran": budget_table(data),
    }


def build_lkjip_view(
    plan: Plan,
    document: Document,
    pk: Pk,
    year: Year,
    templates: Path | None = None,
    layout: Layout | None = None,
    original: Original | None = None,
    picture_formats: Sequence[str] = (PNG, SVG),
    draw: ChartDrawer = draw_here,
) -> DocumentView:
    """The Laporan Kinerja of `plan`'s `year` in `layout` (default: lkjip.yaml), its chart
    drawn in `picture_formats` (an edition needs one: HTML the SVG, the others the PNG) by
    `draw`, which is asked before the tables are made and waited for after them."""
    lampiran = content(pk, hierarchy_of(plan))
    data = _Year(plan, year, lampiran)
    picture = draw(chart(data, picture_formats))
    facts = {**text_facts(plan, pk, lampiran, original), **year_facts(data)}
    texts = FactTexts(templates, facts)
    chosen = layout or layout_for_plan(plan, LKJIP)
    view = build_view(
        plan, document, texts, chosen, sources=lkjip_sources(data, original), title=TITLE
    )
    view.cover_title = COVER_TITLE
    add_pk(view, plan, document, pk, texts)
    place = pk.tempat or plan.penandatangan.tempat
    view.signature.place_date = REPORT_DATE.format(place=place, year=year.tahun + 1)
    if any(b.kind == "picture" for _, s in view.outline.sections() for b in s.blocks):
        view.pictures["capaian"] = picture()
    return view
