"""Review UI speed on a database of 100k claims: first screen, verdict keypress, moving with j.

    .venv/bin/python bench/review_bench.py [--db bench-review.db] [--rebuild] [--claims 100000]

Builds the database once through the real store (10 claims an article, 5 articles an event, each
group the same question asked of the event's 5 articles), ingesting a synthetic JSONL file with
`ingest_paths`, then measures:

- first screen: the app started until the first group's claims and the first claim's evidence are
  shown, in this process (Textual headless) and, when tmux is there, the real `workbench review`
  in a terminal until its screen shows the first claim (Python start-up included);
- a verdict key (c, d, u, x in turn) until the entry is committed and the row and the status line
  show it, 200 presses;
- j through 1,000 claims (crossing into the next group every 5) until the next claim is
  highlighted and its evidence shown: the worst stall.

Targets (issue 5): first screen < 2 s; verdict p95 < 50 ms; no j stall over 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.ingest import ingest_paths
from workbench.models import Claim, ClaimGroup, Event, Suggestion
from workbench.store import Store

PER_ARTICLE = 10
PER_EVENT = 5
OUTLETS = [
    "Meridian News Agency",
    "Levant Wire",
    "Gulf Daily Courier",
    "Northern Star Radio",
    "Continental Post",
    "Crescent Broadcast",
    "The Cedar Herald",
]
WEAPONS = ["Su-24", "Su-34", "MiG-23", "barrel bombs", "car bomb"]
STATUSES: tuple[Any, ...] = ("conflict", "update", "agree", "single")


def sentence(article: int, k: int) -> tuple[str, str, dict[str, Any]]:
    """The k-th sentence of an article, the words carrying its value, and the claim's fields."""
    n = 10 + (article * 7 + k * 3) % 60
    if k % 3 == 0:
        fields: dict[str, Any] = {"kind": "casualty", "outcome": "killed", "low": n}
        return (
            f"At least {n} people were killed in the attack, officials said.",
            f"At least {n}",
            fields,
        )
    if k % 3 == 1:
        w = WEAPONS[(article + k) % len(WEAPONS)]
        return (
            f"Witnesses said {w} had been used against the village.",
            w,
            {"kind": "weapon", "canonical": w},
        )
    fields = {"kind": "casualty", "outcome": "killed", "low": n, "high": n, "rising": True}
    return f"The toll rose to {n} by the evening, a doctor said.", str(n), fields


def article_text(a: int) -> str:
    return " ".join(sentence(a, k)[0] for k in range(PER_ARTICLE)) + f" (report {a})"


