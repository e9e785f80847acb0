"""Whether a strike was meant, said in one sentence: accidental, deliberate, denied or unclear.

Cues come from `lexicon/intent.toml`: "a mistake", "misidentified" (accidental); "deliberate",
"blatant aggression", "conclusive evidence that X supports Y" (deliberate); "denied" (denied: the
denial is the claim's value, so the claim itself is not negated); "it was not immediately clear"
(unclear). The longest cue wins where cues
overlap ("not a mistake" is deliberate). A claim made "even if it was a mistake" is hypothetical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit

HYPOTHETICAL_REACH = 120  # characters from an "even if" to the cue it governs
KINDS = ("accidental", "deliberate", "denied", "unclear")


@dataclass(frozen=True, slots=True)
class Intent:
    start: int
    end: int
    canonical: str
    hypothetical: bool


@dataclass(frozen=True)
class _Patterns:
    extra: list[tuple[str, re.Pattern[str], str]]  # kind, pattern, a word it needs
    exceptions: dict[str, re.Pattern[str]]


_HEAD = re.compile(r"[a-z]+")


def _head(pattern: str) -> str:
    """The lower-case word a pattern starts with ("evidence"): in an ASCII sentence that lacks
    it, the pattern cannot match; "" when there is none."""
    m = _HEAD.match(pattern)
    return m.group(0) if m and pattern[m.end() : m.end() + 1] in (" ", "") else ""


@cache
def _patterns() -> _Patterns:
    data = lexicon.load("intent")
    extra = [
        (name, re.compile(pattern, re.I), _head(pattern))
        for name, patterns in data.get("patterns", {}).items()
        for pattern in patterns
    ]
    exceptions = {
        name: re.compile(r"\s+(?:the\s+)?" + lexicon.words_pattern(words), re.I)
        for name, words in data.get("exceptions", {}).items()
    }
    return _Patterns(extra, exceptions)


def find_intents(sentence: str, hits: list[Hit]) -> list[Intent]:
    """One intent claim per kind in the sentence, at its first cue."""
    p = _patterns()
    cues = [
        (h.start, h.end, h.canonical) for h in hits if h.entry.table in ("intent", "hypothetical")
    ]
    low = sentence.lower()
    for name, pattern, head in p.extra:
        if head in low or not sentence.isascii():  # "evidence that X supports Y"
            cues += [(m.start(), m.end(), name) for m in pattern.finditer(sentence)]
    if not cues:
        return []
    cues.sort(key=lambda c: (c[0], -c[1]))
    hypothetical = [start for start, _, name in cues if name == "hypothetical"]
    found: dict[str, Intent] = {}
    taken = -1
    for start, end, name in cues:
        if name not in KINDS or start < taken or name in found:
            continue
        exception = p.exceptions.get(name)
        if exception and exception.match(sentence, end):
            continue  # "denied access"
        taken = end
        said_if = any(0 <= start - h <= HYPOTHETICAL_REACH for h in hypothetical)
        found[name] = Intent(start, end, name, said_if)
    return sorted(found.values(), key=lambda i: i.start)
