"""Weapons and aircraft in one sentence, with how many: "two F-16 jet fighters" is F-16 x2.

Names come from `lexicon/weapons.toml` through the gazetteer ("F16", "F-16s", "Sukhoi-24" are
variants). A word shaped like a model designation that no variant matched ("SU-24M", "Sukoi-24")
is compared with the known designations by rapidfuzz. A generic name right after a specific one
belongs to it ("Su-24 jets"). A count is an exact number just before the name, with at most two
words between ("two Russian Su-24 jets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit, key
from workbench.extract.numbers import Quantity

FUZZY_CUTOFF = 85
# "F-16", "Su-24M": a letter first (not after a word or "-"), then letters, a number, letters
_DESIGNATION = re.compile(
    r"[A-Za-z](?<![\w\-][A-Za-z])[A-Za-z]{0,6}[\- ]?\d{1,3}[A-Za-z]{0,3}(?![\w\-])"
)
_BETWEEN = re.compile(r"\s+(?:[A-Za-z][\w'’\-]*\s+){0,2}")
_GENERIC_GAP = re.compile(r"[\s\-]{0,2}")
_DIGIT = re.compile(r"\d")  # a designation has one


@dataclass(frozen=True, slots=True)
class Weapon:
    start: int  # sentence offsets of the name
    end: int
    canonical: str
    count: int | None
    generic: bool = False  # "jets", "aircraft": no type named


@cache
def _not_named_before() -> re.Pattern[str]:
    """What a generic name may not follow: "the type of aircraft", "rather than helicopters"."""
    words = lexicon.load("weapons")["generic_not_named_after"]
    return re.compile(rf"(?<!\w){lexicon.alternation(words)}\s+(?:(?-i:[A-Z])[\w'’\-]*\s+)?$", re.I)


@cache
def _designations() -> dict[str, str]:
    """key -> canonical for every variant that carries a model number."""
    out: dict[str, str] = {}
    for entry in lexicon.load("weapons")["weapon"]:
        for variant in entry["variants"]:
            k = key(variant)
            if any(ch.isdigit() for ch in k):
                out.setdefault(k, entry["canonical"])
    return out


@cache
def _definite() -> re.Pattern[str]:
    words = lexicon.load("weapons")["definite"]
    return re.compile(rf"(?<!\w){lexicon.alternation(words)}\s+(?:(?-i:[A-Z])[\w'’\-]*\s+)?$", re.I)


@cache
def aircraft() -> frozenset[str]:
    """The canonical names of aircraft."""
    return frozenset(lexicon.load("weapons")["aircraft"])


def refers_back(sentence: str, w: Weapon) -> bool:
    """ "the aircraft", "the jet": a generic aircraft named as one already known."""
    return w.generic and _definite().search(sentence, max(0, w.start - 30), w.start) is not None


@lru_cache(maxsize=8192)
def _fuzzy(word: str) -> str | None:
    k = key(word).rstrip("s") if key(word).endswith("s") else key(word)
    table = _designations()
    for known, canonical in table.items():
        if k.startswith(known) and k[len(known) :].isalpha():
            return canonical  # "su24m", "su25sm": a sub-model
    best = process.extractOne(k, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return table[best[0]] if best else None


def _count(sentence: str, start: int, quantities: list[Quantity]) -> int | None:
    for q in quantities:
        if q.end <= start and _BETWEEN.fullmatch(sentence, q.end, start):
            if q.low is not None and q.low == q.high and not q.vague and q.hedge is None:
                return q.low
    return None


def find_weapons(sentence: str, hits: list[Hit], quantities: list[Quantity]) -> list[Weapon]:
    """One weapon per canonical name in the sentence (the first, or the first with a count)."""
    named = [h for h in hits if h.entry.table == "weapon"]
    spans: list[tuple[int, int, str, bool]] = [
        (h.start, h.end, h.canonical, h.entry.get("generic") == "1") for h in named
    ]
    if any(generic for *_, generic in spans):
        not_named = _not_named_before()
        spans = [
            span
            for span in spans
            if not (span[3] and not_named.search(sentence, max(0, span[0] - 40), span[0]))
        ]
    for m in _DESIGNATION.finditer(sentence) if _DIGIT.search(sentence) else ():
        if any(s < m.end() and m.start() < e for s, e, _, _ in spans):
            continue
        canonical = _fuzzy(m.group(0))
        if canonical:
            spans.append((m.start(), m.end(), canonical, False))
    spans.sort()
    found: dict[str, Weapon] = {}
    last_specific_end = -1
    for start, end, canonical, generic in spans:
        if (
            generic
            and last_specific_end >= 0
            and _GENERIC_GAP.fullmatch(sentence, last_specific_end, start)
        ):
            continue  # "Su-24 jets": the jets are the Su-24s
        if not generic:
            last_specific_end = end
        weapon = Weapon(start, end, canonical, _count(sentence, start, quantities), generic)
        have = found.get(canonical)
        if have is None or (have.count is None and weapon.count is not None):
            found[canonical] = weapon
    return sorted(found.values(), key=lambda w: w.start)
