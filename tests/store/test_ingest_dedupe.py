"""Dedupe by outlet and text, shared wire text, aliases, FTS, one transaction per file."""

import json
from pathlib import Path

from conftest import DATA

from workbench.ingest import Options, ingest_paths
from workbench.store import Store


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def count(store: Store, sql: str = "SELECT COUNT(*) FROM articles") -> int:
    return int(store.conn.execute(sql).fetchone()[0])


def test_reingesting_adds_nothing(store: Store) -> None:
    first = ingest_paths(store, [DATA / "formats"])
    assert first.total("new") == 12 and first.exit_status == 0
    again = ingest_paths(store, [DATA / "formats"])
    assert (again.total("new"), again.total("duplicates"), again.exit_status) == (0, 12, 0)
    assert count(store) == 12
    assert count(store, "SELECT COUNT(*) FROM article_aliases") == 0  # same ids: nothing to alias


def test_same_text_same_outlet_is_one_article_with_an_alias(store: Store, tmp_path: Path) -> None:
    rows = [
        {"id": "A-1", "source": "Wire", "text": "Nine  people were killed.\n"},
        {
            "id": "A-2",
            "source": "Wire",
            "text": "Nine people were\nkilled.",
        },  # same after normalising
        {"id": "A-1", "source": "Wire", "text": "Nine people were killed."},
    ]
    path = write(tmp_path / "dupes.json", json.dumps(rows))
    report = ingest_paths(store, [path])
    assert (report.total("new"), report.total("duplicates")) == (1, 2)
    notices = [str(n) for n in report.files[0].notices]
    assert any("record 2" in n and "repeats article 1" in n for n in notices)
    assert store.find_articles(external_id="A-2")[0]["id"] == 1  # the repeated id is findable
    assert store.find_articles(external_id="A-1")[0]["id"] == 1


def test_same_text_from_two_outlets_is_two_articles_sharing_text(
    store: Store, tmp_path: Path
) -> None:
    body = "The wire story: 23 people were killed in the raid, a monitor said."
    a = write(tmp_path / "a.txt", f"source First Wire\n\n{body}\n")
    b = write(tmp_path / "b.txt", f"source Reprint Daily\nA different headline\n\n{body}\n")
    report = ingest_paths(store, [a, b])
    assert report.total("new") == 2 and report.total("shared") == 1
    articles = list(store.iter_articles())
    assert [x.shares_text_with for x in articles] == [[2], [1]]
    assert articles[0].sha256 == articles[1].sha256
    assert store.shared_text_count() == 2


def test_source_option_fills_only_missing_outlets(store: Store) -> None:
    ingest_paths(
        store,
        [DATA / "formats" / "notes.md", DATA / "formats" / "strike.txt"],
        Options(source="Desk"),
    )
    assert [a.source for a in store.iter_articles()] == ["Desk", "Harbour Gazette"]


def test_a_failing_file_leaves_nothing_behind(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Seven people were killed.")
    # two good records, then the file turns out to be truncated: the whole file is refused
    bad = write(tmp_path / "bad.json", '[{"text": "one"}, {"text": "two"}, {"text": "thr')
    report = ingest_paths(store, [bad, good])
    assert report.files[0].rejected is not None and "truncated JSON" in report.files[0].rejected
    assert report.files[0].new == 0
    assert [a.text for a in store.iter_articles()] == ["Seven people were killed."]
    assert report.exit_status == 0


def test_full_text_search(store: Store) -> None:
    ingest_paths(store, [DATA / "formats"])
    hits = store.find_articles(search="deliberately bombed")
    assert [h["title"] for h in hits] == ["Union blames army for depot raid"]
    assert store.find_articles(search='"raid') != []  # a stray quote is taken literally
    assert store.find_articles(search='raid" OR "x') == []  # OR is a word here, not an operator
    assert store.find_articles(search="[/]") == []  # nothing to search for is no match, no error
    assert [h["source"] for h in store.find_articles(source="line wire")] == [
        "Line Wire",
        "Line Wire",
    ]
