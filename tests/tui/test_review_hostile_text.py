"""Markup-like text and ANSI escapes in an article, its outlet and its title are shown literally:
nothing is restyled, nothing becomes a link or an action, and the app keeps running."""

from __future__ import annotations

from typing import Any

from rich.style import Style

from workbench.tui.app import ReviewApp
from workbench.tui.screens.article import ArticleScreen
from workbench.tui.widgets.evidence import Evidence

from .conftest import main_screen, settle
from .corpus import HOSTILE_OUTLET, HOSTILE_SENTENCE, Built

SIZE = (160, 40)


def shown(s: str) -> str:
    """What the screen shows for `s`: the escape character as the symbol ␛."""
    return s.replace("\x1b", "␛")


def assert_plain(text: Any) -> None:
    """No span of a rich Text or a Textual Content makes a link or an action."""
    for span in text.spans:
        style = span.style
        if isinstance(style, str):
            style = Style.parse(style)
        assert not style.link, f"{span} in {text.plain!r}"
        assert not (style.meta if isinstance(style, Style) else style._meta), span


async def test_hostile_text_is_shown_literally(built: Built) -> None:
    app = ReviewApp(built.path, "[bold]ana[/]")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.open_group(built.groups["hostile-killed"])
        await settle(pilot)
        assert screen.current is not None
        assert screen.current.claim.id == built.claims["hostile-killed"]

        outlet = screen.claim_table.get_cell(str(screen.current.claim.id), "outlet")
        cell = outlet.plain.strip()
        assert cell.startswith("[bold red]x[/] Wire")
        assert shown(HOSTILE_OUTLET).startswith(cell.rstrip("…"))
        assert_plain(outlet)

        evidence = screen.query_one(Evidence).text
        assert shown(HOSTILE_SENTENCE) in evidence.plain
        assert shown(HOSTILE_OUTLET) in evidence.plain
        assert "[@click=app.quit]Officials[/]" in evidence.plain  # the speaker and the reason
        assert "\x1b" not in evidence.plain
        assert_plain(evidence)

        event = screen.event_tree.event_node(built.events["hostile"])
        assert event is not None
        assert "[red]Bridge[/]" in event.label.plain
        assert "[bold]ana[/]" in str(screen.query_one("#header").render())

        # a verdict and a note full of markup are stored and shown as typed
        await pilot.press("d", "n", *"[/] [link=x]y")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Your note: [/] [link=x]y" in screen.query_one(Evidence).text.plain

        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        area = app.screen.query_one("#article-text")
        assert shown(HOSTILE_SENTENCE) in area.text
        title = app.screen.query_one("#article-head").render()
        assert "[b]Bridge[/b] blast [/]" in str(title)

        svg = app.export_screenshot()
        assert "x[/]" in svg.replace("&#160;", " ")
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and app.return_code is None
