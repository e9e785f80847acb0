"""Places in one sentence: a canonical name and its governorate.

Known places come from the gazetteer `lexicon/places.toml` (governorates, cities, towns,
districts, air bases, mountains, each with its spellings). Around a name: "Idlib province",
"rural Aleppo" and "the Damascus countryside" name the governorate; "Hama military airport" is a
place of its own. A capital standing for its government ("Damascus denies", "as some in Damascus
suggest") is no place. Unknown names are places when the words say so: "the village of Tell Hamra",
"Tell Hamra, a farming village", "Jebel Tharda", "Qasr al-Wadi military airport"; their
governorate is that of the nearest known place in the sentence, when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit

_NAME = (
    r"(?P<name>[A-Z][\w'’\-]*(?:\s+(?:(?:al|el|ad|ash|as|ar|at|az|an|ibn|bin|bani|abu|umm|um)"
    r"[\s\-]+)?[A-Z][\w'’\-]*){0,3})"
)


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    canonical: str
    governorate: str | None


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]  # "the village of X"
    appositive: re.Pattern[str]  # "X, a farming village"
    mountain: re.Pattern[str]  # "Jebel X"
    feature_after: re.Pattern[str]  # "X military airport"
    governorate_after: re.Pattern[str]  # "X province"
    governorate_before: re.Pattern[str]  # "rural X"
    unknown_feature: re.Pattern[str]  # "Tell Hamra military airport"
    metonym_before: re.Pattern[str]  # "some in X"


@cache
def _patterns() -> _Patterns:
    data = lexicon.load("places")["patterns"]
    alt = lexicon.alternation
    return _Patterns(
        before=re.compile(rf"(?<!\w){alt(data['before'])}\s+{_NAME}"),
        appositive=re.compile(
            rf"(?<![\w\-]){_NAME},\s+(?:a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
            rf"{alt(data['appositive'])}(?!\w)"
        ),
        mountain=re.compile(rf"(?<!\w)(?P<word>{alt(data['mountains'])})\s+{_NAME}"),
        feature_after=re.compile(rf"^\s+(?P<feature>{alt(data['features'])})(?!\w)", re.I),
        governorate_after=re.compile(rf"^\s+{alt(data['governorate_features'])}(?!\w)", re.I),
        governorate_before=re.compile(rf"(?<!\w){alt(data['governorate_before'])}\s+$", re.I),
        unknown_feature=re.compile(rf"{_NAME}\s+(?P<feature>{alt([*_AIR, 'airport'])})(?!\w)"),
        metonym_before=re.compile(rf"(?<!\w){alt(data['metonym_before'])}\s+$", re.I),
    )


_AUXILIARIES = re.compile(
    r"\s+(?:(?:has|have|had|also|now|again|long|strongly|repeatedly|will|would|swiftly)\s+)*"
)
_VERB_TABLES = ("verb", "deny", "role_verb")


def _metonym(sentence: str, h: Hit, hits: list[Hit], p: _Patterns) -> bool:
    """ "Damascus denies", "as some in Damascus suggest": a capital standing for its government."""
    if not any(a.entry.table == "actor" and (a.start, a.end) == (h.start, h.end) for a in hits):
        return False
    if p.metonym_before.search(sentence, max(0, h.start - 40), h.start):
        return True
    verb_at = _AUXILIARIES.match(sentence, h.end)
    return verb_at is not None and any(
        v.start == verb_at.end() and v.entry.table in _VERB_TABLES for v in hits
    )


_AIR: tuple[str, ...] = ("military airport", "military airbase", "military air base", "air base")
_AIR += ("airbase", "airfield", "air field", "military base")
_NAMED = ("dam", "camp", "refugee camp", "oil field", "gas field", "prison", "airport")


def _with_feature(name: str, feature: str) -> str:
    """ "Deir al-Zor" + "airbase" -> "Deir al-Zor military airport"; towns stay themselves."""
    word = lexicon.normal(feature)
    if word in _AIR:
        return name if "airport" in name.lower() else f"{name} military airport"
    if word in _NAMED and word not in name.lower():
        return f"{name} {word}"
    return name


def _governorate(h: Hit) -> str | None:
    return h.entry.get("governorate")


CUES = ("placecue_before", "placecue_appositive", "placecue_mountain", "placecue_air")


def find_places(
    sentence: str, hits: list[Hit], *, patterns: bool | Collection[str] = True
) -> list[Place]:
    """One place claim per canonical name in the sentence, at its first mention.

    `patterns`: also look for unknown names ("the village of X"); the caller may pass the
    gazetteer tables of `CUES` present in the sentence (a pattern runs only where its cue word
    is: "the village of", "a farming village", "Jebel", "airbase") or False for none."""
    p = _patterns()
    known = [h for h in hits if h.entry.table == "place"]
    found: list[Place] = []
    for h in known:
        if _metonym(sentence, h, hits, p):
            continue
        gov = _governorate(h)
        end = h.end
        canonical = h.canonical
        if gov and (
            p.governorate_after.match(sentence, h.end)
            or p.governorate_before.search(sentence, max(0, h.start - 30), h.start)
        ):
            canonical = gov
        feature = p.feature_after.match(sentence, h.end)
        if feature and canonical != gov:
            end = feature.end()
            canonical = _with_feature(canonical, feature.group("feature"))
        found.append(Place(h.start, end, canonical, gov))
    if patterns:
        for cue, pattern in zip(
            CUES, (p.before, p.appositive, p.mountain, p.unknown_feature), strict=True
        ):
            if patterns is True or cue in patterns:
                for m in pattern.finditer(sentence):
                    _add_pattern_place(found, known, m, sentence)
    unique: dict[str, Place] = {}
    for place in sorted(found, key=lambda x: x.start):
        unique.setdefault(place.canonical, place)
    return sorted(unique.values(), key=lambda x: x.start)


def _add_pattern_place(found: list[Place], known: list[Hit], m: re.Match[str], text: str) -> None:
    start, end = m.start("name"), m.end("name")
    overlapping = [f for f in found if f.start < end and start < f.end]
    if any(f.start <= start and end <= f.end for f in overlapping):
        return  # a known name covers it
    for f in overlapping:  # "the village of Kafr Dael": not the town of Dael
        found.remove(f)
    known = [h for h in known if not (start <= h.start and h.end <= end)]
    words = m.group("name")
    if "word" in m.groupdict() and m.group("word"):
        start = m.start("word")
        words = f"Jebel {words}"
    if "feature" in m.groupdict() and m.group("feature"):
        end = m.end("feature")
        words = _with_feature(words, m.group("feature"))
    nearest = min(known, key=lambda h: abs(h.start - start), default=None)
    found.append(Place(start, end, words, _governorate(nearest) if nearest else None))
