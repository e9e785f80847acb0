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
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = lexicon.load("background")
    cues = re.compile("|".join(f"(?:{p})" for p in data["patterns"]), re.I)
    comparisons = re.compile(lexicon.words_pattern(data["comparisons"]), re.I)
    return cues, comparisons


def background_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence speaks of the war as a whole (offsets in the sentence)."""
    cues, comparisons = _patterns()
    return [
        (m.start(), m.end())
        for m in cues.finditer(sentence)
        if not comparisons.search(sentence, max(0, m.start() - _COMPARISON_REACH), m.start())
    ]


def in_background(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether words at sentence offsets start-end stand close to background words."""
    return any(s - REACH <= end and start <= e + REACH for s, e in spans)
