"""The bench's synthetic corpus: deterministic for a seed, about 2 kB an article, and holding the
features cross-verification has to cope with."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import corpus  # noqa: E402

N = 600


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    return list(corpus.generate(N, seed=11, gold=True))


def test_same_seed_same_corpus_and_prefixes_agree() -> None:
    first = list(corpus.generate(300, seed=4))
    assert first == list(corpus.generate(300, seed=4))
    assert first[:120] == list(corpus.generate(120, seed=4))
    assert first != list(corpus.generate(300, seed=5))


def test_articles_are_about_two_kilobytes(records: list[dict[str, str]]) -> None:
    sizes = [len(r["text"].encode("utf-8")) for r in records]
    assert 1700 <= sum(sizes) / len(sizes) <= 2300
    assert min(sizes) > 1000 and max(sizes) < 3500
    fields = {"id", "source", "date", "title", "url", "text", "gold_event"}
    assert all(set(r) == fields for r in records)
    assert len({r["id"] for r in records}) == N


def test_events_span_days_outlets_and_wire_copies(records: list[dict[str, str]]) -> None:
    by_event: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in records:
        by_event[r["gold_event"]].append(r)
    assert 50 <= len(by_event) <= 300
    assert len({r["source"] for r in records}) == 15
    assert any(len({r["date"] for r in rs}) >= 3 for rs in by_event.values())
    texts = Counter((r["gold_event"], r["text"]) for r in records)
    copies = [t for t, n in texts.items() if n > 1]
    assert copies, "no wire copies"
    for event, text in copies[:10]:  # a wire copy: same text, another outlet, same event
        outlets = [r["source"] for r in by_event[event] if r["text"] == text]
        assert len(set(outlets)) == len(outlets)


@pytest.mark.parametrize(
    "pattern",
    [
        r"death toll (rose|had risen) to \d+|raised the toll to \d+|climbed to \d+",
        r"\b(two|three|four|six|seven|\d) (Su-\d\d|F-16|A-10|MiG-23|Tornado|B-52)",
        r"\b(at least|more than|over|nearly|up to|about|around) \d+",
        r"\breportedly\b|\ballegedly\b",
        r"[Ee]ven if (it|the \w+) was (a mistake|unintentional|an error)",
        r"\bmistake\b|\bby accident\b|\bunintentional\b",
        r"\bdeliberate|premeditated|blatant aggression",
        r"\bdenied\b",
        r"Syrian Observatory for Human Rights|Defence Ministry|SANA|activists",
        r"\b(sixty|forty|twenty|thirty)-\w+\b|\bdozens of\b",
        r"Deir ez-Zor|Deir al-Zor|Aleppo|Idlib|Raqqa|Homs|Douma|Palmyra",
    ],
)
def test_the_language_an_extractor_meets(records: list[dict[str, str]], pattern: str) -> None:
    hits = sum(1 for r in records if re.search(pattern, r["text"]))
    assert hits >= 10, f"only {hits} of {N} articles match {pattern!r}"


def test_counts_conflict_within_events(records: list[dict[str, str]]) -> None:
    killed = re.compile(r"(\d+) (?:people|civilians|villagers|Syrian soldiers)[^.]*killed")
    conflicting = 0
    by_event: dict[str, set[str]] = defaultdict(set)
    for r in records:
        by_event[r["gold_event"]].update(killed.findall(r["text"]))
    conflicting = sum(1 for counts in by_event.values() if len(counts) > 1)
    assert conflicting >= 10


def test_cli_writes_jsonl_and_gold(tmp_path: Path) -> None:
    out, gold = tmp_path / "c.jsonl", tmp_path / "gold.tsv"
    argv = [sys.executable, str(REPO / "bench" / "corpus.py"), "50", "--seed", "2"]
    done = subprocess.run([*argv, "--output", str(out), "--gold", str(gold)], capture_output=True)
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(corpus.generate(50, seed=2))
    ids = [line.split("\t")[0] for line in gold.read_text(encoding="utf-8").splitlines()]
    assert ids == [json.loads(line)["id"] for line in lines]
    stdout = subprocess.run(argv, capture_output=True, text=True).stdout
    assert stdout.splitlines() == lines
