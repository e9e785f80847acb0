"""Every date form the ingest promises, and the ones it must refuse rather than guess."""

import pytest

from workbench.dates import parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2016-09-17", "2016-09-17"),
        ("9/17/16", "2016-09-17"),  # month/day/two-digit year, as in the FA-KES CSV
        ("8/21/13", "2013-08-21"),
        ("12/31/2016", "2016-12-31"),
        ("17/9/16", "2016-09-17"),  # a first number above 12 can only be the day
        ("Wed 05 Apr 2017", "2017-04-05"),
        ("11 June 2016", "2016-06-11"),
        ("23 February 2015", "2015-02-23"),
        ("September 17, 2016", "2016-09-17"),
        ("Saturday, September 17, 2016", "2016-09-17"),
        ("Sept. 17, 2016", "2016-09-17"),
        ("17th September 2016", "2016-09-17"),
        ("  2016-09-17  ", "2016-09-17"),
        ("2016/09/17", "2016-09-17"),
        ("1/2/69", "1969-01-02"),
        ("1/2/68", "2068-01-02"),
    ],
)
def test_reads_date_forms(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.date == iso
    assert parsed.at is None


@pytest.mark.parametrize(
    ("text", "iso", "at"),
    [
        ("2016-09-17T14:00:00Z", "2016-09-17", "2016-09-17T14:00:00+00:00"),
        ("2016-03-13T08:30:00+03:00", "2016-03-13", "2016-03-13T08:30:00+03:00"),
        ("2016-09-17 17:05", "2016-09-17", "2016-09-17T17:05:00"),
    ],
)
def test_keeps_the_time_when_given(text: str, iso: str, at: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.date, parsed.at) == (iso, at)


@pytest.mark.parametrize(
    "text",
    [None, "", "   ", "yesterday", "2/30/16", "2016-13-01", "13/13/16", "Smarch 3, 2016",
     "32 June 2016", "2016", "17 September", "9/17", "2016-09-17T25:00:00"],
)  # fmt: skip
def test_refuses_what_it_cannot_read_for_sure(text: str | None) -> None:
    assert parse_date(text) is None
