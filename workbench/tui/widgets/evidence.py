"""The evidence under the claims: who said it and the article text scrolled to the quote.

The quote is highlighted, the words carrying the value stand out inside it, hedges ("at least",
"reportedly") and the people in the speaker chain are marked. Everything is built as rich Text, so
article text is shown exactly as written; only a window of text around the quote is drawn (the
`o` key opens the whole article).
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.models import Article
from workbench.store.review import ReviewRow
from workbench.tui.text import literal, one_line, speaker_chain, verdict_text, visible

WINDOW = 2500  # characters of article text drawn each side of the quote
QUOTE = "on #3b3b10"
VALUE = "bold black on #e0c040"
HEDGE = "italic underline magenta"
SPEAKER = "bold cyan"


def describe_row(row: ReviewRow) -> Text:
    """The header lines: who said it, the suggestion and its reason, notes."""
    claim = row.claim
    text = Text(no_wrap=False, end="")
    text.append_text(literal(row.outlet or "(no outlet)", "bold"))
    text.append(" · ")
    text.append_text(literal(speaker_chain(claim, row.outlet), SPEAKER))
    text.append(f" · {row.published or 'undated'}", style="dim")
    if row.title:
        text.append(" · ")
        text.append_text(literal(row.title, "italic"))
    if row.suggestion is not None:
        text.append("\nSuggested ")
        text.append_text(verdict_text(row.suggestion.verdict))
        text.append(": ")
        text.append_text(literal(row.suggestion.reason))
    if row.mine is not None and row.mine.note:
        text.append("\nYour note: ", style="bold")
        text.append_text(literal(row.mine.note))
    for v in row.others:
        text.append("\n")
        text.append_text(literal(v.reviewer, "bold"))
        text.append(": ")
        text.append_text(verdict_text(v.verdict))
        if v.note:
            text.append(" — ")
            text.append_text(literal(v.note))
    return text


def _mark_all(text: Text, haystack: str, needle: str, lo: int, hi: int, style: str) -> None:
    needle = one_line(needle)
    if len(needle) < 2:
        return
    for m in re.finditer(re.escape(needle), haystack[lo:hi], flags=re.IGNORECASE):
        text.stylize(style, lo + m.start(), lo + m.end())


def evidence_text(row: ReviewRow, article: Article) -> tuple[Text, int]:
    """The article text around the quote, marked up; and where the quote starts in it."""
    claim = row.claim
    body = visible(article.text)
    lo = max(0, body.rfind("\n\n", 0, max(0, claim.start - WINDOW)) + 1)
    hi = min(len(body), claim.end + WINDOW)
    shown = body[lo:hi]
    text = Text(("…" if lo else "") + shown + ("…" if hi < len(body) else ""), end="")
    shift = (1 if lo else 0) - lo
    start, end = claim.start + shift, claim.end + shift
    text.stylize(QUOTE, start, end)
    for hedge in claim.hedges:
        _mark_all(text, text.plain, hedge, start, end, HEDGE)
    sentence_lo = max(0, text.plain.rfind("\n", 0, start))
    sentence_hi = text.plain.find("\n", end)
    sentence_hi = len(text.plain) if sentence_hi < 0 else sentence_hi
    for link in claim.speaker_chain[1:] or ([claim.speaker] if claim.speaker else []):
        _mark_all(text, text.plain, link, sentence_lo, sentence_hi, SPEAKER)
    if claim.span_start is not None and claim.span_end is not None:
        text.stylize(VALUE, claim.span_start + shift, claim.span_end + shift)
    return text, start


class Evidence(ScrollView, can_focus=True):
    """Who said it, then the article text scrolled so the quote is in view.

    Drawn line by line (Textual's line API): showing another claim re-wraps its text and
    repaints this pane only, without laying the whole screen out again.
    """

    claim_id: int | None = None  # the claim whose evidence is shown

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = Text("No claim selected.", style="dim")
        self._quote_at = 0  # where the quote starts in `_text`
        self._strips: list[Strip] = []
        self._wrapped_for = -1

    def show(self, row: ReviewRow | None, article: Article | None) -> None:
        self.claim_id = row.claim.id if row is not None else None
        if row is None:
            self._text, self._quote_at = Text("No claim selected.", style="dim"), 0
        else:
            text = describe_row(row)
            text.append("\n\n")
            if article is None:
                text.append("(the article is no longer in the database)", style="dim")
                self._quote_at = 0
            else:
                body, start = evidence_text(row, article)
                self._quote_at = len(text) + start
                text.append_text(body)
            self._text = text
        self._wrap()
        self._scroll_to_quote()

    @property
    def text(self) -> Text:
        """Everything the pane shows, as one Text (before wrapping)."""
        return self._text

    def _wrap(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        console = self.app.console
        lines = self._text.wrap(console, width, overflow="fold")
        self._strips = [
            Strip(line.render(console, end=""), line.cell_len).adjust_cell_length(width)
            for line in lines
        ]
        self._wrapped_for = width
        self.virtual_size = Size(width, len(self._strips))
        self.refresh()

    def _scroll_to_quote(self) -> None:
        if not self._quote_at:
            self.scroll_home(animate=False)
            return
        width = self._wrapped_for
        before = self._text[: self._quote_at]
        y = len(before.wrap(self.app.console, width, overflow="fold")) - 1
        if y + 2 < self.scrollable_content_region.height:
            self.scroll_home(animate=False)  # in view without scrolling: keep the header
        else:
            self.scroll_to(y=max(0, y - 2), animate=False)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        if index >= len(self._strips):
            return Strip.blank(width, self.rich_style)
        return self._strips[index].crop(scroll_x, scroll_x + width).apply_style(self.rich_style)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrapped_for:
            self._wrap()
            self._scroll_to_quote()
