"""The verdict keys, pressed for real in the review app, write the verdict history."""

from __future__ import annotations

from workbench.store import Store
from workbench.tui.app import ReviewApp
from workbench.tui.widgets.evidence import Evidence

from .conftest import main_screen, settle
from .corpus import Built

SIZE = (120, 36)


def history(built: Built, reviewer: str = "ana") -> list[tuple[int | None, str | None, str | None]]:
    with Store.open(built.path) as store:
        return [(v.claim_id, v.verdict, v.note) for v in store.verdict_history(reviewer=reviewer)]


async def test_starts_on_the_first_group_with_its_first_claim(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.group is not None and screen.group.id == built.groups["th-killed"]
        assert screen.event_tree.cursor_node is not None
        assert screen.event_tree.cursor_node.data == screen.group
        assert app.focused is screen.claim_table
        rows = screen.claim_table.rows_shown
        # publication order: the rising toll reads 18+, 23, 27, 34, 42+
        assert [r.claim.low for r in rows] == [18, 23, 27, 34, 42]
        assert screen.current is rows[0]
        assert screen.current.claim.id == built.claims["meridian-killed"]


async def test_each_verdict_key_appends_one_entry_and_shows_saved(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c")
        await settle(pilot)
        assert "saved" in str(screen.status.render())
        await pilot.press("j", "d", "j", "u", "j", "a")  # "a" on a claim without a suggestion
        await settle(pilot)
        await pilot.press("k", "k", "x")
        await settle(pilot)
        c = built.claims
        assert history(built) == [
            (c["meridian-killed"], "corroborated", None),
            (c["levant-killed"], "disputed", None),
            (c["gulf-killed"], "unverified", None),
            (c["levant-killed"], None, None),
        ]
        mine = {
            r.claim.id: r.mine.verdict if r.mine else None for r in screen.claim_table.rows_shown
        }
        assert mine[c["meridian-killed"]] == "corroborated"
        assert mine[c["levant-killed"]] is None
        assert screen.overall.judged == 2
        # the entry keeps a snapshot of what was judged
        with Store.open(built.path) as store:
            first = store.verdict_history(reviewer="ana")[0]
        assert first.claim_quote.startswith("killing at least 18 civilians")
        assert first.claim_value == {
            "kind": "casualty",
            "outcome": "killed",
            "subject": "civilians",
            "low": 18,
        }


async def test_accept_takes_the_suggestion(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current is not None and screen.current.suggestion is not None
        await pilot.press("a")
        await settle(pilot)
        assert history(built) == [(built.claims["meridian-killed"], "corroborated", None)]
        # on a claim without a suggestion the key says so and records nothing
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.current is not None and screen.current.suggestion is None
        await pilot.press("a")
        await settle(pilot)
        assert len(history(built)) == 1
        assert "No suggestion for this claim" in str(screen.status.render())
        # in a group without any suggestion the key is hidden
        screen.open_group(built.groups["th-children"])
        await settle(pilot)
        assert screen.check_action("accept", ()) is False


async def test_verdict_keys_act_on_the_claim_whatever_pane_has_focus(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("shift+tab")  # the events pane
        assert app.focused is screen.event_tree
        await pilot.press("d")
        await pilot.press("tab", "tab")  # the evidence pane
        assert app.focused is screen.query_one("#evidence")
        await pilot.press("u")
        await settle(pilot)
        levant = built.claims["levant-killed"]
        assert history(built) == [(levant, "disputed", None), (levant, "unverified", None)]


async def test_undo_appends_the_previous_state_and_never_deletes(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.check_action("undo", ()) is False
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        first = built.claims["meridian-killed"]
        assert history(built)[-1] == (first, "corroborated", None)
        assert screen.current is not None and screen.current.mine is not None
        assert screen.current.mine.verdict == "corroborated"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert history(built) == [
            (first, "corroborated", None),
            (first, "disputed", None),
            (first, "corroborated", None),
            (first, None, None),
        ]
        assert screen.check_action("undo", ()) is False
        assert "undone" in str(screen.status.render())


async def test_undo_goes_back_to_a_claim_in_another_group(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("d", "j", "j", "j", "j", "j")  # past the last claim: the next group
        await settle(pilot)
        assert screen.group is not None and screen.group.id == built.groups["th-aircraft"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.group.id == built.groups["th-killed"]
        assert screen.current is not None
        assert screen.current.claim.id == built.claims["meridian-killed"]
        assert screen.current.mine is not None and screen.current.mine.verdict is None


async def test_note_is_written_in_a_modal_and_keeps_the_verdict(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "NoteScreen"
        await pilot.press(*"Monitor [/] says 18")
        await pilot.press("ctrl+s")
        await settle(pilot)
        first = built.claims["meridian-killed"]
        assert history(built) == [
            (first, "disputed", None),
            (first, "disputed", "Monitor [/] says 18"),
        ]
        # escape leaves it as it was; a later verdict keeps the note
        await pilot.press("n", "x", "escape")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert history(built)[2:] == [(first, "corroborated", "Monitor [/] says 18")]
        screen = main_screen(app)
        assert "Your note: Monitor [/] says 18" in screen.query_one(Evidence).text.plain


async def test_a_verdict_that_cannot_be_saved_is_shown_as_not_saved(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = built.claims["meridian-killed"]
        # meanwhile, re-extraction in another process removed the claim
        with Store.open(built.path) as other, other.transaction():
            other.conn.execute("DELETE FROM claims WHERE id = ?", (first,))
        await pilot.press("d")
        await settle(pilot)
        status = str(screen.status.render())
        assert "NOT saved" in status and f"no claim with id {first}" in status
        assert "✓ saved" not in status
        assert screen.current is not None and screen.current.mine is None
        assert history(built) == []
        assert app.is_running


async def test_clear_on_a_claim_without_a_verdict_adds_nothing(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert history(built) == []
        assert "no verdict on this claim" in str(main_screen(app).status.render())
