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
