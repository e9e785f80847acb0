"""One group per question inside an event, with readable labels."""

from __future__ import annotations

import pytest
from claimkit import claim, killed, sourced

from workbench.align.groups import group_claims, nationality, sub_subject


def questions(*claims: object) -> dict[str, tuple[str, list[int]]]:
    drafts = group_claims([sourced(c, "A") for c in claims])  # type: ignore[arg-type]
    return {d.question: (d.label, [s.claim_id for s in d.members]) for d in drafts}


def test_casualties_group_by_outcome_and_subject_class() -> None:
    soldiers = killed(62, subject="Syrian soldiers", subject_class="military")
    troops = killed(60, subject="government troops", subject_class="military")
    civilians = killed(11, subject="civilians", subject_class="civilian")
    people = killed(70, subject="people", subject_class="unknown")
    mixed = killed(80, subject="soldiers and civilians", subject_class="mixed")
    hurt = claim(
        "casualty", outcome="injured", low=100, subject="soldiers", subject_class="military"
    )
    got = questions(soldiers, troops, civilians, people, mixed, hurt)
    assert got == {
        "casualty/killed/civilian": ("civilians killed", [civilians.id]),
        "casualty/killed/military/syrian": ("Syrian soldiers killed", [soldiers.id, troops.id]),
        "casualty/killed/people": ("people killed", [people.id, mixed.id]),
        "casualty/injured/military": ("soldiers injured", [hurt.id]),
    }
    assert list(got)[-1] == "casualty/injured/military"  # killed first, then injured


def test_two_nationalities_are_two_questions() -> None:
    syrian = killed(62, subject="Syrian soldiers", subject_class="military")
    russian = killed(2, subject="Russian pilots", subject_class="military")
    unsaid = killed(60, subject="soldiers", subject_class="military")
    got = questions(syrian, russian, unsaid)
    assert got["casualty/killed/military/syrian"][1] == [syrian.id]
    assert got["casualty/killed/military/russian"] == ("Russian soldiers killed", [russian.id])
    assert got["casualty/killed/military"][1] == [unsaid.id]


def test_sub_counts_are_their_own_question_matched_by_subject() -> None:
    total = killed(20, subject="civilians", subject_class="civilian", fingerprint="total")
    kids = killed(11, subject="children", subject_class="civilian", parent_fingerprint="total")
    minors = killed(11, subject="minors", subject_class="civilian", parent=total.id)
    got = questions(total, kids, minors)
    assert got["casualty/killed/of/children"] == ("children among the killed", [kids.id, minors.id])
    assert got["casualty/killed/civilian"][1] == [total.id]


@pytest.mark.parametrize(
    ("subject", "seen", "noun"),
    [
        ("children", [], "children"),
        ("kids", [], "children"),
        ("women and children", [], "children"),
        ("members of the press corps", ["members of press corps"], "members of press corps"),
        ("firefighters", [], "firefighters"),
        (None, [], "others"),
    ],
)
def test_sub_subject(subject: str | None, seen: list[str], noun: str) -> None:
    assert sub_subject(subject, seen) == noun


@pytest.mark.parametrize(
    ("subject", "nation"),
    [("Syrian soldiers", "Syrian"), ("regime troops", "Syrian"), ("Russian pilots", "Russian")],
)
def test_nationality(subject: str, nation: str) -> None:
    assert nationality(subject) == nation


def test_other_kinds_are_one_group_each() -> None:
    got = questions(
        claim("weapon", canonical="F-16", count=2),
        claim("weapon", canonical="A-10", count=2),
        claim("actor", canonical="us-led-coalition", role="perpetrator"),
        claim("actor", canonical="syrian-government", role="target"),
        claim("intent", canonical="deliberate"),
        claim("place", canonical="Jebel Tharda", value="Deir ez-Zor"),
        claim("time", value="2016-09-17T14:00"),
    )
    assert [(q, label, len(ids)) for q, (label, ids) in got.items()] == [
        ("weapon", "weapons used", 2),
        ("actor/perpetrator", "who carried it out", 1),
        ("actor/target", "who was hit", 1),
        ("intent", "intent", 1),
        ("place", "place", 1),
        ("time", "time", 1),
    ]


def test_totals_not_saying_who_join_the_one_specific_question_of_their_outcome() -> None:
    civilians = killed(23, subject="civilians", subject_class="civilian")
    people = killed(18, None, subject="people", subject_class="unknown")
    toll = killed(27, subject=None, subject_class="unknown", rising=True)  # "the toll rose to 27"
    mixed = killed(30, subject="soldiers and civilians", subject_class="mixed")
    hurt = claim("casualty", outcome="injured", low=50, subject="people", subject_class="unknown")
    got = questions(civilians, people, toll, mixed, hurt)
    assert got == {
        "casualty/killed/civilian": (
            "civilians killed (and counts not saying who)",
            [civilians.id, people.id, toll.id],
        ),
        "casualty/killed/people": ("people killed", [mixed.id]),  # both kinds: not one question
        "casualty/injured/people": ("people injured", [hurt.id]),  # no specific one to join
    }
    # with two specific questions of the outcome, a count not saying who answers neither
    soldiers = killed(5, subject="Syrian soldiers", subject_class="military")
    got = questions(civilians, soldiers, people)
    assert got["casualty/killed/people"] == ("people killed", [people.id])
    assert got["casualty/killed/civilian"] == ("civilians killed", [civilians.id])


def test_a_count_of_children_or_women_is_a_sub_count_even_without_its_total() -> None:
    total = killed(27, subject=None, subject_class="unknown")
    kids = killed(7, subject="children", subject_class="civilian")  # "seven children and four
    women = killed(4, subject="women", subject_class="civilian")  # women were among the dead"
    got = questions(total, kids, women)
    assert got["casualty/killed/of/children"] == ("children among the killed", [kids.id])
    assert got["casualty/killed/of/women"] == ("women among the killed", [women.id])
    assert got["casualty/killed/people"] == ("people killed", [total.id])
