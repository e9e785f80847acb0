"""ClaimLike groups: inside one event, the claims that answer one question.

Casualty counts form one group per outcome and subject class ("soldiers killed", "civilians
killed", "people injured"); a nationality in the subject splits soldiers and fighters ("Russian
pilots" against "Syrian soldiers"), and a sub-count ("including 11 children") is a question of its
own, its subject folded to a noun from words.toml or matched to one already seen with rapidfuzz.
Weapons, who carried it out, who was hit, intent, place and time are one group each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from workbench.align.claimview import ClaimLike
from workbench.align.lexicon import load_words
from workbench.align.origins import Sourced

OUTCOMES = ("killed", "injured", "missing", "captured", "displaced")
CLASS_BUCKETS = {"civilian": "civilian", "military": "military", "armed-group": "armed-group"}
SPLIT_BY_NATIONALITY = ("military", "armed-group")
SUBJECT_MATCH = 85  # rapidfuzz score for two sub-count subjects to be one question
_WORD = re.compile(r"[\w.'-]+")

# the questions other than casualties, in the order groups are listed
QUESTIONS: dict[str, str] = {
    "weapon": "weapons used",
    "actor/perpetrator": "who carried it out",
    "actor/target": "who was hit",
    "actor": "parties named",
    "intent": "intent",
    "place": "place",
    "time": "time",
}


@dataclass
class Draft:
    """A group before it is stored: its question (the key inside the event) and members."""

    question: str
    kind: str
    label: str
    members: list[Sourced] = field(default_factory=list)

    def key(self, event_key: str) -> str:
        return f"{event_key}/{self.question}"


def _bucket(claim: ClaimLike) -> str:
    return CLASS_BUCKETS.get(claim.subject_class or "", "people")


def nationality(subject: str | None) -> str | None:
    if not subject:
        return None
    table = load_words().nationalities
    for word in _WORD.findall(subject.casefold()):
        if word in table:
            return table[word]
    return None


def sub_subject(subject: str | None, seen: list[str]) -> str:
    """The noun a sub-count's subject folds to ("kids" -> "children"), or one already seen."""
    words = _WORD.findall((subject or "").casefold())
    table = load_words().sub_subjects
    for word in reversed(words):
        if word in table:
            return table[word]
    phrase = " ".join(words) or "others"
    match = process.extractOne(
        phrase, seen, scorer=fuzz.token_set_ratio, score_cutoff=SUBJECT_MATCH
    )
    return match[0] if match else phrase


def is_part(claim: ClaimLike) -> bool:
    """A sub-count: extraction found the total it belongs to, or its subject is a part of any
    total ("seven children and four women were among the dead")."""
    if claim.parent is not None or claim.parent_fingerprint is not None:
        return True
    return _names_a_part(claim.subject or "")


@lru_cache(maxsize=4096)
def _names_a_part(subject: str) -> bool:
    """Whether the first noun words.toml knows in the subject is a part of any total."""
    table = load_words().sub_subjects
    first = next((table[w] for w in _WORD.findall(subject.casefold()) if w in table), "")
    return first in load_words().sub_groups


def _casualty_questions(members: Sequence[Sourced]) -> dict[int, tuple[str, str]]:
    """claim id -> (question, label) for every casualty claim of an event.

    A total that does not say who was hit ("18 people were killed", "the toll rose to 27")
    answers the one more specific question of its outcome when the event has exactly one
    ("civilians killed"): it is the same toll, and a rising toll reads in one group.
    """
    words = load_words()
    out: dict[int, tuple[str, str]] = {}
    nations: dict[tuple[str, str], set[str]] = {}
    totals = [s for s in members if not is_part(s.claim)]
    for s in totals:
        c = s.claim
        if _bucket(c) in SPLIT_BY_NATIONALITY:
            n = nationality(c.subject)
            if n:
                nations.setdefault((c.outcome or "killed", _bucket(c)), set()).add(n)
    seen_subs: list[str] = []
    for s in members:
        c = s.claim
        if is_part(c):
            outcome = c.outcome or "killed"
            noun = sub_subject(c.subject, seen_subs)
            if noun not in seen_subs:
                seen_subs.append(noun)
            out[s.claim_id] = (f"casualty/{outcome}/of/{noun}", f"{noun} among the {outcome}")
    specific: dict[str, set[tuple[str, str]]] = {}  # outcome -> its questions of a known class
    unknown: list[Sourced] = []
    for s in totals:
        c = s.claim
        outcome = c.outcome or "killed"
        bucket = _bucket(c)
        noun = words.class_noun.get(bucket, "people")
        nation = ""
        if bucket in SPLIT_BY_NATIONALITY:
            found = nations.get((outcome, bucket), set())
            nation = nationality(c.subject) or (next(iter(found)) if len(found) == 1 else "")
        question = f"casualty/{outcome}/{bucket}" + (f"/{nation.casefold()}" if nation else "")
        label = f"{nation + ' ' if nation else ''}{noun} {outcome}"
        out[s.claim_id] = (question, label)
        if bucket != "people":
            specific.setdefault(outcome, set()).add((question, label))
        elif (c.subject_class or "unknown") == "unknown":
            unknown.append(s)
    for s in unknown:
        answers = specific.get(s.claim.outcome or "killed", set())
        if len(answers) == 1:
            ((question, label),) = answers
            joined = f"{label} ({words.joined_by})" if words.joined_by else label
            out[s.claim_id] = (question, joined)
    return out


def _question(claim: ClaimLike) -> str:
    if claim.kind == "actor":
        return f"actor/{claim.role}" if claim.role in ("perpetrator", "target") else "actor"
    return claim.kind


def _order(draft: Draft) -> tuple[int, int, str]:
    if draft.kind == "casualty":
        outcome = draft.question.split("/")[1]
        rank = OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES)
        return (0, rank, draft.question)
    return (1, list(QUESTIONS).index(draft.question), draft.question)


def group_claims(members: Sequence[Sourced]) -> list[Draft]:
    """The groups of one event's claims, casualties first, each member once."""
    casualty = _casualty_questions([s for s in members if s.claim.kind == "casualty"])
    drafts: dict[str, Draft] = {}
    for s in members:
        if s.claim.kind == "casualty":
            question, label = casualty[s.claim_id]
        else:
            question = _question(s.claim)
            label = QUESTIONS[question]
        draft = drafts.setdefault(question, Draft(question, s.claim.kind, label))
        draft.members.append(s)
        if len(label) > len(draft.label) and label.startswith(draft.label):
            draft.label = label  # it holds counts not saying who too
    return sorted(drafts.values(), key=_order)
