"""Background: words about the war as a whole, not the incident ("since the conflict began").

"More than 300,000 people have been killed since the conflict began" and "barrel bombs have been
used widely during the five-year war" are no claims about the incident an article reports: a
count, weapon, actor or intent close to such words is left out. A comparison with the whole war
("the deadliest attack since the war began") is about the incident. Vocabulary:
`lexicon/background.toml`.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.extract import lexicon

REACH = 100  # characters between a claim's words and the background words that take it
_COMPARISON_REACH = 80  # characters before the background words where a superlative compares


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    """The cues ignoring case; the same for lower-case text when they are written in lower case
    (faster); the comparisons."""
    data = lexicon.load("background")
    joined = "|".join(f"(?:{p})" for p in data["patterns"])
    lower_case = re.compile(joined) if joined == joined.lower() and joined.isascii() else None
    comparisons = re.compile(lexicon.words_pattern(data["comparisons"]), re.I)
    return re.compile(joined, re.I), lower_case, comparisons


def background_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence speaks of the war as a whole (offsets in the sentence)."""
    any_case, lower_case, comparisons = _patterns()
    low = sentence.lower()
    # the same matches where lower() keeps every offset and neither "ſ" nor "ı" (which match
    # "s" and "i" ignoring case) is there; the patterns are lower-case ASCII
    if lower_case and len(low) == len(sentence) and "ſ" not in sentence and "ı" not in sentence:
        found = lower_case.finditer(low)
    else:
        found = any_case.finditer(sentence)
    return [
        (m.start(), m.end())
        for m in found
        if not comparisons.search(sentence, max(0, m.start() - _COMPARISON_REACH), m.start())
    ]


def in_background(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether words at sentence offsets start-end stand close to background words."""
    return any(s - REACH <= end and start <= e + REACH for s, e in spans)
