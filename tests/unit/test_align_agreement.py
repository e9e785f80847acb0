"""How two answers to one question relate, and a group's status, on hand-built claims."""

from __future__ import annotations

import math

import pytest
from claimkit import claim, killed, sourced
from hypothesis import given
from hypothesis import strategies as st

from workbench.align.agreement import Relation, group_status, interval, overlaps, relation
from workbench.align.origins import Origin, Sourced

INF = math.inf


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"low": 62, "high": 62}, (62, 62)),
        ({"low": 45, "high": None}, (45, INF)),  # at least 45
        ({"low": 201, "high": None}, (201, INF)),  # more than 200
        ({"low": None, "high": 49}, (0, 49)),  # nearly 50
        ({"low": 20, "high": 30}, (20, 30)),
        ({"low": 40, "high": 40, "approximate": True}, (36, 44)),  # about 40
        ({"low": 3, "high": 3, "approximate": True}, (2, 4)),  # at least 1 either side
        ({"low": 5, "high": 5, "negated": True}, (0, 0)),  # "no one was killed"
    ],
)
def test_counts_are_intervals(fields: dict[str, object], expected: tuple[float, float]) -> None:
    assert interval(claim("casualty", outcome="killed", **fields)) == expected


bounds = st.one_of(st.none(), st.integers(min_value=0, max_value=10_000))


@given(bounds, bounds, bounds, bounds, st.booleans(), st.booleans())
def test_interval_overlap_is_symmetric(
    a_low: int | None,
    a_high: int | None,
    b_low: int | None,
    b_high: int | None,
    a_approx: bool,
    b_approx: bool,
) -> None:
    a = interval(claim("casualty", low=a_low, high=a_high, approximate=a_approx))
    b = interval(claim("casualty", low=b_low, high=b_high, approximate=b_approx))
    assert overlaps(a, b) == overlaps(b, a)
    assert overlaps(a, a)


DAY1, DAY2 = "2016-09-17", "2016-09-18"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (killed(62), killed(62), Relation.SUPPORTS),
        (killed(62), killed(45, None), Relation.SUPPORTS),  # "at least 45" holds 62
        (killed(62), killed(90), Relation.COMPETES),
        (killed(40, approximate=True), killed(43), Relation.SUPPORTS),
        (killed(22), killed(48, rising=True), Relation.UPDATES),  # "the toll rose to 48"
        (killed(48, rising=True), killed(22), Relation.UPDATES),
        (killed(48), killed(22, rising=True), Relation.COMPETES),  # a toll does not fall
        (claim("weapon", canonical="F-16", count=2), claim("weapon", canonical="F-16"), "s"),
        (
            claim("weapon", canonical="F-16", count=2),
            claim("weapon", canonical="F-16", count=4),
            "c",
        ),
        (claim("weapon", canonical="F-16"), claim("weapon", canonical="Su-24"), "x"),
        (claim("weapon", canonical="warplane"), claim("weapon", canonical="F-16"), "s"),
        (claim("weapon", canonical="F-16"), claim("weapon", canonical="warplane"), "n"),
        (claim("weapon", canonical="F-16"), claim("weapon", canonical="artillery"), "n"),
        (claim("weapon", canonical="sarin"), claim("weapon", canonical="chlorine"), "x"),
        (claim("weapon", canonical="sarin"), claim("weapon", canonical="sarin", negated=True), "c"),
        # "its aircraft were not operating in the area" denies whose, not that warplanes struck
        (
            claim("weapon", canonical="warplane"),
            claim("weapon", canonical="warplane", negated=True),
            "n",
        ),
        (
            claim("weapon", canonical="Su-24"),
            claim("weapon", canonical="warplane", negated=True),
            "n",
        ),
        (
            claim("actor", canonical="usa", role="perpetrator"),
            claim("actor", canonical="us-led-coalition", role="perpetrator"),
            "s",
        ),  # noqa: E501
        (claim("actor", canonical="russia"), claim("actor", canonical="syrian-government"), "x"),
        (claim("actor", canonical="russia"), claim("actor", canonical="russia", negated=True), "c"),
        (claim("actor", canonical="usa"), claim("actor", canonical="russia", negated=True), "n"),
        (claim("actor", canonical="usa"), claim("actor", canonical="unknown"), "n"),
        (claim("intent", canonical="deliberate"), claim("intent", canonical="deliberate"), "s"),
        (claim("intent", canonical="deliberate"), claim("intent", canonical="accidental"), "x"),
        (claim("intent", canonical="accidental"), claim("intent", canonical="denied"), "n"),
        # a denial is flagged negated ("denied"): it stays a denial, not "deliberate"
        (
            claim("intent", canonical="denied", negated=True),
            claim("intent", canonical="denied", negated=True),
            "s",
        ),
        (
            claim("intent", canonical="accidental"),
            claim("intent", canonical="denied", negated=True),
            "n",
        ),
        (claim("intent", canonical="deliberate"), claim("intent", canonical="unclear"), "n"),
        (
            claim("intent", canonical="deliberate"),
            claim("intent", canonical="accidental", hypothetical=True),
            "n",
        ),  # noqa: E501
        (
            claim("intent", canonical="accidental"),
            claim("intent", canonical="deliberate", negated=True),
            "n",
        ),  # noqa: E501
        (
            claim("place", canonical="Jebel Tharda", value="Deir ez-Zor"),
            claim("place", canonical="Jebel Tharda", value="Deir ez-Zor"),
            "s",
        ),  # noqa: E501
        (
            claim("place", canonical="Deir ez-Zor", value="Deir ez-Zor"),
            claim("place", canonical="Jebel Tharda", value="Deir ez-Zor"),
            "s",
        ),  # noqa: E501
        (
            claim("place", canonical="Jebel Tharda", value="Deir ez-Zor"),
            claim("place", canonical="Deir ez-Zor", value="Deir ez-Zor"),
            "n",
        ),  # noqa: E501
        (
            claim("place", canonical="Aleppo", value="Aleppo"),
            claim("place", canonical="Idlib", value="Idlib"),
            "x",
        ),  # noqa: E501
        (claim("time", value="2016-09-17T14:00"), claim("time", value="2016-09-17T17:00"), "s"),
        (claim("time", value="2016-09-17T08:00"), claim("time", value="2016-09-17T17:00"), "x"),
        (claim("time", value="2016-09-17"), claim("time", value="2016-09-16"), "x"),
        # a date months before the report is another incident's: context, not an answer
        (claim("time", value="2016-09-17"), claim("time", value="2016-03-01"), "n"),
    ],
)
def test_relation(a: object, b: object, expected: Relation | str) -> None:
    short = {
        "s": Relation.SUPPORTS,
        "c": Relation.CONTRADICTS,
        "x": Relation.COMPETES,
        "n": Relation.NEUTRAL,
    }
    want = short[expected] if isinstance(expected, str) else expected
    assert relation(sourced(a, "A"), sourced(b, "B")) is want  # type: ignore[arg-type]


