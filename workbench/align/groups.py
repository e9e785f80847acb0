"""Claim groups: inside one event, the claims that answer one question.

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

from rapidfuzz import fuzz, process

from workbench.align.lexicon import load_words
from workbench.align.origins import Sourced
from workbench.models import Claim

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


def _bucket(claim: Claim) -> str:
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


def _casualty_questions(members: Sequence[Sourced]) -> dict[int, tuple[str, str]]:
    """claim id -> (question, label) for every casualty claim of an event."""
    nouns = load_words().class_noun
    out: dict[int, tuple[str, str]] = {}
    nations: dict[tuple[str, str], set[str]] = {}
    for s in members:
        c = s.claim
        if c.parent is None and c.parent_fingerprint is None and _bucket(c) in SPLIT_BY_NATIONALITY:
            n = nationality(c.subject)
            if n:
                nations.setdefault((c.outcome or "killed", _bucket(c)), set()).add(n)
    seen_subs: list[str] = []
    for s in members:
        c = s.claim
        outcome = c.outcome or "killed"
        if c.parent is not None or c.parent_fingerprint is not None:
            noun = sub_subject(c.subject, seen_subs)
            if noun not in seen_subs:
                seen_subs.append(noun)
            out[s.claim_id] = (f"casualty/{outcome}/of/{noun}", f"{noun} among the {outcome}")
            continue
        bucket = _bucket(c)
        noun = nouns.get(bucket, "people")
        nation = ""
        if bucket in SPLIT_BY_NATIONALITY:
            found = nations.get((outcome, bucket), set())
            nation = nationality(c.subject) or (next(iter(found)) if len(found) == 1 else "")
        question = f"casualty/{outcome}/{bucket}" + (f"/{nation.casefold()}" if nation else "")
        label = f"{nation + ' ' if nation else ''}{noun} {outcome}"
        out[s.claim_id] = (question, label)
    return out


def _question(claim: Claim) -> str:
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
    return sorted(drafts.values(), key=_order)
