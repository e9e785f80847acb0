"""Counts as intervals: digits, number words, vague plurals, and the hedges that bound them."""

import pytest

from workbench.extract.numbers import find_quantities, looks_like_count


def first(text: str) -> tuple[int | None, int | None, bool, str]:
    [q, *_] = find_quantities(text)
    return q.low, q.high, q.approximate, text[q.start : q.end]


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate", "words"),
    [
        ("62 soldiers", 62, 62, False, "62"),
        ("1,300 people", 1300, 1300, False, "1,300"),
        ("1300 people", 1300, 1300, False, "1300"),
        ("sixty-two soldiers", 62, 62, False, "sixty-two"),
        ("Sixty-two soldiers", 62, 62, False, "Sixty-two"),
        ("two hundred and fifty-six people", 256, 256, False, "two hundred and fifty-six"),
        ("a hundred people", 100, 100, False, "a hundred"),
        ("1.5 million refugees", 1_500_000, 1_500_000, False, "1.5 million"),
        ("a dozen civilians", 12, 12, True, "a dozen"),
        ("half a dozen civilians", 6, 6, True, "half a dozen"),
        ("dozens of people", 24, 99, True, "dozens"),
        ("scores of people", 40, 199, True, "scores"),
        ("hundreds of people", 200, 999, True, "hundreds"),
        ("tens of thousands of people", 20_000, 99_999, True, "tens of thousands"),
        ("at least 45 people", 45, None, False, "at least 45"),
        ("more than 200 people", 201, None, False, "more than 200"),
        ("over 100 injured", 101, None, False, "over 100"),
        ("more than a dozen", 13, None, True, "more than a dozen"),
        ("nearly 50 people", None, 49, True, "nearly 50"),
        ("up to 30 people", None, 30, False, "up to 30"),
        ("fewer than 10 people", None, 9, False, "fewer than 10"),
        ("about 40 people", 40, 40, True, "about 40"),
        ("some 40 people", 40, 40, True, "some 40"),
        ("between 20 and 30 people", 20, 30, False, "between 20 and 30"),
        ("20 to 30 people", 20, 30, False, "20 to 30"),
        ("20-30 people", 20, 30, False, "20-30"),
        ("two or three people", 2, 3, False, "two or three"),
    ],
)  # fmt: skip
def test_counts_and_their_bounds(
    text: str, low: int | None, high: int | None, approximate: bool, words: str
) -> None:
    assert first(text) == (low, high, approximate, words)


def test_a_change_is_two_counts_not_a_range() -> None:
    text = "the toll rose from 18 to 27"
    assert [(q.low, q.high) for q in find_quantities(text)] == [(18, 18), (27, 27)]


def test_two_counts_joined_by_and_stay_apart() -> None:
    text = "killed 5 and wounded 7"
    assert [(q.low, q.high) for q in find_quantities(text)] == [(5, 5), (7, 7)]


@pytest.mark.parametrize(
    "text",
    [
        "under Resolution 2254 of the council",
        "the war began in 2011",
        "on 17 September the strike",
        "on September 17 the strike",
        "a boy aged 12 was hurt",
        "a 12-year-old boy was hurt",
        "the raid lasted 2 hours",
        "about 10 km south of the town",
        "at 5 p.m. local time",
        "Route 5 was closed",
    ],
)
def test_numbers_that_are_not_counts_of_people(text: str) -> None:
    assert not any(looks_like_count(text, q) for q in find_quantities(text))


def test_a_year_shaped_number_followed_by_people_is_a_count() -> None:
    text = "2000 people fled"
    [q] = find_quantities(text)
    assert looks_like_count(text, q, person_follows=True)
    assert not looks_like_count(text, q)


def test_model_designations_are_not_counts() -> None:
    assert [q.low for q in find_quantities("two F-16s and an Su-24 over Syria")] == [2]


def test_a_number_too_long_for_a_float_is_no_count() -> None:
    long = "9" * 400
    assert find_quantities(f"{long} people and {long} million more") == []
