"""Casualty counts: one claim per stated count, with outcome, subject, class and interval."""

import pytest

from workbench.extract.casualties import classify, find_casualties

Row = tuple[str, int | None, int | None, str | None, str]  # outcome, low, high, subject, class


def read(text: str) -> list[Row]:
    return [
        (c.outcome, c.quantity.low, c.quantity.high, c.subject, c.subject_class)
        for c in find_casualties(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sixty-two Syrian soldiers were killed and over 100 injured in the raid.",
         [("killed", 62, 62, "Syrian soldiers", "military"),
          ("injured", 101, None, "Syrian soldiers", "military")]),
        ("The blast killed six people and injured 32 in the old city.",
         [("killed", 6, 6, "people", "unknown"), ("injured", 32, 32, None, "unknown")]),
        ("At least 45 civilians have been killed since the morning.",
         [("killed", 45, None, "civilians", "civilian")]),
        ("Nearly 50 rebels died in the fighting.", [("killed", None, 49, "rebels", "armed-group")]),
        ("Between 20 and 30 people were wounded.", [("injured", 20, 30, "people", "unknown")]),
        ("Dozens of villagers were reported missing after the raid.",
         [("missing", 24, 99, "villagers", "civilian")]),
        ("Shelling killed twelve soldiers and nine civilians on the road.",
         [("killed", 12, 12, "soldiers", "military"), ("killed", 9, 9, "civilians", "civilian")]),
        ("Eight fighters and three children were killed.",
         [("killed", 8, 8, "fighters", "armed-group"), ("killed", 3, 3, "children", "civilian")]),
        ("The raid left 17 dead.", [("killed", 17, 17, None, "unknown")]),
        ("Dozens more were wounded, he said.", [("injured", 24, 99, None, "unknown")]),
        ("The attack claimed the lives of 14 soldiers and civilians.",
         [("killed", 14, 14, "soldiers and civilians", "mixed")]),
        ("About 40 people were taken hostage by the gunmen.",
         [("captured", 40, 40, "people", "unknown")]),
        ("Some 3,000 families have fled the town.", []),
        ("Some 3,000 residents have fled the town.",
         [("displaced", 3000, 3000, "residents", "civilian")]),
        ("A monitor put the death toll at 70 on Friday.", [("killed", 70, 70, None, "unknown")]),
        ("The number of people killed in the raids has risen to 39.",
         [("killed", 39, 39, None, "unknown")]),
    ],
)  # fmt: skip
def test_casualty_counts(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The resolution 2254 was adopted in 2015 after 5 years of war.",
        "Two F-16 jet fighters and two A-10 support aircraft carried out the strike.",
        "The strike was carried out 2 hours after 10 people gathered.",
        "A 12-year-old boy was among those hurt on 17 September.",
        "The city of 300000 people lies 20 km away.",
        "Fighting continued for 3 days in the district.",
    ],
)
def test_numbers_that_are_not_casualties(text: str) -> None:
    assert find_casualties(text) == []


def test_a_rising_toll() -> None:
    [c] = find_casualties("The death toll rose to 48 on Sunday, the monitor said.")
    assert (c.outcome, c.quantity.low, c.rising) == ("killed", 48, True)
    [c] = find_casualties("The toll stood at 48 on Sunday.")
    assert not c.rising


def test_an_earlier_figure_is_not_a_claim() -> None:
    found = find_casualties("The toll rose to 27 on Sunday, up from 18 a day earlier.")
    assert [(c.quantity.low, c.rising) for c in found] == [(27, True)]


@pytest.mark.parametrize(
    ("text", "main", "sub"),
    [
        ("At least 40 people, including 11 children, were killed.", 40, (11, "children")),
        ("The strikes killed 20 civilians, 11 of them children.", 20, (11, "children")),
        ("Troops executed 48 people among them 10 children.", 48, (10, "children")),
        ("Jets killed 30 people, among them four women.", 30, (4, "women")),
    ],
)
def test_sub_counts_are_their_own_claims(text: str, main: int, sub: tuple[int, str]) -> None:
    found = find_casualties(text)
    [top] = [c for c in found if not c.sub]
    [part] = [c for c in found if c.sub]
    assert top.quantity.low == main and top.outcome == "killed"
    assert (part.quantity.low, part.subject, part.subject_class) == (*sub, "civilian")


def test_among_the_dead_is_a_part_of_the_toll() -> None:
    [c] = find_casualties("The monitor said five children were among the dead.")
    assert (c.outcome, c.quantity.low, c.subject, c.sub) == ("killed", 5, "children", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two of the injured later died in hospital.", ("killed", 2, "the injured", "unknown")),
        ("Four of those wounded had died by the evening.",
         ("killed", 4, "those wounded", "unknown")),
        ("Six of the dead were women.", ("killed", 6, "women", "civilian")),
        ("Ten of the victims in Douma were thought to be fighters.",
         ("killed", 10, "fighters", "armed-group")),
        ("Three of the wounded children were later killed.", ("killed", 3, "children", "civilian")),
    ],
)  # fmt: skip
def test_a_count_of_the_wounded_or_the_dead_is_a_part_of_another_count(
    text: str, expected: tuple[str, int, str, str]
) -> None:
    [c] = find_casualties(text)
    assert (c.outcome, c.quantity.low, c.subject, c.subject_class) == expected
    assert c.sub


@pytest.mark.parametrize(
    "text",
    [
        "Several of the wounded were in a critical condition.",
        "Three of the injured were taken across the border to Turkey.",
        "Many of the dead have not been identified.",
    ],
)
def test_how_some_of_the_wounded_are_is_not_a_count_of_harm(text: str) -> None:
    assert find_casualties(text) == []


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("No one was killed in the attack.", "killed"),
        ("There were no casualties, the army said.", "killed"),
        ("Nobody was hurt when the shell landed.", "injured"),
    ],
)
def test_no_one_killed_is_a_negated_zero(text: str, outcome: str) -> None:
    [c] = find_casualties(text)
    assert (c.outcome, c.quantity.low, c.quantity.high, c.negated) == (outcome, 0, 0, True)


def test_a_count_said_twice_in_a_sentence_is_one_claim() -> None:
    text = "Twenty-six civilians were killed when jets pounded the town, killing 26 civilians."
    assert read(text) == [("killed", 26, 26, "civilians", "civilian")]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Syrian soldiers", "military"),
        ("pro-government fighters", "military"),
        ("rebel fighters", "armed-group"),
        ("IS militants", "armed-group"),
        ("civilians", "civilian"),
        ("soldiers and civilians", "mixed"),
        ("people", "unknown"),
        (None, "unknown"),
    ],
)
def test_subject_classes(subject: str | None, expected: str) -> None:
    assert classify(subject) == expected
