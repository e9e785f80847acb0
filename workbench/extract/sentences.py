"""Sentences with their offsets into the article text: `text[s.start:s.end] == s.text`, always.

Paragraphs are separated by blank lines; a single line break ends a sentence when the line before
ends like one (or with a colon: "RT reports:"). Inside a paragraph a sentence ends at `.`, `!` or
`?` (and closing quotes or brackets) followed by white space and a capital, a digit or an opening
quote, unless the word before the stop is a known abbreviation ("U.S.", "Maj.", "p.m." before a
time zone or a day). Very long runs without a stop are cut at white space so that a quote stays
readable.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from workbench.extract import lexicon

MAX_SENTENCE = 1200  # characters; longer runs are cut at white space

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
# a line break after a sentence's end; the match starts with that end (one character, kept)
_LINE_BREAK = re.compile(r"[.!?:\"”’][ \t\u00a0]*\n\s*")
_STOP = re.compile(r"[.!?]+[\"”’'\)\]]*(?=\s+[\"“‘'\(\[\-–—]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s+([\"“‘'\(\[]*)([A-Za-z]*)")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph in the article, from 0


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = lexicon.load("sentences")
    return (
        frozenset(w.lower() for w in data["abbreviations"]),
        frozenset(w.lower() for w in data["clock_abbreviations"]),
        frozenset(w.lower() for w in data["clock_followers"]),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _spans(
    text: str, pattern: re.Pattern[str], start: int, end: int, keep: int = 0
) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between the matches (the first `keep` characters of a match
    stay with the piece before it)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        out.append((pos, m.start() + keep))
        pos = m.end()
    out.append((pos, end))
    return out


def _is_break(text: str, stop: re.Match[str]) -> bool:
    """Whether the stop that `stop` matched ends a sentence (not an abbreviation)."""
    if text[stop.start()] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, stop.start() - 12), stop.start() + 1)
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    abbreviations, clock, followers = _abbreviations()
    if word in clock:
        following = _NEXT_WORD.match(text, stop.end())
        if following is None or "(" in following.group(1) or not following.group(2):
            return False  # "5 p.m. (1400 GMT)", "10 a.m. 2016"
        return following.group(2).lower() not in followers
    if word in abbreviations:
        return False
    # an initial ("J. Smith") or a dotted acronym ("U.S.") is not a stop
    return not (len(word) == 1 or (len(word) <= 4 and "." in word))


def _cut_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append(_trimmed(text, start, cut))
        start = cut
    out.append(_trimmed(text, start, end))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """The article's sentences in order, each with its paragraph index."""
    sentences: list[Sentence] = []
    paragraph = 0
    for p_start, p_end in _spans(text, _PARAGRAPH_BREAK, 0, len(text)):
        p_start, p_end = _trimmed(text, p_start, p_end)
        if p_start >= p_end:
            continue
        for l_start, l_end in _spans(text, _LINE_BREAK, p_start, p_end, keep=1):
            pos = l_start
            for stop in _STOP.finditer(text, l_start, l_end):
                if _is_break(text, stop):
                    for s, e in _cut_long(pos, stop.end(), text):
                        if s < e:
                            sentences.append(Sentence(s, e, text[s:e], paragraph))
                    pos = stop.end()
            for s, e in _cut_long(pos, l_end, text):
                if s < e:
                    sentences.append(Sentence(s, e, text[s:e], paragraph))
        paragraph += 1
    return sentences
