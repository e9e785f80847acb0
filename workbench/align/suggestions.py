"""Suggested verdicts: for every claim of a group, what the other origins say about it.

`disputed` when an independent origin contradicts it or gives another answer (an update — a later,
higher toll — is never a contradiction, of the newer figure or the older); `corroborated` when at
least one independent origin bears it out; `unverified` otherwise. The reason is one line naming
the origins and their figures. A hypothetical claim ("even if it was a mistake") is shown but
neither supports nor contradicts anything, so it stays `unverified`. Suggestions never touch a
reviewer's verdict.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from workbench.align.agreement import Relation, Stances, effective_intent, interval
from workbench.align.claimview import ClaimLike
from workbench.align.origins import Sourced
from workbench.models import Suggestion, VerdictName

MAX_NAMED = 3  # origins named per part of a reason before "and N more"


def describe(claim: ClaimLike) -> str:
    """A claim's value in a few words: "62 killed", "F-16 x2", "deliberate"."""
    if claim.kind == "casualty":
        return f"{count_text(claim)} {claim.outcome or 'killed'}"
    if claim.kind == "weapon":
        text = claim.canonical or "weapon"
        text += f" x{claim.count}" if claim.count is not None else ""
    elif claim.kind == "actor":
        text = claim.canonical or "unknown"
    elif claim.kind == "intent":
        text = effective_intent(claim) or "unclear"
        return text + (" (hypothetical)" if claim.hypothetical else "")
    elif claim.kind == "place":
        text = claim.canonical or "?"
        if claim.value and claim.value.casefold() != text.casefold():
            text += f" ({claim.value})"
    else:
        text = claim.value or "?"
    return ("not " + text) if claim.negated else text


def count_text(claim: ClaimLike) -> str:
    if claim.negated:
        return "none"
    low, high = interval(claim, widen=False)
    about = "about " if claim.approximate else ""
    if math.isinf(high):
        return f"at least {int(low)}"
    if low == 0 and claim.low is None:
        return f"up to {int(high)}"
    if low == high:
        return f"{about}{int(low)}"
    return f"{about}{int(low)}-{int(high)}"


def _names(parts: list[tuple[str, str]]) -> str:
    shown = [f"{name} ({value})" for name, value in parts[:MAX_NAMED]]
    if len(parts) > MAX_NAMED:
        shown.append(f"and {len(parts) - MAX_NAMED} more")
    return ", ".join(shown)


def _figures(claims: Sequence[Sourced]) -> str:
    values: list[str] = []
    for s in claims:
        v = describe(s.claim)
        if v not in values:
            values.append(v)
    return "; ".join(values[:2]) + ("; …" if len(values) > 2 else "")


def suggest(members: Sequence[Sourced], stances: Stances | None = None) -> list[Suggestion]:
    """One suggestion per member claim of a group, in member order."""
    return [
        Suggestion(claim_id=c, verdict=v, reason=r, origins=o)
        for c, v, r, o in judge_group(members, stances)
    ]


Judged = tuple[VerdictName, str, list[str]]


def judge_group(
    members: Sequence[Sourced], stances: Stances | None = None
) -> list[tuple[int, VerdictName, str, list[str]]]:
    """`suggest` as plain (claim id, verdict, reason, origins) tuples: what a worker sends back."""
    stances = stances or Stances(members)
    printed_by: dict[str, list[str]] = {}
    for s in members:
        outlets = printed_by.setdefault(s.origin.key, [])
        if s.outlet not in outlets:
            outlets.append(s.outlet)
    names = {s.origin.key: s.origin.name for s in members}
    voices = {
        vid: _Voice([names[k] for k in keys], keys, _figures(stances.origins[keys[0]]))
        for vid, keys in stances.voices.items()
    }
    values: dict[str, str] = {}
    judged: dict[tuple[str, str], Judged] = {}
    out: list[tuple[int, VerdictName, str, list[str]]] = []
    for s in members:
        key = (s.signature, s.origin.key)
        found = judged.get(key)
        if found is None:
            value = values.get(s.signature)
            if value is None:
                value = values[s.signature] = describe(s.claim)
            via = [o for o in printed_by[s.origin.key] if o != s.origin.name]
            found = judged[key] = _judge(s, value, via, stances, voices)
        out.append((s.claim_id, *found))
    return out


class _Voice:
    """Origins that said the same things: their names and keys, and their figures."""

    def __init__(self, names: list[str], keys: list[str], figures: str) -> None:
        self.keys = frozenset(keys)
        self.entries = [(n, figures) for n in names]
        self.by_key = list(zip(keys, self.entries, strict=True))

    def others(self, own_key: str) -> list[tuple[str, str]]:
        """(name, figures) of the voice's origins other than `own_key`."""
        if own_key not in self.keys:
            return self.entries
        return [entry for key, entry in self.by_key if key != own_key]


def _judge(
    s: Sourced, value: str, via: list[str], stances: Stances, voices: dict[int, _Voice]
) -> Judged:
    """The verdict, reason and origins for one claim (and every claim like it from its origin);
    `value` is the claim described."""
    own = s.origin.name
    source = own + (f" via {', '.join(via[:MAX_NAMED])}" if via else "")
    if s.claim.hypothetical:
        reason = f"{value} from {source}: hypothetical, neither supports nor contradicts anything"
        return "unverified", " ".join(reason.split()), [own]
    if s.aside:
        reason = (
            f"{value} from {source}: said of another moment than when the incident happened,"
            " neither supports nor contradicts anything"
        )
        return "unverified", " ".join(reason.split()), [own]
    support: list[tuple[str, str]] = []
    against: list[tuple[str, str]] = []
    updates: list[tuple[str, str]] = []
    for vid, voice in voices.items():
        said = stances.of_voice(s, vid)
        if said in (Relation.CONTRADICTS, Relation.COMPETES):
            against.extend(voice.others(s.origin.key))
        elif said is Relation.SUPPORTS:
            support.extend(voice.others(s.origin.key))
        elif said is Relation.UPDATES:
            updates.extend(voice.others(s.origin.key))
    parts = [f"{value} from {source}"]
    verdict: VerdictName
    if against:
        verdict = "disputed"
        parts.append(f"contradicted by {_names(against)}")
        if support:
            parts.append(f"borne out by {_names(support)}")
    elif support:
        verdict = "corroborated"
        parts.append(f"borne out by {_names(support)}")
    else:
        verdict = "unverified"
        parts.append("no independent second origin")
    if updates:
        parts.append(f"a rising toll with {_names(updates)} (an update, not a dispute)")
    involved = [own] + [n for n, _ in against + support + updates]
    return verdict, " ".join("; ".join(parts).split()), list(dict.fromkeys(involved))
