"""The review UI on the sample corpus as the real pipeline leaves it (ingest, extract, align)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from workbench.align import align
from workbench.extract import extract_articles
from workbench.ingest import ingest_paths
from workbench.store import Store
from workbench.tui.app import ReviewApp

from .conftest import main_screen, settle

CORPUS = Path(str(resources.files("workbench"))) / "samples" / "corpus"


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    with Store.open(path) as store:
        ingest_paths(store, [CORPUS])
        extract_articles(store, workers=1)
        align(store)
    return path


def test_main_screen_on_the_sample_corpus_at_100x30(sample_db: Path, snap_compare: Any) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)

    app = ReviewApp(sample_db, "ana")
    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)


async def test_reviewing_the_sample_corpus(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        first_event = store.review_events("ana")[0]
        first_group = store.review_groups(first_event.id, "ana")[0]
        total = store.review_progress("ana").total
    app = ReviewApp(sample_db, "ana")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.group is not None and screen.group.id == first_group.id
        assert screen.current is not None
        assert screen.current is screen.claim_table.rows_shown[0]
        dates = [r.published or "" for r in screen.claim_table.rows_shown]
        assert dates == sorted(dates)  # publication order
        await pilot.press("c", "j", "d")
        await settle(pilot)
        assert screen.overall.total == total
        assert screen.overall.judged == 2 or (
            len(screen.claim_table.rows_shown) == 1 and screen.overall.judged == 2
        )
        await pilot.press("f")  # conflicts only
        await settle(pilot)
        assert screen.group is not None and screen.group.status == "conflict"
    with Store.open(sample_db) as store:
        assert [v.verdict for v in store.verdict_history(reviewer="ana")] == [
            "corroborated",
            "disputed",
        ]
