"""The other screens: help (?), the command palette, export (e)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.report import FORMATS
from workbench.tui.app import ReviewApp
from workbench.tui.screens.help import HelpScreen

from .conftest import main_screen, settle
from .corpus import Built

SIZE = (100, 30)


async def test_help_lists_every_key_with_what_it_does(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.rows)
        for key in ("c", "d", "u", "x", "a", "n", "ctrl+z", "]", "[", "j", "k", "/", "f", "e",
                    "r", "o", "tab", "q", "?"):  # fmt: skip
            assert keys.get(key), f"{key} is not in the help"
        assert keys["c"] == "Mark the claim corroborated"
        await pilot.press("escape")
        assert main_screen(app) is app.screen


async def test_the_command_palette_runs_review_actions(built: Built) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"disputed")
        await pilot.pause(0.3)  # the palette searches asynchronously
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.current is not None and screen.current.mine is not None
        assert screen.current.mine.verdict == "disputed"


async def test_export_writes_a_report_in_a_worker(built: Built, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "e")
        await settle(pilot)
        assert app.screen.query_one("#export-format").value == FORMATS[0]
        await pilot.press("shift+tab", "enter")  # the format list
        for _ in range(FORMATS.index("json") - FORMATS.index(FORMATS[0])):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        field = app.screen.query_one("#export-path")
        assert field.value == "workbench-report.json"
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert main_screen(app) is app.screen
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == "workbench-export/1"
    assert [(v["reviewer"], v["verdict"]) for v in data["verdicts"]] == [("ana", "corroborated")]
    assert not target.with_name("report.json.part").exists()


async def test_export_to_an_impossible_place_says_why_and_stays_open(
    built: Built, tmp_path: Path
) -> None:
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path").value = str(tmp_path / "no-such-dir" / "r.json")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ExportScreen"
        assert not app.screen.query_one("#export-dialog").loading
        assert any("cannot write" in str(n.message) for n in app._notifications)


async def test_claimreview_export_names_the_organisation(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_ORG", raising=False)
    target = tmp_path / "reviews.jsonld"
    app = ReviewApp(built.path, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "e")
        await settle(pilot)
        app.screen.query_one("#export-format").value = "claimreview"
        await settle(pilot)
        app.screen.query_one("#export-path").value = str(target)
        app.screen.query_one("#export-org").focus()
        await pilot.press("enter")  # no organisation: said, nothing written, the dialog stays
        await settle(pilot)
        assert any("needs --org" in str(n.message) for n in app._notifications)
        assert type(app.screen).__name__ == "ExportScreen" and not target.exists()
        await pilot.press(*"Desk", "enter")
        await settle(pilot)
        assert main_screen(app) is app.screen
    data = json.loads(target.read_text(encoding="utf-8"))
    reviews = data["@graph"]
    assert len(reviews) == 1 and reviews[0]["author"]["name"] == "Desk"
