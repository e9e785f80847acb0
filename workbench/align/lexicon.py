"""The word lists alignment reads: align/words.toml, and speaker names from extraction."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Words:
    """Everything in words.toml, in the shapes the align modules use."""

    origin_variants: dict[str, str]
    origin_filler: frozenset[str]
    same_origins: tuple[tuple[str, ...], ...]
    speaker_aliases: dict[str, str]  # casefolded alias -> speaker name (extraction lexicon)
    unnamed: frozenset[str]  # casefolded unnamed sources: "activists", "a monitor"
    class_noun: dict[str, str]
    nationalities: dict[str, str]  # word in a subject -> nationality name
    sub_subjects: dict[str, str]  # word -> the noun a sub-count's subject folds to
    sub_groups: frozenset[str]  # nouns whose counts are always part of a total ("children")
    joined_by: str  # label words for unknown-class totals in a more specific group
    weapon_class: dict[str, str]  # weapon canonical -> class
    generic_weapons: frozenset[str]
    telling_classes: frozenset[str]
    denied_by_whose: frozenset[str]  # weapons whose denial says whose they were not
    compatible_actors: frozenset[frozenset[str]]
    neutral_actors: frozenset[str]
    compatible_intents: frozenset[frozenset[str]]
    neutral_intents: frozenset[str]
    negated_intent: dict[str, str]
    stop_words: frozenset[str]
    months: frozenset[str]
    areas: dict[str, str]  # governorate -> the area it counts as for events


def _toml(*path: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("workbench").joinpath(*path).read_text(encoding="utf-8"))


@cache
def load_words() -> Words:
    data = _toml("align", "words.toml")
    attribution = _toml("extract", "lexicon", "attribution.toml")
    speakers: dict[str, str] = {}
    for speaker in attribution.get("speaker", []):
        for alias in [speaker["name"], *speaker.get("aliases", [])]:
            speakers.setdefault(alias.casefold(), speaker["name"])
    cas = data["casualties"]
    nationalities = {w.casefold(): entry[0] for entry in cas["nationalities"] for w in entry[1:]}
    subs = {w.casefold(): noun for noun, ws in cas["sub_subjects"].items() for w in ws}
    weapon_class: dict[str, str] = {}
    generic: set[str] = set()
    for name, spec in data["weapons"]["classes"].items():
        for w in spec.get("types", []):
            weapon_class[w] = name
        for w in spec.get("generic", []):
            weapon_class[w] = name
            generic.add(w)
    return Words(
        origin_variants={k.casefold(): v for k, v in data["origins"]["variants"].items()},
        origin_filler=frozenset(w.casefold() for w in data["origins"]["filler"]),
        same_origins=tuple(tuple(names) for names in data["origins"]["same"]),
        speaker_aliases=speakers,
        unnamed=frozenset(w.casefold() for w in attribution.get("unnamed", [])),
        class_noun=dict(cas["class_noun"]),
        nationalities=nationalities,
        sub_subjects=subs,
        sub_groups=frozenset(cas.get("sub_groups", [])),
        joined_by=str(cas.get("joined_by", "")),
        weapon_class=weapon_class,
        generic_weapons=frozenset(generic),
        telling_classes=frozenset(data["events"].get("telling_weapon_classes", [])),
        denied_by_whose=frozenset(data["weapons"].get("denied_by_whose", [])),
        compatible_actors=frozenset(frozenset(p) for p in data["actors"]["compatible"]),
        neutral_actors=frozenset(data["actors"]["neutral"]),
        compatible_intents=frozenset(frozenset(p) for p in data["intent"]["compatible"]),
        neutral_intents=frozenset(data["intent"]["neutral"]),
        negated_intent=dict(data["intent"]["negated"]),
        stop_words=frozenset(w.casefold() for w in data["events"]["stop_words"]),
        months=frozenset(data["events"]["months"]),
        areas={g: names[0] for names in data["events"]["one_area"] for g in names},
    )
