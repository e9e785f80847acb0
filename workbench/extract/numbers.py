"""Counts in prose as intervals: "62" is 62-62, "at least 45" 45-, "nearly 50" -49, "dozens" 24-99.

`find_quantities(sentence)` returns every count-like expression with its hedge and interval;
`looks_like_count` tells a count from a year, a date, an age, a measure or a label ("Resolution
2254", "2 hours", "aged 12", "17 September"). Vocabulary: `lexicon/numbers.toml`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit, by_table, cue_before


class Quantity(NamedTuple):
    """A count as written. Offsets are relative to the string searched. (A named tuple: made
    for every number read, and cheaply.)"""

    start: int  # the whole expression, hedge included
    end: int
    num_start: int  # the number words only ("100" in "over 100")
    num_end: int
    low: int | None
    high: int | None
    approximate: bool
    hedge: str | None  # the hedge words as written ("at least")
    vague: bool  # "dozens", "hundreds": a range standing for an unknown number
    digits: bool  # written with digits


@dataclass(frozen=True)
class _Tables:
    pattern: re.Pattern[str]
    words: dict[str, int]
    single: dict[str, int]
    ranges: dict[str, tuple[int, int | None]]
    hedges: dict[str, str]  # normal(phrase) -> rule
    measures: re.Pattern[str]
    months: re.Pattern[str]
    digit_pattern: re.Pattern[str]  # `pattern` where a digit starts it (no hedge, no word)


_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?"
_SCALED = r"(?:\s+|-)(?:million|thousand)\b"


@cache
def _tables() -> _Tables:
    data: dict[str, Any] = lexicon.load("numbers")
    w = data["words"]
    words = {**w["units"], **w["tens"], **w["scales"]}
    ranges = {
        lexicon.normal(k): (int(v[0]), None if len(v) < 2 else int(v[1]))
        for k, v in w["ranges"].items()
    }
    single = {lexicon.normal(k): int(v) for k, v in w["single"].items()}
    hedges = {lexicon.normal(p): rule for rule, phrases in data["hedges"].items() for p in phrases}
    word = lexicon.alternation(words)
    scale = r"(?:hundred|thousand|million)"
    wordnum = rf"(?:(?:an?\s+(?={scale}))?{word}(?!\w)(?:(?:\s+and\s+|[\s-]+){word}(?!\w))*)"
    number = (
        rf"(?:{lexicon.alternation(ranges)}(?!\w)|(?:{_DIGITS})(?:{_SCALED})?"
        rf"|{lexicon.alternation(single)}(?!\w)|{wordnum})"
    )
    hedge = lexicon.alternation(hedges)
    # "20-30", "20 to 30", "two or three", "between 20 and 30"; not "from 18 to 27" (a change)
    second = (
        rf"(?:\s*(?P<conn>-|–|or|(?(from)(?!)|to)|(?(between)and|(?!)))\s*(?P<n2>{number}))?"
        rf"(?![\w]|[.,]\d|:\d)"
    )
    pattern = re.compile(
        rf"(?<![\w.,/:])(?<![A-Za-z\d][-–])"
        rf"(?:(?P<hedge>{hedge})\s+(?:of\s+)?)?(?:(?P<between>between)\s+)?"
        rf"(?:(?<=\bfrom\s)(?P<from>))?(?P<n1>{number}){second}",
        re.IGNORECASE,
    )
    # the same where a digit starts: no hedge, "between" or number word can (and the groups
    # that never match stay there for the readers)
    digit_pattern = re.compile(
        rf"(?<![\w.,/:])(?<![A-Za-z\d][-–])(?P<hedge>(?!))?(?P<between>(?!))?"
        rf"(?:(?<=\bfrom\s)(?P<from>))?(?P<n1>(?:{_DIGITS})(?:{_SCALED})?){second}",
        re.IGNORECASE,
    )
    ctx = data["context"]
    return _Tables(
        pattern=pattern,
        words={k.lower(): int(v) for k, v in words.items()},
        single=single,
        ranges=ranges,
        hedges=hedges,
        measures=re.compile(
            r"\s*(?:-\s*)?" + lexicon.alternation(ctx["measures"]) + r"(?!\w)", re.I
        ),
        months=re.compile(lexicon.alternation(ctx["months"]) + r"(?!\w)", re.I),
        digit_pattern=digit_pattern,
    )


_WORD_SPLIT = re.compile(r"[\s\-]+")
_FIGURE = re.compile(r"([\d,.]+)(?:\s+|-)?(million|thousand)?$", re.I)


def _word_value(text: str, words: dict[str, int]) -> int | None:
    total = current = 0
    seen = False
    for token in _WORD_SPLIT.split(text.lower()):
        if token in ("a", "and", ""):
            continue
        value = words.get(token)
        if value is None:
            return None
        seen = True
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None


def _value(text: str, t: _Tables) -> tuple[int, int | None, bool, bool] | None:
    """(low, high, approximate, vague) for one number expression."""
    key = lexicon.normal(text)
    if key in t.ranges:
        low, high = t.ranges[key]
        return low, high, True, True
    if key in t.single:
        return t.single[key], t.single[key], True, False
    if text.isdecimal():  # "62": what the pattern below makes of it, sooner
        number = float(text)
        return None if math.isinf(number) else (int(number), int(number), False, False)
    m = _FIGURE.match(text.strip())
    if m:
        raw = m.group(1).replace(",", "")
        try:
            number = float(raw)
        except ValueError:
            return None
        if m.group(2):
            number *= 1_000_000 if m.group(2).lower() == "million" else 1000
        elif "." in raw:
            return None  # "2.5" on its own is not a count of people
        if math.isinf(number):
            return None  # 309 digits and more: no count of anything
        return int(number), int(number), False, False
    value = _word_value(text, t.words)
    return None if value is None else (value, value, False, False)


def _bounded(low: int, high: int | None, rule: str | None) -> tuple[int | None, int | None, bool]:
    """Apply a hedge rule to an exact number: (low, high, approximate from the hedge)."""
    n = low if high == low else None
    if rule is None or rule == "exact":
        return low, high, False
    if rule == "at_least":
        return low, None, False
    if rule == "more_than":
        return (n + 1 if n is not None else low), None, False
    if rule == "at_most":
        return None, (high if high is not None else low), False
    if rule == "less_than":
        return None, (n - 1 if n is not None else high), False
    if rule == "nearly":
        return None, (n - 1 if n is not None else high), True
    return low, high, True  # approximate


_DIGIT_RUN = re.compile(r"\d(?<![\d,.]\d)")  # a digit not after a digit, "," or "."
_YEAR = re.compile(r"(?:19|20)\d\d")


def _matches(text: str, starts: list[int] | None, t: _Tables) -> Iterator[re.Match[str]]:
    """The count pattern tried only where a count can start: digits, number words, hedges."""
    if starts is None:
        starts = [h.start for h in lexicon.gazetteer().find(text, ("numword",))]
    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
    if not digits and not starts:
        return
    words = set(starts)
    candidates = sorted(words.union(digits))
    end = -1
    for pos in candidates:
        if pos < end:
            continue
        m = (t.pattern if pos in words else t.digit_pattern).match(text, pos)
        if m:
            end = m.end()
            yield m


def find_quantities(text: str, starts: list[int] | None = None) -> list[Quantity]:
    """Every count-like expression in `text`, left to right.

    `starts`: where number words and count hedges begin (gazetteer `numword` hits), when the
    caller has them; digits are found here."""
    t = _tables()
    out: list[Quantity] = []
    for m in _matches(text, starts, t):
        first = _value(m.group("n1"), t)
        if first is None:
            continue
        low, high, approx, vague = first
        n_end = m.end("n1")
        if m.group("n2"):
            second = _value(m.group("n2"), t)
            if second is not None and second[0] >= low:
                high = second[1] if second[1] is not None else second[0]
                approx = approx or second[2]
                n_end = m.end("n2")
        hedge = m.group("hedge")
        rule = t.hedges.get(lexicon.normal(hedge)) if hedge else None
        if rule is not None and not vague:
            low_b, high_b, approx_h = _bounded(low, high, rule)
            approx = approx or approx_h
        else:
            low_b, high_b = low, high
            approx = approx or rule == "approximate"
        start = m.start("hedge") if hedge else m.start("n1")
        if m.group("between"):
            start = min(start, m.start("between"))
        out.append(
            Quantity(
                start=start,
                end=n_end,
                num_start=m.start("n1"),
                num_end=n_end,
                low=low_b,
                high=high_b,
                approximate=approx,
                hedge=hedge,
                vague=vague,
                digits=m.group("n1")[0].isdigit(),
            )
        )
    return out


_LABEL_GAP = re.compile(r"\.?\s*")


def looks_like_count(
    text: str,
    q: Quantity,
    person_follows: bool = False,
    cues: dict[str, list[Hit]] | None = None,
) -> bool:
    """Whether `q` inside `text` can be a count of people (not a year, date, age, measure...).

    `cues`: the text's gazetteer hits by table (`numlabel`, `month`), when the caller has them."""
    t = _tables()
    if t.measures.match(text, q.end):
        return False
    if cues is None:
        cues = by_table(lexicon.gazetteer().find(text, ("numlabel", "month")))
    for table in ("numlabel", "month"):  # "Resolution 2254", "September 17"
        if cue_before(text, cues.get(table, []), q.start, _LABEL_GAP, 3):
            return False
    if t.months.match(text[q.end : q.end + 24].lstrip(" .")):
        return False  # "17 September"
    if q.digits and q.low is not None and q.low == q.high and not person_follows:
        if _YEAR.fullmatch(text, q.num_start, q.num_end):
            return False  # a year, unless people follow ("2000 people")
    return True