def test_a_higher_toll_published_a_day_later_is_an_update() -> None:
    early, late = sourced(killed(22), "A", when=DAY1), sourced(killed(48), "B", when=DAY2)
    assert relation(early, late) is Relation.UPDATES
    assert relation(late, early) is Relation.UPDATES
    same_day = sourced(killed(48), "B", when=DAY1)
    assert relation(early, same_day) is Relation.COMPETES


@pytest.mark.parametrize(
    ("members", "status"),
    [
        ([("A", killed(62)), ("A", killed(62))], "single"),
        ([("A", killed(62)), ("B", killed(62))], "agree"),
        ([("A", killed(62)), ("B", killed(50, None))], "agree"),
        ([("A", killed(62)), ("B", killed(90))], "conflict"),
        ([("A", killed(62)), ("B", killed(62)), ("C", killed(90))], "conflict"),
        ([("A", killed(22)), ("B", killed(48, rising=True))], "update"),
        ([("A", killed(22)), ("A", killed(48, rising=True))], "update"),
        ([("A", killed(8)), ("A", killed(22)), ("B", killed(22))], "agree"),
        (
            [
                ("Syrian General Command", claim("intent", canonical="deliberate")),
                ("Syrian General Command", claim("intent", canonical="deliberate")),
                (
                    "Russian Defence Ministry",
                    claim("intent", canonical="accidental", hypothetical=True),
                ),  # noqa: E501
            ],
            "single",
        ),
        (
            [
                ("Syrian General Command", claim("intent", canonical="deliberate")),
                ("US-led coalition", claim("intent", canonical="accidental")),
            ],
            "conflict",
        ),
        (
            [
                ("A", claim("weapon", canonical="F-16", count=2)),
                ("A", claim("weapon", canonical="A-10", count=2)),
                ("B", claim("weapon", canonical="F-16")),
            ],
            "agree",
        ),
        (
            [("A", claim("weapon", canonical="F-16")), ("B", claim("weapon", canonical="Su-24"))],
            "conflict",
        ),
        # both also say "warplanes": no shared answer to which type it was
        (
            [
                ("A", claim("weapon", canonical="Su-24")),
                ("A", claim("weapon", canonical="warplane")),
                ("B", claim("weapon", canonical="Su-34")),
                ("B", claim("weapon", canonical="warplane")),
            ],
            "conflict",
        ),
        # a ministry denying its warplanes were there says nothing against "warplanes"
        (
            [
                ("A", claim("weapon", canonical="warplane")),
                ("B", claim("weapon", canonical="warplane")),
                ("Russian Defence Ministry", claim("weapon", canonical="warplane", negated=True)),
            ],
            "agree",
        ),
    ],
)
def test_group_status(members: list[tuple[str, object]], status: str) -> None:
    rows = [sourced(c, o, when=DAY2 if c.rising else DAY1) for o, c in members]  # type: ignore[attr-defined]
    assert group_status(rows) == status


def test_a_time_said_of_another_moment_relates_to_nothing() -> None:
    saturday = sourced(claim("time", value="2016-03-12"), "A", when="2016-03-13")
    sunday = claim("time", value="2016-03-13")  # "the toll rose to 27 on Sunday"
    aside = Sourced(sunday, Origin("named:b", "B"), "B", "2016-03-13", aside=True)
    told = Sourced(sunday, Origin("named:b", "B"), "B", "2016-03-13")
    assert relation(saturday, told) is Relation.COMPETES
    assert relation(saturday, aside) is Relation.NEUTRAL
    assert group_status([saturday, aside]) == "single"
