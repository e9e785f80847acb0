"""Publication dates as written by outlets, normalised to ISO 8601.

A date that cannot be read is never guessed: `parse_date` returns None and the caller warns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"

# Each pattern must match the whole (stripped) string.
_PATTERNS = [
    # 2016-09-17, 2016-09-17T14:00:00Z, 2016-09-17 14:00:00+03:00, 2016/09/17
    re.compile(
        r"(?P<year>\d{4})[-/](?P<mon>\d{1,2})[-/](?P<day>\d{1,2})"
        r"(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
        r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?",
        re.I,
    ),
    # 9/17/16 or 9/17/2016: month/day/year as in the FA-KES CSV (day/month when the first > 12)
    re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{2}|\d{4})"),
    # Wed 05 Apr 2017, 11 June 2016, 23 February 2015, 17 Sept. 2016
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I
    ),
    # September 17, 2016; Saturday, September 17, 2016; Sep 17 2016
    re.compile(
        _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I
    ),
]


@dataclass(frozen=True)
class ParsedDate:
    """A publication date; `at` is the ISO date-time when the input gave a time."""

    date: str
    at: str | None = None


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:  # the POSIX strptime rule: 69-99 -> 1900s, 00-68 -> 2000s
        value += 1900 if value >= 69 else 2000
    return value


def parse_date(text: str | None) -> ParsedDate | None:
    """Read a date in one of the forms outlets use; None when it cannot be read for sure."""
    if text is None:
        return None
    s = " ".join(str(text).split())
    if not s:
        return None
    for pattern in _PATTERNS:
        m = pattern.fullmatch(s)
        if not m:
            continue
        groups = m.groupdict()
        try:
            if "a" in groups and groups.get("a") is not None:
                first, second = int(groups["a"]), int(groups["b"])
                month, day = (second, first) if first > 12 else (first, second)
            elif groups.get("mon") is not None:
                month, day = int(groups["mon"]), int(groups["day"])
            else:
                month = MONTHS[groups["month"].lower()]
                day = int(groups["day"])
            d = date(_year(groups["year"]), month, day)
        except (KeyError, ValueError):
            return None
        at = None
        if groups.get("time"):
            iso = f"{d.isoformat()}T{groups['time']}"
            tz = groups.get("tz")
            if tz:
                tz = tz.upper()
                iso += "+00:00" if tz in ("Z", "UTC", "GMT") else tz
            try:
                at = datetime.fromisoformat(iso).isoformat()
            except ValueError:
                return None
        return ParsedDate(d.isoformat(), at)
    return None
