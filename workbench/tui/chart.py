"""The range chart of a count group: one bar per claim on an axis the whole group shares.

"at least 45" is drawn from 45 to the end of the axis, fading, with an arrow; "nearly 50" from
the start to 49; "62" as a single solid mark. The bars sit in the claims table, one per row, so the
spread of a rising or disputed toll is seen at a glance next to who said what.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

SOLID = "█"
OPEN = "░"
AXIS = "·"


def axis_end(bounds: Sequence[tuple[int | None, int | None]]) -> int:
    """A round number a little above the largest finite bound (at least 10)."""
    top = max([b for pair in bounds for b in pair if b is not None] + [1])
    target = top * 1.15
    step = 1
    while True:
        for nice in (1, 2, 2.5, 5):
            end = int(nice * step)
            if end >= target and end >= 10:
                return end
        step *= 10


def _col(value: int, end: int, width: int) -> int:
    return max(0, min(width - 1, round(value / end * (width - 1))))


def range_bar(low: int | None, high: int | None, end: int, width: int) -> Text:
    """One claim's interval as a bar `width` cells wide on the axis 0..end."""
    cells = [(AXIS, "dim")] * width
    if low is None and high is None or width < 2:
        return Text("?", style="dim")
    a = 0 if low is None else _col(low, end, width)
    b = width - 1 if high is None else _col(high, end, width)
    for i in range(a, b + 1):
        cells[i] = (SOLID, "bold cyan")
    if low is None:
        for i in range(0, b):
            cells[i] = (OPEN, "cyan")
        cells[0] = ("◀", "cyan")
    if high is None:
        for i in range(a + 1, width):
            cells[i] = (OPEN, "cyan")
        cells[width - 1] = ("▶", "cyan")
    text = Text(no_wrap=True, end="")
    for char, style in cells:
        text.append(char, style=style)
    return text


def axis_label(end: int, width: int) -> Text:
    """The column heading: the axis from 0 to `end`."""
    right = str(end)
    gap = max(1, width - 1 - len(right))
    return Text("0" + " " * gap + right, no_wrap=True, end="")
