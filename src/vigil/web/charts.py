"""Charts as SVG drawn on the server: no script, no charting library, readable when printed.

Each chart is one `<svg role="img">` with a title and a description, and is never the only
form of its figures: the page sets the same numbers beside it in a table, which is the
accessible equivalent (screen readers read the table; the chart's own text is hidden from
them). Colours are fixed in the markup so that a chart copied into the static site, a report
or a slide keeps them. Values show on hover through each bar's `<title>`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Paul Tol's "muted" scheme and grey, distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#6699CC",
    "#BBBBBB",
)
GREY = "#BBBBBB"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


@dataclass(frozen=True, slots=True)
class Series:
    """One group of a bar chart: a label for the legend, a value per column, and its colour."""

    label: str
    values: Sequence[int]
    color: str


@dataclass(frozen=True, slots=True)
class Bar:
    """One horizontal bar: its share of the whole (0..1) and the text written beside it."""

    series: int  # index into the chart's legend
    share: float
    text: str


@dataclass(frozen=True, slots=True)
class BarGroup:
    label: str
    bars: Sequence[Bar]


def color(i: int) -> str:
    return PALETTE[i % (len(PALETTE) - 1)]


def nice_ticks(top: int, count: int = 5) -> list[int]:
    """Round steps (1, 2 or 5 times a power of ten) from 0 to at least `top`."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = max(1, round(next(m * power for m in (1, 2, 5, 10) if m * power >= raw)))
    return list(range(0, math.ceil(top / step) * step + 1, step))


def _open(ident: str, width: int, height: int, title: str, desc: str) -> list[str]:
    t, d = f"{ident}-title", f"{ident}-desc"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(ident)}" '
        f'role="img" aria-labelledby="{escape(t)} {escape(d)}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" {FONT}>',
        f'<title id="{escape(t)}">{escape(title)}</title>',
        f'<desc id="{escape(d)}">{escape(desc)}</desc>',
    ]


def _legend(items: Sequence[tuple[str, str]], x: int, y: int, width: int) -> tuple[list[str], int]:
    """Swatches and labels in rows from (x, y); returns the markup and the height used."""
    out: list[str] = []
    cx, cy = x, y
    for label, fill in items:
        w = 18 + 7 * len(label)
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 18
        out.append(f'<rect x="{cx}" y="{cy}" width="12" height="12" fill="{fill}"/>')
        out.append(f'<text x="{cx + 16}" y="{cy + 10}">{escape(label)}</text>')
        cx += w + 12
    return out, cy - y + 18


def stacked_bars(
    columns: Sequence[str],
    series: Sequence[Series],
    *,
    ident: str,
    title: str,
    desc: str,
    width: int = 560,
    plot_height: int = 240,
) -> Markup:
    """Vertical bars, one per column (a year or a month), each stacked by series."""
    left, right, top_pad = 48, 16, 8
    plot_w = width - left - right
    totals = [sum(s.values[i] for s in series) for i in range(len(columns))]
    ticks = nice_ticks(max(totals, default=0))
    top = ticks[-1] or 1
    n = max(len(columns), 1)
    slot = plot_w / n
    bar_w = max(1.0, slot * 0.8)
    base = top_pad + plot_height
    room = 7 * max((len(c) for c in columns), default=4) + 10  # about 7 units a character
    label_every = max(1, math.ceil(n / (plot_w / room)))

    def y(v: float) -> float:
        return base - plot_height * v / top

    body: list[str] = []
    for v in ticks:
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="#d8d8dc" stroke-width="1"/>'
        )
        body.append(f'<text x="{left - 4}" y="{y(v) + 4:.1f}" text-anchor="end">{v:,}</text>')
    for i, column in enumerate(columns):
        x = left + i * slot + (slot - bar_w) / 2
        acc = 0
        for s in series:
            v = s.values[i]
            if not v:
                continue
            body.append(
                f'<rect x="{x:.1f}" y="{y(acc + v):.1f}" width="{bar_w:.1f}" '
                f'height="{y(acc) - y(acc + v):.1f}" fill="{s.color}">'
                f"<title>{escape(column)}: {escape(s.label)} {v:,}</title></rect>"
            )
            acc += v
        if i % label_every == 0:
            cx = left + i * slot + slot / 2
            body.append(
                f'<text x="{cx:.1f}" y="{base + 14}" text-anchor="middle">{escape(column)}</text>'
            )
    body.append(
        f'<line x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="#1d1d1f"/>'
    )
    legend, used = _legend([(s.label, s.color) for s in series], left, base + 26, plot_w)
    height = base + 26 + used + 4
    return Markup("\n".join([*_open(ident, width, height, title, desc), *body, *legend, "</svg>"]))


def grouped_hbars(
    groups: Sequence[BarGroup],
    legend: Sequence[tuple[str, str]],
    *,
    ident: str,
    title: str,
    desc: str,
    width: int = 560,
    label_width: int = 180,
    bar_height: int = 12,
) -> Markup:
    """Horizontal bars from 0 to 100%, in groups (one per cohort), one bar per series."""
    right = 56  # room for the text after a full bar
    plot_w = width - label_width - right
    body: list[str] = []
    y = 4
    for group in groups:
        body.append(f'<text x="0" y="{y + 11}" font-weight="bold">{escape(group.label)}</text>')
        y += 16
        for bar in group.bars:
            name, fill = legend[bar.series]
            w = max(0.0, min(1.0, bar.share)) * plot_w
            body.append(
                f'<text x="{label_width - 6}" y="{y + bar_height - 2}" '
                f'text-anchor="end">{escape(name)}</text>'
            )
            body.append(
                f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_height}" '
                f'fill="{fill}"><title>{escape(group.label)}: {escape(name)} '
                f"{escape(bar.text)}</title></rect>"
            )
            body.append(
                f'<text x="{label_width + w + 4:.1f}" y="{y + bar_height - 2}">'
                f"{escape(bar.text)}</text>"
            )
            y += bar_height + 4
        y += 8
    body.append(f'<line x1="{label_width}" x2="{label_width}" y1="0" y2="{y}" stroke="#1d1d1f"/>')
    return Markup("\n".join([*_open(ident, width, y + 4, title, desc), *body, "</svg>"]))