def write_articles(path: Path, articles: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in range(articles):
            event = a // PER_EVENT
            record = {
                "id": f"bench-{a}",
                "title": f"Attack {event}, report {a % PER_EVENT}",
                "source": OUTLETS[a % len(OUTLETS)],
                "text": article_text(a),
                "published": f"2016-{1 + event % 12:02d}-{1 + a % 28:02d}",
            }
            out.write(json.dumps(record) + "\n")


def claims_of(a: int) -> list[Claim]:
    text, made, pos = article_text(a), [], 0
    for k in range(PER_ARTICLE):
        quote, words, fields = sentence(a, k)
        start = text.index(quote, pos)
        span = text.index(words, start)
        made.append(
            Claim(
                quote=quote,
                start=start,
                end=start + len(quote),
                span_start=span,
                span_end=span + len(words),
                speaker_chain=[OUTLETS[a % len(OUTLETS)], "officials"],
                fingerprint=f"bench-{a}-{k}",
                **fields,
            )
        )
        pos = start + len(quote)
    return made


def alignment(
    events: int, article_ids: dict[str, int], claim_ids: dict[tuple[int, int], int]
) -> tuple[list[Event], list[ClaimGroup], list[Suggestion]]:
    """One event per PER_EVENT articles; group k of an event holds sentence k of each."""
    made_events, groups = [], []
    for e in range(events):
        members = range(e * PER_EVENT, (e + 1) * PER_EVENT)
        made_events.append(
            Event(
                key=f"e{e}",
                label=f"Attack {e}",
                date_from=f"2016-{1 + e % 12:02d}-01",
                article_ids=[article_ids[f"bench-{a}"] for a in members],
            )
        )
        for k in range(PER_ARTICLE):
            groups.append(
                ClaimGroup(
                    key=f"e{e}-g{k}",
                    event_key=f"e{e}",
                    kind=sentence(e, k)[2]["kind"],
                    label=f"question {k}",
                    status=STATUSES[k % len(STATUSES)],
                    claim_ids=[claim_ids[(a, k)] for a in members],
                )
            )
    suggestions = [
        Suggestion(claim_id=cid, verdict="unverified", reason="one origin")
        for (a, k), cid in claim_ids.items()
        if (a + k) % 2 == 0
    ]
    return made_events, groups, suggestions


def build(db: Path, claims: int) -> None:
    articles = claims // PER_ARTICLE
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store.open(db) as store:
        dump = Path(tmp) / "articles.jsonl"
        write_articles(dump, articles)
        ingest_paths(store, [dump])
        ids = {a["external_id"]: int(a["id"]) for a in store.find_articles()}
        ingested = time.perf_counter()
        claim_ids: dict[tuple[int, int], int] = {}
        with store.transaction():
            for a in range(articles):
                for k, cid in enumerate(store.save_claims(ids[f"bench-{a}"], claims_of(a))):
                    claim_ids[(a, k)] = cid
            store.save_alignment(*alignment(articles // PER_EVENT, ids, claim_ids))
        n = store.table_counts()
    print(
        f"built {db}: {n['articles']} articles, {n['claims']} claims, {n['events']} events,"
        f" {n['claim_groups']} groups (ingest {ingested - started:.1f} s,"
        f" all {time.perf_counter() - started:.1f} s)"
    )


async def until(check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never showed it")
        await asyncio.sleep(0.0005)


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    return (
        f"p50 {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms,"
        f" max {values[-1] * 1000:.1f} ms"
    )


async def measure_app(db: Path) -> dict[str, str]:
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.main import MainScreen
    from workbench.tui.widgets.evidence import Evidence

    results: dict[str, str] = {}
    reviewer = f"bench-{os.getpid()}"
    app = ReviewApp(db, reviewer)
    started = time.perf_counter()
    async with app.run_test(size=(160, 45)) as pilot:

        def screen() -> MainScreen:
            assert isinstance(app.screen, MainScreen)
            return app.screen

        def shown() -> bool:
            s = app.screen
            if not isinstance(s, MainScreen) or s.current is None:
                return False
            return s.query_one(Evidence).claim_id == s.current.claim.id

        await until(shown)
        results["first screen (in process, headless)"] = f"{time.perf_counter() - started:.2f} s"
        await pilot.pause()

        times: list[float] = []
        keys = "cdux"
        for i in range(200):
            if i and i % 4 == 0:
                app.simulate_key("j")
                await until(shown)
            before = len(screen().session.changes)
            t0 = time.perf_counter()
            app.simulate_key(keys[i % 4])

            def saved(n: int = before) -> bool:
                return len(screen().session.changes) > n and "saved" in str(
                    screen().status.render()
                )

            await until(saved)
            times.append(time.perf_counter() - t0)
        results["verdict key: saved and shown (200)"] = ms(times)

        stalls: list[float] = []
        for _ in range(1000):
            here = screen().current
            t0 = time.perf_counter()
            app.simulate_key("j")

            def moved(old: object = here) -> bool:
                return screen().current is not old and shown()

            await until(moved)
            stalls.append(time.perf_counter() - t0)
        results["j through 1,000 claims (200 groups)"] = ms(stalls)
    return results


def measure_terminal(db: Path) -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        return "skipped: tmux is not installed"
    workbench = Path(sys.executable).parent / "workbench"
    with tempfile.TemporaryDirectory() as tmp:
        sock = str(Path(tmp) / "sock")
        started = time.perf_counter()
        command = f"exec {workbench} review --db {db} --reviewer bench-terminal"
        subprocess.run(
            [tmux, "-S", sock, "new-session", "-d", "-x", "160", "-y", "45", command], check=True
        )
        try:
            while time.perf_counter() - started < 60:
                capture = [tmux, "-S", sock, "capture-pane", "-p"]
                out = subprocess.run(capture, capture_output=True, text=True).stdout
                if "judged" in out and "officials said" in out:
                    return f"{time.perf_counter() - started:.2f} s"
                time.sleep(0.02)
            return "timed out after 60 s"
        finally:
            subprocess.run([tmux, "-S", sock, "kill-server"], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("bench-review.db"))
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        build(args.db, args.claims)
    results = {"first screen (`workbench review` in tmux)": measure_terminal(args.db)}
    results.update(asyncio.run(measure_app(args.db)))
    targets = {
        "first screen (`workbench review` in tmux)": "< 2 s",
        "first screen (in process, headless)": "< 2 s",
        "verdict key: saved and shown (200)": "p95 < 50 ms",
        "j through 1,000 claims (200 groups)": "max < 100 ms",
    }
    width = max(map(len, results))
    print(f"\n{'measure':<{width}}  {'target':<12}  result")
    for name, value in results.items():
        print(f"{name:<{width}}  {targets[name]:<12}  {value}")


if __name__ == "__main__":
    main()
