"""The word lists in `lexicon/*.toml`, loaded once per process, and regex helpers for them.

Code never spells out vocabulary: it asks this module for a list, or for a compiled pattern that
matches any phrase of a list on whole words (longest phrase first, any run of white space between
words, a hyphen or space interchangeable, straight or curly apostrophes).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from workbench.extract.gazetteer import Gazetteer, key

# characters counted as part of a word when checking phrase boundaries
WORD_CHARS = r"\w"
LEFT = r"(?<![\w])"
RIGHT = r"(?![\w])"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed `lexicon/<name>.toml` (cached: each file is read once per process)."""
    source = resources.files("workbench.extract").joinpath("lexicon").joinpath(f"{name}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def phrase(words: str) -> str:
    """A regex for one phrase: flexible white space, '-' or ' ' or nothing between word parts."""
    out: list[str] = []
    for ch in words.strip():
        if ch.isspace():
            if not out or out[-1] != r"[\s\-]+":
                out.append(r"[\s\-]+")
        elif ch == "-":
            out.append(r"[\s\-]?")
        elif ch in "'’":
            out.append(r"['’]?")
        elif ch == ".":
            out.append(r"\.?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words: Iterable[str]) -> str:
    """One group matching any of `words` (longest first, so the longest phrase wins)."""
    unique = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(phrase(w) for w in unique) + ")"


def words_pattern(words: Iterable[str], *, plural: bool = False, hyphen_ends: bool = False) -> str:
    """`alternation` bounded on whole words; `plural` also accepts a trailing s/es;
    `hyphen_ends` refuses a match that a hyphen continues ("rebel" in "rebel-held")."""
    tail = r"(?:e?s)?" if plural else ""
    return LEFT + alternation(words) + tail + (r"(?![\w\-])" if hyphen_ends else RIGHT)


@cache
def compiled(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """`re.compile`, cached (patterns built from word lists are compiled once per process)."""
    return re.compile(pattern, flags)


def normal(text: str) -> str:
    """A phrase as a lookup key: lower case, curly quotes straightened, one space between words."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(text.replace("-", " ").split())


@cache
def gazetteer() -> Gazetteer:
    """Every word list in one look-up structure, built once per process.

    Names: actor, speaker, unnamed, reference, place, weapon, intent, hypothetical, hedge.
    Cues (where the extractors look closer): numword (number words and count hedges), verb,
    citing, title, outer, timeword, incident, dateline, background, placecue_*, zero, deny,
    negation, attack and the role_* tables.
    """
    g = Gazetteer()
    g.no_hyphen_end.update({"actor", "weapon"})  # "rebel-held" is not the rebels
    for word in load("places")["patterns"]["mountains"]:  # "Jebel X" is "Jabal X"
        g.synonyms[key(word)] = "jabal"
    _names(g)
    _cues(g)
    return g


def _names(g: Gazetteer) -> None:
    for entry in load("actors")["actor"]:
        g.add("actor", entry["canonical"], entry["aliases"], exact=entry.get("exact", ()))
    attribution = load("attribution")
    for entry in attribution["speaker"]:
        g.add("speaker", entry["name"], entry["aliases"], info={"kind": entry.get("kind", "")})
    g.add("unnamed", "", attribution["unnamed"])
    for kind, phrases in attribution["references"].items():
        g.add("reference", kind, phrases)
    for name, gov in load("places")["governorates"].items():
        g.add("place", name, gov["variants"], info={"governorate": name, "level": "governorate"})
        for spellings in gov["places"]:
            g.add("place", spellings[0], spellings, info={"governorate": name, "level": "place"})
    for entry in load("weapons")["weapon"]:
        info = {"generic": "1"} if entry.get("generic") else {}
        g.add("weapon", entry["canonical"], entry["variants"], plural=True, info=info)
    for name, phrases in load("intent")["intent"].items():
        g.add("hypothetical" if name == "hypothetical" else "intent", name, phrases)
    g.add("hedge", "", load("hedges")["reporting"])


def _cues(g: Gazetteer) -> None:
    numbers = load("numbers")
    words = numbers["words"]
    for group in ("units", "tens", "scales", "single", "ranges"):
        for phrase in words[group]:
            g.add("numword", normal(phrase), [phrase])
    for scale in words["scales"]:
        g.add("numword", "a " + scale, ["a " + scale])
    for rule, phrases in numbers["hedges"].items():
        for phrase in phrases:
            g.add("numword", rule, [phrase])
    g.add("numword", "between", ["between"])
    attribution = load("attribution")
    for phrase in attribution["verbs"]:
        g.add("verb", normal(phrase), [phrase])
    g.add("citing", "", attribution["citing"])
    g.add("title", "", attribution["titles"])
    g.add("adverbial", "", attribution["adverbials"])
    g.add("outer", "", [*attribution["according_to"], *attribution["carried_by"]])
    g.add("timeword", "", [*_TIME_WORDS, *numbers["context"]["months"]])
    times = load("times")
    g.add("incident", "", times["incident_words"])
    g.add("dateline", "", times["dateline_words"])
    g.add("background", "", load("background")["cue_words"])
    places = load("places")["patterns"]
    for name, words in (
        ("before", places["before"]),
        ("mountain", places["mountains"]),
        ("appositive", places["appositive"]),
        ("air", _AIR_WORDS),
    ):
        g.add("placecue_" + name, "", words)  # each place pattern runs only where its cue is
    casualty = load("casualty")
    for outcome, phrases in casualty["zero"].items():
        g.add("zero", outcome, phrases)
    for outcome, forms in casualty["outcomes"].items():
        for phrase in forms["before"]:
            g.add("cas_before", outcome, [phrase])
        g.add("cas_after", outcome, forms["after"])
    tolls = casualty["tolls"]
    for outcome in ("killed", "injured"):
        g.add("toll", outcome, tolls[outcome])
        g.add("toll_outcome", outcome, tolls["number_of_outcomes"][outcome])
    g.add("toll", "number_of", tolls["number_of"])
    g.add("rising", "", tolls["rising"])
    g.add("earlier", "", tolls["earlier"])
    g.add("subcount", "", casualty["subcounts"]["before"])
    g.add("numlabel", "", numbers["context"]["labels"])
    g.add("month", "", numbers["context"]["months"])
    hedges = load("hedges")
    g.add("deny", "", [w for w in hedges["negation"] if w.startswith(_DENIAL)])
    g.add("negation", "", [w for w in hedges["negation"] if not w.startswith(_DENIAL)])
    roles = load("actors")["roles"]
    killed = load("casualty")["outcomes"]["killed"]["after"]
    g.add("attack", "", [*roles["attack_verbs"], *roles["strike_nouns"], *killed, "wounded"])
    for name in ("by_context", "from_forces", "blame", "target_nouns", "target_after", "clash"):
        g.add("role_" + name, "", roles[name])
    g.add("role_target_before", "", roles["target_before"])
    g.add("role_verb", "", [*roles["attack_verbs"], *_BARE_VERBS])
    g.add("role_strike", "", roles["strike_nouns"])


_TIME_WORDS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday")
_TIME_WORDS += ("saturday", "sunday", "yesterday", "today", "tonight", "this morning", "last night")
_AIR_WORDS = ("airport", "airbase", "air base", "airfield", "air field", "military base")
_DENIAL = ("den", "rej", "dism", "refut")  # negation words that deny ("denied", "rejected ...")
_BARE_VERBS = ("strike", "bomb", "attack", "target", "kill", "shell", "carry out", "conduct")
