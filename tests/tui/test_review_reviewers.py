"""Two reviewers on one database: each sees the other's verdicts on r and between groups."""

from __future__ import annotations

from workbench.review import mark
from workbench.store import Store
from workbench.tui.app import ReviewApp
from workbench.tui.widgets.evidence import Evidence

from .conftest import main_screen, settle
from .corpus import Built

SIZE = (160, 36)


def others(app: ReviewApp, claim_id: int) -> list[tuple[str, str | None]]:
    for row in main_screen(app).claim_table.rows_shown:
        if row.claim.id == claim_id:
            return [(v.reviewer, v.verdict) for v in row.others]
    raise AssertionError(f"claim {claim_id} is not shown")


async def test_another_reviewers_verdict_shows_on_refresh_and_between_groups(built: Built) -> None:
    first = built.claims["meridian-killed"]
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        with Store.open(built.path) as bob:  # another connection, as another process has
            mark(bob, first, "disputed", "bob", note="only one origin")
        assert others(app, first) == []
        await pilot.press("r")
        await settle(pilot)
        assert others(app, first) == [("bob", "disputed")]
        screen = main_screen(app)
        assert screen.current is not None and screen.current.claim.id == first
        cell = screen.claim_table.get_cell(str(first), "others")
        assert cell.plain.strip() == "bob ✘"
        assert "only one origin" in screen.query_one(Evidence).text.plain

        with Store.open(built.path) as bob:
            mark(bob, first, "unverified", "bob")
        await pilot.press("j", "j", "j", "j", "j")  # into the next group
        await settle(pilot)
        await pilot.press("k", "k", "k", "k", "k")  # and back to the first claim
        await settle(pilot)
        assert others(app, first) == [("bob", "unverified")]
        # ana's own verdict is hers, not among the others'
        assert screen.current is not None and screen.current.mine is not None
        assert screen.current.mine.verdict == "corroborated"


async def test_two_apps_one_database(built: Built) -> None:
    """Ana's app writes; then Bob's app, on the same file, shows her verdict and adds his."""
    first = built.claims["meridian-killed"]
    ana = ReviewApp(built.path, "ana")
    async with ana.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        bob = ReviewApp(built.path, "bob")
        async with bob.run_test(size=SIZE) as bob_pilot:
            await settle(bob_pilot)
            assert others(bob, first) == [("ana", "disputed")]
            assert main_screen(bob).overall.judged == 0
            await bob_pilot.press("c")
            await settle(bob_pilot)
        await pilot.press("r")
        await settle(pilot)
        assert others(ana, first) == [("bob", "corroborated")]
    with Store.open(built.path) as store:
        verdicts = store.current_verdicts(reviewer=None)
    assert verdicts[("fp-meridian-killed", "ana")].verdict == "disputed"
    assert verdicts[("fp-meridian-killed", "bob")].verdict == "corroborated"
