"""Fixtures for the review UI: a real review database and the real app, made deterministic."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from textual.worker import WorkerCancelled

from tui.corpus import Built, build_review_db
from workbench.tui.app import ReviewApp
from workbench.tui.screens.main import MainScreen


@pytest.fixture
def built(tmp_path: Path) -> Built:
    """The three-incident review database (hostile text included), ingested for real."""
    return build_review_db(tmp_path / "review.db", tmp_path / "articles")


@pytest.fixture(autouse=True)
def still_cursors(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cursors do not blink in tests (the screen does not change with the clock)."""
    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.cursor_blink, "_default", False)
    yield


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker has finished and the screen has caught up. A worker may start
    another, or be cancelled by a newer one of its group (moving on before it finished)."""
    for _ in range(3):
        while True:
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
        await pilot.pause()


def main_screen(app: ReviewApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), f"expected the review screen, got {screen!r}"
    return screen
