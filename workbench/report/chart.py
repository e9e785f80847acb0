"""Range charts of count groups as inline SVG: one line per claim, its interval on a shared axis.

"62" is a dot, "38-40" a bar between two dots, "at least 45" a bar running off to the right
with an arrow, "nearly 50" (no lower bound) a dashed bar from zero. Every label is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from workbench.report.rows import ClaimRow, range_text

WIDTH = 720
LABEL_W = 230  # left column: outlet and speaker
VALUE_W = 110  # right column: the value in words
ROW_H = 24
TOP = 26  # room for the axis labels
LABEL_CHARS = 34
TICKS = 5  # axis ends are 10, 20, 50, 100, ...: five equal steps are whole numbers


def _nice_max(value: int) -> int:
    """A round upper end for the axis, at least `value`: 10, 20, 50, 100, 200, ..."""
    step = 10
    while True:
        for m in (1, 2, 5):
            if step * m >= value:
                return step * m
        step *= 10


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "\u2026"


def _h(text: object) -> str:
    return escape(str(text), quote=True)


def chartable(rows: Sequence[ClaimRow]) -> bool:
    """Whether a group is a count group with at least one bound to draw."""
    return any(
        r.claim.kind == "casualty" and (r.claim.low is not None or r.claim.high is not None)
        for r in rows
    )


def range_chart(rows: Sequence[ClaimRow], title: str) -> str:
    """An <svg> element drawing each casualty claim's interval (empty when nothing to draw)."""
    drawn = [r for r in rows if r.claim.kind == "casualty"]
    if not chartable(drawn):
        return ""
    top_value = max(
        max(v for v in (r.claim.low, r.claim.high) if v is not None)
        for r in drawn
        if r.claim.low is not None or r.claim.high is not None
    )
    axis_max = _nice_max(int(top_value * 1.1) + 1)
    x0, x1 = LABEL_W, WIDTH - VALUE_W

    def x(v: float) -> float:
        return round(x0 + (x1 - x0) * v / axis_max, 1)

    height = TOP + ROW_H * len(drawn) + 8
    parts = [
        f'<svg class="range-chart" role="img" viewBox="0 0 {WIDTH} {height}"'
        f' width="{WIDTH}" height="{height}">',
        f"<title>{_h(title)}</title>",
    ]
    for i in range(TICKS + 1):
        v = axis_max * i / TICKS
        tick = int(v) if v == int(v) else round(v, 1)
        parts.append(
            f'<line class="grid" x1="{x(v)}" y1="{TOP - 6}" x2="{x(v)}" y2="{height - 6}"/>'
            f'<text class="tick" x="{x(v)}" y="{TOP - 10}">{tick}</text>'
        )
    for i, row in enumerate(drawn):
        c = row.claim
        y = TOP + ROW_H * i + ROW_H / 2
        label = _short(f"{row.article.outlet or '?'} \u00b7 {c.origin or '?'}")
        parts.append(f'<text class="label" x="{LABEL_W - 8}" y="{y + 4}">{_h(label)}</text>')
        approx = " approx" if c.approximate else ""
        if c.low is not None and c.high is not None and c.low == c.high:
            parts.append(f'<circle class="point{approx}" cx="{x(c.low)}" cy="{y}" r="5"/>')
        elif c.low is not None and c.high is not None:
            parts.append(
                f'<line class="bar{approx}" x1="{x(c.low)}" y1="{y}" x2="{x(c.high)}" y2="{y}"/>'
                f'<circle class="point{approx}" cx="{x(c.low)}" cy="{y}" r="4"/>'
                f'<circle class="point{approx}" cx="{x(c.high)}" cy="{y}" r="4"/>'
            )
        elif c.low is not None:  # at least: open to the right
            parts.append(
                f'<line class="bar open{approx}" x1="{x(c.low)}" y1="{y}" x2="{x1 - 6}" y2="{y}"/>'
                f'<circle class="point{approx}" cx="{x(c.low)}" cy="{y}" r="4"/>'
                f'<path class="arrow" d="M{x1 - 8},{y - 5} L{x1},{y} L{x1 - 8},{y + 5} Z"/>'
            )
        elif c.high is not None:  # up to: no lower bound
            parts.append(
                f'<line class="bar unbounded{approx}" x1="{x(0)}" y1="{y}" x2="{x(c.high)}"'
                f' y2="{y}"/><circle class="point{approx}" cx="{x(c.high)}" cy="{y}" r="4"/>'
            )
        words = range_text(c.low, c.high, c.approximate)
        parts.append(f'<text class="value" x="{x1 + 10}" y="{y + 4}">{_h(words)}</text>')
    parts.append("</svg>")
    return "".join(parts)
