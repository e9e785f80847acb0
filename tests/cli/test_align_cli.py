"""`workbench align`, `events` and `groups`, and the alignment in the JSON export, run for real."""

from __future__ import annotations

import json
from pathlib import Path

from claimkit import add_story_article

from workbench.store import Store


def story_db(db_path: Path, tmp_path: Path, *names: str) -> None:
    with Store.open(db_path, create=True) as store:
        for name in names:
            add_story_article(store, tmp_path, name)


def test_align_then_list_events_and_groups(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    story_db(db_path, tmp_path, "levant.txt", "steppe.txt")
    result = run("align", "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "2 of 2 articles in 1 event; 3 groups (0 conflict, 0 update, 2 agree, 1 single);"
        " 6 suggestions; 0 status changes ("
    )

    result = run("events", "--db", db_path)
    assert result.returncode == 0 and result.stderr == "1 event\n"
    header, row = result.stdout.splitlines()
    assert header.split() == ["id", "dates", "arts", "places", "label"]
    assert row.split()[:4] == ["1", "2016-09-17", "2", "Jebel"]
    assert row.endswith("2016-09-17 Jebel Tharda: Coalition strike hits army post at Jebel Tharda")

    result = run("groups", "--db", db_path, "--status", "single", "--json")
    assert result.returncode == 0 and result.stderr == "1 group\n"
    (group,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (group["kind"], group["label"], group["status"]) == (
        "casualty",
        "Syrian soldiers killed",
        "single",
    )
    assert group["event_id"] == 1 and len(group["claim_ids"]) == 2

    result = run("groups", "--db", db_path, "--event", "1")
    lines = result.stdout.splitlines()
    assert [line.split()[3] for line in lines[1:]] == ["single", "agree", "agree"]

    assert run("groups", "--db", db_path, "--status", "muddled").returncode == 2
    assert run("align", "--db", db_path, "--window", "-1").returncode == 2


def test_export_carries_events_groups_and_suggestions(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    story_db(db_path, tmp_path, "levant.txt", "steppe.txt", "gulf.txt", "next.txt")
    assert run("align", "--db", db_path, "--window", "3").returncode == 0
    data = json.loads(run("export", "--db", db_path).stdout)
    (event,) = data["events"]
    assert list(event)[:6] == ["id", "label", "date_from", "date_to", "places", "article_ids"]
    assert (event["date_from"], event["date_to"], event["article_ids"]) == (
        "2016-09-17",
        "2016-09-18",
        [1, 2, 3, 4],
    )
    groups = data["groups"]
    assert [list(g)[:6] for g in groups] == [
        ["id", "event_id", "kind", "label", "status", "claim_ids"]
    ] * 3
    assert [(g["kind"], g["status"]) for g in groups] == [
        ("casualty", "update"),
        ("weapon", "agree"),
        ("place", "agree"),
    ]
    assert all(g["status_changed_at"] and g["status_history"] for g in groups)
    suggestions = data["suggestions"]
    assert [s["claim_id"] for s in suggestions] == sorted(c for g in groups for c in g["claim_ids"])
    toll = suggestions[0]
    assert list(toll) == ["claim_id", "verdict", "reason", "origins"]
    assert toll["verdict"] == "corroborated"
    assert toll["origins"] == ["Russian Defence Ministry", "Syrian Observatory for Human Rights"]

    # window 0: the follow-up a day later is an event of its own
    assert run("align", "--db", db_path, "--window", "0").returncode == 0
    data = json.loads(run("export", "--db", db_path).stdout)
    assert [e["article_ids"] for e in data["events"]] == [[1, 2, 3], [4]]
