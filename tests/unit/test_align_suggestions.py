"""Suggested verdicts and their one-line reasons, on hand-built claims of one group."""

from __future__ import annotations

import pytest
from claimkit import claim, killed, sourced

from workbench.align.agreement import group_status
from workbench.align.origins import Sourced
from workbench.align.suggestions import count_text, suggest
from workbench.models import Suggestion

MOD = "Russian Defence Ministry"


def verdicts(rows: list[Sourced]) -> list[str]:
    return [s.verdict for s in suggest(rows)]


def test_the_four_outlets_step_by_step() -> None:
    rt = sourced(killed(62), MOD, outlet="RT")
    tass = sourced(killed(62), MOD, outlet="TASS")
    assert verdicts([rt, tass]) == ["unverified", "unverified"]
    (first, _) = suggest([rt, tass])
    assert first.reason == f"62 killed from {MOD} via RT, TASS; no independent second origin"
    assert first.origins == [MOD]

    monitor = sourced(killed(62), "Syrian Observatory for Human Rights", outlet="Gulf Post")
    assert verdicts([rt, tass, monitor]) == ["corroborated"] * 3
    first = suggest([rt, tass, monitor])[0]
    assert "borne out by Syrian Observatory for Human Rights (62 killed)" in first.reason
    assert first.origins == [MOD, "Syrian Observatory for Human Rights"]

    other = sourced(killed(150), "Syrian Network for Human Rights", outlet="Cedar Herald")
    rows = [rt, tass, monitor, other]
    assert verdicts(rows) == ["disputed"] * 4
    first = suggest(rows)[0]
    assert "contradicted by Syrian Network for Human Rights (150 killed)" in first.reason
    assert group_status(rows) == "conflict"


def test_a_rising_toll_is_an_update_and_disputes_neither_figure() -> None:
    early = sourced(killed(22), "Levant Wire", when="2016-03-12")
    later = sourced(killed(48, rising=True), "Gulf Post", when="2016-03-13")
    result = suggest([early, later])
    assert [s.verdict for s in result] == ["unverified", "unverified"]
    assert "a rising toll with Gulf Post (48 killed) (an update, not a dispute)" in result[0].reason
    assert group_status([early, later]) == "update"


def test_the_newer_figure_is_not_disputed_by_the_older_but_by_a_third_origin() -> None:
    early = sourced(killed(22), "A", when="2016-03-12")
    later = sourced(killed(48), "B", when="2016-03-13")
    echo = sourced(killed(48), "C", when="2016-03-13")
    low = sourced(killed(10), "D", when="2016-03-13")
    got = {s.claim_id: s for s in suggest([early, later, echo, low])}
    assert got[later.claim_id].verdict == "disputed"
    assert "contradicted by D (10 killed)" in got[later.claim_id].reason
    assert "A" not in got[later.claim_id].reason.split("contradicted by")[1].split(";")[0]


def test_a_hypothetical_intent_neither_supports_nor_contradicts() -> None:
    maybe = sourced(claim("intent", canonical="accidental", hypothetical=True), MOD)
    sure = sourced(claim("intent", canonical="deliberate"), "Syrian General Command")
    again = sourced(claim("intent", canonical="deliberate"), "Syrian General Command")
    got = suggest([maybe, sure, again])
    assert [s.verdict for s in got] == ["unverified", "unverified", "unverified"]
    assert got[0].reason == (
        f"accidental (hypothetical) from {MOD}: hypothetical, neither supports nor contradicts"
        " anything"
    )
    assert group_status([maybe, sure, again]) == "single"
    coalition = sourced(claim("intent", canonical="accidental"), "US-led coalition")
    got = suggest([maybe, sure, again, coalition])
    assert [s.verdict for s in got] == ["unverified", "disputed", "disputed", "disputed"]
    assert group_status([maybe, sure, again, coalition]) == "conflict"


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"low": 62, "high": 62}, "62"),
        ({"low": 45, "high": None}, "at least 45"),
        ({"low": None, "high": 49}, "up to 49"),
        ({"low": 20, "high": 30}, "20-30"),
        ({"low": 40, "high": 40, "approximate": True}, "about 40"),
        ({"low": 0, "high": 0, "negated": True}, "none"),
    ],
)
def test_count_text(fields: dict[str, object], text: str) -> None:
    assert count_text(claim("casualty", outcome="killed", **fields)) == text


def test_every_claim_gets_one_suggestion_with_a_one_line_reason() -> None:
    rows = [
        sourced(claim("weapon", canonical="F-16", count=2), "A\nB"),
        sourced(claim("weapon", canonical="F-16", count=4), "C"),
        sourced(claim("weapon", canonical="A-10"), "C"),
    ]
    got = suggest(rows)
    assert [s.claim_id for s in got] == [r.claim_id for r in rows]
    assert all(isinstance(s, Suggestion) and "\n" not in s.reason for s in got)
    assert [s.verdict for s in got] == ["disputed", "disputed", "unverified"]
    assert got[0].reason == "F-16 x2 from A B; contradicted by C (F-16 x4; A-10)"
