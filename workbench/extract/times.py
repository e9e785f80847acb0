"""When, in one sentence: days, dates and clock times, resolved against the article's date.

Pieces next to each other make one time claim: "5 p.m. (1400 GMT) on Saturday". Its `value` is
an ISO date ("2016-09-17") or date-time: with a GMT/UTC time "2016-09-17T14:00Z", with only a
local clock time "2016-09-17T17:00" (no zone: the local zone is not known). A weekday is the last
such day on or before the article's date ("on Saturday" in an article of Saturday 2016-09-17 is
that day; "last Saturday" a week before); "yesterday" the day before; a date without a year takes
the article's year (the year before when that would put it more than a week after the article).
A clock time without a day, or a day the article's date cannot resolve, makes no claim.

A time says when the incident happened, not when it was told: `dates_the_telling` picks out
"said on Sunday", "told Reuters on Sunday", "the toll rose to 27 on Sunday" and "Updated 13 March
2016" (the caller also keeps times to sentences that speak of the incident, `lexicon/times.toml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.extract.gazetteer import Hit

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>January|February|March|April|(?-i:May)|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_PIECES = re.compile(
    r"(?<![\w:.])(?:"
    r"(?P<gmt>(?P<gh>\d{1,2})[:.]?(?P<gm>\d{2})\s*(?:hrs?\s+)?(?:GMT|UTC))"
    r"|(?P<clock>(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?)"
    r"|(?P<wd>(?:(?P<last>last|this|past|every|each)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?)"
    r"|(?P<rel>yesterday|today|tonight|this\s+morning|last\s+night)"
    r"|(?P<dmy>(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("mon", "m1")
    + r"(?:,?\s+(?P<y1>(?:19|20)\d\d))?)"
    r"|(?P<mdy>" + _MONTH.replace("mon", "m2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
    r")(?![\w])",
    re.I,
)
_JOIN = re.compile(r"[\s,()]*(?:(?:on|at|of|in\s+the|local\s+time|around|about)[\s,()]*)*", re.I)


@dataclass(frozen=True, slots=True)
class Time:
    start: int
    end: int
    value: str


def _date_of(m: re.Match[str], published: date | None) -> date | None:
    if m.group("wd"):
        if published is None or (m.group("last") or "").lower() in ("every", "each"):
            return None  # "every Saturday" is no one day
        wd = WEEKDAYS.index(m.group("day").lower())
        back = (published.weekday() - wd) % 7
        if back == 0 and (m.group("last") or "").lower() == "last":
            back = 7
        return published - timedelta(days=back)
    if m.group("rel"):
        if published is None:
            return None
        word = " ".join(m.group("rel").lower().split())
        return published - timedelta(days=1 if word in ("yesterday", "last night") else 0)
    mon = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    year = m.group("y1") or m.group("y2")
    if not (mon and day):
        return None
    month = MONTHS[mon.lower()[:3]]
    if year:
        y = int(year)
    elif published is not None:
        y = published.year
    else:
        return None
    try:
        found = date(y, month, int(day))
    except ValueError:
        return None
    if not year and published is not None and found > published + timedelta(days=7):
        try:
            found = date(y - 1, month, int(day))
        except ValueError:
            return None
    return found


def _clock(m: re.Match[str]) -> tuple[int, int, bool] | None:
    """(hour, minute, is UTC) of a clock piece."""
    if m.group("gmt"):
        h, mi = int(m.group("gh")), int(m.group("gm"))
        return (h, mi, True) if h < 24 and mi < 60 else None
    if m.group("clock"):
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12 or mi >= 60:
            return None
        pm = m.group("ap").lower() == "p"
        return (h % 12 + (12 if pm else 0), mi, False)
    return None


def find_times(sentence: str, published: date | None) -> list[Time]:
    """Time claims in the sentence, one per run of adjacent pieces that resolves to a date."""
    groups: list[list[re.Match[str]]] = []
    for m in _PIECES.finditer(sentence):
        if groups and _JOIN.fullmatch(sentence, groups[-1][-1].end(), m.start()):
            groups[-1].append(m)
        else:
            groups.append([m])
    out: list[Time] = []
    for group in groups:
        day: date | None = None
        clock: tuple[int, int, bool] | None = None
        for m in group:
            if m.group("gmt") or m.group("clock"):
                c = _clock(m)
                if c and (clock is None or (c[2] and not clock[2])):
                    clock = c  # GMT wins over the local time
            elif day is None:
                day = _date_of(m, published)
        if day is None:
            continue
        value = day.isoformat()
        if clock:
            value += f"T{clock[0]:02d}:{clock[1]:02d}" + ("Z" if clock[2] else "")
        out.append(Time(group[0].start(), group[-1].end(), value))
    return out


_ROSE_GAP = re.compile(  # "rose to 27 on", "raised its toll again on"
    r"\s+(?:(?!(?:after|when|since|following|before|as|in)\b)[^\s,;:()]+\s+){0,4}?"
    r"(?:(?:on|late|early|last|this)\s+)?",
    re.I,
)
_DATELINE_GAP = re.compile(r"\s*:?\s*(?:on\s+)?")
_NAME = r"(?-i:[A-Z])[\w'’.\-]*"
_TOLD_GAP = re.compile(  # "said", "told Northern Star Radio", "said in a statement" + "on"
    rf"\s+(?:(?:to\s+)?(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,4}}\s+)?"
    r"(?:in\s+(?:a|an|its|his|her|their|the)\s+(?:[\w\-]+\s+){0,2}?(?:statement|interview|"
    r"briefing|conference|speech|report|post|tweet|video|message)\s+)?"
    r"(?:(?:on|late|early|last|this|earlier|later)\s+)?",
    re.I,
)


def dates_the_telling(sentence: str, t: Time, hits: list[Hit]) -> bool:
    """Whether a time dates the telling of the news, not the incident: "said on Sunday", "told
    Reuters on Sunday", "the toll rose to 27 on Sunday", "on Monday said", "Updated 13 March"."""
    for h in hits:
        table = h.entry.table
        if table not in ("verb", "rising", "dateline"):
            continue
        if h.end <= t.start:
            if table == "dateline":
                if _DATELINE_GAP.fullmatch(sentence, h.end, t.start):
                    return True
            elif table == "verb":
                if _TOLD_GAP.fullmatch(sentence, h.end, t.start):
                    return True
            elif _ROSE_GAP.fullmatch(sentence, h.end, t.start):
                return True
        elif table == "verb" and h.start >= t.end and not sentence[t.end : h.start].strip():
            return True  # "the ministry on Monday said"
    return False
