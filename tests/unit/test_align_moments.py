"""When the incident happened, as an article tells it: the incident day and the time claims that
give it, on hand-built claims of sentences like "The death toll from Saturday's air strike ...
rose to 27 on Sunday"."""

from __future__ import annotations

from datetime import date

from claimkit import claim, killed

from workbench.align.moments import incident_times, told_day

SUNDAY = date(2016, 3, 13).toordinal()


def day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def test_the_earliest_day_a_sentence_about_the_incident_gives() -> None:
    byline = claim("time", value="2016-03-13", start=0)  # "Updated 13 March 2016"
    # "The death toll from Saturday's air strike on ... Tell Hamra rose to 27 on Sunday"
    saturday = claim("time", value="2016-03-12", start=40)
    toll = killed(27, rising=True, start=40)
    sunday = claim("time", value="2016-03-13", start=40)
    town = claim("place", canonical="Tell Hamra", start=40)
    # "... the bombs fell at around 10 a.m. (0800 GMT) on Saturday."
    clock = claim("time", value="2016-03-12T08:00Z", start=300)
    # "Rescue workers were still searching the rubble on Sunday morning"
    after = claim("time", value="2016-03-13", start=400)
    claims = [byline, saturday, toll, sunday, town, clock, after]
    assert told_day(SUNDAY, claims) == (day("2016-03-12"), frozenset({"tell hamra"}))
    assert incident_times(SUNDAY, claims) == [False, True, False, False, False, True, False]


def test_a_sentence_that_only_says_when_the_toll_rose_gives_no_incident_day() -> None:
    # "The death toll climbed to 34 on Sunday, including 9 children"
    claims = [killed(34, rising=True, start=0), claim("time", value="2016-03-13", start=0)]
    assert told_day(SUNDAY, claims) == (None, frozenset())
    assert incident_times(SUNDAY, claims) == [False, False]


def test_days_after_publication_or_long_before_are_not_the_incident_day() -> None:
    later = [killed(5, start=0), claim("time", value="2016-03-14", start=0)]
    assert told_day(SUNDAY, later)[0] is None
    background = [killed(5, start=0), claim("time", value="2015-03-01", start=0)]
    assert told_day(SUNDAY, background)[0] is None
    # past the lead: the day is not read for events (but still tells when it happened)
    deep = [killed(5, start=900), claim("time", value="2016-03-12", start=900)]
    assert told_day(SUNDAY, deep)[0] is None
    assert incident_times(SUNDAY, deep) == [False, True]
