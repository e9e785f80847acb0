"""Layout snapshots of the review screen (pytest-textual-snapshot), each named for its state.

Update one only as a reviewed change: `pytest tests/tui/test_review_snapshots.py --snapshot-update`
and read the new SVG (tests/tui/__snapshots__/) before committing it.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from workbench.tui.app import ReviewApp

from .conftest import settle
from .corpus import Built


def test_start_shows_the_rising_toll_group_at_80x24(built: Built, snap_compare: Any) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)

    app = ReviewApp(built.path, "ana")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_conflicts_filter_on_the_aircraft_group_at_140x40(built: Built, snap_compare: Any) -> None:
    async def filtered(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)

    app = ReviewApp(built.path, "ana")
    assert snap_compare(app, terminal_size=(140, 40), run_before=filtered)
