"""The capaian chart of a Laporan Kinerja: a horizontal bar per indicator, the 100 % line.

Drawn with matplotlib's Agg backend (no display, no GUI toolkit), imported only when a
Laporan Kinerja is built, so that no other command pays for it (about 0.25 s). The same
figure is written as PNG (DOCX, PDF and the Markdown edition embed it) and as SVG (the
HTML edition shows it inline, sharp at any zoom and in print). Both are reproducible:
no date or software stamp, fixed SVG ids.

A bar's colour says where it stands against the target: reached (100 % and above), close
(from 85 %), below. A bar without a capaian (no realisasi, no target) is not drawn as 0: its
row says "tidak ada capaian". Above `MAX_BARS` bars a chart is no longer read at a glance;
the caller (rktc.render.lkjip) then charts the sasaran's averages instead.
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rktc.plan.capaian import format_percent
from rktc.render.view import Picture

MAX_BARS = 30
WIDTH_CM = 16.0
LABEL_CHARS = 46  # a label is cut to two lines of about this many characters
REACHED, CLOSE, BELOW = "#2e7d32", "#f9a825", "#c62828"
CLOSE_FROM = Decimal(85)
NO_CAPAIAN = "tidak ada capaian"
TARGET_LINE = "target (100%)"
AXIS = "Capaian (%)"


@dataclass(frozen=True)
class Bar:
    label: str
    percent: Decimal | None


def _colour(percent: Decimal) -> str:
    if percent >= 100:
        return REACHED
    return CLOSE if percent >= CLOSE_FROM else BELOW


def _label(text: str) -> str:
    lines = textwrap.wrap(text, LABEL_CHARS) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: LABEL_CHARS - 1] + "…"]
    return "\n".join(lines)


def _figure(bars: Sequence[Bar], cap: Decimal | None) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    values = [float(b.percent) if b.percent is not None else 0.0 for b in bars]
    top = max([100.0, *values, float(cap) if cap is not None else 0.0])
    height = 0.9 + 0.42 * len(bars)
    figure = Figure(figsize=(WIDTH_CM / 2.54, height), dpi=150)
    axes = figure.add_subplot()
    positions = list(range(len(bars)))
    colours = [_colour(b.percent) if b.percent is not None else "#ffffff" for b in bars]
    axes.barh(positions, values, color=colours, height=0.62, edgecolor="none")
    axes.axvline(100, color="#1f1f1f", linestyle="--", linewidth=1, label=TARGET_LINE)
    # the values in a column of their own right of the longest bar: never across the line
    column = top * 1.03
    for y, bar in zip(positions, bars, strict=True):
        if bar.percent is None:
            axes.text(1, y, NO_CAPAIAN, va="center", fontsize=7, style="italic", color="#555555")
        else:
            shown = format_percent(bar.percent)
            axes.text(column, y, shown, va="center", fontsize=7)
    axes.set_yticks(positions, [_label(b.label) for b in bars], fontsize=7)
    axes.invert_yaxis()  # the first indicator on top, as in the table
    axes.set_xlim(0, top * 1.2)
    axes.set_xlabel(AXIS, fontsize=8)
    axes.tick_params(axis="x", labelsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    figure.tight_layout()
    return figure


PNG, SVG = "png", "svg"


def capaian_chart(
    bars: Sequence[Bar],
    caption: str,
    alt: str,
    cap: Decimal | None = None,
    formats: Sequence[str] = (PNG, SVG),
) -> Picture:
    """The chart of `bars` as PNG and SVG, or only the `formats` an edition shows
    (module docstring); the other is empty."""
    import matplotlib

    figure = _figure(bars, cap)
    data, text = b"", ""
    if PNG in formats:
        png = io.BytesIO()
        figure.savefig(png, format="png", metadata={"Software": None})
        data = png.getvalue()
    if SVG in formats:
        svg = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": "rktc", "svg.fonttype": "path"}):
            figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        text = svg.getvalue().decode("utf-8")
        text = text[text.index("<svg") :]  # inline in HTML: no XML declaration, no doctype
    return Picture(data, base64.b64encode(data).decode("ascii"), text, alt, caption, WIDTH_CM)


# What a chart is drawn from: capaian_chart's arguments, as a request a process can send.
ChartRequest = tuple[Sequence[Bar], str, str, Decimal | None, Sequence[str]]
# Draws a chart, here or elsewhere: called with the request, it returns what gives the
# picture when it is needed (so the drawing may go on meanwhile).
ChartDrawer = Callable[[ChartRequest], Callable[[], Picture]]


def draw_here(request: ChartRequest) -> Callable[[], Picture]:
    """The chart drawn in this process, when it is asked for."""
    return lambda: capaian_chart(*request)


def prepare_charts() -> None:
    """Import what drawing a chart needs: matplotlib, its Agg and SVG backends (done ahead,
    in a process of its own, by `rktc build --document lkjip`)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_svg
    import matplotlib.figure


def draw_request(request: ChartRequest) -> Picture:
    return capaian_chart(*request)
