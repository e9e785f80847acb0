"""The whole article, read-only, with the claim's quote selected and scrolled into view."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from workbench.models import Claim
from workbench.tui.data import StoreThread
from workbench.tui.text import literal, visible


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as TextArea counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class ArticleScreen(Screen[None]):
    """Read one article whole; escape (or q) goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "back", tooltip="Back to the claims"),
        Binding("q", "app.pop_screen", "back", show=False, tooltip="Back to the claims"),
    ]

    def __init__(self, data: StoreThread, article_id: int, claim: Claim | None) -> None:
        super().__init__()
        self.data = data
        self.article_id = article_id
        self.claim = claim

    def compose(self) -> ComposeResult:
        yield Static(id="article-head")
        yield TextArea(id="article-text", read_only=True, soft_wrap=True, show_line_numbers=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).loading = True
        self.load()

    @work(exclusive=True, exit_on_error=False)
    async def load(self) -> None:
        article = await self.data.article(self.article_id)
        area = self.query_one(TextArea)
        area.loading = False
        head = self.query_one("#article-head", Static)
        if article is None:
            head.update(Text(f"Article {self.article_id} is no longer in the database."))
            return
        title = Text.assemble(
            literal(article.title or "(untitled)", "bold"),
            "\n",
            literal(article.source or "(no outlet)"),
            (f" · {article.published_at or article.published or 'undated'}", "dim"),
            (" · ", "dim"),
            literal(article.url or article.external_id or "", "dim"),
        )
        head.update(title)
        text = visible(article.text)
        area.load_text(text)
        area.focus()
        if self.claim is not None and self.claim.end <= len(text):
            start, end = location(text, self.claim.start), location(text, self.claim.end)
            area.selection = Selection(start, end)
            self.call_after_refresh(area.scroll_cursor_visible, center=True)
