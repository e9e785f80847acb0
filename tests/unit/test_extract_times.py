"""Days and clock times resolved from the article's date."""

from datetime import date

import pytest

from workbench.extract import lexicon
from workbench.extract.times import dates_the_telling, find_times

SATURDAY = date(2016, 9, 17)


def read(text: str, published: date | None = SATURDAY) -> list[tuple[str, str]]:
    return [(text[t.start : t.end], t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck at 5 p.m. (1400 GMT) on Saturday.",
         [("5 p.m. (1400 GMT) on Saturday", "2016-09-17T14:00Z")]),
        ("Jets struck at 5 p.m. on Saturday.", [("5 p.m. on Saturday", "2016-09-17T17:00")]),
        ("Jets struck on Saturday at 14:00 GMT.", [("Saturday at 14:00 GMT", "2016-09-17T14:00Z")]),
        ("The raid came on Thursday night.", [("Thursday night", "2016-09-15")]),
        ("The raid came last Saturday.", [("last Saturday", "2016-09-10")]),
        ("The raid came yesterday.", [("yesterday", "2016-09-16")]),
        ("The raid came on 12 September.", [("12 September", "2016-09-12")]),
        ("The raid came on September 12, 2015.", [("September 12, 2015", "2015-09-12")]),
        ("The raid of 20 December was worse.", [("20 December", "2015-12-20")]),
        ("The market is held every Saturday.", []),
        ("The jets came back at 5 p.m.", []),
        ("Talks may resume soon.", []),
    ],
)  # fmt: skip
def test_times(text: str, expected: list[tuple[str, str]]) -> None:
    assert read(text) == expected


def test_a_weekday_needs_the_article_date() -> None:
    assert read("The raid came on Saturday.", published=None) == []
    assert read("The raid came on 12 September 2016.", published=None) == [
        ("12 September 2016", "2016-09-12")
    ]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Jets struck the town on Saturday, the monitor said on Sunday.", ["Sunday"]),
        ("Jets struck on Saturday, a source told Reuters on Sunday.", ["Sunday"]),
        ("The ministry said in a statement on Saturday evening that jets struck.",
         ["Saturday evening"]),
        ("The toll rose to 27 on Sunday after the strike on Saturday.", ["Sunday"]),
        ("Updated 13 March 2016 Jets struck the market.", ["13 March 2016"]),
        ("The ministry on Monday said jets struck on Saturday.", ["Monday"]),
        ("The monitor said 44 people were wounded in Monday's blast.", []),
    ],
)  # fmt: skip
def test_a_day_that_dates_the_telling(text: str, told: list[str]) -> None:
    hits = lexicon.gazetteer().find(text)
    found = [text[t.start : t.end] for t in find_times(text, SATURDAY)]
    assert [w for w, t in zip(found, find_times(text, SATURDAY), strict=True)
            if dates_the_telling(text, t, hits)] == told  # fmt: skip
