"""Moving through claims and groups: j/k across groups, next unreviewed, filter, search, article."""

from __future__ import annotations

from workbench.review import mark
from workbench.store import Store
from workbench.tui.app import ReviewApp
from workbench.tui.screens.article import ArticleScreen
from workbench.tui.widgets.evidence import Evidence

from .conftest import main_screen, settle
from .corpus import Built

SIZE = (120, 36)


def judge(built: Built, names: list[str], reviewer: str = "ana") -> None:
    with Store.open(built.path) as store:
        for name in names:
            mark(store, built.claims[name], "corroborated", reviewer)


def tree_groups(app: ReviewApp) -> list[str]:
    """Labels of the group nodes the tree shows."""
    tree = main_screen(app).event_tree
    return [
        child.data.label
        for event in tree.root.children
        for child in event.children
        if child.data is not None
    ]


async def test_j_and_k_cross_into_the_next_and_previous_group(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press(*"jjjj")
        await settle(pilot)
        assert screen.current is not None
        assert screen.current.claim.id == built.claims["continental-killed"]
        await pilot.press("j")
        await settle(pilot)
        assert screen.group is not None and screen.group.id == built.groups["th-aircraft"]
        assert screen.current is not None
        assert screen.current.claim.id == built.claims["meridian-jets"]
        node = screen.event_tree.cursor_node
        assert node is not None and node.data == screen.group
        await pilot.press("k")
        await settle(pilot)
        assert screen.group.id == built.groups["th-killed"]
        assert screen.current.claim.id == built.claims["continental-killed"]
        # the evidence follows the highlighted claim
        assert "At least 42 people were killed" in screen.query_one(Evidence).text.plain


async def test_next_and_previous_unreviewed(built: Built) -> None:
    judge(built, ["levant-killed", "gulf-killed", "northern-killed", "continental-killed"])
    judge(built, ["meridian-jets"])
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c", "right_square_bracket")  # first group now all judged
        await settle(pilot)
        assert screen.group is not None and screen.group.id == built.groups["th-aircraft"]
        assert screen.current is not None
        assert screen.current.claim.id == built.claims["levant-jets"]  # meridian-jets is judged
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.current.claim.id == built.claims["northern-jets"]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.current.claim.id == built.claims["levant-jets"]
        await pilot.press("left_square_bracket")  # nothing unjudged before it: wraps to the end
        await settle(pilot)
        assert screen.group.id == built.groups["hostile-killed"]


async def test_filter_cycles_all_conflicts_unreviewed_mine(built: Built) -> None:
    judge(built, ["meridian-intent", "levant-intent", "northern-intent"])
    judge(built, ["crescent-actor"], reviewer="bob")
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert len(tree_groups(app)) == 4  # the first event's groups; the others are closed
        await pilot.press("f")
        await settle(pilot)
        assert screen.filter == "conflicts"
        assert tree_groups(app) == ["aircraft", "intent"]
        assert screen.group is not None and screen.group.id == built.groups["th-aircraft"]
        assert "filter: conflicts" in str(screen.query_one("#header").render())
        await pilot.press("f")
        await settle(pilot)
        assert screen.filter == "unreviewed"
        assert "intent" not in tree_groups(app)
        assert [e.data.label for e in screen.event_tree.root.children if e.data] == [
            "Air strike on Tell Hamra market",
            "Car bomb at Nahr al-Ward bus station",
            "[red]Bridge[/] blast \x1b[1m[/]",
        ]
        await pilot.press("f")
        await settle(pilot)
        assert screen.filter == "mine"
        assert tree_groups(app) == ["intent"]
        assert len(screen.event_tree.root.children) == 1  # bob's verdict is not ana's
        await pilot.press("f")
        await settle(pilot)
        assert screen.filter == "all"


async def test_search_finds_a_claim_and_shows_it_in_its_group(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"MiG")
        await settle(pilot)
        results = app.screen.query_one("#search-results")
        assert results.option_count >= 2  # the claim and its article
        await pilot.press("enter", "enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.group is not None and screen.group.id == built.groups["th-aircraft"]
        assert screen.current is not None
        assert screen.current.claim.id == built.claims["northern-jets"]
        await pilot.press("d")
        await settle(pilot)
        with Store.open(built.path) as store:
            [entry] = store.verdict_history(reviewer="ana")
        assert entry.claim_id == built.claims["northern-jets"]


async def test_search_opens_an_article_and_o_opens_the_claims_article(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        field = app.screen.query_one("#search-input")
        field.value = "farming village"  # in no claim and no article: nothing found
        await settle(pilot)
        assert app.screen.query_one("#search-results").option_count == 0
        field.value = ""
        await pilot.press(*"Qasr")
        await settle(pilot)
        results = app.screen.query_one("#search-results")
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert f"article:{built.articles['northern']}" in ids
        results.highlighted = ids.index(f"article:{built.articles['northern']}")
        results.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert "medical workers in Qasr al-Wadi" in app.screen.query_one("#article-text").text
        await pilot.press("escape", "o")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        area = app.screen.query_one("#article-text")
        assert area.selected_text.startswith("killing at least 18 civilians")
