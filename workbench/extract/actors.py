"""Parties in one sentence and their role in the attack: perpetrator or target.

An actor is named by an alias from `lexicon/actors.toml` ("regime", "Daesh", "YPG", "coalition
jets"). Its role comes from the words around it (`[roles]` in the same file):
- perpetrator: "... by the US-led coalition", "warplanes from the coalition", "regime shelling",
  "ISIS claimed responsibility", "Russian jets bombed", "Washington blamed Moscow";
- target: "bombed a Syrian army position", "attack against ISIS", "Syrian soldiers were killed".
A mention with no such words makes no claim. A denial makes the claim negated ("Russia denied
involvement", "Russian jets did not strike").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit

PERPETRATOR = "perpetrator"
TARGET = "target"


@dataclass(frozen=True, slots=True)
class Actor:
    start: int
    end: int
    canonical: str
    role: str
    negated: bool = False


# What may stand between a cue and the actor it reads (the cues themselves are gazetteer tables).
_POSS = r"\.?(?:['’]s?)?"  # "U.S." ends with a stop the alias leaves out; "Assad's"
# up to three words, none a conjunction, a relative pronoun or a preposition (the verb after them
# is then the actor's own: "ISIS terrorist group killed", not "accused Moscow of bombing")
_GAP3 = (
    r"(?:\s+(?:(?:in|on|at|near)\s+(?:the\s+)?[A-Z][\w'’\-]*"  # "on Monday", "in Syria"
    r"|(?!(?:and|but|while|who|which|that|of|to|for|by|on|in|at|against|from|with)\b)"
    r"\(?[\w'’\-]+\)?)){0,3}?"
)
_GAPS = {
    "role_by_context": re.compile(
        r"\s+(?:the\s+)?(?:(?:[\w'’\-]+\s+){0,3}(?:and|or|,)\s+(?:the\s+)?|[\w'’\-]+\s+){0,2}",
        re.I,
    ),
    "role_clash": re.compile(
        r"\s+(?:the\s+)?(?:(?:[\w'’\-]+\s+){0,4}(?:and|,)\s+(?:the\s+)?|[\w'’\-]+\s+){0,2}",
        re.I,
    ),
    "role_from_forces": re.compile(r"\s+(?:the\s+)?", re.I),
    "role_blame": re.compile(
        r"\s+(?:(?:the|a|an)\s+)?(?:[\w'’\-]+\s+){0,3}?(?:on\s+|to\s+)?(?:the\s+)?", re.I
    ),
    "role_target_before": re.compile(
        r"\s+(?:(?:the|a|an|its|their|some)\s+)?(?:(?!(?:when|as|after|while|because|and|but|that"
        r"|which|who|where|if|since|before|until)\b)[\w'’\-]+\s+){0,2}",
        re.I,
    ),
    "deny": re.compile(_POSS + r"(?:\s+[\w'’\-]+){0,3}?\s+(?:\w+\s+)?", re.I),
    "role_target_nouns": re.compile(_POSS + r"(?:\s+[\w'’\-]+)?\s+", re.I),
    "role_target_after": re.compile(_POSS + _GAP3 + r"\s+", re.I),
    "role_verb": re.compile(
        _POSS
        + r"(?:\s*-?\s*(?:led|backed|allied|affiliated|linked|loyal))?"
        + _GAP3
        + r"(?P<neg>\s+(?:did|does|do|had|has|have|was|were)\s+not|\s+never)?\s+",
        re.I,
    ),
    "role_strike": re.compile(_POSS + r"(?:\s+[\w'’\-]+)?\s+", re.I),
}
REACH = 90  # characters between an actor and the cue that gives its role
_NO_AFTER = re.compile(r"\s+no\b", re.I)
_ONLY = re.compile(r"\s+only\b", re.I)


@cache
def _policy_verbs() -> frozenset[str]:
    return frozenset(lexicon.normal(v) for v in lexicon.load("actors")["roles"]["policy_verbs"])


def _policy(sentence: str, actor: Hit, cues: dict[str, list[Hit]]) -> bool:
    """ "they strike only terrorist targets": the verb after the actor states a policy."""
    verb = next((h for h in cues.get("role_verb", ()) if h.start >= actor.end), None)
    return (
        verb is not None
        and _ONLY.match(sentence, verb.end) is not None
        and lexicon.normal(sentence[verb.start : verb.end]) in _policy_verbs()
    )


def _denied(sentence: str, actor: Hit, cues: dict[str, list[Hit]], verb: re.Match[str]) -> bool:
    """ "did not strike", "carried out no missions"."""
    if verb.group("neg"):
        return True
    end = next((h.end for h in cues.get("role_verb", ()) if h.start >= actor.end), actor.end)
    return _NO_AFTER.match(sentence, end) is not None


def _before(sentence: str, actor: Hit, cues: dict[str, list[Hit]], table: str) -> bool:
    """A `table` cue ends right before the actor, with only the allowed words between."""
    for h in reversed(cues.get(table, ())):
        if h.end <= actor.start:
            return actor.start - h.end <= REACH and bool(
                _GAPS[table].fullmatch(sentence, h.end, actor.start)
            )
    return False


def _after(
    sentence: str, actor: Hit, cues: dict[str, list[Hit]], table: str
) -> re.Match[str] | None:
    """The gap to the first `table` cue after the actor, when only allowed words stand in it."""
    for h in cues.get(table, ()):
        if h.start >= actor.end:
            if h.start - actor.end > REACH:
                return None
            return _GAPS[table].fullmatch(sentence, actor.end, h.start)
    return None


def _role(
    sentence: str, h: Hit, cues: dict[str, list[Hit]], attack: bool
) -> tuple[str, bool] | None:
    """(role, negated) of one mention, or None when the words do not say."""
    if _before(sentence, h, cues, "role_by_context") and any(
        a.end <= h.start for a in cues.get("attack", ())
    ):
        return PERPETRATOR, False
    if any(_before(sentence, h, cues, t) for t in ("role_from_forces", "role_blame", "role_clash")):
        return PERPETRATOR, False  # "jets from the coalition", "blamed X", "clashes with X"
    if _after(sentence, h, cues, "deny"):
        return PERPETRATOR, True
    if attack and _after(sentence, h, cues, "role_target_nouns"):
        return TARGET, False
    verb = _after(sentence, h, cues, "role_verb")
    if verb and _policy(sentence, h, cues):
        verb = None
    if verb and not verb.group(0).strip(" '’s-"):  # "regime helicopters dropped"
        return PERPETRATOR, _denied(sentence, h, cues, verb)
    if _after(sentence, h, cues, "role_target_after") or _before(
        sentence, h, cues, "role_target_before"
    ):
        return TARGET, False
    if verb:
        return PERPETRATOR, _denied(sentence, h, cues, verb)
    if _after(sentence, h, cues, "role_strike"):
        return PERPETRATOR, False
    return None


def find_actors(
    sentence: str, hits: list[Hit], cues: dict[str, list[Hit]] | None = None
) -> list[Actor]:
    """One actor claim per (canonical, role) in the sentence, at its first mention.

    `cues`: the hits by table, when the caller has them."""
    if cues is None:
        cues = {}
        for h in hits:
            cues.setdefault(h.entry.table, []).append(h)
    if "actor" not in cues:
        return []
    attack = "attack" in cues
    denials = cues.get("deny", [])
    found: dict[tuple[str, str], Actor] = {}
    for h in cues.get("actor", ()):
        if h.canonical == "-":
            continue
        read = _role(sentence, h, cues, attack)
        if read is None:
            continue
        role, negated = read
        if not negated and role == PERPETRATOR:
            negated = any(d.end <= h.start for d in denials)
        found.setdefault((h.canonical, role), Actor(h.start, h.end, h.canonical, role, negated))
    return sorted(found.values(), key=lambda a: a.start)
