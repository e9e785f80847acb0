"""The claims of one group side by side, in publication order, with everyone's verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from workbench.store.review import ReviewRow
from workbench.tui.chart import axis_end, axis_label, range_bar
from workbench.tui.text import (
    claim_value,
    literal,
    others_text,
    short_date,
    speaker_chain,
    verdict_text,
)

WIDE_FROM = 100  # table widths from which the speaker chain and reviewers' names are shown
WORDS_FROM = 150  # table widths from which verdicts are written out in full
GAP = 1  # cells between columns (each cell starts with this much space)


@dataclass(frozen=True)
class Columns:
    """Widths of the table's columns for the room it has (0 leaves a column out)."""

    date: int
    outlet: int
    said: int
    value: int
    chart: int
    suggested: int
    verdict: int
    others: int
    wide: bool = False  # full dates, the speaker chain, reviewers by name
    words: bool = False  # "✔ corroborated" rather than "✔ corr"

    def total(self) -> int:
        widths = (self.date, self.outlet, self.said, self.value, self.chart, self.suggested,
                  self.verdict, self.others)  # fmt: skip
        return sum(w + GAP for w in widths if w)


def columns_for(width: int, *, counts: bool, times: bool = False) -> Columns:
    """Share `width` cells among the columns: fixed ones first, the rest to the text columns."""
    room = max(width - 1, 40)  # the vertical scroll bar
    if room >= WIDE_FROM:
        words = room >= WORDS_FROM
        verdict = 14 if words else 6
        value = 12 if counts else 22
        chart = (22 if words else 14) if counts else 0
        fixed = Columns(16 if times else 10, 0, 0, value, chart, verdict, verdict, 0)
        spare = room - fixed.total() - 3 * GAP
        outlet = max(12, spare * 35 // 100)
        others = max(10, spare * 20 // 100)
        said = max(10, spare - outlet - others)
        return Columns(fixed.date, outlet, said, value, chart, verdict, verdict, others,
                       wide=True, words=words)  # fmt: skip
    value = 7 if counts else 14
    fixed = Columns(11 if times else 5, 0, 0, value, 10 if counts else 0, 1, 5, 4)
    outlet = max(8, room - fixed.total() - GAP)
    return Columns(fixed.date, outlet, 0, value, fixed.chart, 1, 5, 4)


class ClaimTable(DataTable[Text]):
    """One row per claim of the selected group; the row key is the claim id."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, **kwargs)  # type: ignore[arg-type]
        self.rows_shown: list[ReviewRow] = []
        self.kind: str = ""
        self.layout_for: Columns | None = None
        self._heading: tuple[Columns, int] | None = None  # what the columns were made for

    @property
    def current(self) -> ReviewRow | None:
        """The highlighted claim's row."""
        if not self.rows_shown or self.cursor_row < 0 or self.cursor_row >= len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    def show(self, rows: list[ReviewRow], kind: str, *, claim_id: int | None = None) -> None:
        """Show a group's rows, the cursor on `claim_id` (else the first row)."""
        self.rows_shown = rows
        self.kind = kind
        self._rebuild(claim_id)

    def _rebuild(self, claim_id: int | None) -> None:
        counts = self.kind == "casualty"
        cols = self._columns()
        end = axis_end([(r.claim.low, r.claim.high) for r in self.rows_shown]) if counts else 0
        heading = (cols, end)
        if heading == self._heading:
            self.clear()  # the same columns: keep them (cheaper than laying them out again)
        else:
            self.clear(columns=True)
            self._add_columns(cols, end)
            self._heading = heading
        self.layout_for = cols
        for row in self.rows_shown:
            self.add_row(*self._cells(row, cols, end), key=str(row.claim.id))
        row_index = next((i for i, r in enumerate(self.rows_shown) if r.claim.id == claim_id), 0)
        if self.rows_shown:
            self.move_cursor(row=row_index, animate=False)

    def _add_columns(self, cols: Columns, end: int) -> None:
        labels: list[tuple[str, Text, int]] = [
            ("date", Text("Published" if cols.wide else "Date"), cols.date),
            ("outlet", Text("Outlet"), cols.outlet),
            ("said", Text("Said by"), cols.said),
            ("value", Text("Value"), cols.value),
            ("chart", axis_label(end, cols.chart), cols.chart),
            (
                "suggested",
                Text("Suggested" if cols.words else "Sugg" if cols.wide else "S"),
                cols.suggested,
            ),  # fmt: skip
            ("mine", Text("You"), cols.verdict),
            ("others", Text("Others" if cols.wide else "Oth"), cols.others),
        ]
        for key, label, width in labels:
            if width:
                self.add_column(Text(" " * GAP) + label, width=width + GAP, key=key)

    def _cells(self, row: ReviewRow, cols: Columns, end: int) -> list[Text]:
        claim = row.claim
        cells = [Text(short_date(row.published, wide=cols.wide), no_wrap=True)]
        cells.append(literal(row.outlet or "(no outlet)", width=cols.outlet))
        if cols.said:
            cells.append(literal(speaker_chain(claim, row.outlet), width=cols.said))
        cells.append(literal(claim_value(claim), "bold", width=cols.value))
        if cols.chart:
            cells.append(range_bar(claim.low, claim.high, end, cols.chart))
        suggested = row.suggestion.verdict if row.suggestion else None
        cells.append(verdict_text(suggested, short=not cols.words, mark_only=not cols.wide))
        cells.append(verdict_text(row.mine.verdict if row.mine else None, short=not cols.words))
        if cols.others:
            cells.append(others_text(row.others, width=cols.others, short=not cols.wide))
        return [Text(" " * GAP) + cell for cell in cells]

    def _columns(self) -> Columns:
        times = any(r.published and "T" in r.published for r in self.rows_shown)
        return columns_for(self.size.width or 80, counts=self.kind == "casualty", times=times)

    def replace_row(self, row: ReviewRow) -> None:
        """Show the reviewer's new verdict on a claim in place, the cursor staying put."""
        for i, old in enumerate(self.rows_shown):
            if old.claim.id == row.claim.id:
                self.rows_shown[i] = row
                words = self.layout_for.words if self.layout_for else False
                cell = verdict_text(row.mine.verdict if row.mine else None, short=not words)
                self.update_cell(str(row.claim.id), "mine", Text(" " * GAP) + cell)

    def on_resize(self) -> None:
        cols = self._columns()
        if self.rows_shown and cols != self.layout_for:
            current = self.current
            self._rebuild(current.claim.id if current else None)
