"""Search across claims (their quotes, subjects, speakers) and articles (titles and text).

The words are taken literally (full-text search with SQLite FTS5). Choosing a claim shows it in
its group; choosing an article opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.models import Claim
from workbench.store import Store
from workbench.tui.data import StoreThread
from workbench.tui.messages import Target
from workbench.tui.text import claim_value, literal

LIMIT = 50


@dataclass(frozen=True)
class Found:
    claims: list[tuple[Claim, str | None]]  # each with its outlet
    articles: list[dict[str, object]]


def search(store: Store, words: str) -> Found:
    claims = list(islice(store.iter_claims(search=words), LIMIT))
    briefs = store.article_briefs([c.article_id for c in claims if c.article_id is not None])
    return Found(
        [(c, briefs.get(c.article_id or 0, (None, None))[0]) for c in claims],
        store.find_articles(search=words, limit=LIMIT),
    )


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


class SearchScreen(ModalScreen[Target | None]):
    """Type words; up/down and enter choose a result; escape closes."""

    BINDINGS = [Binding("escape", "cancel", "close", tooltip="Close the search")]

    def __init__(self, data: StoreThread) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Static(Text("Search claims and articles", style="bold"), classes="dialog-title")
            yield Input(placeholder="words to find", id="search-input")
            yield OptionList(id="search-results")
            yield Static(id="search-count", classes="dim")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#search-input")
    def typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def submitted(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    @work(exclusive=True, group="search", exit_on_error=False)
    async def run_search(self, words: str) -> None:
        results = self.query_one(OptionList)
        count = self.query_one("#search-count", Static)
        if not words.strip():
            results.clear_options()
            count.update("")
            return
        found = await self.data.run(lambda s: search(s, words))
        options: list[Option | None] = []
        for claim, outlet in found.claims:
            prompt = Text.assemble(
                ("claim ", "dim"),
                (f"{claim.id} ", "bold"),
                literal(outlet or "(no outlet)", width=24),
                "  ",
                literal(claim_value(claim), "bold", width=16),
                "  ",
                literal(claim.quote, "italic", width=80),
            )
            options.append(Option(prompt, id=f"claim:{claim.id}"))
        for a in found.articles:
            prompt = Text.assemble(
                ("article ", "dim"),
                (f"{a['id']} ", "bold"),
                literal(str(a["source"] or "(no outlet)"), width=24),
                (f"  {a['published'] or ''}  ", "dim"),
                literal(str(a["title"] or ""), width=80),
            )
            options.append(Option(prompt, id=f"article:{a['id']}"))
        results.clear_options()
        results.add_options(options)
        capped = LIMIT in (len(found.claims), len(found.articles))
        count.update(
            Text(
                f"{plural(len(found.claims), 'claim')}, {plural(len(found.articles), 'article')}"
                + (f" (at most {LIMIT} of each)" if capped else ""),
                style="dim",
            )
        )

    @on(OptionList.OptionSelected, "#search-results")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition(":")
        if kind == "claim":
            self.dismiss(Target(claim_id=int(ident)))
        elif kind == "article":
            self.dismiss(Target(article_id=int(ident)))

    def action_cancel(self) -> None:
        self.dismiss(None)
